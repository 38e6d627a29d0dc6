//! The log engine through the real binary: `logs scan`, `audit`, `top`, `archive`, `purge`, the
//! `log` probe in check files, with fixtures the tests write (GBK, gzip rotations, a truncated
//! gzip, CRLF, binary junk, stack traces, a 50 MB line, auth/database/access/operation logs).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::{TestNode, outcome, text};

/// 2025-10-10 23:00 +08:00: every fixture file was last written then (the syslog year comes
/// from it, and the window below includes it).
const MTIME: u64 = 1_760_108_400;
pub(crate) const WINDOW: [&str; 4] = ["--from", "2025-10-10 00:00", "--to", "2025-10-11 00:00"];

/// A node with a `logs:` section (YAML indented by two spaces).
pub(crate) fn log_node(logs_yaml: &str) -> TestNode {
    let node = TestNode::with_config(&format!(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\nsystems:\n  - id: portal\n    name: 门户\nlogs:\n{logs_yaml}"
    ));
    std::fs::create_dir_all(node.path().join("logs")).unwrap();
    node
}

/// Writes a fixture under the node and dates it at [`MTIME`].
fn write(node: &TestNode, rel: &str, bytes: &[u8]) -> PathBuf {
    let p = node.file(rel, bytes);
    set_mtime(&p, MTIME);
    p
}

/// A `logs` command with `--format json`: the exit code and the document.
pub(crate) fn json(node: &TestNode, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    node.json(&all)
}

fn set_mtime(p: &Path, secs: u64) {
    let f = std::fs::File::options().append(true).open(p).unwrap();
    f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
        .unwrap();
}

fn gzip(parts: &[&str]) -> Vec<u8> {
    // Several members, as `cat a.gz b.gz` makes: all must be read.
    let mut out = Vec::new();
    for p in parts {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(p.as_bytes()).unwrap();
        out.extend(e.finish().unwrap());
    }
    out
}

pub(crate) fn count(doc: &serde_json::Value, id: &str) -> f64 {
    outcome(doc, id)["value"]["value"].as_f64().unwrap()
}

pub(crate) fn evidence(doc: &serde_json::Value, id: &str) -> String {
    outcome(doc, id)["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn scan_counts_records_in_the_window_across_rotations_and_encodings() {
    let node = log_node(
        "  sources:\n    - id: app\n      system: portal\n      format: java\n      paths: [logs/app.log*, logs/gbk.log]\n",
    );
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    // A truncated gzip: two errors early, then filler cut off in the middle.
    let filler: String = (0..4000)
        .map(|i| {
            format!(
                "2025-10-10 07:{:02}:00,000 INFO filler line {i} {}\n",
                i % 60,
                "y".repeat(40)
            )
        })
        .collect();
    let mut trunc = gzip(&[&format!(
        "2025-10-10 07:00:00,000 ERROR [a] rotated error one password=hunter2\n2025-10-10 07:00:01,000 ERROR [a] rotated error two\n{filler}"
    )]);
    trunc.truncate(trunc.len() * 2 / 3);
    write(&node, "logs/app.log.2.gz", &trunc);
    write(
        &node,
        "logs/app.log.1.gz",
        &gzip(&[
            "2025-10-10 08:00:00,000 ERROR [b] first member\n",
            "2025-10-10 08:30:00,000 ERROR [b] second member\n",
        ]),
    );
    let mut app = Vec::new();
    for line in [
        "2025-10-09 23:59:59,000 ERROR [c] before the window",
        "2025-10-10 09:00:00,000 ERROR [c] plain error",
        "2025-10-10 09:05:00,000 ERROR [main] c.x.Svc - call failed",
        "java.lang.IllegalStateException: boom",
        "\tat c.x.Svc.run(Svc.java:42)",
        "Caused by: java.net.ConnectException: Connection refused",
        "\t... 3 more",
        "2025-10-10 09:06:00,000 INFO [c] recovered",
        "2025-10-11 00:00:00,000 ERROR [c] after the window",
    ] {
        app.extend_from_slice(line.as_bytes());
        app.extend_from_slice(b"\r\n");
    }
    app.extend_from_slice(b"2025-10-10 10:00:00,000 FATAL \xff\xfe\x00\x01 junk bytes\r\n");
    app.extend_from_slice(&[0u8, 0xff, 0x13, b'\n']);
    write(&node, "logs/app.log", &app);
    // A zstd rotation is read like the gzip ones.
    let zst = zstd::encode_all(
        &b"2025-10-10 06:00:00,000 WARN [z] java.lang.OutOfMemoryError: Metaspace\n"[..],
        3,
    )
    .unwrap();
    write(&node, "logs/app.log.3.zst", &zst);
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "2025-10-10 11:00:00,000 ERROR 数据库连接失败\n2025-10-10 11:01:00,000 WARN 接口请求超时\n",
    );
    write(&node, "logs/gbk.log", &gbk);

    let mut args = vec!["logs", "scan"];
    args.extend(WINDOW);
    let (code, doc) = json(&node, &args);
    // 2 (truncated gz) + 2 (two gzip members) + 1 + 1 (one stack-trace record) + 1 FATAL + 1 GBK.
    assert_eq!(count(&doc, "log.app.error"), 8.0, "{doc:#}");
    // The exception and its cause are one record; the zstd file's OutOfMemoryError is another.
    assert_eq!(count(&doc, "log.app.exception"), 2.0);
    assert_eq!(count(&doc, "log.app.refused"), 1.0);
    // 超时 is found only if the GBK file was decoded.
    assert_eq!(count(&doc, "log.app.timeout"), 1.0);
    assert_eq!(count(&doc, "log.app.oom"), 1.0, "from the zstd rotation");
    let refused = evidence(&doc, "log.app.refused");
    assert!(
        refused.contains("10-10 09:05:00") && refused.contains("call failed ⏎ … Caused by"),
        "the hit is dated and shown with its record's header: {refused}"
    );
    let errors = evidence(&doc, "log.app.error");
    assert!(errors.contains("数据库连接失败"), "{errors}");
    assert!(
        !errors.contains("hunter2") && errors.contains("password=***"),
        "{errors}"
    );
    for f in ["history.db", "history.db-wal"] {
        if let Ok(bytes) = std::fs::read(node.at(f)) {
            assert!(
                !bytes.windows(7).any(|w| w == b"hunter2"),
                "{f} holds the password"
            );
        }
    }
    // The truncated rotation is read as far as it goes, and said so.
    let summary = outcome(&doc, "log.app.resource")["summary"]
        .as_str()
        .unwrap();
    assert!(
        summary.contains("app.log.2.gz: read stopped early"),
        "{summary}"
    );
    // An OOM is CRIT whatever else is found.
    assert_eq!(code, 2, "{doc:#}");
}

#[test]
fn a_50_mb_line_takes_bounded_memory() {
    let node =
        log_node("  sources:\n    - id: big\n      format: java\n      paths: [logs/big.log]\n");
    let mut big = b"2025-10-10 12:00:00,000 ERROR start of a huge line ".to_vec();
    big.extend(std::iter::repeat_n(b'x', 50 << 20));
    big.extend_from_slice(
        b"\n2025-10-10 12:00:01,000 ERROR java.lang.OutOfMemoryError: Java heap space\n",
    );
    write(&node, "logs/big.log", &big);
    let mut args: Vec<&str> = vec!["logs", "scan", "--format", "json"];
    args.extend(WINDOW);
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "maxrss_kb=%M"])
        .arg(env!("CARGO_BIN_EXE_znode"))
        .arg("-c")
        .arg(node.at("znode.yaml"))
        .args(&args)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(count(&doc, "log.big.error"), 2.0);
    assert_eq!(count(&doc, "log.big.oom"), 1.0);
    assert!(evidence(&doc, "log.big.error").contains("超过 1.0 MiB"));
    let stderr = text(&out.stderr);
    let kb: u64 = stderr
        .rsplit("maxrss_kb=")
        .next()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(kb < 100 * 1024, "peak RSS {kb} KiB for a 50 MiB line");
}

#[test]
fn incremental_scans_read_only_new_lines_through_rotation() {
    let node =
        log_node("  sources:\n    - id: app\n      format: java\n      paths: [logs/app.log*]\n");
    // Lines of the last two hours, minute n after the first.
    let base =
        chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai) - chrono::Duration::hours(2);
    let line = |n: u32| {
        format!(
            "{} ERROR [x] failure number {n} {}\n",
            (base + chrono::Duration::minutes(i64::from(n))).format("%Y-%m-%d %H:%M:%S,000"),
            "z".repeat(80)
        )
    };
    let app = node.at("logs/app.log");
    std::fs::write(&app, format!("{}{}", line(1), line(2))).unwrap();
    let scan = || {
        let (_, doc) = json(&node, &["logs", "scan", "--incremental", "--source", "app"]);
        count(&doc, "log.app.error")
    };
    // The first incremental scan counts its window (the default 24 h holds these lines).
    assert_eq!(scan(), 2.0);
    assert_eq!(scan(), 0.0, "nothing new");
    let append = |p: &Path, s: &str| {
        std::fs::OpenOptions::new()
            .append(true)
            .open(p)
            .unwrap()
            .write_all(s.as_bytes())
            .unwrap()
    };
    append(&app, &line(3));
    // A line being written (no newline yet) is left for the next run.
    append(
        &app,
        &format!(
            "{} ERROR [x] half",
            (base + chrono::Duration::minutes(4)).format("%Y-%m-%d %H:%M:%S,000")
        ),
    );
    assert_eq!(scan(), 1.0);
    append(&app, " written\n");
    assert_eq!(scan(), 1.0, "the finished line is read once");
    // logrotate: a last line lands, the file is renamed, a new one starts.
    append(&app, &line(5));
    std::fs::rename(&app, node.at("logs/app.log.1")).unwrap();
    std::fs::write(&app, line(6)).unwrap();
    assert_eq!(scan(), 2.0, "the tail of the rotated file and the new file");
    // The rotation is compressed: same content under a new name and inode, nothing new.
    let old = std::fs::read_to_string(node.at("logs/app.log.1")).unwrap();
    std::fs::write(node.at("logs/app.log.2.gz"), gzip(&[&old])).unwrap();
    std::fs::remove_file(node.at("logs/app.log.1")).unwrap();
    assert_eq!(scan(), 0.0);
    // copytruncate: the file starts over and is read from its start.
    std::fs::write(&app, line(7)).unwrap();
    assert_eq!(scan(), 1.0);
}

pub(crate) const AUTH: &str = "\
Oct 10 03:10:00 node1 sshd[100]: Failed password for root from 203.0.113.7 port 40000 ssh2
Oct 10 03:10:20 node1 sshd[101]: Failed password for root from 203.0.113.7 port 40001 ssh2
Oct 10 03:10:40 node1 sshd[102]: Failed password for invalid user admin from 203.0.113.7 port 40002 ssh2
Oct 10 03:11:00 node1 sshd[103]: Failed password for invalid user test from 203.0.113.7 port 40003 ssh2
Oct 10 03:11:30 node1 sshd[104]: Failed password for root from 203.0.113.7 port 40004 ssh2
Oct 10 03:12:00 node1 sshd[105]: Failed password for root from 203.0.113.7 port 40005 ssh2
Oct 10 09:00:00 node1 sshd[106]: Failed password for ops from 198.51.100.2 port 50000 ssh2
Oct 10 10:00:00 node1 sshd[107]: Failed password for ops from 198.51.100.2 port 50001 ssh2
Oct 10 11:00:00 node1 sshd[108]: Failed password for ops from 198.51.100.2 port 50002 ssh2
Oct 10 09:30:00 node1 sshd[109]: Accepted publickey for ops from 10.0.0.5 port 50100 ssh2
Oct 10 02:30:00 node1 sshd[110]: Accepted password for ops from 10.0.0.5 port 50101 ssh2
Oct 10 09:40:00 node1 sudo:      ops : TTY=pts/0 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/sbin/useradd -m tmpuser
Oct 10 09:40:05 node1 useradd[120]: new user: name=tmpuser, UID=1005, GID=1005, home=/home/tmpuser
Oct 10 09:41:00 node1 sudo:      ops : TTY=pts/0 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/chmod 777 /etc/app.conf
Oct 10 09:42:00 node1 sudo:      ops : TTY=pts/0 ; PWD=/data ; USER=root ; COMMAND=/usr/bin/rm -rf /data/upload/2025
Oct 10 09:43:00 node1 su[130]: pam_unix(su:session): session opened for user root by ops(uid=1000)
";

#[test]
fn audit_findings_are_exactly_the_planted_ones() {
    let node = log_node(
        "  sources:
    - id: auth
      format: auth
      paths: [logs/secure]
    - id: pg
      format: postgres
      paths: [logs/postgresql.log]
    - id: portal-access
      system: portal
      format: nginx-access
      paths: [logs/access.log]
    - id: ops-log
      format: oplog
      paths: [logs/operation.log]
",
    );
    write(&node, "logs/secure", AUTH.as_bytes());
    write(&node,
        "logs/postgresql.log",
        b"2025-10-10 14:00:00.000 CST [4242] LOG:  statement: DROP TABLE public.applicant_archive;\n\
          2025-10-10 14:01:00.000 CST [4242] LOG:  statement: DELETE FROM permits;\n\
          2025-10-10 14:02:00.000 CST [4242] LOG:  statement: DELETE FROM permits WHERE id = 7;\n",
    );
    write(&node,
        "logs/access.log",
        b"10.1.1.1 - - [10/Oct/2025:10:00:00 +0800] \"GET /api/items?id=1 HTTP/1.1\" 200 512 \"-\" \"curl\" 0.010\n\
          198.51.100.9 - - [10/Oct/2025:10:00:01 +0800] \"GET /download?file=../../etc/passwd HTTP/1.1\" 400 0 \"-\" \"scan\" 0.001\n\
          198.51.100.9 - - [10/Oct/2025:10:00:02 +0800] \"GET /q?name=1%20union%20select%20password HTTP/1.1\" 403 0 \"-\" \"scan\" 0.001\n",
    );
    write(
        &node,
        "logs/operation.log",
        "2025-10-10 15:00:00 user=zhang ip=10.2.2.2 action=删除 object=证照库 count=5000\n\
         2025-10-10 15:05:00 user=li ip=10.2.2.3 action=删除 object=证照库 count=3\n"
            .as_bytes(),
    );
    let mut args = vec!["logs", "audit"];
    args.extend(WINDOW);
    let (code, doc) = json(&node, &args);
    assert_eq!(code, 2, "{doc:#}");
    let status = |id: &str| outcome(&doc, id)["status"].as_str().unwrap().to_owned();
    let findings = |id: &str| {
        outcome(&doc, id)["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "findings" && m["label"].is_string())
            .map(|m| m["value"].as_f64().unwrap())
            .unwrap()
    };
    // Six failures in two minutes from one address: a burst. Three an hour apart: not.
    assert_eq!(
        (
            status("log.auth.ssh-failed-burst").as_str(),
            findings("log.auth.ssh-failed-burst")
        ),
        ("CRIT", 1.0)
    );
    assert!(evidence(&doc, "log.auth.ssh-failed-burst").contains("203.0.113.7：6 次"));
    assert!(!evidence(&doc, "log.auth.ssh-failed-burst").contains("198.51.100.2"));
    assert_eq!(
        findings("log.auth.ssh-failed-user"),
        0.0,
        "root failed 4 times, under 10"
    );
    // 02:30 is outside 07:30-20:30; 09:30 is not.
    assert_eq!(
        (
            status("log.auth.login-off-hours").as_str(),
            findings("log.auth.login-off-hours")
        ),
        ("WARN", 1.0)
    );
    assert!(evidence(&doc, "log.auth.login-off-hours").contains("10-10 02:30:00"));
    assert_eq!(findings("log.auth.account-change"), 1.0);
    assert_eq!(findings("log.auth.permission-change"), 1.0);
    assert_eq!(findings("log.auth.os-mass-delete"), 1.0);
    // sudo and su are listed for review but are an admin's job: OK.
    assert_eq!(
        (status("log.auth.sudo").as_str(), findings("log.auth.sudo")),
        ("OK", 1.0)
    );
    assert_eq!(findings("log.auth.su"), 1.0);
    // The first audit learns the addresses; nothing is new yet.
    assert_eq!(findings("log.auth.login-new-address"), 0.0);
    assert_eq!(
        (
            status("log.pg.sql-drop-truncate").as_str(),
            findings("log.pg.sql-drop-truncate")
        ),
        ("CRIT", 1.0)
    );
    assert_eq!(
        findings("log.pg.sql-delete-without-where"),
        1.0,
        "the DELETE with WHERE is fine"
    );
    assert_eq!(
        findings("log.portal-access.web-abnormal-request"),
        1.0,
        "one address, two probes"
    );
    assert!(
        evidence(&doc, "log.portal-access.web-abnormal-request").contains("198.51.100.9：2 次")
    );
    assert_eq!(
        (
            status("log.ops-log.oplog-mass-delete").as_str(),
            findings("log.ops-log.oplog-mass-delete")
        ),
        ("CRIT", 1.0)
    );
    assert!(evidence(&doc, "log.ops-log.oplog-mass-delete").contains("zhang"));

    // A login from an address never seen before is found by the next audit.
    let mut auth = AUTH.to_owned();
    auth.push_str("Oct 10 16:00:00 node1 sshd[200]: Accepted password for ops from 10.9.9.9 port 50200 ssh2\n");
    write(&node, "logs/secure", auth.as_bytes());
    let (_, doc) = json(&node, &args);
    let found = outcome(&doc, "log.auth.login-new-address");
    assert_eq!(found["status"], "WARN", "{found:#}");
    let ev = evidence(&doc, "log.auth.login-new-address");
    assert!(
        ev.contains("ops / 10.9.9.9") && !ev.contains("10.0.0.5："),
        "{ev}"
    );
}

/// `--learn` reads the files of this host: a source kept on this host and others is learned
/// here; one kept only elsewhere is refused with where to run it.
#[test]
fn audit_learn_reads_this_hosts_sources_only() {
    let node = TestNode::with_config(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\nthis_host: h1\nhosts:\n  h1: { address: 127.0.0.1 }\n  h2: { address: 127.0.0.2 }\nlogs:\n  sources:\n    - id: auth\n      format: auth\n      paths: [logs/secure]\n      hosts: [h1, h2]\n    - id: far\n      format: auth\n      paths: [logs/secure]\n      hosts: [h2]\n",
    );
    write(
        &node,
        "logs/secure",
        b"Oct  9 09:00:00 node1 sshd[100]: Accepted password for ops from 10.0.0.5 port 50100 ssh2\n",
    );
    let range = ["--from", "2025-10-09 00:00", "--to", "2025-10-10 00:00"];
    let mut args = vec!["logs", "audit", "--learn", "--source", "auth"];
    args.extend(range);
    let (code, doc) = json(&node, &args);
    assert_eq!(code, 0, "{doc:#}");
    assert!(
        doc["baselines"].as_array().is_some_and(|b| !b.is_empty()),
        "{doc:#}"
    );
    let mut args = vec!["logs", "audit", "--learn", "--source", "far"];
    args.extend(range);
    node.run(&args)
        .code(3)
        .stderr_has("log source `far` is read on h2")
        .stderr_has("on that host");
}

/// `logs rules` and `logs top` speak English under `--lang en`: headers, kinds, judgements,
/// origins and the per-source line; Chinese by default.
#[test]
fn rules_and_top_follow_the_language() {
    let node =
        log_node("  sources:\n    - id: app\n      format: java\n      paths: [logs/app.log]\n");
    write(
        &node,
        "logs/app.log",
        b"2025-10-10 09:00:00,000 ERROR [main] c.x.A - order 1 failed\n",
    );
    let zh = node.run(&["logs", "rules"]);
    let zh = String::from_utf8_lossy(&zh.stdout).into_owned();
    assert!(
        zh.contains("判定") && zh.contains("内置") && zh.contains("条数："),
        "{zh}"
    );
    let en = node.run(&["--lang", "en", "logs", "rules"]);
    let en = String::from_utf8_lossy(&en.stdout).into_owned();
    assert!(
        en.contains("judged by")
            && en.contains("shipped")
            && en.contains("count: ")
            && en.contains("within"),
        "{en}"
    );
    for word in ["判定", "内置", "条数", "以外", "仅列出", "次（", "共 "] {
        assert!(!en.contains(word), "`{word}` under --lang en:\n{en}");
    }
    let mut args = vec!["--lang", "en", "logs", "top"];
    args.extend(WINDOW);
    let top = node.run(&args);
    let top = String::from_utf8_lossy(&top.stdout).into_owned();
    assert!(
        top.contains("app: 1 error lines in 1 templates, 1 of them new"),
        "{top}"
    );
}

/// `logs audit --learn` fills the baselines of `new:` rules from past logs and reports nothing;
/// the next audit reports only what lies outside them.
#[test]
fn audit_learn_records_baselines_and_reports_nothing() {
    let node =
        log_node("  sources:\n    - id: auth\n      format: auth\n      paths: [logs/secure]\n");
    let past = "\
Oct  9 09:00:00 node1 sshd[100]: Accepted password for ops from 10.0.0.5 port 50100 ssh2
Oct  9 09:10:00 node1 sshd[101]: Accepted publickey for li from 10.0.0.6 port 50101 ssh2
Oct  9 03:10:00 node1 sshd[102]: Failed password for root from 203.0.113.7 port 40000 ssh2
Oct  9 03:10:10 node1 sshd[103]: Failed password for root from 203.0.113.7 port 40001 ssh2
Oct  9 03:10:20 node1 sshd[104]: Failed password for root from 203.0.113.7 port 40002 ssh2
Oct  9 03:10:30 node1 sshd[105]: Failed password for root from 203.0.113.7 port 40003 ssh2
Oct  9 03:10:40 node1 sshd[106]: Failed password for root from 203.0.113.7 port 40004 ssh2
Oct  9 03:10:50 node1 sshd[107]: Failed password for root from 203.0.113.7 port 40005 ssh2
Oct 10 09:00:00 node1 sshd[200]: Accepted password for ops from 10.0.0.5 port 50200 ssh2
Oct 10 09:30:00 node1 sshd[201]: Accepted password for ops from 10.9.9.9 port 50201 ssh2
";
    write(&node, "logs/secure", past.as_bytes());
    let learn = [
        "logs",
        "audit",
        "--learn",
        "--from",
        "2025-10-09 00:00",
        "--to",
        "2025-10-10 00:00",
    ];
    let (code, doc) = json(&node, &learn);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["schema"], "znode.log-baselines/v1");
    let row = |doc: &serde_json::Value| {
        doc["baselines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["rule"] == "login-new-address")
            .cloned()
            .unwrap_or_else(|| panic!("{doc:#}"))
    };
    let first = row(&doc);
    assert_eq!(
        (first["values"].as_u64(), first["added"].as_u64()),
        (Some(2), Some(2))
    );
    assert!(
        !doc.to_string().contains("203.0.113.7"),
        "a learn reports no finding: {doc:#}"
    );
    // Learning the same days again adds nothing; no run was stored.
    let (_, again) = json(&node, &learn);
    let again = row(&again);
    assert_eq!(
        (again["values"].as_u64(), again["added"].as_u64()),
        (Some(2), Some(0))
    );
    let history: serde_json::Value =
        serde_json::from_slice(&node.run(&["history", "--format", "json"]).stdout).unwrap();
    assert_eq!(history.as_array().map(Vec::len), Some(0), "{history:#}");
    let table = node.run(&learn);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("login-new-address") && text.contains("只学习了基线"),
        "{text}"
    );

    // The day after: the learned address is known, the other one is new.
    let mut args = vec!["logs", "audit", "--source", "auth"];
    args.extend(WINDOW);
    let (_, doc) = json(&node, &args);
    let found = outcome(&doc, "log.auth.login-new-address");
    assert_eq!(found["status"], "WARN", "{found:#}");
    let ev = evidence(&doc, "log.auth.login-new-address");
    assert!(
        ev.contains("ops / 10.9.9.9") && !ev.contains("10.0.0.5"),
        "{ev}"
    );

    // --learn and --incremental do not go together.
    let out = node.run(&["logs", "audit", "--learn", "--incremental"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn log_checks_in_check_files_share_the_engine() {
    let node =
        log_node("  sources:\n    - id: app\n      format: java\n      paths: [logs/app.log]\n");
    write(
        &node,
        "logs/app.log",
        b"2025-10-10 09:00:00,000 ERROR java.lang.OutOfMemoryError: Java heap space\n\
          2025-10-10 09:01:00,000 INFO license expires in 3 days\n",
    );
    std::fs::write(
        node.at("checks/logs.yaml"),
        "checks:
  - id: tomcat-oom
    title: 应用日志内存溢出
    category: 日常检查
    item: 6
    probe: { kind: log, source: app, rules: [oom], from: '2025-10-10T00:00:00+08:00', to: '2025-10-11T00:00:00+08:00' }
  - id: license
    title: 许可证即将到期
    category: 系统业务检查
    crit: 0
    probe: { kind: log, source: app, pattern: 'license expires in \\d+ days', from: '2025-10-10T00:00:00+08:00' }
",
    )
    .unwrap();
    let out = node.run(&["inspect", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outcome(&doc, "tomcat-oom")["status"], "CRIT");
    assert_eq!(outcome(&doc, "license")["status"], "CRIT");
    assert_eq!(count(&doc, "license"), 1.0);

    // A check naming an unknown source is a config error with a hint, and nothing runs.
    std::fs::write(
        node.at("checks/bad.yaml"),
        "checks:\n  - id: bad\n    title: x\n    category: daily\n    probe: { kind: log, source: ap }\n",
    )
    .unwrap();
    let out = node.run(&["inspect"]);
    out.code(3);
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.yaml:")
            && err.contains("unknown log source `ap`")
            && err.contains("did you mean `app`?"),
        "{err}"
    );
}

#[test]
fn top_groups_errors_and_marks_new_templates() {
    let node =
        log_node("  sources:\n    - id: app\n      format: java\n      paths: [logs/app.log]\n");
    let mut lines = String::new();
    for i in 0..30 {
        lines.push_str(&format!(
            "2025-10-10 09:{:02}:00,000 ERROR [exec-{i}] c.x.Order - order {} failed: upstream 10.0.3.{} timeout after {}ms\n",
            i,
            1000 + i,
            i % 9 + 1,
            3000 + i
        ));
    }
    for i in 0..5 {
        lines.push_str(&format!(
            "2025-10-10 10:{i:02}:00,000 ERROR [exec-1] c.x.Upload - cannot open /data/upload/{i}/a.csv\n"
        ));
    }
    write(&node, "logs/app.log", lines.as_bytes());
    let mut args = vec!["logs", "top", "--format", "json"];
    args.extend(WINDOW);
    let first = node.run(&args);
    let doc: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let t = doc["templates"].as_array().unwrap();
    assert_eq!(t.len(), 2, "{doc:#}");
    assert_eq!(t[0]["count"], 30);
    assert_eq!(t[1]["count"], 5);
    assert!(t.iter().all(|x| x["new"] == true));
    assert!(
        t[0]["template"]
            .as_str()
            .unwrap()
            .contains("upstream <IP> timeout"),
        "{doc:#}"
    );

    lines.push_str("2025-10-10 11:00:00,000 ERROR [exec-2] c.x.Sign - signature verification failed for cert 7781\n");
    write(&node, "logs/app.log", lines.as_bytes());
    let doc: serde_json::Value = serde_json::from_slice(&node.run(&args).stdout).unwrap();
    let fresh: Vec<&serde_json::Value> = doc["templates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["new"] == true)
        .collect();
    assert_eq!(fresh.len(), 1, "{doc:#}");
    assert!(
        fresh[0]["template"]
            .as_str()
            .unwrap()
            .contains("signature verification failed")
    );
}

#[test]
fn archive_and_purge_stay_inside_the_root_and_spare_open_files() {
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.log");
    std::fs::write(&victim, "keep me\n").unwrap();
    set_mtime(&victim, MTIME);
    std::fs::create_dir(outside.path().join("sub")).unwrap();
    std::fs::write(outside.path().join("sub/deep.log"), "keep me too\n").unwrap();
    set_mtime(&outside.path().join("sub/deep.log"), MTIME);
    let node = log_node(
        "  retention:\n    - id: app\n      root: app-logs\n      include: ['*.log', '**/*.log']\n      archive_after: 1d\n      archive_to: archive\n      delete_after: 30d\n",
    );
    write(&node, "app-logs/old.log", b"2025-10-10 old content\n");
    write(&node, "app-logs/nested/older.log", b"nested old content\n");
    let held = write(&node, "app-logs/held.log", b"being written\n");
    let fresh = node.at("app-logs/fresh.log");
    std::fs::write(&fresh, "today\n").unwrap();
    std::os::unix::fs::symlink(&victim, node.at("app-logs/link.log")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("sub"), node.at("app-logs/outside")).unwrap();
    // This process holds held.log open for writing, as a running service would.
    let _writer = std::fs::OpenOptions::new()
        .append(true)
        .open(&held)
        .unwrap();

    // Purge refuses what is not archived yet; nothing changes in a dry run.
    let out = node.run(&["logs", "purge", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = |doc: &serde_json::Value, name: &str| {
        doc["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(name))
            .cloned()
            .unwrap_or_else(|| panic!("{name} not in {doc:#}"))
    };
    assert_eq!(entry(&doc, "old.log")["action"], "keep");
    assert!(
        entry(&doc, "old.log")["reason"]
            .as_str()
            .unwrap()
            .contains("not archived yet")
    );

    let out = node.run(&["logs", "archive"]);
    assert!(
        text(&out.stdout).contains("将归档 2 个文件"),
        "{}",
        text(&out.stdout)
    );
    assert!(!node.at("archive").exists(), "a dry run writes nothing");

    let out = node.run(&["logs", "archive", "--apply", "--format", "json"]);
    out.code(0);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        entry(&doc, "held.log")["reason"],
        "open for writing by a process"
    );
    assert_eq!(
        entry(&doc, "link.log")["reason"],
        "symbolic link: not followed"
    );
    let archive = PathBuf::from(entry(&doc, "old.log")["archive"].as_str().unwrap());
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg(format!(
            "{}.sha256",
            archive.file_name().unwrap().to_string_lossy()
        ))
        .current_dir(archive.parent().unwrap())
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check.stdout));
    let listing = std::process::Command::new("tar")
        .arg("-tzf")
        .arg(&archive)
        .output()
        .unwrap();
    let listing = text(&listing.stdout);
    assert!(
        listing.contains("old.log") && listing.contains("nested/older.log"),
        "{listing}"
    );
    assert!(!listing.contains("held") && !listing.contains("fresh") && !listing.contains("victim"));

    let out = node.run(&["logs", "purge", "--apply", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entry(&doc, "old.log")["done"], true);
    assert!(
        !node.at("app-logs/old.log").exists() && !node.at("app-logs/nested/older.log").exists()
    );
    assert!(held.exists() && fresh.exists(), "open and young files stay");
    assert!(
        victim.exists() && outside.path().join("sub/deep.log").exists(),
        "nothing outside the root is touched"
    );
    assert!(node.at("app-logs/link.log").symlink_metadata().is_ok());
}

#[test]
fn retention_patterns_may_not_leave_the_root() {
    let node = log_node(
        "  retention:\n    - id: bad\n      root: logs\n      include: ['../*.log']\n      delete_after: 1d\n",
    );
    let out = node.run(&["logs", "purge"]);
    out.code(3);
    let err = text(&out.stderr);
    assert!(
        err.contains("znode.yaml:") && err.contains("leaves the root"),
        "{err}"
    );
}

/// znode's own restore tests connect to and drop scratch databases; the FATAL lines
/// PostgreSQL writes about them are not the node's errors and match no rule.
#[test]
fn the_postgres_log_lines_of_znodes_own_scratch_databases_are_not_errors() {
    let node = log_node(
        "  sources:
    - id: pg
      format: postgres
      paths: [logs/postgresql.log]
",
    );
    write(
        &node,
        "logs/postgresql.log",
        b"2025-10-10 10:25:29.414 CST [17534] postgres@znode_restore_17517_1796293529_0 FATAL:  terminating connection due to administrator command\n\
          2025-10-10 10:25:41.166 CST [18042] postgres@znode_restore_17975_1796293540_1 ERROR:  relation \"no_such_table\" does not exist at character 13\n\
          2025-10-10 11:00:00.000 CST [4242] app@permits FATAL:  password authentication failed for user \"app\"\n",
    );
    let mut args = vec!["logs", "scan"];
    args.extend(WINDOW);
    let (_, doc) = json(&node, &args);
    assert_eq!(count(&doc, "log.pg.error"), 1.0, "{doc:#}");
    let ev = evidence(&doc, "log.pg.error");
    assert!(
        ev.contains("password authentication failed") && !ev.contains("znode_restore_"),
        "{ev}"
    );
}

/// A line dated in the future (a host whose clock ran ahead, a bad timestamp) belongs to no
/// "last hour": it is not counted in every window.
#[test]
fn a_line_dated_in_the_future_is_not_in_the_last_hour() {
    let node = log_node(
        "  sources:
    - id: app
      format: java
      paths: [logs/app.log]
",
    );
    let tz = chrono_tz::Asia::Shanghai;
    let now = chrono::Utc::now().with_timezone(&tz);
    let at = |d: chrono::Duration| (now + d).format("%Y-%m-%d %H:%M:%S%.3f").to_string();
    // Written now: the file's time does not keep it out of the window.
    node.file(
        "logs/app.log",
        format!(
            "{} ERROR [main] c.e.Job - 同步失败\n{} ERROR [main] c.e.Job - 未来的时间\n{} INFO [main] c.e.Job - 正常\n",
            at(chrono::Duration::minutes(-10)),
            at(chrono::Duration::days(400)),
            at(chrono::Duration::minutes(-5)),
        )
        .as_bytes(),
    );
    let (_, doc) = json(&node, &["logs", "scan", "--since", "1h"]);
    assert_eq!(count(&doc, "log.app.error"), 1.0, "{doc:#}");
    assert!(!evidence(&doc, "log.app.error").contains("未来的时间"));
}

/// Office hours are the node's clock (where the people are), not the zone a server writes its
/// log in: a login the server logs at 18:30 UTC is 02:30 in Zhaoqing, outside 07:30–20:30.
#[test]
fn office_hours_are_judged_on_the_nodes_clock() {
    let node = log_node(
        "  sources:
    - id: auth
      format: auth
      timezone: UTC
      paths: [logs/secure]
",
    );
    write(
        &node,
        "logs/secure",
        b"Oct 10 18:30:00 node1 sshd[110]: Accepted password for ops from 10.0.0.5 port 50101 ssh2\n\
          Oct 10 03:00:00 node1 sshd[111]: Accepted password for li from 10.0.0.6 port 50102 ssh2\n",
    );
    let (_, doc) = json(
        &node,
        &[
            "logs",
            "audit",
            "--from",
            "2025-10-10 00:00",
            "--to",
            "2025-10-12 00:00",
        ],
    );
    let ev = evidence(&doc, "log.auth.login-off-hours");
    // 18:30 UTC is 02:30 the next morning in Zhaoqing; 03:00 UTC is 11:00, office hours.
    assert!(
        ev.contains("ops / 10.0.0.5") && ev.contains("10-11 02:30:00"),
        "{ev}"
    );
    assert!(!ev.contains("li / 10.0.0.6"), "{ev}");
}

/// A `**` pattern over folders with symlink loops ends, finds each file once, and says what
/// it did not search; a plain glob is unchanged.
#[test]
fn a_double_star_pattern_survives_symlink_loops() {
    let node = log_node(
        "  sources:
    - id: app
      format: java
      paths: [logs/**/*.log]
",
    );
    let line = b"2025-10-10 10:00:00.000 ERROR [main] c.e.Job - \xe5\xa4\xb1\xe8\xb4\xa5\n";
    write(&node, "logs/top.log", line);
    write(&node, "logs/a/deep.log", line);
    write(&node, "logs/a/b/deeper.log", line);
    let logs = node.path().join("logs");
    std::os::unix::fs::symlink(&logs, logs.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(logs.join("a"), logs.join("a/b/back")).unwrap();
    std::os::unix::fs::symlink(".", logs.join("a/b/here")).unwrap();
    // A loop must not hang the suite: coreutils' timeout ends it if it does.
    let out = std::process::Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_znode"))
        .arg("-c")
        .arg(node.config())
        .args(["logs", "scan", "--format", "json"])
        .args(WINDOW)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(124), "the scan hung");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(count(&doc, "log.app.error"), 3.0, "{doc:#}");
}

/// The first incremental scan of a source (a new cron job) counts only its window, not every
/// old event in the files, and the next one starts after all of it.
#[test]
fn the_first_incremental_scan_counts_only_its_window() {
    let node =
        log_node("  sources:\n    - id: app\n      format: java\n      paths: [logs/app.log]\n");
    let tz = chrono_tz::Asia::Shanghai;
    let at = |d: chrono::Duration| {
        (chrono::Utc::now().with_timezone(&tz) + d)
            .format("%Y-%m-%d %H:%M:%S%.3f")
            .to_string()
    };
    let app = node.file(
        "logs/app.log",
        format!(
            "{} ERROR [x] 上个月的错误\n{} ERROR [x] 上周的错误\n{} ERROR [x] 刚才的错误\n",
            at(chrono::Duration::days(-30)),
            at(chrono::Duration::days(-7)),
            at(chrono::Duration::minutes(-10)),
        )
        .as_bytes(),
    );
    let scan = || {
        let (_, doc) = json(&node, &["logs", "scan", "--incremental", "--since", "1h"]);
        count(&doc, "log.app.error")
    };
    assert_eq!(scan(), 1.0, "only the last hour's error");
    assert_eq!(scan(), 0.0, "nothing new, and nothing old read again");
    std::fs::OpenOptions::new()
        .append(true)
        .open(&app)
        .unwrap()
        .write_all(format!("{} ERROR [x] 新的错误\n", at(chrono::Duration::minutes(-1))).as_bytes())
        .unwrap();
    assert_eq!(scan(), 1.0);
}

/// `logs scan --incremental` and `logs audit --incremental`, both run from cron over one
/// source, each read it to where they themselves stopped: neither skips what the other read.
#[test]
fn incremental_scans_and_audits_keep_their_own_positions() {
    let node =
        log_node("  sources:\n    - id: sys\n      format: syslog\n      paths: [logs/messages]\n");
    let at = |minutes: i64| {
        (chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai)
            - chrono::Duration::minutes(minutes))
        .format("%Y-%m-%dT%H:%M:%S%.6f%:z")
        .to_string()
    };
    let lines = |m: i64| {
        format!(
            "{} node1 app[7]: ERROR order failed\n{} node1 sudo[8]:      ops : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/systemctl restart app\n",
            at(m),
            at(m)
        )
    };
    let messages = node.file("logs/messages", lines(30));
    let run = |command: &str, id: &str| {
        let (_, doc) = json(&node, &["logs", command, "--incremental"]);
        count(&doc, id)
    };
    assert_eq!(run("scan", "log.sys.error"), 1.0);
    assert_eq!(
        run("audit", "log.sys.sudo"),
        1.0,
        "the audit reads what the scan read"
    );
    assert_eq!(run("scan", "log.sys.error"), 0.0);
    assert_eq!(run("audit", "log.sys.sudo"), 0.0);
    std::fs::OpenOptions::new()
        .append(true)
        .open(&messages)
        .unwrap()
        .write_all(lines(1).as_bytes())
        .unwrap();
    assert_eq!(run("audit", "log.sys.sudo"), 1.0);
    assert_eq!(
        run("scan", "log.sys.error"),
        1.0,
        "the scan reads what the audit read"
    );
}

/// An audit check's value is its findings, not its rule's raw matches; many findings make one
/// reason in the summary and at most twenty evidence entries, the rest counted.
#[test]
fn an_audit_counts_findings_and_lists_a_bounded_number() {
    let node = log_node(
        "  sources:
    - id: ops
      format: plain
      paths: [logs/ops.log]
  rules:
    - { id: wipe, title: 清空操作, kind: audit, formats: [plain], match: 'WIPE (?P<what>\\S+)', group_by: [what], severity: warn }
    - { id: wipe-burst, title: 集中清空, kind: audit, formats: [plain], match: 'WIPE', burst: { count: 100, within: 1m }, severity: warn }
",
    );
    let mut text = String::new();
    for i in 0..25 {
        text.push_str(&format!("2025-10-10 10:{i:02}:00 WIPE table{i}\n"));
    }
    write(&node, "logs/ops.log", text.as_bytes());
    let mut args = vec!["logs", "audit"];
    args.extend(WINDOW);
    let (_, doc) = json(&node, &args);
    let o = outcome(&doc, "log.ops.wipe");
    assert_eq!(count(&doc, "log.ops.wipe"), 25.0, "{o:#}");
    let summary = o["summary"].as_str().unwrap();
    assert!(summary.starts_with("清空操作 25 项，如："), "{summary}");
    assert!(summary.len() < 400, "{summary}");
    let ev = evidence(&doc, "log.ops.wipe");
    assert!(ev.contains("… 另有 5 项（共 25 项）"), "{ev}");
    // 25 matches, spread out: no burst, no finding, value 0.
    assert_eq!(count(&doc, "log.ops.wipe-burst"), 0.0);
    assert_eq!(outcome(&doc, "log.ops.wipe-burst")["status"], "OK");
}

/// A shipped rule is changed by naming only what changes; `logs rules` lists the rules in
/// force with how each judges and where it comes from.
#[test]
fn a_shipped_rule_is_changed_field_by_field_and_listed() {
    let node = log_node(
        "  sources:
    - id: app
      format: java
      paths: [logs/app.log]
  rules:
    - { id: error, crit: \"1000\" }
    - { id: timeout, enabled: false }
",
    );
    let (code, doc) = node.json(&["logs", "rules", "--format", "json"]);
    assert_eq!(code, 0, "{doc:#}");
    let rules = doc["rules"].as_array().unwrap();
    let error = rules.iter().find(|r| r["id"] == "error").unwrap();
    assert_eq!(error["judgement"], "条数：告警 0，严重 1000", "{error:#}");
    assert_eq!(error["origin"], "内置（配置修改）");
    // The rest is the shipped rule's.
    assert_eq!(error["title"], "错误日志 (ERROR/FATAL)");
    assert!(error["match"].as_str().unwrap().contains("FATAL"));
    assert!(rules.iter().all(|r| r["id"] != "timeout"), "disabled");
    let java = text(&node.run(&["logs", "rules", "--log-format", "java"]).stdout);
    assert!(
        java.contains("warning") && !java.contains("slow-request"),
        "{java}"
    );
    // 600 errors: WARN now, no longer CRIT.
    let line = "2025-10-10 10:00:00,000 ERROR [x] failed\n".repeat(600);
    write(&node, "logs/app.log", line.as_bytes());
    let mut args = vec!["logs", "scan"];
    args.extend(WINDOW);
    let (_, doc) = json(&node, &args);
    assert_eq!(outcome(&doc, "log.app.error")["status"], "WARN", "{doc:#}");
}

/// An error with its stack trace is one error: `logs top` counts it once, under its first
/// line's template, not once more for the exception line below it.
#[test]
fn top_counts_an_error_and_its_stack_trace_once() {
    let node =
        log_node("  sources:\n    - id: app\n      format: java\n      paths: [logs/app.log]\n");
    let mut lines = String::new();
    for i in 0..4 {
        lines.push_str(&format!(
            "2025-10-10 09:{i:02}:00,000 ERROR [exec-{i}] c.x.Order - order {i} failed\n\
             java.lang.NullPointerException: order {i}\n\
             \tat c.x.Order.run(Order.java:42)\n"
        ));
    }
    write(&node, "logs/app.log", lines.as_bytes());
    let mut args = vec!["logs", "top", "--format", "json"];
    args.extend(WINDOW);
    let doc: serde_json::Value = serde_json::from_slice(&node.run(&args).stdout).unwrap();
    let t = doc["templates"].as_array().unwrap();
    assert_eq!(t.len(), 1, "{doc:#}");
    assert_eq!(t[0]["count"], 4, "{doc:#}");
    assert!(
        t[0]["template"].as_str().unwrap().contains("failed"),
        "{doc:#}"
    );
}

/// Issue 19 item 12: a file mixing GBK and UTF-8 lines is read line by line, each in its own
/// encoding, so rules with Chinese text find every line.
#[test]
fn a_file_mixing_gbk_and_utf8_lines_is_read_line_by_line() {
    let node = log_node(
        "  sources:\n    - id: app\n      system: portal\n      format: java\n      paths: [logs/mixed.log]\n",
    );
    let mut mixed = Vec::new();
    for (minute, gbk) in [(0, false), (1, true), (2, false), (3, true)] {
        let line = format!("2025-10-10 11:0{minute}:00,000 WARN 接口请求超时\n");
        if gbk {
            mixed.extend_from_slice(&encoding_rs::GBK.encode(&line).0);
        } else {
            mixed.extend_from_slice(line.as_bytes());
        }
    }
    write(&node, "logs/mixed.log", &mixed);
    let mut args = vec!["logs", "scan"];
    args.extend(WINDOW);
    let (_, doc) = json(&node, &args);
    assert_eq!(count(&doc, "log.app.timeout"), 4.0, "{doc:#}");
    let shown = evidence(&doc, "log.app.timeout");
    assert!(
        shown.contains("接口请求超时") && !shown.contains('\u{fffd}'),
        "{shown}"
    );
}
