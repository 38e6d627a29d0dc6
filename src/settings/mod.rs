//! The node's configuration, `znode.yaml`: node name, timezone, store, systems, named targets,
//! default thresholds and check-pack paths.
//!
//! Layering is built-in defaults < the file < `ZNODE_*` environment < command-line flags; the
//! last two arrive together as [`Overrides`] (clap reads each flag's variable when the flag is
//! absent). Loading reports every problem of the file at once, each with line and column.

mod load;
mod reports;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

pub use load::{load, load_lenient};
pub use reports::{AssessmentSettings, Every, InspectionDue, ReportSettings};

use crate::core::target::Target;
use crate::core::threshold::Thresholds;

/// Values that come from the environment or flags and win over the file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Node name.
    pub node: Option<String>,
    /// IANA timezone for display.
    pub timezone: Option<String>,
    /// Store URL.
    pub store: Option<String>,
    /// Concurrent checks.
    pub jobs: Option<usize>,
    /// Default per-check timeout.
    pub timeout: Option<Duration>,
}

/// The resolved configuration.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The file this came from.
    pub config_path: PathBuf,
    /// Its folder; relative paths in the file are resolved against it.
    pub base_dir: PathBuf,
    /// Node name shown in outputs and reports.
    pub node: String,
    /// Display timezone; the store keeps UTC.
    pub timezone: chrono_tz::Tz,
    /// `sqlite://PATH` or `postgres://...`.
    pub store_url: String,
    /// Files and folders of check YAML.
    pub check_paths: Vec<PathBuf>,
    /// Defaults for checks that do not say.
    pub defaults: Defaults,
    /// The deployed systems.
    pub systems: Vec<System>,
    /// Named targets checks point at.
    pub targets: BTreeMap<String, Target>,
    /// Targets declared with problems (reported already); checks naming them are not flagged.
    pub broken_targets: std::collections::BTreeSet<String>,
    /// Log sources, rules and retention policies.
    pub logs: crate::logs::LogSettings,
    /// Backup policies.
    pub backups: crate::backup::BackupSettings,
    /// Service-level clocks of incidents.
    pub sla: crate::incident::Sla,
    /// Notification channels.
    pub notify: crate::notify::NotifySettings,
    /// How `znode watch` watches and alerts (`watch:`).
    pub watch: crate::alert::WatchSettings,
    /// Report documents: folder, sign-off names, plans (`reports:`).
    pub reports: ReportSettings,
    /// The 考核 rules (`assessment:`).
    pub assessment: AssessmentSettings,
    /// The node's hosts (`hosts:` or `inventory:`) and how to reach them (`fleet:`).
    pub fleet: crate::fleet::Inventory,
    /// The inventory name of the machine znode runs on, when it is one of the node's hosts
    /// reporting by itself (push mode): its outcomes carry this host.
    pub this_host: Option<String>,
}

/// Run-wide defaults.
#[derive(Clone, Debug)]
pub struct Defaults {
    /// Per-check timeout when a check sets none.
    pub timeout: Duration,
    /// Retries when a check sets none.
    pub retries: u32,
    /// Checks running at once.
    pub jobs: usize,
    /// Thresholds per `kind.metric` (e.g. `disk.used_pct`) when a check sets none.
    pub thresholds: BTreeMap<String, Thresholds>,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            timeout: Duration::from_secs(10),
            retries: 0,
            jobs: 32,
            thresholds: BTreeMap::new(),
        }
    }
}

/// One deployed system (portal, data-exchange platform...).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Short id used in check files and filters.
    pub id: String,
    /// Chinese name as the bureau knows it.
    pub name: String,
    /// Hosts it runs on.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the running version is read, and the province's declared one (`znode sync versions`).
    pub version: Option<SystemVersion>,
}

/// How to read a system's running version.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SystemVersion {
    /// A URL whose body (or `Server:` header) holds the version.
    pub url: Option<String>,
    /// Or a command whose output holds it.
    pub command: Option<Vec<String>>,
    /// Regex whose first group is the version; default: the first version-like token.
    pub pattern: Option<String>,
    /// The version the province declared for this system's standard edition.
    pub declared: Option<String>,
}

impl Settings {
    /// Settings for one ad-hoc probe (`znode probe`): built-in defaults, no systems, the
    /// given target under the name `target`, no store.
    pub fn ad_hoc(target: Option<Target>) -> Settings {
        Settings {
            config_path: PathBuf::from("(command line)"),
            base_dir: PathBuf::from("."),
            node: "znode".into(),
            timezone: chrono_tz::Asia::Shanghai,
            store_url: String::new(),
            check_paths: Vec::new(),
            defaults: Defaults::default(),
            systems: Vec::new(),
            targets: target
                .into_iter()
                .map(|t| ("target".to_owned(), t))
                .collect(),
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
        }
    }

    /// The system with this id.
    pub fn system(&self, id: &str) -> Option<&System> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// System id to Chinese name, for outputs.
    pub fn system_names(&self) -> BTreeMap<String, String> {
        self.systems
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect()
    }

    /// Every secret the configuration resolved, for redaction of anything we print or store.
    pub fn secrets(&self) -> Vec<&crate::core::secret::Secret> {
        self.targets
            .values()
            .flat_map(|t| t.password.iter().chain(t.token.iter()))
            .chain(self.notify.channels.values().flat_map(|c| c.secrets()))
            .collect()
    }
}
