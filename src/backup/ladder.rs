//! Climbing the verification ladder for one policy.
//!
//! Rungs: 1 exists, 2 fresh, 3 complete, 4 size, 5 checksum, 6 structure (7, restore, runs
//! only with `--deep`). Every rung is evaluated, so a stale backup still has its checksum and
//! structure checked; the `rung` reached is the last of an unbroken run of passes from the
//! bottom, where a gap in the sequence (rung 3) does not break the run: it is a fault of the
//! set, not of the newest backup. A failed rung says what is wrong with a status: CRIT for what makes the backup
//! unusable or too old, WARN for gaps that leave a usable backup.

use std::path::Path;
use std::time::Duration;

use super::checksum;
use super::structure::{self, Structure};
use super::{Backup, Policy};
use crate::core::outcome::{Metric, Status, format_value};

/// The rungs, by number.
pub const RUNGS: [&str; 7] = ["存在", "新鲜", "完整", "大小", "校验和", "结构", "恢复"];

/// One rung's verdict.
#[derive(Clone, Debug)]
pub struct Step {
    /// Rung number, 1-based.
    pub rung: u8,
    /// `None` when it passed; the status and reason when not.
    pub failure: Option<(Status, String)>,
    /// What was seen.
    pub detail: String,
}

/// The ladder's result for one policy.
#[derive(Clone, Debug, Default)]
pub struct Climb {
    /// Every rung evaluated, in order.
    pub steps: Vec<Step>,
    /// The highest rung of an unbroken run of passes.
    pub reached: u8,
    /// Measured numbers: age, size, count, rung.
    pub metrics: Vec<Metric>,
    /// Per-file results when every retained backup was verified.
    pub files: Vec<String>,
    /// The rung (5 checksum, 6 structure) the newest backup itself failed with CRIT, if any:
    /// with `--all` an older backup's fault fails the rung but leaves the newest restorable.
    pub newest_broken: Option<u8>,
}

impl Climb {
    fn step(&mut self, rung: u8, failure: Option<(Status, String)>, detail: String) {
        self.steps.push(Step {
            rung,
            failure,
            detail,
        });
    }

    /// Adds the restore rung's verdict (run after the others, with a database at hand).
    pub fn add_restore(
        &mut self,
        failure: Option<(Status, String)>,
        detail: String,
        metrics: Vec<Metric>,
    ) {
        self.metrics.extend(metrics);
        self.step(7, failure, detail);
        self.finish();
    }

    /// Whether a rung from 4 to 6 failed with CRIT: such a backup is not worth restoring.
    pub fn unusable(&self) -> Option<u8> {
        if let Some(r) = self.newest_broken {
            return Some(r);
        }
        // Rungs 5 and 6 judge the newest through `newest_broken`; 4 (size) is the newest's own.
        self.steps
            .iter()
            .find(|s| s.rung == 4 && s.failure.as_ref().is_some_and(|f| f.0 == Status::Crit))
            .map(|s| s.rung)
    }

    fn finish(&mut self) {
        // A missing day is a fault of the sequence, not of this backup: it does not stop the
        // climb (its status still counts).
        self.reached = self
            .steps
            .iter()
            .take_while(|s| s.failure.is_none() || s.rung == 3)
            .map(|s| s.rung)
            .max()
            .unwrap_or(0);
        self.metrics.retain(|m| m.name != "rung");
        self.metrics
            .push(Metric::new("rung", f64::from(self.reached), ""));
    }
}

fn when(ms: i64, tz: chrono_tz::Tz) -> String {
    crate::core::clock::local_time(ms, tz, "%Y-%m-%d %H:%M")
}

/// An age for people: `3d 4h`, `5h 12m`, `40s`.
fn span(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    let (d, h, m) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// Options of a climb.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Now, epoch ms.
    pub now: i64,
    /// Display timezone.
    pub tz: chrono_tz::Tz,
    /// Verify the checksum and structure of every retained backup, not only the newest.
    pub all: bool,
    /// Threads for `all`.
    pub threads: usize,
    /// Bound on external tools (pg_restore --list).
    pub tool_timeout: Duration,
}

/// Climbs rungs 1 to 6 for a policy's backups (oldest first).
pub fn climb(policy: &Policy, backups: &[Backup], o: &Options) -> Climb {
    let mut c = climb_files(policy, backups, o);
    c.finish();
    c
}

fn climb_files(policy: &Policy, backups: &[Backup], o: &Options) -> Climb {
    let mut c = Climb::default();
    let Some(newest) = backups.last() else {
        c.step(
            1,
            Some((Status::Crit, format!("no backup matches {}", policy.path))),
            String::new(),
        );
        return c;
    };
    c.step(
        1,
        None,
        format!(
            "newest {} ({})",
            newest.path.display(),
            when(newest.taken, o.tz)
        ),
    );
    c.metrics
        .push(Metric::new("count", backups.len() as f64, ""));

    // 2 fresh
    let age = o.now - newest.taken;
    c.metrics
        .push(Metric::new("age", (age.max(0) / 1000) as f64, "s"));
    let rpo = policy.rpo().as_millis() as i64;
    let fresh = (age > rpo).then(|| {
        (
            Status::Crit,
            format!(
                "newest backup is {} old, over the RPO of {}",
                span(age),
                span(rpo)
            ),
        )
    });
    let mut seen = format!("{} old (RPO {})", span(age), span(rpo));
    if newest.disagree {
        seen.push_str(&format!(
            "; its name and its last write ({}) are more than a day apart",
            crate::core::clock::local_time(newest.mtime, o.tz, "%Y-%m-%d %H:%M")
        ));
    }
    c.step(2, fresh, seen);

    // 3 complete: each of the last `keep` periods has a backup
    let keep = policy.keep.unwrap_or(1).max(1) as i64;
    let every = policy.every().as_millis() as i64;
    let mut missing = Vec::new();
    for i in 0..keep {
        let slot = newest.taken - i * every;
        const DAY: i64 = 86_400_000;
        // A backup known to the day only fills its own day, not the neighbour its midnight
        // happens to be near.
        let filled = backups.iter().any(|b| {
            if b.day_only {
                (b.taken..b.taken + DAY).contains(&slot)
            } else {
                (b.taken - slot).abs() <= every / 2
            }
        });
        if !filled {
            missing.push(when(slot, o.tz));
        }
    }
    let complete = if !missing.is_empty() {
        Some((
            Status::Warn,
            format!(
                "{} of the last {keep} backups missing: {}",
                missing.len(),
                missing.join(", ")
            ),
        ))
    } else if (backups.len() as i64) < keep {
        Some((
            Status::Warn,
            format!("{} backups kept, retention asks for {keep}", backups.len()),
        ))
    } else {
        None
    };
    c.step(
        3,
        complete,
        format!("{} backups, retention {keep}", backups.len()),
    );

    // 4 size
    c.metrics.push(Metric::new("size", newest.size as f64, "B"));
    let min = policy.min_size.map_or(1, |m| m.0);
    let mut earlier: Vec<u64> = backups[..backups.len() - 1]
        .iter()
        .rev()
        .take(7)
        .map(|b| b.size)
        .collect();
    earlier.sort_unstable();
    let median = earlier.get(earlier.len() / 2).copied();
    let drop = policy.size_drop_pct.unwrap_or(50.0);
    let size = if newest.size < min {
        Some((
            Status::Crit,
            format!(
                "newest backup is {} (under {}): empty or half written",
                format_value(newest.size as f64, "B"),
                format_value(min as f64, "B")
            ),
        ))
    } else {
        median
            .filter(|m| (newest.size as f64) < *m as f64 * (1.0 - drop / 100.0))
            .map(|m| {
                (
                    Status::Crit,
                    format!(
                        "newest backup is {}, {:.0}% below the median {} of the previous {}",
                        format_value(newest.size as f64, "B"),
                        100.0 - newest.size as f64 / m as f64 * 100.0,
                        format_value(m as f64, "B"),
                        earlier.len()
                    ),
                )
            })
    };
    c.step(
        4,
        size,
        match median {
            Some(m) => format!(
                "{} (median of previous {} {})",
                format_value(newest.size as f64, "B"),
                earlier.len(),
                format_value(m as f64, "B")
            ),
            None => format_value(newest.size as f64, "B"),
        },
    );

    // 5 checksum and 6 structure, of the newest or of all
    let targets: Vec<&Backup> = if o.all {
        backups.iter().collect()
    } else {
        vec![newest]
    };
    let results = verify_files(&targets, policy.kind, o);
    let mut sum_fail: Option<(Status, String)> = None;
    let mut struct_fail: Option<(Status, String)> = None;
    let mut struct_note = String::new();
    let newest_at = targets.len().saturating_sub(1);
    for (i, (b, (sum, st))) in targets.iter().zip(&results).enumerate() {
        let is_newest = i == newest_at;
        let sum_broken = !matches!(sum, Ok(Some(true)) | Ok(None));
        let st_broken = matches!(st, Ok(Structure::Broken(_)) | Err(_));
        if is_newest {
            c.newest_broken = if sum_broken {
                Some(5)
            } else if st_broken {
                Some(6)
            } else {
                None
            };
        }
        let name = b
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut line = format!("{name}: ");
        match sum {
            Ok(Some(true)) => line.push_str("校验和一致"),
            Ok(Some(false)) => {
                line.push_str("校验和不符");
                sum_fail.get_or_insert((
                    Status::Crit,
                    format!("{name}: checksum does not match its recorded sha256"),
                ));
            }
            Ok(None) => {
                line.push_str("无校验记录");
                sum_fail.get_or_insert((
                    Status::Warn,
                    format!("{name}: no recorded checksum (write one with `znode backup seal`)"),
                ));
            }
            Err(e) => {
                line.push_str("无法读取");
                sum_fail.get_or_insert((Status::Crit, format!("{name}: cannot read: {e}")));
            }
        }
        match st {
            Ok(Structure::Intact(d)) => line.push_str(&format!("；{d}")),
            Ok(Structure::Broken(d)) => {
                line.push_str(&format!("；结构损坏：{d}"));
                struct_fail.get_or_insert((Status::Crit, format!("{name}: {d}")));
            }
            Ok(Structure::Unchecked(d)) => {
                line.push_str(&format!("；{d}"));
                struct_note = d.clone();
            }
            Err(e) => {
                struct_fail.get_or_insert((Status::Crit, format!("{name}: cannot read: {e}")));
            }
        }
        c.files.push(line);
    }
    let n = targets.len();
    c.step(
        5,
        sum_fail,
        format!("{n} file(s) checked against their recorded sha256"),
    );
    if struct_fail.is_some() || struct_note.is_empty() {
        c.step(6, struct_fail, format!("{n} file(s) read to the end"));
    } else {
        // Nothing to check is not a failure, but the rung is not reached either.
        c.files.push(format!("结构未检查：{struct_note}"));
    }
    c
}

type FileResult = (std::io::Result<Option<bool>>, std::io::Result<Structure>);

/// Checksum and structure of each file, several files at once.
fn verify_files(files: &[&Backup], kind: super::Kind, o: &Options) -> Vec<FileResult> {
    let one = |b: &Backup| -> FileResult {
        let sum = checksum::expected(&b.path).and_then(|e| match e {
            None => Ok(None),
            Some(e) => crate::core::fsx::sha256_file(&b.path).map(|h| Some(h == e.sha256)),
        });
        let st = structure::check(Path::new(&b.path), kind, o.tool_timeout);
        (sum, st)
    };
    crate::core::par::map(files, o.threads, |b| one(b))
}
