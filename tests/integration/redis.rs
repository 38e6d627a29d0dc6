//! The `redis` probe against redis-server instances started by the tests, with faults injected.

use std::process::{Child, Command, Stdio};

use crate::support::*;

/// A redis-server on a free port, killed on drop.
struct RedisServer {
    port: u16,
    child: Child,
}

impl RedisServer {
    fn start(port: u16, extra: &[&str]) -> RedisServer {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .args(extra)
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server is installed");
        let server = RedisServer { port, child };
        wait_for(10, "redis-server to answer", || {
            server.cli(&["PING"]).contains("PONG") || server.cli(&["PING"]).contains("NOAUTH")
        });
        server
    }

    fn cli(&self, args: &[&str]) -> String {
        let out = Command::new("redis-cli")
            .args(["-p", &self.port.to_string()])
            .args(args)
            .ran();
        text(&out.stdout) + &text(&out.stderr)
    }

    /// Writes `n` keys of 200 bytes through one pipeline.
    fn fill(&self, n: usize) {
        let mut input = String::new();
        let value = "x".repeat(200);
        for i in 0..n {
            input.push_str(&format!(
                "*3\r\n$3\r\nSET\r\n${}\r\nk{i}\r\n${}\r\n{value}\r\n",
                format!("k{i}").len(),
                value.len()
            ));
        }
        let mut child = Command::new("redis-cli")
            .args(["-p", &self.port.to_string(), "--pipe"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), input.as_bytes()).unwrap();
        drop(child.stdin.take());
        child.wait().unwrap();
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
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
fn memory_at_maxmemory_is_critical() {
    let r = RedisServer::start(
        closed_port(),
        &["--maxmemory", "2mb", "--maxmemory-policy", "noeviction"],
    );
    r.fill(20000);
    assert!(
        r.cli(&["SET", "one-more", "x"]).contains("OOM"),
        "the server is full"
    );
    let (code, out, _) = {
        let o = znode_en()
            .args(["probe", "redis", &format!("127.0.0.1:{}", r.port)])
            .ran();
        (o.status.code(), text(&o.stdout), text(&o.stderr))
    };
    assert_eq!(code, Some(2), "{out}");
    assert!(out.starts_with("REDIS CRITICAL: memory_pct "), "{out}");
}

#[test]
fn evictions_and_restarts_are_judged_against_the_last_run() {
    let port = closed_port();
    let mut r = RedisServer::start(
        port,
        &["--maxmemory", "2mb", "--maxmemory-policy", "allkeys-lru"],
    );
    let node = TestNode::new(&format!("  cache: {{ address: \"127.0.0.1:{port}\" }}\n"));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "r.yaml",
        "  - { id: cache, title: 缓存, category: 中间件检查, target: cache, probe: { kind: redis, role: master }, thresholds: { evicted_keys_delta: { warn: 0 }, memory_pct: { warn: 101, crit: 102 } } }\n",
    );
    let (_, first) = node.inspect_json(&[]);
    let o = outcome(&first, "cache");
    assert_eq!(o["status"], "OK", "{o:#}");
    assert_eq!(
        metric(o, "evicted_keys_delta"),
        None,
        "no previous observation, no delta"
    );

    r.fill(20000);
    let evicted: f64 = r
        .cli(&["INFO", "stats"])
        .lines()
        .find_map(|l| l.strip_prefix("evicted_keys:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(evicted > 0.0);
    let (code, second) = node.inspect_json(&[]);
    let o = outcome(&second, "cache");
    assert_eq!(metric(o, "evicted_keys_delta"), Some(evicted), "{o:#}");
    assert_eq!(o["status"], "WARN", "{o:#}");
    assert_eq!(code, 1);

    // A restart resets counters and uptime: reported, and the delta is not negative.
    r.stop();
    let _r2 = RedisServer::start(
        port,
        &["--maxmemory", "2mb", "--maxmemory-policy", "allkeys-lru"],
    );
    let (_, third) = node.inspect_json(&[]);
    let o = outcome(&third, "cache");
    assert!(
        o["summary"]
            .as_str()
            .unwrap()
            .contains("Redis restarted since the last run"),
        "{o:#}"
    );
    assert_eq!(metric(o, "evicted_keys_delta"), Some(0.0));
    assert!(o["evidence"].to_string().contains("计数器已重置"), "{o:#}");
}

#[test]
fn auth_from_the_environment_and_wrong_role() {
    let r = RedisServer::start(closed_port(), &["--requirepass", "Zq-redis-pw-55"]);
    let target = format!("127.0.0.1:{}", r.port);
    let o = znode_en().args(["probe", "redis", &target]).ran();
    o.code(2);
    assert!(text(&o.stdout).contains("NOAUTH"), "{}", text(&o.stdout));
    let o = znode_en()
        .args([
            "probe",
            "redis",
            &target,
            "--password-env",
            "ZNODE_T_REDIS_PW",
            "--set",
            "role=replica",
        ])
        .env("ZNODE_T_REDIS_PW", "Zq-redis-pw-55")
        .ran();
    let out = text(&o.stdout);
    o.code(2);
    assert!(out.contains("server is a master, expected slave"), "{out}");
    let o = znode_en()
        .args([
            "probe",
            "redis",
            &target,
            "--password-env",
            "ZNODE_T_REDIS_PW",
        ])
        .env("ZNODE_T_REDIS_PW", "wrong-Zq-pw")
        .ran();
    let out = text(&o.stdout);
    o.code(2);
    assert!(
        out.contains("AUTH") && !out.contains("wrong-Zq-pw"),
        "{out}"
    );
}

#[test]
fn a_service_stopped_during_the_run_is_reported_and_the_run_goes_on() {
    let port = closed_port();
    let mut r = RedisServer::start(port, &[]);
    let node = TestNode::new(&format!("  cache: {{ address: \"127.0.0.1:{port}\" }}\n"));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    // One check at a time: the first holds the run for a moment, the Redis check comes after it
    // (checks of one category run in file order), and a last check shows the run continues.
    node.checks(
        "s.yaml",
        "  - { id: a-before, title: 先行, category: 日常检查, probe: { kind: command, run: [sleep, \"1\"] } }\n  - { id: b-cache, title: 缓存, category: 日常检查, target: cache, probe: { kind: redis } }\n  - { id: c-after, title: 之后, category: 日常检查, probe: { kind: command, run: [\"true\"] } }\n",
    );
    let child = node
        .cmd(&["inspect", "--jobs", "1", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    r.stop();
    let out = child.wait_with_output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(2), "{doc:#}");
    assert_eq!(outcome(&doc, "a-before")["status"], "OK");
    let c = outcome(&doc, "b-cache");
    assert_eq!(c["status"], "CRIT", "{c:#}");
    assert!(c["summary"].as_str().unwrap().contains("refused"), "{c:#}");
    assert_eq!(outcome(&doc, "c-after")["status"], "OK");
    assert_eq!(doc["run"]["state"], "finished");
}

/// znode with `--lang en` wording, for assertions that read English.
fn znode_en() -> std::process::Command {
    let mut c = znode();
    c.env("ZNODE_LANG", "en");
    c
}
