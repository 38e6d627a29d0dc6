//! `znode config`: check the configuration; snapshots and drift of the hosts' configuration.

use clap::Subcommand;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Validate znode.yaml and every check file; report all problems with file:line:column
    Check,
    /// Record the configuration paths of the `drift` checks on their hosts (stored as a run); a
    /// host's first snapshot becomes its baseline
    Snapshot(super::drift::SnapshotArgs),
    /// Compare each host's configuration with its accepted baseline: paths added, removed and
    /// changed (metadata and content apart, unified diffs with secrets masked), and who was
    /// logged in around each change. Exit 1 when anything drifted
    Drift(super::drift::DriftArgs),
    /// Accept the newest snapshot of each host as its baseline, under a change ticket (变更单);
    /// each acceptance is kept for the audit
    Accept(super::drift::AcceptArgs),
    /// The baselines accepted, newest first: who, when, under which ticket
    Baselines(super::drift::BaselinesArgs),
    /// Compare the same files over every host of the drift checks (their newest snapshots):
    /// paths whose content, mode or owner differ, or that some hosts lack. Exit 1 when any do
    Compare(super::drift::CompareArgs),
}

pub(super) fn run(cx: Context, cmd: Command) -> Result<Status, Error> {
    match cmd {
        Command::Snapshot(a) => super::drift::snapshot(cx, a),
        Command::Drift(a) => super::drift::drift(cx, a),
        Command::Accept(a) => super::drift::accept(&cx, a),
        Command::Baselines(a) => super::drift::baselines(&cx, a),
        Command::Compare(a) => super::drift::compare(&cx, a),
        Command::Check => {
            let (settings, catalog) = cx.settings_and_catalog()?;
            let playbooks = super::playbook::playbooks(&settings)?;
            warn_undeclared_channels(&settings, &playbooks);
            let enabled = catalog.checks.iter().filter(|c| c.enabled).count();
            println!(
                "{}: OK — {} checks ({} enabled) in {} files, {} systems, {} targets, {} playbooks, store {}",
                settings.config_path.display(),
                catalog.checks.len(),
                enabled,
                catalog.files.len(),
                settings.systems.len(),
                settings.targets.len(),
                playbooks.len(),
                crate::core::secret::redact_url(&settings.store_url)
            );
            Ok(Status::Ok)
        }
    }
}

/// Names the notify channels playbooks use that are not declared: the node's own playbooks a
/// line per step, the shipped ones in one line (most nodes use few of them).
fn warn_undeclared_channels(
    settings: &crate::settings::Settings,
    playbooks: &[crate::runbook::Playbook],
) {
    let mut shipped = std::collections::BTreeSet::new();
    for pb in playbooks {
        for (step, channel) in pb.undeclared_channels(settings) {
            if pb.is_shipped() {
                shipped.insert(channel);
            } else {
                eprintln!(
                    "{}: warning: playbook `{}` step `{step}` notifies channel `{channel}`, which is not declared\n    hint: declare it under notify.channels in znode.yaml, or its messages wait in the outbox unsent",
                    pb.file.display(),
                    pb.id
                );
            }
        }
    }
    if !shipped.is_empty() {
        let names: Vec<String> = shipped.into_iter().collect();
        eprintln!(
            "warning: the shipped playbooks notify channels {} that are not declared\n    hint: declare those you use under notify.channels in znode.yaml; messages to the others wait in the outbox unsent",
            names.join(", ")
        );
    }
}
