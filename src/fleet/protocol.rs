//! What the jump host and the agent on a host say to each other: one [`AgentPlan`] as a JSON
//! line on the agent's stdin, then [`AgentLine`]s as JSON lines on its stdout. A host-level
//! probe runs the same code on the host as it would here; only this travels.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::outcome::Outcome;
use crate::core::threshold::Thresholds;

/// The protocol's version; an agent that speaks another answers with [`AgentLine::Refused`].
/// 2: log and backup checks, with the state they carry between runs.
pub const PROTOCOL: u32 = 2;

/// The checks one host runs, with the settings they are judged by.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AgentPlan {
    /// [`PROTOCOL`] of the sender.
    pub protocol: u32,
    /// The host's id in the inventory, for the agent's messages.
    pub host: String,
    /// IANA timezone the dates of waivers are judged in.
    pub timezone: String,
    /// Checks run at once on the host.
    pub jobs: usize,
    /// `defaults.thresholds` of the node (`kind.metric`).
    pub default_thresholds: BTreeMap<String, Thresholds>,
    /// The checks.
    pub checks: Vec<AgentCheck>,
    /// What log and backup checks read besides their parameters.
    #[serde(default)]
    pub state: AgentState,
    /// The jump host's clock when it sent the plan (epoch ms), sent only once the agent's
    /// hello arrived: with the hello's own time this gives the host's clock offset.
    #[serde(default)]
    pub sent_at_ms: i64,
}

/// The configuration and stored state that log and backup checks on a host need: the
/// declarations as written (the agent reads them as `config check` did here) and what the
/// store remembers of this host.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AgentState {
    /// `logs.sources` entries the checks name, as written.
    #[serde(default)]
    pub log_sources: Vec<serde_json::Value>,
    /// The config's own `logs.rules`, as written; the agent merges them with its shipped ones.
    #[serde(default)]
    pub log_rules: Vec<serde_json::Value>,
    /// `backups` policies the checks name, as written.
    #[serde(default)]
    pub backups: Vec<serde_json::Value>,
    /// Read logs from where the last incremental run on this host stopped.
    #[serde(default)]
    pub incremental: bool,
    /// This host's incremental cursors.
    #[serde(default)]
    pub cursors: Vec<crate::logs::cursor::Stored>,
    /// Values `new:` audit rules have seen on this host before, per `source/rule`.
    #[serde(default)]
    pub known: BTreeMap<String, Vec<String>>,
    /// The key of the hashes standing in for secrets in configuration snapshots (base64), so a
    /// secret hashes alike on every host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash_key: Option<String>,
    /// This host's accepted configuration baselines, by drift check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_baselines: Option<BTreeMap<String, crate::drift::snapshot::Snapshot>>,
}

/// One check as the agent needs it: what to observe and how to judge it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AgentCheck {
    /// Check id.
    pub id: String,
    /// The probe mapping as written in the check file (`kind` and its parameters).
    pub probe: serde_json::Value,
    /// The check's thresholds per metric.
    pub thresholds: BTreeMap<String, Thresholds>,
    /// Per-attempt timeout in milliseconds.
    pub timeout_ms: u64,
    /// Retries after a failed attempt.
    pub retries: u32,
    /// An accepted finding: reason and last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<(String, chrono::NaiveDate)>,
}

/// One line of the agent's answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentLine {
    /// First line: who answers.
    Hello {
        /// The agent's znode version.
        version: String,
        /// Its [`PROTOCOL`].
        protocol: u32,
        /// The host's own name (`uname -n`).
        hostname: String,
        /// The host's clock, epoch milliseconds, for the clock offset.
        now_ms: i64,
    },
    /// A check is done.
    Outcome(Box<Outcome>),
    /// What the log checks learned; sent before `Done` when every check finished.
    Learned(Box<crate::logs::Learned>),
    /// Every check is done (or the agent was stopped).
    Done {
        /// Stopped before every check finished.
        interrupted: bool,
    },
    /// The plan could not be run at all (another protocol, a probe kind this version lacks).
    Refused {
        /// Why.
        reason: String,
    },
}

impl AgentLine {
    /// The line as sent: JSON and a newline.
    pub fn to_line(&self) -> String {
        let mut s = serde_json::to_string(self).unwrap_or_else(|e| {
            format!("{{\"refused\":{{\"reason\":\"cannot encode a line: {e}\"}}}}")
        });
        s.push('\n');
        s
    }
}
