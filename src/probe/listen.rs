//! `listen`: a local TCP port is in LISTEN state, and which process holds it.

use crate::text;
use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listen {
    /// The port.
    port: u16,
    /// The process name that must hold it (regex), e.g. `nginx`.
    process: Option<Pattern>,
}

impl Probe for Listen {
    const KIND: &'static str = "listen";
    const PLACE: super::Place = super::Place::Host;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        None
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let port = self.port;
        let all = cx
            .shared
            .listeners
            .get_or_try_init(|| async {
                blocking(procfs::tcp_listeners)
                    .await
                    .map(std::sync::Arc::new)
            })
            .await?;
        let socks: Vec<_> = all.iter().filter(|s| s.port == port).collect();
        if socks.is_empty() {
            return Err(ProbeError::down(text!(
                "TCP 端口 {port} 无监听",
                "nothing listens on TCP port {port}",
                port = port,
            )));
        }
        // Which process holds a socket takes a walk over every process's descriptors: once
        // per run, shared by the listen checks.
        let holders = cx
            .shared
            .socket_holders
            .get_or_try_init(|| async {
                blocking(|| Ok(procfs::socket_holders()))
                    .await
                    .map(std::sync::Arc::new)
            })
            .await?;
        let addrs: Vec<String> = socks
            .iter()
            .map(|s| format!("{}:{}", s.addr, s.port))
            .collect();
        let holder = socks.iter().find_map(|s| holders.get(&s.inode).cloned());
        let addrs = addrs.join(", ");
        let mut obs = Observation::new(match &holder {
            Some((pid, comm)) => text!(
                "{addrs} 正在监听，进程 {comm}（pid {pid}）",
                "{addrs} listening, held by {comm} (pid {pid})",
                addrs = addrs,
                comm = comm,
                pid = pid,
            ),
            None => text!(
                "{addrs} 正在监听（当前用户看不到监听进程）",
                "{addrs} listening (holder not visible to this user)",
                addrs = addrs,
            ),
        })
        .metric(Metric::new("sockets", socks.len() as f64, ""));
        if let Some(re) = &self.process {
            match &holder {
                Some((_, comm)) if re.0.is_match(comm) => {}
                Some((pid, comm)) => {
                    obs.evidence
                        .push(format!("expected a process matching /{}/", re.as_str()));
                    obs.fail(
                        Status::Crit,
                        text!(
                            "端口 {port} 被其他进程 {comm}（pid {pid}）占用",
                            "port {port} is held by {comm} (pid {pid}), not the expected process",
                            port = port,
                            comm = comm,
                            pid = pid,
                        ),
                    )
                }
                None => obs.fail(
                    Status::Unknown,
                    text!(
                        "看不到端口 {port} 的监听进程，需以 root 运行才能核对",
                        "cannot see which process holds port {port}; run as root to check the holder",
                        port = port,
                    ),
                ),
            }
        }
        Ok(obs)
    }
}
