//! Backup verification: the policies declared in the config and the ladder each backup climbs
//! (exists → fresh → complete → size → checksum → structure → restore).
//!
//! A policy names where its backups land, as a glob whose `%Y %m %d %H %M %S` fields date each
//! backup by its name (the file's last write dates it otherwise), how often one is taken, how
//! many are kept, and what a restore test checks. The ladder stops at the first rung a backup
//! does not reach; how high it got is the `rung` metric of the outcome, so the history shows
//! the trend and `znode backup status` the share verified.

pub mod checksum;
pub mod ladder;
pub mod restore;
pub mod structure;
pub mod take;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::core::error::Invalid;

use serde::Deserialize;

/// The `backups:` section of the config.
#[derive(Clone, Debug, Default)]
pub struct BackupSettings {
    /// Declared policies.
    pub policies: Vec<Policy>,
}

impl BackupSettings {
    /// The policy with this id.
    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies.iter().find(|p| p.id == id)
    }

    /// The ids of the declared policies, for messages.
    pub fn ids(&self) -> Vec<&str> {
        self.policies.iter().map(|p| p.id.as_str()).collect()
    }
}

/// What a policy protects; it decides which structure checks and restore apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A PostgreSQL dump (custom, directory-less tar, or plain SQL, possibly compressed).
    Postgres,
    /// A MySQL/MariaDB dump (plain SQL, possibly compressed).
    Mysql,
    /// An archive of a directory.
    Directory,
    /// Program packages (archives, installers).
    Programs,
    /// Configuration files.
    Config,
    /// Any other file.
    File,
}

/// One backup policy.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Id used in filters, checks and the history.
    pub id: String,
    /// Chinese title for tables and reports.
    pub title: Option<String>,
    /// The system it belongs to.
    pub system: Option<String>,
    /// What is protected.
    pub kind: Kind,
    /// Where backups land: a glob, with strftime fields dating each backup by its name
    /// (`/data/backup/shared/shared-%Y%m%d.dump`). Relative to the config's folder.
    pub path: String,
    /// How often a backup is taken (default a day).
    #[serde(default, with = "crate::core::duration::opt")]
    pub every: Option<Duration>,
    /// How old the newest backup may be (default `every` + 2 h: 26 h for a daily backup).
    #[serde(default, with = "crate::core::duration::opt")]
    pub rpo: Option<Duration>,
    /// How many backups must be kept (the retention); checked with the sequence of periods.
    pub keep: Option<u32>,
    /// How far below the median of the previous backups the newest may be, in percent
    /// (default 50: a sudden halving is CRIT).
    pub size_drop_pct: Option<f64>,
    /// Backups smaller than this are not backups (default 1 byte: an empty dump is CRIT).
    pub min_size: Option<crate::core::fsx::ByteSize>,
    /// The database the dumps are of: the structure rung (6) refuses a dump whose header
    /// names another (pg_dump custom archives and mysqldump say which).
    pub database: Option<String>,
    /// The restore test (rung 7), for database dumps.
    pub restore: Option<restore::RestorePlan>,
    /// What `znode backup take` archives: files, folders or globs (config and program policies).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How `take` compresses: `gzip` (default) or `zstd`.
    pub compression: Option<take::Compression>,
    /// Hosts or groups the backups land on (default: the hosts of `system`); `local` is the
    /// jump host (a backup folder mounted there).
    #[serde(default)]
    pub hosts: Vec<String>,
    /// The clock zone the times in backup names are written in, when the server writing them
    /// keeps another than the node's (a UTC server's `date +%Y%m%d-%H%M%S`): `UTC`.
    #[serde(default)]
    pub timezone: Option<String>,
    /// The policy as written, sent to agents on other hosts.
    #[serde(skip)]
    pub written: serde_json::Value,
    /// Why the restore test does not run where this copy of the policy is checked (an agent
    /// on another host has no restore targets); said beside the ladder.
    #[serde(skip)]
    pub restore_elsewhere: Option<String>,
}

/// A backup found on disk.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Backup {
    /// The file.
    pub path: PathBuf,
    /// Size.
    pub size: u64,
    /// When it was taken, epoch ms: from the name's date and time fields; a name with a date
    /// only gives the day, and the last write within that day says when in it; else the last
    /// write.
    pub taken: i64,
    /// Last write, epoch ms.
    pub mtime: i64,
    /// The name's date and its last write are more than a day apart (copied, touched, or a
    /// clock off): said beside the age, since either may be wrong.
    pub disagree: bool,
    /// Known to the day only: the name gives a date, and the last write is not within it
    /// (`taken` is that day's midnight). Such a backup fills any slot of its day.
    pub day_only: bool,
}

impl Policy {
    /// The backup interval.
    pub fn every(&self) -> Duration {
        self.every.unwrap_or(Duration::from_secs(86_400))
    }

    /// The age the newest backup may have.
    pub fn rpo(&self) -> Duration {
        self.rpo
            .unwrap_or(self.every() + Duration::from_secs(2 * 3600))
    }

    /// The policy's title, or its id.
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }

    /// The zone the dates in names are read (and written) in: the policy's, else the node's.
    pub fn zone(&self, node: chrono_tz::Tz) -> chrono_tz::Tz {
        self.timezone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or(node)
    }

    /// Load-time problems, with hints.
    pub fn problems(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        if let Some(z) = &self.timezone
            && z.parse::<chrono_tz::Tz>().is_err()
        {
            out.push(Invalid::new(
                format!("backup `{}`: unknown timezone `{z}`", self.id),
                "an IANA name such as `UTC` or `Asia/Shanghai`",
            ));
        }
        if let Err(e) = glob::Pattern::new(&date_glob(&self.path)) {
            out.push(Invalid::new(
                format!(
                    "backup `{}`: bad path pattern `{}`: {e}",
                    self.id, self.path
                ),
                "write a glob such as /data/backup/db-%Y%m%d*.dump",
            ));
        }
        if let Some(p) = self.size_drop_pct
            && !(0.0..=100.0).contains(&p)
        {
            out.push(Invalid::new(
                format!(
                    "backup `{}`: size_drop_pct must be between 0 and 100",
                    self.id
                ),
                "e.g. `size_drop_pct: 50`",
            ));
        }
        if !self.sources.is_empty() && !FIELDS.iter().any(|(f, _)| self.path.contains(f)) {
            out.push(Invalid::new(
                format!(
                    "backup `{}`: `take` needs date fields in `path` to name each archive",
                    self.id
                ),
                "e.g. `path: /data/backup/config/config-%Y%m%d-%H%M%S.tar.gz`",
            ));
        }
        if let Some(r) = &self.restore {
            out.extend(r.problems(&self.id, self.kind));
        }
        if self.every().is_zero() {
            out.push(Invalid::new(
                format!("backup `{}`: `every` must be more than zero", self.id),
                "e.g. `every: 1d`",
            ));
        }
        out
    }

    /// The backups on disk, oldest first.
    pub fn discover(&self, base: &Path, tz: chrono_tz::Tz) -> Result<Vec<Backup>, String> {
        let tz = self.zone(tz);
        let full = if Path::new(&self.path).is_absolute() {
            PathBuf::from(&self.path)
        } else {
            base.join(&self.path)
        };
        let pattern = date_glob(&full.to_string_lossy());
        // Matched against the end of each path: glob drops a leading `./`, absolute or not.
        let dated = date_regex(self.path.trim_start_matches("./"));
        let mut out = Vec::new();
        let mut unreadable = None;
        let entries = glob::glob(&pattern).map_err(|e| format!("bad path pattern: {e}"))?;
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    unreadable.get_or_insert_with(|| {
                        format!("cannot read {}: {}", e.path().display(), e.error())
                    });
                    continue;
                }
            };
            let Ok(m) = std::fs::metadata(&entry) else {
                continue;
            };
            if !m.is_file() || is_sidecar(&entry) {
                continue;
            }
            let mtime = m.mtime() * 1000 + m.mtime_nsec() / 1_000_000;
            let named = dated.as_ref().and_then(|(re, fields)| {
                date_from_name(re, fields, &entry.to_string_lossy(), tz)
                    .map(|t| (t, fields.contains(&"%H")))
            });
            const DAY: i64 = 86_400_000;
            let (taken, disagree, day_only) = match named {
                // `db-20261202.sql` written at 23:00 that day is 23:00 old, not midnight old.
                Some((day, false)) if (day..day + DAY).contains(&mtime) => (mtime, false, false),
                Some((t, has_time)) => (t, (mtime - t).abs() > DAY, !has_time),
                None => (mtime, false, false),
            };
            out.push(Backup {
                path: entry,
                size: m.len(),
                taken,
                mtime,
                disagree,
                day_only,
            });
        }
        // A folder that cannot be read is not an empty one: "no backup" would be a false CRIT.
        if let Some(why) = unreadable
            && out.is_empty()
        {
            return Err(why);
        }
        if out.is_empty()
            && let Some(dir) = existing_parent(&full)
            && let Err(e) = std::fs::read_dir(&dir)
        {
            return Err(format!("cannot read {}: {e}", dir.display()));
        }
        out.sort_by(|a, b| a.taken.cmp(&b.taken).then_with(|| a.path.cmp(&b.path)));
        Ok(out)
    }
}

/// The deepest folder of a path pattern that has no pattern characters in it and exists.
fn existing_parent(pattern: &Path) -> Option<PathBuf> {
    let mut dir = PathBuf::new();
    for c in pattern.parent()?.components() {
        let s = c.as_os_str().to_string_lossy();
        if s.contains(['*', '?', '[', '%']) {
            break;
        }
        dir.push(c);
    }
    dir.is_dir().then_some(dir)
}

/// Checksum files that sit beside backups and are not backups themselves.
pub fn is_sidecar(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".sha256")
        || name.ends_with(".b3")
        || name.ends_with(".blake3")
        || name.ends_with(".md5")
        || name.ends_with(".manifest")
        || name == "sha256sums"
        || name.ends_with(".partial")
}

const FIELDS: [(&str, &str); 6] = [
    ("%Y", "[0-9][0-9][0-9][0-9]"),
    ("%m", "[0-9][0-9]"),
    ("%d", "[0-9][0-9]"),
    ("%H", "[0-9][0-9]"),
    ("%M", "[0-9][0-9]"),
    ("%S", "[0-9][0-9]"),
];

/// The path with its date fields turned into glob classes.
pub fn date_glob(path: &str) -> String {
    FIELDS
        .iter()
        .fold(path.to_owned(), |p, (f, g)| p.replace(f, g))
}

/// A regex capturing the date fields of the path (none: `None`), with the field order.
fn date_regex(path: &str) -> Option<(regex::Regex, Vec<&'static str>)> {
    if !FIELDS.iter().any(|(f, _)| path.contains(f)) {
        return None;
    }
    let mut re = String::from("(?:^|/)");
    let mut fields = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some((f, _)) = FIELDS.iter().find(|(f, _)| rest.starts_with(f)) {
            re.push_str(if *f == "%Y" { r"(\d{4})" } else { r"(\d{2})" });
            fields.push(*f);
            rest = &rest[2..];
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            _ => re.push_str(&regex::escape(&c.to_string())),
        }
        rest = &rest[c.len_utf8()..];
    }
    re.push('$');
    regex::Regex::new(&re).ok().map(|r| (r, fields))
}

fn date_from_name(
    re: &regex::Regex,
    fields: &[&str],
    name: &str,
    tz: chrono_tz::Tz,
) -> Option<i64> {
    use chrono::TimeZone;
    let caps = re.captures(name)?;
    let mut v = [1970u32, 1, 1, 0, 0, 0];
    for (i, f) in fields.iter().enumerate() {
        let n: u32 = caps.get(i + 1)?.as_str().parse().ok()?;
        let slot = FIELDS.iter().position(|(x, _)| x == f)?;
        v[slot] = n;
    }
    let date = chrono::NaiveDate::from_ymd_opt(v[0] as i32, v[1], v[2])?;
    let dt = date.and_hms_opt(v[3], v[4], v[5])?;
    Some(tz.from_local_datetime(&dt).earliest()?.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_name_without_a_time_takes_the_time_of_its_last_write_that_day() {
        use chrono::TimeZone;
        let tz = chrono_tz::Asia::Shanghai;
        let dir = tempfile::tempdir().unwrap();
        let at = |y, m, d, h| tz.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().timestamp();
        let set = |p: &std::path::Path, secs: i64| {
            let t = nix::sys::time::TimeVal::new(secs, 0);
            nix::sys::stat::utimes(p, &t, &t).unwrap();
        };
        let evening = dir.path().join("db-20261202.sql");
        std::fs::write(&evening, "x").unwrap();
        set(&evening, at(2026, 12, 2, 23));
        let copied = dir.path().join("db-20261130.sql");
        std::fs::write(&copied, "x").unwrap();
        set(&copied, at(2026, 12, 2, 9));
        let policy: Policy = serde_json::from_value(serde_json::json!({
            "id": "db", "kind": "file", "path": "db-%Y%m%d.sql"
        }))
        .unwrap();
        let found = policy.discover(dir.path(), tz).unwrap();
        assert_eq!(found.len(), 2);
        let (old, new) = (&found[0], &found[1]);
        assert_eq!(
            new.taken,
            at(2026, 12, 2, 23) * 1000,
            "written 23:00 that day"
        );
        assert!(!new.disagree);
        assert_eq!(
            old.taken,
            at(2026, 11, 30, 0) * 1000,
            "the name's day when the write is days later"
        );
        assert!(old.disagree);
    }

    #[test]
    fn a_name_is_read_in_the_policys_clock_zone() {
        use chrono::TimeZone;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("db-20261203-010000.dump");
        std::fs::write(&file, "x").unwrap();
        let utc = chrono::Utc
            .with_ymd_and_hms(2026, 12, 3, 1, 0, 0)
            .unwrap()
            .timestamp();
        let t = nix::sys::time::TimeVal::new(utc, 0);
        nix::sys::stat::utimes(&file, &t, &t).unwrap();
        let policy = |zone: Option<&str>| -> Policy {
            serde_json::from_value(serde_json::json!({
                "id": "db", "kind": "file", "path": "db-%Y%m%d-%H%M%S.dump", "timezone": zone
            }))
            .unwrap()
        };
        let node = chrono_tz::Asia::Shanghai;
        // A UTC server's 01:00 is 09:00 in Shanghai: read in the node's zone, the name is
        // eight hours off its write time.
        let on_utc = policy(Some("UTC")).discover(dir.path(), node).unwrap();
        assert_eq!(on_utc[0].taken, utc * 1000);
        let as_node = policy(None).discover(dir.path(), node).unwrap();
        assert_eq!(as_node[0].taken, (utc - 8 * 3600) * 1000);
        assert_eq!(policy(Some("Mars/Base")).problems().len(), 1);
        // Archives `backup take` makes are named in the same zone.
        let now = node.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let name = take::archive_path(&policy(Some("UTC")), dir.path(), now);
        assert!(
            name.ends_with("db-20261203-010000.dump"),
            "{}",
            name.display()
        );
    }

    #[test]
    fn names_date_backups() {
        let (re, fields) = date_regex("/b/shared-%Y%m%d-%H%M*.dump").unwrap();
        let t = date_from_name(
            &re,
            &fields,
            "/b/shared-20251010-0230.dump",
            chrono_tz::Asia::Shanghai,
        )
        .unwrap();
        assert_eq!(
            t,
            chrono::DateTime::parse_from_rfc3339("2025-10-10T02:30:00+08:00")
                .unwrap()
                .timestamp_millis()
        );
        assert_eq!(
            date_glob("/b/x-%Y%m%d.sql.gz"),
            "/b/x-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9].sql.gz"
        );
        assert!(date_regex("/b/plain.dump").is_none());
        let (re, fields) = date_regex("pg/db-%Y%m%d.dump").unwrap();
        assert!(
            date_from_name(
                &re,
                &fields,
                "/tmp/x/pg/db-20251110.dump",
                chrono_tz::Asia::Shanghai
            )
            .is_some()
        );
        assert!(is_sidecar(Path::new("/b/x.dump.sha256")) && !is_sidecar(Path::new("/b/x.dump")));
    }
}
