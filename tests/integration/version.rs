//! The `version` probe: versions read from commands, SQL, HTTP and files, ordered correctly.

use crate::support::*;

#[test]
fn versions_below_the_patched_minimum_are_critical() {
    let http = http_server();
    let node = TestNode::new(&format!(
        "  web: {{ url: \"http://127.0.0.1:{http}/\" }}\n  pg: {{ dsn: \"postgres://postgres@127.0.0.1:5432/postgres\" }}\n"
    ));
    let props = node.path().join("pom.properties");
    std::fs::write(
        &props,
        "groupId=gov.zq\nartifactId=portal\nversion=3.2.0-SNAPSHOT\n",
    )
    .unwrap();
    node.checks(
        "v.yaml",
        &format!(
            r#"  - {{ id: just-below, title: 低于补丁版本, category: 脆弱性检查, item: 2, probe: {{ kind: version, component: Tomcat, minimum: 9.0.99, from: {{ command: [echo, "Server version: Apache Tomcat/9.0.98"] }} }} }}
  - {{ id: http-header, title: 响应头版本, category: 脆弱性检查, item: 2, target: web, probe: {{ kind: version, component: TestServer, minimum: 2.4.10, from: {{ http: /version }}, pattern: "TestServer/([0-9.]+)" }} }}
  - {{ id: pg, title: 数据库版本, category: 脆弱性检查, item: 2, target: pg, probe: {{ kind: version, component: PostgreSQL, minimum: "15.0", recommended: "99.0", from: {{ sql: "SHOW server_version" }} }} }}
  - {{ id: debian, title: 发行版修订, category: 脆弱性检查, item: 2, probe: {{ kind: version, component: nginx, minimum: 1.22.1-9+deb12u1, from: {{ text: "1.22.1-9+deb12u2" }} }} }}
  - {{ id: file, title: 文件版本, category: 脆弱性检查, item: 2, probe: {{ kind: version, component: portal, minimum: 3.2.0, from: {{ file: "{}" }}, pattern: "version=(.+)" }} }}
  - {{ id: none, title: 无版本, category: 脆弱性检查, item: 2, probe: {{ kind: version, component: x, minimum: "1.0", from: {{ text: "unknown build" }} }} }}
"#,
            props.display()
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let o = outcome(&doc, "just-below");
    assert_eq!(o["status"], "CRIT");
    assert_eq!(
        o["summary"],
        "Tomcat 9.0.98 低于已修复漏洞的最低版本 9.0.99"
    );
    let o = outcome(&doc, "http-header");
    assert_eq!(o["status"], "CRIT", "2.4.9 < 2.4.10: {o:#}");
    let o = outcome(&doc, "pg");
    assert_eq!(o["status"], "WARN", "{o:#}");
    assert!(o["summary"].as_str().unwrap().contains("低于建议版本 99.0"));
    assert_eq!(outcome(&doc, "debian")["status"], "OK");
    let o = outcome(&doc, "file");
    assert_eq!(
        o["status"], "CRIT",
        "a SNAPSHOT is a pre-release of 3.2.0: {o:#}"
    );
    let o = outcome(&doc, "none");
    assert_eq!(o["status"], "UNKNOWN");
    assert!(
        o["summary"]
            .as_str()
            .unwrap()
            .starts_with("没有找到版本号：unknown build"),
        "{o:#}"
    );
}

/// `znode version --verbose`: the glibc floor it prints is the one `objdump -T` finds in the
/// binary, and the build facts are filled in.
#[test]
fn version_verbose_names_the_build_and_its_glibc_floor() {
    let out = znode()
        .args(["version", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "znode.version/v1");
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    assert!(doc["store_schema"].as_i64().unwrap() >= 17, "{doc:#}");
    assert!(doc["target"].as_str().unwrap().contains("linux"), "{doc:#}");
    assert!(!doc["commit"].as_str().unwrap().is_empty());
    let bin = doc["path"].as_str().unwrap();
    let dump = std::process::Command::new("objdump")
        .args(["-T", bin])
        .output()
        .expect("objdump (binutils) reads the binary's symbol versions");
    let text = String::from_utf8_lossy(&dump.stdout);
    let newest = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .filter_map(|w| w.strip_prefix("GLIBC_"))
        .filter_map(|v| {
            let parts: Result<Vec<u32>, _> = v.split('.').map(str::parse).collect();
            parts.ok().map(|p| (p, v.to_owned()))
        })
        .max()
        .map(|(_, v)| v);
    assert_eq!(doc["glibc_needed"].as_str(), newest.as_deref(), "{doc:#}");
    let text = znode().args(["version", "--verbose"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!("glibc needed: {}", newest.unwrap())) && text.contains("commit:"),
        "{text}"
    );
}
