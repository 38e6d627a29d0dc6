//! `elasticsearch`: cluster health (`GET /_cluster/health`): colour, unassigned shards and the
//! number of nodes, against an expected node count.

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
        let resp = req.send().await.map_err(|e| {
            ProbeError::down(format!("{url}: {}", crate::core::net::error_chain(&e)))
        })?;
        let code = resp.status();
        if !code.is_success() {
            return Err(ProbeError::down(format!("{url}: HTTP {}", code.as_u16())));
        }
        let h: Health = resp.json().await.map_err(|e| {
            ProbeError::unknown(format!("{url}: not a cluster health document: {e}"))
        })?;
        let elapsed = start.elapsed().as_secs_f64();
        let mut obs = Observation::new(format!(
            "cluster {} is {}, {} nodes ({} data), {} active shards, {} unassigned",
            h.cluster_name,
            h.status,
            h.number_of_nodes,
            h.number_of_data_nodes,
            h.active_shards,
            h.unassigned_shards
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
                format!(
                    "cluster {} is yellow: {} replica shard(s) unassigned",
                    h.cluster_name, h.unassigned_shards
                ),
            ),
            "red" => obs.fail(
                Status::Crit,
                format!(
                    "cluster {} is red: primary shards unassigned",
                    h.cluster_name
                ),
            ),
            other => obs.fail(Status::Unknown, format!("cluster status `{other}`")),
        }
        if let Some(n) = self.nodes
            && h.number_of_nodes < f64::from(n)
        {
            obs.fail(
                Status::Crit,
                format!("{} of {n} nodes in the cluster", h.number_of_nodes),
            );
        }
        Ok(obs)
    }
}
