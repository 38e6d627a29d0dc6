//! `znode inspect`: plan, run, store, render, exit with the Nagios code.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;

use super::{Context, Failure};
use crate::core::outcome::Category;
use crate::core::outcome::CheckInfo;
use crate::report::{Format, RunReport};
use crate::runner::{Filters, Plan, RunEvent};
use crate::store::{NewRun, RunRow, Store, StoredOutcome};

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Only checks of these systems (repeat or comma-separate)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    system: Vec<String>,
    /// Only these categories: 日常检查 or daily, 性能检查/performance, 脆弱性检查/vulnerability,
    /// 常规检查/routine, 应用服务器检查/app-server, 中间件检查/middleware, 系统业务检查/business
    #[arg(long, value_delimiter = ',', value_parser = parse_category, value_name = "CATEGORY")]
    category: Vec<Category>,
    /// Only checks with any of these tags
    #[arg(long, value_delimiter = ',', value_name = "TAG")]
    tag: Vec<String>,
    /// Only these checks, by id
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    check: Vec<String>,
    /// Checks running at once (overrides `defaults.jobs`)
    #[arg(short = 'j', long, env = "ZNODE_JOBS", value_name = "N")]
    jobs: Option<usize>,
    /// Timeout of checks that set none (overrides `defaults.timeout`), e.g. 5s
    #[arg(long, env = "ZNODE_TIMEOUT", value_parser = humantime::parse_duration, value_name = "DURATION")]
    timeout: Option<Duration>,
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: Format,
    /// Open an incident (or add to the open one) for each check that is CRIT
    #[arg(long)]
    open_incidents: bool,
}

fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse(s).ok_or_else(|| {
        let names: Vec<String> = Category::ALL
            .iter()
            .map(|c| format!("{} ({})", c.zh(), c.en()))
            .collect();
        format!("unknown category; one of: {}", names.join(", "))
    })
}

pub(super) fn run(mut cx: Context, a: Args) -> Result<u8, Failure> {
    cx.overrides.jobs = a.jobs;
    cx.overrides.timeout = a.timeout;
    let (settings, catalog) = cx.settings_and_catalog()?;
    let filters = Filters {
        systems: a.system,
        categories: a.category,
        tags: a.tag,
        checks: a.check,
    };
    let plan = Plan::new(catalog, &filters).map_err(Failure::Message)?;
    if plan.checks.is_empty() {
        return Err(Failure::Message(
            "no enabled check matches the selection; see `znode config check` and the filters"
                .into(),
        ));
    }
    execute(
        &cx,
        settings,
        plan,
        Execution {
            command: "inspect",
            filters: serde_json::to_string(&filters).unwrap_or_default(),
            format: a.format,
            incremental: false,
            open_incidents: a.open_incidents,
        },
    )
}

/// How a plan is run and recorded.
pub(super) struct Execution {
    /// The command recorded with the run (`inspect`, `logs scan`...).
    pub command: &'static str,
    /// JSON of the selection, recorded with the run.
    pub filters: String,
    /// Output format.
    pub format: Format,
    /// Whether log checks read incrementally from their stored cursors.
    pub incremental: bool,
    /// Open or update an incident for each CRIT outcome.
    pub open_incidents: bool,
}

/// Runs a plan: records the run, streams outcomes into the store, handles signals, renders the
/// report and returns the exit code. Shared by `inspect` and the `logs` commands.
pub(super) fn execute(
    cx: &Context,
    settings: crate::settings::Settings,
    plan: Plan,
    exec: Execution,
) -> Result<u8, Failure> {
    let (lang, color) = (cx.lang, cx.color);
    super::run_async(async move {
        let store = Store::open(&settings.store_url).await?;
        let disabled = plan.disabled;
        let new = NewRun {
            disabled,
            node: &settings.node,
            command: exec.command,
            planned: plan.checks.len(),
            filters: exec.filters.clone(),
        };
        let (run_id, started_at) = store.begin_run(&new).await?;
        let previous = if plan.checks.iter().any(|c| c.probe.uses_history()) {
            store.previous_metrics(run_id).await?
        } else {
            Default::default()
        };
        let previous = Arc::new(previous);
        let shared = Arc::new(shared_state(&store, &plan, exec.incremental).await?);
        let infos: BTreeMap<String, CheckInfo> = plan
            .checks
            .iter()
            .map(|c| (c.id.clone(), c.info()))
            .collect();
        let planned = plan.checks.len();
        let settings = Arc::new(settings);
        let (tx, mut rx) = mpsc::channel(256);

        let bar = progress_bar(planned as u64);
        let mut sigint = signal(SignalKind::interrupt())?;
        let mut sigterm = signal(SignalKind::terminate())?;
        // Signals are taken over before the first check starts, so an early Ctrl-C is handled.
        let runner = tokio::spawn(crate::runner::run(
            settings.clone(),
            Arc::new(plan),
            previous,
            shared.clone(),
            tx,
            !bar.is_hidden(),
        ));
        let mut rec = Recorder {
            store: &store,
            run_id,
            infos: &infos,
            bar: &bar,
            rows: Vec::with_capacity(planned),
            error: None,
        };
        let mut interrupted = false;
        loop {
            let first = tokio::select! {
                ev = rx.recv() => match ev {
                    Some(ev) => ev,
                    None => break,
                },
                _ = sigint.recv() => { interrupted = true; break; }
                _ = sigterm.recv() => { interrupted = true; break; }
            };
            rec.take(Some(first), &mut rx).await;
        }
        // Aborting the runner drops every check in flight; command probes kill their process
        // groups on drop, so nothing keeps running after we leave.
        runner.abort();
        let _ = runner.await;
        // Checks that finished just before the interrupt are kept too.
        rec.take(None, &mut rx).await;
        let Recorder {
            rows,
            error: store_error,
            ..
        } = rec;
        bar.finish_and_clear();
        if interrupted {
            eprintln!(
                "interrupted: {} of {planned} checks finished and stored; run #{run_id} is marked interrupted",
                rows.len()
            );
        }
        // An interrupted run keeps its cursors where they were: the lines are read again next
        // time rather than lost.
        let state_error = if interrupted {
            None
        } else {
            save_shared_state(&store, &shared).await.err()
        };
        let incident_error = if exec.open_incidents {
            open_incidents(&store, &rows).await.err()
        } else {
            None
        };
        let status = store.finish_run(run_id, interrupted).await;
        store.close().await;
        let run = RunRow {
            id: run_id,
            node: settings.node.clone(),
            command: exec.command.into(),
            started_at,
            finished_at: Some(
                status
                    .as_ref()
                    .map(|s| s.1)
                    .unwrap_or_else(|_| crate::core::clock::now_ms()),
            ),
            state: if interrupted {
                "interrupted"
            } else {
                "finished"
            }
            .into(),
            status: status.as_ref().ok().map(|s| s.0),
            planned: planned as i64,
            disabled: disabled as i64,
            done: rows.len() as i64,
            counts: Default::default(),
        };
        let report = RunReport::new(run, rows, settings.timezone, settings.system_names());
        // stdout is line-buffered; a thousand-line JSON document would be a thousand writes.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        report.render(exec.format, lang, color, &mut out)?;
        std::io::Write::flush(&mut out)?;
        let mut code = report.status().exit_code();
        if let Some(e) = store_error
            .or(status.err().map(|e| e.to_string()))
            .or(state_error.map(|e| e.to_string()))
            .or(incident_error.map(|e| e.to_string()))
        {
            eprintln!("error: the run could not be fully stored: {e}");
            code = code.max(crate::core::outcome::Status::Unknown.exit_code());
        }
        Ok(code)
    })
}

/// An incident for each CRIT outcome: a new one, or a note on the one its check opened before
/// and that is not closed yet.
async fn open_incidents(
    store: &Store,
    rows: &[StoredOutcome],
) -> Result<(), crate::store::StoreError> {
    let now = crate::core::clock::now_ms();
    for r in rows
        .iter()
        .filter(|r| r.outcome.effective_status() == crate::core::outcome::Status::Crit)
    {
        let check = &r.outcome.check;
        match store.open_incident_of_check(check).await? {
            Some(id) => {
                store
                    .update_incident(
                        id,
                        "note",
                        "znode inspect",
                        &format!("仍为严重：{}", r.outcome.summary),
                        now,
                    )
                    .await?;
                eprintln!("incident #{id} updated: {check} is still CRIT");
            }
            None => {
                let title = format!("{}：{}", r.info.title, r.outcome.summary);
                let id = store
                    .open_incident(&crate::store::NewIncident {
                        kind: "故障",
                        severity: "一般",
                        system: r.info.system.as_deref(),
                        title: &title,
                        reporter: "znode inspect",
                        assignee: None,
                        source_check: Some(check),
                        at: now,
                    })
                    .await?;
                eprintln!("incident #{id} opened: {check} is CRIT");
            }
        }
    }
    Ok(())
}

/// The run-wide probe state: for log checks, the audit baselines and incremental cursors.
async fn shared_state(
    store: &Store,
    plan: &Plan,
    incremental: bool,
) -> Result<crate::probe::Shared, crate::store::StoreError> {
    let mut shared = crate::probe::Shared::default();
    if plan.checks.iter().any(|c| c.probe.kind() == "log") {
        shared.logs.known.before = store.log_known().await?;
        if incremental {
            shared.logs.incremental = true;
            shared.logs.cursors = Arc::new(crate::logs::cursor::Cursors::new(
                store.log_cursors().await?,
            ));
        }
    }
    Ok(shared)
}

/// Stores what log checks learned: new audit values and, for incremental runs, cursors.
async fn save_shared_state(
    store: &Store,
    shared: &crate::probe::Shared,
) -> Result<(), crate::store::StoreError> {
    let seen = std::mem::take(
        &mut *shared
            .logs
            .known
            .seen
            .lock()
            .unwrap_or_else(|e| e.into_inner()),
    );
    if !seen.is_empty() {
        store.save_log_known(&seen).await?;
    }
    if shared.logs.incremental {
        let updates: Vec<crate::logs::cursor::Update> = shared
            .logs
            .finished()
            .iter()
            .filter_map(|s| s.as_ref().as_ref().ok())
            .flat_map(|s| s.cursors.iter().cloned())
            .collect();
        store.save_log_cursors(&updates).await?;
    }
    Ok(())
}

/// Collects outcomes as they arrive and stores them.
struct Recorder<'a> {
    store: &'a Store,
    run_id: i64,
    infos: &'a BTreeMap<String, CheckInfo>,
    bar: &'a ProgressBar,
    rows: Vec<StoredOutcome>,
    /// The first store error; the run goes on and the error is reported at the end.
    error: Option<String>,
}

impl Recorder<'_> {
    /// Takes `first` and every event already waiting, and stores their outcomes in one commit.
    async fn take(&mut self, first: Option<RunEvent>, rx: &mut mpsc::Receiver<RunEvent>) {
        let before = self.rows.len();
        let mut next = first;
        while let Some(ev) = next.take().or_else(|| rx.try_recv().ok()) {
            match ev {
                RunEvent::Started { check } => self.bar.set_message(check),
                RunEvent::Finished(outcome) => {
                    let info = self.infos[&outcome.check].clone();
                    self.bar.inc(1);
                    self.rows.push(StoredOutcome {
                        info,
                        outcome: *outcome,
                    });
                }
            }
        }
        if self.rows.len() == before {
            return;
        }
        let fresh: Vec<_> = self.rows[before..]
            .iter()
            .map(|r| (&r.info, &r.outcome))
            .collect();
        if let Err(e) = self.store.record(self.run_id, &fresh).await {
            self.error.get_or_insert(e.to_string());
        }
    }
}

fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} 巡检 [{elapsed_precise}] {bar:30} {pos}/{len} {wide_msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
