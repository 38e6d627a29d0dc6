//! The `postgres` probe against the local server, with faults injected: sessions idle in a
//! transaction, a session waiting on a lock, connections filled past a threshold.

use std::io::Write;
use std::process::{Child, Command, Stdio};

use crate::support::*;

/// A psql session fed by a pipe that stays open until dropped.
struct Session(Child);

impl Session {
    fn open(db: &str, sql: &str) -> Session {
        let mut child = Command::new("psql")
            .args(["-h", "127.0.0.1", "-U", "postgres", "-d", db, "-q"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .as_mut()
            .unwrap()
            .write_all(sql.as_bytes())
            .unwrap();
        child.stdin.as_mut().unwrap().flush().unwrap();
        Session(child)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn metric(o: &serde_json::Value, name: &str) -> f64 {
    o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .and_then(|m| m["value"].as_f64())
        .unwrap_or_else(|| panic!("no {name} in {o:#}"))
}

#[test]
fn sessions_locks_and_connections_are_measured() {
    let scratch = PgDb::create("znode_pgprobe");
    let db = scratch.0.clone();
    psql(&db, "CREATE TABLE jobs (id int)");
    let max: f64 = psql_value(&db, "SHOW max_connections").parse().unwrap();
    // One session idle in a transaction holding a lock, one waiting for that lock, and a few
    // more plain sessions.
    let _holder = Session::open(&db, "BEGIN;\nLOCK TABLE jobs IN ACCESS EXCLUSIVE MODE;\n");
    wait_for(10, "the lock holder", || {
        psql_value(
            &db,
            &format!(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = '{db}' AND l.mode = 'AccessExclusiveLock' AND l.granted"
            ),
        ) != "0"
    });
    let _waiter = Session::open(&db, "SELECT count(*) FROM jobs;\n");
    wait_for(10, "the lock waiter", || {
        psql_value(
            &db,
            &format!(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}' AND wait_event_type = 'Lock'"
            ),
        ) != "0"
    });
    let extra: Vec<Session> = (0..4).map(|_| Session::open(&db, "SELECT 1;\n")).collect();
    wait_for(10, "the extra sessions", || {
        psql_value(
            &db,
            &format!("SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}'"),
        )
        .parse::<i32>()
        .unwrap()
            >= 6
    });
    // Six sessions of ours are open, so any total is above 5 of max_connections.
    let crit_pct = 100.0 * 5.0 / max;
    let node = TestNode::new(&format!(
        "  pg: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{db}\" }}\n"
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "p.yaml",
        &format!(
            "  - {{ id: pg, title: 共享库, category: 日常检查, item: 1, target: pg, probe: {{ kind: postgres, role: primary }}, crit: \"~:{crit_pct}\", thresholds: {{ idle_in_transaction: {{ warn: 0 }}, lock_waits: {{ warn: 0 }} }} }}\n  - {{ id: pg-standby, title: 备库, category: 日常检查, target: pg, probe: {{ kind: postgres, role: standby, transaction_test: false }} }}\n"
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let o = outcome(&doc, "pg");
    assert_eq!(o["status"], "CRIT", "{o:#}");
    let summary = o["summary"].as_str().unwrap();
    assert!(summary.starts_with("connections_pct "), "{summary}");
    assert!(
        summary.contains("idle_in_transaction") && summary.contains("lock_waits"),
        "{summary}"
    );
    assert!(metric(o, "idle_in_transaction") >= 1.0);
    assert!(metric(o, "lock_waits") >= 1.0);
    assert!(metric(o, "oldest_xact_age") > 0.0);
    assert!(metric(o, "connections") >= 6.0);
    assert_eq!(metric(o, "max_connections"), max);
    assert!(
        metric(o, "txn_time") > 0.0,
        "the write/read/rollback round trip ran"
    );
    assert!(
        o["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "db_size" && m["label"] == db.as_str())
    );
    let s = outcome(&doc, "pg-standby");
    assert!(
        s["summary"]
            .as_str()
            .unwrap()
            .contains("server is a primary, expected standby"),
        "{s:#}"
    );
    drop(extra);
    // The round trip left nothing behind.
    assert_eq!(
        psql_value(
            &db,
            "SELECT count(*) FROM pg_class WHERE relname = 'znode_txn_probe'"
        ),
        "0"
    );
}

/// A streaming standby of the local server on a free port, stopped and removed on drop.
/// Needs `host replication all 127.0.0.1/32 trust` in the primary's pg_hba.conf (.ci/run).
struct Standby {
    dir: tempfile::TempDir,
    port: u16,
}

impl Standby {
    fn start() -> Standby {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display().to_string();
        let as_postgres = |args: &[&str]| {
            let out = Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .args(args)
                .output()
                .unwrap();
            assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        };
        Command::new("chown")
            .args(["postgres", &d])
            .status()
            .unwrap();
        as_postgres(&[
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-D",
            &format!("{d}/data"),
            "-R",
            "-X",
            "stream",
        ]);
        let port = closed_port();
        std::fs::write(
            dir.path().join("data/postgresql.conf"),
            format!("listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{d}'\nhot_standby = on\nssl = off\n"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("data/pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\n",
        )
        .unwrap();
        Command::new("chown")
            .args(["-R", "postgres", &d])
            .status()
            .unwrap();
        let pg_ctl = pg_ctl();
        as_postgres(&[
            &pg_ctl,
            "-D",
            &format!("{d}/data"),
            "-l",
            &format!("{d}/log"),
            "-w",
            "start",
        ]);
        Standby { dir, port }
    }

    fn sql(&self, sql: &str) -> String {
        let out = Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-tAc",
                sql,
            ])
            .output()
            .unwrap();
        text(&out.stdout).trim().to_owned()
    }
}

impl Drop for Standby {
    fn drop(&mut self) {
        let d = self.dir.path().display().to_string();
        let _ = Command::new("runuser")
            .args([
                "-u",
                "postgres",
                "--",
                &pg_ctl(),
                "-D",
                &format!("{d}/data"),
                "-m",
                "immediate",
                "stop",
            ])
            .output();
    }
}

/// pg_ctl of the installed major version (Debian keeps it out of PATH).
fn pg_ctl() -> String {
    let mut found: Vec<_> = std::fs::read_dir("/usr/lib/postgresql")
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path().join("bin/pg_ctl"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found
        .pop()
        .expect("PostgreSQL server binaries")
        .display()
        .to_string()
}

#[test]
fn streaming_standby_role_and_lag() {
    let standby = Standby::start();
    assert_eq!(standby.sql("SELECT pg_is_in_recovery()"), "t");
    wait_for(20, "the standby to stream", || {
        standby.sql("SELECT status FROM pg_stat_wal_receiver") == "streaming"
    });
    // Replay paused while the primary writes: WAL arrives but is not applied, so lag grows.
    standby.sql("SELECT pg_wal_replay_pause()");
    let scratch = PgDb::create("znode_lag");
    psql(
        &scratch.0,
        "CREATE TABLE t AS SELECT g FROM generate_series(1, 20000) g",
    );
    wait_for(20, "WAL to arrive unreplayed", || {
        standby
            .sql("SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) > 0")
            == "t"
    });
    let node = TestNode::new(&format!(
        "  primary: {{ dsn: \"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable\" }}\n  standby: {{ dsn: \"postgres://postgres@127.0.0.1:{}/postgres?sslmode=disable\" }}\n",
        standby.port
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "r.yaml",
        "  - { id: standby, title: 备库, category: 日常检查, target: standby, probe: { kind: postgres, role: standby }, thresholds: { replication_lag_bytes: { warn: 0 } } }\n  - { id: primary, title: 主库, category: 日常检查, target: primary, probe: { kind: postgres, role: primary } }\n",
    );
    let (_, doc) = node.inspect_json(&[]);
    let s = outcome(&doc, "standby");
    assert_eq!(s["status"], "WARN", "{s:#}");
    assert!(
        s["summary"]
            .as_str()
            .unwrap()
            .starts_with("replication_lag_bytes "),
        "{s:#}"
    );
    assert!(metric(s, "replication_lag_bytes") > 0.0);
    assert!(metric(outcome(&doc, "primary"), "replicas") >= 1.0);
    assert!(
        !s["metrics"].to_string().contains("txn_time"),
        "no write test on a standby"
    );
    standby.sql("SELECT pg_wal_replay_resume()");
}
