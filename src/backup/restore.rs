//! The restore rung: the newest backup is restored into a scratch database that znode creates on
//! the configured server and always drops afterwards, then the policy's invariants are checked
//! against it. The time the restore took is the RTO figure.
//!
//! Scratch databases are named `znode_restore_<pid>_<unix time>_<n>`: a later run drops leftovers
//! whose process is gone (a `kill -9` mid-restore) or that are older than a day, so nothing
//! stays behind on the server.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde::Deserialize;
use sqlx::{AnyConnection, Connection, Executor, Row};

use super::Kind;
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::target::Target;

/// Prefix of every scratch database.
pub const PREFIX: &str = "znode_restore_";

/// `restore:` of a policy.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestorePlan {
    /// A target with a `dsn` naming the server to restore on; its database is the source the
    /// row counts are compared with.
    pub target: String,
    /// Restore on every verify once the last restore test is this old (without `--deep`).
    #[serde(default, with = "crate::core::duration::opt")]
    pub every: Option<Duration>,
    /// What must hold in the restored copy.
    #[serde(default)]
    pub invariants: Vec<Invariant>,
}

/// One thing a restored copy must satisfy.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invariant {
    /// A table whose row count is compared with the source and with the last restore.
    pub table: Option<String>,
    /// How far the count may differ, in percent (default 10).
    pub tolerance_pct: Option<f64>,
    /// A lower bound on the count.
    pub min_rows: Option<u64>,
    /// A query returning one timestamp: the newest data in the backup.
    pub newest: Option<String>,
    /// How old that newest timestamp may be, counted from the backup's time.
    #[serde(default, with = "crate::core::duration::opt")]
    pub newer_than: Option<Duration>,
}

impl RestorePlan {
    /// Load-time problems, with hints.
    pub fn problems(&self, policy: &str, kind: Kind) -> Vec<Invalid> {
        let mut out = Vec::new();
        if !matches!(kind, Kind::Postgres | Kind::Mysql) {
            out.push(Invalid::new(
                format!("backup `{policy}`: restore tests exist for postgres and mysql dumps"),
                "drop `restore:` or set `kind: postgres|mysql`",
            ));
        }
        for i in &self.invariants {
            if i.table.is_some() == i.newest.is_some() {
                out.push(Invalid::new(format!("backup `{policy}`: an invariant names either `table` or `newest`"), "e.g. `- { table: public.permits, tolerance_pct: 5 }` or `- { newest: \"SELECT max(updated_at) FROM permits\", newer_than: 2d }`"));
            }
            if let Some(t) = &i.table
                && !t
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
            {
                out.push(Invalid::new(
                    format!(
                        "backup `{policy}`: table name `{t}` must be letters, digits, `_` and `.`"
                    ),
                    "write it as schema.table",
                ));
            }
        }
        out
    }
}

/// What a restore test found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Failures, with their status.
    pub failures: Vec<(Status, String)>,
    /// What was seen.
    pub evidence: Vec<String>,
    /// `restore_time` and `rows[table]`.
    pub metrics: Vec<Metric>,
}

fn db_url(url: &str, db: &str) -> Result<String, String> {
    let mut u = reqwest::Url::parse(url).map_err(|e| format!("invalid dsn: {e}"))?;
    u.set_path(&format!("/{db}"));
    Ok(u.to_string())
}

/// The server's connection parameters for the command-line tools: arguments, and the password
/// in the environment (never on a command line, where `ps` shows it).
/// Arguments and environment of a dump tool.
type ToolEnv = (Vec<String>, Vec<(&'static str, String)>);

fn tool_env(url: &str, kind: Kind) -> Result<ToolEnv, String> {
    let u = reqwest::Url::parse(url).map_err(|e| format!("invalid dsn: {e}"))?;
    let host = u.host_str().unwrap_or("127.0.0.1").to_owned();
    let user = u.username().to_owned();
    let pass = u.password().map(percent_decode).unwrap_or_default();
    Ok(match kind {
        Kind::Mysql => (
            vec![
                format!("--host={host}"),
                format!("--port={}", u.port().unwrap_or(3306)),
                format!("--user={}", if user.is_empty() { "root" } else { &user }),
            ],
            vec![("MYSQL_PWD", pass)],
        ),
        _ => (
            Vec::new(),
            vec![
                ("PGHOST", host),
                ("PGPORT", u.port().unwrap_or(5432).to_string()),
                (
                    "PGUSER",
                    if user.is_empty() {
                        "postgres".into()
                    } else {
                        user
                    },
                ),
                ("PGPASSWORD", pass),
            ],
        ),
    })
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn drop_db(admin: &mut AnyConnection, name: &str, kind: Kind) -> Result<(), sqlx::Error> {
    let sql = match kind {
        Kind::Mysql => format!("DROP DATABASE IF EXISTS `{name}`"),
        _ => format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
    };
    admin.execute(sqlx::AssertSqlSafe(sql)).await.map(|_| ())
}

/// Drops scratch databases left by runs that died: their process is gone from this host, or
/// they are older than a day. Returns the names dropped.
pub async fn clean_leftovers(
    admin: &mut AnyConnection,
    kind: Kind,
) -> Result<Vec<String>, sqlx::Error> {
    let list = match kind {
        Kind::Mysql => {
            "SELECT CAST(schema_name AS CHAR) FROM information_schema.schemata WHERE schema_name LIKE 'znode\\_restore\\_%'"
        }
        _ => "SELECT datname::text FROM pg_database WHERE datname LIKE 'znode\\_restore\\_%'",
    };
    let names: Vec<String> = sqlx::query(list)
        .fetch_all(&mut *admin)
        .await?
        .iter()
        .filter_map(|r| r.try_get::<String, _>(0).ok())
        .collect();
    let now = chrono::Utc::now().timestamp();
    let mut dropped = Vec::new();
    for name in names {
        let mut parts = name.trim_start_matches(PREFIX).split('_');
        let pid: Option<i32> = parts.next().and_then(|p| p.parse().ok());
        let at: Option<i64> = parts.next().and_then(|p| p.parse().ok());
        // This process's own are in use by the policies restoring beside this one.
        let alive = pid.is_some_and(|p| {
            p as u32 == std::process::id()
                || nix::sys::signal::kill(nix::unistd::Pid::from_raw(p), None).is_ok()
        });
        let old = at.is_none_or(|t| now - t > 86_400);
        if !alive || old {
            drop_db(admin, &name, kind).await?;
            dropped.push(name);
        }
    }
    Ok(dropped)
}

/// Drops the scratch databases runs that died left on the restore server of `target`, when no
/// restore test is due (every verification sweeps, not only those that restore).
pub async fn sweep(target: &Target, kind: Kind) -> Result<Vec<String>, String> {
    let Some(dsn) = target.dsn() else {
        return Ok(Vec::new());
    };
    let url = target.dsn_with_credentials(dsn)?;
    let secret = target.password.clone().unwrap_or_default();
    sqlx::any::install_default_drivers();
    let mut admin = AnyConnection::connect(&url)
        .await
        .map_err(|e| secret.redact(&format!("cannot connect to the restore server: {e}")))?;
    let dropped = clean_leftovers(&mut admin, kind)
        .await
        .map_err(|e| secret.redact(&format!("cannot list leftover scratch databases: {e}")));
    let _ = admin.close().await;
    dropped
}

/// A scratch database that is dropped even when the restore test is abandoned half-way (the
/// check timed out, znode was stopped): dropping the guard while armed drops the database
/// before the drop returns (on a thread of its own, waited for up to 30 s), since the process
/// may be about to exit.
struct Scratch {
    url: String,
    name: String,
    kind: Kind,
    armed: bool,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        let (url, name, kind) = (self.url.clone(), self.name.clone(), self.kind);
        let (done, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                rt.block_on(async {
                    if let Ok(mut admin) = AnyConnection::connect(&url).await {
                        let _ = drop_db(&mut admin, &name, kind).await;
                        let _ = admin.close().await;
                    }
                });
            }
            let _ = done.send(());
        });
        let _ = wait.recv_timeout(Duration::from_secs(30));
    }
}

/// Restores `backup` and checks the invariants. `previous` holds the last outcome's metrics
/// (row counts of the last restore).
pub async fn run(
    plan: &RestorePlan,
    target: &Target,
    kind: Kind,
    backup: &super::Backup,
    previous: Option<&[Metric]>,
    budget: Duration,
) -> Outcome {
    let mut out = Outcome::default();
    let Some(dsn) = target.dsn() else {
        out.failures.push((
            Status::Unknown,
            format!("restore target `{}` has no dsn", target.name),
        ));
        return out;
    };
    let url = match target.dsn_with_credentials(dsn) {
        Ok(u) => u,
        Err(e) => {
            out.failures.push((Status::Unknown, e));
            return out;
        }
    };
    sqlx::any::install_default_drivers();
    let secret = target.password.clone().unwrap_or_default();
    let fail =
        |out: &mut Outcome, st: Status, msg: String| out.failures.push((st, secret.redact(&msg)));
    let mut admin = match AnyConnection::connect(&url).await {
        Ok(c) => c,
        Err(e) => {
            fail(
                &mut out,
                Status::Unknown,
                format!("cannot connect to the restore server: {e}"),
            );
            return out;
        }
    };
    match clean_leftovers(&mut admin, kind).await {
        Ok(d) if !d.is_empty() => out
            .evidence
            .push(format!("已删除遗留的临时恢复库：{}", d.join(", "))),
        Ok(_) => {}
        Err(e) => fail(
            &mut out,
            Status::Warn,
            format!("cannot list leftover scratch databases: {e}"),
        ),
    }
    // Policies restored in the same second by the same process need names of their own.
    static SEQ: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let scratch = format!(
        "{PREFIX}{}_{}_{}",
        std::process::id(),
        chrono::Utc::now().timestamp(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let create = match kind {
        Kind::Mysql => format!("CREATE DATABASE `{scratch}`"),
        _ => format!("CREATE DATABASE \"{scratch}\""),
    };
    if let Err(e) = admin.execute(sqlx::AssertSqlSafe(create)).await {
        fail(
            &mut out,
            Status::Unknown,
            format!("cannot create the scratch database: {e}"),
        );
        return out;
    }
    let mut guard = Scratch {
        url: url.clone(),
        name: scratch.clone(),
        kind,
        armed: true,
    };
    out.evidence
        .push(format!("临时恢复库 {scratch}（用后删除）"));
    let start = Instant::now();
    let restored = restore_into(&url, &scratch, kind, &backup.path, budget).await;
    let took = start.elapsed();
    match restored {
        Ok(()) => {
            out.metrics
                .push(Metric::new("restore_time", took.as_secs_f64(), "s"));
            out.evidence.push(format!(
                "已恢复 {}，用时 {:.1} 秒",
                backup.path.display(),
                took.as_secs_f64()
            ));
            check_invariants(&mut out, plan, &url, &scratch, backup, previous).await;
        }
        Err(e) => fail(&mut out, Status::Crit, format!("restore failed: {e}")),
    }
    // Always dropped, whatever happened above.
    guard.armed = false;
    if let Err(e) = drop_db(&mut admin, &scratch, kind).await {
        fail(
            &mut out,
            Status::Warn,
            format!("cannot drop the scratch database {scratch}: {e}"),
        );
    }
    let _ = admin.close().await;
    out.failures
        .iter_mut()
        .for_each(|f| f.1 = secret.redact(&f.1));
    out
}

/// Runs the dump tool into the scratch database, feeding plain SQL through its stdin.
async fn restore_into(
    url: &str,
    scratch: &str,
    kind: Kind,
    path: &std::path::Path,
    budget: Duration,
) -> Result<(), String> {
    let (args, env) = tool_env(url, kind)?;
    let (scratch, path) = (scratch.to_owned(), path.to_owned());
    // The tool runs in a process group of its own; if this future is dropped (a timeout, a
    // signal), the guard kills the group rather than leaving the tool running orphaned.
    let group = std::sync::Arc::new(std::sync::atomic::AtomicI32::new(0));
    let _kill = KillGroup(group.clone());
    tokio::task::spawn_blocking(move || {
        restore_blocking(&args, &env, &scratch, kind, &path, budget, &group)
    })
    .await
    .map_err(|e| format!("restore task failed: {e}"))?
}

/// Kills the process group whose id it holds (0: none yet) when dropped.
struct KillGroup(std::sync::Arc<std::sync::atomic::AtomicI32>);

impl Drop for KillGroup {
    fn drop(&mut self) {
        let pgid = self.0.load(std::sync::atomic::Ordering::SeqCst);
        if pgid > 0 {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(pgid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
    }
}

fn restore_blocking(
    args: &[String],
    env: &[(&'static str, String)],
    scratch: &str,
    kind: Kind,
    path: &std::path::Path,
    budget: Duration,
    group: &std::sync::atomic::AtomicI32,
) -> Result<(), String> {
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    let mut head = [0u8; 5];
    let n = std::fs::File::open(path)
        .and_then(|mut f| crate::core::fsx::read_full(&mut f, &mut head))
        .map_err(|e| e.to_string())?;
    let custom = head[..n].starts_with(b"PGDMP");
    let mut cmd = match (kind, custom) {
        (Kind::Mysql, _) => {
            let mut c = std::process::Command::new("mysql");
            c.args(args).arg(scratch);
            c
        }
        (_, true) => {
            let mut c = std::process::Command::new("pg_restore");
            c.args([
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "-d",
                scratch,
            ])
            .arg(path);
            c
        }
        (_, false) => {
            let mut c = std::process::Command::new("psql");
            c.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", scratch]);
            c
        }
    };
    cmd.envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(if custom {
            Stdio::null()
        } else {
            Stdio::piped()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run the restore tool: {e}"))?;
    if let Ok(pid) = i32::try_from(child.id()) {
        group.store(pid, std::sync::atomic::Ordering::SeqCst);
    }
    let feeder = child.stdin.take().map(|mut stdin| {
        let path = path.to_owned();
        std::thread::spawn(move || -> std::io::Result<u64> {
            let mut reader = super::structure::decompressed(&path)?;
            std::io::copy(&mut reader, &mut stdin)
        })
    });
    let mut stderr = child.stderr.take();
    let errors = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = e.take(64 * 1024).read_to_string(&mut s);
        }
        s
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => {
                // Exited and reaped: its pid may be reused, so the guard must not kill it.
                group.store(0, std::sync::atomic::Ordering::SeqCst);
                break s;
            }
            Ok(None) if start.elapsed() > budget => {
                let _ = nix::sys::signal::killpg(
                    nix::unistd::Pid::from_raw(group.load(std::sync::atomic::Ordering::SeqCst)),
                    nix::sys::signal::Signal::SIGKILL,
                );
                let _ = child.wait();
                group.store(0, std::sync::atomic::Ordering::SeqCst);
                return Err(format!(
                    "did not finish within {}",
                    humantime::format_duration(budget)
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let err = errors.join().unwrap_or_default();
    if let Some(f) = feeder
        && let Ok(Err(e)) = f.join()
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(format!("reading the backup: {e}"));
    }
    if status.success() {
        Ok(())
    } else {
        Err(err
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("the restore tool failed")
            .to_owned())
    }
}

async fn check_invariants(
    out: &mut Outcome,
    plan: &RestorePlan,
    url: &str,
    scratch: &str,
    backup: &super::Backup,
    previous: Option<&[Metric]>,
) {
    let Ok(restored_url) = db_url(url, scratch) else {
        return;
    };
    let mut restored = match AnyConnection::connect(&restored_url).await {
        Ok(c) => c,
        Err(e) => {
            out.failures.push((
                Status::Crit,
                format!("cannot connect to the restored copy: {e}"),
            ));
            return;
        }
    };
    let mut source = AnyConnection::connect(url).await.ok();
    for inv in &plan.invariants {
        if let Some(table) = &inv.table {
            let int = if restored_url.starts_with("mysql") {
                "SIGNED"
            } else {
                "BIGINT"
            };
            let q = format!("SELECT CAST(count(*) AS {int}) FROM {table}");
            let rows: i64 = match sqlx::query(sqlx::AssertSqlSafe(q.clone()))
                .fetch_one(&mut restored)
                .await
                .and_then(|r| r.try_get(0))
            {
                Ok(n) => n,
                Err(e) => {
                    out.failures.push((
                        Status::Crit,
                        format!("{table}: cannot count rows in the restored copy: {e}"),
                    ));
                    continue;
                }
            };
            out.metrics
                .push(Metric::labelled("rows", table.clone(), rows as f64, ""));
            let tol = inv.tolerance_pct.unwrap_or(10.0);
            let mut seen = format!("{table}: {rows} rows");
            let mut compare = |what: &str, other: i64, out: &mut Outcome| {
                seen.push_str(&format!(", {what} {other}"));
                let diff = if other == 0 {
                    if rows == 0 { 0.0 } else { 100.0 }
                } else {
                    (rows - other) as f64 / other as f64 * 100.0
                };
                if diff.abs() > tol {
                    out.failures.push((
                        Status::Crit,
                        format!("{table}: {rows} rows in the backup, {other} in the {what} ({diff:+.0}%, tolerance {tol}%)"),
                    ));
                }
            };
            if let Some(src) = source.as_mut()
                && let Ok(n) = sqlx::query(sqlx::AssertSqlSafe(q))
                    .fetch_one(&mut *src)
                    .await
                    .and_then(|r| r.try_get::<i64, _>(0))
            {
                compare("source", n, out);
            }
            if let Some(last) = previous.and_then(|p| {
                p.iter()
                    .find(|m| m.name == "rows" && m.label.as_deref() == Some(table))
            }) {
                compare("last restore", last.value as i64, out);
            }
            if let Some(min) = inv.min_rows
                && (rows as u64) < min
            {
                out.failures.push((
                    Status::Crit,
                    format!("{table}: {rows} rows in the backup, fewer than {min}"),
                ));
            }
            out.evidence.push(seen);
        }
        if let Some(q) = &inv.newest {
            let wrapped = if restored_url.starts_with("mysql") {
                format!("SELECT CAST(UNIX_TIMESTAMP(({q})) AS SIGNED)")
            } else {
                format!("SELECT CAST(EXTRACT(EPOCH FROM ({q})) AS BIGINT)")
            };
            match sqlx::query(sqlx::AssertSqlSafe(wrapped))
                .fetch_one(&mut restored)
                .await
                .and_then(|r| r.try_get::<Option<i64>, _>(0))
            {
                Ok(Some(t)) => {
                    let age = backup.taken / 1000 - t;
                    out.evidence
                        .push(format!("newest data {}s before the backup", age.max(0)));
                    if let Some(limit) = inv.newer_than
                        && age > limit.as_secs() as i64
                    {
                        out.failures.push((
                            Status::Crit,
                            format!("the newest data in the backup is {} older than the backup (limit {})", humantime::format_duration(Duration::from_secs(age as u64)), humantime::format_duration(limit)),
                        ));
                    }
                }
                Ok(None) => out.failures.push((
                    Status::Crit,
                    format!("`{q}` returned no timestamp in the restored copy"),
                )),
                Err(e) => out.failures.push((Status::Crit, format!("`{q}`: {e}"))),
            }
        }
    }
    let _ = restored.close().await;
    if let Some(s) = source {
        let _ = s.close().await;
    }
}
