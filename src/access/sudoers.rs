//! sudo's policy: `/etc/sudoers` and the files it includes (`#include`, `@include`,
//! `#includedir`, `@includedir`), read for the rules that give rights and the `Defaults` that
//! make sudo ask for a password, use a pty and keep a log.

use std::collections::BTreeMap;

use super::root::Root;

/// A rule giving someone rights: `%wheel ALL=(ALL) NOPASSWD: ALL`.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Where it is (`/etc/sudoers.d/ops:3`).
    pub place: String,
    /// Who it names (users, `%group`, aliases, `ALL`).
    pub who: Vec<String>,
    /// The rule as written, on one line.
    pub text: String,
    /// Runs without asking for a password.
    pub nopasswd: bool,
}

/// A `Defaults` entry: `Defaults:ops !authenticate`.
#[derive(Clone, Debug, PartialEq)]
pub struct Default {
    /// Where it is.
    pub place: String,
    /// `Defaults`, `Defaults:user`, `Defaults>root`...
    pub scope: String,
    /// `use_pty`, `!authenticate`, `logfile=/var/log/sudo.log`.
    pub setting: String,
}

/// Everything read.
#[derive(Clone, Debug, Default)]
pub struct Sudoers {
    /// Rules in reading order.
    pub rules: Vec<Rule>,
    /// Defaults in reading order.
    pub defaults: Vec<Default>,
    /// `User_Alias` names and their members.
    pub user_aliases: BTreeMap<String, Vec<String>>,
    /// Files read.
    pub files: Vec<String>,
    /// Files that exist but could not be read.
    pub unreadable: Vec<String>,
}

impl Sudoers {
    /// Reads `/etc/sudoers` under `root`: `Ok(None)` when sudo is not configured there, `Err`
    /// when it is but cannot be read (not root: sudoers is 0440).
    pub fn read(root: &Root) -> Result<Option<Sudoers>, String> {
        let mut s = Sudoers::default();
        if !s.read_file(root, "/etc/sudoers", 0) {
            return match s.unreadable.pop() {
                Some(why) => Err(why),
                None => Ok(None),
            };
        }
        Ok(Some(s))
    }

    /// Whether a global `Defaults` turns `flag` on (`use_pty`) and none later turns it off.
    pub fn global_flag(&self, flag: &str) -> Option<&Default> {
        let mut on = None;
        for d in self.defaults.iter().filter(|d| d.scope == "Defaults") {
            if d.setting == flag {
                on = Some(d);
            } else if d.setting.strip_prefix('!') == Some(flag) {
                on = None;
            }
        }
        on
    }

    /// A global `Defaults name=value`.
    pub fn global_value(&self, name: &str) -> Option<&Default> {
        self.defaults
            .iter()
            .filter(|d| d.scope == "Defaults")
            .rfind(|d| {
                d.setting
                    .split_once('=')
                    .is_some_and(|(k, _)| k.trim().trim_end_matches(['+', '-']) == name)
            })
    }

    /// The rules that apply to a user in `groups`.
    pub fn rules_for(&self, user: &str, groups: &[String]) -> Vec<&Rule> {
        self.rules
            .iter()
            .filter(|r| r.who.iter().any(|w| self.names(w, user, groups, 0)))
            .collect()
    }

    fn names(&self, who: &str, user: &str, groups: &[String], depth: usize) -> bool {
        let who = who.trim();
        if let Some(neg) = who.strip_prefix('!') {
            // A negation inside a list is not a grant.
            let _ = neg;
            return false;
        }
        if who == "ALL" || who == user {
            return true;
        }
        if let Some(g) = who.strip_prefix('%') {
            return groups.iter().any(|x| x == g);
        }
        if depth < 8
            && let Some(members) = self.user_aliases.get(who)
        {
            return members
                .iter()
                .any(|m| self.names(m, user, groups, depth + 1));
        }
        false
    }

    fn read_file(&mut self, root: &Root, path: &str, depth: usize) -> bool {
        if depth > 8 || self.files.iter().any(|f| f == path) {
            return false;
        }
        let text = match root.read(path) {
            Ok(Some(t)) => t,
            Ok(None) => return false,
            Err(e) => {
                self.unreadable.push(format!("{path}：{e}"));
                return false;
            }
        };
        self.files.push(path.to_owned());
        let dir = path.rsplit_once('/').map_or("/etc", |(d, _)| d).to_owned();
        for (line_no, line) in logical_lines(&text) {
            let place = format!("{path}:{line_no}");
            let mut words = line.split_whitespace();
            let first = words.next().unwrap_or("");
            let arg = words.next().unwrap_or("").to_owned();
            let resolve = |a: &str| {
                if a.starts_with('/') {
                    a.to_owned()
                } else {
                    format!("{dir}/{a}")
                }
            };
            match first {
                "#include" | "@include" => {
                    self.read_file(root, &resolve(&arg), depth + 1);
                }
                "#includedir" | "@includedir" => {
                    let d = resolve(&arg);
                    for f in root.glob(&format!("{d}/*")) {
                        let name = f.rsplit('/').next().unwrap_or("");
                        if !name.contains('.') && !name.ends_with('~') {
                            self.read_file(root, &f, depth + 1);
                        }
                    }
                }
                _ if first.starts_with('#') => {}
                _ if first.starts_with("Defaults") => {
                    let rest = line.trim_start()[first.len()..].trim();
                    for setting in split_list(rest) {
                        self.defaults.push(Default {
                            place: place.clone(),
                            scope: first.to_owned(),
                            setting,
                        });
                    }
                }
                "User_Alias" => {
                    let rest = line.trim_start()[first.len()..].trim();
                    for def in rest.split(':') {
                        if let Some((name, members)) = def.split_once('=') {
                            self.user_aliases
                                .insert(name.trim().to_owned(), split_list(members));
                        }
                    }
                }
                "Runas_Alias" | "Host_Alias" | "Cmnd_Alias" | "Cmd_Alias" => {}
                _ => {
                    let Some((left, right)) = line.split_once('=') else {
                        continue;
                    };
                    let left = left.trim();
                    // The last word before `=` is the host list; the users come before it.
                    let Some(cut) = left.rfind(char::is_whitespace) else {
                        continue;
                    };
                    let who = split_list(&left[..cut]);
                    if who.is_empty() {
                        continue;
                    }
                    self.rules.push(Rule {
                        place,
                        who,
                        text: line.split_whitespace().collect::<Vec<_>>().join(" "),
                        nopasswd: right.contains("NOPASSWD:"),
                    });
                }
            }
        }
        true
    }
}

/// Comma-separated items, commas inside quotes kept.
fn split_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            ',' if !quoted => {
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|x| x.trim().to_owned())
        .filter(|x| !x.is_empty())
        .collect()
}

/// Lines with `\` continuations joined and comments dropped; `#include` directives and `#123`
/// user ids are not comments.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let body = strip_comment(raw);
        let (cont, body) = match body.trim_end().strip_suffix('\\') {
            Some(b) => (true, b.to_owned()),
            None => (false, body),
        };
        let entry = pending.get_or_insert_with(|| (i + 1, String::new()));
        entry.1.push(' ');
        entry.1.push_str(&body);
        if !cont
            && let Some((n, l)) = pending.take()
            && !l.trim().is_empty()
        {
            out.push((n, l.trim().to_owned()));
        }
    }
    out
}

fn strip_comment(line: &str) -> String {
    let t = line.trim_start();
    if t.starts_with("#include") {
        return t.to_owned();
    }
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' {
            let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            let quoted = line[..i].matches('"').count() % 2 == 1;
            if !next_digit && !quoted {
                return line[..i].to_owned();
            }
        }
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_defaults_aliases_and_includes() {
        let d = tempfile::tempdir().unwrap();
        let etc = d.path().join("etc");
        std::fs::create_dir_all(etc.join("sudoers.d")).unwrap();
        std::fs::write(
            etc.join("sudoers"),
            "Defaults env_reset, use_pty\nDefaults logfile=\"/var/log/sudo.log\"\nUser_Alias OPS = li, %ops\nroot ALL=(ALL:ALL) ALL # the admin\n%sudo ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n",
        )
        .unwrap();
        std::fs::write(
            etc.join("sudoers.d/deploy"),
            "Defaults:deploy !authenticate\nOPS, deploy ALL = (app) NOPASSWD: /usr/bin/systemctl restart app, \\\n   /usr/bin/journalctl\n",
        )
        .unwrap();
        std::fs::write(etc.join("sudoers.d/README.txt"), "zhang ALL=(ALL) ALL\n").unwrap();
        let s = Sudoers::read(&Root::new(d.path())).unwrap().unwrap();
        assert_eq!(s.files, vec!["/etc/sudoers", "/etc/sudoers.d/deploy"]);
        assert!(s.global_flag("use_pty").is_some());
        assert_eq!(
            s.global_value("logfile").map(|d| d.setting.as_str()),
            Some("logfile=\"/var/log/sudo.log\"")
        );
        assert!(
            s.defaults
                .iter()
                .any(|d| d.scope == "Defaults:deploy" && d.setting == "!authenticate")
        );
        let r = &s.rules[2];
        assert!(r.nopasswd);
        assert_eq!(r.who, vec!["OPS", "deploy"]);
        assert_eq!(r.place, "/etc/sudoers.d/deploy:2");
        assert!(r.text.ends_with("/usr/bin/journalctl"), "{}", r.text);
        let li = s.rules_for("li", &[]);
        assert_eq!(li.len(), 1);
        let wang = s.rules_for("wang", &["ops".into(), "sudo".into()]);
        assert_eq!(wang.len(), 2);
        assert!(s.rules_for("zhang", &[]).is_empty());
    }
}
