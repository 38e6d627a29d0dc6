//! `sql`: connect to PostgreSQL, MySQL/MariaDB or SQLite and run a query; its single number is
//! judged by thresholds, or rows are expected or forbidden. Optionally the query runs inside a
//! transaction that is always rolled back (the 交易连接正常性测试 round trip).

use crate::core::text::Text;
use crate::text;
use std::time::{Duration, Instant};

use serde::Deserialize;
use sqlx::{Connection, Executor};

use crate::data::db::TextCells;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::secret::Secret;
use crate::core::target::Target;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sql {
    /// The query.
    query: String,
    /// Statements run first, in the same session (and transaction).
    #[serde(default)]
    setup: Vec<String>,
    /// What the result means: `value` (default: first column of the first row is a number),
    /// `rows` (at least one row expected), `no_rows` (any row is a finding).
    #[serde(default)]
    expect: Expect,
    /// Run setup and query in a transaction that is rolled back.
    #[serde(default)]
    transaction: bool,
}

#[derive(Debug, Default, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Expect {
    #[default]
    Value,
    Rows,
    NoRows,
}

impl Probe for Sql {
    const KIND: &'static str = "sql";
    const PLACE: super::Place = super::Place::Network;

    fn primary(&self) -> Option<&'static str> {
        Some(match self.expect {
            Expect::Value => "value",
            Expect::Rows | Expect::NoRows => "rows",
        })
    }

    fn validate(
        &self,
        target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        let hint = "point `target:` at a target with `dsn: postgres://user@host:5432/db` (or mysql://, sqlite://)";
        let Some(dsn) = target.and_then(Target::dsn) else {
            return Err(Invalid::new(
                "the sql probe needs a target with a `dsn`",
                hint,
            ));
        };
        match Backend::of(dsn) {
            Some(_) => Ok(()),
            None => Err(Invalid::new(
                format!("unsupported database DSN scheme in `{dsn}`"),
                hint,
            )),
        }
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let start = Instant::now();
        let (connect, rows) = self.execute(cx).await?;
        let total = start.elapsed().as_secs_f64();
        let mut obs = Observation::default()
            .metric(Metric::new("connect_time", connect, "s"))
            .metric(Metric::new("query_time", total - connect, "s"));
        obs.metrics.push(Metric::new("rows", rows.len() as f64, ""));
        match self.expect {
            Expect::Value => {
                let first = rows.first().and_then(|r| r.first()).cloned().flatten();
                match first.as_deref().map(str::parse::<f64>) {
                    Some(Ok(v)) => {
                        obs.metrics.push(Metric::new("value", v, ""));
                        obs.summary = text!(
                            "查询结果 {v}，用时 {ms:.0} ms（连接 {cms:.0} ms）",
                            "value {v} in {ms:.0} ms, connect {cms:.0} ms",
                            v = v,
                            ms = total * 1000.0,
                            cms = connect * 1000.0,
                        );
                    }
                    Some(Err(_)) => obs.fail(
                        Status::Unknown,
                        text!(
                            "查询结果“{v}”不是数值",
                            "the query returned `{v}`, not a number",
                            v = first.unwrap_or_default(),
                        ),
                    ),
                    None => obs.fail(
                        Status::Unknown,
                        text!(
                            "查询没有返回值（无记录或为空）",
                            "the query returned no value (no rows or NULL)"
                        ),
                    ),
                }
            }
            Expect::Rows => {
                obs.summary = rows_in(rows.len(), total);
                if rows.is_empty() {
                    obs.fail(
                        Status::Crit,
                        text!(
                            "查询没有返回记录，应至少有一条",
                            "the query returned no rows, expected at least one"
                        ),
                    );
                }
            }
            Expect::NoRows => {
                obs.summary = rows_in(rows.len(), total);
                if !rows.is_empty() {
                    obs.fail(
                        Status::Crit,
                        text!(
                            "查询返回 {n} 条记录，应为无记录",
                            "the query returned {n} row(s), expected none",
                            n = rows.len(),
                        ),
                    );
                    obs.evidence.extend(rows.iter().take(5).map(|r| {
                        r.iter()
                            .map(|c| c.clone().unwrap_or_else(|| "NULL".into()))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    }));
                }
            }
        }
        Ok(obs)
    }
}

impl Sql {
    /// Connects to the check's database target and runs setup and query (in a rolled-back
    /// transaction when asked); returns the connect time and up to 100 rows as text.
    async fn execute(&self, cx: &ProbeContext<'_>) -> Result<(f64, Rows), ProbeError> {
        let target = cx.require_target(Self::KIND)?;
        let dsn = target
            .dsn()
            .ok_or_else(|| ProbeError::unknown("target has no dsn"))?;
        let backend = Backend::of(dsn).ok_or_else(|| ProbeError::unknown("unsupported DSN"))?;
        let url = with_credentials(dsn, target)?;
        let secret = target.password.clone().unwrap_or_default();
        let result = match backend {
            Backend::Postgres => run::<sqlx::PgConnection>(&url, self, cx.timeout, backend).await,
            Backend::MySql => run::<sqlx::MySqlConnection>(&url, self, cx.timeout, backend).await,
            Backend::Sqlite => run::<sqlx::SqliteConnection>(&url, self, cx.timeout, backend).await,
        };
        result.map_err(|e| redact(e, &secret))
    }
}

/// The first column of the first row of a query on the check's database target, as text (for
/// probes that read one value, such as a version).
pub(super) async fn first_text(cx: &ProbeContext<'_>, query: &str) -> Result<String, ProbeError> {
    let q = Sql {
        query: query.to_owned(),
        setup: Vec::new(),
        expect: Expect::Value,
        transaction: false,
    };
    let (_, rows) = q.execute(cx).await?;
    rows.first()
        .and_then(|r| r.first())
        .cloned()
        .flatten()
        .ok_or_else(|| {
            ProbeError::unknown(text!(
                "查询没有返回值（{query}）",
                "`{query}` returned no value",
                query = query,
            ))
        })
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Backend {
    Postgres,
    MySql,
    Sqlite,
}

impl Backend {
    fn of(dsn: &str) -> Option<Backend> {
        let scheme = dsn.split_once(':')?.0;
        match scheme {
            "postgres" | "postgresql" => Some(Backend::Postgres),
            "mysql" | "mariadb" => Some(Backend::MySql),
            "sqlite" => Some(Backend::Sqlite),
            _ => None,
        }
    }

    /// A statement that bounds server-side execution time, so a runaway query is stopped by the
    /// server and not only abandoned by us.
    fn statement_timeout(self, t: Duration) -> Option<String> {
        match self {
            Backend::Postgres => Some(format!("SET statement_timeout = {}", t.as_millis().max(1))),
            // MariaDB takes seconds in max_statement_time; MySQL 5.7+ takes ms in max_execution_time.
            Backend::MySql => Some(format!(
                "SET SESSION max_statement_time = {:.3}",
                t.as_secs_f64()
            )),
            Backend::Sqlite => None,
        }
    }
}

/// The target's DSN with its username and password filled in, for the driver only.
pub(super) fn with_credentials(dsn: &str, target: &Target) -> Result<String, ProbeError> {
    target
        .dsn_with_credentials(dsn)
        .map_err(ProbeError::unknown)
}

/// `N row(s) in T ms`.
fn rows_in(n: usize, seconds: f64) -> Text {
    text!(
        "返回 {n} 条记录，用时 {ms:.0} ms",
        "{n} row(s) in {ms:.0} ms",
        n = n,
        ms = seconds * 1000.0,
    )
}

/// A database driver's error as people read it: what the server answered, a connection that
/// failed (worded as any network failure), a timeout.
pub(super) fn db_error(e: &sqlx::Error) -> Text {
    match e {
        sqlx::Error::Database(d) => text!(
            "数据库返回错误：{msg}",
            "the database answered: {msg}",
            msg = d.message(),
        ),
        sqlx::Error::Io(io) => crate::core::net::io_error(io),
        sqlx::Error::PoolTimedOut => text!("连接超时", "timed out connecting"),
        sqlx::Error::Tls(t) => text!("TLS 握手失败：{t}", "TLS failed: {t}", t = t),
        other => Text::raw(other.to_string()),
    }
}

/// A failed connection to a database: CRIT.
pub(super) fn connect_err(e: sqlx::Error) -> ProbeError {
    ProbeError::down(text!(
        "无法连接数据库：{why}",
        "connect: {why}",
        why = db_error(&e),
    ))
}

/// Maps a query error: a broken connection means the server is down (CRIT); an error the
/// server answered with means the probe could not do its job (UNKNOWN).
pub(super) fn query_err(what: &str) -> impl Fn(sqlx::Error) -> ProbeError + '_ {
    move |e| {
        let t = text!(
            "查询失败（{what}）：{why}",
            "{what}: {why}",
            what = what,
            why = db_error(&e),
        );
        match e {
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::Protocol(_) => {
                ProbeError::down(t)
            }
            _ => ProbeError::unknown(t),
        }
    }
}

/// Removes the password from an error a driver may have built from the URL.
pub(super) fn redact(mut e: ProbeError, secret: &Secret) -> ProbeError {
    e.message = e.message.map(|m| secret.redact(m));
    e
}

type Rows = Vec<Vec<Option<String>>>;

async fn run<C>(
    url: &str,
    q: &Sql,
    timeout: Duration,
    backend: Backend,
) -> Result<(f64, Rows), ProbeError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    <C::Database as sqlx::Database>::Row: TextCells,
{
    let start = Instant::now();
    let mut conn = C::connect(url).await.map_err(connect_err)?;
    let connect = start.elapsed().as_secs_f64();
    let exec = |e: sqlx::Error| {
        ProbeError::down(text!("查询失败：{why}", "query: {why}", why = db_error(&e)))
    };
    if let Some(st) = backend.statement_timeout(timeout) {
        // Not every server knows the variable (MySQL vs MariaDB); the client timeout still holds.
        let _ = conn.execute(sqlx::AssertSqlSafe(st)).await;
    }
    if q.transaction {
        conn.execute("BEGIN").await.map_err(exec)?;
    }
    let mut result = Ok(Vec::new());
    for s in &q.setup {
        if let Err(e) = conn.execute(sqlx::AssertSqlSafe(s.clone())).await {
            result = Err(exec(e));
            break;
        }
    }
    if result.is_ok() {
        result = conn
            .fetch_all(sqlx::AssertSqlSafe(q.query.clone()))
            .await
            .map_err(exec);
    }
    if q.transaction {
        let _ = conn.execute("ROLLBACK").await;
    }
    let rows = result?;
    let _ = conn.close().await;
    Ok((
        connect,
        rows.iter().take(100).map(TextCells::cells).collect(),
    ))
}
