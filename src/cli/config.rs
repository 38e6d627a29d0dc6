//! `znode config check`.

use clap::Subcommand;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Validate znode.yaml and every check file; report all problems with file:line:column
    Check,
}

pub(super) fn run(cx: &Context, cmd: Command) -> Result<Status, Error> {
    match cmd {
        Command::Check => {
            let (settings, catalog) = cx.settings_and_catalog()?;
            let enabled = catalog.checks.iter().filter(|c| c.enabled).count();
            println!(
                "{}: OK — {} checks ({} enabled) in {} files, {} systems, {} targets, store {}",
                settings.config_path.display(),
                catalog.checks.len(),
                enabled,
                catalog.files.len(),
                settings.systems.len(),
                settings.targets.len(),
                crate::store::redact_url(&settings.store_url)
            );
            Ok(Status::Ok)
        }
    }
}
