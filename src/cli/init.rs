//! `znode init DIR`: writes the sample node embedded in the binary.

use std::path::PathBuf;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Folder to write into (created if missing)
    dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    force: bool,
}

pub(super) fn run(_cx: &Context, a: Args) -> Result<Status, Error> {
    let files = crate::pack::sample_node();
    let existing: Vec<String> = files
        .iter()
        .map(|(p, _)| a.dir.join(p))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() && !a.force {
        return Err(Error::Message(format!(
            "{} already exist: {}; use --force to overwrite",
            existing.len(),
            existing.join(", ")
        )));
    }
    for (rel, text) in &files {
        let path = a.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::Message(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Error::Message(format!("cannot write {}: {e}", path.display())))?;
    }
    let cfg = a.dir.join("znode.yaml");
    println!("wrote {} files to {}", files.len(), a.dir.display());
    println!("next:");
    println!("  znode config check -c {}     # validate", cfg.display());
    println!(
        "  znode inspect -c {}          # run the inspection (巡检)",
        cfg.display()
    );
    println!(
        "edit {} to point the targets at the node's real addresses; secrets go in environment variables or files",
        cfg.display()
    );
    Ok(Status::Ok)
}
