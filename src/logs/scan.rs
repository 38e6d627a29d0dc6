//! The scanning engine: one pass over a file with all the rules of its format.
//!
//! The whole buffer is searched, rule by rule, with each rule's own regex, so that the regex
//! crate picks the best strategy per rule (a memchr/Teddy prefilter on its literals, a reverse
//! search from a required suffix such as `Exception`); one alternation of all rules would lose
//! every prefilter to the first branch without a literal prefix. The buffer is in cache when the
//! second rule reads it. Only lines a rule hit are looked at further: the record's timestamp
//! (walking back to a stack trace's header line when the hit has none), the window, the fields
//! of audit rules. The buffer is bounded:
//! a line longer than [`MAX_LINE`] is searched in its first MiB and skipped to its end.
//!
//! We own the buffer rather than use grep-searcher: its `heap_limit` turns one long line into an
//! error for the whole file, and its context model cannot reach back to a record's header line.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use encoding_rs::UTF_8;
use memchr::{memchr, memrchr};

use super::read::{self, Compression, Declared, display_line};
use super::rules::Rule;
use super::time::{self, TimeContext};
use crate::core::fsx::{read_full, read_some};

/// Lines longer than this are searched in their first part only.
pub const MAX_LINE: usize = 1 << 20;
const BLOCK: usize = 256 * 1024;
/// How far back a continuation line looks for its record's header.
const MAX_RECORD_LINES: usize = 256;
/// Samples kept per rule and file.
pub const SAMPLES: usize = 3;
/// Events kept per audit rule and file; the count goes on beyond it.
pub const MAX_EVENTS: usize = 100_000;
const SAMPLE_CHARS: usize = 300;

/// A time window, epoch ms UTC, `from` inclusive, `to` exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Window {
    /// Start.
    pub from: Option<i64>,
    /// End.
    pub to: Option<i64>,
}

/// How far past now a record may be dated and still count as now: hosts' clocks differ a
/// little; a line dated further ahead belongs to no "last hour".
pub const CLOCK_GRACE_MS: i64 = 5 * 60 * 1000;

impl Window {
    /// The last `d` before `now`: records dated later than now (beyond the clock grace) are
    /// outside, so a line dated in the future is not counted in every window.
    pub fn last(d: std::time::Duration, now: i64) -> Window {
        Window {
            from: Some(now - d.as_millis() as i64),
            to: Some(now + CLOCK_GRACE_MS),
        }
    }

    /// Whether a record time is inside; records without a time are.
    pub fn contains(&self, ts: Option<i64>) -> bool {
        match ts {
            None => true,
            Some(t) => self.from.is_none_or(|f| t >= f) && self.to.is_none_or(|e| t < e),
        }
    }
}

/// The rules run on one format, with the fields each reads.
pub struct Compiled {
    /// The rules, in result order.
    pub rules: Vec<Arc<Rule>>,
    /// Per rule: the fields its detectors read, in a fixed order.
    pub fields: Vec<Vec<String>>,
    searches: Vec<Search>,
}

/// How a rule's regex is searched for in a buffer.
enum Search {
    /// The regex itself: it has literal prefixes, which the regex crate searches with
    /// memchr/Teddy, or no literal at all.
    Direct,
    /// A prefilter on the literals every match ends with (`Exception`, `Error`), then the regex
    /// on the lines they occur in: the regex crate does not search by suffix when a look-around
    /// such as `\b` follows it, and scans every byte with its DFA instead (600 MB/s against
    /// 10 GB/s for the literals).
    Suffix(regex::bytes::Regex),
}

impl Search {
    fn plan(pattern: &str) -> Search {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        let Ok(hir) = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .multi_line(true)
            .crlf(true)
            .build()
            .parse(pattern)
        else {
            return Search::Direct;
        };
        let usable = |seq: &regex_syntax::hir::literal::Seq, min: usize| {
            seq.literals()
                .is_some_and(|l| !l.is_empty() && l.len() <= 64 && l.iter().all(|x| x.len() >= min))
        };
        let prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
        if usable(&prefixes, 2) {
            return Search::Direct;
        }
        let suffixes = Extractor::new().kind(ExtractKind::Suffix).extract(&hir);
        if !usable(&suffixes, 3) {
            return Search::Direct;
        }
        let alternation: Vec<String> = suffixes
            .literals()
            .into_iter()
            .flatten()
            .map(|l| {
                l.as_bytes()
                    .iter()
                    .map(|b| format!("\\x{b:02x}"))
                    .collect::<String>()
            })
            .collect();
        match regex::bytes::RegexBuilder::new(&alternation.join("|"))
            .unicode(false)
            .build()
        {
            Ok(re) => Search::Suffix(re),
            Err(_) => Search::Direct,
        }
    }
}

impl Compiled {
    /// The rules (already filtered to a format); their regexes are compiled already.
    pub fn new(rules: Vec<Arc<Rule>>) -> Compiled {
        let fields = rules
            .iter()
            .map(|r| r.fields().into_iter().map(str::to_owned).collect())
            .collect();
        let searches = rules
            .iter()
            .map(|r| Search::plan(r.pattern.0.as_str()))
            .collect();
        Compiled {
            rules,
            fields,
            searches,
        }
    }
}

/// One line a rule hit, for people.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Sample {
    /// Record time, epoch ms.
    pub ts: Option<i64>,
    /// The record's header line and, when the hit is further down a stack trace, the hit line.
    pub text: String,
}

/// One match of an audit rule, with the fields its detectors read.
#[derive(Clone, Debug)]
pub struct Event {
    /// Record time, epoch ms.
    pub ts: Option<i64>,
    /// Field values, in [`Compiled::fields`] order.
    pub fields: Vec<String>,
    /// The line.
    pub text: String,
}

/// What one rule found in one file.
#[derive(Clone, Debug, Default)]
pub struct RuleHits {
    /// Records hit (a stack trace counts once however many of its lines match).
    pub count: u64,
    /// Time of the first and last hit.
    pub first: Option<i64>,
    /// See `first`.
    pub last: Option<i64>,
    /// The first few hits.
    pub samples: Vec<Sample>,
    /// The last hit, when beyond the samples.
    pub last_sample: Option<Sample>,
    /// Audit rules: the matches.
    pub events: Vec<Event>,
    /// Matches beyond [`MAX_EVENTS`].
    pub events_dropped: u64,
    last_record: Option<u64>,
}

/// What scanning one file came to.
#[derive(Clone, Debug)]
pub struct FileScan {
    /// The file.
    pub path: PathBuf,
    /// Per rule of the [`Compiled`] set.
    pub hits: Vec<RuleHits>,
    /// Bytes read (decompressed, before transcoding).
    pub bytes: u64,
    /// Offset after the last complete line: where an incremental read resumes.
    pub end_offset: u64,
    /// Lines longer than [`MAX_LINE`], searched in part.
    pub long_lines: u64,
    /// Compression found.
    pub compression: Compression,
    /// Encoding read in.
    pub encoding: &'static str,
    /// Why the file could not be read to its end (a truncated gzip, an I/O error).
    pub error: Option<crate::core::text::Text>,
    /// Lines seen by a line collector (template mining), when asked for.
    pub collected: Vec<(Option<i64>, String)>,
    /// A journal read: the cursor of the last entry read, where the next read resumes.
    pub journal_cursor: Option<String>,
    /// Read to its end, with something said on the way (journalctl's warnings).
    pub warning: Option<crate::core::text::Text>,
}

/// What a scan reads.
pub enum Input<'a> {
    /// A log file, rotations and compression included.
    File(&'a Path),
    /// The journal, through journalctl.
    Journal(super::journal::Reading<'a>),
}

impl Input<'_> {
    /// The path, or how the journal read is described, for summaries.
    pub fn name(&self) -> PathBuf {
        match self {
            Input::File(p) => p.to_path_buf(),
            Input::Journal(r) => PathBuf::from(r.query.describe()),
        }
    }
}

/// How to scan a file.
pub struct FileJob<'a> {
    /// The file or journal.
    pub input: Input<'a>,
    /// Its declared encoding.
    pub encoding: Declared,
    /// Where to start (decompressed bytes), 0 for all.
    pub start: u64,
    /// Whether a last line without a newline is left for the next (incremental) read.
    pub hold_partial: bool,
    /// Timezone and year reference.
    pub time: TimeContext,
    /// The window.
    pub window: Window,
    /// Keep hit lines of these rules (indexes) for template mining.
    pub collect: &'a [usize],
    /// Upper bound on collected lines.
    pub collect_max: usize,
    /// Lines holding this are znode's own doing and match no rule (a restore test's scratch
    /// database in the PostgreSQL log).
    pub own: Option<&'a [u8]>,
}

/// Scans one file. Never fails: what could be read is kept and the error noted.
pub fn scan_file(job: &FileJob<'_>, rules: &Compiled) -> FileScan {
    let mut out = FileScan {
        path: job.input.name(),
        hits: vec![RuleHits::default(); rules.rules.len()],
        bytes: 0,
        end_offset: job.start,
        long_lines: 0,
        compression: Compression::None,
        encoding: "UTF-8",
        error: None,
        collected: Vec::new(),
        journal_cursor: None,
        warning: None,
    };
    let mut journal = None;
    let opened = match &job.input {
        Input::File(path) => read::open(path, job.encoding, job.start),
        Input::Journal(r) => super::journal::open(r).map(|(entries, position)| {
            journal = Some(position);
            read::stream(Box::new(entries), Compression::None, job.encoding)
        }),
    };
    let opened = match opened {
        Ok(o) => o,
        Err(e) => {
            out.error = Some(crate::core::text::Text::of_io(&e));
            return out;
        }
    };
    out.compression = opened.compression;
    out.encoding = opened.encoding.name();
    let mut decoder =
        (opened.encoding != UTF_8).then(|| opened.encoding.new_decoder_without_bom_handling());
    let mut reader = opened.reader;
    let mut st = Scanner {
        rules,
        job,
        out: &mut out,
        carry: None,
        decoded_base: 0,
        utf8: Vec::new(),
        hits: Vec::new(),
        last_collected: None,
    };
    let cap = BLOCK + MAX_LINE;
    let mut buf = vec![0u8; cap];
    let mut len = 0usize;
    let mut raw_base = job.start;
    let mut skipping = false;
    let mut eof = false;
    loop {
        if !eof && len < cap {
            let (n, error) = read_some(&mut reader, &mut buf[len..]);
            len += n;
            eof = len < cap;
            if let Some(e) = error {
                st.out.error = Some(crate::core::text::Text::of_io(&e));
                eof = true;
            }
        }
        st.out.bytes = raw_base - job.start + len as u64;
        if skipping {
            match memchr(b'\n', &buf[..len]) {
                Some(p) => {
                    consume(&mut buf, &mut len, &mut raw_base, p + 1);
                    skipping = false;
                    st.out.end_offset = raw_base;
                }
                None => {
                    let n = len;
                    consume(&mut buf, &mut len, &mut raw_base, n);
                    if eof {
                        break;
                    }
                    continue;
                }
            }
        }
        let end = match memrchr(b'\n', &buf[..len]) {
            Some(p) => p + 1,
            None if len == 0 => break,
            None if eof => {
                if job.hold_partial {
                    break;
                }
                len
            }
            None => {
                // No newline in a full buffer: search the line's first part, skip the rest.
                st.region(&buf[..MAX_LINE], decoder.as_mut());
                st.out.long_lines += 1;
                skipping = true;
                let n = len;
                consume(&mut buf, &mut len, &mut raw_base, n);
                continue;
            }
        };
        st.region(&buf[..end], decoder.as_mut());
        consume(&mut buf, &mut len, &mut raw_base, end);
        st.out.end_offset = raw_base;
        if eof && len == 0 {
            break;
        }
    }
    drop(reader);
    if let Some(position) = journal {
        let progress = std::mem::take(&mut *position.lock().unwrap_or_else(|e| e.into_inner()));
        out.journal_cursor = progress.cursor;
        out.warning = progress.warning;
    }
    out
}

fn consume(buf: &mut [u8], len: &mut usize, base: &mut u64, n: usize) {
    buf.copy_within(n..*len, 0);
    *len -= n;
    *base += n as u64;
}

/// The last hit of a rule in a region beyond the samples: (time, header, line start, line end).
type LastHit = (Option<i64>, usize, usize, usize);

struct Scanner<'a, 'j> {
    rules: &'a Compiled,
    job: &'a FileJob<'j>,
    out: &'a mut FileScan,
    /// The last record header before the current region: (time, record id).
    carry: Option<(i64, u64)>,
    /// Offset of the current region in the decoded stream; record ids are offsets in it.
    decoded_base: u64,
    utf8: Vec<u8>,
    /// (line start, line end, rule) of the current region, reused.
    hits: Vec<(usize, usize, usize)>,
    /// The record the last collected line belonged to: a record (an error and its stack
    /// trace) is collected once, by its first matching line.
    last_collected: Option<u64>,
}

impl Scanner<'_, '_> {
    fn region(&mut self, raw: &[u8], decoder: Option<&mut encoding_rs::Decoder>) {
        let mut utf8 = std::mem::take(&mut self.utf8);
        let auto = self.job.encoding == Declared::Auto;
        let text: &[u8] = match decoder {
            // `encoding: auto`: a file may mix GBK and UTF-8 lines (a program's own log beside
            // a library's, or a file appended to after a locale change), so a region that is
            // not all UTF-8 is read line by line, each line in its own encoding.
            _ if auto && std::str::from_utf8(raw).is_ok() => raw,
            _ if auto => {
                utf8.clear();
                for line in raw.split_inclusive(|&b| b == b'\n') {
                    match std::str::from_utf8(line) {
                        Ok(_) => utf8.extend_from_slice(line),
                        Err(_) => utf8.extend_from_slice(
                            encoding_rs::GB18030
                                .decode_without_bom_handling(line)
                                .0
                                .as_bytes(),
                        ),
                    }
                }
                &utf8
            }
            None => raw,
            Some(d) => {
                // Regions end at a newline, which is never part of a GBK character, so the
                // decoder has nothing pending between regions.
                let need = d.max_utf8_buffer_length(raw.len()).unwrap_or(raw.len() * 3);
                utf8.resize(need, 0);
                let (_, _, written, _) = d.decode_to_utf8(raw, &mut utf8, false);
                &utf8[..written]
            }
        };
        let mut last_hit: Vec<Option<LastHit>> = Vec::new();
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        for (i, rule) in self.rules.rules.iter().enumerate() {
            let re = &rule.pattern.0;
            let first = match &self.rules.searches[i] {
                Search::Direct => re,
                Search::Suffix(literals) => literals,
            };
            let mut at = 0;
            while at < text.len() {
                let Some(m) = first.find_at(text, at) else {
                    break;
                };
                let ls = memrchr(b'\n', &text[..m.start()]).map_or(0, |p| p + 1);
                let le = memchr(b'\n', &text[m.start()..]).map_or(text.len(), |p| m.start() + p);
                // A match running past the line's end (`\s` takes newlines) must also match
                // within the line.
                let confirmed = match &self.rules.searches[i] {
                    Search::Direct => m.end() <= le || re.is_match(strip_cr(&text[ls..le])),
                    Search::Suffix(_) => re.is_match(strip_cr(&text[ls..le])),
                };
                if confirmed {
                    hits.push((ls, le, i));
                }
                at = le + 1;
            }
        }
        // Lines in file order, each with every rule that hit it.
        hits.sort_unstable();
        let mut matched = Vec::new();
        let mut k = 0;
        while k < hits.len() {
            let (ls, le, _) = hits[k];
            matched.clear();
            while k < hits.len() && hits[k].0 == ls {
                matched.push(hits[k].2);
                k += 1;
            }
            self.line(text, ls, le, &matched, &mut last_hit);
        }
        self.hits = hits;
        for (i, h) in last_hit.into_iter().enumerate() {
            if let Some((ts, hs, ls, le)) = h {
                self.out.hits[i].last_sample = Some(sample(text, hs, ls, le, ts));
            }
        }
        if let Some(c) = last_header(text, text.len(), &self.job.time) {
            self.carry = Some((c.0, self.decoded_base + c.1 as u64));
        }
        self.decoded_base += text.len() as u64;
        self.utf8 = utf8;
    }

    fn line(
        &mut self,
        text: &[u8],
        ls: usize,
        le: usize,
        matched: &[usize],
        last_hit: &mut Vec<Option<LastHit>>,
    ) {
        let line = strip_cr(&text[ls..le]);
        // The record this line belongs to: itself when it has a time, else the header above.
        let (ts, header) = match time::parse(line, &self.job.time) {
            Some(t) => (Some(t), ls),
            None => match last_header(text, ls, &self.job.time) {
                Some((t, h)) => (Some(t), h),
                None => match self.carry {
                    Some((t, _)) => (Some(t), usize::MAX),
                    None => (None, ls),
                },
            },
        };
        if !self.job.window.contains(ts) {
            return;
        }
        if let Some(own) = self.job.own
            && memchr::memmem::find(line, own).is_some()
        {
            return;
        }
        let record = if header == usize::MAX {
            self.carry.map(|c| c.1).unwrap_or(0)
        } else {
            self.decoded_base + header as u64
        };
        let header = if header == usize::MAX { ls } else { header };
        if last_hit.is_empty() {
            last_hit.resize(self.rules.rules.len(), None);
        }
        if matched.iter().any(|i| self.job.collect.contains(i))
            && self.out.collected.len() < self.job.collect_max
            && self.last_collected != Some(record)
        {
            self.last_collected = Some(record);
            self.out.collected.push((ts, display_line(line)));
        }
        for &i in matched {
            let acc = &mut self.out.hits[i];
            if acc.last_record == Some(record) {
                continue;
            }
            acc.last_record = Some(record);
            acc.count += 1;
            if acc.first.is_none() {
                acc.first = ts;
            }
            if ts.is_some() {
                acc.last = ts;
            }
            if acc.samples.len() < SAMPLES {
                acc.samples.push(sample(text, header, ls, le, ts));
            } else {
                last_hit[i] = Some((ts, header, ls, le));
            }
            let fields = &self.rules.fields[i];
            let rule = &self.rules.rules[i];
            if rule.kind == super::rules::RuleKind::Audit {
                if acc.events.len() >= MAX_EVENTS {
                    acc.events_dropped += 1;
                } else {
                    let caps = rule.pattern.0.captures(line);
                    let values = fields
                        .iter()
                        .map(|f| {
                            caps.as_ref()
                                .and_then(|c| c.name(f))
                                .map(|m| display_line(m.as_bytes()))
                                .unwrap_or_default()
                        })
                        .collect();
                    acc.events.push(Event {
                        ts,
                        fields: values,
                        text: clip(&display_line(line)),
                    });
                }
            }
        }
    }
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The nearest line at or above `end` (exclusive) whose head parses as a time: (time, start).
fn last_header(text: &[u8], end: usize, cx: &TimeContext) -> Option<(i64, usize)> {
    let mut e = end;
    for _ in 0..MAX_RECORD_LINES {
        if e == 0 {
            return None;
        }
        let le = e - 1; // the newline ending the line above
        let ls = memrchr(b'\n', &text[..le]).map_or(0, |p| p + 1);
        if let Some(t) = time::parse(strip_cr(&text[ls..le]), cx) {
            return Some((t, ls));
        }
        e = ls;
    }
    None
}

fn sample(text: &[u8], header: usize, ls: usize, le: usize, ts: Option<i64>) -> Sample {
    let hit = clip(&display_line(strip_cr(&text[ls..le])));
    let text = if header < ls {
        let he = memchr(b'\n', &text[header..]).map_or(text.len(), |p| header + p);
        format!(
            "{} ⏎ … {hit}",
            clip(&display_line(strip_cr(&text[header..he])))
        )
    } else {
        hit
    };
    Sample {
        ts,
        text: crate::core::secret::mask_inline(&text),
    }
}

/// At most [`SAMPLE_CHARS`] characters, with an ellipsis when cut.
pub fn clip(s: &str) -> String {
    match s.char_indices().nth(SAMPLE_CHARS) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Scans files on up to `threads` threads, results in the order of `jobs`.
pub fn scan_files(jobs: &[FileJob<'_>], rules: &Compiled, threads: usize) -> Vec<FileScan> {
    crate::core::par::map(jobs, threads, |j| scan_file(j, rules))
}

/// Reads the first lines of a file (decompressed, decoded), for format detection.
pub fn head_lines(path: &Path, encoding: Declared, n: usize) -> Vec<String> {
    let Ok(mut o) = read::open(path, encoding, 0) else {
        return Vec::new();
    };
    let mut buf = vec![0u8; 16 * 1024];
    let got = read_full(&mut o.reader, &mut buf).unwrap_or(0);
    buf.truncate(got);
    let text = if o.encoding == UTF_8 {
        String::from_utf8_lossy(&buf).into_owned()
    } else {
        o.encoding.decode_without_bom_handling(&buf).0.into_owned()
    };
    text.lines().take(n).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::Search;

    #[test]
    fn suffix_prefilter_only_without_a_prefix() {
        let p = r"\b(?:[a-z_$][A-Za-z0-9_$]*\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\b";
        assert!(matches!(Search::plan(p), Search::Suffix(_)));
        assert!(matches!(
            Search::plan(r"\b(?:ERROR|FATAL)\b"),
            Search::Direct
        ));
        assert!(matches!(Search::plan(r"^\d+$"), Search::Direct));
    }
}
