//! Shell completions and the man page, generated from the clap definition.

use clap_complete::Shell;

use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, clap::Args)]
pub(super) struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    shell: Shell,
}

pub(super) fn completions(a: CompletionsArgs) -> Result<Status, Error> {
    clap_complete::generate(
        a.shell,
        &mut super::command(),
        "znode",
        &mut std::io::stdout(),
    );
    Ok(Status::Ok)
}

pub(super) fn man() -> Result<Status, Error> {
    clap_mangen::Man::new(super::command()).render(&mut std::io::stdout())?;
    Ok(Status::Ok)
}
