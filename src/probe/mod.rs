//! Probes observe facts about a target and return metrics and evidence; they never judge.
//!
//! Each probe kind is one module holding its parameter struct, which implements [`Probe`].
//! The [`registry!`] list below is the only place that names them all: adding a kind is one new
//! module and one line there. Judging metrics against thresholds happens once, in
//! [`crate::judge`].

mod access;
pub mod backup;
mod clock;
mod command;
mod cpu;
mod data;
mod disk;
mod drift;
mod elasticsearch;
mod file;
pub mod heartbeat;
mod http;
mod listen;
mod load;
pub mod log;
mod memory;
mod mysql;
mod nginx;
mod postgres;
mod process;
mod procfs;
mod rabbitmq;
mod reconcile;
mod redis;
mod redundancy;
mod return_flow;
mod secrets;
mod sql;
mod swap;
mod sysconfig;
mod tcp;
mod tomcat;
pub(crate) mod version;
mod watcher;

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;
pub use crate::core::text::Text;
use crate::core::yaml::{DeError, Node, Value, did_you_mean};

/// What a probe saw.
#[derive(Clone, Debug, Default)]
pub struct Observation {
    /// Measured numbers; thresholds are applied to them by name.
    pub metrics: Vec<Metric>,
    /// One line describing what was seen, used as the reason when all is well.
    pub summary: Text,
    /// Supporting facts.
    pub evidence: Vec<String>,
    /// Expectations other than thresholds that failed (wrong HTTP status, missing text...).
    pub failures: Vec<(Status, Text)>,
    /// Text facts a check may compare across hosts (`same: sha256`): a file's checksum, a
    /// command's output, a version.
    pub facts: std::collections::BTreeMap<String, String>,
    /// Structured findings kept in the history with the outcome ([`crate::core::outcome::Outcome::detail`]).
    pub detail: Option<serde_json::Value>,
}

impl Observation {
    /// An observation with a summary line.
    pub fn new(summary: impl Into<Text>) -> Observation {
        Observation {
            summary: summary.into(),
            ..Observation::default()
        }
    }

    /// Adds a metric.
    pub fn metric(mut self, m: Metric) -> Observation {
        self.metrics.push(m);
        self
    }

    /// Records a fact that can be compared across hosts.
    pub fn fact(&mut self, name: &str, value: impl Into<String>) {
        self.facts.insert(name.to_owned(), value.into());
    }

    /// Records a failed expectation.
    pub fn fail(&mut self, status: Status, reason: impl Into<Text>) {
        self.failures.push((status, reason.into()));
    }
}

/// A TCP connection to `addr` that could not be made: CRIT, with the cause.
pub(crate) fn connect_failed(addr: &str, e: &std::io::Error) -> ProbeError {
    ProbeError::down(crate::text!(
        "无法连接 {addr}：{why}",
        "connect to {addr}: {why}",
        addr = addr,
        why = crate::core::net::io_error(e),
    ))
}

/// The transaction test (write 42, read it back) read back something else: CRIT.
pub(crate) fn transaction_failed(value: i64) -> Text {
    crate::text!(
        "交易连接正常性测试失败：写入 42，读回 {value}",
        "transaction test read back {value}, wrote 42",
        value = value,
    )
}

/// A request to `url` that failed before an answer: CRIT, with the cause.
pub(crate) fn http_down(url: &str, e: &reqwest::Error) -> ProbeError {
    ProbeError::down(crate::text!(
        "{url}：{why}",
        "{url}: {why}",
        url = url,
        why = crate::core::net::error_chain(e),
    ))
}

/// A page that answered with an HTTP error status: CRIT.
pub(crate) fn http_status(url: &str, code: u16) -> ProbeError {
    ProbeError::down(crate::text!(
        "{url} 返回 HTTP {code}",
        "{url}: HTTP {code}",
        url = url,
        code = code,
    ))
}

/// A server in the wrong replication role: `role` is what it is, `want` what the check
/// expects (`primary`, `standby`, `replica`...).
pub(crate) fn role_mismatch(role: &str, want: &str) -> Text {
    let zh = |r: &str| match r {
        "primary" | "master" => "主库".to_owned(),
        "standby" => "备库".to_owned(),
        "replica" | "slave" => "从库".to_owned(),
        other => other.to_owned(),
    };
    crate::text!(
        "数据库角色为{is}，应为{want_zh}",
        "server is a {role}, expected {want}",
        is = zh(role),
        want_zh = zh(want),
        role = role,
        want = want,
    )
}

/// Why a probe could not observe: the target is down (CRIT) or the probe itself failed (UNKNOWN).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", message.zh)]
pub struct ProbeError {
    /// The status this error stands for.
    pub status: Status,
    /// What happened.
    pub message: Text,
}

impl ProbeError {
    /// The target did not answer as it should: CRIT.
    pub fn down(message: impl Into<Text>) -> ProbeError {
        ProbeError {
            status: Status::Crit,
            message: message.into(),
        }
    }

    /// The probe could not do its job (no permission, unreadable /proc...): UNKNOWN.
    pub fn unknown(message: impl Into<Text>) -> ProbeError {
        ProbeError {
            status: Status::Unknown,
            message: message.into(),
        }
    }
}

/// What a probe gets to work with.
pub struct ProbeContext<'a> {
    /// The check's id.
    pub check: &'a str,
    /// The check's target, if it names one.
    pub target: Option<&'a Target>,
    /// The time the probe has; the runner enforces it as well.
    pub timeout: Duration,
    /// State shared by all checks of a run.
    pub shared: &'a Shared,
    /// Every target of the configuration, for probes that look at several.
    pub targets: &'a std::collections::BTreeMap<String, Target>,
    /// The whole configuration (log sources and rules, systems).
    pub settings: &'a crate::settings::Settings,
    /// The metrics of this check's previous outcome in the history, if any.
    pub previous: Option<&'a [Metric]>,
}

impl ProbeContext<'_> {
    /// A counter's change since the previous observation, as a `NAME_delta` metric. A counter
    /// lower than before means the service restarted (or was reset): the change is then the
    /// whole current value, and the evidence says so. No previous observation: no delta.
    pub fn delta(&self, obs: &mut Observation, name: &str, now: f64) {
        let Some(before) = self
            .previous
            .and_then(|p| p.iter().find(|m| m.name == name && m.label.is_none()))
        else {
            return;
        };
        let delta = if now >= before.value {
            now - before.value
        } else {
            obs.evidence.push(format!(
                "{name} 由 {} 变为 {now}：自上次巡检以来计数器已重置（可能重启过）",
                before.value
            ));
            now
        };
        obs.metrics
            .push(Metric::new(&format!("{name}_delta"), delta, "c"));
    }

    /// The target or an error saying the check needs one.
    pub fn require_target(&self, kind: &str) -> Result<&Target, ProbeError> {
        self.target
            .ok_or_else(|| ProbeError::unknown(format!("the {kind} probe needs a target")))
    }
}

/// Resources shared across the checks of one run, built lazily.
#[derive(Default)]
pub struct Shared {
    /// Shared with the renewed states of a watcher (`Shared::renewed`).
    http_clients: std::sync::Arc<Mutex<HashMap<http::ClientKey, reqwest::Client>>>,
    /// Log scans shared by checks on the same source, and audit state.
    pub logs: crate::logs::Shared,
    /// Hosts that push their own outcomes: the time each was last heard of (epoch ms).
    pub last_seen: HashMap<String, i64>,
    /// The recent metrics of checks judged against their own history (`baseline:`), oldest
    /// first, by check id.
    pub history: HashMap<String, Vec<Vec<Metric>>>,
    /// On a host run by the jump host: this host's clock minus the jump host's, in ms.
    pub clock_offset_ms: Option<i64>,
    /// The inventory host the checks run on (none: the jump host), for per-host waivers.
    pub host: Option<String>,
    /// The key of the hashes standing in for secrets in configuration snapshots.
    pub hash_key: Option<std::sync::Arc<Vec<u8>>>,
    /// The accepted configuration baselines by (check, host), when the store was read; `None`
    /// when it could not be (a drift check then cannot judge).
    pub config_baselines:
        Option<HashMap<(String, String), std::sync::Arc<crate::drift::snapshot::Snapshot>>>,
    /// The process table, taken once per run by the first process check that needs it.
    processes: tokio::sync::OnceCell<std::sync::Arc<Vec<process::ProcessEntry>>>,
    /// The listening TCP sockets, read once per run by the first listen check.
    listeners: tokio::sync::OnceCell<std::sync::Arc<Vec<procfs::ListenSocket>>>,
    /// Socket inode → the process holding it, built once per run by the first listen check
    /// that finds a socket.
    socket_holders: tokio::sync::OnceCell<std::sync::Arc<HashMap<u64, (u32, String)>>>,
}

impl Shared {
    /// A fresh state for the next run of a long-lived watcher: its HTTP clients (connection
    /// pools, loaded root certificates) are kept; what describes the machine at one moment
    /// (the process table, the listening sockets) is read again.
    pub fn renewed(&self) -> Shared {
        Shared {
            http_clients: self.http_clients.clone(),
            ..Default::default()
        }
    }
}

impl Shared {
    /// Takes over another state's HTTP clients (a watcher's, into a run's log state).
    pub fn adopt_clients(&mut self, other: &Shared) {
        self.http_clients = other.http_clients.clone();
    }
}

/// Where a probe kind observes from, when the node has several hosts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// It looks at the machine it runs on (processes, disks, files): it runs on each host of
    /// the check's system, through the agent there.
    Host,
    /// It reaches its target over the network: it runs from the jump host, or from the
    /// check's `from:` host when the port is only reachable from inside.
    Network,
    /// It watches the node itself through the store (a push host's heartbeat): it runs on
    /// the jump host.
    Node,
}

impl Place {
    /// How the place is named to people reading Chinese.
    pub fn describe_zh(self) -> &'static str {
        match self {
            Place::Host => "主机级探针：在其系统或 hosts 所列的各主机上运行",
            Place::Network => "网络探针：从跳板机（或 from 指定的主机）发起",
            Place::Node => "节点探针：读历史库，在跳板机运行",
        }
    }

    /// How the place is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Place::Host => "a host-level probe (it runs on each host of its system)",
            Place::Network => "a network probe (it runs from the jump host)",
            Place::Node => "a probe of the node's own state (it runs on the jump host)",
        }
    }
}

/// A probe kind's parameters, with the behaviour of the kind.
pub trait Probe: Send + Sync + Sized + serde::de::DeserializeOwned {
    /// The name used in check files (`kind: tcp`).
    const KIND: &'static str;

    /// Where the kind observes from.
    const PLACE: Place;

    /// Where these parameters observe from; a kind whose source varies says per check.
    fn place(&self) -> Place {
        Self::PLACE
    }

    /// True when a CRIT of this kind means the system is not serving: such outcomes make up
    /// the availability and MTBF figures of the reports.
    const SERVICE: bool = false;

    /// The metric that `warn`/`crit` on a check apply to, if the kind measures one.
    fn primary(&self) -> Option<&'static str>;

    /// Thresholds that apply when neither the check nor the config sets any: (metric, warn, crit).
    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[]
    }

    /// True when the probe judges counters against the check's previous observation
    /// ([`ProbeContext::previous`]); the history is read only when a planned probe needs it.
    fn uses_history(&self) -> bool {
        false
    }

    /// The parameters as a check file would write them (without `kind`), for a check a
    /// command derived from the configuration that runs on another host: the agent there
    /// reads them as it reads a written check. `None` for kinds no command derives.
    fn written(&self) -> Option<serde_json::Value> {
        None
    }

    /// Checks parameters against the target at load time, so that a run never starts with a
    /// check that cannot work. Returns a message and a hint.
    fn validate(
        &self,
        _target: Option<&Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        Ok(())
    }

    /// Observes the target.
    fn observe(
        &self,
        cx: &ProbeContext<'_>,
    ) -> impl Future<Output = Result<Observation, ProbeError>> + Send;
}

macro_rules! registry {
    ($($variant:ident => $module:ident::$ty:ident,)*) => {
        /// A check's probe: one variant per kind.
        #[derive(Debug)]
        pub enum ProbeSpec { $(
            #[doc = concat!("The `", stringify!($module), "` probe.")]
            $variant($module::$ty),
        )* }

        impl ProbeSpec {
            /// Every kind name.
            pub const KINDS: &'static [&'static str] = &[$($module::$ty::KIND,)*];

            /// Whether a CRIT of this probe means the system is not serving.
            pub fn is_service(&self) -> bool {
                match self { $(ProbeSpec::$variant(_) => $module::$ty::SERVICE,)* }
            }

            fn parse_kind(kind: &str, params: &Node) -> Option<Result<ProbeSpec, DeError>> {
                $(if kind == $module::$ty::KIND {
                    return Some(params.deserialize_without("kind").map(ProbeSpec::$variant));
                })*
                None
            }

            /// The kind name.
            pub fn kind(&self) -> &'static str {
                match self { $(ProbeSpec::$variant(_) => $module::$ty::KIND,)* }
            }

            /// Where it observes from.
            pub fn place(&self) -> Place {
                match self { $(ProbeSpec::$variant(p) => p.place(),)* }
            }

            /// The metric `warn`/`crit` apply to.
            pub fn primary(&self) -> Option<&'static str> {
                match self { $(ProbeSpec::$variant(p) => p.primary(),)* }
            }

            /// Built-in thresholds of the kind.
            pub fn default_thresholds(&self) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
                match self { $(ProbeSpec::$variant(p) => p.default_thresholds(),)* }
            }

            /// Whether the probe needs the check's previous observation.
            pub fn uses_history(&self) -> bool {
                match self { $(ProbeSpec::$variant(p) => p.uses_history(),)* }
            }

            /// The parameters as written, with `kind`, for kinds that can be derived.
            pub fn written(&self) -> Option<serde_json::Value> {
                let mut v = match self { $(ProbeSpec::$variant(p) => p.written(),)* }?;
                v.as_object_mut()?.insert("kind".into(), self.kind().into());
                Some(v)
            }

            /// Load-time validation against the target.
            pub fn validate(&self, target: Option<&crate::core::target::Target>, settings: &crate::settings::Settings) -> Result<(), Invalid> {
                match self { $(ProbeSpec::$variant(p) => p.validate(target, settings),)* }
            }

            /// Runs the probe.
            pub async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
                match self { $(ProbeSpec::$variant(p) => p.observe(cx).await,)* }
            }
        }
    };
}

registry! {
    Tcp => tcp::Tcp,
    Http => http::Http,
    Process => process::Process,
    Listen => listen::Listen,
    Disk => disk::Disk,
    Memory => memory::Memory,
    Swap => swap::Swap,
    Cpu => cpu::Cpu,
    Load => load::Load,
    File => file::File,
    Command => command::Command,
    Sql => sql::Sql,
    Redis => redis::Redis,
    Version => version::Version,
    Sysconfig => sysconfig::Sysconfig,
    Secrets => secrets::Secrets,
    Postgres => postgres::Postgres,
    Mysql => mysql::Mysql,
    Nginx => nginx::Nginx,
    Rabbitmq => rabbitmq::Rabbitmq,
    Elasticsearch => elasticsearch::Elasticsearch,
    Redundancy => redundancy::Redundancy,
    Tomcat => tomcat::Tomcat,
    Log => log::Log,
    Backup => backup::Backup,
    Heartbeat => heartbeat::Heartbeat,
    Clock => clock::Clock,
    Watch => watcher::Watcher,
    Data => data::Data,
    Reconcile => reconcile::Reconcile,
    ReturnFlow => return_flow::ReturnFlow,
    Access => access::Access,
    Drift => drift::Drift,
}

impl ProbeSpec {
    /// Reads a probe from its node: a mapping with `kind` and the kind's parameters.
    pub fn from_node(node: &Node) -> Result<ProbeSpec, DeError> {
        let Value::Map(_) = &node.value else {
            return Err(DeError::at(
                node.pos,
                format!(
                    "`probe` must be a mapping with `kind`, found {}",
                    node.type_name()
                ),
            )
            .with_hint("write `probe: { kind: tcp }` and the kind's parameters"));
        };
        let kind_node = node.get("kind").ok_or_else(|| {
            DeError::at(node.pos, "the probe has no `kind`")
                .with_hint(format!("one of: {}", ProbeSpec::KINDS.join(", ")))
        })?;
        let kind = kind_node
            .as_str()
            .ok_or_else(|| DeError::at(kind_node.pos, "`kind` must be a string"))?;
        ProbeSpec::parse_kind(kind, node).unwrap_or_else(|| {
            let e = DeError::at(kind_node.pos, format!("unknown probe kind `{kind}`"));
            Err(match did_you_mean(kind, ProbeSpec::KINDS.iter().copied()) {
                Some(m) => e.with_hint(format!("did you mean `{m}`?")),
                None => e.with_hint(format!("one of: {}", ProbeSpec::KINDS.join(", "))),
            })
        })
    }
}

/// The DSN schemes of the databases data checks read: the PostgreSQL and MySQL families.
pub(crate) const DATABASES: &[&str] = &["postgres", "postgresql", "mysql", "mariadb"];

/// What kind of endpoint a probe needs its target to have.
pub(crate) enum Needs {
    /// `address: host:port` (or a URL or DSN it can be derived from).
    Address,
    /// `url:`.
    Url,
    /// `dsn:` with one of these schemes (`postgres`, `postgresql`).
    Dsn(&'static [&'static str]),
}

/// Load-time check that the check's target has the endpoint a probe needs, with an example.
pub(crate) fn require(
    kind: &str,
    target: Option<&Target>,
    needs: Needs,
    example: &str,
) -> Result<(), Invalid> {
    let (ok, what) = match needs {
        Needs::Address => (
            target.and_then(Target::address).is_some(),
            "an address".to_owned(),
        ),
        Needs::Url => (target.and_then(Target::url).is_some(), "a `url`".to_owned()),
        Needs::Dsn(schemes) => (
            target
                .and_then(Target::dsn)
                .and_then(|d| d.split_once("://"))
                .is_some_and(|(scheme, _)| schemes.contains(&scheme)),
            format!("a {}:// dsn", schemes[0]),
        ),
    };
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            format!("the {kind} probe needs a target with {what}"),
            format!("e.g. `{example}`"),
        ))
    }
}

/// Load-time check of a host probe's `root:` (the folder standing for the host's `/`).
pub(crate) fn require_absolute_root(root: &std::path::Path) -> Result<(), Invalid> {
    if root.is_absolute() {
        Ok(())
    } else {
        Err(Invalid::new(
            format!("`root: {}` is not an absolute path", root.display()),
            "write the folder that stands for the host's `/`, e.g. `/mnt/image`",
        ))
    }
}

/// Load-time check of a probe's `role` parameter against the roles it knows.
pub(crate) fn require_role(role: Option<&str>, known: &[&str]) -> Result<(), Invalid> {
    match role {
        Some(r) if !known.contains(&r) => Err(Invalid::new(
            format!("unknown role `{r}`"),
            format!("use {}", known.join(" or ")),
        )),
        _ => Ok(()),
    }
}

/// Runs blocking work (reading /proc, statvfs, files) off the async workers, so that a hung
/// filesystem stalls only its own check; the runner's timeout still ends the check.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ProbeError> + Send + 'static,
) -> Result<T, ProbeError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ProbeError::unknown(format!("probe task failed: {e}")))?
}

/// A compiled regex from a check file; serde validates it at load time.
#[derive(Clone, Debug)]
pub struct Pattern(pub regex::Regex);

impl<'de> serde::Deserialize<'de> for Pattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Pattern, D::Error> {
        let s = String::deserialize(d)?;
        regex::Regex::new(&s)
            .map(Pattern)
            .map_err(|e| serde::de::Error::custom(format!("invalid regex: {e}")))
    }
}

impl Pattern {
    /// The source text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}
