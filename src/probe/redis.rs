//! `redis`: PING latency, role and replication link, clients against maxclients, memory against
//! maxmemory, RDB/AOF status and age, blocked clients, and the changes since the last run of
//! evicted keys and rejected connections (a restart in between is reported).
//!
//! Speaks RESP directly (AUTH, PING, INFO): three commands do not justify a client library.

use crate::text;
use std::collections::HashMap;
use std::time::Instant;

use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redis {
    /// Expected role, `master` or `slave`/`replica`; any when unset.
    role: Option<String>,
}

/// The largest INFO reply read; real ones are a few KiB.
const MAX_REPLY: usize = 1 << 20;

impl Probe for Redis {
    const KIND: &'static str = "redis";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn uses_history(&self) -> bool {
        true
    }

    fn primary(&self) -> Option<&'static str> {
        Some("ping_time")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("ping_time", Some("0.1"), Some("1")),
            ("clients_pct", Some("80"), Some("90")),
            ("memory_pct", Some("80"), Some("90")),
            ("rejected_connections_delta", Some("0"), None),
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
            "redis: { address: 127.0.0.1:6379 }",
        )?;
        super::require_role(self.role.as_deref(), &["master", "replica", "slave"])
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let addr = target
            .address()
            .ok_or_else(|| ProbeError::unknown("no address"))?;
        let start = Instant::now();
        let stream = TcpStream::connect(&addr)
            .await
            .map_err(|e| super::connect_failed(&addr, &e))?;
        let mut conn = Conn {
            io: BufReader::new(stream),
            addr: addr.clone(),
        };
        if let Some(pw) = &target.password {
            let mut args = vec!["AUTH"];
            if let Some(user) = &target.username {
                args.push(user);
            }
            args.push(pw.expose());
            conn.command(&args).await.map_err(|e| {
                ProbeError::down(text!("认证失败：{e}", "AUTH: {e}", e = pw.redact(&e)))
            })?;
        }
        let ping_start = Instant::now();
        let pong = conn.command(&["PING"]).await.map_err(ProbeError::down)?;
        let ping = ping_start.elapsed().as_secs_f64();
        if pong != "PONG" {
            return Err(ProbeError::down(text!(
                "{addr} 对 PING 的应答异常（{pong}）",
                "{addr} answered PING with `{pong}`",
                addr = addr,
                pong = pong,
            )));
        }
        let info = parse_info(&conn.command(&["INFO"]).await.map_err(ProbeError::down)?);
        let total = start.elapsed().as_secs_f64();
        let num = |k: &str| info.get(k).and_then(|v| v.parse::<f64>().ok());
        let text = |k: &str| info.get(k).map(String::as_str).unwrap_or("");

        let mut obs = Observation::new(text!(
            "Redis {version} {zrole}，PING {ms:.1} ms，客户端 {clients} 个，内存 {mem}",
            "Redis {version} {role}, PING {ms:.1} ms, {clients} clients, {mem} used",
            version = text("redis_version"),
            zrole = match text("role") {
                "slave" => "从节点",
                "master" => "主节点",
                other => other,
            },
            role = text("role"),
            ms = ping * 1000.0,
            clients = num("connected_clients").unwrap_or(0.0),
            mem = crate::core::outcome::format_value(num("used_memory").unwrap_or(0.0), "B"),
        ))
        .metric(Metric::new("ping_time", ping, "s"))
        .metric(Metric::new("response_time", total, "s"));
        for (key, unit) in [
            ("connected_clients", ""),
            ("blocked_clients", ""),
            ("used_memory", "B"),
            ("uptime_in_seconds", "s"),
            ("process_id", ""),
        ] {
            if let Some(v) = num(key) {
                obs.metrics.push(Metric::new(key, v, unit));
            }
        }
        if let (Some(c), Some(max)) = (num("connected_clients"), num("maxclients"))
            && max > 0.0
        {
            obs.metrics
                .push(Metric::new("clients_pct", 100.0 * c / max, "%"));
        }
        // maxmemory 0 means unlimited: then there is no percentage to judge.
        if let (Some(used), Some(max)) = (num("used_memory"), num("maxmemory"))
            && max > 0.0
        {
            obs.metrics
                .push(Metric::new("memory_pct", 100.0 * used / max, "%"));
            obs.evidence.push(format!(
                "最大内存 maxmemory {}（淘汰策略 {}）",
                crate::core::outcome::format_value(max, "B"),
                text("maxmemory_policy")
            ));
        }
        for counter in ["evicted_keys", "rejected_connections"] {
            if let Some(v) = num(counter) {
                obs.metrics.push(Metric::new(counter, v, "c"));
                cx.delta(&mut obs, counter, v);
            }
        }
        // A new process id, or less uptime than last time, means a restart in between.
        let before = |name: &str| {
            cx.previous
                .and_then(|p| p.iter().find(|m| m.name == name))
                .map(|m| m.value)
        };
        let restarted = matches!((num("process_id"), before("process_id")), (Some(now), Some(then)) if now != then)
            || matches!((num("uptime_in_seconds"), before("uptime_in_seconds")), (Some(now), Some(then)) if now < then);
        if restarted {
            let up = num("uptime_in_seconds").unwrap_or(0.0) as u64;
            obs.fail(
                Status::Warn,
                text!(
                    "Redis 自上次巡检以来重启过（已运行 {up}）",
                    "Redis restarted since the last run (up {up})",
                    up = crate::core::text::duration(std::time::Duration::from_secs(up)),
                ),
            );
        }
        if text("loading") == "1" {
            obs.fail(
                Status::Warn,
                text!("Redis 正在加载数据", "Redis is loading its dataset"),
            );
        }
        if text("rdb_last_bgsave_status") == "err" {
            obs.fail(
                Status::Crit,
                text!(
                    "最近一次 RDB 持久化失败",
                    "the last RDB save failed (rdb_last_bgsave_status:err)"
                ),
            );
        }
        if let (Some(t), Some(changes)) = (
            num("rdb_last_save_time"),
            num("rdb_changes_since_last_save"),
        ) {
            let age = (chrono::Utc::now().timestamp() as f64 - t).max(0.0);
            obs.metrics.push(Metric::new("rdb_last_save_age", age, "s"));
            obs.metrics
                .push(Metric::new("rdb_changes_since_last_save", changes, ""));
        }
        if text("aof_enabled") == "1"
            && (text("aof_last_write_status") == "err"
                || text("aof_last_bgrewrite_status") == "err")
        {
            obs.fail(
                Status::Crit,
                text!(
                    "AOF 持久化写入或重写出错",
                    "the append-only file reports a write or rewrite error"
                ),
            );
        }
        let role = text("role");
        if role == "slave" {
            let link = text("master_link_status");
            obs.evidence.push(format!(
                "从库，主库 {}:{}，复制链路 {link}",
                text("master_host"),
                text("master_port")
            ));
            if link != "up" {
                let state = if link.is_empty() { "unknown" } else { link };
                obs.fail(
                    Status::Crit,
                    text!(
                        "与主节点的复制连接中断（{state}）",
                        "replication link to the master is {state}",
                        state = state,
                    ),
                );
            }
            if let Some(io) = num("master_last_io_seconds_ago") {
                obs.metrics.push(Metric::new("master_last_io_age", io, "s"));
            }
        } else if let Some(n) = num("connected_slaves") {
            obs.metrics.push(Metric::new("connected_replicas", n, ""));
        }
        if let Some(want) = &self.role {
            let want = if want == "replica" {
                "slave"
            } else {
                want.as_str()
            };
            if role != want {
                obs.fail(Status::Crit, super::role_mismatch(role, want));
            }
        }
        Ok(obs)
    }
}

/// One connection speaking RESP.
struct Conn {
    io: BufReader<TcpStream>,
    addr: String,
}

impl Conn {
    /// Sends a command and returns a simple or bulk string reply; an error reply is an `Err`.
    async fn command(&mut self, args: &[&str]) -> Result<String, String> {
        let mut req = format!("*{}\r\n", args.len());
        for a in args {
            req.push_str(&format!("${}\r\n{a}\r\n", a.len()));
        }
        let io_err = |e: std::io::Error| format!("{}: {e}", self.addr);
        self.io
            .get_mut()
            .write_all(req.as_bytes())
            .await
            .map_err(io_err)?;
        let mut line = String::new();
        if self.io.read_line(&mut line).await.map_err(io_err)? == 0 {
            return Err(format!("{} closed the connection", self.addr));
        }
        let line = line.trim_end();
        match line.split_at_checked(1) {
            Some(("+", s)) => Ok(s.to_owned()),
            Some(("-", e)) => Err(e.to_owned()),
            Some((":", n)) => Ok(n.to_owned()),
            Some(("$", len)) => {
                let len: usize = len
                    .parse()
                    .map_err(|_| format!("{}: bad bulk length `{len}`", self.addr))?;
                if len > MAX_REPLY {
                    return Err(format!("{}: reply of {len} bytes is too large", self.addr));
                }
                let mut buf = vec![0u8; len + 2];
                self.io.read_exact(&mut buf).await.map_err(io_err)?;
                buf.truncate(len);
                Ok(String::from_utf8_lossy(&buf).into_owned())
            }
            _ => Err(format!(
                "{} does not speak RESP (answered `{}`)",
                self.addr,
                line.chars().take(60).collect::<String>()
            )),
        }
    }
}

/// `key:value` lines of INFO; section headers and blank lines skipped.
fn parse_info(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn info_lines() {
        let i = super::parse_info(
            "# Server\r\nredis_version:7.0.15\r\n\r\n# Clients\r\nconnected_clients:3\r\n",
        );
        assert_eq!(i["redis_version"], "7.0.15");
        assert_eq!(i["connected_clients"], "3");
        assert_eq!(i.len(), 2);
    }
}
