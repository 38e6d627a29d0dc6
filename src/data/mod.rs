//! Data quality of the base libraries (SPEC R8): table rules judged in one pass per table,
//! column profiles kept as the data's feature history, masked samples of failing rows, the
//! province's return-flow manifests (回流核验) and the bisection diff of exchanged tables
//! (数据交换对账). The probes in `probe::data*` and `znode data` run what is here.

pub mod checkdigit;
pub mod db;
pub mod dialect;
pub mod diff;
pub mod manifest;
pub mod mask;
pub mod rule;
pub mod table;
