//! `disk`: used space and inodes in % per mount point, pseudo filesystems excluded.

use crate::text;
use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::outcome::Metric;

/// Filesystem types that hold no operator data.
const PSEUDO: &[&str] = &[
    "proc",
    "sysfs",
    "devtmpfs",
    "devpts",
    "tmpfs",
    "cgroup",
    "cgroup2",
    "securityfs",
    "pstore",
    "debugfs",
    "tracefs",
    "configfs",
    "fusectl",
    "mqueue",
    "hugetlbfs",
    "bpf",
    "autofs",
    "binfmt_misc",
    "nsfs",
    "rpc_pipefs",
    "squashfs",
    "overlay",
    "ramfs",
    "efivarfs",
    "selinuxfs",
    "fuse.lxcfs",
    "fuse.gvfsd-fuse",
    "nfsd",
];

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disk {
    /// Mount points to check; all real filesystems when empty.
    #[serde(default)]
    mounts: Vec<String>,
    /// Mount points to skip.
    #[serde(default)]
    exclude: Vec<String>,
}

impl Probe for Disk {
    const KIND: &'static str = "disk";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("used_pct")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[
            ("used_pct", Some("80"), Some("90")),
            ("inode_pct", Some("80"), Some("90")),
        ]
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let mounts = self.mounts.clone();
        let exclude = self.exclude.clone();
        blocking(move || {
            let table = procfs::read("/proc/self/mounts")?;
            let mut seen = std::collections::BTreeSet::new();
            let mut obs = Observation::default();
            for line in table.lines() {
                let f: Vec<&str> = line.split_whitespace().collect();
                if f.len() < 3 {
                    continue;
                }
                let (dev, mnt, fstype) = (f[0], unescape(f[1]), f[2]);
                let wanted = if mounts.is_empty() {
                    !PSEUDO.contains(&fstype)
                } else {
                    mounts.contains(&mnt)
                };
                if !wanted || exclude.contains(&mnt) || !seen.insert(mnt.clone()) {
                    continue;
                }
                let st = nix::sys::statvfs::statvfs(mnt.as_str())
                    .map_err(|e| ProbeError::unknown(format!("statvfs {mnt}: {e}")))?;
                let frsize = st.fragment_size() as f64;
                let total = st.blocks() as f64 * frsize;
                if total == 0.0 {
                    continue;
                }
                let avail = st.blocks_available() as f64 * frsize;
                let free = st.blocks_free() as f64 * frsize;
                // Same as df: used / (used + available to unprivileged users).
                let used = total - free;
                let used_pct = 100.0 * used / (used + avail).max(1.0);
                let files = st.files() as f64;
                let inode_pct = if files > 0.0 {
                    100.0 * (files - st.files_free() as f64) / files
                } else {
                    0.0
                };
                obs.metrics
                    .push(Metric::labelled("used_pct", mnt.clone(), used_pct, "%"));
                obs.metrics
                    .push(Metric::labelled("inode_pct", mnt.clone(), inode_pct, "%"));
                obs.evidence.push(format!(
                    "{mnt}（{fstype}，设备 {dev}）：已用 {used_pct:.1}%（共 {}），inode 已用 {inode_pct:.1}%",
                    crate::core::outcome::format_value(total, "B")
                ));
            }
            for m in &mounts {
                if !seen.contains(m) {
                    obs.fail(
                        crate::core::outcome::Status::Crit,
                        text!("{m} 未挂载", "{m} is not mounted", m = m),
                    );
                }
            }
            let worst = obs
                .metrics
                .iter()
                .filter(|m| m.name == "used_pct")
                .max_by(|a, b| a.value.total_cmp(&b.value));
            obs.summary = match worst {
                Some(w) => text!(
                    "共 {n} 个文件系统，最满的 {mnt} 已用 {pct:.1}%",
                    "{n} filesystems, fullest {mnt} at {pct:.1}%",
                    n = seen.len(),
                    mnt = w.label.as_deref().unwrap_or("?"),
                    pct = w.value,
                ),
                None => text!("没有匹配的文件系统", "no filesystems matched"),
            };
            Ok(obs)
        })
        .await
    }
}

/// /proc/mounts escapes spaces and tabs in octal.
fn unescape(s: &str) -> String {
    s.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\134", "\\")
}
