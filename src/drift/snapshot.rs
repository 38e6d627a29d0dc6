//! Taking a snapshot: every path of a [`PathSet`] under a root, with kind, mode, owner, size,
//! mtime, a content hash, and the masked text of text files (UTF-8 or GBK) up to a limit.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::paths::PathSet;
use crate::access::root::{MAX_READ, Root, read_bytes};

/// A snapshot never records more paths than this: a wrong glob must not walk a whole disk.
pub const MAX_ENTRIES: usize = 10_000;

/// The most text one snapshot keeps (it is stored with every baseline and sent to agents):
/// past it, files are compared by hash alone.
pub const MAX_TEXT_TOTAL: usize = 16 << 20;

/// Files whose content is a secret as a whole: compared by hash, their text never kept.
fn secret_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    matches!(
        name.as_str(),
        "opasswd" | "shadow" | "shadow-" | "gshadow" | "gshadow-" | "hash.key" | "master.passwd"
    ) || matches!(
        ext,
        "key" | "p12" | "pfx" | "jks" | "keystore" | "kdb" | "p8"
    ) || (name.starts_with("id_") && !name.ends_with(".pub"))
}

/// What kind of path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A regular file.
    File,
    /// A folder.
    Dir,
    /// A symbolic link (not followed).
    Symlink,
    /// A device, FIFO or socket.
    Other,
}

impl Kind {
    /// The word the reports use.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::File => "文件",
            Kind::Dir => "目录",
            Kind::Symlink => "符号链接",
            Kind::Other => "特殊文件",
        }
    }
}

/// One recorded path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Kind.
    pub kind: Kind,
    /// Permission bits (and setuid/setgid/sticky).
    pub mode: u32,
    /// Owner.
    pub uid: u32,
    /// Group.
    pub gid: u32,
    /// Size in bytes.
    pub size: u64,
    /// Last modification, epoch seconds.
    pub mtime: i64,
    /// SHA-256 of a file's content — of its masked text when secrets were masked in it, so the
    /// hash cannot be used to guess them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// A symlink's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A text file's content with its secrets masked; left out of a stored check outcome when
    /// it equals the baseline's (the baseline holds it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The file is text (its text may be left out, see `text`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub textual: bool,
    /// `GBK` when the text was decoded from GBK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Secret values masked in the text.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub masked: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The paths of one host at one time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When it was taken, epoch ms.
    pub taken_at: i64,
    /// By path as the host names it.
    pub entries: BTreeMap<String, Entry>,
    /// More than [`MAX_ENTRIES`] paths matched; the rest were not recorded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// Paths that could not be read, with why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// Text kept so far, against [`MAX_TEXT_TOTAL`].
    #[serde(skip)]
    text_bytes: usize,
}

impl Snapshot {
    /// A copy whose texts equal to `baseline`'s are left out (they are in the baseline), for
    /// storing with each check outcome without storing the same files every day.
    pub fn without_unchanged_text(&self, baseline: Option<&Snapshot>) -> Snapshot {
        let mut s = self.clone();
        if let Some(b) = baseline {
            for (path, e) in &mut s.entries {
                if b.entries
                    .get(path)
                    .is_some_and(|old| old.sha256 == e.sha256)
                {
                    e.text = None;
                }
            }
        }
        s
    }

    /// A stored partial snapshot made whole again with the texts of the baseline it was cut
    /// against (see [`Snapshot::without_unchanged_text`]).
    pub fn with_text_from(mut self, baseline: Option<&Snapshot>) -> Snapshot {
        if let Some(b) = baseline {
            for (path, e) in &mut self.entries {
                if e.textual
                    && e.text.is_none()
                    && let Some(old) = b.entries.get(path).filter(|o| o.sha256 == e.sha256)
                {
                    e.text = old.text.clone();
                }
            }
        }
        self
    }
}

/// Takes a snapshot of `set` under `root`; `key` keys the hashes standing in for secrets and
/// `text_limit` is the largest text kept.
pub fn take(root: &Root, set: &PathSet, key: &[u8], text_limit: u64, now_ms: i64) -> Snapshot {
    let mut snap = Snapshot {
        taken_at: now_ms,
        ..Snapshot::default()
    };
    for pattern in &set.include {
        let (base, deep) = match pattern.strip_suffix("/**") {
            Some(b) => (b, true),
            None => (pattern.as_str(), false),
        };
        for path in root.glob(base) {
            walk(
                root,
                set,
                &path,
                deep || is_dir(root, &path),
                key,
                text_limit,
                0,
                &mut snap,
            );
        }
    }
    snap
}

fn is_dir(root: &Root, path: &str) -> bool {
    root.lstat(path).is_ok_and(|m| m.is_dir())
}

#[allow(clippy::too_many_arguments)]
fn walk(
    root: &Root,
    set: &PathSet,
    path: &str,
    deep: bool,
    key: &[u8],
    text_limit: u64,
    depth: usize,
    snap: &mut Snapshot,
) {
    if set.ignores(path) || snap.entries.contains_key(path) {
        return;
    }
    if snap.entries.len() >= MAX_ENTRIES {
        snap.truncated = true;
        return;
    }
    let meta = match root.lstat(path) {
        Ok(m) => m,
        Err(e) => {
            snap.problems.push(format!("{path}：{e}"));
            return;
        }
    };
    let ft = meta.file_type();
    let kind = if ft.is_symlink() {
        Kind::Symlink
    } else if ft.is_dir() {
        Kind::Dir
    } else if ft.is_file() {
        Kind::File
    } else {
        Kind::Other
    };
    let mut entry = Entry {
        kind,
        mode: meta.mode() & 0o7777,
        uid: meta.uid(),
        gid: meta.gid(),
        size: if kind == Kind::File { meta.size() } else { 0 },
        mtime: meta.mtime(),
        sha256: None,
        link: None,
        text: None,
        textual: false,
        encoding: None,
        masked: 0,
    };
    match kind {
        Kind::Symlink => {
            entry.link = std::fs::read_link(root.path(path))
                .ok()
                .map(|t| t.to_string_lossy().into_owned());
        }
        Kind::File => {
            let room = MAX_TEXT_TOTAL.saturating_sub(snap.text_bytes) as u64;
            match read_content(root, path, &mut entry, key, text_limit.min(room)) {
                Ok(()) => snap.text_bytes += entry.text.as_ref().map_or(0, String::len),
                Err(e) => snap.problems.push(format!("{path}：{e}")),
            }
        }
        _ => {}
    }
    snap.entries.insert(path.to_owned(), entry);
    if kind == Kind::Dir && deep && depth < 32 {
        let Ok(dir) = std::fs::read_dir(root.path(path)) else {
            snap.problems.push(format!("{path}：无法列出目录"));
            return;
        };
        let mut names: Vec<String> = dir
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let prefix = path.trim_end_matches('/');
        for name in names {
            walk(
                root,
                set,
                &format!("{prefix}/{name}"),
                true,
                key,
                text_limit,
                depth + 1,
                snap,
            );
        }
    }
}

/// Hashes a file and keeps its masked text when it is text.
fn read_content(
    root: &Root,
    path: &str,
    entry: &mut Entry,
    key: &[u8],
    text_limit: u64,
) -> Result<(), String> {
    if entry.size > MAX_READ {
        // Too large to be read whole (a JDK's cacerts is ~200 KiB; this is not configuration
        // text): hashed as bytes.
        entry.sha256 =
            Some(crate::core::fsx::sha256_file(&root.path(path)).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let bytes = read_bytes(&root.path(path))?.unwrap_or_default();
    let private = memchr::memmem::find(&bytes, b"PRIVATE KEY-----").is_some();
    if secret_file(path) || private {
        // A key or a password database: any change shows by its hash; no line of it is kept.
        entry.sha256 = Some(hex(&Sha256::digest(&bytes)));
        return Ok(());
    }
    let decoded = decode(&bytes);
    match decoded {
        Some((text, encoding)) => {
            let (masked, n) = super::mask::mask_text(&text, key);
            entry.textual = true;
            entry.masked = n;
            entry.encoding = encoding.map(str::to_owned);
            entry.sha256 = Some(hex(&Sha256::digest(if n > 0 {
                masked.as_bytes()
            } else {
                &bytes
            })));
            if bytes.len() as u64 <= text_limit {
                entry.text = Some(masked);
            }
        }
        None => entry.sha256 = Some(hex(&Sha256::digest(&bytes))),
    }
    Ok(())
}

/// The text of a file: UTF-8, else GBK; `None` for binary content (a NUL byte, or neither).
fn decode(bytes: &[u8]) -> Option<(String, Option<&'static str>)> {
    if memchr::memchr(0, bytes).is_some() {
        return None;
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some((s.to_owned(), None));
    }
    encoding_rs::GBK
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| (s.into_owned(), Some("GBK")))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
