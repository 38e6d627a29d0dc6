//! `znode checks list|explain`: the shipped pack seen without reading its YAML.

use crate::support::*;

#[test]
fn the_pack_is_listed_and_one_check_explained_with_where_its_thresholds_come_from() {
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("node");
    znode().args(["init"]).arg(&node).ran().code(0);
    let config = node.join("znode.yaml");
    let run = |args: &[&str]| znode().arg("-c").arg(&config).args(args).ran();

    run(&["checks", "list", "--kind", "drift", "--all"])
        .code(0)
        .stdout_has("routine-config-drift")
        .stdout_has("routine-frontend-drift")
        .stdout_has("停用")
        .stdout_has("共 2 项");
    // Disabled checks are listed only when asked for.
    run(&["checks", "list", "--kind", "drift"])
        .code(0)
        .stdout_has("共 1 项")
        .never_shows("routine-frontend-drift");
    let listed = run(&[
        "checks",
        "list",
        "--category",
        "vulnerability",
        "-f",
        "json",
    ])
    .json();
    let access = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "vul-access-review")
        .expect("the access review is in the pack");
    assert_eq!(access["kind"], "access");
    assert_eq!(access["category"], "脆弱性检查");
    assert!(
        access["file"]
            .as_str()
            .unwrap()
            .ends_with("vulnerability.yaml")
    );

    // res-disk: used_pct from the sample config's defaults, inode_pct from the probe's own.
    run(&["checks", "explain", "res-disk"])
        .code(0)
        .stdout_has("脆弱性检查（6）")
        .stdout_has("used_pct（使用率）：告警 80 · 严重 90（znode.yaml defaults）")
        .stdout_has("inode_pct（inode 使用率）：告警 80 · 严重 90（探针默认）")
        .stdout_has("主机级探针");
    let doc = run(&["checks", "explain", "vul-access-review", "-f", "json"]).json();
    assert_eq!(doc["probe"]["profile"], "等保三级");
    assert_eq!(doc["enabled"], true);
    run(&["checks", "explain", "res-dsk"])
        .code(3)
        .stderr_has("did you mean `res-disk`?");
}
