//! `access`: the access review of a host (SPEC R2 访问管理) — accounts, password policy, login
//! lockout, sshd's effective settings, sudo, `su` and the account files — judged against a
//! profile (`等保三级`, `cis-l1`), with per-host waivers that expire. Each check is a labelled
//! `finding` metric (its count of failing accounts, lines or files) and, when it fails, a
//! failure naming them. The 账号清单 travels in the outcome's detail for `znode access review`.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking};
use crate::access::assess::{self, Item};
use crate::access::policy::{Overrides, Profile};
use crate::access::root::Root;
use crate::access::{accounts::Accounts, inventory, sshd, sudoers::Sudoers};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::text;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// The thresholds' profile.
    #[serde(default = "dengbao")]
    profile: Profile,
    /// Thresholds that differ from the profile's.
    #[serde(default)]
    policy: Overrides,
    /// Where the host's `/` is (a fixture or a mounted image); default `/`.
    #[serde(default = "slash")]
    root: PathBuf,
    /// sshd's main configuration file, as the host names it.
    #[serde(default = "sshd_config")]
    sshd_config: String,
    /// Ask the daemon for its effective settings (`sshd -T`): `auto` does when the root is `/`.
    #[serde(default)]
    effective: Effective,
    /// Accepted findings, per host, until a day.
    #[serde(default)]
    waive: Vec<Waive>,
}

/// When to run `sshd -T`.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Effective {
    /// When the root is the running system's.
    #[default]
    Auto,
    /// Always (the config file is then read by the installed sshd).
    Always,
    /// Never: read the files.
    Never,
}

/// An accepted finding.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Waive {
    /// The check's id (`ssh.password_authentication`).
    finding: String,
    /// Inventory hosts it holds on (`local`: the jump host); none: every host.
    #[serde(default)]
    hosts: Vec<String>,
    /// Who decided and why (ticket).
    reason: String,
    /// The last day it holds.
    expires: chrono::NaiveDate,
}

fn dengbao() -> Profile {
    Profile::Dengbao3
}
fn slash() -> PathBuf {
    PathBuf::from("/")
}
fn sshd_config() -> String {
    "/etc/ssh/sshd_config".into()
}

/// Every check id, for validating waivers.
pub const FINDINGS: &[&str] = &[
    "accounts.uid0",
    "accounts.duplicates",
    "accounts.empty_password",
    "password.hash",
    "password.max_days",
    "password.min_days",
    "password.warn_days",
    "password.inactive",
    "pwquality.in_pam",
    "pwquality.minlen",
    "pwquality.minclass",
    "pwquality.root",
    "password.history",
    "lockout.deny",
    "lockout.unlock_time",
    "lockout.root",
    "ssh.permit_root_login",
    "ssh.password_authentication",
    "ssh.permit_empty_passwords",
    "ssh.max_auth_tries",
    "ssh.login_grace_time",
    "ssh.client_alive",
    "session.tmout",
    "sudo.nopasswd",
    "sudo.authenticate",
    "sudo.use_pty",
    "sudo.logfile",
    "su.wheel",
    "files.shadow",
    "files.accounts",
    "accounts.system_shell",
];

/// At most this many accounts, lines or files are named in one failure; the rest are counted.
const NAMED: usize = 8;

impl Probe for Access {
    const KIND: &'static str = "access";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("findings")
    }

    fn written(&self) -> Option<serde_json::Value> {
        None
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        super::require_absolute_root(&self.root)?;
        for w in &self.waive {
            if !FINDINGS.contains(&w.finding.as_str()) {
                let hint =
                    match crate::core::yaml::did_you_mean(&w.finding, FINDINGS.iter().copied()) {
                        Some(m) => format!("did you mean `{m}`?"),
                        None => format!("one of: {}", FINDINGS.join(", ")),
                    };
                return Err(Invalid::new(
                    format!("waiver for unknown finding `{}`", w.finding),
                    hint,
                ));
            }
            for h in &w.hosts {
                if h != "local" && !settings.fleet.hosts.contains_key(h) {
                    return Err(Invalid::new(
                        format!("waiver names host `{h}`, which the inventory does not have"),
                        "name inventory hosts (not groups), or `local` for the jump host",
                    ));
                }
            }
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let root = Root::new(self.root.clone());
        let run_t = match self.effective {
            Effective::Always => true,
            Effective::Never => false,
            Effective::Auto => root.is_system(),
        };
        let config_path = root.path(&self.sshd_config);
        let effective = if run_t && config_path.exists() {
            Some(sshd_t(&config_path, cx.timeout.min(Duration::from_secs(10))).await)
        } else {
            None
        };
        let policy = self.policy.apply(self.profile.policy());
        let profile = self.profile;
        let sshd_config = self.sshd_config.clone();
        let host = cx.shared.host.clone().unwrap_or_else(|| "local".into());
        let today = chrono::Utc::now()
            .with_timezone(&cx.settings.timezone)
            .date_naive();
        let waivers: Vec<(String, String, chrono::NaiveDate)> = self
            .waive
            .iter()
            .filter(|w| w.hosts.is_empty() || w.hosts.contains(&host))
            .map(|w| (w.finding.clone(), w.reason.clone(), w.expires))
            .collect();
        blocking(move || {
            let accounts = Accounts::read(&root).map_err(|e| {
                ProbeError::unknown(text!(
                    "无法读取账号：{e}",
                    "cannot read the accounts: {e}",
                    e = e
                ))
            })?;
            let sudoers = Sudoers::read(&root);
            let sshd = match effective {
                Some(Ok(out)) => Ok(Some(sshd::from_effective(&out))),
                Some(Err(why)) => sshd::from_files(&root, &sshd_config, &why),
                None => sshd::from_files(&root, &sshd_config, ""),
            };
            let items = assess::assess(&root, &accounts, &sudoers, &sshd, &policy);
            let readable = sudoers.as_ref().ok().and_then(Option::as_ref);
            let list = inventory::list(&root, &accounts, readable);
            let daemon = sshd.as_ref().ok().and_then(Option::as_ref);
            Ok(observe(profile, &items, &list, &waivers, today, daemon))
        })
        .await
    }
}

/// Runs `sshd -T -f CONFIG`: its output, or why it could not run (as a non-root user it
/// cannot read the host keys; the privilege-separation folder may be missing).
async fn sshd_t(config: &std::path::Path, timeout: Duration) -> Result<String, String> {
    let Some(bin) = sshd::binary() else {
        return Err("未安装 sshd".into());
    };
    let run = tokio::process::Command::new(bin)
        .arg("-T")
        .arg("-f")
        .arg(config)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output();
    match tokio::time::timeout(timeout, run).await {
        Err(_) => Err(format!("sshd -T 在 {} 秒内未返回", timeout.as_secs())),
        Ok(Err(e)) => Err(format!("无法执行 {bin}：{e}")),
        Ok(Ok(out)) if out.status.success() => {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Ok(Ok(out)) => {
            let err = String::from_utf8_lossy(&out.stderr);
            Err(format!(
                "sshd -T 失败：{}",
                err.lines().last().unwrap_or("").trim()
            ))
        }
    }
}

/// The items as an observation: metrics, failures, evidence and the detail.
fn observe(
    profile: Profile,
    items: &[Item],
    accounts: &[inventory::Account],
    waivers: &[(String, String, chrono::NaiveDate)],
    today: chrono::NaiveDate,
    sshd: Option<&sshd::Sshd>,
) -> Observation {
    let mut obs = Observation::default();
    let mut failing = 0;
    let mut judged = 0;
    let mut blocked = Vec::new();
    let mut detail_items = Vec::new();
    for item in items {
        let mut waived = None;
        if item.skipped.is_none() {
            judged += 1;
            obs.metrics.push(Metric::labelled(
                "finding",
                item.id,
                item.failures.len() as f64,
                "",
            ));
        }
        if !item.failures.is_empty() {
            let named: Vec<&str> = item
                .failures
                .iter()
                .take(NAMED)
                .map(String::as_str)
                .collect();
            let mut what = named.join("；");
            if item.failures.len() > NAMED {
                what.push_str(&format!("；… 另 {} 项", item.failures.len() - NAMED));
            }
            // A waiver that holds wins over one that expired.
            let mine = || waivers.iter().filter(|(id, _, _)| id == item.id);
            let waiver = mine()
                .find(|(_, _, e)| today <= *e)
                .or_else(|| mine().next());
            match waiver {
                Some((_, reason, expires)) if today <= *expires => {
                    obs.evidence.push(format!(
                        "[已豁免至 {expires}：{reason}] {}：{what}",
                        item.title.zh
                    ));
                    waived = Some(format!("{expires}：{reason}"));
                }
                _ => {
                    failing += 1;
                    let expired = waiver
                        .map(|(_, _, e)| format!("（豁免已于 {e} 到期）"))
                        .unwrap_or_default();
                    obs.fail(
                        item.status,
                        text!(
                            "{title}：{what}{expired}",
                            "{title}: {what}{expired}",
                            title = item.title,
                            what = what,
                            expired = expired,
                        ),
                    );
                }
            }
        } else if let Some(why) = &item.skipped {
            if item.blocked {
                blocked.push(format!("{}（{why}）", item.id));
            }
            obs.evidence
                .push(format!("[未检查] {}：{why}", item.title.zh));
        } else {
            let note = item
                .note
                .as_deref()
                .map(|n| format!("（{n}）"))
                .unwrap_or_default();
            obs.evidence.push(format!("[符合] {}{note}", item.title.zh));
        }
        detail_items.push(serde_json::json!({
            "id": item.id,
            "title": item.title.zh,
            "status": if item.failures.is_empty() { "ok" } else { item.status.as_str() },
            "failures": item.failures,
            "note": item.note,
            "skipped": item.skipped,
            "blocked": item.blocked,
            "waived": waived,
        }));
    }
    if !blocked.is_empty() {
        obs.fail(
            Status::Unknown,
            text!(
                "访问控制核查不完整，未能检查：{b}",
                "the access review is incomplete, not checked: {b}",
                b = blocked.join("、"),
            ),
        );
    }
    let sudo = accounts.iter().filter(|a| !a.sudo.is_empty()).count();
    obs.metrics
        .push(Metric::new("findings", failing as f64, ""));
    obs.metrics
        .push(Metric::new("accounts", accounts.len() as f64, ""));
    obs.metrics
        .push(Metric::new("sudo_accounts", sudo as f64, ""));
    obs.summary = text!(
        "按{profile}核查 {judged} 项，不符合 {failing} 项；可登录或有特权的账号 {n} 个（sudo 权限 {sudo} 个）",
        "{judged} checks against {profile_en}, {failing} failing; {n} accounts that can log in or hold privileges ({sudo} with sudo)",
        profile = profile.name(),
        profile_en = profile.name(),
        judged = judged,
        failing = failing,
        n = accounts.len(),
        sudo = sudo,
    );
    obs.detail = Some(serde_json::json!({
        "profile": profile.name(),
        "sshd": sshd.map(|s| s.source.clone()),
        "items": detail_items,
        "accounts": accounts,
    }));
    obs
}
