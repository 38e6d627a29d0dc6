//! The special reports (专项报告): a fault brief from an incident's record, an emergency or
//! drill summary from a playbook journal, a version-sync report from a release. Each model is
//! read from the store and rendered by its template (`incident.md.hbs`, `drill.md.hbs`,
//! `sync.md.hbs`); the fields are documented in `report-templates/README.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{Signoff, cell};
use super::routine::{IncidentRow, StatusRow, zh_duration};
use crate::core::outcome::Status;
use crate::core::period::Span;
use crate::incident::ANALYSIS;
use crate::settings::Settings;
use crate::store::{Store, StoreError};

const LONG: &str = "%Y-%m-%d %H:%M";
const SECONDS: &str = "%Y-%m-%d %H:%M:%S";

/// What every special report carries besides its subject.
#[derive(Clone, Debug, Serialize)]
pub struct Header {
    /// Document title.
    pub title: String,
    /// The node as titles name it.
    pub unit: String,
    /// When the document was made.
    pub generated: String,
    /// 编制人, 审核人, 批准人.
    pub signoff: Signoff,
}

impl Header {
    fn new(s: &Settings, title: String, now: i64) -> Header {
        Header {
            title,
            unit: s.reports.title.clone().unwrap_or_else(|| s.node.clone()),
            generated: crate::core::clock::local_time(now, s.timezone, LONG),
            signoff: Signoff::of(&s.reports),
        }
    }
}

/// The model of a fault brief (故障处理简报).
#[derive(Clone, Debug, Serialize)]
pub struct IncidentBrief {
    /// Title, unit, date, sign-off.
    #[serde(flatten)]
    pub header: Header,
    /// The incident.
    pub incident: IncidentFacts,
    /// Its updates in order.
    pub timeline: Vec<TimelineRow>,
    /// The inspection results of the check that opened it, where the status changed.
    pub observations: Vec<TimelineRow>,
    /// Playbook runs while it was open.
    pub playbooks: Vec<String>,
    /// One paragraph.
    pub conclusion: String,
    /// The analysis (现象及影响范围, 原因分析, ...), each part's latest text or 待补充.
    pub analysis: Vec<AnalysisRow>,
    /// The parts of the analysis nobody recorded yet (their headings).
    #[serde(skip)]
    pub missing: Vec<&'static str>,
}

/// One part of a fault brief's analysis.
#[derive(Clone, Debug, Serialize)]
pub struct AnalysisRow {
    /// Its heading.
    pub heading: &'static str,
    /// What was recorded, or 待补充.
    pub text: String,
}

/// Who did something, as documents name them: znode's own commands read as 巡检程序.
pub fn who_zh(who: &str) -> String {
    if who.starts_with("znode") {
        "巡检程序".to_owned()
    } else {
        cell(who)
    }
}

/// An incident's facts and clocks.
#[derive(Clone, Debug, Serialize)]
pub struct IncidentFacts {
    /// Id.
    pub id: i64,
    /// 故障, 咨询, ...
    pub kind: String,
    /// Severity.
    pub severity: String,
    /// System name.
    pub system: String,
    /// One line.
    pub title: String,
    /// Reporter.
    pub reporter: String,
    /// Assignee, or -.
    pub assignee: String,
    /// The check that opened it, or -.
    pub source_check: String,
    /// Times, `YYYY-MM-DD HH:MM` or -.
    pub opened: String,
    /// Acknowledged.
    pub acked: String,
    /// Service restored.
    pub restored: String,
    /// Closed.
    pub closed: String,
    /// 已关闭, 已恢复, 处理中, 待响应.
    pub state: &'static str,
    /// Minutes to the response (so far) and the limit.
    pub response_min: i64,
    /// The response limit in minutes.
    pub response_limit: i64,
    /// 按时 or 超时.
    pub response_verdict: &'static str,
    /// Minutes to restoration, or -.
    pub restore_min: String,
    /// The restore limit in minutes, or -.
    pub restore_limit: String,
    /// 按时, 超时 or - (not a fault).
    pub restore_verdict: &'static str,
}

/// One line of a timeline.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineRow {
    /// When.
    pub at: String,
    /// Who, or the source.
    pub who: String,
    /// What kind of event, in Chinese.
    pub event: String,
    /// What was said or found.
    pub text: String,
}

/// A journal or incident event in the words of the documents.
pub fn event_zh(e: &str) -> &str {
    match e {
        "open" => "受理",
        "ack" => "响应",
        "note" => "进展",
        "restore" => "恢复",
        "close" => "关闭",
        "start" => "开始",
        "finish" => "完成",
        "fail" => "失败",
        "confirm" => "确认",
        "decision" => "决策",
        "output" => "输出",
        "pause" => "暂停",
        "resume" => "继续",
        "spawn" => "启动命令",
        "interrupt" => "中断",
        "end" => "结束",
        "evaluation" => "评估",
        other => crate::incident::ANALYSIS
            .iter()
            .find(|(id, _)| *id == other)
            .map_or(other, |(_, zh)| zh),
    }
}

/// Builds the fault brief of an incident.
pub async fn incident(
    store: &Store,
    s: &Settings,
    id: i64,
    now: i64,
) -> Result<IncidentBrief, StoreError> {
    let i = store.incident(id).await?;
    let updates = store.incident_updates(id).await?;
    let tz = s.timezone;
    let show = |t: Option<i64>| {
        t.map(|t| crate::core::clock::local_time(t, tz, LONG))
            .unwrap_or_else(|| "-".into())
    };
    let c = i.clocks(&s.sla, now);
    let fault = c.restore_min.is_some();
    let limit = s
        .sla
        .restore
        .get(&i.severity)
        .map(|d| (d.as_secs() / 60) as i64);
    let system = i
        .system
        .as_deref()
        .map(|x| {
            s.system(x)
                .map(|y| y.name.clone())
                .unwrap_or_else(|| x.to_owned())
        })
        .unwrap_or_else(|| "-".into());
    let end = i.closed_at.or(i.restored_at).unwrap_or(now);
    let mut observations = Vec::new();
    let mut source_title = None;
    if let Some(check) = &i.source_check {
        let (id, host) = check.split_once('@').unwrap_or((check, ""));
        let title = store
            .check_title(id)
            .await?
            .unwrap_or_else(|| id.to_owned());
        let title = if host.is_empty() {
            title
        } else {
            format!("{title}（{host}）")
        };
        source_title = Some(title.clone());
        let mut last: Option<Status> = None;
        for (at, status, _) in store.check_history(check, i.opened_at - 3_600_000).await? {
            if at > end + 3_600_000 {
                break;
            }
            if last != Some(status) {
                observations.push(TimelineRow {
                    at: crate::core::clock::local_time(at, tz, LONG),
                    who: cell(&title),
                    event: status.zh().to_owned(),
                    text: String::new(),
                });
                last = Some(status);
            }
        }
    }
    let playbooks = store
        .playbook_runs_in(Span {
            from: i.opened_at,
            to: end + 1,
        })
        .await?
        .into_iter()
        .map(|p| {
            format!(
                "#{} {}（{}，{}）",
                p.id,
                p.title,
                if p.mode == "drill" {
                    "演练"
                } else {
                    "处置"
                },
                p.state.zh()
            )
        })
        .collect();
    let state = i.state_zh();
    let verdict = |late: bool| if late { "超时" } else { "按时" };
    let about = match &i.system {
        Some(_) => format!("{}，{system}", i.severity),
        None => i.severity.clone(),
    };
    let conclusion = format!(
        "{}#{}（{about}）于 {} 受理，{}；{}。",
        i.kind,
        i.id,
        show(Some(i.opened_at)),
        match i.acked_at {
            Some(_) => format!(
                "{} 分钟内响应（{}）",
                c.response_min,
                verdict(c.response_breached)
            ),
            None => format!("已 {} 分钟未响应", c.response_min),
        },
        match (fault, i.restored_at.or(i.closed_at)) {
            (true, Some(_)) => format!(
                "{} 恢复服务（{}）",
                zh_duration(c.restore_min.unwrap_or_default() * 60_000),
                verdict(c.restore_breached)
            ),
            (true, None) => format!(
                "尚未恢复，已 {}",
                zh_duration(c.restore_min.unwrap_or_default() * 60_000)
            ),
            (false, _) => format!("当前{state}"),
        }
    );
    Ok(IncidentBrief {
        header: Header::new(
            s,
            format!("{}处理简报（#{} {}）", i.kind, i.id, i.title),
            now,
        ),
        incident: IncidentFacts {
            id: i.id,
            kind: i.kind.clone(),
            severity: i.severity.clone(),
            system: cell(&system),
            title: cell(&i.title),
            reporter: who_zh(&i.reporter),
            assignee: cell(i.assignee.as_deref().unwrap_or("-")),
            source_check: cell(source_title.as_deref().unwrap_or("-")),
            opened: show(Some(i.opened_at)),
            acked: show(i.acked_at),
            restored: show(i.restored_at),
            closed: show(i.closed_at),
            state,
            response_min: c.response_min,
            response_limit: (s.sla.response.as_secs() / 60) as i64,
            response_verdict: verdict(c.response_breached),
            restore_min: c
                .restore_min
                .map(|m| m.to_string())
                .unwrap_or_else(|| "-".into()),
            restore_limit: if fault {
                limit.map(|m| m.to_string()).unwrap_or_else(|| "-".into())
            } else {
                "-".into()
            },
            restore_verdict: if fault {
                verdict(c.restore_breached)
            } else {
                "-"
            },
        },
        timeline: updates
            .iter()
            .filter(|u| !ANALYSIS.iter().any(|(id, _)| *id == u.2))
            .map(|(at, author, event, text)| TimelineRow {
                at: crate::core::clock::local_time(*at, tz, LONG),
                who: who_zh(author),
                event: event_zh(event).to_owned(),
                text: cell(text),
            })
            .collect(),
        observations,
        playbooks,
        conclusion,
        missing: ANALYSIS
            .iter()
            .filter(|(id, _)| !updates.iter().any(|u| u.2 == *id))
            .map(|(_, heading)| *heading)
            .collect(),
        analysis: ANALYSIS
            .iter()
            .map(|(id, heading)| AnalysisRow {
                heading,
                // The latest word on each part stands; earlier ones stay in the store.
                text: updates
                    .iter()
                    .rev()
                    .find(|u| u.2 == *id)
                    .map_or_else(|| "待补充".to_owned(), |u| cell(&u.3)),
            })
            .collect(),
    })
}

/// The model of an emergency or drill summary (应急处置/演练总结报告).
#[derive(Clone, Debug, Serialize)]
pub struct DrillSummary {
    /// Title, unit, date, sign-off.
    #[serde(flatten)]
    pub header: Header,
    /// The run.
    pub run: RunFacts,
    /// Time per phase, in order.
    pub phases: Vec<PhaseRow>,
    /// Every journal event.
    pub timeline: Vec<TimelineRow>,
    /// Steps that failed.
    pub failures: Vec<TimelineRow>,
    /// What the programs' steps ran and printed (the appendix): commands, checks, messages.
    pub details: Vec<TimelineRow>,
    /// The drill's evaluation, or a note that none was written.
    pub evaluation: String,
    /// The review recorded after it (`znode playbook review`), all reviews merged.
    pub review: crate::record::DrillReview,
    /// Whether anything was reviewed at all.
    pub reviewed: bool,
    /// Whether the run's playbook is among the node's (else every step counts as a program's).
    #[serde(skip)]
    pub playbook_known: bool,
}

/// A playbook run's facts.
#[derive(Clone, Debug, Serialize)]
pub struct RunFacts {
    /// Run id.
    pub id: i64,
    /// Playbook id.
    pub playbook: String,
    /// Its title.
    pub title: String,
    /// 演练 or 处置.
    pub mode: &'static str,
    /// 已完成, 失败, 暂停, 进行中.
    pub state: &'static str,
    /// Who ran it.
    pub operator: String,
    /// Start.
    pub started: String,
    /// End, or -.
    pub finished: String,
    /// Duration in words.
    pub duration: String,
    /// `name=value` pairs.
    pub variables: String,
    /// Steps started, confirmations and decisions made.
    pub steps: usize,
    /// Confirmations.
    pub confirmations: usize,
    /// Decisions.
    pub decisions: usize,
}

/// One phase.
#[derive(Clone, Debug, Serialize)]
pub struct PhaseRow {
    /// Name.
    pub phase: String,
    /// Duration in words.
    pub duration: String,
    /// Seconds.
    pub seconds: i64,
}

/// Builds the summary of a playbook run.
/// `playbooks` are the node's playbooks as they are now: the run's own names its variables by
/// their descriptions and tells which steps were a person's (whose words the timeline keeps)
/// from those of programs (whose commands and output go to the appendix).
pub async fn drill(
    store: &Store,
    s: &Settings,
    id: i64,
    now: i64,
    playbooks: &[crate::runbook::Playbook],
) -> Result<DrillSummary, StoreError> {
    use crate::runbook::Action;
    let run = store.playbook_run(id).await?;
    let playbook = playbooks.iter().find(|p| p.id == run.playbook);
    let person_step = |step: &str| {
        playbook
            .and_then(|p| p.step(step))
            .is_some_and(|x| matches!(x.action, Action::Manual { .. } | Action::Decision { .. }))
    };
    let technical = |e: &crate::store::JournalEvent| match e.event.as_str() {
        "output" | "spawn" => true,
        "start" | "finish" => e.step.as_deref().is_some_and(|x| !person_step(x)),
        _ => false,
    };
    let events = store.playbook_events(id).await?;
    let titles = store.playbook_step_titles(id).await?;
    let tz = s.timezone;
    let end = run
        .finished_at
        .or(events.last().map(|e| e.at))
        .unwrap_or(run.started_at);
    let phases = crate::runbook::engine::phase_durations(&events, end)
        .into_iter()
        .map(|(phase, ms)| PhaseRow {
            phase,
            duration: zh_seconds(ms),
            seconds: ms / 1000,
        })
        .collect();
    let row = |e: &crate::store::JournalEvent| TimelineRow {
        at: crate::core::clock::local_time(e.at, tz, SECONDS),
        who: cell(&e.operator),
        event: format!(
            "{}{}",
            e.step
                .as_deref()
                .map(|x| format!("{} ", titles.get(x).map_or(x, String::as_str)))
                .unwrap_or_default(),
            event_zh(&e.event)
        ),
        text: cell(&e.detail.chars().take(300).collect::<String>()),
    };
    let drill = run.mode == "drill";
    let variables: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&run.variables).unwrap_or_default();
    let count = |kind: &str| events.iter().filter(|e| e.event == kind).count();
    let reviews = store
        .records_of(crate::record::Kind::DrillReview, &run.id.to_string())
        .await?;
    let reviewed = !reviews.is_empty();
    let review =
        crate::record::DrillReview::merge(reviews.into_iter().filter_map(|r| match r.detail {
            crate::record::Detail::DrillReview(d) => Some(d),
            _ => None,
        }));
    Ok(DrillSummary {
        header: Header::new(
            s,
            format!(
                "{}{}（#{}）",
                run.title,
                if drill {
                    "演练总结报告"
                } else {
                    "应急处置总结报告"
                },
                run.id
            ),
            now,
        ),
        run: RunFacts {
            id: run.id,
            playbook: run.playbook.clone(),
            title: cell(&run.title),
            mode: if drill { "演练" } else { "处置" },
            state: run.state.zh(),
            operator: cell(&run.operator),
            started: crate::core::clock::local_time(run.started_at, tz, SECONDS),
            finished: run
                .finished_at
                .map(|f| crate::core::clock::local_time(f, tz, SECONDS))
                .unwrap_or_else(|| "-".into()),
            duration: zh_seconds(end - run.started_at),
            variables: cell(
                &variables
                    .iter()
                    .map(|(k, v)| {
                        let name = playbook
                            .and_then(|p| p.variables.get(k))
                            .and_then(|v| v.description.as_deref())
                            .unwrap_or(k);
                        format!("{name}：{}", v.as_str().unwrap_or_default())
                    })
                    .collect::<Vec<_>>()
                    .join("，"),
            ),
            steps: count("start"),
            confirmations: count("confirm"),
            decisions: count("decision"),
        },
        phases,
        timeline: events
            .iter()
            // A command's start and output lines are the appendix's alone.
            .filter(|e| !matches!(e.event.as_str(), "output" | "spawn"))
            .map(|e| {
                let mut r = row(e);
                if technical(e) {
                    r.text.clear();
                }
                r
            })
            .collect(),
        details: events
            .iter()
            .filter(|e| technical(e) && !e.detail.trim().is_empty())
            .map(row)
            .collect(),
        failures: events
            .iter()
            .filter(|e| e.event == "fail")
            .map(row)
            .collect(),
        evaluation: run.evaluation.clone().unwrap_or_else(|| "待补充。".into()),
        review,
        reviewed,
        playbook_known: playbook.is_some(),
    })
}

/// A duration to the second in words: 3分05秒, 1小时2分.
fn zh_seconds(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    if s < 3600 {
        format!("{}分{:02}秒", s / 60, s % 60)
    } else {
        zh_duration(ms)
    }
}

/// The model of a version-sync report (版本同步报告).
#[derive(Clone, Debug, Serialize)]
pub struct SyncReport {
    /// Title, unit, date, sign-off.
    #[serde(flatten)]
    pub header: Header,
    /// The release.
    pub release: ReleaseFacts,
    /// The ten steps.
    pub steps: Vec<StepRow>,
    /// Key users' sign-offs.
    pub signoffs: Vec<TimelineRow>,
    /// Each system's running version beside the province's, read when the report was made.
    pub versions: Vec<VersionRow>,
}

/// One system's version against the province's.
#[derive(Clone, Debug, Serialize)]
pub struct VersionRow {
    /// System name.
    pub system: String,
    /// The version the province declared, or 未声明.
    pub declared: String,
    /// The version it runs, or 无法读取.
    pub running: String,
    /// 一致, 落后, 超前, 未声明, 未知.
    pub state: String,
}

/// A release's facts.
#[derive(Clone, Debug, Serialize)]
pub struct ReleaseFacts {
    /// Id.
    pub id: i64,
    /// Version.
    pub version: String,
    /// Title.
    pub title: String,
    /// Who opened it.
    pub operator: String,
    /// Opened.
    pub opened: String,
    /// Closed by step 10, or -.
    pub closed: String,
    /// 已上线 or 进行中.
    pub state: &'static str,
    /// Steps done of 10.
    pub done: usize,
    /// The rollback plan, or -.
    pub rollback_plan: String,
}

/// One of the ten steps.
#[derive(Clone, Debug, Serialize)]
pub struct StepRow {
    /// 1 to 10.
    pub number: usize,
    /// Its name.
    pub name: &'static str,
    /// 已完成, 失败 or 未进行.
    pub state: &'static str,
    /// When, or -.
    pub at: String,
    /// Who, or -.
    pub operator: String,
    /// The note, with the playbook run that carried it out.
    pub note: String,
}

/// Builds the report of a release.
pub async fn sync(
    store: &Store,
    s: &Settings,
    id: i64,
    now: i64,
    versions: Vec<VersionRow>,
) -> Result<SyncReport, StoreError> {
    let r = store.release(id).await?;
    let tz = s.timezone;
    let steps: Vec<StepRow> = crate::runbook::sync::STEPS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let rec = r.steps.iter().find(|x| x.step == i as i64 + 1);
            StepRow {
                number: i + 1,
                name,
                state: match rec.map(|x| x.state) {
                    Some(crate::store::StepState::Done) => "已完成",
                    Some(crate::store::StepState::Failed) => "失败",
                    None => "未进行",
                },
                at: rec
                    .map(|x| crate::core::clock::local_time(x.at, tz, LONG))
                    .unwrap_or_else(|| "-".into()),
                operator: rec.map(|x| cell(&x.operator)).unwrap_or_else(|| "-".into()),
                note: rec
                    .map(|x| {
                        let mut n = cell(&x.note);
                        if let Some(p) = x.playbook_run {
                            n.push_str(&format!("（预案执行 #{p}）"));
                        }
                        n
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let done = steps.iter().filter(|x| x.state == "已完成").count();
    Ok(SyncReport {
        header: Header::new(s, format!("版本同步报告（{} {}）", r.version, r.title), now),
        release: ReleaseFacts {
            id: r.id,
            version: cell(&r.version),
            title: cell(&r.title),
            operator: cell(&r.operator),
            opened: crate::core::clock::local_time(r.opened_at, tz, LONG),
            closed: r
                .closed_at
                .map(|c| crate::core::clock::local_time(c, tz, LONG))
                .unwrap_or_else(|| "-".into()),
            state: if r.closed_at.is_some() {
                "已上线"
            } else {
                "进行中"
            },
            done,
            rollback_plan: r.rollback_plan.clone().unwrap_or_else(|| "-".into()),
        },
        steps,
        signoffs: r
            .signoffs
            .iter()
            .map(|(user, at, comment)| TimelineRow {
                at: crate::core::clock::local_time(*at, tz, LONG),
                who: cell(user),
                event: "签认".into(),
                text: cell(comment),
            })
            .collect(),
        versions,
    })
}

/// The model of a 重保 report (重要时刻保障报告): what was watched during a 重保 period and
/// what happened.
#[derive(Clone, Debug, Serialize)]
pub struct GuardReport {
    /// Title, unit, date, sign-off.
    #[serde(flatten)]
    pub header: Header,
    /// The period and who kept it.
    pub guard: GuardFacts,
    /// One paragraph.
    pub conclusion: String,
    /// Runs during the period, per command.
    pub runs: Vec<RunCount>,
    /// What `znode watch` saw and sent during the period, when it ran.
    pub watch: Option<GuardWatch>,
    /// Outcomes during the period: all, OK, WARN, CRIT, UNKNOWN, OK rate (named 合计).
    pub totals: StatusRow,
    /// The same per system.
    pub by_system: Vec<StatusRow>,
    /// Checks not OK at least once, CRIT first.
    pub abnormal: Vec<GuardAbnormal>,
    /// How many checks were not OK at least once (the table may list fewer).
    pub abnormal_total: usize,
    /// Incidents open during the period.
    pub incidents: Vec<IncidentRow>,
    /// Messages sent or queued during the period.
    pub messages: Vec<TimelineRow>,
    /// Playbook runs during the period.
    pub playbooks: Vec<String>,
}

/// A 重保 period's facts.
#[derive(Clone, Debug, Serialize)]
pub struct GuardFacts {
    /// Record id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Start and end, `YYYY-MM-DD HH:MM`.
    pub from: String,
    /// End.
    pub until: String,
    /// Length in words.
    pub duration: String,
    /// Who was on watch, or 待补充.
    pub people: String,
    /// Scope in words, or 全部系统.
    pub scope: String,
    /// Measures beyond the routine.
    pub measures: Vec<String>,
    /// Whether the period has ended at the report's cut-off.
    pub ended: bool,
}

/// The watcher during a 重保 period.
#[derive(Clone, Debug, Serialize)]
pub struct GuardWatch {
    /// How long it ran, and its share of the period.
    pub coverage: String,
    /// Checks (× hosts) it watched.
    pub checks: i64,
    /// Results during the period.
    pub results: i64,
    /// Share of them OK.
    pub ok_pct: String,
    /// Alerts fired.
    pub fired: usize,
    /// Of which CRIT.
    pub crit: usize,
    /// Escalations sent.
    pub escalated: usize,
    /// Mean time from alert to acknowledgement, of those acknowledged.
    pub mtta: String,
    /// Mean time from alert to recovery, of those recovered.
    pub mttr: String,
    /// Each alert.
    pub alerts: Vec<GuardAlert>,
}

/// One alert of a 重保 period.
#[derive(Clone, Debug, Serialize)]
pub struct GuardAlert {
    /// The check (and host).
    pub title: String,
    /// 严重, 告警...
    pub level: &'static str,
    /// When it fired.
    pub fired: String,
    /// Who took it and how soon, or 未确认.
    pub acked: String,
    /// How soon it recovered, or 未恢复.
    pub resolved: String,
}

/// What the watcher saw and sent in a span; `None` when it did not run then.
async fn guard_watch(
    store: &Store,
    span: Span,
    show: &dyn Fn(i64) -> String,
) -> Result<Option<GuardWatch>, StoreError> {
    let sessions: Vec<_> = store
        .watch_sessions(span.from)
        .await?
        .into_iter()
        .filter(|w| w.started_at < span.to)
        .collect();
    if sessions.is_empty() {
        return Ok(None);
    }
    let mut up = 0;
    for w in &sessions {
        let end = w.stopped_at.unwrap_or(w.beat_at).min(span.to);
        up += (end - w.started_at.max(span.from)).max(0);
    }
    let length = (span.to - span.from).max(1);
    let mut counts = [0i64; 4];
    for (_, hour, c) in store.watch_hours(span.from / 3_600_000).await? {
        if hour * 3_600_000 < span.to {
            counts.iter_mut().zip(c.counts).for_each(|(a, b)| *a += b);
        }
    }
    let results: i64 = counts.iter().sum();
    let events = store.watch_events(span.from, span.to).await?;
    let episodes = crate::store::episodes(&events);
    let minutes = |ms: i64| format!("{:.0} 分钟", ms as f64 / 60_000.0);
    let mean = |list: Vec<i64>| {
        if list.is_empty() {
            "-".to_owned()
        } else {
            minutes(list.iter().sum::<i64>() / list.len() as i64)
        }
    };
    let alerts = episodes
        .iter()
        .map(|e| GuardAlert {
            title: cell(&e.fired.title),
            level: e.fired.level.zh(),
            fired: show(e.fired.at),
            acked: match e.acked {
                Some(a) => cell(&format!("{}（{}）", a.summary, minutes(a.at - e.fired.at))),
                None => "未确认".into(),
            },
            resolved: match e.resolved {
                Some(r) => minutes(r.at - e.fired.at),
                None => "未恢复".into(),
            },
        })
        .collect();
    Ok(Some(GuardWatch {
        coverage: format!(
            "值守程序运行 {}（占保障时段 {:.1}%）",
            zh_duration(up),
            100.0 * up as f64 / length as f64
        ),
        checks: sessions.iter().map(|w| w.checks).max().unwrap_or(0),
        results,
        ok_pct: if results == 0 {
            "-".into()
        } else {
            format!("{:.2}%", 100.0 * counts[0] as f64 / results as f64)
        },
        fired: episodes.len(),
        crit: episodes
            .iter()
            .filter(|e| e.fired.level == crate::core::outcome::Status::Crit)
            .count(),
        escalated: episodes.iter().map(|e| e.escalated).sum(),
        mtta: mean(
            episodes
                .iter()
                .filter_map(|e| e.acked.map(|a| a.at - e.fired.at))
                .collect(),
        ),
        mttr: mean(
            episodes
                .iter()
                .filter_map(|e| e.resolved.map(|r| r.at - e.fired.at))
                .collect(),
        ),
        alerts,
    }))
}

/// Runs of one command.
#[derive(Clone, Debug, Serialize)]
pub struct RunCount {
    /// 巡检, 日志扫描, ...
    pub command: &'static str,
    /// How many.
    pub runs: i64,
}

/// A check not OK during the period.
#[derive(Clone, Debug, Serialize)]
pub struct GuardAbnormal {
    /// Its title.
    pub title: String,
    /// System name.
    pub system: String,
    /// Not-OK outcomes, of which CRIT.
    pub times: i64,
    /// CRIT outcomes.
    pub crit: i64,
    /// Last seen not OK.
    pub last: String,
    /// What it said then.
    pub summary: String,
}

/// Rows the abnormal table of a 重保 report lists at most.
const GUARD_ABNORMAL_ROWS: usize = 30;

/// Builds the report of a 重保 period (a `guard` record) as it stood at `now`.
pub async fn guard(
    store: &Store,
    s: &Settings,
    id: i64,
    now: i64,
) -> Result<GuardReport, StoreError> {
    use crate::record::Detail;
    let r = store.service_record(id).await?;
    let Detail::Guard(g) = &r.detail else {
        return Err(StoreError::NotFound(format!(
            "重保 record #{id} (#{id} is a {}; `znode record list --kind guard` lists the 重保 periods)",
            r.detail.kind().zh()
        )));
    };
    let tz = s.timezone;
    let until = r.until.unwrap_or(r.from);
    let span = Span {
        from: r.from,
        to: until.min(now).max(r.from),
    };
    let show = |t: i64| crate::core::clock::local_time(t, tz, LONG);
    let names = s.system_names();
    let system_name = |id: Option<&str>| match id {
        Some(i) => names.get(i).cloned().unwrap_or_else(|| i.to_owned()),
        None => "（节点）".to_owned(),
    };
    let offset = crate::core::period::offset_ms(tz, span.from);

    let mut runs: BTreeMap<&'static str, i64> = BTreeMap::new();
    for d in store.day_runs(span, offset).await? {
        *runs
            .entry(super::command_name(&d.command, super::Lang::Zh))
            .or_default() += d.runs;
    }
    // Counted as the routine reports count, with no earlier period to compare with.
    let counts = store.day_counts(span, offset).await?;
    let by_name = super::routine::tally(&counts, |c| system_name(c.system.as_deref()));
    let order: Vec<String> = by_name.keys().cloned().collect();
    let by_system = super::routine::rows_of(&order, &by_name, &BTreeMap::new());
    let all: [i64; 4] = by_name.values().fold([0; 4], |mut a, v| {
        a.iter_mut().zip(v).for_each(|(x, y)| *x += y);
        a
    });
    let total_name = "合计".to_owned();
    let totals = super::routine::rows_of(
        std::slice::from_ref(&total_name),
        &BTreeMap::from([(total_name.clone(), all)]),
        &BTreeMap::new(),
    )
    .pop()
    .unwrap_or_else(|| StatusRow {
        name: total_name,
        total: 0,
        ok: 0,
        warn: 0,
        crit: 0,
        unknown: 0,
        ok_pct: "-".into(),
        prev_ok_pct: "-".into(),
        trend: "-",
    });
    let (abnormal_total, found) = store.abnormal_checks(span, GUARD_ABNORMAL_ROWS).await?;
    let abnormal = found
        .iter()
        .map(|a| GuardAbnormal {
            title: cell(&a.title),
            system: system_name(a.system.as_deref()),
            times: a.times,
            crit: a.crit,
            last: show(a.last_at),
            summary: cell(&a.last_summary),
        })
        .collect::<Vec<_>>();

    let incidents: Vec<IncidentRow> = store
        .incidents_in(span)
        .await?
        .iter()
        .map(|i| {
            let i = i.as_of(span.to);
            IncidentRow::of(
                &i,
                &s.sla,
                span.to,
                r.from,
                &system_name(i.system.as_deref()),
                show(i.opened_at),
            )
        })
        .collect();
    let messages = store
        .messages_in(span)
        .await?
        .into_iter()
        .map(|(at, channel, title, state, sent)| TimelineRow {
            at: show(at),
            who: cell(&channel),
            event: match (state.as_str(), sent) {
                ("sent", Some(t)) => format!("已发送（{}）", show(t)),
                ("sent", None) => "已发送".into(),
                ("queued", _) => "待发送".into(),
                _ => "发送失败".into(),
            },
            text: cell(&title),
        })
        .collect();
    let playbooks = store
        .playbook_runs_in(span)
        .await?
        .into_iter()
        .map(|p| {
            format!(
                "#{} {}（{}，{}）",
                p.id,
                p.title,
                if p.mode == "drill" {
                    "演练"
                } else {
                    "处置"
                },
                p.state.zh()
            )
        })
        .collect();
    let watch = guard_watch(store, span, &show).await?;
    let opened: Vec<&IncidentRow> = incidents.iter().filter(|i| !i.carried).collect();
    let faults = opened.iter().filter(|i| i.kind == "故障").count();
    let carried = incidents.len() - opened.len();
    let inspections = runs.get("巡检").copied().unwrap_or(0);
    let ended = until <= now;
    let conclusion = if r.from > now {
        format!(
            "{}（{} 至 {}）尚未开始，本报告为保障安排。",
            r.title,
            show(r.from),
            show(until)
        )
    } else {
        format!(
            "{}（{} 至 {}{}）期间，共执行巡检 {inspections} 次、各类检查 {} 项次，正常率 {}；{}。{}",
            r.title,
            show(r.from),
            show(until),
            if ended { "" } else { "，尚未结束" },
            totals.total,
            totals.ok_pct,
            if incidents.is_empty() {
                "未发生事件，系统运行平稳".to_owned()
            } else {
                format!(
                    "新受理事件 {} 件（其中故障 {faults} 件）{}，{} 件超时",
                    opened.len(),
                    if carried > 0 {
                        format!("，另有 {carried} 件此前受理、期间仍在处理")
                    } else {
                        String::new()
                    },
                    incidents.iter().filter(|i| i.on_time == "超时").count()
                )
            },
            if abnormal_total == 0 {
                "保障期间检查未发现异常。".to_owned()
            } else {
                format!("{abnormal_total} 个检查项出现过异常，详见第四部分。")
            },
        )
    };
    Ok(GuardReport {
        header: Header::new(s, format!("{}保障报告", r.title), now),
        guard: GuardFacts {
            id: r.id,
            name: cell(&r.title),
            from: show(r.from),
            until: show(until),
            duration: zh_duration(until - r.from),
            people: if g.people.is_empty() {
                "待补充".into()
            } else {
                cell(&g.people.join("、"))
            },
            scope: g
                .scope
                .as_deref()
                .map_or_else(|| "全部系统".to_owned(), cell),
            measures: g.measures.iter().map(|m| cell(m)).collect(),
            ended,
        },
        conclusion,
        runs: runs
            .into_iter()
            .map(|(command, runs)| RunCount { command, runs })
            .collect(),
        watch,
        totals,
        by_system,
        abnormal,
        abnormal_total,
        incidents,
        messages,
        playbooks,
    })
}
