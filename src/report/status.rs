//! The status page (`znode serve`): the model built from the store (the watcher's alerts and
//! hourly counts, the inspections' hourly roll-ups, open incidents, the latest inspection, the
//! watcher's heartbeat) and its renderings: HTML (server-rendered, CSS inline, SVG bars, no
//! script), JSON, Prometheus text and SVG badges.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::TimeZone;
use serde::Serialize;

use crate::core::clock::local_time;
use crate::core::outcome::Status;
use crate::core::period::Span;
use crate::settings::Settings;
use crate::store::{AlertRow, RunRef, Store, StoreError};

/// Days the bars cover.
pub const DAYS: usize = 90;
/// A watcher silent for longer than this is shown as stopped.
const WATCHER_STALE_MS: i64 = 60_000;

/// Results of one local day.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq)]
pub struct Day {
    /// Results per status: OK, WARN, CRIT, UNKNOWN.
    pub counts: [i64; 4],
}

impl Day {
    fn total(&self) -> i64 {
        self.counts.iter().sum()
    }

    /// Share of results that were up (OK or WARN), if there were any.
    pub fn uptime(&self) -> Option<f64> {
        let t = self.total();
        (t > 0).then(|| (self.counts[0] + self.counts[1]) as f64 / t as f64)
    }

    /// The bar's class: ok, warn, partial (some CRIT), down (mostly CRIT), unknown, none.
    pub fn class(&self) -> &'static str {
        match self.uptime() {
            None => "none",
            Some(u) if self.counts[2] > 0 && u < 0.99 => "down",
            Some(_) if self.counts[2] > 0 => "partial",
            Some(_) if self.counts[1] > 0 => "warn",
            Some(_) if self.counts[0] == 0 => "unknown",
            Some(_) => "ok",
        }
    }
}

/// One check on one host, as the page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    /// `check` or `check@host`.
    pub subject: String,
    /// Check id.
    pub check: String,
    /// Host, if not the jump host.
    pub host: Option<String>,
    /// Chinese title (with the host).
    pub title: String,
    /// System id.
    pub system: Option<String>,
    /// The last status.
    pub status: Status,
    /// Its word in Chinese.
    pub status_zh: &'static str,
    /// The alert's phase, when the watcher has one.
    pub phase: Option<&'static str>,
    /// What holds its notices back.
    pub hold: Option<String>,
    /// The last result's line.
    pub summary: String,
    /// When it was last checked (epoch ms) and how that reads.
    pub checked_at: i64,
    /// `12-03 21:15:03`.
    pub checked: String,
    /// Days, oldest first ([`DAYS`] of them).
    #[serde(skip)]
    pub days: Vec<(String, Day)>,
    /// Uptime over the last 24 hours, 30 and 90 days, where there were results.
    pub uptime_24h: Option<f64>,
    /// Over 30 days.
    pub uptime_30d: Option<f64>,
    /// Over 90 days.
    pub uptime_90d: Option<f64>,
}

/// A system's cards.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// System id (empty: checks of no system).
    pub id: String,
    /// Its Chinese name.
    pub name: String,
    /// The worst status of its cards.
    pub status: Status,
    /// Cards, worst first.
    pub cards: Vec<Card>,
}

/// The whole page.
#[derive(Clone, Debug, Serialize)]
pub struct StatusPage {
    /// Node name.
    pub node: String,
    /// When it was built (local time).
    pub generated: String,
    /// Overall: ok, partial, down.
    pub overall: &'static str,
    /// The banner's words.
    pub banner: String,
    /// Systems.
    pub groups: Vec<Group>,
    /// Alerts firing (told), worst first.
    pub alerts: Vec<Card>,
    /// Open incidents: (id, title, opened, severity, restored?).
    pub incidents: Vec<IncidentLine>,
    /// The latest inspection.
    pub inspection: Option<InspectionLine>,
    /// The watcher: last heartbeat, profile, alive.
    pub watcher: Option<WatcherLine>,
}

/// An open incident.
#[derive(Clone, Debug, Serialize)]
pub struct IncidentLine {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Severity.
    pub severity: String,
    /// Opened, local time.
    pub opened: String,
    /// 处理中 / 已恢复待关闭.
    pub state: &'static str,
}

/// The latest inspection.
#[derive(Clone, Debug, Serialize)]
pub struct InspectionLine {
    /// Run id.
    pub id: i64,
    /// When, local.
    pub at: String,
    /// Its status word.
    pub status_zh: &'static str,
    /// Its status.
    pub status: Status,
    /// Counts: 正常 n · 告警 n · 严重 n · 未知 n.
    pub counts: String,
}

/// The watcher's heartbeat.
#[derive(Clone, Debug, Serialize)]
pub struct WatcherLine {
    /// Last beat, local.
    pub beat: String,
    /// Last beat, epoch ms.
    pub beat_at: i64,
    /// Profile.
    pub profile: String,
    /// Beating (not stopped, recent).
    pub alive: bool,
    /// Started, local.
    pub started: String,
    /// Units watched.
    pub checks: i64,
}

/// One check's page.
#[derive(Clone, Debug, Serialize)]
pub struct CheckPage {
    /// The card.
    pub card: Card,
    /// Hourly results over the last 48 hours: (label, day, average duration ms).
    #[serde(skip)]
    pub hours: Vec<(String, Day, Option<f64>)>,
    /// The alert's events, newest first.
    pub events: Vec<EventLine>,
}

/// An alert event, for people.
#[derive(Clone, Debug, Serialize)]
pub struct EventLine {
    /// Local time.
    pub at: String,
    /// In Chinese.
    pub what: String,
    /// Level.
    pub level_zh: &'static str,
    /// What was seen or said.
    pub summary: String,
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Warn => "warn",
        Status::Crit => "crit",
        Status::Unknown => "unknown",
    }
}

fn event_zh(e: &str) -> &str {
    match e {
        "firing" => "告警",
        "retired" => "不再监测",
        "changed" => "级别变化",
        "resolved" => "恢复",
        "reminder" => "提醒",
        "escalated" => "升级",
        "flap-start" => "开始抖动",
        "flap-stop" => "抖动结束",
        "acked" => "确认",
        "held" => "暂缓通知",
        other => other,
    }
}

/// The last [`DAYS`] local days, oldest first, and the first hour they cover.
fn days(now: i64, tz: chrono_tz::Tz) -> (Vec<String>, i64) {
    let today = chrono::DateTime::from_timestamp_millis(now)
        .map(|t| t.with_timezone(&tz).date_naive())
        .unwrap_or_default();
    let list: Vec<String> = (0..DAYS as u64)
        .rev()
        .map(|back| (today - chrono::Days::new(back)).to_string())
        .collect();
    let first = today - chrono::Days::new(DAYS as u64 - 1);
    let from = tz
        .from_local_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.timestamp_millis())
        .unwrap_or(now - DAYS as i64 * 86_400_000);
    (list, from / 3_600_000)
}

/// The zone's offset from UTC now, in whole hours (what the database groups days by).
fn offset_hours(now: i64, tz: chrono_tz::Tz) -> i64 {
    use chrono::Offset;
    chrono::DateTime::from_timestamp_millis(now)
        .map(|t| i64::from(t.with_timezone(&tz).offset().fix().local_minus_utc()) / 3600)
        .unwrap_or(0)
}

/// A day counted from 1970-01-01 as `YYYY-MM-DD`.
fn date_of(day: i64) -> String {
    (chrono::NaiveDate::default() + chrono::Days::new(day.max(0) as u64)).to_string()
}

/// What the bars and uptimes are made of.
#[derive(Default)]
struct History {
    /// Per subject, per local date.
    days: BTreeMap<String, BTreeMap<String, Day>>,
    /// Per subject, the last 24 hours.
    last_day: BTreeMap<String, Day>,
}

fn count_of(status: Status) -> usize {
    match status {
        Status::Ok => 0,
        Status::Warn => 1,
        Status::Crit => 2,
        Status::Unknown => 3,
    }
}

/// Per subject: counts per local day (summed in the database) from the watcher, and for
/// checks it never watched, from the inspections' roll-ups (by check id, on the jump host).
async fn history(
    store: &Store,
    from_hour: i64,
    now: i64,
    tz: chrono_tz::Tz,
) -> Result<History, StoreError> {
    let mut h = History::default();
    let off = offset_hours(now, tz);
    for (subject, day, c) in store.watch_days(from_hour, off).await? {
        h.days
            .entry(subject)
            .or_default()
            .insert(date_of(day), Day { counts: c.counts });
    }
    let day_start = now / 3_600_000 - 23;
    for (subject, _, c) in store.watch_hours(day_start).await? {
        let d = h.last_day.entry(subject).or_default();
        *d = sum([&*d, &Day { counts: c.counts }]);
    }
    let watched: std::collections::BTreeSet<String> = h.days.keys().cloned().collect();
    for (check, hour, status, runs) in store.outcome_hour_counts(from_hour).await? {
        // A watched check's bars are the watcher's alone.
        if watched.contains(&check) {
            continue;
        }
        let date = date_of((hour + off) / 24);
        h.days
            .entry(check.clone())
            .or_default()
            .entry(date)
            .or_default()
            .counts[count_of(status)] += runs;
        if hour >= day_start {
            h.last_day.entry(check).or_default().counts[count_of(status)] += runs;
        }
    }
    Ok(h)
}

fn sum<'a>(days: impl IntoIterator<Item = &'a Day>) -> Day {
    let mut d = Day::default();
    for x in days {
        for i in 0..4 {
            d.counts[i] += x.counts[i];
        }
    }
    d
}

/// Builds the page from the store.
pub async fn build(store: &Store, settings: &Settings, now: i64) -> Result<StatusPage, StoreError> {
    let tz = settings.timezone;
    let (day_list, from_hour) = days(now, tz);
    let hist = history(store, from_hour, now, tz).await?;
    let alerts = store.alerts().await?;
    let mut cards: Vec<Card> = Vec::new();
    let shown = |ms: i64| local_time(ms, tz, "%m-%d %H:%M:%S");
    for r in &alerts {
        cards.push(card(r, &hist, &day_list, tz));
    }
    // Without a watcher, the latest inspection gives the cards.
    let latest = match store.resolve_of(&RunRef::Latest(0), Some("inspect")).await {
        Ok(run) => Some(run),
        Err(StoreError::NoSuchRun(_)) => None,
        Err(e) => return Err(e),
    };
    if cards.is_empty()
        && let Some(run) = &latest
    {
        for o in store.outcomes(run.id).await? {
            let subject = o.outcome.subject();
            let status = o.outcome.effective_status();
            let mut c = Card {
                title: match &o.outcome.host {
                    Some(h) => format!("{}（{h}）", o.info.title),
                    None => o.info.title.clone(),
                },
                check: o.outcome.check.clone(),
                host: o.outcome.host.clone(),
                system: o.info.system.clone(),
                status,
                status_zh: status.zh(),
                phase: None,
                hold: None,
                summary: o.outcome.summary.clone(),
                checked_at: run.started_at,
                checked: shown(run.started_at),
                days: Vec::new(),
                uptime_24h: None,
                uptime_30d: None,
                uptime_90d: None,
                subject,
            };
            fill_days(&mut c, &hist, &o.outcome.check, &day_list);
            cards.push(c);
        }
    }
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for c in &cards {
        let id = c.system.clone().unwrap_or_default();
        let name = settings
            .system(&id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| {
                if id.is_empty() {
                    "其他".into()
                } else {
                    id.clone()
                }
            });
        let g = groups.entry(id.clone()).or_insert(Group {
            id,
            name,
            status: Status::Ok,
            cards: Vec::new(),
        });
        g.status = g.status.max(c.status);
        g.cards.push(c.clone());
    }
    let mut groups: Vec<Group> = groups.into_values().collect();
    for g in &mut groups {
        g.cards
            .sort_by(|a, b| b.status.cmp(&a.status).then(a.title.cmp(&b.title)));
    }
    groups.sort_by(|a, b| b.status.cmp(&a.status).then(a.name.cmp(&b.name)));
    let mut firing: Vec<Card> = alerts
        .iter()
        .filter(|r| r.alert.wanted().is_some())
        .map(|r| card(r, &hist, &day_list, tz))
        .collect();
    firing.sort_by_key(|c| std::cmp::Reverse(c.status));
    let incidents = store
        .incidents_in(Span {
            from: now,
            to: now + 1,
        })
        .await?
        .into_iter()
        .rev()
        .map(|i| IncidentLine {
            id: i.id,
            state: if i.restored_at.is_some() {
                "已恢复待关闭"
            } else {
                "处理中"
            },
            title: i.title,
            severity: i.severity,
            opened: local_time(i.opened_at, tz, "%m-%d %H:%M"),
        })
        .collect();
    let inspection = latest.map(|run| {
        let status = run.status.unwrap_or(Status::Unknown);
        let n = |s| run.counts.get(&s).copied().unwrap_or(0);
        InspectionLine {
            id: run.id,
            at: local_time(run.started_at, tz, "%Y-%m-%d %H:%M"),
            status,
            status_zh: status.zh(),
            counts: format!(
                "正常 {} · 告警 {} · 严重 {} · 未知 {}",
                n(Status::Ok),
                n(Status::Warn),
                n(Status::Crit),
                n(Status::Unknown)
            ),
        }
    });
    let watcher = store
        .watch_sessions(now - 90 * 86_400_000)
        .await?
        .into_iter()
        .last()
        .map(|s| WatcherLine {
            beat: shown(s.beat_at),
            beat_at: s.beat_at,
            alive: s.stopped_at.is_none() && now - s.beat_at < WATCHER_STALE_MS,
            profile: s.profile,
            started: shown(s.started_at),
            checks: s.checks,
        });
    let down = cards.iter().filter(|c| c.status == Status::Crit).count();
    let warn = cards
        .iter()
        .filter(|c| matches!(c.status, Status::Warn | Status::Unknown))
        .count();
    let (overall, banner) = if cards.is_empty() {
        (
            "unknown",
            "尚无检查结果：请运行 znode watch 或 znode inspect".to_owned(),
        )
    } else if down == 0 && warn == 0 {
        ("ok", format!("全部 {} 项检查正常", cards.len()))
    } else if down * 2 > cards.len() {
        (
            "down",
            format!("多数检查严重异常：{down} 项严重，{warn} 项告警或未知"),
        )
    } else {
        (
            "partial",
            format!(
                "部分异常：{down} 项严重，{warn} 项告警或未知，共 {} 项",
                cards.len()
            ),
        )
    };
    Ok(StatusPage {
        node: settings.node.clone(),
        generated: local_time(now, tz, "%Y-%m-%d %H:%M:%S"),
        overall,
        banner,
        groups,
        alerts: firing,
        incidents,
        inspection,
        watcher,
    })
}

fn card(r: &AlertRow, hist: &History, day_list: &[String], tz: chrono_tz::Tz) -> Card {
    let status = r.alert.status;
    let mut c = Card {
        subject: r.about.subject.clone(),
        check: r.about.check.clone(),
        host: r.about.host.clone(),
        title: r.name(),
        system: r.about.system.clone(),
        status,
        status_zh: status.zh(),
        phase: Some(r.alert.phase.zh()),
        hold: r.hold.clone(),
        summary: r.summary.clone(),
        checked_at: r.checked_at,
        checked: local_time(r.checked_at, tz, "%m-%d %H:%M:%S"),
        days: Vec::new(),
        uptime_24h: None,
        uptime_30d: None,
        uptime_90d: None,
    };
    fill_days(&mut c, hist, &r.about.subject, day_list);
    c
}

fn fill_days(c: &mut Card, hist: &History, key: &str, day_list: &[String]) {
    let empty = BTreeMap::new();
    let by_day = hist.days.get(key).unwrap_or(&empty);
    c.days = day_list
        .iter()
        .map(|d| (d.clone(), by_day.get(d).copied().unwrap_or_default()))
        .collect();
    c.uptime_24h = hist.last_day.get(key).and_then(Day::uptime);
    c.uptime_30d = sum(c.days.iter().rev().take(30).map(|(_, d)| d)).uptime();
    c.uptime_90d = sum(c.days.iter().map(|(_, d)| d)).uptime();
}

/// One check's page, or `None` when the store knows no such subject.
pub async fn check_page(
    store: &Store,
    settings: &Settings,
    subject: &str,
    now: i64,
) -> Result<Option<CheckPage>, StoreError> {
    let tz = settings.timezone;
    // A watched check is read alone; one only the inspections know comes from the page.
    let watched = store
        .alerts()
        .await?
        .into_iter()
        .find(|r| r.about.subject == subject);
    let card = match watched {
        Some(r) => {
            let (day_list, from_hour) = days(now, tz);
            let mut hist = History::default();
            let off = offset_hours(now, tz);
            let by_day = hist.days.entry(subject.to_owned()).or_default();
            let mut last = Day::default();
            for (_, hour, c) in store.watch_hours_of(subject, from_hour).await? {
                let day = Day { counts: c.counts };
                let e = by_day.entry(date_of((hour + off) / 24)).or_default();
                *e = sum([&*e, &day]);
                if hour >= now / 3_600_000 - 23 {
                    last = sum([&last, &day]);
                }
            }
            hist.last_day.insert(subject.to_owned(), last);
            card(&r, &hist, &day_list, tz)
        }
        None => {
            let page = build(store, settings, now).await?;
            match page
                .groups
                .iter()
                .flat_map(|g| &g.cards)
                .find(|c| c.subject == subject)
                .cloned()
            {
                Some(c) => c,
                None => return Ok(None),
            }
        }
    };
    let from_hour = now / 3_600_000 - 47;
    let all = store.watch_hours_of(subject, from_hour).await?;
    let mut by_hour: BTreeMap<i64, (Day, i64)> = BTreeMap::new();
    for (s, h, c) in all {
        if s == subject {
            by_hour.insert(h, (Day { counts: c.counts }, c.duration_ms));
        }
    }
    let hours = (from_hour..=now / 3_600_000)
        .map(|h| {
            let (d, ms) = by_hour.get(&h).copied().unwrap_or_default();
            let avg = (d.total() > 0).then(|| ms as f64 / d.total() as f64);
            (local_time(h * 3_600_000, tz, "%m-%d %H时"), d, avg)
        })
        .collect();
    let events = store
        .watch_events_of(subject, 50)
        .await?
        .into_iter()
        .map(|e| EventLine {
            at: local_time(e.at, tz, "%m-%d %H:%M:%S"),
            what: event_zh(&e.event).to_owned(),
            level_zh: e.level.zh(),
            summary: match e.detail {
                Some(d) => format!("{}（{d}）", e.summary),
                None => e.summary,
            },
        })
        .collect();
    Ok(Some(CheckPage {
        card,
        hours,
        events,
    }))
}

/// The 90 daily bars as inline SVG, each with its date and uptime as a tooltip.
pub fn bars_svg(days: &[(String, Day)]) -> String {
    let (w, gap, h) = (6, 2, 28);
    let width = days.len() * (w + gap);
    let mut s = format!(
        "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{h}\" viewBox=\"0 0 {width} {h}\" role=\"img\" aria-label=\"近 {} 天\">",
        days.len()
    );
    for (i, (date, d)) in days.iter().enumerate() {
        let tip = match d.uptime() {
            Some(u) => format!("{date} 可用率 {:.2}%（{} 次检查）", u * 100.0, d.total()),
            None => format!("{date} 无数据"),
        };
        let _ = write!(
            s,
            "<rect data-day=\"{date}\" class=\"bar {}\" x=\"{}\" y=\"0\" width=\"{w}\" height=\"{h}\" rx=\"1\"><title>{tip}</title></rect>",
            d.class(),
            i * (w + gap)
        );
    }
    s.push_str("</svg>");
    s
}

/// The hourly chart of one check: bars by status, a line of the average duration.
pub fn hours_svg(hours: &[(String, Day, Option<f64>)]) -> String {
    let (w, gap, h) = (12, 2, 120);
    let width = hours.len() * (w + gap);
    let max = hours
        .iter()
        .filter_map(|(_, _, a)| *a)
        .fold(1.0_f64, f64::max);
    let mut s = format!(
        "<svg class=\"hours\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"近 48 小时\">",
        h + 20,
        h + 20
    );
    let mut points = Vec::new();
    for (i, (label, d, avg)) in hours.iter().enumerate() {
        let x = i * (w + gap);
        let tip = match d.uptime() {
            Some(u) => format!(
                "{label} 可用率 {:.1}%，平均用时 {:.0} ms",
                u * 100.0,
                avg.unwrap_or(0.0)
            ),
            None => format!("{label} 无数据"),
        };
        let _ = write!(
            s,
            "<rect class=\"bar {}\" x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"20\"><title>{tip}</title></rect>",
            d.class(),
            h
        );
        if let Some(a) = avg {
            let y = h as f64 - a / max * (h as f64 - 10.0);
            points.push(format!("{:.1},{y:.1}", x as f64 + w as f64 / 2.0));
        }
    }
    if points.len() > 1 {
        let _ = write!(
            s,
            "<polyline class=\"latency\" fill=\"none\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    let _ = write!(
        s,
        "<text x=\"0\" y=\"10\" class=\"axis\">平均用时（最高 {max:.0} ms）</text></svg>"
    );
    s
}

/// A badge: `znode | 正常` in the status colour.
pub fn badge_svg(label: &str, status: Option<Status>) -> String {
    let (word, colour) = match status {
        Some(Status::Ok) => ("正常", "#2e7d32"),
        Some(Status::Warn) => ("告警", "#f9a825"),
        Some(Status::Crit) => ("严重", "#c62828"),
        Some(Status::Unknown) => ("未知", "#757575"),
        None => ("无数据", "#9e9e9e"),
    };
    // Wide glyphs are about 12 px in an 11 px font; narrow ones about 7.
    let width = |t: &str| -> usize {
        t.chars()
            .map(|c| if c.is_ascii() { 7 } else { 12 })
            .sum::<usize>()
            + 10
    };
    let (lw, rw) = (width(label), width(word));
    let label = escape(label);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{t}\" height=\"20\" role=\"img\" aria-label=\"{label}: {word}\"><title>{label}: {word}</title>\
<rect width=\"{lw}\" height=\"20\" fill=\"#555\"/><rect x=\"{lw}\" width=\"{rw}\" height=\"20\" fill=\"{colour}\"/>\
<g fill=\"#fff\" font-family=\"sans-serif\" font-size=\"11\"><text x=\"5\" y=\"14\">{label}</text><text x=\"{tx}\" y=\"14\">{word}</text></g></svg>",
        t = lw + rw,
        tx = lw + 5
    )
}

/// Escapes text for HTML and SVG.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page in Prometheus text format.
pub fn prometheus(page: &StatusPage) -> String {
    let mut out = String::new();
    let label = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    };
    out.push_str("# HELP znode_check_status Last status of a check: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN.\n# TYPE znode_check_status gauge\n");
    let cards: Vec<&Card> = page.groups.iter().flat_map(|g| &g.cards).collect();
    for c in &cards {
        let _ = writeln!(
            out,
            "znode_check_status{{check=\"{}\",host=\"{}\",system=\"{}\"}} {}",
            label(&c.check),
            label(c.host.as_deref().unwrap_or_default()),
            label(c.system.as_deref().unwrap_or_default()),
            c.status.exit_code()
        );
    }
    out.push_str("# HELP znode_check_uptime_ratio Share of results up (OK or WARN) over a window.\n# TYPE znode_check_uptime_ratio gauge\n");
    for c in &cards {
        for (window, v) in [
            ("24h", c.uptime_24h),
            ("30d", c.uptime_30d),
            ("90d", c.uptime_90d),
        ] {
            if let Some(v) = v {
                let _ = writeln!(
                    out,
                    "znode_check_uptime_ratio{{check=\"{}\",host=\"{}\",window=\"{window}\"}} {v}",
                    label(&c.check),
                    label(c.host.as_deref().unwrap_or_default())
                );
            }
        }
    }
    out.push_str("# HELP znode_alerts_firing Alerts firing (told to their receivers).\n# TYPE znode_alerts_firing gauge\n");
    let _ = writeln!(out, "znode_alerts_firing {}", page.alerts.len());
    out.push_str(
        "# HELP znode_incidents_open Incidents not closed.\n# TYPE znode_incidents_open gauge\n",
    );
    let _ = writeln!(out, "znode_incidents_open {}", page.incidents.len());
    if let Some(w) = &page.watcher {
        out.push_str("# HELP znode_watch_heartbeat_timestamp_seconds The watcher's last heartbeat.\n# TYPE znode_watch_heartbeat_timestamp_seconds gauge\n");
        let _ = writeln!(
            out,
            "znode_watch_heartbeat_timestamp_seconds {}",
            w.beat_at as f64 / 1000.0
        );
        out.push_str(
            "# HELP znode_watch_up Whether the watcher is beating.\n# TYPE znode_watch_up gauge\n",
        );
        let _ = writeln!(out, "znode_watch_up {}", u8::from(w.alive));
    }
    out
}

const CSS: &str = include_str!("../../report-templates/status.css");
const PAGE: &str = include_str!("../../report-templates/status.html.hbs");
const CHECK: &str = include_str!("../../report-templates/status-check.html.hbs");

fn render(name: &str, text: &str, model: &serde_json::Value) -> Result<String, String> {
    let mut hb = handlebars::Handlebars::new();
    crate::report::document::helpers(&mut hb);
    hb.register_template_string(name, text)
        .map_err(|e| format!("template {name}: {e}"))?;
    hb.render(name, model)
        .map_err(|e| format!("template {name}: {e}"))
}

/// The status page as HTML.
pub fn page_html(page: &StatusPage) -> Result<String, String> {
    let mut model = html_model(page);
    model["css"] = CSS.into();
    if let (Some(i), Some(run)) = (model.get_mut("inspection"), &page.inspection) {
        i["class"] = status_class(run.status).into();
    }
    render("status", PAGE, &model)
}

/// One check's page as HTML.
pub fn check_html(page: &CheckPage, node: &str, generated: &str) -> Result<String, String> {
    let mut card = serde_json::to_value(&page.card).unwrap_or_default();
    decorate(&mut card, &page.card);
    card["uptime_30d_text"] = pct(page.card.uptime_30d).into();
    card["href_segment"] = url_segment(&page.card.subject).into();
    card["banner"] = match page.card.status {
        Status::Ok => "ok",
        Status::Warn => "partial",
        Status::Crit => "down",
        Status::Unknown => "unknown",
    }
    .into();
    let model = serde_json::json!({
        "css": CSS,
        "node": node,
        "generated": generated,
        "card": card,
        "hours": hours_svg(&page.hours),
        "events": page.events,
    });
    render("check", CHECK, &model)
}

fn pct(u: Option<f64>) -> String {
    u.map(|u| format!("{:.2}%", u * 100.0))
        .unwrap_or_else(|| "—".into())
}

/// Hands the templates what they show, with the status classes.
pub fn html_model(page: &StatusPage) -> serde_json::Value {
    let mut v = serde_json::to_value(page).unwrap_or_default();
    if let Some(groups) = v.get_mut("groups").and_then(|g| g.as_array_mut()) {
        for (g, model) in groups.iter_mut().zip(&page.groups) {
            g["class"] = status_class(model.status).into();
            if let Some(cards) = g.get_mut("cards").and_then(|c| c.as_array_mut()) {
                for (c, card) in cards.iter_mut().zip(&model.cards) {
                    decorate(c, card);
                }
            }
        }
    }
    if let Some(alerts) = v.get_mut("alerts").and_then(|a| a.as_array_mut()) {
        for (c, card) in alerts.iter_mut().zip(&page.alerts) {
            decorate(c, card);
        }
    }
    v
}

fn decorate(v: &mut serde_json::Value, c: &Card) {
    v["class"] = status_class(c.status).into();
    v["bars"] = bars_svg(&c.days).into();
    v["href"] = format!("check/{}", url_segment(&c.subject)).into();
    v["uptime_24h_text"] = pct(c.uptime_24h).into();
    v["uptime_90d_text"] = pct(c.uptime_90d).into();
}

/// A subject as one URL path segment.
pub fn url_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'@' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_classed_by_what_it_held() {
        let d = |c: [i64; 4]| Day { counts: c }.class();
        assert_eq!(d([0, 0, 0, 0]), "none");
        assert_eq!(d([100, 0, 0, 0]), "ok");
        assert_eq!(d([100, 2, 0, 0]), "warn");
        assert_eq!(d([1000, 0, 1, 0]), "partial");
        assert_eq!(d([10, 0, 10, 0]), "down");
    }

    #[test]
    fn badges_escape_their_label() {
        let b = badge_svg("<门户>", Some(Status::Crit));
        assert!(b.contains("&lt;门户&gt;"));
        assert!(b.contains("严重"));
        assert_eq!(url_segment("a b@h/1"), "a%20b@h%2F1");
    }
}
