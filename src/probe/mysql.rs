//! `mysql`: the health of a MySQL or MariaDB server (and TiDB or OceanBase, which speak its
//! protocol): connections against max_connections, running threads, slow queries since the last
//! run, replica IO/SQL threads and lag, InnoDB buffer-pool hit rate, a restart since the last
//! run, and the same write/read/rollback round trip as the postgres probe.

use crate::text;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Deserialize;
use sqlx::mysql::MySqlRow;
use sqlx::{Connection, Executor, MySqlConnection, Row};

use super::sql::{query_err, redact, with_credentials};
use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mysql {
    /// Expected role: `primary` or `replica`; any when unset.
    role: Option<String>,
    /// Run the write/read/rollback round trip (default true).
    #[serde(default = "yes")]
    transaction_test: bool,
}

fn yes() -> bool {
    true
}

/// The fewest buffer-pool read requests over which a hit rate is judged.
const MIN_READ_REQUESTS: f64 = 10_000.0;

/// Status counters read from SHOW GLOBAL STATUS.
const STATUS: &[&str] = &[
    "Threads_connected",
    "Threads_running",
    "Slow_queries",
    "Uptime",
    "Innodb_buffer_pool_reads",
    "Innodb_buffer_pool_read_requests",
    "Aborted_connects",
];

impl Probe for Mysql {
    const KIND: &'static str = "mysql";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn uses_history(&self) -> bool {
        true
    }

    fn primary(&self) -> Option<&'static str> {
        Some("connections_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("connections_pct", Some("80"), Some("90")),
            ("threads_running", Some("32"), Some("64")),
            // Below 95% the buffer pool is too small for the working set (MySQL manual, "InnoDB
            // Buffer Pool Configuration"; common practice aims at 99%).
            ("buffer_pool_hit_pct", Some("95:"), Some("90:")),
            ("replication_lag_seconds", Some("30"), Some("300")),
            ("round_trip", Some("0.5"), Some("3")),
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
            super::Needs::Dsn(&["mysql", "mariadb"]),
            "dsn: mysql://monitor@127.0.0.1:3306/mysql",
        )?;
        super::require_role(self.role.as_deref(), &["primary", "replica"])
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let url = with_credentials(target.dsn().unwrap_or_default(), target)?;
        let secret = target.password.clone().unwrap_or_default();
        self.inspect(&url, cx).await.map_err(|e| redact(e, &secret))
    }
}

/// A text column by name, whether the server sends it as text or binary.
fn text(row: &MySqlRow, col: &str) -> Option<String> {
    row.try_get::<String, _>(col).ok().or_else(|| {
        row.try_get::<Vec<u8>, _>(col)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    })
}

impl Mysql {
    async fn inspect(&self, url: &str, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let start = Instant::now();
        let mut c = MySqlConnection::connect(url)
            .await
            .map_err(super::sql::connect_err)?;
        let connect = start.elapsed().as_secs_f64();
        // MariaDB takes seconds; MySQL 5.7+ has max_execution_time in ms instead.
        let t: Duration = cx.timeout;
        let _ = c
            .execute(sqlx::AssertSqlSafe(format!(
                "SET SESSION max_statement_time = {:.3}",
                t.as_secs_f64()
            )))
            .await;
        let rt = Instant::now();
        c.execute("SELECT 1").await.map_err(query_err("SELECT 1"))?;
        let round_trip = rt.elapsed().as_secs_f64();
        let mut obs = Observation::default()
            .metric(Metric::new("connect_time", connect, "s"))
            .metric(Metric::new("round_trip", round_trip, "s"));

        let names = STATUS
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = c
            .fetch_all(sqlx::AssertSqlSafe(format!(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ({names})"
            )))
            .await
            .map_err(query_err("SHOW GLOBAL STATUS"))?;
        let status: HashMap<String, f64> = rows
            .iter()
            .filter_map(|r| Some((text(r, "Variable_name")?, text(r, "Value")?.parse().ok()?)))
            .collect();
        let vars = c
            .fetch_one("SELECT @@max_connections, @@version, @@read_only")
            .await
            .map_err(query_err("reading variables"))?;
        let max_conn: i64 = vars
            .try_get::<i64, _>(0)
            .or_else(|_| vars.try_get::<u64, _>(0).map(|v| v as i64))
            .unwrap_or(0);
        let version = vars.try_get::<String, _>(1).unwrap_or_default();
        let read_only = vars.try_get::<i64, _>(2).unwrap_or(0) != 0;
        let conns = status.get("Threads_connected").copied().unwrap_or(0.0);
        let pct = if max_conn > 0 {
            100.0 * conns / max_conn as f64
        } else {
            0.0
        };
        obs.metrics.push(Metric::new("connections", conns, ""));
        obs.metrics
            .push(Metric::new("max_connections", max_conn as f64, ""));
        obs.metrics.push(Metric::new("connections_pct", pct, "%"));
        if let Some(v) = status.get("Threads_running") {
            obs.metrics.push(Metric::new("threads_running", *v, ""));
        }
        for counter in ["Slow_queries", "Aborted_connects"] {
            if let Some(v) = status.get(counter) {
                let name = counter.to_ascii_lowercase();
                obs.metrics.push(Metric::new(&name, *v, "c"));
                cx.delta(&mut obs, &name, *v);
            }
        }
        if let (Some(reads), Some(requests)) = (
            status.get("Innodb_buffer_pool_reads"),
            status.get("Innodb_buffer_pool_read_requests"),
        ) {
            obs.metrics
                .push(Metric::new("buffer_pool_reads", *reads, "c"));
            obs.metrics
                .push(Metric::new("buffer_pool_read_requests", *requests, "c"));
            // Over the window since the last run when there is one (a restart resets both
            // counters), else since the server started.
            let before = |n: &str| {
                cx.previous
                    .and_then(|p| p.iter().find(|m| m.name == n))
                    .map(|m| m.value)
            };
            let (dr, dq) = match (
                before("buffer_pool_reads"),
                before("buffer_pool_read_requests"),
            ) {
                (Some(r0), Some(q0)) if *requests >= q0 && *reads >= r0 => {
                    (reads - r0, requests - q0)
                }
                _ => (*reads, *requests),
            };
            // A ratio over a handful of reads says nothing about the buffer pool's size.
            if dq >= MIN_READ_REQUESTS {
                obs.metrics.push(Metric::new(
                    "buffer_pool_hit_pct",
                    100.0 * (1.0 - dr / dq),
                    "%",
                ));
            } else {
                obs.evidence.push(format!(
                    "缓冲池命中率未判定：本窗口读请求 {dq:.0} 次，少于 {MIN_READ_REQUESTS} 次"
                ));
            }
        }
        if let Some(up) = status.get("Uptime") {
            obs.metrics.push(Metric::new("uptime", *up, "s"));
            let before = cx
                .previous
                .and_then(|p| p.iter().find(|m| m.name == "uptime"))
                .map(|m| m.value);
            if before.is_some_and(|b| *up < b) {
                obs.fail(
                    Status::Warn,
                    text!(
                        "数据库自上次巡检以来重启过（已运行 {up}）",
                        "the server restarted since the last run (up {up})",
                        up = crate::core::text::duration(Duration::from_secs(*up as u64)),
                    ),
                );
            }
        }
        let replica = self.replication(&mut c, &mut obs).await?;
        let role = if replica { "replica" } else { "primary" };
        obs.summary = text!(
            "{version} {zrole}{zro}，连接 {conns}/{max_conn}（{pct:.0}%），往返 {rt:.1} ms",
            "{version} {role}{ro}, {conns}/{max_conn} connections ({pct:.0}%), round trip {rt:.1} ms",
            version = version,
            zrole = if replica { "从库" } else { "主库" },
            role = role,
            zro = if read_only { "（只读）" } else { "" },
            ro = if read_only { " (read-only)" } else { "" },
            conns = conns,
            max_conn = max_conn,
            pct = pct,
            rt = round_trip * 1000.0,
        );

        if self.transaction_test && !read_only {
            let t = Instant::now();
            let value = transaction_round_trip(&mut c)
                .await
                .map_err(query_err("交易连接正常性测试"))?;
            obs.metrics
                .push(Metric::new("txn_time", t.elapsed().as_secs_f64(), "s"));
            if value != 42 {
                obs.fail(Status::Crit, super::transaction_failed(value));
            }
        }
        if let Some(want) = &self.role
            && want != role
        {
            obs.fail(Status::Crit, super::role_mismatch(role, want));
        }
        let _ = c.close().await;
        Ok(obs)
    }

    /// Replica threads and lag; returns whether the server is a replica.
    async fn replication(
        &self,
        c: &mut MySqlConnection,
        obs: &mut Observation,
    ) -> Result<bool, ProbeError> {
        // MySQL 8.0.22+ and MariaDB 10.5+ know REPLICA; older servers only SLAVE.
        let rows = match c.fetch_all("SHOW REPLICA STATUS").await {
            Ok(r) => r,
            Err(_) => c
                .fetch_all("SHOW SLAVE STATUS")
                .await
                .map_err(query_err("SHOW SLAVE STATUS"))?,
        };
        let Some(r) = rows.first() else {
            return Ok(false);
        };
        let col = |names: &[&str]| names.iter().find_map(|n| text(r, n));
        let io = col(&["Replica_IO_Running", "Slave_IO_Running"]).unwrap_or_default();
        let sql = col(&["Replica_SQL_Running", "Slave_SQL_Running"]).unwrap_or_default();
        obs.evidence.push(format!(
            "从库，主库 {}：IO 线程 {io}，SQL 线程 {sql}",
            col(&["Source_Host", "Master_Host"]).unwrap_or_default()
        ));
        if io != "Yes" {
            let state = if io.is_empty() { "unknown" } else { &io };
            obs.fail(
                Status::Crit,
                text!(
                    "从库 IO 线程未运行（{state}）",
                    "replica IO thread is {state}",
                    state = state,
                ),
            );
        }
        if sql != "Yes" {
            let state = if sql.is_empty() { "unknown" } else { &sql };
            obs.fail(
                Status::Crit,
                text!(
                    "从库 SQL 线程未运行（{state}）",
                    "replica SQL thread is {state}",
                    state = state,
                ),
            );
        }
        let lag = ["Seconds_Behind_Source", "Seconds_Behind_Master"]
            .iter()
            .find_map(|n| {
                r.try_get::<Option<i64>, _>(*n).ok().flatten().or_else(|| {
                    r.try_get::<Option<u64>, _>(*n)
                        .ok()
                        .flatten()
                        .map(|v| v as i64)
                })
            });
        if let Some(l) = lag {
            obs.metrics
                .push(Metric::new("replication_lag_seconds", l as f64, "s"));
        }
        Ok(true)
    }
}

/// Write a temporary table, read it back, roll back, drop it (temporary tables survive a
/// rollback in MySQL).
async fn transaction_round_trip(c: &mut MySqlConnection) -> Result<i64, sqlx::Error> {
    c.execute("CREATE TEMPORARY TABLE IF NOT EXISTS znode_txn_probe (v BIGINT)")
        .await?;
    let mut tx = c.begin().await?;
    tx.execute("INSERT INTO znode_txn_probe VALUES (42)")
        .await?;
    let v: i64 = sqlx::query_scalar("SELECT v FROM znode_txn_probe")
        .fetch_one(&mut *tx)
        .await?;
    tx.rollback().await?;
    c.execute("DROP TEMPORARY TABLE IF EXISTS znode_txn_probe")
        .await?;
    Ok(v)
}
