//! The system OpenSSH client, driven the way Ansible drives it: one `ssh` process per command,
//! batch mode, strict host keys, a shared master connection (ControlMaster) so that a second
//! command to the same host costs no handshake. `~/.ssh/config`, the agent, ProxyJump and
//! `known_hosts` work as the team already has them.
//!
//! Why not a Rust SSH library: the `openssh` crate cannot pass the arbitrary `-o` options an
//! Ansible inventory carries (`ansible_ssh_common_args`), and a pure-Rust client would bring a
//! second crypto stack and its own host-key handling to audit.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::process::{Child, Command};

use super::inventory::{Host, Inventory};

/// Why a host could not be reached (or its agent not run), in the words an operator acts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreachable {
    /// What kind of failure.
    pub kind: Failure,
    /// ssh's own words (its last meaningful stderr line), for the evidence.
    pub detail: String,
}

/// The kinds of failure to reach a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Nothing listens on the ssh port.
    Refused,
    /// No answer within the connect timeout (a firewall dropping, a host down).
    Timeout,
    /// The network has no way there.
    NoRoute,
    /// The name does not resolve.
    Resolve,
    /// Key or password refused.
    Auth,
    /// The host's key differs from the one known: possibly another machine.
    HostKeyChanged,
    /// The host's key is not in known_hosts and strict checking is on.
    HostKeyUnknown,
    /// Connected, but znode is not at the expected path on the host.
    NotInstalled,
    /// `sudo -n` asked for a password.
    Sudo,
    /// Connected, but the agent's answer was not understood (another version?).
    Protocol,
    /// The host stopped answering in the middle of the run.
    Lost,
    /// Anything else ssh said.
    Other,
}

impl Failure {
    /// The reason in Chinese, for tables and reports.
    pub fn zh(self) -> &'static str {
        match self {
            Failure::Refused => "连接被拒绝（sshd 未运行或端口不对）",
            Failure::Timeout => "连接超时",
            Failure::NoRoute => "网络不可达",
            Failure::Resolve => "主机名无法解析",
            Failure::Auth => "认证失败",
            Failure::HostKeyChanged => "主机密钥已变更，已拒绝连接",
            Failure::HostKeyUnknown => "主机密钥未登记（known_hosts 中没有）",
            Failure::NotInstalled => "主机上未安装 znode",
            Failure::Sudo => "sudo 需要密码",
            Failure::Protocol => "主机上的 znode 应答无法识别",
            Failure::Lost => "运行中失去连接",
            Failure::Other => "SSH 连接失败",
        }
    }

    /// The reason in English.
    pub fn en(self) -> &'static str {
        match self {
            Failure::Refused => "connection refused (sshd not running, or the wrong port)",
            Failure::Timeout => "connection timed out",
            Failure::NoRoute => "no route to host",
            Failure::Resolve => "host name does not resolve",
            Failure::Auth => "authentication failed",
            Failure::HostKeyChanged => "host key changed; connection refused",
            Failure::HostKeyUnknown => "host key unknown (not in known_hosts)",
            Failure::NotInstalled => "znode is not installed on the host",
            Failure::Sudo => "sudo asks for a password",
            Failure::Protocol => "znode on the host answered something unreadable",
            Failure::Lost => "connection lost mid-run",
            Failure::Other => "ssh failed",
        }
    }

    /// What to do about it.
    pub fn hint(self) -> &'static str {
        match self {
            Failure::Refused => "start sshd on the host, or fix `port`/`ansible_port`",
            Failure::Timeout => {
                "check the address, the firewall between the jump host and the host, or raise `fleet.connect_timeout`"
            }
            Failure::NoRoute => "check the address and the routes from the jump host",
            Failure::Resolve => "fix the host's `address` (or `ansible_host`)",
            Failure::Auth => {
                "check `user` and `identity` (ssh -i), and that the key is in the host's authorized_keys"
            }
            Failure::HostKeyChanged => {
                "if the host was reinstalled, verify its new key out of band, then `ssh-keygen -R HOST` and connect once by hand"
            }
            Failure::HostKeyUnknown => {
                "verify the host's key and add it to known_hosts (ssh-keyscan HOST >> ~/.ssh/known_hosts after checking the fingerprint)"
            }
            Failure::NotInstalled => {
                "run `znode fleet push` to install it, or set the host's `znode_path`"
            }
            Failure::Sudo => {
                "allow the login `NOPASSWD` for znode in sudoers, or set `sudo: false`"
            }
            Failure::Protocol => "run `znode fleet push` so the host has this znode version",
            Failure::Lost => "the host or the network went away during the run; look at the host",
            Failure::Other => "run the ssh command by hand with -v to see why",
        }
    }
}

impl Unreachable {
    /// A failure with ssh's words.
    pub fn new(kind: Failure, detail: impl Into<String>) -> Unreachable {
        Unreachable {
            kind,
            detail: detail.into(),
        }
    }

    /// Classifies a failed ssh from its exit code and stderr; `None` when ssh itself worked
    /// and the remote command failed.
    pub fn classify(code: Option<i32>, stderr: &str, sudo: bool) -> Option<Unreachable> {
        let line = last_line(stderr);
        let has = |s: &str| stderr.contains(s);
        let kind = if has("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            Failure::HostKeyChanged
        } else if has("Host key verification failed") || has("No ED25519 host key is known") {
            Failure::HostKeyUnknown
        } else if has("Connection refused") || has("kex_exchange_identification") {
            Failure::Refused
        } else if has("timed out") || has("Connection timed out") {
            Failure::Timeout
        } else if has("No route to host") || has("Network is unreachable") {
            Failure::NoRoute
        } else if has("Could not resolve hostname") || has("Name or service not known") {
            Failure::Resolve
        } else if has("closed by remote host") || has("Connection reset") || has("Broken pipe") {
            Failure::Lost
        } else if code == Some(126) {
            // Found but not runnable (no execute bit, or a binary for another machine).
            Failure::NotInstalled
        } else if has("Permission denied") || has("Too many authentication failures") {
            Failure::Auth
        } else if code == Some(127)
            || has("command not found")
            || (has("No such file or directory") && matches!(code, Some(1 | 126)))
        {
            Failure::NotInstalled
        } else if sudo
            && code != Some(0)
            && (has("a password is required")
                || has("is not in the sudoers")
                || has("is not allowed to execute")
                || has("no tty present")
                || has("you must have a tty"))
        {
            Failure::Sudo
        } else if code == Some(255) {
            Failure::Other
        } else {
            return None;
        };
        Some(Unreachable::new(kind, line))
    }
}

impl std::fmt::Display for Unreachable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.detail.is_empty() {
            f.write_str(self.kind.zh())
        } else {
            write!(f, "{}（{}）", self.kind.zh(), self.detail)
        }
    }
}

/// The last line of ssh's stderr that says something (not a warning about known_hosts), cut
/// to 300 characters.
pub fn last_line(stderr: &str) -> String {
    stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("Warning: Permanently added"))
        .rfind(|l| !l.chars().all(|c| c == '@'))
        .unwrap_or_default()
        .chars()
        .take(300)
        .collect()
}

/// Quotes a word for the remote POSIX shell.
pub fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c))
    {
        return word.to_owned();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// The folder of ControlMaster sockets: private to this user, short enough for a socket path.
fn control_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    let dir = base.join(format!("znode-ssh-{}", nix::unistd::getuid()));
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
    // Another user's folder of that name (in a shared /tmp) is not ours to trust.
    let meta = std::fs::symlink_metadata(&dir).ok()?;
    (meta.is_dir()
        && meta.uid() == nix::unistd::getuid().as_raw()
        && meta.permissions().mode() & 0o077 == 0)
        .then_some(dir)
}

/// The options every connection gets, the jump hop's included.
fn options(inv: &Inventory) -> Vec<String> {
    let s = &inv.settings;
    let mut o = vec![
        "-o".into(),
        "BatchMode=yes".into(),
        "-o".into(),
        format!("ConnectTimeout={}", s.connect_timeout.as_secs().max(1)),
        "-o".into(),
        "ServerAliveInterval=5".into(),
        "-o".into(),
        "ServerAliveCountMax=3".into(),
        "-o".into(),
        if s.strict_host_keys {
            "StrictHostKeyChecking=yes".into()
        } else {
            "StrictHostKeyChecking=accept-new".into()
        },
        "-o".into(),
        "LogLevel=ERROR".into(),
    ];
    if let Some(k) = &s.known_hosts {
        o.push("-o".into());
        o.push(format!("UserKnownHostsFile={}", k.display()));
    }
    o
}

/// How to log in to a host: its own ssh arguments first (ssh keeps the first value of an
/// option, so an inventory's `-o` wins over ours), then ours, port, user and key.
fn login(inv: &Inventory, host: &Host) -> Vec<String> {
    let mut a: Vec<String> = host.ssh_args.clone();
    a.extend(options(inv));
    if let Some(p) = host.port {
        a.extend(["-p".into(), p.to_string()]);
    }
    if let Some(u) = &host.user {
        a.extend(["-l".into(), u.clone()]);
    }
    if let Some(i) = &host.identity {
        a.extend([
            "-i".into(),
            i.display().to_string(),
            "-o".into(),
            "IdentitiesOnly=yes".into(),
        ]);
    }
    a
}

/// An `ssh` command to a host, every option set, without the remote command.
pub fn command(inv: &Inventory, host: &Host) -> Command {
    let mut args = login(inv, host);
    match host.jump.as_deref().map(|j| (j, inv.host(j))) {
        // An inventory host as the hop: through a ProxyCommand with the same options, its own
        // login and key; `-J` would pass the hop none of them (no batch mode, no known_hosts).
        Some((_, Some(jh))) => {
            let mut hop: Vec<String> = vec!["ssh".into()];
            hop.extend(login(inv, jh).iter().map(|a| a.replace('%', "%%")));
            hop.extend([
                "-W".into(),
                "%h:%p".into(),
                "--".into(),
                jh.address.replace('%', "%%"),
            ]);
            let line: Vec<String> = hop
                .iter()
                .map(|w| if w == "%h:%p" { w.clone() } else { quote(w) })
                .collect();
            args.extend(["-o".into(), format!("ProxyCommand={}", line.join(" "))]);
        }
        Some((j, None)) => args.extend(["-J".into(), j.to_owned()]),
        None => {}
    }
    if !inv.settings.control_persist.is_zero()
        && let Some(dir) = control_dir()
    {
        // One master per host as this command reaches it: ssh's own %C hash leaves out the
        // jump and the extra options, so two hosts with one address would share a connection.
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(host.id.as_bytes());
        for a in args.iter().chain([&host.address]) {
            h.update([0u8]);
            h.update(a.as_bytes());
        }
        let key: String = h
            .finalize()
            .iter()
            .take(10)
            .map(|b| format!("{b:02x}"))
            .collect();
        args.extend([
            "-o".into(),
            "ControlMaster=auto".into(),
            "-o".into(),
            format!("ControlPath={}/{key}", dir.display()),
            "-o".into(),
            format!(
                "ControlPersist={}",
                inv.settings.control_persist.as_secs().max(1)
            ),
        ]);
    }
    let mut cmd = Command::new("ssh");
    cmd.arg("-T").args(&args).arg("--").arg(&host.address);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group: a Ctrl-C on the terminal reaches znode, which stops the run
        // and kills ssh itself, instead of killing ssh first and reading that as a lost host.
        .process_group(0)
        .kill_on_drop(true);
    cmd
}

/// The remote command line that runs znode on the host, through `sudo -n` when asked.
pub fn znode_line(host: &Host, args: &[&str]) -> String {
    let mut words: Vec<String> = Vec::new();
    if host.sudo {
        words.extend(["sudo", "-n"].map(String::from));
        if let Some(u) = &host.sudo_user {
            words.extend(["-u".to_owned(), quote(u)]);
        }
        words.push("--".into());
    }
    words.push(quote(&host.znode_path));
    words.extend(args.iter().map(|a| quote(a)));
    words.join(" ")
}

/// What a finished remote command gave.
#[derive(Debug)]
pub struct Output {
    /// Its exit code (none when killed by a signal).
    pub code: Option<i32>,
    /// Its stdout.
    pub stdout: String,
    /// Its stderr (ssh's and the command's).
    pub stderr: String,
}

/// Runs a shell line on a host, feeding `input`; the whole exchange gets `timeout`.
pub async fn exec(
    inv: &Inventory,
    host: &Host,
    line: &str,
    input: &[u8],
    timeout: Duration,
) -> Result<Output, Unreachable> {
    let mut cmd = command(inv, host);
    cmd.arg(line);
    let mut child = spawn(cmd)?;
    let work = async {
        let mut stdin = child.stdin.take();
        let mut out = child.stdout.take();
        let err = child.stderr.take();
        let feed = async {
            if let Some(s) = stdin.as_mut() {
                use tokio::io::AsyncWriteExt;
                let _ = s.write_all(input).await;
                let _ = s.shutdown().await;
            }
            drop(stdin.take());
        };
        let mut stdout = Vec::new();
        let read = async {
            if let Some(o) = out.as_mut() {
                let _ = o.read_to_end(&mut stdout).await;
            }
        };
        let stderr = stderr_reader(err);
        let ((), ()) = tokio::join!(feed, read);
        let status = child.wait().await;
        let stderr = stderr.finish().await;
        (status, stdout, stderr)
    };
    match tokio::time::timeout(timeout, work).await {
        Ok((status, stdout, stderr)) => {
            let code = status.ok().and_then(|s| s.code());
            Ok(Output {
                code,
                stdout: String::from_utf8_lossy(&stdout).into_owned(),
                stderr,
            })
        }
        Err(_) => Err(Unreachable::new(
            Failure::Timeout,
            format!("no answer within {}", humantime::format_duration(timeout)),
        )),
    }
}

/// Starts ssh; a missing `ssh` binary is said plainly.
pub fn spawn(mut cmd: Command) -> Result<Child, Unreachable> {
    cmd.spawn().map_err(|e| {
        Unreachable::new(
            Failure::Other,
            format!("cannot run ssh: {e} (install openssh-client on the jump host)"),
        )
    })
}

/// Reads a child's stderr in the background. A ControlPersist master that ssh leaves behind
/// inherits the pipe and holds it open for minutes, so the caller takes what arrived by the
/// time the child exited instead of waiting for the end of the pipe.
pub struct StderrReader {
    task: tokio::task::JoinHandle<()>,
    buf: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

/// Starts reading stderr.
pub fn stderr_reader(err: Option<tokio::process::ChildStderr>) -> StderrReader {
    let buf = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = buf.clone();
    let task = tokio::spawn(async move {
        let Some(mut err) = err else { return };
        let mut chunk = [0u8; 4096];
        while let Ok(n) = err.read(&mut chunk).await {
            if n == 0 {
                break;
            }
            let mut b = sink.lock().unwrap_or_else(|e| e.into_inner());
            // ssh's own complaints are short; a chatty remote command is cut.
            if b.len() < 64 * 1024 {
                b.extend_from_slice(&chunk[..n]);
            }
        }
    });
    StderrReader { task, buf }
}

impl StderrReader {
    /// What was read; waits briefly for the last bytes of a process that has exited.
    pub async fn finish(self) -> String {
        let _ = tokio::time::timeout(Duration::from_millis(200), &mut { self.task }).await;
        let b = self.buf.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&b).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssh_failures_are_told_apart() {
        let c = |code, err: &str| Unreachable::classify(Some(code), err, false).map(|u| u.kind);
        assert_eq!(
            c(
                255,
                "ssh: connect to host 10.9.0.2 port 22: Connection refused\r\n"
            ),
            Some(Failure::Refused)
        );
        assert_eq!(
            c(
                255,
                "ssh: connect to host 10.9.0.2 port 22: Connection timed out"
            ),
            Some(Failure::Timeout)
        );
        assert_eq!(
            c(
                255,
                "@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@\nHost key verification failed."
            ),
            Some(Failure::HostKeyChanged)
        );
        assert_eq!(
            c(255, "root@10.9.0.2: Permission denied (publickey)."),
            Some(Failure::Auth)
        );
        assert_eq!(
            c(
                127,
                "bash: line 1: .znode/bin/znode: No such file or directory"
            ),
            Some(Failure::NotInstalled)
        );
        assert_eq!(c(2, "some check output"), None);
        assert_eq!(
            Unreachable::classify(Some(1), "sudo: a password is required", true).map(|u| u.kind),
            Some(Failure::Sudo)
        );
    }

    #[test]
    fn remote_words_are_quoted_for_the_shell() {
        assert_eq!(quote(".znode/bin/znode"), ".znode/bin/znode");
        assert_eq!(quote("it's here"), r"'it'\''s here'");
        assert_eq!(quote(""), "''");
    }
}
