//! The inspection session: one run of a plan from its first row in the store to its closing.
//! Used by `inspect`, `logs scan|audit` and `backup verify`.
//!
//! The run is recorded before the first check starts; outcomes are stored as they arrive
//! (those arriving while a write is in progress share the next commit); SIGINT, SIGTERM and SIGHUP stop
//! it at once, keeping what finished and marking the run interrupted. What could not be stored
//! is reported, never hidden: the run's outcomes are still returned for display.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use crate::core::clock::now_ms;
use crate::core::error::Error;
use crate::core::outcome::{CheckInfo, Status};
use crate::probe::Shared;
use crate::report::RunReport;
use crate::runner::{Plan, RunEvent};
use crate::settings::Settings;
use crate::store::spool::{self, Spool};
use crate::store::{NewIncident, NewRun, RunRow, RunState, Store, StoreError, StoredOutcome};

/// How a plan is run and recorded.
#[derive(Clone, Debug)]
pub struct Options {
    /// The command recorded with the run (`inspect`, `logs scan`...).
    pub command: &'static str,
    /// JSON of the selection, recorded with the run.
    pub filters: String,
    /// Whether log checks read incrementally from their stored cursors.
    pub incremental: bool,
    /// Open or update an incident for each CRIT outcome.
    pub open_incidents: bool,
}

/// Who watches a run as it happens (the progress bar on a terminal).
pub trait Observer {
    /// Whether it wants [`RunEvent::CheckStarted`] and [`RunEvent::Retry`]: a live display
    /// does; without one nobody reads them, and a thousand extra wake-ups are not free.
    fn wants_progress(&self) -> bool;
    /// One event of the run, in the order they arrive.
    fn event(&mut self, event: &RunEvent);
}

/// What `--open-incidents` did for a CRIT check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncidentAction {
    /// A new incident was opened.
    Opened {
        /// Incident id.
        id: i64,
        /// Check id.
        check: String,
    },
    /// The incident the check opened before, still open, got a note.
    Updated {
        /// Incident id.
        id: i64,
        /// Check id.
        check: String,
    },
    /// The check that opened an incident not yet restored is OK again: the incident got a
    /// note saying so (once); restoring it stays a person's call, with its time.
    Recovered {
        /// Incident id.
        id: i64,
        /// Check id.
        check: String,
    },
}

/// The note an incident gets when its check is OK again.
const RECOVERED: &str = "巡检恢复正常";
/// How the notes of a check or host still failing begin.
const FAILING: [&str; 3] = [STILL_CRIT, FOUND, STILL_UNREACHED];
const STILL_CRIT: &str = "仍为严重";
const FOUND: &str = "巡检发现";
const STILL_UNREACHED: &str = "仍未采集";

/// A finished (or interrupted) session.
pub struct Finished {
    /// The run with every outcome that finished, for display.
    pub report: RunReport,
    /// Checks in the plan.
    pub planned: usize,
    /// Stopped by SIGINT or SIGTERM.
    pub interrupted: bool,
    /// Incidents opened or updated.
    pub incidents: Vec<IncidentAction>,
    /// The first thing that could be neither stored nor spooled (log state, incidents, the
    /// run's closing): the history is incomplete.
    pub store_error: Option<String>,
    /// Where the outcomes went while the store could not take them.
    pub spooled: Option<Spooled>,
    /// Runs spooled earlier that this run wrote into the store.
    pub replayed: Option<spool::Replayed>,
}

/// Outcomes kept in the spool because the store could not take them.
#[derive(Clone, Debug)]
pub struct Spooled {
    /// The spool file.
    pub path: std::path::PathBuf,
    /// Outcomes in it.
    pub outcomes: usize,
    /// Why the store could not take them.
    pub why: String,
    /// `--open-incidents` was asked for but needs the store.
    pub incidents_skipped: bool,
}

impl Finished {
    /// The status the command exits with: the worst outcome, or UNKNOWN when the history could
    /// not take everything (what was not stored is unknown to it, whatever the run found).
    pub fn status(&self) -> Status {
        if self.store_error.is_some() {
            Status::Unknown
        } else {
            self.report.status()
        }
    }
}

/// Runs a plan as one recorded run.
pub async fn run(
    settings: Settings,
    plan: Plan,
    options: &Options,
    observer: &mut dyn Observer,
) -> Result<Finished, Error> {
    let spool_dir = spool::folder(&settings.base_dir);
    let disabled = plan.disabled;
    let node = settings.node.clone();
    let new = NewRun {
        disabled,
        node: &node,
        command: options.command,
        planned: plan.units.len(),
        filters: options.filters.clone(),
    };
    // A store that cannot be reached does not stop the inspection: its outcomes are spooled
    // beside the config and written by the next run that reaches the store.
    let mut away = None;
    let mut replayed = None;
    let mut begun = None;
    let store = match Store::open(&settings.store_url).await {
        Ok(store) => {
            replayed = Some(store.replay_spool(&spool_dir).await);
            match store.begin_run(&new).await {
                Ok(b) => begun = Some(b),
                Err(e) => away = Some(e.to_string()),
            }
            Some(store)
        }
        Err(e) => {
            away = Some(e.to_string());
            None
        }
    };
    let (run_id, started_at) = match begun {
        Some((id, at)) => (Some(id), at),
        None => (None, now_ms()),
    };
    let spooled = away
        .as_ref()
        .map(|_| Spool::create(&spool_dir, &new, None, started_at));
    let (spool, spool_error) = match spooled {
        Some(Ok(s)) => (Some(s), None),
        Some(Err(e)) => (
            None,
            Some(format!("cannot spool to {}: {e}", spool_dir.display())),
        ),
        None => (None, None),
    };
    let live = store.as_ref().zip(run_id);
    let previous = match live {
        Some((store, id)) if plan.checks.iter().any(|c| c.probe.uses_history()) => {
            store.previous_metrics(id).await.unwrap_or_default()
        }
        _ => Default::default(),
    };
    let shared = match live {
        Some((store, _)) => shared_state(store, &plan, options.incremental).await?,
        None => Shared::default(),
    };
    let mut shared = shared;
    shared.host = settings.this_host.clone();
    let shared = Arc::new(shared);
    let infos: BTreeMap<String, CheckInfo> = plan
        .checks
        .iter()
        .map(|c| (c.id.clone(), c.info()))
        .collect();
    let planned = plan.units.len();
    let settings = Arc::new(settings);
    let (tx, mut rx) = mpsc::channel(256);

    let mut sigint = signal(SignalKind::interrupt())?;
    let mut sigterm = signal(SignalKind::terminate())?;
    // A lost terminal (SIGHUP) stops the run the same way, rather than killing znode and
    // leaving check commands running.
    let mut sighup = signal(SignalKind::hangup())?;
    // Signals are taken over before the first check starts, so an early Ctrl-C is handled.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let runner = tokio::spawn(crate::runner::run(
        settings.clone(),
        Arc::new(plan),
        Arc::new(previous),
        shared.clone(),
        tx,
        observer.wants_progress(),
        stopped,
    ));
    let mut rec = Recorder {
        store: live.map(|l| l.0),
        run_id,
        started_at,
        new: &new,
        spool_dir: &spool_dir,
        spool,
        away,
        infos: &infos,
        observer,
        rows: Vec::with_capacity(planned),
        error: spool_error,
    };
    let mut interrupted = false;
    loop {
        let first = tokio::select! {
            ev = rx.recv() => match ev {
                Some(ev) => ev,
                None => break,
            },
            _ = sigint.recv() => { interrupted = true; break; }
            _ = sigterm.recv() => { interrupted = true; break; }
            _ = sighup.recv() => { interrupted = true; break; }
        };
        rec.take(Some(first), &mut rx).await;
    }
    // Stopping the runner cancels every check in flight and waits until each is gone: command
    // probes kill their process groups, restore tests their tool and scratch database, so
    // nothing keeps running after we leave. Checks that finished just before are kept too; the
    // events are read until the runner is done, so it never waits on a full channel.
    let _ = stop.send(true);
    while let Some(ev) = rx.recv().await {
        rec.take(Some(ev), &mut rx).await;
    }
    let _ = runner.await;
    let Recorder {
        rows,
        error,
        spool,
        away,
        ..
    } = rec;
    let mut incidents = Vec::new();
    let (status, finished_at, store_error, spooled) = match (spool, live) {
        (None, Some((store, id))) => {
            // An interrupted run keeps its cursors where they were: the lines are read again
            // next time rather than lost.
            let state_error = if interrupted {
                None
            } else {
                save_shared_state(store, &shared).await.err()
            };
            let incident_error = if options.open_incidents {
                open_incidents(store, &rows, &mut incidents).await.err()
            } else {
                None
            };
            let closed = store.finish_run(id, interrupted).await;
            let (status, finished_at) = match &closed {
                Ok((status, at)) => (Some(*status), *at),
                Err(_) => (None, now_ms()),
            };
            let store_error = error
                .or(closed.err().map(|e| e.to_string()))
                .or(state_error.map(|e| e.to_string()))
                .or(incident_error.map(|e| e.to_string()));
            (status, finished_at, store_error, None)
        }
        (Some(mut spool), _) => {
            let store_error = error.or(spool
                .finish(interrupted)
                .err()
                .map(|e| format!("cannot spool to {}: {e}", spool.path().display())));
            let note = Spooled {
                path: spool.path().to_owned(),
                outcomes: spool.outcomes,
                why: away.unwrap_or_default(),
                incidents_skipped: options.open_incidents,
            };
            (None, now_ms(), store_error, Some(note))
        }
        // Neither store nor spool: the error says why.
        (None, None) => (None, now_ms(), error, None),
    };
    if let Some(store) = store {
        store.close().await;
    }
    let run = RunRow {
        id: run_id.unwrap_or(0),
        node: settings.node.clone(),
        command: options.command.into(),
        started_at,
        finished_at: Some(finished_at),
        state: if interrupted {
            RunState::Interrupted
        } else {
            RunState::Finished
        },
        status,
        planned: planned as i64,
        disabled: disabled as i64,
        done: rows.len() as i64,
        counts: Default::default(),
        backfill: None,
    };
    Ok(Finished {
        report: RunReport::new(run, rows, settings.timezone, settings.system_names()),
        planned,
        interrupted,
        incidents,
        store_error,
        spooled,
        replayed: replayed.filter(|r| r.runs > 0 || !r.failed.is_empty()),
    })
}

/// An incident for each CRIT outcome (a check on a host): a new one, or a note on the one it
/// opened before and that is not closed yet; and one per host that could not be reached, not
/// one per check of it. What was done before an error stays in `done`.
async fn open_incidents(
    store: &Store,
    rows: &[StoredOutcome],
    done: &mut Vec<IncidentAction>,
) -> Result<(), StoreError> {
    let now = now_ms();
    let mut unreached: BTreeMap<&str, &StoredOutcome> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.outcome.unreached) {
        unreached
            .entry(r.outcome.host.as_deref().unwrap_or_default())
            .or_insert(r);
    }
    for (host, r) in unreached {
        let source = format!("host:{host}");
        let why = r
            .outcome
            .summary
            .strip_prefix(crate::runner::remote::UNREACHED)
            .unwrap_or(&r.outcome.summary);
        match store.open_incident_of_check(&source).await? {
            Some(id) => {
                let note = format!("{STILL_UNREACHED}：{why}");
                store
                    .update_incident(id, "note", "znode inspect", &note, now)
                    .await?;
                done.push(IncidentAction::Updated { id, check: source });
            }
            None => {
                let title = format!("主机 {host} 无法采集：{why}");
                let id = store
                    .open_incident(&NewIncident {
                        kind: "故障",
                        severity: "一般",
                        system: None,
                        title: &title,
                        reporter: "znode inspect",
                        assignee: None,
                        source_check: Some(&source),
                        at: now,
                    })
                    .await?;
                done.push(IncidentAction::Opened { id, check: source });
            }
        }
    }
    // Checks OK again, and hosts reached again, whose incident is not restored yet.
    let mut recovered: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r.outcome.effective_status() == Status::Ok && !r.outcome.unreached)
        .map(|r| (r.outcome.subject(), r.outcome.summary.clone()))
        .collect();
    let reached: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter(|r| !r.outcome.unreached)
        .filter_map(|r| r.outcome.host.as_deref())
        .collect();
    recovered.extend(
        reached
            .into_iter()
            .map(|h| (format!("host:{h}"), "主机已可采集".to_owned())),
    );
    for (source, said) in recovered {
        let Some(id) = store.open_incident_of_check(&source).await? else {
            continue;
        };
        if store.incident(id).await?.restored_at.is_some() {
            continue;
        }
        // Said once per failure: only when nothing was said since it last failed.
        let updates = store.incident_updates(id).await?;
        let last_recovered = updates.iter().rposition(|u| u.3.starts_with(RECOVERED));
        let last_failing = updates
            .iter()
            .rposition(|u| u.2 == "open" || FAILING.iter().any(|p| u.3.starts_with(p)));
        if last_recovered > last_failing {
            continue;
        }
        store
            .update_incident(
                id,
                "note",
                "znode inspect",
                &format!("{RECOVERED}：{said}"),
                now,
            )
            .await?;
        done.push(IncidentAction::Recovered { id, check: source });
    }
    for r in rows
        .iter()
        .filter(|r| r.outcome.effective_status() == Status::Crit)
    {
        let check = &r.outcome.subject();
        match store.open_incident_of_check(check).await? {
            Some(id) => {
                store
                    .update_incident(
                        id,
                        "note",
                        "znode inspect",
                        &format!("{STILL_CRIT}：{}", r.outcome.summary),
                        now,
                    )
                    .await?;
                done.push(IncidentAction::Updated {
                    id,
                    check: check.clone(),
                });
            }
            None => {
                // The title is what the bureau reads in lists and the 考核: the item, where, and
                // that it failed; what the probe saw goes in the first note.
                let title = match &r.outcome.host {
                    Some(h) => format!("{}（{h}）出现严重异常", r.info.title),
                    None => format!("{}出现严重异常", r.info.title),
                };
                let id = store
                    .open_incident(&NewIncident {
                        kind: "故障",
                        severity: "一般",
                        system: r.info.system.as_deref(),
                        title: &title,
                        reporter: "znode inspect",
                        assignee: None,
                        source_check: Some(check),
                        at: now,
                    })
                    .await?;
                store
                    .update_incident(
                        id,
                        "note",
                        "znode inspect",
                        &format!("{FOUND}：{}", r.outcome.summary),
                        now,
                    )
                    .await?;
                done.push(IncidentAction::Opened {
                    id,
                    check: check.clone(),
                });
            }
        }
    }
    Ok(())
}

/// The run-wide probe state: for log checks, the audit baselines and incremental cursors of
/// this host and of every other host.
pub(super) async fn shared_state(
    store: &Store,
    plan: &Plan,
    incremental: bool,
) -> Result<Shared, StoreError> {
    let mut shared = Shared::default();
    if plan.checks.iter().any(|c| c.probe.kind() == "heartbeat") {
        shared.last_seen = store.last_seen_hosts().await?;
    }
    // Each check's baseline reaches back its own number of days.
    for c in &plan.checks {
        if let Some(b) = &c.baseline {
            let since = crate::core::clock::now_ms() - i64::from(b.days) * 86_400_000;
            shared.history.extend(
                store
                    .recent_metrics(std::slice::from_ref(&c.id), since)
                    .await?,
            );
        }
    }
    let drift: Vec<String> = plan
        .checks
        .iter()
        .filter(|c| c.probe.kind() == "drift")
        .map(|c| c.id.clone())
        .collect();
    if !drift.is_empty() {
        shared.config_baselines = Some(config_baselines(store, &drift).await?);
    }
    if plan.checks.iter().any(|c| c.probe.kind() == "log") {
        let mut memory = store.log_memory().await?;
        let here = memory.remove("").unwrap_or_default();
        shared.logs.known.before = here.known;
        shared.logs.incremental = incremental;
        if incremental {
            shared.logs.cursors = Arc::new(crate::logs::cursor::Cursors::new(here.cursors));
        }
        shared.logs.hosts = memory;
    }
    Ok(shared)
}

/// The accepted baselines of these drift checks by (check, host). A stored snapshot that no
/// longer reads (a newer format) counts as no baseline: the check asks for one.
pub async fn config_baselines(
    store: &Store,
    checks: &[String],
) -> Result<HashMap<(String, String), Arc<crate::drift::snapshot::Snapshot>>, StoreError> {
    Ok(store
        .config_baselines(checks)
        .await?
        .into_iter()
        .filter_map(|b| {
            let snap = serde_json::from_str(&b.snapshot).ok()?;
            Some(((b.check_id, b.host), Arc::new(snap)))
        })
        .collect())
}

/// Stores what log checks learned, here and on other hosts: new audit values and, for
/// incremental runs, cursors.
pub(super) async fn save_shared_state(store: &Store, shared: &Shared) -> Result<(), StoreError> {
    let here = shared.logs.take_learned();
    store.save_log_learned("", &here).await?;
    let hosts = std::mem::take(
        &mut *shared
            .logs
            .learned
            .lock()
            .unwrap_or_else(|e| e.into_inner()),
    );
    for (host, learned) in &hosts {
        store.save_log_learned(host, learned).await?;
    }
    Ok(())
}

/// Collects outcomes as they arrive and stores them, or spools them while the store cannot
/// take them.
struct Recorder<'a> {
    store: Option<&'a Store>,
    run_id: Option<i64>,
    started_at: i64,
    new: &'a NewRun<'a>,
    spool_dir: &'a std::path::Path,
    spool: Option<Spool>,
    /// Why the store could not take the outcomes.
    away: Option<String>,
    infos: &'a BTreeMap<String, CheckInfo>,
    observer: &'a mut dyn Observer,
    rows: Vec<StoredOutcome>,
    /// The first error of the store and the spool both; the run goes on and the error is
    /// reported at the end.
    error: Option<String>,
}

impl Recorder<'_> {
    /// Takes `first` and every event already waiting, and stores their outcomes in one commit.
    async fn take(&mut self, first: Option<RunEvent>, rx: &mut mpsc::Receiver<RunEvent>) {
        let before = self.rows.len();
        let mut next = first;
        while let Some(ev) = next.take().or_else(|| rx.try_recv().ok()) {
            self.observer.event(&ev);
            if let RunEvent::CheckFinished(outcome) = ev {
                let info = self.infos[&outcome.check].clone();
                self.rows.push(StoredOutcome {
                    info,
                    outcome: *outcome,
                });
            }
        }
        if self.rows.len() == before {
            return;
        }
        let fresh: Vec<_> = self.rows[before..]
            .iter()
            .map(|r| (&r.info, &r.outcome))
            .collect();
        if self.spool.is_none()
            && let (Some(store), Some(id)) = (self.store, self.run_id)
        {
            match store.record(id, &fresh).await {
                Ok(()) => return,
                // The store went away mid-run: this and every later outcome is spooled.
                Err(e) => {
                    match Spool::create(self.spool_dir, self.new, Some(id), self.started_at) {
                        Ok(s) => {
                            self.spool = Some(s);
                            self.away = Some(e.to_string());
                        }
                        Err(se) => {
                            self.error.get_or_insert(format!(
                                "{e}; and cannot spool to {}: {se}",
                                self.spool_dir.display()
                            ));
                            return;
                        }
                    }
                }
            }
        }
        if let Some(spool) = self.spool.as_mut()
            && let Err(e) = spool.record(&fresh)
        {
            self.error
                .get_or_insert(format!("cannot spool to {}: {e}", spool.path().display()));
        }
    }
}
