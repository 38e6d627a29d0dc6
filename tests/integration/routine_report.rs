//! The routine reports (周报, 月报, 季报): figures aggregated by the store, asserted exactly, on
//! SQLite and PostgreSQL alike. The store is filled through the CLI: incidents and documents
//! backfilled with `--at`, inspections run against a port the test opens and closes.

use std::net::TcpListener;

use chrono::Datelike;

use crate::support::*;

fn ok(node: &TestNode, store: &[String], args: &[&str]) -> String {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(store.iter().map(String::as_str));
    let out = node.run(&all);
    out.code(0);
    text(&out.stdout)
}

fn report_json(node: &TestNode, store: &[String], args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend(["-f", "json", "-o", "-"]);
    let doc: serde_json::Value = serde_json::from_str(&ok(node, store, &all)).unwrap();
    assert_eq!(doc["schema"], "znode.report/v1");
    doc["report"].clone()
}

/// Opens, acknowledges and resolves an incident at the given times (`None` skips the step).
fn incident(
    node: &TestNode,
    store: &[String],
    (kind, severity, title): (&str, &str, &str),
    opened: &str,
    acked: Option<&str>,
    restored: Option<&str>,
) {
    let opened = ok(
        node,
        store,
        &[
            "incident",
            "open",
            title,
            "--type",
            kind,
            "--severity",
            severity,
            "--system",
            "portal",
            "--at",
            opened,
        ],
    );
    let id = opened
        .trim()
        .strip_prefix("incident #")
        .and_then(|s| s.strip_suffix(" opened"))
        .unwrap_or_else(|| panic!("{opened}"))
        .to_owned();
    if let Some(t) = acked {
        ok(node, store, &["incident", "ack", &id, "--at", t]);
    }
    if let Some(t) = restored {
        ok(
            node,
            store,
            &["incident", "resolve", &id, "--note", "已处理", "--at", t],
        );
        ok(node, store, &["incident", "close", &id, "--at", t]);
    }
}

fn assessment_of_a_past_month(backend: &str) {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    let (store, _db) = store_url_flag(backend);
    node.add_config("reports:\n  title: 肇庆分节点\n  author: 张工\n  reviewer: 李工\nassessment:\n  inspection: { every: day, due: 10h }\n  documents: { monthly: 5d, weekly: 2d }\n");

    // June 2025. #1 in time; #2 restored after 2 h (late); #3 a major fault restored after
    // 26 h (late major); #4 a question answered after 90 min (late); #5 opened in May.
    incident(
        &node,
        &store,
        ("故障", "一般", "门户登录失败"),
        "2025-06-05 10:00",
        Some("2025-06-05 10:20"),
        Some("2025-06-05 10:50"),
    );
    incident(
        &node,
        &store,
        ("故障", "一般", "接口超时"),
        "2025-06-06 10:00",
        Some("2025-06-06 10:10"),
        Some("2025-06-06 12:00"),
    );
    incident(
        &node,
        &store,
        ("故障", "重大", "共享库宕机"),
        "2025-06-07 10:00",
        Some("2025-06-07 10:05"),
        Some("2025-06-08 12:00"),
    );
    incident(
        &node,
        &store,
        ("咨询", "一般", "数据目录咨询"),
        "2025-06-09 09:00",
        Some("2025-06-09 10:30"),
        Some("2025-06-09 11:00"),
    );
    incident(
        &node,
        &store,
        ("数据统计", "一般", "五月调用量统计"),
        "2025-05-31 16:00",
        Some("2025-05-31 16:10"),
        Some("2025-06-02 09:00"),
    );
    // The May report handed in on 7 June (due by the 5th, so 6 June 00:00): late.
    ok(
        &node,
        &store,
        &[
            "report",
            "monthly",
            "--period",
            "2025-05",
            "--at",
            "2025-06-07 10:00",
        ],
    );
    // Weekly reports: W23 (2–8 June) in time, W24 late, the others missing.
    ok(
        &node,
        &store,
        &[
            "report",
            "weekly",
            "--period",
            "2025-W23",
            "--at",
            "2025-06-09 17:00",
        ],
    );
    ok(
        &node,
        &store,
        &[
            "report",
            "weekly",
            "--period",
            "2025-W24",
            "--at",
            "2025-06-18 09:00",
        ],
    );

    let r = report_json(&node, &store, &["monthly", "--period", "2025-06"]);
    assert_eq!(r["title"], "肇庆分节点运行维护月报（2025年6月）");
    assert_eq!(r["previous"]["label"], "2025-05");
    let types: Vec<(String, u64, u64, u64, u64, String)> = r["incidents"]["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().unwrap().to_owned(),
                t["count"].as_u64().unwrap(),
                t["response_ok"].as_u64().unwrap(),
                t["restore_due"].as_u64().unwrap(),
                t["restore_ok"].as_u64().unwrap(),
                t["attainment"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(types[0], ("咨询".into(), 1, 0, 0, 0, "0.00%".into()));
    assert_eq!(types[1], ("故障".into(), 3, 3, 3, 1, "33.33%".into()));
    assert_eq!(types[3], ("数据统计".into(), 0, 0, 0, 0, "-".into()));
    assert_eq!(r["incidents"]["opened"], 4);
    assert_eq!(
        r["incidents"]["closed"], 5,
        "the May request closed in June counts"
    );
    assert_eq!(r["incidents"]["breaches"], 3);
    // The contract's targets, from the same figures.
    let targets: Vec<(String, String, String)> = r["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_owned(),
                t["actual"].as_str().unwrap().to_owned(),
                t["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let target = |name: &str| targets.iter().find(|t| t.0 == name).unwrap().clone();
    assert_eq!(target("运维请求响应").1, "按时响应 3/4 件");
    assert_eq!(
        target("故障恢复（一般 ≤ 1 小时，重大 ≤ 24 小时）").1,
        "按时恢复 1/3 件"
    );
    assert_eq!(target("巡检报告").2, "落后于进度");
    // The portal's three faults this year: 50 min + 2 h + 26 h = 1 day 4 h 50 min, within 7 days.
    let year = target("年度累计停机时间");
    assert!(
        year.1.contains("1天4小时（大数据中心门户系统") && year.2 == "达标",
        "{year:?}"
    );
    assert_eq!(r["overview"]["sla_pct"], "25.00%");

    // Points: no inspection on any of 30 days (capped at 10), two late events, one late major
    // event; documents due in June: May's monthly (late), W22 (due 4 June, missing), W23 (in
    // time), W24 (late), W25 (due 24 June, missing); W26 ends on 29 June, due 1 July.
    let items: Vec<(String, u64)> = r["assessment"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().to_owned(),
                i["lost"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        items[..4],
        [
            ("巡检服务按时完成".to_owned(), 10),
            ("运维服务事件按时完成".to_owned(), 2),
            ("重大事件处理时效".to_owned(), 1),
            ("运维文档、报告按时提交".to_owned(), 5),
        ]
    );
    // Every item of the contract's table is there; those no tool can count are full marks.
    assert_eq!(items.len(), 11);
    assert!(items[4..].iter().all(|(_, lost)| *lost == 0));
    let full: Vec<&str> = r["assessment"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["note"].as_str().filter(|n| n.starts_with("按满分计")))
        .collect();
    assert_eq!(full.len(), 7);
    // The major fault #3, restored on 8 June 12:00, owes its brief by 9 June 12:00: none yet.
    assert_eq!(r["assessment"]["items"][3]["lost"], 5);
    assert!(
        r["assessment"]["items"][3]["occurrences"]
            .to_string()
            .contains("事件 #3（共享库宕机）的故障处理简报应于 2025-06-09 12:00 前提交，未见记录"),
        "{:#}",
        r["assessment"]
    );
    // Written in time (backfilled), it costs nothing.
    ok(
        &node,
        &store,
        &["report", "incident", "3", "--at", "2025-06-09 10:00"],
    );
    let r = report_json(&node, &store, &["monthly", "--period", "2025-06"]);
    assert_eq!(r["assessment"]["items"][3]["lost"], 4);
    assert_eq!(r["assessment"]["lost"], 17);
    assert_eq!(r["assessment"]["score"], 83);
    assert_eq!(r["assessment"]["grade"], "良");
    let docs = r["assessment"]["items"][3]["occurrences"].to_string();
    assert!(
        docs.contains("2025年5月月报 2025-06-07 10:00 提交，应于 2025-06-06 00:00 前"),
        "{docs}"
    );

    // The Markdown shows the same figures in the template's tables.
    let md = ok(
        &node,
        &store,
        &["report", "monthly", "--period", "2025-06", "-o", "-"],
    );
    for needle in [
        "# 肇庆分节点运行维护月报（2025年6月）",
        "| 张工 | 李工 |  |",
        "| 故障 | 3 | 3 | 3 | 1 | 33.33% |",
        "| 服务时效性 | 运维服务事件按时完成 | 10 | 2 | 不满足 2 次，扣 2 分（明细见下） |",
        "| 服务质量 | 遵守考勤管理规定 | 10 | 0 | 按满分计（工具无法统计，以业主评定为准） |",
        "| **合计** | | 100 | 17 | |",
        "自评得分 **83** 分，等级 **良**",
        "| #3 | 故障/重大 | 大数据中心门户系统 | 共享库宕机 | 06-07 10:00 | 5 / 1560 | 已关闭 | 超时 |",
        "## 十五、下月工作计划",
    ] {
        assert!(md.contains(needle), "`{needle}` not in:\n{md}");
    }

    // Without a plan written, the document says what the routine work is and what this month
    // left open; it never tells the bureau how to use the tool.
    let plan = md.split("## 十五、下月工作计划").nth(1).unwrap();
    assert!(
        plan.contains("1. 按计划开展例行巡检（每日不少于 1 次）")
            && !plan.contains("plans/")
            && !plan.contains(".md"),
        "{plan}"
    );

    // The plan is the team's own text, read from the plans folder.
    std::fs::create_dir_all(node.path().join("reports/plans")).unwrap();
    std::fs::write(
        node.path().join("reports/plans/2025-06.md"),
        "1. 完成共享库主备切换演练。\n2. 更新门户证书。\n",
    )
    .unwrap();
    let md = ok(
        &node,
        &store,
        &["report", "monthly", "--period", "2025-06", "-o", "-"],
    );
    assert!(
        md.contains("## 十五、下月工作计划\n\n1. 完成共享库主备切换演练。\n2. 更新门户证书。\n"),
        "{md}"
    );

    // The quarterly report adds a line per month.
    let q = report_json(&node, &store, &["quarterly", "--period", "2025-Q2"]);
    let months: Vec<(String, u64)> = q["by_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_owned(),
                m["incidents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2025年04月".to_owned(), 0),
            ("2025年05月".to_owned(), 1),
            ("2025年06月".to_owned(), 4)
        ]
    );
    assert!(r["by_month"].as_array().unwrap().is_empty());

    // A report made with a cut-off before the late events counts them as they stood then:
    // at 10:30 on 6 June #2 had been open half an hour, within its clock.
    let r = report_json(
        &node,
        &store,
        &[
            "monthly",
            "--period",
            "2025-06",
            "--as-of",
            "2025-06-06 10:30",
        ],
    );
    assert_eq!(r["incidents"]["opened"], 2);
    assert_eq!(r["incidents"]["breaches"], 0);
}

#[test]
fn a_past_month_is_assessed_on_sqlite() {
    assessment_of_a_past_month("sqlite");
}

#[test]
fn a_past_month_is_assessed_on_postgres() {
    assessment_of_a_past_month("postgres");
}

/// With `incident`, the inspection that finds the portal down opens an incident for it, and
/// the portal's availability then comes from the incident's outage window.
fn availability_from_inspections(backend: &str, incident: bool) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let node = TestNode::new(&format!(
        "  portal: {{ address: 127.0.0.1:{port} }}\n  pg: {{ address: 127.0.0.1:5432 }}"
    ));
    let (store, _db) = store_url_flag(backend);
    node.checks(
        "c.yaml",
        "  - { id: portal-up, title: 门户端口, category: daily, system: portal, target: portal, probe: { kind: tcp } }
  - { id: db-up, title: 共享库端口, category: middleware, system: database, target: pg, probe: { kind: tcp } }
  - { id: batch, title: 批处理, category: performance, system: portal, probe: { kind: command, run: [\"true\"] } }
",
    );
    let inspect = |open_incidents: bool| {
        let mut args = vec!["inspect"];
        if open_incidents {
            args.push("--open-incidents");
        }
        args.extend(store.iter().map(String::as_str));
        node.run(&args).status.code()
    };
    assert_eq!(inspect(false), Some(0));
    drop(listener);
    assert_eq!(inspect(incident), Some(2));
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    assert_eq!(inspect(false), Some(0));
    drop(listener);

    let mut args = vec!["history", "--format", "json"];
    args.extend(store.iter().map(String::as_str));
    let runs: serde_json::Value = serde_json::from_str(&ok(&node, &[], &args)).unwrap();
    let mut starts: Vec<i64> = runs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["started_at"].as_i64().unwrap())
        .collect();
    starts.sort();
    let as_of = starts[2] + 1500;
    let tz: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
    let t = chrono::DateTime::from_timestamp_millis(as_of)
        .unwrap()
        .with_timezone(&tz);
    let month = t.format("%Y-%m").to_string();
    let as_of_text = t.to_rfc3339_opts(chrono::SecondsFormat::Millis, false);

    let r = report_json(
        &node,
        &store,
        &["monthly", "--period", &month, "--as-of", &as_of_text],
    );
    let rows = r["availability"].as_array().unwrap();
    // Systems in id order: database first, never down; the portal down from run 2 to run 3.
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["system"], "数据库");
    assert_eq!(
        (
            rows[0]["availability"].as_str(),
            rows[0]["failures"].as_i64()
        ),
        (Some("100.00%"), Some(0))
    );
    assert_eq!(rows[0]["verdict"], "达标");
    assert_eq!(rows[0]["basis"], "巡检");
    let (observed, down) = if incident {
        // Down from the incident's opening to the cut-off (nobody restored it), over the
        // month up to the cut-off.
        let mut args = vec!["incident", "show", "1", "--format", "json"];
        args.extend(store.iter().map(String::as_str));
        let shown: serde_json::Value = serde_json::from_str(&ok(&node, &[], &args)).unwrap();
        let opened = shown["incident"]["opened_at"].as_i64().unwrap();
        let month_start = t
            .date_naive()
            .with_day(1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_local_timezone(tz)
            .unwrap()
            .timestamp_millis();
        assert_eq!(rows[1]["basis"], "事件");
        ((as_of - month_start) as f64, (as_of - opened) as f64)
    } else {
        assert_eq!(rows[1]["basis"], "巡检");
        ((as_of - starts[0]) as f64, (starts[2] - starts[1]) as f64)
    };
    let expected = 100.0 * (observed - down) / observed;
    assert_eq!(rows[1]["system"], "大数据中心门户系统");
    // serde_json's default float parsing may be one ulp off; the text below is exact.
    assert!((rows[1]["value"].as_f64().unwrap() - expected).abs() < 1e-9);
    assert_eq!(rows[1]["availability"], format!("{expected:.2}%"));
    assert_eq!(rows[1]["failures"], 1);
    assert_eq!(rows[1]["samples"], 3);
    assert_eq!(rows[1]["verdict"], "未达标");

    // The abnormal item and the incident the inspection opened for it.
    let abnormal = r["abnormal"].as_array().unwrap();
    assert_eq!(abnormal.len(), 1, "{abnormal:?}");
    assert_eq!(abnormal[0]["title"], "门户端口");
    assert_eq!(
        (abnormal[0]["times"].as_i64(), abnormal[0]["crit"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        abnormal[0]["follow_up"],
        if incident {
            "事件#1（待响应）"
        } else {
            "-"
        }
    );
    let cats: Vec<(String, i64, i64)> = r["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["total"].as_i64().unwrap(),
                c["crit"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cats,
        [
            ("日常检查".to_owned(), 3, 1),
            ("性能检查".to_owned(), 3, 0),
            ("中间件检查".to_owned(), 3, 0)
        ]
    );
    assert_eq!(r["overview"]["inspections"], 3);
    assert_eq!(r["overview"]["outcomes"], 9);
    assert_eq!(r["overview"]["ok_pct"], "88.89%");

    // The weekly report is the short outline over the same store; the quarterly one the long
    // outline under its own title.
    let week = t.format("%G-W%V").to_string();
    let md = ok(
        &node,
        &store,
        &[
            "report",
            "weekly",
            "--period",
            &week,
            "--as-of",
            &as_of_text,
            "-o",
            "-",
        ],
    );
    assert!(
        md.contains("## 一、本周概况") && md.contains("| 门户端口 | 大数据中心门户系统 | 1 |"),
        "{md}"
    );
    assert!(!md.contains("考核自评"));
    let quarter = format!(
        "{}-Q{}",
        t.format("%Y"),
        (t.format("%m").to_string().parse::<u32>().unwrap() - 1) / 3 + 1
    );
    let md = ok(
        &node,
        &store,
        &[
            "report",
            "quarterly",
            "--period",
            &quarter,
            "--as-of",
            &as_of_text,
            "-o",
            "-",
        ],
    );
    assert!(
        md.contains("运行维护季报（") && md.contains("## 十六、考核自评"),
        "{md}"
    );
}

#[test]
fn availability_comes_from_the_inspection_history_on_sqlite() {
    availability_from_inspections("sqlite", false);
    availability_from_inspections("sqlite", true);
}

#[test]
fn availability_comes_from_the_inspection_history_on_postgres() {
    availability_from_inspections("postgres", false);
    availability_from_inspections("postgres", true);
}

#[test]
fn the_monthly_report_renders_as_html_and_as_a_word_document() {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    node.add_config(
        "reports:\n  title: 肇庆分节点\n  project: 肇庆分节点运维服务项目\n  client: 肇庆市政务服务和数据管理局\n  vendor: 某信息公司\n  number_prefix: ZQYW\n  author: 张工\n  reviewer: 李工\n  approver: 王处\n",
    );
    incident(
        &node,
        &[],
        ("故障", "一般", "门户登录失败 <b>"),
        "2025-06-05 10:00",
        Some("2025-06-05 10:20"),
        Some("2025-06-05 10:50"),
    );
    incident(
        &node,
        &[],
        ("咨询", "一般", "数据目录咨询"),
        "2025-06-09 09:00",
        Some("2025-06-09 10:30"),
        Some("2025-06-09 11:00"),
    );
    let dir = node.path().join("out");

    // HTML: one page, the cover before the first section, every section, the chart inline.
    let html_path = dir.join("m.html");
    ok(
        &node,
        &[],
        &[
            "report",
            "monthly",
            "--period",
            "2025-06",
            "-f",
            "html",
            "-o",
            html_path.to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<title>肇庆分节点运行维护月报（2025年6月）</title>"));
    assert!(
        html.contains("<section class=\"cover\">\n<h1>肇庆分节点运行维护月报（2025年6月）</h1>")
    );
    let sections: Vec<&str> = html
        .match_indices("<h2>")
        .map(|(i, _)| &html[i + 4..i + 4 + html[i + 4..].find("</h2>").unwrap()])
        .collect();
    assert_eq!(
        sections,
        [
            "一、服务概况",
            "二、巡检情况",
            "三、异常情况及跟进",
            "四、事件和服务请求",
            "五、系统可用性",
            "六、备份校验",
            "七、数据质量",
            "八、日志审计",
            "九、安全情况",
            "十、变更与版本同步",
            "十一、重要时刻保障",
            "十二、业务运营服务",
            "十三、服务满意度",
            "十四、风险与建议",
            "十五、下月工作计划",
            "十六、考核自评"
        ]
    );
    assert!(html.contains("</section>\n<h2>一、服务概况</h2>"));
    assert!(html.contains("<figure class=\"chart\" data-chart=\"incidents\"><svg"));
    assert!(html.contains("事件和服务请求类型"));
    assert!(
        html.contains("<td>故障</td><td>1</td><td>1</td><td>1</td><td>1</td><td>100.00%</td>"),
        "{html}"
    );
    assert!(
        html.contains("门户登录失败 &lt;b&gt;"),
        "text from the store is never markup"
    );
    assert!(!html.contains("chart:") && !html.contains("<script"));
    assert!(html.contains("<td>张工</td><td>李工</td><td>王处</td>"));

    // DOCX: LibreOffice opens it; the text of its pages holds the cover, headings and tables.
    let docx_path = dir.join("m.docx");
    ok(
        &node,
        &[],
        &[
            "report",
            "monthly",
            "--period",
            "2025-06",
            "-f",
            "docx",
            "-o",
            docx_path.to_str().unwrap(),
        ],
    );
    let file = std::fs::File::open(&docx_path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/styles.xml").unwrap(), &mut styles)
        .unwrap();
    assert!(
        styles.contains("w:eastAsia=\"宋体\"") && styles.contains("w:eastAsia=\"黑体\""),
        "{styles}"
    );
    assert!(
        styles.contains("<w:outlineLvl w:val=\"0\" />")
            || styles.contains("<w:outlineLvl w:val=\"0\"/>"),
        "{styles}"
    );
    // A government document: the running head and 第 X 页 共 Y 页 on every page but the
    // cover, headings kept with what follows, table header rows repeated on each page, and
    // a contents list whose page numbers are fields pointing at each heading.
    let part = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let document = part(&mut zip, "word/document.xml");
    let footers: String = (1..=2)
        .filter_map(|i| {
            zip.by_name(&format!("word/footer{i}.xml"))
                .ok()
                .map(|mut f| {
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut f, &mut s).unwrap();
                    s
                })
        })
        .collect();
    assert!(
        footers.contains(">PAGE<") && footers.contains(">NUMPAGES<"),
        "{footers}"
    );
    assert!(
        document.contains("<w:titlePg"),
        "the cover has its own empty head and foot"
    );
    assert!(document.contains("<w:tblHeader />"));
    assert!(document.contains("<w:keepNext"));
    assert!(document.contains("PAGEREF _Toc00000001 \\h"), "{document}");
    assert!(document.contains("w:name=\"_Toc00000001\""));
    assert!(part(&mut zip, "word/settings.xml").contains("<w:updateFields w:val=\"true\" />"));
    let media: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .collect();
    assert_eq!(
        media.len(),
        2,
        "the incidents and availability charts: {media:?}"
    );
    let profile = node.path().join("lo-profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&docx_path)
        .output()
        .expect("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pdf = dir.join("m.pdf");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let pages = text(&out.stdout);
    let page_count = pages.matches('\u{c}').count();
    assert!(page_count >= 3, "{page_count} pages");
    let all: Vec<&str> = pages.split('\u{c}').collect();
    let cover = all[0];
    assert!(
        cover.contains("肇庆分节点运行维护月报（2025")
            && cover.contains("ZQYW-YB-2025-06")
            && cover.contains("肇庆市政务服务和数据管理局")
            && !cover.contains("第")
            && !cover.contains("一、服务概况"),
        "{cover}"
    );
    // The contents, its page numbers computed by LibreOffice from the headings' bookmarks.
    let contents = all[1];
    assert!(
        contents.contains("目") && contents.contains("录"),
        "{contents}"
    );
    let line = contents
        .lines()
        .find(|l| l.trim_start().starts_with("十六、考核自评"))
        .unwrap_or_else(|| panic!("{contents}"));
    let page: usize = line
        .trim_end()
        .rsplit('.')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no page number: {line}"));
    assert!(all[page - 1].contains("十六、考核自评"), "{line}");
    let n = all.len() - 1;
    // pdftotext may drop the spaces between Chinese characters and digits.
    let packed: String = contents.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        packed.contains("肇庆分节点运维服务项目") && packed.contains(&format!("第2页共{n}页")),
        "{contents}"
    );
    let last = all[n - 1];
    assert!(last.contains("编制人") && last.contains("张工"), "{last}");
    for needle in [
        "一、服务概况",
        "四、事件和服务请求",
        "十六、考核自评",
        "数据目录咨询",
        "按时完成率",
    ] {
        assert!(
            pages.contains(needle),
            "`{needle}` not in the PDF:\n{pages}"
        );
    }
}

/// The overview's count of abnormal checks is every check the store has as not OK in the
/// period, not the rows of the table; the table puts a one-off 严重 before recurring 告警s.
#[test]
fn every_abnormal_check_is_counted_and_a_one_off_crit_is_never_pushed_out_of_the_table() {
    let port = closed_port();
    let node = TestNode::new(&format!("  gone: {{ address: 127.0.0.1:{port} }}"));
    let (store, db) = store_url_flag("postgres");
    let mut checks = String::new();
    for i in 0..32 {
        checks.push_str(&format!(
            "  - {{ id: warn-{i:02}, title: 告警项{i}, category: daily, system: portal, probe: {{ kind: disk, mounts: [/] }}, warn: \"1\" }}\n"
        ));
    }
    node.checks("c.yaml", &checks);
    let mut args = vec!["inspect"];
    args.extend(store.iter().map(String::as_str));
    for _ in 0..2 {
        assert_eq!(node.run(&args).status.code(), Some(1));
    }
    node.checks(
        "d.yaml",
        "  - { id: once-crit, title: 一次严重, category: routine, system: portal, target: gone, probe: { kind: tcp } }\n",
    );
    assert_eq!(node.run(&args).status.code(), Some(2));

    let month = chrono::Utc::now()
        .with_timezone(&"Asia/Shanghai".parse::<chrono_tz::Tz>().unwrap())
        .format("%Y-%m")
        .to_string();
    let r = report_json(&node, &store, &["monthly", "--period", &month]);
    let db = db.unwrap();
    let direct = psql_count(
        &db.0,
        "SELECT COUNT(DISTINCT check_id) FROM outcomes WHERE effective <> 'OK'",
    );
    assert_eq!(direct, 33);
    assert_eq!(
        r["overview"]["abnormal_checks"], direct,
        "{:#}",
        r["overview"]
    );
    let abnormal = r["abnormal"].as_array().unwrap();
    assert_eq!(abnormal.len(), 30);
    assert_eq!(abnormal[0]["title"], "一次严重", "{abnormal:#?}");
    assert!(
        r["abnormal_note"]
            .as_str()
            .unwrap()
            .contains("本期共 33 个检查项出现过异常，下表列出其中 30 项"),
        "{}",
        r["abnormal_note"]
    );
    // Outcomes of every run, counted against every run.
    let outcomes = psql_count(&db.0, "SELECT COUNT(*) FROM outcomes");
    let runs = psql_count(&db.0, "SELECT COUNT(*) FROM runs");
    assert_eq!(r["overview"]["outcomes"], outcomes);
    assert_eq!(r["overview"]["runs"], runs);
    let text = r["overview"]["text"].as_str().unwrap();
    assert!(
        text.contains(&format!(
            "共运行检查 {runs} 次（其中例行巡检 3 次），检查 {outcomes} 项次"
        )),
        "{text}"
    );
}

/// An incident still open when the month ended is reported with its clocks stopped at the
/// month's end, however long after the report is made.
#[test]
fn the_clocks_of_an_incident_still_open_stop_at_the_reports_cut_off() {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    incident(
        &node,
        &[],
        ("故障", "一般", "前置机数据未上报"),
        "2025-06-30 23:00",
        None,
        None,
    );
    let r = report_json(&node, &[], &["monthly", "--period", "2025-06"]);
    assert_eq!(r["as_of"], "2025-07-01 00:00");
    let row = &r["incidents"]["list"][0];
    assert_eq!(row["response_min"], 60, "{row:#}");
    assert_eq!(row["restore_min"], "60", "{row:#}");
}

/// Complaints cost 5 points and praise earns 5; the incidents one failing check opened for
/// one fault cost once; nothing before the adoption date counts as missed; a quarter's score
/// is the average of its months'.
#[test]
fn the_assessment_counts_complaints_praise_one_fault_once_and_averages_a_quarter() {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    node.add_config(
        "assessment:\n  inspection: { every: month }\n  documents: { monthly: 5d }\n  since: 2025-05-01\n",
    );
    // April is before the adoption date: its missing inspection and report cost nothing.
    // June: one complaint, one praise; two late incidents of the same check and fault.
    incident(
        &node,
        &[],
        ("投诉", "一般", "市民投诉办件查询慢"),
        "2025-06-03 09:00",
        Some("2025-06-03 09:30"),
        Some("2025-06-03 11:00"),
    );
    incident(
        &node,
        &[],
        ("表扬", "一般", "市局表扬信：重保期间值守到位"),
        "2025-06-20 09:00",
        Some("2025-06-20 09:01"),
        Some("2025-06-20 09:02"),
    );
    for (title, opened) in [
        ("前置机离线", "2025-06-10 08:00"),
        ("前置机离线（再次）", "2025-06-10 09:00"),
    ] {
        let out = ok(
            &node,
            &[],
            &[
                "incident",
                "open",
                title,
                "--type",
                "故障",
                "--severity",
                "一般",
                "--at",
                opened,
            ],
        );
        assert!(out.contains("opened"), "{out}");
    }
    // Both opened by the same check, as `inspect --open-incidents` does, and restored late.
    let db = node.path().join("history.db");
    let sql = "UPDATE incidents SET source_check = 'qzj-heartbeat' WHERE title LIKE '前置机离线%'";
    let o = std::process::Command::new("python3")
        .args([
            "-c",
            &format!(
                "import sqlite3; c=sqlite3.connect('{}'); c.execute(\"{sql}\"); c.commit()",
                db.display()
            ),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    for id in ["3", "4"] {
        ok(
            &node,
            &[],
            &["incident", "ack", id, "--at", "2025-06-10 09:10"],
        );
        ok(
            &node,
            &[],
            &[
                "incident",
                "resolve",
                id,
                "--note",
                "已恢复",
                "--at",
                "2025-06-10 12:00",
            ],
        );
    }
    let june = report_json(&node, &[], &["monthly", "--period", "2025-06"]);
    let a = &june["assessment"];
    assert_eq!(a["complaints"]["count"], 1, "{a:#}");
    assert_eq!(a["praise"]["count"], 1, "{a:#}");
    assert_eq!(a["items"][1]["lost"], 1, "one fault, one point: {a:#}");
    // June: no inspection (−1), the May report missing (−1), one late fault (−1), −5 + 5.
    assert_eq!(a["score"], 97, "{a:#}");
    // Praise is not a request with clocks.
    assert!(!june["incidents"]["list"].to_string().contains("表扬信"));
    let april = report_json(&node, &[], &["monthly", "--period", "2025-04"]);
    assert_eq!(
        april["assessment"]["score"], 100,
        "before the adoption date"
    );
    // The second quarter: April 100, May 98 (no inspection, April's report not due before
    // the adoption date... missing: −1 inspection, −1 April report due 6 May), June 97.
    let q = report_json(&node, &[], &["quarterly", "--period", "2025-Q2"]);
    let months: Vec<u64> = q["assessment"]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["score"].as_u64().unwrap())
        .collect();
    assert_eq!(months.len(), 3, "{:#}", q["assessment"]);
    assert_eq!(months[0], 100);
    assert_eq!(months[2], 97);
    let average = (months.iter().sum::<u64>() as f64 / 3.0).round() as u64;
    assert_eq!(q["assessment"]["score"], average);
}
