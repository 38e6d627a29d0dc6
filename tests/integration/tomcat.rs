//! The `tomcat` probe against a Tomcat 10 started by the test (its own CATALINA_BASE on a free
//! port, the manager app, a manager-status user), with errors injected between two runs.

use std::process::Command;

use crate::support::*;

const PASSWORD: &str = "Zq-tomcat-pw-61";

/// Tomcat on a free port, stopped on drop.
struct TomcatServer {
    base: tempfile::TempDir,
    port: u16,
}

impl TomcatServer {
    fn start() -> TomcatServer {
        let base = tempfile::tempdir().unwrap();
        let b = base.path();
        for d in ["conf/Catalina/localhost", "logs", "temp", "work", "webapps"] {
            std::fs::create_dir_all(b.join(d)).unwrap();
        }
        for f in std::fs::read_dir("/usr/share/tomcat10/etc")
            .expect("tomcat10 is installed (.ci/run installs it)")
        {
            let f = f.unwrap();
            std::fs::copy(f.path(), b.join("conf").join(f.file_name())).unwrap();
        }
        let port = closed_port();
        let server = std::fs::read_to_string(b.join("conf/server.xml")).unwrap();
        let server = server.replacen("port=\"8005\"", "port=\"-1\"", 1).replacen(
            "port=\"8080\"",
            &format!("port=\"{port}\" address=\"127.0.0.1\""),
            1,
        );
        std::fs::write(b.join("conf/server.xml"), server).unwrap();
        std::fs::write(
            b.join("conf/tomcat-users.xml"),
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tomcat-users xmlns=\"http://tomcat.apache.org/xml\" version=\"1.0\">\n  <role rolename=\"manager-status\"/>\n  <user username=\"monitor\" password=\"{PASSWORD}\" roles=\"manager-status\"/>\n</tomcat-users>\n"),
        )
        .unwrap();
        std::fs::write(b.join("conf/Catalina/localhost/manager.xml"), "<Context docBase=\"/usr/share/tomcat10-admin/manager\" privileged=\"true\" antiResourceLocking=\"false\"/>\n").unwrap();
        let out = Command::new("/usr/share/tomcat10/bin/catalina.sh")
            .arg("start")
            .env("CATALINA_BASE", b)
            .env("CATALINA_HOME", "/usr/share/tomcat10")
            .env("CATALINA_PID", b.join("pid"))
            .output()
            .unwrap();
        assert!(out.status.success(), "catalina.sh: {}", text(&out.stderr));
        let t = TomcatServer { base, port };
        // Right after start-up the status page can answer once and then fail (500) while the
        // connectors' MBeans register: wait for three answers in a row.
        let mut in_a_row = 0;
        wait_for(60, "Tomcat's manager status page", || {
            let ok = Command::new("curl")
                .args([
                    "-sf",
                    "-u",
                    &format!("monitor:{PASSWORD}"),
                    &format!("http://127.0.0.1:{port}/manager/status?XML=true"),
                ])
                .output()
                .is_ok_and(|o| o.status.success());
            in_a_row = if ok { in_a_row + 1 } else { 0 };
            in_a_row >= 3
        });
        t
    }
}

impl Drop for TomcatServer {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(self.base.path().join("pid")) {
            let _ = Command::new("kill").args(["-9", pid.trim()]).status();
        }
    }
}

fn metric(o: &serde_json::Value, name: &str) -> Option<f64> {
    o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .and_then(|m| m["value"].as_f64())
}

#[test]
fn connectors_heap_and_errors_since_the_last_run() {
    let t = TomcatServer::start();
    let node = TestNode::new(&format!(
        "  app: {{ url: \"http://127.0.0.1:{p}/\", username: monitor, password_env: ZNODE_T_TC }}\n  app-bad: {{ url: \"http://127.0.0.1:{p}/\", username: monitor, password_env: ZNODE_T_TC_BAD }}\n",
        p = t.port
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "t.yaml",
        "  - { id: tc, title: 应用服务器, category: 中间件检查, item: 1, target: app, probe: { kind: tomcat }, thresholds: { errors_delta: { warn: 0 } } }\n  - { id: tc-bad, title: 错误口令, category: 中间件检查, target: app-bad, probe: { kind: tomcat } }\n",
    );
    let run = || {
        let out = node
            .cmd(&["inspect", "--format", "json"])
            .env("ZNODE_T_TC", PASSWORD)
            .env("ZNODE_T_TC_BAD", "wrong")
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stderr)));
        (text(&out.stdout), doc)
    };
    let (_, first) = run();
    let o = outcome(&first, "tc");
    assert_eq!(o["status"], "OK", "{o:#}");
    assert!(
        o["summary"].as_str().unwrap().contains("busy; heap "),
        "{o:#}"
    );
    assert!(metric(o, "heap_used_pct").unwrap() > 0.0);
    assert!(
        o["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "threads_busy_pct"
                && m["label"].as_str().unwrap().contains("http-nio"))
    );
    let bad = outcome(&first, "tc-bad");
    assert_eq!(bad["status"], "UNKNOWN");
    assert!(
        bad["summary"]
            .as_str()
            .unwrap()
            .contains("manager-status role"),
        "{bad:#}"
    );

    // Three requests that fail (404) between the runs.
    for _ in 0..3 {
        let _ = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                &format!("http://127.0.0.1:{}/no-such-app", t.port),
            ])
            .status();
    }
    let (out, second) = run();
    let o = outcome(&second, "tc");
    assert!(metric(o, "errors_delta").unwrap() >= 3.0, "{o:#}");
    assert_eq!(o["status"], "WARN", "{o:#}");
    assert!(!out.contains(PASSWORD));
}
