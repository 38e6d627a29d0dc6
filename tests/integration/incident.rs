//! `znode incident`: clocks from backfilled times, breaches by the contract's limits, and
//! incidents opened by the inspection.

use crate::support::{TestNode, closed_port, text};

fn run(node: &TestNode, args: &[&str]) -> String {
    let out = node.run(args);
    out.code(0);
    text(&out.stdout)
}

#[test]
fn clocks_and_breaches_follow_the_contract() {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    // An ordinary fault: answered in 30 min, restored in 50 min. Within both limits.
    run(
        &node,
        &[
            "incident",
            "open",
            "门户无法登录",
            "--system",
            "portal",
            "--by",
            "委办局张三",
            "--at",
            "2026-11-02 09:00",
        ],
    );
    run(
        &node,
        &[
            "incident",
            "ack",
            "1",
            "--by",
            "李工",
            "--at",
            "2026-11-02 09:30",
        ],
    );
    run(
        &node,
        &[
            "incident",
            "resolve",
            "1",
            "--note",
            "重启认证服务",
            "--at",
            "2026-11-02 09:50",
        ],
    );
    run(
        &node,
        &["incident", "close", "1", "--at", "2026-11-02 10:00"],
    );
    // An ordinary fault restored after 3 hours, answered after 75 minutes: both late.
    run(
        &node,
        &[
            "incident",
            "open",
            "交换任务失败",
            "--at",
            "2026-11-03 08:00",
        ],
    );
    run(&node, &["incident", "ack", "2", "--at", "2026-11-03 09:15"]);
    run(
        &node,
        &["incident", "resolve", "2", "--at", "2026-11-03 11:00"],
    );
    // A major fault restored after 20 hours: within its 24 hours.
    run(
        &node,
        &[
            "incident",
            "open",
            "共享库数据损坏",
            "--severity",
            "重大",
            "--at",
            "2026-11-04 08:00",
        ],
    );
    run(&node, &["incident", "ack", "3", "--at", "2026-11-04 08:10"]);
    run(
        &node,
        &["incident", "resolve", "3", "--at", "2026-11-05 04:00"],
    );
    // A question: no restore clock.
    run(
        &node,
        &[
            "incident",
            "open",
            "如何申请数据接口",
            "--type",
            "咨询",
            "--at",
            "2026-11-05 10:00",
        ],
    );
    run(
        &node,
        &["incident", "close", "4", "--at", "2026-11-05 10:20"],
    );

    let out = node.run(&["incident", "list", "--since", "3650d", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let clocks = |id: i64| {
        doc["incidents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["incident"]["id"] == id)
            .unwrap()["clocks"]
            .clone()
    };
    assert_eq!(
        clocks(1),
        serde_json::json!({"response_min": 30, "response_breached": false, "restore_min": 50, "restore_breached": false})
    );
    assert_eq!(
        clocks(2),
        serde_json::json!({"response_min": 75, "response_breached": true, "restore_min": 180, "restore_breached": true})
    );
    assert_eq!(
        clocks(3),
        serde_json::json!({"response_min": 10, "response_breached": false, "restore_min": 1200, "restore_breached": false})
    );
    assert_eq!(
        clocks(4),
        serde_json::json!({"response_min": 20, "response_breached": false, "restore_min": null, "restore_breached": false})
    );
    let shown = run(&node, &["incident", "show", "2"]);
    assert!(
        shown.contains("响应 75 分钟（超时），恢复 180 分钟（超时）"),
        "{shown}"
    );
    // Events cannot come before the incident.
    let out = node.run(&["incident", "ack", "4", "--at", "2026-11-01 00:00"]);
    out.code(3);

    // The fault brief (故障处理简报) of #2: its clocks against the limits and its timeline.
    let brief = run(&node, &["report", "incident", "2", "-o", "-"]);
    for needle in [
        "# 故障处理简报（#2 交换任务失败）",
        "故障#2（一般）于 2026-11-03 08:00 受理，75 分钟内响应（超时）；3小时 恢复服务（超时）。",
        "| 响应 | 75 | 60 | 超时 |",
        "| 恢复 | 180 | 60 | 超时 |",
        "| 恢复时间 | 2026-11-03 11:00 |",
        "| 2026-11-03 09:15 |",
    ] {
        assert!(brief.contains(needle), "`{needle}` not in:\n{brief}");
    }
    assert!(run(&node, &["report", "incident", "4", "-o", "-"]).contains("| 恢复 | - | - | - |"));

    // The file is named as the document is; `--send` with no channel to send to still writes
    // it, then says it was not sent (exit 3).
    let out = node.run(&["report", "incident", "2", "--send"]);
    out.code(3);
    let written = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let name = written.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("故障处理简报-2-") && name.ends_with(".md"),
        "{name}"
    );
    assert!(written.is_file(), "{}", written.display());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("reports.send") && err.contains("was not sent"),
        "{err}"
    );
}

#[test]
fn the_inspection_opens_and_then_updates_incidents_for_crit_checks() {
    let port = closed_port();
    let node = TestNode::new(&format!("  gone: {{ address: 127.0.0.1:{port} }}"));
    node.checks("c.yaml", "  - { id: gone-up, title: 服务端口, category: daily, system: portal, target: gone, probe: { kind: tcp } }\n");
    let out = node.run(&["inspect", "--open-incidents"]);
    out.code(2);
    assert!(
        text(&out.stderr).contains("incident #1 opened: gone-up is CRIT"),
        "{}",
        text(&out.stderr)
    );
    let out = node.run(&["inspect", "--open-incidents"]);
    assert!(
        text(&out.stderr).contains("incident #1 updated"),
        "{}",
        text(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(
        &node
            .run(&["incident", "show", "1", "--format", "json"])
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["incident"]["source_check"], "gone-up");
    assert_eq!(doc["incident"]["system"], "portal");
    // A short Chinese title for lists and the 考核; what the probe saw is the first note.
    assert_eq!(doc["incident"]["title"], "服务端口出现严重异常");
    let updates = doc["updates"].as_array().unwrap();
    assert_eq!(updates.len(), 3, "{doc:#}");
    assert!(
        updates[1]["text"]
            .as_str()
            .unwrap()
            .starts_with("巡检发现："),
        "{doc:#}"
    );
    // The 巡检报告 says who follows the finding up and where it stands.
    let out = node.run(&["report", "inspection", "latest", "-o", "-"]);
    out.code(0)
        .stdout_has("- 跟进：事件 #1，处理人 未指派，处理中");

    // The service answers again: the incident gets a note saying so, once, and stays open
    // until a person confirms the restoration.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let out = node.run(&["inspect", "--open-incidents"]);
    out.code(0);
    assert!(
        text(&out.stderr).contains("incident #1: gone-up is OK again")
            && text(&out.stderr).contains("znode incident resolve 1"),
        "{}",
        text(&out.stderr)
    );
    let out = node.run(&["inspect", "--open-incidents"]);
    assert!(
        !text(&out.stderr).contains("OK again"),
        "{}",
        text(&out.stderr)
    );
    // A person's note in between does not make it say so again.
    node.run(&["incident", "update", "1", "--note", "联系厂商确认"])
        .code(0);
    let out = node.run(&["inspect", "--open-incidents"]);
    assert!(
        !text(&out.stderr).contains("OK again"),
        "{}",
        text(&out.stderr)
    );
    // It fails again, then recovers again: that is said again.
    drop(listener);
    node.run(&["inspect", "--open-incidents"]).code(2);
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
    let out = node.run(&["inspect", "--open-incidents"]);
    assert!(
        text(&out.stderr).contains("OK again"),
        "{}",
        text(&out.stderr)
    );
    drop(listener);
    let doc: serde_json::Value = serde_json::from_slice(
        &node
            .run(&["incident", "show", "1", "--format", "json"])
            .stdout,
    )
    .unwrap();
    let updates = doc["updates"].as_array().unwrap();
    let recovered: Vec<_> = updates
        .iter()
        .filter(|u| u["text"].as_str().unwrap().starts_with("巡检恢复正常："))
        .collect();
    assert_eq!(recovered.len(), 2, "{doc:#}");
    assert_eq!(doc["state"], "open", "{doc:#}");
    assert!(doc["incident"]["restored_at"].is_null());
}

/// `--lang en` gives English column headers in the incident list; Chinese by default.
#[test]
fn the_incident_list_follows_the_language() {
    let node = TestNode::new("  x: { address: 127.0.0.1:1 }");
    node.run(&["incident", "open", "门户无法登录", "--reporter", "张三"])
        .code(0);
    node.run(&["incident", "list"])
        .code(0)
        .stdout_has("级别")
        .stdout_has("门户无法登录");
    node.run(&["incident", "list"])
        .code(0)
        .stdout_has("待响应")
        .stdout_has("响应 0 分钟");
    let en = node.run(&["--lang", "en", "incident", "list"]);
    en.code(0)
        .stdout_has("severity")
        .stdout_has("clocks")
        .stdout_has("open")
        .stdout_has("response 0 min");
    let text = String::from_utf8_lossy(&en.stdout);
    assert!(!text.contains("待响应") && !text.contains("分钟"), "{text}");
}
