//! `znode sync`: version-sync releases (SPEC R5) through their ten steps, and the versions the
//! systems run against the province's.

use std::io::Write;

use super::Context;
use super::playbook::{self, Answers};
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::runbook::engine::End;
use crate::runbook::sync::{self, STEPS};

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
    #[arg(long, env = "ZNODE_OPERATOR")]
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
    #[arg(long, env = "ZNODE_OPERATOR")]
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
                let title = a
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("版本同步 {}", a.version));
                let id = store
                    .open_release(&a.version, &title, &super::operator(&a.operator))
                    .await?;
                println!("release #{id}: {title}");
                Status::Ok
            }
            Command::Done(a) => {
                let r = store.release(a.release).await?;
                if sync::playbook_of(a.step).is_some() {
                    return Err(Error::Message(format!(
                        "step {} is carried out by its playbook: znode sync run {} {}",
                        a.step, a.release, a.step
                    )));
                }
                if let Some(why) = sync::refusal(&r, a.step) {
                    return Err(Error::Message(why));
                }
                store
                    .record_sync_step(
                        a.release,
                        a.step,
                        "done",
                        &super::operator(&a.operator),
                        &a.note,
                        None,
                    )
                    .await?;
                println!(
                    "release #{}: step {}（{}）done",
                    a.release,
                    a.step,
                    STEPS[a.step as usize - 1]
                );
                Status::Ok
            }
            Command::Run(a) => {
                let Some(name) = sync::playbook_of(a.step) else {
                    return Err(Error::Message(format!(
                        "step {} is recorded, not run: znode sync done {} {} --note ...",
                        a.step, a.release, a.step
                    )));
                };
                let r = store.release(a.release).await?;
                if let Some(why) = sync::refusal(&r, a.step) {
                    return Err(Error::Message(why));
                }
                let (_, all) = playbook::load(cx)?;
                let pb = playbook::find(&all, name)?.clone();
                let vars = pb
                    .variables(&playbook::sets(&a.set)?)
                    .map_err(Error::Message)?;
                let catalog = crate::catalog::Catalog::load(&settings)?;
                let operator = playbook::operator(&a.answers);
                let (run, end) =
                    playbook::execute(&settings, &catalog, &store, &pb, &vars, "run", a.answers)
                        .await?;
                let (state, note) = match &end {
                    End::Finished => ("done", format!("playbook run #{run} finished")),
                    End::Failed(r) => ("failed", format!("playbook run #{run} failed: {r}")),
                    End::Paused(s, r) => {
                        ("failed", format!("playbook run #{run} paused at {s}: {r}"))
                    }
                };
                store
                    .record_sync_step(a.release, a.step, state, &operator, &note, Some(run))
                    .await?;
                playbook::report(run, &end)
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
                if plan.trim().is_empty() {
                    return Err(Error::Message("the rollback plan is empty".into()));
                }
                store.release(a.release).await?;
                store.set_rollback_plan(a.release, &plan).await?;
                println!(
                    "release #{}: rollback plan recorded ({} lines)",
                    a.release,
                    plan.lines().count()
                );
                Status::Ok
            }
            Command::Signoff(a) => {
                store.release(a.release).await?;
                store.sign_off(a.release, &a.user, &a.comment).await?;
                println!("release #{}: sign-off by {}", a.release, a.user);
                Status::Ok
            }
            Command::Status(a) => {
                let ids = match a.release {
                    Some(id) => vec![id],
                    None => store.release_ids().await?,
                };
                let mut list = Vec::new();
                for id in ids {
                    list.push(store.release(id).await?);
                }
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
        let done = r.steps.iter().filter(|s| s.state == "done").count();
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

/// One system's versions.
#[derive(serde::Serialize)]
struct VersionRow {
    system: String,
    name: String,
    running: Option<String>,
    declared: Option<String>,
    state: &'static str,
    error: Option<String>,
}

fn versions(cx: &Context, a: VersionsArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let rows = super::run_async(async {
        let mut rows = Vec::new();
        for s in &settings.systems {
            let Some(v) = &s.version else { continue };
            let read = sync::read(v, &settings).await;
            let (running, error) = match read {
                Ok(r) => (Some(r), None),
                Err(e) => (None, Some(e)),
            };
            let state = match (&running, &v.declared) {
                (Some(r), Some(d)) => match sync::compare(r, d) {
                    std::cmp::Ordering::Less => "behind",
                    std::cmp::Ordering::Equal => "same",
                    std::cmp::Ordering::Greater => "ahead",
                },
                (None, _) => "unknown",
                (Some(_), None) => "undeclared",
            };
            rows.push(VersionRow {
                system: s.id.clone(),
                name: s.name.clone(),
                running,
                declared: v.declared.clone(),
                state,
                error,
            });
        }
        Ok(rows)
    })?;
    if rows.is_empty() {
        return Err(Error::Message(
            "no system declares `version:`; add `version: { url | command, pattern, declared }` to the systems".into(),
        ));
    }
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
                    match r.state {
                        "same" => "一致",
                        "behind" => "落后",
                        "ahead" => "领先",
                        "undeclared" => "未声明",
                        _ => "未知",
                    }
                    .to_owned(),
                ]);
            }
            writeln!(out, "{t}")?;
            let behind: Vec<&str> = rows
                .iter()
                .filter(|r| r.state == "behind")
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
    // Behind is a finding (WARN); a version that could not be read is UNKNOWN.
    Ok(if rows.iter().any(|r| r.state == "unknown") {
        Status::Unknown
    } else if rows.iter().any(|r| r.state == "behind") {
        Status::Warn
    } else {
        Status::Ok
    })
}
