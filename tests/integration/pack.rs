//! The shipped pack and sample node, completions and the man page.

use std::collections::BTreeSet;

use crate::support::*;

#[test]
fn init_writes_a_node_that_validates_and_covers_every_spec_item() {
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("node");
    let out = znode().args(["init"]).arg(&node).ran();
    out.code(0);
    let again = znode().args(["init"]).arg(&node).ran();
    again.code(3); // init refuses to overwrite
    let check = znode()
        .arg("-c")
        .arg(node.join("znode.yaml"))
        .args(["config", "check"])
        .ran();
    check.code(0);

    // Every numbered item of SPEC R1 has a check: 6 + 1 + 6 + 4 + 1 + 1 + 2 = 21.
    let mut covered = BTreeSet::new();
    for entry in std::fs::read_dir(node.join("checks")).unwrap() {
        let t = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut category = String::new();
        for line in t.lines().map(str::trim) {
            if let Some(c) = line.strip_prefix("category: ") {
                category = c.to_owned();
            }
            if let Some(i) = line.strip_prefix("item: ") {
                covered.insert(format!("{category}({i})"));
            }
        }
    }
    let expected: BTreeSet<String> = [
        ("日常检查", 6),
        ("性能检查", 1),
        ("脆弱性检查", 6),
        ("常规检查", 4),
        ("应用服务器检查", 1),
        ("中间件检查", 1),
        ("系统业务检查", 2),
    ]
    .iter()
    .flat_map(|(c, n)| (1..=*n).map(move |i| format!("{c}({i})")))
    .collect();
    assert_eq!(expected.len(), 21);
    let missing: Vec<&String> = expected.difference(&covered).collect();
    assert!(missing.is_empty(), "R1 items without a check: {missing:?}");
    // Beyond R1: SPEC R2's log review.
    assert!(covered.contains("日志审计(1)") && covered.contains("日志审计(3)"));
}

#[test]
fn every_file_in_checks_is_embedded() {
    let on_disk: BTreeSet<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/checks"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    let embedded: BTreeSet<String> = znode::pack::CHECKS
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    assert_eq!(on_disk, embedded, "add new check files to src/pack.rs");
}

#[test]
fn committed_completions_are_current() {
    for (shell, file) in [
        ("bash", "znode.bash"),
        ("zsh", "_znode"),
        ("fish", "znode.fish"),
        ("powershell", "_znode.ps1"),
        ("elvish", "znode.elv"),
    ] {
        let out = znode().args(["completions", shell]).ran();
        out.code(0);
        let committed = std::fs::read(format!("{}/completions/{file}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_default();
        assert!(
            committed == out.stdout,
            "completions/{file} is stale: run `bash completions/generate.sh`"
        );
    }
}

#[test]
fn man_page_and_help() {
    let out = znode().arg("man").ran();
    let man = text(&out.stdout);
    assert!(
        man.contains(".TH znode")
            && man.contains("znode inspect")
            && !man.contains("znode\\-inspect(1)")
            && man.contains(".SH \"EXIT STATUS\"")
            && man.contains(".SH ENVIRONMENT")
            && man.contains(".SH EXAMPLES"),
        "{man}"
    );
    let help = text(&znode().arg("--help").ran().stdout);
    assert!(help.contains("巡检") && help.contains("history"));
    let v = znode().arg("--version").ran();
    assert!(text(&v.stdout).starts_with("znode "));
}

#[test]
fn cli_definition_is_consistent() {
    znode::cli::command().debug_assert();
}
