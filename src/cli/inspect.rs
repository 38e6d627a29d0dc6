//! `znode inspect`: plan, run, store, render, exit with the Nagios code.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Context;
use crate::app::inspection::{self, IncidentAction, Observer, Options};
use crate::core::error::Error;
use crate::core::outcome::Category;
use crate::core::outcome::Status;
use crate::report::Format;
use crate::runner::{Filters, Plan, RunEvent};

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Only checks of these systems (repeat or comma-separate)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    system: Vec<String>,
    /// Only these categories: 日常检查 or daily, 性能检查/performance, 脆弱性检查/vulnerability,
    /// 常规检查/routine, 应用服务器检查/app-server, 中间件检查/middleware, 系统业务检查/business,
    /// 日志审计/log-review, 备份检查/backup, 数据质量检查/data-quality
    #[arg(long, value_delimiter = ',', value_parser = parse_category, value_name = "CATEGORY")]
    category: Vec<Category>,
    /// Only checks with any of these tags
    #[arg(long, value_delimiter = ',', value_name = "TAG")]
    tag: Vec<String>,
    /// Only these checks, by id
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    check: Vec<String>,
    /// Only on these inventory hosts or groups (`local`: the machine znode runs on)
    #[arg(long, value_delimiter = ',', value_name = "HOST")]
    host: Vec<String>,
    /// Hosts inspected at once over ssh (overrides `fleet.forks`)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    forks: Option<u16>,
    /// Checks running at once (overrides `defaults.jobs`)
    #[arg(short = 'j', long, env = "ZNODE_JOBS", value_name = "N")]
    jobs: Option<usize>,
    /// Timeout of checks that set none (overrides `defaults.timeout`), e.g. 5s
    #[arg(long, env = "ZNODE_TIMEOUT", value_parser = super::positive_duration, value_name = "DURATION")]
    timeout: Option<Duration>,
    #[command(flatten)]
    shown: Shown,
    /// Open an incident (or add to the open one) for each check that is CRIT
    #[arg(long)]
    open_incidents: bool,
}

pub(super) fn parse_category(s: &str) -> Result<Category, String> {
    Category::parse(s).ok_or_else(|| {
        let names: Vec<String> = Category::ALL
            .iter()
            .map(|c| format!("{} ({})", c.zh(), c.en()))
            .collect();
        format!("unknown category; one of: {}", names.join(", "))
    })
}

pub(super) fn run(mut cx: Context, a: Args) -> Result<Status, Error> {
    cx.overrides.jobs = a.jobs;
    cx.overrides.timeout = a.timeout;
    let (mut settings, catalog) = cx.settings_and_catalog()?;
    if let Some(f) = a.forks {
        settings.fleet.settings.forks = usize::from(f);
    }
    let filters = Filters {
        systems: a.system,
        categories: a.category,
        tags: a.tag,
        checks: a.check,
        hosts: a.host,
    };
    let plan = Plan::new(catalog, &filters, &settings.fleet).map_err(Error::Message)?;
    if plan.checks.is_empty() {
        return Err(Error::Message(
            "no enabled check matches the selection; see `znode config check` and the filters"
                .into(),
        ));
    }
    execute(
        &cx,
        settings,
        plan,
        Options {
            command: "inspect",
            filters: serde_json::to_string(&filters).unwrap_or_default(),
            incremental: false,
            open_incidents: a.open_incidents,
        },
        a.shown,
    )
}

/// How a recorded run is shown: on stdout, and as a file for node_exporter when asked.
#[derive(Debug, clap::Args)]
pub(super) struct Shown {
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: Format,
    /// Also write the run in Prometheus text format to DIR/znode_COMMAND.prom for
    /// node_exporter's textfile collector (written beside, then renamed: never half a file)
    #[arg(long, value_name = "DIR")]
    textfile_dir: Option<std::path::PathBuf>,
}

impl Shown {
    /// Whether JSON was asked for.
    pub(super) fn is_json(&self) -> bool {
        self.format == Format::Json
    }
}

/// Runs a plan as a recorded session, prints what happened and the outcomes in `format`, and
/// returns the status to exit with. Shared by `inspect`, `logs scan|audit` and `backup verify`.
pub(super) fn execute(
    cx: &Context,
    settings: crate::settings::Settings,
    plan: Plan,
    options: Options,
    shown: Shown,
) -> Result<Status, Error> {
    let Shown {
        format,
        textfile_dir,
    } = shown;
    let (lang, style) = (cx.lang, cx.style);
    super::run_async(async move {
        let mut bar = Progress(progress_bar(plan.units.len() as u64));
        let end = inspection::run(settings, plan, &options, &mut bar).await?;
        bar.0.finish_and_clear();
        if let Some(r) = &end.replayed {
            if r.runs > 0 {
                eprintln!(
                    "the history store is back: {} spooled run(s) with {} outcomes written into it",
                    r.runs, r.outcomes
                );
            }
            for (file, why) in &r.failed {
                eprintln!(
                    "warning: {} could not be written into the store: {why}",
                    file.display()
                );
            }
        }
        if end.interrupted {
            eprintln!(
                "interrupted: {} of {} checks finished and stored; run #{} is marked interrupted",
                end.report.rows.len(),
                end.planned,
                end.report.run.id
            );
        }
        for action in &end.incidents {
            match action {
                IncidentAction::Opened { id, check } => match check.strip_prefix("host:") {
                    Some(h) => eprintln!("incident #{id} opened: host {h} could not be reached"),
                    None => eprintln!("incident #{id} opened: {check} is CRIT"),
                },
                IncidentAction::Updated { id, check } => match check.strip_prefix("host:") {
                    Some(h) => {
                        eprintln!("incident #{id} updated: host {h} still cannot be reached")
                    }
                    None => eprintln!("incident #{id} updated: {check} is still CRIT"),
                },
                IncidentAction::Recovered { id, check } => match check.strip_prefix("host:") {
                    Some(h) => eprintln!(
                        "incident #{id}: host {h} is reached again; once confirmed, `znode incident resolve {id}`"
                    ),
                    None => eprintln!(
                        "incident #{id}: {check} is OK again; once service is confirmed, `znode incident resolve {id}`"
                    ),
                },
            }
        }
        // stdout is line-buffered; a thousand-line JSON document would be a thousand writes.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        end.report.render(format, lang, style, &mut out)?;
        std::io::Write::flush(&mut out)?;
        if let Some(dir) = &textfile_dir {
            let name = format!("znode_{}", options.command.replace(' ', "_"));
            if let Err(e) = end.report.write_textfile(dir, &name) {
                eprintln!(
                    "error: cannot write {}/{name}.prom: {e} (node_exporter keeps the previous file)",
                    dir.display()
                );
                return Ok(Status::Unknown);
            }
        }
        if let Some(sp) = &end.spooled {
            eprintln!(
                "warning: the history store cannot take this run ({}); its {} outcomes are spooled in {} and are written by the next run that reaches the store",
                sp.why,
                sp.outcomes,
                sp.path.display()
            );
            if sp.incidents_skipped {
                eprintln!("warning: no incident was opened: that needs the store");
            }
        }
        if let Some(e) = &end.store_error {
            eprintln!("error: the run could not be fully stored: {e}");
        }
        Ok(end.status())
    })
}

/// The progress bar as the session's observer: it counts finished checks and names the one
/// that started last.
struct Progress(ProgressBar);

impl Observer for Progress {
    fn wants_progress(&self) -> bool {
        !self.0.is_hidden()
    }

    fn event(&mut self, event: &RunEvent) {
        match event {
            RunEvent::RunStarted { planned } => self.0.set_length(*planned as u64),
            RunEvent::CheckStarted { check } => self.0.set_message(check.clone()),
            RunEvent::Retry { check, attempt, .. } => self
                .0
                .set_message(format!("{check}（第 {attempt} 次未通过，重试）")),
            RunEvent::CheckFinished(_) => self.0.inc(1),
            RunEvent::RunFinished { .. } => self.0.finish_and_clear(),
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

/// Runs the checks `ids` (on `hosts`) as a recorded run with a progress bar, for commands that
/// show their own view of it (`access review`, `config drift`); they read the run back from
/// the store, so a run the store could not take is an error.
pub(super) async fn recorded_run(
    settings: crate::settings::Settings,
    catalog: crate::catalog::Catalog,
    ids: Vec<String>,
    hosts: Vec<String>,
    command: &'static str,
) -> Result<(inspection::Finished, crate::store::Store), Error> {
    let filters = Filters {
        checks: ids,
        hosts,
        ..Filters::default()
    };
    let plan = Plan::new(catalog, &filters, &settings.fleet).map_err(Error::Message)?;
    let store_url = settings.store_url.clone();
    let options = Options {
        command,
        filters: serde_json::to_string(&filters).unwrap_or_default(),
        incremental: false,
        open_incidents: false,
    };
    let mut bar = Progress(progress_bar(plan.units.len() as u64));
    let end = inspection::run(settings, plan, &options, &mut bar).await?;
    bar.0.finish_and_clear();
    if end.spooled.is_some() || end.store_error.is_some() {
        return Err(Error::Message(format!(
            "the history store could not take this run; `{command}` reads it back to compare and record: retry once the store is back"
        )));
    }
    let store = crate::store::Store::open(&store_url).await?;
    Ok((end, store))
}
