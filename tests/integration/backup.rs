//! `znode backup verify` and `seal` with dumps made by the real pg_dump and mysqldump on this
//! machine, and with backups broken on purpose: a truncated gzip, one flipped byte, a tar
//! without its end blocks, an empty dump, a dump cut before its footer, a backup older than its
//! RPO, a missing day, a sudden size drop.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{PgDb, RunExt, TestNode, outcome, psql, text, znode};

/// A node with only `backups:` (the policies, YAML indented by two spaces).
fn backup_node(policies: &str) -> TestNode {
    TestNode::with_config(&format!(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: []\nsystems:\n  - id: database\n    name: 数据库\nbackups:\n{policies}"
    ))
}

/// `backup verify --format json`: the exit code and the document.
fn verify(node: &TestNode) -> (i32, serde_json::Value) {
    node.json(&["backup", "verify", "--format", "json"])
}

/// `YYYYMMDD` of `days` ago in Asia/Shanghai.
fn day(days: i64) -> String {
    (chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai) - chrono::Duration::days(days))
        .format("%Y%m%d")
        .to_string()
}

fn rung(doc: &serde_json::Value, id: &str) -> f64 {
    outcome(doc, id)["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "rung")
        .unwrap()["value"]
        .as_f64()
        .unwrap()
}

fn status(doc: &serde_json::Value, id: &str) -> String {
    outcome(doc, id)["status"].as_str().unwrap().to_owned()
}

fn summary(doc: &serde_json::Value, id: &str) -> String {
    outcome(doc, id)["summary"].as_str().unwrap().to_owned()
}

fn pg_dump(db: &str, format: &str, out: &Path) {
    let o = Command::new("pg_dump")
        .args(["-h", "127.0.0.1", "-U", "postgres", format, "-f"])
        .arg(out)
        .arg(db)
        .output()
        .unwrap();
    assert!(o.status.success(), "pg_dump: {}", text(&o.stderr));
}

fn gzip_file(data: &[u8], out: &Path) {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    std::fs::write(out, e.finish().unwrap()).unwrap();
}

#[test]
fn real_dumps_climb_the_ladder() {
    let db = PgDb::create("znode_bk");
    psql(
        &db.0,
        "CREATE TABLE permits (id serial PRIMARY KEY, holder text); INSERT INTO permits (holder) SELECT 'holder ' || g FROM generate_series(1, 500) g;",
    );
    let node = backup_node(
        "  - { id: shared-db, system: database, kind: postgres, path: pg/shared-%Y%m%d.dump, keep: 5 }
  - { id: shared-sql, kind: postgres, path: pgsql/shared-%Y%m%d.sql.gz, keep: 1 }
  - { id: quality-db, kind: mysql, path: my/quality-%Y%m%d.sql.gz, keep: 2 }
",
    );
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    // Five daily custom-format dumps, but the one of three days ago is missing.
    for d in [0, 1, 2, 4, 5] {
        pg_dump(
            &db.0,
            "-Fc",
            &node.at(&format!("pg/shared-{}.dump", day(d))),
        );
    }
    let sql = node.at("pgsql/plain.sql");
    pg_dump(&db.0, "-Fp", &sql);
    gzip_file(
        &std::fs::read(&sql).unwrap(),
        &node.at(&format!("pgsql/shared-{}.sql.gz", day(0))),
    );
    std::fs::remove_file(&sql).unwrap();
    // Its own database: what the shared `test` database holds depends on what ran before.
    let my = MyDb::create("znode_bk_my");
    mysql(
        &my.0,
        "CREATE TABLE permits (id INT PRIMARY KEY, holder TEXT); INSERT INTO permits VALUES (1, 'a'), (2, 'b');",
    );
    for d in [0, 1] {
        let o = Command::new("mysqldump")
            .args(["-h", "127.0.0.1", "-u", "root", &my.0])
            .output()
            .unwrap();
        assert!(o.status.success(), "mysqldump: {}", text(&o.stderr));
        gzip_file(
            &o.stdout,
            &node.at(&format!("my/quality-{}.sql.gz", day(d))),
        );
    }

    // Before sealing, no backup has a recorded checksum: rung 5 is not reached.
    let (code, doc) = verify(&node);
    assert_eq!(code, 1, "{doc:#}");
    assert!(
        summary(&doc, "backup.quality-db").contains("znode backup seal"),
        "{doc:#}"
    );
    assert_eq!(rung(&doc, "backup.quality-db"), 4.0);

    let out = node.run(&["backup", "seal"]);
    out.code(0);
    assert!(
        text(&out.stdout).contains("写入 8 个校验文件"),
        "{}",
        text(&out.stdout)
    );
    let check = Command::new("sha256sum")
        .arg("-c")
        .arg(format!("shared-{}.dump.sha256", day(0)))
        .current_dir(node.at("pg/x").parent().unwrap())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "sealed files check with sha256sum -c"
    );

    let (code, doc) = verify(&node);
    assert_eq!(code, 1, "the missing day is a WARN: {doc:#}");
    assert_eq!(
        (
            status(&doc, "backup.quality-db").as_str(),
            rung(&doc, "backup.quality-db")
        ),
        ("OK", 6.0)
    );
    assert_eq!(
        (
            status(&doc, "backup.shared-sql").as_str(),
            rung(&doc, "backup.shared-sql")
        ),
        ("OK", 6.0)
    );
    let ev = outcome(&doc, "backup.shared-db")["evidence"].to_string();
    assert!(ev.contains("数据块已完整读取"), "{ev}");
    assert_eq!(status(&doc, "backup.shared-db"), "WARN");
    assert_eq!(
        rung(&doc, "backup.shared-db"),
        6.0,
        "a gap in the sequence does not stop the climb"
    );
    let missing = (chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai)
        - chrono::Duration::days(3))
    .format("%Y-%m-%d")
    .to_string();
    assert!(
        summary(&doc, "backup.shared-db").contains(&missing),
        "{}",
        summary(&doc, "backup.shared-db")
    );
}

#[test]
fn broken_backups_are_caught_at_their_rung() {
    let node = backup_node(
        "  - { id: truncated-gz, kind: mysql, path: a/db-%Y%m%d.sql.gz }
  - { id: flipped, kind: file, path: b/data-%Y%m%d.bin }
  - { id: tar-cut, kind: directory, path: c/files-%Y%m%d.tar }
  - { id: empty, kind: postgres, path: d/db-%Y%m%d.sql }
  - { id: no-footer, kind: postgres, path: e/db-%Y%m%d.sql }
  - { id: stale, kind: file, path: f/data-%Y%m%d.bin }
  - { id: shrunk, kind: file, path: g/data-%Y%m%d.bin, keep: 4 }
  - { id: unsealed, kind: file, path: h/data-%Y%m%d.bin }
  - { id: zip-crc, kind: programs, path: i/app-%Y%m%d.zip }
",
    );
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    let sql = "-- MySQL dump\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n".repeat(2000)
        + "-- Dump completed on 2026-11-23\n";
    let mut gz = Vec::new();
    {
        let mut e = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
        e.write_all(sql.as_bytes()).unwrap();
    }
    gz.truncate(gz.len() / 2);
    std::fs::write(node.at(&format!("a/db-{}.sql.gz", day(0))), &gz).unwrap();

    let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    let flipped = node.at(&format!("b/data-{}.bin", day(0)));
    std::fs::write(&flipped, &data).unwrap();

    let tar_path = node.at(&format!("c/files-{}.tar", day(0)));
    {
        let mut b = tar::Builder::new(std::fs::File::create(&tar_path).unwrap());
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_cksum();
        b.append_data(&mut h, "app/data.bin", &data[..]).unwrap();
        b.finish().unwrap();
    }
    let len = std::fs::metadata(&tar_path).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&tar_path)
        .unwrap()
        .set_len(len - 1024)
        .unwrap();

    std::fs::write(node.at(&format!("d/db-{}.sql", day(0))), b"").unwrap();
    std::fs::write(
        node.at(&format!("e/db-{}.sql", day(0))),
        "--\n-- PostgreSQL database dump\n--\nCREATE TABLE t (id int);\nCOPY t (id) FROM stdin;\n1\n",
    )
    .unwrap();
    std::fs::write(node.at(&format!("f/data-{}.bin", day(3))), &data).unwrap();
    for d in 1..4 {
        std::fs::write(node.at(&format!("g/data-{}.bin", day(d))), &data).unwrap();
    }
    std::fs::write(node.at(&format!("g/data-{}.bin", day(0))), &data[..30_000]).unwrap();
    std::fs::write(node.at(&format!("h/data-{}.bin", day(0))), &data).unwrap();
    // A zip whose stored entry has one byte changed: the entry's CRC no longer matches.
    let zip_path = node.at(&format!("i/app-{}.zip", day(0)));
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("app/bin/server", opts).unwrap();
        z.write_all(&data).unwrap();
        z.finish().unwrap();
    }
    let mut zb = std::fs::read(&zip_path).unwrap();
    zb[1000] ^= 0xff;
    std::fs::write(&zip_path, zb).unwrap();

    // Seal everything but `unsealed`, then flip one byte of `flipped`.
    for p in [
        "truncated-gz",
        "flipped",
        "tar-cut",
        "empty",
        "no-footer",
        "stale",
        "shrunk",
        "zip-crc",
    ] {
        let out = node.run(&["backup", "seal", "--policy", p]);
        out.code(0);
    }
    let mut bytes = std::fs::read(&flipped).unwrap();
    bytes[50_000] ^= 0x01;
    std::fs::write(&flipped, bytes).unwrap();

    let (code, doc) = verify(&node);
    assert_eq!(code, 2);
    let crit = |id: &str, needle: &str, at: f64| {
        let s = summary(&doc, &format!("backup.{id}"));
        assert_eq!(status(&doc, &format!("backup.{id}")), "CRIT", "{id}: {s}");
        assert!(s.contains(needle), "{id}: `{needle}` not in `{s}`");
        assert_eq!(rung(&doc, &format!("backup.{id}")), at, "{id}: {s}");
    };
    crit("truncated-gz", "gzip stream broken", 5.0);
    crit("flipped", "checksum does not match", 4.0);
    crit("tar-cut", "without the end-of-archive blocks", 5.0);
    crit("empty", "empty or half written", 3.0);
    crit("no-footer", "lacks pg_dump's completion footer", 5.0);
    crit("stale", "over the RPO", 1.0);
    crit("shrunk", "70% below the median", 3.0);
    crit("zip-crc", "zip entry `app/bin/server`", 5.0);
    let s = summary(&doc, "backup.unsealed");
    assert_eq!(status(&doc, "backup.unsealed"), "WARN", "{s}");
    assert!(s.contains("no recorded checksum"), "{s}");
}

#[test]
fn unknown_policies_are_config_errors() {
    let node = backup_node(
        "  - { id: shared-db, kind: postgres, path: pg/x-%Y%m%d.dump, system: databse }\n",
    );
    let out = node.run(&["backup", "verify"]);
    out.code(3);
    let err = text(&out.stderr);
    assert!(
        err.contains("znode.yaml:")
            && err.contains("unknown system `databse`")
            && err.contains("did you mean `database`?"),
        "{err}"
    );
}

/// A scratch MariaDB database for a test, dropped at the end.
struct MyDb(String);

impl MyDb {
    fn create(prefix: &str) -> MyDb {
        let db = MyDb(crate::support::unique_db(prefix));
        mysql("mysql", &format!("CREATE DATABASE {}", db.0));
        db
    }
}

impl Drop for MyDb {
    fn drop(&mut self) {
        let _ = Command::new("mysql")
            .args(["-h", "127.0.0.1", "-u", "root", "-e"])
            .arg(format!("DROP DATABASE IF EXISTS {}", self.0))
            .output();
    }
}

fn mysql(db: &str, sql: &str) {
    let o = Command::new("mysql")
        .args(["-h", "127.0.0.1", "-u", "root", db, "-e", sql])
        .output()
        .unwrap();
    assert!(o.status.success(), "mysql {sql}: {}", text(&o.stderr));
}

fn scratch_dbs() -> Vec<String> {
    let out = Command::new("psql")
        .args([
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-tAc",
        ])
        .arg("SELECT datname FROM pg_database WHERE datname LIKE 'znode\\_restore\\_%'")
        .output()
        .unwrap();
    text(&out.stdout).lines().map(str::to_owned).collect()
}

/// The scratch database a verify run restored into, from its evidence.
fn scratch_of(doc: &serde_json::Value, id: &str) -> String {
    let ev = outcome(doc, id)["evidence"].to_string();
    let at = ev
        .find("znode_restore_")
        .unwrap_or_else(|| panic!("no scratch database in {ev}"));
    ev[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn restore_tests_pass_fail_and_always_drop_their_scratch_database() {
    let db = PgDb::create("znode_rs");
    let my = MyDb::create("znode_rs");
    mysql(
        &my.0,
        "CREATE TABLE checks (id int PRIMARY KEY, rule text); INSERT INTO checks VALUES (1, 'a'), (2, 'b'), (3, 'c');",
    );
    psql(
        &db.0,
        "CREATE TABLE permits (id serial PRIMARY KEY, holder text, updated_at timestamptz DEFAULT now()); INSERT INTO permits (holder) SELECT 'holder ' || g FROM generate_series(1, 500) g;",
    );
    let node = backup_node(&format!(
        "  - id: permits
    kind: postgres
    path: pg/permits-%Y%m%d.dump
    restore:
      target: src
      invariants:
        - {{ table: public.permits, tolerance_pct: 5 }}
        - {{ newest: \"SELECT max(updated_at) FROM permits\", newer_than: 2d }}
  - id: broken-sql
    kind: postgres
    path: sql/broken-%Y%m%d.sql
    restore: {{ target: src }}
  - id: quality
    kind: mysql
    path: my/quality-%Y%m%d.sql.gz
    restore:
      target: quality-src
      invariants: [{{ table: checks, tolerance_pct: 0 }}]
targets:
  src: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}?sslmode=disable\" }}
  quality-src: {{ dsn: \"mysql://root@127.0.0.1:3306/{}\" }}
",
        db.0, my.0
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    let o = Command::new("mysqldump")
        .args(["-h", "127.0.0.1", "-u", "root", &my.0])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    gzip_file(
        &o.stdout,
        &node.at(&format!("my/quality-{}.sql.gz", day(0))),
    );
    let dump = node.at(&format!("pg/permits-{}.dump", day(0)));
    pg_dump(&db.0, "-Fc", &dump);
    std::fs::write(
        node.at(&format!("sql/broken-{}.sql", day(0))),
        "CREATE TABLE t (id int);\nINSERT INTO no_such_table VALUES (1);\n--\n-- PostgreSQL database dump complete\n--\n",
    )
    .unwrap();
    assert!(node.run(&["backup", "seal"]).status.success());

    let out = node.run(&["backup", "verify", "--deep", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            status(&doc, "backup.permits").as_str(),
            rung(&doc, "backup.permits")
        ),
        ("OK", 7.0),
        "{doc:#}"
    );
    let restore_time = outcome(&doc, "backup.permits")["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "restore_time")
        .map(|m| m["value"].as_f64().unwrap())
        .unwrap();
    assert!(restore_time > 0.0);
    let scratch = scratch_of(&doc, "backup.permits");
    assert!(!scratch_dbs().contains(&scratch), "{scratch} was dropped");
    // The broken dump fails to restore; its scratch database is dropped all the same.
    let s = summary(&doc, "backup.broken-sql");
    assert_eq!(status(&doc, "backup.broken-sql"), "CRIT", "{s}");
    assert!(
        s.contains("restore failed") && s.contains("no_such_table"),
        "{s}"
    );
    assert_eq!(rung(&doc, "backup.broken-sql"), 6.0);
    assert!(!scratch_dbs().contains(&scratch_of(&doc, "backup.broken-sql")));
    // A plain verification later does not forget it: the failed test stands until the next.
    let later = node
        .run(&[
            "backup",
            "verify",
            "--policy",
            "broken-sql",
            "--format",
            "json",
        ])
        .json();
    let s = summary(&later, "backup.broken-sql");
    assert_eq!(status(&later, "backup.broken-sql"), "CRIT", "{s}");
    assert!(s.contains("the last restore test"), "{s}");
    node.run(&["backup", "status", "--policy", "broken-sql"])
        .code(0)
        .stdout_has("failed");
    assert_eq!(
        (
            status(&doc, "backup.quality").as_str(),
            rung(&doc, "backup.quality")
        ),
        ("OK", 7.0),
        "{doc:#}"
    );
    assert!(
        outcome(&doc, "backup.quality")["evidence"]
            .to_string()
            .contains("checks: 3 rows, source 3")
    );
    let left = Command::new("mysql")
        .args([
            "-h",
            "127.0.0.1",
            "-u",
            "root",
            "-N",
            "-e",
            "SHOW DATABASES LIKE 'znode\\_restore\\_%'",
        ])
        .output()
        .unwrap();
    assert!(!text(&left.stdout).contains(&scratch_of(&doc, "backup.quality")));

    // Rows deleted before the next dump: the restored copy has 60% fewer than the last restore.
    psql(&db.0, "DELETE FROM permits WHERE id > 200");
    std::fs::remove_file(&dump).unwrap();
    std::fs::remove_file(format!("{}.sha256", dump.display())).unwrap();
    pg_dump(&db.0, "-Fc", &dump);
    assert!(node.run(&["backup", "seal"]).status.success());
    let out = node.run(&[
        "backup", "verify", "--deep", "--policy", "permits", "--format", "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = summary(&doc, "backup.permits");
    assert_eq!(status(&doc, "backup.permits"), "CRIT", "{s}");
    assert!(
        s.contains("200 rows in the backup, 500 in the last restore (-60%"),
        "{s}"
    );
    assert_eq!(rung(&doc, "backup.permits"), 6.0);

    // The status reads it all back from the history.
    let out = node.run(&["backup", "status", "--format", "json"]);
    let st: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let permits = st["policies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["policy"] == "permits")
        .unwrap();
    assert_eq!(permits["verifications_30d"], 2, "{st:#}");
    assert_eq!(permits["checksum_verified_30d"], 2);
    assert_eq!(permits["last_rung"], 6);
    assert!(permits["last_restore_s"].as_f64().unwrap() > 0.0);
    let table = text(&node.run(&["backup", "status"]).stdout);
    assert!(
        table.contains("100% (2/2)") && table.contains("rung 6 structure"),
        "English under --lang en (issue 19 item 36): {table}"
    );
    assert!(!table.contains("第 6 级"), "{table}");
    // The age is worded as the verify summaries word it (`3 秒`), not a second way (issue
    // 19 item 28).
    let zh = text(&node.run(&["backup", "status", "--lang", "zh"]).stdout);
    assert!(
        zh.contains("距今") && zh.contains("秒") && zh.contains("第 6 级 结构"),
        "{zh}"
    );
}

#[test]
fn a_restore_killed_midway_leaves_nothing_behind() {
    let db = PgDb::create("znode_rk");
    psql(
        &db.0,
        "CREATE TABLE big (id bigint, payload text); INSERT INTO big SELECT g, repeat('x', 200) FROM generate_series(1, 400000) g;",
    );
    let node = backup_node(&format!(
        "  - {{ id: big, kind: postgres, path: pg/big-%Y%m%d.sql, restore: {{ target: src }} }}
targets:
  src: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}?sslmode=disable\" }}
",
        db.0
    ));
    pg_dump(&db.0, "-Fp", &node.at(&format!("pg/big-{}.sql", day(0))));
    assert!(node.run(&["backup", "seal"]).status.success());
    let mut child = znode()
        .arg("-c")
        .arg(node.dir.path().join("znode.yaml"))
        .args(["backup", "verify", "--deep"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mine = format!("znode_restore_{}_", child.id());
    crate::support::wait_for(30, "the scratch database", || {
        scratch_dbs().iter().any(|d| d.starts_with(&mine))
    });
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGKILL,
    )
    .unwrap();
    let _ = child.wait();
    assert!(
        scratch_dbs().iter().any(|d| d.starts_with(&mine)),
        "killed before it could drop it"
    );
    // The next run recognises the leftover by its prefix and dead process, and drops it (or a
    // verification of another test running beside this one has swept it already: every
    // verification sweeps the leftovers of dead processes).
    let out = node.run(&["backup", "verify", "--deep", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !scratch_dbs().iter().any(|d| d.starts_with(&mine)),
        "{doc:#}"
    );
    assert_eq!(rung(&doc, "backup.big"), 7.0, "{doc:#}");
}

#[test]
fn take_archives_config_restorable_with_plain_tar_and_keeps_the_retention() {
    let node = backup_node(
        "  - id: node-config
    kind: config
    path: cfg/config-%Y%m%d-%H%M%S.tar.gz
    sources: [etc/nginx, etc/app.properties]
    keep: 2
",
    );
    std::fs::write(node.at("etc/nginx/nginx.conf"), "worker_processes 2;\n").unwrap();
    std::fs::write(
        node.at("etc/nginx/conf.d/portal.conf"),
        "server { listen 80; }\n",
    )
    .unwrap();
    std::fs::write(
        node.at("etc/app.properties"),
        "db.url=jdbc:postgresql://db/shared\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("nginx.conf", node.at("etc/nginx/current.conf")).unwrap();
    let mut archives = Vec::new();
    for _ in 0..3 {
        let out = node.run(&["backup", "take", "config"]);
        out.code(0);
        archives.push(text(&out.stdout));
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    assert!(archives[0].contains("3 个文件"), "{}", archives[0]);
    assert!(archives[2].contains("按保留策略删除"), "{}", archives[2]);
    let mut kept: Vec<PathBuf> = std::fs::read_dir(node.at("cfg/x").parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 2, "keep: 2");
    // Plain tar restores it, symlink included, content intact.
    let dest = tempfile::tempdir().unwrap();
    let x = Command::new("tar")
        .arg("-xzf")
        .arg(&kept[1])
        .arg("-C")
        .arg(dest.path())
        .output()
        .unwrap();
    assert!(x.status.success(), "{}", text(&x.stderr));
    let root = dest.path().join(node.at("etc").strip_prefix("/").unwrap());
    assert_eq!(
        std::fs::read_to_string(root.join("nginx/conf.d/portal.conf")).unwrap(),
        "server { listen 80; }\n"
    );
    assert_eq!(
        std::fs::read_link(root.join("nginx/current.conf")).unwrap(),
        PathBuf::from("nginx.conf")
    );
    let manifest = std::fs::read_to_string(format!("{}.manifest", kept[1].display())).unwrap();
    assert!(
        manifest.contains("app.properties") && manifest.lines().count() == 4,
        "{manifest}"
    );
    // And the ladder verifies its checksum and structure (completeness is about days, and these
    // were taken seconds apart).
    let (_, doc) = verify(&node);
    let ev = outcome(&doc, "backup.node-config")["evidence"].to_string();
    assert!(ev.contains("✓ 5 ") && ev.contains("✓ 6 "), "{ev}");
    assert!(
        outcome(&doc, "backup.node-config")["evidence"]
            .to_string()
            .contains("tar.gz：6 个条目已完整读取"),
        "{doc:#}"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        // Config backups hold credentials: readable by their owner only.
        let mode = std::fs::metadata(&kept[1]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    // A source that has gone is said, and the take is a WARN, not a silent success.
    std::fs::remove_file(node.at("etc/app.properties")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    node.run(&["backup", "take", "config"])
        .code(1)
        .stdout_has("跳过：etc/app.properties: nothing matches");
}

/// An empty checksum file is a lost record, not "no checksum": verify says so (CRIT) and seal
/// refuses to bless the file as it is now unless told with --force.
#[test]
fn an_empty_sidecar_is_a_defect_and_seal_will_not_overwrite_it() {
    let node = backup_node("  - { id: data, kind: file, path: d/data-%Y%m%d.bin }\n");
    node.file(&format!("d/data-{}.bin", day(0)), "payload\n");
    let sidecar = node.file(&format!("d/data-{}.bin.sha256", day(0)), "");
    let (code, doc) = verify(&node);
    assert_eq!(code, 2, "{doc:#}");
    let o = outcome(&doc, "backup.data");
    assert!(
        o["summary"].as_str().unwrap().contains("holds no sha256"),
        "{o:#}"
    );
    node.run(&["backup", "seal"])
        .code(2)
        .stdout_has("seal --force");
    assert_eq!(
        std::fs::read_to_string(&sidecar).unwrap(),
        "",
        "left as it was"
    );
    node.run(&["backup", "seal", "--force"]).code(0);
    assert!(
        std::fs::read_to_string(&sidecar)
            .unwrap()
            .contains(&format!("data-{}.bin", day(0)))
    );
    let (code, doc) = verify(&node);
    assert_eq!(code, 0, "{doc:#}");
    assert!(rung(&doc, "backup.data") >= 5.0);
}

/// A backup folder znode may not read is UNKNOWN ("cannot read"), not a CRIT "no backup".
#[test]
fn an_unreadable_backup_folder_is_unknown_not_missing() {
    use std::os::unix::fs::PermissionsExt;
    let node = backup_node("  - { id: locked, kind: file, path: locked/data-%Y%m%d.bin }\n");
    node.file(&format!("locked/data-{}.bin", day(0)), "payload\n");
    // Run as `nobody`: root reads every folder whatever its mode.
    for p in [node.path().to_path_buf(), node.path().join("checks")] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(
        node.path().join("locked"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_znode"))
        .arg("-c")
        .arg(node.config())
        .args(["backup", "verify", "--format", "json"])
        .env("NO_COLOR", "1");
    let out = cmd.ran();
    out.code(3);
    let doc = out.json();
    let o = outcome(&doc, "backup.locked");
    assert_eq!(o["status"], "UNKNOWN", "{o:#}");
    assert!(
        o["summary"].as_str().unwrap().contains("Permission denied"),
        "{o:#}"
    );
}

/// Stopping znode in the middle of a restore test stops the restore tool and drops the scratch
/// database; a later verification sweeps whatever a killed run left.
#[test]
fn a_stopped_restore_test_leaves_no_tool_running_and_no_scratch_database() {
    let db = PgDb::create("znode_rstop");
    let node = backup_node(&format!(
        "  - id: slow
    kind: postgres
    path: sql/slow-%Y%m%d.sql
    restore: {{ target: src }}
targets:
  src: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}?sslmode=disable\" }}
",
        db.0
    ));
    // A plain dump whose restore takes a minute: the test stops it half-way.
    node.file(
        &format!("sql/slow-{}.sql", day(0)),
        "CREATE TABLE t (id int);\nSELECT pg_sleep(60);\n--\n-- PostgreSQL database dump complete\n--\n",
    );
    node.run(&["backup", "seal"]).code(0);
    let count = |sql: &str| crate::support::psql_count("postgres", sql);
    // The scratch databases of one znode process (their names carry its pid).
    let scratch_dbs = |pid: u32| {
        count(&format!(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'znode\\_restore\\_{pid}\\_%'"
        ))
    };
    let sleeping = |pid: u32| {
        count(&format!(
            "SELECT count(*) FROM pg_stat_activity WHERE datname LIKE 'znode\\_restore\\_{pid}\\_%' AND query LIKE '%pg_sleep(60)%'"
        ))
    };
    for signal in [
        nix::sys::signal::Signal::SIGTERM,
        nix::sys::signal::Signal::SIGKILL,
    ] {
        let mut child = node
            .cmd(&["backup", "verify", "--deep", "--timeout", "120s"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        crate::support::wait_for(30, "the restore to start", || sleeping(pid) > 0);
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), signal).unwrap();
        let _ = child.wait();
        if signal == nix::sys::signal::Signal::SIGTERM {
            crate::support::wait_for(10, "the tool and its database to go", || {
                sleeping(pid) == 0 && scratch_dbs(pid) == 0
            });
        } else {
            // Killed outright nothing can clean up, but the next verification sweeps: the
            // psql it left is cut off with its database.
            assert_eq!(scratch_dbs(pid), 1, "left behind by kill -9");
            node.run(&["backup", "verify"]);
            crate::support::wait_for(10, "the leftover to be swept", || scratch_dbs(pid) == 0);
        }
    }
}

/// With --all, an older backup that is broken fails its rung, but the newest one, intact, is
/// still restored: one bad file in the history does not cancel the restore test of a good one.
#[test]
fn a_broken_older_backup_does_not_cancel_the_restore_test_of_the_newest() {
    let db = PgDb::create("znode_rall");
    psql(
        &db.0,
        "CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2);",
    );
    let node = backup_node(&format!(
        "  - id: pg
    kind: postgres
    path: pg/db-%Y%m%d.dump
    restore: {{ target: src }}
targets:
  src: {{ dsn: \"postgres://postgres@127.0.0.1:5432/{}?sslmode=disable\" }}
",
        db.0
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    let old = node.at(&format!("pg/db-{}.dump", day(1)));
    let new = node.at(&format!("pg/db-{}.dump", day(0)));
    pg_dump(&db.0, "-Fc", &old);
    pg_dump(&db.0, "-Fc", &new);
    node.run(&["backup", "seal"]).code(0);
    // The older one rots after it was sealed.
    let mut bytes = std::fs::read(&old).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&old, bytes).unwrap();
    let (code, doc) = node.json(&["backup", "verify", "--all", "--deep", "--format", "json"]);
    assert_eq!(code, 2, "{doc:#}");
    let o = outcome(&doc, "backup.pg");
    let shown = o.to_string();
    assert!(shown.contains("checksum does not match"), "{shown}");
    assert!(
        shown.contains(&format!("已恢复 {}", new.display())),
        "the newest was restored: {shown}"
    );
}

/// A custom-format dump cut short after it was sealed keeps a readable table of contents:
/// the structure rung reads every data block, so it is caught there, not said "read to the end".
#[test]
fn a_custom_dump_cut_short_is_caught_by_reading_its_data() {
    let db = PgDb::create("znode_cut");
    psql(
        &db.0,
        "CREATE TABLE t (id int, v text); INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 50000) g;",
    );
    let node = backup_node("  - { id: pg, kind: postgres, path: pg/db-%Y%m%d.dump }\n");
    let dump = node.at(&format!("pg/db-{}.dump", day(0)));
    pg_dump(&db.0, "-Fc", &dump);
    let bytes = std::fs::read(&dump).unwrap();
    std::fs::write(&dump, &bytes[..bytes.len() * 2 / 3]).unwrap();
    // Sealed as it is now: the checksum matches, only the structure can tell.
    node.run(&["backup", "seal"]).code(0);
    let (code, doc) = verify(&node);
    assert_eq!(code, 2, "{doc:#}");
    let s = summary(&doc, "backup.pg");
    assert!(s.contains("数据无法完整读取"), "{s}");
    assert_eq!(rung(&doc, "backup.pg"), 5.0, "{doc:#}");
}

/// A restore target that is not declared is a config problem, named with its line, not a
/// surprise at the first restore test.
#[test]
fn an_unknown_restore_target_is_a_config_problem() {
    let node = backup_node(
        "  - { id: pg, kind: postgres, path: pg/db-%Y%m%d.dump, restore: { target: srcc } }\ntargets:\n  src: { dsn: \"postgres://postgres@127.0.0.1:5432/postgres\" }\n",
    );
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("backup `pg`: unknown restore target `srcc`")
        .stderr_has("did you mean `src`?");
}

/// A policy the check pack verifies under 常规检查 keeps that place when `backup verify` runs
/// it: the monthly report counts its outcomes in 常规检查, never moves them to 备份检查.
#[test]
fn a_policy_verified_by_the_pack_keeps_its_category_when_backup_verify_runs_it() {
    let node = TestNode::with_config(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\nsystems:\n  - id: database\n    name: 数据库\nbackups:\n  - { id: cfg, kind: file, path: 'cfg/cfg-%Y%m%d.gz' }\n",
    );
    node.checks(
        "r.yaml",
        "  - { id: backup.cfg, title: 配置文件备份, category: 常规检查, item: 1, probe: { kind: backup, policy: cfg } }\n",
    );
    let (_, doc) = verify(&node);
    let o = outcome(&doc, "backup.cfg");
    assert_eq!(o["category"], "常规检查", "{o:#}");
    assert_eq!(o["title"], "配置文件备份");
    assert_eq!(o["item"], 1);
    node.run(&["inspect"]);
    let month = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m")
        .to_string();
    let (_, r) = node.json(&[
        "report", "monthly", "--period", &month, "-f", "json", "-o", "-",
    ]);
    let cats: Vec<(&str, i64)> = r["report"]["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["total"].as_i64() > Some(0))
        .map(|c| (c["name"].as_str().unwrap(), c["total"].as_i64().unwrap()))
        .collect();
    assert_eq!(cats, [("常规检查", 2)], "{:#}", r["report"]["by_category"]);
}

/// A policy younger than its retention has not missed the days before its first backup: no
/// warning for them, and the ladder says the retention is not yet whole. A day missing after
/// the first backup is still missing.
#[test]
fn a_new_policy_is_not_missing_the_days_before_its_first_backup() {
    let node = backup_node(
        "  - { id: young, kind: file, path: y/data-%Y%m%d.gz, keep: 30 }\n  - { id: gap, kind: file, path: g/data-%Y%m%d.gz, keep: 30 }\n",
    );
    for d in [0, 1] {
        gzip_file(b"data\n", &node.at(&format!("y/data-{}.gz", day(d))));
    }
    for d in [0, 2] {
        gzip_file(b"data\n", &node.at(&format!("g/data-{}.gz", day(d))));
    }
    node.run(&["backup", "seal"]).code(0);
    let (_, doc) = verify(&node);
    let young = outcome(&doc, "backup.young");
    assert_eq!(young["status"], "OK", "{young:#}");
    assert!(
        young["evidence"].to_string().contains("尚未满一个保留周期"),
        "{young:#}"
    );
    let gap = outcome(&doc, "backup.gap");
    assert_eq!(gap["status"], "WARN", "{gap:#}");
    assert!(
        gap["summary"].as_str().unwrap().contains("缺少 1 期备份"),
        "{gap:#}"
    );
}

/// Files alone do not make a policy young: a cleanup that keeps too few backups of a policy
/// znode has verified for longer than its retention is still missing backups.
#[test]
fn a_policy_known_longer_than_its_retention_is_missing_what_its_cleanup_deleted() {
    let node = backup_node("  - { id: pruned, kind: file, path: p/data-%Y%m%d.gz, keep: 7 }\n");
    for d in [0, 1] {
        gzip_file(b"data\n", &node.at(&format!("p/data-{}.gz", day(d))));
    }
    node.run(&["backup", "seal"]).code(0);
    let (_, first) = verify(&node);
    assert_eq!(
        outcome(&first, "backup.pruned")["status"],
        "OK",
        "{first:#}"
    );
    // As if znode had verified it since 30 days ago.
    let db = node.path().join("history.db");
    let month_ago = chrono::Utc::now().timestamp() - 30 * 86400;
    let script = format!(
        "import sqlite3, json\n\
         c = sqlite3.connect('{}')\n\
         for rowid, m in c.execute(\"SELECT rowid, metrics FROM outcomes WHERE check_id = 'backup.pruned'\").fetchall():\n\
         \x20   ms = [x for x in json.loads(m) if x['name'] != 'first_seen'] + [{{'name': 'first_seen', 'value': {month_ago}.0}}]\n\
         \x20   c.execute('UPDATE outcomes SET metrics = ? WHERE rowid = ?', (json.dumps(ms), rowid))\n\
         c.commit()\n",
        db.display()
    );
    let o = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let (_, second) = verify(&node);
    let o = outcome(&second, "backup.pruned");
    assert_eq!(o["status"], "WARN", "{o:#}");
    assert!(
        o["summary"].as_str().unwrap().contains("缺少 5 期备份"),
        "{o:#}"
    );
}

/// A sound dump of another database put in the policy's folder is refused at the structure
/// rung: the dump's header names the database it was taken of.
#[test]
fn a_dump_of_the_wrong_database_is_refused() {
    let db = PgDb::create("znode_rightdb");
    let other = PgDb::create("znode_otherdb");
    psql(&db.0, "CREATE TABLE t (id int); INSERT INTO t VALUES (1);");
    psql(
        &other.0,
        "CREATE TABLE u (id int); INSERT INTO u VALUES (1);",
    );
    let node = backup_node(&format!(
        "  - id: right
    kind: postgres
    path: right/db-%Y%m%d.dump
    database: {0}
  - id: wrong
    kind: postgres
    path: wrong/db-%Y%m%d.dump
    database: {0}
",
        db.0
    ));
    pg_dump(&db.0, "-Fc", &node.at(&format!("right/db-{}.dump", day(0))));
    pg_dump(
        &other.0,
        "-Fc",
        &node.at(&format!("wrong/db-{}.dump", day(0))),
    );
    node.run(&["backup", "seal"]).code(0);
    let (code, doc) = node.json(&["backup", "verify", "--format", "json"]);
    assert_eq!(code, 2, "{doc:#}");
    assert_eq!(outcome(&doc, "backup.right")["status"], "OK", "{doc:#}");
    let wrong = outcome(&doc, "backup.wrong");
    assert_eq!(wrong["status"], "CRIT");
    assert!(
        wrong.to_string().contains(&format!(
            "是数据库 {} 的备份，本策略备份的是 {}",
            other.0, db.0
        )),
        "{wrong:#}"
    );
}

/// With --all, every damaged file counts: the summary names one and how many, and a mismatch
/// is CRIT even when an older file merely has no checksum recorded.
#[test]
fn every_checksum_mismatch_counts_and_the_worst_wins() {
    let node = backup_node(
        "  - id: blobs
    kind: file
    path: f/f-%Y%m%d.bin
    rpo: 3d
",
    );
    let files: Vec<_> = (0..3)
        .rev()
        .map(|d| node.at(&format!("f/f-{}.bin", day(d))))
        .collect();
    for (i, f) in files.iter().enumerate() {
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, vec![b'a' + i as u8; 4096]).unwrap();
    }
    node.run(&["backup", "seal"]).code(0);
    // The oldest loses its record; the two newer ones rot after they were sealed.
    std::fs::remove_file(format!("{}.sha256", files[0].display())).unwrap();
    for f in &files[1..] {
        std::fs::write(f, vec![b'z'; 4096]).unwrap();
    }
    let (code, doc) = node.json(&["backup", "verify", "--all", "--format", "json"]);
    assert_eq!(code, 2, "{doc:#}");
    let summary = outcome(&doc, "backup.blobs")["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        summary.contains("校验和与记录不符（共 2 个文件）"),
        "{summary}"
    );
}
