//! [`CheckSpec`]: one declared check.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::threshold::{Range, Thresholds};
use super::yaml::{Node, Pos, Value, did_you_mean};
use crate::error::Problem;
use crate::probe::ProbeSpec;
use crate::settings::Settings;

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
}

impl Category {
    /// All categories in report order.
    pub const ALL: [Category; 9] = [
        Category::Daily,
        Category::Performance,
        Category::Vulnerability,
        Category::Routine,
        Category::AppServer,
        Category::Middleware,
        Category::Business,
        Category::LogReview,
        Category::Backup,
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
            Category::Backup => 0,
            Category::Performance | Category::AppServer | Category::Middleware => 1,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.zh())
    }
}

/// An accepted finding: the check still runs, its status is shown but does not count until the
/// waiver expires.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// Why it is accepted (who decided, ticket...).
    pub reason: String,
    /// The last day it holds.
    pub expires: chrono::NaiveDate,
}

/// A declared check, validated.
#[derive(Debug)]
pub struct CheckSpec {
    /// Unique id.
    pub id: String,
    /// Chinese title, as in the specification's item list.
    pub title: String,
    /// Inspection category.
    pub category: Category,
    /// The item number within the category, e.g. 3 for 脆弱性检查(3).
    pub item: Option<u8>,
    /// The system it belongs to.
    pub system: Option<String>,
    /// The target it probes.
    pub target: Option<String>,
    /// What to observe.
    pub probe: ProbeSpec,
    /// Thresholds per metric name, from `warn`/`crit` (primary metric) and `thresholds:`.
    pub thresholds: BTreeMap<String, Thresholds>,
    /// Per-attempt timeout.
    pub timeout: Option<Duration>,
    /// Retries after a failed attempt.
    pub retries: Option<u32>,
    /// Free tags for filtering.
    pub tags: Vec<String>,
    /// What to do when it fails.
    pub remediation: Option<String>,
    /// Disabled checks are loaded and validated but not run.
    pub enabled: bool,
    /// Accepted finding.
    pub waiver: Option<Waiver>,
    /// Source file.
    pub file: PathBuf,
    /// Position in the source file.
    pub pos: Pos,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    id: String,
    title: String,
    category: Category,
    item: Option<u8>,
    system: Option<String>,
    target: Option<String>,
    warn: Option<Range>,
    crit: Option<Range>,
    #[serde(default)]
    thresholds: BTreeMap<String, Thresholds>,
    #[serde(default, with = "super::duration_opt")]
    timeout: Option<Duration>,
    retries: Option<u32>,
    #[serde(default)]
    tags: Vec<String>,
    remediation: Option<String>,
    #[serde(default = "yes")]
    enabled: bool,
    waiver: Option<Waiver>,
}

fn yes() -> bool {
    true
}

/// Reads and validates one check node; returns every problem found in it.
pub(super) fn read(
    file: &Path,
    node: &Node,
    settings: &Settings,
) -> Result<CheckSpec, Vec<Problem>> {
    let mut problems = Vec::new();
    let Value::Map(entries) = &node.value else {
        return Err(vec![Problem::at(
            file,
            node.pos,
            format!("a check must be a mapping, found {}", node.type_name()),
        )]);
    };
    let probe_node = node.get("probe");
    let rest = Node {
        pos: node.pos,
        value: Value::Map(
            entries
                .iter()
                .filter(|(k, _)| k.as_str() != Some("probe"))
                .cloned()
                .collect(),
        ),
    };
    let raw = rest
        .deserialize::<CheckFile>()
        .map_err(|e| Problem::from_de(file, e));
    let probe = match probe_node {
        Some(p) => ProbeSpec::from_node(p).map_err(|e| Problem::from_de(file, e)),
        None => Err(Problem::at(file, node.pos, "the check has no `probe`")
            .hint("add `probe: { kind: tcp }` or another kind")),
    };
    let (raw, probe) = match (raw, probe) {
        (Ok(r), Ok(p)) => (r, p),
        (r, p) => {
            problems.extend(r.err());
            problems.extend(p.err());
            return Err(problems);
        }
    };
    let at = |key: &str| node.get(key).map(|n| n.pos).unwrap_or(node.pos);
    if raw.id.trim().is_empty() || raw.id.chars().any(char::is_whitespace) {
        problems.push(
            Problem::at(
                file,
                at("id"),
                format!("check id `{}` must be non-empty and without spaces", raw.id),
            )
            .hint("use letters, digits, `-`, `_` and `.`"),
        );
    }
    if let Some(n) = raw.item {
        let max = raw.category.item_count();
        if n == 0 || n > max {
            problems.push(Problem::at(
                file,
                at("item"),
                format!("{} has items 1 to {max}, not {n}", raw.category.zh()),
            ));
        }
    }
    if let Some(sys) = &raw.system
        && settings.system(sys).is_none()
    {
        let hint = did_you_mean(sys, settings.systems.iter().map(|s| s.id.as_str()))
            .map(|m| format!("did you mean `{m}`?"))
            .unwrap_or_else(|| "declare it under `systems:` in znode.yaml".into());
        problems
            .push(Problem::at(file, at("system"), format!("unknown system `{sys}`")).hint(hint));
    }
    let target = match &raw.target {
        Some(t) => match settings.targets.get(t) {
            Some(found) => Some(found),
            None if settings.broken_targets.contains(t) => None,
            None => {
                let hint = did_you_mean(t, settings.targets.keys().map(String::as_str))
                    .map(|m| format!("did you mean `{m}`?"))
                    .unwrap_or_else(|| "declare it under `targets:` in znode.yaml".into());
                problems.push(
                    Problem::at(file, at("target"), format!("unknown target `{t}`")).hint(hint),
                );
                None
            }
        },
        None => None,
    };
    if raw.target.is_none() || target.is_some() {
        // A check on a broken target is not validated further: its target problem is reported.
        if let Err((msg, hint)) = probe.validate(target, settings) {
            problems.push(
                Problem::at(file, probe_node.map(|n| n.pos).unwrap_or(node.pos), msg).hint(hint),
            );
        }
    }
    let mut thresholds = raw.thresholds;
    if raw.warn.is_some() || raw.crit.is_some() {
        match probe.primary() {
            Some(primary) => {
                let t = thresholds.entry(primary.to_owned()).or_default();
                if raw.warn.is_some() {
                    t.warn = raw.warn;
                }
                if raw.crit.is_some() {
                    t.crit = raw.crit;
                }
            }
            None => problems.push(
                Problem::at(file, at(if raw.warn.is_some() { "warn" } else { "crit" }), format!("the {} probe measures no single value for `warn`/`crit`", probe.kind()))
                    .hint("use `thresholds: { METRIC: { warn: ..., crit: ... } }` or the probe's value option"),
            ),
        }
    }
    if problems.is_empty() {
        Ok(CheckSpec {
            id: raw.id,
            title: raw.title,
            category: raw.category,
            item: raw.item,
            system: raw.system,
            target: raw.target,
            probe,
            thresholds,
            timeout: raw.timeout,
            retries: raw.retries,
            tags: raw.tags,
            remediation: raw.remediation,
            enabled: raw.enabled,
            waiver: raw.waiver,
            file: file.to_owned(),
            pos: node.pos,
        })
    } else {
        Err(problems)
    }
}
