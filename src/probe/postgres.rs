//! `postgres`: the health of a PostgreSQL server (and openGauss/KingbaseES, which speak its
//! protocol): round trip and connect time, version, connections against max_connections, active
//! and idle-in-transaction sessions, the oldest transaction, sessions waiting on locks,
//! replication role and lag, database sizes, transaction-ID wraparound age, and the
//! 交易连接正常性测试 (BEGIN, write a temporary table, read it back, ROLLBACK).

use crate::text;
use std::time::{Duration, Instant};

use serde::Deserialize;
use sqlx::{Connection, Executor, PgConnection, Row};

use super::sql::{query_err, redact, with_credentials};
use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Postgres {
    /// Expected role: `primary` or `standby`; any when unset.
    role: Option<String>,
    /// Run the write/read/rollback round trip (default true).
    #[serde(default = "yes")]
    transaction_test: bool,
}

fn yes() -> bool {
    true
}

impl Probe for Postgres {
    const KIND: &'static str = "postgres";
    const PLACE: super::Place = super::Place::Network;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        Some("connections_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("connections_pct", Some("80"), Some("90")),
            ("oldest_xact_age", Some("300"), Some("3600")),
            ("idle_in_transaction", Some("5"), Some("20")),
            ("lock_waits", Some("5"), Some("20")),
            ("replication_lag_seconds", Some("30"), Some("300")),
            // check_postgres txn_wraparound defaults: 1.3 and 1.4 billion of the 2^31 limit.
            ("xid_age", Some("1300000000"), Some("1400000000")),
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
            super::Needs::Dsn(&["postgres", "postgresql"]),
            "dsn: postgres://monitor@127.0.0.1:5432/postgres",
        )?;
        super::require_role(self.role.as_deref(), &["primary", "standby"])
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let url = with_credentials(target.dsn().unwrap_or_default(), target)?;
        let secret = target.password.clone().unwrap_or_default();
        self.inspect(&url, cx.timeout)
            .await
            .map_err(|e| redact(e, &secret))
    }
}

impl Postgres {
    async fn inspect(&self, url: &str, timeout: Duration) -> Result<Observation, ProbeError> {
        let start = Instant::now();
        let mut c = PgConnection::connect(url)
            .await
            .map_err(super::sql::connect_err)?;
        let connect = start.elapsed().as_secs_f64();
        let _ = c
            .execute(sqlx::AssertSqlSafe(format!(
                "SET statement_timeout = {}",
                timeout.as_millis().max(1)
            )))
            .await;
        let rt = Instant::now();
        c.execute("SELECT 1").await.map_err(query_err("SELECT 1"))?;
        let round_trip = rt.elapsed().as_secs_f64();
        let mut obs = Observation::default()
            .metric(Metric::new("connect_time", connect, "s"))
            .metric(Metric::new("round_trip", round_trip, "s"));

        // Ages use clock_timestamp(): now() is this query's own start, so a transaction that
        // began a moment later would show a negative age and break a `0:` range.
        let row = c
            .fetch_one(
                "SELECT current_setting('server_version'), current_setting('server_version_num')::bigint, \
                 current_setting('max_connections')::bigint, pg_is_in_recovery(), \
                 (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'), \
                 (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()), \
                 (SELECT count(*) FROM pg_stat_activity WHERE state IN ('idle in transaction', 'idle in transaction (aborted)')), \
                 (SELECT greatest(coalesce(extract(epoch FROM max(clock_timestamp() - xact_start)), 0), 0)::float8 FROM pg_stat_activity WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() AND backend_type = 'client backend'), \
                 (SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'), \
                 (SELECT max(age(datfrozenxid))::bigint FROM pg_database)",
            )
            .await
            .map_err(query_err("reading pg_stat_activity"))?;
        let version: String = row.get(0);
        let max_conn: i64 = row.get(2);
        let standby: bool = row.get(3);
        let conns: i64 = row.get(4);
        let pct = if max_conn > 0 {
            100.0 * conns as f64 / max_conn as f64
        } else {
            0.0
        };
        obs.metrics.push(Metric::new(
            "server_version_num",
            row.get::<i64, _>(1) as f64,
            "",
        ));
        obs.metrics
            .push(Metric::new("connections", conns as f64, ""));
        obs.metrics
            .push(Metric::new("max_connections", max_conn as f64, ""));
        obs.metrics.push(Metric::new("connections_pct", pct, "%"));
        obs.metrics
            .push(Metric::new("active", row.get::<i64, _>(5) as f64, ""));
        obs.metrics.push(Metric::new(
            "idle_in_transaction",
            row.get::<i64, _>(6) as f64,
            "",
        ));
        obs.metrics
            .push(Metric::new("oldest_xact_age", row.get::<f64, _>(7), "s"));
        obs.metrics
            .push(Metric::new("lock_waits", row.get::<i64, _>(8) as f64, ""));
        obs.metrics
            .push(Metric::new("xid_age", row.get::<i64, _>(9) as f64, ""));
        let role = if standby { "standby" } else { "primary" };
        obs.summary = text!(
            "PostgreSQL {version} {zrole}，连接 {conns}/{max_conn}（{pct:.0}%），往返 {rt:.1} ms",
            "PostgreSQL {version} {role}, {conns}/{max_conn} connections ({pct:.0}%), round trip {rt:.1} ms",
            version = version,
            zrole = if standby { "备库" } else { "主库" },
            role = role,
            conns = conns,
            max_conn = max_conn,
            pct = pct,
            rt = round_trip * 1000.0,
        );
        obs.evidence.push(format!(
            "服务端 {version}，{}",
            if standby { "备库" } else { "主库" }
        ));

        self.replication(&mut c, standby, &mut obs).await?;

        let sizes = c
            .fetch_all("SELECT datname, pg_database_size(datname)::bigint FROM pg_database WHERE datallowconn ORDER BY 2 DESC LIMIT 50")
            .await
            .map_err(query_err("reading database sizes"))?;
        for r in sizes {
            obs.metrics.push(Metric::labelled(
                "db_size",
                r.get::<String, _>(0),
                r.get::<i64, _>(1) as f64,
                "B",
            ));
        }

        if self.transaction_test && !standby {
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

    async fn replication(
        &self,
        c: &mut PgConnection,
        standby: bool,
        obs: &mut Observation,
    ) -> Result<(), ProbeError> {
        if standby {
            let r = c
                .fetch_one(
                    "SELECT coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0)::float8, \
                     greatest(coalesce(extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0), 0)::float8, \
                     (SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming')",
                )
                .await
                .map_err(query_err("reading the standby's replay position"))?;
            obs.metrics.push(Metric::new(
                "replication_lag_bytes",
                r.get::<f64, _>(0),
                "B",
            ));
            obs.metrics.push(Metric::new(
                "replication_lag_seconds",
                r.get::<f64, _>(1),
                "s",
            ));
            if r.get::<i64, _>(2) == 0 {
                obs.fail(
                    Status::Crit,
                    text!(
                        "备库未从主库同步（没有 WAL 接收进程）",
                        "the standby is not streaming from its primary (no WAL receiver)"
                    ),
                );
            }
        } else {
            let r = c
                .fetch_one(
                    "SELECT count(*), coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0)::float8, \
                     coalesce(max(extract(epoch FROM replay_lag)), 0)::float8 FROM pg_stat_replication",
                )
                .await
                .map_err(query_err("reading pg_stat_replication"))?;
            let replicas: i64 = r.get(0);
            obs.metrics
                .push(Metric::new("replicas", replicas as f64, ""));
            if replicas > 0 {
                obs.metrics.push(Metric::new(
                    "replication_lag_bytes",
                    r.get::<f64, _>(1),
                    "B",
                ));
                obs.metrics.push(Metric::new(
                    "replication_lag_seconds",
                    r.get::<f64, _>(2),
                    "s",
                ));
            }
        }
        Ok(())
    }
}

/// BEGIN, write a temporary table, read it back, ROLLBACK: a real transaction, not a ping.
async fn transaction_round_trip(c: &mut PgConnection) -> Result<i64, sqlx::Error> {
    let mut tx = c.begin().await?;
    tx.execute("CREATE TEMP TABLE znode_txn_probe (v bigint) ON COMMIT DROP")
        .await?;
    tx.execute("INSERT INTO znode_txn_probe VALUES (42)")
        .await?;
    let v: i64 = sqlx::query_scalar("SELECT v FROM znode_txn_probe")
        .fetch_one(&mut *tx)
        .await?;
    tx.rollback().await?;
    Ok(v)
}
