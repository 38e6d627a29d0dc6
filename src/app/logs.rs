//! Log use cases: the sources a command selects, one check per rule and source for `logs scan`
//! and `logs audit`, and the template mining of `logs top` with its memory of templates seen.

use std::time::Duration;

use serde::Serialize;

use crate::catalog::{CheckSpec, Derived};
use crate::core::error::{Error, Problems};
use crate::core::outcome::Category;
use crate::logs::rules::RuleKind;
use crate::logs::template::{Cluster, Miner, message};
use crate::logs::{self, ScanRequest, Source, Window};
use crate::probe::ProbeSpec;
use crate::probe::log::{Log, Span};
use crate::settings::Settings;
use crate::store::{Store, template_hash};

/// The sources the filters select (by system, by id; all when both are empty), or a message
/// naming the declared ones.
pub fn select<'a>(
    settings: &'a Settings,
    systems: &[String],
    ids: &[String],
) -> Result<Vec<&'a Source>, Error> {
    if settings.logs.sources.is_empty() {
        return Err(Error::Message(
            "no log sources are declared; add `logs: { sources: [...] }` to znode.yaml (see README, \"Logs\")".into(),
        ));
    }
    for id in ids {
        if settings.logs.source(id).is_none() {
            let known = settings.logs.source_ids();
            return Err(Error::Message(format!(
                "no log source `{id}`; declared: {}",
                known.join(", ")
            )));
        }
    }
    let out: Vec<&Source> = settings
        .logs
        .sources
        .iter()
        .filter(|s| ids.is_empty() || ids.contains(&s.id))
        .filter(|s| systems.is_empty() || s.system.as_ref().is_some_and(|x| systems.contains(x)))
        .collect();
    if out.is_empty() {
        return Err(Error::Message("no log source matches the selection".into()));
    }
    Ok(out)
}

/// One check per source and rule of `kind` that applies to the source's format: scans are
/// 日常检查(6) (errors in middleware logs), audits 日志审计(1).
pub fn rule_checks(
    settings: &Settings,
    sources: &[&Source],
    kind: RuleKind,
    span: Span,
    timeout: Duration,
) -> Result<Vec<CheckSpec>, Error> {
    let (category, item) = match kind {
        RuleKind::Scan => (Category::Daily, 6),
        RuleKind::Audit => (Category::LogReview, 1),
    };
    let mut checks = Vec::new();
    let mut problems = Problems::default();
    for src in sources {
        let placed = if src.hosts.is_empty() || settings.fleet.is_local_only() {
            crate::catalog::check::system_hosts(settings, src.system.as_deref())
        } else {
            settings.fleet.expand_all(&src.hosts).unwrap_or_default()
        };
        let elsewhere = placed.iter().any(|h| h != crate::fleet::LOCAL);
        if elsewhere && src.format.is_none() && src.journal.is_none() {
            // The rules are chosen by format here, and the files are on other hosts (a
            // journal is syslog unless declared).
            problems.push(
                crate::core::error::Problem::file(
                    &settings.config_path,
                    format!(
                        "log source `{}` is read on the hosts of system `{}`, and its format cannot be detected from here",
                        src.id,
                        src.system.as_deref().unwrap_or_default()
                    ),
                )
                .hint("declare it, e.g. `format: java` (or nginx-access, nginx-error, tomcat-access, auth, syslog, postgres, mysql, redis, oplog, plain)"),
            );
            continue;
        }
        let format = logs::detect_format(src, &settings.base_dir);
        for rule in logs::rules_for(&settings.logs, src, format, &[kind]) {
            let derived = Derived {
                id: format!("log.{}.{}", src.id, rule.id),
                title: format!(
                    "{}：{}",
                    src.title.as_deref().unwrap_or(&src.id),
                    rule.title
                ),
                category,
                item: Some(item),
                system: src.system.clone(),
                hosts: src.hosts.clone(),
                timeout: Duration::from_secs(timeout.as_secs().max(1)),
                remediation: rule.remediation.clone(),
                probe: ProbeSpec::Log(Log::rule(&src.id, &rule.id, span)),
                origin: "(logs)",
            };
            match CheckSpec::derived(derived, settings) {
                Ok(c) => checks.push(c),
                Err(p) => problems.push(p),
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Config(problems));
    }
    if checks.is_empty() {
        return Err(Error::Message(format!(
            "no {} rule applies to the selected sources' formats",
            if kind == RuleKind::Scan {
                "scan"
            } else {
                "audit"
            }
        )));
    }
    Ok(checks)
}

/// Error-like rules whose lines `logs top` mines; 5xx and slow requests are URLs, not messages.
const MINED_RULES: [&str; 6] = [
    "error",
    "exception",
    "oom",
    "timeout",
    "refused",
    "resource",
];

/// One mined template.
#[derive(Clone, Debug, Serialize)]
pub struct TemplateRow {
    /// Source id.
    pub source: String,
    /// Not seen in any earlier run.
    pub new: bool,
    /// The template with its count and first and last time.
    #[serde(flatten)]
    pub cluster: Cluster,
}

/// What mining found in one source.
#[derive(Clone, Debug)]
pub struct SourceTemplates {
    /// Source id.
    pub source: String,
    /// Error lines read.
    pub lines: usize,
    /// Templates they fold into, most frequent first.
    pub templates: Vec<TemplateRow>,
}

impl SourceTemplates {
    /// How many templates are new.
    pub fn fresh(&self) -> usize {
        self.templates.iter().filter(|t| t.new).count()
    }
}

/// One source scanned on this host, on every core, outside any inspection (no cursors).
fn scan_here(
    settings: &Settings,
    src: &Source,
    req: ScanRequest,
) -> Result<logs::SourceScan, Error> {
    let req = ScanRequest {
        threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        ..req
    };
    logs::scan_source(
        &settings.logs,
        src,
        &settings.base_dir,
        settings.timezone,
        &req,
        &Default::default(),
    )
    .map_err(Error::Message)
}

/// Folds each source's error lines in `window` into templates, marks those no earlier run
/// saw, and remembers them all in the store.
pub async fn mine_templates(
    settings: &Settings,
    sources: &[&Source],
    window: Window,
) -> Result<Vec<SourceTemplates>, Error> {
    let mut mined = Vec::new();
    for src in sources {
        let scan = scan_here(
            settings,
            src,
            ScanRequest {
                kinds: vec![RuleKind::Scan],
                window,
                collect: MINED_RULES.map(String::from).to_vec(),
                collect_max: 2_000_000,
                ..Default::default()
            },
        )?;
        let mut miner = Miner::default();
        for (ts, line) in &scan.collected {
            miner.add(message(line), *ts);
        }
        mined.push((src.id.clone(), miner.clusters(), scan.collected.len()));
    }
    let store = Store::open(&settings.store_url).await?;
    let mut out = Vec::new();
    for (source, clusters, lines) in mined {
        let known = store.log_templates(&source).await?;
        let templates = clusters
            .iter()
            .map(|c| TemplateRow {
                source: source.clone(),
                new: !known.contains_key(&template_hash(&c.template)),
                cluster: c.clone(),
            })
            .collect();
        store.save_log_templates(&source, &clusters).await?;
        out.push(SourceTemplates {
            source,
            lines,
            templates,
        });
    }
    store.close().await;
    Ok(out)
}

/// What `logs audit --learn` recorded for one `new:` audit rule of a source.
#[derive(Clone, Debug, Serialize)]
pub struct LearnedBaseline {
    /// Source id.
    pub source: String,
    /// Rule id.
    pub rule: String,
    /// Rule title.
    pub title: String,
    /// Distinct values seen in the window (accounts, addresses, ...).
    pub values: usize,
    /// Of those, values the baseline did not hold before.
    pub added: usize,
}

/// Reads each source's audit window and adds every value its `new:` rules see to the stored
/// baseline, reporting no finding: a node's first audit learns what is usual instead of
/// alerting on every account and address of the past. Only sources read on this host.
pub async fn learn_audit_baselines(
    settings: &Settings,
    sources: &[&Source],
    window: Window,
) -> Result<Vec<LearnedBaseline>, Error> {
    let here = settings.this_host.as_deref();
    if let Some(s) = sources
        .iter()
        .find(|s| !s.hosts.is_empty() && !s.hosts.iter().any(|h| Some(h.as_str()) == here))
    {
        return Err(Error::Message(format!(
            "log source `{}` is read on {}: --learn reads this host's files only; run `znode logs audit --learn --source {}` on that host, or a plain `logs audit` (its first audit of a rule learns the baseline too)",
            s.id,
            s.hosts.join(", "),
            s.id
        )));
    }
    let mut learned = logs::Learned::default();
    let mut rows = Vec::new();
    for src in sources {
        let scan = scan_here(
            settings,
            src,
            ScanRequest {
                kinds: vec![RuleKind::Audit],
                window,
                ..Default::default()
            },
        )?;
        if let Some(message) = scan.unmatched_message() {
            return Err(Error::Message(message));
        }
        for (rule, res) in scan.rules.iter().zip(&scan.results) {
            if rule.new.is_empty() {
                continue;
            }
            let fields: Vec<String> = rule.fields().into_iter().map(str::to_owned).collect();
            let (_, seen) =
                logs::audit::detect(rule, &fields, &res.events, None, settings.timezone);
            let key = logs::audit::Known::key(&src.id, &rule.id);
            rows.push((
                key.clone(),
                src.id.clone(),
                rule.id.clone(),
                rule.title.clone(),
                seen.len(),
            ));
            learned
                .seen
                .extend(seen.into_iter().map(|(v, t)| (key.clone(), v, t)));
        }
    }
    let store = Store::open(&settings.store_url).await?;
    let before = store
        .log_memory()
        .await?
        .remove("")
        .unwrap_or_default()
        .known;
    store.save_log_learned("", &learned).await?;
    store.close().await;
    Ok(rows
        .into_iter()
        .map(|(key, source, rule, title, values)| {
            let known = before.get(&key);
            let added = learned
                .seen
                .iter()
                .filter(|(k, v, _)| *k == key && !known.is_some_and(|kn| kn.contains(v)))
                .count();
            LearnedBaseline {
                source,
                rule,
                title,
                values,
                added,
            }
        })
        .collect())
}
