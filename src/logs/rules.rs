//! Declarative log rules: what to look for, in which log formats, and what makes a finding.
//!
//! The shipped rules (`rules/log-rules.yaml`, embedded) cover the node's middleware, access,
//! auth and database logs; `logs.rules` in the config adds rules, or replaces a shipped one by
//! giving its id (`enabled: false` turns one off). A rule is either a *scan* rule, whose count
//! over the window is judged against `warn`/`crit`, or an *audit* rule, whose matches become
//! findings by the detector it names (`burst`, `normal_hours`, `new`, `above`, or every match).

use std::collections::BTreeSet;
use std::time::Duration;

use serde::Deserialize;

use crate::core::threshold::Range;
use crate::core::yaml::{DeError, Node, Value};

/// The shipped rules.
pub const SHIPPED: &str = include_str!("../../rules/log-rules.yaml");

/// A log format; rules name the formats they apply to.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Java application logs: logback/log4j, Tomcat catalina/JULI, TongWeb, BES.
    Java,
    /// nginx `access.log` (combined, with `$request_time` last if slow requests matter).
    NginxAccess,
    /// nginx `error.log`.
    NginxError,
    /// Tomcat (or TongWeb/BES) `localhost_access_log`.
    TomcatAccess,
    /// `/var/log/secure`, `/var/log/auth.log`.
    Auth,
    /// `/var/log/messages`, `/var/log/syslog`.
    Syslog,
    /// PostgreSQL server log.
    Postgres,
    /// MySQL/MariaDB error or general log.
    Mysql,
    /// Redis log.
    Redis,
    /// An application's operation (audit) log; fields by the rules' named groups.
    Oplog,
    /// Anything else.
    Plain,
}

impl Format {
    /// Every format, in the order detection tries them.
    pub const ALL: [Format; 11] = [
        Format::NginxAccess,
        Format::TomcatAccess,
        Format::NginxError,
        Format::Auth,
        Format::Syslog,
        Format::Postgres,
        Format::Mysql,
        Format::Redis,
        Format::Java,
        Format::Oplog,
        Format::Plain,
    ];

    /// The name used in config files.
    pub fn name(self) -> &'static str {
        match self {
            Format::Java => "java",
            Format::NginxAccess => "nginx-access",
            Format::NginxError => "nginx-error",
            Format::TomcatAccess => "tomcat-access",
            Format::Auth => "auth",
            Format::Syslog => "syslog",
            Format::Postgres => "postgres",
            Format::Mysql => "mysql",
            Format::Redis => "redis",
            Format::Oplog => "oplog",
            Format::Plain => "plain",
        }
    }

    /// Guesses a format from a file's first lines by voting, as lnav does: each line votes for
    /// the first signature it matches.
    pub fn detect(lines: &[&str]) -> Format {
        use std::sync::LazyLock;
        static SIGNATURES: LazyLock<Vec<(Format, regex::Regex)>> = LazyLock::new(|| {
            [
                (
                    Format::NginxAccess,
                    r#"^\S+ \S+ \S+ \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "[A-Z]+ \S+ [^"]*" \d{3} \d+ ""#,
                ),
                (
                    Format::TomcatAccess,
                    r#"^\S+ \S+ \S+ \[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "[^"]*" \d{3} (?:\d+|-)"#,
                ),
                (
                    Format::NginxError,
                    r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} \[\w+\] \d+#\d+:",
                ),
                (
                    Format::Auth,
                    r"^(?:\w{3} [ \d]\d \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\S+) \S+ (?:sshd|sudo|su|login|systemd-logind|useradd|usermod|userdel|passwd|groupadd)(?:\[\d+\])?:",
                ),
                (
                    Format::Syslog,
                    r"^(?:\w{3} [ \d]\d \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\S+) \S+ [\w./-]+(?:\[\d+\])?:",
                ),
                (
                    Format::Postgres,
                    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \w+ \[\d+\]",
                ),
                (
                    Format::Mysql,
                    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z? +\d+ \[(?:Note|Warning|ERROR|System)\]",
                ),
                (
                    Format::Redis,
                    r"^\d+:[XCSM] \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2}",
                ),
                (
                    Format::Java,
                    r"^(?:\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}[.,]\d{3}|\d{2}-\w{3}-\d{4} \d{2}:\d{2}:\d{2})|^\s+at [\w$.]+\(|^Caused by: ",
                ),
            ]
            .into_iter()
            .map(|(f, r)| (f, regex::Regex::new(r).expect("literal regex")))
            .collect()
        });
        let mut votes = [0usize; Format::ALL.len()];
        for line in lines {
            if let Some(i) = SIGNATURES.iter().position(|(_, re)| re.is_match(line)) {
                votes[i] += 1;
            }
        }
        match votes
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (**v, usize::MAX - i))
        {
            Some((i, v)) if *v > 0 => SIGNATURES[i].0,
            _ => Format::Plain,
        }
    }
}

/// Scan rules are counted and judged; audit rules produce findings for review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Counted by `logs scan`.
    #[default]
    Scan,
    /// Reviewed by `logs audit`.
    Audit,
}

/// How serious an audit finding is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Listed for review; the outcome stays OK (sudo use by admins is their job).
    Info,
    /// WARN.
    #[default]
    Warn,
    /// CRIT.
    Crit,
}

impl Severity {
    /// The outcome status of a finding of this severity.
    pub fn status(self) -> crate::core::outcome::Status {
        match self {
            Severity::Info => crate::core::outcome::Status::Ok,
            Severity::Warn => crate::core::outcome::Status::Warn,
            Severity::Crit => crate::core::outcome::Status::Crit,
        }
    }
}

/// `count` matches within `within`, per group.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Burst {
    /// Matches that make a burst.
    pub count: u32,
    /// The span they must fall in.
    #[serde(with = "crate::core::duration::required")]
    pub within: Duration,
}

/// A numeric field above a value.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Above {
    /// Named group holding the number.
    pub field: String,
    /// The limit.
    pub value: f64,
}

/// `HH:MM-HH:MM` working hours; matches outside them are findings.
#[derive(Clone, Copy, Debug)]
pub struct Hours {
    /// Start, minutes after midnight.
    pub from: u32,
    /// End, minutes after midnight (exclusive).
    pub to: u32,
}

impl Hours {
    /// Whether a local time of day (minutes) is inside the hours.
    pub fn contains(&self, minute: u32) -> bool {
        if self.from <= self.to {
            (self.from..self.to).contains(&minute)
        } else {
            minute >= self.from || minute < self.to
        }
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Hours, D::Error> {
        let s = String::deserialize(d)?;
        let parse = |t: &str| -> Option<u32> {
            let (h, m) = t.trim().split_once(':')?;
            let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
        };
        s.split_once('-')
            .and_then(|(a, b)| {
                Some(Hours {
                    from: parse(a)?,
                    to: parse(b)?,
                })
            })
            .ok_or_else(|| {
                serde::de::Error::custom(format!("invalid hours `{s}`; write e.g. \"08:00-20:00\""))
            })
    }
}

/// A regex as written, compiled for bytes.
#[derive(Clone, Debug)]
pub struct RulePattern(pub regex::bytes::Regex);

impl<'de> Deserialize<'de> for RulePattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RulePattern, D::Error> {
        let s = String::deserialize(d)?;
        compile(&s).map(RulePattern).map_err(|e| {
            let hint = if e.to_string().contains("Unicode not allowed") {
                " (rules use ASCII classes; write a class holding Chinese characters as (?u:[...]))"
            } else {
                ""
            };
            serde::de::Error::custom(format!("invalid regex{hint}: {e}"))
        })
    }
}

/// Compiles a rule regex the way the scanner runs it: `^`/`$` at line ends, CRLF-aware, and
/// ASCII classes (`\b`, `\w`, `\d`, `(?i)`): a Unicode word boundary next to Chinese text
/// forces the regex engine off its DFA, which costs two orders of magnitude on mixed logs.
/// Chinese literals still match (as UTF-8 bytes); a rule that needs Unicode classes writes
/// `(?u:...)`.
pub fn compile(pattern: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .multi_line(true)
        .crlf(true)
        .size_limit(32 << 20)
        .build()
}

/// One rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Id used in checks, filters and the store.
    pub id: String,
    /// Chinese title for tables and reports.
    pub title: String,
    /// Scan (counted) or audit (findings).
    #[serde(default)]
    pub kind: RuleKind,
    /// Formats it applies to; empty means all.
    #[serde(default)]
    pub formats: Vec<Format>,
    /// The regex; named groups are the fields detectors use.
    #[serde(rename = "match")]
    pub pattern: RulePattern,
    /// Scan rules: the count is WARN outside this Nagios range.
    pub warn: Option<Range>,
    /// Scan rules: the count is CRIT outside this range.
    pub crit: Option<Range>,
    /// Audit rules: the status a finding gives.
    #[serde(default)]
    pub severity: Severity,
    /// Fields a finding is per (e.g. `[ip]`); none: one finding for the rule.
    #[serde(default)]
    pub group_by: Vec<String>,
    /// Finding only when a group has this many matches this close together.
    pub burst: Option<Burst>,
    /// Finding only for matches outside these hours (local time of the source).
    pub normal_hours: Option<Hours>,
    /// Finding only for values of these fields never seen in earlier audits.
    #[serde(default)]
    pub new: Vec<String>,
    /// Finding only when a numeric field is above a value.
    pub above: Option<Above>,
    /// What to do about a finding.
    pub remediation: Option<String>,
    /// `false` turns a shipped rule off.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

impl Rule {
    /// How a match is judged, in words: the count's ranges, or the audit detector.
    pub fn judgement(&self) -> crate::core::text::Text {
        use crate::core::text::Text;
        let per = if self.group_by.is_empty() {
            Text::default()
        } else {
            Text {
                zh: format!("按 {} ", self.group_by.join("、")),
                en: format!("per {}, ", self.group_by.join(", ")),
            }
        };
        match self.kind {
            RuleKind::Scan => {
                let warn = self.warn.as_ref().map(|w| w.as_str());
                let crit = self.crit.as_ref().map(|c| c.as_str());
                if warn.is_none() && crit.is_none() {
                    return crate::text!("只计数", "count only");
                }
                let part = |zh: &str, en: &str, v: Option<&str>| {
                    v.map(|v| (format!("{zh} {v}"), format!("{en} {v}")))
                };
                let parts: Vec<(String, String)> =
                    [part("告警", "warn", warn), part("严重", "crit", crit)]
                        .into_iter()
                        .flatten()
                        .collect();
                Text {
                    zh: format!(
                        "条数：{}",
                        parts
                            .iter()
                            .map(|p| p.0.as_str())
                            .collect::<Vec<_>>()
                            .join("，")
                    ),
                    en: format!(
                        "count: {}",
                        parts
                            .iter()
                            .map(|p| p.1.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }
            }
            RuleKind::Audit => {
                let what = if let Some(b) = &self.burst {
                    crate::text!(
                        "{per}{within} 内 ≥ {count} 次",
                        "{per}≥ {count} within {within}",
                        per = per,
                        within = crate::core::text::duration(b.within),
                        count = b.count
                    )
                } else if let Some(h) = &self.normal_hours {
                    let hours = format!(
                        "{:02}:{:02}-{:02}:{:02}",
                        h.from / 60,
                        h.from % 60,
                        h.to / 60,
                        h.to % 60
                    );
                    crate::text!(
                        "{per}{hours} 以外",
                        "{per}outside {hours}",
                        per = per,
                        hours = hours
                    )
                } else if !self.new.is_empty() {
                    Text {
                        zh: format!("新出现的 {}", self.new.join("、")),
                        en: format!("new {}", self.new.join(", ")),
                    }
                } else if let Some(a) = &self.above {
                    crate::text!(
                        "{per}{field} > {value}",
                        "{per}{field} > {value}",
                        per = per,
                        field = a.field,
                        value = a.value
                    )
                } else {
                    crate::text!("{per}每次匹配", "{per}every match", per = per)
                };
                let (zh, en) = match self.severity {
                    Severity::Info => ("仅列出", "listed only"),
                    Severity::Warn => ("告警", "warn"),
                    Severity::Crit => ("严重", "crit"),
                };
                Text {
                    zh: format!("{}（{zh}）", what.zh),
                    en: format!("{} ({en})", what.en),
                }
            }
        }
    }

    /// Whether the rule applies to a format.
    pub fn applies_to(&self, f: Format) -> bool {
        self.formats.is_empty() || self.formats.contains(&f)
    }

    /// The fields detectors read, which must be named groups of the regex.
    pub fn fields(&self) -> BTreeSet<&str> {
        self.group_by
            .iter()
            .chain(self.new.iter())
            .chain(self.above.iter().map(|a| &a.field))
            .map(String::as_str)
            .collect()
    }

    fn check(&self, pos: crate::core::yaml::Pos) -> Result<(), DeError> {
        let names: BTreeSet<&str> = self.pattern.0.capture_names().flatten().collect();
        for f in self.fields() {
            if !names.contains(f) {
                return Err(DeError::at(
                    pos,
                    format!(
                        "rule `{}` uses field `{f}` but its regex has no group of that name",
                        self.id
                    ),
                )
                .with_hint(format!("name a group in `match`, e.g. `(?P<{f}>\\S+)`")));
            }
        }
        if self.kind == RuleKind::Scan
            && (self.burst.is_some()
                || self.normal_hours.is_some()
                || !self.new.is_empty()
                || self.above.is_some())
        {
            return Err(DeError::at(
                pos,
                format!(
                    "rule `{}` is a scan rule but has an audit detector",
                    self.id
                ),
            )
            .with_hint("add `kind: audit`, or drop burst/normal_hours/new/above"));
        }
        if let Some(b) = &self.burst
            && (b.count < 2 || b.within.is_zero())
        {
            return Err(DeError::at(
                pos,
                "a burst needs `count` of at least 2 and a non-zero `within`",
            )
            .with_hint("e.g. `burst: { count: 5, within: 10m }`"));
        }
        Ok(())
    }
}

/// Reads a `rules:` list (or a bare list) of rules, checking fields against groups.
pub fn read_list(node: &Node) -> Result<Vec<Rule>, DeError> {
    read_list_over(node, &[])
}

/// Reads the config's own rules: one with the id of a shipped rule needs to say only what it
/// changes (`{ id: slow-request, above: { field: rt, value: 3 } }`); the rest is the shipped
/// rule's.
pub fn read_own(node: &Node) -> Result<Vec<Rule>, DeError> {
    read_list_over(node, &shipped_items())
}

/// The shipped rules as YAML nodes.
fn shipped_items() -> Vec<Node> {
    match Node::parse(SHIPPED).map(|n| n.get("rules").cloned().unwrap_or(n)) {
        Ok(Node {
            value: Value::Seq(items),
            ..
        }) => items,
        _ => Vec::new(),
    }
}

/// An item laid over the base item with the same id: the item's keys replace the base's.
fn overlay(item: &Node, base: &[Node]) -> Node {
    let (Value::Map(own), Some(id)) = (&item.value, item.get("id").and_then(Node::as_str)) else {
        return item.clone();
    };
    let Some(Value::Map(shipped)) = base
        .iter()
        .find(|b| b.get("id").and_then(Node::as_str) == Some(id))
        .map(|b| &b.value)
    else {
        return item.clone();
    };
    let mut entries: Vec<(Node, Node)> = shipped
        .iter()
        .filter(|(k, _)| !own.iter().any(|(o, _)| o.as_str() == k.as_str()))
        .cloned()
        .collect();
    entries.extend(own.iter().cloned());
    Node {
        pos: item.pos,
        value: Value::Map(entries),
    }
}

fn read_list_over(node: &Node, base: &[Node]) -> Result<Vec<Rule>, DeError> {
    let items = match &node.value {
        Value::Seq(items) => items,
        Value::Map(_) => match node.get("rules") {
            Some(n) => return read_list_over(n, base),
            None => return Err(DeError::at(node.pos, "expected a `rules:` list")),
        },
        Value::Null => return Ok(Vec::new()),
        _ => return Err(DeError::at(node.pos, "`rules` must be a list of rules")),
    };
    let mut out: Vec<Rule> = Vec::with_capacity(items.len());
    for item in items {
        let item = &overlay(item, base);
        let r: Rule = item.deserialize()?;
        r.check(item.pos)?;
        if out.iter().any(|o| o.id == r.id) {
            return Err(DeError::at(
                item.pos,
                format!("rule `{}` is declared twice", r.id),
            ));
        }
        out.push(r);
    }
    Ok(out)
}

/// The shipped rules, parsed.
pub fn shipped() -> Vec<Rule> {
    let node = Node::parse(SHIPPED).expect("shipped rules are valid YAML");
    read_list(&node).expect("shipped rules are valid")
}

/// Shipped rules with the config's on top: same id replaces, new ids are added, disabled ones
/// are dropped.
pub fn merge(shipped: Vec<Rule>, own: Vec<Rule>) -> Vec<Rule> {
    let mut all = shipped;
    for r in own {
        match all.iter_mut().find(|s| s.id == r.id) {
            Some(s) => *s = r,
            None => all.push(r),
        }
    }
    all.retain(|r| r.enabled);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_load_and_cover_both_kinds() {
        let rules = shipped();
        assert!(
            rules
                .iter()
                .any(|r| r.kind == RuleKind::Scan && r.id == "oom")
        );
        assert!(
            rules
                .iter()
                .any(|r| r.kind == RuleKind::Audit && r.burst.is_some())
        );
        assert!(rules.iter().any(|r| !r.new.is_empty()));
    }

    #[test]
    fn detects_formats_by_vote() {
        let access = r#"10.1.2.3 - - [10/Oct/2025:13:55:36 +0800] "GET /api HTTP/1.1" 200 612 "-" "curl/8" 0.012"#;
        assert_eq!(Format::detect(&[access, access]), Format::NginxAccess);
        let auth =
            "Oct 10 13:55:36 node1 sshd[99]: Failed password for root from 10.0.0.9 port 22 ssh2";
        assert_eq!(Format::detect(&[auth]), Format::Auth);
        let java = "2025-10-10 13:55:36,123 ERROR [main] c.x.Foo - boom";
        assert_eq!(
            Format::detect(&[java, "\tat c.x.Foo.bar(Foo.java:1)"]),
            Format::Java
        );
        assert_eq!(Format::detect(&["hello"]), Format::Plain);
    }

    #[test]
    fn fields_must_be_groups() {
        let node = Node::parse("- id: x\n  title: t\n  kind: audit\n  match: 'Failed for (?P<user>\\S+)'\n  group_by: [ip]\n").unwrap();
        let e = read_list(&node).unwrap_err();
        assert!(e.to_string().contains("field `ip`"), "{e}");
    }

    #[test]
    fn hours_wrap_midnight() {
        let h = Hours {
            from: 22 * 60,
            to: 6 * 60,
        };
        assert!(h.contains(23 * 60) && h.contains(60) && !h.contains(12 * 60));
    }
}
