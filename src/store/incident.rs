//! Incidents and their updates in the store.

use super::{Store, StoreError};
use crate::incident::Incident;

/// A row of `incidents` (the columns of [`COLUMNS`]).
#[derive(sqlx::FromRow)]
struct IncidentRow {
    id: i64,
    kind: String,
    severity: String,
    system: Option<String>,
    title: String,
    reporter: String,
    assignee: Option<String>,
    source_check: Option<String>,
    opened_at: i64,
    acked_at: Option<i64>,
    restored_at: Option<i64>,
    closed_at: Option<i64>,
}

const COLUMNS: &str = "id, kind, severity, system, title, reporter, assignee, source_check, opened_at, acked_at, restored_at, closed_at";

/// A new incident.
pub struct NewIncident<'a> {
    /// Type.
    pub kind: &'a str,
    /// Severity.
    pub severity: &'a str,
    /// System id.
    pub system: Option<&'a str>,
    /// One line.
    pub title: &'a str,
    /// Reporter.
    pub reporter: &'a str,
    /// Assignee.
    pub assignee: Option<&'a str>,
    /// The check that opened it.
    pub source_check: Option<&'a str>,
    /// When it was opened, epoch ms.
    pub at: i64,
}

fn of(r: IncidentRow) -> Incident {
    Incident {
        id: r.id,
        kind: r.kind,
        severity: r.severity,
        system: r.system,
        title: r.title,
        reporter: r.reporter,
        assignee: r.assignee,
        source_check: r.source_check,
        opened_at: r.opened_at,
        acked_at: r.acked_at,
        restored_at: r.restored_at,
        closed_at: r.closed_at,
    }
}

impl Store {
    /// Opens an incident; returns its id.
    pub async fn open_incident(&self, n: &NewIncident<'_>) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO incidents (kind, severity, system, title, reporter, assignee, source_check, opened_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(n.kind.to_owned())
        .bind(n.severity.to_owned())
        .bind(n.system.map(str::to_owned))
        .bind(n.title.to_owned())
        .bind(n.reporter.to_owned())
        .bind(n.assignee.map(str::to_owned))
        .bind(n.source_check.map(str::to_owned))
        .bind(n.at)
        .fetch_one(&mut *tx)
        .await
        .map_err(self.db())?;
        sqlx::query("INSERT INTO incident_updates (incident_id, at, author, event, text) VALUES ($1, $2, $3, 'open', $4)")
            .bind(id.0)
            .bind(n.at)
            .bind(n.reporter.to_owned())
            .bind(n.title.to_owned())
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        tx.commit().await.map_err(self.db())?;
        Ok(id.0)
    }

    /// Records an update; `ack`, `restore` and `close` also set their clock (the first time).
    pub async fn update_incident(
        &self,
        id: i64,
        event: &str,
        author: &str,
        text: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        self.incident(id).await?;
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        let column = match event {
            "ack" => Some("acked_at"),
            "restore" => Some("restored_at"),
            "close" => Some("closed_at"),
            _ => None,
        };
        if let Some(c) = column {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE incidents SET {c} = COALESCE({c}, $1) WHERE id = $2"
            )))
            .bind(at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        }
        // Restoring or closing answers the request too, if nobody acknowledged it first.
        if matches!(event, "restore" | "close") {
            sqlx::query("UPDATE incidents SET acked_at = COALESCE(acked_at, $1) WHERE id = $2")
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(self.db())?;
        }
        sqlx::query("INSERT INTO incident_updates (incident_id, at, author, event, text) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(at)
            .bind(author.to_owned())
            .bind(event.to_owned())
            .bind(text.to_owned())
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        tx.commit().await.map_err(self.db())
    }

    /// One incident.
    pub async fn incident(&self, id: i64) -> Result<Incident, StoreError> {
        let r: Option<IncidentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM incidents WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        r.map(of)
            .ok_or_else(|| StoreError::NotFound(format!("incident #{id}")))
    }

    /// Incidents opened since a time, newest first.
    pub async fn incidents_since(&self, since: i64) -> Result<Vec<Incident>, StoreError> {
        let rows: Vec<IncidentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM incidents WHERE opened_at >= $1 ORDER BY opened_at DESC"
        )))
        .bind(since)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(of).collect())
    }

    /// Incidents that were open at some time in `[from, to)`, oldest first.
    pub async fn incidents_in(
        &self,
        span: crate::core::period::Span,
    ) -> Result<Vec<Incident>, StoreError> {
        let rows: Vec<IncidentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM incidents WHERE opened_at < $2 AND (closed_at IS NULL OR closed_at >= $1) \
             ORDER BY opened_at, id"
        )))
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(of).collect())
    }

    /// The open incident a check opened, if any.
    pub async fn open_incident_of_check(&self, check: &str) -> Result<Option<i64>, StoreError> {
        let r: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM incidents WHERE source_check = $1 AND closed_at IS NULL ORDER BY id DESC LIMIT 1",
        )
        .bind(check.to_owned())
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(r.map(|r| r.0))
    }

    /// An incident's updates: (at, author, event, text).
    pub async fn incident_updates(
        &self,
        id: i64,
    ) -> Result<Vec<(i64, String, String, String)>, StoreError> {
        sqlx::query_as("SELECT at, author, event, text FROM incident_updates WHERE incident_id = $1 ORDER BY at")
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .map_err(self.db())
    }
}
