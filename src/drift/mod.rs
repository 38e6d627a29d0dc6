//! Configuration snapshots and drift (SPEC R2 配置管理): the path sets of a host's role (a
//! 前置机's nginx/Tomcat and exchange-program configs, crontabs, hosts, systemd units, JDK
//! cacerts) recorded with metadata, a content hash and the masked text of text files; compared
//! with the accepted baseline, metadata and content apart, with unified diffs of the masked text.
//! Secrets never leave the host unmasked: each value is replaced by a keyed hash, so a changed
//! password shows as a changed line and cannot be recovered from the store.

pub mod compare;
pub mod key;
pub mod mask;
pub mod paths;
pub mod snapshot;
pub mod who;
