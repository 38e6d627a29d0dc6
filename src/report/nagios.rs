//! Nagios plugin output: `ZNODE STATUS - text | perfdata`, then one long-output line per
//! finding, then per-check perfdata (Nagios 3 multi-line format).

use std::io::{self, Write};

use super::RunReport;
use crate::core::outcome::{Metric, Status};
use crate::core::threshold::Range;
use crate::store::RunState;

/// One perfdata item, `'label'=value[UOM];warn;crit;;`, by the plugin guidelines: labels may not
/// contain `'` or `=`, and only s, %, B and c are units Nagios knows.
pub fn perfdata(label: &str, m: &Metric, warn: Option<&Range>, crit: Option<&Range>) -> String {
    let uom = match m.unit.as_str() {
        u @ ("s" | "%" | "B" | "c") => u,
        _ => "",
    };
    // Six decimals are below any unit's resolution and keep float noise out of graphs.
    let value = format!("{:.6}", m.value);
    let value = value.trim_end_matches('0').trim_end_matches('.');
    let range = |r: Option<&Range>| r.map(Range::as_str).unwrap_or_default().to_owned();
    format!(
        "'{}'={value}{uom};{};{};;",
        label.replace(['\'', '='], "_"),
        range(warn),
        range(crit)
    )
}

/// Renders one run.
pub(super) fn render_run(r: &RunReport, lang: super::Lang, w: &mut dyn Write) -> io::Result<()> {
    let s = r.summary();
    let status = r.status();
    let mut text = format!(
        "{} crit, {} warn, {} unknown, {} ok of {} checks (run #{})",
        s.crit, s.warn, s.unknown, s.ok, s.total, r.run.id
    );
    if r.run.state != RunState::Finished {
        text.push_str(&format!(
            ", {} ({} of {} planned)",
            r.run.state.as_str(),
            s.total,
            r.run.planned
        ));
    }
    writeln!(
        w,
        "ZNODE {} - {text} | ok={};;;0 warn={};;;0 crit={};;;0 unknown={};;;0",
        status.nagios_word(),
        s.ok,
        s.warn,
        s.crit,
        s.unknown
    )?;
    let mut rows: Vec<_> = r
        .rows
        .iter()
        .filter(|x| x.outcome.status != Status::Ok)
        .collect();
    rows.sort_by(|a, b| {
        b.outcome
            .effective_status()
            .cmp(&a.outcome.effective_status())
    });
    for row in rows {
        let o = &row.outcome;
        writeln!(
            w,
            "[{}] {} {}: {}",
            o.status.nagios_word(),
            o.subject(),
            row.info.title,
            o.summary_in(lang)
        )?;
    }
    let perf: Vec<String> = r
        .rows
        .iter()
        .filter_map(|row| {
            let m = row.outcome.primary_metric()?;
            Some(perfdata(
                &format!("{}.{}", row.outcome.subject(), m.name),
                m,
                None,
                None,
            ))
        })
        .collect();
    if !perf.is_empty() {
        writeln!(w, "| {}", perf.join("\n"))?;
    }
    Ok(())
}
