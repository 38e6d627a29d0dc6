//! `file`: exists, age, size, mode, owner, and text that must or must not appear.
//!
//! Matches are reported by line number only: config files hold passwords, and whatever a
//! pattern matched must not reach the output or the store.

use crate::text;
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
                        Err(ProbeError::down(text!(
                            "{p} 不存在",
                            "{p} does not exist",
                            p = path.display(),
                        )))
                    } else {
                        Ok(Observation::new(text!(
                            "{p} 不存在，符合预期",
                            "{p} does not exist, as expected",
                            p = path.display(),
                        )))
                    };
                }
                Err(e) => return Err(io_unknown(&path, &e)),
            };
            let age = SystemTime::now()
                .duration_since(meta.modified().unwrap_or(SystemTime::now()))
                .unwrap_or_default()
                .as_secs_f64();
            let mut obs = Observation::new(text!(
                "{p}，{size}，{ago}前修改",
                "{p} {size}, modified {ago} ago",
                p = path.display(),
                size = crate::core::outcome::format_value(meta.len() as f64, "B"),
                ago = crate::core::text::duration(std::time::Duration::from_secs(age as u64)),
            ))
            .metric(Metric::new("age", age, "s"))
            .metric(Metric::new("size", meta.len() as f64, "B"));
            if !exists {
                obs.fail(
                    Status::Crit,
                    text!(
                        "{p} 存在，但不应存在",
                        "{p} exists but should not",
                        p = path.display(),
                    ),
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
                        text!(
                            "权限为 {have:04o}，应为 {want:04o}",
                            "mode is {have:04o}, expected {want:04o}",
                            have = have,
                            want = want,
                        ),
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
                    obs.fail(
                        Status::Crit,
                        text!(
                            "属主为 {have}，应为 {o}",
                            "owner is {have}, expected {o}",
                            have = have,
                            o = o,
                        ),
                    );
                }
            }
            if !(contains.is_empty() && not_contains.is_empty()) {
                if meta.is_dir() {
                    return Err(ProbeError::unknown(text!(
                        "{p} 是目录；contains/not_contains 需要文件",
                        "{p} is a folder; contains/not_contains need a file",
                        p = path.display(),
                    )));
                }
                let text = read_text(&path, meta.len(), tail)?;
                for re in &contains {
                    if !re.0.is_match(&text) {
                        obs.evidence
                            .push(format!("no line matches /{}/", re.as_str()));
                        obs.fail(
                            Status::Crit,
                            text!("文件中缺少应有的内容", "the file lacks what it must hold"),
                        );
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
                            text!(
                                "文件中有 {n} 行含有不应出现的内容",
                                "{n} line(s) match /{re}/",
                                n = lines.len(),
                                re = re.as_str(),
                            ),
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

/// A file that could not be read: UNKNOWN, with why.
fn io_unknown(path: &std::path::Path, e: &std::io::Error) -> ProbeError {
    ProbeError::unknown(text!(
        "{p}：{why}",
        "{p}: {why}",
        p = path.display(),
        why = crate::core::net::io_error(e),
    ))
}

fn read_text(path: &PathBuf, len: u64, tail: Option<u64>) -> Result<String, ProbeError> {
    let io = |e: std::io::Error| io_unknown(path, &e);
    let mut f = std::fs::File::open(path).map_err(io)?;
    let want = tail.unwrap_or(MAX_READ).min(MAX_READ);
    if tail.is_some() && len > want {
        f.seek(SeekFrom::Start(len - want)).map_err(io)?;
    }
    let mut buf = Vec::new();
    f.take(want).read_to_end(&mut buf).map_err(io)?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
