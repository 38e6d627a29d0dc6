//! Bad input: every problem reported at once with file:line:column and a hint, exit 3, and no
//! probe runs.

use crate::support::*;

/// A check that would leave a marker file if any probe ran.
fn tripwire(node: &TestNode) -> std::path::PathBuf {
    let marker = node.path().join("probe-ran");
    node.checks(
        "0-tripwire.yaml",
        &format!("  - {{ id: tripwire, title: 绊线, category: 日常检查, probe: {{ kind: command, run: [touch, \"{}\"] }} }}\n", marker.display()),
    );
    marker
}

fn assert_refused(node: &TestNode, marker: &std::path::Path) -> String {
    let out = node.run(&["inspect"]);
    let err = text(&out.stderr);
    out.code(3);
    assert!(!marker.exists(), "a probe ran despite bad config");
    assert!(
        !node.path().join("history.db").exists(),
        "the store was touched"
    );
    let check = node.run(&["config", "check"]);
    check.code(3);
    assert_eq!(
        text(&check.stderr),
        err,
        "config check and inspect report the same problems"
    );
    err
}

#[test]
fn all_problems_in_all_files_at_once() {
    let node = TestNode::new(
        "  db: { dsn: \"postgres://u@127.0.0.1:5432/x\", password_env: ZNODE_TEST_UNSET_PASSWORD }\n",
    );
    let marker = tripwire(&node);
    node.checks("a-malformed.yaml", "  - id: x\n    title: [unclosed\n");
    node.checks(
        "b-semantic.yaml",
        r#"  - id: kind
    title: 未知探针
    category: 日常检查
    probe: { kind: htp }
  - id: threshold
    title: 阈值错误
    category: 日常检查
    probe: { kind: tcp, address: "127.0.0.1:1" }
    warn: "20:10"
  - id: typo
    title: 拼写
    category: 日常检查
    timout: 5s
    probe: { kind: tcp, address: "127.0.0.1:1" }
  - id: category
    title: 类别
    category: 日报检查
    probe: { kind: tcp, address: "127.0.0.1:1" }
  - id: param
    title: 参数
    category: 日常检查
    probe: { kind: http, url: "http://127.0.0.1/", stauts: [200] }
  - id: system
    title: 系统
    category: 日常检查
    system: portl
    probe: { kind: memory }
"#,
    );
    let err = assert_refused(&node, &marker);
    let cfg = node.config().display().to_string();
    let checks = node.path().join("checks");
    let a = checks.join("a-malformed.yaml").display().to_string();
    let b = checks.join("b-semantic.yaml").display().to_string();
    let expect = [
        format!("{cfg}:13:"),
        "environment variable `ZNODE_TEST_UNSET_PASSWORD` is not set".to_owned(),
        format!("{a}:"),
        "invalid YAML".to_owned(),
        format!("{b}:5:20: error: unknown probe kind `htp`"),
        "hint: did you mean `http`?".to_owned(),
        format!("{b}:10:11: error: invalid threshold range `20:10`: start is greater than end"),
        format!("{b}:14:5: error: unknown key `timout`"),
        "hint: did you mean `timeout`?".to_owned(),
        format!("{b}:18:15: error: unknown value `日报检查`"),
        "hint: did you mean `日常检查`?".to_owned(),
        format!("{b}:23:52: error: unknown key `stauts`"),
        "unknown key `stauts`".to_owned(),
        "hint: did you mean `status`?".to_owned(),
        format!("{b}:27:13: error: unknown system `portl`"),
        "hint: did you mean `portal`?".to_owned(),
        "8 problems found; nothing was run".to_owned(),
    ];
    for e in expect {
        assert!(err.contains(&e), "missing `{e}` in:\n{err}");
    }
}

#[test]
fn missing_and_unreadable_check_folders() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    let marker = tripwire(&node);
    let cfg = std::fs::read_to_string(node.config()).unwrap().replace(
        "checks: [checks]",
        "checks: [checks, nowhere, loop, checks/dir.yaml]",
    );
    std::fs::write(node.config(), cfg).unwrap();
    std::os::unix::fs::symlink("loop", node.path().join("loop")).unwrap();
    std::fs::create_dir(node.path().join("checks/dir.yaml")).unwrap();
    let err = assert_refused(&node, &marker);
    assert!(
        err.contains("nowhere: error: cannot open the check path"),
        "{err}"
    );
    assert!(
        err.contains("loop: error: cannot open the check path") && err.contains("symbolic links"),
        "{err}"
    );
    assert!(
        err.contains("dir.yaml: error: cannot read check file"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn unknown_top_level_key_and_inline_password() {
    let node = TestNode::new("  db: { dsn: \"postgres://u:letmein@127.0.0.1:5432/x\" }\n");
    let marker = tripwire(&node);
    let mut cfg = std::fs::read_to_string(node.config()).unwrap();
    cfg.push_str("timezon: Asia/Shanghai\n");
    std::fs::write(node.config(), cfg).unwrap();
    let err = assert_refused(&node, &marker);
    assert!(
        err.contains("unknown key `timezon`") && err.contains("did you mean `timezone`?"),
        "{err}"
    );
    assert!(
        err.contains("target `db` has a password inside its dsn"),
        "{err}"
    );
    assert!(
        !err.contains("letmein"),
        "the inline password was echoed: {err}"
    );
}

#[test]
fn missing_config_file_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let out = znode().current_dir(dir.path()).args(["inspect"]).ran();
    out.code(3);
    let err = text(&out.stderr);
    assert!(
        err.contains("znode.yaml: error: cannot read the configuration")
            && err.contains("znode init"),
        "{err}"
    );
}

#[test]
fn config_check_passes_on_a_good_node() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "ok.yaml",
        "  - { id: web, title: 端口, category: 日常检查, target: web, probe: { kind: tcp } }\n",
    );
    let out = node.run(&["config", "check"]);
    out.code(0);
    assert!(text(&out.stdout).contains("OK — 1 checks (1 enabled) in 1 files"));
}

#[test]
fn layering_is_defaults_then_file_then_env_then_flags() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "c.yaml",
        "  - { id: m, title: 内存, category: 脆弱性检查, probe: { kind: memory } }\n",
    );
    let node_name = |cmd: &mut std::process::Command| {
        let out = cmd.ran();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["run"]["node"].as_str().unwrap().to_owned()
    };
    let args = ["inspect", "--format", "json"];
    assert_eq!(node_name(&mut node.cmd(&args)), "测试节点", "from the file");
    assert_eq!(
        node_name(node.cmd(&args).env("ZNODE_NODE", "环境节点")),
        "环境节点",
        "env beats the file"
    );
    assert_eq!(
        node_name(
            node.cmd(&["--node", "参数节点", "inspect", "--format", "json"])
                .env("ZNODE_NODE", "环境节点")
        ),
        "参数节点",
        "a flag beats env"
    );
    // The store moves with ZNODE_STORE; the config is found through ZNODE_CONFIG.
    let other = node.path().join("other.db");
    let out = znode()
        .current_dir("/")
        .env("ZNODE_CONFIG", node.config())
        .env("ZNODE_STORE", &other)
        .args(["inspect", "--format", "json"])
        .ran();
    assert!(
        out.status.code().is_some_and(|c| c <= 3),
        "{}",
        text(&out.stderr)
    );
    assert!(other.exists(), "ZNODE_STORE was not used");
    // A bad timezone from the environment is a config problem, before any probe.
    let out = node.cmd(&args).env("ZNODE_TIMEZONE", "Mars/Olympus").ran();
    out.code(3);
    assert!(text(&out.stderr).contains("unknown timezone `Mars/Olympus`"));
}

/// A command line znode does not understand exits 3 (UNKNOWN) with clap's message, never 2,
/// which monitoring would read as CRITICAL; `--help` and `--version` still exit 0.
#[test]
fn usage_errors_exit_unknown() {
    znode()
        .arg("nosuchcommand")
        .ran()
        .code(3)
        .stderr_has("unrecognized subcommand 'nosuchcommand'")
        .stderr_has("Usage: znode");
    znode()
        .args(["inspect", "--format", "yaml"])
        .ran()
        .code(3)
        .stderr_has("invalid value 'yaml'")
        .stderr_has("table, json, nagios, prometheus");
    znode()
        .arg("--help")
        .ran()
        .code(0)
        .stdout_has("Usage: znode");
    znode().arg("--version").ran().code(0).stdout_has("znode ");
}

/// Nagios reads one status line from stdout: a config error under `--format nagios` still
/// gives one (UNKNOWN), beside the problems on stderr.
#[test]
fn a_config_error_under_nagios_format_prints_an_unknown_line() {
    znode()
        .args([
            "-c",
            "/nonexistent/znode.yaml",
            "inspect",
            "--format",
            "nagios",
        ])
        .ran()
        .code(3)
        .stdout_has("ZNODE UNKNOWN - /nonexistent/znode.yaml: error: cannot read the configuration")
        .stderr_has("hint:");
}

/// Output to a reader that has gone (`| head`, `2>&1 | true`) ends quietly with 0, as Unix
/// tools do, not with a Rust panic (101) or "error: Broken pipe" (3).
#[test]
fn a_closed_pipe_ends_quietly() {
    for command in ["completions bash", "man"] {
        let out = std::process::Command::new("bash")
            .args([
                "-c",
                &format!(
                    "\"$0\" {command} 2>&1 | head -c 1 >/dev/null; echo \"${{PIPESTATUS[0]}}\""
                ),
                env!("CARGO_BIN_EXE_znode"),
            ])
            .output()
            .unwrap();
        assert_eq!(
            text(&out.stdout).trim(),
            "0",
            "{command}: {}",
            text(&out.stderr)
        );
    }
}

/// Hostile inputs end in a problem with the file and the reason, at once: a FIFO among the
/// check files (it would block forever), a device (it never ends), invalid UTF-8 (with its byte
/// offset), and an alias bomb of a few hundred bytes (it would expand to gigabytes).
#[test]
fn hostile_files_are_refused_with_the_reason() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    let cfg = std::fs::read_to_string(node.config())
        .unwrap()
        .replace("checks: [checks]", "checks: [checks, /dev/zero]");
    std::fs::write(node.config(), cfg).unwrap();
    nix::unistd::mkfifo(
        &node.path().join("checks/pipe.yaml"),
        nix::sys::stat::Mode::from_bits_truncate(0o644),
    )
    .unwrap();
    node.file(
        "checks/gbk.yaml",
        b"checks:\n  - { id: a, title: \xd6\xd0, category: daily, probe: { kind: tcp } }\n",
    );
    let mut bomb = String::from("checks: []\nx0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            "x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    node.file("checks/bomb.yaml", bomb);
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("pipe.yaml: error: cannot read check file: not a regular file")
        .stderr_has("/dev/zero: error: cannot read check file: not a regular file")
        .stderr_has("gbk.yaml: error: cannot read check file: not UTF-8: invalid byte at offset 28 (line 2)")
        .stderr_has("aliases expand the file beyond 1000000 values");
}

/// Settings that would make a check meaningless are refused with the reason: an empty range,
/// a threshold without a metric, zero timeouts, a CPU sample too short to measure, an empty or
/// inverted log window.
#[test]
fn meaningless_settings_are_refused() {
    let node = TestNode::new("  pg: { address: \"127.0.0.1:5432\" }\n");
    for (args, said) in [
        (
            &["probe", "tcp", "127.0.0.1:5432", "--warn", ":"][..],
            "needs a number on one side",
        ),
        (
            &["probe", "tcp", "127.0.0.1:5432", "--threshold", "=1,2"][..],
            "with a metric name and a range",
        ),
        (
            &["probe", "tcp", "127.0.0.1:5432", "--timeout", "0s"][..],
            "must be more than zero",
        ),
        (
            &["inspect", "--timeout", "0s"][..],
            "must be more than zero",
        ),
        (
            &["probe", "cpu", "--set", "sample=0s"][..],
            "too short to measure the CPU",
        ),
    ] {
        node.run(args).code(3).stderr_has(said);
    }
    node.checks(
        "c.yaml",
        "  - { id: zero, title: 零, category: daily, target: pg, timeout: 0s, probe: { kind: tcp } }\n",
    );
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("c.yaml:2:")
        .stderr_has("`timeout` is zero");
    let logs = TestNode::with_config(
        "node: t\nstore: h.db\nchecks: [checks]\nlogs:\n  sources:\n    - { id: app, paths: [\"logs/*.log\"] }\n",
    );
    logs.checks(
        "l.yaml",
        "  - { id: none, title: 空窗, category: daily, probe: { kind: log, source: app, window: 0s } }\n",
    );
    logs.run(&["config", "check"])
        .code(3)
        .stderr_has("`window` is zero");
    logs.checks("l.yaml", "");
    logs.run(&[
        "logs",
        "scan",
        "--from",
        "2025-10-11 00:00",
        "--to",
        "2025-10-10 00:00",
    ])
    .code(3)
    .stderr_has("is not before --to");
}

/// A list has no Nagios or Prometheus form: asking for one is a usage error, not a table
/// printed in its place; `probe` lists every kind it knows.
#[test]
fn formats_and_kinds_offered_are_the_ones_that_exist() {
    let node = TestNode::new("");
    node.run(&["history", "--format", "nagios"])
        .code(3)
        .stderr_has("possible values: table, json");
    node.run(&["history", "diff", "1", "--format", "prometheus"])
        .code(3);
    let help = node.run(&["probe", "--help"]);
    help.code(0);
    for kind in ["tomcat", "redundancy", "clock", "elasticsearch"] {
        help.stdout_has(kind);
    }
    node.run(&["inspect", "--help"])
        .code(0)
        .stdout_has("日志审计/log-review")
        .stdout_has("备份检查/backup");
}
