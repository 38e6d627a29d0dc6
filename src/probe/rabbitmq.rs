//! `rabbitmq`: a real AMQP 0-9-1 handshake: protocol header, Connection.Start/Start-Ok with
//! PLAIN credentials, Tune/Tune-Ok, Open/Open-Ok on the virtual host, and a clean Close. A
//! broker that accepts TCP but refuses logins, is blocked by an alarm, or lacks the vhost fails
//! here, where a port check would pass.

use crate::text;
use std::time::Instant;

use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rabbitmq {
    /// Virtual host to open (default `/`).
    vhost: Option<String>,
    /// URL of the management API (`http://127.0.0.1:15672/`), for node and queue health.
    management: Option<String>,
    /// Queues with more ready messages than this are reported (default 10000).
    max_ready: Option<f64>,
    /// Queues with more unacknowledged messages than this are reported (default 1000).
    max_unacked: Option<f64>,
}

/// A node as `/api/nodes` describes it (fields absent until the broker has collected stats).
#[derive(Debug, Deserialize)]
struct Node {
    name: String,
    #[serde(default)]
    running: bool,
    #[serde(default)]
    mem_alarm: Option<bool>,
    #[serde(default)]
    disk_free_alarm: Option<bool>,
    fd_used: Option<f64>,
    fd_total: Option<f64>,
    mem_used: Option<f64>,
    mem_limit: Option<f64>,
}

/// A queue as `/api/queues` describes it.
#[derive(Debug, Deserialize)]
struct Queue {
    name: String,
    vhost: String,
    #[serde(default)]
    messages_ready: f64,
    #[serde(default)]
    messages_unacknowledged: f64,
    #[serde(default)]
    consumers: f64,
}

const FRAME_METHOD: u8 = 1;
const FRAME_END: u8 = 0xCE;
const CONNECTION: u16 = 10;

impl Probe for Rabbitmq {
    const KIND: &'static str = "rabbitmq";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        Some("handshake_time")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("handshake_time", Some("1"), Some("5")),
            ("fd_used_pct", Some("80"), Some("90")),
            // The broker blocks publishers at 100% of its memory limit (memory alarm).
            ("mem_used_pct", Some("80"), Some("90")),
            ("queues_over_ready", Some("0"), None),
            ("queues_over_unacked", Some("0"), None),
            ("queues_without_consumers", Some("0"), None),
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
            super::Needs::Address,
            "mq: { address: 127.0.0.1:5672, username: monitor, password_env: MQ_PW }",
        )?;
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let addr = target.address().unwrap_or_default();
        // RabbitMQ's own default account; it only logs in from localhost.
        let user = target.username.clone().unwrap_or_else(|| "guest".into());
        let pass = target
            .password
            .as_ref()
            .map(|p| p.expose().to_owned())
            .unwrap_or_else(|| "guest".into());
        let vhost = self.vhost.clone().unwrap_or_else(|| "/".into());
        let start = Instant::now();
        let mut s = TcpStream::connect(&addr)
            .await
            .map_err(|e| super::connect_failed(&addr, &e))?;
        let connect = start.elapsed().as_secs_f64();
        let io = |e: std::io::Error| {
            ProbeError::down(text!(
                "{addr}：{why}",
                "{addr}: {why}",
                addr = addr,
                why = crate::core::net::io_error(&e),
            ))
        };

        s.write_all(b"AMQP\x00\x00\x09\x01").await.map_err(io)?;
        let (class, method, start_args) = read_method(&mut s, &addr).await?;
        if (class, method) != (CONNECTION, 10) {
            return Err(ProbeError::down(format!(
                "{addr} did not send Connection.Start (got {class}.{method})"
            )));
        }
        let props = parse_start(&start_args)
            .ok_or_else(|| ProbeError::down(format!("{addr}: malformed Connection.Start")))?;
        if !props.mechanisms.split(' ').any(|m| m == "PLAIN") {
            return Err(ProbeError::unknown(format!(
                "{addr} offers no PLAIN login (mechanisms: {})",
                props.mechanisms
            )));
        }

        let mut ok = Vec::new();
        put_table(
            &mut ok,
            &[("product", "znode"), ("version", env!("CARGO_PKG_VERSION"))],
        );
        put_short(&mut ok, "PLAIN");
        put_long(&mut ok, format!("\0{user}\0{pass}").as_bytes());
        put_short(&mut ok, "en_US");
        write_method(&mut s, 11, &ok).await.map_err(io)?;

        let (class, method, args) = read_method(&mut s, &addr).await.map_err(|e| {
            ProbeError::down(text!(
                "以 {user} 登录被拒绝：{why}",
                "login as {user} refused: {why}",
                user = user,
                why = e.message,
            ))
        })?;
        if (class, method) == (CONNECTION, 50) {
            return Err(ProbeError::down(text!(
                "{addr} 关闭了连接：{why}",
                "{addr} closed the connection: {why}",
                addr = addr,
                why = close_reason(&args),
            )));
        }
        if (class, method) != (CONNECTION, 30) || args.len() < 8 {
            return Err(ProbeError::down(format!(
                "{addr} did not send Connection.Tune (got {class}.{method})"
            )));
        }
        // Accept the broker's limits, without heartbeats: the connection lives a few ms.
        let mut tune_ok = args[..6].to_vec();
        tune_ok.extend_from_slice(&[0, 0]);
        write_method(&mut s, 31, &tune_ok).await.map_err(io)?;

        let mut open = Vec::new();
        put_short(&mut open, &vhost);
        put_short(&mut open, "");
        open.push(0);
        write_method(&mut s, 40, &open).await.map_err(io)?;
        let (class, method, args) = read_method(&mut s, &addr).await?;
        if (class, method) == (CONNECTION, 50) {
            return Err(ProbeError::down(text!(
                "打开虚拟主机 {vhost} 被拒绝：{why}",
                "opening vhost {vhost} refused: {why}",
                vhost = vhost,
                why = close_reason(&args),
            )));
        }
        if (class, method) != (CONNECTION, 41) {
            return Err(ProbeError::down(format!(
                "{addr} did not send Connection.Open-Ok (got {class}.{method})"
            )));
        }
        let handshake = start.elapsed().as_secs_f64();

        let mut close = Vec::new();
        close.extend_from_slice(&200u16.to_be_bytes());
        put_short(&mut close, "znode probe done");
        close.extend_from_slice(&[0, 0, 0, 0]);
        let _ = write_method(&mut s, 50, &close).await;
        let _ = read_method(&mut s, &addr).await;

        let mut obs = Observation::new(text!(
            "{product} {version} 握手正常（用户 {user}，虚拟主机 {vhost}），用时 {ms:.0} ms",
            "{product} {version} accepted {user} on vhost {vhost} in {ms:.0} ms",
            product = props.product,
            version = props.version,
            user = user,
            vhost = vhost,
            ms = handshake * 1000.0,
        ))
        .metric(Metric::new("handshake_time", handshake, "s"))
        .metric(Metric::new("connect_time", connect, "s"));
        obs.evidence.push(format!(
            "AMQP 0-9-{} 服务端 {} {}，认证机制 {}",
            props.minor, props.product, props.version, props.mechanisms
        ));
        if let Some(api) = &self.management {
            self.management(api, &user, &pass, cx, &mut obs).await?;
        }
        Ok(obs)
    }
}

impl Rabbitmq {
    /// Node alarms, resource use and queue backlogs from the management API.
    async fn management(
        &self,
        api: &str,
        user: &str,
        pass: &str,
        cx: &ProbeContext<'_>,
        obs: &mut Observation,
    ) -> Result<(), ProbeError> {
        let nodes: Vec<Node> = management_get(api, "nodes", user, pass, cx).await?;
        for n in &nodes {
            if !n.running {
                obs.fail(
                    Status::Crit,
                    text!("节点 {n} 未运行", "node {n} is not running", n = n.name),
                );
            }
            if n.mem_alarm == Some(true) {
                obs.fail(
                    Status::Crit,
                    text!(
                        "节点 {n} 内存告警，消息发布被阻塞",
                        "node {n}: memory alarm, publishers are blocked",
                        n = n.name,
                    ),
                );
            }
            if n.disk_free_alarm == Some(true) {
                obs.fail(
                    Status::Crit,
                    text!(
                        "节点 {n} 磁盘告警，消息发布被阻塞",
                        "node {n}: disk alarm, publishers are blocked",
                        n = n.name,
                    ),
                );
            }
            if let (Some(u), Some(t)) = (n.fd_used, n.fd_total)
                && t > 0.0
            {
                obs.metrics.push(Metric::labelled(
                    "fd_used_pct",
                    n.name.clone(),
                    100.0 * u / t,
                    "%",
                ));
            }
            if let (Some(u), Some(l)) = (n.mem_used, n.mem_limit)
                && l > 0.0
            {
                obs.metrics.push(Metric::labelled(
                    "mem_used_pct",
                    n.name.clone(),
                    100.0 * u / l,
                    "%",
                ));
            }
        }
        obs.metrics
            .push(Metric::new("nodes", nodes.len() as f64, ""));
        let queues: Vec<Queue> = management_get(
            api,
            "queues?columns=name,vhost,messages_ready,messages_unacknowledged,consumers",
            user,
            pass,
            cx,
        )
        .await?;
        let (max_ready, max_unacked) = (
            self.max_ready.unwrap_or(10_000.0),
            self.max_unacked.unwrap_or(1_000.0),
        );
        let listed = |pred: &dyn Fn(&Queue) -> bool| -> Vec<String> {
            queues
                .iter()
                .filter(|q| pred(q))
                .map(|q| {
                    format!(
                        "{}{}",
                        if q.vhost == "/" {
                            String::new()
                        } else {
                            format!("{}/", q.vhost)
                        },
                        q.name
                    )
                })
                .collect()
        };
        let ready = listed(&|q| q.messages_ready > max_ready);
        let unacked = listed(&|q| q.messages_unacknowledged > max_unacked);
        let idle = listed(&|q| q.consumers == 0.0);
        obs.metrics
            .push(Metric::new("queues", queues.len() as f64, ""));
        for (name, list, what) in [
            (
                "queues_over_ready",
                &ready,
                format!("待投递消息超过 {max_ready} 条"),
            ),
            (
                "queues_over_unacked",
                &unacked,
                format!("未确认消息超过 {max_unacked} 条"),
            ),
            ("queues_without_consumers", &idle, "没有消费者".to_owned()),
        ] {
            obs.metrics.push(Metric::new(name, list.len() as f64, ""));
            if !list.is_empty() {
                let shown: Vec<&str> = list.iter().take(10).map(String::as_str).collect();
                obs.evidence.push(format!(
                    "{} 个队列{what}：{}{}",
                    list.len(),
                    shown.join("、"),
                    if list.len() > 10 { " 等" } else { "" }
                ));
            }
        }
        Ok(())
    }
}

/// GETs and decodes one management API resource with the broker's credentials.
async fn management_get<T: serde::de::DeserializeOwned>(
    api: &str,
    path: &str,
    user: &str,
    pass: &str,
    cx: &ProbeContext<'_>,
) -> Result<T, ProbeError> {
    let url = format!("{}/api/{path}", api.trim_end_matches('/'));
    let resp = reqwest::Client::new()
        .get(&url)
        .basic_auth(user, Some(pass))
        .timeout(cx.timeout)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| {
            ProbeError::down(text!(
                "管理接口 {api}：{why}",
                "management API {api}: {why}",
                api = api,
                why = crate::core::net::error_chain(&e),
            ))
        })?;
    resp.json()
        .await
        .map_err(|e| ProbeError::unknown(format!("management API {url}: {e}")))
}

/// What Connection.Start says about the broker.
struct StartInfo {
    minor: u8,
    product: String,
    version: String,
    mechanisms: String,
}

fn parse_start(args: &[u8]) -> Option<StartInfo> {
    let minor = *args.get(1)?;
    let mut r = Reader { buf: args, pos: 2 };
    let table = r.table()?;
    let mechanisms = String::from_utf8_lossy(r.long_bytes()?).into_owned();
    let get = |k: &str| {
        table
            .iter()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    Some(StartInfo {
        minor,
        product: get("product"),
        version: get("version"),
        mechanisms,
    })
}

/// The reply text of a Connection.Close.
fn close_reason(args: &[u8]) -> String {
    let code = args
        .get(..2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .unwrap_or(0);
    let mut r = Reader { buf: args, pos: 2 };
    format!("{code} {}", r.short().unwrap_or_default())
}

/// Reads the AMQP field types needed to walk server properties.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.buf.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn short(&mut self) -> Option<String> {
        let n = *self.take(1)?.first()? as usize;
        self.take(n)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }
    fn long_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    /// A field table; string values are kept, others skipped.
    fn table(&mut self) -> Option<Vec<(String, String)>> {
        let body = self.long_bytes()?;
        let mut inner = Reader { buf: body, pos: 0 };
        let mut out = Vec::new();
        while inner.pos < body.len() {
            let name = inner.short()?;
            if let Some(v) = inner.value()? {
                out.push((name, v));
            }
        }
        Some(out)
    }
    /// One typed value: `Some(text)` for strings, `None` for anything else (skipped).
    fn value(&mut self) -> Option<Option<String>> {
        let kind = *self.take(1)?.first()?;
        let skip = |r: &mut Self, n: usize| r.take(n).map(|_| None);
        match kind {
            b'S' => self
                .long_bytes()
                .map(|b| Some(String::from_utf8_lossy(b).into_owned())),
            b's' => self.short().map(Some),
            b't' | b'b' | b'B' => skip(self, 1),
            b'u' | b'U' => skip(self, 2),
            b'i' | b'I' | b'f' => skip(self, 4),
            b'l' | b'L' | b'd' | b'T' => skip(self, 8),
            b'D' => skip(self, 5),
            b'V' => Some(None),
            b'F' | b'A' | b'x' => self.long_bytes().map(|_| None),
            _ => None,
        }
    }
}

fn put_short(out: &mut Vec<u8>, s: &str) {
    let b = &s.as_bytes()[..s.len().min(255)];
    out.push(b.len() as u8);
    out.extend_from_slice(b);
}

fn put_long(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(&(b.len() as u32).to_be_bytes());
    out.extend_from_slice(b);
}

fn put_table(out: &mut Vec<u8>, entries: &[(&str, &str)]) {
    let mut t = Vec::new();
    for (k, v) in entries {
        put_short(&mut t, k);
        t.push(b'S');
        put_long(&mut t, v.as_bytes());
    }
    put_long(out, &t);
}

/// Sends a Connection-class method on channel 0.
async fn write_method(s: &mut TcpStream, method: u16, args: &[u8]) -> std::io::Result<()> {
    let mut payload = Vec::with_capacity(4 + args.len());
    payload.extend_from_slice(&CONNECTION.to_be_bytes());
    payload.extend_from_slice(&method.to_be_bytes());
    payload.extend_from_slice(args);
    let mut frame = vec![FRAME_METHOD, 0, 0];
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    frame.extend_from_slice(&payload);
    frame.push(FRAME_END);
    s.write_all(&frame).await
}

/// Reads the next method frame: (class, method, arguments). Heartbeats are skipped.
async fn read_method(s: &mut TcpStream, addr: &str) -> Result<(u16, u16, Vec<u8>), ProbeError> {
    loop {
        let mut head = [0u8; 7];
        s.read_exact(&mut head)
            .await
            .map_err(|e| ProbeError::down(format!("{addr} closed the connection ({e})")))?;
        if &head[..4] == b"AMQP" {
            return Err(ProbeError::down(format!(
                "{addr} rejected the protocol version (it speaks AMQP {}-{}-{})",
                head[5],
                head[6],
                s.read_u8().await.unwrap_or(0)
            )));
        }
        let size = u32::from_be_bytes([head[3], head[4], head[5], head[6]]) as usize;
        if size > 1 << 20 {
            return Err(ProbeError::down(format!(
                "{addr} sent a {size}-byte frame; not an AMQP broker?"
            )));
        }
        let mut payload = vec![0u8; size + 1];
        s.read_exact(&mut payload)
            .await
            .map_err(|e| ProbeError::down(format!("{addr}: {e}")))?;
        if payload[size] != FRAME_END {
            return Err(ProbeError::down(format!(
                "{addr} does not speak AMQP (bad frame end)"
            )));
        }
        if head[0] != FRAME_METHOD || size < 4 {
            continue;
        }
        let class = u16::from_be_bytes([payload[0], payload[1]]);
        let method = u16::from_be_bytes([payload[2], payload[3]]);
        payload.truncate(size);
        return Ok((class, method, payload.split_off(4)));
    }
}
