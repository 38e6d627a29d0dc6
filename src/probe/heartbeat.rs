//! `heartbeat`: a host that pushes its own outcomes into the shared store (a 前置机 the jump
//! host cannot reach) has reported recently enough. Made by the catalog for each inventory host
//! with `push:`, not written in check files.

use crate::text;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heartbeat {
    /// The inventory host.
    host: String,
    /// How often it is expected to report.
    #[serde(with = "crate::core::duration::required")]
    every: Duration,
}

impl Heartbeat {
    /// The heartbeat of `host`, expected every `every`.
    pub fn new(host: &str, every: Duration) -> Heartbeat {
        Heartbeat {
            host: host.to_owned(),
            every,
        }
    }
}

impl Probe for Heartbeat {
    const KIND: &'static str = "heartbeat";
    const PLACE: super::Place = super::Place::Node;

    fn primary(&self) -> Option<&'static str> {
        Some("age")
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let every = crate::core::text::duration(self.every);
        let Some(&last) = cx.shared.last_seen.get(&self.host) else {
            return Err(ProbeError::down(text!(
                "主机 {host} 从未上报（应每 {every} 上报一次）",
                "host {host} never reported (expected every {every}: run `znode inspect` on it with the shared store)",
                host = self.host,
                every = every,
            )));
        };
        let age_ms = (crate::core::clock::now_ms() - last).max(0);
        let age = Duration::from_secs((age_ms / 1000) as u64);
        let shown = crate::core::text::duration(age);
        let mut obs = Observation::new(text!(
            "最近一次上报在 {shown}前（应每 {every}）",
            "last report {shown} ago (expected every {every})",
            shown = shown,
            every = every,
        ))
        .metric(Metric::new("age", age.as_secs_f64(), "s"));
        obs.evidence.push(format!(
            "最近一次结果写入于 {}",
            crate::core::clock::local_time(last, cx.settings.timezone, "%Y-%m-%d %H:%M:%S")
        ));
        // One interval late is a warning (a timer that slipped); two is a host that stopped.
        if age > self.every * 2 {
            obs.fail(
                Status::Crit,
                text!(
                    "主机 {host} 未按时上报：{shown}未上报（应每 {every}）",
                    "host {host} is overdue: no report for {shown} (expected every {every})",
                    host = self.host,
                    shown = shown,
                    every = every,
                ),
            );
        } else if age > self.every {
            obs.fail(
                Status::Warn,
                text!(
                    "主机 {host} 上报延迟：{shown}未上报（应每 {every}）",
                    "host {host} is late: no report for {shown} (expected every {every})",
                    host = self.host,
                    shown = shown,
                    every = every,
                ),
            );
        }
        Ok(obs)
    }
}
