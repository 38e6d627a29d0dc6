//! Version-sync releases in the store.

use super::{Store, StoreError};
use crate::core::clock::now_ms;

/// A release as stored.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Release {
    /// Id.
    pub id: i64,
    /// The province's version being taken on.
    pub version: String,
    /// Title.
    pub title: String,
    /// Who opened it.
    pub operator: String,
    /// When, epoch ms.
    pub opened_at: i64,
    /// When step 10 closed it.
    pub closed_at: Option<i64>,
    /// The rollback plan, required before step 9.
    pub rollback_plan: Option<String>,
    /// Steps recorded: (step, state, at, operator, note, playbook run).
    pub steps: Vec<ReleaseStep>,
    /// Key users' sign-offs: (user, at, comment).
    pub signoffs: Vec<(String, i64, String)>,
}

/// How a release step ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepState {
    /// Carried out; the next step may start.
    Done,
    /// Tried and failed (or its playbook stopped); it may be tried again.
    Failed,
}

impl StepState {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Failed => "failed",
        }
    }

    /// From the store; anything but `done` did not complete.
    fn parse(s: &str) -> StepState {
        if s == "done" {
            StepState::Done
        } else {
            StepState::Failed
        }
    }
}

/// One recorded step of a release.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ReleaseStep {
    /// 1 to 10.
    pub step: i64,
    /// How it ended.
    pub state: StepState,
    /// When, epoch ms.
    pub at: i64,
    /// Who.
    pub operator: String,
    /// What was done or found.
    pub note: String,
    /// The playbook run that carried it out (steps 6 and 9).
    pub playbook_run: Option<i64>,
}

/// A row of `sync_releases`.
#[derive(sqlx::FromRow)]
struct ReleaseRow {
    id: i64,
    version: String,
    title: String,
    operator: String,
    opened_at: i64,
    closed_at: Option<i64>,
    rollback_plan: Option<String>,
}

/// A row of `sync_steps`.
#[derive(sqlx::FromRow)]
struct StepRow {
    step: i64,
    state: String,
    at: i64,
    operator: String,
    note: String,
    playbook_run: Option<i64>,
}

impl Store {
    /// Opens a release; returns its id.
    pub async fn open_release(
        &self,
        version: &str,
        title: &str,
        operator: &str,
    ) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO sync_releases (version, title, operator, opened_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(version.to_owned())
        .bind(title.to_owned())
        .bind(operator.to_owned())
        .bind(now_ms())
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// Records a step's result (replacing an earlier failed attempt).
    pub async fn record_sync_step(
        &self,
        release: i64,
        step: i64,
        state: StepState,
        operator: &str,
        note: &str,
        playbook_run: Option<i64>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        sqlx::query("DELETE FROM sync_steps WHERE release_id = $1 AND step = $2")
            .bind(release)
            .bind(step)
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        sqlx::query(
            "INSERT INTO sync_steps (release_id, step, state, at, operator, note, playbook_run) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(release)
        .bind(step)
        .bind(state.as_str())
        .bind(now_ms())
        .bind(operator.to_owned())
        .bind(note.to_owned())
        .bind(playbook_run)
        .execute(&mut *tx)
        .await
        .map_err(self.db())?;
        if step == 10 && state == StepState::Done {
            sqlx::query("UPDATE sync_releases SET closed_at = $1 WHERE id = $2")
                .bind(now_ms())
                .bind(release)
                .execute(&mut *tx)
                .await
                .map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())
    }

    /// Records the rollback plan.
    pub async fn set_rollback_plan(&self, release: i64, plan: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE sync_releases SET rollback_plan = $1, rollback_at = $2 WHERE id = $3")
            .bind(plan.to_owned())
            .bind(now_ms())
            .bind(release)
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(())
    }

    /// Records a key user's sign-off.
    pub async fn sign_off(
        &self,
        release: i64,
        user: &str,
        comment: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO sync_signoffs (release_id, user_name, at, comment) VALUES ($1, $2, $3, $4)")
            .bind(release)
            .bind(user.to_owned())
            .bind(now_ms())
            .bind(comment.to_owned())
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(())
    }

    /// One release with its steps and sign-offs.
    pub async fn release(&self, id: i64) -> Result<Release, StoreError> {
        let r: Option<ReleaseRow> = sqlx::query_as(
            "SELECT id, version, title, operator, opened_at, closed_at, rollback_plan FROM sync_releases WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        let r = r.ok_or_else(|| StoreError::NotFound(format!("release #{id}")))?;
        let steps: Vec<StepRow> = sqlx::query_as(
            "SELECT step, state, at, operator, note, playbook_run FROM sync_steps WHERE release_id = $1 ORDER BY step",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        let signoffs: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT user_name, at, comment FROM sync_signoffs WHERE release_id = $1 ORDER BY at",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(Release {
            id: r.id,
            version: r.version,
            title: r.title,
            operator: r.operator,
            opened_at: r.opened_at,
            closed_at: r.closed_at,
            rollback_plan: r.rollback_plan,
            steps: steps
                .into_iter()
                .map(|s| ReleaseStep {
                    step: s.step,
                    state: StepState::parse(&s.state),
                    at: s.at,
                    operator: s.operator,
                    note: s.note,
                    playbook_run: s.playbook_run,
                })
                .collect(),
            signoffs,
        })
    }

    /// The ids of the releases that were open at some time in `[from, to)`, oldest first.
    pub async fn release_ids_in(
        &self,
        span: crate::core::period::Span,
    ) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM sync_releases WHERE opened_at < $2 AND (closed_at IS NULL OR closed_at >= $1) ORDER BY id",
        )
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Every release id, newest first.
    pub async fn release_ids(&self) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM sync_releases ORDER BY id DESC")
            .fetch_all(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}
