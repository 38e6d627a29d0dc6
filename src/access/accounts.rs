//! The account databases: `/etc/passwd`, `/etc/shadow`, `/etc/group`, and the defaults new
//! accounts get (`/etc/login.defs`, `/etc/default/useradd`).

use std::collections::BTreeMap;

use super::root::Root;

/// One `/etc/passwd` line.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    /// Login name.
    pub name: String,
    /// UID.
    pub uid: u32,
    /// Primary GID.
    pub gid: u32,
    /// GECOS (full name, comments).
    pub gecos: String,
    /// Field 2 is empty: the account logs in without a password, whatever shadow says.
    pub no_password: bool,
    /// Home folder.
    pub home: String,
    /// Login shell.
    pub shell: String,
    /// 1-based line in `/etc/passwd`.
    pub line: usize,
}

impl User {
    /// Whether the shell lets the account log in interactively.
    pub fn has_login_shell(&self) -> bool {
        let base = self.shell.rsplit('/').next().unwrap_or("");
        !(self.shell.is_empty()
            || matches!(base, "nologin" | "false" | "sync" | "shutdown" | "halt"))
    }
}

/// The state of an account's password, from `/etc/shadow` field 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordState {
    /// A hash: the account can log in with a password.
    Usable,
    /// `!` or `*` in front: no password login.
    Locked,
    /// Empty: logs in without a password.
    Empty,
}

impl PasswordState {
    /// The word the review table uses.
    pub fn zh(self) -> &'static str {
        match self {
            PasswordState::Usable => "有口令",
            PasswordState::Locked => "已锁定",
            PasswordState::Empty => "空口令",
        }
    }

    /// The word in English.
    pub fn en(self) -> &'static str {
        match self {
            PasswordState::Usable => "set",
            PasswordState::Locked => "locked",
            PasswordState::Empty => "EMPTY",
        }
    }
}

/// One `/etc/shadow` line; ageing fields are `None` when empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Shadow {
    /// Login name.
    pub name: String,
    /// Password state.
    pub state: PasswordState,
    /// The hash method's id (`6` sha512, `y` yescrypt, `1` md5, `des`...), for a usable password.
    pub method: Option<String>,
    /// Day of the last change, in days since 1970-01-01 (0: must change at next login).
    pub last_change: Option<i64>,
    /// Minimum days between changes.
    pub min_days: Option<i64>,
    /// Maximum days a password is valid.
    pub max_days: Option<i64>,
    /// Days of warning before expiry.
    pub warn_days: Option<i64>,
    /// Days after expiry until the account is disabled.
    pub inactive_days: Option<i64>,
    /// Day the account expires.
    pub expire: Option<i64>,
}

impl Shadow {
    /// The hash method in words.
    pub fn method_name(&self) -> &str {
        match self.method.as_deref() {
            Some("1") => "MD5",
            Some("5") => "SHA-256",
            Some("6") => "SHA-512",
            Some("y") => "yescrypt",
            Some("gy") => "gost-yescrypt",
            Some("7") => "scrypt",
            Some("2a" | "2b" | "2y") => "bcrypt",
            Some("des") => "DES",
            Some(other) => other,
            None => "",
        }
    }

    /// Whether the method is one current guidance accepts.
    pub fn strong(&self) -> bool {
        matches!(
            self.method.as_deref(),
            Some("6" | "y" | "gy" | "7" | "2b" | "2y")
        )
    }
}

/// One `/etc/group` line.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Group name.
    pub name: String,
    /// GID.
    pub gid: u32,
    /// Secondary members.
    pub members: Vec<String>,
}

/// Reads `/etc/passwd`; lines that are not seven fields with numeric ids are skipped
/// (NIS `+` entries, damage) and returned as problems.
pub fn parse_passwd(text: &str) -> (Vec<User>, Vec<String>) {
    let mut users = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(':').collect();
        let parsed = (f.len() == 7)
            .then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
            .flatten();
        match parsed {
            Some((uid, gid)) => users.push(User {
                name: f[0].to_owned(),
                uid,
                gid,
                gecos: f[4].to_owned(),
                no_password: f[1].is_empty(),
                home: f[5].to_owned(),
                shell: f[6].to_owned(),
                line: i + 1,
            }),
            None => bad.push(format!("/etc/passwd 第 {} 行格式不符", i + 1)),
        }
    }
    (users, bad)
}

/// Reads `/etc/shadow`.
pub fn parse_shadow(text: &str) -> Vec<Shadow> {
    let num = |s: &str| s.trim().parse::<i64>().ok();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() < 2 {
                return None;
            }
            let pw = f[1];
            let state = if pw.is_empty() {
                PasswordState::Empty
            } else if pw.starts_with('!') || pw.starts_with('*') {
                PasswordState::Locked
            } else {
                PasswordState::Usable
            };
            let method = (state == PasswordState::Usable).then(|| {
                match pw.strip_prefix('$').and_then(|r| r.split_once('$')) {
                    Some((id, _)) => id.to_owned(),
                    None => "des".to_owned(),
                }
            });
            let field = |i: usize| f.get(i).copied().and_then(num);
            Some(Shadow {
                name: f[0].to_owned(),
                state,
                method,
                last_change: field(2),
                min_days: field(3),
                max_days: field(4),
                warn_days: field(5),
                inactive_days: field(6),
                expire: field(7),
            })
        })
        .collect()
}

/// Reads `/etc/group`.
pub fn parse_group(text: &str) -> Vec<Group> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() < 4 {
                return None;
            }
            Some(Group {
                name: f[0].to_owned(),
                gid: f[2].parse().ok()?,
                members: f[3]
                    .split(',')
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        })
        .collect()
}

/// `KEY VALUE` lines (`/etc/login.defs`): the last setting of a key wins, as in shadow-utils.
pub fn parse_defs(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(2, char::is_whitespace);
        if let (Some(k), Some(v)) = (parts.next(), parts.next()) {
            out.insert(k.to_owned(), v.trim().trim_matches('"').to_owned());
        }
    }
    out
}

/// `KEY=VALUE` lines (`/etc/default/useradd`, `faillock.conf`, `pwquality.conf` with spaces
/// around `=`); a bare word is a flag with an empty value.
pub fn parse_assignments(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        match line.split_once('=') {
            Some((k, v)) => out.insert(k.trim().to_owned(), v.trim().trim_matches('"').to_owned()),
            None => out.insert(line.to_owned(), String::new()),
        };
    }
    out
}

/// Everything read about the accounts of a host.
#[derive(Debug, Default)]
pub struct Accounts {
    /// `/etc/passwd` entries in file order.
    pub users: Vec<User>,
    /// `/etc/shadow` entries by name; `None` when shadow could not be read.
    pub shadow: Option<BTreeMap<String, Shadow>>,
    /// Why shadow could not be read.
    pub shadow_error: Option<String>,
    /// `/etc/group` entries.
    pub groups: Vec<Group>,
    /// `/etc/login.defs`.
    pub login_defs: BTreeMap<String, String>,
    /// `/etc/default/useradd`.
    pub useradd: BTreeMap<String, String>,
    /// Lines that could not be read as entries.
    pub problems: Vec<String>,
}

impl Accounts {
    /// Reads the account files under `root`.
    pub fn read(root: &Root) -> Result<Accounts, String> {
        let passwd = root
            .read("/etc/passwd")
            .map_err(|e| format!("/etc/passwd：{e}"))?
            .ok_or_else(|| "/etc/passwd 不存在".to_owned())?;
        let (users, problems) = parse_passwd(&passwd);
        let mut a = Accounts {
            users,
            problems,
            ..Accounts::default()
        };
        match root.read("/etc/shadow") {
            Ok(Some(t)) => {
                a.shadow = Some(
                    parse_shadow(&t)
                        .into_iter()
                        .map(|s| (s.name.clone(), s))
                        .collect(),
                )
            }
            Ok(None) => a.shadow_error = Some("/etc/shadow 不存在".into()),
            Err(e) => a.shadow_error = Some(format!("/etc/shadow：{e}")),
        }
        if let Ok(Some(t)) = root.read("/etc/group") {
            a.groups = parse_group(&t);
        }
        if let Ok(Some(t)) = root.read("/etc/login.defs") {
            a.login_defs = parse_defs(&t);
        }
        if let Ok(Some(t)) = root.read("/etc/default/useradd") {
            a.useradd = parse_assignments(&t);
        }
        Ok(a)
    }

    /// The first UID of ordinary accounts (`UID_MIN`, default 1000).
    pub fn uid_min(&self) -> u32 {
        self.def_num("UID_MIN").map_or(1000, |v| v as u32)
    }

    /// A numeric `login.defs` value.
    pub fn def_num(&self, key: &str) -> Option<i64> {
        self.login_defs.get(key).and_then(|v| v.parse().ok())
    }

    /// The shadow entry of a user.
    pub fn shadow_of(&self, name: &str) -> Option<&Shadow> {
        self.shadow.as_ref()?.get(name)
    }

    /// The groups a user belongs to: primary first, then secondary, by name.
    pub fn groups_of(&self, user: &User) -> Vec<String> {
        let mut out: Vec<String> = self
            .groups
            .iter()
            .filter(|g| g.gid == user.gid)
            .map(|g| g.name.clone())
            .take(1)
            .collect();
        for g in &self.groups {
            if g.members.iter().any(|m| m == &user.name) && !out.contains(&g.name) {
                out.push(g.name.clone());
            }
        }
        out
    }

    /// Whether an account is a person's or service's login: it has a usable or empty
    /// password, or a login shell.
    pub fn can_log_in(&self, user: &User) -> bool {
        let pw = self.shadow_of(&user.name).map(|s| s.state);
        user.has_login_shell() && pw != Some(PasswordState::Locked)
            || pw == Some(PasswordState::Empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shadow_fields_and_methods() {
        let s = parse_shadow(
            "root:$6$salt$hash:19700:0:99999:7:::\nops:$1$x$y:19000::90:7:30::\nbin:*:19000:::::\nguest::19000::::::\nold:abcdefghijklm:1::::::\n",
        );
        assert_eq!(s[0].method_name(), "SHA-512");
        assert!(s[0].strong());
        assert_eq!(s[0].max_days, Some(99999));
        assert_eq!(s[1].method_name(), "MD5");
        assert_eq!(s[1].min_days, None);
        assert_eq!(s[1].inactive_days, Some(30));
        assert_eq!(s[2].state, PasswordState::Locked);
        assert_eq!(s[3].state, PasswordState::Empty);
        assert_eq!(s[4].method_name(), "DES");
    }

    #[test]
    fn passwd_skips_damaged_lines() {
        let (u, bad) = parse_passwd(
            "root:x:0:0:root:/root:/bin/bash\n+::::::\nops:x:1000:1000::/home/ops:/usr/sbin/nologin\n",
        );
        assert_eq!(u.len(), 2);
        assert!(u[0].has_login_shell());
        assert!(!u[1].has_login_shell());
        assert_eq!(bad, vec!["/etc/passwd 第 2 行格式不符"]);
    }

    #[test]
    fn defs_last_wins_and_assignments_strip_comments() {
        let d = parse_defs("PASS_MAX_DAYS 99999\n# PASS_MAX_DAYS 1\nPASS_MAX_DAYS\t90\n");
        assert_eq!(d["PASS_MAX_DAYS"], "90");
        let a = parse_assignments("deny = 3 # tries\n even_deny_root\nINACTIVE=-1\n");
        assert_eq!(a["deny"], "3");
        assert_eq!(a["even_deny_root"], "");
        assert_eq!(a["INACTIVE"], "-1");
    }
}
