//! Notification channels (`notify.channels` in the config): WeCom, DingTalk (signed) and Feishu
//! group robots, and a generic JSON webhook. A message that cannot be sent stays in the store's
//! outbox, and `znode notify flush` tries again.
//!
//! Robot URLs carry their access key, so a URL is a secret: it comes from the environment or a
//! file (`url_env`, `url_file`) and only its host is ever printed.

use std::collections::BTreeMap;

use base64::Engine as _;
use hmac::{KeyInit, Mac};
use serde::Deserialize;

use crate::secret::Secret;

/// What a channel is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 企业微信群机器人.
    Wecom,
    /// 钉钉群机器人 (with its signing secret, if the robot has one).
    Dingtalk,
    /// 飞书群机器人 (signed, if the robot has a secret).
    Feishu,
    /// Any endpoint taking `{source, node, title, text}` as JSON.
    Webhook,
}

/// A channel as written in the config.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelFile {
    /// The kind.
    pub kind: Kind,
    /// The URL, when it holds no key (a loopback webhook).
    pub url: Option<String>,
    /// Environment variable holding the URL.
    pub url_env: Option<String>,
    /// File holding the URL.
    pub url_file: Option<std::path::PathBuf>,
    /// Environment variable holding the robot's signing secret (DingTalk, Feishu).
    pub secret_env: Option<String>,
}

/// A resolved channel.
#[derive(Clone, Debug)]
pub struct Channel {
    /// Its name.
    pub name: String,
    /// The kind.
    pub kind: Kind,
    /// The URL (a secret: robots put their key in it).
    pub url: Secret,
    /// The signing secret.
    pub secret: Option<Secret>,
}

/// The `notify:` section.
#[derive(Clone, Debug, Default)]
pub struct NotifySettings {
    /// Channels by name.
    pub channels: BTreeMap<String, Channel>,
}

impl ChannelFile {
    /// Resolves the URL and secret; problems as (message, hint).
    pub fn resolve(self, name: &str, base: &std::path::Path) -> Result<Channel, (String, String)> {
        let url = match (&self.url, &self.url_env, &self.url_file) {
            (Some(u), None, None) => u.clone(),
            (None, Some(v), None) => std::env::var(v).map_err(|_| {
                (
                    format!("channel `{name}`: environment variable `{v}` is not set"),
                    format!("export {v}=https://... in the environment of znode"),
                )
            })?,
            (None, None, Some(f)) => std::fs::read_to_string(base.join(f))
                .map(|s| s.trim().to_owned())
                .map_err(|e| {
                    (
                        format!("channel `{name}`: cannot read {}: {e}", f.display()),
                        "check the file and its permissions".into(),
                    )
                })?,
            _ => {
                return Err((
                    format!("channel `{name}` needs exactly one of `url`, `url_env`, `url_file`"),
                    "robot URLs hold their key: prefer url_env or url_file".into(),
                ));
            }
        };
        if reqwest::Url::parse(&url).is_err() {
            return Err((
                format!("channel `{name}`: the URL does not parse"),
                "write it as https://host/path?...".into(),
            ));
        }
        let secret = match &self.secret_env {
            Some(v) => Some(Secret::new(std::env::var(v).map_err(|_| {
                (
                    format!("channel `{name}`: environment variable `{v}` is not set"),
                    format!("export {v}=SEC..."),
                )
            })?)),
            None => None,
        };
        Ok(Channel {
            name: name.to_owned(),
            kind: self.kind,
            url: Secret::new(url),
            secret,
        })
    }
}

fn hmac_b64(key: &[u8], msg: &[u8]) -> String {
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(msg);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// DingTalk's signature: base64(HMAC-SHA256(secret, "timestamp\nsecret")).
pub fn dingtalk_sign(timestamp_ms: i64, secret: &str) -> String {
    hmac_b64(
        secret.as_bytes(),
        format!("{timestamp_ms}\n{secret}").as_bytes(),
    )
}

/// Feishu's signature: base64(HMAC-SHA256(key = "timestamp\nsecret", empty message)).
pub fn feishu_sign(timestamp_s: i64, secret: &str) -> String {
    hmac_b64(format!("{timestamp_s}\n{secret}").as_bytes(), b"")
}

impl Channel {
    /// The URL's host, the only part of it ever shown.
    pub fn host(&self) -> String {
        reqwest::Url::parse(self.url.expose())
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "?".into())
    }

    /// Sends a message; the error says why, without the URL's key.
    pub async fn send(
        &self,
        node: &str,
        title: &str,
        text: &str,
        timeout: std::time::Duration,
    ) -> Result<(), String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| e.to_string())?;
        let mut url = reqwest::Url::parse(self.url.expose()).map_err(|e| e.to_string())?;
        let now = chrono::Utc::now();
        let body = match self.kind {
            Kind::Wecom => {
                serde_json::json!({ "msgtype": "markdown", "markdown": { "content": format!("**{title}**\n{text}") } })
            }
            Kind::Dingtalk => {
                if let Some(s) = &self.secret {
                    let ts = now.timestamp_millis();
                    url.query_pairs_mut()
                        .append_pair("timestamp", &ts.to_string())
                        .append_pair("sign", &dingtalk_sign(ts, s.expose()));
                }
                serde_json::json!({ "msgtype": "markdown", "markdown": { "title": title, "text": format!("### {title}\n{text}") } })
            }
            Kind::Feishu => {
                let mut b = serde_json::json!({ "msg_type": "text", "content": { "text": format!("{title}\n{text}") } });
                if let Some(s) = &self.secret {
                    let ts = now.timestamp();
                    b["timestamp"] = serde_json::Value::String(ts.to_string());
                    b["sign"] = serde_json::Value::String(feishu_sign(ts, s.expose()));
                }
                b
            }
            Kind::Webhook => {
                serde_json::json!({ "source": "znode", "node": node, "title": title, "text": text })
            }
        };
        let host = self.host();
        let resp = client.post(url).json(&body).send().await.map_err(|e| {
            self.url
                .redact(&format!("{host}: {}", crate::probe::error_chain(&e)))
        })?;
        let status = resp.status();
        let answer: serde_json::Value = resp.json().await.unwrap_or(serde_json::Value::Null);
        if !status.is_success() {
            return Err(format!("{host}: HTTP {status}"));
        }
        // Robots answer 200 with an error code of their own.
        let code = answer
            .get("errcode")
            .or_else(|| answer.get("code"))
            .and_then(|c| c.as_i64())
            .unwrap_or(0);
        if code != 0 {
            let msg = answer
                .get("errmsg")
                .or_else(|| answer.get("msg"))
                .and_then(|m| m.as_str())
                .unwrap_or("");
            return Err(format!("{host}: error {code} {msg}"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn signatures_match_the_published_algorithms() {
        // Both are base64 of a 32-byte HMAC-SHA256.
        assert_eq!(super::dingtalk_sign(1_700_000_000_000, "SECabc").len(), 44);
        assert_ne!(super::dingtalk_sign(1, "a"), super::dingtalk_sign(2, "a"));
        assert_eq!(super::feishu_sign(1_700_000_000, "x").len(), 44);
    }
}
