//! `cpu`: CPU busy % and iowait % over a short sampling interval.

use crate::text;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::outcome::Metric;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cpu {
    /// How long to sample (default 1s; must be shorter than the timeout).
    #[serde(default, with = "crate::core::duration::opt")]
    sample: Option<Duration>,
}

impl Probe for Cpu {
    const KIND: &'static str = "cpu";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("busy_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("busy_pct", Some("85"), Some("95")),
            ("iowait_pct", Some("20"), Some("40")),
        ]
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), crate::core::error::Invalid> {
        // Two readings of the same instant differ by nothing: busy would read as 100%.
        match self.sample {
            Some(s) if s < Duration::from_millis(100) => Err(crate::core::error::Invalid::new(
                format!(
                    "`sample` {} is too short to measure the CPU",
                    humantime::format_duration(s)
                ),
                "sample for at least 100ms; the default is 1s",
            )),
            _ => Ok(()),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let sample = self
            .sample
            .unwrap_or(Duration::from_secs(1))
            .min(cx.timeout / 2);
        let (t0, i0, w0) = blocking(procfs::cpu_times).await?;
        tokio::time::sleep(sample).await;
        let (t1, i1, w1) = blocking(procfs::cpu_times).await?;
        let dt = t1.saturating_sub(t0).max(1) as f64;
        let busy = 100.0 * (1.0 - i1.saturating_sub(i0) as f64 / dt);
        let iowait = 100.0 * w1.saturating_sub(w0) as f64 / dt;
        Ok(Observation::new(text!(
            "CPU 使用率 {busy:.1}%，I/O 等待 {iowait:.1}%（采样 {over}）",
            "CPU {busy:.1}% busy, iowait {iowait:.1}% over {over}",
            busy = busy,
            iowait = iowait,
            over = crate::core::text::duration(sample),
        ))
        .metric(Metric::new("busy_pct", busy, "%"))
        .metric(Metric::new("iowait_pct", iowait, "%")))
    }
}
