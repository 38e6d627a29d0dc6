//! The check pack: loading `checks/*.yaml` into validated [`CheckSpec`]s.
//!
//! A check file is a mapping with a `checks:` list. Every check is read on its own, so one bad
//! check does not hide problems in the next; references to systems and targets, thresholds and
//! probe parameters are all validated before any probe runs.

pub mod check;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use check::{CheckSpec, Derived, Waiver};

use crate::core::error::{Problem, Problems};
use crate::core::yaml::{Node, Value};
use crate::settings::Settings;

/// All loaded checks, in file order.
#[derive(Debug, Default)]
pub struct Catalog {
    /// The checks.
    pub checks: Vec<CheckSpec>,
    /// The files they came from.
    pub files: Vec<PathBuf>,
}

impl Catalog {
    /// Loads every check file the settings name, collecting all problems.
    pub fn load(settings: &Settings) -> Result<Catalog, Problems> {
        let mut problems = Problems::default();
        let mut files = Vec::new();
        for path in &settings.check_paths {
            collect_files(path, &mut files, &mut problems);
        }
        let mut catalog = Catalog {
            checks: Vec::new(),
            files: files.clone(),
        };
        let mut ids = HashMap::new();
        for file in &files {
            match crate::core::fsx::read_config_text(file) {
                Ok(text) => catalog.load_text(file, &text, settings, &mut ids, &mut problems),
                Err(e) => problems.push(
                    Problem::file(file, format!("cannot read check file: {e}"))
                        .hint("a check file is a UTF-8 YAML file znode may read"),
                ),
            }
        }
        catalog.add_heartbeats(settings, &ids, &mut problems);
        catalog.check_dependencies(&ids, &mut problems);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// Every `depends_on:` names a check, and no check depends on itself through others.
    fn check_dependencies(&self, ids: &HashMap<String, usize>, problems: &mut Problems) {
        for c in &self.checks {
            for d in &c.depends_on {
                if !ids.contains_key(d) {
                    let hint = crate::core::yaml::did_you_mean(d, ids.keys().map(String::as_str))
                        .map(|m| format!("did you mean `{m}`?"))
                        .unwrap_or_else(|| {
                            "name the id of a check it relies on, e.g. its database's".into()
                        });
                    problems.push(
                        Problem::at(
                            &c.file,
                            c.pos,
                            format!("check `{}` depends on `{d}`, which is not a check", c.id),
                        )
                        .hint(hint),
                    );
                }
            }
            // A loop would keep every check in it affected by the others, paging nobody.
            let mut seen = vec![c.id.as_str()];
            let mut next: Vec<&str> = c.depends_on.iter().map(String::as_str).collect();
            while let Some(d) = next.pop() {
                if d == c.id {
                    problems.push(
                        Problem::at(&c.file, c.pos, format!("check `{}` depends on itself through `depends_on`", c.id))
                            .hint("a dependency loop would hide a failure of every check in it; remove one link"),
                    );
                    break;
                }
                if seen.contains(&d) {
                    continue;
                }
                seen.push(d);
                if let Some(&i) = ids.get(d) {
                    next.extend(self.checks[i].depends_on.iter().map(String::as_str));
                }
            }
        }
    }

    /// Reads one file; `ids` maps every id seen so far to its index in `checks`.
    fn load_text(
        &mut self,
        file: &Path,
        text: &str,
        settings: &Settings,
        ids: &mut HashMap<String, usize>,
        problems: &mut Problems,
    ) {
        let root = match Node::parse(text) {
            Ok(r) => r,
            Err((pos, msg)) => {
                problems.push(Problem::at(file, pos, format!("invalid YAML: {msg}")));
                return;
            }
        };
        let items = match (&root.value, root.get("checks")) {
            (Value::Null, _) => return,
            (Value::Map(entries), Some(checks)) => {
                for (k, _) in entries {
                    if k.as_str() != Some("checks") {
                        let key = k.as_str().unwrap_or_default();
                        problems.push(
                            Problem::at(
                                file,
                                k.pos,
                                format!("unknown key `{key}` in a check file"),
                            )
                            .hint("a check file holds one key, `checks:`, with a list of checks"),
                        );
                    }
                }
                match &checks.value {
                    Value::Seq(items) => items,
                    Value::Null => return,
                    _ => {
                        problems.push(
                            Problem::at(file, checks.pos, "`checks` must be a list")
                                .hint("write each check as `- id: ...`"),
                        );
                        return;
                    }
                }
            }
            _ => {
                problems.push(
                    Problem::at(
                        file,
                        root.pos,
                        "a check file must be a mapping with a `checks:` list",
                    )
                    .hint("start the file with `checks:`"),
                );
                return;
            }
        };
        for item in items {
            match check::read(file, item, settings) {
                Ok(spec) => {
                    if let Some(&prev) = ids.get(&spec.id) {
                        let prev: &CheckSpec = &self.checks[prev];
                        problems.push(
                            Problem::at(
                                file,
                                item.pos,
                                format!("duplicate check id `{}`", spec.id),
                            )
                            .hint(format!(
                                "first declared at {}:{}",
                                prev.file.display(),
                                prev.pos.line
                            )),
                        );
                    } else {
                        ids.insert(spec.id.clone(), self.checks.len());
                        self.checks.push(spec);
                    }
                }
                Err(list) => list.into_iter().for_each(|p| problems.push(p)),
            }
        }
    }

    /// One heartbeat check per host that pushes its own outcomes (`push:` in the inventory):
    /// the jump host does not inspect such a host, it watches that the host reports.
    fn add_heartbeats(
        &mut self,
        settings: &Settings,
        ids: &HashMap<String, usize>,
        problems: &mut Problems,
    ) {
        for host in settings.fleet.hosts.values() {
            let Some(every) = host.push else { continue };
            let system = settings.systems.iter().find(|s| {
                settings
                    .fleet
                    .expand_all(&s.hosts)
                    .is_ok_and(|h| h.contains(&host.id))
            });
            let derived = Derived {
                id: format!("heartbeat-{}", host.id),
                title: format!("主机上报：{}", host.id),
                category: crate::core::outcome::Category::Daily,
                item: None,
                system: system.map(|s| s.id.clone()),
                hosts: Vec::new(),
                timeout: std::time::Duration::from_secs(5),
                remediation: Some(format!(
                    "登录 {} 检查 znode 定时任务（znode-inspect.timer 或 crontab）与到共享库的连接",
                    host.id
                )),
                probe: crate::probe::ProbeSpec::Heartbeat(crate::probe::heartbeat::Heartbeat::new(
                    &host.id, every,
                )),
                origin: "(fleet)",
            };
            if ids.contains_key(&derived.id) {
                problems.push(
                    Problem::file(
                        &settings.config_path,
                        format!(
                            "check id `{}` is taken: the heartbeat of a push host has it",
                            derived.id
                        ),
                    )
                    .hint("rename the check in the check file"),
                );
                continue;
            }
            match CheckSpec::derived(derived, settings) {
                Ok(mut c) => {
                    c.hosts = vec![host.id.clone()];
                    self.checks.push(c);
                }
                Err(p) => problems.push(p),
            }
        }
    }

    /// Reads one check written as a YAML mapping (for checks made on the command line).
    pub fn parse_check(
        origin: &Path,
        text: &str,
        settings: &Settings,
    ) -> Result<CheckSpec, Vec<Problem>> {
        let node = Node::parse(text)
            .map_err(|(pos, msg)| vec![Problem::at(origin, pos, format!("invalid YAML: {msg}"))])?;
        check::read(origin, &node, settings)
    }

    /// The check with this id.
    pub fn get(&self, id: &str) -> Option<&CheckSpec> {
        self.checks.iter().find(|c| c.id == id)
    }
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>, problems: &mut Problems) {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => match std::fs::read_dir(path) {
            Ok(rd) => {
                let mut found: Vec<PathBuf> = rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                    .collect();
                found.sort();
                out.extend(found);
            }
            Err(e) => problems.push(
                Problem::file(path, format!("cannot read the check folder: {e}"))
                    .hint("check its permissions (znode needs read and execute on the folder)"),
            ),
        },
        Ok(_) => out.push(path.to_owned()),
        Err(e) => problems.push(
            Problem::file(path, format!("cannot open the check path: {e}"))
                .hint("fix `checks:` in znode.yaml"),
        ),
    }
}
