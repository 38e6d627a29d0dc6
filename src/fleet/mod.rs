//! The node's hosts and how the jump host reaches them: the [`inventory`], the [`protocol`]
//! spoken with the znode agent on each host, and [`ssh`], the system OpenSSH client that
//! carries it.

pub mod inventory;
pub mod protocol;
pub mod ssh;

pub use inventory::{FleetSettings, Host, Inventory, LOCAL};
