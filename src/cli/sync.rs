//! `znode sync`: version-sync releases (SPEC R5) through their ten steps, and the versions the
//! systems run against the province's.

use std::io::Write;

use super::Context;
use super::playbook::{self, Answers};
use crate::app::release;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::runbook::sync::STEPS;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Open a release record for a version of the province's standard edition
    Start(StartArgs),
    /// Record a step (1-5, 7, 8, 10) as done, in order
    Done(DoneArgs),
    /// Carry out an executable step: 6 (test deployment, backup first) or 9 (cut-over)
    Run(RunArgs),
    /// Record the rollback plan; step 9 cannot start without one
    RollbackPlan(PlanArgs),
    /// Record a key user's verification sign-off (needed for step 10)
    Signoff(SignoffArgs),
    /// Each release's progress through the ten steps
    Status(StatusArgs),
    /// The version each system runs beside the province's declared one, and who is behind
    Versions(VersionsArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct StartArgs {
    /// The version, as the province names it
    version: String,
    /// A title (default: 版本同步 VERSION)
    #[arg(long)]
    title: Option<String>,
    /// Who (default: $USER)
    #[arg(
        long = "by",
        alias = "operator",
        env = "ZNODE_OPERATOR",
        value_name = "NAME"
    )]
    operator: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct DoneArgs {
    /// Release id
    release: i64,
    /// Step number
    step: i64,
    /// What was done (goals, survey findings, test results...)
    #[arg(long, default_value = "")]
    note: String,
    /// Who (default: $USER)
    #[arg(
        long = "by",
        alias = "operator",
        env = "ZNODE_OPERATOR",
        value_name = "NAME"
    )]
    operator: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct RunArgs {
    /// Release id
    release: i64,
    /// Step number: 6 or 9
    step: i64,
    /// A playbook variable: NAME=VALUE
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    #[command(flatten)]
    answers: Answers,
}

#[derive(Debug, clap::Args)]
pub(super) struct PlanArgs {
    /// Release id
    release: i64,
    /// The plan, in a file
    #[arg(long, conflicts_with = "text")]
    file: Option<std::path::PathBuf>,
    /// The plan, inline
    #[arg(long)]
    text: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct SignoffArgs {
    /// Release id
    release: i64,
    /// The key user who verified
    #[arg(long)]
    user: String,
    /// What they checked
    #[arg(long, default_value = "")]
    comment: String,
}

#[derive(Debug, clap::Args)]
pub(super) struct StatusArgs {
    /// Release id; every release when absent
    release: Option<i64>,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct VersionsArgs {
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::Versions(a) => versions(&cx, a),
        other => releases(&cx, other),
    }
}

fn releases(cx: &Context, c: Command) -> Result<Status, Error> {
    let settings = cx.settings()?;
    super::run_async(async {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let code = match c {
            Command::Start(a) => {
                let (id, title) = release::open(
                    &store,
                    &a.version,
                    a.title.as_deref(),
                    &super::operator(&a.operator),
                )
                .await?;
                println!("release #{id}: {title}");
                Status::Ok
            }
            Command::Done(a) => {
                let who = super::operator(&a.operator);
                release::record_done(&store, a.release, a.step, &who, &a.note).await?;
                println!(
                    "release #{}: step {}（{}）done",
                    a.release,
                    a.step,
                    release::step_name(a.step)
                );
                Status::Ok
            }
            Command::Run(a) => {
                let name = release::playbook_to_run(&store, a.release, a.step).await?;
                let all = playbook::playbooks(&settings)?;
                let pb = playbook::find(&all, name)?.clone();
                let vars = pb
                    .variables(&playbook::sets(&a.set)?)
                    .map_err(Error::Message)?;
                let catalog = crate::catalog::Catalog::load(&settings)?;
                let operator = playbook::operator(&a.answers);
                let (run, end) = playbook::execute(
                    &settings,
                    &catalog,
                    &store,
                    &pb,
                    &vars,
                    playbook::Mode::Run,
                    a.answers,
                )
                .await?;
                release::record_playbook(&store, a.release, a.step, &operator, run, &end).await?;
                playbook::report(&store, run, &end).await?
            }
            Command::RollbackPlan(a) => {
                let plan = match (&a.file, &a.text) {
                    (Some(f), _) => std::fs::read_to_string(f)
                        .map_err(|e| Error::Message(format!("{}: {e}", f.display())))?,
                    (None, Some(t)) => t.clone(),
                    (None, None) => {
                        return Err(Error::Message("give the plan with --file or --text".into()));
                    }
                };
                let lines = release::set_rollback_plan(&store, a.release, &plan).await?;
                println!(
                    "release #{}: rollback plan recorded ({lines} lines)",
                    a.release
                );
                Status::Ok
            }
            Command::Signoff(a) => {
                release::sign_off(&store, a.release, &a.user, &a.comment).await?;
                println!("release #{}: sign-off by {}", a.release, a.user);
                Status::Ok
            }
            Command::Status(a) => {
                let list = release::list(&store, a.release).await?;
                print_status(cx, &settings, &list, a.format)?;
                Status::Ok
            }
            Command::Versions(_) => Status::Ok,
        };
        store.close().await;
        Ok(code)
    })
}

fn print_status(
    cx: &Context,
    settings: &crate::settings::Settings,
    list: &[crate::store::Release],
    format: super::logs::ListFormat,
) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if format == super::logs::ListFormat::Json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "schema": "znode.sync/v1", "releases": list }),
        )
        .map_err(|e| Error::Message(e.to_string()))?;
        writeln!(out)?;
        return Ok(());
    }
    let tz = settings.timezone;
    let when = |ms: i64| crate::core::clock::local_time(ms, tz, "%Y-%m-%d %H:%M");
    for r in list {
        let done = release::done_steps(r);
        writeln!(
            out,
            "release #{} · {} · 版本 {} · {}/10 步{}",
            r.id,
            r.title,
            r.version,
            done,
            if r.closed_at.is_some() {
                " · 已上线"
            } else {
                ""
            }
        )?;
        let mut t = crate::report::new_table(cx.style);
        t.set_header(["步骤", "内容", "状态", "时间", "人员", "记录"]);
        for (i, name) in STEPS.iter().enumerate() {
            let n = i as i64 + 1;
            let s = r.steps.iter().find(|s| s.step == n);
            t.add_row([
                n.to_string(),
                name.to_string(),
                match s.map(|s| s.state.as_str()) {
                    Some("done") => "完成".into(),
                    Some(other) => other.to_owned(),
                    None => "待办".into(),
                },
                s.map(|s| when(s.at)).unwrap_or_default(),
                s.map(|s| s.operator.clone()).unwrap_or_default(),
                s.map(|s| s.note.clone()).unwrap_or_default(),
            ]);
        }
        writeln!(out, "{t}")?;
        writeln!(
            out,
            "回退方案：{}；验证签字：{}\n",
            if r.rollback_plan.is_some() {
                "已登记"
            } else {
                "未登记"
            },
            if r.signoffs.is_empty() {
                "无".to_owned()
            } else {
                r.signoffs
                    .iter()
                    .map(|s| s.0.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            }
        )?;
    }
    out.flush()?;
    Ok(())
}

fn versions(cx: &Context, a: VersionsArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let rows = super::run_async(release::versions(&settings))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match a.format {
        super::logs::ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({ "schema": "znode.versions/v1", "systems": rows }),
            )
            .map_err(|e| Error::Message(e.to_string()))?;
            writeln!(out)?;
        }
        super::logs::ListFormat::Table => {
            let mut t = crate::report::new_table(cx.style);
            t.set_header(["系统", "运行版本", "省中心版本", "结论"]);
            for r in &rows {
                t.add_row([
                    format!("{}（{}）", r.name, r.system),
                    r.running.clone().unwrap_or_else(|| {
                        format!("未知：{}", r.error.clone().unwrap_or_default())
                    }),
                    r.declared.clone().unwrap_or_else(|| "未声明".into()),
                    r.state.zh().to_owned(),
                ]);
            }
            writeln!(out, "{t}")?;
            let behind: Vec<&str> = rows
                .iter()
                .filter(|r| r.state == release::Standing::Behind)
                .map(|r| r.name.as_str())
                .collect();
            writeln!(
                out,
                "落后于省中心：{}",
                if behind.is_empty() {
                    "无".into()
                } else {
                    behind.join("、")
                }
            )?;
        }
    }
    out.flush()?;
    Ok(Status::worst(rows.iter().map(|r| r.state.status())))
}
