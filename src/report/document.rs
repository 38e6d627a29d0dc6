//! Documents for the bureau, from the history store: a data model per report kind, rendered
//! through a handlebars template (`report-templates/*.md.hbs`, embedded; a node's own
//! `report-templates/` folder overrides a template by file name) into Markdown.
//!
//! One template source per report: Markdown is what the templates write, and the other
//! formats are made from it, so an edit to a template shows in every format.

use std::path::Path;

use handlebars::Handlebars;
use serde::Serialize;

use super::RunReport;
use crate::core::outcome::Category;
use crate::core::outcome::Status;
use crate::settings::ReportSettings;

/// The sign-off table of a document.
#[derive(Clone, Debug, Serialize)]
pub struct Signoff {
    /// 编制人.
    pub author: String,
    /// 审核人.
    pub reviewer: String,
    /// 批准人.
    pub approver: String,
}

impl Signoff {
    /// From the config; blanks stay blank for a pen.
    pub fn of(s: &ReportSettings) -> Signoff {
        Signoff {
            author: s.author.clone().unwrap_or_default(),
            reviewer: s.reviewer.clone().unwrap_or_default(),
            approver: s.approver.clone().unwrap_or_default(),
        }
    }
}

/// What every document's cover says of the project, its number, and who signs it: from
/// `reports:`, the same for every kind of document.
#[derive(Clone, Debug, Serialize)]
pub struct Cover {
    /// 项目名称 (empty when not configured).
    pub project: String,
    /// 项目单位.
    pub client: String,
    /// 服务单位.
    pub vendor: String,
    /// 报告编号: prefix, kind code and subject (ZQYW-YB-2026-11, XJ-128).
    pub number: String,
    /// 编制人, 审核人, 批准人.
    pub signoff: Signoff,
}

impl Cover {
    /// The cover of a document of `kind` (`monthly`, `incident`…) about `subject` (a period
    /// label or an id).
    pub fn new(s: &ReportSettings, kind: &str, subject: &str) -> Cover {
        let code = match kind {
            "inspection" => "XJ",
            "weekly" => "ZB",
            "monthly" => "YB",
            "quarterly" => "JB",
            "half-year" => "BNB",
            "incident" => "GZJB",
            "drill" => "YJZJ",
            "sync" => "BBTB",
            "guard" => "ZB-BZ",
            "data-quality" => "SJZL",
            _ => "BG",
        };
        let number = match s.number_prefix.as_deref().filter(|p| !p.is_empty()) {
            Some(p) => format!("{p}-{code}-{subject}"),
            None => format!("{code}-{subject}"),
        };
        Cover {
            project: s.project.clone().unwrap_or_default(),
            client: s.client.clone().unwrap_or_default(),
            vendor: s.vendor.clone().unwrap_or_default(),
            number,
            signoff: Signoff::of(s),
        }
    }
}

/// Partials every template may use: `cover` (the project rows of the cover table) and
/// `signature` (the sign-off block that ends a document, with a line for each date).
pub const PARTIALS: &[(&str, &str)] = &[
    (
        "cover",
        "{{#if cover.project}}| 项目名称 | {{cover.project}} |\n{{/if}}\
         {{#if cover.client}}| 项目单位 | {{cover.client}} |\n{{/if}}\
         {{#if cover.vendor}}| 服务单位 | {{cover.vendor}} |\n{{/if}}\
         | 报告编号 | {{cover.number}} |\n",
    ),
    (
        "signature",
        "\n\n| 编制人 | 审核人 | 批准人 |\n|---|---|---|\n\
         | {{cover.signoff.author}} | {{cover.signoff.reviewer}} | {{cover.signoff.approver}} |\n\
         | 日期：　　年　　月　　日 | 日期：　　年　　月　　日 | 日期：　　年　　月　　日 |\n",
    ),
];

/// The embedded templates, by file name.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "inspection.md.hbs",
        include_str!("../../report-templates/inspection.md.hbs"),
    ),
    (
        "weekly.md.hbs",
        include_str!("../../report-templates/weekly.md.hbs"),
    ),
    (
        "monthly.md.hbs",
        include_str!("../../report-templates/monthly.md.hbs"),
    ),
    (
        "incident.md.hbs",
        include_str!("../../report-templates/incident.md.hbs"),
    ),
    (
        "drill.md.hbs",
        include_str!("../../report-templates/drill.md.hbs"),
    ),
    (
        "sync.md.hbs",
        include_str!("../../report-templates/sync.md.hbs"),
    ),
    (
        "data-quality.md.hbs",
        include_str!("../../report-templates/data-quality.md.hbs"),
    ),
    (
        "guard.md.hbs",
        include_str!("../../report-templates/guard.md.hbs"),
    ),
];

/// Makes text safe for a Markdown table cell: no pipes, no line breaks.
pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

fn status_zh(s: Status) -> &'static str {
    s.zh()
}

/// The model of the inspection report (巡检报告) of one run.
#[derive(Serialize)]
pub struct InspectionModel {
    node: String,
    generated: String,
    conclusion: &'static str,
    run: RunModel,
    summary: super::Summary,
    categories: Vec<CategoryModel>,
    abnormal: Vec<Abnormal>,
    /// Whether any abnormal item has evidence (the appendix then exists).
    evidence_items: bool,
    /// Per host, when the run covered inventory hosts.
    hosts: Option<HostMatrix>,
}

/// Hosts × categories of a run over several hosts, and the hosts not collected.
#[derive(Serialize)]
struct HostMatrix {
    /// Category names, the matrix's columns.
    columns: Vec<&'static str>,
    rows: Vec<HostRow>,
    unreached: Vec<Unreached>,
}

#[derive(Serialize)]
struct HostRow {
    host: String,
    /// One cell per column: the worst status and how many checks, or `-`.
    cells: Vec<String>,
    conclusion: &'static str,
}

#[derive(Serialize)]
struct Unreached {
    host: String,
    reason: String,
    checks: usize,
}

/// The host an outcome is on, as the report names it.
fn host_name(o: &crate::core::outcome::Outcome) -> String {
    o.host.clone().unwrap_or_else(|| "本机（跳板机）".into())
}

/// `title（host）` for an outcome on an inventory host.
fn titled(title: &str, o: &crate::core::outcome::Outcome) -> String {
    match &o.host {
        Some(h) => format!("{title}（{h}）"),
        None => title.to_owned(),
    }
}

impl HostMatrix {
    /// The matrix of a run; none when every outcome is the jump host's.
    fn of(r: &RunReport) -> Option<HostMatrix> {
        if r.rows.iter().all(|x| x.outcome.host.is_none()) {
            return None;
        }
        let columns: Vec<Category> = Category::ALL
            .into_iter()
            .filter(|c| r.rows.iter().any(|x| x.info.category == *c))
            .collect();
        let mut hosts: Vec<String> = r.rows.iter().map(|x| host_name(&x.outcome)).collect();
        hosts.sort();
        hosts.dedup();
        let rows = hosts
            .iter()
            .map(|h| {
                let mine: Vec<_> = r
                    .rows
                    .iter()
                    .filter(|x| host_name(&x.outcome) == *h)
                    .collect();
                let cells = columns
                    .iter()
                    .map(|c| {
                        let of: Vec<_> = mine.iter().filter(|x| x.info.category == *c).collect();
                        if of.is_empty() {
                            return "-".to_owned();
                        }
                        if of.iter().all(|x| x.outcome.unreached) {
                            return format!("未采集 {}", of.len());
                        }
                        let worst = Status::worst(of.iter().map(|x| x.outcome.effective_status()));
                        let bad = of
                            .iter()
                            .filter(|x| x.outcome.effective_status() != Status::Ok)
                            .count();
                        match worst {
                            Status::Ok => format!("正常 {}", of.len()),
                            w => format!("{} {bad}/{}", status_zh(w), of.len()),
                        }
                    })
                    .collect();
                let conclusion = if mine.iter().all(|x| x.outcome.unreached) {
                    "未采集"
                } else {
                    status_zh(Status::worst(
                        mine.iter().map(|x| x.outcome.effective_status()),
                    ))
                };
                HostRow {
                    host: h.clone(),
                    cells,
                    conclusion,
                }
            })
            .collect();
        let mut unreached: Vec<Unreached> = Vec::new();
        for x in r.rows.iter().filter(|x| x.outcome.unreached) {
            let host = host_name(&x.outcome);
            match unreached.iter_mut().find(|u| u.host == host) {
                Some(u) => u.checks += 1,
                None => unreached.push(Unreached {
                    host,
                    reason: cell(
                        x.outcome
                            .summary
                            .strip_prefix(crate::runner::remote::UNREACHED)
                            .unwrap_or(&x.outcome.summary),
                    ),
                    checks: 1,
                }),
            }
        }
        Some(HostMatrix {
            columns: columns.iter().map(|c| c.zh()).collect(),
            rows,
            unreached,
        })
    }
}

#[derive(Serialize)]
struct RunModel {
    id: i64,
    started: String,
    finished: String,
    /// For an inspection done on paper: who entered it, when, and what it was.
    backfill: Option<String>,
}

#[derive(Serialize)]
struct CategoryModel {
    name: &'static str,
    total: usize,
    ok: usize,
    warn: usize,
    crit: usize,
    unknown: usize,
    items: Vec<ItemModel>,
}

#[derive(Serialize)]
struct ItemModel {
    item: String,
    title: String,
    system: String,
    status: String,
    value: String,
    summary: String,
}

#[derive(Serialize)]
struct Abnormal {
    number: usize,
    title: String,
    status: &'static str,
    system: String,
    summary: String,
    evidence: Vec<String>,
    remediation: Option<String>,
    /// Who handled it and how it ended: the incident the check opened, or that none was.
    follow_up: String,
}

impl InspectionModel {
    /// The model of a run; `remediation` gives a check's remediation by id (from the pack),
    /// `incidents` the incidents the run's checks opened or updated.
    pub fn new(
        r: &RunReport,
        remediation: impl Fn(&str) -> Option<String>,
        incidents: &[crate::incident::Incident],
    ) -> InspectionModel {
        let fmt = "%Y-%m-%d %H:%M";
        let mut categories = Vec::new();
        for cat in Category::ALL {
            let rows: Vec<_> = r.rows.iter().filter(|x| x.info.category == cat).collect();
            if rows.is_empty() {
                continue;
            }
            let count = |s: Status| {
                rows.iter()
                    .filter(|x| x.outcome.effective_status() == s)
                    .count()
            };
            categories.push(CategoryModel {
                name: cat.zh(),
                total: rows.len(),
                ok: count(Status::Ok),
                warn: count(Status::Warn),
                crit: count(Status::Crit),
                unknown: count(Status::Unknown),
                items: rows
                    .iter()
                    .map(|x| {
                        let o = &x.outcome;
                        let mut status = status_zh(o.status).to_owned();
                        if o.waiver.as_ref().is_some_and(|w| !w.expired) {
                            status.push_str("（豁免）");
                        }
                        ItemModel {
                            item: x.info.item.map(|n| format!("({n})")).unwrap_or_default(),
                            title: cell(&titled(&x.info.title, o)),
                            system: cell(&r.system_name(x.info.system.as_deref())),
                            status,
                            value: o
                                .primary_metric()
                                .map(|m| m.display_value())
                                .unwrap_or_else(|| "-".into()),
                            summary: cell(&o.summary),
                        }
                    })
                    .collect(),
            });
        }
        let abnormal: Vec<Abnormal> = r
            .rows
            .iter()
            // An unreachable host is listed once, in the host section, not per check.
            .filter(|x| x.outcome.effective_status() != Status::Ok && !x.outcome.unreached)
            .enumerate()
            .map(|(i, x)| Abnormal {
                number: i + 1,
                title: titled(&x.info.title, &x.outcome),
                status: status_zh(x.outcome.effective_status()),
                system: r.system_name(x.info.system.as_deref()),
                summary: x.outcome.summary.clone(),
                evidence: x
                    .outcome
                    .evidence
                    .iter()
                    .take(8)
                    .map(|e| e.trim().to_owned())
                    .collect(),
                remediation: remediation(&x.outcome.check),
                follow_up: follow_up(r, &x.outcome.subject(), incidents),
            })
            .collect();
        InspectionModel {
            evidence_items: abnormal.iter().any(|a| !a.evidence.is_empty()),
            node: r.run.node.clone(),
            generated: crate::core::clock::local_time(
                crate::core::clock::now_ms(),
                r.timezone,
                fmt,
            ),
            conclusion: r.status().zh(),
            run: RunModel {
                id: r.run.id,
                started: crate::core::clock::local_time(r.run.started_at, r.timezone, fmt),
                finished: r
                    .run
                    .finished_at
                    .map(|f| crate::core::clock::local_time(f, r.timezone, fmt))
                    .unwrap_or_else(|| "未完成".into()),
                backfill: r.run.backfill.as_ref().map(|b| {
                    let mut s = format!(
                        "纸质巡检记录补录（{} 于 {} 录入",
                        cell(&b.by),
                        crate::core::clock::local_time(b.entered_at, r.timezone, fmt)
                    );
                    if !b.note.is_empty() {
                        s.push_str(&format!("；{}", cell(&b.note)));
                    }
                    s.push('）');
                    s
                }),
            },
            summary: r.summary(),
            categories,
            abnormal,
            hosts: HostMatrix::of(r),
        }
    }
}

/// The incident that followed a finding up: opened by the check (`check` or `check@host`)
/// before the run ended and not closed before it began; who handles it and where it stands.
fn follow_up(r: &RunReport, subject: &str, incidents: &[crate::incident::Incident]) -> String {
    let end = r.run.finished_at.unwrap_or(i64::MAX);
    let found = incidents.iter().find(|i| {
        i.source_check.as_deref() == Some(subject)
            && i.opened_at <= end
            && i.closed_at.is_none_or(|c| c >= r.run.started_at)
    });
    let Some(i) = found else {
        return "未立事件（告警类问题在日常运维中处理）".into();
    };
    let who = i.assignee.as_deref().unwrap_or("未指派");
    let outcome = match (i.restored_at, i.closed_at) {
        (_, Some(c)) => format!(
            "已关闭（{}）",
            crate::core::clock::local_time(c, r.timezone, "%m-%d %H:%M")
        ),
        (Some(t), None) => format!(
            "已恢复服务（{}），待关闭",
            crate::core::clock::local_time(t, r.timezone, "%m-%d %H:%M")
        ),
        (None, None) => "处理中".into(),
    };
    format!("事件 #{}，处理人 {who}，{outcome}", i.id)
}

impl InspectionModel {
    /// The run's result in words (正常, 告警, 严重, 未知).
    pub fn conclusion(&self) -> &'static str {
        self.conclusion
    }
}

/// Renders a model with the first of `names` found: each name is looked up in the node's own
/// `report-templates/` folder first, then among the embedded ones (so a quarterly report uses
/// the node's `quarterly.md.hbs` when there is one, else the monthly template).
/// The helpers every template has: `inc` (lists count from 1: `{{inc @index}}`) and `len`
/// (how many items a list holds, `{{len evidence}}`: strict mode refuses `.length`).
pub fn helpers(hb: &mut Handlebars<'_>) {
    handlebars::handlebars_helper!(inc: |i: u64| i + 1);
    hb.register_helper("inc", Box::new(inc));
    handlebars::handlebars_helper!(len: |v: Json| v.as_array().map_or(0, Vec::len));
    hb.register_helper("len", Box::new(len));
}

pub fn render(names: &[&str], model: &impl Serialize, node_dir: &Path) -> Result<String, String> {
    let own = names.iter().find_map(|n| {
        std::fs::read_to_string(node_dir.join("report-templates").join(n))
            .ok()
            .map(|t| (*n, t))
    });
    let (name, text) = match own {
        Some(found) => found,
        None => names
            .iter()
            .find_map(|n| TEMPLATES.iter().find(|(e, _)| e == n))
            .map(|(n, t)| (*n, (*t).to_owned()))
            .ok_or_else(|| format!("no template {}", names.join(" or ")))?,
    };
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    // Markdown, not HTML: nothing to escape but what the model escaped for table cells.
    hb.register_escape_fn(handlebars::no_escape);
    helpers(&mut hb);
    for (partial, text) in PARTIALS {
        hb.register_partial(partial, *text)
            .map_err(|e| format!("partial {partial}: {e}"))?;
    }
    hb.register_template_string(name, text)
        .map_err(|e| format!("template {name}: {e}"))?;
    hb.render(name, model)
        .map_err(|e| format!("template {name}: {e}"))
}
