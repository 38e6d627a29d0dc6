//! znode: the inspection, probe, history and report tool of the O&M team of the Zhaoqing
//! sub-node of the Guangdong provincial government big-data center (省政务大数据中心肇庆分节点).
//!
//! The library holds everything; `main.rs` only calls [`cli::main`]. Nothing outside `cli/`
//! prints or reads command-line types.

pub mod access;
pub mod alert;
pub mod app;
pub mod backup;
pub mod catalog;
pub mod cli;
pub mod core;
pub mod data;
pub mod drift;
pub mod fleet;
pub mod incident;
pub mod judge;
pub mod logs;
pub mod notify;
pub mod outbox;
pub mod pack;
pub mod probe;
pub mod record;
pub mod report;
pub mod runbook;
pub mod runner;
pub mod settings;
pub mod store;
