//! What `znode watch` keeps (migration 0015): the alert of each check and host, the events of
//! alerts, silences, hourly result counts and the watcher's sessions with their heartbeat.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError};
use crate::alert::{Alert, Phase};
use crate::core::outcome::Status;

/// What an alert is about, beside its state.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertSubject {
    /// `check` or `check@host`, or `host:NAME`.
    pub subject: String,
    /// Check id (`host:NAME` for a host).
    pub check: String,
    /// Inventory host.
    pub host: Option<String>,
    /// System id.
    pub system: Option<String>,
    /// Chinese title.
    pub title: String,
    /// Category in Chinese.
    pub category: String,
}

/// An alert as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertRow {
    /// Row id, shown to `alert ack`.
    pub id: i64,
    /// What it is about.
    pub about: AlertSubject,
    /// The state machine.
    pub alert: Alert,
    /// The last result's one line.
    pub summary: String,
    /// What holds its notices back, in words.
    pub hold: Option<String>,
    /// When it was last checked.
    pub checked_at: i64,
    /// How long the last check took.
    pub duration_ms: i64,
    /// Who acknowledged the current problem, when, and what they said.
    pub ack: Option<(String, i64, Option<String>)>,
}

impl AlertRow {
    /// Where the alert is, as people read it: `标题（主机）`.
    pub fn name(&self) -> String {
        match &self.about.host {
            Some(h) if !self.about.check.starts_with("host:") => {
                format!("{}（{h}）", self.about.title)
            }
            _ => self.about.title.clone(),
        }
    }
}

/// An event of an alert.
#[derive(Clone, Debug, PartialEq)]
pub struct WatchEvent {
    /// Row id.
    pub id: i64,
    /// When.
    pub at: i64,
    /// The alert's subject.
    pub subject: String,
    /// Its title.
    pub title: String,
    /// `firing`, `changed`, `resolved`, `reminder`, `escalated`, `flap-start`, `flap-stop`,
    /// `acked`, `held`.
    pub event: String,
    /// The level it is about.
    pub level: Status,
    /// What was seen or said.
    pub summary: String,
    /// More: the hold, the tier, the dependents affected.
    pub detail: Option<String>,
    /// The outbox message that carried it.
    pub message_id: Option<i64>,
}

/// One alert episode: it fired, then perhaps someone acknowledged it, then perhaps it
/// resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Episode<'a> {
    /// The firing event.
    pub fired: &'a WatchEvent,
    /// The first acknowledgement after it.
    pub acked: Option<&'a WatchEvent>,
    /// The resolution.
    pub resolved: Option<&'a WatchEvent>,
    /// Escalations sent.
    pub escalated: usize,
}

/// The episodes among events (oldest first): each `firing` with what followed it for the
/// same alert, up to its `resolved` or the next `firing`.
pub fn episodes(events: &[WatchEvent]) -> Vec<Episode<'_>> {
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if e.event != "firing" {
            continue;
        }
        let mut ep = Episode {
            fired: e,
            acked: None,
            resolved: None,
            escalated: 0,
        };
        for x in events[i + 1..].iter().filter(|x| x.subject == e.subject) {
            match x.event.as_str() {
                "acked" if ep.acked.is_none() => ep.acked = Some(x),
                "escalated" => ep.escalated += 1,
                "resolved" => {
                    ep.resolved = Some(x);
                    break;
                }
                "firing" => break,
                _ => {}
            }
        }
        out.push(ep);
    }
    out
}

/// A silence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Silence {
    /// Id.
    pub id: i64,
    /// The matcher as written.
    pub matcher: String,
    /// From.
    pub starts_at: i64,
    /// Until.
    pub ends_at: i64,
    /// Why (a change ticket).
    pub reason: String,
    /// Who set it.
    pub author: String,
    /// Expired early by hand, when.
    pub expired_at: Option<i64>,
}

/// Results of one subject in one hour.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HourCount {
    /// Results per status: OK, WARN, CRIT, UNKNOWN.
    pub counts: [i64; 4],
    /// Sum of the checks' durations.
    pub duration_ms: i64,
}

/// A watcher process as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct WatchSession {
    /// Id.
    pub id: i64,
    /// Started.
    pub started_at: i64,
    /// Last heartbeat.
    pub beat_at: i64,
    /// Stopped cleanly, when.
    pub stopped_at: Option<i64>,
    /// Its process id.
    pub pid: i64,
    /// The machine it runs on.
    pub machine: String,
    /// Its profile.
    pub profile: String,
    /// The profile's end, for 重保.
    pub until: Option<i64>,
    /// Checks it watches (units).
    pub checks: i64,
}

type SilenceRow = (i64, String, i64, i64, String, String, Option<i64>);
type SessionRow = (
    i64,
    i64,
    i64,
    Option<i64>,
    i64,
    String,
    String,
    Option<i64>,
    i64,
);

/// Which hourly count: subject, check id, host, hour (epoch ms / 3,600,000).
pub type HourKey = (String, String, Option<String>, i64);

const ALERT_COLUMNS: &str = "id, subject, check_id, host, system, title, category, phase, level, status, summary, \
     fails, passes, since, history, seen, flapping, notified, flap_notified, fired_at, last_sent, tier, hold, \
     checked_at, duration_ms, acked_by, acked_at, ack_note";

fn status(s: &str) -> Status {
    Status::parse(s).unwrap_or(Status::Unknown)
}

fn alert_row(r: &AnyRow) -> Result<AlertRow, sqlx::Error> {
    let notified: Option<String> = r.try_get("notified")?;
    let acked_by: Option<String> = r.try_get("acked_by")?;
    let acked_at: Option<i64> = r.try_get("acked_at")?;
    Ok(AlertRow {
        id: r.try_get("id")?,
        about: AlertSubject {
            subject: r.try_get("subject")?,
            check: r.try_get("check_id")?,
            host: r.try_get("host")?,
            system: r.try_get("system")?,
            title: r.try_get("title")?,
            category: r.try_get("category")?,
        },
        alert: Alert {
            phase: Phase::parse(&r.try_get::<String, _>("phase")?).unwrap_or_default(),
            level: status(&r.try_get::<String, _>("level")?),
            status: status(&r.try_get::<String, _>("status")?),
            fails: r.try_get::<i64, _>("fails")? as u32,
            passes: r.try_get::<i64, _>("passes")? as u32,
            since: r.try_get("since")?,
            history: r.try_get::<i64, _>("history")? as u32,
            seen: r.try_get::<i64, _>("seen")? as u32,
            flapping: r.try_get::<i64, _>("flapping")? != 0,
            notified: notified.as_deref().map(status),
            flap_notified: r.try_get::<i64, _>("flap_notified")? != 0,
            fired_at: r.try_get("fired_at")?,
            last_sent: r.try_get("last_sent")?,
            tier: r.try_get::<i64, _>("tier")? as u32,
        },
        summary: r.try_get("summary")?,
        hold: r.try_get("hold")?,
        checked_at: r.try_get("checked_at")?,
        duration_ms: r.try_get("duration_ms")?,
        ack: acked_by
            .zip(acked_at)
            .map(|(by, at)| (by, at, r.try_get("ack_note").ok().flatten())),
    })
}

/// Writes one alert (see [`Store::save_alerts`]).
async fn upsert_alert<'e>(
    e: impl sqlx::Executor<'e, Database = sqlx::Any>,
    r: &AlertRow,
) -> Result<(), sqlx::Error> {
    let a = &r.alert;
    sqlx::query(
        "INSERT INTO watch_alerts (subject, check_id, host, system, title, category, phase, level, status, summary, \
         fails, passes, since, history, seen, flapping, notified, flap_notified, fired_at, last_sent, tier, hold, \
         checked_at, duration_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) \
         ON CONFLICT (subject) DO UPDATE SET check_id = excluded.check_id, host = excluded.host, \
         system = excluded.system, title = excluded.title, category = excluded.category, phase = excluded.phase, \
         level = excluded.level, status = excluded.status, summary = excluded.summary, fails = excluded.fails, \
         passes = excluded.passes, since = excluded.since, history = excluded.history, seen = excluded.seen, \
         flapping = excluded.flapping, notified = excluded.notified, flap_notified = excluded.flap_notified, \
         fired_at = excluded.fired_at, last_sent = excluded.last_sent, tier = excluded.tier, hold = excluded.hold, \
         checked_at = excluded.checked_at, duration_ms = excluded.duration_ms, \
         acked_by = CASE WHEN excluded.phase = 'ok' AND excluded.notified IS NULL THEN NULL ELSE watch_alerts.acked_by END, \
         acked_at = CASE WHEN excluded.phase = 'ok' AND excluded.notified IS NULL THEN NULL ELSE watch_alerts.acked_at END, \
         ack_note = CASE WHEN excluded.phase = 'ok' AND excluded.notified IS NULL THEN NULL ELSE watch_alerts.ack_note END",
    )
    .bind(r.about.subject.clone())
    .bind(r.about.check.clone())
    .bind(r.about.host.clone())
    .bind(r.about.system.clone())
    .bind(r.about.title.clone())
    .bind(r.about.category.clone())
    .bind(a.phase.as_str())
    .bind(a.level.as_str())
    .bind(a.status.as_str())
    .bind(r.summary.clone())
    .bind(i64::from(a.fails))
    .bind(i64::from(a.passes))
    .bind(a.since)
    .bind(i64::from(a.history))
    .bind(i64::from(a.seen))
    .bind(i64::from(a.flapping))
    .bind(a.notified.map(|s| s.as_str()))
    .bind(i64::from(a.flap_notified))
    .bind(a.fired_at)
    .bind(a.last_sent)
    .bind(i64::from(a.tier))
    .bind(r.hold.clone())
    .bind(r.checked_at)
    .bind(r.duration_ms)
    .execute(e)
    .await?;
    Ok(())
}

/// Inserts an event; returns its id.
async fn insert_event<'e>(
    e: impl sqlx::Executor<'e, Database = sqlx::Any>,
    ev: &WatchEvent,
) -> Result<i64, sqlx::Error> {
    let id: (i64,) = sqlx::query_as(
        "INSERT INTO watch_events (at, subject, title, event, level, summary, detail, message_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(ev.at)
    .bind(ev.subject.clone())
    .bind(ev.title.clone())
    .bind(ev.event.clone())
    .bind(ev.level.as_str())
    .bind(ev.summary.clone())
    .bind(ev.detail.clone())
    .bind(ev.message_id)
    .fetch_one(e)
    .await?;
    Ok(id.0)
}

fn hour_count(
    (s, h, ok, warn, crit, unknown, d): (String, i64, i64, i64, i64, i64, i64),
) -> (String, i64, HourCount) {
    (
        s,
        h,
        HourCount {
            counts: [ok, warn, crit, unknown],
            duration_ms: d,
        },
    )
}

fn event_row(r: &AnyRow) -> Result<WatchEvent, sqlx::Error> {
    Ok(WatchEvent {
        id: r.try_get("id")?,
        at: r.try_get("at")?,
        subject: r.try_get("subject")?,
        title: r.try_get("title")?,
        event: r.try_get("event")?,
        level: status(&r.try_get::<String, _>("level")?),
        summary: r.try_get("summary")?,
        detail: r.try_get("detail")?,
        message_id: r.try_get("message_id")?,
    })
}

impl Store {
    /// Every alert, by subject.
    pub async fn alerts(&self) -> Result<Vec<AlertRow>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ALERT_COLUMNS} FROM watch_alerts ORDER BY subject"
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        rows.iter()
            .map(alert_row)
            .collect::<Result<_, _>>()
            .map_err(self.db())
    }

    /// Writes alerts in one transaction. The acknowledgement is left as `alert ack` wrote it,
    /// except that an alert back to OK forgets it: the next problem needs its own.
    pub async fn save_alerts(&self, rows: &[AlertRow]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        for r in rows {
            upsert_alert(&mut *tx, r).await.map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())
    }

    /// Records a notice at once: its messages queued in the outbox, its event (pointing at the
    /// first message) and the alert as it stands after it, in one transaction, so that a
    /// notice is either owed or queued and never queued twice. Returns the messages' ids.
    pub async fn record_notice(
        &self,
        messages: &[super::NewMessage<'_>],
        event: &WatchEvent,
        alert: Option<&AlertRow>,
    ) -> Result<Vec<i64>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        let mut ids = Vec::with_capacity(messages.len());
        for m in messages {
            ids.push(
                super::runbook::insert_message(&mut *tx, m)
                    .await
                    .map_err(self.db())?,
            );
        }
        let e = WatchEvent {
            message_id: ids.first().copied(),
            ..event.clone()
        };
        insert_event(&mut *tx, &e).await.map_err(self.db())?;
        if let Some(a) = alert {
            upsert_alert(&mut *tx, a).await.map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())?;
        Ok(ids)
    }

    /// Forgets an alert (its check is no longer watched); its events stay.
    pub async fn remove_alert(&self, subject: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM watch_alerts WHERE subject = $1")
            .bind(subject.to_owned())
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(())
    }

    /// The subjects whose current problem is acknowledged.
    pub async fn acked_alerts(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT subject FROM watch_alerts WHERE acked_at IS NOT NULL")
                .fetch_all(&self.pool)
                .await
                .map_err(self.db())?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Acknowledges the alert with this id or subject (a person takes it): reminders and
    /// escalation stop until it resolves. Returns the alert.
    pub async fn ack_alert(
        &self,
        which: &str,
        by: &str,
        note: Option<&str>,
        at: i64,
    ) -> Result<AlertRow, StoreError> {
        let found = self
            .alerts()
            .await?
            .into_iter()
            .find(|r| r.about.subject == which || r.id.to_string() == which)
            .ok_or_else(|| StoreError::NotFound(format!("alert `{which}`")))?;
        sqlx::query(
            "UPDATE watch_alerts SET acked_by = $1, acked_at = $2, ack_note = $3 WHERE id = $4",
        )
        .bind(by.to_owned())
        .bind(at)
        .bind(note.map(str::to_owned))
        .bind(found.id)
        .execute(&self.pool)
        .await
        .map_err(self.db())?;
        self.add_watch_event(&WatchEvent {
            id: 0,
            at,
            subject: found.about.subject.clone(),
            title: found.about.title.clone(),
            event: "acked".into(),
            level: found.alert.level,
            summary: format!("{by} 已确认"),
            detail: note.map(str::to_owned),
            message_id: None,
        })
        .await?;
        Ok(AlertRow {
            ack: Some((by.to_owned(), at, note.map(str::to_owned))),
            ..found
        })
    }

    /// Records an event; returns its id.
    pub async fn add_watch_event(&self, e: &WatchEvent) -> Result<i64, StoreError> {
        insert_event(&self.pool, e).await.map_err(self.db())
    }

    /// Whether an event of this kind was recorded at or after `from`.
    pub async fn watch_event_since(&self, event: &str, from: i64) -> Result<bool, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM watch_events WHERE event = $1 AND at >= $2 LIMIT 1")
                .bind(event.to_owned())
                .bind(from)
                .fetch_optional(&self.pool)
                .await
                .map_err(self.db())?;
        Ok(row.is_some())
    }

    /// Events from `from` to `to` (epoch ms), oldest first.
    pub async fn watch_events(&self, from: i64, to: i64) -> Result<Vec<WatchEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, at, subject, title, event, level, summary, detail, message_id FROM watch_events \
             WHERE at >= $1 AND at < $2 ORDER BY at, id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        rows.iter()
            .map(event_row)
            .collect::<Result<_, _>>()
            .map_err(self.db())
    }

    /// Adds a silence; returns its id.
    pub async fn add_silence(&self, s: &Silence, at: i64) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO silences (matcher, starts_at, ends_at, reason, author, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(s.matcher.clone())
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(s.reason.clone())
        .bind(s.author.clone())
        .bind(at)
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// Silences in force at `at`, or every silence when `None`; newest first.
    pub async fn silences(&self, at: Option<i64>) -> Result<Vec<Silence>, StoreError> {
        let rows: Vec<SilenceRow> = sqlx::query_as(
            "SELECT id, matcher, starts_at, ends_at, reason, author, expired_at FROM silences \
             WHERE $1 < 0 OR (starts_at <= $1 AND ends_at > $1 AND expired_at IS NULL) ORDER BY id DESC",
        )
        .bind(at.unwrap_or(-1))
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(
                |(id, matcher, starts_at, ends_at, reason, author, expired_at)| Silence {
                    id,
                    matcher,
                    starts_at,
                    ends_at,
                    reason,
                    author,
                    expired_at,
                },
            )
            .collect())
    }

    /// Ends a silence now.
    pub async fn expire_silence(&self, id: i64, at: i64) -> Result<(), StoreError> {
        let done =
            sqlx::query("UPDATE silences SET expired_at = $1 WHERE id = $2 AND expired_at IS NULL")
                .bind(at)
                .bind(id)
                .execute(&self.pool)
                .await
                .map_err(self.db())?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("silence {id} in force")));
        }
        Ok(())
    }

    /// Adds result counts per subject and hour, in one transaction.
    pub async fn add_watch_hours(&self, counts: &[(HourKey, HourCount)]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        for ((subject, check, host, hour), c) in counts {
            sqlx::query(
                "INSERT INTO watch_hours (subject, hour, check_id, host, ok, warn, crit, unknown, duration_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (subject, hour) DO UPDATE SET \
                 ok = watch_hours.ok + excluded.ok, warn = watch_hours.warn + excluded.warn, \
                 crit = watch_hours.crit + excluded.crit, unknown = watch_hours.unknown + excluded.unknown, \
                 duration_ms = watch_hours.duration_ms + excluded.duration_ms",
            )
            .bind(subject.clone())
            .bind(*hour)
            .bind(check.clone())
            .bind(host.clone())
            .bind(c.counts[0])
            .bind(c.counts[1])
            .bind(c.counts[2])
            .bind(c.counts[3])
            .bind(c.duration_ms)
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())
    }

    /// Hourly counts of every subject from `from_hour` on: (subject, hour, counts).
    pub async fn watch_hours(
        &self,
        from_hour: i64,
    ) -> Result<Vec<(String, i64, HourCount)>, StoreError> {
        let rows: Vec<(String, i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT subject, hour, ok, warn, crit, unknown, duration_ms FROM watch_hours \
             WHERE hour >= $1 ORDER BY subject, hour",
        )
        .bind(from_hour)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(hour_count).collect())
    }

    /// Result counts per subject and local day from `from_hour` on, summed in the database:
    /// (subject, day, counts), the day counted from 1970-01-01 in a zone `offset_hours` ahead
    /// of UTC.
    pub async fn watch_days(
        &self,
        from_hour: i64,
        offset_hours: i64,
    ) -> Result<Vec<(String, i64, HourCount)>, StoreError> {
        let rows: Vec<(String, i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT subject, (hour + $2) / 24, SUM(ok), SUM(warn), SUM(crit), SUM(unknown), SUM(duration_ms) \
             FROM watch_hours WHERE hour >= $1 GROUP BY subject, (hour + $2) / 24",
        )
        .bind(from_hour)
        .bind(offset_hours)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(hour_count).collect())
    }

    /// Hourly counts of one subject from `from_hour` on: (subject, hour, counts).
    pub async fn watch_hours_of(
        &self,
        subject: &str,
        from_hour: i64,
    ) -> Result<Vec<(String, i64, HourCount)>, StoreError> {
        let rows: Vec<(String, i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT subject, hour, ok, warn, crit, unknown, duration_ms FROM watch_hours \
             WHERE subject = $1 AND hour >= $2 ORDER BY hour",
        )
        .bind(subject.to_owned())
        .bind(from_hour)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(hour_count).collect())
    }

    /// The last `limit` events of one alert, newest first.
    pub async fn watch_events_of(
        &self,
        subject: &str,
        limit: i64,
    ) -> Result<Vec<WatchEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, at, subject, title, event, level, summary, detail, message_id FROM watch_events \
             WHERE subject = $1 ORDER BY at DESC, id DESC LIMIT $2",
        )
        .bind(subject.to_owned())
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        rows.iter()
            .map(event_row)
            .collect::<Result<_, _>>()
            .map_err(self.db())
    }

    /// Records a watcher that starts; returns its session id.
    pub async fn begin_watch(&self, s: &WatchSession) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO watch_sessions (started_at, beat_at, pid, machine, profile, until_at, checks) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(s.started_at)
        .bind(s.beat_at)
        .bind(s.pid)
        .bind(s.machine.clone())
        .bind(s.profile.clone())
        .bind(s.until)
        .bind(s.checks)
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// The watcher's heartbeat (and, after a reload, what it watches now).
    pub async fn beat_watch(
        &self,
        id: i64,
        at: i64,
        profile: &str,
        checks: i64,
        stopped: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE watch_sessions SET beat_at = $1, profile = $2, checks = $3, \
             stopped_at = CASE WHEN $4 = 1 THEN $1 ELSE stopped_at END WHERE id = $5",
        )
        .bind(at)
        .bind(profile.to_owned())
        .bind(checks)
        .bind(i64::from(stopped))
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(())
    }

    /// Watcher sessions that were alive at some point after `from`, oldest first.
    pub async fn watch_sessions(&self, from: i64) -> Result<Vec<WatchSession>, StoreError> {
        let rows: Vec<SessionRow> = sqlx::query_as(
            "SELECT id, started_at, beat_at, stopped_at, pid, machine, profile, until_at, checks \
                 FROM watch_sessions WHERE beat_at >= $1 ORDER BY started_at, id",
        )
        .bind(from)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(
                |(id, started_at, beat_at, stopped_at, pid, machine, profile, until, checks)| {
                    WatchSession {
                        id,
                        started_at,
                        beat_at,
                        stopped_at,
                        pid,
                        machine,
                        profile,
                        until,
                        checks,
                    }
                },
            )
            .collect())
    }
}
