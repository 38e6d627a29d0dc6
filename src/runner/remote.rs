//! Checks on another host: the jump host sends the host's checks to the znode agent there over
//! ssh, in one round trip, and turns what comes back into outcomes; [`serve`] is the agent's
//! side. A host that cannot be reached gives one reason, and each of its checks an UNKNOWN
//! outcome marked `unreached` (未采集), never a CRIT.

use base64::Engine;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::{Plan, RunEvent, run_check};
use crate::catalog::CheckSpec;
use crate::core::outcome::{Category, Outcome, Status};
use crate::core::yaml::{Node, Pos};
use crate::fleet::Host;
use crate::fleet::protocol::{AgentCheck, AgentLine, AgentPlan, AgentState, PROTOCOL};
use crate::fleet::ssh::{self, Failure, Unreachable};
use crate::probe::{ProbeSpec, Shared};
use crate::settings::Settings;

/// The agent's plan for these checks of the plan; `shared` holds what the store remembers of
/// the host (its logs, its configuration baselines).
pub fn agent_plan(
    settings: &Settings,
    host: &str,
    checks: &[&CheckSpec],
    shared: &Shared,
) -> AgentPlan {
    AgentPlan {
        protocol: PROTOCOL,
        host: host.to_owned(),
        timezone: settings.timezone.name().to_owned(),
        jobs: settings.defaults.jobs,
        default_thresholds: settings.defaults.thresholds.clone(),
        checks: checks
            .iter()
            .map(|c| AgentCheck {
                id: c.id.clone(),
                probe: c.source.clone().unwrap_or_default(),
                thresholds: c.thresholds.clone(),
                timeout_ms: c.timeout.unwrap_or(settings.defaults.timeout).as_millis() as u64,
                retries: c.retries.unwrap_or(settings.defaults.retries),
                waiver: c.waiver.as_ref().map(|w| (w.reason.clone(), w.expires)),
            })
            .collect(),
        state: agent_state(settings, host, checks, shared),
        sent_at_ms: 0,
    }
}

/// The declarations and remembered state the host's log and backup checks need; nothing for
/// a host that runs neither.
fn agent_state(
    settings: &Settings,
    host: &str,
    checks: &[&CheckSpec],
    shared: &Shared,
) -> AgentState {
    let logs = &shared.logs;
    let runs = |kind: &str| checks.iter().any(|c| c.probe.kind() == kind);
    let written = |v: &serde_json::Value| (!v.is_null()).then(|| v.clone());
    let mut state = AgentState::default();
    if runs("log") {
        state.log_sources = settings
            .logs
            .sources
            .iter()
            .filter_map(|s| written(&s.written))
            .collect();
        state.log_rules = settings.logs.written_rules.clone();
        state.incremental = logs.incremental;
        if let Some(m) = logs.hosts.get(host) {
            state.cursors = m.cursors.clone();
            state.known = m
                .known
                .iter()
                .map(|(k, v)| (k.clone(), v.iter().cloned().collect()))
                .collect();
        }
    }
    if runs("drift") {
        // Without the key the agent could only make one of its own, which the next run would
        // not share: drift checks there then say why they cannot run.
        state.hash_key = crate::drift::key::load_or_create(&settings.base_dir)
            .ok()
            .map(|k| base64::engine::general_purpose::STANDARD.encode(k));
        state.config_baselines = shared.config_baselines.as_ref().map(|all| {
            all.iter()
                .filter(|((_, h), _)| h == host)
                .map(|((check, _), snap)| (check.clone(), (**snap).clone()))
                .collect()
        });
    }
    if runs("backup") {
        state.backups = settings
            .backups
            .policies
            .iter()
            .filter_map(|p| written(&p.written))
            .collect();
    }
    state
}

/// How long a host may take: connecting, then its checks `jobs` at once, each with its
/// retries and their back-off; after that it is treated as lost.
fn host_deadline(settings: &Settings, plan: &AgentPlan) -> Duration {
    let worst = plan
        .checks
        .iter()
        .map(|c| {
            let attempts = u64::from(c.retries) + 1;
            Duration::from_millis(c.timeout_ms * attempts) + Duration::from_secs(2 * (attempts - 1))
        })
        .max()
        .unwrap_or_default();
    let rounds = plan.checks.len().div_ceil(plan.jobs.max(1)) as u32;
    settings.fleet.settings.connect_timeout * 2 + worst * rounds + Duration::from_secs(5)
}

/// Runs `units` (indexes into the plan's checks) on one host, sending an outcome for each.
pub(super) async fn run_host(
    settings: Arc<Settings>,
    plan: Arc<Plan>,
    shared: Arc<Shared>,
    host: Host,
    checks: Vec<usize>,
    events: mpsc::Sender<RunEvent>,
    progress: bool,
) {
    let specs: Vec<&CheckSpec> = checks.iter().map(|&i| &*plan.checks[i]).collect();
    if progress {
        for s in &specs {
            let check = s.id.clone();
            if events.send(RunEvent::CheckStarted { check }).await.is_err() {
                return;
            }
        }
    }
    let start = Instant::now();
    let agent = agent_plan(&settings, &host.id, &specs, &shared);
    let deadline = host_deadline(&settings, &agent);
    let mut pending: BTreeSet<String> = specs.iter().map(|s| s.id.clone()).collect();
    let failure = match tokio::time::timeout(
        deadline,
        exchange(&settings, &host, &agent, &shared, &mut pending, &events),
    )
    .await
    {
        Ok(Ok(())) => None,
        Ok(Err(u)) => Some(u),
        Err(_) => Some(Unreachable::new(
            Failure::Lost,
            format!(
                "no answer within {}",
                humantime::format_duration(Duration::from_secs(deadline.as_secs()))
            ),
        )),
    };
    let Some(why) = failure else { return };
    let elapsed = start.elapsed();
    for id in pending {
        let mut o = unreached(&id, &host.id, &why, elapsed);
        redact(&settings, &mut o);
        if events
            .send(RunEvent::CheckFinished(Box::new(o)))
            .await
            .is_err()
        {
            return;
        }
    }
}

/// How the summary of a check on an unreachable host begins; the reason follows.
pub const UNREACHED: &str = "未采集：";

/// The outcome of a check on a host that could not be reached.
pub fn unreached(check: &str, host: &str, why: &Unreachable, elapsed: Duration) -> Outcome {
    let mut evidence = Vec::new();
    if !why.detail.is_empty() {
        evidence.push(format!("ssh: {}", why.detail));
    }
    evidence.push(format!("what to do: {}", why.kind.hint()));
    Outcome {
        check: check.to_owned(),
        host: Some(host.to_owned()),
        unreached: true,
        status: Status::Unknown,
        summary: format!("{UNREACHED}{}", why.kind.zh()),
        summary_en: format!("not collected (host unreachable): {}", why.kind.en()),
        metrics: Vec::new(),
        primary: None,
        evidence,
        duration: Duration::from_millis(elapsed.as_millis() as u64),
        attempts: 1,
        flaky: false,
        waiver: None,
        facts: Default::default(),
        detail: None,
    }
}

/// The longest line accepted from an agent: an outcome with its evidence is far smaller, and a
/// host must not be able to fill the jump host's memory.
const MAX_LINE: u64 = 4 * 1024 * 1024;

/// Lines a login shell may print before the agent's hello (a banner from `.bashrc`).
const MAX_BANNER_LINES: usize = 100;

/// One ssh session: the plan in, outcomes out, until the agent says it is done.
async fn exchange(
    settings: &Settings,
    host: &Host,
    plan: &AgentPlan,
    shared: &Shared,
    pending: &mut BTreeSet<String>,
    events: &mpsc::Sender<RunEvent>,
) -> Result<(), Unreachable> {
    let mut plan = plan.clone();
    let inv = &settings.fleet;
    let mut cmd = ssh::command(inv, host);
    cmd.arg(ssh::znode_line(host, &["agent"]));
    let mut child = ssh::spawn(cmd)?;
    let mut stdin = child.stdin.take();
    let stdout = child.stdout.take();
    let stderr = ssh::stderr_reader(child.stderr.take());
    let mut hello = false;
    let mut done = false;
    let mut broken: Option<String> = None;
    let mut banner: Vec<String> = Vec::new();
    if let Some(out) = stdout {
        let mut reader = BufReader::new(out);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = match (&mut reader)
                .take(MAX_LINE)
                .read_until(b'\n', &mut buf)
                .await
            {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if n as u64 == MAX_LINE && buf.last() != Some(&b'\n') {
                broken = Some(format!("a line longer than {} MiB", MAX_LINE >> 20));
                break;
            }
            let text = String::from_utf8_lossy(&buf);
            let Ok(msg) = serde_json::from_str::<AgentLine>(text.trim_end()) else {
                if hello {
                    // A line that does not decode is an outcome lost: said, not skipped.
                    broken.get_or_insert(format!("an unreadable line: {}", trim(&text)));
                } else if banner.len() < MAX_BANNER_LINES {
                    banner.push(trim(&text));
                    continue;
                } else {
                    break;
                }
                continue;
            };
            match msg {
                AgentLine::Hello { .. } => {
                    hello = true;
                    // The plan goes once the agent has said hello, stamped with this clock:
                    // the agent halves the round trip and knows its clock offset. It reads one
                    // line, then watches its stdin: when this end goes away (znode killed), the
                    // pipe closes and the agent stops its checks. So stdin stays open until done.
                    plan.sent_at_ms = crate::core::clock::now_ms();
                    let mut line = serde_json::to_string(&plan).unwrap_or_default();
                    line.push('\n');
                    if let Some(s) = stdin.as_mut() {
                        let _ = s.write_all(line.as_bytes()).await;
                        let _ = s.flush().await;
                    }
                }
                AgentLine::Outcome(mut o) => {
                    // Only checks this host was given, each once; it leaves `pending` only once
                    // delivered, so a run cut short gives it a not-collected outcome instead.
                    if !pending.contains(&o.check) {
                        continue;
                    }
                    let check = o.check.clone();
                    o.host = Some(host.id.clone());
                    o.unreached = false;
                    redact(settings, &mut o);
                    if events.send(RunEvent::CheckFinished(o)).await.is_err() {
                        return Ok(());
                    }
                    pending.remove(&check);
                }
                AgentLine::Learned(l) => {
                    // Stored under this host after the run, as this host's own state is.
                    shared
                        .logs
                        .learned
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(host.id.clone(), *l);
                }
                AgentLine::Done { .. } => {
                    done = true;
                    break;
                }
                AgentLine::Refused { reason } => {
                    broken = Some(reason);
                    break;
                }
            }
        }
    }
    drop(stdin);
    let status = match tokio::time::timeout(Duration::from_secs(2), child.wait()).await {
        Ok(s) => s.ok(),
        Err(_) => {
            let _ = child.start_kill();
            None
        }
    };
    let err = stderr.finish().await;
    if done && pending.is_empty() {
        return Ok(());
    }
    let code = status.and_then(|s| s.code());
    if let Some(why) = broken {
        return Err(Unreachable::new(Failure::Protocol, trim(&why)));
    }
    let last = ssh::last_line(&err);
    if hello {
        // The connection worked: whatever ended it came later. The agent's own stderr is not
        // searched for connection words it may have logged.
        return Err(Unreachable::new(
            Failure::Lost,
            if last.is_empty() {
                format!(
                    "exit code {}",
                    code.map_or("none".into(), |c| c.to_string())
                )
            } else {
                last
            },
        ));
    }
    if let Some(u) = Unreachable::classify(code, &err, host.sudo) {
        return Err(u);
    }
    let detail = match (banner.first(), last.is_empty()) {
        (Some(b), _) => format!("unexpected output before znode answered: {b}"),
        (None, false) => last,
        (None, true) => format!(
            "exit code {}",
            code.map_or("none".into(), |c| c.to_string())
        ),
    };
    Err(Unreachable::new(Failure::Protocol, detail))
}

fn trim(s: &str) -> String {
    let t: String = s.trim().chars().take(300).collect();
    t
}

/// Secrets the jump host knows never appear in what a host sent back.
fn redact(settings: &Settings, o: &mut Outcome) {
    o.summary = crate::core::secret::redact_urls_in(&o.summary);
    o.summary_en = crate::core::secret::redact_urls_in(&o.summary_en);
    for e in o.evidence.iter_mut() {
        *e = crate::core::secret::redact_urls_in(e);
    }
    for s in settings.secrets() {
        o.summary = s.redact(&o.summary);
        o.summary_en = s.redact(&o.summary_en);
        for e in o.evidence.iter_mut().chain(o.facts.values_mut()) {
            *e = s.redact(e);
        }
    }
}

/// The check an agent runs, from what the jump host sent. The jump host keeps the title,
/// category and system; the agent needs only what to observe and how to judge it.
fn check_of(c: &AgentCheck) -> Result<CheckSpec, String> {
    let probe = ProbeSpec::from_node(&Node::from_json(&c.probe))
        .map_err(|e| format!("check `{}`: {}", c.id, e))?;
    Ok(CheckSpec {
        id: c.id.clone(),
        title: c.id.clone(),
        category: Category::Daily,
        item: None,
        system: None,
        target: None,
        probe,
        source: None,
        hosts: Vec::new(),
        same: None,
        thresholds: c.thresholds.clone(),
        timeout: Some(Duration::from_millis(c.timeout_ms.max(1))),
        retries: Some(c.retries),
        every: None,
        depends_on: Vec::new(),
        baseline: None,
        tags: Vec::new(),
        remediation: None,
        enabled: true,
        waiver: c
            .waiver
            .as_ref()
            .map(|(reason, expires)| crate::catalog::Waiver {
                reason: reason.clone(),
                expires: *expires,
            }),
        file: "(jump host)".into(),
        pos: Pos::default(),
    })
}

/// The agent: runs a plan sent by the jump host and sends each outcome as it finishes, then
/// `Done`. A plan it cannot run at all is answered with `Refused`. `stop` turns true when the
/// jump host is gone; the checks in flight are then cancelled (their process groups killed).
pub async fn serve(
    plan: AgentPlan,
    clock_offset_ms: Option<i64>,
    out: mpsc::Sender<AgentLine>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    if plan.protocol != PROTOCOL {
        let reason = format!(
            "this znode {} speaks protocol {PROTOCOL}, the jump host sent {}: run `znode fleet push`",
            env!("CARGO_PKG_VERSION"),
            plan.protocol
        );
        let _ = out.send(AgentLine::Refused { reason }).await;
        return;
    }
    let checks: Result<Vec<CheckSpec>, String> = plan.checks.iter().map(check_of).collect();
    let checks = match checks {
        Ok(c) => c,
        Err(reason) => {
            let reason = format!(
                "{reason} (this host runs znode {}: run `znode fleet push`)",
                env!("CARGO_PKG_VERSION")
            );
            let _ = out.send(AgentLine::Refused { reason }).await;
            return;
        }
    };
    let settings = match agent_settings(&plan) {
        Ok(s) => Arc::new(s),
        Err(reason) => {
            let _ = out.send(AgentLine::Refused { reason }).await;
            return;
        }
    };
    let mut shared = Shared::default();
    shared.clock_offset_ms = clock_offset_ms;
    shared.host = Some(plan.host.clone());
    let state = plan.state;
    shared.hash_key = state
        .hash_key
        .as_deref()
        .and_then(|k| base64::engine::general_purpose::STANDARD.decode(k).ok())
        // No key sent: an empty one, which drift checks refuse rather than make their own
        // (a key of this host alone would show every masked secret as changed).
        .or_else(|| Some(Vec::new()))
        .map(Arc::new);
    shared.config_baselines = state.config_baselines.map(|all| {
        all.into_iter()
            .map(|(check, snap)| ((check, plan.host.clone()), Arc::new(snap)))
            .collect()
    });
    shared.logs.incremental = state.incremental;
    shared.logs.cursors = Arc::new(crate::logs::cursor::Cursors::new(state.cursors));
    shared.logs.known.before = state
        .known
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect();
    let shared = Arc::new(shared);
    let sem = Arc::new(tokio::sync::Semaphore::new(settings.defaults.jobs));
    let mut set = JoinSet::new();
    for spec in checks {
        let (settings, shared, out, sem) =
            (settings.clone(), shared.clone(), out.clone(), sem.clone());
        set.spawn(async move {
            let Ok(_permit) = sem.acquire_owned().await else {
                return;
            };
            let mut o = run_check(&settings, &spec, &shared, None, None).await;
            // JSON has no NaN or infinity: such a value would make the line unreadable.
            let before = o.metrics.len();
            o.metrics.retain(|m| m.value.is_finite());
            if o.metrics.len() < before {
                o.evidence
                    .push("a metric that was not a finite number was left out".into());
            }
            let _ = out.send(AgentLine::Outcome(Box::new(o))).await;
        });
    }
    let interrupted = tokio::select! {
        _ = async { while set.join_next().await.is_some() {} } => false,
        _ = stop.wait_for(|s| *s) => true,
    };
    if interrupted {
        set.shutdown().await;
    } else {
        // What an interrupted run learned is not kept here either: its lines are read again.
        let learned = shared.logs.take_learned();
        if !learned.seen.is_empty() || !learned.cursors.is_empty() {
            let _ = out.send(AgentLine::Learned(Box::new(learned))).await;
        }
    }
    let _ = out.send(AgentLine::Done { interrupted }).await;
}

/// The agent's settings: the node's timezone and thresholds, and the log and backup
/// declarations it was sent, read as `config check` read them on the jump host.
fn agent_settings(plan: &AgentPlan) -> Result<Settings, String> {
    let mut settings = Settings::ad_hoc(None);
    settings.timezone = plan.timezone.parse().unwrap_or(settings.timezone);
    settings.defaults.thresholds = plan.default_thresholds.clone();
    settings.defaults.jobs = plan.jobs.max(1);
    let state = &plan.state;
    for v in &state.log_sources {
        let mut src: crate::logs::Source = Node::from_json(v)
            .deserialize()
            .map_err(|e| format!("log source as sent: {e}"))?;
        src.written = v.clone();
        settings.logs.sources.push(src);
    }
    let own = crate::logs::rules::read_own(&Node::from_json(&serde_json::Value::Array(
        state.log_rules.clone(),
    )))
    .map_err(|e| format!("log rules as sent: {e}"))?;
    settings.logs.rules = crate::logs::rules::merge(crate::logs::rules::shipped(), own)
        .into_iter()
        .map(Arc::new)
        .collect();
    for v in &state.backups {
        let mut p: crate::backup::Policy = Node::from_json(v)
            .deserialize()
            .map_err(|e| format!("backup policy as sent: {e}"))?;
        // Restore targets stay on the jump host with their credentials.
        if p.restore.take().is_some() {
            p.restore_elsewhere = Some(format!(
                "恢复测试未在主机 {} 上执行：恢复测试在跳板机上运行（把备份同步到跳板机，或在该主机以推送模式运行 znode）",
                plan.host
            ));
        }
        p.written = v.clone();
        settings.backups.policies.push(p);
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::log::{Log, Span};

    fn round_trip(probe: ProbeSpec) {
        let written = probe
            .written()
            .expect("derivable kinds say how they are written");
        let read = ProbeSpec::from_node(&Node::from_json(&written)).unwrap();
        assert_eq!(read.written(), Some(written));
        assert_eq!(read.kind(), probe.kind());
    }

    #[test]
    fn derived_log_and_backup_checks_are_read_back_by_the_agent_as_the_same_probe() {
        round_trip(ProbeSpec::Log(Log::rule(
            "tomcat",
            "oom",
            Span::Last(Duration::from_secs(3600)),
        )));
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        round_trip(ProbeSpec::Log(Log::rule(
            "tomcat",
            "oom",
            Span::Between {
                from: Some(t("2026-11-01T00:00:00+08:00")),
                to: Some(t("2026-12-01T00:00:00+08:00")),
            },
        )));
        round_trip(ProbeSpec::Backup(crate::probe::backup::Backup::new(
            "shared-db",
            true,
            false,
        )));
    }

    #[test]
    fn an_agent_reads_the_declarations_it_was_sent_and_leaves_the_restore_test_to_the_jump_host() {
        let mut plan = AgentPlan {
            protocol: PROTOCOL,
            host: "db1".into(),
            timezone: "Asia/Shanghai".into(),
            jobs: 4,
            default_thresholds: Default::default(),
            checks: Vec::new(),
            state: AgentState::default(),
            sent_at_ms: 0,
        };
        plan.state.log_sources = vec![serde_json::json!({
            "id": "app", "format": "java", "paths": ["/var/log/app/*.log"]
        })];
        plan.state.log_rules = vec![
            serde_json::json!({ "id": "app-error", "title": "应用报错", "match": "ERROR" }),
            serde_json::json!({ "id": "oom", "title": "x", "match": "x", "enabled": false }),
        ];
        plan.state.backups = vec![serde_json::json!({
            "id": "shared-db", "kind": "postgres", "path": "/backup/shared-%Y%m%d.dump",
            "restore": { "target": "scratch", "every": "7d" }
        })];
        let s = agent_settings(&plan).unwrap();
        assert_eq!(s.timezone.name(), "Asia/Shanghai");
        assert!(s.logs.source("app").is_some());
        assert!(s.logs.rule("app-error").is_some());
        assert!(
            s.logs.rule("oom").is_none(),
            "a rule the config turned off stays off"
        );
        assert!(
            s.logs.rule("error").is_some(),
            "the shipped rules are the agent's own"
        );
        let p = s.backups.policy("shared-db").unwrap();
        assert!(p.restore.is_none());
        assert!(p.restore_elsewhere.as_deref().unwrap().contains("db1"));

        plan.state.backups = vec![serde_json::json!({ "id": "x", "kind": "tape" })];
        let e = agent_settings(&plan).unwrap_err();
        assert!(e.contains("backup policy as sent"), "{e}");
    }
}
