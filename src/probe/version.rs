//! `version`: an observed version against the minimum patched version of a component
//! (脆弱性检查(2)). The version is read from a command's output, a SQL query, an HTTP response,
//! a file, or given as text, and compared in dpkg order, which also orders plain upstream
//! versions correctly: `2.4.10` > `2.4.9`, `1.22.1-9+deb12u2` > `1.22.1-9`, `1.0~rc1` < `1.0`.

use crate::text;
use std::cmp::Ordering;
use std::path::PathBuf;

use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError, blocking};
use crate::core::error::Invalid;
use crate::core::outcome::Status;
use crate::core::target::Target;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// Component name for messages (`nginx`, `PostgreSQL`).
    component: String,
    /// Versions below this lack a security fix: CRIT.
    minimum: String,
    /// Versions below this (but not below `minimum`) are out of date: WARN.
    recommended: Option<String>,
    /// Where the version comes from.
    from: Source,
    /// Regex whose first group is the version; default: the first version-like token.
    pattern: Option<Pattern>,
}

/// Where the observed version is read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum Source {
    /// A program's stdout and stderr together (`nginx -v` writes to stderr).
    Command(Vec<String>),
    /// The first column of a query's first row, on the check's database target.
    Sql(String),
    /// The body and headers of a GET on the check's URL target (`Server:` headers).
    Http(String),
    /// A file's first 64 KiB (a VERSION file, a pom.properties).
    File(PathBuf),
    /// A version given as is.
    Text(String),
}

impl Probe for Version {
    const KIND: &'static str = "version";
    const PLACE: super::Place = super::Place::Host;

    /// A command or a file is read on the host; a query or a URL is asked over the network.
    fn place(&self) -> super::Place {
        match self.from {
            Source::Command(_) | Source::File(_) => super::Place::Host,
            Source::Sql(_) | Source::Http(_) | Source::Text(_) => super::Place::Network,
        }
    }

    fn primary(&self) -> Option<&'static str> {
        None
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        match &self.from {
            Source::Command(argv) if argv.is_empty() => Err(Invalid::new(
                "`from: { command: [] }` is empty",
                "give the program and its arguments",
            )),
            Source::Sql(_) if target.and_then(Target::dsn).is_none() => Err(Invalid::new(
                "a sql version source needs a target with a `dsn`",
                "point `target:` at a database",
            )),
            Source::Http(_) if target.and_then(Target::url).is_none() => Err(Invalid::new(
                "an http version source needs a target with a `url`",
                "point `target:` at a URL target; `http:` is the path",
            )),
            _ => Ok(()),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let raw = match &self.from {
            Source::Text(t) => t.clone(),
            Source::File(p) => {
                let p = p.clone();
                blocking(move || {
                    use std::io::Read;
                    let mut buf = Vec::new();
                    let f =
                        std::fs::File::open(&p).map_err(|e| ProbeError::down(io_text(&p, &e)))?;
                    f.take(64 * 1024)
                        .read_to_end(&mut buf)
                        .map_err(|e| ProbeError::unknown(io_text(&p, &e)))?;
                    Ok(String::from_utf8_lossy(&buf).into_owned())
                })
                .await?
            }
            Source::Command(argv) => {
                let out = tokio::process::Command::new(&argv[0])
                    .args(&argv[1..])
                    .stdin(std::process::Stdio::null())
                    .kill_on_drop(true)
                    .output()
                    .await
                    .map_err(|e| {
                        ProbeError::unknown(text!(
                            "无法运行 {cmd}：{why}",
                            "cannot run `{cmd}`: {why}",
                            cmd = argv[0],
                            why = crate::core::net::io_error(&e),
                        ))
                    })?;
                format!(
                    "{}\n{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                )
            }
            Source::Sql(query) => super::sql::first_text(cx, query).await?,
            Source::Http(path) => {
                let base = cx.require_target(Self::KIND)?.url().unwrap_or_default();
                let url = format!(
                    "{}/{}",
                    base.trim_end_matches('/'),
                    path.trim_start_matches('/')
                );
                let resp = reqwest::Client::new()
                    .get(&url)
                    .timeout(cx.timeout)
                    .send()
                    .await
                    .map_err(|e| super::http_down(&url, &e))?;
                let headers: String = resp
                    .headers()
                    .iter()
                    .map(|(k, v)| format!("{k}: {}\n", v.to_str().unwrap_or("")))
                    .collect();
                let body = resp.text().await.unwrap_or_default();
                format!("{headers}\n{body}")
            }
        };
        let found = match &self.pattern {
            Some(p) => {
                p.0.captures(&raw)
                    .and_then(|c| c.get(1).or_else(|| c.get(0)))
                    .map(|m| m.as_str().to_owned())
            }
            None => first_version(&raw),
        };
        let Some(seen) = found else {
            let what = self
                .pattern
                .as_ref()
                .map(|p| format!("match of /{}/", p.as_str()))
                .unwrap_or_else(|| "version".into());
            return Err(ProbeError::unknown(text!(
                "没有找到版本号：{raw}",
                "no {what} found in: {raw}",
                what = what,
                raw = raw.trim().chars().take(120).collect::<String>(),
            )));
        };
        let mut obs = Observation::new(text!(
            "{c} {seen}（最低要求 {min}）",
            "{c} {seen} (minimum {min})",
            c = self.component,
            seen = seen,
            min = self.minimum,
        ));
        obs.fact("version", seen.clone());
        if compare(&seen, &self.minimum) == Ordering::Less {
            obs.fail(
                Status::Crit,
                text!(
                    "{c} {seen} 低于已修复漏洞的最低版本 {min}",
                    "{c} {seen} is below the patched minimum {min}",
                    c = self.component,
                    seen = seen,
                    min = self.minimum,
                ),
            );
        } else if let Some(rec) = self
            .recommended
            .as_ref()
            .filter(|r| compare(&seen, r) == Ordering::Less)
        {
            obs.fail(
                Status::Warn,
                text!(
                    "{c} {seen} 低于建议版本 {rec}",
                    "{c} {seen} is below the recommended {rec}",
                    c = self.component,
                    seen = seen,
                    rec = rec,
                ),
            );
        }
        obs.evidence
            .push(format!("observed {} {seen}", self.component));
        Ok(obs)
    }
}

/// A file that could not be read, and why.
fn io_text(p: &std::path::Path, e: &std::io::Error) -> crate::core::text::Text {
    text!(
        "{p}：{why}",
        "{p}: {why}",
        p = p.display(),
        why = crate::core::net::io_error(e),
    )
}

/// The first token that looks like a version: digits, a dot, then version characters.
fn first_version(text: &str) -> Option<String> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(\d+:)?\d+\.\d+[0-9A-Za-z.+~\-]*").expect("literal regex")
    });
    RE.find(text)
        .map(|m| m.as_str().trim_end_matches(['.', '-']).to_owned())
}

/// Rewrites a pre-release suffix written with `-` or `.` (Maven `-SNAPSHOT`, `-rc1`, `-beta`,
/// `.M2`) with dpkg's `~`, so that it sorts before the release as upstreams mean it. Debian
/// revisions start with a digit and are left alone.
fn prerelease_as_tilde(v: &str) -> String {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)[-.]((alpha|beta|rc|pre|snapshot|preview|m)[0-9.]*([-+.].*)?)$")
            .expect("literal regex")
    });
    RE.replace(v, "~$1").into_owned()
}

/// Compares versions in dpkg order, `[epoch:]upstream[-revision]`, with upstream pre-release
/// suffixes sorting before their release.
pub fn compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (prerelease_as_tilde(a.trim()), prerelease_as_tilde(b.trim()));
    let (a, b) = (a.as_str(), b.as_str());
    let split = |v: &str| {
        let (epoch, rest) = match v.split_once(':') {
            Some((e, r)) if e.chars().all(|c| c.is_ascii_digit()) => {
                (e.parse::<u64>().unwrap_or(0), r)
            }
            _ => (0, v),
        };
        let (up, rev) = rest.rsplit_once('-').unwrap_or((rest, ""));
        (epoch, up.to_owned(), rev.to_owned())
    };
    let (ea, ua, ra) = split(a);
    let (eb, ub, rb) = split(b);
    ea.cmp(&eb)
        .then_with(|| verrevcmp(&ua, &ub))
        .then_with(|| verrevcmp(&ra, &rb))
}

/// dpkg's ordering of a character in the non-digit parts: `~` first, then the end of the part,
/// then letters, then everything else.
fn order(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(b'~') => -1,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(c) => i32::from(c) + 256,
    }
}

fn verrevcmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        // Non-digit prefix, character by character.
        while (i < a.len() && !a[i].is_ascii_digit()) || (j < b.len() && !b[j].is_ascii_digit()) {
            let (ca, cb) = (order(a.get(i).copied()), order(b.get(j).copied()));
            if ca != cb {
                return ca.cmp(&cb);
            }
            i += 1;
            j += 1;
        }
        // Digit run, numerically (leading zeros ignored).
        while i < a.len() && a[i] == b'0' {
            i += 1;
        }
        while j < b.len() && b[j] == b'0' {
            j += 1;
        }
        let (si, sj) = (i, j);
        while i < a.len() && a[i].is_ascii_digit() {
            i += 1;
        }
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let (da, db) = (&a[si..i], &b[sj..j]);
        let c = da.len().cmp(&db.len()).then_with(|| da.cmp(db));
        if c != Ordering::Equal {
            return c;
        }
    }
    Ordering::Equal
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering::*;

    use super::*;

    #[test]
    fn dpkg_order() {
        for (a, b, want) in [
            ("2.4.10", "2.4.9", Greater),
            ("1.22.1-9+deb12u2", "1.22.1-9", Greater),
            ("1.22.1-9+deb12u2", "1.22.1", Greater),
            ("1.22.1", "1.22.01", Equal),
            ("1.0~rc1", "1.0", Less),
            ("1:1.0", "2.0", Greater),
            ("10.11.9", "10.11.19", Less),
            ("15.20", "15.8", Greater),
            ("1.0a", "1.0", Greater),
            ("7.0.15", "7.0.15", Equal),
            ("3.2.0-SNAPSHOT", "3.2.0", Less),
            ("5.3.0-rc1", "5.3.0", Less),
            ("2.7.0.M2", "2.7.0", Less),
            ("1.22.1-9+deb12u2", "1.22.1-9", Greater),
        ] {
            assert_eq!(compare(a, b), want, "{a} vs {b}");
        }
    }

    #[test]
    fn finds_versions_in_text() {
        assert_eq!(
            first_version("nginx version: nginx/1.22.1").as_deref(),
            Some("1.22.1")
        );
        assert_eq!(
            first_version("PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64").as_deref(),
            Some("15.20")
        );
        assert_eq!(
            first_version("Server: Apache Tomcat/10.1.34.").as_deref(),
            Some("10.1.34")
        );
        assert_eq!(first_version("no digits here"), None);
    }
}
