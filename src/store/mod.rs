//! The history store: every run and every outcome, in SQLite (default) or PostgreSQL.
//!
//! Schema (see `migrations/`): `runs` has one row per `znode inspect`, created before the first
//! check starts with state `running` and closed as `finished` or `interrupted`; `outcomes` has
//! one row per check of a run, committed as soon as the check finishes (checks finishing while a
//! write is in progress share the next commit), so a run cut short keeps everything it learned. A run left `running` by a process that no longer
//! exists (kill -9, power loss) is marked `interrupted` the next time the store is opened.
//! Times are epoch milliseconds UTC; display converts to the configured timezone.
//!
//! One migration folder per backend, embedded in the binary; sqlx's `Any` driver serves both,
//! which limits column types to integers, floats and text (hence JSON in text columns).

mod access;
mod aggregate;
mod config;
mod document;
mod incident;
mod logs;
mod query;
mod record;
mod runbook;
pub mod spool;
mod sync;
mod watch;

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::MigrateDatabase;
use sqlx::{Any, AnyPool, Executor};

pub use access::AccessReview;
pub use aggregate::{
    AbnormalCheck, CheckLatest, DayCount, DayRuns, DetailedOutcome, HostCount, Uptime,
};
pub use config::{ConfigBaseline, NewBaseline};
pub use document::Document;
pub use incident::NewIncident;
pub use logs::{KnownTemplate, template_hash};
pub use query::{Backfill, Diff, DiffEntry, RunRef, RunRow, RunState, StoredOutcome};
pub use record::NewRecord;
pub use runbook::{Event as JournalEvent, NewMessage, PlaybookRun, PlaybookState, QueuedMessage};
pub use sync::{Release, ReleaseStep, StepState};
pub use watch::{
    AlertRow, AlertSubject, Episode, HourCount, Silence, WatchEvent, WatchSession, episodes,
};

use crate::core::clock::now_ms;
use crate::core::outcome::{CheckInfo, Outcome, Status};

/// Why the store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Opening, migrating or querying failed.
    #[error("history store {url}: {source}")]
    Db {
        /// Store URL without credentials.
        url: String,
        /// Driver error.
        source: sqlx::Error,
    },
    /// Migrations failed.
    #[error("history store {url}: migration failed: {source}")]
    Migrate {
        /// Store URL without credentials.
        url: String,
        /// Migration error.
        source: sqlx::migrate::MigrateError,
    },
    /// The store was migrated by a newer znode: opening it with this one would corrupt it.
    #[error(
        "history store {url} was written by a newer znode (schema {found}; this znode {version} knows up to {known}): install that version or newer, never an older one over a store it has migrated"
    )]
    Newer {
        /// Store URL without credentials.
        url: String,
        /// The newest migration applied to the store.
        found: i64,
        /// The newest this build knows.
        known: i64,
        /// This build's version.
        version: &'static str,
    },
    /// A run that does not exist.
    #[error("no run {0} in the history")]
    NoSuchRun(String),
    /// The SQLite file is not a database, or its pages are damaged.
    #[error(
        "history store {path}: {why}; move it aside (`mv {path} {path}.broken`) and znode starts a new history, or put back a copy from a backup"
    )]
    Corrupt {
        /// The file.
        path: String,
        /// What is wrong with it.
        why: String,
    },
    /// Something other than a run that does not exist (an incident, a record).
    #[error("no {0} in the history")]
    NotFound(String),
    /// A row this version cannot read (written by a newer version, or edited by hand).
    #[error("history store: {0}")]
    Unreadable(String),
    /// The store has not been created yet (nothing was ever run with it).
    #[error("no history at {0} yet; run `znode inspect` first")]
    Missing(String),
}

/// The open history store.
pub struct Store {
    pool: AnyPool,
    url: String,
}

/// What a new run is.
pub struct NewRun<'a> {
    /// Node name.
    pub node: &'a str,
    /// The command (`inspect`).
    pub command: &'a str,
    /// Checks planned.
    pub planned: usize,
    /// Selected checks that are disabled.
    pub disabled: usize,
    /// JSON of the selection.
    pub filters: String,
}

impl Store {
    /// The newest schema version (migration number) this build knows; both backends have the
    /// same numbers.
    pub fn schema_version() -> i64 {
        sqlx::migrate!("src/store/migrations/sqlite")
            .iter()
            .map(|m| m.version)
            .max()
            .unwrap_or(0)
    }

    /// The schema version the store is at (its newest applied migration).
    pub async fn applied_schema(&self) -> Result<i64, StoreError> {
        let (v,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await
                .map_err(self.db())?;
        Ok(v)
    }

    /// Whether this account may write the history: a write statement that changes no row
    /// still needs a writable SQLite file (a write lock) or PostgreSQL's UPDATE right.
    pub async fn check_writable(&self) -> Result<(), StoreError> {
        sqlx::query("UPDATE runs SET node = node WHERE 1 = 0")
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(())
    }

    /// Opens the store for writing, creating and migrating it if needed.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::connect(url, true).await
    }

    /// Opens an existing store for reading; never creates one.
    pub async fn open_existing(url: &str) -> Result<Store, StoreError> {
        Store::connect(url, false).await
    }

    /// Opens an existing store as it is, to look at it (`znode doctor`): not created, not
    /// migrated, nothing written.
    pub async fn open_as_is(url: &str) -> Result<Store, StoreError> {
        Store::connect_with(url, false, false).await
    }

    async fn connect(url: &str, create: bool) -> Result<Store, StoreError> {
        Store::connect_with(url, create, true).await
    }

    async fn connect_with(url: &str, create: bool, migrate: bool) -> Result<Store, StoreError> {
        install_default_drivers();
        let shown = crate::core::secret::redact_url(url);
        let db = |source| StoreError::Db {
            url: shown.clone(),
            source,
        };
        let sqlite = url.starts_with("sqlite:");
        if sqlite {
            check_sqlite_header(url)?;
        }
        if !Any::database_exists(url).await.map_err(db)? {
            if !create {
                return Err(StoreError::Missing(shown));
            }
            if sqlite
                && let Some(parent) =
                    std::path::Path::new(url.trim_start_matches("sqlite://")).parent()
            {
                let _ = std::fs::create_dir_all(parent);
            }
            // Another znode may be creating it at the same moment; that is fine.
            if let Err(e) = Any::create_database(url).await
                && !Any::database_exists(url).await.unwrap_or(false)
            {
                return Err(db(e));
            }
        }
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 1 } else { 4 })
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // With WAL, NORMAL syncs at checkpoints instead of every commit: a crash
                        // may lose the last outcomes but never corrupts the history.
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .map_err(db)?;
        if !migrate {
            return Ok(Store { pool, url: shown });
        }
        if sqlite {
            pool.execute("PRAGMA journal_mode = WAL")
                .await
                .map_err(db)?;
        }
        // Two processes opening a new store at once race on the first migration (SQLite has no
        // migration lock); the loser finds it applied on the next attempt.
        let mut attempt = 0;
        loop {
            let migrated = if sqlite {
                sqlx::migrate!("src/store/migrations/sqlite")
                    .run(&pool)
                    .await
            } else {
                sqlx::migrate!("src/store/migrations/postgres")
                    .run(&pool)
                    .await
            };
            match migrated {
                Ok(()) => break,
                // A downgrade: refused at once, never retried.
                Err(sqlx::migrate::MigrateError::VersionMissing(found)) => {
                    return Err(StoreError::Newer {
                        url: shown.clone(),
                        found,
                        known: Store::schema_version(),
                        version: env!("CARGO_PKG_VERSION"),
                    });
                }
                Err(_) if attempt < 5 => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
                }
                Err(source) => {
                    return Err(StoreError::Migrate {
                        url: shown.clone(),
                        source,
                    });
                }
            }
        }
        let store = Store { pool, url: shown };
        store.close_orphans().await?;
        Ok(store)
    }

    fn db(&self) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        |source| {
            // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): say what the file is and what to do,
            // not the driver's words.
            if self.url.starts_with("sqlite:")
                && let sqlx::Error::Database(e) = &source
                && matches!(e.code().as_deref(), Some("11" | "26"))
            {
                let path = sqlite_path(&self.url);
                return StoreError::Corrupt {
                    why: format!(
                        "its pages are damaged ({}); `sqlite3 {path} .recover | sqlite3 {path}.recovered` saves what can still be read",
                        e.message()
                    ),
                    path,
                };
            }
            StoreError::Db {
                url: self.url.clone(),
                source,
            }
        }
    }

    /// Records the start of a run; returns its id and the start time it recorded.
    pub async fn begin_run(&self, run: &NewRun<'_>) -> Result<(i64, i64), StoreError> {
        self.begin_run_at(run, now_ms()).await
    }

    /// Records a run that started at `started` (a spooled run written late).
    pub async fn begin_run_at(
        &self,
        run: &NewRun<'_>,
        started: i64,
    ) -> Result<(i64, i64), StoreError> {
        let host = hostname();
        let id: (i64,) = sqlx::query_as(
            "INSERT INTO runs (node, command, started_at, state, planned, disabled, filters, version, host, pid) \
             VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(run.node)
        .bind(run.command)
        .bind(started)
        .bind(run.planned as i64)
        .bind(run.disabled as i64)
        .bind(&run.filters)
        .bind(env!("CARGO_PKG_VERSION"))
        .bind(host)
        .bind(i64::from(std::process::id()))
        .fetch_one(&self.pool)
        .await
        .map_err(self.db())?;
        Ok((id.0, started))
    }

    /// Stores outcomes of a run in one transaction. The inspect loop passes whatever finished
    /// while the previous write was in progress: alone, an outcome is committed alone; under load,
    /// outcomes that finished together share a commit (group commit), which keeps a thousand
    /// checks from costing a thousand WAL commits and worker-thread round trips.
    pub async fn record(
        &self,
        run: i64,
        outcomes: &[(&CheckInfo, &Outcome)],
    ) -> Result<(), StoreError> {
        self.record_at(run, outcomes, now_ms()).await
    }

    /// Stores outcomes that finished at `finished` (spooled outcomes written late).
    pub async fn record_at(
        &self,
        run: i64,
        outcomes: &[(&CheckInfo, &Outcome)],
        finished: i64,
    ) -> Result<(), StoreError> {
        const COLUMNS: usize = 24;
        // sqlx's SQLite driver resolves each `$N` by name, quadratic in a statement's parameters;
        // 8 rows of 19 keeps that cheap and far below every backend's parameter limit.
        const ROWS: usize = 8;
        let json = |v: &dyn erased::Json| v.to_json();
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        for chunk in outcomes.chunks(ROWS) {
            let mut sql = String::from(
                "INSERT INTO outcomes (run_id, check_id, host, unreached, title, category, item, system, target, kind, service, status, effective, \
                 summary, summary_en, primary_key, metrics, evidence, duration_ms, attempts, flaky, waiver, finished_at, detail) VALUES ",
            );
            for r in 0..chunk.len() {
                let params: Vec<String> = (1..=COLUMNS)
                    .map(|c| format!("${}", r * COLUMNS + c))
                    .collect();
                sql.push_str(if r == 0 { "(" } else { ", (" });
                sql.push_str(&params.join(", "));
                sql.push(')');
            }
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (info, o) in chunk {
                q = q
                    .bind(run)
                    .bind(o.check.clone())
                    .bind(o.host.clone().unwrap_or_default())
                    .bind(i64::from(o.unreached))
                    .bind(info.title.clone())
                    .bind(info.category.zh())
                    .bind(info.item.map(i64::from))
                    .bind(info.system.clone())
                    .bind(info.target.clone())
                    .bind(info.kind.clone())
                    .bind(i64::from(info.service))
                    .bind(o.status.as_str())
                    .bind(o.effective_status().as_str())
                    .bind(o.summary.clone())
                    .bind(o.summary_en.clone())
                    .bind(o.primary.clone())
                    .bind(json(&o.metrics))
                    .bind(json(&o.evidence))
                    .bind(o.duration.as_millis() as i64)
                    .bind(i64::from(o.attempts))
                    .bind(i64::from(o.flaky))
                    .bind(o.waiver.as_ref().map(|w| json(w)))
                    .bind(finished)
                    .bind(o.detail.as_ref().map_or(String::new(), |d| d.to_string()));
            }
            q.execute(&mut *tx).await.map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())
    }

    /// Closes a run; returns its worst effective status and the finish time it recorded.
    pub async fn finish_run(
        &self,
        run: i64,
        interrupted: bool,
    ) -> Result<(Status, i64), StoreError> {
        self.finish_run_at(run, interrupted, now_ms()).await
    }

    /// A run's state as stored (`running`, `finished`, `interrupted`), if it exists.
    pub(crate) async fn run_state(&self, run: i64) -> Result<Option<String>, StoreError> {
        let r: Option<(String,)> = sqlx::query_as("SELECT state FROM runs WHERE id = $1")
            .bind(run)
            .fetch_optional(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(r.map(|r| r.0))
    }

    /// Rolls up outcomes of `checks` added to a run already closed, and closes it again as the
    /// spool says it ended (`interrupted`, at `finished`).
    pub(crate) async fn roll_up_added(
        &self,
        run: i64,
        checks: &[String],
        interrupted: bool,
        finished: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        aggregate::roll_up(&mut tx, run, Some(checks))
            .await
            .map_err(self.db())?;
        tx.commit().await.map_err(self.db())?;
        let (state, worst) = self.judged(run, interrupted).await?;
        sqlx::query("UPDATE runs SET status = $1, state = $2, finished_at = $3 WHERE id = $4")
            .bind(worst.as_str())
            .bind(state.as_str())
            .bind(finished)
            .bind(run)
            .execute(&self.pool)
            .await
            .map_err(self.db())?;
        Ok(())
    }

    /// The state a run closes in, and its result judged from its stored outcomes.
    async fn judged(&self, run: i64, interrupted: bool) -> Result<(RunState, Status), StoreError> {
        let statuses: Vec<(String,)> =
            sqlx::query_as("SELECT effective FROM outcomes WHERE run_id = $1")
                .bind(run)
                .fetch_all(&self.pool)
                .await
                .map_err(self.db())?;
        let state = if interrupted {
            RunState::Interrupted
        } else {
            RunState::Finished
        };
        let worst = state.judge(Status::worst(
            statuses.iter().filter_map(|s| Status::parse(&s.0)),
        ));
        Ok((state, worst))
    }

    /// Closes a run at `finished` (a spooled run written late).
    pub async fn finish_run_at(
        &self,
        run: i64,
        interrupted: bool,
        finished: i64,
    ) -> Result<(Status, i64), StoreError> {
        let (state, worst) = self.judged(run, interrupted).await?;

        let mut tx = self.pool.begin().await.map_err(self.db())?;
        let closed = sqlx::query(
            "UPDATE runs SET finished_at = $1, state = $2, status = $3 WHERE id = $4 AND state = 'running'",
        )
        .bind(finished)
        .bind(state.as_str())
        .bind(worst.as_str())
        .bind(run)
        .execute(&mut *tx)
        .await
        .map_err(self.db())?;
        // Rolled up once, by whoever closes the run, in the same transaction.
        if closed.rows_affected() == 1 {
            aggregate::roll_up(&mut tx, run, None)
                .await
                .map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())?;
        Ok((worst, finished))
    }

    /// Marks runs of this host whose process is gone as interrupted.
    async fn close_orphans(&self) -> Result<(), StoreError> {
        let host = hostname();
        let running: Vec<(i64, i64)> =
            sqlx::query_as("SELECT id, pid FROM runs WHERE state = 'running' AND host = $1")
                .bind(&host)
                .fetch_all(&self.pool)
                .await
                .map_err(self.db())?;
        for (id, pid) in running {
            let alive = i32::try_from(pid)
                .is_ok_and(|p| nix::sys::signal::kill(nix::unistd::Pid::from_raw(p), None).is_ok());
            if !alive {
                self.finish_run(id, true).await?;
            }
        }
        Ok(())
    }

    /// Closes the pool, flushing SQLite's WAL.
    pub async fn close(self) {
        self.pool.close().await;
    }
}

/// A file that is not an SQLite database would make every connection fail until the pool
/// gives up (30 s, "pool timed out"): it is recognised by its header at once.
fn check_sqlite_header(url: &str) -> Result<(), StoreError> {
    let path = sqlite_path(url);
    let Ok(mut f) = std::fs::File::open(&path) else {
        return Ok(());
    };
    let mut head = [0u8; 16];
    let n = crate::core::fsx::read_full(&mut f, &mut head).unwrap_or(0);
    // An empty file is a new store.
    if n == 0 || head[..n] == b"SQLite format 3\0"[..n] && n == 16 {
        return Ok(());
    }
    Err(StoreError::Corrupt {
        path,
        why: "not an SQLite database (its first bytes are not `SQLite format 3`)".into(),
    })
}

/// The file of an SQLite store URL.
fn sqlite_path(url: &str) -> String {
    url.trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Serializes values for JSON text columns.
mod erased {
    /// Anything that can be a JSON column.
    pub(super) trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            // Serializing plain data structs with string keys cannot fail.
            serde_json::to_string(self).unwrap_or_else(|_| "null".into())
        }
    }
}

pub(crate) fn hostname() -> String {
    nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "unknown".into())
}

impl From<StoreError> for crate::core::error::Error {
    fn from(e: StoreError) -> crate::core::error::Error {
        crate::core::error::Error::Store(e.to_string())
    }
}
