//! `znode logs`: scan, audit, top, archive, purge.
//!
//! `scan` and `audit` are inspections of a synthesized plan: one `log` check per source and
//! rule, run, judged, stored and rendered exactly like `znode inspect` (so `history show` and
//! every output format work on them). The checks of one source share a single pass.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use super::inspect::execute;
use super::{Context, quoted};
use crate::app::inspection::Options;
use crate::catalog::{Catalog, CheckSpec};
use crate::core::error::Error;
use crate::core::error::Problems;
use crate::core::outcome::Status;
use crate::logs::{self, RuleKind, Source};
use crate::report::Format;
use crate::runner::Plan;
use crate::settings::Settings;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests
    /// per source over a window; judged by each rule's warn/crit and stored as a run
    Scan(ScanArgs),
    /// Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins
    /// at unusual hours or from new addresses, sudo/su, account and permission changes, mass
    /// deletions, abnormal request paths; findings stored as a run
    Audit(ScanArgs),
    /// Group error lines into templates (numbers, addresses, ids masked) and mark the ones never
    /// seen by an earlier `logs top`
    Top(TopArgs),
    /// Compress logs older than their policy's `archive_after` into dated tar.gz archives with a
    /// sha256 file and a manifest (a dry run unless --apply)
    Archive(RetentionArgs),
    /// Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for
    /// writing, never one not yet archived by a policy that archives (a dry run unless --apply)
    Purge(RetentionArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct WindowArgs {
    /// Look back this far from now
    #[arg(long, default_value = "24h", value_parser = humantime::parse_duration, value_name = "DURATION", conflicts_with_all = ["from", "to"])]
    since: Duration,
    /// Window start: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` in the node's timezone
    #[arg(long, value_name = "TIME")]
    from: Option<String>,
    /// Window end (exclusive), as --from
    #[arg(long, value_name = "TIME")]
    to: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct ScanArgs {
    #[command(flatten)]
    window: WindowArgs,
    /// Read only what was written since the last incremental run (per file, surviving rotation)
    #[arg(long, conflicts_with_all = ["from", "to"])]
    incremental: bool,
    /// Only sources of these systems
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    system: Vec<String>,
    /// Only these sources
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    source: Vec<String>,
    /// Time a source's scan may take
    #[arg(long, default_value = "10m", value_parser = humantime::parse_duration, value_name = "DURATION")]
    timeout: Duration,
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Debug, clap::Args)]
pub(super) struct TopArgs {
    #[command(flatten)]
    window: WindowArgs,
    /// Only sources of these systems
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    system: Vec<String>,
    /// Only these sources
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    source: Vec<String>,
    /// Templates shown per source
    #[arg(short = 'n', long, default_value_t = 15)]
    limit: usize,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct RetentionArgs {
    /// Do it; without this, only show what would be done
    #[arg(long)]
    apply: bool,
    /// Only these policies
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    policy: Vec<String>,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: ListFormat,
}

/// Output of the list-like log commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum ListFormat {
    /// A table for people.
    Table,
    /// JSON for scripts.
    Json,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::Scan(a) => scan(cx, a, RuleKind::Scan),
        Command::Audit(a) => scan(cx, a, RuleKind::Audit),
        Command::Top(a) => top(&cx, a),
        Command::Archive(a) => retention(&cx, a, true),
        Command::Purge(a) => retention(&cx, a, false),
    }
}

/// A time given on the command line, as RFC 3339.
pub(super) fn parse_time(s: &str, tz: chrono_tz::Tz) -> Result<String, Error> {
    use chrono::TimeZone;
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.to_rfc3339());
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(n) = chrono::NaiveDateTime::parse_from_str(s, f)
            && let Some(t) = tz.from_local_datetime(&n).earliest()
        {
            return Ok(t.fixed_offset().to_rfc3339());
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        && let Some(t) = d
            .and_hms_opt(0, 0, 0)
            .and_then(|n| tz.from_local_datetime(&n).earliest())
    {
        return Ok(t.fixed_offset().to_rfc3339());
    }
    Err(Error::Message(format!(
        "cannot read the time `{s}`; write RFC 3339 (2025-10-10T08:00:00+08:00) or `2025-10-10 08:00`"
    )))
}

/// The sources the filters select, or a message naming the known ones.
fn selected<'a>(
    settings: &'a Settings,
    systems: &[String],
    ids: &[String],
) -> Result<Vec<&'a Source>, Error> {
    if settings.logs.sources.is_empty() {
        return Err(Error::Message(
            "no log sources are declared; add `logs: { sources: [...] }` to znode.yaml (see README, \"Logs\")".into(),
        ));
    }
    for id in ids {
        if settings.logs.source(id).is_none() {
            let known = settings.logs.source_ids();
            return Err(Error::Message(format!(
                "no log source `{id}`; declared: {}",
                known.join(", ")
            )));
        }
    }
    let out: Vec<&Source> = settings
        .logs
        .sources
        .iter()
        .filter(|s| ids.is_empty() || ids.contains(&s.id))
        .filter(|s| systems.is_empty() || s.system.as_ref().is_some_and(|x| systems.contains(x)))
        .collect();
    if out.is_empty() {
        return Err(Error::Message("no log source matches the selection".into()));
    }
    Ok(out)
}

fn window_yaml(w: &WindowArgs, tz: chrono_tz::Tz) -> Result<Vec<String>, Error> {
    let mut lines = Vec::new();
    if w.from.is_none() && w.to.is_none() {
        lines.push(format!("  window: {}s", w.since.as_secs()));
    }
    if let Some(f) = &w.from {
        lines.push(format!("  from: {}", quoted(&parse_time(f, tz)?)));
    }
    if let Some(t) = &w.to {
        lines.push(format!("  to: {}", quoted(&parse_time(t, tz)?)));
    }
    Ok(lines)
}

fn scan(cx: Context, a: ScanArgs, kind: RuleKind) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let sources = selected(&settings, &a.system, &a.source)?;
    let window = window_yaml(&a.window, settings.timezone)?;
    let mut checks: Vec<CheckSpec> = Vec::new();
    let mut problems = Problems::default();
    let (category, item) = match kind {
        RuleKind::Scan => ("日常检查", 6),
        RuleKind::Audit => ("日志审计", 1),
    };
    for src in sources {
        let (files, _) = logs::discover(src, &settings.base_dir);
        let format = logs::format_of(src, &files);
        for rule in logs::rules_for(&settings.logs, src, format, &[kind]) {
            let mut yaml = vec![
                format!("id: {}", quoted(&format!("log.{}.{}", src.id, rule.id))),
                format!("title: {}", quoted(&format!("{}：{}", src.id, rule.title))),
                format!("category: {category}"),
                format!("item: {item}"),
                format!("timeout: {}s", a.timeout.as_secs().max(1)),
            ];
            if let Some(sys) = &src.system {
                yaml.push(format!("system: {}", quoted(sys)));
            }
            if let Some(r) = &rule.remediation {
                yaml.push(format!("remediation: {}", quoted(r)));
            }
            yaml.push("probe:".into());
            yaml.push("  kind: log".into());
            yaml.push(format!("  source: {}", quoted(&src.id)));
            yaml.push(format!("  rules: [{}]", quoted(&rule.id)));
            yaml.extend(window.iter().cloned());
            match Catalog::parse_check(Path::new("(logs)"), &(yaml.join("\n") + "\n"), &settings) {
                Ok(c) => checks.push(c),
                Err(list) => list.into_iter().for_each(|p| problems.push(p)),
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Config(problems));
    }
    if checks.is_empty() {
        return Err(Error::Message(format!(
            "no {} rule applies to the selected sources' formats",
            if kind == RuleKind::Scan {
                "scan"
            } else {
                "audit"
            }
        )));
    }
    let filters = serde_json::json!({
        "systems": a.system,
        "sources": a.source,
        "since": a.window.from.is_none().then(|| humantime::format_duration(a.window.since).to_string()),
        "from": a.window.from,
        "to": a.window.to,
        "incremental": a.incremental,
    });
    execute(
        &cx,
        settings,
        Plan {
            checks,
            disabled: 0,
        },
        Options {
            command: if kind == RuleKind::Scan {
                "logs scan"
            } else {
                "logs audit"
            },
            filters: filters.to_string(),
            incremental: a.incremental,
            open_incidents: false,
        },
        a.format,
    )
}

fn window_of(w: &WindowArgs, tz: chrono_tz::Tz) -> Result<logs::Window, Error> {
    let ms = |s: &str| -> Result<i64, Error> {
        Ok(chrono::DateTime::parse_from_rfc3339(&parse_time(s, tz)?)
            .map_err(|e| Error::Message(e.to_string()))?
            .timestamp_millis())
    };
    Ok(match (&w.from, &w.to) {
        (None, None) => logs::Window {
            from: Some(crate::core::clock::now_ms() - w.since.as_millis() as i64),
            to: None,
        },
        (f, t) => logs::Window {
            from: f.as_deref().map(ms).transpose()?,
            to: t.as_deref().map(ms).transpose()?,
        },
    })
}

/// One template row of `logs top`.
#[derive(serde::Serialize)]
struct TopRow {
    source: String,
    new: bool,
    #[serde(flatten)]
    cluster: logs::template::Cluster,
}

fn top(cx: &Context, a: TopArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let sources = selected(&settings, &a.system, &a.source)?;
    let window = window_of(&a.window, settings.timezone)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut rows: Vec<TopRow> = Vec::new();
    let mut scanned = Vec::new();
    for src in sources {
        let req = logs::ScanRequest {
            kinds: vec![RuleKind::Scan],
            window,
            // Error-like rules; 5xx and slow requests are URLs, not messages.
            collect: [
                "error",
                "exception",
                "oom",
                "timeout",
                "refused",
                "resource",
            ]
            .map(String::from)
            .to_vec(),
            collect_max: 2_000_000,
            threads,
            ..Default::default()
        };
        let scan = logs::scan_source(
            &settings.logs,
            src,
            &settings.base_dir,
            settings.timezone,
            &req,
            &Default::default(),
        )
        .map_err(Error::Message)?;
        let mut miner = logs::template::Miner::default();
        for (ts, line) in &scan.collected {
            miner.add(logs::template::message(line), *ts);
        }
        scanned.push((src.id.clone(), miner.clusters(), scan.collected.len()));
    }
    let new_counts: Vec<(String, usize, usize, usize)> = super::run_async(async {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let mut counts = Vec::new();
        for (source, clusters, lines) in &scanned {
            let known = store.log_templates(source).await?;
            let mut fresh = 0;
            for c in clusters {
                let new = !known.contains_key(&crate::store::template_hash(&c.template));
                fresh += usize::from(new);
                rows.push(TopRow {
                    source: source.clone(),
                    new,
                    cluster: c.clone(),
                });
            }
            store.save_log_templates(source, clusters).await?;
            counts.push((source.clone(), *lines, clusters.len(), fresh));
        }
        store.close().await;
        Ok::<_, Error>(counts)
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({ "schema": "znode.log-templates/v1", "templates": rows }),
            )
            .map_err(|e| Error::Message(e.to_string()))?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let tz = settings.timezone;
            for (source, lines, clusters, fresh) in &new_counts {
                writeln!(
                    out,
                    "{source}: {lines} 条错误行归并为 {clusters} 个模板，其中新出现 {fresh} 个"
                )?;
                if *clusters == 0 {
                    writeln!(out)?;
                    continue;
                }
                let mut t = crate::report::new_table(cx.style);
                t.set_header(["新", "次数", "首次", "末次", "模板"]);
                for r in rows.iter().filter(|r| &r.source == source).take(a.limit) {
                    let c = &r.cluster;
                    t.add_row([
                        if r.new { "★" } else { "" }.to_owned(),
                        c.count.to_string(),
                        c.first
                            .map(|x| logs::audit::local(x, tz))
                            .unwrap_or_default(),
                        c.last
                            .map(|x| logs::audit::local(x, tz))
                            .unwrap_or_default(),
                        c.template.clone(),
                    ]);
                }
                writeln!(out, "{t}\n")?;
            }
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

fn retention(cx: &Context, a: RetentionArgs, archive: bool) -> Result<Status, Error> {
    let settings = cx.settings()?;
    if settings.logs.retention.is_empty() {
        return Err(Error::Message(
            "no retention policies are declared; add `logs: { retention: [...] }` to znode.yaml"
                .into(),
        ));
    }
    for id in &a.policy {
        if !settings.logs.retention.iter().any(|p| &p.id == id) {
            return Err(Error::Message(format!("no retention policy `{id}`")));
        }
    }
    let policies: Vec<_> = settings
        .logs
        .retention
        .iter()
        .filter(|p| a.policy.is_empty() || a.policy.contains(&p.id))
        .cloned()
        .collect();
    let now = crate::core::clock::now_ms();
    let entries = if archive {
        let stamp = chrono::Utc::now()
            .with_timezone(&settings.timezone)
            .format("%Y%m%d-%H%M%S")
            .to_string();
        logs::retention::archive(&policies, &settings.base_dir, now, &stamp, a.apply)
    } else {
        logs::retention::purge(&policies, &settings.base_dir, now, a.apply)
    };
    let acted: Vec<_> = entries.iter().filter(|e| e.action != "keep").collect();
    let failed = entries.iter().filter(|e| e.error.is_some()).count();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({ "schema": "znode.log-retention/v1", "applied": a.apply, "entries": entries }),
            )
            .map_err(|e| Error::Message(e.to_string()))?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let mut t = crate::report::new_table(cx.style);
            t.set_header(["策略", "动作", "文件", "大小", "最后写入", "原因"]);
            for e in &entries {
                let action = match (e.action, e.done, &e.error) {
                    (_, _, Some(err)) => format!("{} 失败: {err}", e.action),
                    ("archive", true, _) => "已归档".into(),
                    ("archive", false, _) => "将归档".into(),
                    ("delete", true, _) => "已删除".into(),
                    ("delete", false, _) => "将删除".into(),
                    _ => "保留".into(),
                };
                t.add_row([
                    e.policy.clone(),
                    action,
                    e.path.display().to_string(),
                    crate::core::outcome::format_value(e.size as f64, "B"),
                    if e.mtime > 0 {
                        crate::core::clock::local_time(e.mtime, settings.timezone, "%Y-%m-%d %H:%M")
                    } else {
                        String::new()
                    },
                    e.reason.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
            let bytes: u64 = acted.iter().map(|e| e.size).sum();
            let verb = match (archive, a.apply) {
                (true, true) => "归档",
                (true, false) => "将归档",
                (false, true) => "删除",
                (false, false) => "将删除",
            };
            writeln!(
                out,
                "{verb} {} 个文件，共 {}",
                acted.len(),
                crate::core::outcome::format_value(bytes as f64, "B")
            )?;
            if !a.apply && !acted.is_empty() {
                writeln!(out, "（演练：未做任何改动；确认后加 --apply 执行）")?;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { Status::Crit } else { Status::Ok })
}
