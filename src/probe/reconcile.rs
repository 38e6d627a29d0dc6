//! `reconcile`: a nightly 数据交换对账 as a check: the check's target table against the same
//! table on another target (the province's side or the 前置机), by the bisection diff of
//! `znode data diff`. Measures the keys extra on the target (多), missing from it (少) and
//! different (不一致); any difference is a WARN unless ranges say otherwise.

use serde::Deserialize;

use super::sql::with_credentials;
use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::Metric;
use crate::data::diff::{self, Options, Side};
use crate::data::rule::Columns;
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconcile {
    /// The table on the check's target.
    table: String,
    /// The side it must match: another target and its table.
    source: SourceSide,
    /// The integer key column (default `id`).
    #[serde(default = "id")]
    key: String,
    /// Columns compared besides the key; every common column when unset.
    #[serde(default)]
    columns: Option<Columns>,
    /// Sessions per side (default 2: a nightly check shares the databases with their users).
    #[serde(default = "two")]
    jobs: usize,
}

/// `source: { target, table }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceSide {
    target: String,
    table: Option<String>,
}

fn id() -> String {
    "id".into()
}

fn two() -> usize {
    2
}

impl Probe for Reconcile {
    const KIND: &'static str = "reconcile";
    const PLACE: super::Place = super::Place::Network;

    fn primary(&self) -> Option<&'static str> {
        Some("differences")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("differences", Some("0"), None)]
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        let schemes = super::Needs::Dsn(super::DATABASES);
        super::require(
            Self::KIND,
            target,
            schemes,
            "dsn: mysql://reader@10.1.2.4:3306/frk",
        )?;
        let Some(source) = settings.targets.get(&self.source.target) else {
            return Err(Invalid::new(
                format!(
                    "`source.target` names `{}`, which is not a target",
                    self.source.target
                ),
                format!(
                    "name one of: {}",
                    settings
                        .targets
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        };
        if source
            .dsn()
            .and_then(crate::data::dialect::Dialect::of)
            .is_none()
        {
            return Err(Invalid::new(
                format!(
                    "source target `{}` has no postgres:// or mysql:// dsn",
                    self.source.target
                ),
                "the reconcile probe compares two databases",
            ));
        }
        if self.jobs == 0 {
            return Err(Invalid::new("`jobs` must be at least 1", "e.g. `jobs: 2`"));
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let source = cx
            .targets
            .get(&self.source.target)
            .ok_or_else(|| ProbeError::unknown(format!("no target `{}`", self.source.target)))?;
        let side = |t: &crate::core::target::Target, name: &str, table: &str| {
            Ok::<_, ProbeError>(Side {
                url: with_credentials(t.dsn().unwrap_or_default(), t)?,
                label: name.to_owned(),
                table: table.to_owned(),
            })
        };
        let a = side(
            source,
            &self.source.target,
            self.source.table.as_deref().unwrap_or(&self.table),
        )?;
        let b = side(target, &target.name, &self.table)?;
        let opt = Options {
            key: self.key.clone(),
            columns: self.columns.clone().map(|c| c.0).unwrap_or_default(),
            jobs: self.jobs,
            statement_timeout: cx.timeout,
            list: 100,
            ..Options::default()
        };
        let secrets: Vec<_> = [source, target]
            .iter()
            .filter_map(|t| t.password.clone())
            .collect();
        let r = diff::diff(&a, &b, &opt).await.map_err(|e| {
            let mut err = if e.side.is_some() {
                ProbeError::down(e.message)
            } else {
                ProbeError::unknown(e.message)
            };
            for s in &secrets {
                err = super::sql::redact(err, s);
            }
            err
        })?;
        let differences = r.extra_count + r.missing_count + r.different_count;
        let mut obs = Observation::default()
            .metric(Metric::new("differences", differences as f64, ""))
            .metric(Metric::new("extra", r.extra_count as f64, ""))
            .metric(Metric::new("missing", r.missing_count as f64, ""))
            .metric(Metric::new("different", r.different_count as f64, ""))
            .metric(Metric::new("source_rows", r.source_rows as f64, ""))
            .metric(Metric::new("target_rows", r.target_rows as f64, ""));
        obs.summary = text!(
            "对账 {src} → {dst}：源 {a} 行，目标 {b} 行；多 {x}，少 {m}，不一致 {d}（用时 {s:.1} s）",
            "reconciled {src} → {dst}: {a} source rows, {b} target rows; {x} extra, {m} missing, {d} different ({s:.1} s)",
            src = r.source,
            dst = r.target,
            a = r.source_rows,
            b = r.target_rows,
            x = r.extra_count,
            m = r.missing_count,
            d = r.different_count,
            s = r.seconds,
        );
        for (word, keys, n) in [
            ("多", &r.extra, r.extra_count),
            ("少", &r.missing, r.missing_count),
            ("不一致", &r.different, r.different_count),
        ] {
            if n > 0 {
                let shown: Vec<&str> = keys.iter().take(20).map(String::as_str).collect();
                obs.evidence.push(format!(
                    "{word} {n}：{}={}{}",
                    r.key,
                    shown.join(", "),
                    if n > 20 { " …" } else { "" }
                ));
            }
        }
        obs.evidence.extend(r.warnings.iter().map(|w| w.zh.clone()));
        obs.detail = serde_json::to_value(&r).ok();
        Ok(obs)
    }
}
