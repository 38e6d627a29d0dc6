//! Version sync (版本同步, SPEC R5) as the team does it: a release opened for a province
//! version goes through its ten steps in order; steps 6 and 9 are carried out by their
//! playbooks, the others are recorded; step 9 needs a rollback plan and step 10 the key users'
//! sign-offs, and step 10 done closes the release.

use crate::core::error::Error;
use crate::runbook::engine::End;
use crate::runbook::sync::{self, STEPS};
use crate::settings::Settings;
use crate::store::{Release, StepState, Store};

/// The name of step `n` (1 to 10).
pub fn step_name(n: i64) -> &'static str {
    usize::try_from(n - 1)
        .ok()
        .and_then(|i| STEPS.get(i))
        .copied()
        .unwrap_or("")
}

/// Opens a release of `version`; the title defaults to `版本同步 VERSION`. Returns its id and
/// title.
pub async fn open(
    store: &Store,
    version: &str,
    title: Option<&str>,
    operator: &str,
) -> Result<(i64, String), Error> {
    let title = title
        .map(str::to_owned)
        .unwrap_or_else(|| format!("版本同步 {version}"));
    let id = store.open_release(version, &title, operator).await?;
    Ok((id, title))
}

/// Records a step that people carry out (all but 6 and 9) as done, if the rules let it start.
pub async fn record_done(
    store: &Store,
    release: i64,
    step: i64,
    operator: &str,
    note: &str,
) -> Result<(), Error> {
    let r = store.release(release).await?;
    if sync::playbook_of(step).is_some() {
        return Err(Error::Message(format!(
            "step {step} is carried out by its playbook: znode sync run {release} {step}"
        )));
    }
    if let Some(why) = sync::refusal(&r, step) {
        return Err(Error::Message(why));
    }
    store
        .record_sync_step(release, step, StepState::Done, operator, note, None)
        .await?;
    Ok(())
}

/// The playbook that carries out step `step`, once the rules let it start.
pub async fn playbook_to_run(
    store: &Store,
    release: i64,
    step: i64,
) -> Result<&'static str, Error> {
    let Some(name) = sync::playbook_of(step) else {
        return Err(Error::Message(format!(
            "step {step} is recorded, not run: znode sync done {release} {step} --note ..."
        )));
    };
    let r = store.release(release).await?;
    match sync::refusal(&r, step) {
        Some(why) => Err(Error::Message(why)),
        None => Ok(name),
    }
}

/// Records how the playbook run `run` of a step ended: done when it finished, failed when it
/// failed or paused (a paused run is resumed, then the step is run again).
pub async fn record_playbook(
    store: &Store,
    release: i64,
    step: i64,
    operator: &str,
    run: i64,
    end: &End,
) -> Result<(), Error> {
    let (state, note) = match end {
        End::Finished => (StepState::Done, format!("预案执行 #{run} 已完成")),
        End::Failed(r) => (StepState::Failed, format!("预案执行 #{run} 失败：{r}")),
        End::Paused(s, r, _) => (
            StepState::Failed,
            format!("预案执行 #{run} 在步骤 {s} 暂停：{r}"),
        ),
    };
    store
        .record_sync_step(release, step, state, operator, &note, Some(run))
        .await?;
    Ok(())
}

/// Records the rollback plan (required before step 9); returns how many lines it has.
pub async fn set_rollback_plan(store: &Store, release: i64, plan: &str) -> Result<usize, Error> {
    if plan.trim().is_empty() {
        return Err(Error::Message("the rollback plan is empty".into()));
    }
    store.release(release).await?;
    store.set_rollback_plan(release, plan).await?;
    Ok(plan.lines().count())
}

/// Records a key user's sign-off (required before step 10).
pub async fn sign_off(store: &Store, release: i64, user: &str, comment: &str) -> Result<(), Error> {
    store.release(release).await?;
    store.sign_off(release, user, comment).await?;
    Ok(())
}

/// One release, or all of them.
pub async fn list(store: &Store, release: Option<i64>) -> Result<Vec<Release>, Error> {
    let ids = match release {
        Some(id) => vec![id],
        None => store.release_ids().await?,
    };
    let mut out = Vec::new();
    for id in ids {
        out.push(store.release(id).await?);
    }
    Ok(out)
}

/// Steps of a release that are done.
pub fn done_steps(r: &Release) -> usize {
    r.steps
        .iter()
        .filter(|s| s.state == StepState::Done)
        .count()
}

/// How a system's running version stands against the one the province declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// The same release.
    Same,
    /// Older than the province's: the node must upgrade.
    Behind,
    /// Newer than declared.
    Ahead,
    /// No declared version to compare with.
    Undeclared,
    /// The running version could not be read.
    Unknown,
}

impl Standing {
    /// The word in tables.
    pub fn zh(self) -> &'static str {
        match self {
            Standing::Same => "一致",
            Standing::Behind => "落后",
            Standing::Ahead => "领先",
            Standing::Undeclared => "未声明",
            Standing::Unknown => "未知",
        }
    }

    /// Behind is a finding (WARN); a version that could not be read is UNKNOWN.
    pub fn status(self) -> crate::core::outcome::Status {
        use crate::core::outcome::Status;
        match self {
            Standing::Behind => Status::Warn,
            Standing::Unknown => Status::Unknown,
            Standing::Same | Standing::Ahead | Standing::Undeclared => Status::Ok,
        }
    }
}

/// One system's versions.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SystemVersions {
    /// System id.
    pub system: String,
    /// Its Chinese name.
    pub name: String,
    /// The version it runs, when it could be read.
    pub running: Option<String>,
    /// The province's version, as declared in the config.
    pub declared: Option<String>,
    /// How the two compare.
    pub state: Standing,
    /// Why the running version could not be read.
    pub error: Option<String>,
}

/// Reads the running version of every system that declares `version:` and compares it with
/// the province's.
pub async fn versions(settings: &Settings) -> Result<Vec<SystemVersions>, Error> {
    let mut rows = Vec::new();
    for s in &settings.systems {
        let Some(v) = &s.version else { continue };
        let (running, error) = match sync::read(v, settings).await {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e)),
        };
        let state = match (&running, &v.declared) {
            (Some(r), Some(d)) => match sync::compare(r, d) {
                std::cmp::Ordering::Less => Standing::Behind,
                std::cmp::Ordering::Equal => Standing::Same,
                std::cmp::Ordering::Greater => Standing::Ahead,
            },
            (None, _) => Standing::Unknown,
            (Some(_), None) => Standing::Undeclared,
        };
        rows.push(SystemVersions {
            system: s.id.clone(),
            name: s.name.clone(),
            running,
            declared: v.declared.clone(),
            state,
            error,
        });
    }
    if rows.is_empty() {
        return Err(Error::Message(
            "no system declares `version:`; add `version: { url | command, pattern, declared }` to the systems".into(),
        ));
    }
    Ok(rows)
}
