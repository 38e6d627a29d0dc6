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
