//! `tomcat`: the manager status page (`/manager/status?XML=true`): per connector, busy threads
//! against maxThreads; the JVM heap against its maximum; requests and errors, with the errors
//! since the last run. TongWeb and BES (宝兰德), which serve the same status format, work
//! through this probe too.

use crate::text;
use std::sync::LazyLock;
use std::time::Instant;

use regex::Regex;
use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, Text};
use crate::core::error::Invalid;
use crate::core::outcome::Metric;
use crate::core::target::Target;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tomcat {
    /// Path of the XML status page (default `/manager/status?XML=true`).
    path: Option<String>,
}

/// `name="value"` or `name='value'`.
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([A-Za-z]+)=(?:"([^"]*)"|'([^']*)')"#).expect("literal regex"));
/// An element and its attributes, e.g. `<threadInfo maxThreads="200" .../>`.
static ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(memory|connector|threadInfo|requestInfo)\s([^>]*)>").expect("literal regex")
});

/// What the status page says.
#[derive(Debug, Default, PartialEq)]
struct Status {
    heap_free: f64,
    heap_total: f64,
    heap_max: f64,
    connectors: Vec<Connector>,
}

#[derive(Debug, Default, PartialEq)]
struct Connector {
    name: String,
    max_threads: f64,
    busy: f64,
    requests: f64,
    errors: f64,
}

fn attrs(text: &str) -> Vec<(String, String)> {
    ATTR.captures_iter(text)
        .map(|c| {
            (
                c[1].to_owned(),
                c.get(2)
                    .or(c.get(3))
                    .map(|m| unescape(m.as_str()))
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// An XML attribute value as text: Tomcat 10 writes a connector `"http-nio-8080"` as
/// `&quot;http-nio-8080&quot;`.
fn unescape(v: &str) -> String {
    if !v.contains('&') {
        return v.to_owned();
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let ch = match entity {
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn parse(xml: &str) -> Option<Status> {
    if !xml.contains("<status") {
        return None;
    }
    let mut s = Status::default();
    for el in ELEMENT.captures_iter(xml) {
        let a = attrs(&el[2]);
        let num = |k: &str| {
            a.iter()
                .find(|(n, _)| n == k)
                .and_then(|(_, v)| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        match &el[1] {
            "memory" => {
                s.heap_free = num("free");
                s.heap_total = num("total");
                s.heap_max = num("max");
            }
            "connector" => {
                let name = a
                    .iter()
                    .find(|(n, _)| n == "name")
                    .map(|(_, v)| v.trim_matches('"').to_owned())
                    .unwrap_or_default();
                s.connectors.push(Connector {
                    name,
                    ..Connector::default()
                });
            }
            "threadInfo" => {
                if let Some(c) = s.connectors.last_mut() {
                    c.max_threads = num("maxThreads");
                    c.busy = num("currentThreadsBusy");
                }
            }
            "requestInfo" => {
                if let Some(c) = s.connectors.last_mut() {
                    c.requests = num("requestCount");
                    c.errors = num("errorCount");
                }
            }
            _ => {}
        }
    }
    Some(s)
}

impl Probe for Tomcat {
    const KIND: &'static str = "tomcat";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn uses_history(&self) -> bool {
        true
    }

    fn primary(&self) -> Option<&'static str> {
        Some("threads_busy_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        // A connector with all threads busy queues requests (acceptCount) and then refuses them;
        // a heap near -Xmx means long GC pauses before OutOfMemoryError (common practice).
        &[
            ("threads_busy_pct", Some("80"), Some("95")),
            ("heap_used_pct", Some("85"), Some("95")),
            ("response_time", Some("1"), Some("5")),
        ]
    }

    fn validate(
        &self,
        target: Option<&Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        super::require(
            Self::KIND,
            target,
            super::Needs::Url,
            "tomcat: { url: http://127.0.0.1:8080/, username: monitor, password_env: TOMCAT_PW }",
        )
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let path = self.path.as_deref().unwrap_or("/manager/status?XML=true");
        let url = format!(
            "{}/{}",
            target.url().unwrap_or_default().trim_end_matches('/'),
            path.trim_start_matches('/')
        );
        let mut req = reqwest::Client::new().get(&url).timeout(cx.timeout);
        if let Some(user) = &target.username {
            req = req.basic_auth(
                user,
                target.password.as_ref().map(|p| p.expose().to_owned()),
            );
        }
        let start = Instant::now();
        let resp = req.send().await.map_err(|e| super::http_down(&url, &e))?;
        let code = resp.status().as_u16();
        if code == 401 || code == 403 {
            return Err(ProbeError::unknown(text!(
                "{url} 返回 HTTP {code}：需要具有 manager-status 角色的用户",
                "{url}: HTTP {code}: the target needs a user with the manager-status role",
                url = url,
                code = code,
            )));
        }
        if !(200..300).contains(&code) {
            return Err(super::http_status(&url, code));
        }
        let body = resp.text().await.map_err(|e| super::http_down(&url, &e))?;
        let elapsed = start.elapsed().as_secs_f64();
        let s = parse(&body).ok_or_else(|| {
            ProbeError::unknown(text!(
                "{url} 不是 Tomcat 管理状态页（XML）",
                "{url} is not a manager status page (XML)",
                url = url,
            ))
        })?;
        let heap_used = s.heap_total - s.heap_free;
        let mut obs = Observation::default().metric(Metric::new("response_time", elapsed, "s"));
        if s.heap_max > 0.0 {
            obs.metrics.push(Metric::new(
                "heap_used_pct",
                100.0 * heap_used / s.heap_max,
                "%",
            ));
            obs.metrics.push(Metric::new("heap_used", heap_used, "B"));
        }
        let (mut requests, mut errors) = (0.0, 0.0);
        for c in &s.connectors {
            if c.max_threads > 0.0 {
                obs.metrics.push(Metric::labelled(
                    "threads_busy_pct",
                    c.name.clone(),
                    100.0 * c.busy / c.max_threads,
                    "%",
                ));
            }
            obs.metrics
                .push(Metric::labelled("threads_busy", c.name.clone(), c.busy, ""));
            requests += c.requests;
            errors += c.errors;
        }
        obs.metrics.push(Metric::new("requests", requests, "c"));
        obs.metrics.push(Metric::new("errors", errors, "c"));
        cx.delta(&mut obs, "requests", requests);
        cx.delta(&mut obs, "errors", errors);
        let busy: Vec<Text> = s
            .connectors
            .iter()
            .map(|c| {
                text!(
                    "{name} 繁忙线程 {busy}/{max}",
                    "{name} {busy}/{max} busy",
                    name = c.name,
                    busy = c.busy,
                    max = c.max_threads,
                )
            })
            .collect();
        obs.summary = text!(
            "连接器 {n} 个：{busy}；堆内存 {heap}/{max}",
            "{n} connector(s): {busy}; heap {heap} of {max}",
            n = s.connectors.len(),
            busy = Text::join(&busy, "，", ", "),
            heap = crate::core::outcome::format_value(heap_used, "B"),
            max = crate::core::outcome::format_value(s.heap_max, "B"),
        );
        Ok(obs)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn status_xml() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?><status><jvm><memory free='22512072' total='58720256' max='1037959168'/><memorypool name='G1 Eden Space' type='Heap memory'/></jvm><connector name='"http-nio-8080"'><threadInfo  maxThreads="200" currentThreadCount="10" currentThreadsBusy="3" /><requestInfo  maxTime="243" processingTime="452" requestCount="12" errorCount="2" bytesReceived="0" bytesSent="23143" /><workers></workers></connector></status>"#;
        let s = super::parse(xml).unwrap();
        assert_eq!(s.heap_max, 1037959168.0);
        assert_eq!(s.connectors.len(), 1);
        assert_eq!(s.connectors[0].name, "http-nio-8080");
        let tomcat10 = xml.replace(
            "name='\"http-nio-8080\"'",
            "name=\"&quot;http-nio-8080&quot;\"",
        );
        assert_eq!(
            super::parse(&tomcat10).unwrap().connectors[0].name,
            "http-nio-8080"
        );
        assert_eq!(
            super::unescape("a &lt;b&gt; &#39;c&#x27; &amp;amp; &bogus; &"),
            "a <b> 'c' &amp; &bogus; &"
        );
        assert_eq!(
            (
                s.connectors[0].busy,
                s.connectors[0].max_threads,
                s.connectors[0].errors
            ),
            (3.0, 200.0, 2.0)
        );
        assert!(super::parse("<html>login</html>").is_none());
    }
}
