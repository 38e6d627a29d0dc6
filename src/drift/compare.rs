//! Drift: what changed between the accepted baseline and a snapshot — paths added and
//! removed, and for the others their metadata and their content apart, with a unified diff of
//! the masked text.

use serde::{Deserialize, Serialize};

use super::snapshot::{Entry, Snapshot};

/// A diff longer than this many lines is cut (the counts stay whole).
const MAX_DIFF_LINES: usize = 200;

/// One changed path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The path.
    pub path: String,
    /// Metadata changes, one line each (`权限 0644 → 0666`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meta: Vec<String>,
    /// The content changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub content: bool,
    /// Lines added and removed, for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<(usize, usize)>,
    /// Unified diff of the masked text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// When the path was last modified, epoch seconds.
    pub mtime: i64,
    /// Who was on the host around then (logins, sudo commands), when a log source was named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub who: Vec<String>,
}

/// Paths added, removed, changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    /// New paths, with their mtime.
    pub added: Vec<Change>,
    /// Paths that are gone.
    pub removed: Vec<String>,
    /// Paths whose metadata or content changed.
    pub changed: Vec<Change>,
}

impl Drift {
    /// Every difference.
    pub fn count(&self) -> usize {
        self.added.len() + self.removed.len() + self.changed.len()
    }

    /// Changes of content.
    pub fn content_changes(&self) -> usize {
        self.changed.iter().filter(|c| c.content).count()
    }

    /// Changes of metadata.
    pub fn meta_changes(&self) -> usize {
        self.changed.iter().filter(|c| !c.meta.is_empty()).count()
    }
}

/// Compares a snapshot with the baseline.
pub fn compare(baseline: &Snapshot, now: &Snapshot) -> Drift {
    let mut d = Drift::default();
    for (path, e) in &now.entries {
        match baseline.entries.get(path) {
            None => d.added.push(Change {
                path: path.clone(),
                meta: Vec::new(),
                content: false,
                lines: None,
                diff: None,
                mtime: e.mtime,
                who: Vec::new(),
            }),
            Some(old) => {
                if let Some(c) = change(path, old, e) {
                    d.changed.push(c);
                }
            }
        }
    }
    d.removed = baseline
        .entries
        .keys()
        .filter(|p| !now.entries.contains_key(*p))
        .cloned()
        .collect();
    d
}

fn change(path: &str, old: &Entry, new: &Entry) -> Option<Change> {
    let mut meta = Vec::new();
    if old.kind != new.kind {
        meta.push(format!("类型 {} → {}", old.kind.zh(), new.kind.zh()));
    }
    if old.mode != new.mode {
        meta.push(format!("权限 {:04o} → {:04o}", old.mode, new.mode));
    }
    if (old.uid, old.gid) != (new.uid, new.gid) {
        meta.push(format!(
            "属主 {}:{} → {}:{}",
            old.uid, old.gid, new.uid, new.gid
        ));
    }
    if old.link != new.link {
        meta.push(format!(
            "链接 {} → {}",
            old.link.as_deref().unwrap_or("-"),
            new.link.as_deref().unwrap_or("-")
        ));
    }
    let content = old.sha256 != new.sha256;
    if meta.is_empty() && !content {
        return None;
    }
    let (lines, diff) = match (content, &old.text, &new.text) {
        (true, Some(a), Some(b)) => {
            let (l, d) = unified(path, a, b);
            (Some(l), Some(d))
        }
        _ => (None, None),
    };
    Some(Change {
        path: path.to_owned(),
        meta,
        content,
        lines,
        diff,
        mtime: new.mtime,
        who: Vec::new(),
    })
}

/// The unified diff of two masked texts (baseline first) and the lines added and removed.
pub fn unified(path: &str, a: &str, b: &str) -> ((usize, usize), String) {
    let diff = similar::TextDiff::from_lines(a, b);
    let (mut plus, mut minus) = (0, 0);
    for op in diff.iter_all_changes() {
        match op.tag() {
            similar::ChangeTag::Insert => plus += 1,
            similar::ChangeTag::Delete => minus += 1,
            similar::ChangeTag::Equal => {}
        }
    }
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("基线 {path}"), &format!("当前 {path}"))
        .to_string();
    let total = text.lines().count();
    let mut kept: String = text
        .lines()
        .take(MAX_DIFF_LINES)
        .map(|l| format!("{l}\n"))
        .collect();
    if total > MAX_DIFF_LINES {
        kept.push_str(&format!("…（另 {} 行未列出）\n", total - MAX_DIFF_LINES));
    }
    ((plus, minus), kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::snapshot::Kind;

    fn file(text: &str, mode: u32) -> Entry {
        Entry {
            kind: Kind::File,
            mode,
            uid: 0,
            gid: 0,
            size: text.len() as u64,
            mtime: 1,
            sha256: Some(format!("{:x}", text.len()) + text),
            link: None,
            text: Some(text.to_owned()),
            textual: true,
            encoding: None,
            masked: 0,
        }
    }

    #[test]
    fn metadata_and_content_apart() {
        let mut base = Snapshot::default();
        base.entries
            .insert("/etc/hosts".into(), file("127.0.0.1 localhost\n", 0o644));
        base.entries.insert("/etc/a".into(), file("x\n", 0o644));
        base.entries.insert("/etc/gone".into(), file("x\n", 0o644));
        let mut now = base.clone();
        now.entries.remove("/etc/gone");
        now.entries.insert("/etc/new".into(), file("y\n", 0o600));
        now.entries.insert(
            "/etc/hosts".into(),
            file("127.0.0.1 localhost\n10.0.0.9 db\n", 0o644),
        );
        now.entries.insert("/etc/a".into(), file("x\n", 0o666));
        let d = compare(&base, &now);
        assert_eq!(d.removed, vec!["/etc/gone"]);
        assert_eq!(d.added[0].path, "/etc/new");
        assert_eq!(d.changed.len(), 2);
        let a = &d.changed[0];
        assert_eq!((a.path.as_str(), a.content), ("/etc/a", false));
        assert_eq!(a.meta, vec!["权限 0644 → 0666"]);
        let h = &d.changed[1];
        assert!(h.content && h.meta.is_empty());
        assert_eq!(h.lines, Some((1, 0)));
        assert!(
            h.diff.as_ref().unwrap().contains("+10.0.0.9 db"),
            "{:?}",
            h.diff
        );
        assert_eq!(
            (d.content_changes(), d.meta_changes(), d.count()),
            (1, 1, 4)
        );
    }
}
