//! Notification channels (`notify.channels` in the config): WeCom, DingTalk (signed) and Feishu
//! group robots, a generic JSON webhook, and e-mail over SMTP. A message that cannot be sent
//! stays in the store's outbox, and `znode notify flush` tries again.
//!
//! Robot URLs carry their access key, so a URL is a secret: it comes from the environment or a
//! file (`url_env`, `url_file`) and only its host is ever printed. SMTP passwords come from the
//! environment or a file the same way.

mod mail;
mod robot;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use mail::{Mail, Tls};
pub use robot::{dingtalk_sign, feishu_sign};

use crate::core::error::Invalid;
use crate::core::secret::Secret;

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
    /// E-mail through an SMTP server.
    Email,
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
    pub url_file: Option<PathBuf>,
    /// Environment variable holding the robot's signing secret (DingTalk, Feishu).
    pub secret_env: Option<String>,
    /// E-mail: the SMTP server, `host:port`.
    pub smtp: Option<String>,
    /// E-mail: `implicit` (port 465), `starttls` (587) or `none` (a relay on loopback only).
    pub tls: Option<Tls>,
    /// E-mail: a PEM file with the CA that signed the server's certificate (internal CAs).
    pub ca_file: Option<PathBuf>,
    /// E-mail: the sender, `名称 <addr@host>`.
    pub from: Option<String>,
    /// E-mail: recipients.
    #[serde(default)]
    pub to: Vec<String>,
    /// E-mail: copy recipients.
    #[serde(default)]
    pub cc: Vec<String>,
    /// E-mail: the SMTP login.
    pub username: Option<String>,
    /// E-mail: environment variable holding the password.
    pub password_env: Option<String>,
    /// E-mail: file holding the password.
    pub password_file: Option<PathBuf>,
}

/// Where a channel delivers.
#[derive(Clone, Debug)]
pub enum Endpoint {
    /// A robot or webhook URL (a secret: robots put their key in it) and its signing secret.
    Robot {
        /// The URL.
        url: Secret,
        /// The signing secret.
        secret: Option<Secret>,
    },
    /// An SMTP server and the addresses.
    Mail(Box<Mail>),
}

/// A resolved channel.
#[derive(Clone, Debug)]
pub struct Channel {
    /// Its name.
    pub name: String,
    /// The kind.
    pub kind: Kind,
    /// Where it delivers.
    pub endpoint: Endpoint,
}

/// The `notify:` section.
#[derive(Clone, Debug)]
pub struct NotifySettings {
    /// Channels by name.
    pub channels: BTreeMap<String, Channel>,
    /// A message not sent within this long is dropped by the next flush rather than sent late:
    /// a "pause uploads" and the "resume uploads" after it must not arrive together hours later.
    pub expire: std::time::Duration,
}

impl Default for NotifySettings {
    fn default() -> Self {
        NotifySettings {
            channels: BTreeMap::new(),
            expire: DEFAULT_EXPIRE,
        }
    }
}

/// How long an unsent message stays worth sending, by default.
pub const DEFAULT_EXPIRE: std::time::Duration = std::time::Duration::from_secs(12 * 3600);

impl NotifySettings {
    /// The channel of that name, or a message naming the declared ones.
    pub fn channel(&self, name: &str) -> Result<&Channel, String> {
        self.channels.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.channels.keys().map(String::as_str).collect();
            format!(
                "no channel `{name}`; declared: {}",
                if known.is_empty() {
                    "none (add notify.channels to znode.yaml)".to_owned()
                } else {
                    known.join(", ")
                }
            )
        })
    }
}

/// A message to send.
#[derive(Clone, Copy, Debug)]
pub struct Outgoing<'a> {
    /// Title (a robot's heading, an e-mail's subject).
    pub title: &'a str,
    /// The text (Markdown for robots; the plain-text part of an e-mail).
    pub text: &'a str,
    /// An HTML body for e-mail.
    pub html: Option<&'a str>,
    /// A file to attach to e-mail; robots are told where it is.
    pub attachment: Option<&'a Path>,
}

/// Reads a value given directly, from an environment variable or from a file.
fn one_of(
    name: &str,
    what: &str,
    direct: Option<&String>,
    env: Option<&String>,
    file: Option<&PathBuf>,
    base: &Path,
) -> Result<Option<String>, Invalid> {
    match (direct, env, file) {
        (None, None, None) => Ok(None),
        (Some(u), None, None) => Ok(Some(u.clone())),
        (None, Some(v), None) => std::env::var(v).map(Some).map_err(|_| {
            Invalid::new(
                format!("channel `{name}`: environment variable `{v}` is not set"),
                format!("export {v}=... in the environment of znode"),
            )
        }),
        (None, None, Some(f)) => std::fs::read_to_string(base.join(f))
            .map(|s| Some(s.trim().to_owned()))
            .map_err(|e| {
                Invalid::new(
                    format!("channel `{name}`: cannot read {}: {e}", f.display()),
                    "check the file and its permissions",
                )
            }),
        _ => Err(Invalid::new(
            format!("channel `{name}` takes only one way to give its {what}"),
            format!("keep one of the {what}'s keys"),
        )),
    }
}

impl ChannelFile {
    /// Resolves the URL or mail settings and the secrets; problems as (message, hint).
    pub fn resolve(self, name: &str, base: &Path) -> Result<Channel, Invalid> {
        let mail_keys = self.smtp.is_some()
            || self.tls.is_some()
            || self.from.is_some()
            || !self.to.is_empty()
            || self.username.is_some();
        if self.kind == Kind::Email {
            if self.url.is_some() || self.url_env.is_some() || self.url_file.is_some() {
                return Err(Invalid::new(
                    format!("channel `{name}`: e-mail takes `smtp`, not a URL"),
                    "write smtp: host:port, from:, to: [...]",
                ));
            }
            let password = one_of(
                name,
                "password",
                None,
                self.password_env.as_ref(),
                self.password_file.as_ref(),
                base,
            )?
            .map(Secret::new);
            let mail = Mail::resolve(name, &self, password, base)?;
            return Ok(Channel {
                name: name.to_owned(),
                kind: self.kind,
                endpoint: Endpoint::Mail(Box::new(mail)),
            });
        }
        if mail_keys {
            return Err(Invalid::new(
                format!("channel `{name}`: `smtp`, `from`, `to` belong to `kind: email`"),
                "remove them, or make the channel `kind: email`",
            ));
        }
        let url = one_of(
            name,
            "URL",
            self.url.as_ref(),
            self.url_env.as_ref(),
            self.url_file.as_ref(),
            base,
        )?
        .ok_or_else(|| {
            Invalid::new(
                format!("channel `{name}` needs exactly one of `url`, `url_env`, `url_file`"),
                "robot URLs hold their key: prefer url_env or url_file",
            )
        })?;
        if reqwest::Url::parse(&url).is_err() {
            return Err(Invalid::new(
                format!("channel `{name}`: the URL does not parse"),
                "write it as https://host/path?...",
            ));
        }
        let secret =
            one_of(name, "secret", None, self.secret_env.as_ref(), None, base)?.map(Secret::new);
        Ok(Channel {
            name: name.to_owned(),
            kind: self.kind,
            endpoint: Endpoint::Robot {
                url: Secret::new(url),
                secret,
            },
        })
    }
}

impl Channel {
    /// Where it delivers, the only part of its address ever shown: a URL's host, or the
    /// SMTP server and recipients.
    pub fn host(&self) -> String {
        match &self.endpoint {
            Endpoint::Robot { url, .. } => robot::host(url),
            Endpoint::Mail(m) => m.describe(),
        }
    }

    /// The channel's secrets (URL with its key, signing secret, SMTP password), for redaction.
    pub fn secrets(&self) -> Vec<&Secret> {
        match &self.endpoint {
            Endpoint::Robot { url, secret } => std::iter::once(url).chain(secret.iter()).collect(),
            Endpoint::Mail(m) => m.secret().into_iter().collect(),
        }
    }

    /// True for e-mail, which carries attachments and HTML.
    pub fn is_mail(&self) -> bool {
        matches!(self.endpoint, Endpoint::Mail(_))
    }

    /// Sends a message; the error says why, without secrets.
    pub async fn send(
        &self,
        node: &str,
        m: &Outgoing<'_>,
        timeout: std::time::Duration,
    ) -> Result<(), String> {
        match &self.endpoint {
            Endpoint::Robot { url, secret } => {
                let text;
                let m = match m.attachment {
                    // Robots carry no files: they are told where the document is.
                    Some(path) => {
                        text = format!("{}\n\n文件：{}", m.text, path.display());
                        Outgoing { text: &text, ..*m }
                    }
                    None => *m,
                };
                robot::send(self.kind, url, secret.as_ref(), node, &m, timeout).await
            }
            Endpoint::Mail(mail) => mail.send(m, timeout).await,
        }
    }
}
