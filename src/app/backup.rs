//! Backup use cases: the verification checks of the selected policies, and each policy's
//! standing (newest backup, size trend, last verification and restore test) from the files and
//! the history.

use std::time::Duration;

use serde::Serialize;

use crate::backup::Policy;
use crate::catalog::{CheckSpec, Derived};
use crate::core::clock::now_ms;
use crate::core::error::{Error, Problems};
use crate::core::outcome::{Category, Metric};
use crate::probe::ProbeSpec;
use crate::probe::backup::Backup;
use crate::settings::Settings;
use crate::store::{Store, StoreError};

/// The policies `ids` names (all when empty), or a message naming the declared ones.
pub fn select<'a>(settings: &'a Settings, ids: &[String]) -> Result<Vec<&'a Policy>, Error> {
    if settings.backups.policies.is_empty() {
        return Err(Error::Message(
            "no backup policies are declared; add `backups:` to znode.yaml (see README, \"Backups\")".into(),
        ));
    }
    for id in ids {
        if settings.backups.policy(id).is_none() {
            return Err(Error::Message(format!(
                "no backup policy `{id}`; declared: {}",
                settings.backups.ids().join(", ")
            )));
        }
    }
    Ok(settings
        .backups
        .policies
        .iter()
        .filter(|p| ids.is_empty() || ids.contains(&p.id))
        .collect())
}

/// The check id of a policy's verification; `backup status` reads its history.
pub fn check_id(policy: &Policy) -> String {
    format!("backup.{}", policy.id)
}

/// One verification check per policy (备份检查), climbing the ladder.
pub fn verification_checks(
    settings: &Settings,
    policies: &[&Policy],
    all: bool,
    deep: bool,
    timeout: Duration,
) -> Result<Vec<CheckSpec>, Error> {
    let mut checks = Vec::new();
    let mut problems = Problems::default();
    // A policy the check pack already verifies (`backup.<policy>` in 常规检查 or 脆弱性检查)
    // keeps that check's title, category and item: one check, one place in the reports,
    // whichever command ran it.
    let pack = crate::catalog::Catalog::load(settings).ok();
    for p in policies {
        let id = check_id(p);
        let written = pack.as_ref().and_then(|c| c.get(&id));
        let derived = Derived {
            title: written
                .map(|c| c.title.clone())
                .unwrap_or_else(|| format!("备份验证：{}", p.title())),
            category: written.map_or(Category::Backup, |c| c.category),
            item: written.and_then(|c| c.item),
            id,
            system: p.system.clone(),
            hosts: p.hosts.clone(),
            timeout: Duration::from_secs(timeout.as_secs().max(1)),
            remediation: None,
            probe: ProbeSpec::Backup(Backup::new(&p.id, all, deep)),
            origin: "(backup)",
        };
        match CheckSpec::derived(derived, settings) {
            Ok(c) => checks.push(c),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(checks)
    } else {
        Err(Error::Config(problems))
    }
}

/// One policy's standing, as `backup status` shows it.
#[derive(Clone, Debug, Serialize)]
pub struct PolicyStatus {
    /// Policy id.
    pub policy: String,
    /// Its title.
    pub title: String,
    /// The newest backup's path.
    pub newest: Option<String>,
    /// When it was taken, epoch ms.
    pub newest_at: Option<i64>,
    /// Its age in seconds.
    pub age_s: Option<i64>,
    /// Sizes of the newest seven, oldest first.
    pub sizes: Vec<u64>,
    /// Verifications in the last 30 days.
    pub verifications_30d: usize,
    /// Of those, how many reached the checksum rung (5) or higher.
    pub checksum_verified_30d: usize,
    /// The rung the last verification reached (0: failed the first).
    pub last_rung: Option<u8>,
    /// When it ran, epoch ms.
    pub last_verified_at: Option<i64>,
    /// When the last restore test ran, epoch ms.
    pub last_restore_at: Option<i64>,
    /// How long it took, seconds.
    pub last_restore_s: Option<f64>,
    /// The last restore test failed (it stays failed until the next test).
    pub last_restore_failed: bool,
}

/// The standing of each policy; a store that does not exist yet means no history.
pub async fn status(settings: &Settings, policies: &[&Policy]) -> Result<Vec<PolicyStatus>, Error> {
    let now = now_ms();
    let since = now - 30 * 86_400_000;
    let histories = match Store::open_existing(&settings.store_url).await {
        Ok(store) => {
            let mut all = Vec::new();
            for p in policies {
                all.push(store.check_history(&check_id(p), since).await?);
            }
            store.close().await;
            all
        }
        Err(StoreError::Missing(_)) => vec![Vec::new(); policies.len()],
        Err(e) => return Err(e.into()),
    };
    let metric = |m: &[Metric], name: &str| {
        m.iter()
            .find(|x| x.name == name && x.label.is_none())
            .map(|x| x.value)
    };
    let mut rows = Vec::new();
    for (p, hist) in policies.iter().zip(histories) {
        let backups = p
            .discover(&settings.base_dir, settings.timezone)
            .unwrap_or_default();
        let newest = backups.last();
        let last = hist.last();
        let rungs: Vec<u8> = hist
            .iter()
            .filter_map(|h| metric(&h.2, "rung"))
            .map(|r| r as u8)
            .collect();
        rows.push(PolicyStatus {
            policy: p.id.clone(),
            title: p.title().to_owned(),
            newest: newest.map(|b| b.path.display().to_string()),
            newest_at: newest.map(|b| b.taken),
            age_s: newest.map(|b| (now - b.taken) / 1000),
            sizes: backups.iter().rev().take(7).rev().map(|b| b.size).collect(),
            verifications_30d: rungs.len(),
            checksum_verified_30d: rungs.iter().filter(|r| **r >= 5).count(),
            last_rung: last.and_then(|h| metric(&h.2, "rung")).map(|r| r as u8),
            last_verified_at: last.map(|h| h.0),
            last_restore_at: last
                .and_then(|h| metric(&h.2, "restored_at"))
                .map(|t| t as i64 * 1000),
            last_restore_s: last.and_then(|h| metric(&h.2, "restore_time")),
            last_restore_failed: last
                .and_then(|h| metric(&h.2, "restore_failed"))
                .is_some_and(|v| v > 0.0),
        });
    }
    Ok(rows)
}
