//! Turns what a probe saw into an [`Outcome`]: thresholds, failed expectations and waivers are
//! judged here and only here.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::catalog::CheckSpec;
use crate::core::outcome::{Metric, Outcome, Status, WaiverNote};
use crate::core::text::{Text, metric_name};
use crate::core::threshold::Thresholds;
use crate::probe::{Observation, ProbeError};
use crate::text;

/// The thresholds that apply to a metric name: the check's own, else the config's
/// `kind.metric` defaults, else the probe's built-in ones.
pub fn thresholds_for(
    spec: &CheckSpec,
    defaults: &BTreeMap<String, Thresholds>,
    metric: &str,
) -> Thresholds {
    if let Some(t) = spec.thresholds.get(metric) {
        return t.clone();
    }
    if let Some(t) = defaults.get(&format!("{}.{metric}", spec.probe.kind())) {
        return t.clone();
    }
    spec.probe
        .default_thresholds()
        .iter()
        .find(|(name, _, _)| *name == metric)
        .map(|(_, w, c)| Thresholds::parse(*w, *c))
        .unwrap_or_default()
}

/// What one attempt came to, before retries and waivers are considered.
pub struct Verdict {
    /// The status.
    pub status: Status,
    /// The one-line reason.
    pub summary: Text,
    /// The observation (empty metrics when the probe failed).
    pub observation: Observation,
    /// The key of the metric shown as the check's value.
    pub primary: Option<String>,
}

/// Judges one attempt.
pub fn judge(
    spec: &CheckSpec,
    defaults: &BTreeMap<String, Thresholds>,
    result: Result<Observation, ProbeError>,
) -> Verdict {
    let obs = match result {
        Ok(o) => o,
        Err(e) => {
            return Verdict {
                status: e.status,
                summary: e.message,
                observation: Observation::default(),
                primary: None,
            };
        }
    };
    let mut reasons: Vec<(Status, Text)> = obs.failures.clone();
    let mut primary: Option<(Status, f64, String)> = None;
    for m in &obs.metrics {
        let t = thresholds_for(spec, defaults, &m.name);
        let judged = t.judge(m.value);
        if let Some((st, breach)) = &judged {
            let (zname, value) = (metric_name(&m.name), m.display_value());
            reasons.push((
                *st,
                match &m.label {
                    Some(l) => text!(
                        "{l} {zname} {value} {breach}",
                        "{ename} {value} on {l} {breach}",
                        l = l,
                        zname = zname,
                        ename = m.name,
                        value = value,
                        breach = breach,
                    ),
                    None => text!(
                        "{zname} {value} {breach}",
                        "{ename} {value} {breach}",
                        zname = zname,
                        ename = m.name,
                        value = value,
                        breach = breach,
                    ),
                },
            ));
        }
        if spec.probe.primary() == Some(m.name.as_str()) {
            let st = judged.map(|j| j.0).unwrap_or(Status::Ok);
            // Of several labelled values (mounts), show the worst, then the largest.
            let better = primary
                .as_ref()
                .is_none_or(|(ps, pv, _)| (st, m.value) > (*ps, *pv));
            if better {
                primary = Some((st, m.value, m.key()));
            }
        }
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    let status = Status::worst(reasons.iter().map(|r| r.0));
    let breached = reasons.len() > obs.failures.len();
    let summary = if reasons.is_empty() {
        obs.summary.clone()
    } else {
        let parts: Vec<Text> = reasons.iter().map(|r| r.1.clone()).collect();
        let why = Text::join(&parts, "；", "; ");
        // A threshold names only a number; what the probe saw says where it is.
        if breached && !obs.summary.is_empty() {
            text!(
                "{why}（{seen}）",
                "{why} ({seen})",
                why = why,
                seen = obs.summary,
            )
        } else {
            why
        }
    };
    Verdict {
        status,
        summary,
        observation: obs,
        primary: primary.map(|p| p.2),
    }
}

/// Judges the metrics a check names in `baseline:` against its recent values (`past`, one
/// list of metrics per earlier outcome): a value outside the median ± k·MAD band is a WARN,
/// added to the observation's failures. Too little history judges nothing.
pub fn against_baseline(spec: &CheckSpec, obs: &mut Observation, past: Option<&Vec<Vec<Metric>>>) {
    let (Some(b), Some(past)) = (&spec.baseline, past) else {
        return;
    };
    let mut found = Vec::new();
    for m in obs.metrics.iter().filter(|m| b.metrics.contains(&m.name)) {
        let values: Vec<f64> = past
            .iter()
            .filter_map(|ms| {
                ms.iter()
                    .find(|p| p.name == m.name && p.label == m.label)
                    .map(|p| p.value)
            })
            .collect();
        let Some((median, width)) = crate::core::threshold::baseline_band(&values, b.k, b.min_runs)
        else {
            continue;
        };
        if (m.value - median).abs() > width {
            let what = match &m.label {
                Some(l) => format!("{l} {}", m.name),
                None => m.name.clone(),
            };
            found.push((
                Status::Warn,
                text!(
                    "{what} 为 {v}，偏离近 {days} 天基线 {median} ± {width:.1}（{n} 次）",
                    "{what} is {v}, off its {days}-day baseline {median} ± {width:.1} ({n} runs)",
                    what = what,
                    v = m.display_value(),
                    days = b.days,
                    median = median,
                    width = width,
                    n = values.len(),
                ),
            ));
        }
    }
    obs.failures.extend(found);
}

/// Builds the final outcome from the last attempt.
pub fn outcome(
    spec: &CheckSpec,
    v: Verdict,
    duration: Duration,
    attempts: u32,
    today: chrono::NaiveDate,
) -> Outcome {
    let flaky = attempts > 1 && v.status == Status::Ok;
    let waiver = spec
        .waiver
        .as_ref()
        .filter(|_| v.status != Status::Ok)
        .map(|w| WaiverNote {
            reason: w.reason.clone(),
            expires: w.expires.to_string(),
            expired: today > w.expires,
        });
    let mut summary = v.summary;
    if flaky {
        summary = text!(
            "第 {attempts} 次尝试通过：{summary}",
            "passed on attempt {attempts}: {summary}",
            attempts = attempts,
            summary = summary,
        );
    }
    if let Some(w) = &waiver {
        summary = if w.expired {
            text!(
                "{summary}（豁免已于 {expires} 到期）",
                "{summary} (waiver expired {expires})",
                summary = summary,
                expires = w.expires,
            )
        } else {
            text!(
                "{summary}（已豁免至 {expires}：{reason}）",
                "{summary} (waived until {expires}: {reason})",
                summary = summary,
                expires = w.expires,
                reason = w.reason,
            )
        };
    }
    Outcome {
        check: spec.id.clone(),
        host: None,
        unreached: false,
        status: v.status,
        summary_en: if summary.en == summary.zh {
            String::new()
        } else {
            summary.en
        },
        summary: summary.zh,
        metrics: v.observation.metrics,
        primary: v.primary,
        evidence: v.observation.evidence,
        facts: v.observation.facts,
        detail: v.observation.detail,
        // Whole milliseconds, as the history keeps it, so a live run and its replay print alike.
        duration: Duration::from_millis(duration.as_millis() as u64),
        attempts,
        flaky,
        waiver,
    }
}
