//! The `redundancy` probe: enough healthy instances, a service without spare, a service below
//! its minimum, and unknown instances refused at load time.

use crate::support::*;

#[test]
fn healthy_instances_are_counted() {
    let (a, b, hole) = (http_server(), http_server(), black_hole());
    let down = closed_port();
    let node = TestNode::new(&format!(
        "  app-1: {{ url: \"http://127.0.0.1:{a}/\" }}\n  app-2: {{ url: \"http://127.0.0.1:{b}/\" }}\n  app-3: {{ url: \"http://127.0.0.1:{down}/\" }}\n  app-4: {{ url: \"http://127.0.0.1:{hole}/\" }}\n"
    ));
    node.checks(
        "r.yaml",
        r#"  - { id: full, title: 冗余, category: 脆弱性检查, item: 1, probe: { kind: redundancy, service: 应用服务器, instances: [app-1, app-2], via: http, path: /ok } }
  - { id: no-spare, title: 无冗余, category: 脆弱性检查, item: 1, probe: { kind: redundancy, service: 应用服务器, instances: [app-1, app-2, app-3], min: 2 } }
  - { id: below, title: 不足, category: 脆弱性检查, item: 1, timeout: 2s, probe: { kind: redundancy, service: 交换服务, instances: [app-1, app-3, app-4], min: 2, via: http, path: /ok } }
"#,
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let full = outcome(&doc, "full");
    assert_eq!(full["status"], "OK", "{full:#}");
    assert_eq!(
        full["summary"],
        "应用服务器 共 2 个实例，2 个正常（至少需要 2 个）"
    );
    let ns = outcome(&doc, "no-spare");
    assert_eq!(ns["status"], "WARN", "{ns:#}");
    assert!(
        ns["summary"]
            .as_str()
            .unwrap()
            .starts_with("应用服务器 已无冗余：app-3: "),
        "{ns:#}"
    );
    let below = outcome(&doc, "below");
    assert_eq!(below["status"], "CRIT", "{below:#}");
    let s = below["summary"].as_str().unwrap();
    assert!(
        s.starts_with("交换服务 只有 1/3 个实例正常，至少需要 2 个"),
        "{s}"
    );
    assert!(
        s.contains("app-4: ") && s.contains("超时"),
        "the hung instance is named: {s}"
    );
}

#[test]
fn unknown_instances_are_refused_at_load() {
    let node = TestNode::new("  app-1: { address: \"127.0.0.1:1\" }\n");
    node.checks("r.yaml", "  - { id: r, title: 冗余, category: 脆弱性检查, probe: { kind: redundancy, service: x, instances: [app-1, app-9] } }\n");
    let out = node.run(&["config", "check"]);
    out.code(3);
    assert!(
        text(&out.stderr).contains("unknown target `app-9` in `instances`"),
        "{}",
        text(&out.stderr)
    );
}
