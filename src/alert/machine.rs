//! The alert state machine of one check on one host: OK → PENDING → FIRING → RECOVERING → OK,
//! the level of the problem (WARN, CRIT, UNKNOWN), flap detection, and which notices are due.
//!
//! What receivers were last told (`notified`) is kept beside the phase, and notices are the
//! difference between the two: a restart with nothing changed owes nothing, a failure that began
//! while the watcher was down is owed, and a notice held back (silence, maintenance, a parent
//! that is down, flapping) is owed again once nothing holds it.

use serde::{Deserialize, Serialize};

use crate::core::outcome::Status;

/// Where a check's alert is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Healthy, or never seen failing.
    #[default]
    Ok,
    /// Failing, fewer times in a row than the failure threshold.
    Pending,
    /// Failing, confirmed.
    Firing,
    /// Passing again after firing, fewer times in a row than the success threshold.
    Recovering,
}

impl Phase {
    /// The word stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Ok => "ok",
            Phase::Pending => "pending",
            Phase::Firing => "firing",
            Phase::Recovering => "recovering",
        }
    }

    /// Reads a stored word.
    pub fn parse(s: &str) -> Option<Phase> {
        Some(match s {
            "ok" => Phase::Ok,
            "pending" => Phase::Pending,
            "firing" => Phase::Firing,
            "recovering" => Phase::Recovering,
            _ => return None,
        })
    }

    /// In Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Phase::Ok => "正常",
            Phase::Pending => "待确认",
            Phase::Firing => "告警中",
            Phase::Recovering => "恢复中",
        }
    }
}

/// How many results in a row change the phase, and how flapping is judged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Failures in a row before an alert fires.
    pub failure: u32,
    /// Passes in a row before a firing alert resolves.
    pub success: u32,
    /// Flapping starts when the weighted share of state changes reaches this (0..1).
    pub flap_high: f64,
    /// Flapping stops when it falls below this.
    pub flap_low: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            failure: 3,
            success: 2,
            flap_high: 0.25,
            flap_low: 0.10,
        }
    }
}

/// Results remembered for flap detection, as Nagios does.
pub const FLAP_WINDOW: u32 = 21;

/// The alert of one check on one host.
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    /// The phase.
    pub phase: Phase,
    /// The level of the current problem (or of the last one, once OK).
    pub level: Status,
    /// The status last observed.
    pub status: Status,
    /// Failures in a row.
    pub fails: u32,
    /// Passes in a row.
    pub passes: u32,
    /// When the current problem was first seen (epoch ms).
    pub since: Option<i64>,
    /// The last results, newest in bit 0: 1 a problem, 0 a pass; `seen` of them are valid.
    pub history: u32,
    /// How many of the history bits are valid (at most [`FLAP_WINDOW`]).
    pub seen: u32,
    /// Reported as flapping.
    pub flapping: bool,
    /// What receivers were last told: the level of a firing alert, `None` for all clear.
    pub notified: Option<Status>,
    /// Whether receivers were told that it flaps.
    pub flap_notified: bool,
    /// When the first notice of this problem went out (escalation counts from it).
    pub fired_at: Option<i64>,
    /// When the last notice of this problem went out (reminders count from it).
    pub last_sent: Option<i64>,
    /// Escalation tiers notified so far (0: only the first receivers).
    pub tier: u32,
}

/// Why a notice is held back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hold {
    /// A silence matches (its id and reason).
    Silence {
        /// Silence id.
        id: i64,
        /// Why it was set (a change ticket).
        reason: String,
    },
    /// A maintenance window is open (its name).
    Maintenance(String),
    /// What it depends on is down: it is affected, and that alert speaks for it.
    Affected(String),
    /// What it depends on has not been checked since this began failing: wait for it.
    Awaiting(String),
}

/// What the watcher knows beyond the alert itself when it decides what to send.
#[derive(Clone, Debug, Default)]
pub struct Situation<'a> {
    /// Now, epoch ms.
    pub now: i64,
    /// What holds notices back, if anything.
    pub hold: Option<Hold>,
    /// Acknowledged by someone: no reminders, no escalation.
    pub acked: bool,
    /// Remind this often while firing and not acknowledged.
    pub repeat: Option<std::time::Duration>,
    /// When each escalation tier is due, counted from the first notice.
    pub escalation: &'a [std::time::Duration],
}

/// A message that is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The problem is confirmed.
    Firing(Status),
    /// A firing alert changed level (WARN ↔ CRIT).
    Changed {
        /// What receivers were told.
        from: Status,
        /// What it is now.
        to: Status,
    },
    /// It is OK again; `held` says what held notices back meanwhile (维护期内已恢复).
    Resolved {
        /// The level receivers were told.
        was: Status,
        /// Held back when it recovered.
        held: Option<Hold>,
    },
    /// Still firing, not acknowledged.
    Reminder(Status),
    /// Not acknowledged in time: the tier (from 1) to tell now.
    Escalate(u32),
    /// It flips too often to page each time.
    FlapStart,
    /// It stopped flipping.
    FlapStop,
    /// It is no longer watched (removed from the checks, or not selected): what paged is
    /// closed. The watcher sends it; [`Alert::due`] never does.
    Retired(Status),
}

impl Default for Alert {
    fn default() -> Self {
        Alert {
            phase: Phase::Ok,
            level: Status::Ok,
            status: Status::Ok,
            fails: 0,
            passes: 0,
            since: None,
            history: 0,
            seen: 0,
            flapping: false,
            notified: None,
            flap_notified: false,
            fired_at: None,
            last_sent: None,
            tier: 0,
        }
    }
}

impl Alert {
    /// Takes one result. A waived or OK result is a pass; WARN, CRIT and UNKNOWN are problems.
    pub fn observe(&mut self, status: Status, now: i64, t: &Thresholds) {
        let problem = status != Status::Ok;
        self.status = status;
        self.history = (self.history << 1) | u32::from(problem);
        self.seen = (self.seen + 1).min(FLAP_WINDOW);
        let change = self.change_share();
        if !self.flapping && change >= t.flap_high {
            self.flapping = true;
        } else if self.flapping && change < t.flap_low {
            self.flapping = false;
        }
        if problem {
            self.passes = 0;
            self.fails = self.fails.saturating_add(1);
            // Once firing, the level only rises: a disk at 89%/91% or a check that sometimes
            // times out would otherwise page at every swing. Receivers learn that it got worse,
            // and that it recovered.
            self.level = match self.phase {
                Phase::Firing | Phase::Recovering => self.level.max(status),
                Phase::Ok | Phase::Pending => status,
            };
            match self.phase {
                Phase::Ok => {
                    self.since = Some(now);
                    self.phase = Phase::Pending;
                }
                Phase::Recovering => self.phase = Phase::Firing,
                Phase::Pending | Phase::Firing => {}
            }
            if self.phase == Phase::Pending && self.fails >= t.failure.max(1) {
                self.phase = Phase::Firing;
            }
        } else {
            self.fails = 0;
            self.passes = self.passes.saturating_add(1);
            match self.phase {
                Phase::Ok => {}
                Phase::Pending => {
                    self.phase = Phase::Ok;
                    self.since = None;
                }
                Phase::Firing | Phase::Recovering => {
                    self.phase = if self.passes >= t.success.max(1) {
                        Phase::Ok
                    } else {
                        Phase::Recovering
                    };
                }
            }
            if self.phase == Phase::Ok {
                self.since = None;
            }
        }
    }

    /// The weighted share of state changes over the last [`FLAP_WINDOW`] results, newest
    /// weighing most (1.25 for the newest change to 0.75 for the oldest), as Nagios computes it.
    /// Results not seen yet count as no change, so a new check needs several flips (five, at
    /// the default 25%) to be called flapping, not one failure and its recovery.
    pub fn change_share(&self) -> f64 {
        let changes = FLAP_WINDOW - 1;
        let (mut changed, mut total) = (0.0, 0.0);
        // Change i is between result i and i+1 (0 newest).
        for i in 0..changes {
            let weight = 1.25 - 0.5 * f64::from(i) / f64::from(changes - 1);
            total += weight;
            if i + 1 < self.seen && (self.history >> i) & 1 != (self.history >> (i + 1)) & 1 {
                changed += weight;
            }
        }
        changed / total
    }

    /// Whether it is failing now (pending or firing), which is what its dependents look at.
    pub fn failing(&self) -> bool {
        matches!(self.phase, Phase::Pending | Phase::Firing)
    }

    /// The level receivers should know: the problem's while it fires, none once it is OK.
    pub fn wanted(&self) -> Option<Status> {
        match self.phase {
            Phase::Firing | Phase::Recovering => Some(self.level),
            Phase::Ok | Phase::Pending => None,
        }
    }

    /// The notices due now. Sending one is recorded with [`Alert::sent`].
    pub fn due(&self, s: &Situation<'_>) -> Vec<Notice> {
        let mut out = Vec::new();
        let held = s.hold.is_some();
        if self.flapping != self.flap_notified && !(held && self.flapping) {
            out.push(if self.flapping {
                Notice::FlapStart
            } else {
                Notice::FlapStop
            });
        }
        if self.flapping {
            return out;
        }
        match (self.notified, self.wanted()) {
            // What paged is always told it recovered, whatever holds notices back.
            (Some(was), None) => out.push(Notice::Resolved {
                was,
                held: s.hold.clone(),
            }),
            (None, Some(level)) if !held => out.push(Notice::Firing(level)),
            (Some(from), Some(to)) if from != to && !held => out.push(Notice::Changed { from, to }),
            (Some(level), Some(_)) if !held && !s.acked && self.phase == Phase::Firing => {
                let tier = self.tier as usize;
                if let (Some(after), Some(fired)) = (s.escalation.get(tier), self.fired_at)
                    && s.now - fired >= after.as_millis() as i64
                {
                    out.push(Notice::Escalate(self.tier + 1));
                } else if let (Some(every), Some(last)) = (s.repeat, self.last_sent)
                    && !every.is_zero()
                    && s.now - last >= every.as_millis() as i64
                {
                    out.push(Notice::Reminder(level));
                }
            }
            _ => {}
        }
        out
    }

    /// Records that a notice went out (was queued in the outbox) at `now`.
    pub fn sent(&mut self, notice: &Notice, now: i64) {
        match notice {
            Notice::Firing(level) => {
                self.notified = Some(*level);
                self.fired_at = Some(now);
                self.last_sent = Some(now);
                self.tier = 0;
            }
            Notice::Changed { to, .. } => {
                self.notified = Some(*to);
                self.last_sent = Some(now);
            }
            Notice::Resolved { .. } | Notice::Retired(_) => {
                self.notified = None;
                self.fired_at = None;
                self.last_sent = None;
                self.tier = 0;
            }
            Notice::Reminder(_) => self.last_sent = Some(now),
            Notice::Escalate(tier) => {
                self.tier = *tier;
                self.last_sent = Some(now);
            }
            Notice::FlapStart => self.flap_notified = true,
            Notice::FlapStop => self.flap_notified = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn feed(a: &mut Alert, statuses: &[Status]) {
        for (i, s) in statuses.iter().enumerate() {
            a.observe(*s, i as i64 * 1000, &Thresholds::default());
        }
    }

    fn now(at: i64) -> Situation<'static> {
        Situation {
            now: at,
            ..Default::default()
        }
    }

    #[test]
    fn fires_after_the_failure_threshold_and_resolves_after_the_success_threshold() {
        use Status::*;
        let mut a = Alert::default();
        feed(&mut a, &[Crit, Crit]);
        assert_eq!(a.phase, Phase::Pending);
        assert!(a.due(&now(2000)).is_empty());
        feed(&mut a, &[Crit]);
        assert_eq!(a.phase, Phase::Firing);
        let due = a.due(&now(3000));
        assert_eq!(due, vec![Notice::Firing(Crit)]);
        a.sent(&due[0], 3000);
        assert!(a.due(&now(3000)).is_empty(), "told once");
        feed(&mut a, &[Ok]);
        assert_eq!(a.phase, Phase::Recovering);
        assert!(a.due(&now(4000)).is_empty());
        feed(&mut a, &[Ok]);
        assert_eq!(a.phase, Phase::Ok);
        assert_eq!(
            a.due(&now(5000)),
            vec![Notice::Resolved {
                was: Crit,
                held: None
            }]
        );
    }

    #[test]
    fn a_pending_failure_that_passes_says_nothing() {
        use Status::*;
        let mut a = Alert::default();
        feed(&mut a, &[Crit, Crit, Ok, Crit, Ok]);
        assert_eq!(a.phase, Phase::Ok);
        assert!(a.due(&now(9000)).is_empty());
    }

    #[test]
    fn warn_is_its_own_level_and_a_change_is_told() {
        use Status::*;
        let mut a = Alert::default();
        feed(&mut a, &[Warn, Warn, Warn]);
        let due = a.due(&now(0));
        assert_eq!(due, vec![Notice::Firing(Warn)]);
        a.sent(&due[0], 0);
        a.observe(Crit, 5000, &Thresholds::default());
        let due = a.due(&now(5000));
        assert_eq!(
            due,
            vec![Notice::Changed {
                from: Warn,
                to: Crit
            }]
        );
        a.sent(&due[0], 5000);
        // Swinging back to WARN while firing is not a message of its own.
        a.observe(Warn, 6000, &Thresholds::default());
        a.observe(Crit, 7000, &Thresholds::default());
        a.observe(Warn, 8000, &Thresholds::default());
        assert!(a.due(&now(8000)).is_empty());
        assert_eq!(a.level, Crit);
    }

    #[test]
    fn a_hold_defers_firing_but_never_the_recovery() {
        use Status::*;
        let mut a = Alert::default();
        feed(&mut a, &[Crit, Crit, Crit]);
        let maint = Situation {
            hold: Some(Hold::Maintenance("周一维护".into())),
            ..now(0)
        };
        assert!(a.due(&maint).is_empty());
        // Once the window closes the failure is owed.
        let due = a.due(&now(1));
        a.sent(&due[0], 1);
        feed(&mut a, &[Ok, Ok]);
        assert_eq!(
            a.due(&maint),
            vec![Notice::Resolved {
                was: Crit,
                held: Some(Hold::Maintenance("周一维护".into()))
            }]
        );
    }

    #[test]
    fn reminders_and_escalation_stop_when_acknowledged() {
        use Status::*;
        let mut a = Alert::default();
        feed(&mut a, &[Crit, Crit, Crit]);
        a.sent(&Notice::Firing(Crit), 0);
        let tiers = [Duration::from_secs(900), Duration::from_secs(1800)];
        let at = |t: i64, acked| Situation {
            now: t,
            acked,
            repeat: Some(Duration::from_secs(600)),
            escalation: &tiers,
            hold: None,
        };
        assert_eq!(a.due(&at(600_000, false)), vec![Notice::Reminder(Crit)]);
        a.sent(&Notice::Reminder(Crit), 600_000);
        assert_eq!(a.due(&at(900_000, false)), vec![Notice::Escalate(1)]);
        a.sent(&Notice::Escalate(1), 900_000);
        assert!(a.due(&at(1_000_000, false)).is_empty());
        assert_eq!(a.due(&at(1_800_000, false)), vec![Notice::Escalate(2)]);
        assert!(a.due(&at(1_800_000, true)).is_empty());
    }

    #[test]
    fn flapping_is_told_once_and_holds_the_flips() {
        use Status::*;
        let mut a = Alert::default();
        let t = Thresholds {
            failure: 1,
            success: 1,
            ..Default::default()
        };
        let mut told = Vec::new();
        for i in 0..20 {
            let s = if i % 2 == 0 { Crit } else { Ok };
            a.observe(s, i * 1000, &t);
            for n in a.due(&now(i * 1000)) {
                a.sent(&n, i * 1000);
                told.push(n);
            }
        }
        assert!(a.flapping);
        let flips = told
            .iter()
            .filter(|n| matches!(n, Notice::Firing(_) | Notice::Resolved { .. }))
            .count();
        assert!(flips <= 5, "{told:?}");
        assert_eq!(told.iter().filter(|n| **n == Notice::FlapStart).count(), 1);
        for i in 20..45 {
            a.observe(Ok, i * 1000, &t);
            for n in a.due(&now(i * 1000)) {
                a.sent(&n, i * 1000);
                told.push(n);
            }
        }
        assert!(!a.flapping);
        assert!(told.contains(&Notice::FlapStop));
        assert_eq!(a.notified, None, "a recovery closes what paged: {told:?}");
    }

    #[test]
    fn change_share_weighs_the_newest_most() {
        let mut a = Alert::default();
        feed(&mut a, &[Status::Ok; 21]);
        assert_eq!(a.change_share(), 0.0);
        let mut b = Alert::default();
        let mut seq = vec![Status::Ok; 19];
        seq.extend([Status::Crit, Status::Ok]);
        feed(&mut b, &seq);
        let mut c = Alert::default();
        let mut seq = vec![Status::Ok, Status::Crit];
        seq.extend([Status::Ok; 19]);
        feed(&mut c, &seq);
        assert!(b.change_share() > c.change_share());
    }
}
