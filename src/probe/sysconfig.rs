//! `sysconfig`: does the system meet a middleware's requirements (脆弱性检查(5))? The soft limits
//! of a running process (`/proc/PID/limits`), kernel parameters (`/proc/sys`), and a Java
//! process's options (`-Xmx` set, heap dump on OutOfMemoryError), each against a declared range.

use crate::text;
use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Observation, Pattern, Probe, ProbeContext, ProbeError, blocking, procfs};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status};
use crate::core::threshold::Range;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sysconfig {
    /// The process whose limits and options are read (the longest-running match).
    process: Option<ProcessMatch>,
    /// Required soft limits as Nagios ranges: `nofile`, `nproc`, `memlock`, `core`, `stack`, `as`.
    #[serde(default)]
    limits: BTreeMap<String, Range>,
    /// Required kernel parameters as Nagios ranges, by sysctl name (`net.core.somaxconn: "1024:"`).
    #[serde(default)]
    sysctl: BTreeMap<String, Range>,
    /// Java options the process must have.
    java: Option<JavaRequirements>,
    /// Status of an unmet requirement (default WARN).
    #[serde(default = "warn")]
    severity: Severity,
}

/// Which process.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcessMatch {
    /// Exact process name (comm).
    name: Option<String>,
    /// Regex over the command line.
    cmdline: Option<Pattern>,
}

/// What a Java process must be started with.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JavaRequirements {
    /// `-Xmx` must be set.
    #[serde(default)]
    xmx: bool,
    /// `-XX:+HeapDumpOnOutOfMemoryError` must be set.
    #[serde(default)]
    heap_dump_on_oom: bool,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Severity {
    Warn,
    Crit,
}

fn warn() -> Severity {
    Severity::Warn
}

/// `/proc/PID/limits` row names by the short names used in check files.
const LIMITS: &[(&str, &str)] = &[
    ("nofile", "Max open files"),
    ("nproc", "Max processes"),
    ("memlock", "Max locked memory"),
    ("core", "Max core file size"),
    ("stack", "Max stack size"),
    ("as", "Max address space"),
];

impl Probe for Sysconfig {
    const KIND: &'static str = "sysconfig";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        None
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        if let Some(bad) = self
            .limits
            .keys()
            .find(|k| !LIMITS.iter().any(|(n, _)| n == k))
        {
            let names: Vec<&str> = LIMITS.iter().map(|(n, _)| *n).collect();
            return Err(Invalid::new(
                format!("unknown limit `{bad}`"),
                format!("one of: {}", names.join(", ")),
            ));
        }
        if (!self.limits.is_empty() || self.java.is_some())
            && self
                .process
                .as_ref()
                .is_none_or(|p| p.name.is_none() && p.cmdline.is_none())
        {
            return Err(Invalid::new(
                "limits and java requirements need `process: { name: ... }` or `cmdline`",
                "name the middleware's process",
            ));
        }
        if self.limits.is_empty() && self.sysctl.is_empty() && self.java.is_none() {
            return Err(Invalid::new(
                "the sysconfig probe has nothing to check",
                "declare `limits`, `sysctl` or `java` requirements",
            ));
        }
        Ok(())
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let name = self.process.as_ref().and_then(|p| p.name.clone());
        let cmdline = self.process.as_ref().and_then(|p| p.cmdline.clone());
        let limits = self.limits.clone();
        let sysctl = self.sysctl.clone();
        let java = self.java.as_ref().map(|j| (j.xmx, j.heap_dump_on_oom));
        let status = match self.severity {
            Severity::Warn => Status::Warn,
            Severity::Crit => Status::Crit,
        };
        blocking(move || {
            let mut obs = Observation::default();
            let mut checked = 0;
            for (key, range) in &sysctl {
                let path = format!("/proc/sys/{}", key.replace('.', "/"));
                let text = procfs::read(&path).map_err(|_| {
                    ProbeError::unknown(text!(
                        "内核参数 {key} 在本机不存在（{path}）",
                        "kernel parameter {key} does not exist here ({path})",
                        key = key,
                        path = path,
                    ))
                })?;
                let Some(v) = text
                    .split_whitespace()
                    .next()
                    .and_then(|x| x.parse::<f64>().ok())
                else {
                    return Err(ProbeError::unknown(text!(
                        "{key} = {v}，不是数值",
                        "{key} = `{v}` is not a number",
                        key = key,
                        v = text.trim(),
                    )));
                };
                obs.metrics
                    .push(Metric::labelled("sysctl", key.clone(), v, ""));
                if range.alerts(v) {
                    obs.fail(
                        status,
                        text!(
                            "{key} = {v} {breach}（要求 {req}）",
                            "{key} = {v} {breach} (required {req})",
                            key = key,
                            v = v,
                            breach = range.describe_breach(v),
                            req = range.as_str(),
                        ),
                    );
                }
                checked += 1;
            }
            if name.is_some() || cmdline.is_some() {
                let (pid, cmd) = find_process(name.as_deref(), cmdline.as_ref())?;
                let what = name.clone().unwrap_or_else(|| {
                    format!("/{}/", cmdline.as_ref().map(Pattern::as_str).unwrap_or(""))
                });
                obs.evidence.push(format!("{what}：进程号 {pid}"));
                if !limits.is_empty() {
                    let table = procfs::read(&format!("/proc/{pid}/limits"))?;
                    for (key, range) in &limits {
                        let row = LIMITS
                            .iter()
                            .find(|(n, _)| n == key)
                            .map(|(_, row)| *row)
                            .unwrap_or_default();
                        let soft = table
                            .lines()
                            .find(|l| l.starts_with(row))
                            .and_then(|l| l[row.len()..].split_whitespace().next())
                            .unwrap_or("");
                        if soft == "unlimited" {
                            obs.evidence.push(format!("{key} 软限制为不限"));
                        } else if let Ok(v) = soft.parse::<f64>() {
                            obs.metrics
                                .push(Metric::labelled("limit", key.clone(), v, ""));
                            if range.alerts(v) {
                                obs.fail(
                                    status,
                                    text!(
                                        "{what} 的 {key} 限制为 {v} {breach}（要求 {req}）",
                                        "{what} {key} limit {v} {breach} (required {req})",
                                        what = what,
                                        key = key,
                                        v = v,
                                        breach = range.describe_breach(v),
                                        req = range.as_str(),
                                    ),
                                );
                            }
                        } else {
                            return Err(ProbeError::unknown(text!(
                                "无法读取进程 {pid} 的 {key} 限制",
                                "cannot read the {key} limit of pid {pid}",
                                key = key,
                                pid = pid,
                            )));
                        }
                        checked += 1;
                    }
                }
                if let Some((need_xmx, need_dump)) = java {
                    // The JVM takes the last -Xmx given.
                    let xmx = cmd
                        .split_whitespace()
                        .filter_map(|a| a.strip_prefix("-Xmx"))
                        .next_back();
                    match (xmx, need_xmx) {
                        (Some(size), _) => match parse_size(size) {
                            Some(bytes) => obs.metrics.push(Metric::new("java_xmx", bytes, "B")),
                            None => obs.fail(
                                Status::Unknown,
                                text!(
                                    "无法识别 -Xmx{size}",
                                    "cannot read -Xmx{size}",
                                    size = size
                                ),
                            ),
                        },
                        (None, true) => obs.fail(
                            status,
                            text!(
                                "{what} 未设置 -Xmx：堆内存默认为物理内存的四分之一",
                                "{what} runs without -Xmx: the heap defaults to a quarter of RAM",
                                what = what,
                            ),
                        ),
                        (None, false) => {}
                    }
                    if need_dump
                        && !cmd
                            .split_whitespace()
                            .any(|a| a == "-XX:+HeapDumpOnOutOfMemoryError")
                    {
                        obs.fail(
                            status,
                            text!(
                                "{what} 未设置 -XX:+HeapDumpOnOutOfMemoryError（内存溢出时不留堆转储）",
                                "{what} runs without -XX:+HeapDumpOnOutOfMemoryError",
                                what = what,
                            ),
                        );
                    }
                    checked += 1;
                }
            }
            obs.summary = text!(
                "已检查配置要求 {checked} 项",
                "{checked} requirement(s) met",
                checked = checked,
            );
            Ok(obs)
        })
        .await
    }
}

/// The longest-running process matching the name and/or command line: (pid, command line).
fn find_process(
    name: Option<&str>,
    cmdline: Option<&Pattern>,
) -> Result<(u32, String), ProbeError> {
    let me = std::process::id();
    let mut best: Option<(u64, u32, String)> = None;
    for entry in std::fs::read_dir("/proc")
        .map_err(|e| ProbeError::unknown(format!("/proc: {e}")))?
        .flatten()
    {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // comm is in parentheses and may hold spaces; fields after it are space-separated.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let comm = &stat[open + 1..close];
        if name.is_some_and(|n| n != comm) {
            continue;
        }
        let raw = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmd = String::from_utf8_lossy(&raw)
            .replace('\0', " ")
            .trim()
            .to_owned();
        if cmdline.is_some_and(|re| !re.0.is_match(&cmd)) || cmd.is_empty() {
            continue;
        }
        let start: u64 = stat[close + 1..]
            .split_whitespace()
            .nth(19)
            .and_then(|s| s.parse().ok())
            .unwrap_or(u64::MAX);
        if best.as_ref().is_none_or(|b| start < b.0) {
            best = Some((start, pid, cmd));
        }
    }
    best.map(|(_, pid, cmd)| (pid, cmd))
        .ok_or_else(|| ProbeError::down(text!("进程未运行", "no such process is running")))
}

/// A JVM size such as `512m`, `2g`, `1048576`.
fn parse_size(s: &str) -> Option<f64> {
    let (num, mult) = match s.chars().last()?.to_ascii_lowercase() {
        'k' => (&s[..s.len() - 1], 1024.0),
        'm' => (&s[..s.len() - 1], 1024.0 * 1024.0),
        'g' => (&s[..s.len() - 1], 1024.0 * 1024.0 * 1024.0),
        't' => (&s[..s.len() - 1], 1024.0f64.powi(4)),
        _ => (s, 1.0),
    };
    num.parse::<f64>().ok().map(|n| n * mult)
}

#[cfg(test)]
mod tests {
    #[test]
    fn jvm_sizes() {
        assert_eq!(super::parse_size("512m"), Some(512.0 * 1024.0 * 1024.0));
        assert_eq!(
            super::parse_size("2G"),
            Some(2.0 * 1024.0 * 1024.0 * 1024.0)
        );
        assert_eq!(super::parse_size("4096"), Some(4096.0));
        assert_eq!(super::parse_size("lots"), None);
    }
}
