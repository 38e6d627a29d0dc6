//! `redundancy`: a service has at least N healthy instances (脆弱性检查(1)): each instance is a
//! target of the configuration, probed at once by TCP connect or HTTP GET. Fewer than `min`
//! healthy is CRIT; healthy but short of all instances is WARN (the service runs without spare).

use crate::text;
use std::time::Duration;

use serde::Deserialize;
use tokio::task::JoinSet;

use super::{Observation, Probe, ProbeContext, ProbeError, Text};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;
use crate::settings::Settings;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redundancy {
    /// The service, for messages (`应用服务器`).
    service: String,
    /// Target names of its instances.
    instances: Vec<String>,
    /// Healthy instances required (default: all of them).
    min: Option<usize>,
    /// How an instance is judged: `tcp` (connects; default) or `http` (2xx/3xx on `path`).
    #[serde(default)]
    via: Via,
    /// Path for `via: http`.
    path: Option<String>,
}

#[derive(Debug, Default, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Via {
    #[default]
    Tcp,
    Http,
}

impl Probe for Redundancy {
    const KIND: &'static str = "redundancy";
    const PLACE: super::Place = super::Place::Network;

    fn primary(&self) -> Option<&'static str> {
        Some("healthy")
    }

    fn validate(&self, _target: Option<&Target>, settings: &Settings) -> Result<(), Invalid> {
        if self.instances.is_empty() {
            return Err(Invalid::new(
                "`instances` is empty",
                "list the target names of the service's instances",
            ));
        }
        for name in &self.instances {
            let Some(t) = settings.targets.get(name) else {
                if settings.broken_targets.contains(name) {
                    continue;
                }
                return Err(Invalid::new(
                    format!("unknown target `{name}` in `instances`"),
                    "declare each instance under `targets:` in znode.yaml",
                ));
            };
            let usable = match self.via {
                Via::Tcp => t.address().is_some(),
                Via::Http => t.url().is_some(),
            };
            if !usable {
                return Err(Invalid::new(
                    format!(
                        "instance `{name}` has no {}",
                        if self.via == Via::Tcp {
                            "address"
                        } else {
                            "url"
                        }
                    ),
                    "give it `address:` for tcp or `url:` for http",
                ));
            }
        }
        if self.min.is_some_and(|m| m == 0 || m > self.instances.len()) {
            return Err(Invalid::new(
                format!("`min` must be between 1 and {}", self.instances.len()),
                "the number of instances that must be healthy",
            ));
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        // Each instance gets most of the time, so that one hung instance is reported as down
        // before the runner's timeout ends the whole check.
        let each = cx.timeout.mul_f64(0.8);
        let mut set = JoinSet::new();
        for name in &self.instances {
            let t = cx
                .targets
                .get(name)
                .ok_or_else(|| ProbeError::unknown(format!("unknown target `{name}`")))?;
            let (name, via) = (name.clone(), self.via);
            let endpoint = match via {
                Via::Tcp => t.address().unwrap_or_default(),
                Via::Http => {
                    let base = t.url().unwrap_or_default();
                    match &self.path {
                        Some(p) => format!(
                            "{}/{}",
                            base.trim_end_matches('/'),
                            p.trim_start_matches('/')
                        ),
                        None => base.to_owned(),
                    }
                }
            };
            set.spawn(async move { (name, instance_health(via, &endpoint, each).await) });
        }
        let mut results = Vec::new();
        while let Some(r) = set.join_next().await {
            results.push(r.map_err(|e| ProbeError::unknown(format!("instance task: {e}")))?);
        }
        results.sort_by(|a, b| a.0.cmp(&b.0));
        let total = results.len();
        let healthy = results.iter().filter(|(_, r)| r.is_ok()).count();
        let need = self.min.unwrap_or(total);
        let down: Vec<Text> = results
            .iter()
            .filter_map(|(n, r)| {
                r.as_ref()
                    .err()
                    .map(|e| text!("{n}: {e}", "{n}: {e}", n = n, e = *e))
            })
            .collect();
        let down = Text::join(&down, "；", "; ");
        let mut obs = Observation::new(text!(
            "{service} 共 {total} 个实例，{healthy} 个正常（至少需要 {need} 个）",
            "{healthy} of {total} {service} instances healthy (at least {need} required)",
            service = self.service,
            total = total,
            healthy = healthy,
            need = need,
        ))
        .metric(Metric::new("healthy", healthy as f64, ""))
        .metric(Metric::new("instances", total as f64, ""));
        obs.evidence.extend(results.iter().map(|(n, r)| match r {
            Ok(()) => format!("{n}: healthy"),
            Err(e) => format!("{n}: {}", e.zh),
        }));
        if healthy < need {
            obs.fail(
                Status::Crit,
                text!(
                    "{service} 只有 {healthy}/{total} 个实例正常，至少需要 {need} 个（{down}）",
                    "only {healthy} of {total} {service} instances healthy, {need} required ({down})",
                    service = self.service,
                    healthy = healthy,
                    total = total,
                    need = need,
                    down = down,
                ),
            );
        } else if healthy < total {
            obs.fail(
                Status::Warn,
                text!(
                    "{service} 已无冗余：{down}",
                    "{service} runs without a spare: {down}",
                    service = self.service,
                    down = down,
                ),
            );
        }
        Ok(obs)
    }
}

async fn instance_health(via: Via, endpoint: &str, timeout: Duration) -> Result<(), Text> {
    let at = |why: Text| text!("{e} {why}", "{e}: {why}", e = endpoint, why = why);
    match via {
        Via::Tcp => {
            match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(endpoint)).await {
                Ok(Ok(_)) => Ok(()),
                Ok(Err(e)) => Err(at(crate::core::net::io_error(&e))),
                Err(_) => Err(at(text!("超时", "timed out"))),
            }
        }
        Via::Http => match reqwest::Client::new()
            .get(endpoint)
            .timeout(timeout)
            .send()
            .await
        {
            Ok(r) if r.status().is_success() || r.status().is_redirection() => Ok(()),
            Ok(r) => Err(at(text!(
                "返回 HTTP {c}",
                "HTTP {c}",
                c = r.status().as_u16()
            ))),
            Err(e) => Err(at(crate::core::net::error_chain(&e))),
        },
    }
}
