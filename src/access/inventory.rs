//! 账号清单: the accounts of a host as a quarterly access review lists them — who can log in,
//! with which groups, sudo rights and SSH keys, when they last logged in and changed their
//! password — and what changed since the previous review.

use std::collections::BTreeMap;

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::accounts::{Accounts, PasswordState};
use super::root::Root;
use super::sudoers::Sudoers;

/// One account in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// Login name.
    pub name: String,
    /// UID.
    pub uid: u32,
    /// Groups, primary first.
    pub groups: Vec<String>,
    /// Login shell.
    pub shell: String,
    /// Home folder.
    pub home: String,
    /// Password state; `None` when shadow could not be read.
    pub password: Option<PasswordState>,
    /// Day of the last password change (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_changed: Option<String>,
    /// Last login: time (epoch seconds) and from where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_login: Option<LastLogin>,
    /// sudo rules that apply, as written, with their place.
    #[serde(default)]
    pub sudo: Vec<String>,
    /// Fingerprints (`SHA256:…`) and comments of the keys in `~/.ssh/authorized_keys`.
    #[serde(default)]
    pub keys: Vec<String>,
}

/// A last login.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LastLogin {
    /// Epoch seconds.
    pub at: i64,
    /// Remote host or terminal.
    pub from: String,
}

/// The accounts worth reviewing: everyone who can log in, has sudo rights or keys, and UID 0.
pub fn list(root: &Root, a: &Accounts, sudoers: Option<&Sudoers>) -> Vec<Account> {
    let lastlog = read_lastlog(root);
    let wtmp = if lastlog.is_empty() {
        read_wtmp(root)
    } else {
        BTreeMap::new()
    };
    let mut out = Vec::new();
    for u in &a.users {
        let groups = a.groups_of(u);
        let sudo: Vec<String> = sudoers
            .map(|s| {
                s.rules_for(&u.name, &groups)
                    .into_iter()
                    .map(|r| format!("{} {}", r.place, r.text))
                    .collect()
            })
            .unwrap_or_default();
        let keys = authorized_keys(root, &u.home);
        let reviewed = u.uid == 0 || a.can_log_in(u) || !sudo.is_empty() || !keys.is_empty();
        if !reviewed {
            continue;
        }
        let shadow = a.shadow_of(&u.name);
        out.push(Account {
            name: u.name.clone(),
            uid: u.uid,
            groups,
            shell: u.shell.clone(),
            home: u.home.clone(),
            password: shadow.map(|s| s.state),
            password_changed: shadow
                .and_then(|s| s.last_change)
                .filter(|d| *d > 0)
                .and_then(|d| chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + d as i32))
                .map(|d| d.to_string()),
            last_login: lastlog.get(&u.uid).or_else(|| wtmp.get(&u.name)).cloned(),
            sudo,
            keys,
        });
    }
    out
}

/// `~/.ssh/authorized_keys` (and `authorized_keys2`) as `SHA256:… comment` lines.
fn authorized_keys(root: &Root, home: &str) -> Vec<String> {
    let mut out = Vec::new();
    if home.is_empty() || home == "/" || home == "/nonexistent" {
        return out;
    }
    for name in ["authorized_keys", "authorized_keys2"] {
        let Ok(Some(text)) = root.read(&format!("{}/.ssh/{name}", home.trim_end_matches('/')))
        else {
            continue;
        };
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(fp) = fingerprint(line) {
                out.push(fp);
            }
        }
    }
    out
}

/// The OpenSSH fingerprint of a key line (options, type, base64 blob, comment), as
/// `ssh-keygen -l` prints it: `SHA256:… comment (TYPE)`.
pub fn fingerprint(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.starts_with("ssh-") || w.starts_with("ecdsa-") || w.starts_with("sk-"))?;
    let blob = base64::engine::general_purpose::STANDARD
        .decode(words.get(at + 1)?)
        .ok()?;
    let digest = Sha256::digest(&blob);
    let fp = base64::engine::general_purpose::STANDARD_NO_PAD.encode(digest);
    let comment = words[at + 2..].join(" ");
    Some(if comment.is_empty() {
        format!("SHA256:{fp} {}", words[at])
    } else {
        format!("SHA256:{fp} {comment} {}", words[at])
    })
}

/// `/var/log/lastlog`: one 292-byte record per UID on 64-bit Linux (`int32 time`, 32-byte
/// line, 256-byte host).
fn read_lastlog(root: &Root) -> BTreeMap<u32, LastLogin> {
    const RECORD: usize = 292;
    let mut out = BTreeMap::new();
    // The file is sparse and indexed by UID: read it in records, skipping holes.
    let path = root.path("/var/log/lastlog");
    let Ok(bytes) = std::fs::read(&path) else {
        return out;
    };
    for (uid, rec) in bytes.chunks_exact(RECORD).enumerate() {
        let at = i32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]);
        if at <= 0 {
            continue;
        }
        let line = cstr(&rec[4..36]);
        let host = cstr(&rec[36..292]);
        out.insert(
            uid as u32,
            LastLogin {
                at: i64::from(at),
                from: if host.is_empty() { line } else { host },
            },
        );
    }
    out
}

/// `/var/log/wtmp` (384-byte `utmp` records): the newest USER_PROCESS per name, for systems
/// without lastlog (Debian 13 moved it to lastlog2).
fn read_wtmp(root: &Root) -> BTreeMap<String, LastLogin> {
    const RECORD: usize = 384;
    const USER_PROCESS: i16 = 7;
    let mut out = BTreeMap::new();
    let Ok(Some(bytes)) = super::root::read_bytes(&root.path("/var/log/wtmp")) else {
        return out;
    };
    for rec in bytes.chunks_exact(RECORD) {
        if i16::from_le_bytes([rec[0], rec[1]]) != USER_PROCESS {
            continue;
        }
        let user = cstr(&rec[44..76]);
        let host = cstr(&rec[76..332]);
        let line = cstr(&rec[8..40]);
        let at = i64::from(i32::from_le_bytes([rec[340], rec[341], rec[342], rec[343]]));
        if user.is_empty() {
            continue;
        }
        let e = out.entry(user).or_insert(LastLogin {
            at,
            from: String::new(),
        });
        if at >= e.at {
            *e = LastLogin {
                at,
                from: if host.is_empty() { line } else { host },
            };
        }
    }
    out
}

fn cstr(b: &[u8]) -> String {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(&b[..end]).into_owned()
}

/// What changed between two reviews of a host.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Accounts that appeared.
    pub added: Vec<String>,
    /// Accounts that went away.
    pub removed: Vec<String>,
    /// `name: what changed` for accounts present in both.
    pub changed: Vec<String>,
}

impl Changes {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compares two lists; privilege, key, group, UID, shell and password-state changes are
/// named, logins and password changes (expected between reviews) are not.
pub fn compare(before: &[Account], now: &[Account]) -> Changes {
    let old: BTreeMap<&str, &Account> = before.iter().map(|a| (a.name.as_str(), a)).collect();
    let new: BTreeMap<&str, &Account> = now.iter().map(|a| (a.name.as_str(), a)).collect();
    let mut c = Changes::default();
    for (name, a) in &new {
        let Some(b) = old.get(name) else {
            let mut what = format!("{name}（UID {}", a.uid);
            if !a.sudo.is_empty() {
                what.push_str("，有 sudo 权限");
            }
            what.push('）');
            c.added.push(what);
            continue;
        };
        let mut what = Vec::new();
        if a.uid != b.uid {
            what.push(format!("UID {} → {}", b.uid, a.uid));
        }
        let (gain, lose) = list_diff(&b.groups, &a.groups);
        if !gain.is_empty() {
            what.push(format!("加入组 {}", gain.join("、")));
        }
        if !lose.is_empty() {
            what.push(format!("退出组 {}", lose.join("、")));
        }
        let (gain, lose) = list_diff(&b.sudo, &a.sudo);
        for r in gain {
            what.push(format!("新增 sudo 规则 {r}"));
        }
        for r in lose {
            what.push(format!("移除 sudo 规则 {r}"));
        }
        let (gain, lose) = list_diff(&b.keys, &a.keys);
        for k in gain {
            what.push(format!("新增 SSH 公钥 {k}"));
        }
        for k in lose {
            what.push(format!("移除 SSH 公钥 {k}"));
        }
        if a.shell != b.shell {
            what.push(format!("shell {} → {}", b.shell, a.shell));
        }
        if a.password != b.password
            && let (Some(x), Some(y)) = (b.password, a.password)
        {
            what.push(format!("口令状态 {} → {}", x.zh(), y.zh()));
        }
        if !what.is_empty() {
            c.changed.push(format!("{name}：{}", what.join("；")));
        }
    }
    for name in old.keys().filter(|n| !new.contains_key(*n)) {
        c.removed.push((*name).to_owned());
    }
    c
}

fn list_diff(before: &[String], now: &[String]) -> (Vec<String>, Vec<String>) {
    let gain = now
        .iter()
        .filter(|x| !before.contains(x))
        .cloned()
        .collect();
    let lose = before
        .iter()
        .filter(|x| !now.contains(x))
        .cloned()
        .collect();
    (gain, lose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_matches_ssh_keygen() {
        let line = "from=\"10.0.0.1\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPPHBHNRfjlZqNurGzCMp1TWmcqzzAycoJRjO+ZQuqiY ops@jump";
        // What `ssh-keygen -lf` prints for this key.
        assert_eq!(
            fingerprint(line).unwrap(),
            "SHA256:fBCaCAdBVBsuPJMWfa0iQbyVS564So4+oC+wRfdhdYM ops@jump ssh-ed25519"
        );
        assert!(fingerprint("no key here").is_none());
    }

    fn acct(name: &str, groups: &[&str], sudo: &[&str]) -> Account {
        Account {
            name: name.into(),
            uid: 1000,
            groups: groups.iter().map(|s| (*s).into()).collect(),
            shell: "/bin/bash".into(),
            home: format!("/home/{name}"),
            password: Some(PasswordState::Usable),
            password_changed: None,
            last_login: None,
            sudo: sudo.iter().map(|s| (*s).into()).collect(),
            keys: vec![],
        }
    }

    #[test]
    fn review_changes_name_privileges() {
        let before = vec![acct("li", &["li"], &[]), acct("old", &["old"], &[])];
        let mut li = acct(
            "li",
            &["li", "wheel"],
            &["/etc/sudoers:9 %wheel ALL=(ALL) ALL"],
        );
        li.last_login = Some(LastLogin {
            at: 1,
            from: "10.0.0.1".into(),
        });
        let now = vec![
            li,
            acct(
                "new",
                &["new"],
                &["/etc/sudoers.d/x:1 new ALL=(ALL) NOPASSWD: ALL"],
            ),
        ];
        let c = compare(&before, &now);
        assert_eq!(c.added, vec!["new（UID 1000，有 sudo 权限）"]);
        assert_eq!(c.removed, vec!["old"]);
        assert_eq!(
            c.changed,
            vec!["li：加入组 wheel；新增 sudo 规则 /etc/sudoers:9 %wheel ALL=(ALL) ALL"]
        );
    }
}
