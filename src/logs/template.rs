//! Template mining, Drain-style (He et al., ICWS'17): error lines that differ only in their
//! variables (numbers, addresses, ids, paths, names) are grouped under one template with a count.
//!
//! Tokens are classified instead of regex-masked (Drain3's masks use look-behind, and per-token
//! classification is faster): a token that is an IP, host name, host:port, UUID, hex id or path
//! becomes a typed wildcard; inside any other token each run of letters and digits that starts
//! with a digit (`42`, `3000ms`, the `19939` of `sshd[19939]:`) becomes `<*>`, so `userId=<*>` and
//! `blk_<*>` keep their words; a token left without letters is `<*>`, and so are the unit after a
//! number (`5.2 KB`) and the name after `user`. The parse tree groups by token count and the
//! first token (Drain's depth 4). In a leaf, a line joins the most similar template when at least
//! `similarity` of the words (tokens that are not wildcards) of the template or of the line,
//! whichever has more, agree; differing positions turn into `<*>`. Counting words rather than
//! tokens lets a line of numbers join its template, and keeps a template that has become all
//! wildcards from swallowing lines of words. One different word thus makes another template,
//! until four templates differ in that one place only: then the place holds a name (a pool, a
//! disk, a target) and they merge (`join_siblings`).
//!
//! Measured on Loghub-2k with `cargo bench --bench loghub` (README, Benchmarks).

use std::borrow::Cow;
use std::collections::HashMap;

/// One template and the lines it stands for.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Cluster {
    /// Tokens, wildcards included, joined by spaces.
    pub template: String,
    /// Lines.
    pub count: u64,
    /// First and last time seen, epoch ms.
    pub first: Option<i64>,
    /// See `first`.
    pub last: Option<i64>,
    /// The first line, as an example.
    pub sample: String,
}

struct Node {
    tokens: Vec<Box<str>>,
    cluster: Cluster,
    /// The cluster this one became part of, when a place of both turned out to be a variable.
    merged_into: Option<usize>,
}

/// The miner.
pub struct Miner {
    similarity: f64,
    max_per_leaf: usize,
    leaves: HashMap<(usize, Box<str>), Vec<usize>>,
    nodes: Vec<Node>,
}

const WILD: &str = "<*>";

impl Default for Miner {
    fn default() -> Self {
        Miner::new(0.85)
    }
}

/// Splits a line into tokens: runs between whitespace and `|` (a field separator in many
/// headers).
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_ascii_whitespace() || c == '|')
        .filter(|t| !t.is_empty())
}

/// Whether a token stands for a variable: `<*>` or a typed wildcard such as `<IP>`.
fn is_wild(t: &str) -> bool {
    t.len() >= 3
        && t.starts_with('<')
        && t.ends_with('>')
        && t[1..t.len() - 1]
            .bytes()
            .all(|b| b == b'*' || b.is_ascii_uppercase())
}

impl Miner {
    /// A miner; `similarity` is the share of a template's words a line must have in the same
    /// places to join it (Drain's `st`, counted over words rather than all tokens).
    pub fn new(similarity: f64) -> Miner {
        Miner {
            similarity,
            max_per_leaf: 200,
            leaves: HashMap::new(),
            nodes: Vec::new(),
        }
    }

    /// Adds a line; returns the index of its cluster.
    pub fn add(&mut self, line: &str, ts: Option<i64>) -> usize {
        // Secrets are masked in the whole line first: a value may hold a `|`, which splits
        // tokens, and must not leave a tail in the template.
        let masked = crate::core::secret::mask_inline_cow(line);
        let mut tokens: Vec<Cow<'_, str>> = tokens(&masked).map(mask).collect();
        for i in 1..tokens.len() {
            // `5.2 KB`, `748 B`, `1200 ms`: the unit of a number varies with it; so does the
            // name in `user NAME`.
            if (is_wild(&tokens[i - 1]) && is_unit(&tokens[i]))
                || tokens[i - 1].eq_ignore_ascii_case("user")
                || is_secret_flag(&tokens[i - 1])
            {
                tokens[i] = Cow::Borrowed(WILD);
            }
        }
        self.add_tokens(&tokens, line, ts, 1)
    }

    /// Adds an already mined template with its count (merging miners of several files).
    pub fn add_cluster(&mut self, c: &Cluster) -> usize {
        let tokens: Vec<Cow<'_, str>> = c.template.split(' ').map(Cow::Borrowed).collect();
        let i = self.add_tokens(&tokens, &c.sample, c.first, c.count);
        let cl = &mut self.nodes[i].cluster;
        if let Some(l) = c.last {
            cl.last = Some(cl.last.map_or(l, |x| x.max(l)));
        }
        i
    }

    fn add_tokens(
        &mut self,
        tokens: &[Cow<'_, str>],
        line: &str,
        ts: Option<i64>,
        n: u64,
    ) -> usize {
        // Drain's depth 4 (root, length, one token, leaf): the first token only.
        let first = match tokens.first() {
            Some(t) if !is_wild(t) => (**t).into(),
            Some(_) => WILD.into(),
            None => "".into(),
        };
        let leaf = self.leaves.entry((tokens.len(), first)).or_default();
        // The line's words are counted once, not per template compared.
        let line_words = tokens.iter().filter(|t| !is_wild(t)).count();
        let mut best: Option<(f64, usize, usize)> = None;
        for &ci in leaf.iter() {
            let t = &self.nodes[ci].tokens;
            let (sim, wild) = similarity(t, tokens, line_words);
            if best.is_none_or(|(s, w, _)| sim > s || (sim == s && wild > w)) {
                best = Some((sim, wild, ci));
            }
        }
        match best {
            Some((sim, _, ci)) if sim >= self.similarity || leaf.len() >= self.max_per_leaf => {
                let node = &mut self.nodes[ci];
                for (t, new) in node.tokens.iter_mut().zip(tokens) {
                    if **t != **new && &**t != WILD {
                        *t = WILD.into();
                    }
                }
                let c = &mut node.cluster;
                c.count += n;
                if let Some(t) = ts {
                    c.first = Some(c.first.map_or(t, |f| f.min(t)));
                    c.last = Some(c.last.map_or(t, |l| l.max(t)));
                }
                ci
            }
            _ => {
                if let Some(ci) = join_siblings(leaf, &mut self.nodes, tokens) {
                    let c = &mut self.nodes[ci].cluster;
                    c.count += n;
                    if let Some(t) = ts {
                        c.first = Some(c.first.map_or(t, |f| f.min(t)));
                        c.last = Some(c.last.map_or(t, |l| l.max(t)));
                    }
                    return ci;
                }
                let ci = self.nodes.len();
                leaf.push(ci);
                self.nodes.push(Node {
                    tokens: tokens.iter().map(|t| Box::from(&**t)).collect(),
                    cluster: Cluster {
                        template: String::new(),
                        count: n,
                        first: ts,
                        last: ts,
                        sample: crate::core::secret::mask_inline(&crate::logs::scan::clip(line)),
                    },
                    merged_into: None,
                });
                ci
            }
        }
    }

    /// The cluster that a line [`add`](Miner::add)ed as `i` belongs to now: clusters merge when
    /// a place in them turns out to hold a variable.
    pub fn resolve(&self, mut i: usize) -> usize {
        while let Some(j) = self.nodes[i].merged_into {
            i = j;
        }
        i
    }

    /// The clusters, largest first.
    pub fn clusters(self) -> Vec<Cluster> {
        let mut out: Vec<Cluster> = self
            .nodes
            .into_iter()
            .filter(|n| n.merged_into.is_none())
            .map(|n| {
                let mut c = n.cluster;
                // `password=<*>` keeps a value without digits as a token: mask it.
                c.template = crate::core::secret::mask_inline(&n.tokens.join(" "));
                c
            })
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.template.cmp(&b.template))
        });
        out
    }
}

/// How many templates that differ in one word only make that word a variable: three values of
/// a word (`HTTPS`, `SOCKS5`; `Starting`, `Ending`) are still different events, four (the pools,
/// disks or hosts of one message) are a name.
const NAMES_AT: usize = 4;

/// A line that matched no template by similarity may still differ from templates of its leaf in
/// one place only: when one of them already has a variable there the line joins it, and when
/// [`NAMES_AT`] of them (the line included) hold different words there, they merge into one
/// template with `<*>` in that place. Only for templates with at least three other words, so
/// short messages that differ in their one word stay apart. Returns the template joined.
fn join_siblings(
    leaf: &mut Vec<usize>,
    nodes: &mut [Node],
    tokens: &[Cow<'_, str>],
) -> Option<usize> {
    let mut by_place: HashMap<usize, Vec<usize>> = HashMap::new();
    for &ci in leaf.iter() {
        let t = &nodes[ci].tokens;
        let mut differ = t
            .iter()
            .zip(tokens)
            .enumerate()
            .filter(|(_, (a, b))| ***a != ***b);
        let (Some((p, _)), None) = (differ.next(), differ.next()) else {
            continue;
        };
        let others = t
            .iter()
            .enumerate()
            .filter(|(i, x)| *i != p && !is_wild(x))
            .count();
        if others >= 3 {
            by_place.entry(p).or_default().push(ci);
        }
    }
    let mut places: Vec<_> = by_place.into_iter().collect();
    places.sort_unstable_by_key(|(p, _)| *p);
    for (p, siblings) in places {
        if let Some(&ci) = siblings.iter().find(|&&ci| &*nodes[ci].tokens[p] == WILD) {
            return Some(ci);
        }
        if siblings.len() + 1 >= NAMES_AT {
            let survivor = siblings[0];
            leaf.retain(|ci| !siblings[1..].contains(ci));
            for &gone in &siblings[1..] {
                nodes[gone].merged_into = Some(survivor);
                let g = nodes[gone].cluster.clone();
                let c = &mut nodes[survivor].cluster;
                c.count += g.count;
                c.first = c.first.min(g.first).or(c.first).or(g.first);
                c.last = c.last.max(g.last);
            }
            nodes[survivor].tokens[p] = WILD.into();
            return Some(survivor);
        }
    }
    None
}

/// How alike a template and a line are: the share of the template's words (tokens that are not
/// wildcards) the line has in the same place, and how many places both hold a variable (a tie
/// breaker). A template of variables only is like any line of its length.
fn similarity(template: &[Box<str>], line: &[Cow<'_, str>], line_words: usize) -> (f64, usize) {
    let mut words = 0;
    let mut same = 0;
    let mut wild = 0;
    for (a, b) in template.iter().zip(line) {
        if is_wild(a) {
            wild += 1;
            continue;
        }
        words += 1;
        if **a == **b {
            same += 1;
        }
    }
    let words = words.max(line_words);
    let sim = if words == 0 {
        1.0
    } else {
        same as f64 / words as f64
    };
    (sim, wild)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A month or weekday name as in `Jun 14 15:16:01` or `[Sun Dec 04 04:47:44 2005]`.
fn is_date_word(t: &str) -> bool {
    let w = t.trim_matches(|c: char| c.is_ascii_punctuation());
    MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}

/// The line without its header, as far as it can be told from any log format:
/// - the time: tokens of digits and punctuation (`2025-10-10 09:00:00,123`, `[10:00:01]`), and
///   month and weekday names before them (`Jun 14 15:16:01`, `[Sun Dec 04 04:47:44 2005]`);
/// - after a syslog time (`Jun 14 15:16:01`), the host and the `program[pid]:`;
/// - levels (`INFO`, `[notice]`) and bracketed fields (`[main]`, `[IPC Server handler 2]`);
/// - a logger (`org.apache.Foo:`), or a logger or program ended by a lone `-` among the next
///   four tokens (logback's `%logger - %msg`).
///
/// Templates are then the messages: the same error from two threads or loggers is one template.
pub fn message(line: &str) -> &str {
    let mut rest = line.trim_start();
    let mut syslog = false;
    // Whether a header was seen: only after one are a lone `-`, a logger or a mixed-case level
    // taken for header rather than for the message's own words.
    let mut header = false;
    loop {
        let mut toks = tokens(rest);
        let Some(tok) = toks.next() else { break };
        // `Jun 14 15:16:01`: a month or weekday name counts only before a day and a time, so
        // `May 2 retries left` stays a message.
        let date_word = is_date_word(tok)
            && toks
                .next()
                .is_some_and(|n| n.bytes().any(|b| b.is_ascii_digit()))
            && toks.next().is_some_and(|n| n.contains(':'));
        let numeric = tok.bytes().any(|b| b.is_ascii_digit())
            && tok
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_punctuation())
            && !is_ip(tok.trim_matches(|c: char| c.is_ascii_punctuation()));
        // The first has the shape of a date or time (`2025-10-10`, `081109`, `04:47:44`, or
        // `[10.30` before `16:49:06]`); after it, numbers such as a pid belong to the header.
        let timeish =
            date_word || (numeric && (header || looks_like_time(tok, tokens(rest).nth(1))));
        if !timeish {
            break;
        }
        syslog |= !header && date_word && MONTHS.contains(&tok);
        header = true;
        rest = skip(rest, tok);
    }
    if syslog {
        // `host program[pid]:`
        let mut toks = tokens(rest);
        if let (Some(host), Some(program)) = (toks.next(), toks.next())
            && program.ends_with(':')
        {
            rest = skip(skip(rest, host), program);
        }
    }
    let mut level = false;
    for _ in 0..4 {
        let Some(tok) = tokens(rest).next() else {
            break;
        };
        if !level && (is_level_word(tok) || (header && is_level(tok))) {
            level = true;
            header = true;
            rest = skip(rest, tok);
        } else if tok.starts_with('[') {
            // A bracketed field may hold spaces: skip to its `]` when that is near. At the
            // start of a line only a bracketed time is a header (`[1/3] copying` is not).
            match rest.find(']') {
                Some(end)
                    if end < 240
                        && (header || holds_time(&rest[..end]))
                        && (end + 1 == rest.len()
                            || rest.as_bytes()[end + 1].is_ascii_whitespace()) =>
                {
                    header = true;
                    rest = rest[end + 1..]
                        .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '|');
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    if !header {
        return rest;
    }
    if let Some(tok) = tokens(rest).next()
        && is_logger(tok)
        && tokens(rest).nth(1).is_some()
    {
        return skip(rest, tok);
    }
    // `c.x.Order - message`, `chrome.exe *64 - message`: a dotted name and at most one more
    // token before the `-` (`Backup failed - disk full` is a message).
    if !tokens(rest)
        .next()
        .is_some_and(|t| t.contains('.') && t.bytes().any(|b| b.is_ascii_alphabetic()))
    {
        return rest;
    }
    let mut after = rest;
    for tok in tokens(rest).take(3) {
        after = skip(after, tok);
        if tok == "-" {
            if !after.is_empty() {
                return after;
            }
            break;
        }
    }
    rest
}

/// Whether a leading number is a date or time: it has a `:`, six or more digits, or two
/// separators, or the token after it has a `:`.
fn looks_like_time(tok: &str, next: Option<&str>) -> bool {
    let digits = tok.bytes().filter(u8::is_ascii_digit).count();
    let separators = tok
        .bytes()
        .filter(|b| matches!(b, b'-' | b'/' | b'.'))
        .count();
    tok.contains(':') || digits >= 6 || separators >= 2 || next.is_some_and(|n| n.contains(':'))
}

/// Whether text holds a time of day (`04:47:44`).
fn holds_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}

/// A command-line flag whose value is a secret (`--password secret`); the line's masking has
/// already replaced the value, this keeps `***` from splitting templates.
fn is_secret_flag(t: &str) -> bool {
    matches!(
        t,
        "--password" | "--passwd" | "--pass" | "--token" | "--secret" | "--api-key"
    )
}

/// A unit of size or time, as written after a number.
fn is_unit(t: &str) -> bool {
    const UNITS: [&str; 15] = [
        "B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "k", "ms", "s", "sec", "secs",
        "us",
    ];
    let w = t.trim_end_matches([',', ';', ')', ']', '.']);
    UNITS.contains(&w)
}

/// A level that reads as one even without a time before it: upper case (`ERROR`, `WARN:`) or
/// bracketed (`[notice]`).
fn is_level_word(t: &str) -> bool {
    is_level(t) && (t.starts_with('[') || !t.bytes().any(|b| b.is_ascii_lowercase()))
}

/// A log level as written in headers: `INFO`, `warn`, `[notice]`, `ERROR:`.
fn is_level(t: &str) -> bool {
    const LEVELS: [&str; 16] = [
        "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "ERR", "SEVERE", "FATAL",
        "CRIT", "CRITICAL", "ALERT", "EMERG", "FINE", "CONFIG",
    ];
    let w = t.trim_matches(|c: char| matches!(c, '[' | ']' | ':' | ',' | '<' | '>'));
    LEVELS.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// A logger name ending a header: `org.apache.hadoop.ipc.Client:`, `dfs.DataNode$PacketResponder:`.
fn is_logger(t: &str) -> bool {
    let Some(name) = t.strip_suffix(':') else {
        return false;
    };
    name.contains('.')
        && name
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'$' | b'_'))
}

/// `rest` after its first token `tok` and the separators that follow it.
fn skip<'a>(rest: &'a str, tok: &str) -> &'a str {
    let start = rest.find(tok).map_or(rest.len(), |i| i + tok.len());
    rest[start..].trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '|')
}

/// Classifies a token: a typed wildcard, the token with its variable runs as `<*>`, `<*>` for a
/// token without letters, or itself.
pub fn mask(token: &str) -> Cow<'_, str> {
    let t = token
        .trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '"' | '\'' | '.'));
    if t.is_empty() {
        // `()`, `[]`, `""`: an empty value.
        return Cow::Borrowed(if token.len() >= 2 { WILD } else { token });
    }
    if is_path(t) {
        return Cow::Borrowed("<PATH>");
    }
    if is_date_word(t) && t.len() == 3 {
        return Cow::Borrowed(WILD);
    }
    if is_host(t) {
        return Cow::Borrowed("<HOST>");
    }
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(token);
    }
    if is_ip(t) {
        return Cow::Borrowed("<IP>");
    }
    if is_uuid(t) {
        return Cow::Borrowed("<UUID>");
    }
    if is_hex(t) {
        return Cow::Borrowed("<HEX>");
    }
    if is_host_port(t) {
        return Cow::Borrowed("<HOST>");
    }
    let masked = mask_runs(token);
    if !masked.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
        return Cow::Borrowed(WILD);
    }
    masked
}

/// The token with each run of letters and digits that starts with a digit, or is a long hex
/// string, replaced by `<*>`.
fn mask_runs(token: &str) -> Cow<'_, str> {
    let b = token.as_bytes();
    let mut out: Option<String> = None;
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &b[start..i];
        let variable = run[0].is_ascii_digit()
            || (run.len() >= 8
                && run.iter().all(|c| c.is_ascii_hexdigit())
                && run.iter().any(|c| c.is_ascii_digit()));
        if variable {
            // A sign belongs to its number (`blk_-42`), a hyphen between words does not.
            let signed = start > copied
                && matches!(b[start - 1], b'-' | b'+')
                && (start == 1 || !b[start - 2].is_ascii_alphanumeric());
            let o = out.get_or_insert_with(String::new);
            o.push_str(&token[copied..start - signed as usize]);
            o.push_str(WILD);
            copied = i;
        }
    }
    match out {
        None => Cow::Borrowed(token),
        Some(mut o) => {
            o.push_str(&token[copied..]);
            Cow::Owned(o)
        }
    }
}

fn is_path(t: &str) -> bool {
    (t.len() > 1 && t.starts_with('/') && t[1..].contains('/'))
        || (t.len() > 3 && t.as_bytes()[0].is_ascii_alphabetic() && &t.as_bytes()[1..3] == b":\\")
}

fn is_ip(t: &str) -> bool {
    let host = t.rsplit_once(':').map_or(t, |(h, p)| {
        if p.bytes().all(|b| b.is_ascii_digit()) && h.contains('.') {
            h
        } else {
            t
        }
    });
    let parts: Vec<&str> = host.split('.').collect();
    (parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())))
        || ((host.contains("::") || host.matches(':').count() >= 5)
            && host.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'))
}

/// `db1.example.com`: a dotted name under a common top-level domain (so `a.properties` and Java
/// class names are not hosts).
fn is_host(t: &str) -> bool {
    const TLDS: [&str; 24] = [
        "com",
        "net",
        "org",
        "cn",
        "edu",
        "gov",
        "mil",
        "int",
        "io",
        "hk",
        "mo",
        "tw",
        "uk",
        "jp",
        "de",
        "ru",
        "us",
        "at",
        "info",
        "biz",
        "arpa",
        "local",
        "lan",
        "localdomain",
    ];
    let Some((name, tld)) = t.rsplit_once('.') else {
        return false;
    };
    // Two-letter country domains, but not file names such as `x.tar.gz` or `run.sh`, nor
    // property names such as `mapred.job.id`.
    const EXTENSIONS: [&str; 21] = [
        "gz", "xz", "bz", "7z", "sh", "py", "js", "ts", "so", "md", "db", "go", "rb", "pl", "rs",
        "cs", "id", "ms", "mb", "gb", "kb",
    ];
    let country = tld.len() == 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && name.contains('.')
        && !EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(tld));
    !name.is_empty()
        && (country || TLDS.iter().any(|d| d.eq_ignore_ascii_case(tld)))
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
        && !name.starts_with('.')
        && !name.ends_with('.')
}

/// `host.example.com:443`: a dotted name and a port.
fn is_host_port(t: &str) -> bool {
    let Some((host, port)) = t.rsplit_once(':') else {
        return false;
    };
    !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
}

fn is_uuid(t: &str) -> bool {
    t.len() == 36
        && t.bytes().enumerate().all(|(i, b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// `0x7f3a2b`, or six or more hex digits with at least one letter and one digit.
fn is_hex(t: &str) -> bool {
    if let Some(h) = t.strip_prefix("0x") {
        return !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit());
    }
    t.len() >= 6
        && t.bytes().all(|b| b.is_ascii_hexdigit())
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_dropped() {
        for (line, msg) in [
            ("2025-10-10 09:00:00,123 ERROR [main] x 42", "x 42"),
            ("[2025-10-10 09:00:00] boom", "boom"),
            ("ERROR 1", "1"),
            (
                "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown",
                "check pass; user unknown",
            ),
            (
                "[Sun Dec 04 04:47:44 2005] [notice] jk2_init() Found child 6725",
                "jk2_init() Found child 6725",
            ),
            (
                "2015-10-18 18:04:35,410 INFO [IPC Server handler 20 on 62270] org.apache.Impl: Progress of x",
                "Progress of x",
            ),
            (
                "2025-10-10 09:00:00.001 [exec-1] WARN c.x.Order - order 7 failed",
                "order 7 failed",
            ),
            (
                "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
                "Step_LSC|30002312|onStandStepChanged 3579",
            ),
            // Words of the message that look like header parts stay without a header.
            ("Backup failed - disk full", "Backup failed - disk full"),
            ("error: config reload failed", "error: config reload failed"),
            ("Fatal error in worker 3", "Fatal error in worker 3"),
            ("[1/3] copying files", "[1/3] copying files"),
            ("May 2 retries left", "May 2 retries left"),
            (
                "2025-10-10 09:00:00 Backup failed - disk full",
                "Backup failed - disk full",
            ),
            // An address first is the message, not a time.
            (
                "10.0.0.7:8080 refused the connection",
                "10.0.0.7:8080 refused the connection",
            ),
        ] {
            assert_eq!(message(line), msg, "{line}");
        }
    }

    #[test]
    fn variables_are_masked() {
        for (token, masked) in [
            ("10.0.0.7:8080", "<IP>"),
            ("550e8400-e29b-41d4-a716-446655440000", "<UUID>"),
            ("0x7f3a2b", "<HEX>"),
            ("7f3a2bc0", "<HEX>"),
            ("/data/upload/a.csv", "<PATH>"),
            ("proxy.cse.cuhk.edu.hk:5070", "<HOST>"),
            ("db1.example.com", "<HOST>"),
            ("backup.tar.gz", "backup.tar.gz"),
            (
                "org.apache.hadoop.ipc.Client",
                "org.apache.hadoop.ipc.Client",
            ),
            ("userId=42,", "userId=<*>,"),
            ("1234ms", "<*>"),
            ("12345678", "<*>"),
            ("00000005@2016/9/27:20:30:31.455", "<*>"),
            ("0000000d@2016/9/27:20:30:31.455", "<*>"),
            ("blk_-6952295868487656571", "blk_<*>"),
            ("sshd[19939]:", "sshd[<*>]:"),
            ("log4j", "log4j"),
            ("()", "<*>"),
            ("ERROR", "ERROR"),
        ] {
            assert_eq!(mask(token), masked, "{token}");
        }
    }

    #[test]
    fn lines_differing_in_variables_share_a_template() {
        let mut m = Miner::default();
        let a = m.add(
            "ERROR order 1001 failed: timeout after 3000ms from 10.0.0.1",
            Some(1),
        );
        let b = m.add(
            "ERROR order 1002 failed: timeout after 5000ms from 10.0.0.2",
            Some(5),
        );
        let c = m.add("ERROR cannot open /data/x/y.csv", Some(3));
        assert_eq!(a, b);
        assert_ne!(a, c);
        let cl = m.clusters();
        assert_eq!(cl[0].count, 2);
        assert_eq!(
            cl[0].template,
            "ERROR order <*> failed: timeout after <*> from <IP>"
        );
        assert_eq!((cl[0].first, cl[0].last), (Some(1), Some(5)));
    }

    #[test]
    fn lines_of_numbers_join_their_template() {
        let mut m = Miner::default();
        let a = m.add("onExtend:1514038530000 14 0 4", None);
        let b = m.add("onExtend:1514041026000 0 0 5", None);
        assert_eq!(a, b);
    }

    #[test]
    fn one_different_word_is_another_template_but_a_user_name_is_not() {
        let mut m = Miner::default();
        let https = m.add(
            "a.example.com:443 open through proxy p.example.com:5070 HTTPS",
            None,
        );
        let socks = m.add(
            "b.example.com:80 open through proxy p.example.com:5070 SOCKS5",
            None,
        );
        assert_ne!(https, socks);
        let root = m.add("session closed for user root", None);
        let news = m.add("session closed for user news", None);
        assert_eq!(root, news);
        let size = m.add(
            "Block rdd_1 stored (estimated size 748.0 B, free 5.2 KB)",
            None,
        );
        let kb = m.add(
            "Block rdd_2 stored (estimated size 8.8 KB, free 14.0 KB)",
            None,
        );
        assert_eq!(size, kb);
    }

    #[test]
    fn a_word_with_four_values_in_one_place_is_a_name() {
        let mut m = Miner::default();
        let ids: Vec<usize> = [
            "orderPool",
            "syncPool",
            "gisPool",
            "mqListener",
            "cachePool",
        ]
        .iter()
        .map(|p| m.add(&format!("JMS listener {p} stopped unexpectedly"), Some(1)))
        .collect();
        assert!(
            ids.iter().all(|&i| m.resolve(i) == m.resolve(ids[0])),
            "{ids:?}"
        );
        let cl = m.clusters();
        assert_eq!(cl.len(), 1);
        assert_eq!(cl[0].template, "JMS listener <*> stopped unexpectedly");
        assert_eq!(cl[0].count, 5);
        // Three values stay three events.
        let mut m = Miner::default();
        for v in ["Starting", "Ending", "Pausing"] {
            m.add(&format!("CBS {v} the TrustedInstaller main loop."), None);
        }
        assert_eq!(m.clusters().len(), 3);
    }

    #[test]
    fn secrets_leave_nothing_in_templates() {
        let mut m = Miner::default();
        m.add("login failed token=abc|def for app", None);
        m.add("mysql --token=S3cret! refused", None);
        m.add("mysqldump --password hunter2 failed", None);
        for c in m.clusters() {
            for secret in ["abc", "def", "S3cret", "hunter2"] {
                assert!(!c.template.contains(secret), "{}", c.template);
                assert!(!c.sample.contains(secret), "{}", c.sample);
            }
        }
    }

    #[test]
    fn a_template_of_wildcards_does_not_swallow_words() {
        let mut m = Miner::default();
        let n = m.add("12 34 56", None);
        assert_eq!(m.add("78 90 12", None), n);
        assert_ne!(m.add("disk full on", None), n);
    }
}
