//! `clock`: the host's clock. On a host the jump host inspects, its offset from the jump host's
//! clock (measured over the agent's round trip, as NTP does, to within half of it); everywhere,
//! whether the kernel holds it synchronized (an NTP or chrony daemon disciplining it) and the
//! kernel's bound on its error.

use crate::text;
use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::outcome::Metric;

/// Parameters: none.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clock {}

impl Probe for Clock {
    const KIND: &'static str = "clock";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("offset")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("offset", Some("-1:1"), Some("-5:5")),
            ("synced", Some("1:"), None),
        ]
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        // SAFETY: adjtimex with modes 0 only reads the kernel's clock state into the struct.
        let (state, tx) = unsafe {
            let mut tx: libc::timex = std::mem::zeroed();
            (libc::adjtimex(&mut tx), tx)
        };
        if state < 0 {
            return Err(ProbeError::unknown(text!(
                "无法读取系统时钟状态：{why}",
                "adjtimex: {why}",
                why = crate::core::net::io_error(&std::io::Error::last_os_error()),
            )));
        }
        let synced = tx.status & libc::STA_UNSYNC == 0 && state != libc::TIME_ERROR;
        let max_error = tx.maxerror as f64 / 1e6;
        let mut obs = Observation::new(if synced {
            text!(
                "时钟已同步（误差不超过 {e:.3} 秒）",
                "clock synchronized (error at most {e:.3} s)",
                e = max_error,
            )
        } else {
            text!(
                "时钟未同步（没有 NTP 或 chrony 校时）",
                "clock not synchronized (no NTP or chrony disciplining it)"
            )
        })
        .metric(Metric::new("synced", if synced { 1.0 } else { 0.0 }, ""))
        .metric(Metric::new("max_error", max_error, "s"));
        if let Some(ms) = cx.shared.clock_offset_ms {
            let s = ms as f64 / 1000.0;
            obs.metrics.push(Metric::new("offset", s, "s"));
            obs.summary = text!(
                "与跳板机时钟相差 {s:+.3} 秒；{rest}",
                "{s:+.3} s from the jump host's clock; {rest}",
                s = s,
                rest = obs.summary,
            );
        }
        Ok(obs)
    }
}
