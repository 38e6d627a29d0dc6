//! Playbook runs, their journals and the notification outbox in the store.

use super::{Store, StoreError, hostname};
use crate::core::clock::now_ms;

/// Where a playbook run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaybookState {
    /// Steps are being carried out (or the process died: see `pid`).
    Running,
    /// Stopped at a step that needs a person; `playbook resume` goes on.
    Paused,
    /// Every step done.
    Finished,
    /// A step failed and nothing handled it.
    Failed,
}

impl PlaybookState {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaybookState::Running => "running",
            PlaybookState::Paused => "paused",
            PlaybookState::Finished => "finished",
            PlaybookState::Failed => "failed",
        }
    }

    /// In the words of the documents.
    pub fn zh(self) -> &'static str {
        match self {
            PlaybookState::Finished => "已完成",
            PlaybookState::Failed => "失败",
            PlaybookState::Paused => "暂停",
            PlaybookState::Running => "进行中",
        }
    }

    /// Whether the run has ended.
    pub fn ended(self) -> bool {
        matches!(self, PlaybookState::Finished | PlaybookState::Failed)
    }
}

impl TryFrom<String> for PlaybookState {
    type Error = String;
    fn try_from(s: String) -> Result<PlaybookState, String> {
        Ok(match s.as_str() {
            "running" => PlaybookState::Running,
            "paused" => PlaybookState::Paused,
            "finished" => PlaybookState::Finished,
            "failed" => PlaybookState::Failed,
            other => return Err(format!("unknown playbook run state `{other}`")),
        })
    }
}

/// A playbook run as stored.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow)]
pub struct PlaybookRun {
    /// Run id.
    pub id: i64,
    /// Playbook id.
    pub playbook: String,
    /// Its title.
    pub title: String,
    /// `run` or `drill`.
    pub mode: String,
    /// Where it stands.
    #[sqlx(try_from = "String")]
    pub state: PlaybookState,
    /// Who started it.
    pub operator: String,
    /// Variable values, JSON.
    pub variables: String,
    /// Start, epoch ms.
    pub started_at: i64,
    /// End, epoch ms.
    pub finished_at: Option<i64>,
    /// A drill's evaluation.
    pub evaluation: Option<String>,
}

/// One journal event.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow)]
pub struct Event {
    /// Order within the run.
    pub seq: i64,
    /// When, epoch ms.
    pub at: i64,
    /// The step, if any.
    pub step: Option<String>,
    /// The phase, if any.
    pub phase: Option<String>,
    /// What happened.
    pub event: String,
    /// Who.
    pub operator: String,
    /// Where a finished step leads.
    pub next_step: Option<String>,
    /// Details: output, comment, answer, reason.
    pub detail: String,
    /// On a `spawn` event: the process group the step's command runs in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pgid: Option<i64>,
}

impl Store {
    /// Records a new run (`variables` and `step_titles` as JSON objects); returns its id.
    pub async fn begin_playbook(
        &self,
        playbook: &str,
        title: &str,
        mode: &str,
        operator: &str,
        variables: &str,
        step_titles: &str,
    ) -> Result<i64, StoreError> {
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO playbook_runs (playbook, title, mode, state, operator, variables, started_at, host, pid, step_titles) \
             VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(playbook.to_owned())
        .bind(title.to_owned())
        .bind(mode.to_owned())
        .bind(operator.to_owned())
        .bind(variables.to_owned())
        .bind(now_ms())
        .bind(hostname())
        .bind(i64::from(std::process::id()))
        .bind(step_titles.to_owned())
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(id.0)
    }

    /// Appends a journal event in its own transaction; returns its time.
    #[allow(clippy::too_many_arguments)]
    pub async fn journal(
        &self,
        run: i64,
        step: Option<&str>,
        phase: Option<&str>,
        event: &str,
        operator: &str,
        next: Option<&str>,
        detail: &str,
    ) -> Result<i64, StoreError> {
        self.journal_event(run, step, phase, event, operator, next, detail, None)
            .await
    }

    /// Records that a step's command started in the process group `pgid`.
    pub async fn journal_spawn(
        &self,
        run: i64,
        step: &str,
        phase: Option<&str>,
        operator: &str,
        pgid: i32,
    ) -> Result<i64, StoreError> {
        let detail = format!("命令已启动，进程组 {pgid}");
        self.journal_event(
            run,
            Some(step),
            phase,
            "spawn",
            operator,
            None,
            &detail,
            Some(i64::from(pgid)),
        )
        .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn journal_event(
        &self,
        run: i64,
        step: Option<&str>,
        phase: Option<&str>,
        event: &str,
        operator: &str,
        next: Option<&str>,
        detail: &str,
        pgid: Option<i64>,
    ) -> Result<i64, StoreError> {
        let at = now_ms();
        sqlx::query(
            "INSERT INTO playbook_events (run_id, seq, at, step, phase, event, operator, next_step, detail, pgid) \
             VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM playbook_events WHERE run_id = $1), $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(run)
        .bind(at)
        .bind(step.map(str::to_owned))
        .bind(phase.map(str::to_owned))
        .bind(event.to_owned())
        .bind(operator.to_owned())
        .bind(next.map(str::to_owned))
        .bind(detail.to_owned())
        .bind(pgid)
        .execute(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(at)
    }

    /// Sets a run's state (and its end time when it ends) and, for drills, the evaluation.
    pub async fn set_playbook_state(
        &self,
        run: i64,
        state: PlaybookState,
        evaluation: Option<&str>,
    ) -> Result<(), StoreError> {
        let finished = state.ended().then(now_ms);
        sqlx::query(
            "UPDATE playbook_runs SET state = $1, finished_at = $2, evaluation = COALESCE($3, evaluation), pid = $4 WHERE id = $5",
        )
        .bind(state.as_str())
        .bind(finished)
        .bind(evaluation.map(str::to_owned))
        .bind(i64::from(std::process::id()))
        .bind(run)
        .execute(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(())
    }

    /// One run.
    pub async fn playbook_run(&self, id: i64) -> Result<PlaybookRun, StoreError> {
        let r: Option<PlaybookRun> = sqlx::query_as(
            "SELECT id, playbook, title, mode, state, operator, variables, started_at, finished_at, evaluation \
             FROM playbook_runs WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        r.ok_or_else(|| StoreError::NotFound(format!("playbook run #{id}")))
    }

    /// The titles of a run's steps by id, as recorded when it started (empty for older runs).
    pub async fn playbook_step_titles(
        &self,
        run: i64,
    ) -> Result<std::collections::BTreeMap<String, String>, StoreError> {
        let r: Option<(Option<String>,)> =
            sqlx::query_as("SELECT step_titles FROM playbook_runs WHERE id = $1")
                .bind(run)
                .fetch_optional(&self.pool)
                .await
                .map_err(self.db())?;
        Ok(r.and_then(|(t,)| t)
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default())
    }

    /// The newest runs.
    pub async fn playbook_runs(&self, limit: i64) -> Result<Vec<PlaybookRun>, StoreError> {
        let rows: Vec<PlaybookRun> = sqlx::query_as(
            "SELECT id, playbook, title, mode, state, operator, variables, started_at, finished_at, evaluation \
             FROM playbook_runs ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows)
    }

    /// The runs started in `[from, to)`, oldest first.
    pub async fn playbook_runs_in(
        &self,
        span: crate::core::period::Span,
    ) -> Result<Vec<PlaybookRun>, StoreError> {
        let rows: Vec<PlaybookRun> = sqlx::query_as(
            "SELECT id, playbook, title, mode, state, operator, variables, started_at, finished_at, evaluation \
             FROM playbook_runs WHERE started_at >= $1 AND started_at < $2 ORDER BY id",
        )
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows)
    }

    /// A run's journal, in order.
    pub async fn playbook_events(&self, run: i64) -> Result<Vec<Event>, StoreError> {
        let rows: Vec<Event> = sqlx::query_as(
            "SELECT seq, at, step, phase, event, operator, next_step, detail, pgid FROM playbook_events \
             WHERE run_id = $1 ORDER BY seq",
        )
        .bind(run)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows)
    }

    /// Queues a message for a channel; returns its id.
    pub async fn queue_message(&self, m: &NewMessage<'_>) -> Result<i64, StoreError> {
        insert_message(&self.pool, m).await.map_err(self.db())
    }

    /// Messages queued in a span, oldest first: (queued at, channel, title, state, sent at).
    pub async fn messages_in(
        &self,
        span: crate::core::period::Span,
    ) -> Result<Vec<(i64, String, String, String, Option<i64>)>, StoreError> {
        sqlx::query_as(
            "SELECT created_at, channel, COALESCE(title, source), state, sent_at FROM notify_outbox \
             WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id",
        )
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())
    }

    /// Messages still queued, oldest first.
    pub async fn queued_messages(&self) -> Result<Vec<QueuedMessage>, StoreError> {
        let rows: Vec<QueuedMessage> = sqlx::query_as(
            // Messages queued before titles were stored are titled by their source.
            "SELECT id, channel, message, source, attempts, last_error, COALESCE(title, source) AS title, html, attachment, created_at \
             FROM notify_outbox WHERE state = 'queued' ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows)
    }

    /// Takes a queued message out of the outbox unsent (`notify drop`); false when no queued
    /// message has that id.
    pub async fn drop_message(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE notify_outbox SET state = 'dropped' WHERE id = $1 AND state = 'queued'",
        )
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks the messages queued before `before` (epoch ms) as expired, unsent; returns them.
    pub async fn expire_messages(&self, before: i64) -> Result<Vec<QueuedMessage>, StoreError> {
        let old: Vec<QueuedMessage> = self
            .queued_messages()
            .await?
            .into_iter()
            .filter(|m| m.created_at < before)
            .collect();
        for m in &old {
            sqlx::query(
                "UPDATE notify_outbox SET state = 'expired' WHERE id = $1 AND state = 'queued'",
            )
            .bind(m.id)
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        }
        Ok(old)
    }

    /// Records a delivery attempt: sent, or still queued with the error.
    pub async fn delivery(&self, id: i64, error: Option<&str>) -> Result<(), StoreError> {
        let q = match error {
            None => sqlx::query(
                "UPDATE notify_outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2",
            )
            .bind(now_ms())
            .bind(id),
            Some(e) => sqlx::query(
                "UPDATE notify_outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2",
            )
            .bind(e.to_owned())
            .bind(id),
        };
        q.execute(&self.pool).await.map_err(self.db())?;
        Ok(())
    }
}

/// A message for the outbox.
pub struct NewMessage<'a> {
    /// Channel name.
    pub channel: &'a str,
    /// Title or subject.
    pub title: &'a str,
    /// The text.
    pub message: &'a str,
    /// What sent it (`playbook run 3 step notify`, `report monthly 2026-11`).
    pub source: &'a str,
    /// An e-mail's HTML body.
    pub html: Option<&'a str>,
    /// A file to attach.
    pub attachment: Option<&'a str>,
}

/// Inserts a queued message (in a transaction or not); returns its id.
pub(super) async fn insert_message<'e>(
    e: impl sqlx::Executor<'e, Database = sqlx::Any>,
    m: &NewMessage<'_>,
) -> Result<i64, sqlx::Error> {
    let id: (i64,) = sqlx::query_as(
        "INSERT INTO notify_outbox (created_at, channel, message, source, state, title, html, attachment) \
         VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7) RETURNING id",
    )
    .bind(now_ms())
    .bind(m.channel.to_owned())
    .bind(m.message.to_owned())
    .bind(m.source.to_owned())
    .bind(m.title.to_owned())
    .bind(m.html.map(str::to_owned))
    .bind(m.attachment.map(str::to_owned))
    .fetch_one(e)
    .await?;
    Ok(id.0)
}

/// A message waiting in the outbox.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueuedMessage {
    /// Id.
    pub id: i64,
    /// Channel name.
    pub channel: String,
    /// Title or subject.
    pub title: String,
    /// The text.
    pub message: String,
    /// What sent it.
    pub source: String,
    /// Delivery attempts so far.
    pub attempts: i64,
    /// The last attempt's error.
    pub last_error: Option<String>,
    /// An e-mail's HTML body.
    pub html: Option<String>,
    /// A file to attach.
    pub attachment: Option<String>,
    /// When it was queued, epoch ms.
    pub created_at: i64,
}
