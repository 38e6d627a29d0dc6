//! Group robots (WeCom, DingTalk, Feishu) and the generic JSON webhook: one HTTP POST each,
//! signed where the robot has a secret.

use base64::Engine as _;
use hmac::{KeyInit, Mac};

use super::Outgoing;
use crate::core::secret::Secret;

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

/// Posts a message to a robot or webhook; the error says why, without the URL's key.
pub(super) async fn send(
    kind: super::Kind,
    url: &Secret,
    secret: Option<&Secret>,
    node: &str,
    m: &Outgoing<'_>,
    timeout: std::time::Duration,
) -> Result<(), String> {
    use super::Kind;
    let (title, text) = (m.title, m.text);
    let client = reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .map_err(|e| e.to_string())?;
    let mut parsed = reqwest::Url::parse(url.expose()).map_err(|e| e.to_string())?;
    let now = chrono::Utc::now();
    let body = match kind {
        Kind::Wecom => {
            serde_json::json!({ "msgtype": "markdown", "markdown": { "content": format!("**{title}**\n{text}") } })
        }
        Kind::Dingtalk => {
            if let Some(s) = secret {
                let ts = now.timestamp_millis();
                parsed
                    .query_pairs_mut()
                    .append_pair("timestamp", &ts.to_string())
                    .append_pair("sign", &dingtalk_sign(ts, s.expose()));
            }
            serde_json::json!({ "msgtype": "markdown", "markdown": { "title": title, "text": format!("### {title}\n{text}") } })
        }
        Kind::Feishu => {
            let mut b = serde_json::json!({ "msg_type": "text", "content": { "text": format!("{title}\n{text}") } });
            if let Some(s) = secret {
                let ts = now.timestamp();
                b["timestamp"] = serde_json::Value::String(ts.to_string());
                b["sign"] = serde_json::Value::String(feishu_sign(ts, s.expose()));
            }
            b
        }
        Kind::Webhook | Kind::Email => {
            serde_json::json!({ "source": "znode", "node": node, "title": title, "text": text })
        }
    };
    let host = host(url);
    let resp =
        client.post(parsed).json(&body).send().await.map_err(|e| {
            url.redact(&format!("{host}: {}", crate::core::net::error_chain(&e).zh))
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

/// The URL's host, the only part of it ever shown.
pub(super) fn host(url: &Secret) -> String {
    reqwest::Url::parse(url.expose())
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
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
