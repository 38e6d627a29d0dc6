//! Aggregates over a period of history for the routine reports: every figure is computed by the
//! database (GROUP BY and window functions), so a year of five-minute inspections never passes
//! through memory row by row.
//!
//! Runs are selected by `started_at` (indexed) and joined to their outcomes by `run_id` (the
//! outcomes' primary key prefix); sums are cast to BIGINT because PostgreSQL widens them to
//! NUMERIC, which the `Any` driver cannot read as an integer.

use super::{Store, StoreError};

/// A time range `[from, to)`, epoch ms UTC.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    /// Start, inclusive.
    pub from: i64,
    /// End, exclusive.
    pub to: i64,
}

/// Outcome counts of one local day, category, system and effective status.
#[derive(Clone, Debug)]
pub struct DayCount {
    /// Local day: days since 1970-01-01 in the node's timezone.
    pub day: i64,
    /// Category as stored (Chinese name).
    pub category: String,
    /// System id.
    pub system: Option<String>,
    /// Effective status (`OK`, `WARN`, `CRIT`, `UNKNOWN`).
    pub effective: String,
    /// Outcomes.
    pub count: i64,
}

/// How a system fared between inspections: each run's state holds until the next run.
#[derive(Clone, Debug)]
pub struct Uptime {
    /// System id.
    pub system: String,
    /// Runs that observed it.
    pub samples: i64,
    /// Time covered by observations, ms.
    pub observed_ms: i64,
    /// Time in a failed state (a service check CRIT), ms.
    pub down_ms: i64,
    /// Transitions from serving to failed.
    pub failures: i64,
}

/// A check that was not OK at least once in the period.
#[derive(Clone, Debug)]
pub struct AbnormalCheck {
    /// Check id.
    pub check_id: String,
    /// Title.
    pub title: String,
    /// Category as stored.
    pub category: String,
    /// System id.
    pub system: Option<String>,
    /// Probe kind.
    pub kind: String,
    /// Outcomes not OK.
    pub times: i64,
    /// Of which CRIT.
    pub crit: i64,
    /// First not-OK outcome, epoch ms.
    pub first_at: i64,
    /// Last not-OK outcome, epoch ms.
    pub last_at: i64,
    /// Run of the last not-OK outcome.
    pub last_run: i64,
    /// Its effective status.
    pub last_status: String,
    /// Its summary.
    pub last_summary: String,
}

/// Runs of one command on one local day.
#[derive(Clone, Debug)]
pub struct DayRuns {
    /// Local day, as in [`DayCount::day`].
    pub day: i64,
    /// The command (`inspect`, `logs scan`, ...).
    pub command: String,
    /// Runs started that day.
    pub runs: i64,
    /// The first start that day, epoch ms.
    pub first_at: i64,
}

/// The newest outcome of one check in a period, with its counts.
#[derive(Clone, Debug)]
pub struct CheckLatest {
    /// Check id.
    pub check_id: String,
    /// Title.
    pub title: String,
    /// Outcomes in the period.
    pub times: i64,
    /// Of which OK.
    pub ok: i64,
    /// The newest outcome's run.
    pub last_run: i64,
    /// Its finish, epoch ms.
    pub last_at: i64,
    /// Its effective status.
    pub last_status: String,
    /// Its summary.
    pub last_summary: String,
    /// Its metrics, JSON.
    pub last_metrics: String,
}

type AbnormalTuple = (
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
);

impl Store {
    /// Outcome counts per local day, category, system and status; `offset_ms` is the node's
    /// UTC offset, which turns epoch ms into local days.
    pub async fn day_counts(
        &self,
        span: Span,
        offset_ms: i64,
    ) -> Result<Vec<DayCount>, StoreError> {
        let rows: Vec<(i64, String, Option<String>, String, i64)> = sqlx::query_as(
            "SELECT (r.started_at + $3) / 86400000 AS day, o.category, o.system, o.effective, COUNT(*) \
             FROM runs r JOIN outcomes o ON o.run_id = r.id \
             WHERE r.started_at >= $1 AND r.started_at < $2 \
             GROUP BY (r.started_at + $3) / 86400000, o.category, o.system, o.effective",
        )
        .bind(span.from)
        .bind(span.to)
        .bind(offset_ms)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(|r| DayCount {
                day: r.0,
                category: r.1,
                system: r.2,
                effective: r.3,
                count: r.4,
            })
            .collect())
    }

    /// Per system, the observed time, the time down and the failures, from the outcomes of
    /// service checks (`kinds`): a run in which any of them is CRIT marks the system down until
    /// the next run that observes it; the last run's state holds until `until`.
    pub async fn uptime(
        &self,
        span: Span,
        until: i64,
        kinds: &[&str],
    ) -> Result<Vec<Uptime>, StoreError> {
        if kinds.is_empty() {
            return Ok(Vec::new());
        }
        // The kinds are the probe registry's own names, never user text; they are bound anyway.
        let list: Vec<String> = (0..kinds.len()).map(|i| format!("${}", i + 4)).collect();
        let sql = format!(
            "WITH per AS ( \
               SELECT r.started_at AS at, o.system AS system, \
                      MAX(CASE WHEN o.effective = 'CRIT' THEN 1 ELSE 0 END) AS down \
               FROM runs r JOIN outcomes o ON o.run_id = r.id \
               WHERE r.started_at >= $1 AND r.started_at < $2 AND o.system IS NOT NULL \
                 AND o.kind IN ({}) \
               GROUP BY r.started_at, o.system \
             ), seq AS ( \
               SELECT system, at, down, \
                      COALESCE(LEAD(at) OVER (PARTITION BY system ORDER BY at), $3) - at AS held, \
                      COALESCE(LAG(down) OVER (PARTITION BY system ORDER BY at), 0) AS before \
               FROM per \
             ) \
             SELECT system, COUNT(*), CAST(SUM(held) AS BIGINT), \
                    CAST(SUM(CASE WHEN down = 1 THEN held ELSE 0 END) AS BIGINT), \
                    CAST(SUM(CASE WHEN down = 1 AND before = 0 THEN 1 ELSE 0 END) AS BIGINT) \
             FROM seq GROUP BY system ORDER BY system",
            list.join(", ")
        );
        let mut q = sqlx::query_as::<_, (String, i64, i64, i64, i64)>(sqlx::AssertSqlSafe(sql))
            .bind(span.from)
            .bind(span.to)
            .bind(until.max(span.from));
        for k in kinds {
            q = q.bind((*k).to_owned());
        }
        let rows = q.fetch_all(&self.pool).await.map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(|r| Uptime {
                system: r.0,
                samples: r.1,
                observed_ms: r.2.max(0),
                down_ms: r.3.max(0),
                failures: r.4,
            })
            .collect())
    }

    /// The checks that were not OK in the period, most often first, with their last such outcome.
    pub async fn abnormal_checks(
        &self,
        span: Span,
        limit: i64,
    ) -> Result<Vec<AbnormalCheck>, StoreError> {
        let rows: Vec<AbnormalTuple> = sqlx::query_as(
            "SELECT o.check_id, MAX(o.title), MAX(o.category), MAX(o.system), MAX(o.kind), COUNT(*), \
                    CAST(SUM(CASE WHEN o.effective = 'CRIT' THEN 1 ELSE 0 END) AS BIGINT), \
                    MIN(o.finished_at), MAX(o.finished_at), MAX(o.run_id) \
             FROM runs r JOIN outcomes o ON o.run_id = r.id \
             WHERE r.started_at >= $1 AND r.started_at < $2 AND o.effective <> 'OK' \
             GROUP BY o.check_id ORDER BY COUNT(*) DESC, o.check_id LIMIT $3",
        )
        .bind(span.from)
        .bind(span.to)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let last: (String, String) = sqlx::query_as(
                "SELECT effective, summary FROM outcomes WHERE run_id = $1 AND check_id = $2",
            )
            .bind(r.9)
            .bind(r.0.clone())
            .fetch_one(&self.pool)
            .await
            .map_err(self.db())?;
            out.push(AbnormalCheck {
                check_id: r.0,
                title: r.1,
                category: r.2,
                system: r.3,
                kind: r.4,
                times: r.5,
                crit: r.6,
                first_at: r.7,
                last_at: r.8,
                last_run: r.9,
                last_status: last.0,
                last_summary: last.1,
            });
        }
        Ok(out)
    }

    /// Runs per local day and command.
    pub async fn day_runs(&self, span: Span, offset_ms: i64) -> Result<Vec<DayRuns>, StoreError> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT (started_at + $3) / 86400000, command, COUNT(*), MIN(started_at) FROM runs \
             WHERE started_at >= $1 AND started_at < $2 \
             GROUP BY (started_at + $3) / 86400000, command ORDER BY 1, 2",
        )
        .bind(span.from)
        .bind(span.to)
        .bind(offset_ms)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(|r| DayRuns {
                day: r.0,
                command: r.1,
                runs: r.2,
                first_at: r.3,
            })
            .collect())
    }

    /// Per check of one probe kind, its outcomes in the period and the newest of them.
    pub async fn latest_of_kind(
        &self,
        span: Span,
        kind: &str,
    ) -> Result<Vec<CheckLatest>, StoreError> {
        let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT o.check_id, COUNT(*), \
                    CAST(SUM(CASE WHEN o.effective = 'OK' THEN 1 ELSE 0 END) AS BIGINT), MAX(o.run_id) \
             FROM runs r JOIN outcomes o ON o.run_id = r.id \
             WHERE r.started_at >= $1 AND r.started_at < $2 AND o.kind = $3 \
             GROUP BY o.check_id ORDER BY o.check_id",
        )
        .bind(span.from)
        .bind(span.to)
        .bind(kind.to_owned())
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let last: (String, i64, String, String, String) = sqlx::query_as(
                "SELECT title, finished_at, effective, summary, metrics FROM outcomes \
                 WHERE run_id = $1 AND check_id = $2",
            )
            .bind(r.3)
            .bind(r.0.clone())
            .fetch_one(&self.pool)
            .await
            .map_err(self.db())?;
            out.push(CheckLatest {
                check_id: r.0,
                title: last.0,
                times: r.1,
                ok: r.2,
                last_run: r.3,
                last_at: last.1,
                last_status: last.2,
                last_summary: last.3,
                last_metrics: last.4,
            });
        }
        Ok(out)
    }
}
