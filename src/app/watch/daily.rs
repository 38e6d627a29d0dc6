//! The daily duty report (值班日报): the last 24 hours of alerts with their durations, what is
//! still open, what flaps, certificates and backups close to expiry, and how long the watcher
//! itself ran. Sent once a day at `watch.daily_report.at`, through the outbox.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use chrono::TimeZone;

use super::message::level_word;
use crate::alert::Daily;
use crate::core::clock::local_time;
use crate::core::outcome::Metric;
use crate::core::text::duration;
use crate::settings::Settings;
use crate::store::{AlertRow, Store, StoreError, WatchEvent};

/// Certificates with fewer days left than this are listed.
const CERT_DAYS: f64 = 30.0;
const DAY_MS: i64 = 86_400_000;

/// When today's report is due and has not gone out yet: the start of the 24 hours it covers
/// (up to now; a report sent late, after the watcher was down, still covers a whole day).
pub async fn due(
    store: &Store,
    d: &Daily,
    tz: chrono_tz::Tz,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let Some(t) = chrono::DateTime::from_timestamp_millis(now) else {
        return Ok(None);
    };
    let today = t.with_timezone(&tz).date_naive();
    let Some(at) = tz.from_local_datetime(&today.and_time(d.at)).earliest() else {
        return Ok(None);
    };
    let at = at.timestamp_millis();
    if now < at {
        return Ok(None);
    }
    let sent = store.watch_event_since("daily", at).await?;
    Ok((!sent).then_some(now - DAY_MS))
}

/// Writes the report for `[since, now)` and queues it for `channels`.
pub async fn send(
    store: &Store,
    settings: &Settings,
    alerts: &BTreeMap<String, AlertRow>,
    metrics: &HashMap<String, Vec<Metric>>,
    channels: &[String],
    since: i64,
    now: i64,
) -> Result<(), StoreError> {
    let events = store.watch_events(since, now).await?;
    // Acknowledgements are written by `alert ack` while the watcher runs: read them here.
    let stored: BTreeMap<String, AlertRow> = store
        .alerts()
        .await?
        .into_iter()
        .map(|r| (r.about.subject.clone(), r))
        .collect();
    let alerts = if stored.is_empty() { alerts } else { &stored };
    let sessions = store.watch_sessions(since).await?;
    let tz = settings.timezone;
    let text = compose(settings, alerts, metrics, &events, &sessions, since, now);
    let title = format!(
        "【值班日报】{} {}",
        settings.node,
        local_time(now, tz, "%Y年%m月%d日")
    );
    let messages: Vec<crate::store::NewMessage<'_>> = channels
        .iter()
        .map(|ch| crate::store::NewMessage {
            channel: ch,
            title: &title,
            message: &text,
            source: "watch daily",
            html: None,
            attachment: None,
        })
        .collect();
    // The report and its record together: a failure leaves it due, never queued twice.
    store
        .record_notice(
            &messages,
            &WatchEvent {
                id: 0,
                at: now,
                subject: "daily".into(),
                title: title.clone(),
                event: "daily".into(),
                level: crate::core::outcome::Status::Ok,
                summary: text.clone(),
                detail: None,
                message_id: None,
            },
            None,
        )
        .await?;
    Ok(())
}

fn compose(
    settings: &Settings,
    alerts: &BTreeMap<String, AlertRow>,
    metrics: &HashMap<String, Vec<Metric>>,
    events: &[WatchEvent],
    sessions: &[crate::store::WatchSession],
    since: i64,
    now: i64,
) -> String {
    let tz = settings.timezone;
    let hm = |ms| local_time(ms, tz, "%m-%d %H:%M");
    let span = |a: i64, b: i64| duration(Duration::from_millis((b - a).max(0) as u64)).zh;
    let episodes = crate::store::episodes(events);
    let mut out = vec![format!(
        "统计时段：{} 至 {}",
        local_time(since, tz, "%m-%d %H:%M"),
        local_time(now, tz, "%m-%d %H:%M")
    )];
    let crit = episodes
        .iter()
        .filter(|e| e.fired.level == crate::core::outcome::Status::Crit)
        .count();
    let resolved = episodes.iter().filter(|e| e.resolved.is_some()).count();
    out.push(format!(
        "一、告警情况：共 {} 次（严重 {crit} 次），已恢复 {resolved} 次",
        episodes.len()
    ));
    for (i, e) in episodes.iter().enumerate() {
        let how_long = match e.resolved {
            Some(r) => format!("{} 恢复，持续 {}", hm(r.at), span(e.fired.at, r.at)),
            None => format!("未恢复，已持续 {}", span(e.fired.at, now)),
        };
        let ack = e
            .acked
            .map(|a| format!("；{}（{}）", a.summary, span(e.fired.at, a.at)))
            .unwrap_or_default();
        out.push(format!(
            "  {}. {} {}：{} 告警，{how_long}{ack}",
            i + 1,
            e.fired.title,
            level_word(e.fired.level),
            hm(e.fired.at)
        ));
    }
    let open: Vec<&AlertRow> = alerts
        .values()
        .filter(|r| r.alert.notified.is_some())
        .collect();
    out.push(format!("二、仍未恢复：{} 项", open.len()));
    for r in &open {
        let from = r.alert.since.or(r.alert.fired_at).unwrap_or(now);
        let ack = match &r.ack {
            Some((by, _, _)) => format!("，{by} 已确认"),
            None => "，未确认".to_owned(),
        };
        out.push(format!(
            "  · {} {}，已持续 {}{ack}：{}",
            r.name(),
            level_word(r.alert.level),
            span(from, now),
            r.summary
        ));
    }
    let flapping: Vec<String> = alerts
        .values()
        .filter(|r| {
            r.alert.flapping
                || events
                    .iter()
                    .any(|e| e.subject == r.about.subject && e.event == "flap-start")
        })
        .map(AlertRow::name)
        .collect();
    out.push(format!(
        "三、状态抖动：{}",
        if flapping.is_empty() {
            "无".to_owned()
        } else {
            flapping.join("、")
        }
    ));
    let mut expiring = Vec::new();
    for (subject, list) in metrics {
        let Some(row) = alerts.get(subject) else {
            continue;
        };
        if let Some(m) = list.iter().find(|m| m.name == "cert_days_left")
            && m.value < CERT_DAYS
        {
            expiring.push(format!("  · {} 证书剩余 {:.0} 天", row.name(), m.value));
        }
    }
    for r in alerts.values() {
        let backup = r.about.category == crate::core::outcome::Category::Backup.zh();
        if backup && r.alert.status != crate::core::outcome::Status::Ok {
            expiring.push(format!("  · {}：{}", r.name(), r.summary));
        }
    }
    expiring.sort();
    out.push(format!("四、即将到期（证书、备份）：{} 项", expiring.len()));
    out.extend(expiring);
    // The watcher's own uptime over the period: its sessions' spans, clipped to it.
    let mut up = 0i64;
    let last = sessions.last().map(|s| s.id);
    for s in sessions {
        // The running watcher (the last session, not stopped) is up until now.
        let end = match s.stopped_at {
            Some(at) => at,
            None if Some(s.id) == last => now,
            None => s.beat_at,
        }
        .min(now);
        let start = s.started_at.max(since);
        up += (end - start).max(0);
    }
    let current = sessions.last();
    out.push(format!(
        "五、值守程序：时段内运行 {}（{:.1}%），本次启动于 {}，共 {} 次启动",
        span(0, up),
        100.0 * up as f64 / (now - since).max(1) as f64,
        current
            .map(|s| local_time(s.started_at, tz, "%m-%d %H:%M"))
            .unwrap_or_default(),
        sessions.iter().filter(|s| s.started_at >= since).count()
    ));
    out.join("\n")
}
