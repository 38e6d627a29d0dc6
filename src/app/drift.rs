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

/// Moves the baseline of each host of `checks` (or of `hosts` only) to its snapshot in run
/// `run` (the one the operator reviewed), or to its newest stored one, under `ticket`. Every
/// host is checked before any baseline moves.
pub async fn accept(
    store: &Store,
    checks: &[String],
    hosts: &[String],
    run: Option<i64>,
    ticket: &str,
    by: &str,
    now_ms: i64,
) -> Result<Vec<Accepted>, String> {
    let baselines = store
        .config_baselines(checks)
        .await
        .map_err(|e| e.to_string())?;
    let by_key = current(&baselines);
    let outcomes = match run {
        Some(id) => store
            .run_detailed_outcomes(id, "drift")
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|o| checks.contains(&o.check_id))
            .collect(),
        None => store
            .latest_detailed_outcomes(checks)
            .await
            .map_err(|e| e.to_string())?,
    };
    let mut ready = Vec::new();
    for o in outcomes {
        let shown = if o.host.is_empty() { "local" } else { &o.host };
        if !hosts.is_empty() && !hosts.iter().any(|h| h == shown) {
            continue;
        }
        let Some(snap) = snapshot_of(&o) else {
            return Err(format!(
                "the outcome of {} on {shown} holds no snapshot ({}): nothing was accepted; run `znode config drift` and accept once it has run",
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
        ready.push((o, whole, changes));
    }
    if ready.is_empty() {
        return Err(match run {
            Some(id) => format!("run #{id} has no drift outcome of these checks and hosts"),
            None => "no stored drift outcome to accept: run `znode config drift` (or an inspection with the drift check) first".into(),
        });
    }
    let mut out = Vec::new();
    for (o, whole, changes) in ready {
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
    Ok(out)
}

/// One path that is not the same on every host of a drift check.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Divergence {
    /// The check.
    pub check: String,
    /// The path.
    pub path: String,
    /// Hosts grouped by what they hold, the most common first: (hosts, short hash or 缺失).
    pub variants: Vec<(Vec<String>, String)>,
    /// The diff from the most common text to each other variant's, when both are text.
    pub diffs: Vec<String>,
}

/// The same files compared over every host of the checks (their newest snapshots): the paths
/// whose content, mode or owner differ, or that some hosts lack.
pub async fn across_hosts(
    store: &Store,
    checks: &[String],
    hosts: &[String],
) -> Result<(Vec<String>, Vec<Divergence>), StoreError> {
    let baselines = store.config_baselines(checks).await?;
    let by_key = current(&baselines);
    let mut out = Vec::new();
    let mut compared = Vec::new();
    for check in checks {
        let mut snaps: BTreeMap<String, Snapshot> = BTreeMap::new();
        for o in store
            .latest_detailed_outcomes(std::slice::from_ref(check))
            .await?
        {
            let shown = if o.host.is_empty() {
                "local".to_owned()
            } else {
                o.host.clone()
            };
            if !hosts.is_empty() && !hosts.contains(&shown) {
                continue;
            }
            let Some(snap) = snapshot_of(&o) else {
                continue;
            };
            let old: Option<Snapshot> = by_key
                .get(&(o.check_id.clone(), o.host.clone()))
                .and_then(|b| serde_json::from_str(&b.snapshot).ok());
            snaps.insert(shown, snap.with_text_from(old.as_ref()));
        }
        if snaps.len() < 2 {
            continue;
        }
        compared.extend(snaps.keys().map(|h| format!("{check}@{h}")));
        let paths: std::collections::BTreeSet<&String> =
            snaps.values().flat_map(|s| s.entries.keys()).collect();
        for path in paths {
            // What a host holds at the path: content hash, mode and owner, or nothing.
            let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (host, s) in &snaps {
                let id = match s.entries.get(path) {
                    Some(e) => format!(
                        "{} {:04o} {}:{}",
                        e.sha256.as_deref().map_or("-", |h| &h[..h.len().min(12)]),
                        e.mode,
                        e.uid,
                        e.gid
                    ),
                    None => "缺失".to_owned(),
                };
                groups.entry(id).or_default().push(host.clone());
            }
            if groups.len() < 2 {
                continue;
            }
            let mut variants: Vec<(Vec<String>, String)> =
                groups.into_iter().map(|(id, h)| (h, id)).collect();
            variants.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            let text_of = |host: &str| {
                snaps
                    .get(host)
                    .and_then(|s| s.entries.get(path))
                    .and_then(|e| e.text.clone())
            };
            let common = text_of(&variants[0].0[0]);
            let diffs = variants[1..]
                .iter()
                .filter_map(|(hosts, _)| {
                    let (a, b) = (common.as_ref()?, text_of(&hosts[0])?);
                    (a != &b).then(|| {
                        crate::drift::compare::unified(path, a, &b)
                            .1
                            .replacen(
                                &format!("+++ 当前 {path}"),
                                &format!("+++ {} {path}", hosts.join(",")),
                                1,
                            )
                            .replacen(
                                &format!("--- 基线 {path}"),
                                &format!("--- {} {path}", variants[0].0.join(",")),
                                1,
                            )
                    })
                })
                .collect();
            out.push(Divergence {
                check: check.clone(),
                path: path.clone(),
                variants,
                diffs,
            });
        }
    }
    Ok((compared, out))
}
