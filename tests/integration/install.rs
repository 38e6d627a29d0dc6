//! The installation (issue 20): the systemd units the packages ship pass `systemd-analyze
//! verify`, `znode doctor` says what stands and what to fix, and a store migrated by a newer
//! znode is refused rather than written into.

use std::os::unix::fs::PermissionsExt;

use crate::support::*;

fn finding<'a>(doc: &'a serde_json::Value, item: &str) -> &'a serde_json::Value {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["item"].as_str().unwrap().starts_with(item))
        .unwrap_or_else(|| panic!("no `{item}` in {doc:#}"))
}

#[test]
fn the_packaged_units_pass_systemd_analyze_verify() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/systemd");
    let dir = tempfile::tempdir().unwrap();
    let mut units = Vec::new();
    for entry in std::fs::read_dir(&repo).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The units name the installed binary; here it is the one just built.
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("/usr/bin/znode", env!("CARGO_BIN_EXE_znode"));
        std::fs::write(dir.path().join(&name), text).unwrap();
        units.push(dir.path().join(name));
    }
    for wanted in [
        "znode-inspect.timer",
        "znode-report@weekly.timer",
        "znode-report@monthly.timer",
        "znode-backup.timer",
        "znode-logs.timer",
        "znode-watch.service",
    ] {
        assert!(
            units.iter().any(|u| u.ends_with(wanted)),
            "{wanted} is not shipped"
        );
    }
    let out = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg("--man=no")
        .args(&units)
        .env("SYSTEMD_LOG_LEVEL", "notice")
        .output()
        .expect("systemd-analyze (package systemd)");
    let err = String::from_utf8_lossy(&out.stderr);
    // A mistyped setting is only a warning with exit 0: no output at all is the pass.
    assert!(out.status.success() && err.trim().is_empty(), "{err}");
    // Every timer makes up a missed run after boot, and every unit runs as a known user.
    for u in &units {
        let text = std::fs::read_to_string(u).unwrap();
        if u.extension().is_some_and(|e| e == "timer") {
            assert!(text.contains("Persistent=true"), "{}", u.display());
        }
        if u.extension().is_some_and(|e| e == "service") {
            assert!(
                text.contains("NoNewPrivileges=true") && text.contains("PrivateTmp=true"),
                "{}",
                u.display()
            );
        }
    }
}

#[test]
fn doctor_says_what_stands_and_what_to_fix() {
    let node = TestNode::with_config(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\nlogs:\n  sources:\n    - id: app\n      format: java\n      paths: [logs/missing-*.log]\n    - id: web\n      format: nginx-access\n      paths: [logs/access.log]\n",
    );
    node.file(
        "logs/access.log",
        "127.0.0.1 - - [10/Oct/2025:09:00:00 +0800] \"GET / HTTP/1.1\" 200 1 0.001\n",
    );
    // Looking changes nothing: a store not made yet is said to be made by the first run.
    let (_, doc) = node.json(&["doctor", "-f", "json"]);
    let store = finding(&doc, "历史库");
    assert!(
        store["detail"].as_str().unwrap().contains("尚未建立"),
        "{store:#}"
    );
    assert!(!node.path().join("history.db").exists());
    node.run(&["incident", "open", "门户无法登录", "--by", "张三"])
        .code(0);
    let env = node.file("env", "ZNODE_SMTP_PASSWORD=s3cret\n");
    std::fs::set_permissions(&env, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, doc) = node.json(&["doctor", "-f", "json"]);
    assert_eq!(doc["schema"], "znode.doctor/v1");
    assert_eq!(code, 2, "a world-readable secrets file is CRIT: {doc:#}");
    assert_eq!(finding(&doc, "配置文件")["status"], "OK");
    let store = finding(&doc, "历史库");
    assert_eq!(store["status"], "OK", "{doc:#}");
    let version: serde_json::Value = serde_json::from_slice(
        &znode()
            .args(["version", "-f", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        store["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("库结构第 {} 版", version["store_schema"])),
        "{store:#}"
    );
    let secrets = finding(&doc, "密钥文件");
    assert_eq!(secrets["status"], "CRIT");
    assert!(
        secrets["fix"].as_str().unwrap().starts_with("chmod 600"),
        "{secrets:#}"
    );
    let app = finding(&doc, "日志源 app");
    assert_eq!(app["status"], "WARN");
    assert!(
        app["detail"].as_str().unwrap().contains("missing-*.log"),
        "{app:#}"
    );
    assert_eq!(finding(&doc, "日志源 web")["status"], "OK");
    assert_eq!(finding(&doc, "报告目录")["status"], "OK");
    assert!(finding(&doc, "定时任务").is_object());
    assert!(
        !doc.to_string().contains("s3cret"),
        "the doctor never shows a secret"
    );

    std::fs::set_permissions(&env, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (_, doc) = node.json(&["doctor", "-f", "json"]);
    assert_eq!(finding(&doc, "密钥文件")["status"], "OK", "{doc:#}");
    // The table, for people.
    node.run(&["doctor"])
        .stdout_has("处理")
        .stdout_has("日志源 app");
    node.run(&["--lang", "en", "doctor"])
        .stdout_has("what to do")
        .stdout_has("log source app")
        .stdout_has("history store");
    assert_eq!(finding(&doc, "历史库")["item_en"], "history store");

    // A configuration that does not load is the first thing to fix.
    node.file("znode.yaml", "node: [\n");
    let (code, doc) = node.json(&["doctor", "-f", "json"]);
    assert_eq!(code, 2);
    let config = finding(&doc, "配置文件");
    assert_eq!(config["status"], "CRIT");
    assert!(
        config["fix"]
            .as_str()
            .unwrap()
            .contains("znode config check"),
        "{config:#}"
    );
}

/// A store a newer znode has migrated is refused by name, by every command and by the doctor,
/// instead of being written by a build that does not know its tables.
#[test]
fn a_store_from_a_newer_znode_is_refused() {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    node.run(&["incident", "open", "门户无法登录", "--by", "张三"])
        .code(0);
    let db = node.path().join("history.db");
    let ok = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (999, 'from the future', '2027-01-01', 1, x'00', 0)\"); c.commit()",
        ])
        .arg(&db)
        .status()
        .unwrap();
    assert!(ok.success());
    node.run(&["history"])
        .code(3)
        .stderr_has("was written by a newer znode (schema 999");
    let (code, doc) = node.json(&["doctor", "-f", "json"]);
    assert_eq!(code, 2);
    let store = finding(&doc, "历史库");
    assert_eq!(store["status"], "CRIT");
    assert!(
        store["fix"].as_str().unwrap().contains("不要降级"),
        "{store:#}"
    );

    // PostgreSQL: an account that may only read cannot be the store's writer.
    let pg = PgDb::create("znode_doctor");
    let url = format!("postgres://postgres@127.0.0.1:5432/{}", pg.0);
    node.run(&[
        "--store",
        &url,
        "incident",
        "open",
        "门户无法登录",
        "--by",
        "张三",
    ])
    .code(0);
    let role = format!("{}_ro", pg.0);
    psql(
        &pg.0,
        &format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"
        ),
    );
    let ro = format!("postgres://{role}@127.0.0.1:5432/{}", pg.0);
    let (_, doc) = node.json(&["--store", &ro, "doctor", "-f", "json"]);
    assert_eq!(finding(&doc, "历史库")["status"], "CRIT", "{doc:#}");
    psql(
        &pg.0,
        &format!("REASSIGN OWNED BY {role} TO postgres; DROP OWNED BY {role}"),
    );
    psql("postgres", &format!("DROP ROLE IF EXISTS {role}"));
}
