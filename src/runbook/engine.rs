//! The step engine: runs a playbook step by step, writing the journal before each move.
//!
//! Per step the journal gets `start` (with the rendered command or instruction), then what
//! happened (`confirm`, `decision`, `output`), then `finish` with the step it leads to, `fail`
//! with the reason, or `pause` when a person is needed and none is at hand. Resuming reads the
//! journal back: after a `finish` it goes on at the recorded next step; after a `start` with
//! nothing behind it (the process was killed there) it asks whether the step completed, and a
//! destructive step said to be completed is never run again.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;

use super::{Action, Playbook, Run, Step, render};
use crate::catalog::Catalog;
use crate::core::outcome::Status;
use crate::outbox::Delivery;
use crate::settings::Settings;
use crate::store::{PlaybookState, Store, StoreError};

/// Who answers the engine's questions: a person at a terminal, or the flags of an unattended
/// run. `None` means nobody can answer now: the run pauses there.
pub trait Person {
    /// A manual step is done; returns a comment (possibly empty).
    fn confirm(&mut self, step: &Step, instruction: &str) -> Option<String>;
    /// A destructive command may run (a typed confirmation).
    fn confirm_destructive(&mut self, step: &Step, command: &str) -> Option<bool>;
    /// The answer to a decision.
    fn choose(&mut self, step: &Step, question: &str, choices: &[&str]) -> Option<String>;
    /// Whether a step that was running when the process died had completed.
    fn completed(&mut self, step: &Step) -> Option<bool>;
    /// A drill's evaluation.
    fn evaluate(&mut self) -> Option<String>;
    /// Shows where the run is (on a terminal).
    fn progress(&mut self, line: &str);
}

/// How a run ended (for now).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    /// Every step done.
    Finished,
    /// A step failed with nowhere to go.
    Failed(String),
    /// Waiting for a person at this step: why (as the journal has it), and how to go on
    /// (the flags of `playbook resume`, for the terminal only).
    Paused(String, String, String),
}

/// What the engine needs around it.
pub struct Engine<'a> {
    /// The configuration (targets for inline checks, backup policies).
    pub settings: &'a Settings,
    /// The check pack, for `check` and `wait` steps.
    pub catalog: &'a Catalog,
    /// The playbook being run (for its inline probes).
    pub playbook: &'a Playbook,
    /// The journal.
    pub store: &'a Store,
    /// Who is running it.
    pub operator: String,
    /// Who answers.
    pub person: &'a mut dyn Person,
    /// Report progress to the person (a terminal is watching).
    pub progress: bool,
}

enum StepEnd {
    Done {
        next: Option<String>,
        detail: String,
    },
    Failed(String),
    NeedsPerson {
        /// What is awaited, in the journal's words.
        why: String,
        /// How to give it on the command line.
        hint: String,
    },
    /// A signal stopped the step (and was passed on to its command).
    Interrupted(String),
}

/// The signals that stop a run: SIGINT (Ctrl-C), SIGTERM, SIGHUP (the terminal went away).
/// Listening to them replaces their default action for the rest of the process, so the run
/// must end itself when one arrives.
#[derive(Clone)]
struct Interrupts(tokio::sync::watch::Receiver<Option<Signal>>);

impl Interrupts {
    /// Starts listening. Where a handler cannot be installed, the signal keeps its default
    /// action (it ends znode) and nothing arrives here.
    fn listen() -> Interrupts {
        use tokio::signal::unix::{SignalKind, signal};
        let (tx, rx) = tokio::sync::watch::channel(None);
        let (Ok(mut int), Ok(mut term), Ok(mut hup)) = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
        ) else {
            return Interrupts(rx);
        };
        tokio::spawn(async move {
            loop {
                let got = tokio::select! {
                    _ = int.recv() => Signal::SIGINT,
                    _ = term.recv() => Signal::SIGTERM,
                    _ = hup.recv() => Signal::SIGHUP,
                };
                if tx.send(Some(got)).is_err() {
                    break;
                }
            }
        });
        Interrupts(rx)
    }

    /// The signal received so far, if any.
    fn received(&self) -> Option<Signal> {
        *self.0.borrow()
    }

    /// Waits for a signal.
    async fn next(&mut self) -> Signal {
        loop {
            if let Some(s) = *self.0.borrow_and_update() {
                return s;
            }
            if self.0.changed().await.is_err() {
                // The listener is gone; nothing will arrive.
                std::future::pending::<()>().await;
            }
        }
    }
}

/// How long a command may take to stop after a forwarded signal before it is killed.
const STOP_GRACE: Duration = Duration::from_secs(10);

/// Output kept in the journal per stream.
const JOURNAL_OUTPUT: usize = 8 * 1024;

/// How a step's command is run.
#[derive(Clone, Copy)]
struct How<'a> {
    /// Time it may take.
    limit: Duration,
    /// Exit codes that mean success (empty: 0).
    expect: &'a [i32],
    /// Keep what it leaves running.
    detach: bool,
}

impl Engine<'_> {
    async fn log(
        &self,
        run: i64,
        step: Option<&Step>,
        event: &str,
        next: Option<&str>,
        detail: &str,
    ) -> Result<(), StoreError> {
        let mut detail = detail.to_owned();
        for s in self.settings.secrets() {
            detail = s.redact(&detail);
        }
        self.store
            .journal(
                run,
                step.map(|s| s.id.as_str()),
                step.and_then(|s| s.phase.as_deref()),
                event,
                &self.operator,
                next,
                &detail,
            )
            .await
            .map(|_| ())
    }

    /// Runs from `from` (the first step when `None`) until the end, a failure or a pause.
    pub async fn run(
        &mut self,
        run: i64,
        pb: &Playbook,
        vars: &BTreeMap<String, String>,
        from: Option<String>,
    ) -> Result<End, StoreError> {
        let started = Instant::now();
        let interrupts = Interrupts::listen();
        let mut cursor = from.or_else(|| pb.steps.first().map(|s| s.id.clone()));
        while let Some(id) = cursor.take() {
            let Some(step) = pb.step(&id) else {
                return self.end(run, End::Failed(format!("没有步骤 {id}"))).await;
            };
            if let Some(s) = interrupts.received() {
                let reason = format!("步骤“{}”开始前收到 {}，已停止", step.title, s.as_str());
                self.log(run, None, "interrupt", None, &reason).await?;
                return self.end(run, End::Paused(id, reason, String::new())).await;
            }
            let index = pb.index(&id).unwrap_or(0);
            if self.progress {
                let after = match (&step.action, step.next.as_deref()) {
                    (Action::Decision { .. }, _) => "视回答而定",
                    (Action::Check { on, .. }, _) if !on.is_empty() => "视检查结果而定",
                    (_, Some("end")) => "结束",
                    (_, Some(n)) if n != "next" => n,
                    _ => pb
                        .steps
                        .get(index + 1)
                        .map(|s| s.id.as_str())
                        .unwrap_or("结束"),
                };
                self.person.progress(&format!(
                    "【{}】{}/{} {} {}  +{}  → {after}",
                    step.phase.as_deref().unwrap_or("-"),
                    index + 1,
                    pb.steps.len(),
                    step.id,
                    step.title,
                    clock(started.elapsed())
                ));
            }
            let shown = describe(step, vars);
            self.log(run, Some(step), "start", None, &shown).await?;
            // A command hears of a signal itself and passes it on; other steps are dropped.
            let outcome = if step.action.runs_a_command() {
                self.execute(run, step, vars, interrupts.clone()).await?
            } else {
                let mut watch = interrupts.clone();
                tokio::select! {
                    r = self.execute(run, step, vars, interrupts.clone()) => r?,
                    s = watch.next() => StepEnd::Interrupted(format!("收到 {}，已停止", s.as_str())),
                }
            };
            match outcome {
                StepEnd::Done { next, detail } => {
                    let target = next
                        .or_else(|| step.next.clone())
                        .unwrap_or_else(|| "next".into());
                    let resolved = resolve(pb, index, &target);
                    self.log(
                        run,
                        Some(step),
                        "finish",
                        resolved.as_deref().or(Some(&*target)),
                        &detail,
                    )
                    .await?;
                    match (target.as_str(), resolved) {
                        ("fail", _) => {
                            return self
                                .end(
                                    run,
                                    End::Failed(format!("步骤“{}”按预案转入失败", step.title)),
                                )
                                .await;
                        }
                        (_, Some(n)) => cursor = Some(n),
                        (_, None) => {}
                    }
                }
                StepEnd::Failed(reason) => {
                    self.log(run, Some(step), "fail", None, &reason).await?;
                    if self.progress {
                        self.person.progress(&format!("  ✗ {reason}"));
                    }
                    match step.on_failure.as_deref() {
                        Some("fail") | None => {
                            return self
                                .end(run, End::Failed(format!("{}：{reason}", step.title)))
                                .await;
                        }
                        Some(t) => cursor = resolve(pb, index, t),
                    }
                }
                StepEnd::NeedsPerson { why, hint } => {
                    self.log(run, Some(step), "pause", None, &why).await?;
                    return self.end(run, End::Paused(step.id.clone(), why, hint)).await;
                }
                StepEnd::Interrupted(reason) => {
                    self.log(run, Some(step), "interrupt", None, &reason)
                        .await?;
                    return self
                        .end(run, End::Paused(step.id.clone(), reason, String::new()))
                        .await;
                }
            }
        }
        self.end(run, End::Finished).await
    }

    async fn end(&mut self, run: i64, end: End) -> Result<End, StoreError> {
        let state = match &end {
            End::Finished => PlaybookState::Finished,
            End::Failed(_) => PlaybookState::Failed,
            End::Paused(..) => PlaybookState::Paused,
        };
        let evaluation =
            if end == End::Finished && self.store.playbook_run(run).await?.mode == "drill" {
                self.person.evaluate()
            } else {
                None
            };
        if end != End::Finished || evaluation.is_some() {
            let detail = match &end {
                End::Failed(r) => r.clone(),
                End::Paused(s, r, _) => format!(
                    "{}：{r}",
                    self.playbook
                        .step(s)
                        .map_or(s.as_str(), |x| x.title.as_str())
                ),
                End::Finished => evaluation.clone().unwrap_or_default(),
            };
            let ev = if evaluation.is_some() {
                "evaluation"
            } else {
                "end"
            };
            self.log(run, None, ev, None, &detail).await?;
        }
        self.store
            .set_playbook_state(run, state, evaluation.as_deref())
            .await?;
        Ok(end)
    }

    async fn execute(
        &mut self,
        run: i64,
        step: &Step,
        vars: &BTreeMap<String, String>,
        interrupts: Interrupts,
    ) -> Result<StepEnd, StoreError> {
        let r = |t: &str| render(t, vars).unwrap_or_else(|e| e);
        match &step.action {
            Action::Manual { instruction } => self.manual(run, step, &r(instruction)).await,
            Action::Command {
                run: cmd,
                shell,
                timeout,
                expect_exit,
                destructive,
                detach,
            } => {
                let argv = argv(cmd, *shell, vars);
                if *destructive
                    && let Some(refused) = self.confirm_destructive(run, step, &argv).await?
                {
                    return Ok(refused);
                }
                let limit = timeout.unwrap_or(Duration::from_secs(300));
                let how = How {
                    limit,
                    expect: expect_exit,
                    detach: *detach,
                };
                self.command(run, step, &argv, how, interrupts).await
            }
            Action::Check { checks, on, .. } => {
                let ids: Vec<String> = checks.iter().map(|c| r(c)).collect();
                Ok(self.check(step, &ids, on).await)
            }
            Action::Backup {
                policy,
                run: cmd,
                min_rung,
            } => {
                if let Some(c) = cmd {
                    let argv = argv(c, matches!(c, Run::Line(_)), vars);
                    let how = How {
                        limit: Duration::from_secs(3600),
                        expect: &[],
                        detach: false,
                    };
                    match self.command(run, step, &argv, how, interrupts).await? {
                        StepEnd::Failed(why) => {
                            return Ok(StepEnd::Failed(format!("备份命令失败：{why}")));
                        }
                        stopped @ StepEnd::Interrupted(_) => return Ok(stopped),
                        _ => {}
                    }
                }
                Ok(self.verify_backup(policy, min_rung.unwrap_or(5)).0)
            }
            Action::Restore {
                policy,
                min_rung,
                run: cmd,
                shell,
                timeout,
            } => {
                let backup = match self.verify_backup(policy, min_rung.unwrap_or(6)) {
                    (StepEnd::Done { detail, .. }, Some(path)) => {
                        self.log(run, Some(step), "note", None, &detail).await?;
                        path
                    }
                    (failed, _) => return Ok(failed),
                };
                let mut with_backup = vars.clone();
                with_backup.insert(super::RESTORED.to_owned(), backup);
                let argv = argv(cmd, *shell, &with_backup);
                if let Some(refused) = self.confirm_destructive(run, step, &argv).await? {
                    return Ok(refused);
                }
                let how = How {
                    limit: timeout.unwrap_or(Duration::from_secs(2 * 3600)),
                    expect: &[],
                    detach: false,
                };
                self.command(run, step, &argv, how, interrupts).await
            }
            Action::Notify { channels, message } => {
                self.notify(run, step, channels, &r(message)).await
            }
            Action::Wait {
                duration,
                until,
                interval,
            } => {
                let until: Vec<String> = until.iter().map(|c| r(c)).collect();
                Ok(self.wait(*duration, &until, *interval).await)
            }
            Action::Decision { question, choices } => {
                self.decision(run, step, &r(question), choices).await
            }
        }
    }

    /// A person does it and confirms.
    async fn manual(
        &mut self,
        run: i64,
        step: &Step,
        instruction: &str,
    ) -> Result<StepEnd, StoreError> {
        Ok(match self.person.confirm(step, instruction) {
            Some(comment) => {
                self.log(run, Some(step), "confirm", None, &comment).await?;
                StepEnd::Done {
                    next: None,
                    detail: comment,
                }
            }
            None => StepEnd::NeedsPerson {
                why: "人工步骤等待确认".into(),
                hint: "run it on a terminal, or pass --yes".into(),
            },
        })
    }

    /// A destructive command runs only once a person typed its step id: `None` when confirmed
    /// (and journaled), else how the step ends.
    async fn confirm_destructive(
        &mut self,
        run: i64,
        step: &Step,
        argv: &[String],
    ) -> Result<Option<StepEnd>, StoreError> {
        Ok(
            match self.person.confirm_destructive(step, &argv.join(" ")) {
                Some(true) => {
                    self.log(run, Some(step), "confirm", None, "破坏性步骤已确认")
                        .await?;
                    None
                }
                Some(false) => Some(StepEnd::Failed("破坏性步骤未获确认".into())),
                None => Some(StepEnd::NeedsPerson {
                    why: "破坏性步骤等待确认".into(),
                    hint: format!("confirm it on a terminal or with --confirm {}", step.id),
                }),
            },
        )
    }

    /// Checks from the pack, or the step's inline probe; the worst status picks the next step.
    async fn check(
        &mut self,
        step: &Step,
        ids: &[String],
        on: &BTreeMap<String, super::Target>,
    ) -> StepEnd {
        let (worst, detail) = match self.playbook.inline_check(step, self.settings) {
            Some(Ok(spec)) => {
                let o = crate::runner::run_check(
                    self.settings,
                    &spec,
                    &crate::probe::Shared::default(),
                    None,
                    None,
                )
                .await;
                (
                    o.effective_status(),
                    format!("{} {}：{}", step.id, o.effective_status().zh(), o.summary),
                )
            }
            Some(Err(list)) => (
                Status::Unknown,
                list.iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            None => self.checks(ids).await,
        };
        match on.get(worst.as_str()) {
            Some(t) => StepEnd::Done {
                next: Some(t.clone()),
                detail,
            },
            None if worst == Status::Ok => StepEnd::Done { next: None, detail },
            None => StepEnd::Failed(detail),
        }
    }

    /// Posts the message to each channel (the `journal` when none is named): sent at once where
    /// a channel is configured; otherwise, or when the send fails, it stays queued for
    /// `znode notify flush`.
    async fn notify(
        &mut self,
        run: i64,
        step: &Step,
        channels: &[String],
        text: &str,
    ) -> Result<StepEnd, StoreError> {
        if channels.is_empty() {
            // Nothing to send: the message is kept in the journal only.
            self.log(run, Some(step), "note", None, &format!("记录：{text}"))
                .await?;
            return Ok(StepEnd::Done {
                next: None,
                detail: "仅记入执行记录（步骤未指定通知渠道）".into(),
            });
        }
        let source = format!("{} {}", outbox_source(run), step.id);
        let channels: Vec<&str> = channels.iter().map(String::as_str).collect();
        let outbox = crate::outbox::Outbox::new(
            self.store,
            &self.settings.notify,
            &self.settings.node,
            self.settings.defaults.timeout,
        );
        let mut results = Vec::new();
        for c in &channels {
            let post = crate::outbox::Post {
                channel: c,
                source: &source,
                message: crate::notify::Outgoing {
                    title: &step.title,
                    text,
                    html: None,
                    attachment: None,
                },
            };
            results.push(match outbox.post(&post).await?.1 {
                Delivery::Sent => format!("{c}：已发送"),
                Delivery::NoChannel => {
                    format!("{c}：未发送，未配置该通知渠道，消息在待发队列中")
                }
                Delivery::Failed(e) => format!("{c}：发送失败，已排队重发（{e}）"),
            });
        }
        self.log(
            run,
            Some(step),
            "note",
            None,
            &format!("通知 {}：{text}", channels.join("、")),
        )
        .await?;
        Ok(StepEnd::Done {
            next: None,
            detail: results.join("；"),
        })
    }

    /// Waits a time, or until the checks `until` all pass (at most `duration`).
    async fn wait(
        &mut self,
        duration: Option<Duration>,
        until: &[String],
        interval: Option<Duration>,
    ) -> StepEnd {
        if until.is_empty() {
            let d = duration.unwrap_or(Duration::from_secs(60));
            tokio::time::sleep(d).await;
            return StepEnd::Done {
                next: None,
                detail: format!("已等待 {}", crate::core::text::duration(d).zh),
            };
        }
        let limit = duration.unwrap_or(Duration::from_secs(600));
        let every = interval.unwrap_or(Duration::from_secs(5));
        let start = Instant::now();
        loop {
            let (worst, detail) = self.checks(until).await;
            if worst == Status::Ok {
                break StepEnd::Done {
                    next: None,
                    detail: format!(
                        "{}后检查通过：{detail}",
                        crate::core::text::duration(start.elapsed()).zh
                    ),
                };
            }
            if start.elapsed() + every > limit {
                break StepEnd::Failed(format!(
                    "等待 {} 后检查仍未通过：{detail}",
                    crate::core::text::duration(limit).zh
                ));
            }
            tokio::time::sleep(every).await;
        }
    }

    /// A person picks an answer; the answer picks the next step.
    async fn decision(
        &mut self,
        run: i64,
        step: &Step,
        question: &str,
        choices: &BTreeMap<String, super::Target>,
    ) -> Result<StepEnd, StoreError> {
        let names: Vec<&str> = choices.keys().map(String::as_str).collect();
        Ok(match self.person.choose(step, question, &names) {
            Some(a) if choices.contains_key(&a) => {
                self.log(run, Some(step), "decision", None, &a).await?;
                StepEnd::Done {
                    next: choices.get(&a).cloned(),
                    detail: a,
                }
            }
            Some(a) => StepEnd::Failed(format!("“{a}”不是可选项之一：{}", names.join("、"))),
            None => StepEnd::NeedsPerson {
                why: format!("等待决策（{}：{}）", step.id, names.join("、")),
                hint: format!("pass --answer {}=<{}>", step.id, names.join("|")),
            },
        })
    }

    /// Runs a step's command in a process group of its own, recorded in the journal so that
    /// a later resume can tell whether it still runs. A signal to znode is passed on to the
    /// group, which gets [`STOP_GRACE`] to stop before it is killed.
    async fn command(
        &self,
        run: i64,
        step: &Step,
        argv: &[String],
        how: How<'_>,
        mut interrupts: Interrupts,
    ) -> Result<StepEnd, StoreError> {
        // Commands see the node's timezone, so that a `date` in a backup's file name dates it
        // as the backup ladder will read it.
        let tz = self.settings.timezone.name();
        if let Some(s) = interrupts.received() {
            return Ok(StepEnd::Interrupted(format!(
                "命令开始前收到 {}，已停止",
                s.as_str()
            )));
        }
        // Held until its process group is in the journal: a command never runs unrecorded.
        let mut child = match crate::core::process::spawn_held(argv, None, &[("TZ", tz)]) {
            Ok(c) => c,
            Err(e) => return Ok(StepEnd::Failed(e)),
        };
        self.store
            .journal_spawn(
                run,
                &step.id,
                step.phase.as_deref(),
                &self.operator,
                child.pgid(),
            )
            .await?;
        if let Err(e) = child.release().await {
            return Ok(StepEnd::Failed(e));
        }
        let waited = {
            let waited = tokio::time::timeout(how.limit, child.wait());
            tokio::pin!(waited);
            tokio::select! {
                r = &mut waited => Ok(r),
                s = interrupts.next() => Err(s),
            }
        };
        let ran = match waited {
            Ok(Err(_)) => {
                return Ok(StepEnd::Failed(format!(
                    "超时：{} 内未结束",
                    crate::core::text::duration(how.limit).zh
                )));
            }
            Ok(Ok(Err(e))) => return Ok(StepEnd::Failed(e)),
            Ok(Ok(Ok(r))) => r,
            Err(signal) => {
                child.signal(signal);
                let stopped = tokio::time::timeout(STOP_GRACE, child.wait()).await;
                let account = match stopped {
                    Ok(Ok(r)) => format!(
                        "已将 {} 转给进程组 {}；命令在 {:.1} 秒后退出，退出码 {}",
                        signal.as_str(),
                        child.pgid(),
                        r.elapsed.as_secs_f64(),
                        r.code
                    ),
                    _ => format!(
                        "已将 {} 转给进程组 {}；命令 {} 秒内未停止，已强制结束",
                        signal.as_str(),
                        child.pgid(),
                        STOP_GRACE.as_secs()
                    ),
                };
                // Dropping the handle kills what is left of the group.
                drop(child);
                return Ok(StepEnd::Interrupted(account));
            }
        };
        let clip = |s: &str| -> String {
            match s.char_indices().nth(JOURNAL_OUTPUT) {
                Some((i, _)) => format!("{}…", &s[..i]),
                None => s.to_owned(),
            }
        };
        let mut output = format!(
            "退出码 {}，用时 {:.1} 秒",
            ran.code,
            ran.elapsed.as_secs_f64()
        );
        if ran.left_running {
            if how.detach {
                child.detach();
                output.push_str(&format!(
                    "；后台进程保留在进程组 {}（detach）",
                    child.pgid()
                ));
            } else {
                output.push_str(&format!(
                    "；遗留在进程组 {} 中的后台进程已停止（需保留时设 detach: true）",
                    child.pgid()
                ));
            }
        }
        for (name, text) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
            if !text.trim().is_empty() {
                output.push_str(&format!("\n--- {name}\n{}", clip(text.trim_end())));
            }
        }
        self.log(run, Some(step), "output", None, &output).await?;
        let ok = if how.expect.is_empty() {
            ran.code == 0
        } else {
            how.expect.contains(&ran.code)
        };
        Ok(if ok {
            StepEnd::Done {
                next: None,
                detail: format!("退出码 {}", ran.code),
            }
        } else {
            let first = ran
                .stderr
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            StepEnd::Failed(format!("退出码 {} {first}", ran.code).trim().to_owned())
        })
    }

    /// Runs pack checks by id; the worst status and a one-line account.
    async fn checks(&self, ids: &[String]) -> (Status, String) {
        let shared = crate::probe::Shared::default();
        let mut worst = Status::Ok;
        let mut lines = Vec::new();
        for id in ids {
            let Some(spec) = self.catalog.get(id) else {
                worst = worst.max(Status::Unknown);
                lines.push(format!("{id}：没有这个检查项"));
                continue;
            };
            let o = crate::runner::run_check(self.settings, spec, &shared, None, None).await;
            worst = worst.max(o.effective_status());
            lines.push(format!("{id} {}：{}", o.effective_status().zh(), o.summary));
        }
        (worst, lines.join("；"))
    }

    /// Verifies the newest backup of a policy up the ladder: how the step ends, and the file
    /// when it reached `min_rung`.
    fn verify_backup(&self, policy: &str, min_rung: u8) -> (StepEnd, Option<String>) {
        let Some(p) = self.settings.backups.policy(policy) else {
            return (StepEnd::Failed(format!("没有备份策略 {policy}")), None);
        };
        let backups = match p.discover(&self.settings.base_dir, self.settings.timezone) {
            Ok(b) => b,
            Err(e) => return (StepEnd::Failed(e), None),
        };
        let options = crate::backup::ladder::Options {
            now: crate::core::clock::now_ms(),
            tz: self.settings.timezone,
            all: false,
            threads: 2,
            tool_timeout: Duration::from_secs(600),
            first_seen: None,
        };
        let climb = crate::backup::ladder::climb(p, &backups, &options);
        let why: Vec<String> = climb
            .steps
            .iter()
            .filter_map(|s| s.failure.as_ref().map(|f| f.1.zh.clone()))
            .collect();
        let newest = backups
            .last()
            .map(|b| b.path.display().to_string())
            .unwrap_or_default();
        if climb.reached >= min_rung {
            let detail = format!("备份 {newest} 验证到第 {} 级", climb.reached);
            (StepEnd::Done { next: None, detail }, Some(newest))
        } else {
            let why = format!(
                "备份只验证到第 {} 级（要求第 {min_rung} 级）：{}",
                climb.reached,
                why.join("；")
            );
            (StepEnd::Failed(why), None)
        }
    }
}

/// The step a target names, seen from the step at `index`: `next` is the following one, `end`
/// and `fail` end the run (`None`).
fn resolve(pb: &Playbook, index: usize, target: &str) -> Option<String> {
    match target {
        "next" => pb.steps.get(index + 1).map(|s| s.id.clone()),
        "end" | "fail" => None,
        id => Some(id.to_owned()),
    }
}

fn argv(run: &Run, shell: bool, vars: &BTreeMap<String, String>) -> Vec<String> {
    let r = |t: &str| render(t, vars).unwrap_or_else(|e| e);
    match run {
        Run::Line(l) if shell => vec!["/bin/sh".into(), "-c".into(), r(l)],
        Run::Line(l) => l.split_whitespace().map(r).collect(),
        Run::Argv(v) => v.iter().map(|a| r(a)).collect(),
    }
}

/// What a step will do, with the variables filled in (the journal's `start`, and dry runs).
pub fn describe(step: &Step, vars: &BTreeMap<String, String>) -> String {
    let r = |t: &str| render(t, vars).unwrap_or_else(|e| e);
    match &step.action {
        Action::Manual { instruction } => r(instruction),
        Action::Command {
            run,
            shell,
            destructive,
            ..
        } => {
            format!(
                "{}{}",
                if *destructive { "[破坏性] " } else { "" },
                argv(run, *shell, vars).join(" ")
            )
        }
        Action::Check {
            checks,
            on,
            probe,
            target,
        } => {
            let branches: Vec<String> = on
                .iter()
                .map(|(k, v)| {
                    let when = Status::parse(k).map_or_else(|| k.clone(), |s| s.zh().to_owned());
                    format!("{when}→{v}")
                })
                .collect();
            let what = match probe {
                Some(p) => format!(
                    "探测 {p}{}",
                    target
                        .as_ref()
                        .map(|t| format!("（目标 {t}）"))
                        .unwrap_or_default()
                ),
                None => format!(
                    "检查 {}",
                    checks.iter().map(|c| r(c)).collect::<Vec<_>>().join("、")
                ),
            };
            format!("{what} {}", branches.join(" "))
                .trim_end()
                .to_owned()
        }
        Action::Backup {
            policy,
            run,
            min_rung,
        } => format!(
            "{}验证备份 {policy} 到第 {} 级",
            run.as_ref()
                .map(|c| format!("{} ; ", argv(c, matches!(c, Run::Line(_)), vars).join(" ")))
                .unwrap_or_default(),
            min_rung.unwrap_or(5)
        ),
        Action::Restore {
            policy,
            min_rung,
            run,
            shell,
            ..
        } => {
            let mut shown = vars.clone();
            shown.insert(super::RESTORED.to_owned(), format!("<`{policy}` 最新备份>"));
            format!(
                "[破坏性] 验证备份 {policy} 到第 {} 级，然后：{}",
                min_rung.unwrap_or(6),
                argv(run, *shell, &shown).join(" ")
            )
        }
        Action::Notify { channels, message } => format!(
            "通知 {}：{}",
            if channels.is_empty() {
                "（仅记录）".into()
            } else {
                channels.join("、")
            },
            r(message)
        ),
        Action::Wait {
            duration, until, ..
        } => match (until.is_empty(), duration) {
            (true, d) => format!(
                "等待 {}",
                crate::core::text::duration(d.unwrap_or(Duration::from_secs(60))).zh
            ),
            (false, d) => format!(
                "等待 {} 通过（最长 {}）",
                until.iter().map(|c| r(c)).collect::<Vec<_>>().join("、"),
                crate::core::text::duration(d.unwrap_or(Duration::from_secs(600))).zh
            ),
        },
        Action::Decision { question, choices } => {
            let c: Vec<String> = choices.iter().map(|(k, v)| format!("{k}→{v}")).collect();
            format!("{} [{}]", r(question), c.join(" "))
        }
    }
}

fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// Where a run stands from its journal: the step to start at, and whether it is a step that
/// was interrupted mid-way (started, never finished).
pub fn resume_point(
    pb: &Playbook,
    events: &[crate::store::JournalEvent],
) -> (Option<String>, bool) {
    let Some(last) = events.iter().rev().find(|e| e.step.is_some()) else {
        return (pb.steps.first().map(|s| s.id.clone()), false);
    };
    let step = last.step.clone().unwrap_or_default();
    match last.event.as_str() {
        "finish" => match last.next_step.as_deref() {
            Some("end") | Some("fail") | None => (None, false),
            Some(n) => (Some(n.to_owned()), false),
        },
        "start" | "spawn" | "output" | "confirm" | "decision" | "note" | "interrupt" => {
            (Some(step), true)
        }
        // A pause or a failure: that step again.
        _ => (Some(step), false),
    }
}

/// How the outbox names what a run's notify steps posted: `playbook run N step ID`.
pub fn outbox_source(run: i64) -> String {
    format!("playbook run {run} step")
}

/// The step command that was running when the run stopped without znode's knowledge (kill -9,
/// power loss): the run's last step event is its `spawn`. Returns the step and the process group
/// it ran in, which may still be alive.
pub fn unfinished_command(events: &[crate::store::JournalEvent]) -> Option<(String, i32)> {
    let last = events.iter().rev().find(|e| e.step.is_some())?;
    if last.event != "spawn" {
        return None;
    }
    let pgid = i32::try_from(last.pgid?).ok()?;
    Some((last.step.clone()?, pgid))
}

/// Time spent in each phase, from the journal: (phase, ms), in order of first appearance.
pub fn phase_durations(events: &[crate::store::JournalEvent], end: i64) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = Vec::new();
    let mut current: Option<(String, i64)> = None;
    for e in events.iter().filter(|e| e.event == "start") {
        let Some(p) = &e.phase else { continue };
        if current.as_ref().is_some_and(|c| &c.0 == p) {
            continue;
        }
        if let Some((name, since)) = current.take() {
            add(&mut out, name, e.at - since);
        }
        current = Some((p.clone(), e.at));
    }
    if let Some((name, since)) = current {
        add(&mut out, name, end - since);
    }
    out
}

fn add(out: &mut Vec<(String, i64)>, name: String, ms: i64) {
    match out.iter_mut().find(|(n, _)| *n == name) {
        Some(x) => x.1 += ms,
        None => out.push((name, ms)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::JournalEvent;

    fn pb() -> Playbook {
        super::super::parse(
            std::path::Path::new("t.yaml"),
            "id: t\ntitle: t\nsteps:\n  - { id: a, title: a, kind: manual, instruction: x }\n  - { id: b, title: b, kind: command, run: [\"true\"], destructive: true }\n  - { id: c, title: c, kind: manual, instruction: y }\n",
        )
        .unwrap()
    }

    fn ev(step: &str, event: &str, next: Option<&str>) -> JournalEvent {
        JournalEvent {
            seq: 0,
            at: 0,
            step: Some(step.into()),
            phase: None,
            event: event.into(),
            operator: "t".into(),
            next_step: next.map(str::to_owned),
            detail: String::new(),
            pgid: (event == "spawn").then_some(4242),
        }
    }

    #[test]
    fn resume_points_at_every_boundary() {
        let p = pb();
        // Nothing yet: the first step.
        assert_eq!(resume_point(&p, &[]), (Some("a".into()), false));
        // Killed between a and b: b, not interrupted.
        assert_eq!(
            resume_point(&p, &[ev("a", "start", None), ev("a", "finish", Some("b"))]),
            (Some("b".into()), false)
        );
        // Killed inside b (started, confirmed, never finished): b, interrupted.
        let inside = [
            ev("a", "finish", Some("b")),
            ev("b", "start", None),
            ev("b", "confirm", None),
        ];
        assert_eq!(resume_point(&p, &inside), (Some("b".into()), true));
        // Paused at c: c again.
        assert_eq!(
            resume_point(&p, &[ev("c", "start", None), ev("c", "pause", None)]),
            (Some("c".into()), false)
        );
        // Killed after the last step finished: nothing left.
        assert_eq!(
            resume_point(&p, &[ev("c", "finish", Some("end"))]),
            (None, false)
        );
        // Stopped by a signal inside b: b, interrupted; killed while its command ran: the
        // command's group is what may still run.
        let signalled = [
            ev("b", "start", None),
            ev("b", "spawn", None),
            ev("b", "interrupt", None),
        ];
        assert_eq!(resume_point(&p, &signalled), (Some("b".into()), true));
        assert_eq!(unfinished_command(&signalled), None);
        let killed = [ev("b", "start", None), ev("b", "spawn", None)];
        assert_eq!(resume_point(&p, &killed), (Some("b".into()), true));
        assert_eq!(unfinished_command(&killed), Some(("b".into(), 4242)));
        let done = [ev("b", "spawn", None), ev("b", "output", None)];
        assert_eq!(unfinished_command(&done), None);
    }
}
