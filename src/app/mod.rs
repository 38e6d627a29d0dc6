//! Use cases that combine the engines: what a command does, without how it is asked for or
//! shown. `cli/` calls these and prints what they return.

pub mod inspection;
