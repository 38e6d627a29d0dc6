//! What a check found: [`Status`], [`Metric`] and [`Outcome`].

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The judged state of a check, ordered by severity so that `max` is the worst.
///
/// UNKNOWN ranks above WARN and below CRIT: a check that could not run may hide anything, but a
/// confirmed critical fault must still decide the exit code of a run (Nagios `max_state_alt`
/// would put WARN above UNKNOWN; for an inspection a blind spot is worse than a warning).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// 正常.
    Ok,
    /// 告警.
    Warn,
    /// 未知: the check could not observe what it should.
    Unknown,
    /// 严重.
    Crit,
}

impl Status {
    /// All four, in severity order.
    pub const ALL: [Status; 4] = [Status::Ok, Status::Warn, Status::Unknown, Status::Crit];

    /// The Nagios plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    pub fn exit_code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Warn => 1,
            Status::Crit => 2,
            Status::Unknown => 3,
        }
    }

    /// The worst of several statuses; OK when there are none.
    pub fn worst(statuses: impl IntoIterator<Item = Status>) -> Status {
        statuses.into_iter().max().unwrap_or(Status::Ok)
    }

    /// The upper-case English word (`OK`, `WARN`, ...), as stored and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Crit => "CRIT",
            Status::Unknown => "UNKNOWN",
        }
    }

    /// The Nagios word (`OK`, `WARNING`, `CRITICAL`, `UNKNOWN`).
    pub fn nagios_word(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warn => "WARNING",
            Status::Crit => "CRITICAL",
            Status::Unknown => "UNKNOWN",
        }
    }

    /// The Chinese word used in tables and reports.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Ok => "正常",
            Status::Warn => "告警",
            Status::Crit => "严重",
            Status::Unknown => "未知",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One measured number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// Metric name within its probe kind (`connect_time`, `used_pct`, ...).
    pub name: String,
    /// What the number is about when a probe measures several things (a mount point, a process).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The value.
    pub value: f64,
    /// Unit in Nagios perfdata style: `s`, `%`, `B`, `c` or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
}

impl Metric {
    /// A metric without a label.
    pub fn new(name: &str, value: f64, unit: &str) -> Metric {
        Metric {
            name: name.to_owned(),
            label: None,
            value,
            unit: unit.to_owned(),
        }
    }

    /// A metric about one of several things.
    pub fn labelled(name: &str, label: impl Into<String>, value: f64, unit: &str) -> Metric {
        Metric {
            name: name.to_owned(),
            label: Some(label.into()),
            value,
            unit: unit.to_owned(),
        }
    }

    /// `name` or `name[label]`, the key used in perfdata and messages.
    pub fn key(&self) -> String {
        match &self.label {
            Some(l) => format!("{}[{}]", self.name, l),
            None => self.name.clone(),
        }
    }

    /// The value formatted for people: milliseconds for short times, binary units for bytes.
    pub fn display_value(&self) -> String {
        format_value(self.value, &self.unit)
    }
}

/// Formats a value with its unit for a table cell.
pub fn format_value(value: f64, unit: &str) -> String {
    match unit {
        "s" if value < 0.01 => format!("{:.1} ms", value * 1000.0),
        "s" if value < 1.0 => format!("{:.0} ms", value * 1000.0),
        "s" if value < 120.0 => format!("{value:.2} s"),
        "s" => humantime::format_duration(Duration::from_secs(value as u64)).to_string(),
        "%" => format!("{value:.1}%"),
        "B" => format_bytes(value),
        "" | "c" if value.fract() == 0.0 => format!("{value:.0}"),
        _ => format!("{value:.2}{unit}"),
    }
}

fn format_bytes(value: f64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut v = value;
    let mut i = 0;
    while v >= 1024.0 && i + 1 < UNITS.len() {
        v /= 1024.0;
        i += 1;
    }
    if i == 0 {
        format!("{v:.0} B")
    } else {
        format!("{v:.1} {}", UNITS[i])
    }
}

/// A waiver that applied to an outcome: the status was seen but accepted until the expiry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaiverNote {
    /// Why the finding is accepted.
    pub reason: String,
    /// Last day the waiver holds (YYYY-MM-DD).
    pub expires: String,
    /// True once the expiry date has passed: the status counts again.
    pub expired: bool,
}

/// What a stored outcome needs to know about its check, so history reads without the pack.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CheckInfo {
    /// Chinese title.
    pub title: String,
    /// Inspection category.
    pub category: Category,
    /// Item number within the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u8>,
    /// System id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Target name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Probe kind.
    pub kind: String,
    /// Whether a CRIT means the system is not serving (a service probe): the availability and
    /// MTBF figures count these. Kept in the store, not in JSON output.
    #[serde(skip)]
    pub service: bool,
}

impl CheckInfo {
    /// `日常检查(3)` or just the category.
    pub fn item_label(&self) -> String {
        match self.item {
            Some(n) => format!("{}({n})", self.category.zh()),
            None => self.category.zh().to_owned(),
        }
    }
}

/// The result of running one check.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Outcome {
    /// The check's id.
    pub check: String,
    /// The inventory host it ran on; none: the jump host (the machine znode runs on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The host could not be reached: nothing was observed (未采集), the status is UNKNOWN.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreached: bool,
    /// The judged status.
    pub status: Status,
    /// One line saying why: the failed expectation, or what was measured when all is well;
    /// in Chinese, as the bureau's documents and the team's tables show it.
    pub summary: String,
    /// The same line in English (`--lang en`); empty when it reads the same in both.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary_en: String,
    /// Everything the probe measured.
    pub metrics: Vec<Metric>,
    /// The key of the metric shown as "the value" of the check, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    /// Supporting facts: matched lines (never secrets), versions, holders of ports.
    pub evidence: Vec<String>,
    /// Wall time of the last attempt, in whole milliseconds.
    #[serde(with = "duration_ms")]
    pub duration: Duration,
    /// How many attempts were made (1 without retries).
    pub attempts: u32,
    /// True when an earlier attempt failed and a retry passed.
    pub flaky: bool,
    /// The waiver that applied, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<WaiverNote>,
    /// Text facts the probe reported for comparison across hosts (`same:`); not kept in the
    /// history, whose evidence says what a comparison found.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub facts: std::collections::BTreeMap<String, String>,
    /// Structured findings a probe kind keeps beside its metrics, in the history store (a
    /// data check's per-rule results, column profiles and masked samples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
}

impl Outcome {
    /// The summary in a language.
    pub fn summary_in(&self, lang: crate::core::text::Lang) -> &str {
        match lang {
            crate::core::text::Lang::En if !self.summary_en.is_empty() => &self.summary_en,
            _ => &self.summary,
        }
    }

    /// The summary in both languages.
    pub fn summary_text(&self) -> crate::core::text::Text {
        crate::core::text::Text {
            zh: self.summary.clone(),
            en: if self.summary_en.is_empty() {
                self.summary.clone()
            } else {
                self.summary_en.clone()
            },
        }
    }

    /// Sets the summary in both languages.
    pub fn set_summary(&mut self, t: crate::core::text::Text) {
        self.summary_en = if t.en == t.zh { String::new() } else { t.en };
        self.summary = t.zh;
    }

    /// The status that counts towards the run's result: an unexpired waiver makes it OK.
    pub fn effective_status(&self) -> Status {
        match &self.waiver {
            Some(w) if !w.expired => Status::Ok,
            _ => self.status,
        }
    }

    /// `check` or `check@host`: what an outcome is about, one per check and host.
    pub fn subject(&self) -> String {
        subject(&self.check, self.host.as_deref())
    }

    /// The primary metric, if the probe named one and measured it.
    pub fn primary_metric(&self) -> Option<&Metric> {
        let key = self.primary.as_deref()?;
        self.metrics.iter().find(|m| m.key() == key)
    }
}

/// `check` on the jump host, `check@host` elsewhere: the key of an outcome in a run.
pub fn subject(check: &str, host: Option<&str>) -> String {
    match host {
        Some(h) => format!("{check}@{h}"),
        None => check.to_owned(),
    }
}

mod duration_ms {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis() as u64)
    }
    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_millis(u64::deserialize(d)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crit_outranks_unknown_outranks_warn() {
        assert_eq!(
            Status::worst([Status::Warn, Status::Unknown]),
            Status::Unknown
        );
        assert_eq!(
            Status::worst([Status::Unknown, Status::Crit, Status::Ok]),
            Status::Crit
        );
        assert_eq!(Status::worst([]), Status::Ok);
        assert_eq!(Status::Unknown.exit_code(), 3);
    }

    #[test]
    fn values_read_well() {
        assert_eq!(format_value(0.0123, "s"), "12 ms");
        assert_eq!(format_value(0.0003, "s"), "0.3 ms");
        assert_eq!(format_value(93.456, "%"), "93.5%");
        assert_eq!(format_value(3.0 * 1024.0 * 1024.0, "B"), "3.0 MiB");
        assert_eq!(format_value(42.0, ""), "42");
    }
}

/// The seven inspection categories of the specification, in the order reports list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    /// 日常检查: daily checks.
    #[serde(rename = "日常检查", alias = "daily")]
    Daily,
    /// 性能检查: performance.
    #[serde(rename = "性能检查", alias = "performance")]
    Performance,
    /// 脆弱性检查: vulnerability.
    #[serde(rename = "脆弱性检查", alias = "vulnerability")]
    Vulnerability,
    /// 常规检查: routine.
    #[serde(rename = "常规检查", alias = "routine")]
    Routine,
    /// 应用服务器检查: application servers.
    #[serde(rename = "应用服务器检查", alias = "app-server")]
    AppServer,
    /// 中间件检查: middleware.
    #[serde(rename = "中间件检查", alias = "middleware")]
    Middleware,
    /// 系统业务检查: business.
    #[serde(rename = "系统业务检查", alias = "business")]
    Business,
    /// 日志审计: SPEC R2's operation-log review (`znode logs audit`).
    #[serde(rename = "日志审计", alias = "log-review")]
    LogReview,
    /// 备份检查: SPEC R7's backup verification (`znode backup verify`).
    #[serde(rename = "备份检查", alias = "backup")]
    Backup,
    /// 数据质量检查: SPEC R8's base-library data checks (`probe: { kind: data }`).
    #[serde(rename = "数据质量检查", alias = "data-quality")]
    DataQuality,
}

impl Category {
    /// All categories in report order.
    pub const ALL: [Category; 10] = [
        Category::Daily,
        Category::Performance,
        Category::Vulnerability,
        Category::Routine,
        Category::AppServer,
        Category::Middleware,
        Category::Business,
        Category::LogReview,
        Category::Backup,
        Category::DataQuality,
    ];

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Category::Daily => "日常检查",
            Category::Performance => "性能检查",
            Category::Vulnerability => "脆弱性检查",
            Category::Routine => "常规检查",
            Category::AppServer => "应用服务器检查",
            Category::Middleware => "中间件检查",
            Category::Business => "系统业务检查",
            Category::LogReview => "日志审计",
            Category::Backup => "备份检查",
            Category::DataQuality => "数据质量检查",
        }
    }

    /// The English alias, accepted in files and filters.
    pub fn en(self) -> &'static str {
        match self {
            Category::Daily => "daily",
            Category::Performance => "performance",
            Category::Vulnerability => "vulnerability",
            Category::Routine => "routine",
            Category::AppServer => "app-server",
            Category::Middleware => "middleware",
            Category::Business => "business",
            Category::LogReview => "log-review",
            Category::Backup => "backup",
            Category::DataQuality => "data-quality",
        }
    }

    /// Parses either name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|c| c.zh() == s || c.en().eq_ignore_ascii_case(s))
    }

    /// How many numbered items the specification lists under this category.
    pub fn item_count(self) -> u8 {
        match self {
            Category::Daily | Category::Vulnerability => 6,
            Category::Routine => 4,
            Category::Business => 2,
            Category::LogReview => 3,
            Category::Backup | Category::DataQuality => 0,
            Category::Performance | Category::AppServer | Category::Middleware => 1,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.zh())
    }
}
