//! `znode sync`: a release through its ten steps (6 and 9 as playbooks, 9 refused without a
//! rollback plan, 10 without sign-offs), and versions compared across mixed formats.

use std::process::Command;

use crate::support::{TestNode, http_server, text};

/// A node with one check (`pg-up`) and `extra` config; commands run as 李工.
fn sync_node(extra: &str) -> TestNode {
    let node = TestNode::with_config(&format!(
        "node: t\nstore: history.db\nchecks: [checks]\ntargets:\n  pg: {{ address: 127.0.0.1:5432 }}\n{extra}"
    ))
    .env("ZNODE_OPERATOR", "李工");
    node.file(
        "checks/c.yaml",
        "checks:\n  - { id: pg-up, title: pg, category: daily, target: pg, probe: { kind: tcp } }\n",
    );
    node
}

/// Runs a command that must succeed; its stdout.
#[track_caller]
fn ok(node: &TestNode, args: &[&str]) -> String {
    node.run(args).code(0).stdout()
}

/// Runs a command that must be refused (exit 3) saying `why`.
#[track_caller]
fn refused(node: &TestNode, args: &[&str], why: &str) {
    node.run(args).code(3).stderr_has(why);
}

#[test]
fn a_release_goes_through_the_ten_steps_in_order() {
    let node = sync_node(
        "backups:
  - { id: programs, kind: programs, path: \"bk/programs-%Y%m%d-%H%M%S.tar.gz\" }
  - { id: shared-db, kind: postgres, path: \"db/shared-%Y%m%d.dump\" }
",
    );
    let d = node.dir.path();
    std::fs::create_dir_all(d.join("app")).unwrap();
    std::fs::write(d.join("app/server.jar"), "v1").unwrap();
    std::fs::write(d.join("release.tar.gz"), "v2 package").unwrap();
    std::fs::create_dir_all(d.join("db")).unwrap();
    let dump = d.join(format!(
        "db/shared-{}.dump",
        chrono::Utc::now()
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .format("%Y%m%d")
    ));
    let o = Command::new("pg_dump")
        .args(["-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f"])
        .arg(&dump)
        .arg("postgres")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    ok(&node, &["backup", "seal", "--policy", "shared-db"]);

    assert!(ok(&node, &["sync", "start", "3.2.1"]).contains("release #1"));
    for step in ["1", "2", "3", "4", "5"] {
        ok(&node, &["sync", "done", "1", step, "--note", "记录"]);
    }
    refused(&node, &["sync", "done", "1", "7"], "step 6");
    refused(&node, &["sync", "done", "1", "6"], "znode sync run 1 6");
    let set = |k: &str, v: String| format!("{k}={v}");
    let app = d.join("app").display().to_string();
    ok(
        &node,
        &[
            "sync",
            "run",
            "1",
            "6",
            "--set",
            &set("app_dir", app),
            "--set",
            &set("backup_dir", d.join("bk").display().to_string()),
            "--set",
            &set("package", d.join("release.tar.gz").display().to_string()),
            "--set",
            &set("deploy", format!("touch {}/deployed", d.display())),
            "--set",
            "app_check=pg-up",
            "--confirm",
            "deploy",
        ],
    );
    assert!(
        d.join("deployed").exists(),
        "deployed after the backup was verified"
    );
    assert_eq!(
        std::fs::read_dir(d.join("bk")).unwrap().count(),
        2,
        "the archive and its checksum"
    );
    ok(&node, &["sync", "done", "1", "7", "--note", "测试通过"]);
    ok(&node, &["sync", "done", "1", "8", "--note", "培训 12 人"]);

    let cutover = |extra: &[&str]| {
        let mut args = vec![
            "sync",
            "run",
            "1",
            "9",
            "--set",
            "app_check=pg-up",
            "--confirm",
            "migrate",
            "--confirm",
            "switch",
        ];
        args.extend(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let migrate = format!("migrate=touch {}/migrated", d.display());
    let args = cutover(&["--set", &migrate]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(&node, &args, "rollback plan");
    assert!(!d.join("migrated").exists());
    ok(
        &node,
        &[
            "sync",
            "rollback-plan",
            "1",
            "--text",
            "恢复 programs 备份与 shared-db 备份，重启服务",
        ],
    );
    // Carried out; its announcement to `users` and `ops`, channels this node does not
    // declare, was not sent: the step is done, the run says so (WARN).
    node.run(&args)
        .code(1)
        .stderr_has("run #2 finished, 2 notification(s) not sent");
    assert!(d.join("migrated").exists());

    refused(&node, &["sync", "done", "1", "10"], "sign-offs");
    ok(
        &node,
        &[
            "sync",
            "signoff",
            "1",
            "--user",
            "王科长",
            "--comment",
            "业务验证通过",
        ],
    );
    ok(
        &node,
        &["sync", "done", "1", "10", "--note", "已发上线通知"],
    );
    let status = ok(&node, &["sync", "status", "1"]);
    assert!(
        status.contains("10/10 步 · 已上线") && status.contains("验证签字：王科长"),
        "{status}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&node, &["sync", "status", "--format", "json"])).unwrap();
    let steps = json["releases"][0]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 10);
    assert!(steps[5]["playbook_run"].is_i64() && steps[8]["playbook_run"].is_i64());
    assert_eq!(steps[0]["operator"], "李工");

    // The version-sync report: every step with its state, the rollback plan, the sign-off.
    let report = ok(&node, &["report", "sync", "1", "-o", "-"]);
    assert!(report.contains("# 版本同步报告（3.2.1 "), "{report}");
    assert!(report.contains("已完成 10/10 步，当前已上线"), "{report}");
    assert!(
        report.contains("| 8 | 培训 | 已完成 |") && report.contains("培训 12 人"),
        "{report}"
    );
    assert!(report.contains("（预案执行 #"), "{report}");
    assert!(report.contains("| 王科长 | 业务验证通过 |"), "{report}");
}

#[test]
fn versions_are_compared_across_formats() {
    let port = http_server();
    let node = sync_node(&format!(
        "systems:
  - id: portal
    name: 门户
    version: {{ command: [echo, \"portal V3.2.1\"], declared: \"3.2.1\" }}
  - id: gis
    name: 地理信息
    version: {{ command: [echo, \"3.1.9-build5\"], declared: \"v3.2\" }}
  - id: exchange
    name: 交换平台
    version: {{ url: \"http://127.0.0.1:{port}/version\", pattern: 'TestServer/([0-9.]+)', declared: \"2.4.10\" }}
  - id: demand
    name: 需求系统
    version: {{ command: [echo, \"2025.10.1\"], declared: \"2025.9.30\" }}
  - id: broken
    name: 未接入
    version: {{ command: [\"false\"], pattern: 'never (\\d+)', declared: \"1.0\" }}
"
    ));
    let out = node.run(&["sync", "versions", "--format", "json"]);
    out.code(3); // a version that cannot be read is UNKNOWN
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let state = |id: &str| {
        doc["systems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["system"] == id)
            .unwrap()["state"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(state("portal"), "same");
    assert_eq!(state("gis"), "behind");
    assert_eq!(state("exchange"), "behind", "2.4.9 < 2.4.10 numerically");
    assert_eq!(state("demand"), "ahead");
    assert_eq!(state("broken"), "unknown");
    let table = text(&node.run(&["sync", "versions"]).stdout);
    assert!(
        table.contains("落后于省中心：地理信息、交换平台"),
        "{table}"
    );
}
