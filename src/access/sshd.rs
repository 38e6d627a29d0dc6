//! sshd's settings as the daemon applies them: from `sshd -T` where the daemon can be asked,
//! else from `sshd_config` and the files it includes, read the way sshd reads them (the first
//! value of a keyword wins; `Match` blocks are conditional and not the global setting).

use std::collections::BTreeMap;

use super::root::Root;

/// The settings and where they came from.
#[derive(Clone, Debug, Default)]
pub struct Sshd {
    /// Lower-case keyword → value, defaults filled in for those the review reads.
    pub values: BTreeMap<String, String>,
    /// How they were obtained, for evidence (`sshd -T`, or the files and why not `sshd -T`).
    pub source: String,
}

impl Sshd {
    /// A keyword's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }

    /// A numeric keyword (`logingracetime 2m` → 120).
    pub fn seconds(&self, key: &str) -> Option<u64> {
        parse_seconds(self.get(key)?)
    }
}

/// OpenSSH's compiled-in values for what the review reads (OpenSSH 7.0 and later).
const DEFAULTS: &[(&str, &str)] = &[
    ("permitrootlogin", "prohibit-password"),
    ("passwordauthentication", "yes"),
    ("permitemptypasswords", "no"),
    ("maxauthtries", "6"),
    ("logingracetime", "120"),
    ("clientaliveinterval", "0"),
    ("clientalivecountmax", "3"),
];

/// Where sshd is installed, if it is.
pub fn binary() -> Option<&'static str> {
    [
        "/usr/sbin/sshd",
        "/usr/bin/sshd",
        "/sbin/sshd",
        "/usr/local/sbin/sshd",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
}

/// Reads `sshd -T` output (`keyword value` lines).
pub fn from_effective(output: &str) -> Sshd {
    let mut values = BTreeMap::new();
    for line in output.lines() {
        if let Some((k, v)) = line.trim().split_once(' ') {
            values
                .entry(k.to_ascii_lowercase())
                .or_insert_with(|| v.trim().to_owned());
        }
    }
    Sshd {
        values,
        source: "sshd -T（生效配置）".into(),
    }
}

/// Reads `config` (a path as the host names it) and what it includes; `why` says why `sshd -T`
/// was not used. `Ok(None)` when the file does not exist (sshd is not configured here), `Err`
/// when it cannot be read (RHEL keeps it 0600).
pub fn from_files(root: &Root, config: &str, why: &str) -> Result<Option<Sshd>, String> {
    let mut values = BTreeMap::new();
    let mut read = Vec::new();
    let mut matched = false;
    match root.read(config) {
        Ok(None) => return Ok(None),
        Err(e) => return Err(format!("{config}：{e}")),
        Ok(Some(_)) => {}
    }
    read_file(root, config, 0, &mut values, &mut read, &mut matched);
    for (k, v) in DEFAULTS {
        values
            .entry((*k).to_owned())
            .or_insert_with(|| (*v).to_owned());
    }
    let mut source = format!("配置文件 {}", read.join("、"));
    if matched {
        source.push_str("（Match 段为条件配置，未计入）");
    }
    if !why.is_empty() {
        source.push_str(&format!("；未用 sshd -T：{why}"));
    }
    Ok(Some(Sshd { values, source }))
}

/// Reads one file. As in sshd, a `Match` block runs to the next `Match` or the end of its file
/// (an included file's `Match` does not swallow the rest of the file that included it), and
/// `Match all` returns to the global settings.
fn read_file(
    root: &Root,
    path: &str,
    depth: usize,
    values: &mut BTreeMap<String, String>,
    read: &mut Vec<String>,
    any_match: &mut bool,
) -> bool {
    if depth > 8 {
        return false;
    }
    let Ok(Some(text)) = root.read(path) else {
        return false;
    };
    read.push(path.to_owned());
    let mut conditional = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = match line.split_once(|c: char| c.is_whitespace() || c == '=') {
            Some((k, v)) => (
                k.to_ascii_lowercase(),
                v.trim().trim_start_matches('=').trim(),
            ),
            None => continue,
        };
        match key.as_str() {
            "match" => {
                conditional = !value.eq_ignore_ascii_case("all");
                *any_match |= conditional;
            }
            _ if conditional => {}
            "include" => {
                for pattern in value.split_whitespace() {
                    let pattern = if pattern.starts_with('/') {
                        pattern.to_owned()
                    } else {
                        format!("/etc/ssh/{pattern}")
                    };
                    for p in root.glob(&pattern) {
                        read_file(root, &p, depth + 1, values, read, any_match);
                    }
                }
            }
            _ => {
                // Keywords and these values are case-insensitive to sshd; `sshd -T` prints
                // them in lower case.
                values
                    .entry(key)
                    .or_insert_with(|| value.trim_matches('"').to_ascii_lowercase());
            }
        }
    }
    true
}

/// `120`, `2m`, `1h30m` → seconds.
pub fn parse_seconds(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let mut total = 0u64;
    let mut num = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else {
            let n: u64 = num.parse().ok()?;
            num.clear();
            total += n * match c.to_ascii_lowercase() {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                'w' => 604_800,
                _ => return None,
            };
        }
    }
    if !num.is_empty() {
        total += num.parse::<u64>().ok()?;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_value_wins_includes_first_and_match_is_not_global() {
        let d = tempfile::tempdir().unwrap();
        let ssh = d.path().join("etc/ssh");
        std::fs::create_dir_all(ssh.join("sshd_config.d")).unwrap();
        std::fs::write(
            ssh.join("sshd_config"),
            "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nMaxAuthTries 3\nLoginGraceTime 1m\nMatch User backup\n  PasswordAuthentication no\n",
        )
        .unwrap();
        std::fs::write(
            ssh.join("sshd_config.d/50-cloud.conf"),
            "PermitRootLogin yes\n",
        )
        .unwrap();
        let s = from_files(&Root::new(d.path()), "/etc/ssh/sshd_config", "")
            .unwrap()
            .unwrap();
        assert_eq!(s.get("permitrootlogin"), Some("yes"));
        assert_eq!(s.get("maxauthtries"), Some("3"));
        assert_eq!(s.seconds("logingracetime"), Some(60));
        assert_eq!(s.get("passwordauthentication"), Some("yes"));
        assert!(
            s.source.contains("/etc/ssh/sshd_config.d/50-cloud.conf"),
            "{}",
            s.source
        );
        assert!(s.source.contains("Match"));
    }

    #[test]
    fn a_match_in_an_included_file_ends_with_it_and_match_all_is_global() {
        let d = tempfile::tempdir().unwrap();
        let ssh = d.path().join("etc/ssh");
        std::fs::create_dir_all(ssh.join("sshd_config.d")).unwrap();
        std::fs::write(
            ssh.join("sshd_config"),
            "Include sshd_config.d/*.conf\nPermitRootLogin No\nMatch User x\n  MaxAuthTries 9\nMatch all\nMaxAuthTries 3\n",
        )
        .unwrap();
        std::fs::write(
            ssh.join("sshd_config.d/10-sftp.conf"),
            "Match Group sftponly\n  ForceCommand internal-sftp\n",
        )
        .unwrap();
        let s = from_files(&Root::new(d.path()), "/etc/ssh/sshd_config", "")
            .unwrap()
            .unwrap();
        assert_eq!(s.get("permitrootlogin"), Some("no"));
        assert_eq!(s.get("maxauthtries"), Some("3"));
        assert_eq!(s.get("forcecommand"), None);
    }

    #[test]
    fn effective_output_and_durations() {
        let s =
            from_effective("port 22\npermitrootlogin without-password\nclientaliveinterval 300\n");
        assert_eq!(s.get("permitrootlogin"), Some("without-password"));
        assert_eq!(s.seconds("clientaliveinterval"), Some(300));
        assert_eq!(parse_seconds("1h30m"), Some(5400));
        assert_eq!(parse_seconds("x"), None);
    }
}
