//! `backup`: climbs the verification ladder of a backup policy (exists, fresh, complete, size,
//! checksum, structure) and reports the rung reached, with what each rung saw.

use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking};
use crate::backup::ladder::{self, RUNGS};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// The policy id from `backups:`.
    policy: String,
    /// Verify the checksum and structure of every kept backup, not only the newest.
    #[serde(default)]
    all: bool,
}

impl Probe for Backup {
    const KIND: &'static str = "backup";

    fn primary(&self) -> Option<&'static str> {
        Some("rung")
    }

    fn validate(
        &self,
        _target: Option<&crate::settings::Target>,
        settings: &crate::settings::Settings,
    ) -> Result<(), (String, String)> {
        if settings.backups.policy(&self.policy).is_some() {
            return Ok(());
        }
        let known = settings.backups.ids();
        Err((
            format!("unknown backup policy `{}`", self.policy),
            match crate::catalog::yaml::did_you_mean(&self.policy, known.iter().copied()) {
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
        let options = ladder::Options {
            now: crate::store::now_ms(),
            tz,
            all: self.all,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            // The external lister gets most of the check's time.
            tool_timeout: cx.timeout.mul_f32(0.9).max(Duration::from_secs(1)),
        };
        blocking(move || {
            let backups = policy.discover(&base, tz).map_err(ProbeError::unknown)?;
            let climb = ladder::climb(&policy, &backups, &options);
            let mut obs = Observation::default();
            for s in &climb.steps {
                let name = RUNGS[usize::from(s.rung) - 1];
                let mark = if s.failure.is_some() { "✗" } else { "✓" };
                obs.evidence
                    .push(format!("{mark} {} {name}：{}", s.rung, s.detail));
                if let Some((st, why)) = &s.failure {
                    obs.fail(*st, format!("{name}：{why}"));
                }
            }
            obs.evidence
                .extend(climb.files.iter().map(|f| format!("  {f}")));
            obs.metrics = climb.metrics;
            obs.summary = match climb.reached {
                0 => format!("{}：未找到备份", policy.title()),
                n => format!(
                    "{}：验证到第 {n} 级（{}），{}",
                    policy.title(),
                    RUNGS[usize::from(n) - 1],
                    climb
                        .steps
                        .first()
                        .map(|s| s.detail.as_str())
                        .unwrap_or_default()
                ),
            };
            Ok(obs)
        })
        .await
    }
}
