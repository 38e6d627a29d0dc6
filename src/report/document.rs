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
}

#[derive(Serialize)]
struct RunModel {
    id: i64,
    started: String,
    finished: String,
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
}

impl InspectionModel {
    /// The model of a run; `remediation` gives a check's remediation by id (from the pack).
    pub fn new(r: &RunReport, remediation: impl Fn(&str) -> Option<String>) -> InspectionModel {
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
                            title: cell(&x.info.title),
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
        let abnormal = r
            .rows
            .iter()
            .filter(|x| x.outcome.effective_status() != Status::Ok)
            .enumerate()
            .map(|(i, x)| Abnormal {
                number: i + 1,
                title: x.info.title.clone(),
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
            })
            .collect();
        InspectionModel {
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
            },
            summary: r.summary(),
            categories,
            abnormal,
        }
    }
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
    hb.register_template_string(name, text)
        .map_err(|e| format!("template {name}: {e}"))?;
    hb.render(name, model)
        .map_err(|e| format!("template {name}: {e}"))
}
