//! `znode watch`: the always-on watcher (SPEC R3, 重保). Each selected check runs on its own
//! interval through the same runner and probes as `inspect`; each result feeds the alert state
//! machine of its check and host ([`crate::alert`]), whose notices go out through the outbox.
//!
//! What it keeps in the store: the alerts (so a restart neither pages again nor forgets what
//! paged), their events, hourly result counts (the status page's bars) and its own session
//! with a heartbeat; not every result, which at 2,000 checks every 30 s would be six million
//! rows a day. A CRIT alert that fires opens an incident as `inspect --open-incidents` does.
//!
//! Sending never holds up watching: messages are queued in the outbox at once and a separate
//! task delivers them (and retries what failed), so a channel that hangs delays only itself.

mod daily;
pub mod message;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::alert::{Alert, Hold, Labels, Notice, Profile};
use crate::catalog::CheckSpec;
use crate::core::clock::now_ms;
use crate::core::error::Error;
use crate::core::outcome::{Metric, Outcome, Status, subject};
use crate::outbox::Outbox;
use crate::probe::Shared;
use crate::runner::{Plan, RunEvent, Unit};
use crate::settings::Settings;
use crate::store::{AlertRow, AlertSubject, HourCount, NewIncident, Silence, Store, WatchEvent};

/// How the watcher was asked to run.
#[derive(Clone, Debug)]
pub struct Options {
    /// The profile (`normal`, or one under `watch.profiles`, e.g. 重保).
    pub profile: String,
    /// When the profile ends and the normal one takes over (epoch ms).
    pub until: Option<i64>,
}

/// Builds the settings and plan again (on SIGHUP); the error says what is wrong.
pub type Reload = Box<dyn Fn() -> Result<(Settings, Plan), String> + Send>;

/// What the watcher tells whoever runs it (journald, through `cli/`).
#[derive(Debug)]
pub enum Event {
    /// Watching began.
    Started {
        /// Check × host units.
        units: usize,
        /// The profile.
        profile: String,
        /// Alerts carried over from before a restart that are firing.
        firing: usize,
    },
    /// A notice was queued for its channels.
    Notice {
        /// The alert.
        subject: String,
        /// The message title.
        title: String,
        /// Channels it was queued for.
        channels: usize,
    },
    /// The delivery task sent or failed messages.
    Delivery {
        /// Sent.
        sent: usize,
        /// Failed, each with its channel and error; they stay queued.
        failed: Vec<(String, String)>,
        /// Dropped as too old to send.
        expired: usize,
    },
    /// The config was read again.
    Reloaded {
        /// Units now.
        units: usize,
    },
    /// The config could not be read again; the old one stays.
    ReloadFailed(String),
    /// The profile's `--until` passed: back to the normal profile.
    ProfileEnded(String),
    /// The daily duty report was written and queued for this many channels.
    Daily(usize),
    /// Something went wrong that watching survives (the store, the heartbeat file).
    Trouble(String),
    /// Stopping (SIGINT, SIGTERM).
    Stopping,
}

/// Who hears the watcher's events.
pub trait Observer: Send {
    /// One event.
    fn event(&mut self, e: Event);
}

/// A check on a host, as the watcher schedules it.
struct Watched {
    spec: usize,
    host: Option<String>,
    subject: String,
    every: Duration,
    due: Instant,
    /// The batch it is running in, if it is.
    running: Option<u64>,
    /// The subjects it depends on.
    parents: Vec<String>,
}

/// What batches send back to the loop.
enum Msg {
    Outcome(u64, Box<Outcome>),
    BatchDone(u64, Vec<String>),
    Trouble(String),
    Delivered(Event),
}

/// How often time-driven notices (reminders, escalation, the end of a window) are looked at,
/// and the heartbeat written.
const TICK: Duration = Duration::from_secs(1);
const BEAT: Duration = Duration::from_secs(10);
/// Hourly counts are written this often (they are sums: nothing is lost by waiting).
const HOURS_EVERY: Duration = Duration::from_secs(30);
/// Failed messages are retried after this, doubling up to [`RETRY_MAX`] while they keep failing.
const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(60);

struct Watcher<'o> {
    settings: Arc<Settings>,
    checks: Arc<Vec<Arc<CheckSpec>>>,
    units: Vec<Watched>,
    by_subject: HashMap<String, usize>,
    alerts: BTreeMap<String, AlertRow>,
    dirty: HashSet<String>,
    acked: HashSet<String>,
    silences: Vec<(Silence, crate::alert::Matcher)>,
    previous: HashMap<String, Vec<Metric>>,
    hours: HashMap<(String, String, Option<String>, i64), HourCount>,
    /// Alerts of what is no longer watched, to close on the next tick.
    retired: Vec<String>,
    /// The batch in which each host's reachability was last taken.
    host_fed: HashMap<String, u64>,
    profile: Profile,
    options: Options,
    store: Arc<Store>,
    session: i64,
    shared: Arc<Shared>,
    tx: mpsc::Sender<Msg>,
    wake_sender: mpsc::Sender<()>,
    settings_tx: tokio::sync::watch::Sender<Arc<Settings>>,
    stop: tokio::sync::watch::Receiver<bool>,
    next_batch: u64,
    /// When this watcher started: the grid batches start on, and what counts as fresh.
    epoch: Instant,
    started: i64,
    observer: &'o mut dyn Observer,
}

/// Watches until SIGINT or SIGTERM. SIGHUP reads the config again through `reload`.
pub async fn run(
    settings: Settings,
    plan: Plan,
    options: Options,
    reload: Reload,
    observer: &mut dyn Observer,
) -> Result<(), Error> {
    let profile = settings
        .watch
        .profile(&options.profile)
        .map_err(Error::Message)?
        .clone();
    let store = Arc::new(Store::open(&settings.store_url).await?);
    let started = now_ms();
    let session = store
        .begin_watch(&crate::store::WatchSession {
            id: 0,
            started_at: started,
            beat_at: started,
            stopped_at: None,
            pid: i64::from(std::process::id()),
            machine: machine_name(),
            profile: profile.name.clone(),
            until: options.until,
            checks: plan.units.len() as i64,
        })
        .await?;
    let alerts: BTreeMap<String, AlertRow> = store
        .alerts()
        .await?
        .into_iter()
        .map(|r| (r.about.subject.clone(), r))
        .collect();
    let (tx, mut rx) = mpsc::channel::<Msg>(1024);
    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let (wake_sender, wake) = mpsc::channel::<()>(1);
    let settings = Arc::new(settings);
    // The delivery task follows reloads: a channel added or a token rotated is used at once.
    let (settings_tx, settings_rx) = tokio::sync::watch::channel(settings.clone());
    let deliverer = tokio::spawn(deliver(
        store.clone(),
        settings_rx,
        wake,
        tx.clone(),
        stop.clone(),
    ));
    let mut w = Watcher {
        settings: settings.clone(),
        checks: Arc::new(Vec::new()),
        units: Vec::new(),
        by_subject: HashMap::new(),
        alerts,
        dirty: HashSet::new(),
        acked: HashSet::new(),
        silences: Vec::new(),
        previous: HashMap::new(),
        hours: HashMap::new(),
        host_fed: HashMap::new(),
        retired: Vec::new(),
        profile,
        options,
        store: store.clone(),
        session,
        shared: Arc::new(Shared::default()),
        tx,
        wake_sender,
        settings_tx,
        stop,
        next_batch: 0,
        epoch: Instant::now(),
        started,
        observer,
    };
    w.install(settings.as_ref().clone(), plan);
    let firing = w
        .alerts
        .values()
        .filter(|r| r.alert.notified.is_some())
        .count();
    w.observer.event(Event::Started {
        units: w.units.len(),
        profile: w.profile.name.clone(),
        firing,
    });
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    w.beat(false).await;
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let (mut last_beat, mut last_hours) = (Instant::now(), Instant::now());
    // Messages left queued by an earlier watcher (or any other sender) go out first.
    w.wake();
    loop {
        let next = w.next_due();
        tokio::select! {
            Some(msg) = rx.recv() => w.take(msg).await,
            _ = tokio::time::sleep_until(next) => w.start_due(),
            _ = tick.tick() => {
                w.refresh().await;
                w.retire().await;
                w.evaluate_all().await;
                w.save().await;
                if last_hours.elapsed() >= HOURS_EVERY {
                    w.save_hours().await;
                    last_hours = Instant::now();
                }
                if last_beat.elapsed() >= BEAT {
                    w.beat(false).await;
                    last_beat = Instant::now();
                }
                w.daily().await;
                w.profile_end();
            }
            _ = sighup.recv() => match reload() {
                Ok((s, p)) => {
                    w.install(s, p);
                    w.observer.event(Event::Reloaded { units: w.units.len() });
                }
                Err(e) => w.observer.event(Event::ReloadFailed(e)),
            },
            _ = sigint.recv() => break,
            _ = sigterm.recv() => break,
        }
    }
    w.observer.event(Event::Stopping);
    let _ = stop_tx.send(true);
    // Results of checks cut short are not results: they are dropped, not counted.
    w.save().await;
    w.save_hours().await;
    w.beat(true).await;
    drop(w);
    let _ = deliverer.await;
    if let Ok(store) = Arc::try_unwrap(store) {
        store.close().await;
    }
    Ok(())
}

impl Watcher<'_> {
    /// Takes a config and plan: schedules every unit, keeping the times of units it had.
    fn install(&mut self, settings: Settings, plan: Plan) {
        let profile = match settings.watch.profile(&self.profile.name) {
            Ok(p) => p.clone(),
            Err(_) => settings.watch.normal.clone(),
        };
        self.profile = profile;
        let now = Instant::now();
        let old: HashMap<String, (Instant, Option<u64>)> = self
            .units
            .drain(..)
            .map(|u| (u.subject, (u.due, u.running)))
            .collect();
        let this_host = settings.this_host.clone();
        let mut of_check: HashMap<&str, Vec<(Option<String>, String)>> = HashMap::new();
        for Unit { check, host } in &plan.units {
            let spec = &plan.checks[*check];
            let shown = host.clone().or_else(|| this_host.clone());
            let subj = subject(&spec.id, shown.as_deref());
            of_check
                .entry(spec.id.as_str())
                .or_default()
                .push((host.clone(), subj));
        }
        let n = plan.units.len().max(1) as u32;
        for (i, Unit { check, host }) in plan.units.iter().enumerate() {
            let spec = &plan.checks[*check];
            let every = self.interval_of(spec);
            let subj = subject(
                &spec.id,
                host.clone().or_else(|| this_host.clone()).as_deref(),
            );
            // The first round is spread over a few seconds, so 2,000 checks do not start
            // in the same instant.
            let spread = Duration::from_secs(5).min(every) * (i as u32) / n;
            let (due, running) = old.get(&subj).copied().unwrap_or((now + spread, None));
            let mut parents = Vec::new();
            for d in &spec.depends_on {
                let Some(list) = of_check.get(d.as_str()) else {
                    continue;
                };
                match list.iter().find(|(h, _)| h == host) {
                    Some((_, s)) => parents.push(s.clone()),
                    None => parents.extend(list.iter().map(|(_, s)| s.clone())),
                }
            }
            self.units.push(Watched {
                spec: *check,
                host: host.clone(),
                subject: subj,
                every,
                due: due.min(now + every),
                running,
                parents,
            });
        }
        self.by_subject = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.subject.clone(), i))
            .collect();
        self.checks = Arc::new(plan.checks);
        self.settings = Arc::new(settings);
        let _ = self.settings_tx.send(self.settings.clone());
        let hosts: HashSet<String> = self
            .units
            .iter()
            .filter_map(|u| u.host.as_ref().map(|h| format!("host:{h}")))
            .collect();
        self.retired = self
            .alerts
            .keys()
            .filter(|s| !self.by_subject.contains_key(*s) && !hosts.contains(*s))
            .cloned()
            .collect();
    }

    /// Closes the alerts of what is no longer watched: a message for what paged, then the
    /// alert is forgotten (its events stay).
    async fn retire(&mut self) {
        for subj in std::mem::take(&mut self.retired) {
            let Some(row) = self.alerts.get(&subj) else {
                continue;
            };
            if let Some(was) = row.alert.notified
                && !self.send(&subj, &Notice::Retired(was), now_ms()).await
            {
                self.retired.push(subj);
                continue;
            }
            match self.store.remove_alert(&subj).await {
                Ok(()) => {
                    self.alerts.remove(&subj);
                    self.dirty.remove(&subj);
                }
                Err(e) => self.observer.event(Event::Trouble(e.to_string())),
            }
        }
    }

    /// A check's interval under the profile: a profile other than the normal one only ever
    /// shortens what the check would have.
    fn interval_of(&self, spec: &CheckSpec) -> Duration {
        let here = self.profile.interval(spec.every, spec.category);
        if self.profile.name == crate::alert::NORMAL {
            here
        } else {
            let normal = self
                .settings
                .watch
                .normal
                .interval(spec.every, spec.category);
            let profiled = self.profile.interval(None, spec.category);
            normal.min(profiled)
        }
    }

    /// When the next batch starts: the earliest due unit, rounded up to the whole second, so
    /// that units due within the same second run as one batch (one ssh session per host, one
    /// process table) rather than one batch each.
    fn next_due(&self) -> Instant {
        let due = self
            .units
            .iter()
            .filter(|u| u.running.is_none())
            .map(|u| u.due)
            .min()
            .unwrap_or_else(|| Instant::now() + TICK);
        let since = due.saturating_duration_since(self.epoch);
        self.epoch + Duration::from_secs(since.as_secs() + u64::from(since.subsec_nanos() > 0))
    }

    /// Starts every unit that is due, as one batch through the runner.
    fn start_due(&mut self) {
        let now = Instant::now();
        let mut checks: Vec<Arc<CheckSpec>> = Vec::new();
        let mut index: HashMap<usize, usize> = HashMap::new();
        let mut units = Vec::new();
        let mut subjects = Vec::new();
        let this_batch = self.next_batch + 1;
        for u in self
            .units
            .iter_mut()
            .filter(|u| u.running.is_none() && u.due <= now)
        {
            u.running = Some(this_batch);
            // Keep to the schedule; after a stall, start from now rather than catch up.
            u.due = (u.due + u.every).max(now);
            let i = *index.entry(u.spec).or_insert_with(|| {
                checks.push(self.checks[u.spec].clone());
                checks.len() - 1
            });
            units.push(Unit {
                check: i,
                host: u.host.clone(),
            });
            subjects.push(u.subject.clone());
        }
        if units.is_empty() {
            return;
        }
        let previous: HashMap<String, Vec<Metric>> = subjects
            .iter()
            .filter_map(|s| self.previous.get(s).map(|m| (s.clone(), m.clone())))
            .collect();
        let plan = Plan {
            checks,
            disabled: 0,
            units,
        };
        self.next_batch += 1;
        tokio::spawn(batch(
            self.next_batch,
            self.settings.clone(),
            plan,
            previous,
            self.store.clone(),
            self.shared.renewed(),
            subjects,
            self.tx.clone(),
            self.stop.clone(),
        ));
    }

    async fn take(&mut self, msg: Msg) {
        match msg {
            Msg::Outcome(batch, o) => self.take_outcome(batch, *o).await,
            Msg::BatchDone(batch, subjects) => {
                // Only units still in that batch: one that finished and started again in a
                // newer batch is running there.
                for s in subjects {
                    if let Some(&i) = self.by_subject.get(&s)
                        && self.units[i].running == Some(batch)
                    {
                        self.units[i].running = None;
                    }
                }
            }
            Msg::Trouble(t) => self.observer.event(Event::Trouble(t)),
            Msg::Delivered(e) => self.observer.event(e),
        }
    }

    async fn take_outcome(&mut self, batch: u64, o: Outcome) {
        let now = now_ms();
        let subj = o.subject();
        let Some(&ui) = self.by_subject.get(&subj) else {
            return;
        };
        if self.units[ui].running == Some(batch) {
            self.units[ui].running = None;
        }
        let spec = self.checks[self.units[ui].spec].clone();
        let status = o.effective_status();
        let hour = now / 3_600_000;
        let c = self
            .hours
            .entry((subj.clone(), spec.id.clone(), o.host.clone(), hour))
            .or_default();
        c.counts[match status {
            Status::Ok => 0,
            Status::Warn => 1,
            Status::Crit => 2,
            Status::Unknown => 3,
        }] += 1;
        c.duration_ms += o.duration.as_millis() as i64;
        if let Some(host) = o.host.clone().filter(|_| self.units[ui].host.is_some())
            && self.host_fed.get(&host) != Some(&batch)
        {
            self.host_fed.insert(host.clone(), batch);
            let why = o
                .summary
                .strip_prefix(crate::runner::remote::UNREACHED)
                .unwrap_or(&o.summary)
                .to_owned();
            let (st, said) = if o.unreached {
                (Status::Crit, format!("无法采集：{why}"))
            } else {
                (Status::Ok, "可以采集".to_owned())
            };
            let key = format!("host:{host}");
            self.observe(
                &key,
                || AlertSubject {
                    subject: key.clone(),
                    check: key.clone(),
                    host: Some(host.clone()),
                    system: None,
                    title: format!("主机 {host} 可达性"),
                    category: crate::core::outcome::Category::Daily.zh().to_owned(),
                },
                st,
                said,
                0,
                now,
            );
            self.evaluate(&key).await;
        }
        if o.unreached {
            // The host's alert speaks for its checks; they learn nothing while it is away.
            return;
        }
        self.previous.insert(subj.clone(), o.metrics.clone());
        let info = spec.info();
        self.observe(
            &subj,
            || AlertSubject {
                subject: subj.clone(),
                check: spec.id.clone(),
                host: o.host.clone(),
                system: info.system.clone(),
                title: info.title.clone(),
                category: info.category.zh().to_owned(),
            },
            status,
            o.summary.clone(),
            o.duration.as_millis() as i64,
            now,
        );
        // Pending or recovering: look again soon rather than an interval later, as Nagios'
        // retry_interval does, so a failure is confirmed (or dismissed) in seconds.
        if matches!(
            self.alerts[&subj].alert.phase,
            crate::alert::Phase::Pending | crate::alert::Phase::Recovering
        ) {
            let u = &mut self.units[ui];
            let soon = Instant::now() + self.profile.recheck.min(u.every);
            if u.due > soon {
                u.due = soon;
            }
        }
        // A check failing before what it depends on was looked at: look at that now, so the
        // root cause pages rather than its dependents.
        if status != Status::Ok {
            let since = self.alerts[&subj].alert.since.unwrap_or(now);
            for p in self.units[ui].parents.clone() {
                let stale = self.alerts.get(&p).is_none_or(|r| r.checked_at < since);
                if let Some(&pi) = self.by_subject.get(&p)
                    && stale
                    && self.units[pi].running.is_none()
                {
                    self.units[pi].due = Instant::now();
                }
            }
        }
        self.evaluate(&subj).await;
    }

    /// Feeds one result to a subject's alert, creating it the first time.
    fn observe(
        &mut self,
        subj: &str,
        about: impl FnOnce() -> AlertSubject,
        status: Status,
        summary: String,
        duration_ms: i64,
        now: i64,
    ) {
        let t = self.profile.thresholds;
        let row = self
            .alerts
            .entry(subj.to_owned())
            .or_insert_with(|| AlertRow {
                id: 0,
                about: about(),
                alert: Alert::default(),
                summary: String::new(),
                hold: None,
                checked_at: 0,
                duration_ms: 0,
                ack: None,
            });
        row.alert.observe(status, now, &t);
        row.summary = summary;
        row.checked_at = now;
        row.duration_ms = duration_ms;
        self.dirty.insert(subj.to_owned());
    }

    /// A silence or maintenance window that covers an alert by its labels.
    fn covered(&self, subj: &str, now: i64) -> Option<Hold> {
        let unit = self.by_subject.get(subj).map(|&i| &self.units[i]);
        let spec = unit.map(|u| &self.checks[u.spec]);
        let empty = Vec::new();
        // A check never seen yet (its host was away from the start) has no alert: its labels
        // come from the check.
        let labels = match (self.alerts.get(subj), unit, spec) {
            (Some(row), ..) => Labels {
                check: &row.about.check,
                host: row.about.host.as_deref().unwrap_or_default(),
                system: row.about.system.as_deref().unwrap_or_default(),
                category: &row.about.category,
                tags: spec.map(|s| &s.tags).unwrap_or(&empty),
            },
            (None, Some(u), Some(spec)) => Labels {
                check: &spec.id,
                host: u.host.as_deref().unwrap_or_default(),
                system: spec.system.as_deref().unwrap_or_default(),
                category: spec.category.zh(),
                tags: &spec.tags,
            },
            _ => return None,
        };
        if let Some((s, _)) = self.silences.iter().find(|(_, m)| m.matches(&labels)) {
            return Some(Hold::Silence {
                id: s.id,
                reason: s.reason.clone(),
            });
        }
        self.settings
            .watch
            .maintenance
            .iter()
            .find(|m| m.covers(now, &labels))
            .map(|m| Hold::Maintenance(m.name.clone()))
    }

    /// What holds an alert's notices back now, if anything.
    fn hold_of(&self, subj: &str, now: i64) -> Option<Hold> {
        let row = self.alerts.get(subj)?;
        let unit = self.by_subject.get(subj).map(|&i| &self.units[i]);
        if let Some(h) = self.covered(subj, now) {
            return Some(h);
        }
        // A host is covered when every check on it is: a window for `system=database` covers
        // the reboot of the database's host.
        if let (Some(host), true) = (&row.about.host, row.about.check.starts_with("host:")) {
            let mut on_host = self
                .units
                .iter()
                .filter(|u| u.host.as_ref() == Some(host))
                .map(|u| self.covered(&u.subject, now));
            if let Some(Some(first)) = on_host.next()
                && on_host.all(|h| h.is_some())
            {
                return Some(first);
            }
        }
        if let Some(h) = &row.about.host
            && !row.about.check.starts_with("host:")
        {
            let key = format!("host:{h}");
            if self.alerts.get(&key).is_some_and(|r| r.alert.failing()) {
                return Some(Hold::Affected(key));
            }
        }
        for p in unit.map(|u| u.parents.as_slice()).unwrap_or_default() {
            match self.alerts.get(p) {
                Some(r) if r.alert.failing() => return Some(Hold::Affected(p.clone())),
                // Not looked at since this began failing: wait for it, a little.
                r => {
                    let since = row.alert.since.unwrap_or(now);
                    let checked = r.map(|r| r.checked_at).unwrap_or(0);
                    let patience = self.settings.defaults.timeout.as_millis() as i64 + 5_000;
                    if row.alert.failing() && checked < since && now - since < patience {
                        return Some(Hold::Awaiting(p.clone()));
                    }
                }
            }
        }
        None
    }

    /// Reads what other commands write while the watcher runs: silences and acknowledgements.
    async fn refresh(&mut self) {
        let now = now_ms();
        match self.store.silences(Some(now)).await {
            Ok(list) => {
                self.silences = list
                    .into_iter()
                    .filter_map(|s| {
                        let m = crate::alert::Matcher::parse(&s.matcher).ok()?;
                        Some((s, m))
                    })
                    .collect()
            }
            Err(e) => self.observer.event(Event::Trouble(e.to_string())),
        }
        match self.store.acked_alerts().await {
            Ok(list) => self.acked = list.into_iter().collect(),
            Err(e) => self.observer.event(Event::Trouble(e.to_string())),
        }
    }

    /// Time-driven notices of every alert with a result from this watcher: one carried over
    /// from before a restart waits for its first fresh result, so a problem that ended while
    /// the watcher was down is not reminded or escalated first.
    async fn evaluate_all(&mut self) {
        let subjects: Vec<String> = self
            .alerts
            .iter()
            .filter(|(_, r)| r.checked_at >= self.started)
            .map(|(s, _)| s.clone())
            .collect();
        for s in subjects {
            self.evaluate(&s).await;
        }
    }

    /// Sends what an alert owes now.
    async fn evaluate(&mut self, subj: &str) {
        let now = now_ms();
        let hold = self.hold_of(subj, now);
        let escalation: Vec<Duration> = self.profile.escalation.iter().map(|t| t.after).collect();
        let row = &self.alerts[subj];
        let words = hold.as_ref().map(message::hold_words);
        if words != row.hold {
            let newly_held = row.hold.is_none() && row.alert.failing();
            if let (true, Some(w)) = (newly_held, &words) {
                let e = WatchEvent {
                    id: 0,
                    at: now,
                    subject: subj.to_owned(),
                    title: row.about.title.clone(),
                    event: "held".into(),
                    level: row.alert.level,
                    summary: row.summary.clone(),
                    detail: Some(w.clone()),
                    message_id: None,
                };
                if let Err(err) = self.store.add_watch_event(&e).await {
                    self.observer.event(Event::Trouble(err.to_string()));
                }
            }
            if let Some(r) = self.alerts.get_mut(subj) {
                r.hold = words;
            }
            self.dirty.insert(subj.to_owned());
        }
        let row = &self.alerts[subj];
        let due = row.alert.due(&crate::alert::Situation {
            now,
            hold,
            acked: self.acked.contains(subj),
            repeat: self.profile.repeat,
            escalation: &escalation,
        });
        for notice in due {
            if !self.send(subj, &notice, now).await {
                break;
            }
        }
    }

    /// Queues a notice for its channels and records it; false when the store could not take
    /// it (the alert still owes it, and it is tried again on the next tick).
    async fn send(&mut self, subj: &str, notice: &Notice, now: i64) -> bool {
        let row = self.alerts[subj].clone();
        let channels = self.channels_for(notice, &row);
        // Held by this one now, not as last evaluated: a dependent whose result came before
        // this one's is still awaiting it, and is as affected as one held already.
        let affected: Vec<String> = self
            .alerts
            .iter()
            .filter(|(s, r)| {
                s.as_str() != subj
                    && r.alert.failing()
                    && matches!(
                        self.hold_of(s, now),
                        Some(Hold::Affected(by) | Hold::Awaiting(by)) if by == subj
                    )
            })
            .map(|(_, r)| r.name())
            .collect();
        let tier = match notice {
            Notice::Escalate(n) => self
                .profile
                .escalation
                .get(*n as usize - 1)
                .map(|t| t.name.as_str()),
            _ => None,
        };
        let system = row
            .about
            .system
            .as_deref()
            .and_then(|s| self.settings.system(s))
            .map(|s| s.name.as_str());
        let (title, text) = message::compose(
            notice,
            &message::About {
                row: &row,
                system,
                tier,
                affected: &affected,
                now,
                tz: self.settings.timezone,
                failure_threshold: self.profile.thresholds.failure,
            },
        );
        let source = format!("watch {subj}");
        let messages: Vec<crate::store::NewMessage<'_>> = channels
            .iter()
            .map(|ch| crate::store::NewMessage {
                channel: ch,
                title: &title,
                message: &text,
                source: &source,
                html: None,
                attachment: None,
            })
            .collect();
        let (event, level) = match notice {
            Notice::Firing(l) => ("firing", *l),
            Notice::Changed { to, .. } => ("changed", *to),
            Notice::Resolved { was, .. } => ("resolved", *was),
            Notice::Reminder(l) => ("reminder", *l),
            Notice::Escalate(_) => ("escalated", row.alert.level),
            Notice::FlapStart => ("flap-start", row.alert.level),
            Notice::FlapStop => ("flap-stop", row.alert.status),
            Notice::Retired(l) => ("retired", *l),
        };
        let detail = match notice {
            Notice::Escalate(_) => tier.map(str::to_owned),
            Notice::Resolved { held: Some(h), .. } => Some(message::held_words(h)),
            _ if !affected.is_empty() => Some(format!("受影响：{}", affected.join("、"))),
            _ => None,
        };
        let mut after = row.clone();
        after.alert.sent(notice, now);
        let event = WatchEvent {
            id: 0,
            at: now,
            subject: subj.to_owned(),
            title: row.about.title.clone(),
            event: event.into(),
            level,
            summary: row.summary.clone(),
            detail,
            message_id: None,
        };
        // Queued, recorded and the alert saved together: a crash leaves it owed or sent.
        if let Err(e) = self
            .store
            .record_notice(&messages, &event, Some(&after))
            .await
        {
            self.observer.event(Event::Trouble(e.to_string()));
            return false;
        }
        self.alerts.insert(subj.to_owned(), after);
        self.dirty.remove(subj);
        self.incident(subj, notice, &row, now).await;
        self.observer.event(Event::Notice {
            subject: subj.to_owned(),
            title,
            channels: channels.len(),
        });
        if !channels.is_empty() {
            self.wake();
        }
        true
    }

    /// The channels a notice goes to: the first receivers and every tier told so far; an
    /// escalation goes to its tier alone.
    fn channels_for(&self, notice: &Notice, row: &AlertRow) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |list: &[String]| {
            for c in list {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        };
        match notice {
            Notice::Escalate(n) => {
                if let Some(t) = self.profile.escalation.get(*n as usize - 1) {
                    add(&t.notify);
                }
            }
            _ => {
                add(&self.profile.notify);
                for t in self.profile.escalation.iter().take(row.alert.tier as usize) {
                    add(&t.notify);
                }
            }
        }
        out
    }

    /// A CRIT alert that fires opens an incident (or notes the open one); its recovery is
    /// noted on it. Restoring and closing stay a person's call.
    async fn incident(&mut self, subj: &str, notice: &Notice, row: &AlertRow, now: i64) {
        let r: Result<(), crate::store::StoreError> = async {
            match notice {
                Notice::Firing(Status::Crit)
                | Notice::Changed {
                    to: Status::Crit, ..
                } => match self.store.open_incident_of_check(subj).await? {
                    Some(id) => {
                        self.store
                            .update_incident(
                                id,
                                "note",
                                "znode watch",
                                &format!("监测告警：{}", row.summary),
                                now,
                            )
                            .await?;
                    }
                    None => {
                        let title = format!("{}出现严重异常", row.name());
                        let id = self
                            .store
                            .open_incident(&NewIncident {
                                kind: "故障",
                                severity: "一般",
                                system: row.about.system.as_deref(),
                                title: &title,
                                reporter: "znode watch",
                                assignee: None,
                                source_check: Some(subj),
                                at: row.alert.since.unwrap_or(now),
                            })
                            .await?;
                        self.store
                            .update_incident(
                                id,
                                "note",
                                "znode watch",
                                &format!("监测发现：{}", row.summary),
                                now,
                            )
                            .await?;
                    }
                },
                Notice::Resolved { .. } => {
                    if let Some(id) = self.store.open_incident_of_check(subj).await?
                        && self.store.incident(id).await?.restored_at.is_none()
                    {
                        self.store
                            .update_incident(
                                id,
                                "note",
                                "znode watch",
                                &format!("监测恢复正常：{}", row.summary),
                                now,
                            )
                            .await?;
                    }
                }
                _ => {}
            }
            Ok(())
        }
        .await;
        if let Err(e) = r {
            self.observer.event(Event::Trouble(e.to_string()));
        }
    }

    fn wake(&self) {
        let _ = self.wake_sender.try_send(());
    }

    async fn save(&mut self) {
        if self.dirty.is_empty() {
            return;
        }
        let rows: Vec<AlertRow> = self
            .dirty
            .iter()
            .filter_map(|s| self.alerts.get(s).cloned())
            .collect();
        match self.store.save_alerts(&rows).await {
            Ok(()) => self.dirty.clear(),
            Err(e) => self.observer.event(Event::Trouble(e.to_string())),
        }
    }

    async fn save_hours(&mut self) {
        if self.hours.is_empty() {
            return;
        }
        let counts: Vec<_> = self.hours.drain().collect();
        if let Err(e) = self.store.add_watch_hours(&counts).await {
            self.observer.event(Event::Trouble(e.to_string()));
            // Kept for the next write: they are sums.
            for (k, v) in counts {
                let c = self.hours.entry(k).or_default();
                for i in 0..4 {
                    c.counts[i] += v.counts[i];
                }
                c.duration_ms += v.duration_ms;
            }
        }
    }

    /// The heartbeat: in the store, and in a file a second machine can read.
    async fn beat(&mut self, stopped: bool) {
        let now = now_ms();
        if let Err(e) = self
            .store
            .beat_watch(
                self.session,
                now,
                &self.profile.name,
                self.units.len() as i64,
                stopped,
            )
            .await
        {
            self.observer.event(Event::Trouble(e.to_string()));
        }
        let firing = self
            .alerts
            .values()
            .filter(|r| r.alert.notified.is_some())
            .count();
        let beat = Heartbeat {
            node: self.settings.node.clone(),
            pid: std::process::id(),
            machine: machine_name(),
            beat_at: now,
            every_ms: BEAT.as_millis() as i64,
            stopped,
            profile: self.profile.name.clone(),
            until: self.options.until,
            units: self.units.len(),
            firing,
        };
        let path = &self.settings.watch.heartbeat;
        if let Err(e) = beat.write(path) {
            self.observer.event(Event::Trouble(format!(
                "cannot write the heartbeat {}: {e}",
                path.display()
            )));
        }
    }

    /// Queues the daily duty report when its time has come and it was not sent today.
    async fn daily(&mut self) {
        let Some(d) = self.settings.watch.daily.clone() else {
            return;
        };
        match daily::due(&self.store, &d, self.settings.timezone, now_ms()).await {
            Ok(Some(since)) => {
                let channels = if d.notify.is_empty() {
                    self.profile.notify.clone()
                } else {
                    d.notify.clone()
                };
                let r = daily::send(
                    &self.store,
                    &self.settings,
                    &self.alerts,
                    &self.previous,
                    &channels,
                    since,
                    now_ms(),
                )
                .await;
                match r {
                    Ok(()) => {
                        self.observer.event(Event::Daily(channels.len()));
                        self.wake();
                    }
                    Err(e) => self.observer.event(Event::Trouble(e.to_string())),
                }
            }
            Ok(None) => {}
            Err(e) => self.observer.event(Event::Trouble(e.to_string())),
        }
    }

    /// Back to the normal profile when `--until` has passed.
    fn profile_end(&mut self) {
        let Some(until) = self.options.until else {
            return;
        };
        if now_ms() < until || self.profile.name == crate::alert::NORMAL {
            return;
        }
        let ended = std::mem::replace(&mut self.profile, self.settings.watch.normal.clone());
        self.options.until = None;
        let now = Instant::now();
        for i in 0..self.units.len() {
            let every = self.interval_of(&self.checks[self.units[i].spec]);
            let u = &mut self.units[i];
            u.every = every;
            u.due = u.due.min(now + every);
        }
        self.observer.event(Event::ProfileEnded(ended.name));
    }
}

/// Runs one batch of units through the runner and forwards their outcomes.
#[allow(clippy::too_many_arguments)]
async fn batch(
    id: u64,
    settings: Arc<Settings>,
    plan: Plan,
    previous: HashMap<String, Vec<Metric>>,
    store: Arc<Store>,
    mut shared: Shared,
    subjects: Vec<String>,
    out: mpsc::Sender<Msg>,
    stop: tokio::sync::watch::Receiver<bool>,
) {
    // Log checks read on from their cursors, and remember what they learned, as an
    // incremental `logs scan` does.
    let stateful = plan
        .checks
        .iter()
        .any(|c| matches!(c.probe.kind(), "log" | "heartbeat" | "drift") || c.baseline.is_some());
    if stateful {
        match crate::app::inspection::shared_state(&store, &plan, true).await {
            Ok(s) => {
                let clients = shared;
                shared = s;
                shared.adopt_clients(&clients);
            }
            Err(e) => {
                let _ = out.send(Msg::Trouble(e.to_string())).await;
            }
        }
    }
    // A host reporting by itself judges its own waivers and baselines under its name.
    shared.host = settings.this_host.clone();
    let shared = Arc::new(shared);
    let (tx, mut rx) = mpsc::channel(64);
    let runner = tokio::spawn(crate::runner::run(
        settings,
        Arc::new(plan),
        Arc::new(previous),
        shared.clone(),
        tx,
        false,
        stop,
    ));
    while let Some(ev) = rx.recv().await {
        if let RunEvent::CheckFinished(o) = ev
            && out.send(Msg::Outcome(id, o)).await.is_err()
        {
            break;
        }
    }
    let _ = runner.await;
    if stateful && let Err(e) = crate::app::inspection::save_shared_state(&store, &shared).await {
        let _ = out.send(Msg::Trouble(e.to_string())).await;
    }
    let _ = out.send(Msg::BatchDone(id, subjects)).await;
}

/// Delivers queued messages whenever woken, and retries those that failed (after 2 s, then
/// doubling up to a minute) until they are sent or too old: one task, so no message is sent
/// twice.
async fn deliver(
    store: Arc<Store>,
    settings: tokio::sync::watch::Receiver<Arc<Settings>>,
    mut wake: mpsc::Receiver<()>,
    out: mpsc::Sender<Msg>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut backoff: Option<Duration> = None;
    loop {
        let retry = tokio::time::sleep(backoff.unwrap_or(Duration::from_secs(3600)));
        tokio::select! {
            w = wake.recv() => if w.is_none() { return },
            _ = retry => {},
            _ = stop.wait_for(|s| *s) => return,
        }
        let now = settings.borrow().clone();
        let outbox = Outbox::new(&store, &now.notify, &now.node, now.defaults.timeout);
        match outbox.flush().await {
            Ok(f) => {
                let failed: Vec<(String, String)> = f
                    .tried
                    .iter()
                    .filter_map(|(q, e)| e.as_ref().map(|e| (q.channel.clone(), e.clone())))
                    .collect();
                backoff = match (failed.is_empty(), backoff) {
                    (true, _) => None,
                    (false, None) => Some(RETRY_FIRST),
                    (false, Some(b)) => Some((b * 2).min(RETRY_MAX)),
                };
                let sent = f.tried.len() - failed.len();
                if sent + failed.len() + f.expired.len() > 0 {
                    let _ = out
                        .send(Msg::Delivered(Event::Delivery {
                            sent,
                            failed,
                            expired: f.expired.len(),
                        }))
                        .await;
                }
            }
            Err(e) => {
                backoff = Some(backoff.map_or(RETRY_FIRST, |b| (b * 2).min(RETRY_MAX)));
                let _ = out.send(Msg::Trouble(e.to_string())).await;
            }
        }
    }
}

/// What the heartbeat file holds (JSON), read by `znode probe watch` on another machine.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Heartbeat {
    /// Node name.
    pub node: String,
    /// The watcher's process id.
    pub pid: u32,
    /// The machine it runs on.
    pub machine: String,
    /// When it was written (epoch ms).
    pub beat_at: i64,
    /// How often it is written.
    pub every_ms: i64,
    /// Written by a watcher that stopped cleanly.
    pub stopped: bool,
    /// The profile.
    pub profile: String,
    /// The profile's end.
    pub until: Option<i64>,
    /// Units watched.
    pub units: usize,
    /// Alerts firing (told).
    pub firing: usize,
}

impl Heartbeat {
    /// Writes it beside, then renames: a reader never sees half a file.
    fn write(&self, path: &std::path::Path) -> std::io::Result<()> {
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(&tmp, path)
    }
}

/// This machine's name.
fn machine_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}
