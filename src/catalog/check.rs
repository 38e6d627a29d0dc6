//! [`CheckSpec`]: one declared check.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::core::error::Problem;
use crate::core::outcome::{Category, CheckInfo};
use crate::core::threshold::{Range, Thresholds};
use crate::core::yaml::{Node, Pos, Value, did_you_mean};
use crate::probe::ProbeSpec;
use crate::settings::Settings;

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
    /// The probe as written, for the agent on another host (`None` for derived checks, which
    /// run on the jump host).
    pub source: Option<serde_json::Value>,
    /// Inventory hosts it runs on, one outcome each; empty: the jump host alone. A host-level
    /// probe runs on its own `hosts:` or its system's; a network probe on its `from:` host.
    pub hosts: Vec<String>,
    /// A fact (or metric) that must be the same on every host the check runs on.
    pub same: Option<String>,
    /// Thresholds per metric name, from `warn`/`crit` (primary metric) and `thresholds:`.
    pub thresholds: BTreeMap<String, Thresholds>,
    /// Per-attempt timeout.
    pub timeout: Option<Duration>,
    /// Retries after a failed attempt.
    pub retries: Option<u32>,
    /// How often `znode watch` runs it; none: its category's or the profile's interval.
    pub every: Option<Duration>,
    /// Checks it depends on (a database, a host service): while one of them is failing, this
    /// one is marked affected and does not page on its own.
    pub depends_on: Vec<String>,
    /// Metrics judged against the check's own recent history.
    pub baseline: Option<crate::core::threshold::Baseline>,
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

impl CheckSpec {
    /// What a stored outcome keeps of this check.
    pub fn info(&self) -> CheckInfo {
        CheckInfo {
            title: self.title.clone(),
            category: self.category,
            item: self.item,
            system: self.system.clone(),
            target: self.target.clone(),
            kind: self.probe.kind().to_owned(),
            service: self.probe.is_service(),
        }
    }
}

/// A check a command makes from the configuration (a backup policy, a log rule) rather than
/// reads from a check file.
#[derive(Debug)]
pub struct Derived {
    /// Check id.
    pub id: String,
    /// Chinese title.
    pub title: String,
    /// Inspection category.
    pub category: Category,
    /// Item number within the category.
    pub item: Option<u8>,
    /// System id.
    pub system: Option<String>,
    /// Per-attempt timeout.
    pub timeout: Duration,
    /// What to do when it fails.
    pub remediation: Option<String>,
    /// The probe.
    pub probe: ProbeSpec,
    /// Hosts or groups it runs on, as the source or policy names them; empty: its system's.
    pub hosts: Vec<String>,
    /// Where it comes from, in problems (`(backup)`, `(logs)`).
    pub origin: &'static str,
}

impl CheckSpec {
    /// A derived check, its probe validated against the configuration as a file's would be.
    pub fn derived(d: Derived, settings: &Settings) -> Result<CheckSpec, Problem> {
        let file = PathBuf::from(d.origin);
        if let Err(e) = d.probe.validate(None, settings) {
            return Err(
                Problem::file(&file, format!("check `{}`: {}", d.id, e.message)).hint(e.hint),
            );
        }
        // Placed as a written check would be: a host-level probe on its system's hosts, where
        // the agent reads the parameters as written.
        let hosts = match d.probe.place() {
            crate::probe::Place::Host if !d.hosts.is_empty() && !settings.fleet.is_local_only() => {
                settings.fleet.expand_all(&d.hosts).unwrap_or_default()
            }
            crate::probe::Place::Host => system_hosts(settings, d.system.as_deref()),
            _ => Vec::new(),
        };
        Ok(CheckSpec {
            source: d.probe.written(),
            id: d.id,
            title: d.title,
            category: d.category,
            item: d.item,
            system: d.system,
            target: None,
            probe: d.probe,
            hosts,
            same: None,
            thresholds: BTreeMap::new(),
            timeout: Some(d.timeout),
            retries: None,
            every: None,
            depends_on: Vec::new(),
            baseline: None,
            tags: Vec::new(),
            remediation: d.remediation,
            enabled: true,
            waiver: None,
            file,
            pos: Pos::default(),
        })
    }
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
    hosts: Option<Vec<String>>,
    from: Option<String>,
    same: Option<String>,
    warn: Option<Range>,
    crit: Option<Range>,
    #[serde(default)]
    thresholds: BTreeMap<String, Thresholds>,
    #[serde(default, with = "crate::core::duration::opt")]
    timeout: Option<Duration>,
    retries: Option<u32>,
    #[serde(default, with = "crate::core::duration::opt")]
    every: Option<Duration>,
    #[serde(default)]
    depends_on: Vec<String>,
    baseline: Option<crate::core::threshold::Baseline>,
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
    if let Some(b) = &raw.baseline
        && (b.metrics.is_empty() || b.days == 0 || b.k.is_nan() || b.k <= 0.0)
    {
        problems.push(
            Problem::at(
                file,
                at("baseline"),
                "`baseline` needs metrics, days above 0 and k above 0",
            )
            .hint("e.g. `baseline: { metrics: [rows], days: 7, k: 3 }`"),
        );
    }
    if raw.timeout.is_some_and(|t| t.is_zero()) {
        problems.push(
            Problem::at(
                file,
                at("timeout"),
                "`timeout` is zero: the check would fail without trying",
            )
            .hint("e.g. `timeout: 5s`, or leave it out for `defaults.timeout`"),
        );
    }
    if raw.every.is_some_and(|t| t < Duration::from_secs(1)) {
        problems.push(
            Problem::at(file, at("every"), "`every` is under a second")
                .hint("e.g. `every: 30s`; `znode watch` runs the check this often"),
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
        if let Err(e) = probe.validate(target, settings) {
            problems.push(e.at(file, probe_node.map(|n| n.pos).unwrap_or(node.pos)));
        }
    }
    let hosts = placement(file, node, &raw, &probe, settings, &mut problems);
    if let Some(fact) = &raw.same
        && (probe.place() != crate::probe::Place::Host || hosts.len() < 2 || fact.is_empty())
    {
        problems.push(
            Problem::at(file, at("same"), format!("`same: {fact}` compares a fact across hosts, but this check runs on {} host(s)", hosts.len().max(1)))
                .hint("give a host-level check two or more hosts (`hosts: [GROUP]` or its system's), e.g. `probe: { kind: file, path: ... }` with `same: sha256`"),
        );
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
    let mut tags = raw.tags;
    if let Some(sys) = raw.system.as_deref().and_then(|id| settings.system(id)) {
        for t in &sys.tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
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
            source: probe_node.map(Node::to_json),
            probe,
            hosts,
            same: raw.same,
            thresholds,
            timeout: raw.timeout,
            retries: raw.retries,
            every: raw.every,
            depends_on: raw.depends_on,
            baseline: raw.baseline,
            // A check has its system's tags too: `--tag web` selects the checks of every system
            // tagged `web`.
            tags,
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

/// The hosts of a system, for a host-level check that names no hosts of its own; none (the
/// jump host) without an inventory or a system.
pub fn system_hosts(settings: &Settings, system: Option<&str>) -> Vec<String> {
    let inv = &settings.fleet;
    if inv.is_local_only() {
        return Vec::new();
    }
    let names = system
        .and_then(|id| settings.system(id))
        .map(|s| s.hosts.clone())
        .unwrap_or_default();
    inv.expand_all(&names).unwrap_or_default()
}

/// The hosts a check runs on, from its probe's place, its `hosts:`/`from:` and its system.
fn placement(
    file: &Path,
    node: &Node,
    raw: &CheckFile,
    probe: &ProbeSpec,
    settings: &Settings,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    use crate::probe::Place;
    let at = |key: &str| node.get(key).map(|n| n.pos).unwrap_or(node.pos);
    let inv = &settings.fleet;
    let kind = probe.kind();
    let place = probe.place();
    if raw.hosts.is_some() && place != Place::Host {
        problems.push(
            Problem::at(
                file,
                at("hosts"),
                format!(
                    "`hosts` applies to host-level probes; this {kind} check is {}",
                    place.describe()
                ),
            )
            .hint(match place {
                Place::Network => {
                    "use `from: HOST` to run it from a host that can reach the target"
                }
                _ => "remove `hosts`",
            }),
        );
        return Vec::new();
    }
    if raw.from.is_some() && place != Place::Network {
        problems.push(
            Problem::at(
                file,
                at("from"),
                format!(
                    "`from` applies to network probes; this {kind} check is {}",
                    place.describe()
                ),
            )
            .hint(match place {
                Place::Host => "use `hosts: [HOST or GROUP]` to choose where it runs",
                _ => "remove `from`",
            }),
        );
        return Vec::new();
    }
    // Each name is checked where it is written; a system's hosts were checked with znode.yaml.
    let names: Vec<(String, crate::core::yaml::Pos)> = match (&raw.hosts, &raw.from) {
        (Some(h), _) => {
            let list = node.get("hosts");
            h.iter()
                .enumerate()
                .map(|(i, name)| {
                    let pos = match list.map(|l| &l.value) {
                        Some(Value::Seq(items)) => items.get(i).map_or(at("hosts"), |n| n.pos),
                        _ => at("hosts"),
                    };
                    (name.clone(), pos)
                })
                .collect()
        }
        (None, Some(f)) => {
            if inv.expand(f).is_some_and(|m| m.len() != 1 || m[0] != *f) {
                problems.push(
                    Problem::at(
                        file,
                        at("from"),
                        format!("`from` names the group `{f}`; a network check runs from one host"),
                    )
                    .hint("name one host of the group"),
                );
                return Vec::new();
            }
            vec![(f.clone(), at("from"))]
        }
        (None, None) if place == Place::Host => {
            return system_hosts(settings, raw.system.as_deref());
        }
        (None, None) => return Vec::new(),
    };
    let mut out = Vec::new();
    for (name, pos) in names {
        match inv.expand(&name) {
            Some(ids) => ids.into_iter().for_each(|id| {
                if !out.contains(&id) {
                    out.push(id);
                }
            }),
            None => problems.push(inv.unknown(&name, file, pos)),
        }
    }
    out
}
