//! Selecting which checks of the catalog run.

use crate::catalog::{Catalog, CheckSpec};
use crate::core::outcome::Category;

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
    }
}

/// The checks to run, taken out of the catalog.
#[derive(Debug)]
pub struct Plan {
    /// Selected and enabled checks, in catalog order.
    pub checks: Vec<CheckSpec>,
    /// How many selected checks are disabled (`enabled: false`).
    pub disabled: usize,
}

impl Plan {
    /// Selects checks; unknown ids in `--check` are returned as an error message.
    pub fn new(catalog: Catalog, filters: &Filters) -> Result<Plan, String> {
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
        let (checks, disabled): (Vec<CheckSpec>, Vec<CheckSpec>) =
            selected.into_iter().partition(|c| c.enabled);
        Ok(Plan {
            checks,
            disabled: disabled.len(),
        })
    }
}
