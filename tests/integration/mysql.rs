//! The `mysql` probe against the local MariaDB, with faults injected: slow queries between two
//! runs, connections filled past a threshold, and a server that is not the expected replica.

use std::process::{Child, Command, Stdio};

use crate::support::*;

/// A client session sleeping on the server, killed on drop.
struct Sleeper(Child);

impl Drop for Sleeper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn mariadb(sql: &str) -> String {
    crate::support::mariadb("test", sql)
}

fn metric(o: &serde_json::Value, name: &str) -> Option<f64> {
    o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .and_then(|m| m["value"].as_f64())
}

#[test]
fn slow_queries_connections_and_role() {
    let max: f64 = mariadb("SELECT @@max_connections").parse().unwrap();
    let node = TestNode::new("  my: { dsn: \"mysql://root@127.0.0.1:3306/test\" }\n");
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "m.yaml",
        "  - { id: my, title: 质检库, category: 日常检查, item: 1, target: my, probe: { kind: mysql, role: primary }, thresholds: { slow_queries_delta: { warn: 0 } } }\n  - { id: my-replica, title: 备库, category: 日常检查, target: my, probe: { kind: mysql, role: replica, transaction_test: false } }\n",
    );
    let (_, first) = node.inspect_json(&[]);
    let o = outcome(&first, "my");
    assert!(metric(o, "txn_time").is_some(), "the round trip ran: {o:#}");
    assert_eq!(
        metric(o, "slow_queries_delta"),
        None,
        "no previous run, no delta"
    );
    let r = outcome(&first, "my-replica");
    assert_eq!(r["status"], "CRIT");
    assert!(
        r["summary"]
            .as_str()
            .unwrap()
            .contains("server is a primary, expected replica"),
        "{r:#}"
    );

    // Three slow queries, by this session's definition of slow.
    mariadb(
        "SET SESSION long_query_time = 0.001; SELECT SLEEP(0.01); SELECT SLEEP(0.01); SELECT SLEEP(0.01);",
    );
    // Five sessions held open, so any total is above 4 of max_connections.
    let sleepers: Vec<Sleeper> = (0..5)
        .map(|_| {
            Sleeper(
                Command::new("mariadb")
                    .args([
                        "-h",
                        "127.0.0.1",
                        "-u",
                        "root",
                        "-e",
                        "SELECT SLEEP(30)",
                        "test",
                    ])
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap(),
            )
        })
        .collect();
    wait_for(10, "the sleeping sessions", || {
        mariadb("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(30)%'").parse::<i32>().unwrap() >= 5
    });
    let crit_pct = 100.0 * 4.0 / max;
    node.checks(
        "m.yaml",
        &format!("  - {{ id: my, title: 质检库, category: 日常检查, item: 1, target: my, probe: {{ kind: mysql }}, crit: \"~:{crit_pct}\", thresholds: {{ slow_queries_delta: {{ warn: 0 }} }} }}\n"),
    );
    let (code, second) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let o = outcome(&second, "my");
    assert_eq!(o["status"], "CRIT", "{o:#}");
    assert!(metric(o, "slow_queries_delta").unwrap() >= 3.0, "{o:#}");
    assert!(
        o["summary"]
            .as_str()
            .unwrap()
            .contains("slow_queries_delta"),
        "{o:#}"
    );
    assert!(metric(o, "connections").unwrap() >= 6.0);
    drop(sleepers);
}
