//! Notification channels against a local HTTP receiver: the DingTalk signature, robot payloads,
//! a failed send kept in the outbox and flushed later, and robot keys never printed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use crate::support::{RunExt, TestNode, closed_port, receiver, text, znode};

/// The config of a node whose robots post to the receiver on `port`; the channel `broken`
/// points at `broken_url`.
fn robots_config(port: u16, broken_url: &str) -> String {
    format!(
        "node: 测试节点\nstore: history.db\nchecks: []\nnotify:\n  channels:\n    ding: {{ kind: dingtalk, url_env: ZNODE_TEST_DING_URL, secret_env: ZNODE_TEST_DING_SECRET }}\n    wecom: {{ kind: wecom, url_env: ZNODE_TEST_WECOM_URL }}\n    hook: {{ kind: webhook, url: \"http://127.0.0.1:{port}/hook\" }}\n    broken: {{ kind: webhook, url: \"{broken_url}\" }}\n"
    )
}

/// A node with the robots of [`robots_config`], their URLs and secrets in its environment.
fn robots_node(port: u16, broken_url: &str) -> TestNode {
    TestNode::with_config(&robots_config(port, broken_url))
        .env(
            "ZNODE_TEST_DING_URL",
            &format!("http://127.0.0.1:{port}/robot/send?access_token=tok-SECRET-123"),
        )
        .env("ZNODE_TEST_DING_SECRET", "SECxyz-signing")
        .env(
            "ZNODE_TEST_WECOM_URL",
            &format!("http://127.0.0.1:{port}/cgi-bin/webhook/send?key=wecom-KEY-456"),
        )
}

#[test]
fn robots_get_signed_payloads_and_failed_sends_wait_in_the_outbox() {
    let (port, seen) = receiver();
    let node = robots_node(port, &format!("http://127.0.0.1:{}/x", closed_port()));

    let out = node.run(&["notify", "test", "ding"]);
    out.code(0);
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

    node.run(&["notify", "test", "wecom"]).code(0);
    let (path, body) = seen.lock().unwrap()[1].clone();
    assert!(path.contains("key=wecom-KEY-456"));
    assert!(body.contains("\"msgtype\":\"markdown\""));

    // A channel that cannot be reached: the error names the host only, never a key.
    node.run(&["notify", "test", "broken"])
        .code(2)
        .stdout_has("127.0.0.1")
        .never_shows("tok-SECRET-123")
        .never_shows("wecom-KEY-456");

    // A playbook's notify step: sent where it can be, queued where it cannot.
    std::fs::create_dir_all(node.dir.path().join("playbooks")).unwrap();
    std::fs::write(
        node.dir.path().join("playbooks/n.yaml"),
        "id: tell\ntitle: 通知\nsteps:\n  - { id: tell, title: 通知各方, kind: notify, channels: [hook, broken], message: 系统已恢复 }\n",
    )
    .unwrap();
    // Finished, but not every message went out: WARN, naming the one that waits.
    node.run(&["playbook", "run", "tell"])
        .code(1)
        .stderr_has("to `broken` (tell) was not sent");
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
    out.code(2); // still unreachable
    // The channel is fixed: the next flush delivers it.
    node.file(
        "znode.yaml",
        robots_config(port, &format!("http://127.0.0.1:{port}/fixed")),
    );
    let out = node.run(&["notify", "flush"]);
    out.code(0);
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

/// A minimal SMTP server: accepts every message and keeps its DATA (and any AUTH line).
fn smtp_sink(l: TcpListener) -> Arc<Mutex<Vec<String>>> {
    let got: Arc<Mutex<Vec<String>>> = Arc::default();
    let keep = got.clone();
    std::thread::spawn(move || {
        for mut stream in l.incoming().flatten() {
            let _ = stream.write_all(b"220 sink ESMTP\r\n");
            serve_smtp(&mut BufReader::new(stream), &keep, false);
        }
    });
    got
}

/// How a TLS sink is reached.
#[derive(Clone, Copy, PartialEq)]
enum SinkTls {
    Implicit,
    Starttls,
}

/// The same with TLS and a certificate for 127.0.0.1; returns the CA's PEM.
fn tls_sink(l: TcpListener, mode: SinkTls) -> (Arc<Mutex<Vec<String>>>, String) {
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".into()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let pem = cert.pem();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![cert.der().clone()],
        rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
    )
    .unwrap();
    let config = Arc::new(config);
    let got: Arc<Mutex<Vec<String>>> = Arc::default();
    let keep = got.clone();
    std::thread::spawn(move || {
        for mut stream in l.incoming().flatten() {
            let conn = rustls::ServerConnection::new(config.clone()).unwrap();
            if mode == SinkTls::Starttls {
                let _ = stream.write_all(b"220 sink ESMTP\r\n");
                let mut plain = BufReader::new(stream);
                if !serve_smtp(&mut plain, &keep, true) {
                    continue;
                }
                let tls = rustls::StreamOwned::new(conn, plain.into_inner());
                serve_smtp(&mut BufReader::new(tls), &keep, false);
            } else {
                let mut tls = rustls::StreamOwned::new(conn, stream);
                let _ = tls.write_all(b"220 sink ESMTP\r\n");
                serve_smtp(&mut BufReader::new(tls), &keep, false);
            }
        }
    });
    (got, pem)
}

/// Serves commands until QUIT or, when it offers STARTTLS, until the client takes it
/// (returns true: the caller goes on over TLS). Records AUTH lines and messages.
fn serve_smtp<S: Read + Write>(
    r: &mut BufReader<S>,
    keep: &Arc<Mutex<Vec<String>>>,
    offer_starttls: bool,
) -> bool {
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            return false;
        }
        let verb = line.trim().to_ascii_uppercase();
        let verb = verb.split_whitespace().next().unwrap_or("");
        let reply: &[u8] = match verb {
            "EHLO" | "HELO" if offer_starttls => b"250-sink\r\n250-8BITMIME\r\n250 STARTTLS\r\n",
            "EHLO" | "HELO" => b"250-sink\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n",
            "STARTTLS" => {
                let _ = r.get_mut().write_all(b"220 go ahead\r\n");
                let _ = r.get_mut().flush();
                return true;
            }
            "AUTH" => {
                keep.lock().unwrap().push(line.trim().to_owned());
                b"235 ok\r\n"
            }
            "DATA" => {
                let _ = r.get_mut().write_all(b"354 go on\r\n");
                let mut data = String::new();
                loop {
                    let mut l = String::new();
                    if r.read_line(&mut l).unwrap_or(0) == 0 || l == ".\r\n" {
                        break;
                    }
                    data.push_str(&l);
                }
                keep.lock().unwrap().push(data);
                b"250 queued\r\n"
            }
            "QUIT" => {
                let _ = r.get_mut().write_all(b"221 bye\r\n");
                let _ = r.get_mut().flush();
                return false;
            }
            _ => b"250 ok\r\n",
        };
        let _ = r.get_mut().write_all(reply);
        let _ = r.get_mut().flush();
    }
}

#[test]
fn mail_over_implicit_tls_trusts_the_configured_ca_and_logs_in_with_the_secret() {
    use base64::Engine as _;
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let (got, ca) = tls_sink(l, SinkTls::Implicit);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), ca).unwrap();
    let channel = |name: &str, ca: &str| {
        format!(
            "    {name}: {{ kind: email, smtp: \"127.0.0.1:{port}\", tls: implicit, {ca}from: ops@zq.example, to: [xxzx@zq.example], username: ops@zq.example, password_env: ZNODE_TEST_SMTP_PASSWORD }}\n"
        )
    };
    std::fs::write(
        dir.path().join("znode.yaml"),
        format!(
            "node: 测试节点\nstore: history.db\nchecks: []\nnotify:\n  channels:\n{}{}",
            channel("mail", "ca_file: ca.pem, "),
            channel("untrusted", "")
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        znode()
            .arg("-c")
            .arg(dir.path().join("znode.yaml"))
            .args(args)
            .env("ZNODE_TEST_SMTP_PASSWORD", "pw-SECRET-789")
            .stdin(Stdio::null())
            .ran()
    };
    let out = run(&["notify", "test", "mail"]);
    out.code(0);
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 2, "{got:?}");
    let auth = got[0].strip_prefix("AUTH PLAIN ").expect(&got[0]);
    let auth = base64::engine::general_purpose::STANDARD
        .decode(auth)
        .unwrap();
    assert_eq!(auth, b"\0ops@zq.example\0pw-SECRET-789");
    assert!(got[1].contains("To: xxzx@zq.example"));
    // Without the internal CA the server is not trusted, and the password is never shown.
    let out = run(&["notify", "test", "untrusted"]);
    out.code(2);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(
        said.contains("127.0.0.1:") && said.to_lowercase().contains("certificate"),
        "{said}"
    );
    assert!(!said.contains("pw-SECRET-789"), "{said}");
}

/// The body of the MIME part whose headers contain `content_type`, decoded by its
/// Content-Transfer-Encoding (lettre picks base64 or quoted-printable by which is shorter).
fn part_bytes(message: &str, content_type: &str) -> Vec<u8> {
    use base64::Engine as _;
    let at = message.find(content_type).expect(content_type);
    let rest = &message[at..];
    let body_start = rest.find("\r\n\r\n").unwrap() + 4;
    let headers = &rest[..body_start];
    let lines: Vec<&str> = rest[body_start..]
        .lines()
        .take_while(|l| !l.starts_with("--"))
        .collect();
    if headers.contains("Content-Transfer-Encoding: quoted-printable") {
        let mut out = Vec::new();
        for line in lines {
            let (line, soft) = match line.strip_suffix('=') {
                Some(l) => (l, true),
                None => (line, false),
            };
            let b = line.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'=' && i + 2 < b.len() {
                    let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 3;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            if !soft {
                out.extend_from_slice(b"\r\n");
            }
        }
        return out;
    }
    let body: String = lines.concat();
    base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .unwrap()
}

#[test]
fn a_report_goes_by_mail_with_the_document_attached_and_a_failed_send_waits_in_the_outbox() {
    let smtp_port = closed_port();
    let (hook_port, seen) = receiver();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("znode.yaml"),
        format!(
            "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: []\nreports: {{ title: 肇庆分节点, send: [bureau, ops] }}\nnotify:\n  channels:\n    bureau: {{ kind: email, smtp: \"127.0.0.1:{smtp_port}\", tls: none, from: \"肇庆分节点运维 <ops@zq.example>\", to: [xxzx@zq.example], cc: [leader@zq.example] }}\n    ops: {{ kind: webhook, url: \"http://127.0.0.1:{hook_port}/hook\" }}\n"
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        znode()
            .arg("-c")
            .arg(dir.path().join("znode.yaml"))
            .args(args)
            .stdin(Stdio::null())
            .ran()
    };
    let out = run(&[
        "incident",
        "open",
        "门户登录失败",
        "--at",
        "2025-06-05 10:00",
    ]);
    out.code(0);

    // The SMTP server is down: the report is written, the robot gets its summary, the mail
    // waits in the outbox with the file, and the exit says so.
    let out = run(&[
        "report", "monthly", "--period", "2025-06", "-f", "docx", "--send",
    ]);
    out.code(2);
    let err = text(&out.stderr);
    assert!(
        err.contains("error: bureau: 127.0.0.1:") && err.contains("znode notify flush"),
        "{err}"
    );
    let path = dir.path().join("reports/运行维护月报-2025-06.docx");
    let written = std::fs::read(&path).unwrap();
    {
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 1);
        let body: serde_json::Value = serde_json::from_str(&seen[0].1).unwrap();
        assert_eq!(body["title"], "肇庆分节点运行维护月报（2025年6月）");
        let t = body["text"].as_str().unwrap();
        assert!(
            t.starts_with("本月（2025年6月）共运行检查")
                && t.contains("文件：/")
                && t.ends_with("运行维护月报-2025-06.docx"),
            "{t}"
        );
    }
    let listed = text(&run(&["notify", "list"]).stdout);
    assert!(
        listed.contains("bureau") && listed.contains("运行维护月报-2025-06.docx"),
        "{listed}"
    );

    // The server is back: the flush delivers the queued mail, with the page and the file.
    let got = smtp_sink(TcpListener::bind(("127.0.0.1", smtp_port)).unwrap());
    let out = run(&["notify", "flush"]);
    out.code(0);
    assert!(text(&out.stdout).contains("sent 1, still queued 0"));
    let mails = got.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert!(
        m.contains("From: =?utf-8?b?") && m.contains("<ops@zq.example>"),
        "{m}"
    );
    assert!(
        m.contains("To: xxzx@zq.example") && m.contains("Cc: leader@zq.example"),
        "{m}"
    );
    assert!(m.contains("Subject: =?utf-8?b?"), "{m}");
    assert!(
        m.contains("multipart/alternative") && m.contains("Content-Type: text/html; charset=utf-8"),
        "{m}"
    );
    let html = String::from_utf8(part_bytes(m, "Content-Type: text/html")).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.contains("<h1>肇庆分节点运行维护月报（2025年6月）</h1>"),
        "{html}"
    );
    let plain = String::from_utf8(part_bytes(m, "Content-Type: text/plain")).unwrap();
    assert!(plain.starts_with("本月（2025年6月）共运行检查"), "{plain}");
    let attached = part_bytes(
        m,
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    assert_eq!(attached, written, "the attachment is the document on disk");
    assert!(
        m.contains("Content-Disposition: attachment;") && m.contains("%E6%8A%A5-2025-06.docx"),
        "{m}"
    );

    // Sent now: the outbox is empty, and sending again goes straight through.
    let listed = text(&run(&["notify", "list"]).stdout);
    assert!(!listed.contains("bureau"), "{listed}");
    let out = run(&[
        "report", "monthly", "--period", "2025-06", "-f", "html", "--send", "bureau",
    ]);
    out.code(0);
    assert_eq!(got.lock().unwrap().len(), 2);
}

#[test]
fn mail_with_starttls_upgrades_before_logging_in() {
    use base64::Engine as _;
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let (got, ca) = tls_sink(l, SinkTls::Starttls);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), ca).unwrap();
    std::fs::write(
        dir.path().join("znode.yaml"),
        format!(
            "node: 测试节点\nstore: history.db\nchecks: []\nnotify:\n  channels:\n    mail: {{ kind: email, smtp: \"127.0.0.1:{port}\", tls: starttls, ca_file: ca.pem, from: ops@zq.example, to: [xxzx@zq.example], username: ops, password_file: pw }}\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("pw"), "pw-from-file\n").unwrap();
    let out = znode()
        .arg("-c")
        .arg(dir.path().join("znode.yaml"))
        .args(["notify", "test", "mail"])
        .stdin(Stdio::null())
        .ran();
    out.code(0);
    // AUTH is only offered after the upgrade, so a recorded login proves it happened over TLS.
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 2, "{got:?}");
    let auth = got[0].strip_prefix("AUTH PLAIN ").expect(&got[0]);
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(auth)
            .unwrap(),
        b"\0ops\0pw-from-file"
    );
    assert!(got[1].contains("To: xxzx@zq.example") && got[1].contains("Subject: "));
}

/// Undeclared channels are named by `config check` and by the run that could not use them; a
/// notify step without channels stays in the journal; stale messages expire instead of being
/// sent late, and `notify drop` takes one out.
#[test]
fn unsent_notifications_are_named_expire_and_can_be_dropped() {
    let (port, seen) = receiver();
    let closed = closed_port();
    let node = TestNode::with_config(&format!(
        "node: 测试节点\nstore: history.db\nchecks: []\nnotify:\n  expire: 2s\n  channels:\n    hook: {{ kind: webhook, url: \"http://127.0.0.1:{port}/hook\" }}\n    down: {{ kind: webhook, url: \"http://127.0.0.1:{closed}/x\" }}\n"
    ))
    .env("ZNODE_OPERATOR", "张工");
    node.file(
        "playbooks/tell.yaml",
        "id: tell\ntitle: 通知\nsteps:\n  - { id: pause, title: 暂停上传, kind: notify, channels: [hook, leaders], message: 请暂停上传 }\n  - { id: note, title: 记录, kind: notify, message: 只记日志 }\n  - { id: later, title: 恢复上传, kind: notify, channels: [down], message: 请恢复上传 }\n",
    );
    node.run(&["config", "check"])
        .code(0)
        .stderr_has(
            "playbook `tell` step `pause` notifies channel `leaders`, which is not declared",
        )
        .stderr_has("tell.yaml");

    let out = node.run(&["playbook", "run", "tell"]);
    out.code(1)
        .stderr_has("notification #2 to `leaders` (pause) was not sent")
        .stderr_has("notification #3 to `down` (later) was not sent")
        .stderr_has("run #1 finished, 2 notification(s) not sent");
    assert_eq!(seen.lock().unwrap().len(), 1, "hook got its message");
    let journal = node
        .run(&["playbook", "log", "1", "--format", "json"])
        .json();
    let details: Vec<&str> = journal["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "finish")
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert!(details[0].contains("leaders：未发送"), "{details:?}");
    assert_eq!(details[1], "仅记入执行记录（步骤未指定通知渠道）");
    // Two wait: leaders (never declared) and down (unreachable); none for the journal step.
    let listed = node.run(&["notify", "list"]).code(0).stdout();
    assert!(
        listed.contains("leaders") && listed.contains("down"),
        "{listed}"
    );
    assert!(!listed.contains("journal"), "{listed}");

    node.run(&["notify", "drop", "2"])
        .code(0)
        .stdout_has("#2: dropped");
    node.run(&["notify", "drop", "2"])
        .code(3)
        .stderr_has("no queued message #2");
    // Hours later the "resume uploads" must not go out on its own: it expires.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    node.run(&["notify", "flush"])
        .code(1)
        .stdout_has("#3 down: expired unsent")
        .stdout_has("sent 0, still queued 0, expired 1");
    assert!(!node.run(&["notify", "list"]).stdout().contains("down"));
}

/// An SMTP server that refuses the login by echoing it back: nothing derived from the password
/// (itself, or the base64 the AUTH mechanisms carry it in) reaches the terminal, the outbox or
/// the journal.
#[test]
fn an_smtp_reply_echoing_the_login_is_scrubbed() {
    use base64::Engine as _;
    const PW: &str = "Zq-mail-pw-5521";
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in l.incoming().flatten() {
            let mut r = BufReader::new(stream);
            let _ = r.get_mut().write_all(b"220 echo ESMTP\r\n");
            let mut line = String::new();
            loop {
                line.clear();
                if r.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let verb = line
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_uppercase();
                let reply = match verb.as_str() {
                    "EHLO" | "HELO" => "250-echo\r\n250 AUTH PLAIN LOGIN\r\n".to_owned(),
                    "AUTH" => format!("535 5.7.8 rejected: {}\r\n", line.trim()),
                    "QUIT" => "221 bye\r\n".to_owned(),
                    _ => "250 ok\r\n".to_owned(),
                };
                let _ = r.get_mut().write_all(reply.as_bytes());
            }
        }
    });
    let node = TestNode::with_config(&format!(
        "node: 测试节点\nstore: history.db\nchecks: []\nnotify:\n  channels:\n    mail: {{ kind: email, smtp: \"127.0.0.1:{port}\", tls: none, from: ops@zq.example, to: [xxzx@zq.example], username: ops@zq.example, password_env: ZNODE_TEST_SMTP_PASSWORD }}\n"
    ))
    .env("ZNODE_TEST_SMTP_PASSWORD", PW)
    .env("ZNODE_OPERATOR", "张工");
    node.file(
        "playbooks/tell.yaml",
        "id: tell\ntitle: 通知\nsteps:\n  - { id: tell, title: 通知, kind: notify, channels: [mail], message: 已恢复 }\n",
    );
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let forms = [
        PW.to_owned(),
        b64(PW),
        b64(&format!("\0ops@zq.example\0{PW}")),
    ];
    let mut seen = Vec::new();
    seen.push(
        node.run(&["notify", "test", "mail"])
            .code(2)
            .stdout_has("535")
            .stdout(),
    );
    let run = node.run(&["playbook", "run", "tell"]);
    run.code(1);
    seen.push(run.stderr());
    seen.push(
        node.run(&["notify", "list"])
            .code(0)
            .stdout_has("535")
            .stdout(),
    );
    seen.push(
        node.run(&["playbook", "log", "1", "--format", "json"])
            .stdout(),
    );
    seen.push(
        String::from_utf8_lossy(&std::fs::read(node.path().join("history.db")).unwrap())
            .into_owned(),
    );
    for text in &seen {
        for f in &forms {
            assert!(!text.contains(f.as_str()), "{f} shown in: {text}");
        }
    }
}
