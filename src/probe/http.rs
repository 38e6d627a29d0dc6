//! `http`: status, body and JSON expectations, latency, and TLS certificate days left.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::net::error_chain;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;

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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
        let key = ClientKey {
            insecure: self.insecure,
            follow: self.follow_redirects,
            ca_file: self.ca_file.clone(),
        };
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
            .redirect(if self.follow_redirects {
                reqwest::redirect::Policy::limited(10)
            } else {
                reqwest::redirect::Policy::none()
            })
            .tls_danger_accept_invalid_certs(self.insecure);
        if let Some(ca) = &self.ca_file {
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
        let resp = req
            .send()
            .await
            .map_err(|e| ProbeError::down(redact(format!("{url}: {}", error_chain(&e)))))?;
        let ttfb = start.elapsed().as_secs_f64();
        let status = resp.status();
        let final_url = resp.url().to_string();
        let cert_days = resp
            .extensions()
            .get::<reqwest::tls::TlsInfo>()
            .and_then(|i| i.peer_certificate())
            .and_then(cert_days_left);
        let body = resp.bytes().await.map_err(|e| {
            ProbeError::down(format!("{url}: reading the body: {}", error_chain(&e)))
        })?;
        let total = start.elapsed().as_secs_f64();
        let mut obs = Observation::new(format!(
            "HTTP {} in {:.0} ms, {} bytes",
            status.as_u16(),
            total * 1000.0,
            body.len()
        ))
        .metric(Metric::new("response_time", total, "s"))
        .metric(Metric::new("ttfb", ttfb, "s"))
        .metric(Metric::new("size", body.len() as f64, "B"))
        .metric(Metric::new("status_code", f64::from(status.as_u16()), ""));
        if final_url != url {
            obs.evidence.push(format!("redirected to {final_url}"));
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
                format!("HTTP {} from {url}, expected {want}", status.as_u16()),
            );
        }
        let text = String::from_utf8_lossy(&body);
        for c in &self.contains {
            if !text.contains(c.as_str()) {
                obs.fail(Status::Crit, format!("body does not contain `{c}`"));
            }
        }
        for c in &self.not_contains {
            if text.contains(c.as_str()) {
                obs.fail(Status::Crit, format!("body contains `{c}`"));
            }
        }
        if let Some(re) = &self.body_regex
            && !re.0.is_match(&text)
        {
            obs.fail(
                Status::Crit,
                format!("body does not match /{}/", re.as_str()),
            );
        }
        if !self.json.is_empty() {
            match serde_json::from_slice::<serde_json::Value>(&body) {
                Ok(doc) => self.judge_json(&doc, &mut obs),
                Err(e) => obs.fail(Status::Crit, format!("body is not JSON: {e}")),
            }
        }
        Ok(obs)
    }
}

impl Http {
    fn judge_json(&self, doc: &serde_json::Value, obs: &mut Observation) {
        for j in &self.json {
            let Some(v) = doc.pointer(&j.pointer) else {
                obs.fail(Status::Crit, format!("JSON has nothing at {}", j.pointer));
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
                    format!("JSON {} is `{text}`, expected `{eq}`", j.pointer),
                );
            }
            if let Some(r) = &j.range {
                match text.parse::<f64>() {
                    Ok(n) if r.alerts(n) => obs.fail(
                        Status::Crit,
                        format!("JSON {} = {n} is {}", j.pointer, r.describe_breach(n)),
                    ),
                    Ok(_) => {}
                    Err(_) => obs.fail(
                        Status::Crit,
                        format!("JSON {} is `{text}`, not a number", j.pointer),
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
