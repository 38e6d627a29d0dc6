//! The `access` probe over fixture roots with planted weaknesses, each finding asserted
//! exactly; the real `sshd -T`; and `znode access review` comparing two reviews.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::*;

/// A key `ssh-keygen -lf` fingerprints (generated once for this test).
const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPPHBHNRfjlZqNurGzCMp1TWmcqzzAycoJRjO+ZQuqiY li@jump";

pub(crate) fn put(root: &Path, path: &str, text: &str, mode: u32) {
    let p = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A host that meets 等保三级 everywhere: every check passes.
pub(crate) fn hardened(root: &Path) {
    put(
        root,
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\nli:x:1000:1000:李工:/home/li:/bin/bash\n",
        0o644,
    );
    put(
        root,
        "/etc/shadow",
        "root:$6$salt$hash:20000:1:90:7:30::\ndaemon:*:20000:0:99999:7:::\nsync:*:20000:0:99999:7:::\nli:$y$j9T$salt$hash:20000:1:90:7:30::\n",
        0o640,
    );
    put(
        root,
        "/etc/group",
        "root:x:0:\nwheel:x:10:li\nli:x:1000:\n",
        0o644,
    );
    put(
        root,
        "/etc/gshadow",
        "root:*::\nwheel:*::li\nli:!::\n",
        0o640,
    );
    put(
        root,
        "/etc/login.defs",
        "PASS_MAX_DAYS 90\nPASS_MIN_DAYS 1\nPASS_WARN_AGE 7\nUID_MIN 1000\nENCRYPT_METHOD SHA512\n",
        0o644,
    );
    put(
        root,
        "/etc/default/useradd",
        "SHELL=/bin/bash\nINACTIVE=30\n",
        0o644,
    );
    put(
        root,
        "/etc/security/pwquality.conf",
        "# 等保\nminlen = 12\nminclass = 3\nenforce_for_root\n",
        0o644,
    );
    put(
        root,
        "/etc/security/faillock.conf",
        "deny = 5\nunlock_time = 600\neven_deny_root\n",
        0o644,
    );
    put(
        root,
        "/etc/pam.d/passwd",
        "#%PAM-1.0\npassword   include   system-auth\n",
        0o644,
    );
    put(
        root,
        "/etc/pam.d/system-auth",
        "auth required pam_faillock.so preauth\nauth sufficient pam_unix.so\nauth [default=die] pam_faillock.so authfail\npassword requisite pam_pwquality.so try_first_pass local_users_only\npassword required pam_pwhistory.so remember=5 use_authtok\npassword sufficient pam_unix.so sha512 shadow use_authtok\n",
        0o644,
    );
    put(
        root,
        "/etc/pam.d/sshd",
        "auth substack system-auth\n",
        0o644,
    );
    put(
        root,
        "/etc/pam.d/login",
        "auth include system-auth\n",
        0o644,
    );
    put(
        root,
        "/etc/pam.d/su",
        "auth sufficient pam_rootok.so\nauth required pam_wheel.so use_uid\n",
        0o644,
    );
    put(
        root,
        "/etc/ssh/sshd_config",
        "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nPermitEmptyPasswords no\nMaxAuthTries 4\nLoginGraceTime 60\nClientAliveInterval 300\nClientAliveCountMax 2\n",
        0o644,
    );
    put(
        root,
        "/etc/ssh/sshd_config.d/10-banner.conf",
        "Banner /etc/issue.net\n",
        0o644,
    );
    put(
        root,
        "/etc/profile.d/tmout.sh",
        "readonly TMOUT=600\nexport TMOUT\n",
        0o644,
    );
    put(
        root,
        "/etc/sudoers",
        "Defaults env_reset\nDefaults use_pty\nDefaults logfile=/var/log/sudo.log\nroot ALL=(ALL:ALL) ALL\n%wheel ALL=(ALL:ALL) ALL\n#includedir /etc/sudoers.d\n",
        0o440,
    );
    put(
        root,
        "/home/li/.ssh/authorized_keys",
        &format!("{KEY}\n"),
        0o600,
    );
}

/// The weaknesses the issue names, planted over the hardened host.
fn weaken(root: &Path) {
    let passwd = std::fs::read_to_string(root.join("etc/passwd")).unwrap();
    put(
        root,
        "/etc/passwd",
        &format!("{passwd}toor:x:0:0::/root:/bin/bash\nguest:x:1001:1001::/home/guest:/bin/bash\n"),
        0o644,
    );
    let shadow = std::fs::read_to_string(root.join("etc/shadow")).unwrap();
    // World-readable: the mode change is part of what is planted.
    put(
        root,
        "/etc/shadow",
        &format!("{shadow}toor:$6$salt$other:20000:1:90:7:30::\nguest::20000:1:90:7:30::\n"),
        0o644,
    );
    put(
        root,
        "/etc/sudoers.d/deploy",
        "li ALL=(ALL) NOPASSWD: ALL\n",
        0o440,
    );
    put(
        root,
        "/etc/ssh/sshd_config.d/50-cloud.conf",
        "PermitRootLogin yes\n",
        0o644,
    );
    // pwquality is configured, but nothing the password stack includes runs it.
    put(
        root,
        "/etc/pam.d/system-auth",
        "auth required pam_faillock.so preauth\nauth sufficient pam_unix.so\nauth [default=die] pam_faillock.so authfail\npassword required pam_pwhistory.so remember=5 use_authtok\npassword sufficient pam_unix.so sha512 shadow use_authtok\n",
        0o644,
    );
    put(
        root,
        "/etc/pam.d/pwquality-unused",
        "password requisite pam_pwquality.so minlen=14\n",
        0o644,
    );
}

fn node_for(root: &Path, extra: &str) -> TestNode {
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "access.yaml",
        &format!(
            "  - {{ id: acc, title: 访问控制, category: 脆弱性检查, probe: {{ kind: access, profile: 等保三级, root: \"{}\", effective: never{extra} }} }}\n",
            root.display()
        ),
    );
    node
}

/// The ids of the items that fail, and of those not judged.
fn items(o: &serde_json::Value) -> (Vec<String>, Vec<String>) {
    let items = o["detail"]["items"].as_array().expect("detail.items");
    let ids = |f: &dyn Fn(&serde_json::Value) -> bool| {
        items
            .iter()
            .filter(|i| f(i))
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    (
        ids(&|i| i["status"] != "ok"),
        ids(&|i| !i["skipped"].is_null()),
    )
}

fn failures_of<'a>(o: &'a serde_json::Value, id: &str) -> Vec<&'a str> {
    o["detail"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect()
}

fn metric(o: &serde_json::Value, name: &str, label: Option<&str>) -> f64 {
    o["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name && m["label"].as_str() == label)
        .unwrap_or_else(|| panic!("no metric {name} {label:?} in {o:#}"))["value"]
        .as_f64()
        .unwrap()
}

#[test]
fn a_hardened_host_passes_every_check() {
    let root = tempfile::tempdir().unwrap();
    hardened(root.path());
    let node = node_for(root.path(), "");
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "acc");
    assert_eq!(code, 0, "{o:#}");
    assert_eq!(o["status"], "OK");
    let (failing, skipped) = items(o);
    assert!(failing.is_empty(), "{failing:?}");
    // 等保三级 leaves SSH password logins to the node, and sync's /bin/sync is not a shell.
    assert_eq!(
        skipped,
        vec![
            "ssh.password_authentication",
            "sudo.use_pty",
            "sudo.logfile"
        ]
    );
    assert_eq!(metric(o, "findings", None), 0.0);
    assert_eq!(metric(o, "finding", Some("lockout.root")), 0.0);
    assert_eq!(metric(o, "accounts", None), 2.0);
    assert_eq!(metric(o, "sudo_accounts", None), 2.0);
}

#[test]
fn planted_weaknesses_are_each_found_exactly() {
    let root = tempfile::tempdir().unwrap();
    hardened(root.path());
    weaken(root.path());
    let node = node_for(root.path(), "");
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "acc");
    assert_eq!(code, 2, "{o:#}");
    assert_eq!(o["status"], "CRIT");
    let (failing, _) = items(o);
    assert_eq!(
        failing,
        vec![
            "accounts.uid0",
            "accounts.empty_password",
            "pwquality.in_pam",
            "ssh.permit_root_login",
            "sudo.nopasswd",
            "files.shadow",
        ]
    );
    assert_eq!(
        failures_of(o, "accounts.uid0"),
        vec!["toor（/etc/passwd:5）"]
    );
    assert_eq!(failures_of(o, "accounts.empty_password"), vec!["guest"]);
    assert_eq!(
        failures_of(o, "pwquality.in_pam"),
        vec![
            "/etc/pam.d/passwd 的口令栈（含引用的文件）中没有 pam_pwquality.so 或 pam_cracklib.so"
        ]
    );
    // The include comes first and sshd keeps the first value it reads.
    assert_eq!(
        failures_of(o, "ssh.permit_root_login"),
        vec!["PermitRootLogin yes"]
    );
    assert_eq!(
        failures_of(o, "sudo.nopasswd"),
        vec!["/etc/sudoers.d/deploy:1 li ALL=(ALL) NOPASSWD: ALL"]
    );
    assert_eq!(
        failures_of(o, "files.shadow"),
        vec!["/etc/shadow 0644 uid=0"]
    );
    assert_eq!(metric(o, "findings", None), 6.0);
    assert_eq!(metric(o, "finding", Some("accounts.uid0")), 1.0);
    // Each failure is one reason line of the outcome, CRIT where the profile says so.
    let summary = o["summary"].as_str().unwrap();
    assert!(summary.contains("仅 root 的 UID 为 0：toor"), "{summary}");
}

#[test]
fn a_waiver_holds_on_its_host_until_it_expires() {
    let root = tempfile::tempdir().unwrap();
    hardened(root.path());
    put(
        root.path(),
        "/etc/ssh/sshd_config.d/50-cloud.conf",
        "PermitRootLogin yes\n",
        0o644,
    );
    put(
        root.path(),
        "/etc/profile.d/tmout.sh",
        "TMOUT=3600\n",
        0o644,
    );
    let node = node_for(
        root.path(),
        ", waive: [{ finding: ssh.permit_root_login, hosts: [local], reason: 变更单 2026-118 批准至迁移完成, expires: 2099-12-31 }, { finding: session.tmout, reason: 旧例外, expires: 2020-01-01 }]",
    );
    let (code, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "acc");
    assert_eq!(code, 1, "{o:#}");
    let (failing, _) = items(o);
    assert_eq!(failing, vec!["ssh.permit_root_login", "session.tmout"]);
    assert_eq!(metric(o, "findings", None), 1.0);
    let evidence = o["evidence"].to_string();
    assert!(
        evidence.contains("[已豁免至 2099-12-31：变更单 2026-118 批准至迁移完成] 禁止 root 远程 SSH 登录：PermitRootLogin yes"),
        "{evidence}"
    );
    let summary = o["summary"].as_str().unwrap();
    assert!(
        summary.contains("TMOUT=3600（豁免已于 2020-01-01 到期）"),
        "{summary}"
    );
    assert!(!summary.contains("PermitRootLogin"), "{summary}");

    // A waiver for another host does not hold here; an unknown finding is refused at load.
    let other = node_for(
        root.path(),
        ", waive: [{ finding: ssh.permit_rot_login, reason: x, expires: 2099-12-31 }]",
    );
    other
        .run(&["config", "check"])
        .code(3)
        .stderr_has("ssh.permit_rot_login")
        .stderr_has("did you mean `ssh.permit_root_login`?");
}

#[test]
fn sshd_t_gives_the_daemons_effective_settings() {
    let sshd = Path::new("/usr/sbin/sshd");
    assert!(sshd.exists(), "scripts/test installs openssh-server");
    // sshd -T refuses to run without its privilege-separation folder.
    let _ = std::fs::create_dir_all("/run/sshd");
    let root = tempfile::tempdir().unwrap();
    hardened(root.path());
    // sshd itself reads this file: no Include of the machine's own folder.
    put(
        root.path(),
        "/etc/ssh/sshd_config",
        "PermitRootLogin prohibit-password\nMaxAuthTries 3\nLoginGraceTime 45\nClientAliveInterval 120\nClientAliveCountMax 3\nPasswordAuthentication no\n",
        0o644,
    );
    let node = TestNode::new("  web: { address: \"127.0.0.1:1\" }\n");
    node.checks(
        "access.yaml",
        &format!(
            "  - {{ id: acc, title: 访问控制, category: 脆弱性检查, probe: {{ kind: access, profile: cis-l1, root: \"{}\", effective: always, policy: {{ password_authentication: false, sudo_use_pty: false, sudo_logfile: false, minlen: 12, minclass: 3, unlock_time: 600 }} }} }}\n",
            root.path().display()
        ),
    );
    let (_, doc) = node.inspect_json(&[]);
    let o = outcome(&doc, "acc");
    assert_eq!(o["detail"]["sshd"], "sshd -T（生效配置）", "{o:#}");
    let (failing, _) = items(o);
    // cis-l1: 365-day passwords pass; root is not locked out under L1; without-password is
    // what sshd -T prints for prohibit-password.
    assert_eq!(failing, vec!["ssh.permit_root_login"], "{o:#}");
    assert_eq!(
        failures_of(o, "ssh.permit_root_login"),
        vec!["PermitRootLogin without-password"]
    );
}

#[test]
fn a_review_lists_accounts_and_names_what_changed_since_the_last() {
    let root = tempfile::tempdir().unwrap();
    hardened(root.path());
    let node = node_for(root.path(), "");
    let (code, first) = node.json(&[
        "access", "review", "--by", "王工", "--note", "2026Q4", "-f", "json",
    ]);
    assert_eq!(code, 0, "{first:#}");
    assert_eq!(first["review"], 1);
    let host = &first["hosts"][0];
    assert!(host["changes"].is_null(), "{host:#}");
    let li = host["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "li")
        .unwrap();
    assert_eq!(li["groups"], serde_json::json!(["li", "wheel"]));
    assert_eq!(
        li["sudo"],
        serde_json::json!(["/etc/sudoers:5 %wheel ALL=(ALL:ALL) ALL"])
    );
    assert_eq!(li["password_changed"], "2024-10-04");
    // The fingerprint is the one ssh-keygen prints.
    let keyfile = root.path().join("home/li/.ssh/authorized_keys");
    let keygen = std::process::Command::new("ssh-keygen")
        .arg("-lf")
        .arg(&keyfile)
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&keygen.stdout);
    let fp = printed.split_whitespace().nth(1).unwrap();
    assert_eq!(li["keys"][0], format!("{fp} li@jump ssh-ed25519"));

    // Between reviews: a new account with sudo, li leaves wheel and gets a second key.
    let passwd = std::fs::read_to_string(root.path().join("etc/passwd")).unwrap();
    put(
        root.path(),
        "/etc/passwd",
        &format!("{passwd}wang:x:1002:1002::/home/wang:/bin/bash\n"),
        0o644,
    );
    let shadow = std::fs::read_to_string(root.path().join("etc/shadow")).unwrap();
    put(
        root.path(),
        "/etc/shadow",
        &format!("{shadow}wang:$6$s$h:20400:1:90:7:30::\n"),
        0o640,
    );
    put(
        root.path(),
        "/etc/group",
        "root:x:0:\nwheel:x:10:\nli:x:1000:\nwang:x:1002:\n",
        0o644,
    );
    put(
        root.path(),
        "/etc/sudoers.d/wang",
        "wang ALL=(root) /usr/bin/systemctl\n",
        0o440,
    );
    put(
        root.path(),
        "/home/li/.ssh/authorized_keys",
        &format!(
            "{KEY}\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH45zL0Vk+ih2FLwMo3YD55Em5V6/ru+KA3W8yzSbsIQ li@laptop\n"
        ),
        0o600,
    );
    let (_, second) = node.json(&["access", "review", "-f", "json"]);
    assert_eq!(second["review"], 2);
    assert_eq!(second["previous"]["reviewer"], "王工");
    let changes = &second["hosts"][0]["changes"];
    assert_eq!(
        changes["added"],
        serde_json::json!(["wang（UID 1002，有 sudo 权限）"])
    );
    assert_eq!(changes["removed"], serde_json::json!([]));
    let changed = changes["changed"][0].as_str().unwrap();
    assert!(changed.starts_with("li：退出组 wheel；移除 sudo 规则 /etc/sudoers:5 %wheel ALL=(ALL:ALL) ALL；新增 SSH 公钥 SHA256:"), "{changed}");
    assert!(changed.ends_with("li@laptop ssh-ed25519"), "{changed}");

    // The table names the previous review and lists what changed.
    node.run(&["access", "review", "--no-record"])
        .code(0)
        .stdout_has("与第 2 次复核")
        .stdout_has("无变化")
        .stdout_has("未记录为复核");
    node.run(&["access", "reviews"])
        .code(0)
        .stdout_has("王工")
        .stdout_has("2026Q4");
}
