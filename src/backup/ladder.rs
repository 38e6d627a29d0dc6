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
use crate::core::text::Text;
use crate::text;

/// The rungs, by number.
pub const RUNGS: [&str; 7] = ["存在", "新鲜", "完整", "大小", "校验和", "结构", "恢复"];

/// The rungs in English.
pub const RUNGS_EN: [&str; 7] = [
    "exists",
    "fresh",
    "complete",
    "size",
    "checksum",
    "structure",
    "restore",
];

/// One rung's verdict.
#[derive(Clone, Debug)]
pub struct Step {
    /// Rung number, 1-based.
    pub rung: u8,
    /// `None` when it passed; the status and reason when not.
    pub failure: Option<(Status, Text)>,
    /// What was seen.
    pub detail: Text,
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
    fn step(&mut self, rung: u8, failure: Option<(Status, Text)>, detail: Text) {
        self.steps.push(Step {
            rung,
            failure,
            detail,
        });
    }

    /// Adds the restore rung's verdict (run after the others, with a database at hand).
    pub fn add_restore(
        &mut self,
        failure: Option<(Status, Text)>,
        detail: Text,
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

/// An age for people: `3 天 4 小时`, `3d 4h`.
fn span(ms: i64) -> Text {
    crate::core::text::duration(Duration::from_secs((ms.max(0) / 1000) as u64))
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
    /// When znode first verified this policy (epoch ms), carried from one verification to the
    /// next; `None` when unknown. Only in its first retention period may periods before the
    /// oldest backup be the policy's own beginning rather than backups that went missing.
    pub first_seen: Option<i64>,
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
            Some((
                Status::Crit,
                text!(
                    "未找到备份（{path}）",
                    "no backup matches {path}",
                    path = policy.path,
                ),
            )),
            Text::default(),
        );
        return c;
    };
    c.step(
        1,
        None,
        text!(
            "最新备份 {path}（{at}）",
            "newest {path} ({at})",
            path = newest.path.display(),
            at = when(newest.taken, o.tz),
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
            text!(
                "最新备份已是 {age}前，超过恢复点目标 {rpo}",
                "newest backup is {age} old, over the RPO of {rpo}",
                age = span(age),
                rpo = span(rpo),
            ),
        )
    });
    let mut seen = text!(
        "{age}前（恢复点目标 {rpo}）",
        "{age} old (RPO {rpo})",
        age = span(age),
        rpo = span(rpo),
    );
    if newest.disagree {
        seen = text!(
            "{seen}；文件名日期与最后写入时间（{at}）相差超过一天",
            "{seen}; its name and its last write ({at}) are more than a day apart",
            seen = seen,
            at = crate::core::clock::local_time(newest.mtime, o.tz, "%Y-%m-%d %H:%M"),
        );
    }
    c.step(2, fresh, seen);

    // 3 complete: each of the last `keep` periods has a backup
    let keep = policy.keep.unwrap_or(1).max(1) as i64;
    let every = policy.every().as_millis() as i64;
    let mut missing = Vec::new();
    // Periods before the first backup there is are before the policy's history: a new policy
    // has not yet had `keep` periods to fill, which is not a missing backup.
    let oldest = backups.first().map_or(newest.taken, |b| b.taken);
    // A backup known to the day covers its day from midnight; a timed one half a period
    // around its time.
    let history_starts = match backups.first() {
        Some(b) if b.day_only => oldest,
        _ => oldest - every / 2,
    };
    // Young: files of less than one retention, and znode has known the policy for less than
    // that too (a cleanup that keeps too few files makes old policies look young on disk).
    let young = newest.taken - oldest < (keep - 1) * every
        && o.first_seen.is_some_and(|f| o.now - f < (keep - 1) * every);
    for i in 0..keep {
        let slot = newest.taken - i * every;
        const DAY: i64 = 86_400_000;
        if young && slot < history_starts {
            break;
        }
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
            text!(
                "最近 {keep} 期中缺少 {n} 期备份：{days}",
                "{n} of the last {keep} backups missing: {days}",
                keep = keep,
                n = missing.len(),
                days = missing.join(", "),
            ),
        ))
    } else if (backups.len() as i64) < keep && !young {
        Some((
            Status::Warn,
            text!(
                "保留 {n} 份备份，保留策略要求 {keep} 份",
                "{n} backups kept, retention asks for {keep}",
                n = backups.len(),
                keep = keep,
            ),
        ))
    } else {
        None
    };
    let kept = if young && (backups.len() as i64) < keep {
        text!(
            "共 {n} 份备份，保留 {keep} 份（最早一份在 {first}，尚未满一个保留周期）",
            "{n} backups, retention {keep} (the first is of {first}: not a whole retention yet)",
            n = backups.len(),
            keep = keep,
            first = when(oldest, o.tz),
        )
    } else {
        text!(
            "共 {n} 份备份，保留 {keep} 份",
            "{n} backups, retention {keep}",
            n = backups.len(),
            keep = keep,
        )
    };
    c.step(3, complete, kept);

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
            text!(
                "最新备份只有 {size}（不足 {min}）：为空或未写完",
                "newest backup is {size} (under {min}): empty or half written",
                size = format_value(newest.size as f64, "B"),
                min = format_value(min as f64, "B"),
            ),
        ))
    } else {
        median
            .filter(|m| (newest.size as f64) < *m as f64 * (1.0 - drop / 100.0))
            .map(|m| {
                (
                    Status::Crit,
                    text!(
                        "最新备份 {size}，比前 {n} 份的中位数 {median} 小 {pct:.0}%",
                        "newest backup is {size}, {pct:.0}% below the median {median} of the previous {n}",
                        size = format_value(newest.size as f64, "B"),
                        pct = 100.0 - newest.size as f64 / m as f64 * 100.0,
                        median = format_value(m as f64, "B"),
                        n = earlier.len(),
                    ),
                )
            })
    };
    c.step(
        4,
        size,
        match median {
            Some(m) => text!(
                "{size}（前 {n} 份中位数 {median}）",
                "{size} (median of previous {n} {median})",
                size = format_value(newest.size as f64, "B"),
                n = earlier.len(),
                median = format_value(m as f64, "B"),
            ),
            None => Text::raw(format_value(newest.size as f64, "B")),
        },
    );

    // 5 checksum and 6 structure, of the newest or of all
    let targets: Vec<&Backup> = if o.all {
        backups.iter().collect()
    } else {
        vec![newest]
    };
    let results = verify_files(&targets, policy.kind, policy.database.as_deref(), o);
    let mut sum_fail: Option<(Status, Text)> = None;
    let mut struct_fail: Option<(Status, Text)> = None;
    let (mut sum_bad, mut sum_missing, mut struct_bad) = (0usize, 0usize, 0usize);
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
        match &sum {
            Ok(Some(false)) | Err(_) => sum_bad += 1,
            Ok(None) => sum_missing += 1,
            Ok(Some(true)) => {}
        }
        if matches!(st, Ok(Structure::Broken(_)) | Err(_)) {
            struct_bad += 1;
        }
        match sum {
            Ok(Some(true)) => line.push_str("校验和一致"),
            Ok(Some(false)) => {
                line.push_str("校验和不符");
                keep_worst(
                    &mut sum_fail,
                    Status::Crit,
                    text!(
                        "{name} 校验和与记录不符",
                        "{name}: checksum does not match its recorded sha256",
                        name = name,
                    ),
                );
            }
            Ok(None) => {
                line.push_str("无校验记录");
                keep_worst(
                    &mut sum_fail,
                    Status::Warn,
                    text!(
                        "{name} 没有校验记录",
                        "{name}: no recorded checksum (write one with `znode backup seal`)",
                        name = name,
                    ),
                );
            }
            Err(e) => {
                line.push_str("无法读取");
                keep_worst(&mut sum_fail, Status::Crit, unreadable(&name, e));
            }
        }
        match st {
            Ok(Structure::Intact(d)) => line.push_str(&format!("；{}", d.zh)),
            Ok(Structure::Broken(d)) => {
                line.push_str(&format!("；结构损坏：{}", d.zh));
                struct_fail.get_or_insert((
                    Status::Crit,
                    text!("{name} 结构损坏：{d}", "{name}: {d}", name = name, d = *d),
                ));
            }
            Ok(Structure::Unchecked(d)) => {
                line.push_str(&format!("；{}", d.zh));
                struct_note = d.zh.clone();
            }
            Err(e) => {
                struct_fail.get_or_insert((Status::Crit, unreadable(&name, e)));
            }
        }
        c.files.push(line);
    }
    let n = targets.len();
    // One file named, and how many more: each is on its own line in the evidence.
    let more = |fail: Option<(Status, Text)>, count: usize| {
        fail.map(|(st, t)| {
            if count > 1 {
                (
                    st,
                    text!(
                        "{t}（共 {count} 个文件）",
                        "{t} ({count} files in all)",
                        t = t,
                        count = count,
                    ),
                )
            } else {
                (st, t)
            }
        })
    };
    let sum_count = match &sum_fail {
        Some((Status::Crit, _)) => sum_bad,
        _ => sum_missing,
    };
    let sum_fail = more(sum_fail, sum_count);
    let struct_fail = more(struct_fail, struct_bad);
    c.step(
        5,
        sum_fail,
        text!(
            "{n} 个文件已与记录的 sha256 核对",
            "{n} file(s) checked against their recorded sha256",
            n = n,
        ),
    );
    if struct_fail.is_some() || struct_note.is_empty() {
        c.step(
            6,
            struct_fail,
            text!("{n} 个文件已完整读取", "{n} file(s) read to the end", n = n),
        );
    } else {
        // Nothing to check is not a failure, but the rung is not reached either.
        c.files.push(format!("结构未检查：{struct_note}"));
    }
    c
}

/// Keeps the worse of what is in `slot` and a new reason (the first of equals).
fn keep_worst(slot: &mut Option<(Status, Text)>, status: Status, why: Text) {
    if slot.as_ref().is_none_or(|(s, _)| status > *s) {
        *slot = Some((status, why));
    }
}

/// A backup that could not be read, and why.
fn unreadable(name: &str, e: &std::io::Error) -> Text {
    text!(
        "{name} 无法读取：{why}",
        "{name}: cannot read: {why}",
        name = name,
        why = crate::core::net::io_error(e),
    )
}

type FileResult = (std::io::Result<Option<bool>>, std::io::Result<Structure>);

/// Checksum and structure of each file, several files at once.
fn verify_files(
    files: &[&Backup],
    kind: super::Kind,
    database: Option<&str>,
    o: &Options,
) -> Vec<FileResult> {
    let one = |b: &Backup| -> FileResult {
        let sum = checksum::expected(&b.path).and_then(|e| match e {
            None => Ok(None),
            Some(e) => crate::core::fsx::sha256_file(&b.path).map(|h| Some(h == e.sha256)),
        });
        let path = Path::new(&b.path);
        let st = structure::check(path, kind, o.tool_timeout).and_then(|st| {
            // A sound dump of the wrong database is no backup of this one.
            let (Structure::Intact(_), Some(want)) = (&st, database) else {
                return Ok(st);
            };
            Ok(match structure::dump_database(path, o.tool_timeout)? {
                Some(got) if got != want => Structure::Broken(text!(
                    "是数据库 {got} 的备份，本策略备份的是 {want}",
                    "a dump of database {got}, while this policy backs up {want}",
                    got = got,
                    want = want,
                )),
                _ => st,
            })
        });
        (sum, st)
    };
    crate::core::par::map(files, o.threads, |b| one(b))
}
