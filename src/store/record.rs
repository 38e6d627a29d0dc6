//! Service records in the store (`service_records`, see [`crate::record`]).

use super::{Store, StoreError};
use crate::core::period::Span;
use crate::record::{Detail, Kind, Record};

type Row = (
    i64,
    String,
    i64,
    Option<i64>,
    Option<String>,
    String,
    String,
    String,
    i64,
);

const COLUMNS: &str = "id, kind, started_at, ended_at, subject, title, detail, author, recorded_at";

/// A record to add.
pub struct NewRecord<'a> {
    /// Start, epoch ms.
    pub from: i64,
    /// End, for periods.
    pub until: Option<i64>,
    /// Operation type or reviewed run.
    pub subject: Option<&'a str>,
    /// One line.
    pub title: &'a str,
    /// The kind's fields.
    pub detail: &'a Detail,
    /// Who records it.
    pub author: &'a str,
    /// Now, epoch ms.
    pub at: i64,
}

impl Store {
    /// Adds a record; returns its id.
    pub async fn add_record(&self, n: &NewRecord<'_>) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO service_records (kind, started_at, ended_at, subject, title, detail, author, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(n.detail.kind().id())
        .bind(n.from)
        .bind(n.until)
        .bind(n.subject.map(str::to_owned))
        .bind(n.title.to_owned())
        .bind(
            n.detail
                .to_json()
                .map_err(|e| StoreError::Unreadable(format!("record not written: {e}")))?,
        )
        .bind(n.author.to_owned())
        .bind(n.at)
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// Records of a kind that overlap a span, oldest first.
    pub async fn records_in(&self, kind: Kind, span: Span) -> Result<Vec<Record>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM service_records WHERE kind = $1 AND started_at < $3 \
             AND COALESCE(ended_at, started_at + 1) > $2 ORDER BY started_at, id"
        )))
        .bind(kind.id())
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        rows.into_iter().map(|r| self.decode(r)).collect()
    }

    /// Records of a kind about one subject, oldest first.
    pub async fn records_of(&self, kind: Kind, subject: &str) -> Result<Vec<Record>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM service_records WHERE kind = $1 AND subject = $2 ORDER BY recorded_at, id"
        )))
        .bind(kind.id())
        .bind(subject.to_owned())
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        rows.into_iter().map(|r| self.decode(r)).collect()
    }

    /// One record.
    pub async fn service_record(&self, id: i64) -> Result<Record, StoreError> {
        let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM service_records WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        match row {
            Some(r) => self.decode(r),
            None => Err(StoreError::NotFound(format!("record #{id}"))),
        }
    }

    /// Every record, or those of one kind, newest first.
    pub async fn records(&self, kind: Option<Kind>) -> Result<Vec<Record>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM service_records WHERE $1 = '' OR kind = $1 ORDER BY started_at DESC, id DESC"
        )))
        .bind(kind.map_or("", Kind::id))
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        rows.into_iter().map(|r| self.decode(r)).collect()
    }

    /// A record's kind and title, without reading its detail.
    pub async fn record_title(&self, id: i64) -> Result<(String, String), StoreError> {
        let r: Option<(String, String)> =
            sqlx::query_as("SELECT kind, title FROM service_records WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(self.db())?;
        r.ok_or_else(|| StoreError::NotFound(format!("record #{id}")))
    }

    /// Removes a record entered by mistake.
    pub async fn remove_record(&self, id: i64) -> Result<(), StoreError> {
        self.record_title(id).await?;
        sqlx::query("DELETE FROM service_records WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(())
    }

    fn decode(&self, r: Row) -> Result<Record, StoreError> {
        let kind = Kind::parse(&r.1).ok_or_else(|| {
            StoreError::Unreadable(format!(
                "service record #{} has an unknown kind `{}` (written by a newer znode?); `znode record remove {}` removes it",
                r.0, r.1, r.0
            ))
        })?;
        let detail = Detail::from_json(kind, &r.6).map_err(|e| {
            StoreError::Unreadable(format!(
                "service record #{} cannot be read ({e}); `znode record remove {}` removes it",
                r.0, r.0
            ))
        })?;
        Ok(Record {
            id: r.0,
            from: r.2,
            until: r.3,
            subject: r.4,
            title: r.5,
            detail,
            author: r.7,
            recorded_at: r.8,
        })
    }
}
