//! E-mail through SMTP (lettre, rustls): implicit TLS (465) or STARTTLS (587), a login from a
//! secret, an HTML body with a plain-text alternative, and the report attached.

use std::path::Path;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls as Wire, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Deserialize;

use super::{ChannelFile, Outgoing};
use crate::core::error::Invalid;
use crate::core::secret::Secret;

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tls {
    /// TLS from the first byte (port 465).
    Implicit,
    /// Plain, then STARTTLS before anything else; refused if the server does not offer it.
    Starttls,
    /// No encryption: only to a relay on this machine.
    None,
}

/// A resolved e-mail channel.
#[derive(Clone, Debug)]
pub struct Mail {
    host: String,
    port: u16,
    tls: Tls,
    ca: Option<Vec<u8>>,
    from: Mailbox,
    to: Vec<Mailbox>,
    cc: Vec<Mailbox>,
    login: Option<(String, Secret)>,
}

fn loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Mail {
    /// Checks and reads an e-mail channel's settings; problems as (message, hint).
    pub(super) fn resolve(
        name: &str,
        f: &ChannelFile,
        password: Option<Secret>,
        base: &Path,
    ) -> Result<Mail, Invalid> {
        let bad = |what: String, hint: &str| {
            Err(Invalid::new(
                format!("channel `{name}`: {what}"),
                hint.to_owned(),
            ))
        };
        let Some(smtp) = &f.smtp else {
            return bad(
                "`smtp` is missing".into(),
                "write smtp: mail.example.gov.cn:465",
            );
        };
        let (host, port) = match smtp.rsplit_once(':').map(|(h, p)| (h, p.parse::<u16>())) {
            Some((h, Ok(p))) if !h.is_empty() => (h.to_owned(), p),
            _ => {
                return bad(
                    format!("`smtp: {smtp}` is not host:port"),
                    "write smtp: mail.example.gov.cn:465",
                );
            }
        };
        let tls = f.tls.unwrap_or(if port == 465 {
            Tls::Implicit
        } else {
            Tls::Starttls
        });
        if tls == Tls::None && !loopback(&host) {
            return bad(
                format!("`tls: none` to {host} would send the mail and the password in clear"),
                "use tls: implicit (465) or starttls (587); `none` is only for a relay on this machine",
            );
        }
        let mailbox = |s: &str| -> Result<Mailbox, Invalid> {
            s.parse::<Mailbox>().map_err(|e| {
                Invalid::new(
                    format!("channel `{name}`: `{s}` is not an e-mail address: {e}"),
                    "write 名称 <user@host> or user@host",
                )
            })
        };
        let Some(from) = &f.from else {
            return bad(
                "`from` is missing".into(),
                "write from: \"肇庆分节点运维 <ops@example.gov.cn>\"",
            );
        };
        if f.to.is_empty() {
            return bad("`to` is empty".into(), "write to: [someone@example.gov.cn]");
        }
        let login = match (&f.username, password) {
            (Some(u), Some(p)) => Some((u.clone(), p)),
            (None, None) => None,
            (Some(_), None) => {
                return bad(
                    "`username` without a password".into(),
                    "add password_env or password_file",
                );
            }
            (None, Some(_)) => return bad("a password without `username`".into(), "add username"),
        };
        let ca = match &f.ca_file {
            Some(p) => Some(std::fs::read(base.join(p)).map_err(|e| {
                Invalid::new(
                    format!("channel `{name}`: cannot read {}: {e}", p.display()),
                    "ca_file is a PEM file with the CA certificate",
                )
            })?),
            None => None,
        };
        Ok(Mail {
            host,
            port,
            tls,
            ca,
            from: mailbox(from)?,
            to: f.to.iter().map(|s| mailbox(s)).collect::<Result<_, _>>()?,
            cc: f.cc.iter().map(|s| mailbox(s)).collect::<Result<_, _>>()?,
            login,
        })
    }

    /// The password, for redaction.
    pub fn secret(&self) -> Option<&Secret> {
        self.login.as_ref().map(|(_, p)| p)
    }

    /// The server and recipients, for messages.
    pub fn describe(&self) -> String {
        format!(
            "{}:{} → {}",
            self.host,
            self.port,
            self.to
                .iter()
                .map(|m| m.email.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    fn transport(
        &self,
        timeout: std::time::Duration,
    ) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
        let params = || -> Result<TlsParameters, String> {
            let mut b = TlsParameters::builder(self.host.clone());
            if let Some(pem) = &self.ca {
                b = b.add_root_certificate(
                    Certificate::from_pem(pem).map_err(|e| format!("ca_file: {e}"))?,
                );
            }
            b.build_rustls().map_err(|e| e.to_string())
        };
        let wire = match self.tls {
            Tls::Implicit => Wire::Wrapper(params()?),
            Tls::Starttls => Wire::Required(params()?),
            Tls::None => Wire::None,
        };
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(self.host.clone())
            .port(self.port)
            .tls(wire)
            .timeout(Some(timeout));
        if let Some((user, pass)) = &self.login {
            b = b.credentials(Credentials::new(user.clone(), pass.expose().to_owned()));
        }
        Ok(b.build())
    }

    /// Sends one message to every recipient.
    pub(super) async fn send(
        &self,
        m: &Outgoing<'_>,
        timeout: std::time::Duration,
    ) -> Result<(), String> {
        let mut b = Message::builder().from(self.from.clone()).subject(m.title);
        for to in &self.to {
            b = b.to(to.clone());
        }
        for cc in &self.cc {
            b = b.cc(cc.clone());
        }
        let body = match m.html {
            Some(html) => MultiPart::alternative_plain_html(m.text.to_owned(), html.to_owned()),
            None => MultiPart::mixed().singlepart(SinglePart::plain(m.text.to_owned())),
        };
        let body = match m.attachment {
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "report".into());
                MultiPart::mixed()
                    .multipart(body)
                    .singlepart(Attachment::new(name).body(bytes, content_type(path)))
            }
            None => body,
        };
        let message = b.multipart(body).map_err(|e| e.to_string())?;
        let where_ = format!("{}:{}", self.host, self.port);
        let transport = self.transport(timeout)?;
        transport.send(message).await.map(|_| ()).map_err(|e| {
            let text = format!("{where_}: {}", chain(&e));
            match &self.login {
                Some((user, p)) => scrub_login(&text, user, p),
                None => text,
            }
        })
    }
}

/// A server's reply may echo what the client sent: the password, and the base64 forms the
/// AUTH mechanisms carry it in (LOGIN sends the password on its own line, PLAIN sends
/// `\0user\0password`). Each is replaced by `***`.
fn scrub_login(text: &str, user: &str, password: &Secret) -> String {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let pass = password.expose();
    if pass.is_empty() {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    // The longest forms first, so a shorter one never cuts into a longer one.
    for form in [
        b64(&format!("{user}\0{user}\0{pass}")),
        b64(&format!("\0{user}\0{pass}")),
        b64(pass),
        b64(pass).trim_end_matches('=').to_owned(),
        pass.to_owned(),
    ] {
        if !form.is_empty() {
            out = out.replace(&form, "***");
        }
    }
    out
}

/// An error with its causes, `a: b: c`.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let c_text = c.to_string();
        if !s.contains(&c_text) {
            s.push_str(": ");
            s.push_str(&c_text);
        }
        cause = c.source();
    }
    s
}

fn content_type(path: &Path) -> ContentType {
    let mime = match path.extension().and_then(|e| e.to_str()) {
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    ContentType::parse(mime).unwrap_or(ContentType::TEXT_PLAIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_auth_data_is_scrubbed() {
        use base64::Engine;
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let pw = Secret::new("Zq-mail-pw-55");
        let plain = b64("\0ops@zq.gov.cn\0Zq-mail-pw-55");
        let login = b64("Zq-mail-pw-55");
        let reply = format!("535 5.7.8 bad credentials {plain} / {login} / Zq-mail-pw-55");
        let shown = scrub_login(&reply, "ops@zq.gov.cn", &pw);
        assert_eq!(shown, "535 5.7.8 bad credentials *** / *** / ***");
    }
}
