//! Shell completions and the man page, generated from the clap definition.

use clap_complete::Shell;

use super::Failure;

#[derive(Debug, clap::Args)]
pub(super) struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    shell: Shell,
}

pub(super) fn completions(a: CompletionsArgs) -> Result<u8, Failure> {
    clap_complete::generate(
        a.shell,
        &mut super::command(),
        "znode",
        &mut std::io::stdout(),
    );
    Ok(0)
}

pub(super) fn man() -> Result<u8, Failure> {
    clap_mangen::Man::new(super::command()).render(&mut std::io::stdout())?;
    Ok(0)
}
