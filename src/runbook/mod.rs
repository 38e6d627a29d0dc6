//! Runbooks: playbook files (`playbooks/*.yaml`) and the step engine that runs them with a
//! journal in the store, for the emergency plans of SPEC R4 and, later, the version sync of R5.
//!
//! A playbook has metadata, phases, variables and steps. Steps run in file order unless a
//! step's branch names another; every start, finish, confirmation, decision and captured output
//! goes to the journal before the engine moves on, so a run killed at any point resumes at the
//! step that was running and never runs a completed destructive step again.

pub mod engine;
pub mod sync;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::core::error::{Invalid, Problem, Problems};
use crate::core::yaml::Node;

/// The shipped playbooks, by file name.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "software-fault.yaml",
        include_str!("../../playbooks/software-fault.yaml"),
    ),
    (
        "application-system.yaml",
        include_str!("../../playbooks/application-system.yaml"),
    ),
    (
        "data-corruption.yaml",
        include_str!("../../playbooks/data-corruption.yaml"),
    ),
    (
        "middleware-restart.yaml",
        include_str!("../../playbooks/middleware-restart.yaml"),
    ),
    (
        "sync-test-deploy.yaml",
        include_str!("../../playbooks/sync-test-deploy.yaml"),
    ),
    (
        "sync-cutover.yaml",
        include_str!("../../playbooks/sync-cutover.yaml"),
    ),
];

/// The five phases of an emergency plan, in order.
pub const EMERGENCY_PHASES: [&str; 5] =
    ["先期处置", "启动预案", "应急处置", "应急结束", "后期处置"];

/// A playbook file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    /// Id used on the command line and in the journal.
    pub id: String,
    /// Chinese title.
    pub title: String,
    /// Severity it is for (一般, 较大, 重大, 特别重大).
    pub severity: Option<String>,
    /// Systems it applies to.
    #[serde(default)]
    pub systems: Vec<String>,
    /// Roles that take part.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Phases in order; steps name theirs. Emergency plans use [`EMERGENCY_PHASES`].
    #[serde(default)]
    pub phases: Vec<String>,
    /// Variables with their defaults (`--set NAME=VALUE` overrides).
    #[serde(default)]
    pub variables: BTreeMap<String, Variable>,
    /// The steps (read one by one: the common keys, then the kind's own).
    #[serde(skip)]
    pub steps: Vec<Step>,
    /// The file it came from.
    #[serde(skip)]
    pub file: PathBuf,
}

/// A variable.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    /// Default value; without one the variable must be set.
    pub default: Option<String>,
    /// What it is.
    pub description: Option<String>,
}

/// Where a step leads: another step's id, `next` (the following step), `end` or `fail`.
pub type Target = String;

/// One step.
#[derive(Clone, Debug)]
pub struct Step {
    /// Id, unique in the playbook.
    pub id: String,
    /// Chinese title.
    pub title: String,
    /// Its phase.
    pub phase: Option<String>,
    /// Role responsible.
    pub role: Option<String>,
    /// What the step does.
    pub action: Action,
    /// Where to go when the step fails (default: the run stops, failed).
    pub on_failure: Option<Target>,
    /// Where to go when it succeeds (default: the next step).
    pub next: Option<Target>,
}

/// The keys every step has, beside its kind's own.
const STEP_KEYS: &[&str] = &["id", "title", "phase", "role", "on_failure", "next"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepHead {
    id: String,
    title: String,
    phase: Option<String>,
    role: Option<String>,
    on_failure: Option<Target>,
    next: Option<Target>,
}

/// A step's action, by `kind`.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Action {
    /// Something a person does; needs a confirmation.
    Manual {
        /// What to do.
        instruction: String,
    },
    /// A program.
    Command {
        /// argv, or one string with `shell: true`.
        run: Run,
        /// Run through `/bin/sh -c`.
        #[serde(default)]
        shell: bool,
        /// Time it may take (default 5m).
        #[serde(default, with = "crate::core::duration::opt")]
        timeout: Option<Duration>,
        /// Exit codes that mean success (default `[0]`).
        #[serde(default)]
        expect_exit: Vec<i32>,
        /// Needs a typed confirmation and never runs in a dry run.
        #[serde(default)]
        destructive: bool,
        /// What the command starts and leaves running (a daemon: `nohup … &`) is kept; by
        /// default it is stopped with the command's process group when the command exits.
        #[serde(default)]
        detach: bool,
    },
    /// Checks from the pack (by id), or one inline probe; branches on the worst status.
    Check {
        /// Check ids.
        #[serde(default)]
        checks: Vec<String>,
        /// An inline probe, as in a check file (`{ kind: tcp }`), on `target`.
        #[serde(default)]
        probe: Option<serde_json::Value>,
        /// The inline probe's target.
        target: Option<String>,
        /// Status (`OK`, `WARN`, `CRIT`, `UNKNOWN`) to step; a status not listed: OK goes on,
        /// anything else fails the step.
        #[serde(default)]
        on: BTreeMap<String, Target>,
    },
    /// Takes a backup (a command) and gates on the policy's verification.
    Backup {
        /// The backup policy verified afterwards.
        policy: String,
        /// The command that takes the backup (argv); none: only verify.
        #[serde(default)]
        run: Option<Run>,
        /// The rung the newest backup must reach (default 5, the checksum).
        min_rung: Option<u8>,
    },
    /// Restores from a backup of a policy: the newest one is verified up the ladder first, and
    /// the command (with `{{backup}}` its path) runs only on the file that passed. Always
    /// destructive: it needs its step id typed, and never runs in a dry run.
    Restore {
        /// The backup policy to restore from.
        policy: String,
        /// The rung the backup must reach first (default 6, the restore test).
        min_rung: Option<u8>,
        /// The restore command; `{{backup}}` is the verified file.
        run: Run,
        /// Run through `/bin/sh -c`.
        #[serde(default)]
        shell: bool,
        /// Time it may take (default 2h).
        #[serde(default, with = "crate::core::duration::opt")]
        timeout: Option<Duration>,
    },
    /// A message to the configured channels; kept in the journal and the outbox.
    Notify {
        /// Channels (names from the config's `notify:`; recorded as given until channels exist).
        #[serde(default)]
        channels: Vec<String>,
        /// The message.
        message: String,
    },
    /// Waits a time, or until checks pass.
    Wait {
        /// How long; with `until`, the most it waits.
        #[serde(default, with = "crate::core::duration::opt")]
        duration: Option<Duration>,
        /// Check ids that must all be OK.
        #[serde(default)]
        until: Vec<String>,
        /// Between attempts (default 5s).
        #[serde(default, with = "crate::core::duration::opt")]
        interval: Option<Duration>,
    },
    /// A question whose answer picks the next step.
    Decision {
        /// The question.
        question: String,
        /// Answer to step.
        choices: BTreeMap<String, Target>,
    },
}

/// A command line.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Run {
    /// Program and arguments.
    Argv(Vec<String>),
    /// A shell line.
    Line(String),
}

impl Action {
    /// The kind name.
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Manual { .. } => "manual",
            Action::Command { .. } => "command",
            Action::Check { .. } => "check",
            Action::Backup { .. } => "backup",
            Action::Restore { .. } => "restore",
            Action::Notify { .. } => "notify",
            Action::Wait { .. } => "wait",
            Action::Decision { .. } => "decision",
        }
    }

    /// Whether the step runs a program (a command, or a backup with its command).
    pub fn runs_a_command(&self) -> bool {
        matches!(
            self,
            Action::Command { .. } | Action::Backup { run: Some(_), .. } | Action::Restore { .. }
        )
    }

    /// Whether it changes something that cannot be taken back.
    pub fn destructive(&self) -> bool {
        matches!(
            self,
            Action::Command {
                destructive: true,
                ..
            } | Action::Restore { .. }
        )
    }

    /// Every text that takes `{{variables}}`.
    fn texts(&self) -> Vec<&str> {
        fn run(r: &Run) -> Vec<&str> {
            match r {
                Run::Argv(v) => v.iter().map(String::as_str).collect(),
                Run::Line(l) => vec![l.as_str()],
            }
        }
        match self {
            Action::Manual { instruction } => vec![instruction],
            Action::Command { run: r, .. } => run(r),
            Action::Backup { run: r, .. } => r.as_ref().map(run).unwrap_or_default(),
            Action::Restore { run: r, .. } => run(r),
            Action::Notify { message, .. } => vec![message],
            Action::Decision { question, .. } => vec![question],
            Action::Check { checks, .. } => checks.iter().map(String::as_str).collect(),
            Action::Wait { until, .. } => until.iter().map(String::as_str).collect(),
        }
    }

    /// The branch targets it names.
    fn targets(&self) -> Vec<&str> {
        match self {
            Action::Check { on, .. } => on.values().map(String::as_str).collect(),
            Action::Decision { choices, .. } => choices.values().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

/// The variable a restore step's command names the verified backup by.
pub const RESTORED: &str = "backup";

/// Fills `{{name}}` with the variables; an unknown name is an error.
pub fn render(text: &str, vars: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(format!("`{{{{` without `}}}}` in `{text}`"));
        };
        let name = after[..end].trim();
        match vars.get(name) {
            Some(v) => out.push_str(v),
            None => return Err(format!("unknown variable `{name}` in `{text}`")),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

impl Playbook {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The index of a step.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// The variables' values: defaults, then `sets`; missing or unknown ones are errors.
    pub fn variables(&self, sets: &[(String, String)]) -> Result<BTreeMap<String, String>, String> {
        let mut vars = BTreeMap::new();
        for (k, v) in sets {
            if !self.variables.contains_key(k) {
                let known: Vec<&str> = self.variables.keys().map(String::as_str).collect();
                return Err(format!(
                    "playbook `{}` has no variable `{k}` (it has: {})",
                    self.id,
                    known.join(", ")
                ));
            }
            vars.insert(k.clone(), v.clone());
        }
        for (k, var) in &self.variables {
            if !vars.contains_key(k) {
                match &var.default {
                    Some(d) => {
                        vars.insert(k.clone(), d.clone());
                    }
                    None => {
                        return Err(format!(
                            "variable `{k}` has no default: pass --set {k}=VALUE"
                        ));
                    }
                }
            }
        }
        // A value may name others (`deploy: tar -xzf {{package}}`): filled until none is left,
        // at most as deep as there are variables (deeper means they name each other in a loop).
        for _ in 0..=vars.len() {
            let pending: Vec<String> = vars
                .iter()
                .filter(|(_, v)| v.contains("{{"))
                .map(|(k, _)| k.clone())
                .collect();
            if pending.is_empty() {
                return Ok(vars);
            }
            for k in pending {
                let filled =
                    render(&vars[&k], &vars).map_err(|e| format!("variable `{k}`: {e}"))?;
                vars.insert(k, filled);
            }
        }
        Err(format!(
            "playbook `{}`: variables name each other in a loop",
            self.id
        ))
    }

    /// An inline probe of a step as a check (the check-file format, read by the same loader).
    pub fn inline_check(
        &self,
        step: &Step,
        settings: &crate::settings::Settings,
    ) -> Option<Result<crate::catalog::CheckSpec, Vec<Problem>>> {
        let Action::Check {
            probe: Some(probe),
            target,
            ..
        } = &step.action
        else {
            return None;
        };
        // JSON is YAML: the probe goes through the check loader as written.
        let mut yaml = format!(
            "id: {}\ntitle: {}\ncategory: daily\nprobe: {probe}\n",
            serde_json::Value::String(format!("{}.{}", self.id, step.id)),
            serde_json::Value::String(step.title.clone())
        );
        if let Some(t) = target {
            yaml.push_str(&format!(
                "target: {}\n",
                serde_json::Value::String(t.clone())
            ));
        }
        Some(crate::catalog::Catalog::parse_check(
            &self.file, &yaml, settings,
        ))
    }

    /// Problems of inline probes against the configuration (targets, parameters).
    pub fn check_inline(&self, settings: &crate::settings::Settings) -> Problems {
        let mut problems = Problems::default();
        for s in &self.steps {
            if let Some(Err(list)) = self.inline_check(s, settings) {
                for p in list {
                    problems.push(
                        Problem::file(&self.file, format!("step `{}`: {}", s.id, p.message))
                            .hint(p.hint.unwrap_or_default()),
                    );
                }
            }
        }
        problems
    }

    /// The channels its notify steps name that the configuration does not declare: (step id,
    /// channel). Their messages would wait in the outbox, never sent.
    pub fn undeclared_channels(
        &self,
        settings: &crate::settings::Settings,
    ) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for s in &self.steps {
            if let Action::Notify { channels, .. } = &s.action {
                for c in channels {
                    if !settings.notify.channels.contains_key(c) {
                        out.push((s.id.clone(), c.clone()));
                    }
                }
            }
        }
        out
    }

    /// Whether it is one of the playbooks shipped in the binary (not a file of the node's).
    pub fn is_shipped(&self) -> bool {
        self.file.starts_with("(shipped)")
    }

    /// Load-time problems: duplicate ids, unknown branch targets and phases, unknown variables.
    fn problems(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for s in &self.steps {
            if matches!(s.id.as_str(), "next" | "end" | "fail") {
                out.push(Invalid::new(
                    format!("`{}` is a reserved step target, not a step id", s.id),
                    "rename the step",
                ));
            }
            if !seen.insert(s.id.as_str()) {
                out.push(Invalid::new(
                    format!("step `{}` is declared twice", s.id),
                    "give each step its own id",
                ));
            }
        }
        let ok_target = |t: &str| matches!(t, "next" | "end" | "fail") || self.step(t).is_some();
        let names: BTreeMap<String, String> = self
            .variables
            .keys()
            .map(|k| (k.clone(), String::new()))
            .collect();
        for s in &self.steps {
            for t in s
                .action
                .targets()
                .into_iter()
                .chain(s.on_failure.as_deref())
                .chain(s.next.as_deref())
            {
                if !ok_target(t) {
                    out.push(Invalid::new(
                        format!("step `{}` leads to unknown step `{t}`", s.id),
                        "name a step id, or `next`, `end`, `fail`",
                    ));
                }
            }
            if let Action::Check { checks, probe, .. } = &s.action
                && checks.is_empty() == probe.is_none()
            {
                out.push(Invalid::new(
                    format!(
                        "check step `{}` names either `checks` or one inline `probe`",
                        s.id
                    ),
                    "e.g. `checks: [db-shared-up]` or `probe: { kind: tcp }` with `target:`",
                ));
            }
            if let Some(p) = &s.phase
                && !self.phases.is_empty()
                && !self.phases.contains(p)
            {
                out.push(Invalid::new(
                    format!("step `{}` is in unknown phase `{p}`", s.id),
                    format!("one of: {}", self.phases.join(", ")),
                ));
            }
            // A restore command also knows `{{backup}}`, the file it verified.
            let mut known = names.clone();
            if matches!(s.action, Action::Restore { .. }) {
                known.insert(RESTORED.to_owned(), String::new());
            }
            for t in s.action.texts() {
                if let Err(e) = render(t, &known) {
                    out.push(Invalid::new(
                        format!("step `{}`: {e}", s.id),
                        "declare it under `variables:`",
                    ));
                }
            }
        }
        if self.steps.is_empty() {
            out.push(Invalid::new("a playbook needs steps", "add `steps:`"));
        }
        out
    }
}

/// Reads one playbook file's text.
pub fn parse(file: &Path, text: &str) -> Result<Playbook, Problems> {
    let mut problems = Problems::default();
    let node = Node::parse(text).map_err(|(pos, msg)| {
        let mut p = Problems::default();
        p.push(Problem::at(file, pos, format!("invalid YAML: {msg}")));
        p
    })?;
    let mut pb: Playbook = match node.deserialize_without("steps") {
        Ok(pb) => pb,
        Err(e) => {
            problems.push(Problem::from_de(file, e));
            return Err(problems);
        }
    };
    pb.file = file.to_owned();
    match node.get("steps").map(|n| &n.value) {
        Some(crate::core::yaml::Value::Seq(items)) => {
            for item in items {
                let (head, action) = item.split(STEP_KEYS);
                let step = head.deserialize::<StepHead>().and_then(|h| {
                    action.deserialize::<Action>().map(|a| Step {
                        id: h.id,
                        title: h.title,
                        phase: h.phase,
                        role: h.role,
                        action: a,
                        on_failure: h.on_failure,
                        next: h.next,
                    })
                });
                match step {
                    Ok(s) => pb.steps.push(s),
                    Err(mut e) => {
                        e.pos = e.pos.or(Some(item.pos));
                        problems.push(Problem::from_de(file, e));
                    }
                }
            }
        }
        _ => problems.push(
            Problem::at(file, node.pos, "a playbook needs a `steps:` list")
                .hint("add `steps:` with `- id: ...` items"),
        ),
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for e in pb.problems() {
        problems.push(e.at(file, node.pos));
    }
    if problems.is_empty() {
        Ok(pb)
    } else {
        Err(problems)
    }
}

/// Every playbook: the files in `dir` (when it exists) over the shipped ones, by id.
pub fn load_all(dir: &Path) -> Result<Vec<Playbook>, Problems> {
    let mut all: Vec<Playbook> = Vec::new();
    let mut problems = Problems::default();
    for (name, text) in SHIPPED {
        match parse(Path::new(&format!("(shipped)/{name}")), text) {
            Ok(p) => all.push(p),
            Err(p) => problems.extend(p),
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        files.sort();
        for f in files {
            match crate::core::fsx::read_config_text(&f) {
                Ok(text) => match parse(&f, &text) {
                    Ok(p) => {
                        all.retain(|o| o.id != p.id);
                        all.push(p);
                    }
                    Err(p) => problems.extend(p),
                },
                Err(e) => problems.push(Problem::file(&f, format!("cannot read: {e}"))),
            }
        }
    }
    if problems.is_empty() {
        Ok(all)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_playbooks_load() {
        let all = super::load_all(std::path::Path::new("/nonexistent")).unwrap();
        assert_eq!(all.len(), super::SHIPPED.len());
        for p in &all {
            if !matches!(
                p.id.as_str(),
                "middleware-restart" | "sync-test-deploy" | "sync-cutover"
            ) {
                assert_eq!(p.phases, super::EMERGENCY_PHASES, "{}", p.id);
            }
        }
    }

    #[test]
    fn variables_render_and_unknown_ones_fail() {
        let vars = [("svc".to_owned(), "nginx".to_owned())].into();
        assert_eq!(
            super::render("systemctl stop {{svc}}", &vars).unwrap(),
            "systemctl stop nginx"
        );
        assert!(super::render("{{nope}}", &vars).is_err());
    }
}
