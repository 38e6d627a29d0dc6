//! The `sysconfig` probe: process limits, kernel parameters and Java options against requirements.

use std::process::{Child, Command, Stdio};

use crate::support::*;

/// A process whose command line looks like a JVM's, killed on drop.
struct FakeJava(Child);

impl FakeJava {
    fn start(args: &str) -> FakeJava {
        // bash's `exec -a` sets argv[0], which is where /proc shows the command line from.
        let child = Command::new("bash")
            .args(["-c", &format!("exec -a 'java {args}' sleep 300")])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        wait_for(5, "the fake java to exec", || {
            std::fs::read_to_string(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| c.starts_with("java"))
        });
        FakeJava(child)
    }
}

impl Drop for FakeJava {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn java_without_xmx_and_unmet_limits_are_reported() {
    let tag = format!("zq{}", std::process::id());
    let _bare = FakeJava::start(&format!("-Dapp={tag}-bare -cp app.jar Main"));
    let _tuned = FakeJava::start(&format!(
        "-Dapp={tag}-tuned -Xms256m -Xmx512m -XX:+HeapDumpOnOutOfMemoryError -cp app.jar Main"
    ));
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    // English wording: the assertions below read `--lang en` text.
    let node = node.env("ZNODE_LANG", "en");
    node.checks(
        "s.yaml",
        &format!(
            r#"  - {{ id: bare, title: 无 Xmx, category: 脆弱性检查, item: 5, probe: {{ kind: sysconfig, process: {{ cmdline: "{tag}-bare" }}, java: {{ xmx: true, heap_dump_on_oom: true }}, severity: crit }} }}
  - {{ id: tuned, title: 有 Xmx, category: 脆弱性检查, item: 5, probe: {{ kind: sysconfig, process: {{ cmdline: "{tag}-tuned" }}, java: {{ xmx: true, heap_dump_on_oom: true }} }} }}
  - {{ id: limits, title: 限制, category: 脆弱性检查, item: 5, probe: {{ kind: sysconfig, process: {{ cmdline: "{tag}-tuned" }}, limits: {{ nofile: "@0:100000000" }} }} }}
  - {{ id: kernel, title: 内核参数, category: 脆弱性检查, item: 5, probe: {{ kind: sysconfig, sysctl: {{ kernel.pid_max: "1:", vm.swappiness: "@0:100" }} }} }}
  - {{ id: gone, title: 无进程, category: 脆弱性检查, item: 5, probe: {{ kind: sysconfig, process: {{ cmdline: "{tag}-nothing" }}, java: {{ xmx: true }} }} }}
  - {{ id: no-param, title: 无参数, category: 脆弱性检查, item: 5, probe: {{ kind: sysconfig, sysctl: {{ vm.no_such_knob: "1:" }} }} }}
"#
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2);
    let bare = outcome(&doc, "bare");
    assert_eq!(bare["status"], "CRIT", "{bare:#}");
    assert!(
        bare["summary"]
            .as_str()
            .unwrap()
            .contains("runs without -Xmx"),
        "{bare:#}"
    );
    assert!(
        bare["summary"]
            .as_str()
            .unwrap()
            .contains("without -XX:+HeapDumpOnOutOfMemoryError")
    );
    let tuned = outcome(&doc, "tuned");
    assert_eq!(tuned["status"], "OK", "{tuned:#}");
    let xmx = tuned["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "java_xmx")
        .unwrap();
    assert_eq!(xmx["value"], 512.0 * 1024.0 * 1024.0);
    // `@0:100000000` alerts on any ordinary limit: the limit was read and judged.
    let limits = outcome(&doc, "limits");
    assert_eq!(limits["status"], "WARN", "{limits:#}");
    assert!(
        limits["summary"].as_str().unwrap().contains("nofile limit"),
        "{limits:#}"
    );
    let kernel = outcome(&doc, "kernel");
    assert_eq!(kernel["status"], "WARN", "{kernel:#}");
    assert!(
        kernel["summary"]
            .as_str()
            .unwrap()
            .starts_with("vm.swappiness = "),
        "{kernel:#}"
    );
    assert!(!kernel["summary"].as_str().unwrap().contains("pid_max"));
    assert_eq!(outcome(&doc, "gone")["status"], "CRIT");
    let np = outcome(&doc, "no-param");
    assert_eq!(np["status"], "UNKNOWN");
    assert!(
        np["summary"]
            .as_str()
            .unwrap()
            .contains("vm.no_such_knob does not exist"),
        "{np:#}"
    );
}

#[test]
fn requirements_are_validated_at_load_time() {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "s.yaml",
        "  - { id: a, title: 限制, category: 脆弱性检查, probe: { kind: sysconfig, limits: { nofiles: \"1:\" }, process: { name: x } } }\n  - { id: b, title: 缺进程, category: 脆弱性检查, probe: { kind: sysconfig, limits: { nofile: \"1:\" } } }\n",
    );
    let out = node.run(&["config", "check"]);
    out.code(3);
    let err = text(&out.stderr);
    assert!(err.contains("unknown limit `nofiles`"), "{err}");
    assert!(err.contains("need `process: { name: ... }`"), "{err}");
}
