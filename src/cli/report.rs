//! `znode report`: documents for the bureau, built from the history store only.

use std::path::PathBuf;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::period::{Period, Routine};
use crate::outbox::{Delivery, Outbox, Post};
use crate::report::RunReport;
use crate::report::chart::{self, Chart};
use crate::report::document::{Cover, InspectionModel, render};
use crate::report::routine::{self, Request};
use crate::settings::Settings;
use crate::store::{Document, RunRef, Store};

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// The inspection report (巡检报告) of one run: every item with its result, the abnormal ones
    /// with their evidence and remediation, a sign-off table
    Inspection(InspectionArgs),
    /// 运行维护周报 of an ISO week (default: last week)
    Weekly(RoutineArgs),
    /// 运行维护月报 of a month (default: last month), with the 考核 self-assessment
    Monthly(RoutineArgs),
    /// 运行维护季报 of a quarter (default: last quarter)
    Quarterly(RoutineArgs),
    /// 运行维护半年报 of a half-year (default: the last one)
    HalfYear(RoutineArgs),
    /// 数据质量月报 of a month (default: last month): pass rates per base library and quality
    /// dimension against the month before, the worst rules with masked samples, 回流 and 对账
    DataQuality(RoutineArgs),
    /// 故障处理简报 of an incident: its clocks, the handling timeline, the inspection results
    Incident(SubjectArgs),
    /// 演练/应急处置总结报告 of a playbook run: phases and their durations, timeline, evaluation
    Drill(SubjectArgs),
    /// 版本同步报告 of a release: the ten steps, rollback plan, sign-offs, versions against the
    /// province's
    Sync(SubjectArgs),
    /// 重要时刻保障报告 of a 重保 period (`znode record guard`): checks, abnormal items,
    /// incidents and notifications during it
    Guard(SubjectArgs),
}

/// Document formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum DocFormat {
    /// Markdown (charts as SVG files beside it).
    Md,
    /// One self-contained HTML page: inline CSS and SVG charts; prints on A4.
    Html,
    /// Word: a cover page, headings, tables, charts as PNG, East-Asian fonts.
    Docx,
    /// The report's data model as JSON, for scripts (`znode.report/v1`).
    Json,
}

impl DocFormat {
    fn extension(self) -> &'static str {
        match self {
            DocFormat::Md => "md",
            DocFormat::Html => "html",
            DocFormat::Docx => "docx",
            DocFormat::Json => "json",
        }
    }
}

/// Where and how a document is written.
#[derive(Debug, clap::Args)]
pub(super) struct Output {
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "md")]
    format: DocFormat,
    /// Where to write it: a file, a folder (the dated file name in it), or `-` for stdout
    /// [default: a dated file name in the reports folder]
    #[arg(short = 'o', long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Send it once written: to these channels, or without names to `reports.send`. E-mail
    /// gets the HTML body and the file attached; robots a summary and where the file is. A send
    /// that fails stays in the outbox for `znode notify flush` (exit 2)
    #[arg(long, value_name = "CHANNEL", num_args = 0.., value_delimiter = ',')]
    send: Option<Vec<String>>,
}

#[derive(Debug, clap::Args)]
pub(super) struct InspectionArgs {
    /// Run: an id, `latest` or `latest~N`
    #[arg(default_value = "latest")]
    run: RunRef,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, clap::Args)]
pub(super) struct RoutineArgs {
    /// The period: 2026-W47, 2026-11, 2026-Q4 or 2026-H2 by report [default: the last one
    /// that has ended]
    #[arg(short = 'p', long)]
    period: Option<String>,
    /// Count only what happened up to this time (RFC 3339 or `YYYY-MM-DD HH:MM`), so a report
    /// made again later gives the same figures [default: now]
    #[arg(long, value_name = "TIME")]
    as_of: Option<String>,
    /// Record the document as handed in at this time (backfilling documents written before
    /// znode kept the record) [default: now]
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    #[command(flatten)]
    out: Output,
}

#[derive(Debug, clap::Args)]
pub(super) struct SubjectArgs {
    /// Its id (`znode incident list`, `znode playbook log`, `znode sync status`, `znode record
    /// list`)
    id: i64,
    /// Record the document as handed in at this time (a brief written before znode kept the
    /// record; the 考核 judges a major fault's brief by it) [default: now]
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    #[command(flatten)]
    out: Output,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::Inspection(a) => inspection(&cx, a),
        Command::Weekly(a) => routine_report(&cx, Routine::Weekly, a),
        Command::Monthly(a) => routine_report(&cx, Routine::Monthly, a),
        Command::Quarterly(a) => routine_report(&cx, Routine::Quarterly, a),
        Command::HalfYear(a) => routine_report(&cx, Routine::HalfYear, a),
        Command::DataQuality(a) => quality_report(&cx, a),
        Command::Incident(a) => special_report(&cx, Special::Incident, a),
        Command::Drill(a) => special_report(&cx, Special::Drill, a),
        Command::Sync(a) => special_report(&cx, Special::Sync, a),
        Command::Guard(a) => special_report(&cx, Special::Guard, a),
    }
}

#[derive(Clone, Copy)]
enum Special {
    Incident,
    Drill,
    Sync,
    Guard,
}

fn special_report(cx: &Context, kind: Special, a: SubjectArgs) -> Result<Status, Error> {
    use crate::report::special;
    let settings = cx.settings()?;
    let now = crate::core::clock::now_ms();
    let day = crate::core::clock::local_time(now, settings.timezone, "%Y%m%d");
    let id = a.id;
    let (kind_id, template) = match kind {
        Special::Incident => ("incident", "incident.md.hbs"),
        Special::Drill => ("drill", "drill.md.hbs"),
        Special::Sync => ("sync", "sync.md.hbs"),
        Special::Guard => ("guard", "guard.md.hbs"),
    };
    // Files are named as the documents are (故障处理简报, 演练总结报告, 重要时刻保障报告, ...).
    let (model, title, summary, name) = super::run_async(async {
        let store = Store::open_existing(&settings.store_url).await?;
        let (model, title, summary, name) = match kind {
            Special::Incident => {
                let m = special::incident(&store, &settings, id, now).await?;
                if m.incident.kind == "故障" && !m.missing.is_empty() {
                    let flags: Vec<String> = m
                        .missing
                        .iter()
                        .filter_map(|heading| {
                            let (event, _) = crate::incident::ANALYSIS
                                .iter()
                                .find(|(_, h)| h == heading)?;
                            // The flag is named as people say it; the event as the store keeps it.
                            let flag = if *event == "notice" {
                                "notified"
                            } else {
                                event
                            };
                            Some(format!("--{flag} …"))
                        })
                        .collect();
                    eprintln!(
                        "note: the brief has no {} yet: `znode incident review {id} {}`",
                        m.missing.join("、"),
                        flags.join(" ")
                    );
                }
                let t = m.header.title.clone();
                let c = m.conclusion.clone();
                let name = format!("{}处理简报", m.incident.kind);
                (serde_json::to_value(m), t, c, name)
            }
            Special::Drill => {
                let playbooks = super::playbook::playbooks(&settings).unwrap_or_else(|e| {
                    eprintln!("warning: the playbooks cannot be read ({e}); the summary cannot tell a person's steps from a program's and shows every step's words in the appendix");
                    Vec::new()
                });
                let m = special::drill(&store, &settings, id, now, &playbooks).await?;
                if !m.playbook_known {
                    eprintln!(
                        "warning: playbook `{}` is no longer among the node's playbooks; the summary shows every step's words in the appendix",
                        m.run.playbook
                    );
                }
                let t = m.header.title.clone();
                let c = format!(
                    "{}结果：{}，用时 {}。",
                    m.run.mode, m.run.state, m.run.duration
                );
                let name = if m.run.mode == "演练" {
                    "演练总结报告"
                } else {
                    "应急处置总结报告"
                };
                (serde_json::to_value(m), t, c, name.to_owned())
            }
            Special::Sync => {
                // The comparison is of what runs now: read when the report is made.
                let versions = crate::app::release::versions(&settings)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|v| special::VersionRow {
                        system: crate::report::document::cell(&v.name),
                        declared: v
                            .declared
                            .as_deref()
                            .map_or_else(|| "未声明".to_owned(), crate::report::document::cell),
                        running: v
                            .running
                            .as_deref()
                            .map_or_else(|| "无法读取".to_owned(), crate::report::document::cell),
                        state: v.state.zh().to_owned(),
                    })
                    .collect();
                let m = special::sync(&store, &settings, id, now, versions).await?;
                let t = m.header.title.clone();
                let c = format!("已完成 {}/10 步，{}。", m.release.done, m.release.state);
                (serde_json::to_value(m), t, c, "版本同步报告".to_owned())
            }
            Special::Guard => {
                let m = special::guard(&store, &settings, id, now).await?;
                let t = m.header.title.clone();
                let c = m.conclusion.clone();
                (serde_json::to_value(m), t, c, "重要时刻保障报告".to_owned())
            }
        };
        store.close().await;
        let model = model.map_err(|e| Error::Message(e.to_string()))?;
        Ok::<_, Error>((model, title, summary, name))
    })?;
    let doc = Written {
        kind: kind_id,
        subject: id.to_string(),
        title,
        file_stem: format!("{name}-{id}-{day}"),
        templates: &[template],
        charts: Vec::new(),
        summary,
        at: super::incident::when(&a.at, settings.timezone)?,
    };
    write(&settings, &doc, &model, &a.out)
}

fn inspection(cx: &Context, a: InspectionArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let report = super::run_async(async {
        let store = Store::open_existing(&settings.store_url).await?;
        // A 巡检报告 is made of an inspection, never of a log scan or a backup verification.
        let run = store.resolve_of(&a.run, Some("inspect")).await?;
        if run.command != "inspect" {
            return Err(Error::Message(format!(
                "run #{} is a `{}` run, not an inspection: the 巡检报告 is made of `znode inspect` runs (`report inspection latest` takes the newest)",
                run.id, run.command
            )));
        }
        let rows = store.outcomes(run.id).await?;
        // The incidents open at some time during or after the run: those its checks opened
        // and older ones they kept open.
        let incidents = store
            .incidents_in(crate::core::period::Span {
                from: run.started_at,
                to: i64::MAX,
            })
            .await?;
        store.close().await;
        let report = RunReport::new(run, rows, settings.timezone, settings.system_names());
        Ok::<_, Error>((incidents, report))
    })?;
    let (incidents, report) = report;
    // Remediation comes from the pack as it is now; a pack that no longer loads only loses it.
    let catalog = crate::catalog::Catalog::load(&settings).ok();
    let model = InspectionModel::new(
        &report,
        |id| {
            catalog
                .as_ref()
                .and_then(|c| c.get(id))
                .and_then(|c| c.remediation.clone())
        },
        &incidents,
    );
    let day = crate::core::clock::local_time(report.run.started_at, settings.timezone, "%Y%m%d");
    let doc = Written {
        kind: "inspection",
        subject: report.run.id.to_string(),
        title: format!("{}例行巡检报告（#{}）", report.run.node, report.run.id),
        file_stem: format!("巡检报告-{}-{day}", report.run.id),
        templates: &["inspection.md.hbs"],
        charts: Vec::new(),
        summary: format!("巡检结论：{}。", model.conclusion()),
        at: crate::core::clock::now_ms(),
    };
    write(&settings, &doc, &model, &a.out)
}

fn routine_report(cx: &Context, kind: Routine, a: RoutineArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    let now = crate::core::clock::now_ms();
    let today = chrono::DateTime::from_timestamp_millis(now)
        .map(|t| t.with_timezone(&tz).date_naive())
        .unwrap_or_default();
    let period = match &a.period {
        Some(p) => Period::parse(kind, p).map_err(Error::Message)?,
        None => Period::last_complete(kind, today),
    };
    let as_of = super::incident::when(&a.as_of, tz)?;
    let at = super::incident::when(&a.at, tz)?;
    let model = super::run_async(async {
        let store = Store::open_existing(&settings.store_url).await?;
        let model = routine::build(
            &store,
            &Request {
                settings: &settings,
                period,
                as_of,
                now,
            },
        )
        .await?;
        store.close().await;
        Ok::<_, Error>(model)
    })?;
    if model.plan.missing && a.out.format != DocFormat::Json {
        eprintln!(
            "warning: no plan for {} yet; write it in {} and make the report again",
            model.plan.heading, model.plan.path
        );
    }
    let templates: &[&str] = match kind {
        Routine::Weekly => &["weekly.md.hbs"],
        Routine::Monthly => &["monthly.md.hbs"],
        Routine::Quarterly => &["quarterly.md.hbs", "monthly.md.hbs"],
        Routine::HalfYear => &["half-year.md.hbs", "monthly.md.hbs"],
    };
    let doc = Written {
        kind: kind.id(),
        subject: period.label(),
        title: model.title.clone(),
        file_stem: format!("运行维护{}-{}", kind.zh(), period.label()),
        templates,
        charts: model.charts(),
        summary: model.overview.text.clone(),
        at,
    };
    write(&settings, &doc, &model, &a.out)
}

fn quality_report(cx: &Context, a: RoutineArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    let now = crate::core::clock::now_ms();
    let today = chrono::DateTime::from_timestamp_millis(now)
        .map(|t| t.with_timezone(&tz).date_naive())
        .unwrap_or_default();
    let period = match &a.period {
        Some(p) => Period::parse(Routine::Monthly, p).map_err(Error::Message)?,
        None => Period::last_complete(Routine::Monthly, today),
    };
    let as_of = super::incident::when(&a.as_of, tz)?;
    let at = super::incident::when(&a.at, tz)?;
    let model = super::run_async(async {
        let store = Store::open_existing(&settings.store_url).await?;
        let m = crate::report::quality::report(&store, &settings, period, as_of, now).await?;
        store.close().await;
        Ok::<_, Error>(m)
    })?;
    if !model.quality.any && a.out.format != DocFormat::Json {
        eprintln!(
            "warning: no data check ran in {}; configure `probe: {{ kind: data }}` checks for the base libraries",
            period.label()
        );
    }
    let doc = Written {
        kind: "data-quality",
        subject: period.label(),
        title: model.title.clone(),
        file_stem: format!("数据质量月报-{}", period.label()),
        templates: &["data-quality.md.hbs"],
        charts: Vec::new(),
        summary: if model.quality.text.is_empty() {
            "本期没有数据质量检查记录。".to_owned()
        } else {
            model.quality.text.clone()
        },
        at,
    };
    write(&settings, &doc, &model, &a.out)
}

/// A document about to be written.
struct Written<'a> {
    /// Report kind, as recorded.
    kind: &'static str,
    /// Period label or subject id.
    subject: String,
    /// The document title (HTML `<title>`).
    title: String,
    /// The default file name without extension.
    file_stem: String,
    /// Template names, first found wins.
    templates: &'a [&'a str],
    /// The charts its template may place.
    charts: Vec<(String, Chart)>,
    /// One paragraph for robots and the e-mail's text part.
    summary: String,
    /// When it counts as handed in.
    at: i64,
}

fn write(
    settings: &Settings,
    doc: &Written<'_>,
    model: &impl serde::Serialize,
    out: &Output,
) -> Result<Status, Error> {
    let file_name = format!("{}.{}", doc.file_stem, out.format.extension());
    let path = match &out.output {
        // A folder (existing, or written with a trailing slash) gets the dated file name.
        Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') => {
            std::fs::create_dir_all(p)
                .map_err(|e| Error::Message(format!("{}: {e}", p.display())))?;
            p.join(&file_name)
        }
        Some(p) => p.clone(),
        None => settings.reports.folder(&settings.base_dir).join(file_name),
    };
    let to_stdout = path.as_os_str() == "-";
    // A send that cannot be made (no channel named or declared) does not keep the document
    // from being written: it is written, and the exit says it was not sent.
    let (channels, unsendable) = match channels(settings, out, to_stdout) {
        Ok(c) => (c, None),
        Err(e) if !to_stdout => (Vec::new(), Some(e)),
        Err(e) => return Err(e),
    };
    // Every document's cover and sign-off come from `reports:`, beside its own model.
    let mut filled = serde_json::to_value(model).map_err(|e| Error::Message(e.to_string()))?;
    if let Some(m) = filled.as_object_mut() {
        let cover = Cover::new(&settings.reports, doc.kind, &doc.subject);
        m.insert(
            "cover".into(),
            serde_json::to_value(cover).map_err(|e| Error::Message(e.to_string()))?,
        );
    }
    let markdown = || render(doc.templates, &filled, &settings.base_dir).map_err(Error::Message);
    let fonts = || chart::fonts(settings.reports.font.as_deref());
    let svgs = |fonts: &chart::Fonts| -> Result<Vec<(String, String)>, Error> {
        doc.charts
            .iter()
            .map(|(n, c)| Ok((n.clone(), c.svg(fonts).map_err(Error::Message)?)))
            .collect()
    };
    // Charts of a Markdown file are SVG files beside it; on stdout there is nowhere to put them.
    let mut beside: Vec<(PathBuf, String)> = Vec::new();
    let bytes = match out.format {
        DocFormat::Md => {
            let mut text = markdown()?;
            let svgs = if to_stdout {
                Vec::new()
            } else {
                svgs(&fonts())?
            };
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            for (name, _) in &doc.charts {
                let file = format!("{stem}.{name}.svg");
                let link = format!("(chart:{name})");
                if let Some((_, svg)) = svgs.iter().find(|(n, _)| n == name) {
                    text = text.replace(&link, &format!("({file})"));
                    beside.push((path.with_file_name(&file), svg.clone()));
                }
            }
            drop_chart_lines(&text).into_bytes()
        }
        DocFormat::Html => {
            crate::report::html::page(&markdown()?, &doc.title, &svgs(&fonts())?).into_bytes()
        }
        DocFormat::Docx => {
            let fonts = fonts();
            if fonts.path.is_none() && !doc.charts.is_empty() {
                eprintln!(
                    "warning: no font with Chinese glyphs found for the charts; install fonts-wqy-microhei (or Noto Sans CJK) or set reports.font"
                );
            }
            let mut pngs = Vec::new();
            for (name, svg) in svgs(&fonts)? {
                let (png, w, h) = chart::png(&svg, &fonts).map_err(Error::Message)?;
                pngs.push((name, png, w, h));
            }
            let frame = crate::report::docx::Frame {
                running_head: match settings.reports.project.as_deref() {
                    Some(p) if !p.is_empty() => p.to_owned(),
                    _ => doc.title.clone(),
                },
            };
            crate::report::docx::document(&markdown()?, &pngs, &frame).map_err(Error::Message)?
        }
        DocFormat::Json => {
            let mut v = serde_json::json!({ "schema": "znode.report/v1", "kind": doc.kind });
            v["report"] = serde_json::to_value(model).map_err(|e| Error::Message(e.to_string()))?;
            let mut s =
                serde_json::to_string_pretty(&v).map_err(|e| Error::Message(e.to_string()))?;
            s.push('\n');
            s.into_bytes()
        }
    };
    if to_stdout {
        use std::io::Write;
        std::io::stdout().write_all(&bytes)?;
        return Ok(Status::Ok);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    for (file, svg) in &beside {
        write_atomically(file, svg.as_bytes())?;
    }
    write_atomically(&path, &bytes)?;
    if out.format != DocFormat::Json {
        let record = Document {
            kind: doc.kind.to_owned(),
            period: doc.subject.clone(),
            generated_at: doc.at,
            format: out.format.extension().to_owned(),
            path: path.display().to_string(),
        };
        super::run_async(async {
            let store = Store::open(&settings.store_url).await?;
            store.record_document(&record).await?;
            store.close().await;
            Ok::<_, Error>(())
        })?;
    }
    println!("{}", path.display());
    if let Some(e) = unsendable {
        eprintln!(
            "error: {e}; the report is written at {} but was not sent",
            path.display()
        );
        return Ok(Status::Unknown);
    }
    if channels.is_empty() {
        return Ok(Status::Ok);
    }
    // E-mail carries the page itself as its body, whatever format was written.
    let html = if channels.iter().any(|c| c.is_mail()) {
        let svgs = svgs(&fonts())?;
        Some(crate::report::html::page(&markdown()?, &doc.title, &svgs))
    } else {
        None
    };
    send(settings, doc, &path, html.as_deref(), &channels)
}

/// The channels `--send` names (or `reports.send`).
fn channels<'a>(
    settings: &'a Settings,
    out: &Output,
    to_stdout: bool,
) -> Result<Vec<&'a crate::notify::Channel>, Error> {
    let Some(named) = &out.send else {
        return Ok(Vec::new());
    };
    if to_stdout {
        return Err(Error::Message(
            "--send sends a written file; drop `-o -` or give a path".into(),
        ));
    }
    let names: Vec<&String> = if named.is_empty() {
        settings.reports.send.iter().collect()
    } else {
        named.iter().collect()
    };
    if names.is_empty() {
        return Err(Error::Message(
            "--send without channels needs `reports.send: [channel, ...]` in znode.yaml".into(),
        ));
    }
    names
        .into_iter()
        .map(|n| settings.notify.channel(n).map_err(Error::Message))
        .collect()
}

/// Sends the written document: each message goes through the outbox, so one that fails stays
/// there with its error for `znode notify flush`; exit 2 when any did.
fn send(
    settings: &Settings,
    doc: &Written<'_>,
    path: &std::path::Path,
    html: Option<&str>,
    channels: &[&crate::notify::Channel],
) -> Result<Status, Error> {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let shown = path.display().to_string();
    let source = format!("report {} {}", doc.kind, doc.subject);
    super::run_async(async {
        let store = Store::open(&settings.store_url).await?;
        let outbox = Outbox::new(
            &store,
            &settings.notify,
            &settings.node,
            settings.defaults.timeout,
        );
        let mut failed = 0;
        for ch in channels {
            let post = Post {
                channel: &ch.name,
                source: &source,
                message: crate::notify::Outgoing {
                    title: &doc.title,
                    text: &doc.summary,
                    html: if ch.is_mail() { html } else { None },
                    attachment: Some(&path),
                },
            };
            match outbox.post(&post).await? {
                (_, Delivery::Sent) => eprintln!("sent to {} ({})", ch.name, ch.host()),
                (id, Delivery::Failed(e)) => {
                    failed += 1;
                    eprintln!(
                        "error: {}: {e}; the report stays at {shown} and the message is queued (#{id}): `znode notify flush` sends it",
                        ch.name
                    );
                }
                // The channels were looked up among the declared ones before anything was written.
                (id, Delivery::NoChannel) => {
                    failed += 1;
                    eprintln!(
                        "error: no channel `{}` is configured; the message is queued (#{id})",
                        ch.name
                    );
                }
            }
        }
        store.close().await;
        Ok::<_, Error>(if failed > 0 { Status::Crit } else { Status::Ok })
    })
}

/// Written beside and renamed, so a reader never sees half a document.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// Removes the image lines of charts that were not drawn.
fn drop_chart_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !(line.trim_start().starts_with("![") && line.contains("](chart:")) {
            out.push_str(line);
        }
    }
    out
}
