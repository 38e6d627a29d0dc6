//! `znode report inspection`: the 巡检报告 of a stored run, rendered through its template.

use crate::support::{RunExt, TestNode, closed_port, latin_words, sqlite_value, text, znode};

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
/// Latin words a bureau document may hold: names of products, protocols, units, SQL keywords
/// in rule titles, and words inside values.
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
    "Web",
    "JVM",
    "MTBF",
    "somaxconn",
    "upstream",
    "mysqldump",
    "cron",
    "systemctl",
    "systemd",
    "start",
    "PATH",
    "INFO",
    "maxmemory",
    // The name the node gave a notification channel.
    "ops",
    // Names in the access review and configuration drift: settings, modules, commands.
    "PAM",
    "UID",
    "sudo",
    "wheel",
    "TMOUT",
    "PermitRootLogin",
    "PasswordAuthentication",
    "PermitEmptyPasswords",
    "MaxAuthTries",
    "LoginGraceTime",
    "ClientAliveInterval",
    "ClientAliveCountMax",
    "Defaults",
    "config",
    "snapshot",
    "accept",
    "NOPASSWD",
    "ALL",
    "authenticate",
    "logfile",
];

#[test]
fn the_inspection_report_of_the_shipped_pack_reads_in_chinese() {
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
        latin.extend(latin_words(summary, NAMES));
    }
    assert!(cells >= 90, "{cells} items: {md}");
    assert!(
        latin.is_empty(),
        "English in the 说明 column:\n{}",
        latin.join("\n")
    );
}

/// What people record reaches the documents, and every kind of document reads in Chinese: the
/// sample node inspected (with incidents opened), an incident reviewed, a survey, a training
/// session, operation work and a 重保 period recorded, a drill run and reviewed, a release
/// started; then the 巡检报告, 周报, 月报, 故障处理简报, 演练总结, 版本同步报告 and 重保报告 are
/// made and read word by word.
#[test]
fn every_document_kind_reads_in_chinese_and_carries_what_people_recorded() {
    let (_dir, node) = sample_node();
    let run = |args: &[&str]| as_zhang(&node, args);
    let ok = |args: &[&str]| {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    };
    let out = run(&["inspect", "--open-incidents"]);
    assert!(out.status.code().is_some_and(|c| c <= 3));
    let db = node.join("znode-history.db");
    let incident = sqlite_value(
        &db,
        "SELECT id FROM incidents WHERE source_check = 'dial-portal-home'",
    );

    // The fault brief's analysis, part by part; the latest word on a part stands.
    ok(&["incident", "ack", &incident, "--note", "已联系门户厂商"]);
    ok(&[
        "incident",
        "review",
        &incident,
        "--cause",
        "初步判断为网络抖动",
    ]);
    let said = ok(&[
        "incident",
        "review",
        &incident,
        "--impact",
        "门户首页无法访问，全市用户受影响",
        "--cause",
        "nginx 未启动",
        "--measures",
        "启动 nginx 服务",
    ]);
    assert!(
        said.contains("现象及影响范围、原因分析、处置措施"),
        "{said}"
    );
    ok(&["incident", "resolve", &incident, "--note", "已恢复"]);
    let brief = run(&["report", "incident", &incident, "-o", "-"]);
    brief.code(0);
    // What is still missing is said on stderr, with the command that records it.
    assert!(
        text(&brief.stderr).contains("清理现场、整改和预防措施、通报情况")
            && text(&brief.stderr).contains("znode incident review"),
        "{}",
        text(&brief.stderr)
    );
    let brief = text(&brief.stdout);
    for needle in [
        "### 原因分析\n\nnginx 未启动\n",
        "### 处置措施\n\n启动 nginx 服务\n",
        "### 整改和预防措施\n\n待补充\n",
        "| 来源检查项 | 页面拨测：门户首页 |",
        "| 报告人 | 巡检程序 |",
    ] {
        assert!(brief.contains(needle), "`{needle}` not in:\n{brief}");
    }
    assert!(!brief.contains("网络抖动"), "{brief}");

    // Records of the month.
    ok(&[
        "record",
        "satisfaction",
        "--surveyed",
        "20",
        "--satisfied",
        "17",
        "--feedback",
        "门户响应速度有提升",
    ]);
    ok(&[
        "record",
        "training",
        "数据目录编目操作培训",
        "--attendees",
        "15",
        "--hours",
        "2",
        "--trainer",
        "李工",
    ]);
    ok(&[
        "record",
        "operation",
        "编目挂接",
        "新增编目信息类",
        "--count",
        "35",
        "--unit",
        "类",
    ]);
    ok(&[
        "record",
        "operation",
        "编目挂接",
        "变更挂接库表",
        "--count",
        "4",
        "--unit",
        "类",
    ]);
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai);
    let from = (now - chrono::Duration::hours(2))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let until = (now + chrono::Duration::hours(2))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let said = ok(&[
        "record",
        "guard",
        "元旦重保",
        "--from",
        &from,
        "--until",
        &until,
        "--people",
        "张工,李工",
        "--measure",
        "每日两次深度巡检",
    ]);
    let guard = said
        .split('#')
        .nth(1)
        .and_then(|x| x.split_whitespace().next())
        .unwrap()
        .to_owned();
    // A mistake is removed, and says what it was.
    ok(&["record", "training", "录错的培训", "--attendees", "1"]);
    let list = ok(&["record", "list", "--kind", "training", "-f", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&list).unwrap();
    let wrong = doc["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == "录错的培训")
        .unwrap()["id"]
        .to_string();
    assert!(ok(&["record", "remove", &wrong]).contains("录错的培训"));
    let bad = run(&[
        "record",
        "satisfaction",
        "--surveyed",
        "3",
        "--satisfied",
        "5",
    ]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(
        text(&bad.stderr).contains("more than --surveyed"),
        "{}",
        text(&bad.stderr)
    );

    // A drill, reviewed afterwards in two sittings.
    let _ = run(&["playbook", "drill", "middleware-restart", "--yes"]);
    ok(&[
        "playbook",
        "review",
        "1",
        "--scenario",
        "模拟 nginx 配置错误",
        "--participant",
        "张工=指挥",
        "--participant",
        "李工=操作",
    ]);
    ok(&[
        "playbook",
        "review",
        "1",
        "--finding",
        "配置检查命令不在 PATH 中",
        "--revision",
        "第 2 步使用绝对路径",
    ]);
    let bad = run(&["playbook", "review", "1", "--participant", "张工"]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(
        text(&bad.stderr).contains("NAME=ROLE"),
        "{}",
        text(&bad.stderr)
    );
    ok(&["sync", "start", "V3.2.0", "--title", "标准版升级"]);
    ok(&["sync", "done", "1", "1", "--note", "已收到省中心通知"]);

    let month = now.format("%Y-%m").to_string();
    let week = now.format("%G-W%V").to_string();
    let documents = [
        ("巡检报告", vec!["report", "inspection", "latest"]),
        ("周报", vec!["report", "weekly", "-p", &week]),
        ("月报", vec!["report", "monthly", "-p", &month]),
        ("故障处理简报", vec!["report", "incident", &incident]),
        ("演练总结", vec!["report", "drill", "1"]),
        ("版本同步报告", vec!["report", "sync", "1"]),
        ("重保报告", vec!["report", "guard", &guard]),
    ];
    // The pack's remediation texts are the team's own Chinese, naming commands and settings
    // (innodb, ulimit, rabbitmqctl…); those names may appear wherever a remediation does.
    let mut allowed: Vec<String> = NAMES.iter().map(|n| (*n).to_owned()).collect();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["checks", "rules"] {
        for entry in std::fs::read_dir(repo.join(dir)).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            for line in text
                .lines()
                .filter(|l| l.trim_start().starts_with("remediation:"))
            {
                allowed.extend(
                    line.split(|c: char| !c.is_ascii_alphabetic())
                        .filter(|w| w.len() >= 3)
                        .map(str::to_owned),
                );
            }
        }
    }
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    let mut latin = Vec::new();
    let mut texts = std::collections::BTreeMap::new();
    for (name, args) in &documents {
        let mut args = args.clone();
        args.extend(["-o", "-"]);
        let md = ok(&args);
        // An appendix holds the technical detail: commands, output, ids.
        for line in md.lines().take_while(|l| !l.starts_with("## 附录")) {
            latin.extend(
                latin_words(line, &allowed)
                    .into_iter()
                    .map(|w| format!("{name}: {w}")),
            );
        }
        texts.insert(*name, md);
    }
    assert!(
        latin.is_empty(),
        "English in the documents:\n{}",
        latin.join("\n")
    );

    let monthly = &texts["月报"];
    // Each figure as the store has it.
    let surveyed = sqlite_value(
        &db,
        "SELECT SUM(json_extract(detail, '$.surveyed')) FROM service_records WHERE kind = 'satisfaction'",
    );
    let satisfied = sqlite_value(
        &db,
        "SELECT SUM(json_extract(detail, '$.satisfied')) FROM service_records WHERE kind = 'satisfaction'",
    );
    let rate = format!(
        "{:.2}%",
        satisfied.parse::<f64>().unwrap() * 100.0 / surveyed.parse::<f64>().unwrap()
    );
    let hooked = sqlite_value(
        &db,
        "SELECT SUM(json_extract(detail, '$.count')) FROM service_records WHERE kind = 'operation' AND subject = '编目挂接'",
    );
    for needle in [
        format!("| 用户满意度 | ≥ 90% | {rate}（调查 {surveyed} 人） | 未达标 |"),
        format!("| 编目挂接 | 2 | {hooked} 类 |"),
        "| 服务质量 | 服务满意度（无不满意事件） | 10 | 3 | 不满意评价 3 次，扣 3 分（明细见下） |"
            .to_owned(),
        "- 门户响应速度有提升".to_owned(),
        "| 数据目录编目操作培训 | - | 15 | 2 | 李工 |".to_owned(),
        "| 元旦重保 |".to_owned(),
        "| 接口平均耗时 | < 5 秒 |".to_owned(),
        "| 系统故障率（停机时间占比） | ≤ 10% |".to_owned(),
    ] {
        assert!(monthly.contains(&needle), "`{needle}` not in:\n{monthly}");
    }
    assert!(!monthly.contains("录错的培训"));
    let drill = &texts["演练总结"];
    for needle in [
        "| 场景 | 模拟 nginx 配置错误 |",
        "| 1 | 张工 | 指挥 |\n| 2 | 李工 | 操作 |",
        "## 六、预案问题与不足\n\n1. 配置检查命令不在 PATH 中",
        "## 七、预案修订\n\n1. 第 2 步使用绝对路径",
        "systemd 服务名：nginx",
    ] {
        assert!(drill.contains(needle), "`{needle}` not in:\n{drill}");
    }
    let guard_report = &texts["重保报告"];
    let incidents = sqlite_value(&db, "SELECT COUNT(*) FROM incidents");
    for needle in [
        "# 元旦重保保障报告".to_owned(),
        "| 值守人员 | 张工、李工 |".to_owned(),
        format!("新受理事件 {incidents} 件"),
        "1. 每日两次深度巡检".to_owned(),
        "| 巡检 | 1 |".to_owned(),
    ] {
        assert!(
            guard_report.contains(&needle),
            "`{needle}` not in:\n{guard_report}"
        );
    }
    assert!(texts["版本同步报告"].contains("## 五、版本比对"));
}

/// An inspection done on paper is entered from its sheet (CSV as Excel saves it, GBK here) as a
/// back-filled run at the time it was made: the history and the 巡检报告 say so, and the 考核
/// counts it as that month's inspection. A sheet with mistakes is refused, every line named.
#[test]
fn a_paper_inspection_is_back_filled_from_its_sheet_and_counts() {
    let (dir, node) = sample_node();
    let run = |args: &[&str]| as_zhang(&node, args);
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "检查项,结果,说明\nno-such-check,正常,\ndb-shared-up,好,\n",
    )
    .unwrap();
    let out = run(&[
        "history",
        "import",
        bad.to_str().unwrap(),
        "--at",
        "2026-11-03 09:00",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.csv:2")
            && err.contains("no check `no-such-check`")
            && err.contains("bad.csv:3")
            && err.contains("`好` is not a result"),
        "{err}"
    );

    // A real inspection first: the paper one entered after it is older, and never "latest".
    let real = run(&["inspect", "--check", "db-shared-up"]);
    assert!(real.status.code().is_some_and(|c| c <= 3));
    let sheet = dir.path().join("纸质巡检.csv");
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "检查项,结果,说明\n# 2026年11月3日现场巡检\ndb-shared-up,正常,共享库连接正常\n\
         db-quality-up,严重,\"质检库无法连接, 已通知厂商\"\nmw-redis-ping,告警,\n",
    );
    std::fs::write(&sheet, &gbk).unwrap();
    let future = run(&[
        "history",
        "import",
        sheet.to_str().unwrap(),
        "--at",
        "2099-01-01 09:00",
    ]);
    assert_ne!(future.status.code(), Some(0));
    let out = run(&[
        "history",
        "import",
        sheet.to_str().unwrap(),
        "--at",
        "2026-11-03 09:00",
        "--note",
        "纸质记录 XJ-2026-11",
    ]);
    out.code(0);
    assert!(
        text(&out.stdout).contains("3 results entered as the inspection of 2026-11-03 09:00"),
        "{}",
        text(&out.stdout)
    );
    let list = text(&run(&["history"]).stdout);
    assert!(
        list.contains("补录") && list.contains("2026-11-03 09:00:00"),
        "{list}"
    );
    // Newest first by time: the real run heads the list.
    let real_line = list.lines().position(|l| l.contains("#1 ")).unwrap();
    let paper_line = list.lines().position(|l| l.contains("#2 ")).unwrap();
    assert!(real_line < paper_line, "{list}");
    let latest: serde_json::Value =
        serde_json::from_slice(&run(&["history", "show", "latest", "-f", "json"]).stdout).unwrap();
    assert_eq!(latest["run"]["id"], 1, "{latest:#}");
    let again = run(&[
        "history",
        "import",
        sheet.to_str().unwrap(),
        "--at",
        "2026-11-03 09:00",
    ]);
    assert_ne!(again.status.code(), Some(0));
    assert!(
        text(&again.stderr).contains("already entered (run #2)"),
        "{}",
        text(&again.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["history", "show", "2", "-f", "json"]).stdout).unwrap();
    let outcome = crate::support::outcome(&json, "db-quality-up");
    assert_eq!(outcome["status"], "CRIT", "{outcome}");
    assert_eq!(outcome["summary"], "质检库无法连接, 已通知厂商");
    assert_eq!(
        crate::support::outcome(&json, "mw-redis-ping")["summary"],
        "纸质巡检记录：告警"
    );

    let md = text(&run(&["report", "inspection", "2", "-o", "-"]).stdout);
    assert!(
        md.contains("| 记录方式 | 纸质巡检记录补录（张工 于 ")
            && md.contains("；纸质记录 XJ-2026-11）"),
        "{md}"
    );
    assert!(
        md.contains("| 巡检时间 | 2026-11-03 09:00 至 2026-11-03 09:00 |"),
        "{md}"
    );
    // November's inspection was done (on paper): no point lost for it.
    let monthly = text(&run(&["report", "monthly", "-p", "2026-11", "-o", "-"]).stdout);
    assert!(
        monthly.contains("| 服务时效性 | 巡检服务按时完成 | 10 | 0 | 未发现不满足 |"),
        "{monthly}"
    );
}

/// The sample node (`znode init`) in a temporary folder: the folder, and the node's folder.
fn sample_node() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("node");
    znode().args(["init"]).arg(&node).ran().code(0);
    (dir, node)
}

/// Runs znode on a node's config as 张工.
fn as_zhang(node: &std::path::Path, args: &[&str]) -> crate::support::Ran {
    znode()
        .arg("-c")
        .arg(node.join("znode.yaml"))
        .env("ZNODE_OPERATOR", "张工")
        .args(args)
        .ran()
}
