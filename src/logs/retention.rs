//! Archive and purge of old logs (常规检查(2) back up important logs, (3) purge expired logs).
//!
//! A policy names a root folder, the files under it that it governs (globs relative to the root),
//! and when they are archived and deleted. Safety rules, all tested:
//! - nothing outside the root is touched: the walk never follows symbolic links, patterns may
//!   not contain `..` or be absolute, and each path is re-checked against the canonical root
//!   right before it is acted on;
//! - a file some process holds open for writing is never archived or deleted;
//! - when a policy archives, a file is deleted only once an archive manifest lists it;
//! - an archive is written under a temporary name and renamed when complete, with a
//!   `sha256sum -c`-compatible checksum file and a manifest of its members.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::core::error::Invalid;
use crate::core::fsx::ByteSize;

/// A retention policy from `logs.retention`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Id used in output and filters.
    pub id: String,
    /// The folder it governs.
    pub root: PathBuf,
    /// Globs relative to the root (`*.log.*`, `**/*.gz`).
    pub include: Vec<String>,
    /// Archive files last written longer ago than this.
    #[serde(default, with = "crate::core::duration::opt")]
    pub archive_after: Option<Duration>,
    /// Where archives go.
    pub archive_to: Option<PathBuf>,
    /// Delete files last written longer ago than this.
    #[serde(default, with = "crate::core::duration::opt")]
    pub delete_after: Option<Duration>,
    /// Delete the oldest files while the governed files take more than this (`10GiB`).
    pub max_total: Option<ByteSize>,
}

impl Policy {
    /// Load-time problems: patterns that could leave the root.
    pub fn problems(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        for p in &self.include {
            if Path::new(p).is_absolute()
                || Path::new(p)
                    .components()
                    .any(|c| c == std::path::Component::ParentDir)
            {
                out.push(Invalid::new(
                    format!(
                        "retention `{}`: include pattern `{p}` leaves the root",
                        self.id
                    ),
                    "write patterns relative to `root`, without `..`",
                ));
            } else if let Err(e) = glob::Pattern::new(p) {
                out.push(Invalid::new(
                    format!("retention `{}`: bad pattern `{p}`: {e}", self.id),
                    "see glob syntax: *, **, ?, [abc]",
                ));
            }
        }
        if self.archive_after.is_some() != self.archive_to.is_some() {
            out.push(Invalid::new(
                format!(
                    "retention `{}`: `archive_after` and `archive_to` go together",
                    self.id
                ),
                "set both to archive, or neither",
            ));
        }
        if self.archive_after.is_none() && self.delete_after.is_none() && self.max_total.is_none() {
            out.push(Invalid::new(
                format!("retention `{}` does nothing", self.id),
                "set archive_after/archive_to, delete_after or max_total",
            ));
        }
        out
    }
}

/// What is (or would be) done to one file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Entry {
    /// Policy id.
    pub policy: String,
    /// The file.
    pub path: PathBuf,
    /// Size.
    pub size: u64,
    /// Last write, epoch ms.
    pub mtime: i64,
    /// `archive`, `delete` or `keep`.
    pub action: &'static str,
    /// Why.
    pub reason: String,
    /// The archive it went (or goes) into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<PathBuf>,
    /// Whether it was done (`--apply`) and, if it failed, why.
    pub done: bool,
    /// Error when applying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Files of a policy found under its root, with the files left alone and why.
struct Found {
    files: Vec<(PathBuf, String, fs::Metadata)>,
    skipped: Vec<(PathBuf, String)>,
}

fn walk(policy: &Policy, base: &Path) -> io::Result<(PathBuf, Found)> {
    let root = fs::canonicalize(base.join(&policy.root))?;
    let patterns: Vec<glob::Pattern> = policy
        .include
        .iter()
        .filter_map(|p| glob::Pattern::new(p).ok())
        .collect();
    let archive_dir = policy
        .archive_to
        .as_ref()
        .and_then(|a| fs::canonicalize(base.join(a)).ok());
    let mut found = Found {
        files: Vec::new(),
        skipped: Vec::new(),
    };
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        if archive_dir.as_ref() == Some(&dir) {
            continue;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                found
                    .skipped
                    .push((dir.clone(), format!("cannot read folder: {e}")));
                continue;
            }
        };
        for e in entries.flatten() {
            let path = e.path();
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            let rel = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            if meta.file_type().is_symlink() {
                if patterns.iter().any(|p| p.matches(&rel)) {
                    found
                        .skipped
                        .push((path, "symbolic link: not followed".into()));
                }
            } else if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() && patterns.iter().any(|p| p.matches(&rel)) {
                found.files.push((path, rel, meta));
            }
        }
    }
    found.files.sort_by_key(|f| (f.2.mtime(), f.1.clone()));
    Ok((root, found))
}

/// The policy's files, or an entry saying why its root cannot be read.
fn walk_or_report(p: &Policy, base: &Path, out: &mut Vec<Entry>) -> Option<(PathBuf, Found)> {
    match walk(p, base) {
        Ok(x) => Some(x),
        Err(e) => {
            out.push(keep(
                p,
                &base.join(&p.root),
                format!("cannot open root: {e}"),
            ));
            None
        }
    }
}

/// Files some process has open for writing, as (device, inode), from /proc/*/fd.
pub fn open_for_writing() -> HashSet<(u64, u64)> {
    let mut out = HashSet::new();
    let Ok(procs) = fs::read_dir("/proc") else {
        return out;
    };
    for p in procs.flatten() {
        let name = p.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(fds) = fs::read_dir(p.path().join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            let Ok(info) = fs::read_to_string(p.path().join("fdinfo").join(fd.file_name())) else {
                continue;
            };
            let flags = info
                .lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .unwrap_or(0);
            // O_WRONLY = 1, O_RDWR = 2.
            if flags & 0o3 == 0 {
                continue;
            }
            if let Ok(m) = fs::metadata(fd.path()) {
                out.insert((m.dev(), m.ino()));
            }
        }
    }
    out
}

/// `1 day`, `30 days`, `12h`: retention ages read in days.
fn span(d: Duration) -> String {
    let secs = d.as_secs();
    match secs / 86_400 {
        1 if secs.is_multiple_of(86_400) => "1 day".into(),
        n if n > 0 && secs.is_multiple_of(86_400) => format!("{n} days"),
        _ => humantime::format_duration(d).to_string(),
    }
}

fn mtime_ms(m: &fs::Metadata) -> i64 {
    m.mtime() * 1000 + m.mtime_nsec() / 1_000_000
}

/// (path relative to root, size, mtime) of every file the archives of a policy list.
fn archived(dir: &Path) -> HashSet<(String, u64, i64)> {
    let mut out = HashSet::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        if e.path().extension().is_some_and(|x| x == "manifest")
            && let Ok(text) = fs::read_to_string(e.path())
        {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let mut parts = line.splitn(4, "  ");
                let (_, size, mtime, rel) =
                    (parts.next(), parts.next(), parts.next(), parts.next());
                if let (Some(s), Some(m), Some(r)) = (size, mtime, rel)
                    && let (Ok(s), Ok(m)) = (s.parse(), m.parse())
                {
                    out.insert((r.to_owned(), s, m));
                }
            }
        }
    }
    out
}

/// Plans (and with `apply`, performs) the archiving of every policy that archives.
pub fn archive(
    policies: &[Policy],
    base: &Path,
    now_ms: i64,
    stamp: &str,
    apply: bool,
) -> Vec<Entry> {
    let writers = open_for_writing();
    let mut out = Vec::new();
    for p in policies {
        let (Some(after), Some(to)) = (p.archive_after, &p.archive_to) else {
            continue;
        };
        let to = base.join(to);
        let Some((root, found)) = walk_or_report(p, base, &mut out) else {
            continue;
        };
        let done = archived(&to);
        let name = to.join(format!("{}-{stamp}.tar.gz", p.id));
        let mut batch = Vec::new();
        for (path, rel, m) in found.files {
            let age = now_ms - mtime_ms(&m);
            let entry = |action, reason: String| Entry {
                policy: p.id.clone(),
                path: path.clone(),
                size: m.len(),
                mtime: mtime_ms(&m),
                action,
                reason,
                archive: None,
                done: false,
                error: None,
            };
            if writers.contains(&(m.dev(), m.ino())) {
                out.push(entry("keep", "open for writing by a process".into()));
            } else if done.contains(&(rel.clone(), m.len(), mtime_ms(&m))) {
                out.push(entry("keep", "already archived".into()));
            } else if age < after.as_millis() as i64 {
                out.push(entry("keep", format!("newer than {}", span(after))));
            } else {
                let mut e = entry("archive", format!("older than {}", span(after)));
                e.archive = Some(name.clone());
                batch.push((e, rel));
            }
        }
        for (path, why) in found.skipped {
            out.push(keep(p, &path, why));
        }
        if batch.is_empty() {
            continue;
        }
        if apply {
            let result = write_archive(&root, &name, &batch);
            for (mut e, _) in batch {
                match &result {
                    Ok(()) => e.done = true,
                    Err(err) => e.error = Some(err.to_string()),
                }
                out.push(e);
            }
        } else {
            out.extend(batch.into_iter().map(|b| b.0));
        }
    }
    out
}

fn keep(p: &Policy, path: &Path, why: String) -> Entry {
    Entry {
        policy: p.id.clone(),
        path: path.to_owned(),
        size: 0,
        mtime: 0,
        action: "keep",
        reason: why,
        archive: None,
        done: false,
        error: None,
    }
}

/// Hashes what it writes, so the checksum file needs no second read.
struct HashingWriter<W> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_archive(root: &Path, name: &Path, batch: &[(Entry, String)]) -> io::Result<()> {
    if let Some(dir) = name.parent() {
        fs::create_dir_all(dir)?;
    }
    let partial = name.with_extension("gz.partial");
    let file = fs::File::create(&partial)?;
    let hw = HashingWriter {
        inner: io::BufWriter::new(file),
        hash: Sha256::new(),
    };
    let gz = flate2::write::GzEncoder::new(hw, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Complete);
    let mut manifest =
        String::from("# sha256  size  mtime_ms  path (relative to the policy root)\n");
    for (e, rel) in batch {
        // Re-check containment right before reading: the tree may have changed since the walk.
        if !fs::canonicalize(&e.path)?.starts_with(root) {
            return Err(io::Error::other(format!(
                "{} left the root",
                e.path.display()
            )));
        }
        let digest = crate::core::fsx::sha256_file(&e.path)?;
        tar.append_path_with_name(&e.path, rel)?;
        manifest.push_str(&format!("{}  {}  {}  {rel}\n", digest, e.size, e.mtime));
    }
    let gz = tar.into_inner()?;
    let hw = gz.finish()?;
    let digest = hex(&hw.hash.finalize());
    let file = hw.inner.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    fs::rename(&partial, name)?;
    let base = name
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs::write(
        format!("{}.sha256", name.display()),
        format!("{digest}  {base}\n"),
    )?;
    fs::write(name.with_extension("").with_extension("manifest"), manifest)?;
    Ok(())
}

/// Plans (and with `apply`, performs) the deletions of every policy that deletes.
pub fn purge(policies: &[Policy], base: &Path, now_ms: i64, apply: bool) -> Vec<Entry> {
    let writers = open_for_writing();
    let mut out = Vec::new();
    for p in policies {
        if p.delete_after.is_none() && p.max_total.is_none() {
            continue;
        }
        let Some((root, found)) = walk_or_report(p, base, &mut out) else {
            continue;
        };
        let done = p.archive_to.as_ref().map(|a| archived(&base.join(a)));
        let mut total: u64 = found.files.iter().map(|f| f.2.len()).sum();
        // Oldest first, so the size limit removes the oldest.
        for (path, rel, m) in found.files {
            let mut e = Entry {
                policy: p.id.clone(),
                path: path.clone(),
                size: m.len(),
                mtime: mtime_ms(&m),
                action: "keep",
                reason: String::new(),
                archive: None,
                done: false,
                error: None,
            };
            let expired = p
                .delete_after
                .filter(|d| now_ms - e.mtime >= d.as_millis() as i64);
            let over = p.max_total.filter(|max| total > max.0);
            e.reason = match (expired, over) {
                (Some(d), _) => format!("older than {}", span(d)),
                (None, Some(max)) => format!(
                    "total {} over {}",
                    crate::core::outcome::format_value(total as f64, "B"),
                    crate::core::outcome::format_value(max.0 as f64, "B")
                ),
                (None, None) => "within retention".into(),
            };
            if expired.is_some() || over.is_some() {
                if writers.contains(&(m.dev(), m.ino())) {
                    e.reason = format!("{}, but open for writing by a process", e.reason);
                } else if done
                    .as_ref()
                    .is_some_and(|d| !d.contains(&(rel.clone(), e.size, e.mtime)))
                {
                    e.reason = format!(
                        "{}, but not archived yet (run `znode logs archive --apply`)",
                        e.reason
                    );
                } else {
                    e.action = "delete";
                    total = total.saturating_sub(e.size);
                    if apply {
                        let inside = fs::canonicalize(&path)
                            .map(|c| c.starts_with(&root))
                            .unwrap_or(false);
                        let r = if inside {
                            fs::remove_file(&path)
                        } else {
                            Err(io::Error::other("left the root"))
                        };
                        match r {
                            Ok(()) => e.done = true,
                            Err(err) => {
                                e.error = Some(err.to_string());
                                total += e.size;
                            }
                        }
                    }
                }
            }
            out.push(e);
        }
        for (path, why) in found.skipped {
            out.push(keep(p, &path, why));
        }
    }
    out
}
