//! The monthly 考核 self-assessment (SPEC R9): every item of the contract's table (服务时效性
//! 40, 服务质量 40, 管理成效 20), the complaints (−5 each) and praise (+5 each), and the grade
//! the score earns. A quarter's or half-year's score is the average of its months' scores, as
//! the contract computes the final grade.
//!
//! The timeliness items are counted from the store — inspections late or missing, events and
//! major events handled late (the incidents of one fault count once), documents handed in
//! late — each starting from its full marks and losing one point per occurrence, never going
//! below zero. The items a tool cannot measure (attendance, emergency, problem and change
//! management, satisfaction, document quality, the owner's 20 points) are taken as full marks,
//! and the report says so item by item. Nothing before `assessment.since` (the day the team
//! adopted the tool) counts as missed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::core::period::{Period, Routine, day_start};
use crate::incident::{Incident, Sla};
use crate::settings::{AssessmentSettings, Every};

/// One item of the assessment.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// The contract's dimension: 服务时效性, 服务质量 or 管理成效.
    pub dimension: &'static str,
    /// Its name in the contract.
    pub name: &'static str,
    /// Full marks.
    pub max: u32,
    /// Points lost (capped at `max`).
    pub lost: u32,
    /// Whether the tool counts it; an item it cannot count is taken as full marks.
    pub measured: bool,
    /// What the 说明 cell says: 按满分计, 未发现不满足, or how many points went and why.
    pub note: String,
    /// One line per occurrence.
    pub occurrences: Vec<String>,
}

/// Complaints or praise: points each, with the incidents that recorded them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Adjustment {
    /// How many.
    pub count: u32,
    /// Points in all (5 each).
    pub points: u32,
    /// One line each.
    pub occurrences: Vec<String>,
}

/// One month of a longer period, for the average.
#[derive(Clone, Debug, Serialize)]
pub struct MonthScore {
    /// `2026年10月`.
    pub month: String,
    /// Its score.
    pub score: u32,
    /// Its grade.
    pub grade: &'static str,
}

/// The self-assessment of a period.
#[derive(Clone, Debug, Serialize)]
pub struct Assessment {
    /// Every item of the contract's table.
    pub items: Vec<Item>,
    /// Points lost on the items in all.
    pub lost: u32,
    /// Valid complaints (有效投诉), −5 each.
    pub complaints: Adjustment,
    /// Praise (表扬), +5 each.
    pub praise: Adjustment,
    /// 100 minus the points lost, minus complaints, plus praise (0 to 100).
    pub score: u32,
    /// 优, 良, 中 or 差.
    pub grade: &'static str,
    /// For a quarter or half-year: each month's score; the score is their average.
    pub months: Vec<MonthScore>,
}

/// Points a complaint costs and praise earns.
const ADJUSTMENT: u32 = 5;

/// The satisfaction item: from the surveys of the period when there are any (one point per
/// respondent not satisfied), else full marks as the owner's to judge.
fn satisfaction(x: &Inputs<'_>, span: crate::core::period::Span) -> Item {
    const MAX: u32 = 10;
    let mut dissatisfied = 0;
    let mut occurrences = Vec::new();
    let mut surveyed = false;
    for r in x.surveys.iter().filter(|r| r.overlaps(span)) {
        if let crate::record::Detail::Satisfaction(s) = &r.detail {
            surveyed = true;
            dissatisfied += s.dissatisfied();
            if s.dissatisfied() > 0 {
                occurrences.push(format!(
                    "{}：调查 {} 人，不满意 {} 人",
                    r.title,
                    s.surveyed,
                    s.dissatisfied()
                ));
            }
        }
    }
    let lost = dissatisfied.min(MAX);
    Item {
        dimension: "服务质量",
        name: "服务满意度（无不满意事件）",
        max: MAX,
        lost,
        measured: surveyed,
        note: match (surveyed, dissatisfied) {
            (false, _) => "按满分计（本期未录入满意度调查，以业主评定为准）".into(),
            (true, 0) => "满意度调查未见不满意评价".into(),
            (true, n) => format!("不满意评价 {n} 次，扣 {lost} 分（明细见下）"),
        },
        occurrences,
    }
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
    /// When each incident's brief (故障处理简报) was first written: incident id → epoch ms.
    pub briefs: &'a BTreeMap<i64, i64>,
    /// Satisfaction surveys recorded (`znode record satisfaction`); each respondent not
    /// satisfied is one 不满意事件.
    pub surveys: &'a [crate::record::Record],
}

const FMT: &str = "%Y-%m-%d %H:%M";

impl AssessmentSettings {
    /// Counts the points lost in a period.
    pub fn assess(&self, x: &Inputs<'_>) -> Assessment {
        let span = x.period.span(x.tz);
        let show = |ms: i64| crate::core::clock::local_time(ms, x.tz, FMT);
        // Before the team adopted the tool nothing was recorded, so nothing counts as missed.
        let since = self.since.map_or(i64::MIN, |d| day_start(d, x.tz));
        let mut inspections = Vec::new();
        for (slot, next) in self.slots(x.period) {
            let start = day_start(slot, x.tz);
            let end = day_start(next, x.tz);
            let due = self
                .inspection
                .due
                .map(|d| (start + d.as_millis() as i64).min(end))
                .unwrap_or(end);
            if due > x.as_of || end <= since {
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
        let mut complaints = Adjustment::default();
        let mut praise = Adjustment::default();
        // The incidents of one fault (opened by the same check while an earlier one was still
        // open) cost once: only the first of them is judged.
        let mut judged: Vec<&Incident> = Vec::new();
        for i in x.incidents {
            if i.opened_at < span.from || i.opened_at >= span.to || i.opened_at < since {
                continue;
            }
            let tally = match i.kind.as_str() {
                "投诉" => Some(&mut complaints),
                "表扬" => Some(&mut praise),
                _ => None,
            };
            if let Some(t) = tally {
                t.count += 1;
                t.occurrences
                    .push(format!("#{} {}（{}）", i.id, i.title, show(i.opened_at)));
                continue;
            }
            let same_fault = i.source_check.is_some()
                && judged.iter().any(|j| {
                    j.source_check == i.source_check
                        && j.restored_at
                            .or(j.closed_at)
                            .is_none_or(|end| end >= i.opened_at)
                });
            if same_fault {
                continue;
            }
            judged.push(i);
            // The clocks stop where the report's figures do: the period's end, or `--as-of`.
            let c = i.clocks(x.sla, x.as_of.min(span.to));
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
        complaints.points = complaints.count * ADJUSTMENT;
        praise.points = praise.count * ADJUSTMENT;
        let mut documents = Vec::new();
        for (kind, allowed) in &self.documents {
            let mut p = Period::containing(*kind, x.period.first).previous();
            while day_start(p.end, x.tz) < span.to {
                let due = day_start(p.end, x.tz) + allowed.as_millis() as i64;
                if due >= span.from && due < span.to && due <= x.as_of && due >= since {
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
        // A major fault's brief is due a day (`assessment.briefs`) after service was restored.
        let brief_due = self
            .briefs
            .unwrap_or(std::time::Duration::from_secs(86400))
            .as_millis() as i64;
        for i in x.incidents {
            let major = i.kind == "故障" && (i.severity == "重大" || i.severity == "特别重大");
            let Some(restored) = i.restored_at.or(i.closed_at) else {
                continue;
            };
            let due = restored + brief_due;
            if !major || due < span.from || due >= span.to || due > x.as_of || due < since {
                continue;
            }
            match x.briefs.get(&i.id) {
                None => documents.push(format!(
                    "事件 #{}（{}）的故障处理简报应于 {} 前提交，未见记录",
                    i.id,
                    i.title,
                    show(due)
                )),
                Some(at) if *at > due => documents.push(format!(
                    "事件 #{}（{}）的故障处理简报 {} 提交，应于 {} 前",
                    i.id,
                    i.title,
                    show(*at),
                    show(due)
                )),
                Some(_) => {}
            }
        }
        let measured = |dimension, name, max: u32, occurrences: Vec<String>| {
            let lost = u32::try_from(occurrences.len())
                .unwrap_or(u32::MAX)
                .min(max);
            Item {
                dimension,
                name,
                max,
                lost,
                measured: true,
                note: if occurrences.is_empty() {
                    "未发现不满足".into()
                } else {
                    format!("不满足 {} 次，扣 {lost} 分（明细见下）", occurrences.len())
                },
                occurrences,
            }
        };
        let full = |dimension, name, max| Item {
            dimension,
            name,
            max,
            lost: 0,
            measured: false,
            note: "按满分计（工具无法统计，以业主评定为准）".into(),
            occurrences: Vec::new(),
        };
        let items = vec![
            measured("服务时效性", "巡检服务按时完成", 10, inspections),
            measured("服务时效性", "运维服务事件按时完成", 10, events),
            measured("服务时效性", "重大事件处理时效", 10, major),
            measured("服务时效性", "运维文档、报告按时提交", 10, documents),
            full("服务质量", "遵守考勤管理规定", 10),
            full("服务质量", "遵守应急管理规定", 5),
            full("服务质量", "遵守问题管理规定", 5),
            full("服务质量", "遵守变更管理规范", 5),
            satisfaction(x, span),
            full("服务质量", "运维文档、报告质量", 5),
            full("管理成效", "管理成效（业主评价）", 20),
        ];
        let lost = items.iter().map(|i| i.lost).sum::<u32>();
        let score = (100 + praise.points)
            .saturating_sub(lost + complaints.points)
            .min(100);
        Assessment {
            items,
            lost,
            complaints,
            praise,
            score,
            grade: grade(score),
            months: Vec::new(),
        }
    }

    /// A quarter's or half-year's assessment: each month assessed on its own, the score the
    /// average of the months assessed so far (the contract: 所有月考评分值之和/服务月数).
    pub fn assess_months(&self, x: &Inputs<'_>) -> Assessment {
        let mut months = Vec::new();
        let mut m = Period::containing(Routine::Monthly, x.period.first);
        while m.first < x.period.end && day_start(m.first, x.tz) <= x.as_of {
            let a = self.assess(&Inputs { period: m, ..*x });
            months.push(MonthScore {
                month: m.zh(),
                score: a.score,
                grade: a.grade,
            });
            m = Period::containing(Routine::Monthly, m.end);
        }
        let whole = self.assess(x);
        if months.is_empty() {
            return whole;
        }
        let score = (months.iter().map(|m| f64::from(m.score)).sum::<f64>() / months.len() as f64)
            .round() as u32;
        Assessment {
            score,
            grade: grade(score),
            months,
            ..whole
        }
    }

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
            since: None,
            briefs: None,
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
            briefs: &BTreeMap::new(),
            surveys: &[],
        });
        let lost: Vec<u32> = a.items.iter().map(|i| i.lost).collect();
        // Documents: the May report late, and the major fault #3's brief never written.
        assert_eq!(lost, [4, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0], "{:#?}", a.items);
        assert_eq!(a.items.iter().map(|i| i.max).sum::<u32>(), 100);
        assert!(
            a.items[4..]
                .iter()
                .all(|i| !i.measured && i.note.starts_with("按满分计"))
        );
        assert_eq!((a.lost, a.score, a.grade), (8, 92, "优"));
        assert_eq!(grade(85), "良");
        assert_eq!(grade(70), "中");
        assert_eq!(grade(54), "差");
    }
}
