//! Integration tests: they run the real `znode` binary against real services on loopback
//! (an HTTP and a TLS server started here, PostgreSQL, MariaDB, a black-holed port).
//! One test binary, one module per area (the `just` layout).

mod access;
mod backup;
mod checks_cmd;
mod config_errors;
mod data;
mod data_diff;
mod drift;
mod elasticsearch;
mod fleet;
mod fuzz;
mod incident;
mod install;
mod journal;
mod layers;
mod logs;
mod mysql;
mod nginx;
mod notify;
mod pack;
mod playbook;
mod postgres;
mod probe_cmd;
mod probes;
mod rabbitmq;
mod redis;
mod redundancy;
mod report;
mod routine_report;
mod secrets;
mod secrets_probe;
mod store;
mod support;
mod sync;
mod sysconfig;
mod tomcat;
mod version;
mod watch;
