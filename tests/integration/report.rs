//! `znode report inspection`: the 巡检报告 of a stored run, rendered through its template.

use crate::support::{RunExt, TestNode, closed_port, text, znode};

#[test]
fn the_inspection_report_holds_every_item_and_the_abnormal_ones_with_remediation() {
    let port = closed_port();
    let node = TestNode::new(&format!(
        "  pg: {{ address: 127.0.0.1:5432 }}\n  gone: {{ address: 127.0.0.1:{port} }}"
    ));
    node.checks(
        "c.yaml",
        "  - { id: pg-up, title: 共享库端口, category: daily, item: 5, system: database, target: pg, probe: { kind: tcp } }
  - { id: gone-up, title: 门户端口 | 前端, category: daily, item: 4, system: portal, target: gone, probe: { kind: tcp }, remediation: 启动门户服务后复测 }
",
    );
    assert_eq!(node.run(&["inspect"]).status.code(), Some(2));
    let path = node.path().join("out/r.md");
    let out = node.run(&[
        "report",
        "inspection",
        "latest",
        "-o",
        path.to_str().unwrap(),
    ]);
    out.code(0);
    let md = std::fs::read_to_string(&path).unwrap();
    for needle in [
        "# 测试节点例行巡检报告",
        "| 巡检结论 | 严重 |",
        "本次共检查 2 项：正常 1 项，告警 0 项，严重 1 项，未知 0 项。",
        "| 日常检查 | 2 | 1 | 0 | 1 | 0 |",
        "| (5) | 共享库端口 | 数据库 | 正常 |",
        "| (4) | 门户端口 \\| 前端 | 大数据中心门户系统 | 严重 |",
        "**1. 门户端口 | 前端**（严重，大数据中心门户系统）",
        "- 处理建议：启动门户服务后复测\n- 跟进：未立事件",
        "| 报告编号 | XJ-1 |\n| 节点 | 测试节点 |",
        "| 编制人 | 审核人 | 批准人 |",
        "| 日期：　　年　　月　　日 |",
    ] {
        assert!(md.contains(needle), "`{needle}` not in:\n{md}");
    }

    // `latest` is the newest inspection, not the newest run of any command; a log scan is
    // never made into a 巡检报告.
    std::fs::write(node.path().join("app.log"), "2026-01-01 00:00:00 ERROR x\n").unwrap();
    node.add_config("logs:\n  sources:\n    - { id: app, paths: [app.log] }\n");
    node.run(&["logs", "scan", "--source", "app"]);
    let out = node.run(&["report", "inspection", "latest", "-o", "-"]);
    out.code(0).stdout_has("| 巡检编号 | #1 |");
    node.run(&["report", "inspection", "2", "-o", "-"])
        .code(3)
        .stderr_has("run #2 is a `logs scan` run, not an inspection");

    // Without project facts configured the cover has no empty rows for them.
    assert!(!md.contains("项目名称") && !md.contains("服务单位"), "{md}");

    // A node's own template replaces the shipped one, and may use the cover and sign-off
    // partials; a variable it misnames is an error.
    std::fs::create_dir_all(node.path().join("report-templates")).unwrap();
    std::fs::write(
        node.path().join("report-templates/inspection.md.hbs"),
        "节点 {{node}} 共 {{summary.total}} 项\n{{> cover}}\n",
    )
    .unwrap();
    let out = node.run(&["report", "inspection", "1", "-o", "-"]);
    assert_eq!(
        text(&out.stdout),
        "节点 测试节点 共 2 项\n| 报告编号 | XJ-1 |\n"
    );
    std::fs::write(
        node.path().join("report-templates/inspection.md.hbs"),
        "{{nodes}}\n",
    )
    .unwrap();
    let out = node.run(&["report", "inspection", "1", "-o", "-"]);
    out.code(3);
    assert!(
        text(&out.stderr).contains("inspection.md.hbs"),
        "{}",
        text(&out.stderr)
    );
}

/// The words of the bureau's document are Chinese: over the sample node's whole pack, run
/// against this machine's real services (some up, some down), every 说明 cell of the 巡检报告
/// reads in Chinese. Latin words are allowed only as names (products, units, protocols, SQL
/// keywords in rule titles) or inside values (addresses, paths, versions, process names).
#[test]
fn the_inspection_report_of_the_shipped_pack_reads_in_chinese() {
    const NAMES: &[&str] = &[
        "CPU",
        "PostgreSQL",
        "MariaDB",
        "MySQL",
        "Redis",
        "RabbitMQ",
        "nginx",
        "Tomcat",
        "Elasticsearch",
        "Debian",
        "HTTP",
        "TCP",
        "PING",
        "PONG",
        "AMQP",
        "JSON",
        "SQL",
        "RDB",
        "AOF",
        "NTP",
        "WAL",
        "TLS",
        "SSH",
        "MiB",
        "KiB",
        "GiB",
        "TiB",
        "pid",
        "inode",
        "guest",
        "nofile",
        "nproc",
        "postgres",
        "mariadbd",
        "mysqld",
        "redis",
        "server",
        "beam",
        "smp",
        "java",
        "sshd",
        "green",
        "yellow",
        "red",
        "DROP",
        "TRUNCATE",
        "DELETE",
        "WHERE",
        "ERROR",
        "FATAL",
        "OOM",
        "Java",
        "XML",
        "stub",
        "status",
        "root",
        "znode",
    ];
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("node");
    znode().args(["init"]).arg(&node).ran().code(0);
    let config = node.join("znode.yaml");
    let run = |args: &[&str]| znode().arg("-c").arg(&config).args(args).ran();
    let out = run(&["inspect"]);
    assert!(out.status.code().is_some_and(|c| c <= 3));
    let md = text(&run(&["report", "inspection", "latest", "-o", "-"]).stdout);
    let mut cells = 0;
    let mut latin: Vec<String> = Vec::new();
    for line in md.lines().filter(|l| l.starts_with("| (")) {
        let summary = line.trim().trim_matches('|').rsplit(" | ").next().unwrap();
        cells += 1;
        for token in summary.split(|c: char| c.is_whitespace() || "，；：（）()、,;“”`".contains(c))
        {
            // Values: addresses, paths, URLs, versions, sizes, ids.
            if token
                .chars()
                .any(|c| c.is_ascii_digit() || "/\\.:@_-=<>*".contains(c))
            {
                continue;
            }
            let mut word = String::new();
            for c in token.chars().chain([' ']) {
                if c.is_ascii_alphabetic() {
                    word.push(c);
                    continue;
                }
                if word.len() >= 3 && !NAMES.contains(&word.as_str()) {
                    latin.push(format!("{word}  ←  {summary}"));
                }
                word.clear();
            }
        }
    }
    assert!(cells >= 90, "{cells} items: {md}");
    assert!(
        latin.is_empty(),
        "English in the 说明 column:\n{}",
        latin.join("\n")
    );
}
