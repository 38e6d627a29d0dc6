//! `znode probe KIND TARGET`: Nagios plugin output and exit codes, errors against the arguments.

use crate::support::*;

fn probe(args: &[&str]) -> (i32, String, String) {
    let out = znode().arg("probe").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn plugin_lines_and_exit_codes() {
    let http = http_server();
    let (code, out, _) = probe(&["tcp", &format!("127.0.0.1:{http}"), "--warn", "0.5"]);
    assert_eq!(code, 0, "{out}");
    let re = regex::Regex::new(
        r"^TCP OK: 127\.0\.0\.1:\d+ 可连接，用时 \d+ ms \| 'connect_time'=[0-9.]+s;0\.5;;;\n$",
    )
    .unwrap();
    assert!(re.is_match(&out), "{out}");
    // The same line in English with `--lang en`; the rest of this test reads English.
    let (_, out, _) = probe(&["--lang", "en", "tcp", &format!("127.0.0.1:{http}")]);
    assert!(out.starts_with("TCP OK: connected to 127.0.0.1:"), "{out}");
    let probe = |args: &[&str]| {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        probe(&all)
    };

    let (code, out, _) = probe(&["tcp", &format!("127.0.0.1:{}", closed_port())]);
    assert_eq!(code, 2);
    assert!(
        out.starts_with("TCP CRITICAL: connect to 127.0.0.1:"),
        "{out}"
    );

    let url = format!("http://127.0.0.1:{http}/");
    let (code, out, _) = probe(&["http", &url, "--set", "path=ok", "--set", "contains=[门户]"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("HTTP OK: HTTP 200 in ")
            && out.contains("'response_time'=")
            && out.contains(";3;5;;"),
        "{out}"
    );
    let (code, out, _) = probe(&[
        "http",
        &url,
        "--set",
        "path=json",
        "--set",
        "json=[{pointer: /queue/depth, range: \"5\"}]",
    ]);
    assert_eq!(code, 2);
    assert!(out.contains("JSON /queue/depth = 7 is > 5"), "{out}");

    let (code, out, _) = probe(&[
        "sql",
        "postgres://postgres@127.0.0.1:5432/postgres",
        "--set",
        "query=SELECT 7",
        "--warn",
        "5",
        "--crit",
        "10",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("SQL WARNING: value 7 > 5 (value 7 in ")
            && out.contains("'value'=7;5;10;;"),
        "{out}"
    );

    let tls = tls_server(3);
    let (code, out, _) = probe(&[
        "http",
        &format!("https://127.0.0.1:{tls}/"),
        "--set",
        "insecure=true",
        "--threshold",
        "cert_days_left=30:,7:",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("cert_days_left") && out.contains(";30:;7:;;"),
        "{out}"
    );

    let (code, out, _) = probe(&["memory", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["check"], "probe");
    assert_eq!(
        code,
        doc["status"]
            .as_str()
            .map(|s| match s {
                "OK" => 0,
                "WARN" => 1,
                "CRIT" => 2,
                _ => 3,
            })
            .unwrap()
    );
}

#[test]
fn argument_problems_point_at_the_argument() {
    let (code, out, err) = probe(&[
        "http",
        "http://127.0.0.1:1/",
        "--set",
        "stauts=200",
        "--warn",
        "20:10",
        "--set",
        "novalue",
    ]);
    assert_eq!(code, 3);
    assert!(out.is_empty());
    assert!(
        err.contains("--set novalue: error: expected KEY=VALUE"),
        "{err}"
    );
    let (code, _, err) = probe(&[
        "http",
        "http://127.0.0.1:1/",
        "--set",
        "stauts=200",
        "--warn",
        "20:10",
    ]);
    assert_eq!(code, 3);
    assert!(
        err.contains("--set stauts=200: error: unknown key `stauts`")
            && err.contains("did you mean `status`?"),
        "{err}"
    );
    assert!(
        err.contains("--warn 20:10: error: invalid threshold range"),
        "{err}"
    );
    // The kind is checked by the command line itself, which lists every kind.
    let (code, _, err) = probe(&["htp", "127.0.0.1:1"]);
    assert_eq!(code, 3);
    assert!(
        err.contains("invalid value 'htp'")
            && err.contains("a similar value exists: 'http'")
            && err.contains("elasticsearch, redundancy, tomcat"),
        "{err}"
    );
    let (code, _, err) = probe(&[
        "sql",
        "postgres://u@127.0.0.1/x",
        "--password-env",
        "ZNODE_TEST_NOT_SET",
    ]);
    assert_eq!(code, 3);
    assert!(
        err.contains("TARGET: error:") && err.contains("`ZNODE_TEST_NOT_SET` is not set"),
        "{err}"
    );
    let (code, _, err) = probe(&["sql"]);
    assert_eq!(code, 3);
    assert!(
        err.contains("KIND sql: error: missing field `query`"),
        "{err}"
    );
    let (code, _, err) = probe(&["sql", "--set", "query=SELECT 1"]);
    assert_eq!(code, 3);
    assert!(err.contains("needs a target with a `dsn`"), "{err}");
}

/// A `--threshold` on a metric the probe did not measure judged nothing: UNKNOWN, saying what
/// was measured, never a silent OK.
#[test]
fn a_threshold_on_a_metric_not_measured_is_unknown() {
    let port = crate::support::http_server();
    let target = format!("127.0.0.1:{port}");
    let out = znode()
        .args(["probe", "tcp", &target, "--threshold", "nosuch=1,2"])
        .ran();
    out.code(3)
        .stdout_has("TCP UNKNOWN")
        .stdout_has("nosuch")
        .stdout_has("connect_time");
    znode()
        .args(["probe", "tcp", &target, "--threshold", "connect_time=5,10"])
        .ran()
        .code(0);
}

/// Issue 19 item 8: `run: [sleep, 0]` is the command YAML means (a number is a word), and a
/// `run` of the wrong shape says what `run` takes, not which untagged enum failed.
#[test]
fn a_command_line_with_numbers_runs_and_a_wrong_run_says_what_run_takes() {
    let ok = znode()
        .args(["probe", "command", "--set", "run=[sleep, 0]"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stdout));
    let bad = znode()
        .args(["probe", "command", "--set", "run={a: 1}"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(3));
    let said = text(&bad.stderr);
    assert!(
        said.contains("`run` takes the program and its arguments as a list")
            && !said.contains("untagged"),
        "{said}"
    );
}

#[test]
fn path_probes_take_the_path_as_their_target() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("app.properties");
    std::fs::write(
        &conf,
        "db.url=jdbc:mysql://db/app\ndb.password=Zq-S3cret-77\n",
    )
    .unwrap();
    let file = znode()
        .args(["probe", "file"])
        .arg(&conf)
        .args(["--lang", "en"])
        .ran();
    file.code(0).stdout_has("FILE OK");
    let secrets = znode().args(["probe", "secrets"]).arg(dir.path()).ran();
    secrets
        .code(2)
        .stdout_has("SECRETS CRITICAL")
        .never_shows("Zq-S3cret-77");
}
