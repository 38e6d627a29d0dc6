//! Runs a plan of checks concurrently and streams [`RunEvent`]s.
//!
//! Concurrency is bounded by a semaphore (`--jobs`); checks start in plan order. Every attempt is wrapped in a timeout here,
//! whatever the probe does itself, so one hung target costs its own timeout and nothing more.
//! Retries back off exponentially (200 ms doubling, at most 2 s between attempts).

mod consensus;
mod plan;
pub mod remote;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;

pub use plan::{Filters, Plan, Unit};

use crate::catalog::CheckSpec;
use crate::core::outcome::{Metric, Outcome, Status, subject};
use crate::judge;
use crate::probe::{ProbeContext, ProbeError, Shared};
use crate::settings::Settings;

/// What happens during a run, in order per check (as cargo-nextest reports a test run).
#[derive(Debug)]
pub enum RunEvent {
    /// The run began.
    RunStarted {
        /// Checks in the plan.
        planned: usize,
    },
    /// A check began its first attempt.
    CheckStarted {
        /// Check id.
        check: String,
    },
    /// An attempt of a check was not OK and it is tried again.
    Retry {
        /// Check id.
        check: String,
        /// The attempt that failed, from 1.
        attempt: u32,
        /// What it found.
        status: Status,
    },
    /// A check is done.
    CheckFinished(Box<Outcome>),
    /// Every check is done, or the run was stopped.
    RunFinished {
        /// Stopped by a signal before every check finished.
        interrupted: bool,
    },
}

/// Runs every check of the plan, sending events as they happen; returns when all are done, the
/// receiver is gone, or `stop` turns true. `CheckStarted` and `Retry` are sent only when
/// `progress` is set: without a live display nobody reads them, and a thousand extra wake-ups
/// of the receiver are not free. `RunFinished` comes last, after every `CheckFinished`.
///
/// A stop cancels the checks in flight and returns only once every one of them is gone, so
/// what they hold (a child's process group, a scratch database) has been released.
pub async fn run(
    settings: Arc<Settings>,
    plan: Arc<Plan>,
    previous: Arc<HashMap<String, Vec<Metric>>>,
    shared: Arc<Shared>,
    events: mpsc::Sender<RunEvent>,
    progress: bool,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut set = JoinSet::new();
    // Checks with `same:` are held until all their hosts answered; without any, outcomes go
    // straight out.
    let (inner, collator) = if plan.checks.iter().any(|c| c.same.is_some()) {
        let (tx, rx) = mpsc::channel(256);
        let collator = tokio::spawn(collate(plan.clone(), rx, events.clone()));
        (tx, Some(collator))
    } else {
        (events.clone(), None)
    };
    let all_started = tokio::select! {
        _ = start_all(&settings, &plan, &previous, &shared, &inner, progress, &mut set) => true,
        _ = stop.wait_for(|s| *s) => false,
    };
    let stopped = !all_started
        || tokio::select! {
            _ = async { while set.join_next().await.is_some() {} } => false,
            _ = stop.wait_for(|s| *s) => true,
        };
    if stopped {
        set.shutdown().await;
    }
    drop(inner);
    if let Some(c) = collator {
        let _ = c.await;
    }
    let _ = events
        .send(RunEvent::RunFinished {
            interrupted: stopped,
        })
        .await;
}

/// Forwards events, holding the outcomes of each `same:` check until every one of its hosts
/// has answered, then comparing them. Whatever is still held when the run ends (stopped) goes
/// out as it is.
async fn collate(plan: Arc<Plan>, mut rx: mpsc::Receiver<RunEvent>, out: mpsc::Sender<RunEvent>) {
    // Per `same:` check: how many hosts it runs on, and the fact its hosts must agree on.
    let mut expected: HashMap<&str, (usize, &str)> = HashMap::new();
    for u in &plan.units {
        let spec = &plan.checks[u.check];
        if let Some(key) = spec.same.as_deref() {
            expected.entry(spec.id.as_str()).or_insert((0, key)).0 += 1;
        }
    }
    let mut held: HashMap<String, Vec<Outcome>> = HashMap::new();
    while let Some(ev) = rx.recv().await {
        let ready = match ev {
            RunEvent::CheckFinished(o) => match expected.get(o.check.as_str()) {
                Some(&(want, key)) => {
                    let list = held.entry(o.check.clone()).or_default();
                    list.push(*o);
                    if list.len() < want {
                        continue;
                    }
                    let mut list = std::mem::take(list);
                    consensus::settle(key, &mut list);
                    list
                }
                None => vec![*o],
            },
            other => {
                if out.send(other).await.is_err() {
                    return;
                }
                continue;
            }
        };
        if !send_all(&out, ready).await {
            return;
        }
    }
    for (_, list) in held {
        if !send_all(&out, list).await {
            return;
        }
    }
}

/// Sends outcomes in order; false once nobody listens.
async fn send_all(out: &mpsc::Sender<RunEvent>, outcomes: Vec<Outcome>) -> bool {
    for o in outcomes {
        if out
            .send(RunEvent::CheckFinished(Box::new(o)))
            .await
            .is_err()
        {
            return false;
        }
    }
    true
}

/// Starts every unit in plan order: the checks of each remote host together, one ssh session
/// per host and at most `fleet.forks` hosts at once; the checks here at most `jobs` at once.
async fn start_all(
    settings: &Arc<Settings>,
    plan: &Arc<Plan>,
    previous: &Arc<HashMap<String, Vec<Metric>>>,
    shared: &Arc<Shared>,
    events: &mpsc::Sender<RunEvent>,
    progress: bool,
    set: &mut JoinSet<()>,
) {
    let planned = plan.units.len();
    if events.send(RunEvent::RunStarted { planned }).await.is_err() {
        return;
    }
    // Remote hosts first: their sessions wait on the network, not on this machine, and run
    // beside the local checks.
    let mut by_host: Vec<(crate::fleet::Host, Vec<usize>)> = Vec::new();
    let mut here: Vec<&plan::Unit> = Vec::new();
    for unit in &plan.units {
        match unit.host.as_deref().and_then(|h| settings.fleet.host(h)) {
            Some(h) if !h.local && h.push.is_none() => {
                match by_host.iter_mut().find(|(x, _)| x.id == h.id) {
                    Some((_, list)) => list.push(unit.check),
                    None => by_host.push((h.clone(), vec![unit.check])),
                }
            }
            _ => here.push(unit),
        }
    }
    let forks = Arc::new(Semaphore::new(settings.fleet.settings.forks.max(1)));
    for (host, checks) in by_host {
        let (settings, plan, shared, events, forks) = (
            settings.clone(),
            plan.clone(),
            shared.clone(),
            events.clone(),
            forks.clone(),
        );
        set.spawn(async move {
            let Ok(_permit) = forks.acquire_owned().await else {
                return;
            };
            remote::run_host(settings, plan, shared, host, checks, events, progress).await;
        });
    }
    let sem = Arc::new(Semaphore::new(settings.defaults.jobs));
    for unit in here {
        // Taking the permit before spawning starts checks in plan order and keeps at most
        // `jobs` tasks alive; finished tasks are reaped as we go.
        let Ok(permit) = sem.clone().acquire_owned().await else {
            return;
        };
        while set.try_join_next().is_some() {}
        let (settings, plan, previous, shared, events) = (
            settings.clone(),
            plan.clone(),
            previous.clone(),
            shared.clone(),
            events.clone(),
        );
        let (idx, host) = (unit.check, unit.host.clone());
        set.spawn(async move {
            let _permit = permit;
            let spec = &plan.checks[idx];
            if progress
                && events
                    .send(RunEvent::CheckStarted {
                        check: spec.id.clone(),
                    })
                    .await
                    .is_err()
            {
                return;
            }
            // A host reporting by itself (push mode) labels what it observes with its name.
            let host = host.or_else(|| settings.this_host.clone());
            let key = subject(&spec.id, host.as_deref());
            let before = previous.get(&key).map(Vec::as_slice);
            let retries = progress.then_some(&events);
            let mut outcome = run_check(&settings, spec, &shared, before, retries).await;
            outcome.host = host;
            let _ = events
                .send(RunEvent::CheckFinished(Box::new(outcome)))
                .await;
        });
    }
}

/// Runs one check with its retries; `previous` is its last stored observation. Each attempt
/// that is retried is reported on `retries` when given.
pub async fn run_check(
    settings: &Settings,
    spec: &CheckSpec,
    shared: &Shared,
    previous: Option<&[Metric]>,
    retries: Option<&mpsc::Sender<RunEvent>>,
) -> Outcome {
    let timeout = spec.timeout.unwrap_or(settings.defaults.timeout);
    let allowed = spec.retries.unwrap_or(settings.defaults.retries);
    let target = spec.target.as_ref().and_then(|t| settings.targets.get(t));
    let cx = ProbeContext {
        check: &spec.id,
        target,
        timeout,
        shared,
        targets: &settings.targets,
        settings,
        previous,
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let start = Instant::now();
        let result = match tokio::time::timeout(timeout, spec.probe.observe(&cx)).await {
            Ok(r) => r,
            Err(_) => Err(ProbeError::down(crate::text!(
                "超时：{t} 内无结果",
                "timed out after {t}",
                t = crate::core::text::duration(timeout),
            ))),
        };
        let elapsed = start.elapsed();
        let result = result.map(|mut obs| {
            judge::against_baseline(spec, &mut obs, shared.history.get(&spec.id));
            obs
        });
        let mut verdict = judge::judge(spec, &settings.defaults.thresholds, result);
        // A URL quoted in a summary or evidence never shows its credentials, whoever wrote it.
        verdict.summary = verdict.summary.map(crate::core::secret::redact_urls_in);
        verdict
            .observation
            .evidence
            .iter_mut()
            .for_each(|e| *e = crate::core::secret::redact_urls_in(e));
        for s in settings.secrets() {
            verdict.summary = verdict.summary.map(|t| s.redact(t));
            let obs = &mut verdict.observation;
            obs.evidence
                .iter_mut()
                .chain(obs.facts.values_mut())
                .for_each(|e| *e = s.redact(e));
        }
        if verdict.status == Status::Ok || attempt > allowed {
            let today = chrono::Utc::now()
                .with_timezone(&settings.timezone)
                .date_naive();
            return judge::outcome(spec, verdict, elapsed, attempt, today);
        }
        if let Some(events) = retries {
            let _ = events
                .send(RunEvent::Retry {
                    check: spec.id.clone(),
                    attempt,
                    status: verdict.status,
                })
                .await;
        }
        let backoff = Duration::from_millis(200u64.saturating_mul(1 << (attempt - 1).min(4)))
            .min(Duration::from_secs(2));
        tokio::time::sleep(backoff).await;
    }
}
