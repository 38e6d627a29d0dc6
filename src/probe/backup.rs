//! `backup`: climbs the verification ladder of a backup policy (exists, fresh, complete, size,
//! checksum, structure) and reports the rung reached, with what each rung saw.

use crate::text;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, Text, blocking};
use crate::backup::ladder::{self, RUNGS, RUNGS_EN};
use crate::backup::restore;
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// The policy id from `backups:`.
    policy: String,
    /// Verify the checksum and structure of every kept backup, not only the newest.
    #[serde(default)]
    all: bool,
    /// Run the restore test now, whatever its schedule (`restore.every`).
    #[serde(default)]
    deep: bool,
}

impl Backup {
    /// Verification of `policy`: the newest backup, or every kept one with `all`; `deep` runs
    /// the restore test now.
    pub fn new(policy: &str, all: bool, deep: bool) -> Backup {
        Backup {
            policy: policy.to_owned(),
            all,
            deep,
        }
    }
}

impl Probe for Backup {
    const KIND: &'static str = "backup";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("rung")
    }

    fn written(&self) -> Option<serde_json::Value> {
        Some(serde_json::json!({ "policy": self.policy, "all": self.all, "deep": self.deep }))
    }

    /// The last restore's time and row counts are carried in the previous outcome.
    fn uses_history(&self) -> bool {
        true
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        if let Some(p) = settings.backups.policy(&self.policy) {
            return match p
                .restore
                .as_ref()
                .map(|r| (r, settings.targets.get(&r.target)))
            {
                Some((r, None)) if !settings.broken_targets.contains(&r.target) => {
                    Err(Invalid::new(
                        format!(
                            "backup `{}` restores on unknown target `{}`",
                            p.id, r.target
                        ),
                        "declare it under `targets:` with a `dsn`",
                    ))
                }
                Some((r, Some(t))) if t.dsn().is_none() => Err(Invalid::new(
                    format!("restore target `{}` has no `dsn`", r.target),
                    "e.g. `dsn: postgres://znode@db:5432/shared`",
                )),
                _ => Ok(()),
            };
        }
        let known = settings.backups.ids();
        Err(Invalid::new(
            format!("unknown backup policy `{}`", self.policy),
            match crate::core::yaml::did_you_mean(&self.policy, known.iter().copied()) {
                Some(m) => format!("did you mean `{m}`?"),
                None if known.is_empty() => "declare it under `backups:` in znode.yaml".into(),
                None => format!("one of: {}", known.join(", ")),
            },
        ))
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let settings = cx.settings;
        let policy = settings
            .backups
            .policy(&self.policy)
            .cloned()
            .ok_or_else(|| {
                ProbeError::unknown(format!("unknown backup policy `{}`", self.policy))
            })?;
        let base = settings.base_dir.clone();
        let tz = settings.timezone;
        // When this policy was first verified, carried in the outcomes from run to run.
        let now = crate::core::clock::now_ms();
        let first_seen = cx
            .previous
            .and_then(|p| p.iter().find(|m| m.name == "first_seen"))
            .map_or(now, |m| (m.value as i64 * 1000).min(now));
        let options = ladder::Options {
            now: crate::core::clock::now_ms(),
            tz,
            all: self.all,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            // The external lister gets most of the check's time.
            tool_timeout: cx.timeout.mul_f32(0.9).max(Duration::from_secs(1)),
            first_seen: Some(first_seen),
        };
        let (policy, backups, mut climb) = blocking(move || {
            let backups = policy.discover(&base, tz).map_err(ProbeError::unknown)?;
            let climb = ladder::climb(&policy, &backups, &options);
            Ok((policy, backups, climb))
        })
        .await?;
        let mut notes = Vec::new();
        if let Some(plan) = &policy.restore {
            self.restore_rung(cx, plan, &policy, &backups, &mut climb, &mut notes)
                .await;
        } else if let Some(why) = &policy.restore_elsewhere {
            notes.push(why.clone());
        }
        let mut obs = Observation::default();
        for s in &climb.steps {
            let name = RUNGS[usize::from(s.rung) - 1];
            let mark = if s.failure.is_some() { "✗" } else { "✓" };
            obs.evidence
                .push(format!("{mark} {} {name}：{}", s.rung, s.detail.zh));
            if let Some((st, why)) = &s.failure {
                obs.fail(
                    *st,
                    text!(
                        "{name}：{why}",
                        "{rung}: {why}",
                        name = name,
                        rung = RUNGS_EN[usize::from(s.rung) - 1],
                        why = *why,
                    ),
                );
            }
        }
        obs.evidence
            .extend(climb.files.iter().map(|f| format!("  {f}")));
        obs.evidence.extend(notes);
        obs.metrics = climb.metrics;
        obs.metrics
            .push(Metric::new("first_seen", (first_seen / 1000) as f64, ""));
        let first = climb
            .steps
            .first()
            .map(|s| s.detail.clone())
            .unwrap_or_default();
        obs.summary = match climb.reached {
            0 => text!(
                "{title}：未找到备份",
                "{title}: no backup found",
                title = policy.title(),
            ),
            n => text!(
                "{title}：验证到第 {n} 级（{rung}），{first}",
                "{title}: verified to rung {n} ({rung_en}), {first}",
                title = policy.title(),
                n = n,
                rung = RUNGS[usize::from(n) - 1],
                rung_en = RUNGS_EN[usize::from(n) - 1],
                first = first,
            ),
        };
        Ok(obs)
    }
}

impl Backup {
    /// Rung 7: restores when asked (`deep`) or when the last restore test is older than the
    /// plan's `every`; otherwise carries the last test's figures forward.
    async fn restore_rung(
        &self,
        cx: &ProbeContext<'_>,
        plan: &crate::backup::restore::RestorePlan,
        policy: &crate::backup::Policy,
        backups: &[crate::backup::Backup],
        climb: &mut ladder::Climb,
        notes: &mut Vec<String>,
    ) {
        let now = crate::core::clock::now_ms() / 1000;
        let last = cx
            .previous
            .and_then(|p| p.iter().find(|m| m.name == "restored_at"))
            .map(|m| m.value as i64);
        let due = self.deep
            || plan
                .every
                .is_some_and(|e| last.is_none_or(|t| now - t >= e.as_secs() as i64));
        // The last test's figures, kept until the next test replaces them.
        let carried: Vec<Metric> = cx
            .previous
            .into_iter()
            .flatten()
            .filter(|m| {
                matches!(
                    m.name.as_str(),
                    "restored_at" | "restore_time" | "rows" | "restore_failed"
                )
            })
            .cloned()
            .collect();
        if !due {
            // A failed test stays failed until the next test replaces it.
            let failed = carried
                .iter()
                .find(|m| m.name == "restore_failed" && m.label.is_none())
                .map(|m| m.value as u8)
                .filter(|v| *v > 0);
            // Scratch databases that died with an earlier run go now, not at the next test.
            if let Some(target) = cx.settings.targets.get(&plan.target) {
                match restore::sweep(target, policy.kind).await {
                    Ok(d) if !d.is_empty() => {
                        notes.push(format!("已清理遗留的恢复测试库：{}", d.join("、")))
                    }
                    Ok(_) => {}
                    Err(e) => notes.push(format!("未能清理遗留的恢复测试库：{e}")),
                }
            }
            if let Some(t) = last {
                let when = chrono::DateTime::from_timestamp(t, 0)
                    .map(|d| {
                        d.with_timezone(&cx.settings.timezone)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default();
                if let Some(code) = failed {
                    let status = match code {
                        1 => Status::Warn,
                        3 => Status::Unknown,
                        _ => Status::Crit,
                    };
                    climb.add_restore(
                        Some((
                            status,
                            text!(
                                "上次恢复测试（{when}）失败",
                                "the last restore test ({when}) failed; `backup verify --deep` tests again now",
                                when = when,
                            ),
                        )),
                        Text::default(),
                        carried,
                    );
                } else {
                    // The last test's figures stay visible until the next one.
                    climb.metrics.extend(carried);
                }
                notes.push(format!("上次恢复测试：{when}"));
            }
            return;
        }
        let Some(newest) = backups.last() else { return };
        if let Some(r) = climb.unusable() {
            notes.push(format!("恢复测试未执行：第 {r} 级已失败，备份不可用"));
            climb.metrics.extend(carried);
            return;
        }
        let Some(target) = cx.settings.targets.get(&plan.target) else {
            climb.add_restore(
                Some((
                    Status::Unknown,
                    text!(
                        "恢复目标 {t} 未配置",
                        "unknown restore target `{t}`",
                        t = plan.target,
                    ),
                )),
                Text::default(),
                Vec::new(),
            );
            return;
        };
        let budget = cx.timeout.mul_f32(0.9);
        let out = restore::run(plan, target, policy.kind, newest, cx.previous, budget).await;
        let mut metrics = out.metrics;
        metrics.push(Metric::new("restored_at", now as f64, ""));
        let worst = Status::worst(out.failures.iter().map(|f| f.0));
        // Kept in the outcome, so that verifications before the next test still say it failed.
        metrics.push(Metric::new(
            "restore_failed",
            f64::from(worst.exit_code()),
            "",
        ));
        let failure = Status::worst(out.failures.iter().map(|f| f.0))
            .ne(&Status::Ok)
            .then(|| {
                let why: Vec<&str> = out.failures.iter().map(|f| f.1.as_str()).collect();
                (
                    Status::worst(out.failures.iter().map(|f| f.0)),
                    Text::raw(why.join("; ")),
                )
            });
        climb.add_restore(failure, Text::raw(out.evidence.join("；")), metrics);
    }
}
