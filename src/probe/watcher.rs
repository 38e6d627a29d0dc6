//! `watch`: the watcher (`znode watch`) is alive. Run on a second machine, so that a dead
//! watcher is noticed by something other than itself: it reads the heartbeat from the status
//! page (`url`, or a target's URL: `http://HOST:8080/api/v1/watch`) or from the heartbeat file
//! (`path`, on a shared disk).

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Watcher {
    /// The status page's heartbeat URL; else the target's URL.
    url: Option<String>,
    /// The heartbeat file.
    path: Option<PathBuf>,
    /// Older than this is a watcher that stopped (CRIT); half of it is late (WARN).
    #[serde(default = "max_age", with = "crate::core::duration::required")]
    max_age: Duration,
}

fn max_age() -> Duration {
    Duration::from_secs(60)
}

/// What both the file and the page say.
#[derive(Deserialize)]
struct Beat {
    beat_at: i64,
    #[serde(default)]
    stopped: bool,
    #[serde(default)]
    profile: String,
    #[serde(default)]
    units: i64,
    #[serde(default)]
    machine: String,
}

impl Watcher {
    fn url(&self, target: Option<&Target>) -> Option<String> {
        let base = self
            .url
            .clone()
            .or_else(|| target.and_then(|t| t.url().map(str::to_owned)))?;
        // A bare status page address means its heartbeat.
        Ok::<_, ()>(if base.contains("/api/") {
            base
        } else {
            format!("{}/api/v1/watch", base.trim_end_matches('/'))
        })
        .ok()
    }

    async fn read(&self, cx: &ProbeContext<'_>) -> Result<(Beat, String), ProbeError> {
        if let Some(path) = &self.path {
            let text = tokio::fs::read_to_string(path).await.map_err(|e| {
                ProbeError::down(text!(
                    "读不到心跳文件 {path}：{e}",
                    "cannot read the heartbeat file {path}: {e}",
                    path = path.display(),
                    e = crate::core::net::io_error(&e),
                ))
            })?;
            let beat = serde_json::from_str(&text).map_err(|e| {
                ProbeError::unknown(format!("{}: not a heartbeat file: {e}", path.display()))
            })?;
            return Ok((beat, path.display().to_string()));
        }
        let url = self.url(cx.target).ok_or_else(|| {
            ProbeError::unknown("the watch probe needs `url`, `path` or a target")
        })?;
        let client = super::http::client_for(cx, Default::default())?;
        let resp = client.get(&url).send().await.map_err(|e| {
            ProbeError::down(text!(
                "无法访问状态页 {url}：{e}",
                "cannot reach the status page {url}: {e}",
                url = url,
                e = crate::core::net::error_chain(&e),
            ))
        })?;
        if resp.status() == reqwest::StatusCode::NOT_FOUND {
            return Err(ProbeError::down(text!(
                "{url}：该历史库中从未运行过值守程序",
                "{url}: no watcher has ever run with that store",
                url = url,
            )));
        }
        if !resp.status().is_success() {
            return Err(ProbeError::down(text!(
                "{url} 返回 {code}",
                "{url} answered {code}",
                url = url,
                code = resp.status(),
            )));
        }
        let beat = resp
            .json::<Beat>()
            .await
            .map_err(|e| ProbeError::unknown(format!("{url}: not a heartbeat: {e}")))?;
        Ok((beat, url))
    }
}

impl Probe for Watcher {
    const KIND: &'static str = "watch";
    const PLACE: super::Place = super::Place::Network;

    fn primary(&self) -> Option<&'static str> {
        Some("age")
    }

    fn validate(
        &self,
        target: Option<&Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        match (&self.path, self.url(target)) {
            (Some(_), Some(_)) => Err(Invalid::new(
                "the watch probe reads `path` or a URL, not both",
                "keep `path:` for a heartbeat file on a shared disk, or the status page's URL",
            )),
            (None, None) => Err(Invalid::new(
                "the watch probe has nothing to read",
                "give the status page (`url: http://HOST:8080`) or the heartbeat file (`path:`)",
            )),
            (None, Some(u)) if reqwest::Url::parse(&u).is_err() => Err(Invalid::new(
                format!("invalid URL `{u}`"),
                "write e.g. http://10.0.0.5:8080",
            )),
            _ if self.max_age < Duration::from_secs(1) => Err(Invalid::new(
                "`max_age` is under a second",
                "the watcher beats every 10 s: write e.g. `max_age: 1m`",
            )),
            _ => Ok(()),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let (beat, from) = self.read(cx).await?;
        let age_ms = (crate::core::clock::now_ms() - beat.beat_at).max(0);
        let age = Duration::from_millis(age_ms as u64);
        let shown = crate::core::text::duration(Duration::from_secs(age.as_secs()));
        let mut obs = Observation::new(text!(
            "值守程序运行中（{machine}，{profile}，{units} 项），心跳在 {shown}前",
            "the watcher is running ({machine}, {profile}, {units} checks); last heartbeat {shown} ago",
            machine = beat.machine,
            profile = beat.profile,
            units = beat.units,
            shown = shown,
        ))
        .metric(Metric::new("age", age.as_secs_f64(), "s"));
        obs.evidence.push(format!("心跳来源：{from}"));
        if beat.stopped {
            obs.fail(
                Status::Crit,
                text!(
                    "值守程序已停止（{shown}前）",
                    "the watcher was stopped {shown} ago",
                    shown = shown,
                ),
            );
        } else if age > self.max_age {
            obs.fail(
                Status::Crit,
                text!(
                    "值守程序无心跳已 {shown}：可能已退出或卡死",
                    "no heartbeat from the watcher for {shown}: it died or hangs",
                    shown = shown,
                ),
            );
        } else if age > self.max_age / 2 {
            obs.fail(
                Status::Warn,
                text!(
                    "值守程序心跳延迟：{shown}",
                    "the watcher's heartbeat is late: {shown}",
                    shown = shown,
                ),
            );
        }
        Ok(obs)
    }
}
