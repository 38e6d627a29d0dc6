//! `data`: a base-library table's data quality (SPEC R8): row count, freshness, missing and
//! blank values, duplicate keys, validity (check digits of credit codes and ID numbers, mobile
//! numbers, dates, patterns, ranges, enumerations), references and outliers, each rule tagged
//! with its quality dimension and judged by its own ranges. The table's report (rules, column
//! profiles, masked samples) is kept in the history as the outcome's detail.

use std::time::Instant;

use serde::Deserialize;

use super::sql::{connect_err, db_error, redact, with_credentials};
use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::data::db::Db;
use crate::data::dialect::Dialect;
use crate::data::table::{TableError, TableReport, TableSpec};
use crate::text;

/// Parameters: the table and its rules.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct Data(TableSpec);

impl Probe for Data {
    const KIND: &'static str = "data";
    const PLACE: super::Place = super::Place::Network;

    fn primary(&self) -> Option<&'static str> {
        Some("rows")
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        super::require(
            Self::KIND,
            target,
            super::Needs::Dsn(super::DATABASES),
            "dsn: postgres://reader@10.1.2.3:5432/frk (or mysql://)",
        )?;
        if self.0.rules().next().is_none() && self.0.profile.is_none() {
            return Err(Invalid::new(
                format!(
                    "the data check on `{}` has neither `rules` nor `profile`",
                    self.0.table
                ),
                "add rules, e.g. `rules: [{ not_null: [uscc, name] }, { uscc: uscc }, { unique: uscc }]`, or `profile: all`",
            ));
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let dsn = target.dsn().unwrap_or_default();
        let dialect = Dialect::of(dsn).ok_or_else(|| ProbeError::unknown("unsupported DSN"))?;
        let url = with_credentials(dsn, target)?;
        let secret = target.password.clone().unwrap_or_default();
        let start = Instant::now();
        let run = async {
            let mut conn = Db::connect(&url, dialect, cx.timeout)
                .await
                .map_err(connect_err)?;
            conn.set_time_zone(cx.settings.timezone)
                .await
                .map_err(connect_err)?;
            let report = self.0.run(&mut conn).await;
            conn.close().await;
            report.map_err(table_error)
        };
        let report = run.await.map_err(|e| redact(e, &secret))?;
        Ok(observation(&report, start.elapsed().as_secs_f64()))
    }
}

fn table_error(e: TableError) -> ProbeError {
    match e {
        TableError::Schema(t) => ProbeError::unknown(t),
        TableError::Db { doing, error } => {
            let t = text!(
                "数据检查失败（{doing}）：{why}",
                "data check failed ({doing}): {why}",
                doing = doing,
                why = db_error(&error),
            );
            match error {
                sqlx::Error::Io(_) | sqlx::Error::Protocol(_) => ProbeError::down(t),
                _ => ProbeError::unknown(t),
            }
        }
    }
}

/// The outcome's view of a table report: metrics per rule, a failure per rule that is not
/// OK, samples as evidence, the report itself as detail.
fn observation(r: &TableReport, seconds: f64) -> Observation {
    // A table too large to count whole is its estimate (sampled or refused), never the
    // sample's count or a refused pass's zero.
    let rows = r.estimated_rows.unwrap_or(r.rows);
    let mut obs = Observation::default()
        .metric(Metric::new("rows", rows as f64, ""))
        .metric(Metric::new("query_time", seconds, "s"));
    if let Some(p) = r.sampled_pct {
        obs.metrics.push(Metric::new("sampled_pct", p, "%"));
    }
    // Column features as labelled metrics, so that `baseline:` can judge them against their
    // own history (nulls creeping up, distinct values collapsing, a mean drifting).
    // Features of a sample move from run to run with the sample: not fit for a baseline.
    for p in r.profile.iter().filter(|_| r.estimated_rows.is_none()) {
        let labelled = |name: &str, v: f64| {
            let mut m = Metric::new(name, v, "");
            m.label = Some(p.column.clone());
            m
        };
        obs.metrics.push(labelled("nulls", p.nulls as f64));
        if let Some(d) = p.distinct {
            obs.metrics.push(labelled("distinct", d as f64));
        }
        if let Some(m) = p.mean {
            obs.metrics.push(labelled("mean", m));
        }
    }
    let mut passed = 0;
    for rule in &r.rules {
        let mut m = Metric::new("failed", rule.failed as f64, "");
        m.label = Some(rule.name.clone());
        obs.metrics.push(m);
        if rule.status == Status::Ok {
            passed += 1;
            continue;
        }
        let pct = if rule.checked > 0 {
            format!("{:.2}%", 100.0 * rule.failed as f64 / rule.checked as f64)
        } else {
            String::new()
        };
        let reason = if rule.status == Status::Unknown {
            text!(
                "{name}（{dim}）{note}",
                "{name} ({dim_en}) {note}",
                name = rule.name,
                dim = rule.dimension.zh(),
                dim_en = rule.dimension.en(),
                note = rule.note,
            )
        } else {
            text!(
                "{name}（{dim}）不合格 {failed}/{checked} {pct}{sep}{note}",
                "{name} ({dim_en}) failed {failed}/{checked} {pct}{sep_en}{note}",
                name = rule.name,
                dim = rule.dimension.zh(),
                dim_en = rule.dimension.en(),
                failed = rule.failed,
                checked = rule.checked,
                pct = pct,
                sep = if rule.note.is_empty() { "" } else { "，" },
                sep_en = if rule.note.is_empty() { "" } else { ", " },
                note = rule.note,
            )
        };
        obs.fail(rule.status, reason);
        obs.evidence
            .extend(rule.samples.iter().map(|s| format!("{}：{s}", rule.name)));
    }
    let sampled = r
        .sampled_pct
        .map(|p| format!("（抽样 {p:.2}%）"))
        .unwrap_or_default();
    let sampled_en = r
        .sampled_pct
        .map(|p| format!(" (sampled {p:.2}%)"))
        .unwrap_or_default();
    obs.summary = text!(
        "表 {t} 共 {rows} 行{sampled}，{n} 条规则通过 {passed} 条，用时 {ms:.0} ms",
        "table {t}: {rows} rows{sampled_en}, {passed} of {n} rules passed in {ms:.0} ms",
        t = r.table,
        rows = rows,
        sampled = sampled,
        sampled_en = sampled_en,
        n = r.rules.len(),
        passed = passed,
        ms = seconds * 1000.0,
    );
    obs.detail = serde_json::to_value(r).ok();
    obs
}
