//! Notification channels against a local HTTP receiver: the DingTalk signature, robot payloads,
//! a failed send kept in the outbox and flushed later, and robot keys never printed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Output, Stdio};
use std::sync::{Arc, Mutex};

use crate::support::{closed_port, text, znode};

/// Requests received: (path with query, body).
type Seen = Arc<Mutex<Vec<(String, String)>>>;

fn receiver() -> (u16, Seen) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let keep = seen.clone();
    std::thread::spawn(move || {
        for stream in l.incoming().flatten() {
            let mut r = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if r.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
            let mut len = 0usize;
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).is_err() || h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0u8; len];
            let _ = r.read_exact(&mut body);
            keep.lock()
                .unwrap()
                .push((path, String::from_utf8_lossy(&body).into_owned()));
            let answer = r#"{"errcode":0,"errmsg":"ok"}"#;
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    (port, seen)
}

struct Node {
    dir: tempfile::TempDir,
    port: u16,
}

impl Node {
    fn config(&self, broken_url: &str) {
        let port = self.port;
        std::fs::write(
            self.dir.path().join("znode.yaml"),
            format!(
                "node: 测试节点\nstore: history.db\nchecks: []\nnotify:\n  channels:\n    ding: {{ kind: dingtalk, url_env: ZNODE_TEST_DING_URL, secret_env: ZNODE_TEST_DING_SECRET }}\n    wecom: {{ kind: wecom, url_env: ZNODE_TEST_WECOM_URL }}\n    hook: {{ kind: webhook, url: \"http://127.0.0.1:{port}/hook\" }}\n    broken: {{ kind: webhook, url: \"{broken_url}\" }}\n"
            ),
        )
        .unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        znode()
            .arg("-c")
            .arg(self.dir.path().join("znode.yaml"))
            .args(args)
            .env(
                "ZNODE_TEST_DING_URL",
                format!(
                    "http://127.0.0.1:{}/robot/send?access_token=tok-SECRET-123",
                    self.port
                ),
            )
            .env("ZNODE_TEST_DING_SECRET", "SECxyz-signing")
            .env(
                "ZNODE_TEST_WECOM_URL",
                format!(
                    "http://127.0.0.1:{}/cgi-bin/webhook/send?key=wecom-KEY-456",
                    self.port
                ),
            )
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }
}

#[test]
fn robots_get_signed_payloads_and_failed_sends_wait_in_the_outbox() {
    let (port, seen) = receiver();
    let node = Node {
        dir: tempfile::tempdir().unwrap(),
        port,
    };
    node.config(&format!("http://127.0.0.1:{}/x", closed_port()));

    let out = node.run(&["notify", "test", "ding"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let (path, body) = seen.lock().unwrap()[0].clone();
    let url = reqwest::Url::parse(&format!("http://x{path}")).unwrap();
    let q: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    let ts: i64 = q["timestamp"].parse().unwrap();
    assert_eq!(
        q["sign"],
        znode::notify::dingtalk_sign(ts, "SECxyz-signing"),
        "the signature DingTalk checks"
    );
    assert_eq!(q["access_token"], "tok-SECRET-123");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["msgtype"], "markdown");
    assert!(
        body["markdown"]["text"]
            .as_str()
            .unwrap()
            .contains("测试节点")
    );

    assert_eq!(
        node.run(&["notify", "test", "wecom"]).status.code(),
        Some(0)
    );
    let (path, body) = seen.lock().unwrap()[1].clone();
    assert!(path.contains("key=wecom-KEY-456"));
    assert!(body.contains("\"msgtype\":\"markdown\""));

    // A channel that cannot be reached: the error names the host only, never a key.
    let out = node.run(&["notify", "test", "broken"]);
    assert_eq!(out.status.code(), Some(2));
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(all.contains("127.0.0.1"), "{all}");

    // A playbook's notify step: sent where it can be, queued where it cannot.
    std::fs::create_dir_all(node.dir.path().join("playbooks")).unwrap();
    std::fs::write(
        node.dir.path().join("playbooks/n.yaml"),
        "id: tell\ntitle: 通知\nsteps:\n  - { id: tell, title: 通知各方, kind: notify, channels: [hook, broken], message: 系统已恢复 }\n",
    )
    .unwrap();
    let out = node.run(&["playbook", "run", "tell"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let hook: Vec<(String, String)> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| p == "/hook")
        .cloned()
        .collect();
    assert_eq!(hook.len(), 1);
    let body: serde_json::Value = serde_json::from_str(&hook[0].1).unwrap();
    assert_eq!(
        (body["title"].as_str(), body["text"].as_str()),
        (Some("通知各方"), Some("系统已恢复"))
    );
    let listed = text(&node.run(&["notify", "list"]).stdout);
    assert!(
        listed.contains("broken") && !listed.contains("hook"),
        "{listed}"
    );
    let out = node.run(&["notify", "flush"]);
    assert_eq!(out.status.code(), Some(2), "still unreachable");
    // The channel is fixed: the next flush delivers it.
    node.config(&format!("http://127.0.0.1:{port}/fixed"));
    let out = node.run(&["notify", "flush"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("sent 1, still queued 0"));
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .any(|(p, b)| p == "/fixed" && b.contains("系统已恢复"))
    );

    // Keys are nowhere in what znode printed or stored.
    let store = std::fs::read(node.dir.path().join("history.db")).unwrap_or_default();
    assert!(!String::from_utf8_lossy(&store).contains("tok-SECRET-123"));
}
