//! 谁在何时改的: the logins and sudo commands a host's auth log holds around the time a path
//! changed, read with the log engine's file discovery, decoding and timestamps.

use std::io::BufRead;
use std::sync::LazyLock;

use regex::Regex;

use crate::logs::{Source, Window};

static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"Accepted \S+ for (?P<login>\S+) from (?P<ip>[0-9A-Fa-f.:]+)",
        r"|sudo(?:\[\d+\])?:\s+(?P<sudo>\S+) : .*COMMAND=(?P<cmd>.*)$",
        r"|su(?:\[\d+\])?: .*session opened for user (?P<to>\S+)(?: \(uid=\d+\))? by (?P<by>\S+?)(?:\(uid=\d+\))?\s*$",
    ))
    .expect("literal regex")
});

/// Words that put a command's arguments under suspicion of holding a secret.
static SECRETISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)pass|pwd|secret|token|auth|credential|\s-p\S|密码|口令")
        .expect("literal regex")
});

/// A sudo command as the report may show it: a command line may carry a password
/// (`mysql -p…`, `sed s/requirepass …/`, `curl -u user:…`), in forms no pattern can foresee,
/// so the arguments of a suspicious one are left out and only the program is named.
fn command(cmd: &str) -> String {
    if SECRETISH.is_match(cmd) {
        let program = cmd.split_whitespace().next().unwrap_or("");
        format!("{program} …（参数可能含口令，已隐去）")
    } else {
        cmd.to_owned()
    }
}

/// At most this many events are named per change.
const NAMED: usize = 6;

/// The events of `source` between `from` and `to` (epoch seconds), oldest first, as
/// `HH:MM:SS 登录 li 来自 10.0.0.5` / `sudo li：vi /etc/hosts` lines.
pub fn around(
    source: &Source,
    base_dir: &std::path::Path,
    tz: chrono_tz::Tz,
    from: i64,
    to: i64,
) -> Vec<String> {
    let mut out: Vec<(i64, String)> = Vec::new();
    let window = Window {
        from: Some(from * 1000),
        to: Some((to + 1) * 1000),
    };
    for (opened, cx) in crate::logs::open_all(source, base_dir, tz, window) {
        let reader = std::io::BufReader::new(opened.reader);
        for line in reader.split(b'\n').map_while(Result::ok) {
            let Some(ms) = crate::logs::time::parse(&line, &cx) else {
                continue;
            };
            let at = ms / 1000;
            if at < from || at > to {
                continue;
            }
            let (text, _, _) = opened.encoding.decode(&line);
            let Some(c) = EVENT.captures(&text) else {
                continue;
            };
            let time = crate::core::clock::local_time(ms, tz, "%m-%d %H:%M:%S");
            let what = if let Some(u) = c.name("login") {
                format!("{time} 登录 {} 来自 {}", u.as_str(), &c["ip"])
            } else if let Some(u) = c.name("sudo") {
                format!("{time} sudo {}：{}", u.as_str(), command(c["cmd"].trim()))
            } else {
                format!("{time} su {} → {}", &c["by"], &c["to"])
            };
            out.push((at, what));
        }
    }
    out.sort();
    out.dedup();
    let total = out.len();
    let mut named: Vec<String> = out.into_iter().rev().take(NAMED).map(|(_, w)| w).collect();
    named.reverse();
    if total > NAMED {
        named.insert(0, format!("…（更早 {} 条未列出）", total - NAMED));
    }
    named
}
