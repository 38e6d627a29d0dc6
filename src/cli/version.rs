//! `znode version`: the version, and with `--verbose` what the build is (commit, target,
//! compiler), the glibc it needs against the one this system has, and the store schema it
//! writes — what to quote in a ticket and to check before copying a binary to an older server.

use std::io::Write;

use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Also the commit, target, compiler, glibc needed and store schema
    #[arg(short, long)]
    verbose: bool,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

/// What the running binary is.
#[derive(Debug, serde::Serialize)]
struct Build {
    version: &'static str,
    commit: &'static str,
    commit_date: &'static str,
    target: &'static str,
    profile: &'static str,
    compiler: &'static str,
    /// The newest glibc the binary asks for (its floor); null for a static build.
    glibc_needed: Option<String>,
    /// The glibc of the system it runs on.
    glibc_here: Option<String>,
    store_schema: i64,
    path: Option<String>,
}

fn glibc_here() -> Option<String> {
    // SAFETY: gnu_get_libc_version returns a pointer to a static NUL-terminated string.
    let v = unsafe { std::ffi::CStr::from_ptr(libc::gnu_get_libc_version()) };
    v.to_str().ok().map(str::to_owned)
}

pub(super) fn run(a: Args) -> Result<Status, Error> {
    let exe = std::env::current_exe().ok();
    let build = Build {
        version: env!("CARGO_PKG_VERSION"),
        commit: env!("ZNODE_COMMIT"),
        commit_date: env!("ZNODE_COMMIT_DATE"),
        target: env!("ZNODE_TARGET"),
        profile: env!("ZNODE_PROFILE"),
        compiler: env!("ZNODE_RUSTC"),
        glibc_needed: exe.as_deref().and_then(crate::core::elf::glibc_floor),
        glibc_here: glibc_here(),
        store_schema: crate::store::Store::schema_version(),
        path: exe.map(|p| p.display().to_string()),
    };
    let mut out = std::io::stdout().lock();
    if a.format == super::logs::ListFormat::Json {
        let mut doc = serde_json::to_value(&build).map_err(|e| Error::Message(e.to_string()))?;
        doc["schema"] = "znode.version/v1".into();
        return super::print_json(&mut out, &doc).map(|()| Status::Ok);
    }
    writeln!(out, "znode {}", build.version)?;
    if a.verbose {
        let date = if build.commit_date.is_empty() {
            String::new()
        } else {
            format!(" ({})", build.commit_date)
        };
        writeln!(out, "commit:       {}{date}", build.commit)?;
        writeln!(out, "target:       {} ({})", build.target, build.profile)?;
        writeln!(out, "compiler:     {}", build.compiler)?;
        writeln!(
            out,
            "glibc needed: {} (this system has {})",
            build.glibc_needed.as_deref().unwrap_or("none (static)"),
            build.glibc_here.as_deref().unwrap_or("unknown")
        )?;
        writeln!(
            out,
            "store schema: {} (SQLite and PostgreSQL stores are migrated to it when opened)",
            build.store_schema
        )?;
        if let Some(p) = &build.path {
            writeln!(out, "binary:       {p}")?;
        }
    }
    Ok(Status::Ok)
}
