//! `znode config snapshot|drift|accept`: run the `drift` checks as a recorded run, make the
//! first snapshot of a host its baseline, and move a baseline to the newest snapshot under a
//! change ticket (变更单), keeping each acceptance for the audit.

use std::collections::BTreeMap;

use crate::catalog::Catalog;
use crate::core::outcome::Status;
use crate::drift::compare::Drift;
use crate::drift::snapshot::Snapshot;
use crate::store::{ConfigBaseline, DetailedOutcome, NewBaseline, Store, StoreError};

/// The ticket recorded for a host's first baseline.
pub const INITIAL: &str = "初始基线";

/// The enabled `drift` checks, or those named.
pub fn checks(catalog: &Catalog, named: &[String]) -> Result<Vec<String>, String> {
    super::checks_of_kind(
        catalog,
        "drift",
        named,
        "enable `routine-config-drift` of the shipped pack (checks/routine.yaml) or write one",
    )
}

/// One host's drift in a run.
#[derive(Clone, Debug, serde::Serialize)]
pub struct HostDrift {
    /// The check.
    pub check: String,
    /// The host ('' for the jump host).
    pub host: String,
    /// The outcome's status.
    pub status: Status,
    /// The outcome's summary.
    pub summary: String,
    /// Paths recorded.
    pub paths: usize,
    /// Against the baseline; `None` without one (or when the check could not run).
    pub drift: Option<Drift>,
    /// The baseline compared with.
    pub baseline: Option<ConfigBaseline>,
    /// This run's snapshot became the host's first baseline.
    pub initial: bool,
}

fn snapshot_of(o: &DetailedOutcome) -> Option<Snapshot> {
    serde_json::from_value(o.detail.as_ref()?.get("snapshot")?.clone()).ok()
}

fn drift_of(o: &DetailedOutcome) -> Option<Drift> {
    serde_json::from_value(o.detail.as_ref()?.get("drift")?.clone()).ok()
}

fn current(baselines: &[ConfigBaseline]) -> BTreeMap<(String, String), &ConfigBaseline> {
    baselines
        .iter()
        .map(|b| ((b.check_id.clone(), b.host.clone()), b))
        .collect()
}

/// The drift of each host in a run; with `initial`, a host without a baseline gets this run's
/// snapshot as its first one (ticket [`INITIAL`]).
pub async fn in_run(
    store: &Store,
    run_id: i64,
    checks: &[String],
    initial: Option<&str>,
    now_ms: i64,
) -> Result<Vec<HostDrift>, StoreError> {
    let baselines = store.config_baselines(checks).await?;
    let by_key = current(&baselines);
    let mut out = Vec::new();
    for o in store.run_detailed_outcomes(run_id, "drift").await? {
        let key = (o.check_id.clone(), o.host.clone());
        let snapshot = snapshot_of(&o);
        let mut made_initial = false;
        let baseline = by_key.get(&key).map(|b| (*b).clone());
        if baseline.is_none()
            && let (Some(by), Some(snap)) = (initial, &snapshot)
        {
            let json = serde_json::to_string(snap).unwrap_or_default();
            store
                .accept_config_baseline(&NewBaseline {
                    check_id: &o.check_id,
                    host: &o.host,
                    snapshot: &json,
                    taken_at: snap.taken_at,
                    accepted_at: now_ms,
                    accepted_by: by,
                    ticket: INITIAL,
                })
                .await?;
            made_initial = true;
        }
        out.push(HostDrift {
            paths: snapshot.as_ref().map_or(0, |s| s.entries.len()),
            drift: drift_of(&o),
            check: o.check_id,
            host: o.host,
            status: o.status,
            summary: o.summary,
            baseline,
            initial: made_initial,
        });
    }
    Ok(out)
}

/// What an acceptance did for one host.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Accepted {
    /// The check.
    pub check: String,
    /// The host.
    pub host: String,
    /// When the accepted snapshot was taken, epoch ms.
    pub taken_at: i64,
    /// The differences it accepts (against the baseline it replaces).
    pub changes: usize,
    /// The new baseline's row.
    pub id: i64,
}

/// Moves the baseline of each host of `checks` (or of `hosts` only) to its newest stored
/// snapshot, under `ticket`.
pub async fn accept(
    store: &Store,
    checks: &[String],
    hosts: &[String],
    ticket: &str,
    by: &str,
    now_ms: i64,
) -> Result<Vec<Accepted>, String> {
    let baselines = store
        .config_baselines(checks)
        .await
        .map_err(|e| e.to_string())?;
    let by_key = current(&baselines);
    let mut out = Vec::new();
    for o in store
        .latest_detailed_outcomes(checks)
        .await
        .map_err(|e| e.to_string())?
    {
        let shown = if o.host.is_empty() { "local" } else { &o.host };
        if !hosts.is_empty() && !hosts.iter().any(|h| h == shown) {
            continue;
        }
        let Some(snap) = snapshot_of(&o) else {
            return Err(format!(
                "the newest outcome of {} on {shown} holds no snapshot ({}): run `znode config drift` and accept once it has run",
                o.check_id, o.summary
            ));
        };
        let key = (o.check_id.clone(), o.host.clone());
        let old: Option<Snapshot> = by_key
            .get(&key)
            .and_then(|b| serde_json::from_str(&b.snapshot).ok());
        // The stored outcome kept only the texts that differ from the old baseline.
        let whole = snap.with_text_from(old.as_ref());
        let changes = old.as_ref().map_or(whole.entries.len(), |b| {
            crate::drift::compare::compare(b, &whole).count()
        });
        let json = serde_json::to_string(&whole).map_err(|e| e.to_string())?;
        let id = store
            .accept_config_baseline(&NewBaseline {
                check_id: &o.check_id,
                host: &o.host,
                snapshot: &json,
                taken_at: whole.taken_at,
                accepted_at: now_ms,
                accepted_by: by,
                ticket,
            })
            .await
            .map_err(|e| e.to_string())?;
        out.push(Accepted {
            check: o.check_id,
            host: o.host,
            taken_at: whole.taken_at,
            changes,
            id,
        });
    }
    if out.is_empty() {
        return Err(
            "no stored drift outcome to accept: run `znode config drift` (or an inspection with the drift check) first".into(),
        );
    }
    Ok(out)
}
