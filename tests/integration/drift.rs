//! Configuration snapshots and drift over a fixture root: a changed file, a changed mode and a
//! changed secret are exactly what drift shows, the secret's values appear in no output and
//! nowhere in the store, who was logged in is named, and accepting makes the host clean again.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::*;

const OLD: &str = "OldSecret-7Qx";
const NEW: &str = "NewSecret-9Zk";

fn put(root: &Path, path: &str, text: &str, mode: u32) {
    let p = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Sets a path's mtime (epoch seconds).
fn touch(p: &Path, at: i64) {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(at as u64);
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// Every file under `dir` (the node's folder: store, WAL, spool, reports) that holds `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            hits.extend(files_holding(&p, needle));
        } else if let Ok(b) = std::fs::read(&p)
            && b.windows(needle.len()).any(|w| w == needle.as_bytes())
        {
            hits.push(p.display().to_string());
        }
    }
    hits
}

#[test]
fn drift_shows_exactly_a_file_a_mode_and_a_secret_and_never_the_secret() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    put(
        r,
        "/etc/hosts",
        "127.0.0.1 localhost\n10.20.3.7 exch-1\n",
        0o644,
    );
    put(
        r,
        "/opt/exchange/conf/app.properties",
        &format!(
            "# 交换程序\ndb.url=jdbc:postgresql://db:5432/share\ndb.user=exch\ndb.password={OLD}\n"
        ),
        0o640,
    );
    put(
        r,
        "/opt/exchange/conf/run.sh",
        "#!/bin/sh\nexec java -jar exch.jar\n",
        0o755,
    );
    put(
        r,
        "/opt/exchange/conf/app.properties.swp",
        "editor noise",
        0o644,
    );
    // A private key is compared by its hash: no line of it is ever kept.
    put(
        r,
        "/opt/exchange/conf/server.key",
        "-----BEGIN PRIVATE KEY-----\nMIIsecretKeyMaterialXYZ\n-----END PRIVATE KEY-----\n",
        0o600,
    );
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    // The auth log the change is matched against: a login 10 minutes before the change.
    let changed_at = chrono::Utc::now().timestamp() - 3600;
    let tz: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
    let stamp = |s: i64| {
        chrono::DateTime::from_timestamp(s, 0)
            .unwrap()
            .with_timezone(&tz)
            .format("%b %e %H:%M:%S")
            .to_string()
    };
    // Outside the node's folder, which is searched for the secrets below.
    put(r, "/var/log/auth.log", "", 0o640);
    let auth = r.join("var/log/auth.log");
    std::fs::write(
        &auth,
        format!(
            "{} exch-1 sshd[811]: Accepted publickey for li from 10.20.1.5 port 50122 ssh2: ED25519 SHA256:x\n{} exch-1 sudo[900]:       li : TTY=pts/0 ; PWD=/home/li ; USER=root ; COMMAND=/usr/bin/vi /opt/exchange/conf/app.properties\n{} exch-1 sudo[901]:       li : TTY=pts/0 ; PWD=/home/li ; USER=root ; COMMAND=/usr/bin/mysql -uroot -pTopSecret9 -e select\n{} exch-1 sshd[999]: Accepted password for wang from 10.20.1.9 port 1 ssh2\n",
            stamp(changed_at - 600),
            stamp(changed_at - 60),
            stamp(changed_at - 30),
            stamp(changed_at - 86_400),
        ),
    )
    .unwrap();
    node.add_config(&format!(
        "logs:\n  sources:\n    - {{ id: auth, format: auth, paths: [\"{}\"] }}\n",
        auth.display()
    ));
    node.checks(
        "drift.yaml",
        &format!(
            "  - {{ id: exch-drift, title: 前置机配置, category: 常规检查, item: 1, probe: {{ kind: drift, root: \"{}\", paths: [/etc/hosts, /opt/exchange/conf/**], who: {{ source: auth }} }} }}\n",
            r.display()
        ),
    );
    let (code, first) = node.json(&["config", "snapshot", "--by", "王工", "-f", "json"]);
    assert_eq!(code, 0, "{first:#}");
    let h = &first["hosts"][0];
    assert_eq!(h["initial"], true);
    // /etc/hosts, the conf folder and its three files; the .swp is editor noise.
    assert_eq!(h["paths"], 5, "{h:#}");

    put(
        r,
        "/etc/hosts",
        "127.0.0.1 localhost\n10.20.3.8 exch-1\n",
        0o644,
    );
    std::fs::set_permissions(
        r.join("opt/exchange/conf/run.sh"),
        std::fs::Permissions::from_mode(0o777),
    )
    .unwrap();
    let props = r.join("opt/exchange/conf/app.properties");
    let text = std::fs::read_to_string(&props).unwrap().replace(OLD, NEW);
    std::fs::write(&props, text).unwrap();
    touch(&props, changed_at);

    let table = node.run(&["config", "drift"]);
    table
        .code(1)
        .stdout_has("~ /etc/hosts：内容变更（+1 −1 行）")
        .stdout_has("~ /opt/exchange/conf/run.sh：权限 0755 → 0777")
        .stdout_has("~ /opt/exchange/conf/app.properties：内容变更（+1 −1 行）")
        .stdout_has("-10.20.3.7 exch-1")
        .stdout_has("+10.20.3.8 exch-1")
        .stdout_has("-db.password=******#")
        .stdout_has("+db.password=******#")
        .stdout_has("登录 li 来自 10.20.1.5")
        .stdout_has("sudo li：/usr/bin/vi /opt/exchange/conf/app.properties")
        .stdout_has("sudo li：/usr/bin/mysql …（参数可能含口令，已隐去）")
        .never_shows("TopSecret9")
        .never_shows(OLD)
        .never_shows(NEW)
        // A login a day earlier is not around the change.
        .never_shows("wang");
    let (_, json) = node.json(&["config", "drift", "-f", "json"]);
    let d = &json["hosts"][0]["drift"];
    assert_eq!(d["added"], serde_json::json!([]));
    assert_eq!(d["removed"], serde_json::json!([]));
    let changed: Vec<&str> = d["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        changed,
        vec![
            "/etc/hosts",
            "/opt/exchange/conf/app.properties",
            "/opt/exchange/conf/run.sh"
        ]
    );
    // The masked values differ, so the change shows; neither value is anywhere.
    let diff = d["changed"][1]["diff"].as_str().unwrap();
    let marks: Vec<&str> = diff.lines().filter(|l| l.contains("db.password")).collect();
    assert_eq!(marks.len(), 2, "{diff}");
    assert_ne!(marks[0][1..], marks[1][1..]);
    let inspect = node.run(&["inspect", "--format", "json"]);
    inspect.never_shows(OLD).never_shows(NEW);
    node.run(&["history", "show", "latest"]).never_shows(NEW);
    for secret in [OLD, NEW, "TopSecret9", "MIIsecretKeyMaterialXYZ"] {
        assert_eq!(
            files_holding(node.path(), secret),
            Vec::<String>::new(),
            "{secret}"
        );
    }

    // The run `config drift -f json` showed is the one accepted.
    let run = json["run"].to_string();
    node.run(&[
        "config",
        "accept",
        "--ticket",
        "CHG-2026-118",
        "--by",
        "李工",
        "--run",
        &run,
    ])
    .code(0)
    .stdout_has("接受 3 项变更（变更单 CHG-2026-118，李工）");
    node.run(&["config", "drift"])
        .code(0)
        .stdout_has("配置 5 个路径与基线一致")
        .stdout_has("基线：CHG-2026-118");
    node.run(&["config", "baselines"])
        .code(0)
        .stdout_has("CHG-2026-118")
        .stdout_has("初始基线")
        .stdout_has("王工");
    // A removed file and a new one after the acceptance.
    std::fs::remove_file(r.join("opt/exchange/conf/run.sh")).unwrap();
    put(r, "/opt/exchange/conf/extra.xml", "<x/>\n", 0o644);
    node.run(&["config", "drift"])
        .code(1)
        .stdout_has("+ /opt/exchange/conf/extra.xml（新增")
        .stdout_has("- /opt/exchange/conf/run.sh（删除）");

    // The monthly report's 安全情况 section: the baselines accepted and the drift at the end.
    let month = chrono::Utc::now()
        .with_timezone(&tz)
        .format("%Y-%m")
        .to_string();
    let monthly = node
        .run(&[
            "report", "monthly", "--period", &month, "-f", "md", "-o", "-",
        ])
        .code(0)
        .never_shows(OLD)
        .never_shows(NEW)
        .stdout();
    let section = monthly
        .split("## 九、安全情况")
        .nth(1)
        .and_then(|s| s.split("## 十、").next())
        .unwrap_or_else(|| panic!("{monthly}"));
    assert!(section.contains("| 前置机配置 |"), "{section}");
    assert!(section.contains("| CHG-2026-118 | 李工 |"), "{section}");
    assert!(section.contains("| 初始基线 | 王工 |"), "{section}");
    assert!(
        section.contains(
            "| 5 | 1 | 1 | 0 | +/opt/exchange/conf/extra.xml、-/opt/exchange/conf/run.sh |"
        ),
        "{section}"
    );
    for secret in [OLD, NEW, "TopSecret9", "MIIsecretKeyMaterialXYZ"] {
        assert_eq!(
            files_holding(node.path(), secret),
            Vec::<String>::new(),
            "{secret}"
        );
    }
}

#[test]
fn an_inspection_without_a_baseline_says_how_to_make_one() {
    let root = tempfile::tempdir().unwrap();
    put(root.path(), "/etc/hosts", "127.0.0.1 localhost\n", 0o644);
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "drift.yaml",
        &format!(
            "  - {{ id: d, title: 配置, category: 常规检查, probe: {{ kind: drift, root: \"{}\", paths: [/etc/hosts] }} }}\n  - {{ id: bad, title: 配置, category: 常规检查, enabled: false, probe: {{ kind: drift, paths: [/etc/**/x] }} }}\n",
            root.path().display()
        ),
    );
    node.run(&["config", "check"])
        .code(3)
        .stderr_has("`**` may only end a path");
    node.checks(
        "drift.yaml",
        &format!(
            "  - {{ id: d, title: 配置, category: 常规检查, probe: {{ kind: drift, root: \"{}\", paths: [/etc/hosts] }} }}\n",
            root.path().display()
        ),
    );
    let (code, doc) = node.inspect_json(&[]);
    assert_eq!(code, 1);
    let o = outcome(&doc, "d");
    assert!(
        o["summary"]
            .as_str()
            .unwrap()
            .contains("znode config snapshot"),
        "{o:#}"
    );
    // The inspection's snapshot can be accepted as the first baseline.
    node.run(&["config", "accept", "--ticket", "CHG-1"]).code(0);
    let (code, _) = node.inspect_json(&[]);
    assert_eq!(code, 0);
}
