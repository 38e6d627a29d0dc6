//! The JSON output, schema `znode.inspection/v1` (documented in the README).

use std::io::{self, Write};

use serde_json::json;

use super::RunReport;

/// Renders one run.
pub(super) fn render_run(r: &RunReport, w: &mut dyn Write) -> io::Result<()> {
    let rfc = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.with_timezone(&r.timezone).to_rfc3339())
    };
    let status = r.status();
    let outcomes: Vec<_> = r
        .rows
        .iter()
        .map(|row| {
            let o = &row.outcome;
            json!({
                "check": o.check,
                "title": row.info.title,
                "category": row.info.category.zh(),
                "item": row.info.item,
                "system": row.info.system,
                "target": row.info.target,
                "kind": row.info.kind,
                "status": o.status,
                "effective_status": o.effective_status(),
                "summary": o.summary,
                "value": o.primary_metric().map(|m| json!({
                    "metric": m.key(), "value": m.value, "unit": m.unit, "display": m.display_value(),
                })),
                "metrics": o.metrics,
                "evidence": o.evidence,
                "duration_ms": o.duration.as_millis() as u64,
                "attempts": o.attempts,
                "flaky": o.flaky,
                "waiver": o.waiver,
            })
        })
        .collect();
    let doc = json!({
        "schema": "znode.inspection/v1",
        "run": {
            "id": r.run.id,
            "node": r.run.node,
            "state": r.run.state,
            "started_at": rfc(r.run.started_at),
            "finished_at": r.run.finished_at.and_then(rfc),
            "planned": r.run.planned,
            "status": status,
            "exit_code": status.exit_code(),
        },
        "summary": r.summary(),
        "outcomes": outcomes,
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
