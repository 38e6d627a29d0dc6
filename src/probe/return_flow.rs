//! `return_flow`: 省级回流数据量核验. The province's manifest (a CSV or JSON file, or an HTTP
//! endpoint) lists per batch or per day how many rows of a table it sent back; the rows that
//! landed in the check's table are counted the same way and compared, with a tolerance and a
//! lateness window. Missing batches are named.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Deserialize;

use super::sql::{connect_err, query_err, redact, with_credentials};
use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::Metric;
use crate::data::db::Db;
use crate::data::dialect::Dialect;
use crate::data::manifest::{self, State, Tolerance};
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnFlow {
    /// The table the returned rows land in, on the check's target.
    table: String,
    /// The manifest: a file (relative to the configuration) or an http(s):// URL.
    manifest: String,
    /// The manifest's name for this table, when it lists several (default: `table`).
    manifest_table: Option<String>,
    /// The column holding the batch number; rows are counted per batch.
    batch: Option<String>,
    /// The timestamp column; rows are counted per day (the manifest lists days).
    day: Option<String>,
    /// How far a landed count may be from the manifest's: rows (`10`) or percent (`0.5%`).
    #[serde(default)]
    tolerance: Tolerance,
    /// How long after it was sent (for days, after the day ends) a batch may still be landing.
    #[serde(default, with = "crate::core::duration::opt")]
    lateness: Option<Duration>,
    /// Manifest entries of the last this many days are checked (default 31).
    #[serde(default = "month")]
    days: u32,
}

fn month() -> u32 {
    31
}

impl Probe for ReturnFlow {
    const KIND: &'static str = "return_flow";
    const PLACE: super::Place = super::Place::Network;

    fn primary(&self) -> Option<&'static str> {
        Some("missing_batches")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("missing_batches", None, Some("0")),
            ("mismatched_batches", Some("0"), None),
        ]
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
            "dsn: postgres://reader@10.1.2.3:5432/ods",
        )?;
        match (&self.batch, &self.day) {
            (Some(_), None) | (None, Some(_)) => Ok(()),
            _ => Err(Invalid::new(
                "the return_flow probe counts rows either per batch or per day",
                "set `batch: <batch column>` or `day: <timestamp column>`, not both",
            )),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let text_of_manifest = self.read_manifest(cx).await?;
        let parsed = manifest::parse(&text_of_manifest).map_err(|e| {
            ProbeError::unknown(text!(
                "回流清单 {m} 无法读取：{e}",
                "manifest {m}: {e}",
                m = self.manifest,
                e = e,
            ))
        })?;
        let parsed = if self.day.is_some() {
            manifest::by_day(parsed)
        } else {
            parsed
        };
        let tz = cx.settings.timezone;
        let now = chrono::Utc::now().with_timezone(&tz).naive_local();
        let since = (now.date() - chrono::Duration::days(i64::from(self.days)))
            .format("%Y-%m-%d")
            .to_string();
        let wanted = self.manifest_table.as_deref().unwrap_or(&self.table);
        let entries: Vec<manifest::Entry> = parsed
            .into_iter()
            .filter(|e| e.table.as_deref().is_none_or(|t| t == wanted))
            .filter(|e| self.batch.is_some() || e.batch >= since)
            .collect();
        if entries.is_empty() {
            return Err(ProbeError::unknown(text!(
                "回流清单 {m} 中没有表 {t} 近 {d} 天的记录",
                "manifest {m} lists nothing for table {t} in the last {d} days",
                m = self.manifest,
                t = wanted,
                d = self.days,
            )));
        }
        let landed = self.landed(cx, &entries).await?;
        let report = manifest::compare(
            &entries,
            &landed,
            self.tolerance,
            self.lateness.unwrap_or_default(),
            now,
            self.day.is_some(),
        );
        let mut obs = Observation::default();
        let (missing, mismatched, pending) = (
            report.count(State::Missing),
            report.count(State::Mismatched),
            report.count(State::Pending),
        );
        obs.metrics.extend([
            Metric::new("missing_batches", missing as f64, ""),
            Metric::new("mismatched_batches", mismatched as f64, ""),
            Metric::new("pending_batches", pending as f64, ""),
            Metric::new("expected_rows", report.expected_rows as f64, ""),
            Metric::new("landed_rows", report.landed_rows as f64, ""),
        ]);
        obs.summary = text!(
            "回流 {n} 个批次：应到 {e} 行，实到 {l} 行；缺失 {missing}，数量不符 {mismatched}，待到达 {pending}",
            "{n} batches returned: {e} rows sent, {l} landed; {missing} missing, {mismatched} mismatched, {pending} pending",
            n = report.batches.len(),
            e = report.expected_rows,
            l = report.landed_rows,
            missing = missing,
            mismatched = mismatched,
            pending = pending,
        );
        let missing_names: Vec<&str> = report
            .batches
            .iter()
            .filter(|b| b.state == State::Missing)
            .map(|b| b.batch.as_str())
            .collect();
        if !missing_names.is_empty() {
            obs.evidence
                .push(format!("缺失批次：{}", missing_names.join(", ")));
        }
        obs.evidence.extend(
            report
                .batches
                .iter()
                .filter(|b| matches!(b.state, State::Mismatched | State::Pending))
                .map(|b| {
                    format!(
                        "{} {}：应到 {} 行，实到 {} 行",
                        b.state.zh(),
                        b.batch,
                        b.expected,
                        b.landed
                    )
                }),
        );
        obs.detail = serde_json::to_value(&report).ok();
        Ok(obs)
    }
}

impl ReturnFlow {
    async fn read_manifest(&self, cx: &ProbeContext<'_>) -> Result<String, ProbeError> {
        let m = &self.manifest;
        if m.starts_with("http://") || m.starts_with("https://") {
            let client = super::http::client_for(cx, Default::default())?;
            let resp = client
                .get(m)
                .timeout(cx.timeout)
                .send()
                .await
                .map_err(|e| super::http_down(m, &e))?;
            if !resp.status().is_success() {
                return Err(super::http_status(m, resp.status().as_u16()));
            }
            let bytes = resp.bytes().await.map_err(|e| super::http_down(m, &e))?;
            return crate::core::csv::decode(&bytes)
                .ok_or_else(|| ProbeError::unknown(format!("{m}: neither UTF-8 nor GBK text")));
        }
        let path = cx.settings.base_dir.join(m);
        let bytes = super::blocking(move || {
            std::fs::read(&path).map_err(|e| {
                ProbeError::unknown(text!(
                    "无法读取回流清单 {p}：{e}",
                    "cannot read manifest {p}: {e}",
                    p = path.display().to_string(),
                    e = e.to_string(),
                ))
            })
        })
        .await?;
        crate::core::csv::decode(&bytes)
            .ok_or_else(|| ProbeError::unknown(format!("{m}: neither UTF-8 nor GBK text")))
    }

    /// Rows landed per batch (or day) named in the manifest.
    async fn landed(
        &self,
        cx: &ProbeContext<'_>,
        entries: &[manifest::Entry],
    ) -> Result<BTreeMap<String, u64>, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let dsn = target.dsn().unwrap_or_default();
        let d = Dialect::of(dsn).ok_or_else(|| ProbeError::unknown("unsupported DSN"))?;
        let url = with_credentials(dsn, target)?;
        let secret = target.password.clone().unwrap_or_default();
        let sql = match (&self.batch, &self.day) {
            (Some(col), _) => {
                let c = d.ident(col);
                format!(
                    "SELECT {}, COUNT(*) FROM {} WHERE {} IN ({}) GROUP BY {c}",
                    d.text(&c),
                    d.ident(&self.table),
                    d.text(&c),
                    entries
                        .iter()
                        .map(|e| d.literal(&e.batch))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            (None, Some(col)) => {
                let c = d.ident(col);
                let first = entries.iter().map(|e| e.batch.as_str()).min().unwrap_or("");
                let day = d.day(&c);
                format!(
                    "SELECT {day}, COUNT(*) FROM {} WHERE {c} >= {} GROUP BY {day}",
                    d.ident(&self.table),
                    d.literal(first),
                )
            }
            (None, None) => return Err(ProbeError::unknown("set `batch` or `day`")),
        };
        let run = async {
            let mut conn = Db::connect(&url, d, cx.timeout)
                .await
                .map_err(connect_err)?;
            conn.set_time_zone(cx.settings.timezone)
                .await
                .map_err(connect_err)?;
            let rows = conn
                .rows(&sql)
                .await
                .map_err(query_err("counting landed rows"));
            conn.close().await;
            rows
        };
        let rows = run.await.map_err(|e| redact(e, &secret))?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let k = r.first()?.clone()?;
                let n = r.get(1)?.as_deref()?.parse().ok()?;
                Some((k, n))
            })
            .collect())
    }
}
