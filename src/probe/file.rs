//! `file`: exists, age, size, mode, owner, and text that must or must not appear.
//!
//! Matches are reported by line number only: config files hold passwords, and whatever a
//! pattern matched must not reach the output or the store.

use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::time::SystemTime;

use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError, blocking};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// The file or folder.
    path: PathBuf,
    /// Whether it must exist (default true); `false` alerts when it does.
    #[serde(default = "yes")]
    exists: bool,
    /// Octal permission bits it must have, e.g. `"0640"`.
    mode: Option<String>,
    /// User name that must own it.
    owner: Option<String>,
    /// Regexes that must match somewhere in the text.
    #[serde(default)]
    contains: Vec<Pattern>,
    /// Regexes that must not match anywhere in the text.
    #[serde(default)]
    not_contains: Vec<Pattern>,
    /// Only read the last N bytes (for logs); default: the first 16 MiB.
    tail_bytes: Option<u64>,
}

fn yes() -> bool {
    true
}

const MAX_READ: u64 = 16 * 1024 * 1024;

impl Probe for File {
    const KIND: &'static str = "file";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("age")
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        if let Some(m) = &self.mode
            && u32::from_str_radix(m.trim_start_matches("0o"), 8).is_err()
        {
            return Err(Invalid::new(
                format!("invalid mode `{m}`"),
                "write octal permission bits in quotes, e.g. \"0640\"",
            ));
        }
        Ok(())
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let path = self.path.clone();
        let exists = self.exists;
        let mode = self.mode.clone();
        let owner = self.owner.clone();
        let contains = self.contains.clone();
        let not_contains = self.not_contains.clone();
        let tail = self.tail_bytes;
        blocking(move || {
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return if exists {
                        Err(ProbeError::down(format!(
                            "{} does not exist",
                            path.display()
                        )))
                    } else {
                        Ok(Observation::new(format!(
                            "{} does not exist, as expected",
                            path.display()
                        )))
                    };
                }
                Err(e) => return Err(ProbeError::unknown(format!("{}: {e}", path.display()))),
            };
            let age = SystemTime::now()
                .duration_since(meta.modified().unwrap_or(SystemTime::now()))
                .unwrap_or_default()
                .as_secs_f64();
            let mut obs = Observation::new(format!(
                "{} {}, modified {} ago",
                path.display(),
                crate::core::outcome::format_value(meta.len() as f64, "B"),
                humantime::format_duration(std::time::Duration::from_secs(age as u64))
            ))
            .metric(Metric::new("age", age, "s"))
            .metric(Metric::new("size", meta.len() as f64, "B"));
            if !exists {
                obs.fail(
                    Status::Crit,
                    format!("{} exists but should not", path.display()),
                );
            }
            obs.fact("mode", format!("{:04o}", meta.mode() & 0o7777));
            obs.fact("owner", meta.uid().to_string());
            // Small enough to read whole: a configuration, not a data file.
            if meta.is_file()
                && meta.len() <= 16 * 1024 * 1024
                && let Ok(sum) = crate::core::fsx::sha256_file(&path)
            {
                obs.fact("sha256", sum);
            }
            if let Some(m) = &mode {
                let want = u32::from_str_radix(m.trim_start_matches("0o"), 8).unwrap_or(0);
                let have = meta.mode() & 0o7777;
                if have != want {
                    obs.fail(
                        Status::Crit,
                        format!("mode is {have:04o}, expected {want:04o}"),
                    );
                }
            }
            if let Some(o) = &owner {
                let have = nix::unistd::User::from_uid(meta.uid().into())
                    .ok()
                    .flatten()
                    .map(|u| u.name)
                    .unwrap_or_else(|| meta.uid().to_string());
                if &have != o {
                    obs.fail(Status::Crit, format!("owner is {have}, expected {o}"));
                }
            }
            if !(contains.is_empty() && not_contains.is_empty()) {
                if meta.is_dir() {
                    return Err(ProbeError::unknown(format!(
                        "{} is a folder; contains/not_contains need a file",
                        path.display()
                    )));
                }
                let text = read_text(&path, meta.len(), tail)?;
                for re in &contains {
                    if !re.0.is_match(&text) {
                        obs.fail(Status::Crit, format!("no line matches /{}/", re.as_str()));
                    }
                }
                for re in &not_contains {
                    let lines: Vec<usize> = text
                        .lines()
                        .enumerate()
                        .filter(|(_, l)| re.0.is_match(l))
                        .map(|(i, _)| i + 1)
                        .collect();
                    if !lines.is_empty() {
                        let shown: Vec<String> =
                            lines.iter().take(10).map(usize::to_string).collect();
                        let where_ = if tail.is_some() {
                            "of the tail read"
                        } else {
                            ""
                        };
                        obs.fail(
                            Status::Crit,
                            format!("{} line(s) match /{}/", lines.len(), re.as_str()),
                        );
                        obs.evidence.push(
                            format!(
                                "matching lines {where_}: {}{}",
                                shown.join(", "),
                                if lines.len() > 10 { ", ..." } else { "" }
                            )
                            .replace("  ", " "),
                        );
                    }
                }
            }
            Ok(obs)
        })
        .await
    }
}

fn read_text(path: &PathBuf, len: u64, tail: Option<u64>) -> Result<String, ProbeError> {
    let io = |e: std::io::Error| ProbeError::unknown(format!("{}: {e}", path.display()));
    let mut f = std::fs::File::open(path).map_err(io)?;
    let want = tail.unwrap_or(MAX_READ).min(MAX_READ);
    if tail.is_some() && len > want {
        f.seek(SeekFrom::Start(len - want)).map_err(io)?;
    }
    let mut buf = Vec::new();
    f.take(want).read_to_end(&mut buf).map_err(io)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
