//! Child processes: each in its own process group, output captured up to a bound, the whole
//! group killed when the caller stops waiting.

use std::process::Stdio;
use std::time::Instant;

use tokio::io::{AsyncRead, AsyncReadExt};

/// Output kept per stream; the rest is read and discarded so the child never blocks on a pipe.
const KEEP: usize = 64 * 1024;

/// What a finished process left: exit code (-1 when killed by a signal), bounded output.
pub struct Ran {
    /// Exit code.
    pub code: i32,
    /// The first 64 KiB of stdout.
    pub stdout: String,
    /// The first 64 KiB of stderr.
    pub stderr: String,
    /// Wall time.
    pub elapsed: std::time::Duration,
}

/// Runs a program in its own process group with bounded output capture, with `env` added to
/// its environment. Dropping the future (a timeout) kills the whole group.
pub async fn run_process(
    argv: &[String],
    dir: Option<&std::path::Path>,
    env: &[(&str, &str)],
) -> Result<Ran, String> {
    let Some((prog, args)) = argv.split_first() else {
        return Err("empty command".into());
    };
    let mut cmd = tokio::process::Command::new(prog);
    cmd.args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start `{prog}`: {e}"))?;
    let _group = child.id().map(GroupGuard);
    let (out, err) = (child.stdout.take(), child.stderr.take());
    let (stdout, stderr, status) = tokio::join!(read_bounded(out), read_bounded(err), child.wait());
    let status = status.map_err(|e| format!("waiting for `{prog}`: {e}"))?;
    Ok(Ran {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
        elapsed: start.elapsed(),
    })
}

/// Kills the child's whole process group when dropped: after a normal exit this only reaches
/// leftovers (daemonised grandchildren are not ours to keep); on timeout it ends everything.
struct GroupGuard(u32);

impl Drop for GroupGuard {
    fn drop(&mut self) {
        if let Ok(pid) = i32::try_from(self.0) {
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(pid),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
    }
}

async fn read_bounded(stream: Option<impl AsyncRead + Unpin>) -> String {
    let Some(mut s) = stream else {
        return String::new();
    };
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match s.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = KEEP.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
        }
    }
    String::from_utf8_lossy(&kept).into_owned()
}
