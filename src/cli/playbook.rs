//! `znode playbook list | show | run | drill | resume | log`.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::runbook::engine::{self, End, Engine, Person};
use crate::runbook::{Playbook, Step};
use crate::store::PlaybookState;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// The playbooks: shipped ones and those in the config's playbooks/ folder
    List,
    /// A playbook's phases and steps, with the commands its variables make
    Show(ShowArgs),
    /// Run a playbook; on a terminal it asks, unattended it stops where a person is needed
    Run(RunArgs),
    /// Run a playbook as a drill (演练): time per phase, an evaluation at the end
    Drill(DrillArgs),
    /// Continue a run that paused or was killed, at the step it stopped at
    Resume(ResumeArgs),
    /// A run's journal as a timeline, with the time spent per phase
    Log(LogArgs),
    /// Record what a drill or emergency run showed, for its summary report: scenario,
    /// participants and roles, problems of the plan, revisions decided
    Review(ReviewArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct ReviewArgs {
    /// Run id
    run: i64,
    /// The scenario as played (演练场景)
    #[arg(long)]
    scenario: Option<String>,
    /// A participant and their role: NAME=ROLE, e.g. 张三=指挥 (repeat for several)
    #[arg(long = "participant", value_name = "NAME=ROLE")]
    participants: Vec<String>,
    /// A problem or shortcoming of the plan found (预案问题与不足; repeat for several)
    #[arg(long = "finding")]
    findings: Vec<String>,
    /// A revision of the plan decided (预案修订; repeat for several)
    #[arg(long = "revision")]
    revisions: Vec<String>,
    /// Who records it
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct ShowArgs {
    /// Playbook id
    playbook: String,
    /// A variable: NAME=VALUE
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct Answers {
    /// Answer the confirmations of manual steps (never a destructive one)
    #[arg(short = 'y', long)]
    yes: bool,
    /// Confirm this destructive step in advance (repeat for several)
    #[arg(long = "confirm", value_name = "STEP")]
    confirm: Vec<String>,
    /// Answer a decision in advance: STEP=CHOICE
    #[arg(long = "answer", value_name = "STEP=CHOICE")]
    answer: Vec<String>,
    /// Who is running it (default: $USER)
    #[arg(
        long = "by",
        alias = "operator",
        env = "ZNODE_OPERATOR",
        value_name = "NAME"
    )]
    operator: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct DrillArgs {
    #[command(flatten)]
    run: RunArgs,
    /// The drill's evaluation, asked at the end on a terminal
    #[arg(long)]
    evaluation: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct RunArgs {
    /// Playbook id
    playbook: String,
    /// A variable: NAME=VALUE
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Walk the plan and print every step with its variables filled in; run nothing
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    answers: Answers,
}

#[derive(Debug, clap::Args)]
pub(super) struct ResumeArgs {
    /// Run id (from `znode playbook log` or the run's first line)
    run: i64,
    /// Whether the step the run stopped at had completed: `yes` records it as done (also for
    /// a step that failed or paused and was then carried out by hand), `no` runs it again
    #[arg(long, value_parser = ["yes", "no"])]
    completed: Option<String>,
    /// When the stopped step's command still runs (znode was killed), wait for it to end
    /// instead of refusing
    #[arg(long)]
    wait: bool,
    /// A drill's evaluation, asked at the end on a terminal (drills only)
    #[arg(long)]
    evaluation: Option<String>,
    #[command(flatten)]
    answers: Answers,
}

#[derive(Debug, clap::Args)]
pub(super) struct LogArgs {
    /// Run id; the newest runs when absent
    run: Option<i64>,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

/// Answers from flags, and from a person when stdin is a terminal.
struct Responder {
    flags: Answers,
    /// A drill's evaluation given on the command line.
    evaluation: Option<String>,
    completed: Option<bool>,
    interactive: bool,
}

impl Responder {
    fn ask(&self, prompt: &str) -> Option<String> {
        if !self.interactive {
            return None;
        }
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).ok()?;
        Some(line.trim().to_owned())
    }
}

impl Person for Responder {
    fn confirm(&mut self, step: &Step, instruction: &str) -> Option<String> {
        if self.flags.yes {
            return Some("已确认（无人值守运行）".into());
        }
        eprintln!("  ▶ {}：{instruction}", step.title);
        let a = self.ask("    完成后输入 y 确认（可附备注：y 备注）：")?;
        let (yes, comment) = a.split_once(' ').unwrap_or((&a, ""));
        matches!(yes, "y" | "Y" | "yes" | "是").then(|| comment.trim().to_owned())
    }

    fn confirm_destructive(&mut self, step: &Step, command: &str) -> Option<bool> {
        if self.flags.confirm.contains(&step.id) {
            return Some(true);
        }
        eprintln!("  ⚠ 破坏性操作 {}：{command}", step.title);
        let typed = self.ask(&format!(
            "    输入步骤 id `{}` 确认执行（其他输入取消）：",
            step.id
        ))?;
        Some(typed == step.id)
    }

    fn choose(&mut self, step: &Step, question: &str, choices: &[&str]) -> Option<String> {
        let given = self.flags.answer.iter().find_map(|a| {
            a.split_once('=')
                .filter(|(s, _)| *s == step.id)
                .map(|(_, c)| c.to_owned())
        });
        if given.is_some() {
            return given;
        }
        self.ask(&format!("  ? {question} [{}]：", choices.join("/")))
    }

    fn completed(&mut self, step: &Step) -> Option<bool> {
        if let Some(c) = self.completed {
            return Some(c);
        }
        let a = self.ask(&format!(
            "  上次中断时步骤 `{}`（{}）正在执行。它已完成吗？[y/n]：",
            step.id, step.title
        ))?;
        Some(matches!(a.as_str(), "y" | "Y" | "yes" | "是"))
    }

    fn progress(&mut self, line: &str) {
        eprintln!("{line}");
    }

    fn evaluate(&mut self) -> Option<String> {
        self.evaluation.clone().or_else(|| {
            self.ask("  演练评估（一句话，回车结束）：")
                .filter(|s| !s.is_empty())
        })
    }
}

pub(super) fn load(cx: &Context) -> Result<(crate::settings::Settings, Vec<Playbook>), Error> {
    let settings = cx.settings()?;
    let all = playbooks(&settings)?;
    Ok((settings, all))
}

/// The shipped playbooks and the node's, validated against its configuration.
pub(super) fn playbooks(settings: &crate::settings::Settings) -> Result<Vec<Playbook>, Error> {
    let all = crate::runbook::load_all(&settings.base_dir.join("playbooks"))?;
    let mut problems = crate::core::error::Problems::default();
    for p in &all {
        problems.extend(p.check_inline(settings));
    }
    if !problems.is_empty() {
        return Err(Error::Config(problems));
    }
    Ok(all)
}

pub(super) fn find<'a>(all: &'a [Playbook], id: &str) -> Result<&'a Playbook, Error> {
    all.iter().find(|p| p.id == id).ok_or_else(|| {
        let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        let hint = crate::core::yaml::did_you_mean(id, ids.iter().copied())
            .map(|m| format!(" (did you mean `{m}`?)"))
            .unwrap_or_default();
        Error::Message(format!(
            "no playbook `{id}`{hint}; see `znode playbook list`"
        ))
    })
}

pub(super) fn sets(raw: &[String]) -> Result<Vec<(String, String)>, Error> {
    raw.iter()
        .map(|s| {
            s.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
                .ok_or_else(|| Error::Message(format!("--set {s}: expected NAME=VALUE")))
        })
        .collect()
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::List => list(&cx),
        Command::Show(a) => show(&cx, a),
        Command::Run(a) => start(&cx, a, Mode::Run),
        Command::Drill(a) => start(&cx, a.run, Mode::Drill(a.evaluation)),
        Command::Resume(a) => resume(&cx, a),
        Command::Log(a) => log(&cx, a),
        Command::Review(a) => review(&cx, a),
    }
}

fn review(cx: &Context, a: ReviewArgs) -> Result<Status, Error> {
    use crate::record::{Detail, DrillReview, Participant};
    let participants = a
        .participants
        .iter()
        .map(|p| match p.split_once('=') {
            Some((name, role)) if !name.trim().is_empty() && !role.trim().is_empty() => {
                Ok(Participant {
                    name: name.trim().to_owned(),
                    role: role.trim().to_owned(),
                })
            }
            _ => Err(Error::Message(format!(
                "--participant `{p}`: write NAME=ROLE, e.g. 张三=指挥"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let review = DrillReview {
        scenario: a.scenario.filter(|s| !s.trim().is_empty()),
        participants,
        findings: a.findings,
        revisions: a.revisions,
    };
    if review == DrillReview::default() {
        return Err(Error::Message(
            "nothing to record: give --scenario, --participant, --finding or --revision".into(),
        ));
    }
    let settings = cx.settings()?;
    super::run_async(async {
        let store = crate::store::Store::open_existing(&settings.store_url).await?;
        let run = store.playbook_run(a.run).await?;
        let now = crate::core::clock::now_ms();
        let subject = run.id.to_string();
        let id = store
            .add_record(&crate::store::NewRecord {
                from: run.started_at,
                until: run.finished_at,
                subject: Some(&subject),
                title: &run.title,
                detail: &Detail::DrillReview(review),
                author: &super::operator(&a.by),
                at: now,
            })
            .await?;
        store.close().await;
        println!("run #{}: review recorded (record #{id})", run.id);
        Ok(Status::Ok)
    })
}

fn list(cx: &Context) -> Result<Status, Error> {
    let (_, all) = load(cx)?;
    let mut t = crate::report::new_table(cx.style);
    t.set_header(["ID", "预案", "级别", "适用系统", "步骤", "文件"]);
    for p in &all {
        t.add_row([
            p.id.clone(),
            p.title.clone(),
            p.severity.clone().unwrap_or_default(),
            p.systems.join(", "),
            p.steps.len().to_string(),
            p.file.display().to_string(),
        ]);
    }
    println!("{t}");
    Ok(Status::Ok)
}

fn show(cx: &Context, a: ShowArgs) -> Result<Status, Error> {
    let (_, all) = load(cx)?;
    let pb = find(&all, &a.playbook)?;
    let vars = pb.variables(&sets(&a.set)?).map_err(Error::Message)?;
    print_plan(pb, &vars, cx.style);
    Ok(Status::Ok)
}

fn print_plan(pb: &Playbook, vars: &BTreeMap<String, String>, style: crate::report::TableStyle) {
    println!(
        "{}（{}）级别：{}  角色：{}",
        pb.title,
        pb.id,
        pb.severity.as_deref().unwrap_or("-"),
        pb.roles.join("、")
    );
    if !vars.is_empty() {
        let v: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
        println!("变量：{}", v.join("  "));
    }
    let mut t = crate::report::new_table(style);
    t.set_header(["#", "阶段", "步骤", "类型", "内容", "成功后", "失败后"]);
    for (i, s) in pb.steps.iter().enumerate() {
        let next = s
            .next
            .clone()
            .unwrap_or_else(|| pb.steps.get(i + 1).map_or("end".into(), |n| n.id.clone()));
        t.add_row([
            (i + 1).to_string(),
            s.phase.clone().unwrap_or_default(),
            format!("{}\n{}", s.id, s.title),
            s.action.kind().to_owned(),
            engine::describe(s, vars),
            next,
            s.on_failure.clone().unwrap_or_else(|| "fail".into()),
        ]);
    }
    println!("{t}");
}

pub(super) fn operator(a: &Answers) -> String {
    super::operator(&a.operator)
}

fn start(cx: &Context, a: RunArgs, mode: Mode) -> Result<Status, Error> {
    let (settings, all) = load(cx)?;
    let pb = find(&all, &a.playbook)?.clone();
    let vars = pb.variables(&sets(&a.set)?).map_err(Error::Message)?;
    if a.dry_run {
        println!("演练计划（--dry-run：不执行任何命令）");
        print_plan(&pb, &vars, cx.style);
        return Ok(Status::Ok);
    }
    let catalog = crate::catalog::Catalog::load(&settings)?;
    super::run_async(async {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let (id, end) = execute(&settings, &catalog, &store, &pb, &vars, mode, a.answers).await?;
        let status = report(&store, id, &end).await;
        store.close().await;
        status
    })
}

/// How a playbook is run: for real, or as a drill, which ends with an evaluation.
pub(super) enum Mode {
    /// 处置.
    Run,
    /// 演练, with the evaluation given on the command line, if any.
    Drill(Option<String>),
}

impl Mode {
    /// The mode as the journal stores it.
    fn id(&self) -> &'static str {
        match self {
            Mode::Run => "run",
            Mode::Drill(_) => "drill",
        }
    }
}

/// Runs a playbook as a new journaled run; returns the run id and how it ended. Shared by
/// `playbook run|drill` and the executable steps of `sync`.
pub(super) async fn execute(
    settings: &crate::settings::Settings,
    catalog: &crate::catalog::Catalog,
    store: &crate::store::Store,
    pb: &Playbook,
    vars: &BTreeMap<String, String>,
    mode: Mode,
    answers: Answers,
) -> Result<(i64, End), Error> {
    let who = operator(&answers);
    let drill = matches!(mode, Mode::Drill(_));
    let mode_id = mode.id();
    let mut person = Responder {
        flags: answers,
        evaluation: match mode {
            Mode::Drill(e) => e,
            Mode::Run => None,
        },
        completed: None,
        interactive: std::io::stdin().is_terminal(),
    };
    let vjson = serde_json::to_string(vars).unwrap_or_default();
    let titles: BTreeMap<&str, &str> = pb
        .steps
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let tjson = serde_json::to_string(&titles).unwrap_or_default();
    let id = store
        .begin_playbook(&pb.id, &pb.title, mode_id, &who, &vjson, &tjson)
        .await?;
    eprintln!(
        "{} run #{id}: {}（{}）",
        if drill { "演练" } else { "预案执行" },
        pb.title,
        pb.id
    );
    let mut engine = Engine {
        settings,
        catalog,
        playbook: pb,
        store,
        operator: who,
        person: &mut person,
        progress: std::io::stderr().is_terminal(),
    };
    let end = engine.run(id, pb, vars, None).await?;
    Ok((id, end))
}

/// Says how a run ended, and what its notify steps could not send; the status to exit with.
pub(super) async fn report(
    store: &crate::store::Store,
    id: i64,
    end: &End,
) -> Result<Status, Error> {
    let prefix = format!("{} ", engine::outbox_source(id));
    let unsent: Vec<_> = store
        .queued_messages()
        .await?
        .into_iter()
        .filter(|m| m.source.starts_with(&prefix))
        .collect();
    for m in &unsent {
        eprintln!(
            "warning: notification #{} to `{}` ({}) was not sent: {}",
            m.id,
            m.channel,
            m.source.trim_start_matches(&prefix),
            m.last_error
                .as_deref()
                .unwrap_or("no such channel is declared under notify.channels")
        );
    }
    if !unsent.is_empty() {
        eprintln!(
            "  they wait in the outbox: fix the channels, then `znode notify flush` (or `znode notify drop ID`)"
        );
    }
    Ok(match end {
        End::Finished if unsent.is_empty() => {
            eprintln!("run #{id} finished");
            Status::Ok
        }
        End::Finished => {
            eprintln!(
                "run #{id} finished, {} notification(s) not sent",
                unsent.len()
            );
            Status::Warn
        }
        End::Failed(r) => {
            eprintln!("run #{id} failed: {r}");
            Status::Crit
        }
        End::Paused(step, r, hint) => {
            let how = if hint.is_empty() {
                String::new()
            } else {
                format!(" ({hint})")
            };
            eprintln!(
                "run #{id} paused at `{step}`: {r}{how}\n  continue with: znode playbook resume {id} ..."
            );
            Status::Unknown
        }
    })
}

fn resume(cx: &Context, a: ResumeArgs) -> Result<Status, Error> {
    let (settings, all) = load(cx)?;
    let catalog = crate::catalog::Catalog::load(&settings)?;
    let who = operator(&a.answers);
    let told = a.completed.as_deref().map(|c| c == "yes");
    let mut person = Responder {
        flags: a.answers,
        evaluation: a.evaluation,
        completed: told,
        interactive: std::io::stdin().is_terminal(),
    };
    super::run_async(async {
        let store = crate::store::Store::open_existing(&settings.store_url).await?;
        let run = store.playbook_run(a.run).await?;
        if run.state == PlaybookState::Finished {
            return Err(Error::Message(format!("run #{} is finished", run.id)));
        }
        let pb = find(&all, &run.playbook)?.clone();
        let vars: BTreeMap<String, String> =
            serde_json::from_str(&run.variables).unwrap_or_default();
        let events = store.playbook_events(run.id).await?;
        // A step whose command outlived znode must not start a second time beside it.
        if let Some((step, pgid)) = engine::unfinished_command(&events) {
            let members = crate::core::process::group_members(pgid);
            if !members.is_empty() && !a.wait {
                let pids: Vec<String> = members.iter().map(i32::to_string).collect();
                return Err(Error::Message(format!(
                    "step `{step}` of run #{} is still running as process group {pgid} (pid {}); \
                     wait for it with --wait, or stop it (kill -TERM -{pgid}), then resume and say whether it completed with --completed yes|no",
                    run.id,
                    pids.join(", ")
                )));
            }
            if !members.is_empty() {
                eprintln!("waiting for step `{step}`: process group {pgid} is still running …");
                while crate::core::process::group_alive(pgid) {
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                }
            }
        }
        let (from, interrupted) = engine::resume_point(&pb, &events);
        store
            .set_playbook_state(run.id, PlaybookState::Running, None)
            .await?;
        store
            .journal(
                run.id,
                None,
                None,
                "resume",
                &who,
                None,
                &format!("resumed at {}", from.as_deref().unwrap_or("end")),
            )
            .await?;
        let mut from = from;
        // Asked of a step cut off while it ran; told (never asked) of one that failed or paused.
        if (interrupted || told.is_some())
            && let Some(id) = from.clone()
        {
            let step = pb
                .step(&id)
                .ok_or_else(|| Error::Message(format!("no step `{id}`")))?;
            match person.completed(step) {
                Some(true) => {
                    // Completed before the process died: record it and go on; it is never run again.
                    let index = pb.index(&id).unwrap_or(0);
                    let next = step
                        .next
                        .clone()
                        .or_else(|| pb.steps.get(index + 1).map(|s| s.id.clone()));
                    store
                        .journal(
                            run.id,
                            Some(&id),
                            step.phase.as_deref(),
                            "finish",
                            &who,
                            next.as_deref().or(Some("end")),
                            if interrupted {
                                "completed before the interruption (confirmed on resume)"
                            } else {
                                "completed outside znode (confirmed on resume)"
                            },
                        )
                        .await?;
                    from = next;
                }
                Some(false) => {}
                None => {
                    store
                        .set_playbook_state(run.id, PlaybookState::Paused, None)
                        .await?;
                    return Err(Error::Message(format!(
                        "step `{id}` was running when run #{} stopped: say whether it completed with --completed yes|no",
                        run.id
                    )));
                }
            }
        }
        let mut engine = Engine {
            settings: &settings,
            catalog: &catalog,
            playbook: &pb,
            store: &store,
            operator: who.clone(),
            person: &mut person,
            progress: std::io::stderr().is_terminal(),
        };
        let end = match from {
            Some(f) => engine.run(run.id, &pb, &vars, Some(f)).await?,
            None => {
                store
                    .set_playbook_state(run.id, PlaybookState::Finished, None)
                    .await?;
                End::Finished
            }
        };
        let status = report(&store, run.id, &end).await;
        store.close().await;
        status
    })
}

fn log(cx: &Context, a: LogArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    let when = |ms: i64| crate::core::clock::local_time(ms, tz, "%Y-%m-%d %H:%M:%S");
    super::run_async(async {
        let store = crate::store::Store::open_existing(&settings.store_url).await?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let Some(id) = a.run else {
            let runs = store.playbook_runs(20).await?;
            let mut t = crate::report::new_table(cx.style);
            t.set_header(["运行", "预案", "方式", "状态", "开始", "结束", "执行人"]);
            for r in runs {
                t.add_row([
                    r.id.to_string(),
                    r.title.clone(),
                    if r.mode == "drill" {
                        "演练".into()
                    } else {
                        "执行".into()
                    },
                    r.state.zh().to_owned(),
                    when(r.started_at),
                    r.finished_at.map(when).unwrap_or_default(),
                    r.operator.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
            return Ok(Status::Ok);
        };
        let run = store.playbook_run(id).await?;
        let events = store.playbook_events(id).await?;
        let titles = store.playbook_step_titles(id).await?;
        let end = run
            .finished_at
            .or(events.last().map(|e| e.at))
            .unwrap_or(run.started_at);
        let phases = engine::phase_durations(&events, end);
        match a.format {
            super::logs::ListFormat::Json => {
                serde_json::to_writer_pretty(
                    &mut out,
                    &serde_json::json!({
                        "schema": "znode.playbook-journal/v1",
                        "run": run,
                        "phases": phases.iter().map(|(p, ms)| serde_json::json!({"phase": p, "ms": ms})).collect::<Vec<_>>(),
                        "step_titles": titles,
                        "events": events,
                    }),
                )
                .map_err(|e| Error::Message(e.to_string()))?;
                writeln!(out)?;
            }
            super::logs::ListFormat::Table => {
                writeln!(
                    out,
                    "{} #{} · {}（{}）· {} · 执行人 {}",
                    if run.mode == "drill" {
                        "演练"
                    } else {
                        "预案执行"
                    },
                    run.id,
                    run.title,
                    run.playbook,
                    run.state.zh(),
                    run.operator
                )?;
                let mut t = crate::report::new_table(cx.style);
                t.set_header(["时间", "阶段", "步骤", "事件", "人员", "内容"]);
                for e in &events {
                    let detail: String = e.detail.chars().take(300).collect();
                    t.add_row([
                        when(e.at),
                        e.phase.clone().unwrap_or_default(),
                        // The id is what `--confirm`/`--answer` take; the title what it is.
                        e.step
                            .as_deref()
                            .map(|x| match titles.get(x) {
                                Some(t) => format!("{x} {t}"),
                                None => x.to_owned(),
                            })
                            .unwrap_or_default(),
                        crate::report::special::event_zh(&e.event).to_owned(),
                        e.operator.clone(),
                        detail,
                    ]);
                }
                writeln!(out, "{t}")?;
                for (p, ms) in &phases {
                    let s = ms / 1000;
                    writeln!(out, "{p}：{} 分 {:02} 秒", s / 60, s % 60)?;
                }
                if let Some(ev) = &run.evaluation {
                    writeln!(out, "演练评估：{ev}")?;
                }
            }
        }
        out.flush()?;
        Ok(Status::Ok)
    })
}
