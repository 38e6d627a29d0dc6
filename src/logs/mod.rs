//! The log engine: sources declared in the config, rules, scanning, audit detectors, template
//! mining, and archive/purge of old logs.
//!
//! A source is a set of files (path globs, rotations included) or a selection of the systemd
//! journal, of one format, encoding and timezone, belonging to a system. Scanning a source
//! reads its files in time order, several at once, with every rule of the requested kinds
//! compiled into one pass; a journal is read through journalctl as one stream of lines.

pub mod audit;
pub mod cursor;
pub mod journal;
pub mod read;
pub mod retention;
pub mod rules;
pub mod scan;
pub mod template;
pub mod time;

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use crate::core::text::Text;
use crate::text;

pub use read::Declared;
pub use rules::{Format, Rule, RuleKind};
pub use scan::{Sample, Window};

/// The `logs:` section of the config.
#[derive(Clone, Debug, Default)]
pub struct LogSettings {
    /// Declared sources.
    pub sources: Vec<Source>,
    /// Shipped rules merged with the config's.
    pub rules: Vec<Arc<Rule>>,
    /// Archive and purge policies.
    pub retention: Vec<retention::Policy>,
    /// The config's own rules as written (disabled ones too), sent to agents on other hosts,
    /// which merge them with the shipped rules as this side did.
    pub written_rules: Vec<serde_json::Value>,
}

impl LogSettings {
    /// No sources, the shipped rules.
    pub fn with_shipped_rules() -> LogSettings {
        LogSettings {
            rules: rules::shipped().into_iter().map(Arc::new).collect(),
            ..LogSettings::default()
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The ids of the declared sources, for messages.
    pub fn source_ids(&self) -> Vec<&str> {
        self.sources.iter().map(|s| s.id.as_str()).collect()
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Arc<Rule>> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// One log source.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id used by checks and filters.
    pub id: String,
    /// What documents and tables call it (门户访问日志); the id when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// The system it belongs to.
    pub system: Option<String>,
    /// Path globs, rotated files included (`/opt/tomcat/logs/catalina.*`); relative paths are
    /// resolved against the config's folder. A source has these or `journal`.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Entries of the systemd journal instead of files (`unit: sshd`).
    #[serde(default)]
    pub journal: Option<journal::Query>,
    /// Format; detected from the first lines when absent.
    pub format: Option<Format>,
    /// Encoding (`auto`, `utf-8`, `gbk`, `gb18030`).
    #[serde(default)]
    pub encoding: Declared,
    /// Timezone of times without one; the node's by default.
    pub timezone: Option<String>,
    /// Only these rules (ids); all that apply to the format by default.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Hosts or groups whose files these are (default: the hosts of `system`); `local` is
    /// the jump host.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// The source as written, sent to agents on other hosts.
    #[serde(skip)]
    pub written: serde_json::Value,
}

impl Source {
    /// The timezone its lines are dated in: its own, or the node's.
    pub fn tz(&self, node_tz: chrono_tz::Tz) -> Result<chrono_tz::Tz, String> {
        match &self.timezone {
            Some(t) => t
                .parse::<chrono_tz::Tz>()
                .map_err(|_| format!("unknown timezone `{t}`")),
            None => Ok(node_tz),
        }
    }
}

/// A file of a source, as found on disk.
#[derive(Clone, Debug)]
pub struct LogFile {
    /// Path.
    pub path: PathBuf,
    /// Size on disk.
    pub size: u64,
    /// Last write, epoch ms.
    pub mtime: i64,
    /// Inode and device, which survive a rename.
    pub inode: (u64, u64),
}

/// The files of a source, oldest first (by last write, then name), with glob problems.
pub fn discover(source: &Source, base_dir: &Path) -> (Vec<LogFile>, Vec<String>) {
    let mut files: Vec<LogFile> = Vec::new();
    let mut problems = Vec::new();
    for pat in &source.paths {
        let full = if Path::new(pat).is_absolute() {
            PathBuf::from(pat)
        } else {
            base_dir.join(pat)
        };
        let entries = match expand(&full.to_string_lossy()) {
            Ok((e, mut found)) => {
                problems.append(&mut found);
                e
            }
            Err(e) => {
                problems.push(format!("bad path pattern `{pat}`: {e}"));
                continue;
            }
        };
        for p in entries {
            match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => {
                    if files.iter().any(|f| f.inode == (m.dev(), m.ino())) {
                        continue;
                    }
                    files.push(LogFile {
                        path: p,
                        size: m.len(),
                        mtime: m.mtime() * 1000 + m.mtime_nsec() / 1_000_000,
                        inode: (m.dev(), m.ino()),
                    });
                }
                Ok(_) => {}
                Err(e) => problems.push(format!("{}: {e}", p.display())),
            }
        }
    }
    files.sort_by(|a, b| a.mtime.cmp(&b.mtime).then_with(|| b.path.cmp(&a.path)));
    (files, problems)
}

/// Folders a `**` pattern descends at most.
const MAX_DEPTH: usize = 32;

/// The paths a pattern names. A pattern with `**` is walked here rather than by the glob
/// crate, which follows a symlink loop for ever: each folder is entered once (by device and
/// inode), at most [`MAX_DEPTH`] deep, and what was cut short is said.
fn expand(pattern: &str) -> Result<(Vec<PathBuf>, Vec<String>), glob::PatternError> {
    if !pattern.contains("**") {
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for entry in glob::glob(pattern)? {
            match entry {
                Ok(p) => found.push(p),
                Err(e) => problems.push(e.to_string()),
            }
        }
        return Ok((found, problems));
    }
    let compiled = glob::Pattern::new(pattern)?;
    let options = glob::MatchOptions {
        require_literal_separator: true,
        ..Default::default()
    };
    // Walk from the longest leading part without wildcards.
    let mut root = PathBuf::new();
    for c in Path::new(pattern).components() {
        let part = c.as_os_str().to_string_lossy();
        if part.contains(['*', '?', '[']) {
            break;
        }
        root.push(c);
    }
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut entered: std::collections::HashSet<(u64, u64)> = Default::default();
    let mut stack = vec![(root, 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&dir) else {
            continue;
        };
        if !entered.insert((meta.dev(), meta.ino())) {
            continue;
        }
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in list.flatten() {
            let path = e.path();
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if depth + 1 > MAX_DEPTH {
                        problems.push(format!(
                            "{}: deeper than {MAX_DEPTH} folders, not searched",
                            path.display()
                        ));
                    } else {
                        stack.push((path, depth + 1));
                    }
                }
                Ok(_) if compiled.matches_path_with(&path, options) => found.push(path),
                _ => {}
            }
        }
    }
    found.sort();
    Ok((found, problems))
}

/// The source's declared format, or the one its newest file's first lines vote for. A
/// journal is read as the lines rsyslog writes, so it is syslog unless declared: a guess from
/// its entries would change with whatever was logged last.
pub fn format_of(source: &Source, files: &[LogFile]) -> Format {
    if let Some(f) = source.format {
        return f;
    }
    if source.journal.is_some() {
        return Format::Syslog;
    }
    let Some(newest) = files.last() else {
        return Format::Plain;
    };
    let lines = scan::head_lines(&newest.path, source.encoding, 40);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    Format::detect(&refs)
}

/// A source's text that may hold records of `window`, for reading line by line outside a
/// scan: each file last written since its start, decompressed, or the journal's entries in
/// it; with the time context its lines are dated in. What cannot be opened is passed over.
pub fn open_all(
    source: &Source,
    base_dir: &Path,
    node_tz: chrono_tz::Tz,
    window: Window,
) -> Vec<(read::Opened, time::TimeContext)> {
    // An unknown timezone is refused when the config is loaded.
    let tz = source.tz(node_tz).unwrap_or(node_tz);
    let cx = |written: i64| time::TimeContext {
        tz,
        reference: chrono::DateTime::from_timestamp_millis(written)
            .unwrap_or_default()
            .with_timezone(&tz)
            .date_naive(),
    };
    if let Some(query) = &source.journal {
        let reading = journal::Reading {
            query,
            base_dir,
            tz,
            after: None,
            since: window.from,
            until: window.to,
            last: None,
            timeout: journal::TIMEOUT,
        };
        return journal::open(&reading)
            .map(|(entries, _)| {
                let opened =
                    read::stream(Box::new(entries), read::Compression::None, source.encoding);
                (opened, cx(crate::core::clock::now_ms()))
            })
            .into_iter()
            .collect();
    }
    let (files, _) = discover(source, base_dir);
    files
        .iter()
        .filter(|f| window.from.is_none_or(|from| f.mtime >= from))
        .filter_map(|f| Some((read::open(&f.path, source.encoding, 0).ok()?, cx(f.mtime))))
        .collect()
}

/// The format a source's rules are chosen by: declared, or guessed from what it holds now.
pub fn detect_format(source: &Source, base_dir: &Path) -> Format {
    let (files, _) = discover(source, base_dir);
    format_of(source, &files)
}

/// The rules that run on a source of a format: those of the kinds asked for that apply to the
/// format, narrowed to the source's own list when it has one.
pub fn rules_for(
    logs: &LogSettings,
    source: &Source,
    format: Format,
    kinds: &[RuleKind],
) -> Vec<Arc<Rule>> {
    logs.rules
        .iter()
        .filter(|r| kinds.contains(&r.kind) && r.applies_to(format))
        .filter(|r| source.rules.is_empty() || source.rules.contains(&r.id))
        .cloned()
        .collect()
}

/// What one rule found across a source.
#[derive(Clone, Debug, Default)]
pub struct RuleResult {
    /// Records hit.
    pub count: u64,
    /// First hit time.
    pub first: Option<i64>,
    /// Last hit time.
    pub last: Option<i64>,
    /// The first hits, then the last one.
    pub samples: Vec<Sample>,
    /// Audit matches, in time order of the files.
    pub events: Vec<scan::Event>,
    /// Matches not kept as events.
    pub events_dropped: u64,
}

/// A file's part in a scan.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FileSummary {
    /// Path.
    pub path: PathBuf,
    /// Bytes read.
    pub bytes: u64,
    /// Compression.
    pub compression: read::Compression,
    /// Encoding read in.
    pub encoding: &'static str,
    /// Lines searched only in part.
    pub long_lines: u64,
    /// Why it was not read to its end.
    pub error: Option<Text>,
    /// Read to its end, with something to say (journalctl's warnings).
    pub warning: Option<Text>,
}

/// What scanning a source came to.
#[derive(Clone, Debug)]
pub struct SourceScan {
    /// The source id.
    pub source: String,
    /// The format the rules were chosen by.
    pub format: Format,
    /// The rules run, in the order of `results`.
    pub rules: Vec<Arc<Rule>>,
    /// Per rule.
    pub results: Vec<RuleResult>,
    /// Files read.
    pub files: Vec<FileSummary>,
    /// Files left out: last written before the window.
    pub skipped_old: usize,
    /// Problems finding files.
    pub problems: Vec<String>,
    /// Where each file was read to, for the incremental cursor.
    pub cursors: Vec<cursor::Update>,
    /// Hit lines of the collected rules, when asked for.
    pub collected: Vec<(Option<i64>, String)>,
    /// Read from the systemd journal (its one entry in `files` is the journal).
    pub journal: bool,
}

impl SourceScan {
    /// When nothing was looked at, which must never read as "no errors": no file matched the
    /// source's paths, or journalctl failed before the first entry. The first problem met, if
    /// any, says why.
    pub fn unmatched(&self) -> Option<Option<Text>> {
        if self.journal {
            return self
                .files
                .first()
                .filter(|f| f.bytes == 0)
                .and_then(|f| f.error.clone())
                .map(Some);
        }
        (self.files.is_empty() && self.skipped_old == 0)
            .then(|| self.problems.first().map(Text::raw))
    }

    /// [`SourceScan::unmatched`] said in English, for messages.
    pub fn unmatched_message(&self) -> Option<String> {
        let why = self.unmatched()?;
        let why = why.as_ref().map(|w| w.en.as_str());
        Some(match (self.journal, why) {
            (true, why) => format!(
                "the journal of log source `{}` could not be read: {}",
                self.source,
                why.unwrap_or("journalctl failed")
            ),
            (false, Some(why)) => format!(
                "no file of log source `{}` matched its paths ({why})",
                self.source
            ),
            (false, None) => format!("no file of log source `{}` matched its paths", self.source),
        })
    }

    /// Bytes read in all.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// The result of a rule by id.
    pub fn result(&self, id: &str) -> Option<(&Rule, &RuleResult)> {
        self.rules
            .iter()
            .position(|r| r.id == id)
            .map(|i| (&*self.rules[i], &self.results[i]))
    }
}

/// How to scan a source.
#[derive(Clone, Debug, Default)]
pub struct ScanRequest {
    /// Rule kinds to run.
    pub kinds: Vec<RuleKind>,
    /// An extra rule (a check's inline pattern).
    pub extra: Option<Arc<Rule>>,
    /// The window (ignored for files read incrementally past their cursor).
    pub window: Window,
    /// Start each file where the last incremental scan stopped.
    pub incremental: bool,
    /// Collect the hit lines of these rule ids (template mining), up to `collect_max`.
    pub collect: Vec<String>,
    /// Bound on collected lines per file.
    pub collect_max: usize,
    /// Threads across files.
    pub threads: usize,
    /// How long a journal read may run: the check's timeout ([`journal::TIMEOUT`] if none).
    pub timeout: Option<std::time::Duration>,
}

/// Scans a source. `cursors` holds the incremental positions read from the store.
pub fn scan_source(
    logs: &LogSettings,
    source: &Source,
    base_dir: &Path,
    node_tz: chrono_tz::Tz,
    req: &ScanRequest,
    cursors: &cursor::Cursors,
) -> Result<SourceScan, String> {
    let tz = source.tz(node_tz)?;
    let (mut files, problems) = discover(source, base_dir);
    let format = format_of(source, &files);
    let mut rules = rules_for(logs, source, format, &req.kinds);
    rules.extend(req.extra.iter().cloned());
    let mut skipped_old = 0;
    let mut starts = Vec::with_capacity(files.len());
    // The first incremental scan of a source has nowhere to start from: it counts only the
    // window, as a plain scan would, rather than every old event in the files — but reads every
    // file to its end, so that the next scan starts after all of it.
    let reader = cursor::reader(
        &source.id,
        &req.kinds,
        req.extra.as_ref().map(|r| r.pattern.0.as_str()),
    );
    let journal_query = source.journal.as_ref().map(|q| q.identity(base_dir));
    let after = journal_query
        .as_deref()
        .and_then(|q| cursors.journal(&reader, q));
    let resumed = req.incremental
        && match &source.journal {
            Some(_) => after.is_some(),
            None => cursors.knows(&reader),
        };
    if req.incremental {
        for f in &files {
            starts.push(cursors.start_for(&reader, f));
        }
    } else if let Some(from) = req.window.from {
        let before = files.len();
        files.retain(|f| f.mtime >= from);
        skipped_old = before - files.len();
        starts.resize(files.len(), cursor::Start::default());
    } else {
        starts.resize(files.len(), cursor::Start::default());
    }
    if rules.is_empty() {
        return Ok(SourceScan {
            source: source.id.clone(),
            format,
            rules,
            results: Vec::new(),
            files: Vec::new(),
            skipped_old,
            problems,
            cursors: Vec::new(),
            collected: Vec::new(),
            journal: source.journal.is_some(),
        });
    }
    let compiled = scan::Compiled::new(rules.clone());
    let collect: Vec<usize> = rules
        .iter()
        .enumerate()
        .filter(|(_, r)| req.collect.contains(&r.id))
        .map(|(i, _)| i)
        .collect();
    // A resumed read has no window: it reads from where it stopped.
    let scan_all = |resumed: bool| {
        let window = if resumed {
            Window::default()
        } else {
            req.window
        };
        let job = |input, start, hold_partial, written: i64| scan::FileJob {
            input,
            encoding: source.encoding,
            start,
            hold_partial,
            time: time::TimeContext {
                tz,
                reference: chrono::DateTime::from_timestamp_millis(written)
                    .unwrap_or_default()
                    .with_timezone(&tz)
                    .date_naive(),
            },
            window,
            collect: &collect,
            collect_max: req.collect_max,
            own: matches!(format, Format::Postgres | Format::Mysql)
                .then_some(crate::backup::restore::PREFIX.as_bytes()),
        };
        let jobs: Vec<scan::FileJob<'_>> = match &source.journal {
            // Entries are whole lines, each with its full date: nothing to hold back, and the
            // year reference is never used.
            Some(query) => vec![job(
                scan::Input::Journal(journal::Reading {
                    query,
                    base_dir,
                    tz,
                    after: after.filter(|_| resumed).map(str::to_owned),
                    since: window.from,
                    until: window.to,
                    last: None,
                    timeout: req.timeout.unwrap_or(journal::TIMEOUT),
                }),
                0,
                false,
                crate::core::clock::now_ms(),
            )],
            None => files
                .iter()
                .zip(&starts)
                .map(|(f, s)| {
                    job(
                        scan::Input::File(&f.path),
                        s.offset,
                        req.incremental,
                        f.mtime,
                    )
                })
                .collect(),
        };
        scan::scan_files(&jobs, &compiled, req.threads)
    };
    let mut scans = scan_all(resumed);
    // A stored journal cursor journalctl cannot seek to (damaged in the store) would fail
    // every run from now on: the window is read instead, as on a first read, and the cursor
    // of that read replaces it.
    let unusable = |s: &scan::FileScan| {
        s.bytes == 0
            && s.error
                .as_ref()
                .is_some_and(|e| e.en.contains("seek to cursor"))
    };
    let mut dropped_cursor = None;
    if resumed && source.journal.is_some() && scans.first().is_some_and(unusable) {
        dropped_cursor = scans.first().and_then(|s| s.error.clone());
        scans = scan_all(false);
    }
    let mut results = vec![RuleResult::default(); rules.len()];
    let mut summaries = Vec::with_capacity(scans.len());
    let mut updates = Vec::new();
    let mut collected = Vec::new();
    let mut lasts: Vec<Option<Sample>> = vec![None; rules.len()];
    for (k, fs) in scans.into_iter().enumerate() {
        for (i, h) in fs.hits.into_iter().enumerate() {
            let r = &mut results[i];
            r.count += h.count;
            // Files of equal age may come in any order: take the extremes, not the first seen.
            r.first = [r.first, h.first].into_iter().flatten().min();
            r.last = [r.last, h.last].into_iter().flatten().max();
            let file_last = h.last_sample.or_else(|| h.samples.last().cloned());
            r.samples.extend(h.samples);
            if let Some(l) = file_last
                && lasts[i].as_ref().is_none_or(|x| l.ts >= x.ts)
            {
                lasts[i] = Some(l);
            }
            r.events.extend(h.events);
            r.events_dropped += h.events_dropped;
        }
        collected.extend(fs.collected);
        // A journal's cursor is that of the last entry scanned, even when journalctl failed
        // later: those entries are counted and must not be again. A journal read that found
        // no new entry leaves the stored cursor as it stands.
        if req.incremental {
            match (
                &journal_query,
                &fs.journal_cursor,
                files.get(k).zip(starts.get(k)),
            ) {
                (Some(q), Some(c), _) => updates.push(cursor::Update::journal(&reader, q, c)),
                (None, _, Some((file, start))) if fs.error.is_none() => {
                    updates.push(cursor::Update {
                        source: reader.clone(),
                        path: file.path.clone(),
                        inode: file.inode.1,
                        head: start.head.clone(),
                        offset: fs.end_offset,
                        journal: None,
                    })
                }
                _ => {}
            }
        }
        summaries.push(FileSummary {
            path: fs.path,
            bytes: fs.bytes,
            compression: fs.compression,
            encoding: fs.encoding,
            long_lines: fs.long_lines,
            error: fs.error,
            warning: [
                dropped_cursor.as_ref().map(|why| {
                    text!(
                        "已存的 systemd 日志读取位置无法使用（{why}），改为读取统计窗口",
                        "the stored journal cursor could not be used ({why}); the window was read instead",
                        why = *why
                    )
                }),
                fs.warning,
            ]
            .into_iter()
            .flatten()
            .reduce(|a, b| Text::join(&[a, b], "；", "; ")),
        });
    }
    for (r, last) in results.iter_mut().zip(lasts) {
        r.samples.sort_by_key(|s| s.ts);
        r.samples.truncate(scan::SAMPLES);
        r.events.sort_by_key(|e| e.ts);
        if let Some(l) = last
            && r.count > r.samples.len() as u64
            && r.samples.last().is_none_or(|s| s.text != l.text)
        {
            r.samples.push(l);
        }
    }
    Ok(SourceScan {
        source: source.id.clone(),
        format,
        rules,
        results,
        files: summaries,
        skipped_old,
        problems,
        cursors: updates,
        collected,
        journal: source.journal.is_some(),
    })
}

/// A finished scan, or why it could not run.
pub type ScanResult = Arc<Result<SourceScan, String>>;

/// Scans shared by the checks of one run: a source is read once per window and rule kinds,
/// however many checks report on it; and the state an audit reads from the store and leaves.
#[derive(Default)]
pub struct Shared {
    scans: Mutex<HashMap<String, Arc<tokio::sync::OnceCell<ScanResult>>>>,
    /// Incremental positions (loaded by the command that asked for incremental reading).
    pub cursors: Arc<cursor::Cursors>,
    /// Values audit rules with `new:` have seen before, per `source/rule`.
    pub known: audit::Known,
    /// Whether checks read incrementally.
    pub incremental: bool,
    /// The time windows are counted back from: the run's start.
    pub anchor: std::sync::OnceLock<i64>,
    /// What the store remembers of other hosts' logs, by host id, sent to their agents.
    pub hosts: HashMap<String, Remembered>,
    /// What the agents of other hosts learned, by host id, to store under that host.
    pub learned: Mutex<HashMap<String, Learned>>,
}

/// What the store remembers of one host's logs between runs.
#[derive(Clone, Debug, Default)]
pub struct Remembered {
    /// Values `new:` audit rules have seen, per `source/rule`.
    pub known: HashMap<String, std::collections::HashSet<String>>,
    /// Incremental cursors.
    pub cursors: Vec<cursor::Stored>,
}

/// What log checks learned in a run: values audit rules saw and where incremental reads
/// stopped.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Learned {
    /// (`source/rule`, value, first time seen in epoch ms).
    pub seen: Vec<(String, String, i64)>,
    /// Where each file was read to; only for an incremental run.
    pub cursors: Vec<cursor::Update>,
}

impl Shared {
    /// The scan for a key, computing it once.
    pub async fn scan(
        &self,
        key: String,
        f: impl FnOnce() -> Result<SourceScan, String> + Send + 'static,
    ) -> ScanResult {
        let cell = self
            .scans
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(key)
            .or_default()
            .clone();
        cell.get_or_init(|| async move {
            let r = tokio::task::spawn_blocking(f)
                .await
                .unwrap_or_else(|e| Err(format!("log scan failed: {e}")));
            Arc::new(r)
        })
        .await
        .clone()
    }

    /// Every scan done, for the command to store cursors after the run.
    pub fn finished(&self) -> Vec<ScanResult> {
        self.scans
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .filter_map(|c| c.get().cloned())
            .collect()
    }

    /// What this run's checks learned, taken out (a second call gives nothing more).
    pub fn take_learned(&self) -> Learned {
        let seen = std::mem::take(&mut *self.known.seen.lock().unwrap_or_else(|e| e.into_inner()));
        let cursors = if self.incremental {
            self.finished()
                .iter()
                .filter_map(|s| s.as_ref().as_ref().ok())
                .flat_map(|s| s.cursors.iter().cloned())
                .collect()
        } else {
            Vec::new()
        };
        Learned { seen, cursors }
    }

    /// Epoch ms that windows end at (the first call fixes it).
    pub fn now(&self) -> i64 {
        *self
            .anchor
            .get_or_init(|| chrono::Utc::now().timestamp_millis())
    }
}
