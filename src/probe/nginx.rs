//! `nginx`: the stub_status page (active connections, reading/writing/waiting, accepts against
//! handled: connections nginx accepted and then dropped, usually at worker_connections) and,
//! when nginx runs here, `nginx -t` on its configuration.

use crate::text;
use std::time::Instant;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nginx {
    /// Path of the stub_status location on the target URL (default `/nginx_status`).
    status_path: Option<String>,
    /// Also run `nginx -t` (nginx must be installed on this host).
    #[serde(default)]
    config_test: bool,
    /// Configuration file for the test (`nginx -t -c FILE`); nginx's default when unset.
    conf: Option<String>,
    /// The nginx program (default `nginx`).
    binary: Option<String>,
}

/// The numbers of a stub_status page.
#[derive(Debug, PartialEq)]
struct StubStatus {
    active: f64,
    accepts: f64,
    handled: f64,
    requests: f64,
    reading: f64,
    writing: f64,
    waiting: f64,
}

fn parse(text: &str) -> Option<StubStatus> {
    let nums: Vec<f64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    if !text.contains("Active connections") || nums.len() < 7 {
        return None;
    }
    Some(StubStatus {
        active: nums[0],
        accepts: nums[1],
        handled: nums[2],
        requests: nums[3],
        reading: nums[4],
        writing: nums[5],
        waiting: nums[6],
    })
}

impl Probe for Nginx {
    const KIND: &'static str = "nginx";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn uses_history(&self) -> bool {
        true
    }

    fn primary(&self) -> Option<&'static str> {
        Some("active")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        // Any connection dropped since the last run means worker_connections (or the file
        // descriptor limit) was reached.
        &[
            ("dropped_delta", Some("0"), None),
            ("response_time", Some("1"), Some("5")),
        ]
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        super::require(
            Self::KIND,
            target,
            super::Needs::Url,
            "nginx: { url: http://127.0.0.1/ } with stub_status at /nginx_status",
        )
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let base = cx.require_target(Self::KIND)?.url().unwrap_or_default();
        let path = self.status_path.as_deref().unwrap_or("/nginx_status");
        let url = format!(
            "{}/{}",
            base.trim_end_matches('/'),
            path.trim_start_matches('/')
        );
        let start = Instant::now();
        let resp = reqwest::Client::new()
            .get(&url)
            .timeout(cx.timeout)
            .send()
            .await
            .map_err(|e| super::http_down(&url, &e))?;
        let code = resp.status();
        let body = resp.text().await.map_err(|e| super::http_down(&url, &e))?;
        let elapsed = start.elapsed().as_secs_f64();
        if !code.is_success() {
            return Err(ProbeError::down(text!(
                "{url} 返回 HTTP {code}（{path} 是否已启用 stub_status？）",
                "{url}: HTTP {code} (is `stub_status` enabled at {path}?)",
                url = url,
                code = code.as_u16(),
                path = path,
            )));
        }
        let s = parse(&body).ok_or_else(|| {
            ProbeError::unknown(text!(
                "{url} 不是 stub_status 状态页",
                "{url} is not a stub_status page",
                url = url,
            ))
        })?;
        let dropped = s.accepts - s.handled;
        let mut obs = Observation::new(text!(
            "活动连接 {active}（读 {reading}，写 {writing}，等待 {waiting}），启动以来请求 {requests} 次",
            "{active} active (reading {reading}, writing {writing}, waiting {waiting}), {requests} requests since start",
            active = s.active,
            reading = s.reading,
            writing = s.writing,
            waiting = s.waiting,
            requests = s.requests,
        ));
        for (name, v, unit) in [
            ("active", s.active, ""),
            ("reading", s.reading, ""),
            ("writing", s.writing, ""),
            ("waiting", s.waiting, ""),
            ("accepts", s.accepts, "c"),
            ("handled", s.handled, "c"),
            ("requests", s.requests, "c"),
            ("dropped", dropped, "c"),
            ("response_time", elapsed, "s"),
        ] {
            obs.metrics.push(Metric::new(name, v, unit));
        }
        cx.delta(&mut obs, "dropped", dropped);
        cx.delta(&mut obs, "requests", s.requests);
        if self.config_test {
            let bin = self.binary.as_deref().unwrap_or("nginx");
            let mut cmd = tokio::process::Command::new(bin);
            cmd.arg("-t")
                .kill_on_drop(true)
                .stdin(std::process::Stdio::null());
            if let Some(c) = &self.conf {
                cmd.args(["-c", c]);
            }
            let out = cmd.output().await.map_err(|e| {
                ProbeError::unknown(text!(
                    "无法运行 {bin} -t：{why}",
                    "cannot run `{bin} -t`: {why}",
                    bin = bin,
                    why = crate::core::net::io_error(&e),
                ))
            })?;
            let text = String::from_utf8_lossy(&out.stderr);
            if out.status.success() {
                obs.evidence
                    .push("nginx -t: configuration test is successful".into());
            } else {
                let why = text
                    .lines()
                    .find(|l| l.contains("[emerg]") || l.contains("failed"))
                    .unwrap_or("failed")
                    .trim();
                obs.fail(
                    Status::Crit,
                    text!("nginx 配置检查未通过：{why}", "nginx -t: {why}", why = why),
                );
            }
        }
        Ok(obs)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stub_status_page() {
        let s = super::parse("Active connections: 291 \nserver accepts handled requests\n 16630948 16630940 31070465 \nReading: 6 Writing: 179 Waiting: 106 \n").unwrap();
        assert_eq!(s.active, 291.0);
        assert_eq!(s.accepts - s.handled, 8.0);
        assert_eq!(s.waiting, 106.0);
        assert!(super::parse("<html>hello</html>").is_none());
    }
}
