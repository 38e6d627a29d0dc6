//! `tcp`: connect time, with an optional send/expect exchange (a protocol banner, a PING).

use std::time::Instant;

use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::net::io_error;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tcp {
    /// `host:port`, when the check has no target.
    address: Option<String>,
    /// Text to send after connecting; `\r`, `\n` and `\0` escapes are understood.
    send: Option<String>,
    /// Regex the first bytes of the answer must match.
    expect: Option<Pattern>,
    /// How many bytes of the answer to read at most (default 4096).
    read_bytes: Option<usize>,
}

impl Tcp {
    fn address(&self, target: Option<&Target>) -> Option<String> {
        self.address
            .clone()
            .or_else(|| target.and_then(Target::address))
    }
}

impl Probe for Tcp {
    const KIND: &'static str = "tcp";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        Some("connect_time")
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        match self.address(target) {
            Some(_) => Ok(()),
            None => Err(Invalid::new(
                "the tcp probe has no address",
                "set `target:` to a target with an address, url or dsn, or `address: host:port`",
            )),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let addr = self
            .address(cx.target)
            .ok_or_else(|| ProbeError::unknown("no address"))?;
        let start = Instant::now();
        let mut stream = TcpStream::connect(&addr)
            .await
            .map_err(|e| super::connect_failed(&addr, &e))?;
        let connect = start.elapsed().as_secs_f64();
        let ms = connect * 1000.0;
        let mut obs = Observation::new(text!(
            "{addr} 可连接，用时 {ms:.0} ms",
            "connected to {addr} in {ms:.0} ms",
            addr = addr,
            ms = ms,
        ))
        .metric(Metric::new("connect_time", connect, "s"));
        if let Some(send) = &self.send {
            stream
                .write_all(unescape(send).as_bytes())
                .await
                .map_err(|e| {
                    ProbeError::down(text!(
                        "向 {addr} 发送失败：{why}",
                        "send to {addr}: {why}",
                        addr = addr,
                        why = io_error(&e),
                    ))
                })?;
        }
        if let Some(expect) = &self.expect {
            let mut buf = vec![0u8; self.read_bytes.unwrap_or(4096)];
            let mut got = 0;
            // Read until the pattern matches, the peer closes, or the buffer is full.
            loop {
                let n = stream.read(&mut buf[got..]).await.map_err(|e| {
                    ProbeError::down(text!(
                        "读取 {addr} 的应答失败：{why}",
                        "read from {addr}: {why}",
                        addr = addr,
                        why = io_error(&e),
                    ))
                })?;
                got += n;
                let text = String::from_utf8_lossy(&buf[..got]);
                if expect.0.is_match(&text) || n == 0 || got == buf.len() {
                    break;
                }
            }
            let text = String::from_utf8_lossy(&buf[..got]).into_owned();
            let first_line: String = text
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(120)
                .collect();
            obs.metrics.push(Metric::new(
                "response_time",
                start.elapsed().as_secs_f64(),
                "s",
            ));
            let (answer, ms) = (
                readable(&first_line),
                start.elapsed().as_secs_f64() * 1000.0,
            );
            if expect.0.is_match(&text) {
                obs.summary = text!(
                    "{addr} 应答正常（{answer}），用时 {ms:.0} ms",
                    "{addr} answered {answer} in {ms:.0} ms",
                    addr = addr,
                    answer = answer,
                    ms = ms,
                );
            } else {
                // The pattern is for the engineer: in the evidence, not in the bureau's line.
                obs.evidence
                    .push(format!("expected /{}/, got {answer}", expect.as_str()));
                obs.fail(
                    Status::Crit,
                    text!(
                        "{addr} 应答与预期不符（{answer}）",
                        "{addr} answered {answer}, not what was expected",
                        addr = addr,
                        answer = answer,
                    ),
                );
            }
        }
        Ok(obs)
    }
}

/// A banner as a report can show it: its text up to the first control character, and how
/// many bytes follow (a binary greeting such as AMQP's `AMQP\0\0\t\x01` reads `AMQP` + 4 bytes).
fn readable(banner: &str) -> String {
    let text: String = banner.chars().take_while(|c| !c.is_control()).collect();
    let rest = banner.len() - text.len();
    if rest == 0 {
        format!("`{text}`")
    } else {
        format!("`{text}` + {rest} B")
    }
}

fn unescape(s: &str) -> String {
    s.replace("\\r", "\r")
        .replace("\\n", "\n")
        .replace("\\0", "\0")
}

#[cfg(test)]
mod tests {
    #[test]
    fn banners_read_as_text_and_a_count_of_binary_bytes() {
        assert_eq!(super::readable("AMQP\0\0\t\u{1}"), "`AMQP` + 4 B");
        assert_eq!(
            super::readable("SSH-2.0-OpenSSH_9.2"),
            "`SSH-2.0-OpenSSH_9.2`"
        );
        assert_eq!(super::readable(""), "``");
    }
}
