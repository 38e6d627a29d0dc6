//! Incremental reading: where the last scan stopped in each file, so a cron run reads only the
//! lines written since.
//!
//! A file is recognised by its first KiB (decompressed), not its name or inode alone: logrotate
//! renames `app.log` to `app.log.1` and compresses it to `app.log.2.gz`, and the same content
//! must resume at the same offset under each name. A head shorter than 64 bytes is too weak to
//! identify a file on its own, so then the inode must match as well.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::LogFile;
use super::read::{self, Declared};

/// Bytes of a file's beginning that identify it.
pub const HEAD: usize = 1024;
const WEAK_HEAD: u32 = 64;

/// A file's identity: the hash of its first `len` bytes.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// How many bytes were hashed.
    pub len: u32,
    /// SHA-256 of them, hex.
    pub hash: String,
}

/// A cursor as stored.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug)]
pub struct Stored {
    /// Source id.
    pub source: String,
    /// Identity.
    pub head: Head,
    /// Inode when it was read.
    pub inode: u64,
    /// Offset after the last complete line read.
    pub offset: u64,
    /// A journal source: the cursor of the last entry read (then there is no file).
    #[serde(default)]
    pub journal: Option<String>,
}

/// Where to start reading a file.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// Offset in the decompressed content.
    pub offset: u64,
    /// The file's identity now.
    pub head: Head,
}

/// A position to store after a scan.
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug)]
pub struct Update {
    /// Source id.
    pub source: String,
    /// The file's path now (for people reading the store).
    pub path: std::path::PathBuf,
    /// Inode.
    pub inode: u64,
    /// Identity.
    pub head: Head,
    /// Offset reached.
    pub offset: u64,
    /// A journal source: the cursor of the last entry read.
    #[serde(default)]
    pub journal: Option<String>,
}

/// The identity a journal source's cursor is stored under: its query's, so that a changed
/// query does not resume where another stopped.
fn journal_head(query: &str) -> Head {
    Head {
        len: 0,
        hash: format!("journal:{}", hash(query.as_bytes())),
    }
}

impl Update {
    /// Where a [`reader`]'s read of a journal `query` (its identity) stopped.
    pub fn journal(reader: &str, query: &str, cursor: &str) -> Update {
        Update {
            source: reader.to_owned(),
            path: std::path::PathBuf::from("journal"),
            inode: 0,
            head: journal_head(query),
            offset: 0,
            journal: Some(cursor.to_owned()),
        }
    }
}

/// Whose position a cursor is: a source as one set of rules reads it. `logs scan` and
/// `logs audit` run from cron each read a source to where they stopped, and a check's own
/// pattern to where it stopped; one shared position would have each skip what the other
/// read. A source read by its scan rules alone is its bare id, as cursors were first stored.
pub fn reader(source: &str, kinds: &[super::RuleKind], pattern: Option<&str>) -> String {
    let mut parts: Vec<String> = kinds
        .iter()
        .map(|k| match k {
            super::RuleKind::Scan => "scan".to_owned(),
            super::RuleKind::Audit => "audit".to_owned(),
        })
        .collect();
    if parts == ["scan"] && pattern.is_none() {
        return source.to_owned();
    }
    if let Some(p) = pattern {
        parts.push(format!("pattern-{}", &hash(p.as_bytes())[..12]));
    }
    format!("{source}@{}", parts.join("+"))
}

/// The stored cursors, by reader (see [`reader`]).
#[derive(Clone, Debug, Default)]
pub struct Cursors {
    by_source: HashMap<String, Vec<Stored>>,
}

fn hash(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

impl Cursors {
    /// Builds the lookup from stored rows.
    pub fn new(rows: Vec<Stored>) -> Cursors {
        let mut by_source: HashMap<String, Vec<Stored>> = HashMap::new();
        for r in rows {
            by_source.entry(r.source.clone()).or_default().push(r);
        }
        Cursors { by_source }
    }

    /// Whether a [`reader`]'s incremental scan of a source's files ever stopped somewhere.
    pub fn knows(&self, reader: &str) -> bool {
        self.by_source
            .get(reader)
            .is_some_and(|v| v.iter().any(|s| s.journal.is_none()))
    }

    /// Where a [`reader`]'s last read of a journal `query` (its identity) stopped: the
    /// journal's cursor.
    pub fn journal(&self, reader: &str, query: &str) -> Option<&str> {
        let head = journal_head(query);
        self.by_source
            .get(reader)?
            .iter()
            .filter(|s| s.head.hash == head.hash)
            .find_map(|s| s.journal.as_deref())
    }

    /// Where to resume `file` of `source`: the stored offset of the longest matching head.
    pub fn start_for(&self, source: &str, file: &LogFile) -> Start {
        let mut bytes = vec![0u8; HEAD];
        let (got, compressed) = match read::open(&file.path, Declared::Utf8, 0) {
            Ok(mut o) => (
                crate::core::fsx::read_full(&mut o.reader, &mut bytes).unwrap_or(0),
                o.compression != read::Compression::None,
            ),
            Err(_) => (0, false),
        };
        bytes.truncate(got);
        let head = Head {
            len: got as u32,
            hash: hash(&bytes),
        };
        let best = self
            .by_source
            .get(source)
            .into_iter()
            .flatten()
            .filter(|s| s.head.len > 0 && s.head.len as usize <= bytes.len())
            .filter(|s| s.head.len >= WEAK_HEAD || s.inode == file.inode.1)
            .filter(|s| {
                if s.head.len == head.len {
                    s.head.hash == head.hash
                } else {
                    hash(&bytes[..s.head.len as usize]) == s.head.hash
                }
            })
            .max_by_key(|s| (s.head.len, s.inode == file.inode.1));
        let mut offset = best.map_or(0, |s| s.offset);
        // A plain file shorter than where we stopped was truncated (copytruncate): start over.
        if offset > file.size && !compressed {
            offset = 0;
        }
        Start { offset, head }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logs::RuleKind;

    #[test]
    fn each_reader_has_its_own_position() {
        assert_eq!(reader("app", &[RuleKind::Scan], None), "app");
        assert_eq!(reader("app", &[RuleKind::Audit], None), "app@audit");
        assert_eq!(
            reader("app", &[RuleKind::Scan, RuleKind::Audit], None),
            "app@scan+audit"
        );
        let a = reader("app", &[], Some("timeout"));
        assert!(a.starts_with("app@pattern-"), "{a}");
        assert_ne!(a, reader("app", &[], Some("refused")));
    }
}
