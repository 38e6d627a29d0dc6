//! Probes against real endpoints: HTTP, TLS expiry, black-holed and closed ports, PostgreSQL,
//! MariaDB, commands, files, processes, listening ports.

use crate::support::*;

fn http_node(http: u16, hole: u16, closed: u16) -> TestNode {
    TestNode::new(&format!(
        "  web: {{ url: \"http://127.0.0.1:{http}/\" }}\n  hole: {{ url: \"http://127.0.0.1:{hole}/\" }}\n  hole-tcp: {{ address: \"127.0.0.1:{hole}\" }}\n  closed: {{ address: \"127.0.0.1:{closed}\" }}\n"
    ))
}

#[test]
fn http_expectations_are_judged() {
    let node = http_node(http_server(), black_hole(), closed_port());
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "web.yaml",
        r#"  - { id: ok, title: 首页, category: 系统业务检查, item: 2, system: portal, target: web, probe: { kind: http, path: ok, contains: ["门户"] } }
  - { id: server-error, title: 错误页, category: 系统业务检查, target: web, probe: { kind: http, path: "500" } }
  - { id: missing-text, title: 缺文字, category: 系统业务检查, target: web, probe: { kind: http, path: ok, contains: ["不存在的文字"] } }
  - { id: json-ok, title: JSON, category: 系统业务检查, target: web, probe: { kind: http, path: json, json: [{ pointer: /status, equals: UP }, { pointer: /queue/depth, range: "10" }] } }
  - { id: json-bad, title: JSON 超限, category: 系统业务检查, target: web, probe: { kind: http, path: json, json: [{ pointer: /queue/depth, range: "5" }] } }
  - { id: redirect-followed, title: 跳转, category: 系统业务检查, target: web, probe: { kind: http, path: redirect, status: [200] } }
  - { id: redirect-not-followed, title: 不跳转, category: 系统业务检查, target: web, probe: { kind: http, path: redirect, follow_redirects: false, status: [302] } }
  - { id: slow-latency, title: 时延阈值, category: 系统业务检查, target: web, probe: { kind: http, path: ok }, warn: "@0:1000", crit: "@0:1000" }
"#,
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2, "{doc:#}");
    assert_eq!(outcome(&doc, "ok")["status"], "OK");
    assert_eq!(outcome(&doc, "ok")["value"]["metric"], "response_time");
    assert_eq!(outcome(&doc, "server-error")["status"], "CRIT");
    assert!(
        outcome(&doc, "server-error")["summary"]
            .as_str()
            .unwrap()
            .contains("HTTP 500")
    );
    assert_eq!(outcome(&doc, "missing-text")["status"], "CRIT");
    assert_eq!(
        outcome(&doc, "json-ok")["status"],
        "OK",
        "{:#}",
        outcome(&doc, "json-ok")
    );
    let bad = outcome(&doc, "json-bad");
    assert_eq!(bad["status"], "CRIT");
    assert!(
        bad["summary"]
            .as_str()
            .unwrap()
            .contains("/queue/depth = 7 is > 5"),
        "{bad:#}"
    );
    assert_eq!(outcome(&doc, "redirect-followed")["status"], "OK");
    assert_eq!(outcome(&doc, "redirect-not-followed")["status"], "OK");
    // `@0:1000` alerts inside 0..1000 s: any real latency is inside, so CRIT.
    assert_eq!(outcome(&doc, "slow-latency")["status"], "CRIT");
}

#[test]
fn black_hole_ends_at_its_timeout_without_delaying_the_rest() {
    let node = http_node(http_server(), black_hole(), closed_port());
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "net.yaml",
        r#"  - { id: hole-http, title: 黑洞 HTTP, category: 日常检查, target: hole, timeout: 1s, probe: { kind: http } }
  - { id: hole-expect, title: 黑洞 TCP 应答, category: 日常检查, target: hole-tcp, timeout: 1s, probe: { kind: tcp, send: "PING\\r\\n", expect: "PONG" } }
  - { id: closed, title: 关闭端口, category: 日常检查, target: closed, probe: { kind: tcp } }
  - { id: fast-1, title: 正常 1, category: 日常检查, target: web, probe: { kind: http, path: ok } }
  - { id: fast-2, title: 正常 2, category: 日常检查, target: web, probe: { kind: tcp } }
"#,
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    for id in ["hole-http", "hole-expect"] {
        let o = outcome(&doc, id);
        assert_eq!(o["status"], "CRIT", "{o:#}");
        assert!(
            o["summary"].as_str().unwrap().contains("timed out"),
            "{o:#}"
        );
        let ms = o["duration_ms"].as_u64().unwrap();
        assert!(
            (900..4000).contains(&ms),
            "{id} took {ms} ms for a 1 s timeout"
        );
    }
    let closed = outcome(&doc, "closed");
    assert_eq!(closed["status"], "CRIT");
    assert!(
        closed["summary"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("refused"),
        "{closed:#}"
    );
    for id in ["fast-1", "fast-2"] {
        assert_eq!(outcome(&doc, id)["status"], "OK");
        assert!(
            outcome(&doc, id)["duration_ms"].as_u64().unwrap() < 900,
            "{id} was held up by the black hole"
        );
    }
}

#[test]
fn certificate_expiring_in_three_days_is_critical() {
    let port = tls_server(3);
    let node = TestNode::new(&format!(
        "  tls: {{ url: \"https://127.0.0.1:{port}/\" }}\n"
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "tls.yaml",
        r#"  - { id: cert, title: 证书有效期, category: 日常检查, target: tls, probe: { kind: http, insecure: true } }
  - { id: cert-untrusted, title: 不信任证书, category: 日常检查, target: tls, probe: { kind: http } }
"#,
    );
    let (_, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "cert");
    assert_eq!(o["status"], "CRIT", "{o:#}");
    let days = o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "cert_days_left")
        .unwrap()["value"]
        .as_f64()
        .unwrap();
    assert!((1.0..=3.5).contains(&days), "days left {days}");
    assert!(
        o["summary"].as_str().unwrap().contains("cert_days_left"),
        "{o:#}"
    );
    // Without `insecure`, the self-signed certificate is refused.
    assert_eq!(outcome(&doc, "cert-untrusted")["status"], "CRIT");
}

#[test]
fn databases_answer_queries_and_transactions_roll_back() {
    let scratch = PgDb::create("znode_probe");
    let db = scratch.0.clone();
    psql(
        &db,
        "CREATE TABLE jobs (id int, state text); INSERT INTO jobs VALUES (1, 'ok'), (2, 'failed')",
    );
    let node = TestNode::new(&format!(
        "  pg: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{db}\" }}\n  my: {{ dsn: \"mysql://root@127.0.0.1:3306/test\" }}\n  pg-wrong: {{ dsn: \"postgres://postgres@127.0.0.1:{}/{db}\" }}\n",
        closed_port()
    ));
    node.checks(
        "db.yaml",
        r#"  - { id: pg-count, title: 计数, category: 日常检查, target: pg, probe: { kind: sql, query: "SELECT count(*) FROM jobs" }, warn: 1, crit: 5 }
  - { id: pg-failed-rows, title: 失败任务, category: 日常检查, target: pg, probe: { kind: sql, query: "SELECT id FROM jobs WHERE state = 'failed'", expect: no_rows } }
  - { id: pg-numeric, title: 小数, category: 性能检查, target: pg, probe: { kind: sql, query: "SELECT 12.5::numeric" }, crit: "10:20" }
  - id: pg-txn
    title: 交易连接正常性测试
    category: 常规检查
    item: 4
    target: pg
    probe: { kind: sql, transaction: true, setup: ["INSERT INTO jobs VALUES (3, 'probe')"], query: "SELECT count(*) FROM jobs" }
    crit: "3:3"
  - { id: my-up, title: MariaDB, category: 日常检查, target: my, probe: { kind: sql, query: "SELECT @@max_connections" } }
  - { id: my-decimal, title: MariaDB 百分比, category: 性能检查, target: my, probe: { kind: sql, query: "SELECT ROUND(100 * 1 / 3, 1)" }, warn: 30 }
  - { id: pg-down, title: 连接失败, category: 日常检查, target: pg-wrong, timeout: 3s, probe: { kind: sql, query: "SELECT 1" } }
  - { id: pg-slow, title: 语句超时, category: 日常检查, target: pg, timeout: 1s, probe: { kind: sql, query: "SELECT pg_sleep(5)" } }
"#,
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let count = outcome(&doc, "pg-count");
    assert_eq!(count["status"], "WARN", "{count:#}");
    assert_eq!(count["value"]["value"], 2.0);
    assert_eq!(outcome(&doc, "pg-failed-rows")["status"], "CRIT");
    assert_eq!(outcome(&doc, "pg-failed-rows")["evidence"][0], "2");
    assert_eq!(
        outcome(&doc, "pg-numeric")["status"],
        "OK",
        "{:#}",
        outcome(&doc, "pg-numeric")
    );
    assert_eq!(
        outcome(&doc, "pg-txn")["status"],
        "OK",
        "{:#}",
        outcome(&doc, "pg-txn")
    );
    assert_eq!(
        outcome(&doc, "my-up")["status"],
        "OK",
        "{:#}",
        outcome(&doc, "my-up")
    );
    assert_eq!(outcome(&doc, "my-decimal")["value"]["value"], 33.3);
    assert_eq!(outcome(&doc, "my-decimal")["status"], "WARN");
    assert_eq!(outcome(&doc, "pg-down")["status"], "CRIT");
    assert_eq!(outcome(&doc, "pg-slow")["status"], "CRIT");
    // The transaction was rolled back: still two rows.
    assert_eq!(psql_value(&db, "SELECT count(*) FROM jobs"), "2");
}

#[test]
fn commands_files_processes_and_ports() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:9\" }\n");
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    let dir = node.path().display().to_string();
    std::fs::write(
        node.path().join("app.conf"),
        "url=jdbc:x\npassword=hunter2\n",
    )
    .unwrap();
    node.checks(
        "host.yaml",
        &format!(
            r#"  - {{ id: cmd-value, title: 数值, category: 脆弱性检查, probe: {{ kind: command, run: [echo, "connections 42"], value: "(\\d+)" }}, warn: 40, crit: 100 }}
  - {{ id: cmd-exit, title: 退出码, category: 脆弱性检查, probe: {{ kind: command, run: ["false"] }} }}
  - {{ id: cmd-nagios, title: 插件, category: 脆弱性检查, probe: {{ kind: command, shell: true, run: "echo 'DISK WARNING - 85% used | used=85%'; exit 1", nagios: true }} }}
  - {{ id: cmd-timeout, title: 超时, category: 脆弱性检查, timeout: 1s, probe: {{ kind: command, shell: true, run: "sleep 31337 & sleep 31338; wait" }} }}
  - {{ id: file-age, title: 文件, category: 常规检查, probe: {{ kind: file, path: "{dir}/app.conf", mode: "0644" }}, crit: 3600 }}
  - {{ id: file-secret, title: 明码, category: 脆弱性检查, probe: {{ kind: file, path: "{dir}/app.conf", not_contains: ["password="] }} }}
  - {{ id: file-missing, title: 缺失, category: 常规检查, probe: {{ kind: file, path: "{dir}/nope" }} }}
  - {{ id: file-absent-ok, title: 不应存在, category: 常规检查, probe: {{ kind: file, path: "{dir}/nope", exists: false }} }}
  - {{ id: proc-self, title: 进程, category: 中间件检查, probe: {{ kind: process, name: postgres }} }}
  - {{ id: proc-none, title: 无进程, category: 中间件检查, probe: {{ kind: process, cmdline: "no-such-daemon-zq" }} }}
  - {{ id: listen-pg, title: 端口, category: 应用服务器检查, probe: {{ kind: listen, port: 5432, process: postgres }} }}
  - {{ id: listen-none, title: 无端口, category: 应用服务器检查, probe: {{ kind: listen, port: {} }} }}
  - {{ id: disk, title: 磁盘, category: 脆弱性检查, probe: {{ kind: disk }} }}
  - {{ id: mem, title: 内存, category: 脆弱性检查, probe: {{ kind: memory }}, crit: "@0:100" }}
  - {{ id: load, title: 负载, category: 脆弱性检查, probe: {{ kind: load }} }}
  - {{ id: cpu, title: CPU, category: 脆弱性检查, probe: {{ kind: cpu, sample: 200ms }} }}
  - {{ id: swap, title: 交换, category: 脆弱性检查, probe: {{ kind: swap }} }}
"#,
            closed_port()
        ),
    );
    std::fs::set_permissions(
        node.path().join("app.conf"),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let (_, doc) = node.inspect_json(&[]);
    assert_eq!(outcome(&doc, "cmd-value")["status"], "WARN");
    assert_eq!(outcome(&doc, "cmd-value")["value"]["value"], 42.0);
    assert_eq!(outcome(&doc, "cmd-exit")["status"], "CRIT");
    let nag = outcome(&doc, "cmd-nagios");
    assert_eq!(nag["status"], "WARN");
    assert_eq!(nag["summary"], "DISK WARNING - 85% used");
    let to = outcome(&doc, "cmd-timeout");
    assert_eq!(to["status"], "CRIT");
    assert!(to["summary"].as_str().unwrap().contains("timed out"));
    // The whole process group went with the timeout.
    wait_for(5, "sleep 31337 to be killed", || {
        !String::from_utf8_lossy(
            &std::process::Command::new("pgrep")
                .args(["-f", "sleep 3133[78]"])
                .output()
                .unwrap()
                .stdout,
        )
        .contains(char::is_numeric)
    });
    assert_eq!(
        outcome(&doc, "file-age")["status"],
        "OK",
        "{:#}",
        outcome(&doc, "file-age")
    );
    let secret = outcome(&doc, "file-secret");
    assert_eq!(secret["status"], "CRIT");
    assert!(
        secret["evidence"][0].as_str().unwrap().contains('2'),
        "line number given: {secret:#}"
    );
    assert!(
        !secret.to_string().contains("hunter2"),
        "matched value leaked: {secret:#}"
    );
    assert_eq!(outcome(&doc, "file-missing")["status"], "CRIT");
    assert_eq!(outcome(&doc, "file-absent-ok")["status"], "OK");
    assert_eq!(outcome(&doc, "proc-self")["status"], "OK");
    assert!(
        outcome(&doc, "proc-self")["value"]["value"]
            .as_f64()
            .unwrap()
            >= 1.0
    );
    let none = outcome(&doc, "proc-none");
    assert_eq!(none["status"], "CRIT");
    assert!(
        none["summary"]
            .as_str()
            .unwrap()
            .starts_with("count 0 < 1 (0 /no-such-daemon-zq/ processes"),
        "{none:#}"
    );
    let listen = outcome(&doc, "listen-pg");
    assert_eq!(listen["status"], "OK", "{listen:#}");
    assert!(listen["summary"].as_str().unwrap().contains("postgres"));
    assert_eq!(outcome(&doc, "listen-none")["status"], "CRIT");
    let disk = outcome(&doc, "disk");
    assert!(
        disk["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "used_pct" && m["label"] == "/"),
        "{disk:#}"
    );
    assert!(
        !disk["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["label"] == "/proc"),
        "pseudo filesystems excluded"
    );
    assert_eq!(
        outcome(&doc, "mem")["status"],
        "CRIT",
        "@0:100 alerts on any percentage"
    );
    for id in ["load", "cpu", "swap"] {
        assert!(["OK", "WARN", "CRIT"].contains(&outcome(&doc, id)["status"].as_str().unwrap()));
        assert!(!outcome(&doc, id)["metrics"].as_array().unwrap().is_empty());
    }
}

#[test]
fn retries_mark_flaky_and_waivers_apply_until_expiry() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:9\" }\n");
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    let marker = node.path().join("marker");
    node.checks(
        "r.yaml",
        &format!(
            r#"  - id: flaky
    title: 第二次才成功
    category: 日常检查
    retries: 2
    probe: {{ kind: command, shell: true, run: "if [ -e {m} ]; then exit 0; else touch {m}; exit 2; fi" }}
  - id: waived
    title: 已豁免
    category: 日常检查
    probe: {{ kind: command, run: ["false"] }}
    waiver: {{ reason: 已知问题，整改中, expires: 2999-12-31 }}
  - id: waiver-expired
    title: 豁免过期
    category: 日常检查
    probe: {{ kind: command, run: ["false"] }}
    waiver: {{ reason: 旧豁免, expires: 2020-01-01 }}
"#,
            m = marker.display()
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    let f = outcome(&doc, "flaky");
    assert_eq!(f["status"], "OK");
    assert_eq!(f["flaky"], true);
    assert_eq!(f["attempts"], 2);
    let w = outcome(&doc, "waived");
    assert_eq!(w["status"], "CRIT");
    assert_eq!(w["effective_status"], "OK");
    assert_eq!(w["waiver"]["expired"], false);
    let e = outcome(&doc, "waiver-expired");
    assert_eq!(e["effective_status"], "CRIT");
    assert!(
        e["summary"]
            .as_str()
            .unwrap()
            .contains("waiver expired 2020-01-01")
    );
    assert_eq!(code, 2, "the expired waiver counts");
    assert_eq!(doc["summary"]["waived"], 1);
    assert_eq!(doc["summary"]["flaky"], 1);
}

#[test]
fn nagios_and_prometheus_outputs() {
    let port = http_server();
    let node = TestNode::new(&format!("  web: {{ url: \"http://127.0.0.1:{port}/\" }}\n"));
    node.checks(
        "w.yaml",
        r#"  - { id: ok, title: 首页, category: 系统业务检查, system: portal, target: web, probe: { kind: http, path: ok } }
  - { id: bad, title: 错误页, category: 系统业务检查, system: portal, target: web, probe: { kind: http, path: "500" } }
"#,
    );
    let out = node.run(&["--lang", "en", "inspect", "--format", "nagios"]);
    out.code(2);
    let s = text(&out.stdout);
    let first = s.lines().next().unwrap();
    assert!(
        first.starts_with("ZNODE CRITICAL - 1 crit, 0 warn, 0 unknown, 1 ok of 2 checks"),
        "{s}"
    );
    assert!(
        first.contains("| ok=1;;;0 warn=0;;;0 crit=1;;;0 unknown=0;;;0"),
        "{s}"
    );
    assert!(s.contains("[CRITICAL] bad 错误页: HTTP 500"), "{s}");
    assert!(s.contains("'ok.response_time'="), "{s}");

    let out = node.run(&["inspect", "--format", "prometheus"]);
    let p = text(&out.stdout);
    assert!(p.contains("# TYPE znode_check_status gauge"));
    assert!(p.contains("znode_check_status{node=\"测试节点\",host=\"local\",check=\"bad\",category=\"系统业务检查\",system=\"portal\",kind=\"http\"} 2"), "{p}");
    assert!(p.contains("znode_run_checks{status=\"crit\"} 1"));
    for line in p.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "not a sample: {line}");
    }

    let out = node.run(&["inspect"]);
    let t = text(&out.stdout);
    assert!(
        t.contains("系统业务检查")
            && t.contains("严重")
            && t.contains("正常")
            && t.contains("汇总"),
        "{t}"
    );
    let out = node.run(&["--lang", "en", "inspect", "--check", "bad"]);
    let t = text(&out.stdout);
    assert!(t.contains("CRIT") && t.contains("Summary: 1 checks"), "{t}");
}

/// `--tag` selects by the tags of a check and of its system alike.
#[test]
fn tags_of_a_system_select_its_checks() {
    let node = TestNode::with_config(
        "node: t\nstore: h.db\nchecks: [checks]\nsystems:\n  - { id: portal, name: 门户, tags: [web] }\n  - { id: db, name: 数据库 }\n",
    );
    node.checks(
        "c.yaml",
        "  - { id: p, title: 门户, category: daily, system: portal, probe: { kind: command, run: [\"true\"] } }
  - { id: d, title: 库, category: daily, system: db, probe: { kind: command, run: [\"true\"] } }
  - { id: own, title: 自带, category: daily, system: db, tags: [web], probe: { kind: command, run: [\"true\"] } }
",
    );
    let (code, doc) = node.inspect_json(&["--tag", "web"]);
    assert_eq!(code, 0);
    let mut ids: Vec<&str> = doc["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["check"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["own", "p"], "{doc:#}");
}
