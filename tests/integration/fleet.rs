//! The fleet over real OpenSSH: test hosts are network namespaces made here, each with its own
//! veth pair, address and `sshd` (host key and authorized key generated per test), so traffic
//! goes only to them. They share this machine's filesystem, so a host's own files are told
//! apart by path.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use crate::support::{TestNode, wait_for};

static NEXT: AtomicU32 = AtomicU32::new(0);

/// One test host: a namespace with sshd listening on its address.
struct TestHost {
    name: String,
    ns: String,
    outer: String,
    address: String,
    gateway: String,
    dir: PathBuf,
}

/// Several test hosts, the client key that logs into all of them, and their known_hosts.
struct TestFleet {
    hosts: Vec<TestHost>,
    dir: tempfile::TempDir,
}

fn sh(cmd: &str) {
    let out = Command::new("sh").args(["-c", cmd]).output().unwrap();
    assert!(
        out.status.success(),
        "`{cmd}` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl TestFleet {
    /// `n` hosts named h1..hn, each with sshd running.
    fn new(n: usize) -> TestFleet {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all("/run/sshd").unwrap();
        sh(&format!(
            "ssh-keygen -q -t ed25519 -N '' -f {}/client_key",
            d.display()
        ));
        let mut fleet = TestFleet {
            hosts: Vec::new(),
            dir,
        };
        for i in 1..=n {
            fleet.add(&format!("h{i}"));
        }
        fleet.write_known_hosts();
        fleet
    }

    fn add(&mut self, name: &str) {
        let k = NEXT.fetch_add(1, Ordering::SeqCst);
        let pid = std::process::id();
        // Names and subnets unique per test process and host, so tests run in parallel and a
        // second run finds nothing of the first.
        let tag = format!("z{}n{k}", pid % 100_000);
        let (a, b) = (64 + (pid % 64), k % 250 + 1);
        let host = TestHost {
            name: name.to_owned(),
            ns: tag.clone(),
            outer: format!("{tag}o"),
            address: format!("10.{a}.{b}.2"),
            gateway: format!("10.{a}.{b}.1"),
            dir: self.dir.path().join(name),
        };
        std::fs::create_dir_all(&host.dir).unwrap();
        let TestHost {
            ns,
            outer,
            address,
            gateway,
            ..
        } = &host;
        let _ = Command::new("ip").args(["netns", "del", ns]).output();
        let _ = Command::new("ip").args(["link", "del", outer]).output();
        sh(&format!(
            "ip netns add {ns} && ip link add {outer} type veth peer name {tag}i && \
             ip link set {tag}i netns {ns} && ip addr add {gateway}/30 dev {outer} && ip link set {outer} up && \
             ip -n {ns} addr add {address}/30 dev {tag}i && ip -n {ns} link set {tag}i up && ip -n {ns} link set lo up"
        ));
        let hd = host.dir.display();
        sh(&format!("ssh-keygen -q -t ed25519 -N '' -f {hd}/hostkey"));
        std::fs::copy(
            self.dir.path().join("client_key.pub"),
            host.dir.join("authorized_keys"),
        )
        .unwrap();
        std::fs::write(
            host.dir.join("sshd_config"),
            format!(
                "ListenAddress {address}\nHostKey {hd}/hostkey\nPidFile {hd}/sshd.pid\nAuthorizedKeysFile {hd}/authorized_keys\n\
                 StrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
            ),
        )
        .unwrap();
        self.hosts.push(host);
        self.start(name);
    }

    /// Gives a host a default route through the jump host, which forwards between the hosts,
    /// so that one host can reach another.
    fn route_between_hosts(&self, name: &str) {
        let h = self.host(name);
        sh("sysctl -qw net.ipv4.ip_forward=1");
        sh(&format!(
            "ip -n {} route add default via {}",
            h.ns, h.gateway
        ));
    }

    fn host(&self, name: &str) -> &TestHost {
        self.hosts.iter().find(|h| h.name == name).unwrap()
    }

    /// Starts (or restarts) a host's sshd and waits until it accepts connections.
    fn start(&self, name: &str) {
        let h = self.host(name);
        sh(&format!(
            "ip netns exec {} /usr/sbin/sshd -f {}/sshd_config -E {}/sshd.log",
            h.ns,
            h.dir.display(),
            h.dir.display()
        ));
        let addr: std::net::SocketAddr = format!("{}:22", h.address).parse().unwrap();
        wait_for(10, "sshd to listen", || {
            std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
        });
    }

    /// Kills every process of a host's namespace: its sshd, its sessions and what they run.
    fn kill_all(&self, name: &str) {
        let h = self.host(name);
        let _ = Command::new("sh")
            .args(["-c", &format!("ip netns pids {} | xargs -r kill -9", h.ns)])
            .output();
    }

    /// Gives one host its own version of `/etc/NAME` (which must exist): `ip netns exec`
    /// bind-mounts `/etc/netns/NS/NAME` over it for what it starts, so the host's sshd is
    /// restarted.
    fn own_etc_file(&self, name: &str, file: &str, contents: &str) {
        let h = self.host(name);
        let dir = PathBuf::from("/etc/netns").join(&h.ns);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(file), contents).unwrap();
        self.kill_all(name);
        self.start(name);
    }

    /// Gives one host its own folder `/etc/NAME` (which must exist) holding `files`, as
    /// [`TestFleet::own_etc_file`] does for a file; returns the folder as the host's
    /// processes will see it, for the test to write into later.
    fn own_etc_dir(&self, name: &str, folder: &str, files: &[(&str, &str)]) -> PathBuf {
        let h = self.host(name);
        let dir = PathBuf::from("/etc/netns").join(&h.ns).join(folder);
        for (file, contents) in files {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        self.kill_all(name);
        self.start(name);
        dir
    }

    /// Drops everything the host would send back to the jump host: connects hang as behind
    /// a firewall that DROPs, until the connect timeout.
    fn black_hole(&self, name: &str) {
        let h = self.host(name);
        sh(&format!(
            "ip -n {} route add blackhole {}/32",
            h.ns, h.gateway
        ));
    }

    /// Runs a shell line on a host over ssh, as root.
    fn ssh(&self, name: &str, line: &str) -> std::process::Output {
        let h = self.host(name);
        Command::new("ssh")
            .args(["-T", "-o", "BatchMode=yes", "-i"])
            .arg(self.client_key())
            .arg("-o")
            .arg(format!(
                "UserKnownHostsFile={}",
                self.known_hosts().display()
            ))
            .arg(format!("root@{}", h.address))
            .arg(line)
            .output()
            .unwrap()
    }

    fn write_known_hosts(&self) {
        let mut lines = String::new();
        for h in &self.hosts {
            let key = std::fs::read_to_string(h.dir.join("hostkey.pub")).unwrap();
            let key: Vec<&str> = key.split_whitespace().take(2).collect();
            lines.push_str(&format!("{} {}\n", h.address, key.join(" ")));
        }
        std::fs::write(self.known_hosts(), lines).unwrap();
    }

    fn known_hosts(&self) -> PathBuf {
        self.dir.path().join("known_hosts")
    }

    fn client_key(&self) -> PathBuf {
        self.dir.path().join("client_key")
    }

    /// Where znode is installed on every host (the filesystem is shared; the path is the
    /// fleet's own).
    fn znode_path(&self) -> PathBuf {
        self.dir.path().join("remote/bin/znode")
    }

    /// `hosts:` and `fleet:` for znode.yaml: every host in group `web`.
    fn config(&self) -> String {
        let mut s = format!(
            "fleet:\n  known_hosts: {}\n  connect_timeout: 2s\n  control_persist: 0s\nhosts:\n",
            self.known_hosts().display()
        );
        for h in &self.hosts {
            s.push_str(&format!(
                "  {}: {{ address: {}, user: root, identity: {}, groups: [web], znode_path: {} }}\n",
                h.name,
                h.address,
                self.client_key().display(),
                self.znode_path().display()
            ));
        }
        s
    }
}

impl Drop for TestFleet {
    fn drop(&mut self) {
        for h in &self.hosts {
            self.kill_all(&h.name);
            let _ = Command::new("ip").args(["netns", "del", &h.ns]).output();
            let _ = std::fs::remove_dir_all(PathBuf::from("/etc/netns").join(&h.ns));
            let _ = Command::new("ip").args(["link", "del", &h.outer]).output();
        }
    }
}

/// A node whose portal system runs on the fleet's hosts, with znode pushed to them.
fn node_on(fleet: &TestFleet, checks: &str) -> TestNode {
    let node = TestNode::with_config(&format!(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\n{}systems:\n  - id: portal\n    name: 门户\n    hosts: [web]\n",
        fleet.config()
    ));
    node.checks("fleet.yaml", checks);
    node.run(&["fleet", "push"]).code(0);
    node
}

const HOST_CHECKS: &str = "  - id: root-disk\n    title: 磁盘\n    category: 日常检查\n    system: portal\n    probe: { kind: disk, mounts: [/] }\n  - id: host-name\n    title: 主机名\n    category: 常规检查\n    system: portal\n    probe: { kind: command, run: [uname, -n] }\n";

fn outcomes_of<'a>(doc: &'a serde_json::Value, check: &str) -> Vec<&'a serde_json::Value> {
    doc["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["check"] == check)
        .collect()
}

#[test]
fn host_level_checks_run_on_every_host_of_their_system_and_network_checks_here() {
    let fleet = TestFleet::new(3);
    let node = node_on(
        &fleet,
        &format!(
            "{HOST_CHECKS}  - id: jump-port\n    title: 端口\n    category: 日常检查\n    system: portal\n    probe: {{ kind: tcp, address: \"127.0.0.1:5432\" }}\n"
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["schema"], "znode.inspection/v2");
    let disks = outcomes_of(&doc, "root-disk");
    let hosts: Vec<&str> = disks.iter().map(|o| o["host"].as_str().unwrap()).collect();
    assert_eq!(hosts, ["h1", "h2", "h3"]);
    assert!(
        disks
            .iter()
            .all(|o| o["status"] == "OK" && o["unreached"] == false)
    );
    assert!(disks[0]["value"]["metric"].as_str().is_some());
    let tcp = outcomes_of(&doc, "jump-port");
    assert_eq!(tcp.len(), 1);
    assert!(
        tcp[0]["host"].is_null(),
        "network checks run on the jump host"
    );
    assert_eq!(doc["run"]["planned"], 7);

    // The table shows the host; `--host` narrows the run; history keeps one row per host.
    node.run(&["inspect"])
        .code(0)
        .stdout_has("主机")
        .stdout_has("h2");
    let (_, one) = node.inspect_json(&["--host", "h2"]);
    let hosts: Vec<&str> = one["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["host"].as_str().unwrap_or("local"))
        .collect();
    assert_eq!(hosts, ["h2", "h2"]);
    node.run(&["inspect", "--host", "h9"])
        .code(3)
        .stderr_has("no host or group is called `h9`");
    let shown = node.run(&["history", "show", "latest", "-f", "json"]);
    assert_eq!(outcomes_of(&shown.json(), "host-name").len(), 1);
    // node_exporter's textfile collector: stable labels, each series once, a whole file.
    let dir = node.at("textfile/x");
    let dir = dir.parent().unwrap();
    node.run(&[
        "inspect",
        "-f",
        "json",
        "--textfile-dir",
        dir.to_str().unwrap(),
    ])
    .code(0);
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["znode_inspect.prom"], "no temporary file is left");
    let prom = std::fs::read_to_string(dir.join("znode_inspect.prom")).unwrap();
    assert!(prom.ends_with('\n'));
    assert!(prom.contains(
        "znode_check_status{node=\"测试节点\",host=\"h3\",check=\"root-disk\",category=\"日常检查\",system=\"portal\",kind=\"disk\"} 0"
    ), "{prom}");
    let series: Vec<&str> = prom
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.rsplit_once(' ').unwrap().0)
        .collect();
    let unique: std::collections::BTreeSet<&&str> = series.iter().collect();
    assert_eq!(unique.len(), series.len(), "a series twice: {prom}");
    assert!(
        !prom.contains("run_id"),
        "never a label that changes every run"
    );
}

#[test]
fn an_unreachable_host_is_not_collected_once_and_never_delays_the_run_past_its_timeout() {
    let fleet = TestFleet::new(3);
    let node = node_on(&fleet, HOST_CHECKS);
    fleet.kill_all("h2");
    fleet.black_hole("h3");
    let started = Instant::now();
    let ran = node.run(&["inspect", "--open-incidents"]);
    let took = started.elapsed();
    ran.code(3)
        .stdout_has("未采集的主机")
        .stdout_has("h2: 连接被拒绝")
        .stdout_has("h3: 连接超时")
        .stdout_has("2 项检查未采集")
        .stderr_has("host h2 could not be reached")
        .stderr_has("host h3 could not be reached");
    // 2 s connect timeout; the black hole costs its timeout, not the run's sum of checks.
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let (_, doc) = node.inspect_json(&[]);
    for o in outcomes_of(&doc, "root-disk") {
        match o["host"].as_str().unwrap_or_else(|| panic!("{doc:#}")) {
            "h1" => assert_eq!(o["status"], "OK"),
            _ => {
                assert_eq!(o["status"], "UNKNOWN", "{o}");
                assert_eq!(o["unreached"], true);
                assert!(o["summary"].as_str().unwrap().contains("未采集："));
            }
        }
    }
    // The inspection report has a host × category matrix and lists the hosts not collected.
    let md = node.run(&["report", "inspection", "-f", "md", "-o", "-"]);
    md.code(0)
        .stdout_has("各主机巡检情况")
        .stdout_has("| h1 | 正常 1 | 正常 1 | 正常 |")
        .stdout_has("| h3 | 未采集 1 | 未采集 1 | 未采集 |")
        .stdout_has("| h2 | 连接被拒绝");
    // One incident per host, not one per check; the next run adds to them.
    let listed = node.run(&["incident", "list", "-f", "json"]).json();
    let titles: Vec<&str> = listed["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["incident"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("主机 h2 无法采集")));
}

#[test]
fn a_changed_host_key_is_refused_and_said_so() {
    let fleet = TestFleet::new(1);
    let node = node_on(&fleet, HOST_CHECKS);
    let h = fleet.host("h1");
    sh(&format!(
        "ssh-keygen -q -t ed25519 -N '' -f {}/other && echo \"{} $(cut -d' ' -f1,2 {}/other.pub)\" > {}",
        fleet.dir.path().display(),
        h.address,
        fleet.dir.path().display(),
        fleet.known_hosts().display()
    ));
    node.run(&["inspect"])
        .code(3)
        .stdout_has("主机密钥已变更")
        .stdout_has("ssh-keygen -R");
    node.run(&["fleet", "ping"])
        .code(2)
        .stdout_has("主机密钥已变更");
}

#[test]
fn a_host_lost_mid_run_gives_the_checks_it_had_not_finished_as_not_collected() {
    let fleet = TestFleet::new(2);
    let node = node_on(
        &fleet,
        &format!(
            "{HOST_CHECKS}  - id: slow\n    title: 慢检查\n    category: 常规检查\n    system: portal\n    timeout: 20s\n    probe: {{ kind: command, run: [sleep, \"6\"] }}\n"
        ),
    );
    let child = node
        .cmd(&["inspect", "-f", "json"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The fast checks are done and the slow one sleeps on both hosts when h2 goes away.
    std::thread::sleep(Duration::from_secs(2));
    fleet.kill_all("h2");
    let out = child.wait_with_output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let slow = outcomes_of(&doc, "slow");
    let h2 = slow.iter().find(|o| o["host"] == "h2").unwrap();
    assert_eq!(h2["unreached"], true, "{h2}");
    assert!(h2["summary"].as_str().unwrap().contains("失去连接"), "{h2}");
    let h1 = slow.iter().find(|o| o["host"] == "h1").unwrap();
    assert_eq!(h1["status"], "OK");
    let disk_h2 = outcomes_of(&doc, "root-disk")
        .into_iter()
        .find(|o| o["host"] == "h2")
        .unwrap();
    assert_eq!(
        disk_h2["status"], "OK",
        "finished before the host went away"
    );
}

#[test]
fn killing_the_jump_host_run_stops_the_checks_on_the_hosts() {
    let fleet = TestFleet::new(1);
    let marker = format!("{}", 4000 + std::process::id() % 1000);
    let node = node_on(
        &fleet,
        &format!(
            "  - id: long\n    title: 长检查\n    category: 常规检查\n    system: portal\n    timeout: 60s\n    probe: {{ kind: command, run: [sleep, \"{marker}\"] }}\n"
        ),
    );
    let mut child = node.cmd(&["inspect"]).spawn().unwrap();
    let running = || {
        Command::new("pgrep")
            .args(["-f", &format!("^sleep {marker}$")])
            .output()
            .unwrap()
            .status
            .success()
    };
    wait_for(15, "the check to run on the host", running);
    child.kill().unwrap();
    child.wait().unwrap();
    // ssh goes with znode; the agent sees its stdin close and kills the check's group.
    wait_for(15, "the check on the host to be stopped", || !running());
}

#[test]
fn push_is_idempotent_checks_the_sum_and_replaces_a_changed_binary() {
    let fleet = TestFleet::new(2);
    let node = node_on(&fleet, HOST_CHECKS);
    let doc = node.run(&["fleet", "push", "-f", "json"]).json();
    assert!(
        doc.as_array()
            .unwrap()
            .iter()
            .all(|p| p["result"] == "up-to-date"),
        "{doc}"
    );
    // Another build (here: the same program with a byte appended) is installed again.
    let other = node.at("znode-other");
    std::fs::copy(env!("CARGO_BIN_EXE_znode"), &other).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&other)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"\n"))
        .unwrap();
    let doc = node
        .run(&[
            "fleet",
            "push",
            "--host",
            "h1",
            "-f",
            "json",
            "--binary",
            other.to_str().unwrap(),
        ])
        .json();
    assert_eq!(doc[0]["result"], "installed", "{doc}");
    assert_eq!(
        std::fs::read(fleet.znode_path()).unwrap(),
        std::fs::read(&other).unwrap()
    );
    // A file that is not a program for this host is refused before it replaces znode.
    let junk = node.file("junk", "#!/bin/false\n");
    let doc = node
        .run(&[
            "fleet",
            "push",
            "--host",
            "h2",
            "-f",
            "json",
            "--binary",
            junk.to_str().unwrap(),
        ])
        .json();
    assert_eq!(doc[0]["result"], "failed", "{doc}");
    assert!(doc[0]["detail"].as_str().unwrap().contains("does not run"));
    assert_eq!(
        std::fs::read(fleet.znode_path()).unwrap(),
        std::fs::read(&other).unwrap(),
        "the installed znode is untouched"
    );
    let ping = node.run(&["fleet", "ping", "-f", "json"]).json();
    assert!(
        ping.as_array()
            .unwrap()
            .iter()
            .all(|p| p["znode"].is_string())
    );
    assert!(
        // One clock for both ends: within the exchange's own duration, even on a busy machine.
        ping[0]["clock_offset_ms"].as_i64().unwrap().abs() < 2000,
        "{ping}"
    );
}

#[test]
fn an_ansible_inventory_names_the_hosts_and_its_groups_place_the_checks() {
    let fleet = TestFleet::new(2);
    let node = TestNode::with_config("");
    let h = |n: &str| fleet.host(n);
    node.file(
        "hosts.yml",
        format!(
            "all:\n  vars:\n    ansible_user: root\n    ansible_ssh_private_key_file: {key}\n    znode_path: {path}\n    ansible_ssh_common_args: \"-o UserKnownHostsFile={kh}\"\n  children:\n    frontend:\n      hosts:\n        web-a: {{ ansible_host: {a} }}\n    db:\n      hosts:\n        db-a: {{ ansible_host: {b} }}\n",
            key = fleet.client_key().display(),
            path = fleet.znode_path().display(),
            kh = fleet.known_hosts().display(),
            a = h("h1").address,
            b = h("h2").address,
        ),
    );
    std::fs::write(
        node.config(),
        "node: 测试节点\nstore: history.db\nchecks: [checks]\ninventory: hosts.yml\nfleet: { connect_timeout: 2s }\nsystems:\n  - id: portal\n    name: 门户\n    hosts: [frontend]\n  - id: shared-db\n    name: 共享库\n    hosts: [db]\n",
    )
    .unwrap();
    node.checks(
        "x.yaml",
        "  - id: db-disk\n    title: 磁盘\n    category: 日常检查\n    system: shared-db\n    probe: { kind: disk, mounts: [/] }\n  - id: every-load\n    title: 负载\n    category: 性能检查\n    hosts: [all]\n    probe: { kind: load }\n    warn: \"100\"\n",
    );
    node.run(&["config", "check"]).code(0);
    node.run(&["fleet", "push"]).code(0);
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 0, "{doc}");
    let host_of = |id: &str| -> Vec<String> {
        outcomes_of(&doc, id)
            .iter()
            .map(|o| o["host"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(host_of("db-disk"), ["db-a"]);
    assert_eq!(host_of("every-load"), ["db-a", "web-a"]);
}

#[test]
fn config_check_places_unknown_hosts_and_misplaced_keys_at_their_lines() {
    let node = TestNode::with_config(
        "node: n\nchecks: [checks]\nhosts:\n  db-1: { address: 10.0.0.5, groups: [db] }\n  web-1: { address: 10.0.0.6 }\n  web-9: { address: 10.0.0.9, prot: 22 }\nsystems:\n  - id: portal\n    name: 门户\n    hosts: [db, webb-1]\ntargets:\n  pg: { address: 127.0.0.1:5432 }\n",
    );
    node.checks(
        "x.yaml",
        "  - id: a\n    title: t\n    category: 日常检查\n    hosts: [db-2]\n    probe: { kind: disk }\n  - id: b\n    title: t\n    category: 日常检查\n    target: pg\n    hosts: [db-1]\n    probe: { kind: tcp }\n  - id: c\n    title: t\n    category: 日常检查\n    from: db\n    target: pg\n    probe: { kind: tcp }\n",
    );
    let ran = node.run(&["config", "check"]);
    ran.code(3)
        .stderr_has("znode.yaml:6:")
        .stderr_has("unknown key `prot`")
        .stderr_has("znode.yaml:10:")
        .stderr_has("unknown host or group `webb-1`")
        .stderr_has("did you mean `web-1`?")
        .stderr_has("unknown host or group `db-2`")
        .stderr_has("use `from: HOST`")
        .stderr_has("`from` names the group `db`");
}

#[test]
fn push_mode_a_host_stores_its_own_outcomes_in_the_shared_store_and_the_centre_watches_its_heartbeat()
 {
    let db = crate::support::PgDb::create("znode_push");
    let fleet = TestFleet::new(2);
    let node = node_on(&fleet, HOST_CHECKS);
    // h1 is a 前置机 the jump host does not reach: it runs its own inspection by its timer,
    // into the shared PostgreSQL store (here through the server's socket, the filesystem
    // being shared with the namespace).
    let store = format!(
        "postgres://postgres@localhost/{}?host=/var/run/postgresql",
        db.0
    );
    let own = node.file(
        "h1/znode.yaml",
        format!("node: 测试节点\nthis_host: h1\nstore: \"{store}\"\nchecks: [checks]\n"),
    );
    node.file(
        "h1/checks/own.yaml",
        "checks:\n  - id: own-disk\n    title: 磁盘\n    category: 日常检查\n    probe: { kind: disk, mounts: [/] }\n",
    );
    let out = fleet.ssh(
        "h1",
        &format!(
            "{} -c {} inspect -f json",
            fleet.znode_path().display(),
            own.display()
        ),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outcomes_of(&doc, "own-disk")[0]["host"], "h1");

    // The centre: both hosts should report hourly; h2 never did. The centre inspects neither
    // over ssh (their sshd is gone); it judges their heartbeats from the shared store.
    let text = std::fs::read_to_string(node.config()).unwrap();
    let text = text
        .replace(
            "groups: [web], znode_path",
            "groups: [web], push: 1h, znode_path",
        )
        .replace("store: history.db", &format!("store: \"{store}\""));
    std::fs::write(node.config(), text).unwrap();
    fleet.kill_all("h1");
    fleet.kill_all("h2");
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 2, "{doc:#}");
    let beat = |h: &str| outcome_on(&doc, &format!("heartbeat-{h}"), h);
    assert_eq!(beat("h1")["status"], "OK", "{doc:#}");
    assert_eq!(beat("h2")["status"], "CRIT");
    assert!(beat("h2")["summary"].as_str().unwrap().contains("从未上报"));
    assert!(
        outcomes_of(&doc, "root-disk").is_empty(),
        "push hosts are not inspected over ssh"
    );
    // The centre's history holds h1's own run beside its own, the same way.
    let stored = crate::support::psql_count(
        &db.0,
        "SELECT count(*) FROM outcomes WHERE host = 'h1' AND check_id = 'own-disk'",
    );
    assert_eq!(stored, 1);
}

fn outcome_on<'a>(doc: &'a serde_json::Value, check: &str, host: &str) -> &'a serde_json::Value {
    outcomes_of(doc, check)
        .into_iter()
        .find(|o| o["host"] == host)
        .unwrap_or_else(|| panic!("no {check} on {host} in {doc:#}"))
}

/// A file removed when the test ends, however it ends.
struct Removed(PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn same_names_the_host_whose_configuration_differs_from_the_others() {
    let fleet = TestFleet::new(3);
    let file = format!("znode-fleet-{}.conf", std::process::id());
    let etc = Removed(PathBuf::from("/etc").join(&file));
    std::fs::write(&etc.0, "db.url=jdbc:postgresql://db/exchange\n").unwrap();
    fleet.own_etc_file("h3", &file, "db.url=jdbc:postgresql://db-old/exchange\n");
    let node = node_on(
        &fleet,
        &format!(
            "  - id: conf-same\n    title: 前置机配置一致\n    category: 常规检查\n    system: portal\n    probe: {{ kind: file, path: {} }}\n    same: sha256\n  - id: kernel-same\n    title: 内核版本一致\n    category: 常规检查\n    system: portal\n    probe: {{ kind: command, run: [uname, -r] }}\n    same: output\n  - id: clock\n    title: 时钟偏差\n    category: 常规检查\n    system: portal\n    probe: {{ kind: clock }}\n",
            etc.0.display()
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 1, "{doc:#}");
    assert_eq!(outcome_on(&doc, "conf-same", "h1")["status"], "OK");
    assert_eq!(outcome_on(&doc, "conf-same", "h2")["status"], "OK");
    let odd = outcome_on(&doc, "conf-same", "h3");
    assert_eq!(odd["status"], "WARN", "{odd:#}");
    let why = odd["summary"].as_str().unwrap();
    assert!(
        why.contains("与其他主机不一致") && why.contains("2/3"),
        "{why}"
    );
    assert!(
        odd["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().starts_with("h1: sha256 = ")),
        "{odd:#}"
    );
    for h in ["h1", "h2", "h3"] {
        assert_eq!(outcome_on(&doc, "kernel-same", h)["status"], "OK");
    }
    // Each host's clock against the jump host's (the namespaces share this machine's clock).
    for h in ["h1", "h2", "h3"] {
        let o = outcome_on(&doc, "clock", h);
        let offset = o["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == "offset")
            .unwrap_or_else(|| panic!("{o:#}"))["value"]
            .as_f64()
            .unwrap();
        // The namespaces share this machine's clock: what is left is half a round trip.
        assert!(offset.abs() < 1.0, "{o:#}");
        assert!(o["summary"].as_str().unwrap().contains("与跳板机时钟相差"));
    }
    // A comparison needs hosts to compare.
    node.checks(
        "one.yaml",
        "  - id: lonely\n    title: t\n    category: 常规检查\n    hosts: [h1]\n    probe: { kind: file, path: /etc/hosts }\n    same: sha256\n",
    );
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("compares a fact across hosts, but this check runs on 1 host");
}

#[test]
fn a_host_with_sudo_runs_its_agent_through_sudo() {
    let fleet = TestFleet::new(1);
    let node = node_on(&fleet, HOST_CHECKS);
    let text = std::fs::read_to_string(node.config()).unwrap();
    std::fs::write(
        node.config(),
        text.replace("user: root,", "user: root, sudo: true,"),
    )
    .unwrap();
    let ping = node.run(&["fleet", "ping", "-f", "json"]).json();
    assert_eq!(ping[0]["sudo"], true, "{ping}");
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(outcome_on(&doc, "root-disk", "h1")["status"], "OK");
    // A sudo that cannot run znode (here: a path sudo refuses to find) is said per host.
    let text = std::fs::read_to_string(node.config()).unwrap();
    std::fs::write(
        node.config(),
        text.replace(
            &fleet.znode_path().display().to_string(),
            "/nonexistent/znode",
        ),
    )
    .unwrap();
    node.run(&["inspect"])
        .code(3)
        .stdout_has("未采集的主机")
        .stdout_has("主机上未安装 znode");
}

#[test]
fn the_monthly_report_has_a_row_per_host_with_what_was_not_collected() {
    // Outcomes on two hosts: one reports by itself (push mode, run here as `this_host`), the
    // other cannot be reached from the jump host.
    let fleet = TestFleet::new(1);
    let node = node_on(&fleet, HOST_CHECKS);
    node.run(&["inspect"]).code(0);
    fleet.kill_all("h1");
    node.run(&["inspect"]).code(3);
    let own = node.file(
        "own/znode.yaml",
        format!(
            "node: 测试节点\nthis_host: qzj-01\nstore: {}\nchecks: [checks]\n",
            node.at("history.db").display()
        ),
    );
    node.file(
        "own/checks/c.yaml",
        "checks:\n  - id: own-load\n    title: 负载\n    category: 性能检查\n    probe: { kind: load }\n    warn: \"100\"\n",
    );
    crate::support::znode()
        .arg("-c")
        .arg(&own)
        .arg("inspect")
        .output()
        .unwrap();
    let month = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m")
        .to_string();
    let md = node.run(&["report", "monthly", "-p", &month, "-f", "md", "-o", "-"]);
    md.code(0)
        .stdout_has("各主机情况")
        .stdout_has("| h1 | 正常 1 | - | 正常 1 | 2 |")
        .stdout_has("| qzj-01 | - | 正常 1 | - | 0 |");
    let week = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%G-W%V")
        .to_string();
    node.run(&["report", "weekly", "-p", &week, "-f", "md", "-o", "-"])
        .code(0)
        .stdout_has("各主机情况")
        .stdout_has("| h1 | 正常 1 | - | 正常 1 | 2 |");
}

#[test]
fn a_host_behind_a_jump_host_is_reached_through_it_with_the_same_safety_options() {
    let fleet = TestFleet::new(2);
    fleet.route_between_hosts("h1");
    fleet.route_between_hosts("h2");
    // h2 drops what it would answer the jump host directly: only through h1 is it reachable.
    fleet.black_hole("h2");
    let node = TestNode::with_config("");
    let mut config = fleet.config().replace(
        &format!("address: {}, ", fleet.host("h2").address),
        &format!("address: {}, jump: h1, ", fleet.host("h2").address),
    );
    config.push_str("checks: [checks]\nstore: history.db\nnode: 测试节点\n");
    std::fs::write(node.config(), config).unwrap();
    node.checks(
        "x.yaml",
        "  - id: disk\n    title: 磁盘\n    category: 日常检查\n    hosts: [h2]\n    probe: { kind: disk, mounts: [/] }\n",
    );
    node.run(&["fleet", "push", "--host", "h2"]).code(0);
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(outcome_on(&doc, "disk", "h2")["status"], "OK");
    // The hop is checked against the same known_hosts: a wrong key for h1 stops the way in.
    let h1 = fleet.host("h1");
    let text = std::fs::read_to_string(fleet.known_hosts()).unwrap();
    let other = node.at("other");
    sh(&format!(
        "ssh-keygen -q -t ed25519 -N '' -f {}",
        other.display()
    ));
    let wrong = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    let wrong: Vec<&str> = wrong.split_whitespace().take(2).collect();
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with(&format!("{} ", h1.address)) {
                format!("{} {}\n", h1.address, wrong.join(" "))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(fleet.known_hosts(), text).unwrap();
    node.run(&["inspect"]).code(3).stdout_has("未采集的主机");
}

/// A folder removed when the test ends, however it ends.
struct RemovedDir(PathBuf);

impl Drop for RemovedDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A journal source is read by each host's agent with journalctl there, and each host keeps
/// its own journal cursor: an incremental scan reads on each host only what that host's
/// journal gained.
#[test]
fn a_journal_source_is_read_on_each_host_with_its_own_cursor() {
    use crate::journal::{Entry, journal_file};
    let fleet = TestFleet::new(2);
    let folder = format!("znode-fleet-journal-{}", std::process::id());
    let here = RemovedDir(PathBuf::from("/etc").join(&folder));
    std::fs::create_dir_all(&here.0).unwrap();
    let h1 = fleet.own_etc_dir("h1", &folder, &[]);
    let h2 = fleet.own_etc_dir("h2", &folder, &[]);
    let ago =
        |minutes: i64| (chrono::Utc::now() - chrono::Duration::minutes(minutes)).timestamp_micros();
    let entry = |minutes, message| Entry {
        us: ago(minutes),
        identifier: "portal",
        pid: Some("77"),
        unit: Some("portal.service"),
        message,
    };
    journal_file(
        &h1.join("journal/system@1.journal"),
        &[
            entry(30, "ERROR sync failed"),
            entry(20, "ERROR sync failed again"),
        ],
    );
    journal_file(
        &h2.join("journal/system@1.journal"),
        &[entry(30, "INFO started")],
    );
    let node = TestNode::with_config(&format!(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\n{}systems:\n  - id: portal\n    name: 门户\n    hosts: [web]\n\
         logs:\n  sources:\n    - {{ id: portal, system: portal, journal: {{ directory: {}/journal, unit: portal }} }}\n",
        fleet.config(),
        here.0.display()
    ));
    node.run(&["fleet", "push"]).code(0);
    let scan = || {
        let doc = node
            .json(&[
                "logs",
                "scan",
                "--incremental",
                "--source",
                "portal",
                "-f",
                "json",
            ])
            .1;
        let count = |host: &str| metric(outcome_on(&doc, "log.portal.error", host), "count");
        (count("h1"), count("h2"))
    };
    assert_eq!(scan(), (2.0, 0.0));
    assert_eq!(scan(), (0.0, 0.0), "each host resumes after its own cursor");
    journal_file(
        &h2.join("journal/system@2.journal"),
        &[entry(1, "ERROR disk full")],
    );
    assert_eq!(scan(), (0.0, 1.0));
}

/// A line of a Java application log written a minute ago on the node's clock (Asia/Shanghai).
fn app_line(text: &str) -> String {
    let t = chrono::Utc::now() + chrono::Duration::hours(8) - chrono::Duration::minutes(1);
    format!("{} {text}\n", t.format("%Y-%m-%d %H:%M:%S%.3f"))
}

fn append(path: &std::path::Path, text: &str) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

fn metric(o: &serde_json::Value, name: &str) -> f64 {
    o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name && m["label"].is_null())
        .unwrap_or_else(|| panic!("no metric {name}: {o:#}"))["value"]
        .as_f64()
        .unwrap()
}

#[test]
fn log_and_backup_checks_read_each_hosts_own_files_and_remember_each_host_apart() {
    let fleet = TestFleet::new(2);
    let folder = format!("znode-fleet-logs-{}", std::process::id());
    let here = RemovedDir(PathBuf::from("/etc").join(&folder));
    std::fs::create_dir_all(&here.0).unwrap();
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).format("%Y%m%d");
    let h1 = fleet.own_etc_dir(
        "h1",
        &folder,
        &[(
            "app.log",
            &[
                app_line("ERROR [main] connection pool exhausted"),
                app_line("ERROR [main] connection pool exhausted"),
                app_line("INFO [web] login from 10.0.0.7"),
                app_line("ERROR [job] sync failed"),
            ]
            .concat(),
        )],
    );
    // A gzip file: the ladder reads it to its end (rung 6).
    std::fs::create_dir_all(h1.join("bak")).unwrap();
    let gz = std::fs::File::create(h1.join(format!("bak/app-{today}.dat.gz"))).unwrap();
    let mut gz = flate2::write::GzEncoder::new(gz, flate2::Compression::default());
    std::io::Write::write_all(&mut gz, b"a backup of the application data\n").unwrap();
    gz.finish().unwrap();
    sh(&format!(
        "cd {}/bak && sha256sum app-{today}.dat.gz > SHA256SUMS",
        h1.display()
    ));
    let h2 = fleet.own_etc_dir(
        "h2",
        &folder,
        &[("app.log", &app_line("INFO [web] login from 10.0.0.7"))],
    );
    let etc = here.0.display();
    let node = TestNode::with_config(&format!(
        "node: 测试节点\ntimezone: Asia/Shanghai\nstore: history.db\nchecks: [checks]\n{}systems:\n  - id: portal\n    name: 门户\n    hosts: [web]\n\
         logs:\n  sources:\n    - {{ id: app, system: portal, format: java, paths: [{etc}/app.log] }}\n  rules:\n\
         \x20   - {{ id: app-error, title: 应用报错, match: 'ERROR', warn: '0', crit: '100' }}\n\
         \x20   - {{ id: new-login, title: 新的登录来源, kind: audit, match: 'login from (?P<ip>[0-9.]+)', new: [ip], severity: warn }}\n\
         backups:\n  - {{ id: app-data, title: 应用数据, system: portal, kind: file, path: '{etc}/bak/app-%Y%m%d.dat.gz' }}\n\
         \x20 - {{ id: app-h1, title: 应用数据（h1）, system: portal, hosts: [h1], kind: file, path: '{etc}/bak/app-%Y%m%d.dat.gz' }}\n",
        fleet.config()
    ));
    node.checks(
        "fleet.yaml",
        "  - id: app-errors\n    title: 应用日志报错\n    category: 日常检查\n    system: portal\n    probe: { kind: log, source: app, rules: [app-error], window: 1h }\n\
         \x20 - id: app-logins\n    title: 登录来源审计\n    category: 日志审计\n    system: portal\n    probe: { kind: log, source: app, rules: [new-login], window: 1h }\n\
         \x20 - id: app-backup\n    title: 应用数据备份\n    category: 备份检查\n    system: portal\n    probe: { kind: backup, policy: app-data }\n",
    );
    node.run(&["fleet", "push"]).code(0);

    // Each host's own log, with the config's own rules: three errors on h1, none on h2.
    let (_, doc) = node.inspect_json(&[]);
    let errors = outcome_on(&doc, "app-errors", "h1");
    assert_eq!(errors["status"], "WARN", "{errors:#}");
    assert_eq!(metric(errors, "count"), 3.0, "{errors:#}");
    assert_eq!(outcome_on(&doc, "app-errors", "h2")["status"], "OK");
    assert_eq!(metric(outcome_on(&doc, "app-errors", "h2"), "count"), 0.0);
    // Each host's own backups: h1 has today's, h2 none.
    let b1 = outcome_on(&doc, "app-backup", "h1");
    assert_eq!(b1["status"], "OK", "{b1:#}");
    let b2 = outcome_on(&doc, "app-backup", "h2");
    assert_eq!(b2["status"], "CRIT", "{b2:#}");
    assert_eq!(metric(b2, "rung"), 0.0, "{b2:#}");
    let rungs = b2["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["name"] == "rung");
    assert_eq!(rungs.count(), 1, "{b2:#}");
    // The first audit learns each host's logins; nothing is new yet.
    for h in ["h1", "h2"] {
        assert_eq!(outcome_on(&doc, "app-logins", h)["status"], "OK");
    }

    // A login from an address h1 has never seen is new on h1, and on h2 the address h1 saw
    // is new too: what one host has seen says nothing of another.
    append(
        &h1.join("app.log"),
        &app_line("INFO [web] login from 10.0.0.9"),
    );
    append(
        &h2.join("app.log"),
        &app_line("INFO [web] login from 10.0.0.7"),
    );
    let (_, doc) = node.inspect_json(&["--check", "app-logins"]);
    let l1 = outcome_on(&doc, "app-logins", "h1");
    assert_eq!(l1["status"], "WARN", "{l1:#}");
    assert!(
        l1["summary"].as_str().unwrap().contains("10.0.0.9"),
        "{l1:#}"
    );
    assert!(
        !l1["summary"].as_str().unwrap().contains("10.0.0.7"),
        "{l1:#}"
    );
    assert_eq!(outcome_on(&doc, "app-logins", "h2")["status"], "OK");

    // `logs scan --incremental` places its rule checks on the source's hosts and keeps a
    // cursor per host: the second scan reads nothing again, the third only the new line.
    let scan = |extra: &[&str]| {
        let mut args = vec![
            "logs",
            "scan",
            "--incremental",
            "--source",
            "app",
            "-f",
            "json",
        ];
        args.extend_from_slice(extra);
        node.json(&args).1
    };
    let count = |doc: &serde_json::Value, host: &str| {
        metric(outcome_on(doc, "log.app.app-error", host), "count")
    };
    let first = scan(&[]);
    assert_eq!(
        (count(&first, "h1"), count(&first, "h2")),
        (3.0, 0.0),
        "{first:#}"
    );
    let second = scan(&[]);
    assert_eq!(
        (count(&second, "h1"), count(&second, "h2")),
        (0.0, 0.0),
        "{second:#}"
    );
    append(&h2.join("app.log"), &app_line("ERROR [job] sync failed"));
    let third = scan(&[]);
    assert_eq!(
        (count(&third, "h1"), count(&third, "h2")),
        (0.0, 1.0),
        "{third:#}"
    );

    // `backup verify` looks on the policy's hosts too.
    let (code, verified) = node.json(&["backup", "verify", "-f", "json"]);
    assert_eq!(code, 2, "{verified:#}");
    assert_eq!(
        outcome_on(&verified, "backup.app-data", "h1")["status"],
        "OK"
    );
    assert_eq!(
        outcome_on(&verified, "backup.app-data", "h2")["status"],
        "CRIT"
    );
    // A policy that names its host is verified there only.
    let on: Vec<&str> = outcomes_of(&verified, "backup.app-h1")
        .iter()
        .map(|o| o["host"].as_str().unwrap())
        .collect();
    assert_eq!(on, ["h1"]);
}

#[test]
fn a_host_that_cannot_be_reached_pages_once_for_all_its_checks() {
    use crate::watch::{Watcher, messages};
    let fleet = TestFleet::new(2);
    let node = node_on(
        &fleet,
        "  - id: host-name\n    title: 主机名\n    category: 常规检查\n    system: portal\n    probe: { kind: command, run: [uname, -n] }\n  - id: tmp-there\n    title: 临时目录\n    category: 常规检查\n    system: portal\n    probe: { kind: command, run: [test, -d, /tmp] }\n",
    );
    let (port, seen) = crate::support::receiver();
    node.add_config(&format!(
        "notify:\n  channels:\n    duty: {{ kind: webhook, url: \"http://127.0.0.1:{port}/duty\" }}\nwatch:\n  every: 1s\n  failure_threshold: 2\n  notify: [duty]\n"
    ));
    let w = Watcher::start(&node, &[]);
    std::thread::sleep(Duration::from_secs(4));
    assert!(messages(&seen, "/duty").is_empty(), "{}", w.stop());
    fleet.kill_all("h2");
    assert!(
        crate::watch::wait_for(&seen, "/duty", 1, 30),
        "{}",
        w.stop()
    );
    std::thread::sleep(Duration::from_secs(4));
    let all = messages(&seen, "/duty");
    assert_eq!(
        all.len(),
        1,
        "one message for the host, none per check: {all:?}"
    );
    assert!(all[0].0.contains("主机 h2 可达性"), "{all:?}");
    node.run(&["alert", "list", "--all"])
        .stdout_has("受影响：host:h2 异常");
    w.stop();
}

#[test]
fn access_and_drift_run_on_every_host_and_the_same_file_is_compared_across_them() {
    let fleet = TestFleet::new(3);
    // The access review reads a fixture every host sees, with root logins allowed: waived on
    // h2 only.
    let root = tempfile::tempdir().unwrap();
    crate::access::hardened(root.path());
    crate::access::put(
        root.path(),
        "/etc/ssh/sshd_config.d/50-cloud.conf",
        "PermitRootLogin yes\n",
        0o644,
    );
    // The 前置机 configuration: h3 has its own, with another password and database.
    let file = format!("znode-drift-{}.conf", std::process::id());
    let etc = Removed(PathBuf::from("/etc").join(&file));
    std::fs::write(
        &etc.0,
        "db.url=jdbc:postgresql://db/exchange\ndb.password=Shared-Pw1\n",
    )
    .unwrap();
    fleet.own_etc_file(
        "h3",
        &file,
        "db.url=jdbc:postgresql://db-old/exchange\ndb.password=Odd-Pw2\n",
    );
    let node = node_on(
        &fleet,
        &format!(
            "  - id: acc\n    title: 访问控制\n    category: 脆弱性检查\n    system: portal\n    probe: {{ kind: access, root: \"{}\", effective: never, waive: [{{ finding: ssh.permit_root_login, hosts: [h2], reason: 迁移期, expires: 2099-01-01 }}] }}\n  - id: exch-drift\n    title: 前置机配置\n    category: 常规检查\n    system: portal\n    probe: {{ kind: drift, paths: [{}] }}\n",
            root.path().display(),
            etc.0.display()
        ),
    );
    node.run(&["config", "snapshot"])
        .code(0)
        .stdout_has("h1 · exch-drift：记录 1 个路径，已建立初始基线")
        .stdout_has("h3 · exch-drift：记录 1 个路径，已建立初始基线");
    let (code, review) = node.json(&["access", "review", "--no-record", "-f", "json"]);
    assert_eq!(code, 1, "{review:#}");
    let hosts: Vec<(&str, &str)> = review["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["host"].as_str().unwrap(), h["status"].as_str().unwrap()))
        .collect();
    assert_eq!(hosts, vec![("h1", "WARN"), ("h2", "OK"), ("h3", "WARN")]);
    assert_eq!(review["hosts"][1]["accounts"][1]["name"], "li");

    // The same file over the hosts: h1 and h2 agree (their masked passwords hash alike, with
    // the key the jump host sent), h3 differs; no password is shown.
    let compared = node.run(&["config", "compare"]);
    compared
        .code(1)
        .stdout_has("1 个路径不一致")
        .stdout_has("h1,h2：")
        .stdout_has("h3：")
        .stdout_has("-db.url=jdbc:postgresql://db/exchange")
        .stdout_has("+db.url=jdbc:postgresql://db-old/exchange")
        .stdout_has("+db.password=******#")
        .never_shows("Shared-Pw1")
        .never_shows("Odd-Pw2");

    // A change every host but h3 sees drifts h1 and h2 from their baselines.
    std::fs::write(
        &etc.0,
        "db.url=jdbc:postgresql://db2/exchange\ndb.password=Shared-Pw1\n",
    )
    .unwrap();
    let (code, doc) = node.json(&["config", "drift", "-f", "json"]);
    assert_eq!(code, 1, "{doc:#}");
    let drifted: Vec<(&str, u64)> = doc["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["host"].as_str().unwrap(),
                h["drift"]["changed"].as_array().unwrap().len() as u64,
            )
        })
        .collect();
    assert_eq!(drifted, vec![("h1", 1), ("h2", 1), ("h3", 0)]);
}
