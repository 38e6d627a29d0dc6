//! Access review (SPEC R2 访问管理): accounts, password policy, login lockout, sshd, sudo and
//! the files that hold them, judged against a profile (`等保三级`, `cis-l1`); and the 账号清单
//! a quarterly review signs off. Everything is read under a [`root::Root`], so the same code
//! reviews the host it runs on, a fixture tree or a mounted image.

pub mod accounts;
pub mod assess;
pub mod inventory;
pub mod pam;
pub mod policy;
pub mod root;
pub mod sshd;
pub mod sudoers;
