//! `znode watch` in real time with one-second intervals, its messages counted by a webhook
//! receiver: failure then recovery, a restart while firing, a failure while stopped, silences,
//! maintenance, dependencies, escalation, acknowledgement, flapping, and a channel that is down.
//!
//! A check's state is a file: `test -e FILE` passes while it exists.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{Seen, TestNode, receiver, receiver_on};

/// A running watcher and what it logged.
pub(crate) struct Watcher {
    child: Child,
    log: Arc<Mutex<String>>,
}

impl Watcher {
    pub(crate) fn start(node: &TestNode, args: &[&str]) -> Watcher {
        let mut all = vec!["watch"];
        all.extend_from_slice(args);
        let mut child = node
            .cmd(&all)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let log: Arc<Mutex<String>> = Arc::default();
        let keep = log.clone();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut l = keep.lock().unwrap();
                l.push_str(&line);
                l.push('\n');
            }
        });
        Watcher { child, log }
    }

    /// SIGTERM, and waits for it to finish (it saves its state on the way out).
    pub(crate) fn stop(mut self) -> String {
        let pid = self.child.id().to_string();
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        let status = self.child.wait().unwrap();
        let log = self.log.lock().unwrap().clone();
        assert!(status.success(), "watch exited {status:?}:\n{log}");
        log
    }
}

/// Messages posted to `path`: (title, text).
pub(crate) fn messages(seen: &Seen, path: &str) -> Vec<(String, String)> {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| p == path)
        .map(|(_, body)| {
            let v: serde_json::Value = serde_json::from_str(body).unwrap();
            (
                v["title"].as_str().unwrap_or_default().to_owned(),
                v["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Waits until `path` has received `n` messages; false after `secs`.
pub(crate) fn wait_for(seen: &Seen, path: &str, n: usize, secs: u64) -> bool {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        if messages(seen, path).len() >= n {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// A node watching `checks` every second; channels `duty` and `lead` post to `port`.
fn node(port: u16, watch: &str, checks: &str) -> TestNode {
    let node = TestNode::new("  {}");
    node.add_config(&format!(
        "notify:\n  channels:\n    duty: {{ kind: webhook, url: \"http://127.0.0.1:{port}/duty\" }}\n    lead: {{ kind: webhook, url: \"http://127.0.0.1:{port}/lead\" }}\nwatch:\n  every: 1s\n  failure_threshold: 2\n  success_threshold: 2\n  notify: [duty]\n{watch}"
    ));
    node.checks("w.yaml", checks);
    node
}

/// A check that passes while `file` (under the node) exists.
fn file_check(
    node_dir: &std::path::Path,
    id: &str,
    title: &str,
    file: &str,
    extra: &str,
) -> String {
    format!(
        "  - id: {id}\n    title: {title}\n    category: 日常检查\n    system: portal\n{extra}    probe: {{ kind: command, run: [test, -e, \"{}\"] }}\n",
        node_dir.join(file).display()
    )
}

fn touch(node: &TestNode, file: &str) {
    std::fs::write(node.at(file), "").unwrap();
}

fn remove(node: &TestNode, file: &str) {
    let _ = std::fs::remove_file(node.at(file));
}

#[test]
fn one_alert_one_recovery_across_restarts_and_a_failure_while_stopped() {
    let (port, seen) = receiver();
    let node = node(port, "", "");
    node.checks(
        "w.yaml",
        &file_check(node.path(), "portal-up", "门户首页可用性", "up", ""),
    );
    touch(&node, "up");
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(3));
    assert!(messages(&seen, "/duty").is_empty(), "healthy: nothing sent");
    remove(&node, "up");
    assert!(wait_for(&seen, "/duty", 1, 20), "{}", w.stop());
    let first = &messages(&seen, "/duty")[0];
    assert!(first.0.contains("【严重】门户首页可用性"), "{first:?}");
    assert!(first.1.contains("连续 2 次"), "{first:?}");
    assert!(first.1.contains("znode alert ack portal-up"), "{first:?}");

    // A restart while firing sends nothing again.
    w.stop();
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(
        messages(&seen, "/duty").len(),
        1,
        "{}",
        w.log.lock().unwrap()
    );
    node.run(&["alert", "list", "--format", "json"])
        .code(0)
        .stdout_has("\"phase\": \"firing\"");
    let incidents = node.run(&["incident", "list"]);
    incidents.code(0).stdout_has("门户首页可用性出现严重异常");

    // Back: exactly one recovery.
    touch(&node, "up");
    assert!(wait_for(&seen, "/duty", 2, 20), "{}", w.stop());
    std::thread::sleep(Duration::from_secs(2));
    let all = messages(&seen, "/duty");
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all[1].0.contains("【已恢复】"), "{all:?}");
    assert!(all[1].1.contains("持续"), "{all:?}");

    // It fails while nobody watches: the next watcher pages.
    w.stop();
    remove(&node, "up");
    let w = Watcher::start(&node, &[]);
    assert!(wait_for(&seen, "/duty", 3, 20), "{}", w.stop());
    let log = w.stop();
    assert!(log.contains("watching 1 check(s)"), "{log}");
    let all = messages(&seen, "/duty");
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all[2].0.contains("【严重】"), "{all:?}");
}

#[test]
fn a_silence_holds_the_alert_until_it_expires() {
    let (port, seen) = receiver();
    let node = node(port, "", "");
    node.checks(
        "w.yaml",
        &file_check(node.path(), "backup-nightly", "夜间备份", "ok", ""),
    );
    node.run(&[
        "silence",
        "add",
        "check=~backup.*",
        "--for",
        "1h",
        "--reason",
        "变更单 CR-2026-118",
        "--by",
        "张工",
    ])
    .code(0)
    .stdout_has("silence 1");
    node.run(&["silence", "list"])
        .code(0)
        .stdout_has("CR-2026-118");
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(5));
    assert!(messages(&seen, "/duty").is_empty(), "silenced");
    node.run(&["alert", "list"]).code(2).stdout_has("静默 1");
    node.run(&["silence", "expire", "1"]).code(0);
    assert!(wait_for(&seen, "/duty", 1, 15), "{}", w.stop());
    w.stop();
}

#[test]
fn a_maintenance_window_holds_the_alert_but_not_the_recovery() {
    let (port, seen) = receiver();
    let node = node(
        port,
        "  maintenance:\n    - { name: 数据库例行维护, start: \"00:00\", duration: 24h, match: \"check=db-up\" }\n",
        "",
    );
    node.checks(
        "w.yaml",
        &(file_check(node.path(), "db-up", "数据库可用性", "db", "")
            + &file_check(node.path(), "web-up", "网站可用性", "web", "")),
    );
    touch(&node, "db");
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(2));
    remove(&node, "db");
    remove(&node, "web");
    assert!(wait_for(&seen, "/duty", 1, 20), "{}", w.stop());
    std::thread::sleep(Duration::from_secs(4));
    let all = messages(&seen, "/duty");
    assert_eq!(all.len(), 1, "only the check outside the window: {all:?}");
    assert!(all[0].0.contains("网站可用性"), "{all:?}");
    w.stop();
}

#[test]
fn dependents_of_a_failing_database_are_listed_not_paged() {
    let (port, seen) = receiver();
    let node = node(port, "", "");
    let checks = file_check(node.path(), "db-up", "共享库可用性", "db", "")
        + &file_check(
            node.path(),
            "api-up",
            "共享接口可用性",
            "api",
            "    depends_on: [db-up]\n",
        )
        + &file_check(
            node.path(),
            "portal-login",
            "门户登录",
            "login",
            "    depends_on: [api-up]\n",
        );
    node.checks("w.yaml", &checks);
    for f in ["db", "api", "login"] {
        touch(&node, f);
    }
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(2));
    for f in ["db", "api", "login"] {
        remove(&node, f);
    }
    assert!(wait_for(&seen, "/duty", 1, 20), "{}", w.stop());
    std::thread::sleep(Duration::from_secs(5));
    let all = messages(&seen, "/duty");
    assert_eq!(all.len(), 1, "one message for the root cause: {all:?}");
    assert!(all[0].0.contains("共享库可用性"), "{all:?}");
    assert!(all[0].1.contains("受影响"), "{all:?}");
    assert!(all[0].1.contains("共享接口可用性"), "{all:?}");
    node.run(&["alert", "list"])
        .stdout_has("受影响：db-up 异常");
    // The database back, the others still down: now they page.
    touch(&node, "db");
    assert!(wait_for(&seen, "/duty", 3, 20), "{}", w.stop());
    w.stop();
}

#[test]
fn an_unacknowledged_alert_escalates_and_an_acknowledged_one_does_not() {
    let (port, seen) = receiver();
    let node = node(
        port,
        "  profiles:\n    重保:\n      failure_threshold: 1\n      escalation:\n        - { name: 组长, after: 3s, notify: [lead] }\n",
        "",
    );
    node.checks(
        "w.yaml",
        &(file_check(node.path(), "gis-up", "地理信息服务", "gis", "")
            + &file_check(node.path(), "mq-up", "消息队列", "mq", "")),
    );
    touch(&node, "mq");
    let w = Watcher::start(&node, &["--profile", "重保", "--until", "2099-01-01 00:00"]);
    assert!(wait_for(&seen, "/duty", 1, 15), "{}", w.stop());
    assert!(wait_for(&seen, "/lead", 1, 15), "{}", w.stop());
    let lead = messages(&seen, "/lead");
    assert!(lead[0].0.contains("【升级·组长】地理信息服务"), "{lead:?}");
    // The second one is taken by someone before its escalation is due.
    remove(&node, "mq");
    assert!(wait_for(&seen, "/duty", 2, 15), "{}", w.stop());
    node.run(&[
        "alert",
        "ack",
        "mq-up",
        "--by",
        "李值班",
        "--note",
        "正在重启",
    ])
    .code(0)
    .stdout_has("acknowledged by 李值班");
    std::thread::sleep(Duration::from_secs(5));
    let lead = messages(&seen, "/lead");
    assert_eq!(lead.len(), 1, "{lead:?}");
    node.run(&["alert", "list"]).stdout_has("李值班");
    w.stop();
    // The 重保 report reads what the watcher saw and sent during the period.
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai);
    let at = |h: i64| {
        (now + chrono::Duration::hours(h))
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    node.run(&[
        "record",
        "guard",
        "春节重保",
        "--from",
        &at(-1),
        "--until",
        &at(1),
        "--people",
        "李值班",
    ])
    .code(0);
    let md = node.run(&["report", "guard", "1", "-o", "-"]);
    md.code(0)
        .stdout_has("持续监测：值守程序运行")
        .stdout_has("期间告警 2 次（严重 2 次），升级通知 1 次")
        .stdout_has("| 消息队列 | 严重 |")
        .stdout_has("李值班 已确认")
        .stdout_has("未恢复");
}

#[test]
fn a_flapping_check_is_reported_once_as_flapping() {
    let (port, seen) = receiver();
    let node = node(
        port,
        "  profiles:\n    flappy:\n      failure_threshold: 1\n      success_threshold: 1\n",
        "",
    );
    // Passes and fails on alternate runs.
    let counter = node.at("n");
    node.checks(
        "w.yaml",
        &format!(
            "  - id: flappy\n    title: 不稳定的接口\n    category: 日常检查\n    probe: {{ kind: command, shell: true, run: \"n=$(cat {c} 2>/dev/null || echo 0); echo $((n+1)) > {c}; [ $((n % 2)) -eq 0 ]\" }}\n",
            c = counter.display()
        ),
    );
    let w = Watcher::start(&node, &["--profile", "flappy"]);
    std::thread::sleep(Duration::from_secs(14));
    let log = w.stop();
    let all = messages(&seen, "/duty");
    let flaps = all.iter().filter(|m| m.0.contains("【抖动】")).count();
    assert_eq!(flaps, 1, "{all:?}\n{log}");
    // Four flips are paged before a fifth makes it flapping; then none.
    let after = all
        .iter()
        .skip_while(|m| !m.0.contains("【抖动】"))
        .skip(1)
        .count();
    assert_eq!(after, 0, "flips are not paged one by one: {all:?}");
}

#[test]
fn a_message_to_a_channel_that_is_down_waits_and_is_sent_once_it_is_up() {
    // The port is chosen now; nothing listens on it until later.
    let spare = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = spare.local_addr().unwrap().port();
    drop(spare);
    let node = node(port, "", "");
    node.checks(
        "w.yaml",
        &file_check(node.path(), "exchange-up", "共享交换平台", "x", ""),
    );
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(5));
    node.run(&["notify", "list"])
        .code(0)
        .stdout_has("共享交换平台");
    let (_, seen) = receiver_on(TcpListener::bind(("127.0.0.1", port)).unwrap());
    assert!(wait_for(&seen, "/duty", 1, 30), "{}", w.stop());
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(messages(&seen, "/duty").len(), 1);
    let log = w.stop();
    assert!(log.contains("failed (kept, retried)"), "{log}");
}

/// GET over HTTP/1.1 (the status code and the body), with basic auth when given.
fn get(port: u16, path: &str, auth: Option<&str>) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let auth = auth
        .map(|a| {
            use base64::Engine;
            format!(
                "Authorization: Basic {}\r\n",
                base64::engine::general_purpose::STANDARD.encode(a)
            )
        })
        .unwrap_or_default();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_owned();
    (code, body)
}

/// Starts `znode serve` on a free port; waits until it answers.
fn serve(node: &TestNode, extra: &[&str]) -> (Child, u16) {
    let port = crate::support::closed_port();
    let listen = format!("127.0.0.1:{port}");
    let mut args = vec!["serve", "--listen", &listen];
    args.extend_from_slice(extra);
    let child = node
        .cmd(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let end = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < end, "serve did not listen on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    (child, port)
}

#[test]
fn the_status_page_in_a_real_browser_shows_the_banner_the_bars_and_the_incidents() {
    let (port, seen) = receiver();
    let node = node(port, "", "").env("ZNODE_TEST_PAGE_PASSWORD", "page-secret-7731");
    node.checks(
        "w.yaml",
        &(file_check(node.path(), "portal-up", "门户首页可用性", "up", "")
            + &file_check(node.path(), "db-up", "共享库可用性", "db", "")),
    );
    touch(&node, "db");
    let w = Watcher::start(&node, &[]);
    assert!(wait_for(&seen, "/duty", 1, 20), "{}", w.stop());
    w.stop();
    node.run(&["inspect"]);
    let (mut open, port) = serve(&node, &[]);
    let page = node.at("page");
    std::fs::create_dir_all(&page).unwrap();
    let url = format!("http://127.0.0.1:{port}/");
    let chromium = |args: &[&str]| {
        std::process::Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .arg(format!(
                "--user-data-dir={}",
                page.join("profile").display()
            ))
            .args(args)
            .output()
            .unwrap()
    };
    let dom = chromium(&["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    assert!(dom.contains("data-testid=\"banner\""), "{dom}");
    assert!(dom.contains("部分异常：1 项严重"), "{dom}");
    assert_eq!(
        dom.matches("<rect data-day=").count(),
        2 * 90,
        "90 bars per check"
    );
    assert!(
        dom.contains("class=\"bar down\""),
        "today's bar of the failing check"
    );
    assert!(
        dom.contains("class=\"bar ok\""),
        "today's bar of the healthy one"
    );
    assert!(dom.contains("incident-row"), "{dom}");
    assert!(dom.contains("门户首页可用性出现严重异常"), "{dom}");
    assert!(dom.contains("最近一次巡检"), "{dom}");
    let shot = page.join("status.png");
    chromium(&[
        "--window-size=1280,1000",
        &format!("--screenshot={}", shot.display()),
        &url,
    ]);
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "a screenshot of {size} bytes");
    let (code, check) = get(port, "/check/portal-up", None);
    assert_eq!(code, 200);
    assert!(
        check.contains("告警记录") && check.contains("event-row"),
        "{check}"
    );
    assert_eq!(get(port, "/check/nothing", None).0, 404);
    let (_, metrics) = get(port, "/metrics", None);
    assert!(
        metrics.contains("znode_check_status{check=\"portal-up\",host=\"\",system=\"portal\"} 2"),
        "{metrics}"
    );
    assert!(metrics.contains("znode_alerts_firing 1"), "{metrics}");
    let (_, json) = get(port, "/api/v1/status", None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "znode.status/v1");
    assert_eq!(v["status"]["overall"], "partial");
    let (_, badge) = get(port, "/badge/portal-up.svg", None);
    assert!(
        badge.starts_with("<svg") && badge.contains("严重"),
        "{badge}"
    );
    // Another machine reads the watcher's heartbeat from the page.
    let probe = node.run(&["probe", "watch", &url]);
    assert!(
        probe.stdout().contains("值守程序已停止"),
        "{}",
        probe.stdout()
    );
    open.kill().unwrap();
    open.wait().unwrap();

    let (mut guarded, port) = serve(
        &node,
        &[
            "--user",
            "ops",
            "--password-env",
            "ZNODE_TEST_PAGE_PASSWORD",
        ],
    );
    assert_eq!(get(port, "/", None).0, 401);
    assert_eq!(get(port, "/", Some("ops:wrong")).0, 401);
    let (code, body) = get(port, "/", Some("ops:page-secret-7731"));
    assert_eq!(code, 200);
    assert!(!body.contains("page-secret-7731"));
    guarded.kill().unwrap();
    guarded.wait().unwrap();
}

#[test]
fn sighup_reloads_the_checks_and_a_broken_config_keeps_the_old_one() {
    let (port, seen) = receiver();
    let node = node(port, "", "");
    node.checks(
        "w.yaml",
        &file_check(node.path(), "a-up", "甲系统", "a", ""),
    );
    touch(&node, "a");
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(2));
    let hup = |w: &Watcher| {
        std::process::Command::new("kill")
            .args(["-HUP", &w.child.id().to_string()])
            .status()
            .unwrap();
    };
    // A second check, failing from the start.
    node.checks(
        "w.yaml",
        &(file_check(node.path(), "a-up", "甲系统", "a", "")
            + &file_check(node.path(), "b-up", "乙系统", "b", "")),
    );
    hup(&w);
    assert!(wait_for(&seen, "/duty", 1, 20), "{}", w.stop());
    assert!(messages(&seen, "/duty")[0].0.contains("乙系统"));
    // A mistake: the watcher says so and goes on with what it had.
    node.checks("w.yaml", "  - id: c\n    titel: 丙\n");
    hup(&w);
    std::thread::sleep(Duration::from_secs(2));
    remove(&node, "a");
    assert!(wait_for(&seen, "/duty", 2, 20), "{}", w.stop());
    // A firing check taken out of the config is closed, not left paging.
    node.checks(
        "w.yaml",
        &file_check(node.path(), "a-up", "甲系统", "a", ""),
    );
    hup(&w);
    assert!(wait_for(&seen, "/duty", 3, 20), "{}", w.stop());
    let last = messages(&seen, "/duty").pop().unwrap();
    assert!(last.0.contains("【不再监测】乙系统"), "{last:?}");
    let log = w.stop();
    assert!(log.contains("configuration reloaded: 2 check(s)"), "{log}");
    assert!(log.contains("configuration NOT reloaded"), "{log}");
    assert!(log.contains("titel"), "{log}");
}

#[test]
fn the_daily_duty_report_goes_out_once_a_day() {
    let (port, seen) = receiver();
    // Due since midnight: sent at start, and not again after a restart.
    let node = node(port, "  daily_report: { at: \"00:00\" }\n", "");
    node.checks(
        "w.yaml",
        &file_check(node.path(), "a-up", "甲系统", "a", ""),
    );
    let w = Watcher::start(&node, &[]);
    assert!(wait_for(&seen, "/duty", 2, 20), "{}", w.stop());
    w.stop();
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(3));
    w.stop();
    let all = messages(&seen, "/duty");
    let daily: Vec<_> = all
        .iter()
        .filter(|m| m.0.contains("【值班日报】"))
        .collect();
    assert_eq!(daily.len(), 1, "{all:?}");
    let text = &daily[0].1;
    for part in [
        "一、告警情况",
        "二、仍未恢复",
        "三、状态抖动",
        "四、即将到期",
        "五、值守程序",
    ] {
        assert!(text.contains(part), "{text}");
    }
}

#[test]
fn a_pending_failure_is_confirmed_by_a_recheck_not_an_interval_later() {
    let (port, seen) = receiver();
    let node = node(port, "  recheck: 1s\n", "");
    node.checks(
        "w.yaml",
        &file_check(
            node.path(),
            "nightly-up",
            "夜间服务",
            "n",
            "    every: 60s\n",
        ),
    );
    let w = Watcher::start(&node, &[]);
    // Interval 60 s, two failures needed: without the recheck the second comes a minute later.
    assert!(wait_for(&seen, "/duty", 1, 30), "{}", w.stop());
    w.stop();
}
