//! Prometheus text exposition format, for node_exporter's textfile collector or a push gateway.

use std::io::{self, Write};

use super::RunReport;
use crate::core::outcome::Status;

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The labels every series of an outcome carries: stable across runs (never a run id, which
/// would make a new series each run), so a check on a host is one series over time.
fn labels(r: &RunReport, o: &crate::core::outcome::Outcome) -> String {
    format!(
        "node=\"{}\",host=\"{}\",check=\"{}\"",
        esc(&r.run.node),
        esc(o.host.as_deref().unwrap_or(crate::fleet::LOCAL)),
        esc(&o.check)
    )
}

/// Renders one run.
pub(super) fn render_run(r: &RunReport, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "# HELP znode_check_status Check status after waivers, as a Nagios code: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN."
    )?;
    writeln!(w, "# TYPE znode_check_status gauge")?;
    for row in &r.rows {
        let o = &row.outcome;
        writeln!(
            w,
            "znode_check_status{{{},category=\"{}\",system=\"{}\",kind=\"{}\"}} {}",
            labels(r, o),
            esc(row.info.category.zh()),
            esc(row.info.system.as_deref().unwrap_or("")),
            esc(&row.info.kind),
            o.effective_status().exit_code()
        )?;
    }
    writeln!(
        w,
        "# HELP znode_check_duration_seconds Time the check's last attempt took."
    )?;
    writeln!(w, "# TYPE znode_check_duration_seconds gauge")?;
    for row in &r.rows {
        writeln!(
            w,
            "znode_check_duration_seconds{{{}}} {}",
            labels(r, &row.outcome),
            row.outcome.duration.as_secs_f64()
        )?;
    }
    writeln!(
        w,
        "# HELP znode_check_metric A value a probe measured; unit as in the unit label."
    )?;
    writeln!(w, "# TYPE znode_check_metric gauge")?;
    for row in &r.rows {
        for m in &row.outcome.metrics {
            writeln!(
                w,
                "znode_check_metric{{{},metric=\"{}\",label=\"{}\",unit=\"{}\"}} {}",
                labels(r, &row.outcome),
                esc(&m.name),
                esc(m.label.as_deref().unwrap_or("")),
                esc(&m.unit),
                m.value
            )?;
        }
    }
    let s = r.summary();
    writeln!(
        w,
        "# HELP znode_run_checks Checks of the run by effective status."
    )?;
    writeln!(w, "# TYPE znode_run_checks gauge")?;
    for (st, n) in [
        (Status::Ok, s.ok),
        (Status::Warn, s.warn),
        (Status::Crit, s.crit),
        (Status::Unknown, s.unknown),
    ] {
        writeln!(
            w,
            "znode_run_checks{{status=\"{}\"}} {n}",
            st.as_str().to_lowercase()
        )?;
    }
    writeln!(
        w,
        "# HELP znode_run_status Result of the run as a Nagios code."
    )?;
    writeln!(w, "# TYPE znode_run_status gauge")?;
    writeln!(
        w,
        "znode_run_status{{node=\"{}\",run=\"{}\"}} {}",
        esc(&r.run.node),
        r.run.id,
        r.status().exit_code()
    )?;
    writeln!(
        w,
        "# HELP znode_run_timestamp_seconds When the run started."
    )?;
    writeln!(w, "# TYPE znode_run_timestamp_seconds gauge")?;
    writeln!(
        w,
        "znode_run_timestamp_seconds {}",
        r.run.started_at as f64 / 1000.0
    )
}
