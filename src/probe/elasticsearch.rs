//! `elasticsearch`: cluster health (`GET /_cluster/health`): colour, unassigned shards and the
//! number of nodes, against an expected node count.

use crate::text;
use std::time::Instant;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Elasticsearch {
    /// Nodes the cluster should have; fewer is CRIT.
    nodes: Option<u32>,
    /// Accept an invalid or self-signed certificate.
    #[serde(default)]
    insecure: bool,
}

/// The fields of `_cluster/health` used here.
#[derive(Debug, Deserialize)]
struct Health {
    cluster_name: String,
    status: String,
    number_of_nodes: f64,
    number_of_data_nodes: f64,
    active_shards: f64,
    unassigned_shards: f64,
    #[serde(default)]
    initializing_shards: f64,
    #[serde(default)]
    relocating_shards: f64,
}

impl Probe for Elasticsearch {
    const KIND: &'static str = "elasticsearch";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        Some("unassigned_shards")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("response_time", Some("1"), Some("5"))]
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        super::require(
            Self::KIND,
            target,
            super::Needs::Url,
            "es: { url: http://127.0.0.1:9200/ }",
        )
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let url = format!(
            "{}/_cluster/health",
            target.url().unwrap_or_default().trim_end_matches('/')
        );
        let client = reqwest::Client::builder()
            .tls_danger_accept_invalid_certs(self.insecure)
            .build()
            .map_err(|e| ProbeError::unknown(format!("HTTP client: {e}")))?;
        let mut req = client.get(&url).timeout(cx.timeout);
        if let Some(user) = &target.username {
            req = req.basic_auth(
                user,
                target.password.as_ref().map(|p| p.expose().to_owned()),
            );
        }
        let start = Instant::now();
        let resp = req.send().await.map_err(|e| super::http_down(&url, &e))?;
        let code = resp.status();
        if !code.is_success() {
            return Err(super::http_status(&url, code.as_u16()));
        }
        let h: Health = resp.json().await.map_err(|e| {
            ProbeError::unknown(text!(
                "{url} 返回的不是集群健康信息：{e}",
                "{url}: not a cluster health document: {e}",
                url = url,
                e = e,
            ))
        })?;
        let elapsed = start.elapsed().as_secs_f64();
        let mut obs = Observation::new(text!(
            "集群 {name} 状态 {status}，节点 {nodes} 个（数据节点 {data}），活动分片 {active}，未分配 {unassigned}",
            "cluster {name} is {status}, {nodes} nodes ({data} data), {active} active shards, {unassigned} unassigned",
            name = h.cluster_name,
            status = h.status,
            nodes = h.number_of_nodes,
            data = h.number_of_data_nodes,
            active = h.active_shards,
            unassigned = h.unassigned_shards,
        ));
        for (name, v) in [
            ("number_of_nodes", h.number_of_nodes),
            ("number_of_data_nodes", h.number_of_data_nodes),
            ("active_shards", h.active_shards),
            ("unassigned_shards", h.unassigned_shards),
            ("initializing_shards", h.initializing_shards),
            ("relocating_shards", h.relocating_shards),
        ] {
            obs.metrics.push(Metric::new(name, v, ""));
        }
        obs.metrics.push(Metric::new("response_time", elapsed, "s"));
        // Red: some primary shard is unassigned, data is missing. Yellow: replicas are missing,
        // one more node failure may lose data.
        match h.status.as_str() {
            "green" => {}
            "yellow" => obs.fail(
                Status::Warn,
                text!(
                    "集群 {name} 为黄色：{n} 个副本分片未分配",
                    "cluster {name} is yellow: {n} replica shard(s) unassigned",
                    name = h.cluster_name,
                    n = h.unassigned_shards,
                ),
            ),
            "red" => obs.fail(
                Status::Crit,
                text!(
                    "集群 {name} 为红色：有主分片未分配",
                    "cluster {name} is red: primary shards unassigned",
                    name = h.cluster_name,
                ),
            ),
            other => obs.fail(
                Status::Unknown,
                text!(
                    "集群状态未知（{other}）",
                    "cluster status `{other}`",
                    other = other
                ),
            ),
        }
        if let Some(n) = self.nodes
            && h.number_of_nodes < f64::from(n)
        {
            obs.fail(
                Status::Crit,
                text!(
                    "集群只有 {have}/{n} 个节点",
                    "{have} of {n} nodes in the cluster",
                    have = h.number_of_nodes,
                    n = n,
                ),
            );
        }
        Ok(obs)
    }
}
