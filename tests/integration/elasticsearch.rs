//! The `elasticsearch` probe on cluster health documents of each colour (no Elasticsearch runs
//! on the test machine; the documents have the shape Elasticsearch 7 and 8 return).

use crate::support::*;

#[test]
fn colours_and_node_count() {
    let port = http_server();
    let node = TestNode::new(&format!(
        "  green: {{ url: \"http://127.0.0.1:{port}/green/\" }}\n  yellow: {{ url: \"http://127.0.0.1:{port}/yellow/\" }}\n  red: {{ url: \"http://127.0.0.1:{port}/red/\" }}\n  gone: {{ url: \"http://127.0.0.1:{}/\" }}\n",
        closed_port()
    ));
    node.checks(
        "e.yaml",
        "  - { id: green, title: 绿, category: 中间件检查, target: green, probe: { kind: elasticsearch, nodes: 2 } }\n  - { id: short, title: 节点不足, category: 中间件检查, target: green, probe: { kind: elasticsearch, nodes: 3 } }\n  - { id: yellow, title: 黄, category: 中间件检查, target: yellow, probe: { kind: elasticsearch } }\n  - { id: red, title: 红, category: 中间件检查, target: red, probe: { kind: elasticsearch } }\n  - { id: gone, title: 不可达, category: 中间件检查, target: gone, probe: { kind: elasticsearch } }\n",
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let g = outcome(&doc, "green");
    assert_eq!(g["status"], "OK", "{g:#}");
    assert_eq!(
        g["summary"],
        "集群 zq-logs 状态 green，节点 2 个（数据节点 2），活动分片 15，未分配 0"
    );
    assert!(
        outcome(&doc, "short")["summary"]
            .as_str()
            .unwrap()
            .contains("集群只有 2/3 个节点")
    );
    assert_eq!(outcome(&doc, "short")["status"], "CRIT");
    assert_eq!(outcome(&doc, "yellow")["status"], "WARN");
    assert_eq!(outcome(&doc, "red")["status"], "CRIT");
    assert_eq!(outcome(&doc, "gone")["status"], "CRIT");
}
