//! The monthly 考核 self-assessment (SPEC R9): the points the contract's timeliness items lose,
//! counted from the store — inspections late or missing, events and major events handled late,
//! documents handed in late — and the grade the score earns.
//!
//! Each item starts from 10 points and loses one per occurrence, never going below zero; the
//! contract's other items (attendance, document quality, the owner's own 20 points) cannot be
//! measured by a tool and are taken as full marks, which the report states.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::core::period::{Period, Routine, day_start};
use crate::incident::{Incident, Sla};
use crate::settings::{AssessmentSettings, Every};

/// One item of the assessment.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// Its name in the contract.
    pub name: &'static str,
    /// Full marks.
    pub max: u32,
    /// Points lost (capped at `max`).
    pub lost: u32,
    /// One line per occurrence.
    pub occurrences: Vec<String>,
}

/// The self-assessment of a period.
#[derive(Clone, Debug, Serialize)]
pub struct Assessment {
    /// The measured items.
    pub items: Vec<Item>,
    /// Points lost in all.
    pub lost: u32,
    /// 100 minus the points lost.
    pub score: u32,
    /// 优, 良, 中 or 差.
    pub grade: &'static str,
}

/// The grade of a monthly score: 优 ≥ 86, 良 71–85, 中 55–70, 差 ≤ 54.
pub fn grade(score: u32) -> &'static str {
    match score {
        86.. => "优",
        71..=85 => "良",
        55..=70 => "中",
        _ => "差",
    }
}

/// What the assessment reads.
pub struct Inputs<'a> {
    /// The period assessed.
    pub period: Period,
    /// Node timezone.
    pub tz: chrono_tz::Tz,
    /// The time the assessment is made, epoch ms: nothing after it is due yet.
    pub as_of: i64,
    /// The first `inspect` run of each local day, epoch ms.
    pub first_inspection: &'a BTreeMap<NaiveDate, i64>,
    /// Incidents open during the period.
    pub incidents: &'a [Incident],
    /// Service-level clocks.
    pub sla: &'a Sla,
    /// First time each routine document was written: (kind, period label) → epoch ms.
    pub documents: &'a BTreeMap<(Routine, String), i64>,
}

const FMT: &str = "%Y-%m-%d %H:%M";

impl AssessmentSettings {
    /// Counts the points lost in a period.
    pub fn assess(&self, x: &Inputs<'_>) -> Assessment {
        let span = x.period.span(x.tz);
        let show = |ms: i64| crate::core::clock::local_time(ms, x.tz, FMT);
        let mut inspections = Vec::new();
        for (slot, next) in self.slots(x.period) {
            let start = day_start(slot, x.tz);
            let end = day_start(next, x.tz);
            let due = self
                .inspection
                .due
                .map(|d| (start + d.as_millis() as i64).min(end))
                .unwrap_or(end);
            if due > x.as_of {
                continue;
            }
            let first = x
                .first_inspection
                .range(slot..next)
                .map(|(_, at)| *at)
                .min();
            match first {
                None => inspections.push(format!("{} 起的巡检周期内没有巡检记录", slot)),
                Some(at) if at > due => inspections.push(format!(
                    "{} 的巡检 {} 开始，应于 {} 前完成",
                    slot,
                    show(at),
                    show(due)
                )),
                Some(_) => {}
            }
        }
        let mut events = Vec::new();
        let mut major = Vec::new();
        for i in x.incidents {
            if i.opened_at < span.from || i.opened_at >= span.to {
                continue;
            }
            let c = i.clocks(x.sla, x.as_of);
            let mut late = Vec::new();
            if c.response_breached {
                late.push(format!("响应 {} 分钟", c.response_min));
            }
            if c.restore_breached {
                late.push(format!("恢复 {} 分钟", c.restore_min.unwrap_or_default()));
            }
            if late.is_empty() {
                continue;
            }
            let line = format!(
                "#{} {}（{}，{}）超时：{}",
                i.id,
                i.title,
                i.kind,
                i.severity,
                late.join("，")
            );
            if i.severity == "重大" || i.severity == "特别重大" {
                major.push(line);
            } else {
                events.push(line);
            }
        }
        let mut documents = Vec::new();
        for (kind, allowed) in &self.documents {
            // The documents of this kind whose due time falls in the period.
            let mut p = Period::containing(*kind, x.period.first).previous();
            while day_start(p.end, x.tz) < span.to {
                let due = day_start(p.end, x.tz) + allowed.as_millis() as i64;
                if due >= span.from && due < span.to && due <= x.as_of {
                    match x.documents.get(&(*kind, p.label())) {
                        None => documents.push(format!(
                            "{}{} 应于 {} 前提交，未见记录",
                            p.zh(),
                            kind.zh(),
                            show(due)
                        )),
                        Some(at) if *at > due => documents.push(format!(
                            "{}{} {} 提交，应于 {} 前",
                            p.zh(),
                            kind.zh(),
                            show(*at),
                            show(due)
                        )),
                        Some(_) => {}
                    }
                }
                p = Period::containing(*kind, p.end);
            }
        }
        let item = |name, occurrences: Vec<String>| Item {
            name,
            max: 10,
            lost: u32::try_from(occurrences.len()).unwrap_or(u32::MAX).min(10),
            occurrences,
        };
        let items = vec![
            item("巡检服务按时完成", inspections),
            item("运维服务事件按时完成", events),
            item("重大事件处理时效", major),
            item("运维文档、报告按时提交", documents),
        ];
        let lost = items.iter().map(|i| i.lost).sum::<u32>();
        let score = 100u32.saturating_sub(lost);
        Assessment {
            items,
            lost,
            score,
            grade: grade(score),
        }
    }

    /// The inspection slots of a period: (first day, the day after the slot).
    fn slots(&self, period: Period) -> Vec<(NaiveDate, NaiveDate)> {
        let step = |d: NaiveDate| match self.inspection.every {
            Every::Day => d + chrono::Days::new(1),
            Every::Week => d + chrono::Days::new(u64::from(7 - d.weekday().num_days_from_monday())),
            Every::Month => Period::containing(Routine::Monthly, d).end,
        };
        let mut out = Vec::new();
        let mut d = period.first;
        while d < period.end {
            let next = step(d).min(period.end);
            out.push((d, next));
            d = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::settings::InspectionDue;

    fn tz() -> chrono_tz::Tz {
        "Asia/Shanghai".parse().unwrap()
    }

    fn at(s: &str) -> i64 {
        use chrono::TimeZone;
        let n = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        tz().from_local_datetime(&n).unwrap().timestamp_millis()
    }

    fn incident(id: i64, severity: &str, opened: &str, restored: &str) -> Incident {
        Incident {
            id,
            kind: "故障".into(),
            severity: severity.into(),
            system: None,
            title: "t".into(),
            reporter: "r".into(),
            assignee: None,
            source_check: None,
            opened_at: at(opened),
            acked_at: Some(at(opened) + 10 * 60_000),
            restored_at: Some(at(restored)),
            closed_at: Some(at(restored)),
        }
    }

    #[test]
    fn points_follow_the_contract() {
        let s = AssessmentSettings {
            inspection: InspectionDue {
                every: Every::Week,
                due: Some(Duration::from_secs(2 * 86400)),
            },
            documents: AssessmentSettings::default().documents,
        };
        let period = Period::parse(Routine::Monthly, "2025-06").unwrap();
        // Weeks of June 2025: 1 (Sun), 2–8, 9–15, 16–22, 23–29, 30. Week 9–15 inspected late
        // (Thursday), 23–29 not at all; the one-day slots of the 1st and 30th are missed too.
        let first: BTreeMap<NaiveDate, i64> = [
            ("2025-06-03 09:00"),
            ("2025-06-12 09:00"),
            ("2025-06-16 09:00"),
        ]
        .iter()
        .map(|s| {
            (
                chrono::NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").unwrap(),
                at(s),
            )
        })
        .collect();
        let incidents = [
            incident(1, "一般", "2025-06-05 10:00", "2025-06-05 10:50"),
            incident(2, "一般", "2025-06-06 10:00", "2025-06-06 12:00"),
            incident(3, "重大", "2025-06-07 10:00", "2025-06-08 12:00"),
            incident(4, "一般", "2025-05-31 10:00", "2025-05-31 13:00"),
        ];
        let docs: BTreeMap<(Routine, String), i64> = [(
            (Routine::Monthly, "2025-05".to_owned()),
            at("2025-06-07 10:00"),
        )]
        .into();
        let a = s.assess(&Inputs {
            period,
            tz: tz(),
            as_of: at("2025-07-10 00:00"),
            first_inspection: &first,
            incidents: &incidents,
            sla: &Sla::default(),
            documents: &docs,
        });
        let lost: Vec<u32> = a.items.iter().map(|i| i.lost).collect();
        assert_eq!(lost, [4, 1, 1, 1], "{:#?}", a.items);
        assert_eq!((a.lost, a.score, a.grade), (7, 93, "优"));
        assert_eq!(grade(85), "良");
        assert_eq!(grade(70), "中");
        assert_eq!(grade(54), "差");
    }
}
