//! The `nginx` probe against an nginx started by the test with stub_status, and `nginx -t` on a
//! good and a broken configuration.

use std::process::Command;

use crate::support::*;

/// nginx on a free port with stub_status at /nginx_status, stopped on drop.
struct NginxServer {
    dir: tempfile::TempDir,
    port: u16,
}

impl NginxServer {
    fn start() -> NginxServer {
        let dir = tempfile::tempdir().unwrap();
        let port = closed_port();
        let d = dir.path().display();
        std::fs::write(
            dir.path().join("nginx.conf"),
            format!(
                "worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{ worker_connections 64; }}\nhttp {{\n  access_log off;\n  client_body_temp_path {d}; proxy_temp_path {d}; fastcgi_temp_path {d}; uwsgi_temp_path {d}; scgi_temp_path {d};\n  server {{ listen 127.0.0.1:{port}; location /nginx_status {{ stub_status; }} location / {{ return 200 'ok'; }} }}\n}}\n"
            ),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("broken.conf"),
            "events {}\nhttp { server { listen 127.0.0.1:1; unknown_directive on; } }\n",
        )
        .unwrap();
        let out = Command::new("nginx")
            .args(["-c"])
            .arg(dir.path().join("nginx.conf"))
            .args(["-e"])
            .arg(dir.path().join("error.log"))
            .output()
            .expect("nginx is installed (.ci/run installs it)");
        assert!(out.status.success(), "nginx: {}", text(&out.stderr));
        let server = NginxServer { dir, port };
        wait_for(10, "nginx to listen", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        server
    }

    fn conf(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

impl Drop for NginxServer {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(self.dir.path().join("nginx.pid")) {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
    }
}

#[test]
fn stub_status_and_config_test() {
    let n = NginxServer::start();
    let node = TestNode::new(&format!(
        "  web: {{ url: \"http://127.0.0.1:{}/\" }}\n",
        n.port
    ));
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "n.yaml",
        &format!(
            "  - {{ id: status, title: nginx 状态, category: 中间件检查, item: 1, target: web, probe: {{ kind: nginx, config_test: true, conf: \"{}\" }} }}\n  - {{ id: broken, title: 配置错误, category: 中间件检查, target: web, probe: {{ kind: nginx, config_test: true, conf: \"{}\" }} }}\n  - {{ id: no-status, title: 无状态页, category: 中间件检查, target: web, probe: {{ kind: nginx, status_path: /missing }} }}\n",
            n.conf("nginx.conf"),
            n.conf("broken.conf")
        ),
    );
    let (code, first) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let o = outcome(&first, "status");
    assert_eq!(o["status"], "OK", "{o:#}");
    assert!(
        o["value"]["value"].as_f64().unwrap() >= 1.0,
        "our own request is active: {o:#}"
    );
    assert!(
        o["evidence"]
            .to_string()
            .contains("configuration test is successful"),
        "{o:#}"
    );
    let b = outcome(&first, "broken");
    assert_eq!(b["status"], "CRIT");
    assert!(
        b["summary"]
            .as_str()
            .unwrap()
            .contains("unknown directive \"unknown_directive\""),
        "{b:#}"
    );
    let m = outcome(&first, "no-status");
    assert_eq!(
        m["status"], "UNKNOWN",
        "a page that is not stub_status: {m:#}"
    );
    assert!(
        m["summary"]
            .as_str()
            .unwrap()
            .contains("is not a stub_status page"),
        "{m:#}"
    );
    // The second run knows the first: request counts become changes.
    let (_, second) = node.inspect_json(&[]);
    let o = outcome(&second, "status");
    let delta = o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "requests_delta")
        .map(|m| m["value"].as_f64().unwrap());
    assert!(delta.is_some_and(|d| d >= 1.0), "{o:#}");
}
