//! Maintenance windows: recurring (`start: "23:00"`, `duration: 1h`, `days: [周一]`) or on one
//! date, in a timezone, for the checks a matcher selects. A window may run past midnight.

use std::time::Duration;

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone, Weekday};
use serde::Deserialize;

use super::matcher::{Labels, Matcher};

/// A window as written under `watch.maintenance`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceFile {
    /// What it is (每周一数据库维护).
    pub name: String,
    /// Local start time, `HH:MM`.
    pub start: String,
    /// How long it lasts.
    #[serde(with = "crate::core::duration::required")]
    pub duration: Duration,
    /// Weekdays it recurs on (周一…周日 or mon…sun); none: every day.
    #[serde(default)]
    pub days: Vec<String>,
    /// One date instead (`2026-12-20`).
    pub date: Option<String>,
    /// IANA zone of `start`; the node's by default.
    pub timezone: Option<String>,
    /// Which checks it covers; all when absent.
    #[serde(rename = "match")]
    pub matcher: Option<String>,
}

/// A maintenance window.
#[derive(Clone, Debug)]
pub struct Maintenance {
    /// Its name, shown in messages.
    pub name: String,
    start: NaiveTime,
    duration: Duration,
    days: Vec<Weekday>,
    date: Option<NaiveDate>,
    tz: chrono_tz::Tz,
    matcher: Option<Matcher>,
}

const DAYS: [(Weekday, &str, &str); 7] = [
    (Weekday::Mon, "周一", "mon"),
    (Weekday::Tue, "周二", "tue"),
    (Weekday::Wed, "周三", "wed"),
    (Weekday::Thu, "周四", "thu"),
    (Weekday::Fri, "周五", "fri"),
    (Weekday::Sat, "周六", "sat"),
    (Weekday::Sun, "周日", "sun"),
];

impl MaintenanceFile {
    /// Checks and resolves it; `tz` is the node's timezone. The error says what to write.
    pub fn resolve(self, tz: chrono_tz::Tz) -> Result<Maintenance, String> {
        let start = NaiveTime::parse_from_str(&self.start, "%H:%M").map_err(|_| {
            format!(
                "maintenance `{}`: start `{}` is not a time; write e.g. `start: \"23:00\"`",
                self.name, self.start
            )
        })?;
        if self.duration.is_zero() {
            return Err(format!(
                "maintenance `{}`: the duration is zero; write e.g. `duration: 1h`",
                self.name
            ));
        }
        let mut days = Vec::new();
        for d in &self.days {
            let low = d.to_lowercase();
            let found = DAYS
                .iter()
                .find(|(_, zh, en)| *zh == d || low.starts_with(en) || *zh == d.replace('星', "周"))
                .map(|(w, ..)| *w)
                .ok_or_else(|| {
                    format!(
                        "maintenance `{}`: `{d}` is not a weekday; write 周一…周日 or mon…sun",
                        self.name
                    )
                })?;
            days.push(found);
        }
        let date = match &self.date {
            Some(s) => Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                format!(
                    "maintenance `{}`: date `{s}` is not a date; write e.g. `date: 2026-12-20`",
                    self.name
                )
            })?),
            None => None,
        };
        if date.is_some() && !days.is_empty() {
            return Err(format!(
                "maintenance `{}`: give `days:` (recurring) or `date:` (once), not both",
                self.name
            ));
        }
        let tz = match &self.timezone {
            Some(z) => z.parse().map_err(|_| {
                format!(
                    "maintenance `{}`: unknown timezone `{z}`; write an IANA name such as Asia/Shanghai",
                    self.name
                )
            })?,
            None => tz,
        };
        let matcher = self
            .matcher
            .as_deref()
            .map(Matcher::parse)
            .transpose()
            .map_err(|e| format!("maintenance `{}`: {e}", self.name))?;
        Ok(Maintenance {
            name: self.name,
            start,
            duration: self.duration,
            days,
            date,
            tz,
            matcher,
        })
    }
}

impl Maintenance {
    /// Whether the window is open at `now` (epoch ms) for a check with these labels.
    pub fn covers(&self, now: i64, labels: &Labels<'_>) -> bool {
        self.open_at(now) && self.matcher.as_ref().is_none_or(|m| m.matches(labels))
    }

    /// Whether the window is open at `now`, whatever it covers.
    pub fn open_at(&self, now: i64) -> bool {
        let Some(t) = chrono::DateTime::from_timestamp_millis(now) else {
            return false;
        };
        let today = t.with_timezone(&self.tz).date_naive();
        // A window that began yesterday evening may still be open.
        let span = self.duration.as_secs().div_ceil(86_400) as i64;
        (0..=span).any(|back| {
            let day = today - chrono::Days::new(back as u64);
            let recurs = match self.date {
                Some(d) => d == day,
                None => self.days.is_empty() || self.days.contains(&day.weekday()),
            };
            let Some(begin) = self
                .tz
                .from_local_datetime(&day.and_time(self.start))
                .earliest()
            else {
                return false;
            };
            let begin = begin.timestamp_millis();
            recurs && now >= begin && now < begin + self.duration.as_millis() as i64
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(start: &str, duration: u64, days: &[&str]) -> Maintenance {
        MaintenanceFile {
            name: "维护".into(),
            start: start.into(),
            duration: Duration::from_secs(duration),
            days: days.iter().map(|d| d.to_string()).collect(),
            date: None,
            timezone: None,
            matcher: Some("system=db".into()),
        }
        .resolve(chrono_tz::Asia::Shanghai)
        .unwrap()
    }

    fn at(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .timestamp_millis()
    }

    #[test]
    fn a_window_past_midnight_is_open_on_the_next_day() {
        // Monday 23:00 to Tuesday 01:00, Shanghai time.
        let w = window("23:00", 7200, &["周一"]);
        assert!(w.open_at(at("2026-12-07T23:30:00+08:00")));
        assert!(w.open_at(at("2026-12-08T00:30:00+08:00")));
        assert!(!w.open_at(at("2026-12-08T01:00:00+08:00")));
        assert!(!w.open_at(at("2026-12-08T23:30:00+08:00")), "Tuesday");
    }

    #[test]
    fn it_covers_what_its_matcher_selects() {
        let w = window("00:00", 86_400, &[]);
        let now = at("2026-12-08T12:00:00+08:00");
        let db = Labels {
            system: "db",
            ..Default::default()
        };
        assert!(w.covers(now, &db));
        assert!(!w.covers(now, &Labels::default()));
    }

    #[test]
    fn mistakes_say_what_to_write() {
        let bad = |start: &str, days: &[&str]| {
            MaintenanceFile {
                name: "x".into(),
                start: start.into(),
                duration: Duration::from_secs(60),
                days: days.iter().map(|d| d.to_string()).collect(),
                date: None,
                timezone: None,
                matcher: None,
            }
            .resolve(chrono_tz::UTC)
            .unwrap_err()
        };
        assert!(bad("25:00", &[]).contains("23:00"));
        assert!(bad("23:00", &["funday"]).contains("周一"));
    }
}
