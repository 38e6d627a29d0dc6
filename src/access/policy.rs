//! The thresholds an access review judges by: the profiles `等保三级` (the settings Chinese
//! 等保 2.0 third-level hardening guides commonly require) and `cis-l1` (CIS Level 1 as the
//! ansible-lockdown RHEL 9 defaults apply it), with per-check overrides. The two disagree
//! (90 vs 365 days, TMOUT, sudo pty); a check says which one it holds the host to.

use serde::Deserialize;

/// A named set of thresholds.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum Profile {
    /// 等保 2.0 third level.
    #[serde(rename = "等保三级", alias = "dengbao-3")]
    Dengbao3,
    /// CIS Level 1.
    #[serde(rename = "cis-l1")]
    CisL1,
}

impl Profile {
    /// How reports name it.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Dengbao3 => "等保三级",
            Profile::CisL1 => "CIS L1",
        }
    }

    /// Its thresholds.
    pub fn policy(self) -> Policy {
        match self {
            Profile::Dengbao3 => Policy {
                max_days: 90,
                min_days: 1,
                warn_days: 7,
                inactive_days: 30,
                minlen: 8,
                minclass: 3,
                remember: 5,
                deny: 5,
                unlock_time: 300,
                deny_root: true,
                permit_root_login: false,
                password_authentication: None,
                max_auth_tries: 5,
                login_grace_time: 60,
                client_alive: 600,
                tmout: 600,
                sudo_use_pty: false,
                sudo_logfile: false,
            },
            Profile::CisL1 => Policy {
                max_days: 365,
                min_days: 1,
                warn_days: 7,
                inactive_days: 30,
                minlen: 14,
                minclass: 4,
                remember: 5,
                deny: 5,
                unlock_time: 900,
                deny_root: false,
                permit_root_login: false,
                password_authentication: None,
                max_auth_tries: 4,
                login_grace_time: 60,
                client_alive: 900,
                tmout: 900,
                sudo_use_pty: true,
                sudo_logfile: true,
            },
        }
    }
}

/// Thresholds of one review.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// Longest a password may be valid (days).
    pub max_days: i64,
    /// Shortest time between changes (days).
    pub min_days: i64,
    /// Warning before expiry (days).
    pub warn_days: i64,
    /// Longest an expired password's account stays usable (days).
    pub inactive_days: i64,
    /// Shortest password.
    pub minlen: i64,
    /// Fewest character classes.
    pub minclass: i64,
    /// Passwords remembered.
    pub remember: i64,
    /// Most failed logins before lockout.
    pub deny: i64,
    /// Shortest lockout (seconds; 0 = until an administrator unlocks, which also passes).
    pub unlock_time: i64,
    /// Root is locked out too (`even_deny_root`).
    pub deny_root: bool,
    /// Root may log in over SSH.
    pub permit_root_login: bool,
    /// Password logins over SSH: required off (`Some(false)`), on, or not judged.
    pub password_authentication: Option<bool>,
    /// Most SSH authentication tries.
    pub max_auth_tries: u64,
    /// Longest SSH login grace (seconds).
    pub login_grace_time: u64,
    /// Longest an idle SSH session lives (ClientAliveInterval × ClientAliveCountMax, seconds).
    pub client_alive: u64,
    /// Longest shell idle timeout (seconds).
    pub tmout: i64,
    /// sudo must run commands in a pty.
    pub sudo_use_pty: bool,
    /// sudo must keep its own log file.
    pub sudo_logfile: bool,
}

/// Per-check overrides of a profile's thresholds (`policy: { max_days: 60 }`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    max_days: Option<i64>,
    min_days: Option<i64>,
    warn_days: Option<i64>,
    inactive_days: Option<i64>,
    minlen: Option<i64>,
    minclass: Option<i64>,
    remember: Option<i64>,
    deny: Option<i64>,
    unlock_time: Option<i64>,
    deny_root: Option<bool>,
    permit_root_login: Option<bool>,
    password_authentication: Option<bool>,
    max_auth_tries: Option<u64>,
    login_grace_time: Option<u64>,
    client_alive: Option<u64>,
    tmout: Option<i64>,
    sudo_use_pty: Option<bool>,
    sudo_logfile: Option<bool>,
}

impl Overrides {
    /// The profile's policy with these values put in.
    pub fn apply(&self, mut p: Policy) -> Policy {
        macro_rules! put {
            ($($f:ident),*) => { $( if let Some(v) = self.$f { p.$f = v; } )* };
        }
        put!(
            max_days,
            min_days,
            warn_days,
            inactive_days,
            minlen,
            minclass,
            remember,
            deny,
            unlock_time,
            deny_root,
            permit_root_login,
            max_auth_tries,
            login_grace_time,
            client_alive,
            tmout,
            sudo_use_pty,
            sudo_logfile
        );
        if self.password_authentication.is_some() {
            p.password_authentication = self.password_authentication;
        }
        p
    }
}
