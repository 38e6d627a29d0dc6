//! Service records (服务记录): what people record about the service that no probe can see —
//! satisfaction surveys, training sessions, business-operation work (编目挂接, 数据质量, 共享交换,
//! 需求支撑, 答疑辅导), 重保 periods and the review of a drill. The monthly report, the 考核 and
//! the special reports read them from the store; `znode record` and `znode playbook review`
//! write them.

use serde::{Deserialize, Serialize};

/// The kinds of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A satisfaction survey of a month (满意度调查).
    Satisfaction,
    /// A training session (培训).
    Training,
    /// Business-operation work (业务运营服务).
    Operation,
    /// A 重保 period (重要时刻保障).
    Guard,
    /// The review of a drill or emergency run (演练复盘).
    DrillReview,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 5] = [
        Kind::Satisfaction,
        Kind::Training,
        Kind::Operation,
        Kind::Guard,
        Kind::DrillReview,
    ];

    /// The name in the store and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Satisfaction => "satisfaction",
            Kind::Training => "training",
            Kind::Operation => "operation",
            Kind::Guard => "guard",
            Kind::DrillReview => "drill-review",
        }
    }

    /// The name in documents and tables.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Satisfaction => "满意度调查",
            Kind::Training => "培训",
            Kind::Operation => "业务运营",
            Kind::Guard => "重要时刻保障",
            Kind::DrillReview => "演练复盘",
        }
    }

    /// The kind of a stored name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// The business-operation services of the contract (业务运营服务), in its order.
pub const OPERATIONS: [&str; 5] = ["编目挂接", "数据质量", "共享交换", "需求支撑", "答疑辅导"];

/// A satisfaction survey: how many answered, how many were satisfied, what they said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// Respondents.
    pub surveyed: u32,
    /// Respondents satisfied (满意 or 基本满意).
    pub satisfied: u32,
    /// Feedback worth reporting, one line each.
    #[serde(default)]
    pub feedback: Vec<String>,
}

impl Survey {
    /// Respondents not satisfied: each is one 不满意事件 of the 考核.
    pub fn dissatisfied(&self) -> u32 {
        self.surveyed.saturating_sub(self.satisfied)
    }
}

/// A training session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Training {
    /// Who attended, how many.
    pub attendees: u32,
    /// Length in hours.
    pub hours: f64,
    /// Who taught it.
    #[serde(default)]
    pub trainer: Option<String>,
    /// Who it was for (units or roles).
    #[serde(default)]
    pub audience: Option<String>,
}

/// Business-operation work: how much of one service was done.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// How many items (信息类, 问题, 工单, ...).
    pub count: u32,
    /// What the count counts, e.g. 类, 个, 件.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A 重保 period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Guard {
    /// Who was on watch.
    #[serde(default)]
    pub people: Vec<String>,
    /// Systems or hosts in scope, in words.
    #[serde(default)]
    pub scope: Option<String>,
    /// Measures taken beyond the routine (深度巡检, 值守安排, ...).
    #[serde(default)]
    pub measures: Vec<String>,
}

/// One person of a drill and their role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Name.
    pub name: String,
    /// Role (指挥, 操作, 记录, 观察, ...).
    pub role: String,
}

/// What a drill showed, written after it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DrillReview {
    /// The scenario as played.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Who took part, in which role.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Problems and shortcomings of the plan found (预案问题与不足).
    #[serde(default)]
    pub findings: Vec<String>,
    /// Revisions of the plan decided (预案修订).
    #[serde(default)]
    pub revisions: Vec<String>,
}

impl DrillReview {
    /// Several reviews of one run read as one: the last scenario given, every participant,
    /// finding and revision in the order recorded.
    pub fn merge(reviews: impl IntoIterator<Item = DrillReview>) -> DrillReview {
        let mut out = DrillReview::default();
        for r in reviews {
            if r.scenario.is_some() {
                out.scenario = r.scenario;
            }
            out.participants.extend(r.participants);
            out.findings.extend(r.findings);
            out.revisions.extend(r.revisions);
        }
        out
    }
}

/// What a record says, by kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// A survey.
    Satisfaction(Survey),
    /// A training session.
    Training(Training),
    /// Business-operation work.
    Operation(Operation),
    /// A 重保 period.
    Guard(Guard),
    /// A drill review.
    DrillReview(DrillReview),
}

impl Detail {
    /// Its kind.
    pub fn kind(&self) -> Kind {
        match self {
            Detail::Satisfaction(_) => Kind::Satisfaction,
            Detail::Training(_) => Kind::Training,
            Detail::Operation(_) => Kind::Operation,
            Detail::Guard(_) => Kind::Guard,
            Detail::DrillReview(_) => Kind::DrillReview,
        }
    }

    /// The JSON object stored.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        match self {
            Detail::Satisfaction(x) => serde_json::to_string(x),
            Detail::Training(x) => serde_json::to_string(x),
            Detail::Operation(x) => serde_json::to_string(x),
            Detail::Guard(x) => serde_json::to_string(x),
            Detail::DrillReview(x) => serde_json::to_string(x),
        }
    }

    /// Reads a stored object back; a field this version does not know is ignored.
    pub fn from_json(kind: Kind, s: &str) -> Result<Detail, serde_json::Error> {
        Ok(match kind {
            Kind::Satisfaction => Detail::Satisfaction(serde_json::from_str(s)?),
            Kind::Training => Detail::Training(serde_json::from_str(s)?),
            Kind::Operation => Detail::Operation(serde_json::from_str(s)?),
            Kind::Guard => Detail::Guard(serde_json::from_str(s)?),
            Kind::DrillReview => Detail::DrillReview(serde_json::from_str(s)?),
        })
    }
}

/// A record as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Id.
    pub id: i64,
    /// When it starts (a survey: the month's first day; a session or a piece of work: when),
    /// epoch ms.
    pub from: i64,
    /// When it ends, for periods (a survey's month, a 重保 period).
    pub until: Option<i64>,
    /// The operation type, or the playbook run a review is of.
    pub subject: Option<String>,
    /// One line: the survey, the topic, the work, the 重保's name.
    pub title: String,
    /// The kind's fields.
    pub detail: Detail,
    /// Who recorded it.
    pub author: String,
    /// When it was recorded, epoch ms.
    pub recorded_at: i64,
}

impl Record {
    /// What a record says, in one cell.
    pub fn describe(&self) -> String {
        let r = self;
        match &r.detail {
            Detail::Satisfaction(s) => format!(
                "调查 {} 人，满意 {} 人{}",
                s.surveyed,
                s.satisfied,
                if s.feedback.is_empty() {
                    String::new()
                } else {
                    format!("；反馈：{}", s.feedback.join("；"))
                }
            ),
            Detail::Training(t) => format!(
                "{} 人参加，{} 小时{}{}",
                t.attendees,
                t.hours,
                t.trainer
                    .as_deref()
                    .map(|x| format!("，讲师 {x}"))
                    .unwrap_or_default(),
                t.audience
                    .as_deref()
                    .map(|x| format!("，对象 {x}"))
                    .unwrap_or_default()
            ),
            Detail::Operation(o) => format!(
                "{}：{} {}",
                r.subject.as_deref().unwrap_or("-"),
                o.count,
                o.unit.as_deref().unwrap_or("项")
            ),
            Detail::Guard(g) => format!(
                "值守 {}{}",
                if g.people.is_empty() {
                    "-".to_owned()
                } else {
                    g.people.join("、")
                },
                g.scope
                    .as_deref()
                    .map(|x| format!("；范围 {x}"))
                    .unwrap_or_default()
            ),
            Detail::DrillReview(d) => format!(
                "参演 {} 人，问题 {} 条，修订 {} 条",
                d.participants.len(),
                d.findings.len(),
                d.revisions.len()
            ),
        }
    }

    /// Whether it overlaps `[from, to)`.
    pub fn overlaps(&self, span: crate::core::period::Span) -> bool {
        self.from < span.to && self.until.unwrap_or(self.from + 1) > span.from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_round_trip_and_reviews_merge() {
        let d = Detail::Training(Training {
            attendees: 12,
            hours: 1.5,
            trainer: Some("李工".into()),
            audience: None,
        });
        assert_eq!(
            Detail::from_json(Kind::Training, &d.to_json().unwrap()).unwrap(),
            d
        );
        let merged = DrillReview::merge([
            DrillReview {
                scenario: Some("主库宕机".into()),
                participants: vec![Participant {
                    name: "张三".into(),
                    role: "指挥".into(),
                }],
                findings: vec!["切换脚本缺少超时".into()],
                revisions: vec![],
            },
            DrillReview {
                scenario: None,
                participants: vec![],
                findings: vec!["通讯录过期".into()],
                revisions: vec!["第 3 步增加确认".into()],
            },
        ]);
        assert_eq!(merged.scenario.as_deref(), Some("主库宕机"));
        assert_eq!(merged.findings.len(), 2);
        assert_eq!(merged.revisions, ["第 3 步增加确认"]);
        let s = Survey {
            surveyed: 20,
            satisfied: 19,
            feedback: vec![],
        };
        assert_eq!(s.dissatisfied(), 1);
    }
}
