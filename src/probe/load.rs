//! `load`: load averages divided by the number of CPUs.

use crate::text;
use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::outcome::Metric;

/// Parameters: none.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Load {}

impl Probe for Load {
    const KIND: &'static str = "load";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("load5_per_core")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("load5_per_core", Some("1.5"), Some("3"))]
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        blocking(|| {
            let text = procfs::read("/proc/loadavg")?;
            let v: Vec<f64> = text
                .split_whitespace()
                .take(3)
                .filter_map(|x| x.parse().ok())
                .collect();
            if v.len() != 3 {
                return Err(ProbeError::unknown(text!(
                    "/proc/loadavg 格式无法识别",
                    "unexpected /proc/loadavg format"
                )));
            }
            let cores = procfs::cpu_count() as f64;
            let (l1, l5, l15) = (v[0], v[1], v[2]);
            Ok(Observation::new(text!(
                "负载 {l1:.2} {l5:.2} {l15:.2}（{cores} 核）",
                "load {l1:.2} {l5:.2} {l15:.2} on {cores} cores",
                l1 = l1,
                l5 = l5,
                l15 = l15,
                cores = cores,
            ))
            .metric(Metric::new("load1_per_core", v[0] / cores, ""))
            .metric(Metric::new("load5_per_core", v[1] / cores, ""))
            .metric(Metric::new("load15_per_core", v[2] / cores, ""))
            .metric(Metric::new("cores", cores, "")))
        })
        .await
    }
}
