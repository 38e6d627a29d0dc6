//! `znode data diff` (数据交换对账) between the real PostgreSQL and MariaDB: planted extra,
//! missing and changed rows found exactly, through normalisation of timestamps, decimals,
//! booleans, NULLs and trailing spaces; keys with large gaps; a side that drops mid-way.

use crate::support::*;

/// The exchange table on both sides, `rows` rows, with the same values written the way each
/// database types them (numeric(12,2) vs decimal(14,3), boolean vs tinyint, timestamp vs
/// datetime(6), trailing spaces on the MariaDB side only).
fn exchange_pair(rows: u32, offset: u64) -> (PgDb, MyDb) {
    let pg = PgDb::create("znode_diff");
    psql(
        &pg.0,
        &format!(
            "CREATE TABLE ex (id bigint PRIMARY KEY, name varchar(40), amount numeric(12,2), ts timestamp, flag boolean, note text); \
             INSERT INTO ex SELECT g + {offset}, 'n' || g, g * 1.5, TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 second', g % 2 = 0, \
             CASE WHEN g % 7 = 0 THEN NULL ELSE 'x' || g END FROM generate_series(1, {rows}) g"
        ),
    );
    let my = MyDb::create("znode_diff");
    mariadb(
        &my.0,
        &format!(
            "CREATE TABLE ex (id bigint PRIMARY KEY, name varchar(40), amount decimal(14,3), ts datetime(6), flag tinyint(1), note text); \
             INSERT INTO ex SELECT seq + {offset}, CONCAT('n', seq), seq * 1.5, TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND, seq % 2 = 0, \
             IF(seq % 7 = 0, NULL, CONCAT('x', seq, IF(seq % 11 = 0, '  ', ''))) FROM seq_1_to_{rows}"
        ),
    );
    (pg, my)
}

fn keys(doc: &serde_json::Value, field: &str) -> Vec<String> {
    doc[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn planted_differences_between_postgres_and_mariadb_are_found_exactly() {
    let (pg, my) = exchange_pair(60_000, 0);
    mariadb(
        &my.0,
        "DELETE FROM ex WHERE id IN (5, 31000); \
         INSERT INTO ex VALUES (60001, 'new', 1, NOW(), 0, NULL), (60002, 'new', 2, NOW(), 1, 'y'); \
         UPDATE ex SET name = 'changed' WHERE id = 777; UPDATE ex SET amount = amount + 0.01 WHERE id = 40000; \
         UPDATE ex SET note = NULL WHERE id = 123",
    );
    let node = TestNode::new("");
    let run = node.run(&[
        "data",
        "diff",
        &format!("postgres://postgres@127.0.0.1:5432/{}", pg.0),
        "ex",
        &format!("mysql://root@127.0.0.1:3306/{}", my.0),
        "ex",
        "--bisection-threshold",
        "500",
        "--bisection-factor",
        "8",
        "--jobs",
        "3",
        "-f",
        "json",
    ]);
    run.code(1);
    let doc = run.json();
    assert_eq!(keys(&doc, "missing"), ["5", "31000"], "{doc:#}");
    assert_eq!(keys(&doc, "extra"), ["60001", "60002"]);
    assert_eq!(keys(&doc, "different"), ["123", "777", "40000"]);
    assert_eq!(doc["source_rows"], 60_000);
    assert_eq!(doc["target_rows"], 60_000);
    // Bisection, not a full download: far fewer rows were read row by row than the table has.
    assert!(
        doc["rows_downloaded"].as_u64().unwrap() < 20_000,
        "{}",
        doc["rows_downloaded"]
    );
    // What differs is shown masked: `name` holds people's names.
    let name = &doc["changes"]["777"][0];
    assert_eq!(name, &serde_json::json!(["name", "n***", "c******"]));
    assert_eq!(doc["changes"]["40000"][0][0], "amount");
    assert_eq!(
        doc["changes"]["123"][0],
        serde_json::json!(["note", "x123", "\\N"])
    );

    // The table for people names each kind in Chinese.
    let table = node.run(&[
        "data",
        "diff",
        &format!("postgres://postgres@127.0.0.1:5432/{}", pg.0),
        "ex",
        &format!("mysql://root@127.0.0.1:3306/{}", my.0),
        "ex",
    ]);
    table
        .code(1)
        .stdout_has("多（目标多出）")
        .stdout_has("少（目标缺少）")
        .stdout_has("不一致")
        .stdout_has("name: n*** → c******")
        .stdout_has("结论: 不一致 (exit 1)");
}

#[test]
fn equal_tables_are_equal_and_a_key_with_large_gaps_is_bisected() {
    let (pg, my) = exchange_pair(2_000, 0);
    // A second cluster of keys a trillion away from the first.
    psql(
        &pg.0,
        "INSERT INTO ex SELECT g + 1000000000000, 'n' || g, g * 1.5, TIMESTAMP '2026-01-01 00:00:00', true, 'far' FROM generate_series(1, 2000) g",
    );
    mariadb(
        &my.0,
        "INSERT INTO ex SELECT seq + 1000000000000, CONCAT('n', seq), seq * 1.5, TIMESTAMP '2026-01-01 00:00:00', 1, 'far' FROM seq_1_to_2000",
    );
    let pg_dsn = format!("postgres://postgres@127.0.0.1:5432/{}", pg.0);
    let my_dsn = format!("mysql://root@127.0.0.1:3306/{}", my.0);
    let args = |extra: &[&str]| {
        let mut a = vec![
            "data",
            "diff",
            pg_dsn.as_str(),
            "ex",
            my_dsn.as_str(),
            "ex",
            "--bisection-threshold",
            "100",
            "--bisection-factor",
            "4",
            "-f",
            "json",
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let node = TestNode::new("");
    let a = args(&[]);
    let same = node.run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    same.code(0);
    let doc = same.json();
    assert_eq!(doc["source_rows"], 4_000, "{doc:#}");
    assert_eq!(doc["different_count"], 0);
    mariadb(
        &my.0,
        "UPDATE ex SET note = 'near' WHERE id = 1000000001500; DELETE FROM ex WHERE id = 10",
    );
    let a = args(&[]);
    let run = node.run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    run.code(1);
    let doc = run.json();
    assert_eq!(keys(&doc, "different"), ["1000000001500"], "{doc:#}");
    assert_eq!(keys(&doc, "missing"), ["10"]);
    assert_eq!(doc["extra_count"], 0);
}

#[test]
fn a_side_that_drops_mid_way_fails_the_diff_without_a_result() {
    let (pg, my) = exchange_pair(30_000, 0);
    mariadb(&my.0, "UPDATE ex SET name = 'changed' WHERE id % 100 = 0");
    // MariaDB through a proxy that cuts the connection after 300 KB of answers: the
    // handshake and the first checksums pass, the row-by-row reads do not.
    let port = cutting_proxy(3306, 300_000);
    let node = TestNode::new("");
    let run = node.run(&[
        "data",
        "diff",
        &format!("postgres://postgres@127.0.0.1:5432/{}", pg.0),
        "ex",
        &format!("mysql://root@127.0.0.1:{port}/{}", my.0),
        "ex",
        "--jobs",
        "1",
    ]);
    run.code(3).stderr_has("对账未完成");
    assert_eq!(
        run.stdout(),
        "",
        "nothing may be reported from a diff that did not finish"
    );
}

#[test]
fn a_reconcile_check_warns_on_differences_and_keeps_the_keys() {
    let (pg, my) = exchange_pair(5_000, 0);
    mariadb(
        &my.0,
        "DELETE FROM ex WHERE id = 42; UPDATE ex SET flag = 1 - flag WHERE id = 4242",
    );
    let node = TestNode::new(&format!(
        "  province: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}\" }}\n  front: {{ dsn: \"mysql://root@127.0.0.1:3306/{}\" }}\n",
        pg.0, my.0
    ));
    node.checks(
        "recon.yaml",
        "  - id: recon-ex\n    title: 数据交换对账：法人库交换表\n    category: 数据质量检查\n    target: front\n    timeout: 60s\n    probe: { kind: reconcile, table: ex, source: { target: province }, key: id }\n",
    );
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "recon-ex");
    assert_eq!(code, 1, "{o:#}");
    assert_eq!(o["status"], "WARN");
    assert_eq!(o["value"]["value"], 2.0);
    assert_eq!(o["detail"]["missing"], serde_json::json!(["42"]));
    assert_eq!(o["detail"]["different"], serde_json::json!(["4242"]));
    let evidence = o["evidence"].to_string();
    assert!(evidence.contains("少 1：id=42"), "{evidence}");
}

#[test]
fn nulls_separators_and_repeated_keys_never_pass_for_equal() {
    let db = PgDb::create("znode_diff");
    psql(
        &db.0,
        "CREATE TABLE a (id bigint, flag boolean, t1 text, t2 text); \
         CREATE TABLE b (id bigint, flag boolean, t1 text, t2 text); \
         INSERT INTO a VALUES (1, NULL, 'x', 'y'), (2, true, 'a|b', 'c'), (3, true, '<N>', 'z'), (4, true, 'k', 'k'); \
         INSERT INTO b VALUES (1, false, 'x', 'y'), (2, true, 'a', 'b|c'), (3, true, NULL, 'z'), (4, true, 'k', 'k'), (4, true, 'k', 'k'), (NULL, true, 'n', 'n')",
    );
    let dsn = format!("postgres://postgres@127.0.0.1:5432/{}", db.0);
    let node = TestNode::new("");
    let run = node.run(&["data", "diff", &dsn, "a", &dsn, "b", "-f", "json"]);
    run.code(1);
    let doc = run.json();
    assert_eq!(keys(&doc, "different"), ["1", "2", "3"], "{doc:#}");
    assert_eq!(doc["duplicate_keys"], serde_json::json!([0, 1]));
    assert_eq!(doc["null_keys"], serde_json::json!([0, 1]));
}
