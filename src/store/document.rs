//! The record of report documents written, for the 考核 of documents handed in on time.

use super::{Store, StoreError};

/// A document as recorded.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Document {
    /// Report kind (`monthly`, ...).
    pub kind: String,
    /// Period label or subject id.
    pub period: String,
    /// When it was written, epoch ms.
    pub generated_at: i64,
    /// `md`, `html` or `docx`.
    pub format: String,
    /// Where.
    pub path: String,
}

impl Store {
    /// Records a written document.
    pub async fn record_document(&self, d: &Document) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO documents (kind, period, generated_at, format, path) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(d.kind.clone())
        .bind(d.period.clone())
        .bind(d.generated_at)
        .bind(d.format.clone())
        .bind(d.path.clone())
        .execute(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(())
    }

    /// The first time each document of a kind was written: (period, first generated_at).
    pub async fn first_documents(&self, kind: &str) -> Result<Vec<(String, i64)>, StoreError> {
        sqlx::query_as(
            "SELECT period, MIN(generated_at) FROM documents WHERE kind = $1 GROUP BY period ORDER BY period",
        )
        .bind(kind.to_owned())
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())
    }
}
