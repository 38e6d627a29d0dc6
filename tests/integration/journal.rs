//! The systemd journal as a log source, through the real binary and the real journalctl: the
//! journals are written here by systemd-journal-remote from export-format entries (no journald
//! runs in CI), then read as hosts that log only to journald are.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::logs::{AUTH, WINDOW, count, json, log_node};
use crate::support::{outcome, text};

/// One journal entry as a service logs it.
pub(crate) struct Entry<'a> {
    /// Epoch µs.
    pub(crate) us: i64,
    pub(crate) identifier: &'a str,
    pub(crate) pid: Option<&'a str>,
    pub(crate) unit: Option<&'a str>,
    pub(crate) message: &'a str,
}

/// When the fixtures' one boot began, epoch µs (2023-11-14).
const BOOT_US: i64 = 1_700_000_000_000_000;

/// Writes `entries` as the journal file `path` (which must end in `.journal`).
pub(crate) fn journal_file(path: &Path, entries: &[Entry<'_>]) {
    let mut export = Vec::new();
    for e in entries {
        writeln!(export, "__REALTIME_TIMESTAMP={}", e.us).unwrap();
        // One boot: journalctl orders its entries by the monotonic clock, which must
        // therefore run with the real one.
        writeln!(export, "__MONOTONIC_TIMESTAMP={}", e.us - BOOT_US).unwrap();
        writeln!(export, "_BOOT_ID=0123456789abcdef0123456789abcdef").unwrap();
        writeln!(export, "_HOSTNAME=node1").unwrap();
        writeln!(export, "SYSLOG_IDENTIFIER={}", e.identifier).unwrap();
        if let Some(p) = e.pid {
            writeln!(export, "_PID={p}").unwrap();
        }
        if let Some(u) = e.unit {
            writeln!(export, "_SYSTEMD_UNIT={u}").unwrap();
        }
        if e.message.contains('\n') {
            // The export format's binary form: the name, a 64-bit length, the bytes.
            export.extend_from_slice(b"MESSAGE\n");
            export.extend_from_slice(&(e.message.len() as u64).to_le_bytes());
            export.extend_from_slice(e.message.as_bytes());
            export.push(b'\n');
        } else {
            writeln!(export, "MESSAGE={}", e.message).unwrap();
        }
        export.push(b'\n');
    }
    let input = path.with_extension("export");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&input, export).unwrap();
    let out = Command::new("/lib/systemd/systemd-journal-remote")
        .arg(format!("--output={}", path.display()))
        .arg(&input)
        .output()
        .expect("systemd-journal-remote (package systemd-journal-remote)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::remove_file(input).unwrap();
}

/// The entries of a syslog text (`Oct 10 03:10:00 node1 sshd[100]: …`, year 2025, Shanghai).
fn from_syslog(log: &str) -> Vec<Entry<'_>> {
    log.lines()
        .map(|line| {
            let when = chrono::NaiveDateTime::parse_from_str(
                &format!("2025 {}", &line[..15]),
                "%Y %b %d %H:%M:%S",
            )
            .unwrap()
            .and_local_timezone(chrono_tz::Asia::Shanghai)
            .unwrap();
            let (_host, rest) = line[16..].split_once(' ').unwrap();
            let (tag, message) = rest.split_once(':').unwrap();
            let (identifier, pid) = match tag.split_once('[') {
                Some((i, p)) => (i, Some(p.trim_end_matches(']'))),
                None => (tag, None),
            };
            Entry {
                us: when.timestamp_micros(),
                identifier,
                pid,
                unit: None,
                message: message.strip_prefix(' ').unwrap_or(message),
            }
        })
        .collect()
}

/// Every audit rule finds in the journal what it finds in the same events as a file: the
/// bursts, the off-hours login, account and permission changes, sudo and su.
#[test]
fn a_journal_source_is_audited_as_its_file_is() {
    let node = log_node(
        "  sources:
    - id: auth-file
      format: auth
      paths: [logs/secure]
    - id: auth-journal
      title: 登录日志（journald）
      journal:
        files: logs/journal/auth.journal
        identifier: [sshd, sudo, su, useradd]
",
    );
    node.file("logs/secure", AUTH);
    // The file's year comes from its last write.
    let f = std::fs::File::options()
        .append(true)
        .open(node.at("logs/secure"))
        .unwrap();
    f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_760_108_400))
        .unwrap();
    journal_file(&node.at("logs/journal/auth.journal"), &from_syslog(AUTH));
    let mut args = vec!["logs", "audit"];
    args.extend(WINDOW);
    let (code, doc) = json(&node, &args);
    assert_eq!(code, 2, "{doc:#}");
    let findings = |id: &str| {
        let o = outcome(&doc, id);
        let n = o["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "findings" && m["label"].is_string())
            .map_or(0.0, |m| m["value"].as_f64().unwrap());
        (o["status"].as_str().unwrap().to_owned(), n)
    };
    let mut compared = 0;
    for o in doc["outcomes"].as_array().unwrap() {
        let id = o["check"].as_str().unwrap();
        let Some(rule) = id.strip_prefix("log.auth-file.") else {
            continue;
        };
        assert_eq!(
            findings(&format!("log.auth-journal.{rule}")),
            findings(id),
            "rule {rule}: the journal and the file disagree"
        );
        compared += 1;
    }
    assert!(compared >= 10, "{compared} rules compared");
    assert_eq!(
        findings("log.auth-journal.ssh-failed-burst"),
        ("CRIT".to_owned(), 1.0)
    );
    let quiet = outcome(&doc, "log.auth-journal.ssh-failed-user");
    assert!(
        quiet["summary"].as_str().unwrap().contains("systemd 日志"),
        "{quiet:#}"
    );
    let burst = outcome(&doc, "log.auth-journal.ssh-failed-burst");
    assert!(
        burst["evidence"].to_string().contains("203.0.113.7：6 次"),
        "{burst:#}"
    );
    assert_eq!(
        findings("log.auth-journal.login-off-hours"),
        ("WARN".to_owned(), 1.0)
    );
}

/// An incremental scan resumes after the journal cursor of the last entry read: nothing is
/// read twice, entries in a journal file that appeared since are read once, a stack trace
/// logged as one multi-line entry counts once, and nothing is lost when the cursor's entry has
/// been vacuumed. A window read is not moved by the cursor, nor is a changed query.
#[test]
fn a_journal_source_resumes_after_its_cursor() {
    let node = log_node(
        "  sources:
    - id: portal
      title: 门户服务（journald）
      journal:
        directory: logs/journal
        unit: portal
",
    );
    let ago =
        |minutes: i64| (chrono::Utc::now() - chrono::Duration::minutes(minutes)).timestamp_micros();
    let portal = Some("portal.service");
    journal_file(
        &node.at("logs/journal/system@1.journal"),
        &[
            Entry {
                us: ago(110),
                identifier: "java",
                pid: Some("900"),
                unit: portal,
                message: "ERROR job failed: java.lang.IllegalStateException: boom\n\tat com.example.Job.run(Job.java:10)\nCaused by: FATAL connection lost",
            },
            Entry {
                us: ago(105),
                identifier: "other",
                pid: Some("901"),
                unit: Some("other.service"),
                message: "ERROR not the portal's",
            },
            Entry {
                us: ago(100),
                identifier: "java",
                pid: Some("900"),
                unit: portal,
                message: "ERROR second failure",
            },
            Entry {
                us: ago(95),
                identifier: "java",
                pid: Some("900"),
                unit: portal,
                message: "INFO all well",
            },
        ],
    );
    let scan = |extra: &[&str]| {
        let mut args = vec!["logs", "scan", "--source", "portal"];
        args.extend(extra);
        let (_, doc) = json(&node, &args);
        count(&doc, "log.portal.error")
    };
    assert_eq!(
        scan(&["--incremental"]),
        2.0,
        "the first read counts its window"
    );
    assert_eq!(scan(&["--incremental"]), 0.0, "nothing new");
    journal_file(
        &node.at("logs/journal/system@2.journal"),
        &[Entry {
            us: ago(1),
            identifier: "java",
            pid: Some("902"),
            unit: portal,
            message: "ERROR after the restart",
        }],
    );
    assert_eq!(scan(&["--incremental"]), 1.0, "only the new entry");
    assert_eq!(scan(&["--incremental"]), 0.0);
    assert_eq!(
        scan(&["--since", "3h"]),
        3.0,
        "a window read ignores the cursor"
    );
    assert_eq!(scan(&["--since", "102m"]), 2.0);
    let (_, doc) = json(
        &node,
        &["logs", "scan", "--source", "portal", "--since", "3h"],
    );
    let error = outcome(&doc, "log.portal.error");
    let evidence = error["evidence"].to_string();
    assert!(
        evidence.contains("node1 java[900]: ERROR job failed"),
        "lines read as syslog writes them: {error:#}"
    );
    assert!(!evidence.contains("not the portal"), "{error:#}");

    // The entry the cursor points at is vacuumed away: the first entry after it is still read.
    std::fs::remove_file(node.at("logs/journal/system@1.journal")).unwrap();
    std::fs::remove_file(node.at("logs/journal/system@2.journal")).unwrap();
    let secs_ago = |s: i64| (chrono::Utc::now() - chrono::Duration::seconds(s)).timestamp_micros();
    journal_file(
        &node.at("logs/journal/system@3.journal"),
        &[
            Entry {
                us: secs_ago(20),
                identifier: "java",
                pid: Some("903"),
                unit: portal,
                message: "ERROR first after the vacuum",
            },
            Entry {
                us: secs_ago(10),
                identifier: "java",
                pid: Some("903"),
                unit: portal,
                message: "INFO fine again",
            },
        ],
    );
    assert_eq!(scan(&["--incremental"]), 1.0, "the vacuum loses nothing");
    assert_eq!(scan(&["--incremental"]), 0.0);

    // A changed query does not resume at the cursor another query left: it reads its window.
    let config = std::fs::read_to_string(node.config()).unwrap();
    std::fs::write(
        node.config(),
        config.replace("unit: portal\n", "unit: portal\n        identifier: java\n"),
    )
    .unwrap();
    assert_eq!(
        scan(&["--incremental"]),
        1.0,
        "a new query reads its window"
    );
    assert_eq!(scan(&["--incremental"]), 0.0);
    // Changed back: the cursor the first query left went with the change.
    std::fs::write(node.config(), &config).unwrap();
    assert_eq!(
        scan(&["--incremental"]),
        1.0,
        "not resumed at a stale cursor"
    );
    assert_eq!(scan(&["--incremental"]), 0.0);

    // A stored cursor journalctl cannot seek to does not fail every run from then on: the
    // window is read instead, said, and its cursor replaces the damaged one.
    let damage = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE log_cursors SET journal_cursor='s=damaged;i=2'\"); c.commit()",
        ])
        .arg(node.path().join("history.db"))
        .output()
        .unwrap();
    assert!(damage.status.success(), "{}", text(&damage.stderr));
    let (_, doc) = json(
        &node,
        &["logs", "scan", "--source", "portal", "--incremental"],
    );
    let error = outcome(&doc, "log.portal.error");
    assert_eq!(error["value"]["value"], 1.0, "{error:#}");
    assert!(error.to_string().contains("读取位置无法使用"), "{error:#}");
    assert_eq!(scan(&["--incremental"]), 0.0);
}

/// A journal source is declared with journalctl's own vocabulary, and what is wrong is said
/// at its line with what to write instead.
#[test]
fn a_bad_journal_source_is_refused_at_its_line() {
    let node = log_node(
        "  sources:
    - id: both
      paths: [logs/x.log]
      journal: { unit: sshd }
    - id: bad-match
      journal:
        matches: [comm=sshd]
        priority: errors
    - id: typo
      journal: { units: sshd }
",
    );
    let out = node.run(&["config", "check"]);
    out.code(3);
    let err = text(&out.stderr);
    for (needle, line) in [
        ("has both paths and journal", 12),
        ("`comm=sshd` is not a journal match", 15),
        ("unknown priority `errors`", 16),
        ("units", 18),
    ] {
        assert!(
            err.contains(needle) && err.contains(&format!("znode.yaml:{line}:")),
            "`{needle}` at line {line}:\n{err}"
        );
    }
    assert!(err.contains("_COMM=sshd"), "the hint shows the form: {err}");
}

/// `znode doctor` runs journalctl as the scans do: a readable journal shows its newest entry,
/// a selection that matches nothing is a warning, a missing journal or one without journal
/// files is critical — and a scan of it is UNKNOWN, not a quiet OK.
#[test]
fn doctor_reads_a_journal_source_as_the_scans_do() {
    let node = log_node(
        "  sources:
    - id: portal
      journal: { directory: logs/journal, unit: portal }
    - id: nothing
      journal: { directory: logs/journal, unit: no-such-unit }
    - id: missing
      journal: { directory: logs/no-such-journal }
    - id: empty
      journal: { directory: logs/empty-journal }
",
    );
    std::fs::create_dir_all(node.at("logs/empty-journal/0123456789abcdef")).unwrap();
    journal_file(
        &node.at("logs/journal/system.journal"),
        &[Entry {
            us: chrono::Utc::now().timestamp_micros(),
            identifier: "java",
            pid: Some("7"),
            unit: Some("portal.service"),
            message: "started with password=hunter2",
        }],
    );
    let (_, doc) = node.json(&["doctor", "-f", "json"]);
    let finding = |id: &str| {
        doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["item"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("日志源 {id}"))
            })
            .unwrap_or_else(|| panic!("no finding for {id}: {doc:#}"))
            .clone()
    };
    let portal = finding("portal");
    assert_eq!(portal["status"], "OK", "{portal:#}");
    assert!(
        portal["detail"]
            .as_str()
            .unwrap()
            .contains("node1 java[7]: started")
    );
    assert!(
        !doc.to_string().contains("hunter2"),
        "the doctor never shows a secret"
    );
    assert_eq!(finding("nothing")["status"], "WARN");
    let missing = finding("missing");
    assert_eq!(missing["status"], "CRIT", "{missing:#}");
    assert!(
        missing["detail"]
            .as_str()
            .unwrap()
            .contains("中没有 journal 文件")
    );
    let empty = finding("empty");
    assert_eq!(empty["status"], "CRIT", "{empty:#}");
    let (code, doc) = json(&node, &["logs", "scan", "--source", "empty"]);
    assert_eq!(code, 3, "{doc:#}");
    let error = outcome(&doc, "log.empty.error");
    assert_eq!(error["status"], "UNKNOWN", "{error:#}");
    assert!(
        error["summary"].to_string().contains("中没有 journal 文件"),
        "{error:#}"
    );
}

/// journalctl passes over journal files this account may not read without a word; znode says
/// so (WARN, with the fix) and reads the rest — and refuses a journal it may read none of.
#[test]
fn journal_files_this_account_may_not_read_are_said() {
    use std::os::unix::fs::PermissionsExt;
    let node = log_node(
        "  sources:
    - id: portal
      journal: { directory: logs/journal }
",
    );
    let machine = "logs/journal/0123456789abcdef0123456789abcdef";
    let now = chrono::Utc::now().timestamp_micros();
    let entry = |message| Entry {
        us: now,
        identifier: "java",
        pid: Some("7"),
        unit: None,
        message,
    };
    journal_file(
        &node.at(&format!("{machine}/system.journal")),
        &[entry("ERROR seen only by the journal's group")],
    );
    journal_file(
        &node.at(&format!("{machine}/user-65534.journal")),
        &[entry("ERROR the account's own")],
    );
    let mode = |rel: &str, m: u32| {
        std::fs::set_permissions(node.at(rel), std::fs::Permissions::from_mode(m)).unwrap()
    };
    // The account (nobody) may write its store in the node's folder and read the journal's
    // folders; the system journal is root's alone.
    for (rel, m) in [
        ("", 0o777),
        ("logs", 0o755),
        ("logs/journal", 0o755),
        (machine, 0o755),
        ("znode.yaml", 0o644),
        ("checks", 0o755),
    ] {
        mode(rel, m);
    }
    mode(&format!("{machine}/system.journal"), 0o600);
    mode(&format!("{machine}/user-65534.journal"), 0o644);
    let as_nobody = || {
        let out = Command::new("sudo")
            .args(["-u", "nobody", env!("CARGO_BIN_EXE_znode"), "-c"])
            .arg(node.config())
            .args([
                "logs", "scan", "--source", "portal", "--since", "1h", "-f", "json",
            ])
            .output()
            .expect("sudo");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", text(&out.stdout), text(&out.stderr)));
        outcome(&doc, "log.portal.error").clone()
    };
    let error = as_nobody();
    assert_eq!(error["status"], "WARN", "{error:#}");
    let said = error.to_string();
    assert!(
        said.contains("2 个 journal 文件有 1 个当前账号无权读取")
            && said.contains("systemd-journal"),
        "{error:#}"
    );
    assert_eq!(
        error["value"]["value"], 1.0,
        "the readable file is read: {error:#}"
    );
    mode(&format!("{machine}/user-65534.journal"), 0o600);
    let error = as_nobody();
    assert_eq!(error["status"], "UNKNOWN", "{error:#}");
    assert!(
        error.to_string().contains("中的任何 journal 文件"),
        "{error:#}"
    );
}
