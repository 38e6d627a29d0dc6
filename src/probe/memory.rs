//! `memory`: used memory in % of total, counting reclaimable cache as available.

use crate::text;
use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::outcome::Metric;

/// Parameters: none.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Memory {}

impl Probe for Memory {
    const KIND: &'static str = "memory";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("used_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("used_pct", Some("90"), Some("95"))]
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        blocking(|| {
            let m = procfs::meminfo()?;
            let total = procfs::mem_field(&m, "MemTotal")?;
            let avail = procfs::mem_field(&m, "MemAvailable")?;
            let used_pct = if total > 0.0 {
                100.0 * (total - avail) / total
            } else {
                0.0
            };
            Ok(Observation::new(text!(
                "内存已用 {used_pct:.1}%（共 {total}）",
                "memory {used_pct:.1}% used of {total}",
                used_pct = used_pct,
                total = crate::core::outcome::format_value(total, "B"),
            ))
            .metric(Metric::new("used_pct", used_pct, "%"))
            .metric(Metric::new("available_bytes", avail, "B"))
            .metric(Metric::new("total_bytes", total, "B")))
        })
        .await
    }
}
