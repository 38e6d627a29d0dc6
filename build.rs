//! Records what `znode version --verbose` prints about the build: the commit (from git, or
//! `ZNODE_COMMIT` and `ZNODE_COMMIT_DATE` when building from a source tarball), the target
//! triple, the profile and the compiler.

use std::process::Command;

fn main() {
    let out = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    // A source tarball has no git: the one who builds it says what it is.
    let given = std::env::var("ZNODE_COMMIT").ok();
    let (commit, date) = match given {
        Some(c) => (c, std::env::var("ZNODE_COMMIT_DATE").unwrap_or_default()),
        None => (
            out("git", &["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into()),
            out("git", &["log", "-1", "--format=%cs"]).unwrap_or_default(),
        ),
    };
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let compiler = out(&rustc, &["--version"]).unwrap_or_default();
    println!("cargo:rustc-env=ZNODE_COMMIT={commit}");
    println!("cargo:rustc-env=ZNODE_COMMIT_DATE={date}");
    println!(
        "cargo:rustc-env=ZNODE_TARGET={}",
        std::env::var("TARGET").unwrap_or_default()
    );
    println!(
        "cargo:rustc-env=ZNODE_PROFILE={}",
        std::env::var("PROFILE").unwrap_or_default()
    );
    println!("cargo:rustc-env=ZNODE_RUSTC={compiler}");
    println!("cargo:rerun-if-env-changed=ZNODE_COMMIT");
    println!("cargo:rerun-if-env-changed=ZNODE_COMMIT_DATE");
    // Where git keeps HEAD (a worktree or submodule has a `.git` file, not a folder).
    if let Some(dir) = out("git", &["rev-parse", "--git-dir"]) {
        for f in ["HEAD", "refs/heads", "packed-refs"] {
            let p = std::path::Path::new(&dir).join(f);
            if p.exists() {
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
    }
}
