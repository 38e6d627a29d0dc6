//! Aggregates over a period of history for the routine reports: every figure is computed by the
//! database (GROUP BY and window functions), so a year of five-minute inspections never passes
//! through memory row by row.
//!
//! They read the roll-ups that [`roll_up`] writes as each run closes: `outcome_hours` (runs
//! per UTC hour, check and status) and `run_systems` (per run, whether a system's service
//! checks failed). Whole hours of a span come from `outcome_hours`; a span that starts or ends
//! inside an hour (a report `--as-of` 10:30) reads that part from the outcomes themselves, so
//! the figures are exact to the millisecond. Grouping a month of raw outcomes instead took
//! 1 s per query on SQLite and a full table scan on PostgreSQL (bench/report.sh).
//!
//! Sums are cast to BIGINT because PostgreSQL widens them to NUMERIC, which the `Any` driver
//! cannot read as an integer.

use std::collections::BTreeMap;

use super::{Store, StoreError};
use crate::core::outcome::Status;
use crate::core::period::Span;

/// Outcome counts of one local day, category, system and effective status.
#[derive(Clone, Debug, sqlx::FromRow)]
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

/// Outcomes observed on one inventory host in a span, by category and effective status.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HostCount {
    /// Inventory host.
    pub host: String,
    /// Category as stored.
    pub category: String,
    /// Effective status.
    pub effective: String,
    /// 1 when the host could not be reached for these outcomes (未采集).
    pub unreached: i64,
    /// Outcomes.
    pub count: i64,
    /// The newest of them, epoch ms.
    pub last_at: i64,
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

/// An outcome with its structured detail.
#[derive(Clone, Debug)]
pub struct DetailedOutcome {
    /// Check id.
    pub check_id: String,
    /// The host it was observed on ('' for the jump host).
    pub host: String,
    /// Check title.
    pub title: String,
    /// Probe kind.
    pub kind: String,
    /// Its status.
    pub status: Status,
    /// When it finished, epoch ms.
    pub finished_at: i64,
    /// Its summary.
    pub summary: String,
    /// The probe's detail; none when the check could not run.
    pub detail: Option<serde_json::Value>,
}

const DETAILED: &str = "check_id, host, title, kind, status, finished_at, detail, summary";
type DetailedRow = (String, String, String, String, String, i64, String, String);

impl From<DetailedRow> for DetailedOutcome {
    fn from(r: DetailedRow) -> DetailedOutcome {
        DetailedOutcome {
            check_id: r.0,
            host: r.1,
            title: r.2,
            kind: r.3,
            status: Status::parse(&r.4).unwrap_or(Status::Unknown),
            finished_at: r.5,
            detail: serde_json::from_str(&r.6).ok(),
            summary: r.7,
        }
    }
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
    /// Of which UNKNOWN (nothing could be looked at).
    pub unknown: i64,
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

/// One check's rows of a span, from the roll-up and the raw edges alike.
#[derive(Default, sqlx::FromRow)]
struct Tally {
    times: i64,
    crit: i64,
    ok: i64,
    unknown: i64,
    first_run: i64,
    /// The run of the newest outcome by time (not by id: a back-filled run has a later id
    /// than the runs after it).
    last_run: i64,
    /// When that part of the span begins that holds `last_run`, for merging parts in order.
    last_at: i64,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        if self.times == 0 {
            self.first_run = o.first_run;
            self.last_run = o.last_run;
            self.last_at = o.last_at;
        } else {
            self.first_run = self.first_run.min(o.first_run);
            if o.last_at >= self.last_at {
                self.last_run = o.last_run;
                self.last_at = o.last_at;
            }
        }
        self.times += o.times;
        self.crit += o.crit;
        self.ok += o.ok;
        self.unknown += o.unknown;
    }
}

const HOUR: i64 = 3_600_000;

/// A span cut into whole UTC hours (read from the roll-up) and the raw edges around them.
fn split(span: Span) -> (Option<(i64, i64)>, Vec<Span>) {
    let first = span.from.div_euclid(HOUR) + i64::from(span.from.rem_euclid(HOUR) != 0);
    let end = span.to.div_euclid(HOUR);
    if first >= end {
        return (None, vec![span]);
    }
    let mut edges = Vec::new();
    if span.from < first * HOUR {
        edges.push(Span {
            from: span.from,
            to: first * HOUR,
        });
    }
    if end * HOUR < span.to {
        edges.push(Span {
            from: end * HOUR,
            to: span.to,
        });
    }
    (Some((first, end)), edges)
}

/// Writes the roll-ups of a run that has just closed (inside its closing transaction); with
/// `only`, of those subjects' outcomes alone (outcomes added to a run already closed and rolled
/// up: each check has one outcome per host and run, so none is counted twice). `runs` in
/// `outcome_hours` counts outcomes: a check on five hosts counts five per run.
pub(super) async fn roll_up(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    run: i64,
    only: Option<&[String]>,
) -> Result<(), sqlx::Error> {
    let filter = match only {
        Some(ids) => {
            let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
            format!(
                " AND (CASE WHEN o.host = '' THEN o.check_id ELSE o.check_id || '@' || o.host END) IN ({})",
                list.join(", ")
            )
        }
        None => String::new(),
    };
    let bind_all = |q: sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments>| {
        let mut q = q.bind(run);
        for id in only.unwrap_or_default() {
            q = q.bind(id.clone());
        }
        q
    };
    bind_all(sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO outcome_hours (hour, check_id, effective, title, category, system, kind, runs, first_run, last_run) \
         SELECT r.started_at / 3600000, o.check_id, o.effective, MAX(o.title), MAX(o.category), MAX(o.system), MAX(o.kind), \
           COUNT(*), MIN(o.run_id), MAX(o.run_id) \
         FROM outcomes o JOIN runs r ON r.id = o.run_id WHERE o.run_id = $1{filter} \
         GROUP BY r.started_at / 3600000, o.check_id, o.effective \
         ON CONFLICT (hour, check_id, effective) DO UPDATE SET \
           runs = outcome_hours.runs + excluded.runs, title = excluded.title, category = excluded.category, \
           system = excluded.system, kind = excluded.kind, \
           first_run = CASE WHEN excluded.first_run < outcome_hours.first_run THEN excluded.first_run ELSE outcome_hours.first_run END, \
           last_run = CASE WHEN excluded.last_run > outcome_hours.last_run THEN excluded.last_run ELSE outcome_hours.last_run END"
    ))))
    .execute(&mut **tx)
    .await?;
    bind_all(sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO run_systems (run_id, started_at, system, down) \
         SELECT r.id, r.started_at, o.system, MAX(CASE WHEN o.effective = 'CRIT' THEN 1 ELSE 0 END) \
         FROM runs r JOIN outcomes o ON o.run_id = r.id \
         WHERE r.id = $1 AND o.system IS NOT NULL AND o.service = 1{filter} \
         GROUP BY r.id, r.started_at, o.system \
         ON CONFLICT (run_id, system) DO UPDATE SET \
           down = CASE WHEN excluded.down > run_systems.down THEN excluded.down ELSE run_systems.down END"
    ))))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Inspection results per check, UTC hour and effective status from `from_hour` on:
    /// (check, hour, status, outcomes), from the roll-ups.
    pub async fn outcome_hour_counts(
        &self,
        from_hour: i64,
    ) -> Result<Vec<(String, i64, crate::core::outcome::Status, i64)>, StoreError> {
        let rows: Vec<(String, i64, String, i64)> = sqlx::query_as(
            "SELECT check_id, hour, effective, runs FROM outcome_hours WHERE hour >= $1 ORDER BY check_id, hour",
        )
        .bind(from_hour)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .filter_map(|(c, h, s, n)| Some((c, h, crate::core::outcome::Status::parse(&s)?, n)))
            .collect())
    }

    /// Outcomes per inventory host, category and status in a span (the jump host's own are
    /// not listed): the host section of a routine report. Read from the outcomes themselves,
    /// since the hourly roll-up keeps no host.
    pub async fn host_counts(&self, span: Span) -> Result<Vec<HostCount>, StoreError> {
        sqlx::query_as::<_, HostCount>(
            "SELECT host, category, effective, unreached, COUNT(*) AS count, MAX(finished_at) AS last_at \
             FROM outcomes WHERE host <> '' AND finished_at >= $1 AND finished_at < $2 \
             GROUP BY host, category, effective, unreached",
        )
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())
    }

    /// Outcome counts per local day, category, system and status; `offset_ms` is the node's
    /// UTC offset, which turns epoch ms into local days.
    pub async fn day_counts(
        &self,
        span: Span,
        offset_ms: i64,
    ) -> Result<Vec<DayCount>, StoreError> {
        let (hours, edges) = split(span);
        let mut rows: Vec<DayCount> = Vec::new();
        if let Some((first, end)) = hours {
            rows.extend(
                sqlx::query_as::<_, DayCount>(
                    "SELECT (hour * 3600000 + $3) / 86400000 AS day, category, system, effective, CAST(SUM(runs) AS BIGINT) AS count \
                     FROM outcome_hours WHERE hour >= $1 AND hour < $2 \
                     GROUP BY (hour * 3600000 + $3) / 86400000, category, system, effective",
                )
                .bind(first)
                .bind(end)
                .bind(offset_ms)
                .fetch_all(&self.pool)
                .await
                .map_err(self.db())?,
            );
        }
        for e in edges {
            rows.extend(
                sqlx::query_as::<_, DayCount>(
                    "SELECT (r.started_at + $3) / 86400000 AS day, o.category, o.system, o.effective, COUNT(*) AS count \
                     FROM runs r JOIN outcomes o ON o.run_id = r.id \
                     WHERE r.started_at >= $1 AND r.started_at < $2 AND r.state <> 'running' \
                     GROUP BY (r.started_at + $3) / 86400000, o.category, o.system, o.effective",
                )
                .bind(e.from)
                .bind(e.to)
                .bind(offset_ms)
                .fetch_all(&self.pool)
                .await
                .map_err(self.db())?,
            );
        }
        let mut merged: BTreeMap<(i64, String, Option<String>, String), i64> = BTreeMap::new();
        for r in rows {
            *merged
                .entry((r.day, r.category, r.system, r.effective))
                .or_default() += r.count;
        }
        Ok(merged
            .into_iter()
            .map(|((day, category, system, effective), count)| DayCount {
                day,
                category,
                system,
                effective,
                count,
            })
            .collect())
    }

    /// Per system, the observed time, the time down and the failures, from the service checks
    /// of each run: a run in which one of them is CRIT marks the system down until the next
    /// run that observes it; the last run's state holds until `until`.
    pub async fn uptime(&self, span: Span, until: i64) -> Result<Vec<Uptime>, StoreError> {
        let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
            "WITH seq AS ( \
               SELECT system, started_at, down, \
                      COALESCE(LEAD(started_at) OVER (PARTITION BY system ORDER BY started_at), $3) - started_at AS held, \
                      COALESCE(LAG(down) OVER (PARTITION BY system ORDER BY started_at), 0) AS before \
               FROM run_systems WHERE started_at >= $1 AND started_at < $2 \
             ) \
             SELECT system, COUNT(*), CAST(SUM(held) AS BIGINT), \
                    CAST(SUM(CASE WHEN down = 1 THEN held ELSE 0 END) AS BIGINT), \
                    CAST(SUM(CASE WHEN down = 1 AND before = 0 THEN 1 ELSE 0 END) AS BIGINT) \
             FROM seq GROUP BY system ORDER BY system",
        )
        .bind(span.from)
        .bind(span.to)
        .bind(until.max(span.from))
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
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

    /// Per check, its outcomes in the span matching `filter` (a condition on `effective` and
    /// `kind`, the same text for the roll-up and the raw outcomes), with the first and last run.
    async fn tallies(
        &self,
        span: Span,
        filter: &str,
        kind: Option<&str>,
    ) -> Result<BTreeMap<String, Tally>, StoreError> {
        /// One check's tally as a query returns it.
        #[derive(sqlx::FromRow)]
        struct Row {
            check_id: String,
            #[sqlx(flatten)]
            tally: Tally,
        }
        let (hours, edges) = split(span);
        let mut out: BTreeMap<String, Tally> = BTreeMap::new();
        let mut add = |rows: Vec<Row>| {
            for r in rows {
                out.entry(r.check_id).or_default().add(&r.tally);
            }
        };
        if let Some((first, end)) = hours {
            let sql = format!(
                "SELECT check_id, CAST(SUM(runs) AS BIGINT) AS times, \
                        CAST(SUM(CASE WHEN effective = 'CRIT' THEN runs ELSE 0 END) AS BIGINT) AS crit, \
                        CAST(SUM(CASE WHEN effective = 'OK' THEN runs ELSE 0 END) AS BIGINT) AS ok, \
                        CAST(SUM(CASE WHEN effective = 'UNKNOWN' THEN runs ELSE 0 END) AS BIGINT) AS unknown, \
                        MIN(first_run) AS first_run, \
                        (SELECT h.last_run FROM outcome_hours h WHERE h.check_id = outcome_hours.check_id \
                           AND h.hour >= $1 AND h.hour < $2 AND {filter} \
                           ORDER BY h.hour DESC, h.last_run DESC LIMIT 1) AS last_run, \
                        CAST(MAX(hour) * 3600000 AS BIGINT) AS last_at \
                 FROM outcome_hours WHERE hour >= $1 AND hour < $2 AND {filter} GROUP BY check_id"
            );
            let mut q = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
                .bind(first)
                .bind(end);
            if let Some(k) = kind {
                q = q.bind(k.to_owned());
            }
            add(q.fetch_all(&self.pool).await.map_err(self.db())?);
        }
        for e in edges {
            let sql = format!(
                "SELECT check_id, COUNT(*) AS times, \
                        CAST(SUM(CASE WHEN effective = 'CRIT' THEN 1 ELSE 0 END) AS BIGINT) AS crit, \
                        CAST(SUM(CASE WHEN effective = 'OK' THEN 1 ELSE 0 END) AS BIGINT) AS ok, \
                        CAST(SUM(CASE WHEN effective = 'UNKNOWN' THEN 1 ELSE 0 END) AS BIGINT) AS unknown, \
                        MIN(run_id) AS first_run, \
                        (SELECT o.run_id FROM outcomes o JOIN runs r ON r.id = o.run_id \
                           WHERE o.check_id = outcomes.check_id AND r.started_at >= $1 AND r.started_at < $2 \
                           AND r.state <> 'running' AND {filter} \
                           ORDER BY r.started_at DESC, o.run_id DESC LIMIT 1) AS last_run, \
                        CAST($1 AS BIGINT) AS last_at \
                 FROM outcomes WHERE run_id IN \
                   (SELECT id FROM runs WHERE started_at >= $1 AND started_at < $2 AND state <> 'running') \
                   AND {filter} GROUP BY check_id"
            );
            let mut q = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
                .bind(e.from)
                .bind(e.to);
            if let Some(k) = kind {
                q = q.bind(k.to_owned());
            }
            add(q.fetch_all(&self.pool).await.map_err(self.db())?);
        }
        Ok(out)
    }

    /// One stored outcome's columns: (title, category, system, kind, effective, summary,
    /// metrics, finished_at).
    async fn outcome_of(&self, run: i64, check: &str) -> Result<OutcomeCols, StoreError> {
        sqlx::query_as(
            "SELECT title, category, system, kind, effective, summary, metrics, finished_at \
             FROM outcomes WHERE run_id = $1 AND check_id = $2",
        )
        .bind(run)
        .bind(check.to_owned())
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())
    }

    /// How many checks were not OK in the period, and the first `limit` of them with their last
    /// such outcome: those that were ever CRIT first (a one-off 严重 is never pushed out by a
    /// recurring 告警), then the most often.
    pub async fn abnormal_checks(
        &self,
        span: Span,
        limit: usize,
    ) -> Result<(usize, Vec<AbnormalCheck>), StoreError> {
        let mut found: Vec<(String, Tally)> = self
            .tallies(span, "effective <> 'OK'", None)
            .await?
            .into_iter()
            .collect();
        let total = found.len();
        found.sort_by(|a, b| {
            (b.1.crit > 0)
                .cmp(&(a.1.crit > 0))
                .then_with(|| b.1.times.cmp(&a.1.times))
                .then_with(|| a.0.cmp(&b.0))
        });
        found.truncate(limit);
        let mut out = Vec::with_capacity(found.len());
        for (check_id, t) in found {
            let last = self.outcome_of(t.last_run, &check_id).await?;
            let first = self.outcome_of(t.first_run, &check_id).await?;
            out.push(AbnormalCheck {
                check_id,
                title: last.0,
                category: last.1,
                system: last.2,
                kind: last.3,
                times: t.times,
                crit: t.crit,
                first_at: first.7,
                last_at: last.7,
                last_run: t.last_run,
                last_status: last.4,
                last_summary: last.5,
            });
        }
        Ok((total, out))
    }

    /// One metric of every outcome of a probe kind in a span that measured it: (check id,
    /// value). What the response-time targets average.
    pub async fn metric_values(
        &self,
        span: Span,
        kind: &str,
        metric: &str,
    ) -> Result<Vec<(String, f64)>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT check_id, metrics FROM outcomes WHERE kind = $1 AND finished_at >= $2 AND finished_at < $3",
        )
        .bind(kind.to_owned())
        .bind(span.from)
        .bind(span.to)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .filter_map(|(check, m)| {
                let metrics: Vec<crate::core::outcome::Metric> = serde_json::from_str(&m).ok()?;
                let v = metrics.iter().find(|x| x.name == metric)?.value;
                Some((check, v))
            })
            .collect())
    }

    /// Every outcome of these probe kinds in a span with the detail it kept (a data check's
    /// rules, a manifest's batches, a diff's keys), oldest first.
    pub async fn detailed_outcomes(
        &self,
        span: Span,
        kinds: &[&str],
    ) -> Result<Vec<DetailedOutcome>, StoreError> {
        let mut out = Vec::new();
        for kind in kinds {
            // DETAILED is a constant list of columns.
            let rows: Vec<DetailedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {DETAILED} FROM outcomes \
                 WHERE kind = $1 AND finished_at >= $2 AND finished_at < $3 ORDER BY finished_at"
            )))
            .bind((*kind).to_owned())
            .bind(span.from)
            .bind(span.to)
            .fetch_all(&self.pool)
            .await
            .map_err(self.db())?;
            out.extend(rows.into_iter().map(DetailedOutcome::from));
        }
        out.sort_by_key(|o| o.finished_at);
        Ok(out)
    }

    /// The newest outcome of each host of these checks, with its detail.
    pub async fn latest_detailed_outcomes(
        &self,
        checks: &[String],
    ) -> Result<Vec<DetailedOutcome>, StoreError> {
        let mut out = Vec::new();
        for check in checks {
            let rows: Vec<DetailedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {DETAILED} FROM outcomes o WHERE check_id = $1 AND run_id = \
                 (SELECT MAX(run_id) FROM outcomes WHERE check_id = o.check_id AND host = o.host) \
                 ORDER BY host"
            )))
            .bind(check.clone())
            .fetch_all(&self.pool)
            .await
            .map_err(self.db())?;
            out.extend(rows.into_iter().map(DetailedOutcome::from));
        }
        Ok(out)
    }

    /// The outcomes of one probe kind in one run, with their detail, by check and host.
    pub async fn run_detailed_outcomes(
        &self,
        run_id: i64,
        kind: &str,
    ) -> Result<Vec<DetailedOutcome>, StoreError> {
        let rows: Vec<DetailedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {DETAILED} FROM outcomes WHERE run_id = $1 AND kind = $2 ORDER BY check_id, host"
        )))
        .bind(run_id)
        .bind(kind.to_owned())
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(DetailedOutcome::from).collect())
    }

    /// Runs per local day and command.
    pub async fn day_runs(&self, span: Span, offset_ms: i64) -> Result<Vec<DayRuns>, StoreError> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT (started_at + $3) / 86400000, command, COUNT(*), MIN(started_at) FROM runs \
             WHERE started_at >= $1 AND started_at < $2 AND state <> 'running' \
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
        let found = self.tallies(span, "kind = $3", Some(kind)).await?;
        let mut out = Vec::with_capacity(found.len());
        for (check_id, t) in found {
            let last = self.outcome_of(t.last_run, &check_id).await?;
            out.push(CheckLatest {
                check_id,
                title: last.0,
                times: t.times,
                ok: t.ok,
                unknown: t.unknown,
                last_run: t.last_run,
                last_at: last.7,
                last_status: last.4,
                last_summary: last.5,
                last_metrics: last.6,
            });
        }
        Ok(out)
    }
}

type OutcomeCols = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    i64,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_into_whole_hours_and_raw_edges() {
        let h = HOUR;
        // Local midnight at +08:00 is a whole UTC hour: all from the roll-up.
        let (hours, edges) = split(Span {
            from: 16 * h,
            to: 40 * h,
        });
        assert_eq!((hours, edges.len()), (Some((16, 40)), 0));
        // A cut-off at 10:30 reads its last half hour raw.
        let (hours, edges) = split(Span {
            from: 16 * h,
            to: 40 * h + h / 2,
        });
        assert_eq!(hours, Some((16, 40)));
        assert_eq!((edges[0].from, edges[0].to), (40 * h, 40 * h + h / 2));
        // +05:30 starts mid-hour; a span inside one hour is all raw.
        let (hours, edges) = split(Span {
            from: 16 * h + h / 2,
            to: 18 * h,
        });
        assert_eq!((hours, edges[0].to), (Some((17, 18)), 17 * h));
        let (hours, edges) = split(Span {
            from: h + 1,
            to: h + 2,
        });
        assert_eq!((hours, edges.len()), (None, 1));
    }
}
