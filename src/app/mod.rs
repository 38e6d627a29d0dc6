//! Use cases that combine the engines: what a command does, without how it is asked for or
//! shown. `cli/` calls these and prints what they return.

pub mod access;
pub mod backfill;
pub mod backup;
pub mod fleet;
pub mod inspection;
pub mod logs;
pub mod release;
pub mod serve;
pub mod watch;
