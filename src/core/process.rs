//! Child processes: each in its own process group, output captured up to a bound.
//!
//! A command has finished when its direct child has exited. Its output is read until the pipes
//! close; a descendant it left running (`nohup daemon &`) keeps them open, so after the child
//! has exited the pipes get a short grace and are then let go: the command is reported as
//! finished, with the leftovers noted, never as timed out. What happens to the leftovers is
//! the caller's choice: killed with the group (the default, also when the caller stops waiting)
//! or kept ([`Running::detach`]).

use std::process::Stdio;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use tokio::io::{AsyncRead, AsyncReadExt};

/// Output kept per stream; the rest is read and discarded so the child never blocks on a pipe.
const KEEP: usize = 64 * 1024;

/// How long the pipes may stay open after the direct child exited.
const PIPE_GRACE: Duration = Duration::from_secs(2);

/// What a finished process left: exit code (-1 when killed by a signal), bounded output.
pub struct Ran {
    /// Exit code.
    pub code: i32,
    /// The first 64 KiB of stdout.
    pub stdout: String,
    /// The first 64 KiB of stderr.
    pub stderr: String,
    /// Wall time.
    pub elapsed: Duration,
    /// Processes the command started were still holding its output open when it exited.
    pub left_running: bool,
}

/// A started command: its process group, and what it prints.
pub struct Running {
    child: tokio::process::Child,
    pgid: i32,
    prog: String,
    started: Instant,
    /// Kills the group when dropped, unless detached.
    guard: GroupGuard,
}

/// Starts a program in its own process group with bounded output capture, with `env` added to
/// its environment. Dropping the handle before it is detached kills the whole group.
pub fn spawn(
    argv: &[String],
    dir: Option<&std::path::Path>,
    env: &[(&str, &str)],
) -> Result<Running, String> {
    start(argv, dir, env, false)
}

/// Like [`spawn`], but the program does not start until [`Running::release`]: the caller can
/// record the process group first, so that no command ever runs unrecorded. If the caller dies
/// before releasing it, the program never runs.
pub fn spawn_held(
    argv: &[String],
    dir: Option<&std::path::Path>,
    env: &[(&str, &str)],
) -> Result<Running, String> {
    if argv.is_empty() {
        return Err("empty command".into());
    }
    // A shell waits for one line on its stdin, then becomes the program (same pid, same
    // group) with stdin from /dev/null; end of input instead of the line means: do not run.
    let mut held = vec![
        "/bin/sh".to_owned(),
        "-c".to_owned(),
        r#"read -r go || exit 125; exec "$@" < /dev/null"#.to_owned(),
        "sh".to_owned(),
    ];
    held.extend(argv.iter().cloned());
    let mut running = start(&held, dir, env, true)?;
    running.prog = argv[0].clone();
    Ok(running)
}

fn start(
    argv: &[String],
    dir: Option<&std::path::Path>,
    env: &[(&str, &str)],
    held: bool,
) -> Result<Running, String> {
    let Some((prog, args)) = argv.split_first() else {
        return Err("empty command".into());
    };
    let mut cmd = tokio::process::Command::new(prog);
    cmd.args(args)
        .envs(env.iter().copied())
        .stdin(if held { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start `{prog}`: {e}"))?;
    let pgid = child
        .id()
        .and_then(|p| i32::try_from(p).ok())
        .ok_or_else(|| format!("`{prog}` exited before it could be watched"))?;
    Ok(Running {
        child,
        pgid,
        prog: prog.clone(),
        started: Instant::now(),
        guard: GroupGuard(Some(pgid)),
    })
}

impl Running {
    /// The process group (the direct child's pid).
    pub fn pgid(&self) -> i32 {
        self.pgid
    }

    /// Sends a signal to the whole group.
    pub fn signal(&self, signal: Signal) {
        let _ = killpg(Pid::from_raw(self.pgid), signal);
    }

    /// Lets a command started with [`spawn_held`] run.
    pub async fn release(&mut self) -> Result<(), String> {
        use tokio::io::AsyncWriteExt;
        let Some(mut stdin) = self.child.stdin.take() else {
            return Ok(());
        };
        stdin
            .write_all(b"go\n")
            .await
            .map_err(|e| format!("cannot start `{}`: {e}", self.prog))
    }

    /// Keeps whatever the command leaves running after it exits.
    pub fn detach(&mut self) {
        self.guard.0 = None;
    }

    /// Waits until the direct child exits, reading its output. Cancel-safe in the sense that
    /// matters: dropping the future leaves the child to the handle, which kills the group.
    pub async fn wait(&mut self) -> Result<Ran, String> {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let stdout = self.child.stdout.take();
        let stderr = self.child.stderr.take();
        let status = {
            let read_out = read_into(stdout, &mut out);
            let read_err = read_into(stderr, &mut err);
            tokio::pin!(read_out, read_err);
            let (mut out_done, mut err_done) = (false, false);
            let status = loop {
                tokio::select! {
                    s = self.child.wait() => break s,
                    _ = &mut read_out, if !out_done => out_done = true,
                    _ = &mut read_err, if !err_done => err_done = true,
                }
            };
            let drained = tokio::time::timeout(PIPE_GRACE, async {
                if !out_done {
                    (&mut read_out).await;
                }
                if !err_done {
                    (&mut read_err).await;
                }
            })
            .await
            .is_ok();
            status.map(|s| (s, !drained))
        };
        let (status, left_running) =
            status.map_err(|e| format!("waiting for `{}`: {e}", self.prog))?;
        Ok(Ran {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out).into_owned(),
            stderr: String::from_utf8_lossy(&err).into_owned(),
            elapsed: self.started.elapsed(),
            left_running,
        })
    }
}

/// Runs a program to its end (see [`spawn`]); what it leaves running is killed with its group.
pub async fn run_process(
    argv: &[String],
    dir: Option<&std::path::Path>,
    env: &[(&str, &str)],
) -> Result<Ran, String> {
    spawn(argv, dir, env)?.wait().await
}

/// The live processes of the group `pgid` (zombies, which only wait to be reaped, are not).
pub fn group_members(pgid: i32) -> Vec<i32> {
    // /proc rather than kill(-pgid, 0): that also succeeds for zombies, and where PID 1 does
    // not reap orphans (some containers) they stay forever.
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let state = fields.next().unwrap_or("Z");
        let pgrp = fields.nth(1).and_then(|f| f.parse::<i32>().ok());
        if pgrp == Some(pgid) && state != "Z" && state != "X" {
            out.push(pid);
        }
    }
    out.sort_unstable();
    out
}

/// Whether any process of the group `pgid` is alive.
pub fn group_alive(pgid: i32) -> bool {
    !group_members(pgid).is_empty()
}

/// Kills the child's whole process group when dropped: after a normal exit this only reaches
/// leftovers (daemonised grandchildren are not ours to keep); on timeout it ends everything.
struct GroupGuard(Option<i32>);

impl Drop for GroupGuard {
    fn drop(&mut self) {
        if let Some(pgid) = self.0 {
            let _ = killpg(Pid::from_raw(pgid), Signal::SIGKILL);
        }
    }
}

/// Reads a stream to its end, keeping the first [`KEEP`] bytes in `kept`: what was read stays
/// there when the reading is given up.
async fn read_into(stream: Option<impl AsyncRead + Unpin>, kept: &mut Vec<u8>) {
    let Some(mut s) = stream else {
        return;
    };
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(line: &str) -> Vec<String> {
        vec!["/bin/sh".into(), "-c".into(), line.into()]
    }

    #[tokio::test]
    async fn a_daemon_left_running_does_not_hold_up_the_command() {
        let started = Instant::now();
        let ran = run_process(&sh("echo started; sleep 30 & exit 0"), None, &[])
            .await
            .unwrap();
        assert_eq!(ran.code, 0);
        assert!(ran.stdout.contains("started"));
        assert!(ran.left_running, "the sleep held the pipes");
        assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[tokio::test]
    async fn a_held_command_runs_only_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join("ran");
        let argv = vec!["touch".to_owned(), marker.display().to_string()];
        let held = spawn_held(&argv, None, &[]).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        assert!(!marker.exists(), "not before it is released");
        drop(held);
        std::thread::sleep(Duration::from_millis(200));
        assert!(!marker.exists(), "never, when the holder is gone");
        let mut held = spawn_held(&argv, None, &[]).unwrap();
        let group = held.pgid();
        held.release().await.unwrap();
        let ran = held.wait().await.unwrap();
        assert_eq!(ran.code, 0);
        assert!(marker.exists());
        assert_eq!(group, held.pgid());
    }

    #[tokio::test]
    async fn output_is_read_to_the_end() {
        let ran = run_process(
            &sh("printf 'a%.0s' $(seq 1 100000); echo; echo e >&2; exit 3"),
            None,
            &[],
        )
        .await
        .unwrap();
        assert_eq!(ran.code, 3);
        assert_eq!(ran.stdout.len(), KEEP, "kept up to the bound");
        assert_eq!(ran.stderr, "e\n");
        assert!(!ran.left_running);
    }

    #[tokio::test]
    async fn a_detached_group_survives_its_handle_and_a_dropped_one_does_not() {
        let mut kept = spawn(&sh("sleep 30 & exit 0"), None, &[]).unwrap();
        let kept_group = kept.pgid();
        assert!(kept.wait().await.unwrap().left_running);
        kept.detach();
        drop(kept);
        assert!(group_alive(kept_group));
        let _ = killpg(Pid::from_raw(kept_group), Signal::SIGKILL);

        let mut killed = spawn(&sh("sleep 30 & exit 0"), None, &[]).unwrap();
        let killed_group = killed.pgid();
        killed.wait().await.unwrap();
        drop(killed);
        // SIGKILL is delivered at once; give the kernel a moment to reap.
        for _ in 0..50 {
            if !group_alive(killed_group) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!group_alive(killed_group));
    }
}
