//! `znode logs`: scan, audit, top, archive, purge.
//!
//! `scan` and `audit` are inspections of a synthesized plan: one `log` check per source and
//! rule, run, judged, stored and rendered exactly like `znode inspect` (so `history show` and
//! every output format work on them). The checks of one source share a single pass.

use std::io::Write;
use std::time::Duration;

use super::Context;
use super::inspect::execute;
use crate::app::{self, inspection::Options};
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::text::Lang;
use crate::logs::{self, RuleKind};
use crate::probe::log::Span;
use crate::runner::Plan;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Count errors, exceptions, OOM, timeouts, refused connections, HTTP 5xx and slow requests
    /// per source over a window; judged by each rule's warn/crit and stored as a run
    Scan(ScanArgs),
    /// Review auth, database, access and operation logs (SPEC R2): failed-login bursts, logins
    /// at unusual hours or from new addresses, sudo/su, account and permission changes, mass
    /// deletions, abnormal request paths; findings stored as a run
    Audit(AuditArgs),
    /// Group error lines into templates (numbers, addresses, ids masked) and mark the ones never
    /// seen by an earlier `logs top`
    Top(TopArgs),
    /// Compress logs older than their policy's `archive_after` into dated tar.gz archives with a
    /// sha256 file and a manifest (a dry run unless --apply)
    Archive(RetentionArgs),
    /// Delete logs past `delete_after` or over `max_total`, oldest first; never a file open for
    /// writing, never one not yet archived by a policy that archives (a dry run unless --apply)
    Purge(RetentionArgs),
    /// The rules in force: the shipped ones with the config's on top, each with its pattern and
    /// how it judges
    Rules(RulesArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct RulesArgs {
    /// Only rules that apply to this log format (java, nginx-access, auth, postgres, ...)
    #[arg(long, value_name = "LOG_FORMAT")]
    log_format: Option<String>,
    /// Show each rule's regex too
    #[arg(long)]
    patterns: bool,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct WindowArgs {
    /// Look back this far from now
    #[arg(long, default_value = "24h", value_parser = super::positive_duration, value_name = "DURATION", conflicts_with_all = ["from", "to"])]
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
    #[arg(long, default_value = "10m", value_parser = super::positive_duration, value_name = "DURATION")]
    timeout: Duration,
    #[command(flatten)]
    shown: super::inspect::Shown,
}

#[derive(Debug, clap::Args)]
pub(super) struct AuditArgs {
    #[command(flatten)]
    scan: ScanArgs,
    /// Only learn: add every account, address or value the window holds to the baselines of
    /// the `new:` rules (what "new" is judged against), report no finding, store no run and
    /// exit 0; for a node's first audit over its past logs
    #[arg(long, conflicts_with = "incremental")]
    learn: bool,
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
        Command::Audit(a) if a.learn => learn(&cx, a.scan),
        Command::Audit(a) => scan(cx, a.scan, RuleKind::Audit),
        Command::Top(a) => top(&cx, a),
        Command::Archive(a) => retention(&cx, a, true),
        Command::Purge(a) => retention(&cx, a, false),
        Command::Rules(a) => rules(&cx, a),
    }
}

/// `logs rules`: what each rule in force matches and how it judges, and where it comes from.
fn rules(cx: &Context, a: RulesArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let shipped: Vec<String> = logs::rules::shipped().into_iter().map(|r| r.id).collect();
    let own: Vec<&str> = settings
        .logs
        .written_rules
        .iter()
        .filter_map(|r| r.get("id")?.as_str())
        .collect();
    let zh = cx.lang == Lang::Zh;
    let origin = |id: &str| match (shipped.iter().any(|s| s == id), own.contains(&id), zh) {
        (true, true, true) => "内置（配置修改）",
        (true, false, true) => "内置",
        (_, _, true) => "配置",
        (true, true, false) => "shipped, changed in config",
        (true, false, false) => "shipped",
        (_, _, false) => "config",
    };
    let listed: Vec<&logs::Rule> = settings
        .logs
        .rules
        .iter()
        .map(|r| &**r)
        .filter(|r| {
            a.log_format
                .as_deref()
                .is_none_or(|f| r.formats.is_empty() || r.formats.iter().any(|x| x.name() == f))
        })
        .collect();
    let formats = |r: &logs::Rule| {
        if r.formats.is_empty() {
            if zh { "全部" } else { "all" }.to_owned()
        } else {
            r.formats
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.format == ListFormat::Json {
        let rows: Vec<serde_json::Value> = listed
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "title": r.title,
                    "kind": if r.kind == RuleKind::Scan { "scan" } else { "audit" },
                    "formats": r.formats.iter().map(|f| f.name()).collect::<Vec<_>>(),
                    "match": r.pattern.0.as_str(),
                    "judgement": r.judgement().zh,
                    "judgement_en": r.judgement().en,
                    "origin": origin(&r.id),
                })
            })
            .collect();
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "schema": "znode.log-rules/v1", "rules": rows }),
        )
        .map_err(|e| Error::Message(e.to_string()))?;
        writeln!(out)?;
    } else {
        let zh = cx.lang == Lang::Zh;
        let mut t = crate::report::new_table(cx.style);
        let mut header = super::headers(
            cx.lang,
            &[
                ("规则", "rule"),
                ("名称", "title"),
                ("类型", "kind"),
                ("格式", "formats"),
                ("判定", "judged by"),
                ("来源", "origin"),
            ],
        );
        if a.patterns {
            header.push(if zh { "正则" } else { "regex" });
        }
        t.set_header(header);
        for r in &listed {
            let mut row = vec![
                r.id.clone(),
                r.title.clone(),
                match (r.kind == RuleKind::Scan, zh) {
                    (true, true) => "扫描",
                    (false, true) => "审计",
                    (true, false) => "scan",
                    (false, false) => "audit",
                }
                .to_owned(),
                formats(r),
                r.judgement().pick(cx.lang).to_owned(),
                origin(&r.id).to_owned(),
            ];
            if a.patterns {
                row.push(r.pattern.0.as_str().to_owned());
            }
            t.add_row(row);
        }
        writeln!(out, "{t}")?;
        if zh {
            writeln!(
                out,
                "共 {} 条规则；在 znode.yaml 的 logs.rules 中写同一 id 只需写要改的字段（如 {{ id: error, crit: \"1000\" }}），enabled: false 停用。",
                listed.len()
            )?;
        } else {
            writeln!(
                out,
                "{} rules; to change one, write its id in znode.yaml's logs.rules with only the fields to change (e.g. {{ id: error, crit: \"1000\" }}); enabled: false turns it off.",
                listed.len()
            )?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

/// The part of the logs a scan reads, as the window flags say.
fn span_of(w: &WindowArgs, tz: chrono_tz::Tz) -> Result<Span, Error> {
    let at = |s: &Option<String>| {
        s.as_deref()
            .map(|t| crate::core::clock::parse_local(t, tz).map_err(Error::Message))
            .transpose()
    };
    if w.from.is_none() && w.to.is_none() {
        return Ok(Span::Last(w.since));
    }
    let (from, to) = (at(&w.from)?, at(&w.to)?);
    if let (Some(f), Some(t)) = (from, to)
        && f >= t
    {
        // An empty window would find nothing and report 正常 without having looked.
        return Err(Error::Message(format!(
            "--from {} is not before --to {}: the window is empty",
            f.to_rfc3339(),
            t.to_rfc3339()
        )));
    }
    Ok(Span::Between { from, to })
}

fn scan(cx: Context, a: ScanArgs, kind: RuleKind) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let sources = app::logs::select(&settings, &a.system, &a.source)?;
    let span = span_of(&a.window, settings.timezone)?;
    let checks = app::logs::rule_checks(&settings, &sources, kind, span, a.timeout)?;
    let filters = serde_json::json!({
        "systems": a.system,
        "sources": a.source,
        "since": a.window.from.is_none().then(|| humantime::format_duration(a.window.since).to_string()),
        "from": a.window.from,
        "to": a.window.to,
        "incremental": a.incremental,
    });
    let plan = Plan::of(checks, &settings.fleet);
    execute(
        &cx,
        settings,
        plan,
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
        a.shown,
    )
}

/// `logs audit --learn`: the baselines of `new:` rules, learned from the window.
fn learn(cx: &Context, a: ScanArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let sources = app::logs::select(&settings, &a.system, &a.source)?;
    let window = window_of(&a.window, settings.timezone)?;
    let learned = super::run_async(app::logs::learn_audit_baselines(
        &settings, &sources, window,
    ))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.shown.is_json() {
        super::print_json(
            &mut out,
            &serde_json::json!({ "schema": "znode.log-baselines/v1", "baselines": learned }),
        )?;
    } else if learned.is_empty() {
        writeln!(
            out,
            "{}",
            if cx.lang == Lang::Zh {
                "所选日志源没有“新出现”类审计规则（new:），无基线可学；其余审计规则不需要基线。"
            } else {
                "No audit rule of the selected sources judges new values (new:): there is no baseline to learn."
            }
        )?;
    } else {
        let mut t = crate::report::new_table(cx.style);
        t.set_header(super::headers(
            cx.lang,
            &[
                ("日志源", "source"),
                ("规则", "rule"),
                ("名称", "title"),
                ("窗口内的值", "values"),
                ("新加入基线", "added"),
            ],
        ));
        for b in &learned {
            t.add_row([
                b.source.clone(),
                b.rule.clone(),
                b.title.clone(),
                b.values.to_string(),
                b.added.to_string(),
            ]);
        }
        writeln!(out, "{t}")?;
        writeln!(
            out,
            "{}",
            if cx.lang == Lang::Zh {
                "只学习了基线，未报告任何发现，未记录运行；此后的 logs audit 只把基线之外的值报为新出现。"
            } else {
                "Baselines learned only: no finding reported, no run stored; later audits report only values outside them as new."
            }
        )?;
    }
    out.flush()?;
    Ok(Status::Ok)
}

fn window_of(w: &WindowArgs, tz: chrono_tz::Tz) -> Result<logs::Window, Error> {
    Ok(match span_of(w, tz)? {
        Span::Last(d) => logs::Window::last(d, crate::core::clock::now_ms()),
        Span::Between { from, to } => logs::Window {
            from: from.map(|t| t.timestamp_millis()),
            to: to.map(|t| t.timestamp_millis()),
        },
    })
}

fn top(cx: &Context, a: TopArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let sources = app::logs::select(&settings, &a.system, &a.source)?;
    let window = window_of(&a.window, settings.timezone)?;
    let mined = super::run_async(app::logs::mine_templates(&settings, &sources, window))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({
                    "schema": "znode.log-templates/v1",
                    "templates": mined.iter().flat_map(|m| &m.templates).collect::<Vec<_>>(),
                }),
            )
            .map_err(|e| Error::Message(e.to_string()))?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let tz = settings.timezone;
            for m in &mined {
                if cx.lang == Lang::Zh {
                    writeln!(
                        out,
                        "{}: {} 条错误行归并为 {} 个模板，其中新出现 {} 个",
                        m.source,
                        m.lines,
                        m.templates.len(),
                        m.fresh()
                    )?;
                } else {
                    writeln!(
                        out,
                        "{}: {} error lines in {} templates, {} of them new",
                        m.source,
                        m.lines,
                        m.templates.len(),
                        m.fresh()
                    )?;
                }
                if m.templates.is_empty() {
                    writeln!(out)?;
                    continue;
                }
                let mut t = crate::report::new_table(cx.style);
                t.set_header(super::headers(
                    cx.lang,
                    &[
                        ("新", "new"),
                        ("次数", "count"),
                        ("首次", "first"),
                        ("末次", "last"),
                        ("模板", "template"),
                    ],
                ));
                for r in m.templates.iter().take(a.limit) {
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
