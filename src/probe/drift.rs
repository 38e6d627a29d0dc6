//! `drift`: a host's configuration against its accepted baseline (常规检查, SPEC R2 配置管理).
//! The paths of the check's role and its own globs are snapshotted on the host it runs on
//! (masked: no secret leaves the host) and compared with the baseline `znode config accept`
//! last moved; each added, removed or changed path is named, metadata and content apart, with
//! who was logged in or ran sudo around its change when an auth log source is named.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking};
use crate::access::root::Root;
use crate::core::error::Invalid;
use crate::core::fsx::ByteSize;
use crate::core::outcome::{Metric, Status};
use crate::drift::compare::{self, Drift as Changes};
use crate::drift::paths::{PathSet, Role};
use crate::drift::snapshot::{self, Snapshot};
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drift {
    /// The host's role, whose usual configuration paths are taken (`前置机`, `基础`).
    role: Option<Role>,
    /// More paths (globs; `/opt/exchange/conf/**` takes the folder and all below it).
    #[serde(default)]
    paths: Vec<String>,
    /// Globs of paths or file names to leave out (`*.bak`, `/etc/nginx/html/**`).
    #[serde(default)]
    ignore: Vec<String>,
    /// Where the host's `/` is (a fixture or a mounted image); default `/`.
    #[serde(default = "slash")]
    root: PathBuf,
    /// The largest text kept for diffs (larger files are compared by hash); default 256KiB.
    text_limit: Option<ByteSize>,
    /// A log source (`logs.sources`) with the host's logins and sudo commands, read around
    /// each change: 谁在何时改的.
    who: Option<Who>,
}

/// Where and how far around a change to look for who was on the host.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Who {
    /// The log source id.
    source: String,
    /// How long before the change (default 30m).
    #[serde(default, with = "crate::core::duration::opt")]
    before: Option<Duration>,
    /// How long after (default 5m).
    #[serde(default, with = "crate::core::duration::opt")]
    after: Option<Duration>,
}

fn slash() -> PathBuf {
    PathBuf::from("/")
}

/// Paths named in the evidence; the rest are counted.
const NAMED: usize = 30;

impl Drift {
    fn path_set(&self) -> Result<PathSet, String> {
        PathSet::new(self.role, &self.paths, &self.ignore)
    }
}

impl Probe for Drift {
    const KIND: &'static str = "drift";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("drifted")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("drifted", Some("0"), None)]
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        super::require_absolute_root(&self.root)?;
        self.path_set().map_err(|e| {
            Invalid::new(
                e,
                "e.g. `role: 前置机` or `paths: [/opt/exchange/conf/**, /etc/hosts]`",
            )
        })?;
        if let Some(w) = &self.who
            && settings.logs.source(&w.source).is_none()
        {
            return Err(Invalid::new(
                format!("`who.source: {}` is not a log source", w.source),
                format!("one of: {}", settings.logs.source_ids().join(", ")),
            ));
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let set = self.path_set().map_err(ProbeError::unknown)?;
        let host = cx.shared.host.clone().unwrap_or_default();
        let baseline = match &cx.shared.config_baselines {
            Some(all) => all.get(&(cx.check.to_owned(), host.clone())).cloned(),
            None => {
                return Err(ProbeError::unknown(text!(
                    "无法读取配置基线（历史库不可用），未比较",
                    "the configuration baseline could not be read (the history store is away)",
                )));
            }
        };
        let key = match &cx.shared.hash_key {
            Some(k) if k.is_empty() => {
                return Err(ProbeError::unknown(text!(
                    "跳板机未发来 hash.key，无法按全节点一致的方式遮蔽口令：检查跳板机上 znode.yaml 所在目录是否可写",
                    "the jump host sent no hash.key, so secrets cannot be masked as on the other hosts: check that the folder of znode.yaml on the jump host is writable",
                )));
            }
            Some(k) => k.clone(),
            None => Arc::new(
                crate::drift::key::load_or_create(&cx.settings.base_dir)
                    .map_err(ProbeError::unknown)?,
            ),
        };
        let root = Root::new(self.root.clone());
        let limit = self.text_limit.map_or(256 * 1024, |b| b.0);
        let who = self.who.as_ref().and_then(|w| {
            let source = cx.settings.logs.source(&w.source)?.clone();
            Some((
                source,
                w.before.unwrap_or(Duration::from_secs(1800)).as_secs() as i64,
                w.after.unwrap_or(Duration::from_secs(300)).as_secs() as i64,
            ))
        });
        let base_dir = cx.settings.base_dir.clone();
        let tz = cx.settings.timezone;
        blocking(move || {
            let now = snapshot::take(&root, &set, &key, limit, crate::core::clock::now_ms());
            let mut changes = baseline.as_ref().map(|b| compare::compare(b, &now));
            if let (Some(c), Some((source, before, after))) = (&mut changes, &who) {
                for ch in c.added.iter_mut().chain(c.changed.iter_mut()) {
                    ch.who = crate::drift::who::around(
                        source,
                        &base_dir,
                        tz,
                        ch.mtime - before,
                        ch.mtime + after,
                    );
                }
            }
            Ok(observe(&now, baseline.as_deref(), changes))
        })
        .await
    }
}

fn observe(now: &Snapshot, baseline: Option<&Snapshot>, changes: Option<Changes>) -> Observation {
    let mut obs = Observation::default();
    obs.metrics
        .push(Metric::new("paths", now.entries.len() as f64, ""));
    for p in &now.problems {
        obs.evidence.push(format!("未能读取：{p}"));
    }
    if !now.problems.is_empty() {
        // A path that cannot be read is a path whose change would go unseen.
        obs.fail(
            Status::Warn,
            text!(
                "{n} 个路径未能读取，其变更无法发现（见明细）",
                "{n} path(s) could not be read; their changes cannot be seen (see the evidence)",
                n = now.problems.len(),
            ),
        );
    }
    if now.truncated {
        obs.fail(
            Status::Warn,
            text!(
                "路径超过 {n} 个，其余未记录：请用 ignore 排除或缩小 paths",
                "more than {n} paths; the rest were not recorded: narrow `paths` or add `ignore`",
                n = snapshot::MAX_ENTRIES,
            ),
        );
    }
    let Some(changes) = changes else {
        obs.summary = text!(
            "记录配置 {n} 个路径；尚无已接受的基线",
            "{n} configuration paths recorded; no accepted baseline yet",
            n = now.entries.len(),
        );
        obs.fail(
            Status::Warn,
            text!(
                "尚无配置基线：运行 `znode config snapshot` 建立，或以 `znode config accept --ticket 变更单号` 接受本次快照",
                "no configuration baseline: run `znode config snapshot`, or accept this snapshot with `znode config accept --ticket ID`",
            ),
        );
        obs.detail = Some(serde_json::json!({ "snapshot": now }));
        return obs;
    };
    obs.metrics
        .push(Metric::new("added", changes.added.len() as f64, ""));
    obs.metrics
        .push(Metric::new("removed", changes.removed.len() as f64, ""));
    obs.metrics
        .push(Metric::new("changed", changes.content_changes() as f64, ""));
    obs.metrics.push(Metric::new(
        "meta_changed",
        changes.meta_changes() as f64,
        "",
    ));
    obs.metrics
        .push(Metric::new("drifted", changes.count() as f64, ""));
    let mut lines = Vec::new();
    for a in &changes.added {
        lines.push(format!("+ {}（新增）", a.path));
        lines.extend(a.who.iter().map(|w| format!("    {w}")));
    }
    for r in &changes.removed {
        lines.push(format!("- {}（删除）", r));
    }
    for c in &changes.changed {
        let mut what = c.meta.clone();
        if c.content {
            what.push(match c.lines {
                Some((plus, minus)) => format!("内容变更（+{plus} −{minus} 行）"),
                None => "内容变更".to_owned(),
            });
        }
        lines.push(format!("~ {}：{}", c.path, what.join("；")));
        lines.extend(c.who.iter().map(|w| format!("    {w}")));
    }
    let total = lines.len();
    obs.evidence.extend(lines.into_iter().take(NAMED));
    if total > NAMED {
        obs.evidence.push(format!("… 另 {} 行", total - NAMED));
    }
    obs.summary = if changes.count() == 0 {
        text!(
            "配置 {n} 个路径与基线一致",
            "{n} configuration paths match the baseline",
            n = now.entries.len(),
        )
    } else {
        text!(
            "配置漂移：新增 {a}、删除 {r}、内容变更 {c}、属性变更 {m}（共 {n} 个路径）",
            "configuration drift: {a} added, {r} removed, {c} changed, {m} with new metadata ({n} paths)",
            a = changes.added.len(),
            r = changes.removed.len(),
            c = changes.content_changes(),
            m = changes.meta_changes(),
            n = now.entries.len(),
        )
    };
    obs.detail = Some(serde_json::json!({
        "snapshot": now.without_unchanged_text(baseline),
        "drift": changes,
    }));
    obs
}
