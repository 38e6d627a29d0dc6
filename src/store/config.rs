//! Accepted configuration baselines (`config_baselines`): the newest row per check and host is
//! the baseline; every row is an acceptance kept for the audit (who, when, which ticket).

use super::{Store, StoreError};

/// One acceptance.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ConfigBaseline {
    /// Row id.
    pub id: i64,
    /// The drift check.
    pub check_id: String,
    /// The host ('' for the jump host).
    pub host: String,
    /// The snapshot's JSON (masked).
    #[serde(skip)]
    pub snapshot: String,
    /// When the snapshot was taken, epoch ms.
    pub taken_at: i64,
    /// When it was accepted, epoch ms.
    pub accepted_at: i64,
    /// Who accepted it.
    pub accepted_by: String,
    /// The change ticket (变更单号), or `初始基线`.
    pub ticket: String,
}

/// An acceptance to record.
pub struct NewBaseline<'a> {
    /// The drift check.
    pub check_id: &'a str,
    /// The host ('' for the jump host).
    pub host: &'a str,
    /// The snapshot's JSON.
    pub snapshot: &'a str,
    /// When it was taken, epoch ms.
    pub taken_at: i64,
    /// Now, epoch ms.
    pub accepted_at: i64,
    /// Who.
    pub accepted_by: &'a str,
    /// Ticket.
    pub ticket: &'a str,
}

const COLUMNS: &str = "id, check_id, host, snapshot, taken_at, accepted_at, accepted_by, ticket";
type Row = (i64, String, String, String, i64, i64, String, String);

fn of(r: Row) -> ConfigBaseline {
    ConfigBaseline {
        id: r.0,
        check_id: r.1,
        host: r.2,
        snapshot: r.3,
        taken_at: r.4,
        accepted_at: r.5,
        accepted_by: r.6,
        ticket: r.7,
    }
}

impl Store {
    /// Records an acceptance; it becomes the baseline of its check and host.
    pub async fn accept_config_baseline(&self, b: &NewBaseline<'_>) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO config_baselines (check_id, host, snapshot, taken_at, accepted_at, accepted_by, ticket) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(b.check_id.to_owned())
        .bind(b.host.to_owned())
        .bind(b.snapshot.to_owned())
        .bind(b.taken_at)
        .bind(b.accepted_at)
        .bind(b.accepted_by.to_owned())
        .bind(b.ticket.to_owned())
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// The current baseline of each host of these checks.
    pub async fn config_baselines(
        &self,
        checks: &[String],
    ) -> Result<Vec<ConfigBaseline>, StoreError> {
        let mut out = Vec::new();
        for check in checks {
            // COLUMNS is a constant list of columns.
            let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {COLUMNS} FROM config_baselines b WHERE check_id = $1 AND id = \
                 (SELECT MAX(id) FROM config_baselines WHERE check_id = b.check_id AND host = b.host) \
                 ORDER BY host"
            )))
            .bind(check.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(self.db())?;
            out.extend(rows.into_iter().map(of));
        }
        Ok(out)
    }

    /// The acceptances of a span, oldest first (without the snapshots).
    pub async fn config_acceptances_in(
        &self,
        span: crate::core::period::Span,
    ) -> Result<Vec<ConfigBaseline>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, check_id, host, '', taken_at, accepted_at, accepted_by, ticket \
             FROM config_baselines WHERE accepted_at >= $1 AND accepted_at < $2 ORDER BY id",
        )
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(of).collect())
    }

    /// Every acceptance, newest first (without the snapshots' text).
    pub async fn config_acceptances(&self, limit: i64) -> Result<Vec<ConfigBaseline>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, check_id, host, '', taken_at, accepted_at, accepted_by, ticket \
             FROM config_baselines ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(of).collect())
    }
}
