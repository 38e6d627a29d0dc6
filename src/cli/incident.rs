//! `znode incident`: support requests and faults with their service-level clocks.

use std::io::Write;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::incident::{Incident, KINDS, SEVERITIES};

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Open an incident or a support request
    Open(OpenArgs),
    /// Acknowledge it: the response clock stops
    Ack(EventArgs),
    /// Add a progress note
    Update(EventArgs),
    /// Service restored: the restore clock stops
    Resolve(EventArgs),
    /// Close it
    Close(EventArgs),
    /// Record the analysis the fault brief gives: impact, cause, measures, clean-up, prevention,
    /// who was notified
    Review(ReviewArgs),
    /// Incidents with their clocks and breaches
    List(ListArgs),
    /// One incident and its timeline
    Show(ShowArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct OpenArgs {
    /// One line: what is asked or broken
    title: String,
    /// Type: 咨询, 故障, 专项任务, 数据统计, 投诉
    #[arg(long = "type", default_value = "故障", value_parser = KINDS)]
    kind: String,
    /// Severity: 一般, 较大, 重大, 特别重大
    #[arg(long, default_value = "一般", value_parser = SEVERITIES)]
    severity: String,
    /// The system concerned
    #[arg(long)]
    system: Option<String>,
    /// Who reported it
    #[arg(
        long = "by",
        alias = "reporter",
        env = "ZNODE_OPERATOR",
        value_name = "NAME"
    )]
    reporter: Option<String>,
    /// Who handles it
    #[arg(long)]
    assignee: Option<String>,
    /// When it was reported (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now
    #[arg(long)]
    at: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct EventArgs {
    /// Incident id
    id: i64,
    /// What was done
    #[arg(long, default_value = "")]
    note: String,
    /// Who
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
    /// When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now
    #[arg(long)]
    at: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct ReviewArgs {
    /// Incident id
    id: i64,
    /// 现象及影响范围: what was seen and who or what was affected
    #[arg(long)]
    impact: Option<String>,
    /// 原因分析: why it happened
    #[arg(long)]
    cause: Option<String>,
    /// 处置措施: what was done to restore service
    #[arg(long)]
    measures: Option<String>,
    /// 清理现场: what was cleaned up afterwards (temporary changes undone, scratch data removed)
    #[arg(long)]
    cleanup: Option<String>,
    /// 整改和预防措施: what keeps it from happening again
    #[arg(long)]
    prevention: Option<String>,
    /// 通报情况: who was informed, when and how
    #[arg(long)]
    notified: Option<String>,
    /// Who
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
    /// When (backfilling): RFC 3339 or `YYYY-MM-DD HH:MM`; default now
    #[arg(long)]
    at: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct ListArgs {
    /// Only those opened within this time
    #[arg(long, default_value = "31d", value_parser = humantime::parse_duration)]
    since: std::time::Duration,
    /// Only those not closed
    #[arg(long)]
    open: bool,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct ShowArgs {
    /// Incident id
    id: i64,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

pub(super) fn when(at: &Option<String>, tz: chrono_tz::Tz) -> Result<i64, Error> {
    match at {
        None => Ok(crate::core::clock::now_ms()),
        Some(s) => crate::core::clock::parse_local(s, tz)
            .map(|t| t.timestamp_millis())
            .map_err(Error::Message),
    }
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    super::run_async(async {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let now = crate::core::clock::now_ms();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match c {
            Command::Open(a) => {
                if let Some(s) = &a.system
                    && settings.system(s).is_none()
                {
                    return Err(Error::Message(format!("unknown system `{s}`")));
                }
                let reporter = super::operator(&a.reporter);
                let id = store
                    .open_incident(&crate::store::NewIncident {
                        kind: &a.kind,
                        severity: &a.severity,
                        system: a.system.as_deref(),
                        title: &a.title,
                        reporter: &reporter,
                        assignee: a.assignee.as_deref(),
                        source_check: None,
                        at: when(&a.at, tz)?,
                    })
                    .await?;
                writeln!(out, "incident #{id} opened")?;
            }
            Command::Ack(a) => record(&store, &mut out, a, "ack", tz).await?,
            Command::Update(a) => record(&store, &mut out, a, "note", tz).await?,
            Command::Resolve(a) => record(&store, &mut out, a, "restore", tz).await?,
            Command::Close(a) => record(&store, &mut out, a, "close", tz).await?,
            Command::Review(a) => {
                let i = store.incident(a.id).await?;
                let at = when(&a.at, tz)?;
                if at < i.opened_at {
                    return Err(Error::Message(format!(
                        "incident #{} was opened at {}; its review cannot come before it",
                        i.id,
                        crate::core::clock::local_time(i.opened_at, tz, "%Y-%m-%d %H:%M")
                    )));
                }
                let by = super::operator(&a.by);
                let parts = [
                    ("impact", a.impact),
                    ("cause", a.cause),
                    ("measures", a.measures),
                    ("cleanup", a.cleanup),
                    ("prevention", a.prevention),
                    ("notice", a.notified),
                ];
                let mut recorded = Vec::new();
                for (event, text) in parts {
                    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                        store.update_incident(a.id, event, &by, &text, at).await?;
                        recorded.push(crate::report::special::event_zh(event));
                    }
                }
                if recorded.is_empty() {
                    return Err(Error::Message(
                        "nothing to record: give at least one of --impact, --cause, --measures, \
                         --cleanup, --prevention, --notified"
                            .to_owned(),
                    ));
                }
                writeln!(out, "incident #{}: {} recorded", a.id, recorded.join("、"))?;
            }
            Command::List(a) => {
                let list: Vec<Incident> = store
                    .incidents_since(now - a.since.as_millis() as i64)
                    .await?
                    .into_iter()
                    .filter(|i| !a.open || i.closed_at.is_none())
                    .collect();
                print_list(&mut out, &list, &settings, now, a.format, cx.style, cx.lang)?;
            }
            Command::Show(a) => {
                let i = store.incident(a.id).await?;
                let updates = store.incident_updates(a.id).await?;
                let clocks = i.clocks(&settings.sla, now);
                if a.format == super::logs::ListFormat::Json {
                    let ups: Vec<serde_json::Value> = updates
                        .iter()
                        .map(|u| serde_json::json!({ "at": u.0, "author": u.1, "event": u.2, "text": u.3 }))
                        .collect();
                    serde_json::to_writer_pretty(
                        &mut out,
                        &serde_json::json!({ "schema": "znode.incident/v1", "incident": i, "state": i.state(), "clocks": clocks, "updates": ups }),
                    )
                    .map_err(|e| Error::Message(e.to_string()))?;
                    writeln!(out)?;
                } else {
                    writeln!(
                        out,
                        "#{} {} · {} · {} · {}",
                        i.id,
                        i.title,
                        i.kind,
                        i.severity,
                        state(&i, cx.lang)
                    )?;
                    writeln!(out, "{}", clock_line(&i, &settings, now, cx.lang))?;
                    let mut t = crate::report::new_table(cx.style);
                    t.set_header(super::headers(
                        cx.lang,
                        &[
                            ("时间", "time"),
                            ("人员", "by"),
                            ("事件", "event"),
                            ("内容", "text"),
                        ],
                    ));
                    for u in &updates {
                        t.add_row([
                            crate::core::clock::local_time(u.0, tz, "%Y-%m-%d %H:%M"),
                            u.1.clone(),
                            crate::report::special::event_zh(&u.2).to_owned(),
                            u.3.clone(),
                        ]);
                    }
                    writeln!(out, "{t}")?;
                }
            }
        }
        out.flush()?;
        store.close().await;
        Ok(Status::Ok)
    })
}

/// Records an event of an incident, refusing times before it was opened.
async fn record(
    store: &crate::store::Store,
    out: &mut dyn Write,
    a: EventArgs,
    event: &str,
    tz: chrono_tz::Tz,
) -> Result<(), Error> {
    let i = store.incident(a.id).await?;
    let at = when(&a.at, tz)?;
    if at < i.opened_at {
        return Err(Error::Message(format!(
            "incident #{} was opened at {}; an event cannot come before it",
            i.id,
            crate::core::clock::local_time(i.opened_at, tz, "%Y-%m-%d %H:%M")
        )));
    }
    store
        .update_incident(a.id, event, &super::operator(&a.by), &a.note, at)
        .await?;
    writeln!(out, "incident #{}: {event} recorded", a.id)?;
    Ok(())
}

fn clock_line(
    i: &Incident,
    settings: &crate::settings::Settings,
    now: i64,
    lang: crate::report::Lang,
) -> String {
    let c = i.clocks(&settings.sla, now);
    let zh = lang == crate::report::Lang::Zh;
    let late = |breached: bool| match (breached, zh) {
        (false, _) => "",
        (true, true) => "（超时）",
        (true, false) => " (late)",
    };
    let mut s = if zh {
        format!("响应 {} 分钟{}", c.response_min, late(c.response_breached))
    } else {
        format!(
            "response {} min{}",
            c.response_min,
            late(c.response_breached)
        )
    };
    if let Some(m) = c.restore_min {
        if zh {
            s.push_str(&format!("，恢复 {m} 分钟{}", late(c.restore_breached)));
        } else {
            s.push_str(&format!(", restore {m} min{}", late(c.restore_breached)));
        }
    }
    s
}

/// The incident's state in the reader's language.
fn state(i: &Incident, lang: crate::report::Lang) -> &'static str {
    if lang == crate::report::Lang::Zh {
        i.state_zh()
    } else {
        i.state()
    }
}

fn print_list(
    out: &mut dyn Write,
    list: &[Incident],
    settings: &crate::settings::Settings,
    now: i64,
    format: super::logs::ListFormat,
    style: crate::report::TableStyle,
    lang: crate::report::Lang,
) -> Result<(), Error> {
    if format == super::logs::ListFormat::Json {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|i| serde_json::json!({ "incident": i, "state": i.state(), "clocks": i.clocks(&settings.sla, now) }))
            .collect();
        serde_json::to_writer_pretty(
            &mut *out,
            &serde_json::json!({ "schema": "znode.incidents/v1", "incidents": rows }),
        )
        .map_err(|e| Error::Message(e.to_string()))?;
        writeln!(out)?;
        return Ok(());
    }
    let mut t = crate::report::new_table(style);
    t.set_header(super::headers(
        lang,
        &[
            ("#", "#"),
            ("类型", "type"),
            ("级别", "severity"),
            ("系统", "system"),
            ("标题", "title"),
            ("状态", "state"),
            ("报告", "reported"),
            ("时限", "clocks"),
        ],
    ));
    for i in list {
        t.add_row([
            i.id.to_string(),
            i.kind.clone(),
            i.severity.clone(),
            i.system.clone().unwrap_or_default(),
            i.title.clone(),
            state(i, lang).to_owned(),
            crate::core::clock::local_time(i.opened_at, settings.timezone, "%m-%d %H:%M"),
            clock_line(i, settings, now, lang),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
