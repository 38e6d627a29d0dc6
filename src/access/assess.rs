//! The access checks of a host: each reads what it needs under the root and says which
//! accounts, lines or files fail it. Judging against the policy happens here, once; the probe
//! turns the items into metrics and failures.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::sync::LazyLock;

use regex::Regex;

use super::accounts::{Accounts, PasswordState};
use super::pam::{self, PamLine};
use super::policy::Policy;
use super::root::Root;
use super::sshd::Sshd;
use super::sudoers::Sudoers;
use crate::core::outcome::Status;
use crate::core::text::Text;
use crate::text;

/// One access check on one host.
#[derive(Clone, Debug)]
pub struct Item {
    /// Stable id, for waivers and the metric label (`ssh.permit_root_login`).
    pub id: &'static str,
    /// What is required, with the policy's figure.
    pub title: Text,
    /// The status when it fails.
    pub status: Status,
    /// What fails it: accounts, `file:line` and the setting, files and modes.
    pub failures: Vec<String>,
    /// What was read, when it passes or to explain a failure.
    pub note: Option<String>,
    /// Why it was not judged: the policy does not ask for it, the host lacks the component,
    /// or (with `blocked`) a file could not be read.
    pub skipped: Option<String>,
    /// It was not judged because something could not be read: the review is incomplete.
    pub blocked: bool,
}

impl Item {
    fn new(id: &'static str, status: Status, title: Text) -> Item {
        Item {
            id,
            title,
            status,
            failures: Vec::new(),
            note: None,
            skipped: None,
            blocked: false,
        }
    }

    fn note(mut self, note: impl Into<String>) -> Item {
        self.note = Some(note.into());
        self
    }

    fn fail(&mut self, what: impl Into<String>) {
        self.failures.push(what.into());
    }

    fn skip(mut self, why: impl Into<String>) -> Item {
        self.skipped = Some(why.into());
        self
    }

    fn block(mut self, why: impl Into<String>) -> Item {
        self.blocked = true;
        self.skip(why)
    }

    /// True when it was judged and nothing fails it.
    pub fn passed(&self) -> bool {
        self.skipped.is_none() && self.failures.is_empty()
    }
}

/// Every access check of the host under `root`, judged by `policy`. `sshd` is the daemon's
/// settings (from `sshd -T` or its files): `Ok(None)` when sshd is not configured there, `Err`
/// when its configuration cannot be read; `sudoers` likewise.
pub fn assess(
    root: &Root,
    accounts: &Accounts,
    sudoers: &Result<Option<Sudoers>, String>,
    sshd: &Result<Option<Sshd>, String>,
    policy: &Policy,
) -> Vec<Item> {
    let mut items = Vec::new();
    items.extend(account_items(accounts));
    items.extend(ageing_items(accounts, policy));
    items.extend(pwquality_items(root, policy));
    items.push(history_item(root, policy));
    items.extend(lockout_items(root, policy));
    items.extend(sshd_items(sshd, policy));
    items.push(tmout_item(root, policy));
    items.extend(sudo_items(sudoers, policy));
    items.push(su_item(root));
    items.extend(file_items(root));
    items.push(system_shell_item(accounts));
    items
}

fn account_items(a: &Accounts) -> Vec<Item> {
    let mut uid0 = Item::new(
        "accounts.uid0",
        Status::Crit,
        text!("仅 root 的 UID 为 0", "only root has UID 0"),
    );
    for u in a.users.iter().filter(|u| u.uid == 0 && u.name != "root") {
        uid0.fail(format!("{}（/etc/passwd:{}）", u.name, u.line));
    }
    let mut dup = Item::new(
        "accounts.duplicates",
        Status::Warn,
        text!("无重复的 UID 或账号名", "no duplicate UIDs or names"),
    );
    let mut by_uid: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for u in &a.users {
        by_uid.entry(u.uid).or_default().push(&u.name);
        *by_name.entry(&u.name).or_default() += 1;
    }
    for (uid, names) in by_uid.iter().filter(|(_, n)| n.len() > 1) {
        // Several UID 0 accounts are already the uid0 finding.
        if *uid != 0 {
            dup.fail(format!("UID {uid}: {}", names.join(", ")));
        }
    }
    for (name, n) in by_name.iter().filter(|(_, n)| **n > 1) {
        dup.fail(format!("{name} ×{n}"));
    }
    let mut empty = Item::new(
        "accounts.empty_password",
        Status::Crit,
        text!("无空口令账号", "no accounts with an empty password"),
    );
    for u in a.users.iter().filter(|u| u.no_password) {
        empty.fail(format!("{}（/etc/passwd:{} 口令字段为空）", u.name, u.line));
    }
    match &a.shadow {
        Some(shadow) => {
            for s in shadow.values().filter(|s| s.state == PasswordState::Empty) {
                empty.fail(s.name.clone());
            }
        }
        None if empty.failures.is_empty() => {
            empty = empty.block(a.shadow_error.clone().unwrap_or_default())
        }
        None => {}
    }
    let mut hash = Item::new(
        "password.hash",
        Status::Warn,
        text!(
            "口令使用强散列算法（SHA-512、yescrypt）",
            "passwords use a strong hash (SHA-512, yescrypt)"
        ),
    );
    if let Some(m) = a.login_defs.get("ENCRYPT_METHOD")
        && !matches!(
            m.to_ascii_uppercase().as_str(),
            "SHA512" | "YESCRYPT" | "GOST_YESCRYPT" | "BCRYPT"
        )
    {
        hash.fail(format!("/etc/login.defs ENCRYPT_METHOD {m}"));
    }
    match &a.shadow {
        Some(shadow) => {
            for s in shadow
                .values()
                .filter(|s| s.state == PasswordState::Usable && !s.strong())
            {
                hash.fail(format!("{}: {}", s.name, s.method_name()));
            }
        }
        None => hash = hash.block(a.shadow_error.clone().unwrap_or_default()),
    }
    vec![uid0, dup, empty, hash]
}

/// Password ageing: `login.defs` for accounts created from now on, and each account's own
/// shadow values, which `login.defs` never changes.
fn ageing_items(a: &Accounts, p: &Policy) -> Vec<Item> {
    struct Rule {
        id: &'static str,
        title: Text,
        def: &'static str,
        field: fn(&super::accounts::Shadow) -> Option<i64>,
        ok: Box<dyn Fn(Option<i64>) -> bool>,
    }
    let (max, min, warn, inactive) = (p.max_days, p.min_days, p.warn_days, p.inactive_days);
    let rules = [
        Rule {
            id: "password.max_days",
            title: text!(
                "口令最长有效期不超过 {max} 天",
                "passwords expire within {max} days",
                max = max
            ),
            def: "PASS_MAX_DAYS",
            field: |s| s.max_days,
            ok: Box::new(move |v| v.is_some_and(|v| v >= 0 && v <= max)),
        },
        Rule {
            id: "password.min_days",
            title: text!(
                "口令修改最短间隔不少于 {min} 天",
                "passwords are kept at least {min} day(s)",
                min = min
            ),
            def: "PASS_MIN_DAYS",
            field: |s| s.min_days,
            ok: Box::new(move |v| v.is_some_and(|v| v >= min)),
        },
        Rule {
            id: "password.warn_days",
            title: text!(
                "口令到期前至少提前 {warn} 天提醒",
                "expiry is warned at least {warn} days ahead",
                warn = warn
            ),
            def: "PASS_WARN_AGE",
            field: |s| s.warn_days,
            ok: Box::new(move |v| v.is_some_and(|v| v >= warn)),
        },
    ];
    let mut items = Vec::new();
    for r in rules {
        let mut item = Item::new(r.id, Status::Warn, r.title);
        let def = a.def_num(r.def);
        if !(r.ok)(def) {
            item.fail(format!(
                "/etc/login.defs {} {}",
                r.def,
                def.map_or("未设置".to_owned(), |v| v.to_string())
            ));
        }
        match &a.shadow {
            Some(shadow) => {
                for s in shadow.values().filter(|s| s.state == PasswordState::Usable) {
                    let v = (r.field)(s);
                    if !(r.ok)(v) {
                        item.fail(format!(
                            "{}: {}",
                            s.name,
                            v.map_or("未设置".to_owned(), |v| v.to_string())
                        ));
                    }
                }
            }
            None => item = item.block(a.shadow_error.clone().unwrap_or_default()),
        }
        items.push(item);
    }
    let mut item = Item::new(
        "password.inactive",
        Status::Warn,
        text!(
            "口令过期 {n} 天内停用账号",
            "accounts are disabled within {n} days of password expiry",
            n = inactive
        ),
    );
    let ok = |v: Option<i64>| v.is_some_and(|v| v >= 0 && v <= inactive);
    let def = a
        .useradd
        .get("INACTIVE")
        .and_then(|v| v.parse::<i64>().ok());
    if !ok(def) {
        item.fail(format!(
            "/etc/default/useradd INACTIVE={}",
            def.map_or("未设置".to_owned(), |v| v.to_string())
        ));
    }
    match &a.shadow {
        Some(shadow) => {
            for s in shadow.values().filter(|s| s.state == PasswordState::Usable) {
                if !ok(s.inactive_days) {
                    item.fail(format!(
                        "{}: {}",
                        s.name,
                        s.inactive_days
                            .map_or("未设置".to_owned(), |v| v.to_string())
                    ));
                }
            }
        }
        None => item = item.block(a.shadow_error.clone().unwrap_or_default()),
    }
    items.push(item);
    items
}

/// The services whose password stack `passwd` uses, most specific first.
const PASSWORD_SERVICES: &[&str] = &["passwd", "system-auth", "common-password"];
/// The services remote and console logins authenticate through.
const LOGIN_SERVICES: &[&str] = &["sshd", "login"];

/// A module's settings: its config file, then its arguments on the stack line, which win.
fn module_settings(root: &Root, conf: &str, line: Option<&PamLine>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut files = vec![conf.to_owned()];
    files.extend(root.glob(&format!("{conf}.d/*.conf")));
    for f in files {
        if let Ok(Some(t)) = root.read(&f) {
            out.extend(super::accounts::parse_assignments(&t));
        }
    }
    if let Some(l) = line {
        for a in &l.args {
            match a.split_once('=') {
                Some((k, v)) => out.insert(k.to_owned(), v.to_owned()),
                None => out.insert(a.clone(), String::new()),
            };
        }
    }
    out
}

fn pwquality_items(root: &Root, p: &Policy) -> Vec<Item> {
    let found = pam::find(
        root,
        PASSWORD_SERVICES,
        "password",
        &["pam_pwquality.so", "pam_cracklib.so"],
    );
    let line = found.as_ref().and_then(|(_, l)| l.clone());
    let cracklib = line.as_ref().is_some_and(|l| l.module == "pam_cracklib.so");
    let conf = module_settings(root, "/etc/security/pwquality.conf", line.as_ref());
    let num = |k: &str| conf.get(k).and_then(|v| v.parse::<i64>().ok());
    let mut in_pam = Item::new(
        "pwquality.in_pam",
        Status::Warn,
        text!(
            "口令复杂度模块 pam_pwquality 在修改口令的 PAM 栈中生效",
            "the password-quality module (pam_pwquality) is in the PAM password stack"
        ),
    );
    match (&found, &line) {
        (None, _) => in_pam.fail("/etc/pam.d 中没有 passwd、system-auth 或 common-password 文件"),
        (Some((svc, _)), None) => in_pam.fail(format!(
            "/etc/pam.d/{svc} 的口令栈（含引用的文件）中没有 pam_pwquality.so 或 pam_cracklib.so"
        )),
        (Some(_), Some(l)) => in_pam = in_pam.note(format!("{} {}", l.place(), l.module)),
    }
    // pam_cracklib's default is 9, pwquality's 8 (9 before 1.2).
    let minlen = num("minlen").unwrap_or(if cracklib { 9 } else { 8 });
    let mut len = Item::new(
        "pwquality.minlen",
        Status::Warn,
        text!(
            "口令最短 {n} 位",
            "passwords have at least {n} characters",
            n = p.minlen
        ),
    )
    .note(format!("minlen={minlen}"));
    if minlen < p.minlen {
        len.fail(format!("minlen={minlen}"));
    }
    // Negative credits require a class each; minclass requires that many of the four.
    let required: i64 = ["dcredit", "ucredit", "lcredit", "ocredit"]
        .iter()
        .filter(|k| num(k).is_some_and(|v| v < 0))
        .count() as i64;
    let classes = num("minclass").unwrap_or(0).max(required);
    let mut class = Item::new(
        "pwquality.minclass",
        Status::Warn,
        text!(
            "口令至少含 {n} 类字符（大写、小写、数字、符号）",
            "passwords mix at least {n} character classes",
            n = p.minclass
        ),
    )
    .note(format!("minclass={classes}"));
    if classes < p.minclass {
        class.fail(if required > 0 {
            format!(
                "minclass={}，负值 credit 另要求 {required} 类",
                num("minclass").unwrap_or(0)
            )
        } else {
            format!("minclass={}", num("minclass").unwrap_or(0))
        });
    }
    let mut root_item = Item::new(
        "pwquality.root",
        Status::Warn,
        text!(
            "root 修改口令同样受复杂度约束（enforce_for_root）",
            "root's passwords are held to the same rules (enforce_for_root)"
        ),
    );
    if line.is_none() {
        root_item = root_item.skip("口令复杂度模块未生效");
    } else if !conf.contains_key("enforce_for_root") {
        root_item.fail("未设置 enforce_for_root");
    }
    vec![in_pam, len, class, root_item]
}

fn history_item(root: &Root, p: &Policy) -> Item {
    let mut item = Item::new(
        "password.history",
        Status::Warn,
        text!(
            "新口令不得与最近 {n} 次相同",
            "the last {n} passwords cannot be reused",
            n = p.remember
        ),
    );
    let Some((svc, _)) = pam::find(root, PASSWORD_SERVICES, "password", &[]) else {
        item.fail("/etc/pam.d 中没有 passwd、system-auth 或 common-password 文件");
        return item;
    };
    let stack = pam::stack(root, svc, "password").unwrap_or_default();
    let remember = stack.iter().find_map(|l| match l.module.as_str() {
        // pwhistory remembers 10 by default (pwhistory.conf since Linux-PAM 1.5.3).
        "pam_pwhistory.so" => Some((
            l.place(),
            module_settings(root, "/etc/security/pwhistory.conf", Some(l))
                .get("remember")
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(10),
        )),
        "pam_unix.so" => l
            .arg("remember")
            .and_then(|v| v.parse().ok())
            .map(|v| (l.place(), v)),
        _ => None,
    });
    match remember {
        Some((place, n)) if n >= p.remember => item.note(format!("{place} remember={n}")),
        Some((place, n)) => {
            item.fail(format!("{place} remember={n}"));
            item
        }
        None => {
            item.fail(format!(
                "/etc/pam.d/{svc} 的口令栈（含引用的文件）中没有 pam_pwhistory.so 或 pam_unix.so remember="
            ));
            item
        }
    }
}

fn lockout_items(root: &Root, p: &Policy) -> Vec<Item> {
    let mut deny = Item::new(
        "lockout.deny",
        Status::Warn,
        text!(
            "连续登录失败不超过 {n} 次即锁定",
            "accounts lock after at most {n} failed logins",
            n = p.deny
        ),
    );
    let mut unlock = Item::new(
        "lockout.unlock_time",
        Status::Warn,
        text!(
            "锁定时间不少于 {n} 秒",
            "a lockout lasts at least {n} seconds",
            n = p.unlock_time
        ),
    );
    let mut root_item = Item::new(
        "lockout.root",
        Status::Warn,
        text!(
            "root 同样受登录失败锁定（even_deny_root）",
            "root is locked out too (even_deny_root)"
        ),
    );
    let services: Vec<&str> = LOGIN_SERVICES
        .iter()
        .copied()
        .filter(|s| pam::stack(root, s, "auth").is_some())
        .collect();
    let mut judged = Vec::new();
    for svc in &services {
        let stack = pam::stack(root, svc, "auth").unwrap_or_default();
        let Some(l) = stack
            .iter()
            .find(|l| l.module == "pam_faillock.so" || l.module == "pam_tally2.so")
        else {
            deny.fail(format!(
                "/etc/pam.d/{svc} 的认证栈（含引用的文件）中没有 pam_faillock.so（或 pam_tally2.so）"
            ));
            continue;
        };
        let settings = if l.module == "pam_faillock.so" {
            // Every faillock line of the stack may carry arguments; the conf file underlies all.
            let mut s = module_settings(root, "/etc/security/faillock.conf", None);
            for fl in stack.iter().filter(|x| x.module == "pam_faillock.so") {
                for a in &fl.args {
                    match a.split_once('=') {
                        Some((k, v)) => s.insert(k.to_owned(), v.to_owned()),
                        None => s.insert(a.clone(), String::new()),
                    };
                }
            }
            s
        } else {
            module_settings(root, "/nonexistent", Some(l))
        };
        let num = |k: &str| settings.get(k).and_then(|v| v.parse::<i64>().ok());
        let faillock = l.module == "pam_faillock.so";
        let d = num("deny").unwrap_or(if faillock { 3 } else { 0 });
        // `never` (faillock.conf) locks until an administrator unlocks: 0, which passes.
        let u = if settings.get("unlock_time").is_some_and(|v| v == "never") {
            0
        } else {
            num("unlock_time").unwrap_or(if faillock { 600 } else { 0 })
        };
        let place = format!("{} {}", l.place(), l.module);
        if d == 0 || d > p.deny {
            deny.fail(format!("{place} deny={d}"));
        }
        if u != 0 && u < p.unlock_time {
            unlock.fail(format!("{place} unlock_time={u}"));
        }
        if p.deny_root && !settings.contains_key("even_deny_root") {
            root_item.fail(format!("{place} 未设置 even_deny_root"));
        }
        judged.push(format!("{place} deny={d} unlock_time={u}"));
    }
    if services.is_empty() {
        deny.fail("/etc/pam.d 中没有 sshd 或 login 文件");
    }
    if judged.is_empty() {
        unlock = unlock.skip("没有登录失败锁定模块");
        root_item = root_item.skip("没有登录失败锁定模块");
    } else {
        deny = deny.note(judged.join("；"));
    }
    if !p.deny_root && root_item.skipped.is_none() {
        root_item = root_item.skip("本规范不要求");
    }
    vec![deny, unlock, root_item]
}

fn sshd_items(sshd: &Result<Option<Sshd>, String>, p: &Policy) -> Vec<Item> {
    let mut items = vec![
        Item::new(
            "ssh.permit_root_login",
            Status::Warn,
            text!("禁止 root 远程 SSH 登录", "root cannot log in over SSH"),
        ),
        Item::new(
            "ssh.password_authentication",
            Status::Warn,
            match p.password_authentication {
                Some(false) => text!("SSH 禁用口令登录（仅密钥）", "SSH password logins are off"),
                _ => text!(
                    "SSH 口令登录按规范设置",
                    "SSH password logins as the policy says"
                ),
            },
        ),
        Item::new(
            "ssh.permit_empty_passwords",
            Status::Crit,
            text!("SSH 禁止空口令登录", "SSH refuses empty passwords"),
        ),
        Item::new(
            "ssh.max_auth_tries",
            Status::Warn,
            text!(
                "SSH 单次连接认证尝试不超过 {n} 次",
                "SSH allows at most {n} tries per connection",
                n = p.max_auth_tries
            ),
        ),
        Item::new(
            "ssh.login_grace_time",
            Status::Warn,
            text!(
                "SSH 登录限时不超过 {n} 秒",
                "SSH login grace time is at most {n} seconds",
                n = p.login_grace_time
            ),
        ),
        Item::new(
            "ssh.client_alive",
            Status::Warn,
            text!(
                "SSH 空闲会话 {n} 秒内断开",
                "idle SSH sessions end within {n} seconds",
                n = p.client_alive
            ),
        ),
    ];
    let s = match sshd {
        Ok(Some(s)) => s,
        Ok(None) => {
            return items
                .into_iter()
                .map(|i| i.skip("本机未配置 sshd"))
                .collect();
        }
        Err(why) => return items.into_iter().map(|i| i.block(why.clone())).collect(),
    };
    let get = |k: &str| s.get(k).unwrap_or("").to_owned();
    let root_login = get("permitrootlogin");
    if !p.permit_root_login && root_login != "no" {
        items[0].fail(format!("PermitRootLogin {root_login}"));
    }
    let password = get("passwordauthentication");
    match p.password_authentication {
        Some(want) if (password == "yes") != want => {
            items[1].fail(format!("PasswordAuthentication {password}"))
        }
        None => {
            items[1].skipped = Some(format!(
                "本规范不要求（当前 PasswordAuthentication {password}）"
            ))
        }
        _ => {}
    }
    let empty = get("permitemptypasswords");
    if empty != "no" {
        items[2].fail(format!("PermitEmptyPasswords {empty}"));
    }
    let tries = s.seconds("maxauthtries").unwrap_or(6);
    if tries > p.max_auth_tries {
        items[3].fail(format!("MaxAuthTries {tries}"));
    }
    let grace = s.seconds("logingracetime").unwrap_or(120);
    if grace == 0 || grace > p.login_grace_time {
        items[4].fail(format!("LoginGraceTime {grace}"));
    }
    let interval = s.seconds("clientaliveinterval").unwrap_or(0);
    let count = s.seconds("clientalivecountmax").unwrap_or(3);
    if interval == 0 || count == 0 || interval * count > p.client_alive {
        items[5].fail(format!(
            "ClientAliveInterval {interval} × ClientAliveCountMax {count}"
        ));
    }
    items
        .into_iter()
        .map(|i| {
            if i.note.is_none() {
                let src = s.source.clone();
                i.note(src)
            } else {
                i
            }
        })
        .collect()
}

static TMOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:readonly|export|declare\s+-\w+|typeset\s+-\w+)\s+)*TMOUT=['\x22]?(\d+)")
        .expect("literal regex")
});

fn tmout_item(root: &Root, p: &Policy) -> Item {
    let mut item = Item::new(
        "session.tmout",
        Status::Warn,
        text!(
            "终端空闲 {n} 秒内自动退出（TMOUT）",
            "idle shells end within {n} seconds (TMOUT)",
            n = p.tmout
        ),
    );
    let mut files = vec!["/etc/profile".to_owned()];
    files.extend(root.glob("/etc/profile.d/*.sh"));
    files.extend(["/etc/bashrc".to_owned(), "/etc/bash.bashrc".to_owned()]);
    let mut found = Vec::new();
    for f in &files {
        if let Ok(Some(t)) = root.read(f) {
            for (i, line) in t.lines().enumerate() {
                if let Some(c) = TMOUT.captures(line) {
                    found.push((format!("{f}:{}", i + 1), c[1].parse::<i64>().unwrap_or(0)));
                }
            }
        }
    }
    if found.is_empty() {
        item.fail(
            "/etc/profile、/etc/profile.d/*.sh、/etc/bashrc 与 /etc/bash.bashrc 中均未设置 TMOUT",
        );
    }
    for (place, v) in &found {
        if *v == 0 || *v > p.tmout {
            item.fail(format!("{place} TMOUT={v}"));
        }
    }
    if item.failures.is_empty()
        && let Some((place, v)) = found.first()
    {
        item = item.note(format!("{place} TMOUT={v}"));
    }
    item
}

fn sudo_items(sudoers: &Result<Option<Sudoers>, String>, p: &Policy) -> Vec<Item> {
    let mut nopasswd = Item::new(
        "sudo.nopasswd",
        Status::Warn,
        text!(
            "sudo 提权须输入口令（无 NOPASSWD）",
            "sudo asks for a password (no NOPASSWD)"
        ),
    );
    let mut auth = Item::new(
        "sudo.authenticate",
        Status::Warn,
        text!(
            "sudo 未关闭认证（无 !authenticate）",
            "sudo authentication is not turned off"
        ),
    );
    let mut pty = Item::new(
        "sudo.use_pty",
        Status::Warn,
        text!(
            "sudo 命令在伪终端中执行（use_pty）",
            "sudo runs commands in a pty (use_pty)"
        ),
    );
    let mut log = Item::new(
        "sudo.logfile",
        Status::Warn,
        text!(
            "sudo 操作记入独立日志（logfile）",
            "sudo keeps its own log file (logfile)"
        ),
    );
    let s = match sudoers {
        Ok(Some(s)) => s,
        Ok(None) => {
            return [nopasswd, auth, pty, log]
                .into_iter()
                .map(|i| i.skip("未安装 sudo（没有 /etc/sudoers）"))
                .collect();
        }
        Err(why) => {
            return [nopasswd, auth, pty, log]
                .into_iter()
                .map(|i| i.block(why.clone()))
                .collect();
        }
    };
    for r in s.rules.iter().filter(|r| r.nopasswd) {
        nopasswd.fail(format!("{} {}", r.place, r.text));
    }
    for d in s.defaults.iter().filter(|d| d.setting == "!authenticate") {
        auth.fail(format!("{} {} !authenticate", d.place, d.scope));
    }
    if !p.sudo_use_pty {
        pty = pty.skip("本规范不要求");
    } else if let Some(d) = s.global_flag("use_pty") {
        pty = pty.note(d.place.clone());
    } else {
        pty.fail(format!("{} 中未设置 Defaults use_pty", s.files.join("、")));
    }
    if !p.sudo_logfile {
        log = log.skip("本规范不要求");
    } else if let Some(d) = s.global_value("logfile") {
        log = log.note(format!("{} {}", d.place, d.setting));
    } else {
        log.fail(format!("{} 中未设置 Defaults logfile", s.files.join("、")));
    }
    let mut out = vec![nopasswd, auth, pty, log];
    if !s.unreadable.is_empty() {
        let why = s.unreadable.join("；");
        for i in &mut out {
            if i.skipped.is_none() && i.failures.is_empty() {
                i.skipped = Some(format!("部分文件无法读取：{why}"));
                i.blocked = true;
            }
        }
    }
    out
}

fn su_item(root: &Root) -> Item {
    let item = Item::new(
        "su.wheel",
        Status::Warn,
        text!(
            "su 仅限 wheel 组使用（pam_wheel）",
            "su is limited to the wheel group (pam_wheel)"
        ),
    );
    match pam::stack(root, "su", "auth") {
        None => item.skip("没有 /etc/pam.d/su"),
        Some(stack) => match stack.iter().find(|l| l.module == "pam_wheel.so") {
            Some(l) => item.note(format!("{} {}", l.place(), l.args.join(" "))),
            None => {
                let mut item = item;
                item.fail("/etc/pam.d/su 的认证栈中没有生效的 pam_wheel.so");
                item
            }
        },
    }
}

fn file_items(root: &Root) -> Vec<Item> {
    let mut shadow = Item::new(
        "files.shadow",
        Status::Warn,
        text!(
            "/etc/shadow、/etc/gshadow 属主为 root，权限不宽于 0640，其他用户不可读",
            "/etc/shadow and /etc/gshadow are owned by root, mode 0640 or stricter"
        ),
    );
    for f in ["/etc/shadow", "/etc/gshadow"] {
        let Ok(m) = root.lstat(f) else {
            continue;
        };
        let mode = m.mode() & 0o7777;
        if mode & 0o004 != 0 {
            shadow.status = Status::Crit;
        }
        if mode & 0o137 != 0 || m.uid() != 0 {
            shadow.fail(format!("{f} {mode:04o} uid={}", m.uid()));
        }
    }
    let mut passwd = Item::new(
        "files.accounts",
        Status::Warn,
        text!(
            "/etc/passwd、/etc/group、/etc/sudoers 属主为 root，其他用户不可写",
            "/etc/passwd, /etc/group and /etc/sudoers are owned by root and not writable by others"
        ),
    );
    for f in ["/etc/passwd", "/etc/group", "/etc/sudoers"] {
        let Ok(m) = root.lstat(f) else {
            continue;
        };
        let mode = m.mode() & 0o7777;
        if mode & 0o022 != 0 || m.uid() != 0 {
            passwd.fail(format!("{f} {mode:04o} uid={}", m.uid()));
        }
    }
    vec![shadow, passwd]
}

fn system_shell_item(a: &Accounts) -> Item {
    let min = a.uid_min();
    let mut item = Item::new(
        "accounts.system_shell",
        Status::Warn,
        text!(
            "系统账号（UID < {min}）不可登录（/usr/sbin/nologin）",
            "system accounts (UID < {min}) have no login shell",
            min = min
        ),
    );
    for u in a
        .users
        .iter()
        .filter(|u| u.uid != 0 && u.uid < min && u.has_login_shell())
    {
        // A locked system account with a shell still runs `su -s` jobs; CIS counts it.
        item.fail(format!("{}（UID {}，{}）", u.name, u.uid, u.shell));
    }
    item
}
