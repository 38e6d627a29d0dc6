//! Access reviews in the store (`access_reviews`): each sign-off points at the run whose
//! `access` outcomes hold the account lists.

use super::{Store, StoreError};

/// A recorded review.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AccessReview {
    /// Review number.
    pub id: i64,
    /// The run holding the account lists.
    pub run_id: i64,
    /// When it was signed, epoch ms.
    pub reviewed_at: i64,
    /// Who signed it.
    pub reviewer: String,
    /// What they noted.
    pub note: String,
}

impl Store {
    /// Records a review of the accounts in `run_id`; returns its number.
    pub async fn record_access_review(
        &self,
        run_id: i64,
        at: i64,
        reviewer: &str,
        note: &str,
    ) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO access_reviews (run_id, reviewed_at, reviewer, note) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(run_id)
        .bind(at)
        .bind(reviewer.to_owned())
        .bind(note.to_owned())
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// The reviews of a span, oldest first.
    pub async fn access_reviews_in(
        &self,
        span: crate::core::period::Span,
    ) -> Result<Vec<AccessReview>, StoreError> {
        let rows: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
            "SELECT id, run_id, reviewed_at, reviewer, note FROM access_reviews \
             WHERE reviewed_at >= $1 AND reviewed_at < $2 ORDER BY id",
        )
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(review).collect())
    }

    /// The latest `limit` reviews, newest first.
    pub async fn access_reviews(&self, limit: i64) -> Result<Vec<AccessReview>, StoreError> {
        let rows: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
            "SELECT id, run_id, reviewed_at, reviewer, note FROM access_reviews ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(review).collect())
    }
}

fn review(r: (i64, i64, i64, String, String)) -> AccessReview {
    AccessReview {
        id: r.0,
        run_id: r.1,
        reviewed_at: r.2,
        reviewer: r.3,
        note: r.4,
    }
}
