//! `znode playbook`: unattended runs through every step kind, dry runs, destructive steps,
//! decisions, and resuming after `kill -9`.

use std::path::Path;
use std::process::Stdio;

use crate::support::{TestNode, text, wait_for};

/// A node with one check (`pg-up`), a backup policy (`snap`) and `playbook` as
/// `playbooks/p.yaml`; commands run in its folder as 张工.
fn playbook_node(playbook: &str) -> TestNode {
    let node = TestNode::with_config(
        "node: t\nstore: history.db\nchecks: [checks]\ntargets:\n  pg: { address: 127.0.0.1:5432 }\nbackups:\n  - { id: snap, kind: file, path: \"snap/s-%Y%m%d.bin\" }\n",
    )
    .env("ZNODE_OPERATOR", "张工")
    .in_dir();
    node.file(
        "checks/c.yaml",
        "checks:\n  - { id: pg-up, title: pg, category: daily, target: pg, probe: { kind: tcp } }\n",
    );
    node.file("playbooks/p.yaml", playbook);
    node
}

/// A run's journal (`playbook log RUN --format json`).
fn journal(node: &TestNode, run: &str) -> serde_json::Value {
    node.run(&["playbook", "log", run, "--format", "json"])
        .json()
}

fn events(j: &serde_json::Value) -> Vec<(String, String)> {
    j["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["step"].as_str().unwrap_or("").to_owned(),
                e["event"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const ALL_KINDS: &str = r#"id: all-kinds
title: 全部步骤
phases: [先期处置, 应急处置]
variables:
  out: { default: out }
steps:
  - { id: manual, phase: 先期处置, title: 人工确认, kind: manual, instruction: "确认 {{out}} 可写" }
  - { id: mkdir, phase: 先期处置, title: 命令, kind: command, run: [mkdir, -p, "{{out}}"] }
  - { id: check, phase: 应急处置, title: 检查, kind: check, checks: [pg-up] }
  - { id: inline, phase: 应急处置, title: 内联探针, kind: check, probe: { kind: tcp }, target: pg }
  - id: backup
    phase: 应急处置
    title: 先备份
    kind: backup
    policy: snap
    run: [sh, -c, "mkdir -p snap && f=snap/s-$(date +%Y%m%d).bin && echo data > $f && (cd snap && sha256sum $(basename $f) > $(basename $f).sha256)"]
  - { id: notify, phase: 应急处置, title: 通知, kind: notify, channels: [ops], message: "写入 {{out}}" }
  - { id: pause, phase: 应急处置, title: 等一秒, kind: wait, duration: 1s }
  - { id: until, phase: 应急处置, title: 等到通过, kind: wait, until: [pg-up], duration: 20s, interval: 1s }
  - { id: choose, phase: 应急处置, title: 决定, kind: decision, question: 走哪边, choices: { 左: left, 右: right } }
  - { id: left, phase: 应急处置, title: 左, kind: command, run: [touch, "{{out}}/left"], next: end }
  - { id: right, phase: 应急处置, title: 右, kind: command, run: [touch, "{{out}}/right"] }
"#;

#[test]
fn an_unattended_run_goes_through_every_step_kind() {
    let node = playbook_node(ALL_KINDS);
    // Without --yes nobody can confirm the manual step: the run pauses there.
    let out = node.run(&["playbook", "run", "all-kinds"]);
    out.code(3);
    assert!(
        text(&out.stderr).contains("paused at `manual`"),
        "{}",
        text(&out.stderr)
    );
    // A decision nobody answered pauses too; with the answer, the branch it names runs.
    let out = node.run(&[
        "playbook",
        "run",
        "all-kinds",
        "--yes",
        "--answer",
        "choose=左",
    ]);
    // Finished; the message to `ops`, a channel this node does not declare, was not sent:
    // WARN, and said.
    out.code(1)
        .stderr_has("notification #1 to `ops` (notify) was not sent")
        .stderr_has("run #2 finished, 1 notification(s) not sent");
    assert!(node.path().join("out/left").exists() && !node.path().join("out/right").exists());
    let j = journal(&node, "2");
    assert_eq!(j["run"]["state"], "finished");
    assert_eq!(j["run"]["operator"], "张工");
    let ev = events(&j);
    for kind in [
        "manual", "mkdir", "check", "backup", "notify", "pause", "until", "choose", "left",
    ] {
        assert!(
            ev.contains(&(kind.to_owned(), "finish".to_owned())),
            "{kind} finished: {ev:?}"
        );
    }
    assert!(
        ev.contains(&("manual".into(), "confirm".into()))
            && ev.contains(&("choose".into(), "decision".into()))
    );
    assert!(
        !ev.iter().any(|(s, _)| s == "right"),
        "the other branch never ran"
    );
    let all = j["events"].to_string();
    assert!(
        all.contains("验证到第 5 级") && all.contains("通知 ops：写入 out"),
        "{all}"
    );
    let phases = j["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 2, "{j:#}");
    assert!(
        phases[1]["ms"].as_i64().unwrap() >= 1000,
        "the wait counts in its phase"
    );
}

#[test]
fn an_inline_probe_on_an_unknown_target_is_a_load_error() {
    let node = playbook_node(
        "id: bad\ntitle: 坏\nsteps:\n  - { id: probe, title: p, kind: check, probe: { kind: tcp }, target: nowhere }\n",
    );
    let out = node.run(&["playbook", "list"]);
    out.code(3);
    let err = text(&out.stderr);
    assert!(
        err.contains("p.yaml") && err.contains("step `probe`") && err.contains("nowhere"),
        "{err}"
    );
}

#[test]
fn a_dry_run_renders_commands_and_runs_nothing() {
    let node = playbook_node(
        "id: dry\ntitle: 演练计划\nvariables:\n  marker: { default: should-not-exist }\nsteps:\n  - { id: make, title: 建文件, kind: command, run: [touch, \"{{marker}}\"], destructive: true }\n",
    );
    let out = node.run(&[
        "playbook",
        "run",
        "dry",
        "--dry-run",
        "--set",
        "marker=/tmp/znode-dry-marker-x",
    ]);
    out.code(0);
    assert!(
        text(&out.stdout).contains("[破坏性] touch /tmp/znode-dry-marker-x"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        !Path::new("/tmp/znode-dry-marker-x").exists()
            && !node.path().join("should-not-exist").exists()
    );
    // Unknown variables are refused before anything runs.
    let out = node.run(&["playbook", "run", "dry", "--set", "nope=1"]);
    out.code(3);
    assert!(text(&out.stderr).contains("has no variable `nope`"));
}

#[test]
fn a_destructive_step_needs_its_typed_confirmation() {
    let node = playbook_node(
        "id: rm\ntitle: 删除\nsteps:\n  - { id: wipe, title: 清理, kind: command, run: [touch, wiped], destructive: true }\n  - { id: after, title: 之后, kind: command, run: [touch, after] }\n",
    );
    let out = node.run(&["playbook", "run", "rm", "--yes"]);
    out.code(3); // --yes never answers a destructive step
    assert!(
        text(&out.stderr).contains("--confirm wipe"),
        "{}",
        text(&out.stderr)
    );
    assert!(!node.path().join("wiped").exists());
    let out = node.run(&["playbook", "resume", "1", "--confirm", "wipe"]);
    out.code(0);
    assert!(node.path().join("wiped").exists() && node.path().join("after").exists());
}

#[test]
fn a_killed_run_resumes_and_never_repeats_a_completed_destructive_step() {
    let node = playbook_node(
        "id: long
title: 长流程
steps:
  - { id: first, title: 第一步, kind: command, run: [touch, first] }
  - { id: slow, title: 慢步骤, kind: command, shell: true, run: \"echo run >> slow.count; [ -f go ] || sleep 60\" }
  - { id: drop, title: 破坏性, kind: command, shell: true, run: \"echo run >> drop.count; [ -f go2 ] || sleep 60\", destructive: true }
  - { id: last, title: 最后, kind: command, run: [touch, last] }
",
    );
    let kill_when = |file: &str, args: &[&str]| {
        let mut child = node.cmd(args).stderr(Stdio::null()).spawn().unwrap();
        let f = node.path().join(file);
        wait_for(30, file, || f.exists());
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(child.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        )
        .unwrap();
        let _ = child.wait();
    };
    kill_when(
        "slow.count",
        &["playbook", "run", "long", "--confirm", "drop"],
    );
    let j = journal(&node, "1");
    assert_eq!(j["run"]["state"], "running", "killed: nobody closed it");
    // The step's command outlived znode: resume refuses to start it beside itself, naming the
    // group, even when told it did not complete.
    let group = spawned_group(&j, "slow");
    assert!(group_alive(group), "the sleep outlived znode");
    for args in [
        &["playbook", "resume", "1"][..],
        &["playbook", "resume", "1", "--completed", "no"][..],
    ] {
        node.run(args)
            .code(3)
            .stderr_has(&format!("still running as process group {group}"))
            .stderr_has("--completed yes|no");
    }
    assert_eq!(
        count_lines(&node, "slow.count"),
        1,
        "not started a second time"
    );
    // The operator stops it. Nobody says whether it completed: resume refuses to guess.
    stop_group(group);
    node.run(&["playbook", "resume", "1"])
        .code(3)
        .stderr_has("say whether it completed with --completed yes|no");
    // It did not: it runs again, then the destructive step runs (confirmed) and is killed.
    std::fs::write(node.path().join("go"), "").unwrap();
    std::fs::remove_file(node.path().join("first")).unwrap();
    kill_when(
        "drop.count",
        &[
            "playbook",
            "resume",
            "1",
            "--completed",
            "no",
            "--confirm",
            "drop",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(node.path().join("slow.count"))
            .unwrap()
            .lines()
            .count(),
        2
    );
    assert!(
        !node.path().join("first").exists(),
        "a finished step is not run again"
    );
    // The destructive step had completed: it is never run again.
    let j = journal(&node, "1");
    stop_group(spawned_group(&j, "drop"));
    let out = node.run(&["playbook", "resume", "1", "--completed", "yes"]);
    out.code(0);
    assert_eq!(
        std::fs::read_to_string(node.path().join("drop.count"))
            .unwrap()
            .lines()
            .count(),
        1
    );
    assert!(node.path().join("last").exists());
    let j = journal(&node, "1");
    assert_eq!(j["run"]["state"], "finished");
    let ev = events(&j);
    assert_eq!(ev.iter().filter(|e| e.1 == "resume").count(), 3, "{ev:?}");
}

/// The process group the journal recorded for a step's last command.
fn spawned_group(j: &serde_json::Value, step: &str) -> i32 {
    j["events"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["step"] == step && e["event"] == "spawn")
        .and_then(|e| e["pgid"].as_i64())
        .unwrap_or_else(|| panic!("no spawn of `{step}` in {j:#}")) as i32
}

/// Whether a live (not zombie) process of the group is left.
fn group_alive(pgid: i32) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|e| {
        std::fs::read_to_string(e.path().join("stat")).is_ok_and(|stat| {
            let rest = &stat[stat.rfind(')').unwrap() + 1..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            f[0] != "Z" && f[2] == pgid.to_string()
        })
    })
}

/// Kills a process group and waits until it is gone.
fn stop_group(pgid: i32) {
    let _ = nix::sys::signal::killpg(
        nix::unistd::Pid::from_raw(pgid),
        nix::sys::signal::Signal::SIGKILL,
    );
    wait_for(10, "the group to end", || !group_alive(pgid));
}

fn count_lines(node: &TestNode, file: &str) -> usize {
    std::fs::read_to_string(node.path().join(file))
        .unwrap_or_default()
        .lines()
        .count()
}

#[test]
fn a_signal_to_znode_reaches_the_step_command_and_pauses_the_run() {
    let node = playbook_node(
        "id: long
title: 长流程
steps:
  - { id: slow, title: 慢步骤, kind: command, shell: true, run: \"trap 'echo got TERM > stopped; exit 143' TERM; echo $$ > started; sleep 60 & wait\" }
  - { id: last, title: 最后, kind: command, run: [touch, last] }
",
    );
    for (n, signal) in [
        (1, nix::sys::signal::Signal::SIGTERM),
        (2, nix::sys::signal::Signal::SIGINT),
        (3, nix::sys::signal::Signal::SIGHUP),
    ] {
        let _ = std::fs::remove_file(node.path().join("started"));
        let _ = std::fs::remove_file(node.path().join("stopped"));
        let mut child = node
            .cmd(&["playbook", "run", "long"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = node.path().join("started");
        wait_for(30, "the step to start", || {
            std::fs::read_to_string(&started).is_ok_and(|s| s.ends_with('\n'))
        });
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(child.id() as i32), signal).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(3), "{signal}: paused, not finished");
        let j = journal(&node, &n.to_string());
        assert_eq!(j["run"]["state"], "paused", "{signal}");
        let group = spawned_group(&j, "slow");
        assert!(
            !group_alive(group),
            "{signal}: nothing of the step is left running"
        );
        let ev = events(&j);
        assert!(ev.contains(&("slow".into(), "interrupt".into())), "{ev:?}");
        let said = j["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event"] == "interrupt")
            .map(|e| e["detail"].as_str().unwrap().to_owned())
            .unwrap();
        assert!(
            said.contains(&format!("已将 {} 转给进程组 {group}", signal.as_str())),
            "{said}"
        );
        if signal == nix::sys::signal::Signal::SIGHUP {
            // The shell's trap is for TERM only: HUP ends it by default.
            assert!(!node.path().join("stopped").exists());
        } else if signal == nix::sys::signal::Signal::SIGTERM {
            assert!(
                node.path().join("stopped").exists(),
                "the command heard TERM"
            );
        }
        assert!(!node.path().join("last").exists());
    }
    // Resuming asks whether the cut-off step completed; told yes, it goes on from the next.
    node.run(&["playbook", "resume", "1", "--completed", "yes"])
        .code(0);
    assert!(node.path().join("last").exists());
}

#[test]
fn completed_yes_moves_past_a_step_that_failed_or_was_run_again() {
    let node = playbook_node(
        "id: fix
title: 修复
steps:
  - { id: migrate, title: 迁移, kind: command, shell: true, run: \"echo run >> migrate.count; exit 1\" }
  - { id: last, title: 最后, kind: command, run: [touch, last] }
",
    );
    node.run(&["playbook", "run", "fix"]).code(2);
    // Told no, it runs again (and fails again); told yes after that, it is recorded as done
    // by hand and the run goes on without running it a third time.
    node.run(&["playbook", "resume", "1", "--completed", "no"])
        .code(2);
    assert_eq!(count_lines(&node, "migrate.count"), 2);
    node.run(&["playbook", "resume", "1", "--completed", "yes"])
        .code(0);
    assert_eq!(count_lines(&node, "migrate.count"), 2);
    assert!(node.path().join("last").exists());
    let j = journal(&node, "1");
    assert_eq!(j["run"]["state"], "finished");
    let done = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["step"] == "migrate" && e["event"] == "finish")
        .unwrap();
    assert!(
        done["detail"]
            .as_str()
            .unwrap()
            .contains("completed outside znode"),
        "{done:#}"
    );
}

#[test]
fn a_step_that_starts_a_daemon_finishes_and_keeps_it_only_when_detached() {
    let node = playbook_node(
        "id: daemons
title: 启动服务
steps:
  - { id: plain, title: 普通, kind: command, shell: true, timeout: 20s, run: \"sleep 60 & echo $! > plain.pid; echo started\" }
  - { id: kept, title: 常驻, kind: command, shell: true, timeout: 20s, detach: true, run: \"nohup sleep 60 > /dev/null 2>&1 & echo $! > kept.pid; sleep 60 & echo $! > held.pid; echo started\" }
",
    );
    let started = std::time::Instant::now();
    node.run(&["playbook", "run", "daemons"]).code(0);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(15),
        "not held up to a timeout"
    );
    let pid = |f: &str| -> i32 {
        std::fs::read_to_string(node.path().join(f))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    let alive = |p: i32| {
        std::fs::read_to_string(format!("/proc/{p}/stat"))
            .is_ok_and(|s| s[s.rfind(')').unwrap() + 1..].split_whitespace().next() != Some("Z"))
    };
    assert!(
        !alive(pid("plain.pid")),
        "left behind by a plain step: stopped"
    );
    assert!(alive(pid("kept.pid")), "detached: kept");
    let j = journal(&node, "1");
    let outputs: Vec<String> = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "output")
        .map(|e| e["detail"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        outputs[0].starts_with("退出码 0")
            && outputs[0].contains("后台进程已停止（需保留时设 detach: true）"),
        "{outputs:?}"
    );
    assert!(
        outputs[1].contains("（detach）") && outputs[1].contains("started"),
        "{outputs:?}"
    );
    for f in ["kept.pid", "held.pid"] {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid(f)),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
}

#[test]
fn shipped_playbooks_show_and_drill_records_phases_and_evaluation() {
    let node = playbook_node(
        "id: drill-me
title: 演练
phases: [先期处置, 启动预案, 应急处置, 应急结束, 后期处置]
steps:
  - { id: a, phase: 先期处置, title: a, kind: manual, instruction: 发现 }
  - { id: b, phase: 启动预案, title: b, kind: manual, instruction: 启动 }
  - { id: c, phase: 应急处置, title: 等待恢复, kind: wait, duration: 1s }
  - { id: d, phase: 应急结束, title: d, kind: notify, message: 结束 }
  - { id: e, phase: 后期处置, title: e, kind: manual, instruction: 总结 }
",
    );
    let out = node.run(&["playbook", "show", "data-corruption"]);
    assert!(out.status.success());
    let shown = text(&out.stdout);
    assert!(
        shown.contains("信息数据损坏应急预案")
            && shown.contains("通知各委办局暂停数据上传")
            && shown.contains("[破坏性] 验证备份 shared-db 到第 6 级，然后：pg_restore --clean")
            && shown.contains("<`shared-db` 最新备份>"),
        "{shown}"
    );
    let out = node.run(&[
        "playbook",
        "drill",
        "drill-me",
        "--yes",
        "--evaluation",
        "响应及时，通知环节需提速",
    ]);
    out.code(0);
    let j = journal(&node, "1");
    assert_eq!(j["run"]["mode"], "drill");
    assert_eq!(j["run"]["evaluation"], "响应及时，通知环节需提速");
    let phases: Vec<&str> = j["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["phase"].as_str().unwrap())
        .collect();
    assert_eq!(
        phases,
        ["先期处置", "启动预案", "应急处置", "应急结束", "后期处置"]
    );
    let table = text(&node.run(&["playbook", "log", "1"]).stdout);
    assert!(
        table.contains("演练 #1")
            && table.contains("应急处置：0 分 01 秒")
            && table.contains("演练评估")
            && table.contains("已完成")
            && table.contains("c 等待恢复"),
        "{table}"
    );

    // The drill summary: phases with their time, the timeline, the evaluation.
    let out = node.run(&["report", "drill", "1", "-o", "-"]);
    out.code(0);
    let report = text(&out.stdout);
    assert!(report.contains("# 演练演练总结报告（#1）"), "{report}");
    assert!(report.contains("| 应急处置 | 0分01秒 |"), "{report}");
    // Steps are named by the titles the playbook gave them when it ran.
    assert!(report.contains("| 张工 | 等待恢复 开始 |"), "{report}");
    assert!(
        report.contains("## 五、评估\n\n响应及时，通知环节需提速"),
        "{report}"
    );
    assert!(report.contains("共执行步骤 5 个"), "{report}");
}

/// A restore step restores the very file it verified, and nothing when no backup passes; the
/// variables (one naming others) are filled wherever a plan is shown.
#[test]
fn a_restore_uses_the_backup_it_verified_and_variables_are_filled_everywhere() {
    let node = playbook_node(
        "id: restore-it
title: 恢复
variables:
  dir: { default: restored }
  into: { default: \"{{dir}}/data.bin\" }
  check: { default: pg-up }
steps:
  - { id: restore, title: 恢复, kind: restore, policy: snap, min_rung: 5, run: [sh, -c, \"mkdir -p {{dir}} && cp {{backup}} {{into}}\"] }
  - { id: after, title: 检查, kind: wait, until: [\"{{check}}\"], duration: 5s, interval: 1s }
",
    );
    // Shown and dry-run: every variable filled, the backup named by its policy.
    for args in [
        &["playbook", "show", "restore-it"][..],
        &["playbook", "run", "restore-it", "--dry-run"][..],
    ] {
        let shown = node.run(args).code(0).stdout();
        assert!(
            shown.contains("cp <`snap` 最新备份> restored/data.bin")
                && shown.contains("等待 pg-up 通过")
                && !shown.contains("{{"),
            "{shown}"
        );
    }
    // No backup: the restore refuses before its command runs.
    node.run(&["playbook", "run", "restore-it", "--confirm", "restore"])
        .code(2)
        .stderr_has("备份只验证到第");
    assert!(!node.path().join("restored").exists());
    // A sealed backup of today: verified to rung 5, then that file is what is restored.
    // Today in the node's zone, not the machine's: from 16:00 UTC the two dates differ, and
    // a backup named for yesterday is older than the RPO.
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y%m%d")
        .to_string();
    let file = node.file(&format!("snap/s-{today}.bin"), "the good data\n");
    let sum = std::process::Command::new("sha256sum")
        .arg(file.file_name().unwrap())
        .current_dir(file.parent().unwrap())
        .output()
        .unwrap();
    node.file(&format!("snap/s-{today}.bin.sha256"), &sum.stdout);
    node.run(&["playbook", "run", "restore-it", "--confirm", "restore"])
        .code(0);
    assert_eq!(
        std::fs::read_to_string(node.path().join("restored/data.bin")).unwrap(),
        "the good data\n"
    );
    let j = journal(&node, "2");
    let start = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["step"] == "after" && e["event"] == "start")
        .unwrap();
    assert_eq!(start["detail"], "等待 pg-up 通过（最长 5 秒）");
    assert!(
        j["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "note"
                && e["detail"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("s-{today}.bin 验证到第"))),
        "{j:#}"
    );
}
