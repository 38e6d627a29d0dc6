//! `process`: how many processes match a name or command line, their memory and CPU.

use crate::text;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, RefreshKind, System, UpdateKind};

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError, blocking};
use crate::core::error::Invalid;
use crate::core::outcome::Metric;

/// Parameters; at least one of `name` and `cmdline`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    /// Exact process name (as in `ps -o comm`, e.g. `nginx`, `postgres`).
    name: Option<String>,
    /// Regex over the full command line (e.g. `java .*portal\.jar`).
    cmdline: Option<Pattern>,
    /// Only processes of this user.
    user: Option<String>,
    /// Measure current CPU use over this interval (e.g. `1s`). Unset, CPU is the average over
    /// each process's lifetime, as `ps` and check_procs report it, and the check does not wait.
    #[serde(default, with = "crate::core::duration::opt")]
    cpu_sample: Option<Duration>,
}

impl Probe for Process {
    const KIND: &'static str = "process";
    const PLACE: super::Place = super::Place::Host;
    const SERVICE: bool = true;

    fn primary(&self) -> Option<&'static str> {
        Some("count")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        // At least one process unless the check says otherwise.
        &[("count", None, Some("1:"))]
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        if self.name.is_none() && self.cmdline.is_none() {
            return Err(Invalid::new(
                "the process probe needs `name` or `cmdline`",
                "e.g. `name: nginx` or `cmdline: 'java .*portal'`",
            ));
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        // Without a CPU sample every process check of a run reads one table of processes,
        // taken once: a /proc walk costs ~10 ms, and an inspection has a dozen such checks.
        let table = match self.cpu_sample {
            Some(interval) => Arc::new(blocking(move || table(Some(interval))).await?),
            None => cx
                .shared
                .processes
                .get_or_try_init(|| async { blocking(|| table(None)).await.map(Arc::new) })
                .await?
                .clone(),
        };
        let mut count = 0u32;
        let (mut rss, mut cpu) = (0u64, 0f32);
        let mut pids = Vec::new();
        for p in table.iter() {
            if self.name.as_ref().is_some_and(|n| *n != p.name) {
                continue;
            }
            if self
                .cmdline
                .as_ref()
                .is_some_and(|re| !re.0.is_match(&p.cmd))
            {
                continue;
            }
            if let Some(u) = &self.user {
                let owner = p
                    .uid
                    .and_then(|uid| {
                        nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
                            .ok()
                            .flatten()
                    })
                    .map(|x| x.name);
                if owner.as_deref() != Some(u.as_str()) {
                    continue;
                }
            }
            count += 1;
            rss += p.rss;
            cpu += p.cpu_pct;
            pids.push(p.pid);
        }
        pids.sort_unstable();
        let what = self
            .name
            .clone()
            .or(self.cmdline.as_ref().map(|c| format!("/{}/", c.as_str())))
            .unwrap_or_default();
        // A command-line pattern is for the engineer: the Chinese line says "matching".
        let zwhat = self.name.clone().unwrap_or_else(|| "匹配的".to_owned());
        let (plural, mem) = (
            if count == 1 { "" } else { "es" },
            crate::core::outcome::format_value(rss as f64, "B"),
        );
        let mut obs = Observation::new(text!(
            "{zwhat}进程 {count} 个，内存 {mem}，CPU {cpu:.1}%",
            "{count} {what} process{plural}, RSS {mem}, CPU {cpu:.1}%",
            zwhat = if self.name.is_some() {
                format!("{zwhat} ")
            } else {
                zwhat
            },
            what = what,
            count = count,
            plural = plural,
            mem = mem,
            cpu = cpu,
        ))
        .metric(Metric::new("count", f64::from(count), ""))
        .metric(Metric::new("rss", rss as f64, "B"))
        .metric(Metric::new("cpu_pct", f64::from(cpu), "%"));
        if !pids.is_empty() {
            let shown: Vec<String> = pids.iter().take(10).map(u32::to_string).collect();
            obs.evidence.push(format!(
                "进程号 {}{}",
                shown.join(" "),
                if pids.len() > 10 { " 等" } else { "" }
            ));
        }
        Ok(obs)
    }
}

/// One process as the checks see it.
#[derive(Debug)]
pub struct ProcessEntry {
    pid: u32,
    name: String,
    cmd: String,
    uid: Option<u32>,
    rss: u64,
    /// Current CPU % over the sample, or the lifetime average without one.
    cpu_pct: f32,
}

/// Every process (threads and znode itself left out); with `sample`, CPU is measured over it.
fn table(sample: Option<Duration>) -> Result<Vec<ProcessEntry>, ProbeError> {
    let kind = ProcessRefreshKind::nothing()
        .with_cpu()
        .with_memory()
        .with_cmd(UpdateKind::OnlyIfNotSet)
        .with_user(UpdateKind::OnlyIfNotSet);
    let mut sys = System::new_with_specifics(RefreshKind::nothing().with_processes(kind))
        .map_err(|e| ProbeError::unknown(format!("cannot list processes: {e}")))?;
    // Current CPU use needs two samples, some time apart.
    if let Some(interval) = sample {
        std::thread::sleep(interval.max(sysinfo::MINIMUM_CPU_UPDATE_INTERVAL));
        sys.refresh_processes_specifics(ProcessesToUpdate::All, true, kind);
    }
    let me = std::process::id();
    Ok(sys
        .processes()
        .iter()
        // Threads show up as processes in sysinfo on Linux; count each process once.
        .filter(|(pid, p)| p.thread_kind().is_none() && pid.as_u32() != me)
        .map(|(pid, p)| ProcessEntry {
            pid: pid.as_u32(),
            name: p.name().to_string_lossy().into_owned(),
            cmd: p
                .cmd()
                .iter()
                .map(|s| s.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            uid: p.user_id().map(|u| **u),
            rss: p.memory(),
            cpu_pct: if sample.is_some() {
                p.cpu_usage()
            } else {
                // accumulated_cpu_time is in ms, run_time in s: average % since start.
                (p.accumulated_cpu_time() as f32 / 10.0) / (p.run_time().max(1) as f32)
            },
        })
        .collect())
}
