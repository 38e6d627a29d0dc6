//! `znode backup`: verify (the ladder, stored as a run) and seal (write missing checksums).

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use super::inspect::{Execution, execute};
use super::{Context, Failure};
use crate::catalog::{Catalog, CheckSpec};
use crate::error::Problems;
use crate::report::Format;
use crate::runner::Plan;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Climb the verification ladder of each policy (exists, fresh, complete, size, checksum,
    /// structure) and store the result as a run
    Verify(VerifyArgs),
    /// Write a sha256 sidecar (FILE.sha256, sha256sum format) for every backup that has no
    /// recorded checksum
    Seal(SealArgs),
    /// Archive the declared config files or program folders into a dated tar.gz (or tar.zst)
    /// with a checksum and a manifest, then apply the retention (常规检查(1), 脆弱性检查(4))
    Take(TakeArgs),
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
    #[arg(long, default_value = "30m", value_parser = humantime::parse_duration, value_name = "DURATION")]
    timeout: Duration,
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Debug, clap::Args)]
pub(super) struct SealArgs {
    /// Only these policies
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    policy: Vec<String>,
}

pub(super) fn run(cx: Context, c: Command) -> Result<u8, Failure> {
    match c {
        Command::Verify(a) => verify(cx, a),
        Command::Seal(a) => seal(&cx, a),
        Command::Take(a) => take(&cx, a),
    }
}

fn selected<'a>(
    settings: &'a crate::settings::Settings,
    ids: &[String],
) -> Result<Vec<&'a crate::backup::Policy>, Failure> {
    if settings.backups.policies.is_empty() {
        return Err(Failure::Message(
            "no backup policies are declared; add `backups:` to znode.yaml (see README, \"Backups\")".into(),
        ));
    }
    for id in ids {
        if settings.backups.policy(id).is_none() {
            return Err(Failure::Message(format!(
                "no backup policy `{id}`; declared: {}",
                settings.backups.ids().join(", ")
            )));
        }
    }
    Ok(settings
        .backups
        .policies
        .iter()
        .filter(|p| ids.is_empty() || ids.contains(&p.id))
        .collect())
}

fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn verify(cx: Context, a: VerifyArgs) -> Result<u8, Failure> {
    let settings = cx.settings()?;
    let mut checks: Vec<CheckSpec> = Vec::new();
    let mut problems = Problems::default();
    for p in selected(&settings, &a.policy)? {
        let mut yaml = vec![
            format!("id: {}", quoted(&format!("backup.{}", p.id))),
            format!("title: {}", quoted(&format!("备份验证：{}", p.title()))),
            "category: 备份检查".to_owned(),
            format!("timeout: {}s", a.timeout.as_secs().max(1)),
        ];
        if let Some(sys) = &p.system {
            yaml.push(format!("system: {}", quoted(sys)));
        }
        yaml.push(format!(
            "probe: {{ kind: backup, policy: {}, all: {}, deep: {} }}",
            quoted(&p.id),
            a.all,
            a.deep
        ));
        match Catalog::parse_check(Path::new("(backup)"), &(yaml.join("\n") + "\n"), &settings) {
            Ok(c) => checks.push(c),
            Err(list) => list.into_iter().for_each(|p| problems.push(p)),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Problems(problems));
    }
    let filters = serde_json::json!({ "policies": a.policy, "all": a.all, "deep": a.deep });
    execute(
        &cx,
        settings,
        Plan {
            checks,
            disabled: 0,
        },
        Execution {
            command: "backup verify",
            filters: filters.to_string(),
            format: a.format,
            incremental: false,
        },
    )
}

fn seal(cx: &Context, a: SealArgs) -> Result<u8, Failure> {
    let settings = cx.settings()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut t = crate::report::new_table(cx.color);
    t.set_header(["策略", "备份", "结果"]);
    let (mut sealed, mut failed) = (0, 0);
    for p in selected(&settings, &a.policy)? {
        let backups = p
            .discover(&settings.base_dir, settings.timezone)
            .map_err(Failure::Message)?;
        for b in backups {
            let result = match crate::backup::checksum::seal(&b.path) {
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
    Ok(if failed > 0 { 2 } else { 0 })
}

fn take(cx: &Context, a: TakeArgs) -> Result<u8, Failure> {
    use crate::backup::Kind;
    let settings = cx.settings()?;
    let kind = match a.what {
        TakeWhat::Config => Kind::Config,
        TakeWhat::Programs => Kind::Programs,
    };
    let policies: Vec<_> = selected(&settings, &a.policy)?
        .into_iter()
        .filter(|p| p.kind == kind && !p.sources.is_empty())
        .collect();
    if policies.is_empty() {
        return Err(Failure::Message(format!(
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
    let mut failed = 0;
    for p in policies {
        match crate::backup::take::take(p, &settings.base_dir, now) {
            Ok(t) => {
                writeln!(
                    out,
                    "{}: {} ({} 个文件, {} → {})",
                    p.id,
                    t.archive.display(),
                    t.files,
                    crate::outcome::format_value(t.bytes as f64, "B"),
                    crate::outcome::format_value(t.size as f64, "B")
                )?;
                for s in &t.skipped {
                    writeln!(out, "  跳过：{s}")?;
                }
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
    Ok(if failed > 0 { 2 } else { 0 })
}
