//! Reading `znode.yaml` into [`Settings`], collecting every problem.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::{Defaults, Overrides, Settings, System};
use crate::core::error::{Problem, Problems};
use crate::core::target::{self, TargetFile};
use crate::core::threshold::Thresholds;
use crate::core::yaml::{Node, Value, did_you_mean};

const TOP_KEYS: &[&str] = &[
    "node",
    "timezone",
    "store",
    "checks",
    "defaults",
    "systems",
    "targets",
    "logs",
    "backups",
    "sla",
    "notify",
    "watch",
    "reports",
    "assessment",
    "hosts",
    "inventory",
    "fleet",
    "this_host",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultsFile {
    #[serde(default, with = "crate::core::duration::opt")]
    timeout: Option<Duration>,
    retries: Option<u32>,
    jobs: Option<usize>,
    #[serde(default)]
    thresholds: BTreeMap<String, Thresholds>,
}

/// Loads and validates the configuration file, then applies overrides.
pub fn load(path: &Path, overrides: &Overrides) -> Result<Settings, Problems> {
    match load_lenient(path, overrides) {
        (Some(s), p) if p.is_empty() => Ok(s),
        (_, p) => Err(p),
    }
}

/// Loads as much as can be understood: the settings (when the file parsed at all) and every
/// problem. Targets that failed to resolve are listed in `broken_targets`, so that checks using
/// them are not reported a second time as pointing at an unknown target.
pub fn load_lenient(path: &Path, overrides: &Overrides) -> (Option<Settings>, Problems) {
    let mut problems = Problems::default();
    let text = match crate::core::fsx::read_config_text(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::file(path, format!("cannot read the configuration: {e}")).hint(
                "pass -c PATH, set ZNODE_CONFIG, or run `znode init DIR` to write a sample node",
            ));
            return (None, problems);
        }
    };
    let root = match Node::parse(&text) {
        Ok(n) => n,
        Err((pos, msg)) => {
            problems.push(Problem::at(path, pos, format!("invalid YAML: {msg}")));
            return (None, problems);
        }
    };
    let base_dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let base_dir = if base_dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base_dir
    };
    let mut s = Settings {
        config_path: path.to_owned(),
        base_dir: base_dir.clone(),
        node: "znode".into(),
        timezone: chrono_tz::Asia::Shanghai,
        store_url: String::new(),
        check_paths: vec![base_dir.join("checks")],
        defaults: Defaults::default(),
        systems: Vec::new(),
        targets: BTreeMap::new(),
        broken_targets: Default::default(),
        logs: crate::logs::LogSettings::with_shipped_rules(),
        backups: Default::default(),
        sla: Default::default(),
        notify: Default::default(),
        watch: Default::default(),
        reports: Default::default(),
        assessment: Default::default(),
        fleet: Default::default(),
        this_host: None,
    };
    let mut logs_node: Option<&Node> = None;
    let mut watch_node: Option<&Node> = None;
    // Both name systems, which may be declared further down the file.
    let mut backups_node: Option<&Node> = None;
    let mut store: Option<String> = None;
    // Systems name hosts, which may be declared further down the file.
    let mut hosts_node: Option<&Node> = None;
    let mut inventory: Option<(String, crate::core::yaml::Pos)> = None;
    let mut timezone: Option<(String, crate::core::yaml::Pos)> = None;
    let entries = match &root.value {
        Value::Map(e) => e.as_slice(),
        Value::Null => &[],
        _ => {
            problems.push(Problem::at(
                path,
                root.pos,
                format!(
                    "the configuration must be a mapping, found {}",
                    root.type_name()
                ),
            ));
            return (None, problems);
        }
    };
    for (key, value) in entries {
        let k = key.as_str().unwrap_or_default();
        let r: Result<(), crate::core::yaml::DeError> = (|| {
            match k {
                "node" => s.node = value.deserialize()?,
                "timezone" => timezone = Some((value.deserialize()?, value.pos)),
                "store" => store = Some(value.deserialize()?),
                "checks" => {
                    let paths: Vec<String> = value.deserialize()?;
                    s.check_paths = paths.iter().map(|p| base_dir.join(p)).collect();
                }
                "defaults" => {
                    let d: DefaultsFile = value.deserialize()?;
                    s.defaults.timeout = d.timeout.unwrap_or(s.defaults.timeout);
                    s.defaults.retries = d.retries.unwrap_or(s.defaults.retries);
                    s.defaults.jobs = d.jobs.unwrap_or(s.defaults.jobs);
                    s.defaults.thresholds = d.thresholds;
                }
                "systems" => load_systems(path, value, &mut s.systems, &mut problems),
                "targets" => load_targets(path, value, &base_dir, &mut s, &mut problems),
                "logs" => logs_node = Some(value),
                "backups" => backups_node = Some(value),
                "sla" => s.sla = value.deserialize()?,
                "reports" => s.reports = value.deserialize()?,
                "assessment" => s.assessment = value.deserialize()?,
                "notify" => load_notify(path, value, &base_dir, &mut s, &mut problems),
                "watch" => watch_node = Some(value),
                "hosts" => hosts_node = Some(value),
                "inventory" => inventory = Some((value.deserialize()?, value.pos)),
                "this_host" => {
                    let name: String = value.deserialize()?;
                    if name.is_empty()
                        || name == crate::fleet::LOCAL
                        || name.contains(char::is_whitespace)
                    {
                        problems.push(
                            Problem::at(path, value.pos, format!("`this_host` must name this machine as the inventory does, not `{name}`"))
                                .hint("e.g. `this_host: qzj-01` on a 前置机 that reports into the shared store"),
                        );
                    } else {
                        s.this_host = Some(name);
                    }
                }
                "fleet" => crate::fleet::inventory::read_settings(
                    path,
                    value,
                    &base_dir,
                    &mut s.fleet.settings,
                    &mut problems,
                ),
                _ => {
                    let mut p = Problem::at(path, key.pos, format!("unknown key `{k}`"));
                    p = match did_you_mean(k, TOP_KEYS.iter().copied()) {
                        Some(m) => p.hint(format!("did you mean `{m}`?")),
                        None => p.hint(format!("expected one of: {}", TOP_KEYS.join(", "))),
                    };
                    problems.push(p);
                }
            }
            Ok(())
        })();
        if let Err(e) = r {
            problems.push(Problem::from_de(path, e));
        }
    }
    load_fleet(
        path,
        &root,
        hosts_node,
        inventory,
        &base_dir,
        &mut s,
        &mut problems,
    );
    if let Some(node) = logs_node {
        load_logs(path, node, &base_dir, &mut s, &mut problems);
    }
    if let Some(node) = backups_node {
        load_backups(path, node, &mut s, &mut problems);
    }
    let tz_text = overrides
        .timezone
        .clone()
        .or(timezone.as_ref().map(|t| t.0.clone()));
    if let Some(tz) = tz_text {
        match tz.parse::<chrono_tz::Tz>() {
            Ok(t) => s.timezone = t,
            Err(_) => {
                let p = match &timezone {
                    Some((_, pos)) if overrides.timezone.is_none() => {
                        Problem::at(path, *pos, format!("unknown timezone `{tz}`"))
                    }
                    _ => Problem::file(
                        path,
                        format!("unknown timezone `{tz}` (from ZNODE_TIMEZONE or --timezone)"),
                    ),
                };
                problems.push(p.hint("use an IANA name such as Asia/Shanghai"));
            }
        }
    }
    if let Some(n) = &overrides.node {
        s.node = n.clone();
    }
    s.store_url = resolve_store_url(overrides.store.clone().or(store), &base_dir);
    if let Some(j) = overrides.jobs {
        s.defaults.jobs = j;
    }
    if let Some(t) = overrides.timeout {
        s.defaults.timeout = t;
    }
    if let Some(node) = watch_node {
        s.watch = crate::alert::read(path, node, s.timezone, &mut problems.0);
        for (channel, place) in s.watch.channels() {
            if let Err(e) = s.notify.channel(channel) {
                problems.push(
                    Problem::at(path, node.pos, format!("{place}: {e}"))
                        .hint("name a channel declared under `notify.channels`"),
                );
            }
        }
    }
    // Beside the config, like the store, with or without a `watch:` section.
    s.watch.heartbeat = base_dir.join(&s.watch.heartbeat);
    if s.defaults.jobs == 0 {
        problems.push(
            Problem::file(path, "jobs must be at least 1")
                .hint("set defaults.jobs, ZNODE_JOBS or --jobs to 1 or more"),
        );
    }
    (Some(s), problems)
}

/// A store URL: `postgres://` as is; SQLite paths relative to the configuration folder.
fn resolve_store_url(store: Option<String>, base_dir: &Path) -> String {
    let store = store.unwrap_or_else(|| "znode-history.db".to_owned());
    if store.starts_with("postgres://") || store.starts_with("postgresql://") {
        return store;
    }
    let path = store
        .strip_prefix("sqlite://")
        .or_else(|| store.strip_prefix("sqlite:"))
        .unwrap_or(&store);
    let p = Path::new(path);
    let full = if p.is_absolute() {
        p.to_path_buf()
    } else {
        base_dir.join(p)
    };
    format!("sqlite://{}", full.display())
}

fn load_systems(path: &Path, node: &Node, out: &mut Vec<System>, problems: &mut Problems) {
    let Value::Seq(items) = &node.value else {
        problems.push(
            Problem::at(path, node.pos, "`systems` must be a list")
                .hint("write `systems:` followed by `- id: portal` items"),
        );
        return;
    };
    for item in items {
        match item.deserialize::<System>() {
            Ok(sys) => {
                if out.iter().any(|o| o.id == sys.id) {
                    problems.push(Problem::at(
                        path,
                        item.pos,
                        format!("system `{}` is declared twice", sys.id),
                    ));
                } else {
                    out.push(sys);
                }
            }
            Err(e) => problems.push(Problem::from_de(path, e)),
        }
    }
}

/// The inventory (`hosts:` or `inventory:`, not both); then every host a system names must be
/// in it. Without an inventory, `systems[].hosts` stay descriptive, as before fleets.
fn load_fleet(
    path: &Path,
    root: &Node,
    hosts: Option<&Node>,
    inventory: Option<(String, crate::core::yaml::Pos)>,
    base_dir: &Path,
    s: &mut Settings,
    problems: &mut Problems,
) {
    use crate::fleet::inventory::{read_ansible, read_hosts};
    match (hosts, inventory) {
        (Some(h), Some((_, pos))) if !matches!(h.value, Value::Null) => problems.push(
            Problem::at(
                path,
                pos,
                "both `hosts:` and `inventory:` declare the hosts",
            )
            .hint(
                "keep one: `hosts:` in this file, or `inventory:` naming an Ansible YAML inventory",
            ),
        ),
        (Some(h), None) => read_hosts(path, h, base_dir, &mut s.fleet, problems),
        (_, Some((file, _))) => read_ansible(&base_dir.join(file), &mut s.fleet, problems),
        (None, None) => {}
    }
    if s.fleet.is_local_only() {
        return;
    }
    let Some(Value::Seq(items)) = root.get("systems").map(|n| &n.value) else {
        return;
    };
    for item in items {
        check_hosts(path, item, s, problems);
    }
}

/// Every name in an item's `hosts:` (a system, a log source, a backup policy) is a host or a
/// group of the inventory; without an inventory the names stay descriptive.
fn check_hosts(path: &Path, item: &Node, s: &Settings, problems: &mut Problems) {
    if s.fleet.is_local_only() {
        return;
    }
    let Some(Value::Seq(names)) = item.get("hosts").map(|n| &n.value) else {
        return;
    };
    for n in names {
        if let Some(name) = n.as_str()
            && s.fleet.expand(name).is_none()
        {
            problems.push(s.fleet.unknown(name, path, n.pos));
        }
    }
}

fn load_targets(
    path: &Path,
    node: &Node,
    base_dir: &Path,
    s: &mut Settings,
    problems: &mut Problems,
) {
    let Value::Map(entries) = &node.value else {
        problems.push(
            Problem::at(
                path,
                node.pos,
                "`targets` must be a mapping of name to target",
            )
            .hint("write `targets:` then `pg-main: { dsn: postgres://... }`"),
        );
        return;
    };
    for (key, value) in entries {
        let name = key.as_str().unwrap_or_default().to_owned();
        let raw: TargetFile = match value.deserialize() {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::from_de(path, e));
                s.broken_targets.insert(name);
                continue;
            }
        };
        let key_pos = |k: &str| value.get(k).map(|n| n.pos).unwrap_or(value.pos);
        match target::resolve(
            &name,
            raw,
            key.pos,
            base_dir,
            target::Written::InFile,
            key_pos,
        ) {
            Ok(t) => {
                s.targets.insert(name, t);
            }
            Err(list) => {
                s.broken_targets.insert(name);
                for (pos, msg, hint) in list {
                    let mut p = Problem::at(path, pos, msg);
                    p.hint = hint;
                    problems.push(p);
                }
            }
        }
    }
}

fn load_logs(path: &Path, node: &Node, base_dir: &Path, s: &mut Settings, problems: &mut Problems) {
    use crate::logs::{Source, retention::Policy, rules};
    const KEYS: &[&str] = &["sources", "rules", "retention"];
    let Value::Map(entries) = &node.value else {
        if !matches!(node.value, Value::Null) {
            problems.push(
                Problem::at(path, node.pos, "`logs` must be a mapping")
                    .hint("write `logs:` with `sources:`, `rules:` and `retention:`"),
            );
        }
        return;
    };
    let mut own_rules = Vec::new();
    for (key, value) in entries {
        let k = key.as_str().unwrap_or_default();
        match k {
            "sources" => {
                let Value::Seq(items) = &value.value else {
                    problems.push(Problem::at(
                        path,
                        value.pos,
                        "`logs.sources` must be a list",
                    ));
                    continue;
                };
                for item in items {
                    match item.deserialize::<Source>() {
                        Ok(mut src) => {
                            src.written = item.to_json();
                            check_hosts(path, item, s, problems);
                            let at = |k: &str| item.get(k).map_or(item.pos, |n| n.pos);
                            if s.logs.sources.iter().any(|o| o.id == src.id) {
                                problems.push(Problem::at(
                                    path,
                                    at("id"),
                                    format!("log source `{}` is declared twice", src.id),
                                ));
                            }
                            if let Some(sys) = &src.system
                                && s.system(sys).is_none()
                            {
                                let mut p = Problem::at(
                                    path,
                                    at("system"),
                                    format!("unknown system `{sys}`"),
                                );
                                if let Some(m) =
                                    did_you_mean(sys, s.systems.iter().map(|x| x.id.as_str()))
                                {
                                    p = p.hint(format!("did you mean `{m}`?"));
                                }
                                problems.push(p);
                            }
                            if let Some(tz) = &src.timezone
                                && tz.parse::<chrono_tz::Tz>().is_err()
                            {
                                problems.push(
                                    Problem::at(
                                        path,
                                        at("timezone"),
                                        format!("unknown timezone `{tz}`"),
                                    )
                                    .hint("use an IANA name such as Asia/Shanghai"),
                                );
                            }
                            match (&src.journal, src.paths.is_empty()) {
                                (None, true) => problems.push(
                                    Problem::at(
                                        path,
                                        at("paths"),
                                        format!("log source `{}` has no paths", src.id),
                                    )
                                    .hint("e.g. `paths: [/opt/tomcat/logs/catalina.*]`, or `journal: {unit: sshd}` for the systemd journal"),
                                ),
                                (Some(_), false) => problems.push(
                                    Problem::at(
                                        path,
                                        at("journal"),
                                        format!(
                                            "log source `{}` has both paths and journal",
                                            src.id
                                        ),
                                    )
                                    .hint("a source reads files or the journal: declare two sources"),
                                ),
                                (Some(q), true) => {
                                    let node = item.get("journal");
                                    for (field, message, hint) in q.problems() {
                                        let pos = node
                                            .and_then(|n| n.get(field))
                                            .or(node)
                                            .map_or(item.pos, |n| n.pos);
                                        problems.push(
                                            Problem::at(path, pos, message).hint(hint),
                                        );
                                    }
                                }
                                (None, false) => {}
                            }
                            for pat in &src.paths {
                                if let Err(e) = glob::Pattern::new(pat) {
                                    problems.push(Problem::at(
                                        path,
                                        at("paths"),
                                        format!("bad path pattern `{pat}`: {e}"),
                                    ));
                                }
                            }
                            s.logs.sources.push(src);
                        }
                        Err(e) => problems.push(Problem::from_de(path, e)),
                    }
                }
            }
            "rules" => match rules::read_own(value) {
                Ok(r) => {
                    own_rules = r;
                    if let Value::Seq(items) = &value.value {
                        s.logs.written_rules = items.iter().map(Node::to_json).collect();
                    }
                }
                Err(e) => problems.push(Problem::from_de(path, e)),
            },
            "retention" => match value.deserialize::<Vec<Policy>>() {
                Ok(list) => {
                    for (i, mut p) in list.into_iter().enumerate() {
                        let pos = match &value.value {
                            Value::Seq(items) => items.get(i).map_or(value.pos, |n| n.pos),
                            _ => value.pos,
                        };
                        for e in p.problems() {
                            problems.push(e.at(path, pos));
                        }
                        p.root = base_dir.join(&p.root);
                        p.archive_to = p.archive_to.map(|a| base_dir.join(a));
                        s.logs.retention.push(p);
                    }
                }
                Err(e) => problems.push(Problem::from_de(path, e)),
            },
            _ => {
                let mut p = Problem::at(path, key.pos, format!("unknown key `logs.{k}`"));
                p = match did_you_mean(k, KEYS.iter().copied()) {
                    Some(m) => p.hint(format!("did you mean `{m}`?")),
                    None => p.hint(format!("expected one of: {}", KEYS.join(", "))),
                };
                problems.push(p);
            }
        }
    }
    let merged = rules::merge(rules::shipped(), own_rules);
    s.logs.rules = merged.into_iter().map(std::sync::Arc::new).collect();
    for src in &s.logs.sources {
        for r in &src.rules {
            if s.logs.rule(r).is_none() {
                let mut p = Problem::file(
                    path,
                    format!("log source `{}` names unknown rule `{r}`", src.id),
                );
                if let Some(m) = did_you_mean(r, s.logs.rules.iter().map(|x| x.id.as_str())) {
                    p = p.hint(format!("did you mean `{m}`?"));
                }
                problems.push(p);
            }
        }
    }
}

fn load_backups(path: &Path, node: &Node, s: &mut Settings, problems: &mut Problems) {
    let Value::Seq(items) = &node.value else {
        if !matches!(node.value, Value::Null) {
            problems.push(
                Problem::at(path, node.pos, "`backups` must be a list of policies")
                    .hint("write `backups:` then `- id: shared-db` items"),
            );
        }
        return;
    };
    for item in items {
        match item.deserialize::<crate::backup::Policy>() {
            Ok(mut p) => {
                p.written = item.to_json();
                check_hosts(path, item, s, problems);
                let at = |k: &str| item.get(k).map_or(item.pos, |n| n.pos);
                if s.backups.policy(&p.id).is_some() {
                    problems.push(Problem::at(
                        path,
                        at("id"),
                        format!("backup policy `{}` is declared twice", p.id),
                    ));
                }
                if let Some(sys) = &p.system
                    && s.system(sys).is_none()
                {
                    let mut pr = Problem::at(path, at("system"), format!("unknown system `{sys}`"));
                    if let Some(m) = did_you_mean(sys, s.systems.iter().map(|x| x.id.as_str())) {
                        pr = pr.hint(format!("did you mean `{m}`?"));
                    }
                    problems.push(pr);
                }
                for e in p.problems() {
                    problems.push(e.at(path, item.pos));
                }
                // Targets are read before backups: a restore target must be one of them.
                if let Some(r) = &p.restore
                    && !s.targets.contains_key(&r.target)
                    && !s.broken_targets.contains(&r.target)
                {
                    let pos = item
                        .get("restore")
                        .map_or(item.pos, |n| n.get("target").map_or(n.pos, |t| t.pos));
                    let mut pr = Problem::at(
                        path,
                        pos,
                        format!("backup `{}`: unknown restore target `{}`", p.id, r.target),
                    );
                    pr = match did_you_mean(&r.target, s.targets.keys().map(String::as_str)) {
                        Some(m) => pr.hint(format!("did you mean `{m}`?")),
                        None => pr.hint("declare it under `targets:` with the `dsn` of the server to restore on"),
                    };
                    problems.push(pr);
                }
                s.backups.policies.push(p);
            }
            Err(e) => problems.push(Problem::from_de(path, e)),
        }
    }
}

fn load_notify(
    path: &Path,
    node: &Node,
    base_dir: &Path,
    s: &mut Settings,
    problems: &mut Problems,
) {
    if let Value::Map(entries) = &node.value {
        for (k, v) in entries {
            match k.as_str() {
                Some("channels") => {}
                Some("expire") => match v.deserialize::<String>().ok().and_then(|t| humantime::parse_duration(&t).ok()) {
                    Some(d) if !d.is_zero() => s.notify.expire = d,
                    _ => problems.push(
                        Problem::at(path, v.pos, "`notify.expire` must be a duration above zero")
                            .hint("e.g. `expire: 12h`: unsent messages older than this are dropped by `notify flush`"),
                    ),
                },
                other => problems.push(
                    Problem::at(path, k.pos, format!("unknown key `{}` in `notify`", other.unwrap_or_default()))
                        .hint("`notify` holds `channels:` and `expire:`"),
                ),
            }
        }
    }
    let Some(channels) = node.get("channels") else {
        problems.push(
            Problem::at(path, node.pos, "`notify` holds `channels:`")
                .hint("write `notify: { channels: { ops: { kind: wecom, url_env: ... } } }`"),
        );
        return;
    };
    let Value::Map(entries) = &channels.value else {
        problems.push(Problem::at(
            path,
            channels.pos,
            "`notify.channels` must be a mapping of name to channel",
        ));
        return;
    };
    for (key, value) in entries {
        let name = key.as_str().unwrap_or_default().to_owned();
        match value.deserialize::<crate::notify::ChannelFile>() {
            Ok(f) => match f.resolve(&name, base_dir) {
                Ok(c) => {
                    s.notify.channels.insert(name, c);
                }
                Err(e) => problems.push(e.at(path, value.pos)),
            },
            Err(e) => problems.push(Problem::from_de(path, e)),
        }
    }
}
