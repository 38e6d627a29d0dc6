//! Alerting for `znode watch` (SPEC R3, 重保): the `watch:` section of the config (intervals,
//! thresholds, receivers and their escalation, profiles, maintenance windows, the daily duty
//! report), the alert state machine of each check and host, and the matchers of silences.

pub mod machine;
pub mod maintenance;
pub mod matcher;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

pub use machine::{Alert, Hold, Notice, Phase, Situation, Thresholds};
pub use maintenance::Maintenance;
pub use matcher::{Labels, Matcher};

use crate::core::error::Problem;
use crate::core::outcome::Category;
use crate::core::yaml::Node;

/// The profile used when `--profile` is not given.
pub const NORMAL: &str = "normal";

/// A tier of the escalation chain: who is told when a CRIT alert is not acknowledged in time.
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    /// Who they are (组长, 领导).
    pub name: String,
    /// Unacknowledged this long after the first notice.
    pub after: Duration,
    /// Their channels.
    pub notify: Vec<String>,
}

/// How checks are watched: one profile (normal, or 重保).
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Its name.
    pub name: String,
    /// The interval of a check that sets none and whose category sets none.
    pub every: Duration,
    /// Intervals per category.
    pub categories: BTreeMap<Category, Duration>,
    /// Failures in a row before an alert fires, passes in a row before it resolves.
    pub thresholds: Thresholds,
    /// How soon a check that is pending (or recovering) is looked at again, when that is
    /// sooner than its interval: a failure is confirmed in seconds, not intervals.
    pub recheck: Duration,
    /// Remind this often while firing and unacknowledged; none: never.
    pub repeat: Option<Duration>,
    /// The first receivers (值班员).
    pub notify: Vec<String>,
    /// Escalation tiers, in order.
    pub escalation: Vec<Tier>,
}

impl Profile {
    /// The interval of a check: its own `every:`, else its category's, else the profile's.
    pub fn interval(&self, own: Option<Duration>, category: Category) -> Duration {
        own.or_else(|| self.categories.get(&category).copied())
            .unwrap_or(self.every)
    }
}

/// The daily duty report (值班日报).
#[derive(Clone, Debug, PartialEq)]
pub struct Daily {
    /// Local time of day it is sent.
    pub at: chrono::NaiveTime,
    /// Its channels; the profile's first receivers when empty.
    pub notify: Vec<String>,
}

/// The `watch:` section.
#[derive(Clone, Debug)]
pub struct WatchSettings {
    /// The normal profile.
    pub normal: Profile,
    /// Other profiles by name (重保), each the normal one with its own keys over it.
    pub profiles: BTreeMap<String, Profile>,
    /// Maintenance windows.
    pub maintenance: Vec<Maintenance>,
    /// The daily duty report, if configured.
    pub daily: Option<Daily>,
    /// Where the heartbeat file goes (relative to the config); `watch.heartbeat`.
    pub heartbeat: std::path::PathBuf,
}

impl Default for WatchSettings {
    fn default() -> Self {
        WatchSettings {
            normal: Profile {
                name: NORMAL.into(),
                every: Duration::from_secs(60),
                categories: BTreeMap::new(),
                thresholds: Thresholds::default(),
                recheck: Duration::from_secs(10),
                repeat: Some(Duration::from_secs(4 * 3600)),
                notify: Vec::new(),
                escalation: Vec::new(),
            },
            profiles: BTreeMap::new(),
            maintenance: Vec::new(),
            daily: None,
            heartbeat: "znode-watch.heartbeat".into(),
        }
    }
}

impl WatchSettings {
    /// The profile of that name (`normal` or one under `watch.profiles`), or a message naming
    /// the declared ones.
    pub fn profile(&self, name: &str) -> Result<&Profile, String> {
        if name == NORMAL {
            return Ok(&self.normal);
        }
        self.profiles.get(name).ok_or_else(|| {
            let mut known = vec![NORMAL];
            known.extend(self.profiles.keys().map(String::as_str));
            format!(
                "no watch profile `{name}`; declared: {} (add it under `watch.profiles`)",
                known.join(", ")
            )
        })
    }

    /// Every channel name the section sends to, with where it is named, for validation.
    pub fn channels(&self) -> Vec<(&str, String)> {
        let mut out = Vec::new();
        for p in std::iter::once(&self.normal).chain(self.profiles.values()) {
            for c in &p.notify {
                out.push((c.as_str(), format!("watch profile `{}` notify", p.name)));
            }
            for t in &p.escalation {
                for c in &t.notify {
                    out.push((
                        c.as_str(),
                        format!("watch profile `{}` escalation `{}`", p.name, t.name),
                    ));
                }
            }
        }
        if let Some(d) = &self.daily {
            for c in &d.notify {
                out.push((c.as_str(), "watch daily_report".to_owned()));
            }
        }
        out
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    #[serde(default, with = "crate::core::duration::opt")]
    every: Option<Duration>,
    categories: Option<BTreeMap<String, String>>,
    failure_threshold: Option<u32>,
    success_threshold: Option<u32>,
    #[serde(default, with = "crate::core::duration::opt")]
    recheck: Option<Duration>,
    /// `0` or `off`: never remind.
    repeat_interval: Option<String>,
    notify: Option<Vec<String>>,
    escalation: Option<Vec<TierFile>>,
    flapping: Option<FlapFile>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct TierFile {
    name: String,
    #[serde(with = "crate::core::duration::required")]
    after: Duration,
    notify: Vec<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct FlapFile {
    /// Percent of state changes that starts flapping.
    high: f64,
    /// Percent under which it stops.
    low: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DailyFile {
    at: String,
    #[serde(default)]
    notify: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchFile {
    #[serde(default)]
    profiles: BTreeMap<String, ProfileFile>,
    #[serde(default)]
    maintenance: Vec<maintenance::MaintenanceFile>,
    daily_report: Option<DailyFile>,
    heartbeat: Option<String>,
}

/// Reads the `watch:` section; every problem goes to `problems`, with where it is.
pub fn read(
    path: &Path,
    node: &Node,
    tz: chrono_tz::Tz,
    problems: &mut Vec<Problem>,
) -> WatchSettings {
    let mut out = WatchSettings::default();
    const OWN: &[&str] = &["profiles", "maintenance", "daily_report", "heartbeat"];
    let (own, profile) = node.split(OWN);
    let (file, base) = match (
        own.deserialize::<WatchFile>(),
        profile.deserialize::<ProfileFile>(),
    ) {
        (Ok(f), Ok(b)) => (f, b),
        (f, b) => {
            problems.extend(f.err().map(|e| Problem::from_de(path, e)));
            problems.extend(b.err().map(|e| Problem::from_de(path, e)));
            return out;
        }
    };
    let at = |key: &str| node.get(key).map(|n| n.pos).unwrap_or(node.pos);
    let base_profile = out.normal.clone();
    out.normal = apply(&base_profile, NORMAL, &base, &mut |m| {
        problems.push(Problem::at(path, node.pos, m))
    });
    for (name, p) in &file.profiles {
        let pos = node
            .get("profiles")
            .and_then(|n| n.get(name))
            .map(|n| n.pos)
            .unwrap_or(node.pos);
        let profile = apply(&out.normal, name, p, &mut |m| {
            problems.push(Problem::at(path, pos, m))
        });
        out.profiles.insert(name.clone(), profile);
    }
    for m in file.maintenance {
        match m.resolve(tz) {
            Ok(w) => out.maintenance.push(w),
            Err(e) => problems.push(Problem::at(path, at("maintenance"), e)),
        }
    }
    if let Some(d) = file.daily_report {
        match chrono::NaiveTime::parse_from_str(&d.at, "%H:%M") {
            Ok(t) => {
                out.daily = Some(Daily {
                    at: t,
                    notify: d.notify,
                })
            }
            Err(_) => problems.push(
                Problem::at(
                    path,
                    at("daily_report"),
                    format!("`daily_report.at` `{}` is not a time of day", d.at),
                )
                .hint("e.g. `daily_report: { at: \"08:30\", notify: [值班群] }`"),
            ),
        }
    }
    if let Some(h) = file.heartbeat {
        out.heartbeat = h.into();
    }
    out
}

/// `base` with the keys `file` sets over it; a problem is reported through `bad`.
fn apply(base: &Profile, name: &str, file: &ProfileFile, bad: &mut dyn FnMut(String)) -> Profile {
    let mut p = base.clone();
    p.name = name.to_owned();
    let label = if name == NORMAL {
        "`watch`".to_owned()
    } else {
        format!("`watch.profiles.{name}`")
    };
    if let Some(every) = file.every {
        if every < Duration::from_secs(1) {
            bad(format!(
                "{label}: `every: {}` is under a second; write e.g. `every: 30s`",
                humantime::format_duration(every)
            ));
        } else {
            p.every = every;
        }
    }
    if let Some(cats) = &file.categories {
        for (cat, every) in cats {
            let Some(c) = Category::parse(cat) else {
                bad(format!(
                    "{label}: unknown category `{cat}` in `categories`; write one of 日常检查, 性能检查, 脆弱性检查, 常规检查, 应用服务器检查, 中间件检查, 系统业务检查, 日志审计, 备份检查"
                ));
                continue;
            };
            match humantime::parse_duration(every) {
                Ok(d) if d >= Duration::from_secs(1) => {
                    p.categories.insert(c, d);
                }
                _ => bad(format!(
                    "{label}: `categories.{cat}: {every}` is not an interval of a second or more; write e.g. `1m`"
                )),
            }
        }
    }
    for (value, slot, key) in [
        (
            file.failure_threshold,
            &mut p.thresholds.failure,
            "failure_threshold",
        ),
        (
            file.success_threshold,
            &mut p.thresholds.success,
            "success_threshold",
        ),
    ] {
        match value {
            Some(0) => bad(format!(
                "{label}: `{key}: 0`; it counts results in a row, so 1 or more"
            )),
            Some(n) => *slot = n,
            None => {}
        }
    }
    if let Some(r) = file.recheck {
        if r < Duration::from_secs(1) {
            bad(format!(
                "{label}: `recheck` is under a second; write e.g. `recheck: 10s`"
            ));
        } else {
            p.recheck = r;
        }
    }
    if let Some(r) = &file.repeat_interval {
        match r.as_str() {
            "0" | "off" | "never" => p.repeat = None,
            _ => match humantime::parse_duration(r) {
                Ok(d) if d >= Duration::from_secs(60) => p.repeat = Some(d),
                _ => bad(format!(
                    "{label}: `repeat_interval: {r}`; write an interval of a minute or more (`4h`), or `off`"
                )),
            },
        }
    }
    if let Some(n) = &file.notify {
        p.notify = n.clone();
    }
    if let Some(tiers) = &file.escalation {
        p.escalation = tiers
            .iter()
            .map(|t| Tier {
                name: t.name.clone(),
                after: t.after,
                notify: t.notify.clone(),
            })
            .collect();
        if p.escalation.windows(2).any(|w| w[1].after <= w[0].after) {
            bad(format!(
                "{label}: escalation tiers must come later one after another (`after: 15m`, then `30m`)"
            ));
        }
    }
    if let Some(f) = file.flapping {
        if !(0.0 < f.low && f.low < f.high && f.high <= 100.0) {
            bad(format!(
                "{label}: `flapping: {{ high: {}, low: {} }}`; percentages with 0 < low < high ≤ 100, e.g. `{{ high: 25, low: 10 }}`",
                f.high, f.low
            ));
        } else {
            p.thresholds.flap_high = f.high / 100.0;
            p.thresholds.flap_low = f.low / 100.0;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> (WatchSettings, Vec<Problem>) {
        let node = Node::parse(text).unwrap();
        let mut problems = Vec::new();
        let w = read(
            Path::new("znode.yaml"),
            &node,
            chrono_tz::Asia::Shanghai,
            &mut problems,
        );
        (w, problems)
    }

    #[test]
    fn a_profile_is_the_normal_one_with_its_own_keys_over_it() {
        let (w, problems) = read_text(
            "every: 5m\ncategories: { 日常检查: 1m }\nnotify: [duty]\nprofiles:\n  重保:\n    every: 30s\n    failure_threshold: 2\n    escalation:\n      - { name: 组长, after: 15m, notify: [lead] }\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let p = w.profile("重保").unwrap();
        assert_eq!(p.every, Duration::from_secs(30));
        assert_eq!(p.thresholds.failure, 2);
        assert_eq!(p.thresholds.success, 2);
        assert_eq!(p.notify, vec!["duty".to_owned()]);
        assert_eq!(
            p.interval(None, Category::Daily),
            Duration::from_secs(60),
            "the category's interval stays"
        );
        assert!(w.profile("holiday").unwrap_err().contains("重保"));
    }

    #[test]
    fn mistakes_are_reported_with_what_to_write() {
        let all = |text: &str| {
            let (_, problems) = read_text(text);
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let typo = all("evry: 1m\n");
        assert!(typo.contains("evry"), "{typo}");
        let bad =
            all("failure_threshold: 0\ncategories: { 日检: 1m }\ndaily_report: { at: 8点 }\n");
        assert!(bad.contains("failure_threshold: 0"), "{bad}");
        assert!(bad.contains("unknown category"), "{bad}");
        assert!(bad.contains("daily_report.at"), "{bad}");
    }
}
