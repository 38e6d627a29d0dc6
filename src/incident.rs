//! Incidents and support requests (SPEC R9): what was asked or broke, who handles it, and the
//! clocks the team is judged by: response within 60 minutes, an ordinary fault restored within
//! an hour, a major one within 24 hours (configurable under `sla:`).

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The request types of the service contract.
pub const KINDS: [&str; 6] = ["咨询", "故障", "专项任务", "数据统计", "投诉", "表扬"];
/// Severities, mildest first.
pub const SEVERITIES: [&str; 4] = ["一般", "较大", "重大", "特别重大"];

/// The analysis a fault brief (故障处理简报) gives, in its order: the update event that records
/// each part (`znode incident review`) and its heading.
pub const ANALYSIS: [(&str, &str); 6] = [
    ("impact", "现象及影响范围"),
    ("cause", "原因分析"),
    ("measures", "处置措施"),
    ("cleanup", "清理现场"),
    ("prevention", "整改和预防措施"),
    ("notice", "通报情况"),
];

/// Service-level clocks (`sla:` in the config).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// Time to the first response (acknowledgement).
    #[serde(default = "response", with = "crate::core::duration::required")]
    pub response: Duration,
    /// Time to restore service, per fault severity.
    #[serde(default = "restore", deserialize_with = "durations")]
    pub restore: BTreeMap<String, Duration>,
}

fn response() -> Duration {
    Duration::from_secs(3600)
}

fn restore() -> BTreeMap<String, Duration> {
    [
        ("一般".to_owned(), Duration::from_secs(3600)),
        ("较大".to_owned(), Duration::from_secs(4 * 3600)),
        ("重大".to_owned(), Duration::from_secs(24 * 3600)),
        ("特别重大".to_owned(), Duration::from_secs(24 * 3600)),
    ]
    .into()
}

fn durations<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, Duration>, D::Error> {
    let raw = BTreeMap::<String, String>::deserialize(d)?;
    let mut out = restore();
    for (k, v) in raw {
        if !SEVERITIES.contains(&k.as_str()) {
            return Err(serde::de::Error::custom(format!(
                "unknown severity `{k}`; one of: {}",
                SEVERITIES.join(", ")
            )));
        }
        let d = humantime::parse_duration(&v)
            .map_err(|e| serde::de::Error::custom(format!("`{v}`: {e}")))?;
        out.insert(k, d);
    }
    Ok(out)
}

impl Default for Sla {
    fn default() -> Self {
        Sla {
            response: response(),
            restore: restore(),
        }
    }
}

/// An incident as stored.
#[derive(Clone, Debug, Serialize)]
pub struct Incident {
    /// Id.
    pub id: i64,
    /// 咨询, 故障, 专项任务, 数据统计 or 投诉.
    pub kind: String,
    /// 一般 … 特别重大.
    pub severity: String,
    /// System id.
    pub system: Option<String>,
    /// One line.
    pub title: String,
    /// Who reported it.
    pub reporter: String,
    /// Who handles it.
    pub assignee: Option<String>,
    /// The check that opened it.
    pub source_check: Option<String>,
    /// Opened, epoch ms.
    pub opened_at: i64,
    /// First response.
    pub acked_at: Option<i64>,
    /// Service restored.
    pub restored_at: Option<i64>,
    /// Closed.
    pub closed_at: Option<i64>,
}

/// Where an incident stands against its clocks.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Clocks {
    /// Minutes to the response, or so far.
    pub response_min: i64,
    /// Whether the response is (or already is) late.
    pub response_breached: bool,
    /// Minutes to restoration (faults only), or so far.
    pub restore_min: Option<i64>,
    /// Whether restoration is (or already is) late.
    pub restore_breached: bool,
}

impl Incident {
    /// The state in words.
    pub fn state(&self) -> &'static str {
        if self.closed_at.is_some() {
            "closed"
        } else if self.restored_at.is_some() {
            "restored"
        } else if self.acked_at.is_some() {
            "acknowledged"
        } else {
            "open"
        }
    }

    /// The state as the bureau's documents and the team's tables say it.
    pub fn state_zh(&self) -> &'static str {
        match self.state() {
            "closed" => "已关闭",
            "restored" => "已恢复",
            "acknowledged" => "处理中",
            _ => "待响应",
        }
    }

    /// The incident as it stood at `t` (epoch ms): later events not yet happened.
    pub fn as_of(&self, t: i64) -> Incident {
        let before = |x: Option<i64>| x.filter(|x| *x <= t);
        Incident {
            acked_at: before(self.acked_at),
            restored_at: before(self.restored_at),
            closed_at: before(self.closed_at),
            ..self.clone()
        }
    }

    /// The clocks at `now` (epoch ms).
    pub fn clocks(&self, sla: &Sla, now: i64) -> Clocks {
        let minutes = |until: Option<i64>| (until.unwrap_or(now) - self.opened_at).max(0) / 60_000;
        let response_min = minutes(self.acked_at);
        let fault = self.kind == "故障";
        let limit = sla
            .restore
            .get(&self.severity)
            .copied()
            .unwrap_or(Duration::from_secs(24 * 3600));
        let restore_min = fault.then(|| minutes(self.restored_at.or(self.closed_at)));
        Clocks {
            response_min,
            response_breached: response_min * 60 > sla.response.as_secs() as i64,
            restore_min,
            restore_breached: restore_min.is_some_and(|m| m * 60 > limit.as_secs() as i64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inc(kind: &str, severity: &str, ack: Option<i64>, restored: Option<i64>) -> Incident {
        Incident {
            id: 1,
            kind: kind.into(),
            severity: severity.into(),
            system: None,
            title: "t".into(),
            reporter: "r".into(),
            assignee: None,
            source_check: None,
            opened_at: 0,
            acked_at: ack,
            restored_at: restored,
            closed_at: None,
        }
    }

    #[test]
    fn clocks_follow_the_contract() {
        let sla = Sla::default();
        let min = 60_000;
        // Answered in 45 minutes, restored in 50: within both.
        let c = inc("故障", "一般", Some(45 * min), Some(50 * min)).clocks(&sla, 999 * min);
        assert_eq!(
            (c.response_breached, c.restore_breached, c.restore_min),
            (false, false, Some(50))
        );
        // An ordinary fault restored after 90 minutes is late; a major one is not.
        assert!(
            inc("故障", "一般", Some(min), Some(90 * min))
                .clocks(&sla, 0)
                .restore_breached
        );
        assert!(
            !inc("故障", "重大", Some(min), Some(90 * min))
                .clocks(&sla, 0)
                .restore_breached
        );
        // Still unanswered after 61 minutes: late already. A question has no restore clock.
        let c = inc("咨询", "一般", None, None).clocks(&sla, 61 * min);
        assert!(c.response_breached && c.restore_min.is_none());
    }
}
