//! Reading the history: runs, their outcomes, and the difference between two runs.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{Store, StoreError};
use crate::core::outcome::Category;
use crate::core::outcome::{CheckInfo, Metric, Outcome, Status, subject};

/// One run as listed.
#[derive(Clone, Debug, Serialize)]
pub struct RunRow {
    /// Run id.
    pub id: i64,
    /// Node name.
    pub node: String,
    /// Command that made it.
    pub command: String,
    /// Start, epoch ms UTC.
    pub started_at: i64,
    /// End, epoch ms UTC.
    pub finished_at: Option<i64>,
    /// running | finished | interrupted.
    pub state: RunState,
    /// Worst effective status.
    pub status: Option<Status>,
    /// Checks planned.
    pub planned: i64,
    /// Selected checks that were disabled.
    pub disabled: i64,
    /// Checks with an outcome.
    pub done: i64,
    /// Outcome counts per effective status.
    pub counts: BTreeMap<Status, i64>,
    /// For an inspection done on paper and entered later (`history import`): who entered it
    /// and what it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backfill: Option<Backfill>,
}

/// How a back-filled run came into the history.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Backfill {
    /// Who entered it.
    pub by: String,
    /// What it was (the paper record's number, who inspected).
    pub note: String,
    /// The file it was read from.
    pub source: String,
    /// When it was entered, epoch ms.
    pub entered_at: i64,
}

/// A stored outcome with its check description.
#[derive(Clone, Debug, Serialize)]
pub struct StoredOutcome {
    /// The check.
    #[serde(flatten)]
    pub info: CheckInfo,
    /// What it found.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// How a run is named on the command line: a number, `latest`, or `latest~N` (N runs before).
#[derive(Clone, Debug, PartialEq)]
pub enum RunRef {
    /// By id.
    Id(i64),
    /// The newest run minus N.
    Latest(u32),
}

impl std::str::FromStr for RunRef {
    type Err = String;
    fn from_str(s: &str) -> Result<RunRef, String> {
        let bad = || {
            format!(
                "`{s}` is not a run: use a run number from `znode history`, `latest` or `latest~1`"
            )
        };
        if let Ok(n) = s.trim_start_matches('#').parse::<i64>() {
            return Ok(RunRef::Id(n));
        }
        match s.strip_prefix("latest").or_else(|| s.strip_prefix("last")) {
            Some("") => Ok(RunRef::Latest(0)),
            Some(rest) => rest
                .strip_prefix('~')
                .and_then(|n| n.parse().ok())
                .map(RunRef::Latest)
                .ok_or_else(bad),
            None => Err(bad()),
        }
    }
}

/// One check in a diff.
#[derive(Clone, Debug, Serialize)]
pub struct DiffEntry {
    /// Check id.
    pub check: String,
    /// Title.
    pub title: String,
    /// Category.
    pub category: Category,
    /// Effective status in the first run, if it ran there.
    pub before: Option<Status>,
    /// Effective status in the second run, if it ran there.
    pub after: Option<Status>,
    /// The reason line in the second run (or the first, for gone checks).
    pub summary: String,
}

/// What changed between two runs.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    /// The earlier run.
    pub from: i64,
    /// The later run.
    pub to: i64,
    /// Status got worse.
    pub worse: Vec<DiffEntry>,
    /// Was not OK, is OK now.
    pub recovered: Vec<DiffEntry>,
    /// Got better but is still not OK.
    pub improved: Vec<DiffEntry>,
    /// Not in the first run.
    pub new: Vec<DiffEntry>,
    /// In the first run, not in the second.
    pub gone: Vec<DiffEntry>,
    /// Same non-OK status in both.
    pub still_failing: Vec<DiffEntry>,
    /// Same OK status in both.
    pub unchanged_ok: usize,
    /// The two runs selected different checks (another command, or other filters): what is
    /// new or gone may be only outside one run's selection. Each run's command and filters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selections: Option<[String; 2]>,
}

/// Where a recorded run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunState {
    /// Checks are running (or its process died and no one has opened the store since).
    Running,
    /// Every planned check finished.
    Finished,
    /// Stopped by a signal or a dead process before every check finished.
    Interrupted,
}

impl RunState {
    /// As stored and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Running => "running",
            RunState::Finished => "finished",
            RunState::Interrupted => "interrupted",
        }
    }

    /// The result of a run in this state whose worst outcome is `worst`: a run that did not
    /// complete is at least UNKNOWN, since what was not checked may hide anything.
    pub fn judge(self, worst: Status) -> Status {
        if self == RunState::Finished {
            worst
        } else {
            worst.max(Status::Unknown)
        }
    }

    /// From the store; a state this version does not know reads as interrupted (incomplete).
    fn parse(s: &str) -> RunState {
        match s {
            "running" => RunState::Running,
            "finished" => RunState::Finished,
            _ => RunState::Interrupted,
        }
    }
}

/// A row of `runs` as history reads it.
#[derive(sqlx::FromRow)]
struct RunRecord {
    id: i64,
    node: String,
    command: String,
    started_at: i64,
    finished_at: Option<i64>,
    state: String,
    status: Option<String>,
    planned: i64,
    disabled: i64,
    filters: String,
}

/// The columns a [`RunRecord`] reads.
const RUN_COLUMNS: &str =
    "id, node, command, started_at, finished_at, state, status, planned, disabled, filters";

/// One row of `outcomes` as history reads it.
#[derive(sqlx::FromRow)]
struct OutcomeRow {
    check_id: String,
    host: String,
    unreached: i64,
    title: String,
    category: String,
    item: Option<i64>,
    system: Option<String>,
    target: Option<String>,
    kind: String,
    service: i64,
    status: String,
    summary: String,
    summary_en: String,
    primary_key: Option<String>,
    metrics: String,
    evidence: String,
    duration_ms: i64,
    attempts: i64,
    flaky: i64,
    waiver: Option<String>,
    detail: String,
}

impl From<OutcomeRow> for StoredOutcome {
    fn from(r: OutcomeRow) -> StoredOutcome {
        StoredOutcome {
            info: CheckInfo {
                title: r.title,
                category: Category::parse(&r.category).unwrap_or(Category::Daily),
                item: r.item.and_then(|i| u8::try_from(i).ok()),
                system: r.system,
                target: r.target,
                kind: r.kind,
                service: r.service != 0,
            },
            outcome: Outcome {
                check: r.check_id,
                host: Some(r.host).filter(|h| !h.is_empty()),
                unreached: r.unreached != 0,
                status: Status::parse(&r.status).unwrap_or(Status::Unknown),
                summary: r.summary,
                summary_en: r.summary_en,
                primary: r.primary_key,
                metrics: serde_json::from_str(&r.metrics).unwrap_or_default(),
                evidence: serde_json::from_str(&r.evidence).unwrap_or_default(),
                duration: std::time::Duration::from_millis(
                    u64::try_from(r.duration_ms).unwrap_or(0),
                ),
                attempts: u32::try_from(r.attempts).unwrap_or(1),
                flaky: r.flaky != 0,
                waiver: r.waiver.and_then(|w| serde_json::from_str(&w).ok()),
                facts: Default::default(),
                detail: serde_json::from_str(&r.detail).ok(),
            },
        }
    }
}

impl Store {
    /// The newest runs first.
    pub async fn list_runs(&self, limit: i64) -> Result<Vec<RunRow>, StoreError> {
        let rows: Vec<RunRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {RUN_COLUMNS} FROM runs ORDER BY started_at DESC, id DESC LIMIT $1"
        )))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.push(self.run_row(r).await?);
        }
        Ok(out)
    }

    async fn run_row(&self, r: RunRecord) -> Result<RunRow, StoreError> {
        let counts: Vec<(String, i64)> = sqlx::query_as(
            "SELECT effective, COUNT(*) FROM outcomes WHERE run_id = $1 GROUP BY effective",
        )
        .bind(r.id)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        let counts: BTreeMap<Status, i64> = counts
            .into_iter()
            .filter_map(|(s, n)| Some((Status::parse(&s)?, n)))
            .collect();
        let state = RunState::parse(&r.state);
        Ok(RunRow {
            id: r.id,
            node: r.node,
            command: r.command,
            started_at: r.started_at,
            finished_at: r.finished_at,
            state,
            // Runs stored before an interrupted run was judged UNKNOWN read the same way.
            status: r
                .status
                .as_deref()
                .and_then(Status::parse)
                .map(|s| state.judge(s)),
            planned: r.planned,
            disabled: r.disabled,
            done: counts.values().sum(),
            counts,
            backfill: serde_json::from_str::<serde_json::Value>(&r.filters)
                .ok()
                .and_then(|f| serde_json::from_value(f.get("backfill")?.clone()).ok()),
        })
    }

    /// Finds a run by reference.
    pub async fn resolve(&self, r: &RunRef) -> Result<RunRow, StoreError> {
        self.resolve_of(r, None).await
    }

    /// Finds a run by reference among the runs of one command (`inspect`): `latest` is then
    /// that command's newest run.
    pub async fn resolve_of(
        &self,
        r: &RunRef,
        command: Option<&str>,
    ) -> Result<RunRow, StoreError> {
        if let (RunRef::Latest(n), Some(command)) = (r, command) {
            let row: Option<RunRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {RUN_COLUMNS} FROM runs WHERE command = $1 ORDER BY started_at DESC, id DESC LIMIT 1 OFFSET $2"
            )))
            .bind(command.to_owned())
            .bind(i64::from(*n))
            .fetch_optional(&self.pool)
            .await
            .map_err(self.db())?;
            return match row {
                Some(r) => self.run_row(r).await,
                None => Err(StoreError::NoSuchRun(format!(
                    "{} of `{command}`",
                    if *n == 0 {
                        "latest".to_owned()
                    } else {
                        format!("latest~{n}")
                    }
                ))),
            };
        }
        let (sql, arg, name) = match r {
            RunRef::Id(id) => (
                format!("SELECT {RUN_COLUMNS} FROM runs WHERE id = $1"),
                *id,
                format!("#{id}"),
            ),
            RunRef::Latest(n) => (
                format!(
                    "SELECT {RUN_COLUMNS} FROM runs ORDER BY started_at DESC, id DESC LIMIT 1 OFFSET $1"
                ),
                i64::from(*n),
                if *n == 0 {
                    "latest".to_owned()
                } else {
                    format!("latest~{n}")
                },
            ),
        };
        let row: Option<RunRecord> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(arg)
            .fetch_optional(&self.pool)
            .await
            .map_err(self.db())?;
        match row {
            Some(r) => self.run_row(r).await,
            None => Err(StoreError::NoSuchRun(name)),
        }
    }

    /// Every outcome of a run, in the order the checks were declared when it ran.
    pub async fn outcomes(&self, run: i64) -> Result<Vec<StoredOutcome>, StoreError> {
        let rows: Vec<OutcomeRow> = sqlx::query_as(
            "SELECT check_id, host, unreached, title, category, item, system, target, kind, service, status, summary, summary_en, primary_key, \
             metrics, evidence, duration_ms, attempts, flaky, waiver, detail FROM outcomes WHERE run_id = $1 ORDER BY finished_at, check_id, host",
        )
        .bind(run)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().map(StoredOutcome::from).collect())
    }

    /// The metrics of each check's most recent outcome before `run`, by subject (`check` or
    /// `check@host`): the previous observation that counter probes (evictions, slow queries,
    /// errors) turn into changes.
    pub async fn previous_metrics(
        &self,
        run: i64,
    ) -> Result<HashMap<String, Vec<Metric>>, StoreError> {
        // Outcomes that measured nothing (a failed probe, a result entered from paper) are no
        // earlier reading.
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT o.check_id, o.host, o.metrics FROM outcomes o \
             JOIN (SELECT check_id, host, MAX(run_id) AS run_id FROM outcomes WHERE run_id < $1 AND metrics <> '[]' GROUP BY check_id, host) l \
             ON o.check_id = l.check_id AND o.host = l.host AND o.run_id = l.run_id",
        )
        .bind(run)
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, host, m)| {
                let host = Some(host.as_str()).filter(|h| !h.is_empty());
                Some((subject(&id, host), serde_json::from_str(&m).ok()?))
            })
            .collect())
    }

    /// The metrics of these checks' outcomes on the jump host since `since` (epoch ms),
    /// oldest first: the history `baseline:` judges by.
    pub async fn recent_metrics(
        &self,
        checks: &[String],
        since: i64,
    ) -> Result<HashMap<String, Vec<Vec<Metric>>>, StoreError> {
        let mut out: HashMap<String, Vec<Vec<Metric>>> = HashMap::new();
        for check in checks {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT metrics FROM outcomes WHERE check_id = $1 AND host = '' AND finished_at >= $2 \
                 AND metrics <> '[]' ORDER BY finished_at",
            )
            .bind(check)
            .bind(since)
            .fetch_all(&self.pool)
            .await
            .map_err(self.db())?;
            out.insert(
                check.clone(),
                rows.into_iter()
                    .filter_map(|(m,)| serde_json::from_str(&m).ok())
                    .collect(),
            );
        }
        Ok(out)
    }

    /// When each host last had an outcome observed on it (epoch ms): what push hosts'
    /// heartbeats are judged by.
    pub async fn last_seen_hosts(&self) -> Result<HashMap<String, i64>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT host, MAX(finished_at) FROM outcomes WHERE host <> '' AND unreached = 0 AND kind <> 'heartbeat' GROUP BY host",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows.into_iter().collect())
    }

    /// The back-filled inspection entered for exactly this time, if any.
    pub async fn backfilled_run_at(&self, at: i64) -> Result<Option<i64>, StoreError> {
        let r: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM runs WHERE command = 'inspect' AND started_at = $1 AND filters LIKE '%\"backfill\"%' LIMIT 1",
        )
        .bind(at)
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(r.map(|r| r.0))
    }

    /// The title a check had when it last ran, if it ever did.
    pub async fn check_title(&self, check: &str) -> Result<Option<String>, StoreError> {
        let r: Option<(String,)> = sqlx::query_as(
            "SELECT title FROM outcomes WHERE check_id = $1 ORDER BY finished_at DESC LIMIT 1",
        )
        .bind(check.to_owned())
        .fetch_optional(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(r.map(|r| r.0))
    }

    /// Every stored outcome of a check since a time, oldest first: (finished_at ms, status,
    /// metrics).
    pub async fn check_history(
        &self,
        subject: &str,
        since: i64,
    ) -> Result<Vec<(i64, Status, Vec<Metric>)>, StoreError> {
        // `check@host` is that host's history only; a bare id is every host's.
        let (check, host) = subject.split_once('@').unwrap_or((subject, ""));
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT finished_at, status, metrics FROM outcomes WHERE check_id = $1 AND finished_at >= $2 \
             AND ($3 = '' OR host = $3) ORDER BY finished_at",
        )
        .bind(check.to_owned())
        .bind(since)
        .bind(host.to_owned())
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(|(t, st, m)| {
                (
                    t,
                    Status::parse(&st).unwrap_or(Status::Unknown),
                    serde_json::from_str(&m).unwrap_or_default(),
                )
            })
            .collect())
    }

    /// Compares two runs check by check.
    pub async fn diff(&self, from: i64, to: i64) -> Result<Diff, StoreError> {
        let a = self.outcomes(from).await?;
        let b = self.outcomes(to).await?;
        let mut d = diff(from, to, &a, &b);
        let selection = |run: i64| async move {
            let r: Option<(String, String)> =
                sqlx::query_as("SELECT command, filters FROM runs WHERE id = $1")
                    .bind(run)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(self.db())?;
            Ok::<_, StoreError>(r.map(|(c, f)| selection_words(&c, &f)).unwrap_or_default())
        };
        let (sa, sb) = (selection(from).await?, selection(to).await?);
        if sa != sb {
            d.selections = Some([sa, sb]);
        }
        Ok(d)
    }
}

/// A run's selection in words: its command and the filters it was given (`inspect
/// --check db-up`); back-filled and incremental markers are not a selection.
fn selection_words(command: &str, filters: &str) -> String {
    let mut words = vec![command.to_owned()];
    if let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(filters) {
        for (k, v) in m {
            let shown = match &v {
                serde_json::Value::Array(a) if !a.is_empty() => a
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
                    .join(","),
                serde_json::Value::String(s) if !s.is_empty() => s.clone(),
                _ => continue,
            };
            // The selection flags, stored under their plural names.
            let flag = match k.as_str() {
                "checks" => "check",
                "systems" => "system",
                "categories" => "category",
                "tags" => "tag",
                "hosts" => "host",
                "sources" => "source",
                "policies" => "policy",
                _ => continue,
            };
            words.push(format!("--{flag} {shown}"));
        }
    }
    words.join(" ")
}

/// Compares two sets of outcomes by subject (check, and host when not the jump host), on
/// effective status.
pub fn diff(from: i64, to: i64, a: &[StoredOutcome], b: &[StoredOutcome]) -> Diff {
    let before: BTreeMap<String, &StoredOutcome> =
        a.iter().map(|o| (o.outcome.subject(), o)).collect();
    let after: BTreeMap<String, &StoredOutcome> =
        b.iter().map(|o| (o.outcome.subject(), o)).collect();
    let mut d = Diff {
        from,
        to,
        worse: vec![],
        recovered: vec![],
        improved: vec![],
        new: vec![],
        gone: vec![],
        still_failing: vec![],
        unchanged_ok: 0,
        selections: None,
    };
    let entry = |o: &StoredOutcome, before: Option<Status>, after: Option<Status>| DiffEntry {
        check: o.outcome.subject(),
        title: o.info.title.clone(),
        category: o.info.category,
        before,
        after,
        summary: o.outcome.summary.clone(),
    };
    for o in b {
        let now = o.outcome.effective_status();
        match before.get(&o.outcome.subject()) {
            None => d.new.push(entry(o, None, Some(now))),
            Some(prev) => {
                let was = prev.outcome.effective_status();
                let e = entry(o, Some(was), Some(now));
                match (was, now) {
                    (w, n) if n > w => d.worse.push(e),
                    (w, Status::Ok) if w != Status::Ok => d.recovered.push(e),
                    (w, n) if n < w => d.improved.push(e),
                    (_, Status::Ok) => d.unchanged_ok += 1,
                    _ => d.still_failing.push(e),
                }
            }
        }
    }
    for o in a {
        if !after.contains_key(&o.outcome.subject()) {
            d.gone
                .push(entry(o, Some(o.outcome.effective_status()), None));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_refs() {
        assert_eq!("12".parse::<RunRef>(), Ok(RunRef::Id(12)));
        assert_eq!("#12".parse::<RunRef>(), Ok(RunRef::Id(12)));
        assert_eq!("latest".parse::<RunRef>(), Ok(RunRef::Latest(0)));
        assert_eq!("latest~2".parse::<RunRef>(), Ok(RunRef::Latest(2)));
        assert!("yesterday".parse::<RunRef>().is_err());
    }
}
