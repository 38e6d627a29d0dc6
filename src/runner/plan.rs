//! Selecting which checks of the catalog run.

use crate::catalog::{Catalog, CheckSpec};
use crate::core::outcome::Category;
use crate::fleet::{Inventory, LOCAL};

/// Selection from the command line; empty lists select everything.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Filters {
    /// Only these systems.
    pub systems: Vec<String>,
    /// Only these categories.
    pub categories: Vec<Category>,
    /// Only checks with any of these tags.
    pub tags: Vec<String>,
    /// Only these check ids.
    pub checks: Vec<String>,
    /// Only on these hosts or groups (`local` is the jump host).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<String>,
}

impl Filters {
    fn selects(&self, c: &CheckSpec) -> bool {
        (self.systems.is_empty() || c.system.as_ref().is_some_and(|s| self.systems.contains(s)))
            && (self.categories.is_empty() || self.categories.contains(&c.category))
            && (self.tags.is_empty() || c.tags.iter().any(|t| self.tags.contains(t)))
            && (self.checks.is_empty() || self.checks.contains(&c.id))
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.systems.is_empty()
            && self.categories.is_empty()
            && self.tags.is_empty()
            && self.checks.is_empty()
            && self.hosts.is_empty()
    }
}

/// The checks to run, taken out of the catalog.
#[derive(Debug)]
pub struct Plan {
    /// Selected and enabled checks, in catalog order (shared: a watcher's batches hold the
    /// same checks).
    pub checks: Vec<std::sync::Arc<CheckSpec>>,
    /// How many selected checks are disabled (`enabled: false`).
    pub disabled: usize,
    /// What runs: each check on each of its hosts, in plan order. One outcome each.
    pub units: Vec<Unit>,
}

/// One check on one host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Index into [`Plan::checks`].
    pub check: usize,
    /// Inventory host id; `None`: the jump host.
    pub host: Option<String>,
}

impl Plan {
    /// Checks made by a command (backup policies, log rules): each on the hosts it was placed
    /// on, like a check of a file.
    pub fn of(checks: Vec<CheckSpec>, inventory: &Inventory) -> Plan {
        let mut units = Vec::with_capacity(checks.len());
        for (check, spec) in checks.iter().enumerate() {
            units.extend(
                hosts_of(spec, &[], inventory)
                    .into_iter()
                    .map(|host| Unit { check, host }),
            );
        }
        Plan {
            checks: checks.into_iter().map(std::sync::Arc::new).collect(),
            disabled: 0,
            units,
        }
    }

    /// Selects checks and their hosts; unknown ids in `--check` and unknown names in `--host`
    /// are returned as an error message.
    pub fn new(catalog: Catalog, filters: &Filters, inventory: &Inventory) -> Result<Plan, String> {
        let only_hosts = match inventory.expand_all(&filters.hosts) {
            Ok(ids) => ids,
            Err(name) => {
                let names = inventory.hosts.keys().chain(inventory.groups.keys());
                let hint = crate::core::yaml::did_you_mean(
                    &name,
                    names.map(String::as_str).chain([LOCAL]),
                )
                .map(|m| format!(" (did you mean `{m}`?)"))
                .unwrap_or_default();
                return Err(format!("no host or group is called `{name}`{hint}"));
            }
        };
        for id in &filters.checks {
            if catalog.get(id).is_none() {
                let hint = crate::core::yaml::did_you_mean(
                    id,
                    catalog.checks.iter().map(|c| c.id.as_str()),
                )
                .map(|m| format!(" (did you mean `{m}`?)"))
                .unwrap_or_default();
                return Err(format!("no check has the id `{id}`{hint}"));
            }
        }
        let (selected, _): (Vec<CheckSpec>, Vec<CheckSpec>) =
            catalog.checks.into_iter().partition(|c| filters.selects(c));
        let (enabled, disabled): (Vec<CheckSpec>, Vec<CheckSpec>) =
            selected.into_iter().partition(|c| c.enabled);
        let mut checks = Vec::with_capacity(enabled.len());
        let mut units = Vec::with_capacity(enabled.len());
        for spec in enabled {
            let chosen = hosts_of(&spec, &only_hosts, inventory);
            if chosen.is_empty() {
                continue;
            }
            let check = checks.len();
            units.extend(chosen.into_iter().map(|host| Unit { check, host }));
            checks.push(std::sync::Arc::new(spec));
        }
        Ok(Plan {
            checks,
            disabled: disabled.len(),
            units,
        })
    }
}

/// The hosts one check runs on (`None`: the jump host), narrowed to `only` when given. A host
/// that pushes its own outcomes is not inspected from here; only its heartbeat (a check of the
/// node's own state) is.
fn hosts_of(spec: &CheckSpec, only: &[String], inventory: &Inventory) -> Vec<Option<String>> {
    let hosts: Vec<Option<String>> = if spec.hosts.is_empty() {
        vec![None]
    } else {
        spec.hosts
            .iter()
            .map(|h| (h != LOCAL).then(|| h.clone()))
            .collect()
    };
    let watched_here = spec.probe.place() == crate::probe::Place::Node;
    hosts
        .into_iter()
        .filter(|h| {
            only.is_empty() || only.contains(&h.clone().unwrap_or_else(|| LOCAL.to_owned()))
        })
        .filter(|h| {
            watched_here
                || h.as_deref()
                    .and_then(|id| inventory.host(id))
                    .is_none_or(|host| host.push.is_none())
        })
        .collect()
}
