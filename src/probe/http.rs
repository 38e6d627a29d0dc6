//! `http`: status, body and JSON expectations, latency, and TLS certificate days left.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::net::error_chain;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Http {
    /// Full URL, when the check has no URL target.
    url: Option<String>,
    /// Path appended to the target's URL.
    path: Option<String>,
    /// HTTP method (default GET).
    #[serde(default = "get")]
    method: String,
    /// Extra request headers.
    #[serde(default)]
    headers: BTreeMap<String, String>,
    /// Request body.
    body: Option<String>,
    /// `basic` (target username + password) or `bearer` (target token).
    auth: Option<Auth>,
    /// Accepted status codes (default 200-399).
    #[serde(default)]
    status: Vec<u16>,
    /// Text the body must contain.
    #[serde(default)]
    contains: Vec<String>,
    /// Text the body must not contain.
    #[serde(default)]
    not_contains: Vec<String>,
    /// Regex the body must match.
    body_regex: Option<Pattern>,
    /// JSON-pointer comparisons on a JSON body.
    #[serde(default)]
    json: Vec<JsonExpect>,
    /// Follow redirects (default true, up to 10).
    #[serde(default = "yes")]
    follow_redirects: bool,
    /// Accept invalid or self-signed certificates (their expiry is still measured).
    #[serde(default)]
    insecure: bool,
    /// Extra CA certificate (PEM) to trust.
    ca_file: Option<String>,
}

fn get() -> String {
    "GET".into()
}

fn yes() -> bool {
    true
}

/// How the probe authenticates.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Auth {
    Basic,
    Bearer,
}

/// One JSON-pointer expectation: the value at `pointer` equals `equals` (compared as text), or
/// as a number lies within the Nagios `range`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonExpect {
    pointer: String,
    equals: Option<String>,
    range: Option<crate::core::threshold::Range>,
}

/// Which client settings a check needs; clients are shared per key within a run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct ClientKey {
    insecure: bool,
    follow: bool,
    ca_file: Option<String>,
}

impl Http {
    fn url(&self, target: Option<&Target>) -> Option<String> {
        let base = self
            .url
            .clone()
            .or_else(|| target.and_then(|t| t.url().map(str::to_owned)))?;
        Some(match &self.path {
            Some(p) => format!(
                "{}/{}",
                base.trim_end_matches('/'),
                p.trim_start_matches('/')
            ),
            None => base,
        })
    }

    fn client(&self, cx: &ProbeContext<'_>) -> Result<reqwest::Client, ProbeError> {
        client_for(
            cx,
            ClientKey {
                insecure: self.insecure,
                follow: self.follow_redirects,
                ca_file: self.ca_file.clone(),
            },
        )
    }
}

/// The run's HTTP client with these settings, built the first time it is asked for.
pub(super) fn client_for(
    cx: &ProbeContext<'_>,
    key: ClientKey,
) -> Result<reqwest::Client, ProbeError> {
    let mut cache = cx
        .shared
        .http_clients
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(c) = cache.get(&key) {
        return Ok(c.clone());
    }
    let mut b = reqwest::Client::builder()
        .tls_info(true)
        .user_agent(concat!("znode/", env!("CARGO_PKG_VERSION")))
        .redirect(if key.follow {
            reqwest::redirect::Policy::limited(10)
        } else {
            reqwest::redirect::Policy::none()
        })
        .tls_danger_accept_invalid_certs(key.insecure);
    if let Some(ca) = &key.ca_file {
        let pem = std::fs::read(ca)
            .map_err(|e| ProbeError::unknown(format!("cannot read ca_file {ca}: {e}")))?;
        let cert = reqwest::Certificate::from_pem(&pem)
            .map_err(|e| ProbeError::unknown(format!("ca_file {ca}: {e}")))?;
        b = b.add_root_certificate(cert);
    }
    let client = b
        .build()
        .map_err(|e| ProbeError::unknown(format!("cannot build HTTP client: {e}")))?;
    cache.insert(key, client.clone());
    Ok(client)
}

impl Probe for Http {
    const KIND: &'static str = "http";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        Some("response_time")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        // R9: simple transactions within 3 s, interfaces under 5 s on average.
        &[
            ("response_time", Some("3"), Some("5")),
            ("cert_days_left", Some("30:"), Some("7:")),
        ]
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        let Some(url) = self.url(target) else {
            return Err(Invalid::new(
                "the http probe has no URL",
                "set `target:` to a target with `url:`, or `url:` on the probe",
            ));
        };
        if let Err(e) = reqwest::Url::parse(&url) {
            return Err(Invalid::new(
                format!("invalid URL `{url}`: {e}"),
                "write a full URL such as http://127.0.0.1:8080/health",
            ));
        }
        if reqwest::Method::from_bytes(self.method.as_bytes()).is_err() {
            return Err(Invalid::new(
                format!("invalid HTTP method `{}`", self.method),
                "use GET, HEAD, POST...",
            ));
        }
        match (self.auth, target) {
            (Some(Auth::Basic), t) if t.and_then(|t| t.password.as_ref()).is_none() => {
                Err(Invalid::new(
                    "basic auth needs a target with `username` and `password_env`/`password_file`",
                    "add them to the target in znode.yaml",
                ))
            }
            (Some(Auth::Bearer), t) if t.and_then(|t| t.token.as_ref()).is_none() => {
                Err(Invalid::new(
                    "bearer auth needs a target with `token_env` or `token_file`",
                    "add one to the target in znode.yaml",
                ))
            }
            _ => Ok(()),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let url = self
            .url(cx.target)
            .ok_or_else(|| ProbeError::unknown("no URL"))?;
        let client = self.client(cx)?;
        let method = reqwest::Method::from_bytes(self.method.as_bytes())
            .map_err(|e| ProbeError::unknown(e.to_string()))?;
        let mut req = client.request(method, &url).timeout(cx.timeout);
        for (k, v) in &self.headers {
            req = req.header(k, v);
        }
        if let Some(b) = &self.body {
            req = req.body(b.clone());
        }
        let secrets: Vec<&crate::core::secret::Secret> = cx
            .target
            .map(|t| t.password.iter().chain(t.token.iter()).collect())
            .unwrap_or_default();
        match (self.auth, cx.target) {
            (Some(Auth::Basic), Some(t)) => {
                req = req.basic_auth(
                    t.username.clone().unwrap_or_default(),
                    t.password.as_ref().map(|p| p.expose().to_owned()),
                )
            }
            (Some(Auth::Bearer), Some(t)) => {
                req = req.bearer_auth(t.token.as_ref().map(|p| p.expose()).unwrap_or_default())
            }
            _ => {}
        }
        let redact = |s: String| secrets.iter().fold(s, |acc, sec| sec.redact(&acc));
        let start = Instant::now();
        let resp = req.send().await.map_err(|e| {
            let why = error_chain(&e).map(|w| redact(w.to_owned()));
            ProbeError::down(text!("{url}：{why}", "{url}: {why}", url = url, why = why))
        })?;
        let ttfb = start.elapsed().as_secs_f64();
        let status = resp.status();
        let final_url = resp.url().to_string();
        let cert_days = resp
            .extensions()
            .get::<reqwest::tls::TlsInfo>()
            .and_then(|i| i.peer_certificate())
            .and_then(cert_days_left);
        let body = resp.bytes().await.map_err(|e| {
            ProbeError::down(text!(
                "{url}：读取响应内容失败：{why}",
                "{url}: reading the body: {why}",
                url = url,
                why = error_chain(&e),
            ))
        })?;
        let total = start.elapsed().as_secs_f64();
        let (code, ms, size) = (status.as_u16(), total * 1000.0, body.len());
        let mut obs = Observation::new(text!(
            "HTTP {code}，用时 {ms:.0} ms，{size} 字节",
            "HTTP {code} in {ms:.0} ms, {size} bytes",
            code = code,
            ms = ms,
            size = size,
        ))
        .metric(Metric::new("response_time", total, "s"))
        .metric(Metric::new("ttfb", ttfb, "s"))
        .metric(Metric::new("size", body.len() as f64, "B"))
        .metric(Metric::new("status_code", f64::from(status.as_u16()), ""));
        if final_url != url {
            obs.evidence.push(format!("重定向到 {final_url}"));
        }
        if let Some(d) = cert_days {
            obs.metrics.push(Metric::new("cert_days_left", d, ""));
            obs.evidence
                .push(format!("certificate expires in {d:.1} days"));
        }
        let ok_status = if self.status.is_empty() {
            status.is_success() || status.is_redirection()
        } else {
            self.status.contains(&status.as_u16())
        };
        if !ok_status {
            let want = if self.status.is_empty() {
                "200-399".to_owned()
            } else {
                format!("{:?}", self.status)
            };
            obs.fail(
                Status::Crit,
                text!(
                    "{url} 返回 HTTP {code}，应为 {want}",
                    "HTTP {code} from {url}, expected {want}",
                    url = url,
                    code = code,
                    want = want,
                ),
            );
        }
        let text = String::from_utf8_lossy(&body);
        for c in &self.contains {
            if !text.contains(c.as_str()) {
                obs.fail(
                    Status::Crit,
                    text!("页面内容缺少“{c}”", "body does not contain `{c}`", c = c),
                );
            }
        }
        for c in &self.not_contains {
            if text.contains(c.as_str()) {
                obs.fail(
                    Status::Crit,
                    text!("页面内容含有“{c}”", "body contains `{c}`", c = c),
                );
            }
        }
        if let Some(re) = &self.body_regex
            && !re.0.is_match(&text)
        {
            obs.evidence
                .push(format!("body does not match /{}/", re.as_str()));
            obs.fail(
                Status::Crit,
                text!("页面内容与预期不符", "body is not what was expected"),
            );
        }
        if !self.json.is_empty() {
            match serde_json::from_slice::<serde_json::Value>(&body) {
                Ok(doc) => self.judge_json(&doc, &mut obs),
                Err(e) => obs.fail(
                    Status::Crit,
                    text!("响应不是 JSON：{e}", "body is not JSON: {e}", e = e),
                ),
            }
        }
        Ok(obs)
    }
}

impl Http {
    fn judge_json(&self, doc: &serde_json::Value, obs: &mut Observation) {
        for j in &self.json {
            let Some(v) = doc.pointer(&j.pointer) else {
                obs.fail(
                    Status::Crit,
                    text!("响应中没有 {p}", "JSON has nothing at {p}", p = j.pointer),
                );
                continue;
            };
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if let Some(eq) = &j.equals
                && &text != eq
            {
                obs.fail(
                    Status::Crit,
                    text!(
                        "{p} 为“{v}”，应为“{eq}”",
                        "JSON {p} is `{v}`, expected `{eq}`",
                        p = j.pointer,
                        v = text,
                        eq = eq,
                    ),
                );
            }
            if let Some(r) = &j.range {
                match text.parse::<f64>() {
                    Ok(n) if r.alerts(n) => obs.fail(
                        Status::Crit,
                        text!(
                            "{p} = {n} {breach}",
                            "JSON {p} = {n} is {breach}",
                            p = j.pointer,
                            n = n,
                            breach = r.describe_breach(n),
                        ),
                    ),
                    Ok(_) => {}
                    Err(_) => obs.fail(
                        Status::Crit,
                        text!(
                            "{p} 为“{v}”，不是数值",
                            "JSON {p} is `{v}`, not a number",
                            p = j.pointer,
                            v = text,
                        ),
                    ),
                }
            }
        }
    }
}

/// Days until the certificate's notAfter, negative when expired.
fn cert_days_left(der: &[u8]) -> Option<f64> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let not_after = cert.validity().not_after.timestamp();
    Some((not_after - chrono::Utc::now().timestamp()) as f64 / 86400.0)
}
