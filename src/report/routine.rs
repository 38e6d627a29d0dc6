//! The routine reports (周报, 月报, 季报, 半年报): one data model over a period, filled from the
//! store's aggregates ([`crate::store::Store::day_counts`] and its siblings) and rendered by the
//! `weekly`/`monthly` templates. The model's fields are documented in
//! `report-templates/README.md` for whoever edits a template.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::assessment::{Assessment, Inputs};
use super::document::{Signoff, cell};
use crate::core::outcome::Category;
use crate::core::outcome::{Metric, Status};
use crate::core::period::{self, Period, Routine, Span};
use crate::incident::{Incident, Sla};
use crate::record::{Detail, Kind, OPERATIONS, Record};
use crate::settings::Settings;
use crate::store::{
    AbnormalCheck, CheckLatest, DayCount, DayRuns, PlaybookRun, Release, StepState, Store,
    StoreError, Uptime,
};

/// How many abnormal checks a report lists.
const ABNORMAL_LIMIT: usize = 30;
/// SPEC R9's targets.
const AVAILABILITY_TARGET: f64 = 99.0;
const MTBF_TARGET_DAYS: f64 = 10.0;
/// 系统故障率 ≤ 10% (downtime as a share of the period).
const FAULT_RATE_TARGET: f64 = 10.0;
/// 接口平均耗时 < 5 s.
const INTERFACE_TARGET_S: f64 = 5.0;
/// 简单事务处理（主要页面平均响应时间）≤ 3 s.
const PAGE_TARGET_S: f64 = 3.0;
/// 用户满意度 ≥ 90%.
const SATISFACTION_TARGET: f64 = 90.0;
/// The tag that makes an HTTP check a main page (主要页面) for the simple-transaction target.
pub const PAGE_TAG: &str = "页面";
/// The tag that makes an HTTP check a service interface (接口) for the interface target.
pub const INTERFACE_TAG: &str = "接口";

/// The model of a routine report.
#[derive(Clone, Debug, Serialize)]
pub struct RoutineModel {
    /// `weekly`, `monthly`, `quarterly` or `half-year`.
    pub kind: &'static str,
    /// 周报, 月报, ...
    pub kind_zh: &'static str,
    /// True for the monthly and longer reports (the full outline).
    pub long: bool,
    /// The document title.
    pub title: String,
    /// The node as titles name it.
    pub unit: String,
    /// Node name.
    pub node: String,
    /// The period.
    pub period: PeriodModel,
    /// The period before, for trends.
    pub previous: PeriodModel,
    /// When the document was made.
    pub generated: String,
    /// The cut-off: nothing after it is counted.
    pub as_of: String,
    /// 编制人, 审核人, 批准人.
    pub signoff: Signoff,
    /// The headline figures.
    pub overview: Overview,
    /// Outcomes by category, with the previous period's OK share.
    pub by_category: Vec<StatusRow>,
    /// Outcomes by system.
    pub by_system: Vec<StatusRow>,
    /// Outcomes per inventory host and category, and hosts not collected; none when every
    /// outcome of the period is the jump host's.
    pub hosts: Option<HostSection>,
    /// Outcomes per day.
    pub trend: Vec<DayRow>,
    /// Per month, for the quarterly and half-year reports (empty otherwise).
    pub by_month: Vec<MonthRow>,
    /// Checks not OK at least once: those ever CRIT first, then the most often (at most 30).
    pub abnormal: Vec<AbnormalRow>,
    /// What the abnormal table holds of all the abnormal checks, one sentence.
    pub abnormal_note: String,
    /// Incidents and requests.
    pub incidents: IncidentSection,
    /// Availability and MTBF per system.
    pub availability: Vec<AvailabilityRow>,
    /// The contract's service targets against this period's figures.
    pub targets: Vec<TargetRow>,
    /// What people recorded: satisfaction, business-operation work, training, 重保.
    pub service: ServiceSection,
    /// Backup verification per policy.
    pub backups: Vec<BackupRow>,
    /// Data quality of the base libraries, return flow and reconciliation.
    pub data_quality: super::quality::QualitySection,
    /// Access review, account changes, configuration baselines and drift.
    pub security: super::security::SecuritySection,
    /// Log checks and audits.
    pub logs: LogSection,
    /// Version-sync releases and playbook runs.
    pub changes: Changes,
    /// Risks and recommendations, one per line.
    pub risks: Vec<String>,
    /// The plan for the next period.
    pub plan: Plan,
    /// The 考核 self-assessment.
    pub assessment: Assessment,
}

/// Hosts × categories over a period.
#[derive(Clone, Debug, Serialize)]
pub struct HostSection {
    /// Category names, the columns.
    pub columns: Vec<String>,
    /// One row per host.
    pub rows: Vec<HostRow>,
}

/// One host of a period.
#[derive(Clone, Debug, Serialize)]
pub struct HostRow {
    /// Inventory host.
    pub host: String,
    /// Per column: `正常 N`, or the outcomes not OK out of all (`异常 3/40`), or `-`.
    pub cells: Vec<String>,
    /// Outcomes not collected (host unreachable).
    pub not_collected: i64,
    /// The newest outcome collected from it.
    pub last_collected: String,
}

/// A period in a report.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodModel {
    /// `2026-11`.
    pub label: String,
    /// 2026年11月.
    pub zh: String,
    /// First day, `YYYY-MM-DD`.
    pub first: String,
    /// Last day.
    pub last: String,
}

impl PeriodModel {
    fn of(p: Period) -> PeriodModel {
        PeriodModel {
            label: p.label(),
            zh: p.zh(),
            first: p.first.to_string(),
            last: p.end.pred_opt().unwrap_or(p.end).to_string(),
        }
    }
}

/// The headline figures.
#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    /// `znode inspect` runs.
    pub inspections: i64,
    /// All runs (inspections, log scans, backup verifications).
    pub runs: i64,
    /// Check outcomes.
    pub outcomes: i64,
    /// Share of OK outcomes, `99.12%`.
    pub ok_pct: String,
    /// Checks not OK at least once.
    pub abnormal_checks: usize,
    /// Incidents and requests opened in the period.
    pub incidents: usize,
    /// Of which handled within their clocks, `100.00%` (`-` without any).
    pub sla_pct: String,
    /// The lowest availability of a system, `99.95%` (`-` without service checks).
    pub availability_min: String,
    /// One paragraph summing it up.
    pub text: String,
}

/// Outcome counts of a category or system.
#[derive(Clone, Debug, Serialize)]
pub struct StatusRow {
    /// Category or system name.
    pub name: String,
    /// Outcomes.
    pub total: i64,
    /// 正常.
    pub ok: i64,
    /// 告警.
    pub warn: i64,
    /// 严重.
    pub crit: i64,
    /// 未知.
    pub unknown: i64,
    /// OK share, `98.50%`.
    pub ok_pct: String,
    /// The previous period's OK share (`-` without outcomes).
    pub prev_ok_pct: String,
    /// ↑, ↓ or → against the previous period (`-` when there is nothing to compare).
    pub trend: &'static str,
}

/// Outcomes of one day.
#[derive(Clone, Debug, Serialize)]
pub struct DayRow {
    /// `MM-DD`.
    pub date: String,
    /// Counts.
    pub ok: i64,
    /// Counts.
    pub warn: i64,
    /// Counts.
    pub crit: i64,
    /// Counts.
    pub unknown: i64,
    /// Whether anything ran that day (a day without a run is a gap, not a perfect day).
    pub observed: bool,
}

/// Outcomes and incidents of one month of a longer period.
#[derive(Clone, Debug, Serialize)]
pub struct MonthRow {
    /// 2026年10月.
    pub month: String,
    /// Outcomes.
    pub total: i64,
    /// Counts.
    pub warn: i64,
    /// Counts.
    pub crit: i64,
    /// OK share.
    pub ok_pct: String,
    /// Incidents and requests opened.
    pub incidents: usize,
}

/// An abnormal check.
#[derive(Clone, Debug, Serialize)]
pub struct AbnormalRow {
    /// 1, 2, ...
    pub number: usize,
    /// Check title.
    pub title: String,
    /// Category.
    pub category: String,
    /// System name.
    pub system: String,
    /// Outcomes not OK.
    pub times: i64,
    /// Of which CRIT.
    pub crit: i64,
    /// First, `MM-DD HH:MM`.
    pub first: String,
    /// Last.
    pub last: String,
    /// The last such outcome's status in Chinese and summary.
    pub summary: String,
    /// The incidents it led to, or `-`.
    pub follow_up: String,
}

/// Incidents and requests.
#[derive(Clone, Debug, Serialize)]
pub struct IncidentSection {
    /// Opened in the period.
    pub opened: usize,
    /// Closed in the period.
    pub closed: usize,
    /// Still open at the cut-off (opened in or before the period).
    pub open: usize,
    /// Per type.
    pub by_type: Vec<TypeRow>,
    /// Every incident open during the period.
    pub list: Vec<IncidentRow>,
    /// Those handled late.
    pub breaches: usize,
}

/// One incident type.
#[derive(Clone, Debug, Serialize)]
pub struct TypeRow {
    /// 咨询, 故障, ...
    pub kind: &'static str,
    /// Opened in the period.
    pub count: usize,
    /// Answered within the response clock.
    pub response_ok: usize,
    /// With a restore clock (faults).
    pub restore_due: usize,
    /// Restored within it.
    pub restore_ok: usize,
    /// Share handled within every clock, `100.00%` (`-` when none).
    pub attainment: String,
}

/// One incident.
#[derive(Clone, Debug, Serialize)]
pub struct IncidentRow {
    /// Id.
    pub id: i64,
    /// Type.
    pub kind: String,
    /// Severity.
    pub severity: String,
    /// System name.
    pub system: String,
    /// Title.
    pub title: String,
    /// Opened, `MM-DD HH:MM`.
    pub opened: String,
    /// Minutes to the response.
    pub response_min: i64,
    /// Minutes to restoration, or `-`.
    pub restore_min: String,
    /// 已关闭, 已恢复, 处理中, 待响应.
    pub state: &'static str,
    /// 按时 or 超时.
    pub on_time: &'static str,
    /// Opened before the period began and still being handled in it.
    pub carried: bool,
}

impl IncidentRow {
    /// An incident as it stood at `as_of` (epoch ms), its clocks stopped there; `system` and
    /// `opened` as the document shows them, `from` the start of the period it is listed in.
    pub fn of(
        i: &Incident,
        sla: &Sla,
        as_of: i64,
        from: i64,
        system: &str,
        opened: String,
    ) -> Self {
        let c = i.clocks(sla, as_of);
        IncidentRow {
            id: i.id,
            kind: i.kind.clone(),
            severity: i.severity.clone(),
            system: cell(system),
            title: cell(&i.title),
            opened,
            response_min: c.response_min,
            restore_min: c.restore_min.map_or_else(|| "-".into(), |m| m.to_string()),
            state: i.state_zh(),
            on_time: if c.response_breached || c.restore_breached {
                "超时"
            } else {
                "按时"
            },
            carried: i.opened_at < from,
        }
    }
}

/// Availability of one system.
#[derive(Clone, Debug, Serialize)]
pub struct AvailabilityRow {
    /// System name.
    pub system: String,
    /// `99.95%`.
    pub availability: String,
    /// The number, for charts.
    pub value: f64,
    /// Time down, in words.
    pub downtime: String,
    /// Failures (serving → not serving).
    pub failures: i64,
    /// Mean time between failures, in words (`-` without failures).
    pub mtbf: String,
    /// The same in days, when there were failures.
    pub mtbf_days: Option<f64>,
    /// 达标 or 未达标 against availability ≥ 99% and MTBF ≥ 10 days.
    pub verdict: &'static str,
    /// Inspections that observed it.
    pub samples: i64,
    /// What the figures come from: 事件 (fault incidents' outage windows) or 巡检.
    pub basis: &'static str,
}

/// The service people recorded in the period (`znode record`).
#[derive(Clone, Debug, Serialize)]
pub struct ServiceSection {
    /// The satisfaction surveys, or none.
    pub surveys: Vec<SurveyRow>,
    /// Respondents in all, satisfied, and the rate (`96.00%`, or - without surveys).
    pub surveyed: u32,
    /// Satisfied respondents.
    pub satisfied: u32,
    /// Satisfied share.
    pub satisfaction: String,
    /// Feedback lines of the surveys.
    pub feedback: Vec<String>,
    /// Business-operation work per service, in the contract's order.
    pub operations: Vec<OperationRow>,
    /// Training sessions.
    pub trainings: Vec<TrainingRow>,
    /// 重保 periods that overlap the period.
    pub guards: Vec<GuardRow>,
}

/// One satisfaction survey.
#[derive(Clone, Debug, Serialize)]
pub struct SurveyRow {
    /// Its title (2026年11月满意度调查).
    pub title: String,
    /// Respondents.
    pub surveyed: u32,
    /// Satisfied.
    pub satisfied: u32,
    /// Share satisfied.
    pub rate: String,
}

/// One business-operation service's work in the period.
#[derive(Clone, Debug, Serialize)]
pub struct OperationRow {
    /// 编目挂接, 数据质量, ...
    pub service: String,
    /// Pieces of work recorded.
    pub records: usize,
    /// Their counts, summed per unit: `35 类、2 件`.
    pub amount: String,
    /// What was done, one line each.
    pub items: Vec<String>,
}

/// One training session.
#[derive(Clone, Debug, Serialize)]
pub struct TrainingRow {
    /// When.
    pub at: String,
    /// Topic.
    pub topic: String,
    /// Who it was for, or -.
    pub audience: String,
    /// Attendees.
    pub attendees: u32,
    /// Hours.
    pub hours: String,
    /// Trainer, or -.
    pub trainer: String,
}

/// One 重保 period.
#[derive(Clone, Debug, Serialize)]
pub struct GuardRow {
    /// Record id (its special report is `report guard ID`).
    pub id: i64,
    /// Name.
    pub name: String,
    /// `MM-DD HH:MM 至 MM-DD HH:MM`.
    pub period: String,
    /// Who was on watch, or 待补充.
    pub people: String,
    /// Incidents opened during it.
    pub incidents: usize,
}

/// One service target of the contract and where the period stands.
#[derive(Clone, Debug, Serialize)]
pub struct TargetRow {
    /// The target.
    pub name: &'static str,
    /// What the contract asks (`≥ 99%`).
    pub target: &'static str,
    /// What the period measured.
    pub actual: String,
    /// 达标, 未达标, 按进度, 落后于进度, or `-` when there was nothing to measure.
    pub verdict: &'static str,
}

/// Backup verification of one policy.
#[derive(Clone, Debug, Serialize)]
pub struct BackupRow {
    /// Check title.
    pub title: String,
    /// Verifications in the period.
    pub verifications: i64,
    /// Of which passed.
    pub passed: i64,
    /// The last verification's rung (1–7), or `-`.
    pub rung: String,
    /// Its status in Chinese.
    pub status: &'static str,
    /// Its summary.
    pub summary: String,
    /// When.
    pub last: String,
}

/// Log checks and audits.
#[derive(Clone, Debug, Serialize)]
pub struct LogSection {
    /// `logs scan` and `logs audit` runs.
    pub scans: i64,
    /// Per log check (the appendix lists them all).
    pub checks: Vec<LogRow>,
    /// Those that found something in the period or are not OK now: the section's table.
    pub attention: Vec<LogRow>,
    /// Checks OK at every run of the period.
    pub quiet: usize,
    /// Checks whose files were not found at the last run (未知): sources to verify.
    pub unread: usize,
}

/// One log check.
#[derive(Clone, Debug, Serialize)]
pub struct LogRow {
    /// Title.
    pub title: String,
    /// Outcomes.
    pub times: i64,
    /// Of which not OK.
    pub findings: i64,
    /// The last outcome's status in Chinese.
    pub status: &'static str,
    /// Its summary.
    pub summary: String,
}

/// Changes in the period.
#[derive(Clone, Debug, Serialize)]
pub struct Changes {
    /// Version-sync releases.
    pub releases: Vec<ReleaseRow>,
    /// Playbook runs (emergencies and drills).
    pub playbooks: Vec<PlaybookRow>,
}

/// A release.
#[derive(Clone, Debug, Serialize)]
pub struct ReleaseRow {
    /// Id.
    pub id: i64,
    /// Version.
    pub version: String,
    /// Title.
    pub title: String,
    /// Steps done of 10.
    pub steps: usize,
    /// 已上线 or 进行中.
    pub state: &'static str,
    /// Opened.
    pub opened: String,
}

/// A playbook run.
#[derive(Clone, Debug, Serialize)]
pub struct PlaybookRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// 演练 or 处置.
    pub mode: &'static str,
    /// State.
    pub state: String,
    /// Started.
    pub started: String,
    /// Duration in words.
    pub duration: String,
}

/// The next period's plan.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    /// 下月, 下周, ...
    pub heading: &'static str,
    /// The file's Markdown, or a note that it is missing.
    pub text: String,
    /// Where it is read from.
    pub path: String,
    /// True when the file does not exist.
    pub missing: bool,
}

/// What a routine report is built from besides the store.
pub struct Request<'a> {
    /// The node's settings.
    pub settings: &'a Settings,
    /// The period.
    pub period: Period,
    /// The cut-off, epoch ms.
    pub as_of: i64,
    /// Now, epoch ms.
    pub now: i64,
}

const SHORT: &str = "%m-%d %H:%M";
const LONG: &str = "%Y-%m-%d %H:%M";

/// Everything a routine report reads from the store, up to its cut-off.
struct Facts {
    counts: Vec<DayCount>,
    prev_counts: Vec<DayCount>,
    uptime: Vec<Uptime>,
    abnormal: Vec<AbnormalCheck>,
    /// Checks not OK at least once: all of them, however many `abnormal` lists.
    abnormal_total: usize,
    day_runs: Vec<DayRuns>,
    backups: Vec<CheckLatest>,
    logs: Vec<CheckLatest>,
    /// Incidents open during the period, as they stood at the cut-off.
    incidents: Vec<Incident>,
    playbooks: Vec<PlaybookRun>,
    releases: Vec<Release>,
    hosts: Vec<crate::store::HostCount>,
    /// First time each routine document was written: (kind, period label) → epoch ms.
    documents: BTreeMap<(Routine, String), i64>,
    /// First time each incident's brief was written: incident id → epoch ms.
    briefs: BTreeMap<i64, i64>,
    /// Start of the year the period begins in, epoch ms.
    year_from: i64,
    /// Incidents open at some time in that year up to the cut-off, as they stood then.
    year_incidents: Vec<Incident>,
    /// Inspection reports first written in that year up to the cut-off.
    year_inspection_reports: usize,
    /// Ids of the pack's service checks: the incidents they open are outages.
    service_checks: std::collections::HashSet<String>,
    /// Incidents for the 考核: those of the period, and those restored just before it whose
    /// brief falls due in it.
    assessed_incidents: Vec<Incident>,
    /// Service records of the period, by kind (surveys, training, operation work, 重保).
    surveys: Vec<Record>,
    trainings: Vec<Record>,
    operations: Vec<Record>,
    guards: Vec<Record>,
    /// Response times of the HTTP checks in the period: (check id, seconds).
    response_times: Vec<(String, f64)>,
    /// HTTP checks tagged `页面` (main pages: the simple-transaction target) and `接口`.
    pages: std::collections::HashSet<String>,
    interfaces: std::collections::HashSet<String>,
}

impl Facts {
    async fn read(store: &Store, w: &Frame<'_>) -> Result<Facts, StoreError> {
        let cut = w.cut;
        let mut releases = Vec::new();
        for id in store.release_ids_in(cut).await? {
            releases.push(store.release(id).await?);
        }
        let mut documents = BTreeMap::new();
        for kind in w.settings.assessment.documents.keys() {
            for (label, at) in store.first_documents(kind.id()).await? {
                documents.insert((*kind, label), at);
            }
        }
        let briefs = store
            .first_documents("incident")
            .await?
            .into_iter()
            .filter_map(|(id, at)| Some((id.parse().ok()?, at)))
            .collect();
        let year_from = {
            use chrono::Datelike;
            let first = w.request.period.first;
            period::day_start(
                NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first),
                w.tz,
            )
        };
        let year = Span {
            from: year_from,
            to: cut.to,
        };
        let year_incidents = store
            .incidents_in(year)
            .await?
            .iter()
            .map(|i| i.as_of(cut.to))
            .collect();
        let year_inspection_reports = store
            .first_documents("inspection")
            .await?
            .iter()
            .filter(|(_, at)| *at >= year.from && *at < year.to)
            .count();
        let catalog = crate::catalog::Catalog::load(w.settings).ok();
        let checks = catalog.as_ref().map(|c| c.checks.as_slice()).unwrap_or(&[]);
        let service_checks = checks
            .iter()
            .filter(|c| c.probe.is_service())
            .map(|c| c.id.clone())
            .collect();
        let tagged = |tag: &str| {
            checks
                .iter()
                .filter(|c| c.tags.iter().any(|t| t == tag))
                .map(|c| c.id.clone())
                .collect()
        };
        let records = |kind| store.records_in(kind, cut);
        let brief_due = w
            .settings
            .assessment
            .briefs
            .unwrap_or(std::time::Duration::from_secs(86400))
            .as_millis() as i64;
        let assessed_incidents = store
            .incidents_in(Span {
                from: cut.from - brief_due,
                to: cut.to,
            })
            .await?
            .iter()
            .map(|i| i.as_of(cut.to))
            .collect();
        let (abnormal_total, abnormal) = store.abnormal_checks(cut, ABNORMAL_LIMIT).await?;
        Ok(Facts {
            surveys: records(Kind::Satisfaction).await?,
            trainings: records(Kind::Training).await?,
            operations: records(Kind::Operation).await?,
            guards: records(Kind::Guard).await?,
            response_times: store.metric_values(cut, "http", "response_time").await?,
            pages: tagged(PAGE_TAG),
            interfaces: tagged(INTERFACE_TAG),
            briefs,
            service_checks,
            assessed_incidents,
            year_from,
            year_incidents,
            year_inspection_reports,
            abnormal,
            abnormal_total,
            counts: store.day_counts(cut, w.offset).await?,
            prev_counts: store
                .day_counts(w.request.period.previous().span(w.tz), w.offset)
                .await?,
            uptime: store.uptime(cut, cut.to).await?,
            day_runs: store.day_runs(cut, w.offset).await?,
            backups: store.latest_of_kind(cut, "backup").await?,
            logs: store.latest_of_kind(cut, "log").await?,
            incidents: store
                .incidents_in(cut)
                .await?
                .iter()
                .map(|i| i.as_of(cut.to))
                .collect(),
            playbooks: store.playbook_runs_in(cut).await?,
            releases,
            hosts: store.host_counts(cut).await?,
            documents,
        })
    }
}

/// The period a report covers and how it shows times and names.
struct Frame<'a> {
    request: &'a Request<'a>,
    settings: &'a Settings,
    tz: chrono_tz::Tz,
    /// The whole period.
    span: Span,
    /// The period up to the cut-off: nothing after it is counted.
    cut: Span,
    /// The node's UTC offset at the period's start, which turns epoch ms into local days.
    offset: i64,
    names: BTreeMap<String, String>,
}

impl<'a> Frame<'a> {
    fn new(r: &'a Request<'a>) -> Frame<'a> {
        let tz = r.settings.timezone;
        let span = r.period.span(tz);
        Frame {
            request: r,
            settings: r.settings,
            tz,
            span,
            cut: Span {
                from: span.from,
                to: span.to.min(r.as_of.max(span.from)),
            },
            offset: period::offset_ms(tz, span.from),
            names: r.settings.system_names(),
        }
    }

    /// A system's Chinese name; outcomes without a system belong to the node.
    fn system_name(&self, id: Option<&str>) -> String {
        match id {
            Some(i) => self.names.get(i).cloned().unwrap_or_else(|| i.to_owned()),
            None => "（节点）".to_owned(),
        }
    }

    fn show(&self, ms: i64, format: &str) -> String {
        crate::core::clock::local_time(ms, self.tz, format)
    }

    /// Opened within the period (rather than carried over from before it).
    fn opened_in(&self, i: &Incident) -> bool {
        i.opened_at >= self.span.from && i.opened_at < self.span.to
    }

    /// Handled within both clocks, as they stood at the cut-off.
    fn on_time(&self, i: &Incident) -> bool {
        // The clocks of an incident still open stop at the report's cut-off, not today.
        let c = i.clocks(&self.settings.sla, self.cut.to);
        !c.response_breached && !c.restore_breached
    }
}

/// Outcome counts by status (OK, WARN, CRIT, UNKNOWN) under a key.
pub(super) fn tally(
    rows: &[DayCount],
    key: impl Fn(&DayCount) -> String,
) -> BTreeMap<String, [i64; 4]> {
    let mut m: BTreeMap<String, [i64; 4]> = BTreeMap::new();
    for c in rows {
        let e = m.entry(key(c)).or_default();
        let i = match Status::parse(&c.effective).unwrap_or(Status::Unknown) {
            Status::Ok => 0,
            Status::Warn => 1,
            Status::Crit => 2,
            Status::Unknown => 3,
        };
        e[i] += c.count;
    }
    m
}

/// Builds the model of a routine report from the store.
pub async fn build(store: &Store, r: &Request<'_>) -> Result<RoutineModel, StoreError> {
    let w = Frame::new(r);
    let f = Facts::read(store, &w).await?;
    let s = r.settings;

    // Inspections by category and system, against the previous period.
    let by_cat = tally(&f.counts, |c| c.category.clone());
    let prev_by_cat = tally(&f.prev_counts, |c| c.category.clone());
    let by_sys = tally(&f.counts, |c| w.system_name(c.system.as_deref()));
    let prev_by_sys = tally(&f.prev_counts, |c| w.system_name(c.system.as_deref()));
    let mut cat_order: Vec<String> = Category::ALL.iter().map(|c| c.zh().to_owned()).collect();
    cat_order.extend(
        by_cat
            .keys()
            .filter(|k| Category::parse(k).is_none())
            .cloned(),
    );
    let sys_order: Vec<String> = by_sys.keys().cloned().collect();
    let total: [i64; 4] = by_cat.values().fold([0; 4], |mut a, v| {
        add_counts(&mut a, v);
        a
    });
    let per_day = per_day(&w, &f);
    let abnormal = abnormal_rows(&w, &f);
    let incidents = incident_section(&w, &f);
    let availability = availability_rows(&w, &f);
    let backups = backup_rows(&w, &f);
    let first_inspection: BTreeMap<NaiveDate, i64> = f
        .day_runs
        .iter()
        .filter(|d| d.command == "inspect")
        .map(|d| (period::day_of(d.day), d.first_at))
        .collect();
    let assess = match r.period.kind {
        period::Routine::Quarterly | period::Routine::HalfYear => {
            crate::settings::AssessmentSettings::assess_months
        }
        _ => crate::settings::AssessmentSettings::assess,
    };
    let assessment = assess(
        &s.assessment,
        &Inputs {
            period: r.period,
            tz: w.tz,
            as_of: r.as_of,
            first_inspection: &first_inspection,
            incidents: &f.assessed_incidents,
            sla: &s.sla,
            documents: &f.documents,
            briefs: &f.briefs,
            surveys: &f.surveys,
        },
    );
    let risks = risks(
        &availability,
        &backups,
        &abnormal,
        incidents.breaches,
        incidents.open,
        // The 考核 is monthly: a weekly report has no section to point to.
        (r.period.kind != period::Routine::Weekly).then_some(&assessment),
    );
    let plan = plan(r, s, &incidents, &risks);
    let service = service_section(&w, &f);
    let data_quality =
        super::quality::section(store, w.cut, r.period.previous().span(w.tz)).await?;
    let security =
        super::security::section(store, w.cut, r.period.previous().span(w.tz), w.tz).await?;
    let overview = overview(&w, &f, &total, &incidents, &availability, &assessment);
    let unit = s.reports.title.clone().unwrap_or_else(|| s.node.clone());
    Ok(RoutineModel {
        kind: r.period.kind.id(),
        kind_zh: r.period.kind.zh(),
        long: r.period.kind != period::Routine::Weekly,
        title: format!("{unit}运行维护{}（{}）", r.period.kind.zh(), r.period.zh()),
        unit,
        node: s.node.clone(),
        period: PeriodModel::of(r.period),
        previous: PeriodModel::of(r.period.previous()),
        generated: w.show(r.now, LONG),
        as_of: w.show(w.cut.to, LONG),
        signoff: Signoff::of(&s.reports),
        overview,
        by_category: rows_of(&cat_order, &by_cat, &prev_by_cat),
        by_system: rows_of(&sys_order, &by_sys, &prev_by_sys),
        hosts: host_section(&w, &f),
        trend: per_day
            .iter()
            .map(|(n, v)| DayRow {
                date: period::day_of(*n).format("%m-%d").to_string(),
                ok: v[0],
                warn: v[1],
                crit: v[2],
                unknown: v[3],
                observed: v.iter().sum::<i64>() > 0,
            })
            .collect(),
        by_month: month_rows(&w, &f, &per_day),
        abnormal_note: abnormal_note(f.abnormal_total, abnormal.len()),
        abnormal,
        targets: targets(&w, &f, &availability, &incidents, &service),
        service,
        incidents,
        availability,
        backups,
        data_quality,
        security,
        logs: log_section(&f),
        changes: changes(&w, &f),
        risks,
        plan,
        assessment,
    })
}

/// The host section: per host and category, how many outcomes were not OK, and how often the
/// host could not be reached.
fn host_section(w: &Frame<'_>, f: &Facts) -> Option<HostSection> {
    if f.hosts.is_empty() {
        return None;
    }
    let columns: Vec<String> = Category::ALL
        .iter()
        .map(|c| c.zh().to_owned())
        .filter(|c| f.hosts.iter().any(|h| &h.category == c))
        .collect();
    let mut hosts: Vec<&str> = f.hosts.iter().map(|h| h.host.as_str()).collect();
    hosts.sort();
    hosts.dedup();
    let rows = hosts
        .into_iter()
        .map(|host| {
            let mine: Vec<_> = f.hosts.iter().filter(|h| h.host == host).collect();
            let cells = columns
                .iter()
                .map(|c| {
                    let of: Vec<_> = mine
                        .iter()
                        .filter(|h| &h.category == c && h.unreached == 0)
                        .collect();
                    let all: i64 = of.iter().map(|h| h.count).sum();
                    let bad: i64 = of
                        .iter()
                        .filter(|h| h.effective != "OK")
                        .map(|h| h.count)
                        .sum();
                    match (all, bad) {
                        (0, _) => "-".to_owned(),
                        (n, 0) => format!("正常 {n}"),
                        (n, b) => format!("异常 {b}/{n}"),
                    }
                })
                .collect();
            let collected = mine.iter().filter(|h| h.unreached == 0);
            HostRow {
                host: host.to_owned(),
                cells,
                not_collected: mine
                    .iter()
                    .filter(|h| h.unreached != 0)
                    .map(|h| h.count)
                    .sum(),
                last_collected: collected
                    .map(|h| h.last_at)
                    .max()
                    .map(|t| w.show(t, SHORT))
                    .unwrap_or_else(|| "未采集".into()),
            }
        })
        .collect();
    Some(HostSection { columns, rows })
}

/// Outcome counts of each local day of the period up to the cut-off (days since 1970-01-01).
fn per_day(w: &Frame<'_>, f: &Facts) -> BTreeMap<i64, [i64; 4]> {
    let mut per_day: BTreeMap<i64, [i64; 4]> = BTreeMap::new();
    for d in w.request.period.days() {
        let n = period::number_of(d);
        if period::day_start(d, w.tz) < w.cut.to {
            per_day.insert(n, [0; 4]);
        }
    }
    for (day, v) in tally(&f.counts, |c| c.day.to_string()) {
        if let Ok(n) = day.parse::<i64>() {
            let e = per_day.entry(n).or_default();
            add_counts(e, &v);
        }
    }
    per_day
}

/// A line per month for the quarterly and half-year reports; none for shorter periods.
fn month_rows(w: &Frame<'_>, f: &Facts, per_day: &BTreeMap<i64, [i64; 4]>) -> Vec<MonthRow> {
    use chrono::Datelike;
    let period = w.request.period;
    if !matches!(
        period.kind,
        period::Routine::Quarterly | period::Routine::HalfYear
    ) {
        return Vec::new();
    }
    let key = |d: NaiveDate| format!("{}年{:02}月", d.year(), d.month());
    let mut months: BTreeMap<String, ([i64; 4], usize)> = BTreeMap::new();
    for d in period.days().filter(|d| d.day() == 1) {
        months.insert(key(d), ([0; 4], 0));
    }
    for (n, v) in per_day {
        let e = months.entry(key(period::day_of(*n))).or_default();
        add_counts(&mut e.0, v);
    }
    for i in f.incidents.iter().filter(|i| w.opened_in(i)) {
        if let Some(t) = chrono::DateTime::from_timestamp_millis(i.opened_at) {
            months
                .entry(key(t.with_timezone(&w.tz).date_naive()))
                .or_default()
                .1 += 1;
        }
    }
    months
        .into_iter()
        .map(|(month, (v, incidents))| {
            let total: i64 = v.iter().sum();
            MonthRow {
                month,
                total,
                warn: v[1],
                crit: v[2],
                ok_pct: pct(v[0] as f64, total as f64),
                incidents,
            }
        })
        .collect()
}

/// What the abnormal table holds of all the checks that were abnormal.
fn abnormal_note(total: usize, listed: usize) -> String {
    if total > listed {
        format!(
            "本期共 {total} 个检查项出现过异常，下表列出其中 {listed} 项（出现过严重的在前，其次按异常次数）；其余 {} 项的记录保存在巡检历史中。",
            total - listed
        )
    } else {
        format!("本期共 {total} 个检查项出现过异常，逐项列出如下。")
    }
}

/// Abnormal items and their follow-up: the incidents their checks opened.
fn abnormal_rows(w: &Frame<'_>, f: &Facts) -> Vec<AbnormalRow> {
    f.abnormal
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let linked: Vec<String> = f
                .incidents
                .iter()
                .filter(|x| x.source_check.as_deref() == Some(a.check_id.as_str()))
                .map(|x| format!("事件#{}（{}）", x.id, x.state_zh()))
                .collect();
            AbnormalRow {
                number: i + 1,
                title: cell(&a.title),
                category: a.category.clone(),
                system: cell(&w.system_name(a.system.as_deref())),
                times: a.times,
                crit: a.crit,
                first: w.show(a.first_at, SHORT),
                last: w.show(a.last_at, SHORT),
                summary: cell(&format!(
                    "{}：{}",
                    Status::parse(&a.last_status)
                        .unwrap_or(Status::Unknown)
                        .zh(),
                    a.last_summary
                )),
                follow_up: if linked.is_empty() {
                    "-".into()
                } else {
                    linked.join("、")
                },
            }
        })
        .collect()
}

/// Incidents against their clocks, at the cut-off.
fn incident_section(w: &Frame<'_>, f: &Facts) -> IncidentSection {
    // Clocks stop at the cut-off (the period's end, or `--as-of`), as the figures do.
    let (sla, as_of) = (&w.settings.sla, w.cut.to);
    // Praise is recorded as an incident for the 考核, but it is not a request with clocks.
    let requests: Vec<&Incident> = f.incidents.iter().filter(|i| i.kind != "表扬").collect();
    let opened: Vec<&Incident> = requests
        .iter()
        .copied()
        .filter(|i| w.opened_in(i))
        .collect();
    let by_type = crate::incident::KINDS
        .iter()
        .filter(|k| **k != "表扬")
        .map(|k| {
            let of: Vec<&&Incident> = opened.iter().filter(|i| i.kind == *k).collect();
            let clocks: Vec<_> = of.iter().map(|i| i.clocks(sla, as_of)).collect();
            TypeRow {
                kind: k,
                count: of.len(),
                response_ok: clocks.iter().filter(|c| !c.response_breached).count(),
                restore_due: clocks.iter().filter(|c| c.restore_min.is_some()).count(),
                restore_ok: clocks
                    .iter()
                    .filter(|c| c.restore_min.is_some() && !c.restore_breached)
                    .count(),
                attainment: pct(
                    of.iter().filter(|i| w.on_time(i)).count() as f64,
                    of.len() as f64,
                ),
            }
        })
        .collect();
    let list = requests
        .iter()
        .map(|i| {
            IncidentRow::of(
                i,
                sla,
                as_of,
                w.span.from,
                &w.system_name(i.system.as_deref()),
                w.show(i.opened_at, SHORT),
            )
        })
        .collect();
    IncidentSection {
        opened: opened.len(),
        closed: requests
            .iter()
            .filter(|i| {
                i.closed_at
                    .is_some_and(|c| c >= w.span.from && c < w.cut.to)
            })
            .count(),
        open: requests
            .iter()
            .filter(|i| i.closed_at.is_none_or(|c| c >= w.cut.to))
            .count(),
        by_type,
        list,
        breaches: opened.iter().filter(|i| !w.on_time(i)).count(),
    }
}

/// Availability, downtime and MTBF per system, from the inspection history.
/// The outage windows of a system's fault incidents within the span up to the cut-off,
/// merged where they overlap (several incidents of one outage are one failure): (down ms,
/// outages).
fn incident_outages(w: &Frame<'_>, f: &Facts, system: &str) -> Option<(i64, i64)> {
    outages(f, &f.incidents, system, w.span.from, w.cut.to)
}

/// Whether an incident stands for the system not serving: a fault a person reported, or one a
/// service check opened (a full disk or a late backup opens an incident, not an outage).
fn is_outage(f: &Facts, i: &Incident) -> bool {
    i.kind == "故障"
        && i.source_check.as_deref().is_none_or(|c| {
            let check = c.split('@').next().unwrap_or(c);
            f.service_checks.contains(check)
        })
}

/// A system's fault incidents' outage windows within `[from, to)`, merged: (down ms, outages).
fn outages(
    f: &Facts,
    incidents: &[Incident],
    system: &str,
    from: i64,
    to: i64,
) -> Option<(i64, i64)> {
    let mut windows: Vec<(i64, i64)> = incidents
        .iter()
        .filter(|i| is_outage(f, i) && i.system.as_deref() == Some(system))
        .map(|i| {
            let end = i.restored_at.or(i.closed_at).unwrap_or(to).min(to);
            (i.opened_at.max(from), end)
        })
        .filter(|(a, b)| b > a)
        .collect();
    if windows.is_empty() {
        return None;
    }
    windows.sort_unstable();
    let (mut down, mut count) = (0, 0);
    let mut current: Option<(i64, i64)> = None;
    for (a, b) in windows {
        current = match current {
            Some((ca, cb)) if a <= cb => Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                down += cb - ca;
                count += 1;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    if let Some((a, b)) = current {
        down += b - a;
        count += 1;
    }
    Some((down, count))
}

/// The contract's service targets (SPEC R9) against this period's figures.
fn targets(
    w: &Frame<'_>,
    f: &Facts,
    availability: &[AvailabilityRow],
    incidents: &IncidentSection,
    s: &ServiceSection,
) -> Vec<TargetRow> {
    let verdict = |ok: bool| if ok { "达标" } else { "未达标" };
    let mut rows = Vec::new();
    let lowest = availability
        .iter()
        .min_by(|a, b| a.value.total_cmp(&b.value));
    rows.push(TargetRow {
        name: "系统可用率",
        target: "≥ 99%",
        actual: lowest.map_or_else(
            || "-（无服务类检查）".into(),
            |a| format!("最低 {}（{}）", a.availability, a.system),
        ),
        verdict: lowest.map_or("-", |a| verdict(a.value >= AVAILABILITY_TARGET)),
    });
    let failing: Vec<&AvailabilityRow> = availability.iter().filter(|a| a.failures > 0).collect();
    rows.push(TargetRow {
        name: "平均无故障时间（MTBF）",
        target: "≥ 10 天",
        actual: if failing.is_empty() {
            "本期无故障".into()
        } else {
            failing
                .iter()
                .map(|a| format!("{} {}", a.system, a.mtbf))
                .collect::<Vec<_>>()
                .join("；")
        },
        verdict: verdict(
            failing
                .iter()
                .all(|a| a.mtbf_days.is_none_or(|d| d >= MTBF_TARGET_DAYS)),
        ),
    });
    // Downtime of the year so far, per system, from its fault incidents.
    let mut systems: Vec<&str> = f
        .year_incidents
        .iter()
        .filter_map(|i| i.system.as_deref())
        .collect();
    systems.sort_unstable();
    systems.dedup();
    let worst = systems
        .iter()
        .filter_map(|s| {
            outages(f, &f.year_incidents, s, f.year_from, w.cut.to).map(|(d, _)| (d, *s))
        })
        .max();
    rows.push(TargetRow {
        name: "年度累计停机时间",
        target: "≤ 7 天",
        actual: worst.map_or_else(
            || "本年度无故障停机".into(),
            |(d, s)| {
                format!(
                    "最长 {}（{}，截至本期）",
                    zh_duration(d),
                    w.system_name(Some(s))
                )
            },
        ),
        verdict: verdict(worst.is_none_or(|(d, _)| d <= 7 * 86_400_000)),
    });
    let (responded, total): (usize, usize) = incidents
        .by_type
        .iter()
        .fold((0, 0), |(r, t), k| (r + k.response_ok, t + k.count));
    rows.push(TargetRow {
        name: "运维请求响应",
        target: "≤ 60 分钟",
        actual: format!("按时响应 {responded}/{total} 件"),
        verdict: if total == 0 {
            "-"
        } else {
            verdict(responded == total)
        },
    });
    let (restored, due): (usize, usize) = incidents
        .by_type
        .iter()
        .fold((0, 0), |(r, t), k| (r + k.restore_ok, t + k.restore_due));
    rows.push(TargetRow {
        name: "故障恢复（一般 ≤ 1 小时，重大 ≤ 24 小时）",
        target: "按时恢复",
        actual: format!("按时恢复 {restored}/{due} 件"),
        verdict: if due == 0 {
            "-"
        } else {
            verdict(restored == due)
        },
    });
    // 故障率: the share of the period a system was down, the complement of its availability.
    let worst = availability
        .iter()
        .map(|a| (100.0 - a.value, a))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    rows.push(TargetRow {
        name: "系统故障率（停机时间占比）",
        target: "≤ 10%",
        actual: worst.map_or_else(
            || "-（无服务类检查）".into(),
            |(r, a)| format!("最高 {r:.2}%（{}）", a.system),
        ),
        verdict: worst.map_or("-", |(r, _)| verdict(r <= FAULT_RATE_TARGET)),
    });
    for (name, target, limit, tagged, strict) in [
        (
            "接口平均耗时",
            "< 5 秒",
            INTERFACE_TARGET_S,
            &f.interfaces,
            true,
        ),
        (
            "简单事务处理（主要页面平均响应时间）",
            "≤ 3 秒",
            PAGE_TARGET_S,
            &f.pages,
            false,
        ),
    ] {
        // Without tagged checks every HTTP check stands for both.
        let times: Vec<f64> = f
            .response_times
            .iter()
            .filter(|(c, _)| tagged.is_empty() || tagged.contains(c))
            .map(|(_, t)| *t)
            .collect();
        let mean = (!times.is_empty()).then(|| times.iter().sum::<f64>() / times.len() as f64);
        rows.push(TargetRow {
            name,
            target,
            actual: mean.map_or_else(
                || "-（本期拨测未取得响应时间）".into(),
                |m| format!("平均 {m:.2} 秒（{} 次拨测）", times.len()),
            ),
            verdict: mean.map_or("-", |m| {
                verdict(if strict { m < limit } else { m <= limit })
            }),
        });
    }
    rows.push(TargetRow {
        name: "用户满意度",
        target: "≥ 90%",
        actual: if s.surveyed == 0 {
            "-（本期未录入满意度调查）".into()
        } else {
            format!("{}（调查 {} 人）", s.satisfaction, s.surveyed)
        },
        verdict: if s.surveyed == 0 {
            "-"
        } else {
            verdict(f64::from(s.satisfied) * 100.0 >= SATISFACTION_TARGET * f64::from(s.surveyed))
        },
    });
    // Twelve a year: on track when the year so far has at least one per month begun.
    let last_day = chrono::DateTime::from_timestamp_millis(w.cut.to - 1)
        .map(|t| t.with_timezone(&w.tz).date_naive())
        .unwrap_or(w.request.period.first);
    let months_begun = chrono::Datelike::month(&last_day) as usize;
    rows.push(TargetRow {
        name: "巡检报告",
        target: "全年 ≥ 12 份",
        actual: format!("本年度已出具 {} 份（截至本期）", f.year_inspection_reports),
        verdict: if f.year_inspection_reports >= months_begun {
            "按进度"
        } else {
            "落后于进度"
        },
    });
    rows
}

/// What people recorded in the period, for the monthly report's service sections.
fn service_section(w: &Frame<'_>, f: &Facts) -> ServiceSection {
    let rate = |yes: u32, all: u32| {
        if all == 0 {
            "-".to_owned()
        } else {
            pct(f64::from(yes), f64::from(all))
        }
    };
    let mut surveys = Vec::new();
    let (mut surveyed, mut satisfied, mut feedback) = (0, 0, Vec::new());
    for r in &f.surveys {
        if let Detail::Satisfaction(s) = &r.detail {
            surveyed += s.surveyed;
            satisfied += s.satisfied;
            feedback.extend(s.feedback.iter().map(|x| cell(x)));
            surveys.push(SurveyRow {
                title: cell(&r.title),
                surveyed: s.surveyed,
                satisfied: s.satisfied,
                rate: rate(s.satisfied, s.surveyed),
            });
        }
    }
    let mut operations = Vec::new();
    let mut services: Vec<String> = OPERATIONS.iter().map(|s| (*s).to_owned()).collect();
    for r in &f.operations {
        if let Some(s) = &r.subject
            && !services.contains(s)
        {
            services.push(s.clone());
        }
    }
    for service in services {
        let mine: Vec<&Record> = f
            .operations
            .iter()
            .filter(|r| r.subject.as_deref() == Some(service.as_str()))
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut units: BTreeMap<String, u32> = BTreeMap::new();
        for r in &mine {
            if let Detail::Operation(o) = &r.detail {
                *units
                    .entry(o.unit.clone().unwrap_or_else(|| "项".into()))
                    .or_default() += o.count;
            }
        }
        operations.push(OperationRow {
            service,
            records: mine.len(),
            amount: units
                .iter()
                .map(|(u, n)| format!("{n} {u}"))
                .collect::<Vec<_>>()
                .join("、"),
            items: mine
                .iter()
                .map(|r| format!("{} {}", w.show(r.from, "%m-%d"), cell(&r.title)))
                .collect(),
        });
    }
    let trainings = f
        .trainings
        .iter()
        .filter_map(|r| match &r.detail {
            Detail::Training(t) => Some(TrainingRow {
                at: w.show(r.from, LONG),
                topic: cell(&r.title),
                audience: t.audience.as_deref().map_or_else(|| "-".into(), cell),
                attendees: t.attendees,
                hours: format!("{}", t.hours),
                trainer: t.trainer.as_deref().map_or_else(|| "-".into(), cell),
            }),
            _ => None,
        })
        .collect();
    let guards = f
        .guards
        .iter()
        .filter_map(|r| match &r.detail {
            Detail::Guard(g) => {
                let until = r.until.unwrap_or(r.from);
                Some(GuardRow {
                    id: r.id,
                    name: cell(&r.title),
                    period: format!("{} 至 {}", w.show(r.from, SHORT), w.show(until, SHORT)),
                    people: if g.people.is_empty() {
                        "待补充".into()
                    } else {
                        cell(&g.people.join("、"))
                    },
                    incidents: f
                        .incidents
                        .iter()
                        .filter(|i| i.opened_at >= r.from && i.opened_at < until)
                        .count(),
                })
            }
            _ => None,
        })
        .collect();
    ServiceSection {
        surveys,
        satisfaction: rate(satisfied, surveyed),
        surveyed,
        satisfied,
        feedback,
        operations,
        trainings,
        guards,
    }
}

/// Availability and MTBF per system: from the outage windows of its fault incidents (opened
/// to service restored) where it had any in the period, else from the inspections (a service
/// check CRIT until the next inspection found it serving).
fn availability_rows(w: &Frame<'_>, f: &Facts) -> Vec<AvailabilityRow> {
    let mut systems: Vec<String> = f.uptime.iter().map(|u| u.system.clone()).collect();
    for i in &f.incidents {
        if let Some(sys) = &i.system
            && is_outage(f, i)
            && !systems.contains(sys)
            && incident_outages(w, f, sys).is_some()
        {
            systems.push(sys.clone());
        }
    }
    systems.sort();
    let span_ms = (w.cut.to - w.span.from).max(0);
    systems
        .iter()
        .filter_map(|sys| {
            let u = f.uptime.iter().find(|u| &u.system == sys);
            let samples = u.map_or(0, |u| u.samples);
            let (observed_ms, down_ms, failures, basis) = match incident_outages(w, f, sys) {
                Some((down, n)) => (span_ms, down, n, "事件"),
                None => u.map(|u| (u.observed_ms, u.down_ms, u.failures, "巡检"))?,
            };
            let value = if observed_ms > 0 {
                100.0 * (observed_ms - down_ms) as f64 / observed_ms as f64
            } else {
                100.0
            };
            let mtbf_ms = (failures > 0).then(|| (observed_ms - down_ms) / failures);
            let meets = value >= AVAILABILITY_TARGET
                && mtbf_ms.is_none_or(|m| m as f64 >= MTBF_TARGET_DAYS * 86_400_000.0);
            Some(AvailabilityRow {
                system: cell(&w.system_name(Some(sys))),
                availability: format!("{value:.2}%"),
                value,
                downtime: zh_duration(down_ms),
                failures,
                mtbf: mtbf_ms.map(zh_duration).unwrap_or_else(|| "-".into()),
                mtbf_days: mtbf_ms.map(|m| m as f64 / 86_400_000.0),
                verdict: if meets { "达标" } else { "未达标" },
                samples,
                basis,
            })
        })
        .collect()
}

/// Each backup verification check: how often it ran and passed, its last rung.
fn backup_rows(w: &Frame<'_>, f: &Facts) -> Vec<BackupRow> {
    f.backups
        .iter()
        .map(|b| {
            let metrics: Vec<Metric> = serde_json::from_str(&b.last_metrics).unwrap_or_default();
            BackupRow {
                title: cell(&b.title),
                verifications: b.times,
                passed: b.ok,
                rung: metrics
                    .iter()
                    .find(|m| m.name == "rung")
                    .map(|m| format!("{}", m.value as i64))
                    .unwrap_or_else(|| "-".into()),
                status: Status::parse(&b.last_status)
                    .unwrap_or(Status::Unknown)
                    .zh(),
                summary: cell(&b.last_summary),
                last: w.show(b.last_at, SHORT),
            }
        })
        .collect()
}

/// The log checks and how many scans ran.
fn log_section(f: &Facts) -> LogSection {
    let rows: Vec<(Status, LogRow)> = f
        .logs
        .iter()
        .map(|l| {
            let status = Status::parse(&l.last_status).unwrap_or(Status::Unknown);
            (
                status,
                LogRow {
                    title: cell(&l.title),
                    times: l.times,
                    // Runs that found something: UNKNOWN ones looked at nothing.
                    findings: l.times - l.ok - l.unknown,
                    status: status.zh(),
                    summary: cell(&l.last_summary),
                },
            )
        })
        .collect();
    LogSection {
        scans: f
            .day_runs
            .iter()
            .filter(|d| d.command.starts_with("logs "))
            .map(|d| d.runs)
            .sum(),
        attention: rows
            .iter()
            .filter(|(s, r)| r.findings > 0 || matches!(s, Status::Warn | Status::Crit))
            .map(|(_, r)| r.clone())
            .collect(),
        quiet: rows
            .iter()
            .filter(|(s, r)| r.findings == 0 && *s == Status::Ok)
            .count(),
        unread: rows.iter().filter(|(s, _)| *s == Status::Unknown).count(),
        checks: rows.into_iter().map(|(_, r)| r).collect(),
    }
}

/// Releases (version sync) and playbook runs of the period.
fn changes(w: &Frame<'_>, f: &Facts) -> Changes {
    Changes {
        releases: f
            .releases
            .iter()
            .map(|x| ReleaseRow {
                id: x.id,
                version: cell(&x.version),
                title: cell(&x.title),
                steps: x
                    .steps
                    .iter()
                    .filter(|st| st.state == StepState::Done)
                    .map(|st| st.step)
                    .collect::<BTreeSet<_>>()
                    .len(),
                state: if x.closed_at.is_some() {
                    "已上线"
                } else {
                    "进行中"
                },
                opened: w.show(x.opened_at, SHORT),
            })
            .collect(),
        playbooks: f
            .playbooks
            .iter()
            .map(|p| PlaybookRow {
                id: p.id,
                title: cell(&p.title),
                mode: if p.mode == "drill" {
                    "演练"
                } else {
                    "处置"
                },
                state: p.state.zh().to_owned(),
                started: w.show(p.started_at, SHORT),
                duration: p
                    .finished_at
                    .map(|f| zh_duration(f - p.started_at))
                    .unwrap_or_else(|| "未结束".into()),
            })
            .collect(),
    }
}

/// The overview's figures and its paragraph.
fn overview(
    w: &Frame<'_>,
    f: &Facts,
    total: &[i64; 4],
    incidents: &IncidentSection,
    availability: &[AvailabilityRow],
    assessment: &Assessment,
) -> Overview {
    let period = w.request.period;
    let runs_of = |command: &str| -> i64 {
        f.day_runs
            .iter()
            .filter(|d| d.command == command)
            .map(|d| d.runs)
            .sum()
    };
    let inspections = runs_of("inspect");
    let outcomes: i64 = total.iter().sum();
    let availability_min = availability
        .iter()
        .map(|a| a.value)
        .min_by(f64::total_cmp)
        .map(|v| format!("{v:.2}%"))
        .unwrap_or_else(|| "-".into());
    let sla_pct = pct(
        (incidents.opened - incidents.breaches) as f64,
        incidents.opened as f64,
    );
    let ok_pct = pct(total[0] as f64, outcomes as f64);
    let word = match period.kind {
        period::Routine::Weekly => "周",
        period::Routine::Monthly => "月",
        period::Routine::Quarterly => "季度",
        period::Routine::HalfYear => "半年",
    };
    // Outcomes come from every run (inspections, log scans, audits, backup verifications),
    // so they are counted against all runs, the inspections among them named.
    let runs: i64 = f.day_runs.iter().map(|d| d.runs).sum();
    let mut text = format!(
        "本{word}（{}）共运行检查 {runs} 次（其中例行巡检 {inspections} 次），检查 {outcomes} 项次，正常率 {ok_pct}；\
         {} 个检查项出现过异常；受理事件和服务请求 {} 件，按时完成率 {sla_pct}；各系统可用率最低 {availability_min}",
        period.zh(),
        f.abnormal_total,
        incidents.opened,
    );
    // The 考核 is monthly; a weekly report leaves it to the monthly one.
    if period.kind != period::Routine::Weekly {
        text.push_str(&format!(
            "；考核自评 {} 分（{}）",
            assessment.score, assessment.grade
        ));
    }
    text.push('。');
    Overview {
        inspections,
        runs,
        outcomes,
        ok_pct,
        abnormal_checks: f.abnormal_total,
        incidents: incidents.opened,
        sla_pct,
        availability_min,
        text,
    }
}

impl RoutineModel {
    /// The charts the templates place with `chart:trend`, `chart:availability` and
    /// `chart:incidents`; a chart with nothing to show is left out.
    pub fn charts(&self) -> Vec<(String, super::chart::Chart)> {
        use super::chart::Chart;
        let mut out = Vec::new();
        if self.overview.outcomes > 0 {
            // A day nothing ran is a gap in the lines, not a day without anything abnormal.
            let col = |f: fn(&DayRow) -> i64| {
                self.trend
                    .iter()
                    .map(|d| d.observed.then(|| f(d) as f32))
                    .collect()
            };
            out.push((
                "trend".to_owned(),
                Chart::Lines {
                    title: "每日异常检查结果（项次）".into(),
                    x: self.trend.iter().map(|d| d.date.clone()).collect(),
                    series: vec![
                        ("告警".into(), col(|d| d.warn)),
                        ("严重".into(), col(|d| d.crit)),
                        ("未知".into(), col(|d| d.unknown)),
                    ],
                },
            ));
        }
        if !self.availability.is_empty() {
            // The axis starts a little under the lowest value (never above 95%), so that 99.5%
            // and 99.9% can be told apart, and the 99% target is drawn across.
            let lowest = self
                .availability
                .iter()
                .map(|a| a.value)
                .fold(100.0_f64, f64::min);
            let from = ((lowest - 1.0) / 5.0).floor() * 5.0;
            out.push((
                "availability".to_owned(),
                Chart::Bars {
                    range: Some((from.clamp(0.0, 95.0) as f32, 100.0)),
                    target: Some(AVAILABILITY_TARGET as f32),
                    title: "各系统可用率（%，虚线为 99% 指标）".into(),
                    x: self.availability.iter().map(|a| a.system.clone()).collect(),
                    series: (
                        "可用率".into(),
                        self.availability
                            .iter()
                            .map(|a| (a.value * 100.0).round() as f32 / 100.0)
                            .collect(),
                    ),
                },
            ));
        }
        if self.incidents.by_type.iter().any(|t| t.count > 0) {
            out.push((
                "incidents".to_owned(),
                Chart::Pie {
                    title: "事件和服务请求类型".into(),
                    parts: self
                        .incidents
                        .by_type
                        .iter()
                        .map(|t| (t.kind.to_owned(), t.count as f32))
                        .collect(),
                },
            ));
        }
        out
    }
}

/// Adds counts by status (OK, WARN, CRIT, UNKNOWN).
fn add_counts(into: &mut [i64; 4], more: &[i64; 4]) {
    for (a, b) in into.iter_mut().zip(more) {
        *a += b;
    }
}

pub(super) fn rows_of(
    order: &[String],
    now: &BTreeMap<String, [i64; 4]>,
    before: &BTreeMap<String, [i64; 4]>,
) -> Vec<StatusRow> {
    order
        .iter()
        .filter_map(|name| {
            let v = now.get(name)?;
            let total: i64 = v.iter().sum();
            let share = |v: &[i64; 4]| {
                let t: i64 = v.iter().sum();
                (t > 0).then(|| 100.0 * v[0] as f64 / t as f64)
            };
            let cur = share(v);
            let old = before.get(name).and_then(share);
            Some(StatusRow {
                name: name.clone(),
                total,
                ok: v[0],
                warn: v[1],
                crit: v[2],
                unknown: v[3],
                ok_pct: pct(v[0] as f64, total as f64),
                prev_ok_pct: old
                    .map(|p| format!("{p:.2}%"))
                    .unwrap_or_else(|| "-".into()),
                trend: match (cur, old) {
                    (Some(c), Some(o)) if c > o + 0.005 => "↑",
                    (Some(c), Some(o)) if c < o - 0.005 => "↓",
                    (Some(_), Some(_)) => "→",
                    _ => "-",
                },
            })
        })
        .collect()
}

/// `part / whole` as a percentage with two decimals; `-` when there is nothing to divide.
fn pct(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.2}%", 100.0 * part / whole)
    } else {
        "-".into()
    }
}

/// A span of time in Chinese words: 2天3小时, 1小时5分, 12分, 0分.
pub fn zh_duration(ms: i64) -> String {
    let min = ms.max(0) / 60_000;
    let (d, h, m) = (min / 1440, min % 1440 / 60, min % 60);
    match (d, h, m) {
        (0, 0, m) => format!("{m}分"),
        (0, h, 0) => format!("{h}小时"),
        (0, h, m) => format!("{h}小时{m}分"),
        (d, 0, _) => format!("{d}天"),
        (d, h, _) => format!("{d}天{h}小时"),
    }
}

fn risks(
    availability: &[AvailabilityRow],
    backups: &[BackupRow],
    abnormal: &[AbnormalRow],
    breaches: usize,
    still_open: usize,
    assessment: Option<&Assessment>,
) -> Vec<String> {
    let mut out = Vec::new();
    for a in availability.iter().filter(|a| a.verdict != "达标") {
        // Name only the target that was missed.
        let mut missed = Vec::new();
        if a.value < AVAILABILITY_TARGET {
            missed.push("可用率 ≥ 99%");
        }
        if a.mtbf_days.is_some_and(|d| d < MTBF_TARGET_DAYS) {
            missed.push("平均无故障时间 ≥ 10 天");
        }
        out.push(format!(
            "{} 可用率 {}、故障 {} 次（平均无故障时间 {}），未达到{}的指标；建议排查故障原因并评估冗余措施。",
            a.system,
            a.availability,
            a.failures,
            a.mtbf,
            missed.join("、")
        ));
    }
    for b in backups.iter().filter(|b| b.status != Status::Ok.zh()) {
        out.push(format!(
            "备份校验「{}」最近一次结果为{}：{}；建议尽快处理，保证数据可恢复。",
            b.title, b.status, b.summary
        ));
    }
    for a in abnormal.iter().filter(|a| a.crit >= 3).take(5) {
        out.push(format!(
            "「{}」（{}）本期 {} 次严重异常，属反复出现的问题；建议纳入问题管理，查明根因。",
            a.title, a.system, a.crit
        ));
    }
    if breaches > 0 {
        out.push(format!(
            "{breaches} 件事件未在服务时限内完成；建议复盘响应和处置流程。"
        ));
    }
    if still_open > 0 {
        out.push(format!(
            "截至本期末仍有 {still_open} 件事件未关闭，需持续跟进。"
        ));
    }
    if let Some(a) = assessment.filter(|a| a.lost > 0) {
        out.push(format!(
            "考核自评扣 {} 分，见“考核自评”一节；建议对照扣分项整改。",
            a.lost
        ));
    }
    out
}

fn plan(r: &Request<'_>, s: &Settings, incidents: &IncidentSection, risks: &[String]) -> Plan {
    let path = s
        .reports
        .plans(&s.base_dir)
        .join(format!("{}.md", r.period.label()));
    let heading = r.period.kind.next_zh();
    match std::fs::read_to_string(&path) {
        Ok(text) => Plan {
            heading,
            text: text.trim().to_owned(),
            path: path.display().to_string(),
            missing: false,
        },
        // No plan written: the routine work the contract asks for, and what this period left
        // open, so the document says what will be done rather than how to use the tool (the
        // command warns that the plan file is missing).
        Err(_) => Plan {
            heading,
            text: default_plan(r.period.kind, s, incidents, risks),
            path: path.display().to_string(),
            missing: true,
        },
    }
}

/// The plan a report carries when none was written: the routine work, then each incident
/// still open and each risk of the period to follow up.
fn default_plan(
    kind: period::Routine,
    s: &Settings,
    incidents: &IncidentSection,
    risks: &[String],
) -> String {
    let inspections = match s.assessment.inspection.every {
        crate::settings::Every::Day => "每日",
        crate::settings::Every::Week => "每周",
        crate::settings::Every::Month => "每月",
    };
    let mut items = vec![
        format!(
            "按计划开展例行巡检（{inspections}不少于 1 次），出具巡检报告，发现问题及时处置并跟踪闭环。"
        ),
        "持续开展备份校验与恢复测试、日志审计，确保备份可用、异常操作可追溯。".to_owned(),
        match kind {
            period::Routine::Weekly => "按时编制并提交周报。".to_owned(),
            _ => "按时编制并提交周报、月报及各类专项报告。".to_owned(),
        },
    ];
    for i in incidents.list.iter().filter(|i| i.state != "已关闭") {
        items.push(format!(
            "跟进事件 #{}（{}，{}）：{}，直至处理完毕并关闭。",
            i.id, i.kind, i.state, i.title
        ));
    }
    for risk in risks {
        items.push(format!("跟进本期风险：{risk}"));
    }
    items
        .iter()
        .enumerate()
        .map(|(n, t)| format!("{}. {t}", n + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_chinese() {
        assert_eq!(zh_duration(0), "0分");
        assert_eq!(zh_duration(65 * 60_000), "1小时5分");
        assert_eq!(zh_duration(2 * 3_600_000), "2小时");
        assert_eq!(zh_duration(50 * 3_600_000), "2天2小时");
        assert_eq!(pct(1.0, 3.0), "33.33%");
        assert_eq!(pct(0.0, 0.0), "-");
    }
}
