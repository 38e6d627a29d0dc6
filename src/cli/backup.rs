//! `znode backup`: verify (the ladder, stored as a run) and seal (write missing checksums).

use std::io::Write;
use std::time::Duration;

use super::Context;
use super::inspect::execute;
use crate::app::backup;
use crate::app::inspection::Options;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::runner::Plan;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Climb the verification ladder of each policy (exists, fresh, complete, size, checksum,
    /// structure) and store the result as a run
    Verify(VerifyArgs),
    /// Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no
    /// recorded checksum
    Seal(SealArgs),
    /// Per policy: the newest backup, its age, the size trend, the rung reached, the last restore
    /// test and its duration, and the share of verifications in 30 days that reached the
    /// checksum rung
    Status(StatusArgs),
    /// Archive the declared config files or program folders into a dated tar.gz (or tar.zst)
    /// with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))
    Take(TakeArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct StatusArgs {
    /// Only these policies
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    policy: Vec<String>,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct TakeArgs {
    /// What to take: the policies of kind `config` or `programs`
    #[arg(value_enum)]
    what: TakeWhat,
    /// Only these policies
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    policy: Vec<String>,
}

/// The policy kinds `take` serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum TakeWhat {
    /// Configuration files.
    Config,
    /// Program packages and folders.
    Programs,
}

#[derive(Debug, clap::Args)]
pub(super) struct VerifyArgs {
    /// Only these policies
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    policy: Vec<String>,
    /// Check the checksum and structure of every kept backup, not only the newest
    #[arg(long)]
    all: bool,
    /// Also restore the newest backup into a scratch database and check its invariants (rung 7)
    #[arg(long)]
    deep: bool,
    /// Time a policy's verification may take
    #[arg(long, default_value = "30m", value_parser = super::positive_duration, value_name = "DURATION")]
    timeout: Duration,
    #[command(flatten)]
    shown: super::inspect::Shown,
}

#[derive(Debug, clap::Args)]
pub(super) struct SealArgs {
    /// Only these policies
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    policy: Vec<String>,
    /// Overwrite an empty or damaged checksum file with the file's hash as it is now (check
    /// the backup first: a corrupted file would be sealed as good)
    #[arg(long)]
    force: bool,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::Verify(a) => verify(cx, a),
        Command::Seal(a) => seal(&cx, a),
        Command::Take(a) => take(&cx, a),
        Command::Status(a) => status(&cx, a),
    }
}

fn verify(cx: Context, a: VerifyArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let policies = backup::select(&settings, &a.policy)?;
    let checks = backup::verification_checks(&settings, &policies, a.all, a.deep, a.timeout)?;
    let filters = serde_json::json!({ "policies": a.policy, "all": a.all, "deep": a.deep });
    let plan = Plan::of(checks, &settings.fleet);
    execute(
        &cx,
        settings,
        plan,
        Options {
            command: "backup verify",
            filters: filters.to_string(),
            incremental: false,
            open_incidents: false,
        },
        a.shown,
    )
}

fn seal(cx: &Context, a: SealArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut t = crate::report::new_table(cx.style);
    t.set_header(super::headers(
        cx.lang,
        &[("策略", "policy"), ("备份", "backup"), ("结果", "result")],
    ));
    let (mut sealed, mut failed) = (0, 0);
    for p in backup::select(&settings, &a.policy)? {
        let backups = p
            .discover(&settings.base_dir, settings.timezone)
            .map_err(Error::Message)?;
        for b in backups {
            let result = match crate::backup::checksum::seal(&b.path, a.force) {
                Ok(Some(side)) => {
                    sealed += 1;
                    format!("已写入 {}", side.display())
                }
                Ok(None) => "已有校验记录".to_owned(),
                Err(e) => {
                    failed += 1;
                    format!("失败：{e}")
                }
            };
            t.add_row([p.id.clone(), b.path.display().to_string(), result]);
        }
    }
    writeln!(out, "{t}")?;
    writeln!(out, "写入 {sealed} 个校验文件，失败 {failed} 个")?;
    out.flush()?;
    Ok(if failed > 0 { Status::Crit } else { Status::Ok })
}

fn take(cx: &Context, a: TakeArgs) -> Result<Status, Error> {
    use crate::backup::Kind;
    let settings = cx.settings()?;
    let kind = match a.what {
        TakeWhat::Config => Kind::Config,
        TakeWhat::Programs => Kind::Programs,
    };
    let policies: Vec<_> = backup::select(&settings, &a.policy)?
        .into_iter()
        .filter(|p| p.kind == kind && !p.sources.is_empty())
        .collect();
    if policies.is_empty() {
        return Err(Error::Message(format!(
            "no `{}` policy with `sources` is selected; declare one under `backups:`",
            if kind == Kind::Config {
                "config"
            } else {
                "programs"
            }
        )));
    }
    let now = chrono::Utc::now().with_timezone(&settings.timezone);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut failed, mut incomplete) = (0, 0);
    for p in policies {
        match crate::backup::take::take(p, &settings.base_dir, now) {
            Ok(t) => {
                writeln!(
                    out,
                    "{}: {} ({} 个文件, {} → {})",
                    p.id,
                    t.archive.display(),
                    t.files,
                    crate::core::outcome::format_value(t.bytes as f64, "B"),
                    crate::core::outcome::format_value(t.size as f64, "B")
                )?;
                // A source that matched nothing is missing from the backup: said, and a WARN.
                for s in &t.skipped {
                    writeln!(out, "  跳过：{s}")?;
                }
                incomplete += usize::from(!t.skipped.is_empty());
                for r in &t.removed {
                    writeln!(out, "  按保留策略删除：{}", r.display())?;
                }
            }
            Err(e) => {
                failed += 1;
                writeln!(out, "{}: 失败：{e}", p.id)?;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        Status::Crit
    } else if incomplete > 0 {
        Status::Warn
    } else {
        Status::Ok
    })
}

fn status(cx: &Context, a: StatusArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let policies = backup::select(&settings, &a.policy)?;
    let rows = super::run_async(backup::status(&settings, &policies))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        super::logs::ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({ "schema": "znode.backup-status/v1", "policies": rows }),
            )
            .map_err(|e| Error::Message(e.to_string()))?;
            writeln!(out)?;
        }
        super::logs::ListFormat::Table => {
            let tz = settings.timezone;
            let when = |ms: i64| crate::core::clock::local_time(ms, tz, "%Y-%m-%d %H:%M");
            let mut t = crate::report::new_table(cx.style);
            t.set_header(super::headers(
                cx.lang,
                &[
                    ("策略", "policy"),
                    ("最新备份", "newest"),
                    ("距今", "age"),
                    ("大小趋势 (近 7 份)", "size trend (last 7)"),
                    ("最近验证", "last verified"),
                    ("上次恢复测试", "last restore test"),
                    ("30 天校验率", "30-day pass rate"),
                ],
            ));
            let zh = cx.lang == crate::core::text::Lang::Zh;
            let say = |zh_words: &str, en_words: &str| {
                if zh {
                    zh_words.to_owned()
                } else {
                    en_words.to_owned()
                }
            };
            for r in &rows {
                let rung = match (r.last_rung, r.last_verified_at) {
                    (Some(n), Some(at)) if n > 0 => {
                        let i = usize::from(n) - 1;
                        if zh {
                            format!(
                                "第 {n} 级 {}\n{}",
                                crate::backup::ladder::RUNGS[i],
                                when(at)
                            )
                        } else {
                            format!(
                                "rung {n} {}\n{}",
                                crate::backup::ladder::RUNGS_EN[i],
                                when(at)
                            )
                        }
                    }
                    (Some(_), Some(at)) => format!("{}\n{}", say("未通过", "failed"), when(at)),
                    _ => say("从未验证", "never verified"),
                };
                let restore = match (r.last_restore_at, r.last_restore_s, r.last_restore_failed) {
                    (Some(at), _, true) => format!("{}\n{}", when(at), say("失败", "failed")),
                    (Some(at), Some(s), false) => {
                        format!("{}\n{} {s:.1} s", when(at), say("用时", "took"))
                    }
                    _ => say("从未", "never"),
                };
                let share = if r.verifications_30d == 0 {
                    "-".to_owned()
                } else {
                    format!(
                        "{:.0}% ({}/{})",
                        r.checksum_verified_30d as f64 * 100.0 / r.verifications_30d as f64,
                        r.checksum_verified_30d,
                        r.verifications_30d
                    )
                };
                t.add_row([
                    r.title.clone(),
                    r.newest_at.map(when).unwrap_or_else(|| say("无", "none")),
                    // Worded as the verify summaries word it (`1 天 6 小时`), not a second way.
                    r.age_s
                        .map(|s| {
                            let t = crate::core::text::duration(std::time::Duration::from_secs(
                                s.max(0) as u64,
                            ));
                            match cx.lang {
                                crate::core::text::Lang::Zh => t.zh,
                                crate::core::text::Lang::En => t.en,
                            }
                        })
                        .unwrap_or_default(),
                    sparkline(&r.sizes),
                    rung,
                    restore,
                    share,
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

/// Sizes as a sparkline with the newest size: `▅▆▆▇█ 3.4 MiB`.
fn sparkline(sizes: &[u64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let Some(&max) = sizes.iter().max() else {
        return String::new();
    };
    let bars: String = sizes
        .iter()
        .map(|&s| {
            BARS[if max == 0 {
                0
            } else {
                ((s as f64 / max as f64) * 7.0).round() as usize
            }]
        })
        .collect();
    format!(
        "{bars} {}",
        crate::core::outcome::format_value(*sizes.last().unwrap_or(&0) as f64, "B")
    )
}
