//! `swap`: used swap in %; a host without swap reports 0%.

use crate::text;
use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::outcome::Metric;

/// Parameters: none.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Swap {}

impl Probe for Swap {
    const KIND: &'static str = "swap";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("used_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("used_pct", Some("50"), Some("80"))]
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        blocking(|| {
            let m = procfs::meminfo()?;
            let total = procfs::mem_field(&m, "SwapTotal")?;
            let free = procfs::mem_field(&m, "SwapFree")?;
            let used = total - free;
            let pct = if total > 0.0 {
                100.0 * used / total
            } else {
                0.0
            };
            let summary = if total > 0.0 {
                text!(
                    "交换区已用 {pct:.1}%（共 {total}）",
                    "swap {pct:.1}% used of {total}",
                    pct = pct,
                    total = crate::core::outcome::format_value(total, "B"),
                )
            } else {
                text!("未配置交换区", "no swap configured")
            };
            Ok(Observation::new(summary)
                .metric(Metric::new("used_pct", pct, "%"))
                .metric(Metric::new("used_bytes", used, "B")))
        })
        .await
    }
}
