//! The JSON output, schema `znode.inspection/v2` (documented in the README; v2 added `host`
//! and `unreached` to each outcome). It is the same for a live run and for `history show`:
//! only what the store keeps is printed. Serialized from
//! borrowed views of the report, without an intermediate `serde_json::Value` tree.

use std::io::{self, Write};

use serde::Serialize;

use super::Lang;
use super::{RunReport, Summary};
use crate::core::outcome::{Metric, Status, WaiverNote};
use crate::store::StoredOutcome;

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    run: Run<'a>,
    summary: Summary,
    outcomes: Vec<OutcomeView<'a>>,
}

#[derive(Serialize)]
struct Run<'a> {
    id: i64,
    node: &'a str,
    state: &'a str,
    started_at: Option<String>,
    finished_at: Option<String>,
    planned: i64,
    status: Status,
    exit_code: u8,
}

#[derive(Serialize)]
struct OutcomeView<'a> {
    check: &'a str,
    /// Inventory host; `null`: the jump host.
    host: Option<&'a str>,
    /// The host could not be reached (未采集).
    unreached: bool,
    title: &'a str,
    category: &'static str,
    item: Option<u8>,
    system: Option<&'a str>,
    target: Option<&'a str>,
    kind: &'a str,
    status: Status,
    effective_status: Status,
    summary: &'a str,
    value: Option<Value<'a>>,
    metrics: &'a [Metric],
    evidence: &'a [String],
    duration_ms: u64,
    attempts: u32,
    flaky: bool,
    waiver: Option<&'a WaiverNote>,
    /// A data check's rules, profiles and masked samples; absent for other kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a serde_json::Value>,
}

#[derive(Serialize)]
struct Value<'a> {
    metric: String,
    value: f64,
    unit: &'a str,
    display: String,
}

fn view(row: &StoredOutcome, lang: Lang) -> OutcomeView<'_> {
    let o = &row.outcome;
    OutcomeView {
        check: &o.check,
        host: o.host.as_deref(),
        unreached: o.unreached,
        title: &row.info.title,
        category: row.info.category.zh(),
        item: row.info.item,
        system: row.info.system.as_deref(),
        target: row.info.target.as_deref(),
        kind: &row.info.kind,
        status: o.status,
        effective_status: o.effective_status(),
        summary: o.summary_in(lang),
        value: o.primary_metric().map(|m| Value {
            metric: m.key(),
            value: m.value,
            unit: &m.unit,
            display: m.display_value(),
        }),
        metrics: &o.metrics,
        evidence: &o.evidence,
        duration_ms: o.duration.as_millis() as u64,
        attempts: o.attempts,
        flaky: o.flaky,
        waiver: o.waiver.as_ref(),
        detail: o.detail.as_ref(),
    }
}

/// Renders one run.
pub(super) fn render_run(r: &RunReport, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let rfc = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.with_timezone(&r.timezone).to_rfc3339())
    };
    let status = r.status();
    let doc = Document {
        schema: "znode.inspection/v2",
        run: Run {
            id: r.run.id,
            node: &r.run.node,
            state: r.run.state.as_str(),
            started_at: rfc(r.run.started_at),
            finished_at: r.run.finished_at.and_then(rfc),
            planned: r.run.planned,
            status,
            exit_code: status.exit_code(),
        },
        summary: r.summary(),
        outcomes: r.rows.iter().map(|o| view(o, lang)).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
