//! Data checks (`probe: { kind: data }`) against fixture tables in the real PostgreSQL and
//! MariaDB, with planted faults: every failing count is asserted exactly, on both databases.

use znode::data::checkdigit::{id_card_complete, uscc_complete};

use crate::support::*;

/// Which server a fixture lives on.
#[derive(Clone, Copy, PartialEq)]
enum Server {
    Pg,
    Maria,
}

/// The 法人单位 fixture: 20 rows, faults planted at known ids.
fn fixture(server: Server) -> Vec<String> {
    let (ts, ago) = match server {
        Server::Pg => ("timestamp", "NOW() - INTERVAL '3 days'"),
        Server::Maria => ("datetime", "NOW() - INTERVAL 3 DAY"),
    };
    let mut sql = vec![
        "CREATE TABLE region (code varchar(6) PRIMARY KEY, name varchar(40))".to_owned(),
        "INSERT INTO region VALUES ('441202', '端州区'), ('441203', '鼎湖区'), ('441284', '四会市')"
            .to_owned(),
        format!(
            "CREATE TABLE legal_entity (id integer PRIMARY KEY, uscc varchar(18), org_name varchar(100), \
             legal_person varchar(20), id_no varchar(18), phone varchar(20), capital numeric(18,2), \
             status varchar(10), region_code varchar(6), updated_at {ts})"
        ),
    ];
    for id in 1..=20u32 {
        let mut uscc = Some(uscc_complete(&format!("914412{id:02}MA4U0000{}", id % 10)));
        let mut name = Some(format!("肇庆市第{id}号企业有限公司"));
        let mut idno = id_card_complete(&format!("44120219{:02}0101{id:03}", 60 + id));
        let mut phone = format!("139{id:08}");
        let mut capital = 100.0;
        let mut status = "存续";
        let mut region = "441202";
        match id {
            // 统一社会信用代码: two wrong check characters, one missing.
            3 | 4 => {
                let u = uscc.take().unwrap();
                let last = if u.ends_with('0') { '1' } else { '0' };
                uscc = Some(format!("{}{last}", &u[..17]));
            }
            5 => uscc = None,
            // org_name: one blank, one NULL.
            6 => name = Some("   ".into()),
            7 => name = None,
            // 身份证号: a wrong check digit, an impossible birth date (month 13).
            8 => {
                let last = if idno.ends_with('0') { '1' } else { '0' };
                idno = format!("{}{last}", &idno[..17]);
            }
            9 => idno = id_card_complete("44120219801301009"),
            10 => phone = "12345".into(),
            11 => capital = 100000.0,
            12 => status = "未知",
            13 => region = "449999",
            // Two rows share one credit code.
            15 => uscc = Some(uscc_complete("91441214MA4U00004")),
            _ => {}
        }
        let q = |v: &Option<String>| v.as_ref().map_or("NULL".into(), |s| format!("'{s}'"));
        sql.push(format!(
            "INSERT INTO legal_entity VALUES ({id}, {}, {}, '张{id}三', '{idno}', '{phone}', {capital}, '{status}', '{region}', {ago})",
            q(&uscc),
            q(&name),
        ));
    }
    sql
}

const RULES: &str = r#"
    probe:
      kind: data
      library: 法人单位基础信息库
      table: legal_entity
      key: id
      rules:
        - { not_null: [uscc, org_name] }
        - { not_blank: org_name }
        - { uscc: uscc }
        - { unique: uscc }
        - { id_card: id_no }
        - { mobile: phone }
        - { values: { column: status, in: [存续, 注销, 吊销] } }
        - { range: { column: capital, min: 0, max: 10000000 } }
        - { references: { column: region_code, table: region, key: code } }
        - { outliers: { column: capital, sigma: 3 }, crit: "0" }
        - { fresh: { column: updated_at, warn_age: 12h, max_age: 1d } }
"#;

fn node_for(dsn: &str, extra: &str) -> TestNode {
    let node = TestNode::new(&format!("  base: {{ dsn: \"{dsn}\" }}\n"));
    node.checks(
        "data.yaml",
        &format!(
            "  - id: dq-legal\n    title: 数据质量：法人单位基础信息库\n    category: 数据质量检查\n    target: base\n    timeout: 30s{RULES}{extra}"
        ),
    );
    node
}

fn rule<'a>(detail: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    detail["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no rule {name} in {detail:#}"))
}

fn assert_planted_faults(dsn: &str) {
    let node = node_for(dsn, "");
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "dq-legal");
    assert_eq!(code, 2, "{o:#}");
    assert_eq!(o["status"], "CRIT", "{o:#}");
    let d = &o["detail"];
    assert_eq!(d["rows"], 20, "{d:#}");
    assert_eq!(d["library"], "法人单位基础信息库");
    let expect = [
        ("非空:uscc", 20, 1, "完整性"),
        ("非空:org_name", 20, 1, "完整性"),
        ("非空白:org_name", 20, 2, "完整性"),
        ("统一社会信用代码校验:uscc", 19, 2, "有效性"),
        ("唯一:uscc", 19, 1, "唯一性"),
        ("身份证号校验:id_no", 20, 2, "有效性"),
        ("手机号格式:phone", 20, 1, "有效性"),
        ("取值枚举:status", 20, 1, "有效性"),
        ("取值范围:capital", 20, 0, "有效性"),
        ("引用:region_code→region.code", 20, 1, "一致性"),
        ("离群值:capital", 20, 1, "有效性"),
    ];
    for (name, checked, failed, dim) in expect {
        let r = rule(d, name);
        assert_eq!(r["checked"], checked, "{name}: {r:#}");
        assert_eq!(r["failed"], failed, "{name}: {r:#}");
        assert_eq!(r["dimension"], dim, "{name}");
        let want = match (failed, name) {
            (0, _) => "OK",
            (_, "离群值:capital") => "CRIT",
            _ => "WARN",
        };
        assert_eq!(r["status"], want, "{name}: {r:#}");
    }
    // The sync task last wrote three days ago: 及时性 is CRIT.
    let fresh = rule(d, "时效:updated_at");
    assert_eq!(fresh["status"], "CRIT", "{fresh:#}");
    assert_eq!(fresh["dimension"], "及时性");
    // Samples name the row and mask personal data.
    let ids = rule(d, "身份证号校验:id_no")["samples"].to_string();
    assert!(ids.contains("id=8") && ids.contains("id=9"), "{ids}");
    assert!(ids.contains("441202********"), "{ids}");
    assert!(!ids.contains("4412021968"), "{ids}");
    let dup = rule(d, "唯一:uscc")["samples"].to_string();
    assert!(dup.contains(&uscc_complete("91441214MA4U00004")), "{dup}");
    assert!(dup.contains("×2"), "{dup}");
    let person = rule(d, "非空白:org_name")["samples"].to_string();
    assert!(
        person.contains("id=6") && person.contains("id=7"),
        "{person}"
    );
    // Column profiles: the feature history of each column.
    let capital = d["profile"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["column"] == "capital")
        .unwrap();
    assert_eq!(capital["count"], 20);
    assert!(
        (capital["mean"].as_f64().unwrap() - 5095.0).abs() < 0.01,
        "{capital}"
    );
    assert_eq!(capital["distinct"], 2);
    let uscc = d["profile"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["column"] == "uscc")
        .unwrap();
    assert_eq!(uscc["nulls"], 1);
    assert_eq!(uscc["distinct"], 18);
    // The history keeps the report: `history show` gives it back as it was.
    let (_, shown) = node.json(&["history", "show", "latest", "--format", "json"]);
    assert_eq!(outcome(&shown, "dq-legal")["detail"], *d);
}

#[test]
fn planted_faults_are_counted_exactly_on_postgres() {
    let db = PgDb::create("znode_dq");
    for s in fixture(Server::Pg) {
        psql(&db.0, &s);
    }
    assert_planted_faults(&format!("postgres://postgres@127.0.0.1:5432/{}", db.0));
}

#[test]
fn planted_faults_are_counted_exactly_on_mariadb() {
    let db = MyDb::create("znode_dq");
    for s in fixture(Server::Maria) {
        mariadb(&db.0, &s);
    }
    assert_planted_faults(&format!("mysql://root@127.0.0.1:3306/{}", db.0));
}

#[test]
fn large_tables_are_sampled_on_postgres_and_refused_on_mariadb() {
    let pg = PgDb::create("znode_dq");
    for s in fixture(Server::Pg) {
        psql(&pg.0, &s);
    }
    psql(&pg.0, "ANALYZE legal_entity");
    let node = node_for(
        &format!("postgres://postgres@127.0.0.1:5432/{}", pg.0),
        "      full_scan_rows: 10\n",
    );
    let (_, doc) = node.inspect_json(&[]);
    let d = &outcome(&doc, "dq-legal")["detail"];
    assert_eq!(d["sampled_pct"], 50.0, "{d:#}");
    assert_eq!(d["estimated_rows"], 20);
    // Distinct values of a large table are the catalog's estimate, marked as such.
    let uscc = d["profile"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["column"] == "uscc")
        .unwrap();
    assert_eq!(
        (
            uscc["distinct"].as_u64(),
            uscc["distinct_estimated"].as_bool()
        ),
        (Some(18), Some(true)),
        "{uscc}"
    );
    // Whole-table rules that have no index to use are not run on a sample, and say why.
    let refs = rule(d, "引用:region_code→region.code");
    assert_eq!(refs["status"], "UNKNOWN");
    assert!(
        refs["note"]["zh"]
            .as_str()
            .unwrap()
            .contains("全表扫描上限"),
        "{refs}"
    );
    // The credit code has no index: its duplicates are not counted on a sample.
    assert_eq!(rule(d, "唯一:uscc")["status"], "UNKNOWN");
    // Freshness without an index on updated_at would scan: refused too.
    assert_eq!(rule(d, "时效:updated_at")["status"], "UNKNOWN");

    let my = MyDb::create("znode_dq");
    for s in fixture(Server::Maria) {
        mariadb(&my.0, &s);
    }
    mariadb(
        &my.0,
        "CREATE INDEX le_updated ON legal_entity (updated_at)",
    );
    mariadb(&my.0, "ANALYZE TABLE legal_entity");
    let node = node_for(
        &format!("mysql://root@127.0.0.1:3306/{}", my.0),
        "      full_scan_rows: 10\n",
    );
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "dq-legal");
    let d = &o["detail"];
    assert!(d.get("sampled_pct").is_none(), "{d:#}");
    let not_null = rule(d, "非空:uscc");
    assert_eq!(not_null["status"], "UNKNOWN", "{not_null:#}");
    assert!(
        not_null["note"]["en"]
            .as_str()
            .unwrap()
            .contains("scan: full"),
        "{not_null}"
    );
    // Indexed freshness still runs: MAX over an index reads one entry.
    assert_eq!(rule(d, "时效:updated_at")["status"], "CRIT");
    assert_eq!(code, 2);
    // scan: full overrides the limit.
    let node = node_for(
        &format!("mysql://root@127.0.0.1:3306/{}", my.0),
        "      full_scan_rows: 10\n      scan: full\n",
    );
    let (_, doc) = node.inspect_json(&[]);
    assert_eq!(
        rule(&outcome(&doc, "dq-legal")["detail"], "非空:uscc")["failed"],
        1
    );
}

#[test]
fn a_missing_column_is_named_with_the_columns_there_are() {
    let db = PgDb::create("znode_dq");
    for s in fixture(Server::Pg) {
        psql(&db.0, &s);
    }
    let node = TestNode::new(&format!(
        "  base: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}\" }}\n",
        db.0
    ));
    node.checks(
        "data.yaml",
        "  - id: dq-typo\n    title: t\n    category: data-quality\n    target: base\n    probe: { kind: data, table: legal_entity, rules: [{ not_null: usc }] }\n",
    );
    let (code, doc) = node.inspect_json(&["--lang", "en"]);
    assert_eq!(code, 3);
    let summary = outcome(&doc, "dq-typo")["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        summary.contains("usc") && summary.contains("uscc"),
        "{summary}"
    );
}

#[test]
fn a_rule_with_two_kinds_is_refused_at_its_line() {
    let node = TestNode::new("  base: { dsn: \"postgres://postgres@127.0.0.1:5432/postgres\" }\n");
    node.checks(
        "data.yaml",
        "  - id: dq-bad\n    title: t\n    category: data-quality\n    target: base\n    probe:\n      kind: data\n      table: t\n      rules:\n        - { not_null: a, mobile: b }\n",
    );
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("data.yaml:10")
        .stderr_has("one kind");
}

#[test]
fn return_flow_per_day_names_missing_and_short_days_and_waits_for_late_ones() {
    let db = PgDb::create("znode_flow");
    // Rows landed for the last four days (in the node's time zone): 3 days ago complete, 2
    // days ago short by 2, yesterday none at all, today 5 of 9 so far, sent an hour ago.
    psql(
        &db.0,
        "SET TIME ZONE 'Asia/Shanghai'; CREATE TABLE ods_legal (id serial PRIMARY KEY, load_time timestamp); \
         INSERT INTO ods_legal (load_time) SELECT CURRENT_DATE - 3 + TIME '08:00' FROM generate_series(1, 10); \
         INSERT INTO ods_legal (load_time) SELECT CURRENT_DATE - 2 + TIME '08:00' FROM generate_series(1, 8); \
         INSERT INTO ods_legal (load_time) SELECT CURRENT_DATE + TIME '00:10' FROM generate_series(1, 5)",
    );
    let day = |ago: i64| {
        psql_value(
            &db.0,
            &format!(
                "SELECT to_char(CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date) - {ago}, 'YYYY-MM-DD')"
            ),
        )
    };
    let hour_ago = psql_value(
        &db.0,
        "SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai' - INTERVAL '1 hour', 'YYYY-MM-DD HH24:MI:SS')",
    );
    let node = TestNode::new(&format!(
        "  ods: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}\" }}\n",
        db.0
    ));
    node.file(
        "manifests/legal.csv",
        format!(
            "日期,表名,条数,发送时间\n{},legal_entity,10,\n{},legal_entity,10,\n{},legal_entity,7,{} 01:00:00\n{},legal_entity,9,{hour_ago}\n{},other_table,99,\n",
            day(3),
            day(2),
            day(1),
            day(1),
            day(0),
            day(1)
        ),
    );
    node.checks(
        "flow.yaml",
        "  - id: flow-legal\n    title: 省级回流数据量核验：法人单位\n    category: 数据质量检查\n    target: ods\n    probe: { kind: return_flow, table: ods_legal, manifest: manifests/legal.csv, manifest_table: legal_entity, day: load_time, lateness: 2h }\n",
    );
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "flow-legal");
    assert_eq!(code, 2, "{o:#}");
    let states: Vec<(&str, &str)> = o["detail"]["batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["batch"].as_str().unwrap(), b["state"].as_str().unwrap()))
        .collect();
    let (d3, d2, d1, d0) = (day(3), day(2), day(1), day(0));
    assert_eq!(
        states,
        [
            (d3.as_str(), "matched"),
            (d2.as_str(), "mismatched"),
            (d1.as_str(), "missing"),
            (d0.as_str(), "pending"),
        ],
        "{o:#}"
    );
    assert_eq!(o["detail"]["expected_rows"], 36);
    assert_eq!(o["detail"]["landed_rows"], 23);
    let evidence = o["evidence"].to_string();
    assert!(evidence.contains(&format!("缺失批次：{d1}")), "{evidence}");
    assert!(
        evidence.contains(&format!("数量不符 {d2}：应到 10 行，实到 8 行")),
        "{evidence}"
    );
}

#[test]
fn return_flow_per_batch_reads_a_json_manifest_over_http() {
    let db = MyDb::create("znode_flow");
    mariadb(
        &db.0,
        "CREATE TABLE ods_credit (id int AUTO_INCREMENT PRIMARY KEY, batch_no varchar(20)); \
         INSERT INTO ods_credit (batch_no) SELECT 'B20261201' FROM seq_1_to_100; \
         INSERT INTO ods_credit (batch_no) SELECT 'B20261202' FROM seq_1_to_99",
    );
    let port = serve_body(
        r#"[{"batch": "B20261201", "count": 100}, {"batch": "B20261202", "count": 100}, {"batch": "B20261203", "count": 50}]"#,
    );
    let node = TestNode::new(&format!(
        "  ods: {{ dsn: \"mysql://root@127.0.0.1:3306/{}\" }}\n",
        db.0
    ));
    node.checks(
        "flow.yaml",
        &format!("  - id: flow-credit\n    title: 省级回流数据量核验：社会信用\n    category: 数据质量检查\n    target: ods\n    probe: {{ kind: return_flow, table: ods_credit, manifest: \"http://127.0.0.1:{port}/manifest\", batch: batch_no, tolerance: \"1%\" }}\n"),
    );
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "flow-credit");
    assert_eq!(code, 2, "{o:#}");
    let batches = &o["detail"]["batches"];
    // 99 of 100 is within 1%.
    assert_eq!(batches[1]["state"], "matched", "{o:#}");
    assert_eq!(batches[2]["state"], "missing");
    assert!(o["evidence"].to_string().contains("缺失批次：B20261203"));
}

#[test]
fn a_baseline_warns_when_a_table_leaves_its_own_history() {
    let db = PgDb::create("znode_dq");
    psql(
        &db.0,
        "CREATE TABLE credit (id serial PRIMARY KEY, uscc varchar(18)); \
         INSERT INTO credit (uscc) SELECT 'x' || g FROM generate_series(1, 1000) g",
    );
    let node = TestNode::new(&format!(
        "  base: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}\" }}\n",
        db.0
    ));
    node.checks(
        "data.yaml",
        "  - id: dq-credit\n    title: 社会信用基础信息库：信用主体\n    category: 数据质量检查\n    target: base\n    baseline: { metrics: [rows, nulls], days: 7, k: 3 }\n    probe: { kind: data, table: credit, profile: all }\n",
    );
    // Three ordinary days, a few rows more each time: the band is the median ± 1%.
    for extra in [0, 3, 5] {
        psql(
            &db.0,
            &format!("INSERT INTO credit (uscc) SELECT 'y' FROM generate_series(1, {extra})"),
        );
        let (code, doc) = node.inspect_json(&[]);
        assert_eq!(code, 0, "{:#}", outcome(&doc, "dq-credit"));
    }
    // The sync task truncated half the table and wrote NULL credit codes.
    psql(
        &db.0,
        "DELETE FROM credit WHERE id % 2 = 0; UPDATE credit SET uscc = NULL WHERE id % 3 = 0",
    );
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "dq-credit");
    assert_eq!(code, 1, "{o:#}");
    let summary = o["summary"].as_str().unwrap();
    assert!(summary.contains("偏离近 7 天基线"), "{summary}");
    assert!(summary.contains("uscc nulls"), "{summary}");
}

#[test]
fn the_data_quality_report_and_the_monthly_report_carry_the_stored_figures() {
    let db = PgDb::create("znode_dq");
    for s in fixture(Server::Pg) {
        psql(&db.0, &s);
    }
    let node = node_for(&format!("postgres://postgres@127.0.0.1:5432/{}", db.0), "");
    node.add_config("reports:\n  title: 肇庆分节点\n");
    node.inspect_json(&[]);
    let month = chrono_month();
    let md = node
        .run(&[
            "report",
            "data-quality",
            "--period",
            &month,
            "-f",
            "md",
            "-o",
            "-",
        ])
        .code(0)
        .stdout();
    assert!(md.starts_with("# 肇庆分节点数据质量月报（"), "{md}");
    assert!(md.contains("| 报告编号 | SJZL-"), "{md}");
    // 20 rows × 3 completeness rules (not_null twice, not_blank once), 4 failing.
    assert!(md.contains("| 完整性 | 60 | 4 | 93.33% | - | - |"), "{md}");
    assert!(md.contains("| 法人单位基础信息库 | 1 |"), "{md}");
    assert!(md.contains("| 唯一性 | 19 | 1 | 94.74% |"), "{md}");
    // The worst rules carry their masked samples, never a raw ID number.
    assert!(md.contains("身份证号校验:id_no"), "{md}");
    assert!(md.contains("441202********"), "{md}");
    assert!(!md.contains("4412021968"), "{md}");
    assert!(md.contains("## 七、处理建议"), "{md}");
    // The monthly O&M report has a 数据质量 section from the same figures.
    let monthly = node
        .run(&[
            "report", "monthly", "--period", &month, "-f", "md", "-o", "-",
        ])
        .code(0)
        .stdout();
    let section = monthly
        .split("## 七、数据质量")
        .nth(1)
        .and_then(|s| s.split("## 八、").next())
        .unwrap_or_else(|| panic!("{monthly}"));
    assert!(section.contains("| 法人单位基础信息库 | 1 |"), "{section}");
    assert!(section.contains("本期数据质量检查 1 次"), "{section}");
}

/// This month in the node's time zone, as `YYYY-MM`.
fn chrono_month() -> String {
    psql_value(
        "postgres",
        "SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')",
    )
}
