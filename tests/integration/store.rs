//! The history store: interrupted runs, exact diffs, on SQLite and on PostgreSQL alike.

use std::time::Duration;

use crate::support::*;

fn interrupted_run_is_kept(backend: &str, signal: nix::sys::signal::Signal) {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    let (store, _db) = store_url_flag(backend);
    // Distinct per variant: they run in parallel and look for their own sleeps.
    let tag = match (backend, signal) {
        ("postgres", _) => "4343",
        (_, nix::sys::signal::Signal::SIGHUP) => "4141",
        _ => "4242",
    };
    let mut items = String::new();
    for i in 0..3 {
        items.push_str(&format!("  - {{ id: fast-{i}, title: 快, category: 日常检查, probe: {{ kind: command, run: [\"true\"] }} }}\n"));
    }
    for i in 0..2 {
        items.push_str(&format!("  - {{ id: slow-{i}, title: 慢, category: 日常检查, timeout: 60s, probe: {{ kind: command, run: [sleep, \"{tag}{i}\"] }} }}\n"));
    }
    node.checks("c.yaml", &items);
    let args: Vec<&str> = store.iter().map(String::as_str).collect();
    let child = node
        .cmd(&args)
        .args(["inspect", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the fast checks are stored, then interrupt.
    wait_for(30, "three stored outcomes", || {
        let out = node.run(&[&args[..], &["history", "--format", "json"]].concat());
        let runs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        runs[0]["done"] == 3 && runs[0]["state"] == "running"
    });
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), signal).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "an incomplete run is UNKNOWN; stderr {}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("interrupted: 3 of 5 checks finished and stored"),
        "{}",
        text(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["run"]["state"], "interrupted");

    let shown = node.run(
        &[
            &args[..],
            &["history", "show", "latest", "--format", "json"],
        ]
        .concat(),
    );
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(doc["run"]["state"], "interrupted");
    assert_eq!(doc["outcomes"].as_array().unwrap().len(), 3);
    assert_eq!(doc["run"]["planned"], 5);
    shown.code(3);
    // The run list judges it as `history show` does: what was not checked may hide anything.
    let listed = node
        .run(&[&args[..], &["history", "--format", "json"]].concat())
        .json();
    assert_eq!(listed[0]["state"], "interrupted");
    assert_eq!(listed[0]["status"], "UNKNOWN", "{listed:#}");
    std::thread::sleep(Duration::from_millis(300));
    let left = std::process::Command::new("pgrep")
        .args(["-f", &format!("sleep {tag}")])
        .output()
        .unwrap();
    assert!(
        text(&left.stdout).trim().is_empty(),
        "slow checks outlived the run"
    );
}

fn diff_is_exact(backend: &str) {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    let (store, _db) = store_url_flag(backend);
    let args: Vec<&str> = store.iter().map(String::as_str).collect();
    let f = |name: &str| node.path().join(name).display().to_string();
    let check = |id: &str, file: &str| {
        format!(
            "  - {{ id: {id}, title: 检查{id}, category: 常规检查, probe: {{ kind: file, path: \"{}\" }} }}\n",
            f(file)
        )
    };
    std::fs::write(f("a"), "").unwrap();
    std::fs::write(f("c"), "").unwrap();
    node.checks(
        "c.yaml",
        &[
            check("a", "a"),
            check("b", "b"),
            check("c", "c"),
            check("s", "s"),
        ]
        .concat(),
    );
    let first = node.run(&[&args[..], &["inspect", "--format", "json"]].concat());
    first.code(2);
    std::fs::remove_file(f("a")).unwrap();
    std::fs::write(f("b"), "").unwrap();
    node.checks(
        "c.yaml",
        &[
            check("a", "a"),
            check("b", "b"),
            check("d", "d"),
            check("s", "s"),
        ]
        .concat(),
    );
    let second = node.run(&[&args[..], &["inspect", "--format", "json"]].concat());
    second.code(2);

    let out = node.run(
        &[
            &args[..],
            &["history", "diff", "latest~1", "latest", "--format", "json"],
        ]
        .concat(),
    );
    out.code(1); // something got worse: exit 1
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids = |k: &str| {
        d[k].as_array()
            .unwrap()
            .iter()
            .map(|e| e["check"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("worse"), ["a"]);
    assert_eq!(ids("recovered"), ["b"]);
    assert_eq!(ids("new"), ["d"]);
    assert_eq!(ids("gone"), ["c"]);
    assert_eq!(ids("still_failing"), ["s"]);
    assert_eq!(d["unchanged_ok"], 0);
    assert_eq!(d["worse"][0]["before"], "OK");
    assert_eq!(d["worse"][0]["after"], "CRIT");

    let table = text(
        &node
            .run(&[&args[..], &["history", "diff", "latest~1"]].concat())
            .stdout,
    );
    assert!(
        table.contains("变差 (1)") && table.contains("已恢复 (1)") && table.contains("新增 (1)"),
        "{table}"
    );
    let list = text(&node.run(&[&args[..], &["history"]].concat()).stdout);
    assert!(
        list.contains("#1") && list.contains("#2") && list.contains("完成"),
        "{list}"
    );
    let missing = node.run(&[&args[..], &["history", "show", "99"]].concat());
    missing.code(3);
    assert!(text(&missing.stderr).contains("no run #99"));
}

#[test]
fn sqlite_interrupted_run_is_kept() {
    interrupted_run_is_kept("sqlite", nix::sys::signal::Signal::SIGINT);
}

#[test]
fn postgres_interrupted_run_is_kept() {
    interrupted_run_is_kept("postgres", nix::sys::signal::Signal::SIGTERM);
}

/// A lost terminal during `inspect` stops the run as Ctrl-C does: nothing keeps running.
#[test]
fn a_hangup_interrupts_the_run_and_its_checks() {
    interrupted_run_is_kept("sqlite", nix::sys::signal::Signal::SIGHUP);
}

#[test]
fn sqlite_diff_is_exact() {
    diff_is_exact("sqlite");
}

#[test]
fn postgres_diff_is_exact() {
    diff_is_exact("postgres");
}

#[test]
fn history_show_reproduces_the_run_exactly() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "c.yaml",
        r#"  - { id: up, title: 正常, category: 日常检查, probe: { kind: command, run: ["true"] } }
  - { id: down, title: 严重, category: 常规检查, item: 2, probe: { kind: tcp }, target: web }
  - { id: off, title: 停用, category: 日常检查, enabled: false, probe: { kind: memory } }
  - { id: waived, title: 豁免, category: 日常检查, waiver: { reason: 整改中, expires: 2999-01-01 }, probe: { kind: command, run: ["false"] } }
"#,
    );
    for format in ["json", "table", "nagios", "prometheus"] {
        let run = node.run(&["inspect", "--format", format]);
        let shown = node.run(&["history", "show", "latest", "--format", format]);
        assert_eq!(text(&shown.stdout), text(&run.stdout), "{format} differs");
        assert_eq!(shown.status.code(), run.status.code());
    }
    let doc: serde_json::Value = serde_json::from_slice(
        &node
            .run(&["history", "show", "latest", "--format", "json"])
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["summary"]["disabled"], 1);
    assert_eq!(doc["summary"]["waived"], 1);
}

#[test]
fn a_killed_run_is_marked_interrupted_later() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks("c.yaml", "  - { id: slow, title: 慢, category: 日常检查, timeout: 60s, probe: { kind: command, run: [sleep, \"42430\"] } }\n");
    let mut child = node
        .cmd(&["inspect"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for(30, "the run to start", || {
        text(&node.run(&["history", "--format", "json"]).stdout).contains("running")
    });
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::process::Command::new("pkill")
        .args(["-f", "sleep 42430"])
        .status();
    let out = node.run(&["history", "--format", "json"]);
    let runs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(runs[0]["state"], "interrupted");
}

/// The two migration folders hold the same migrations, differing only where the dialects must:
/// an auto-increment key is `INTEGER PRIMARY KEY AUTOINCREMENT` in SQLite and `BIGSERIAL
/// PRIMARY KEY` in PostgreSQL. A migration added to one folder only, or edited in one only,
/// would give the two backends different schemas.
#[test]
fn sqlite_and_postgres_migrations_stay_equal() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let list = |backend: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(backend))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let (sqlite, postgres) = (list("sqlite"), list("postgres"));
    assert_eq!(sqlite, postgres, "the same migration files in both folders");
    assert!(!sqlite.is_empty());
    for name in &sqlite {
        let read = |backend: &str| std::fs::read_to_string(root.join(backend).join(name)).unwrap();
        let as_postgres =
            read("sqlite").replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY");
        assert_eq!(
            as_postgres,
            read("postgres"),
            "{name}: the SQLite and PostgreSQL versions differ beyond the key type"
        );
    }
}

/// The store goes away in the middle of a run: the checks go on, their outcomes are spooled
/// beside the config, the run ends with its true conclusion and status, and the next run that
/// reaches the store writes the spooled run into it. A store that is down from the start does
/// not stop the checks either.
#[test]
fn outcomes_are_spooled_while_the_store_is_away_and_written_when_it_is_back() {
    let db = PgDb::named("znode_spool");
    let url = format!("postgres://postgres@127.0.0.1:5432/{}", db.0);
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "c.yaml",
        "  - { id: first, title: 先, category: 日常检查, probe: { kind: command, run: [\"true\"] } }
  - { id: slow, title: 慢, category: 日常检查, probe: { kind: command, run: [sleep, \"3\"] } }
  - { id: last, title: 后, category: 日常检查, probe: { kind: command, run: [\"true\"] } }
",
    );
    let store = ["--store", url.as_str()];
    let stored = || psql_count(&db.0, "SELECT count(*) FROM outcomes");
    let child = node
        .cmd(&[&store[..], &["inspect", "--jobs", "1", "--format", "json"]].concat())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(30, "the first outcome stored", || stored() == 1);
    psql("postgres", &format!("DROP DATABASE {} WITH (FORCE)", db.0));
    let out = child.wait_with_output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Every check ran and all are OK: 正常, exit 0, whatever happened to the store.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(doc["outcomes"].as_array().unwrap().len(), 3);
    assert!(
        text(&out.stderr).contains("outcomes are spooled in"),
        "{}",
        text(&out.stderr)
    );
    let spooled = std::fs::read_dir(node.path().join("znode-spool"))
        .unwrap()
        .count();
    assert_eq!(spooled, 1);

    // Down from the start: the checks still run and are spooled.
    node.run(&[
        "--store",
        "postgres://postgres@127.0.0.1:1/nowhere",
        "inspect",
        "--check",
        "first",
    ])
    .code(0)
    .stderr_has("outcomes are spooled in");
    assert_eq!(
        std::fs::read_dir(node.path().join("znode-spool"))
            .unwrap()
            .count(),
        2
    );

    // Back (an empty database): the next run writes both spooled runs, then its own.
    node.run(&[&store[..], &["inspect", "--check", "last"]].concat())
        .code(0)
        .stderr_has("2 spooled run(s) with 3 outcomes written into it");
    assert_eq!(
        std::fs::read_dir(node.path().join("znode-spool"))
            .unwrap()
            .count(),
        0
    );
    let runs = node
        .run(&[&store[..], &["history", "--format", "json"]].concat())
        .json();
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 3, "{runs:?}");
    let done: Vec<i64> = runs.iter().map(|r| r["done"].as_i64().unwrap()).collect();
    assert_eq!(
        done,
        [1, 1, 2],
        "newest first: this run, the one spooled from the start, the rest of the first"
    );
    assert!(runs.iter().all(|r| r["state"] == "finished"), "{runs:?}");
}

/// A history file that is not an SQLite database is named as such at once, with what to do,
/// rather than after a 30 s "pool timed out"; an inspection still runs and spools its results.
#[test]
fn a_store_file_that_is_not_a_database_is_named_at_once() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.file("history.db", vec![0x5au8; 4096]);
    node.run(&["history"])
        .code(3)
        .stderr_has("not an SQLite database")
        .stderr_has("mv ");
    node.checks(
        "c.yaml",
        "  - { id: ok, title: 好, category: 日常检查, probe: { kind: command, run: [\"true\"] } }\n",
    );
    node.run(&["inspect"])
        .code(0)
        .stderr_has("not an SQLite database")
        .stderr_has("outcomes are spooled in");
}

/// A history file whose pages are damaged says so, with how to save what can be read, instead
/// of the driver's "database disk image is malformed"; an inspection spools its results.
#[test]
fn a_store_file_with_damaged_pages_says_how_to_recover() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "c.yaml",
        "  - { id: ok, title: 好, category: 日常检查, probe: { kind: command, run: [\"true\"] } }\n",
    );
    node.run(&["inspect"]).code(0);
    let db = node.path().join("history.db");
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 4 * 4096, "{}", bytes.len());
    for b in &mut bytes[3 * 4096..4 * 4096] {
        *b = 0xab;
    }
    std::fs::write(&db, bytes).unwrap();
    node.run(&["history"])
        .code(3)
        .stderr_has("its pages are damaged")
        .stderr_has(".recover");
    node.run(&["inspect"])
        .code(0)
        .stderr_has("its pages are damaged")
        .stderr_has("outcomes are spooled in");
}

/// Two runs that selected different checks are compared with a note that says so, in the
/// table and in the JSON; two runs of the same selection have none.
#[test]
fn a_diff_of_runs_with_different_selections_says_so() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "c.yaml",
        "  - { id: a, title: 甲, category: 日常检查, probe: { kind: command, run: [\"true\"] } }\n  - { id: b, title: 乙, category: 日常检查, probe: { kind: command, run: [\"true\"] } }\n",
    );
    node.run(&["inspect"]).code(0);
    node.run(&["inspect", "--check", "a"]).code(0);
    node.run(&["history", "diff", "1", "2"])
        .stdout_has("注意：两次运行选择的检查不同（#1：inspect；#2：inspect --check a）");
    let (_, doc) = node.json(&["history", "diff", "1", "2", "--format", "json"]);
    assert_eq!(doc["selections"][1], "inspect --check a", "{doc:#}");
    node.run(&["inspect"]).code(0);
    let (_, doc) = node.json(&["history", "diff", "1", "3", "--format", "json"]);
    assert!(doc.get("selections").is_none(), "{doc:#}");
}
