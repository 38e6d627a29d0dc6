//! systemd's journal as a log source. Entries are read through `journalctl -o export` and each
//! becomes the line rsyslog would have written for it (`2026-12-04T09:30:01.123456+08:00 web1
//! sshd[812]: Failed password for …`), so the rules, windows and audit detectors written for
//! /var/log/secure and /var/log/messages read the journal unchanged. A message's control
//! characters are escaped as rsyslog escapes them (a line break becomes `#012`), so one entry
//! is one line and no message can pass for an entry of its own. An incremental read resumes
//! at the journal's own cursor for the last entry read.
//!
//! journalctl rather than the journal files themselves: it is on every host that has a journal
//! (CentOS 7's systemd 219 included), reads every file version and compression, and merges the
//! files of a directory in time order. Its export format carries each entry's exact time and
//! cursor and every value's bytes as logged, and journalctl writes it four times as fast as
//! JSON (500,000 entries: 1.3 s against 5.1 s, `bench/journal.sh`).
//! Only options systemd 219 already had are used, and times are given to it in UTC.

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Deserialize;

use crate::core::text::{Text, io_error};
use crate::text;

/// How long one journalctl may run before it is stopped: a day of a busy host's journal reads
/// in well under a minute, so this only ends a journalctl that hangs.
pub const TIMEOUT: Duration = Duration::from_secs(600);

/// Converted text handed to the scanner at a time.
const CHUNK: usize = 256 * 1024;

/// Bytes of journalctl's stderr kept for messages.
const STDERR_KEPT: usize = 4096;

/// What a source reads of the journal: the `journal:` mapping of a log source. Everything
/// given narrows the entries, as journalctl's options do; nothing reads the whole journal.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// Units (`-u`), one or a list: the unit's own entries and systemd's about it.
    #[serde(default, deserialize_with = "one_or_many")]
    pub unit: Vec<String>,
    /// Syslog identifiers (`-t`), one or a list: `sudo`, `sshd`.
    #[serde(default, deserialize_with = "one_or_many")]
    pub identifier: Vec<String>,
    /// Field matches as journalctl takes them: `_COMM=sshd`, `PRIORITY=3`; entries must match
    /// every field named, and any of the values given for one field; `+` starts an
    /// alternative.
    #[serde(default)]
    pub matches: Vec<String>,
    /// Priorities kept (`-p`): `err` keeps err and above; `warning..err` a range.
    pub priority: Option<String>,
    /// A journal directory (`-D`), e.g. one copied from another host; relative to the config.
    pub directory: Option<String>,
    /// Journal files (`--file`), globs allowed; relative to the config.
    #[serde(default, deserialize_with = "one_or_many")]
    pub files: Vec<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Names;
    impl<'de> serde::de::Visitor<'de> for Names {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a name or a list of names, e.g. `sshd` or `[sshd, sudo]`")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                out.push(name);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Names)
}

/// Priority names journalctl knows, highest first (0–7).
const PRIORITIES: [&str; 8] = [
    "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
];

impl Query {
    /// What is wrong with it: (field, message, hint).
    pub fn problems(&self) -> Vec<(&'static str, String, &'static str)> {
        let mut out = Vec::new();
        for m in &self.matches {
            if m != "+" && !is_match(m) {
                out.push((
                    "matches",
                    format!("`{m}` is not a journal match"),
                    "write FIELD=VALUE with the field in capitals, e.g. `_COMM=sshd` or `PRIORITY=3`, or `+` between alternatives",
                ));
            }
        }
        if let Some(p) = &self.priority {
            let ok = |x: &str| PRIORITIES.contains(&x) || matches!(x.parse::<u8>(), Ok(0..=7));
            let valid = match p.split_once("..") {
                Some((a, b)) => ok(a) && ok(b),
                None => ok(p),
            };
            if !valid {
                out.push((
                    "priority",
                    format!("unknown priority `{p}`"),
                    "use one of emerg, alert, crit, err, warning, notice, info, debug (or 0–7), or a range such as `warning..err`",
                ));
            }
        }
        if self.directory.is_some() && !self.files.is_empty() {
            out.push((
                "files",
                "a journal source reads either a directory or files, not both".to_owned(),
                "keep `directory:` or `files:`",
            ));
        }
        for (field, list) in [("unit", &self.unit), ("identifier", &self.identifier)] {
            if list.iter().any(|v| v.trim().is_empty()) {
                out.push((field, format!("an empty {field}"), "name it, e.g. `sshd`"));
            }
        }
        out
    }

    /// How tables and messages name it: `journal -u sshd -p err`.
    pub fn describe(&self) -> String {
        let mut parts = vec!["journal".to_owned()];
        parts.extend(self.selection(Path::new("")));
        parts.join(" ")
    }

    /// What identifies the selection, so that a stored cursor is used only by the query that
    /// stored it: a changed query reads its window afresh.
    pub fn identity(&self, base_dir: &Path) -> String {
        self.selection(base_dir).join("\0")
    }

    /// The options and matches that select the entries (everything but time and output).
    fn selection(&self, base_dir: &Path) -> Vec<String> {
        let resolve = |p: &str| {
            if Path::new(p).is_absolute() || base_dir.as_os_str().is_empty() {
                p.to_owned()
            } else {
                base_dir.join(p).to_string_lossy().into_owned()
            }
        };
        let mut args = Vec::new();
        if let Some(d) = &self.directory {
            args.push(format!("--directory={}", resolve(d)));
        }
        for f in &self.files {
            args.push(format!("--file={}", resolve(f)));
        }
        for u in &self.unit {
            args.push(format!("--unit={u}"));
        }
        for t in &self.identifier {
            args.push(format!("--identifier={t}"));
        }
        if let Some(p) = &self.priority {
            args.push(format!("--priority={p}"));
        }
        // Matches last: journalctl takes them as its positional arguments.
        args.extend(self.matches.iter().cloned());
        args
    }
}

/// `FIELD=VALUE` with a field name journald accepts: capitals, digits and `_`, not starting
/// with a digit.
fn is_match(m: &str) -> bool {
    let Some((field, _)) = m.split_once('=') else {
        return false;
    };
    !field.is_empty()
        && !field.starts_with(|c: char| c.is_ascii_digit())
        && field
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// One read of a source's journal: which entries, from where, in which timezone.
#[derive(Clone, Debug)]
pub struct Reading<'a> {
    /// The source's selection.
    pub query: &'a Query,
    /// Where relative directories and files are resolved.
    pub base_dir: &'a Path,
    /// The timezone the lines are dated in.
    pub tz: chrono_tz::Tz,
    /// Resume after the entry at this cursor (an incremental read); the window is not used
    /// then.
    pub after: Option<String>,
    /// Entries at or after this time, epoch ms.
    pub since: Option<i64>,
    /// Entries before this time, epoch ms.
    pub until: Option<i64>,
    /// Only the last this many entries.
    pub last: Option<usize>,
    /// How long journalctl may run before it is stopped.
    pub timeout: Duration,
}

impl Reading<'_> {
    fn argv(&self) -> Vec<String> {
        let mut args = vec![
            "journalctl".to_owned(),
            "--output=export".to_owned(),
            "--all".to_owned(),
            "--no-pager".to_owned(),
        ];
        // journalctl is run with TZ=UTC, so these times are UTC; the window's exact edges are
        // applied again to each line, so whole seconds (rounded outwards) are enough here.
        let utc = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .unwrap_or_default()
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        };
        // `--cursor` and dropping the entry if it is the one read last, not `--after-cursor`:
        // when that entry is gone (vacuumed) or no longer matches, --after-cursor skips the
        // first entry not yet read.
        if let Some(c) = &self.after {
            args.push(format!("--cursor={c}"));
        } else {
            if let Some(s) = self.since {
                args.push(format!("--since={}", utc(s.div_euclid(1000) * 1000)));
            }
            if let Some(u) = self.until {
                args.push(format!(
                    "--until={}",
                    utc((u + 999).div_euclid(1000) * 1000)
                ));
            }
        }
        if let Some(n) = self.last {
            args.push(format!("--lines={n}"));
        }
        args.extend(self.query.selection(self.base_dir));
        args
    }
}

/// How far a read got, shared with whoever reads the stream.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    /// The cursor of the last entry handed out.
    pub cursor: Option<String>,
    /// What journalctl said on stderr while succeeding (a file it skipped, entries this
    /// account may not see), once the stream has ended.
    pub warning: Option<Text>,
}

/// [`Progress`] as the stream updates it.
pub type Position = Arc<Mutex<Progress>>;

/// Starts journalctl for `read`: the converted lines as a stream, and where the last entry
/// handed out sits in the journal. The stream fails at its end when journalctl failed or was
/// stopped after the reading's timeout.
pub fn open(read: &Reading<'_>) -> io::Result<(Entries, Position)> {
    let unreadable = journal_files(read.query, read.base_dir)?;
    let (entries, position) = start(&read.argv(), read.timeout, read.tz, read.after.clone())?;
    position.lock().unwrap_or_else(|e| e.into_inner()).warning = unreadable;
    Ok((entries, position))
}

/// Where journald keeps the system's journal: persistent, then volatile.
const SYSTEM_JOURNALS: [&str; 2] = ["/var/log/journal", "/run/log/journal"];

/// Checks there is a journal this account can read, as journalctl would find it: files in
/// the directory or in its machines' folders (named by a machine id). journalctl reads
/// nothing from a directory without journal files, and passes over files this account may
/// not read, both without a word: neither may pass for a quiet log. Gives what to warn of
/// when some files cannot be read.
fn journal_files(query: &Query, base_dir: &Path) -> io::Result<Option<Text>> {
    if !query.files.is_empty() {
        // journalctl fails on files it cannot open.
        return Ok(None);
    }
    let dirs: Vec<std::path::PathBuf> = match &query.directory {
        Some(d) => vec![base_dir.join(d)],
        None => SYSTEM_JOURNALS.iter().map(Into::into).collect(),
    };
    let is_journal = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".journal") || n.ends_with(".journal~"))
    };
    let is_machine = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.len() == 32 && n.bytes().all(|b| b.is_ascii_hexdigit()))
            && p.is_dir()
    };
    let list = |dir: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .map(|l| l.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    let mut found = Vec::new();
    for dir in &dirs {
        for path in list(dir) {
            if is_journal(&path) {
                found.push(path);
            } else if is_machine(&path) {
                found.extend(list(&path).into_iter().filter(|p| is_journal(p)));
            }
        }
    }
    let at = dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(" | ");
    if found.is_empty() {
        return Err(io_error(
            io::ErrorKind::NotFound,
            match &query.directory {
                Some(_) => text!(
                    "{at} 中没有 journal 文件（journalctl 只读该目录本身及以机器 ID 命名的子目录），请检查 directory:",
                    "no journal file in {at} (journalctl reads the folder itself and its folders named by a machine id); check `directory:`",
                    at = at
                ),
                None => text!(
                    "本机没有 systemd 日志（{at} 中没有 journal 文件），请改用 paths: 读取日志文件",
                    "this host keeps no systemd journal (no journal file in {at}); read the log files with `paths:` instead",
                    at = at
                ),
            },
        ));
    }
    let unreadable = found
        .iter()
        .filter(|p| nix::unistd::access(p.as_path(), nix::unistd::AccessFlags::R_OK).is_err())
        .count();
    if unreadable == found.len() {
        return Err(io_error(
            io::ErrorKind::PermissionDenied,
            text!(
                "当前账号无权读取 {at} 中的任何 journal 文件；请把运行 znode 的账号加入 systemd-journal 组（usermod -aG systemd-journal znode）",
                "this account may read none of the journal files in {at}; add the account znode runs as to the systemd-journal group (usermod -aG systemd-journal znode)",
                at = at
            ),
        ));
    }
    Ok((unreadable > 0).then(|| {
        text!(
            "{at} 中 {total} 个 journal 文件有 {unreadable} 个当前账号无权读取，已跳过；请把运行 znode 的账号加入 systemd-journal 组（usermod -aG systemd-journal znode）",
            "{unreadable} of {total} journal files in {at} are not readable by this account and were passed over; add the account znode runs as to the systemd-journal group (usermod -aG systemd-journal znode)",
            at = at,
            unreadable = unreadable,
            total = found.len()
        )
    }))
}

/// Runs `argv` (journalctl) and reads its export format as lines; `skip` is the cursor read from.
fn start(
    argv: &[String],
    timeout: Duration,
    tz: chrono_tz::Tz,
    skip: Option<String>,
) -> io::Result<(Entries, Position)> {
    let mut child = Command::new(&argv[0])
        .args(&argv[1..])
        .env("TZ", "UTC")
        .env("SYSTEMD_PAGER", "")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                io_error(
                    e.kind(),
                    text!(
                        "找不到 journalctl：本机没有 systemd 日志，请改用 paths: 读取日志文件",
                        "journalctl not found: this host has no systemd journal; read the log files with `paths:` instead"
                    ),
                )
            } else {
                io_error(
                    e.kind(),
                    text!(
                        "无法运行 journalctl：{e}",
                        "cannot run journalctl: {e}",
                        e = e.to_string()
                    ),
                )
            }
        })?;
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    // The end is kept: journalctl says why it failed last.
    let stderr = std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = match stderr.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            };
            kept.extend_from_slice(&buf[..n]);
            if kept.len() > 2 * STDERR_KEPT {
                kept.drain(..kept.len() - STDERR_KEPT);
            }
        }
        let from = kept.len().saturating_sub(STDERR_KEPT);
        String::from_utf8_lossy(&kept[from..]).trim().to_owned()
    });
    let (done, watched) = mpsc::channel::<()>();
    // journalctl stays in our process group, so that Ctrl-C stops it with us; it is reaped
    // only after the watchdog is told, so the pid signalled is still journalctl's.
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    let watchdog = std::thread::spawn(move || {
        let expired = matches!(
            watched.recv_timeout(timeout),
            Err(mpsc::RecvTimeoutError::Timeout)
        );
        if expired {
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        }
        expired
    });
    let position = Position::default();
    Ok((
        Entries {
            child: Some(child),
            stdout: BufReader::with_capacity(CHUNK, stdout),
            stderr: Some(stderr),
            watchdog: Some((done, watchdog)),
            timeout,
            tz,
            skip,
            any: false,
            line: Vec::new(),
            fields: Fields::default(),
            out: Vec::new(),
            at: 0,
            ends: std::collections::VecDeque::new(),
            failed: None,
            position: position.clone(),
        },
        position,
    ))
}

/// The journal's entries as lines, read as they come from journalctl.
pub struct Entries {
    child: Option<Child>,
    stdout: BufReader<ChildStdout>,
    stderr: Option<std::thread::JoinHandle<String>>,
    watchdog: Option<(mpsc::Sender<()>, std::thread::JoinHandle<bool>)>,
    timeout: Duration,
    tz: chrono_tz::Tz,
    /// The cursor read from, whose entry was read last time: dropped when it comes first.
    skip: Option<String>,
    /// Whether journalctl wrote an entry at all.
    any: bool,
    line: Vec<u8>,
    fields: Fields,
    out: Vec<u8>,
    at: usize,
    /// Where each entry converted into `out` ends, and its cursor: the cursor advances as
    /// entries are handed out, not as they are converted.
    ends: std::collections::VecDeque<(usize, String)>,
    /// How journalctl failed, told once what it wrote before has been handed out.
    failed: Option<io::Error>,
    position: Position,
}

impl Entries {
    /// Converts entries until a chunk is ready or journalctl's output ends; a failure is kept
    /// for after the chunk.
    fn fill(&mut self) {
        self.out.clear();
        self.at = 0;
        self.ends.clear();
        while self.out.len() < CHUNK {
            let ended = match read_entry(&mut self.stdout, &mut self.line, &mut self.fields) {
                Ok(read) => !read,
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => true,
                Err(e) => {
                    self.failed = Some(e);
                    self.stop();
                    return;
                }
            };
            // The end, or an entry cut off there: how journalctl ended says why.
            if ended {
                if let Err(e) = self.finish() {
                    self.failed = Some(e);
                }
                return;
            }
            self.any = true;
            let from = self.out.len();
            let Some(cursor) = line_of(&self.fields, self.tz, &mut self.out) else {
                continue;
            };
            if let Some(skip) = self.skip.take()
                && skip == cursor
            {
                self.out.truncate(from);
                continue;
            }
            self.ends.push_back((self.out.len(), cursor));
        }
    }

    /// Stops journalctl if it runs.
    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Some((done, watchdog)) = self.watchdog.take() {
                drop(done);
                let _ = watchdog.join();
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Waits for journalctl and says how it ended.
    fn finish(&mut self) -> io::Result<()> {
        let Some(mut child) = self.child.take() else {
            return Ok(());
        };
        let expired = match self.watchdog.take() {
            Some((done, watchdog)) => {
                drop(done);
                watchdog.join().unwrap_or(false)
            }
            None => false,
        };
        let status = child.wait()?;
        let said = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        if expired {
            return Err(io_error(
                io::ErrorKind::TimedOut,
                text!(
                    "journalctl 在 {s} 秒内未结束，已被终止；请缩小日志源（unit、identifier、priority）或时间窗口",
                    "journalctl did not finish within {s} s and was stopped; narrow the source (unit, identifier, priority) or the window",
                    s = self.timeout.as_secs()
                ),
            ));
        }
        // systemd 218–225 fail when their first seek finds no entry ("Failed to get realtime
        // timestamp: Cannot assign requested address"): a read that found nothing.
        if !status.success() && !self.any && said.contains("Cannot assign requested address") {
            return Ok(());
        }
        if !status.success() {
            let why = if said.is_empty() {
                status.to_string()
            } else {
                said
            };
            return Err(io_error(
                io::ErrorKind::Other,
                text!(
                    "journalctl 出错：{why}",
                    "journalctl failed: {why}",
                    why = why
                ),
            ));
        }
        if !said.is_empty() {
            // journalctl's own words, quoted as they are, after what was found before it ran.
            let mut p = self.position.lock().unwrap_or_else(|e| e.into_inner());
            p.warning = Some(match p.warning.take() {
                Some(w) => Text::join(&[w, Text::raw(said)], "；", "; "),
                None => Text::raw(said),
            });
        }
        Ok(())
    }
}

impl Read for Entries {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at >= self.out.len() {
            if let Some(e) = self.failed.take() {
                return Err(e);
            }
            if self.child.is_none() {
                return Ok(0);
            }
            self.fill();
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        let mut handed = None;
        while self.ends.front().is_some_and(|(end, _)| *end <= self.at) {
            handed = self.ends.pop_front().map(|(_, c)| c);
        }
        if handed.is_some() {
            self.position
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .cursor = handed;
        }
        Ok(n)
    }
}

impl Drop for Entries {
    fn drop(&mut self) {
        // Read only in part (the scan stopped early): journalctl must not outlive us.
        self.stop();
    }
}

/// Bytes of a field kept: a longer message is searched in its first MiB, as a long line of a
/// file is.
const FIELD_KEPT: u64 = 1 << 20;

/// The fields of an entry its line is made of, as journalctl's export format gives them;
/// the first value given where the entry carries a field more than once.
#[derive(Default)]
struct Fields {
    cursor: Option<Vec<u8>>,
    realtime: Option<Vec<u8>>,
    host: Option<Vec<u8>>,
    identifier: Option<Vec<u8>>,
    comm: Option<Vec<u8>>,
    pid: Option<Vec<u8>>,
    syslog_pid: Option<Vec<u8>>,
    message: Option<Vec<u8>>,
}

impl Fields {
    fn slot(&mut self, name: &[u8]) -> Option<&mut Option<Vec<u8>>> {
        Some(match name {
            b"__CURSOR" => &mut self.cursor,
            b"__REALTIME_TIMESTAMP" => &mut self.realtime,
            b"_HOSTNAME" => &mut self.host,
            b"SYSLOG_IDENTIFIER" => &mut self.identifier,
            b"_COMM" => &mut self.comm,
            b"_PID" => &mut self.pid,
            b"SYSLOG_PID" => &mut self.syslog_pid,
            b"MESSAGE" => &mut self.message,
            _ => return None,
        })
    }
}

/// Reads the next entry of journalctl's export format (`NAME=value` lines, or the name, a
/// little-endian 64-bit length and the bytes for a value that is binary or holds a line
/// break; a blank line after each entry) into `fields`. False at the end of the output; an
/// entry cut off there is not one.
fn read_entry(r: &mut impl BufRead, line: &mut Vec<u8>, fields: &mut Fields) -> io::Result<bool> {
    *fields = Fields::default();
    let mut any = false;
    loop {
        line.clear();
        if r.read_until(b'\n', line)? == 0 || line.last() != Some(&b'\n') {
            return Ok(false);
        }
        let text = &line[..line.len() - 1];
        if text.is_empty() {
            if any {
                return Ok(true);
            }
            continue;
        }
        any = true;
        if let Some(eq) = memchr::memchr(b'=', text) {
            if let Some(slot) = fields.slot(&text[..eq])
                && slot.is_none()
            {
                *slot = Some(text[eq + 1..].to_vec());
            }
            continue;
        }
        let mut len = [0u8; 8];
        r.read_exact(&mut len)?;
        let len = u64::from_le_bytes(len);
        let kept = len.min(FIELD_KEPT);
        let mut value = Vec::with_capacity(kept as usize);
        (&mut *r).take(kept).read_to_end(&mut value)?;
        io::copy(&mut (&mut *r).take(len - kept), &mut io::sink())?;
        let mut newline = [0u8; 1];
        r.read_exact(&mut newline)?;
        if let Some(slot) = fields.slot(text)
            && slot.is_none()
        {
            *slot = Some(value);
        }
    }
}

/// Appends an entry to `out` as the line rsyslog writes for it, control characters in the
/// message escaped (`#012` for a line break). Gives the entry's cursor; nothing for an entry
/// without a cursor or time.
fn line_of(e: &Fields, tz: chrono_tz::Tz, out: &mut Vec<u8>) -> Option<String> {
    let cursor = String::from_utf8(e.cursor.clone()?).ok()?;
    let us: i64 = std::str::from_utf8(e.realtime.as_deref()?)
        .ok()?
        .parse()
        .ok()?;
    let when = chrono::DateTime::from_timestamp_micros(us)?.with_timezone(&tz);
    use std::io::Write;
    let _ = write!(out, "{}", when.format("%Y-%m-%dT%H:%M:%S%.6f%:z"));
    out.push(b' ');
    match &e.host {
        Some(h) => out.extend(clean(h)),
        None => out.extend_from_slice(b"localhost"),
    }
    out.push(b' ');
    match e.identifier.as_ref().or(e.comm.as_ref()) {
        Some(i) => out.extend(clean(i)),
        None => out.extend_from_slice(b"-"),
    }
    // As rsyslog's imjournal: the pid the program logged, else the one journald saw.
    if let Some(pid) = e.syslog_pid.as_ref().or(e.pid.as_ref()) {
        out.push(b'[');
        out.extend(clean(pid));
        out.push(b']');
    }
    out.extend_from_slice(b": ");
    let message = e.message.as_deref().unwrap_or_default();
    let message = message.strip_suffix(b"\n").unwrap_or(message);
    for &b in message {
        if b < 0x20 || b == 0x7f {
            let _ = write!(out, "#{b:03o}");
        } else {
            out.push(b);
        }
    }
    out.push(b'\n');
    Some(cursor)
}

/// A header field on one line: no spaces or line breaks inside.
fn clean(b: &[u8]) -> impl Iterator<Item = u8> + '_ {
    b.iter()
        .map(|&c| if c.is_ascii_whitespace() { b'_' } else { c })
}

/// The last `n` entries as lines, and what journalctl warned of, within 30 s.
pub fn tail(
    query: &Query,
    base_dir: &Path,
    tz: chrono_tz::Tz,
    n: usize,
) -> io::Result<(Vec<String>, Option<Text>)> {
    let read = Reading {
        query,
        base_dir,
        tz,
        after: None,
        since: None,
        until: None,
        last: Some(n),
        timeout: Duration::from_secs(30),
    };
    let (entries, position) = open(&read)?;
    let mut bytes = Vec::new();
    entries.take(1 << 20).read_to_end(&mut bytes)?;
    let lines = String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_owned)
        .collect();
    let warning = position
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .warning
        .take();
    Ok((lines, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry in journalctl's export format: text fields as `NAME=value`, others binary.
    fn export(fields: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, value) in fields {
            match std::str::from_utf8(value) {
                Ok(text) if !text.contains('\n') => {
                    out.extend_from_slice(format!("{name}={text}\n").as_bytes());
                }
                _ => {
                    out.extend_from_slice(format!("{name}\n").as_bytes());
                    out.extend_from_slice(&(value.len() as u64).to_le_bytes());
                    out.extend_from_slice(value);
                    out.push(b'\n');
                }
            }
        }
        out.push(b'\n');
        out
    }

    /// The lines and cursors of an export stream.
    fn convert(bytes: &[u8], tz: chrono_tz::Tz) -> (Vec<u8>, Vec<String>) {
        let mut r = io::Cursor::new(bytes);
        let (mut line, mut fields) = (Vec::new(), Fields::default());
        let (mut out, mut cursors) = (Vec::new(), Vec::new());
        while read_entry(&mut r, &mut line, &mut fields).unwrap() {
            cursors.extend(line_of(&fields, tz, &mut out));
        }
        (out, cursors)
    }

    #[test]
    fn entries_become_syslog_lines() {
        let tz: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
        let mut bytes = export(&[
            ("__CURSOR", b"s=1;i=2"),
            ("__REALTIME_TIMESTAMP", b"1796355772123456"),
            ("_HOSTNAME", b"web1"),
            ("SYSLOG_IDENTIFIER", b"sshd"),
            ("_PID", b"4242"),
            (
                "MESSAGE",
                b"Failed password for root from 10.0.0.1 port 22 ssh2",
            ),
            ("MESSAGE", b"a second value is not the message"),
        ]);
        // Bytes that are not UTF-8 pass through as they were logged (GBK here); a message of
        // several lines stays one line, its breaks escaped as rsyslog does; no identifier
        // falls back to the command.
        bytes.extend(export(&[
            ("__CURSOR", b"c"),
            ("__REALTIME_TIMESTAMP", b"1796355772000000"),
            ("_COMM", b"java"),
            ("MESSAGE", &[180, 237, 206, 243, 10, 32, 97, 116]),
        ]));
        // A message cannot pass for a line of its own.
        bytes.extend(export(&[
            ("__CURSOR", b"d"),
            ("__REALTIME_TIMESTAMP", b"1796355772000000"),
            ("SYSLOG_IDENTIFIER", b"app"),
            (
                "MESSAGE",
                b"ok\n2026-12-04T11:42:53 web1 sshd[1]: Accepted password for root\tx",
            ),
        ]));
        // An entry without a time is not a line; one cut off at the end is not an entry.
        bytes.extend(export(&[("__CURSOR", b"e"), ("MESSAGE", b"no time")]));
        bytes.extend(b"__CURSOR=f\n__REALTIME_TIMESTAMP=1796355772000000\nMESSAGE=cut");
        let (out, cursors) = convert(&bytes, tz);
        assert_eq!(cursors, ["s=1;i=2", "c", "d"]);
        let mut want = b"2026-12-04T11:42:52.123456+08:00 web1 sshd[4242]: Failed password for root from 10.0.0.1 port 22 ssh2\n".to_vec();
        want.extend(b"2026-12-04T11:42:52.000000+08:00 localhost java: \xb4\xed\xce\xf3#012 at\n");
        want.extend(b"2026-12-04T11:42:52.000000+08:00 localhost app: ok#0122026-12-04T11:42:53 web1 sshd[1]: Accepted password for root#011x\n");
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&want)
        );
        assert_eq!(out, want);
    }

    /// What journalctl wrote before it failed is handed out, then the failure; the cursor is
    /// that of the last entry handed out; the entry at the cursor read from is not read again.
    #[test]
    fn a_failure_comes_after_what_was_read() {
        let entry = |c: &str, m: &str| {
            export(&[
                ("__CURSOR", c.as_bytes()),
                ("__REALTIME_TIMESTAMP", b"1796355772000000"),
                ("SYSLOG_IDENTIFIER", b"app"),
                ("MESSAGE", m.as_bytes()),
            ])
        };
        let mut written = entry("c1", "read last time");
        written.extend(entry("c2", "first"));
        written.extend(entry("c3", "second"));
        written.extend(b"__CURSOR=c4\nMESS");
        let file =
            std::env::temp_dir().join(format!("znode-journal-{}.export", std::process::id()));
        std::fs::write(&file, written).unwrap();
        let script = format!(
            "cat '{}'; echo 'Failed to iterate through journal: Bad message' >&2; exit 1",
            file.display()
        );
        let argv = ["sh", "-c", &script].map(str::to_owned);
        let (mut entries, position) = start(
            &argv,
            Duration::from_secs(30),
            chrono_tz::UTC,
            Some("c1".into()),
        )
        .unwrap();
        let mut text = Vec::new();
        let err = entries.read_to_end(&mut text).unwrap_err();
        std::fs::remove_file(&file).unwrap();
        assert!(err.to_string().contains("Bad message"), "{err}");
        let text = String::from_utf8(text).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.contains("app: first\n") && text.contains("app: second\n"));
        let cursor = position.lock().unwrap().cursor.clone();
        assert_eq!(cursor.as_deref(), Some("c3"));
    }

    /// systemd 218–225 exit 1 when a read finds no entry; that is an empty read.
    #[test]
    fn an_old_journalctl_finding_nothing_is_an_empty_read() {
        let argv = [
            "sh",
            "-c",
            "echo 'Failed to get realtime timestamp: Cannot assign requested address' >&2; exit 1",
        ]
        .map(str::to_owned);
        let (mut entries, position) =
            start(&argv, Duration::from_secs(30), chrono_tz::UTC, None).unwrap();
        let mut text = Vec::new();
        entries.read_to_end(&mut text).unwrap();
        assert!(text.is_empty());
        assert_eq!(position.lock().unwrap().cursor, None);
    }

    /// journalctl reads a directory's own files and those of its machines' folders (named by
    /// a machine id), nothing else; a directory without any is refused, not read as quiet.
    #[test]
    fn a_directory_without_journal_files_is_refused() {
        let dir = std::env::temp_dir().join(format!("znode-journal-dir-{}", std::process::id()));
        let query = Query {
            directory: Some(dir.display().to_string()),
            ..Query::default()
        };
        std::fs::create_dir_all(dir.join("web1")).unwrap();
        std::fs::write(dir.join("web1/system.journal"), b"").unwrap();
        let err = journal_files(&query, Path::new("")).unwrap_err();
        assert!(err.to_string().contains("machine id"), "{err}");
        let machine = dir.join("0123456789abcdef0123456789abcdef");
        std::fs::create_dir_all(&machine).unwrap();
        std::fs::write(machine.join("system.journal"), b"").unwrap();
        assert!(journal_files(&query, Path::new("")).unwrap().is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn queries_are_checked_and_described() {
        let q = Query {
            unit: vec!["sshd".into()],
            matches: vec!["_COMM=sshd".into(), "+".into(), "comm=x".into()],
            priority: Some("warning..err".into()),
            ..Query::default()
        };
        let problems = q.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].1.contains("comm=x"));
        assert_eq!(
            q.describe(),
            "journal --unit=sshd --priority=warning..err _COMM=sshd + comm=x"
        );
        let bad = Query {
            priority: Some("errors".into()),
            directory: Some("/j".into()),
            files: vec!["/j/x.journal".into()],
            ..Query::default()
        };
        assert_eq!(bad.problems().len(), 2);
    }
}
