//! The `rabbitmq` probe's AMQP 0-9-1 handshake against the local broker.

use crate::support::*;

fn probe(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut c = znode();
    // The assertions of this file read the English wording.
    c.env("ZNODE_LANG", "en");
    c.arg("probe").arg("rabbitmq").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        text(&o.stdout) + &text(&o.stderr),
    )
}

#[test]
fn handshake_login_and_vhost() {
    let (code, out) = probe(&["127.0.0.1:5672"], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("RABBITMQ OK: RabbitMQ ") && out.contains("accepted guest on vhost /"),
        "{out}"
    );
    assert!(out.contains("'handshake_time'="), "{out}");

    let (code, out) = probe(
        &[
            "127.0.0.1:5672",
            "--username",
            "guest",
            "--password-env",
            "ZNODE_T_MQ",
        ],
        &[("ZNODE_T_MQ", "Zq-wrong-mq-pw")],
    );
    assert_eq!(code, 2);
    assert!(out.contains("login as guest refused"), "{out}");
    assert!(!out.contains("Zq-wrong-mq-pw"));

    let (code, out) = probe(
        &["127.0.0.1:5672", "--set", "vhost=/znode-no-such-vhost"],
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        out.contains("opening vhost /znode-no-such-vhost refused: 530 NOT_ALLOWED"),
        "{out}"
    );

    // An HTTP server answers the AMQP header with an HTTP error, not a broker's frames.
    let http = http_server();
    let (code, out) = probe(&[&format!("127.0.0.1:{http}"), "--timeout", "3s"], &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.starts_with("RABBITMQ CRITICAL: "), "{out}");
}

/// A queue created through the management API, deleted on drop.
struct TestQueue(String);

impl TestQueue {
    fn with_messages(n: usize) -> TestQueue {
        let name = format!("znode-test-{}", std::process::id());
        let api = "http://127.0.0.1:15672/api";
        let curl = |args: &[&str]| {
            let out = std::process::Command::new("curl")
                .args(["-sf", "-u", "guest:guest"])
                .args(args)
                .output()
                .unwrap();
            assert!(out.status.success(), "curl {args:?}: {}", text(&out.stderr));
        };
        curl(&[
            "-X",
            "PUT",
            "-H",
            "content-type: application/json",
            "-d",
            "{\"durable\":false,\"auto_delete\":false}",
            &format!("{api}/queues/%2F/{name}"),
        ]);
        for i in 0..n {
            let body = format!(
                "{{\"properties\":{{}},\"routing_key\":\"{name}\",\"payload\":\"m{i}\",\"payload_encoding\":\"string\"}}"
            );
            curl(&[
                "-X",
                "POST",
                "-H",
                "content-type: application/json",
                "-d",
                &body,
                &format!("{api}/exchanges/%2F/amq.default/publish"),
            ]);
        }
        TestQueue(name)
    }
}

impl Drop for TestQueue {
    fn drop(&mut self) {
        let _ = std::process::Command::new("curl")
            .args([
                "-sf",
                "-u",
                "guest:guest",
                "-X",
                "DELETE",
                &format!("http://127.0.0.1:15672/api/queues/%2F/{}", self.0),
            ])
            .output();
    }
}

#[test]
fn management_api_reports_backlogs_and_idle_queues() {
    let q = TestQueue::with_messages(3);
    // The management API counts messages on its stats interval (5 s by default).
    wait_for(30, "the queue's ready count", || {
        let out = std::process::Command::new("curl")
            .args([
                "-sf",
                "-u",
                "guest:guest",
                &format!("http://127.0.0.1:15672/api/queues/%2F/{}", q.0),
            ])
            .output()
            .unwrap();
        text(&out.stdout).contains("\"messages_ready\":3")
    });
    let (code, out) = probe(
        &[
            "127.0.0.1:5672",
            "--set",
            "management=http://127.0.0.1:15672/",
            "--set",
            "max_ready=2",
            "--format",
            "json",
        ],
        &[],
    );
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(code, 1, "{doc:#}");
    assert_eq!(doc["status"], "WARN");
    let s = doc["summary"].as_str().unwrap();
    assert!(s.contains("queues_over_ready 1 > 0"), "{s}");
    let evidence = doc["evidence"].to_string();
    assert!(
        evidence.contains(&format!("待投递消息超过 2 条：{}", q.0)),
        "{evidence}"
    );
    assert!(
        evidence.contains("没有消费者") && evidence.contains(&q.0),
        "{evidence}"
    );
    assert!(
        doc["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "fd_used_pct"),
        "{doc:#}"
    );
}
