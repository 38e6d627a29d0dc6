//! The checksum rung: a backup must match what was recorded when it was written, in a
//! `sha256sum`-format sidecar (`FILE.sha256`) or a `SHA256SUMS` file in its folder.
//! `znode backup seal` writes sidecars for backups that have none.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::fsx::sha256_file;

/// Where a backup's expected checksum was found, and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// The file that holds it.
    pub source: PathBuf,
    /// Lower-case hex SHA-256.
    pub sha256: String,
}

/// The recorded checksum of a backup, if any.
pub fn expected(backup: &Path) -> io::Result<Option<Expected>> {
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sidecar = PathBuf::from(format!("{}.sha256", backup.display()));
    if let Some(h) = read_sums(&sidecar, &name, true)? {
        return Ok(Some(Expected {
            source: sidecar,
            sha256: h,
        }));
    }
    if let Some(dir) = backup.parent() {
        for sums in ["SHA256SUMS", "sha256sums.txt"] {
            let f = dir.join(sums);
            if let Some(h) = read_sums(&f, &name, false)? {
                return Ok(Some(Expected {
                    source: f,
                    sha256: h,
                }));
            }
        }
    }
    Ok(None)
}

/// Reads `HASH  NAME` lines (`*NAME` in binary mode too); a sidecar may hold a bare hash.
fn read_sums(file: &Path, name: &str, sidecar: bool) -> io::Result<Option<String>> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.splitn(2, char::is_whitespace);
        let hash = parts.next().unwrap_or_default();
        let file_name = parts.next().map(|s| s.trim().trim_start_matches('*'));
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let same = match file_name {
            Some(f) => Path::new(f)
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == name),
            None => sidecar,
        };
        if same {
            return Ok(Some(hash.to_ascii_lowercase()));
        }
    }
    if sidecar {
        // A sidecar exists to hold this one hash: empty or unreadable, the record made when the
        // backup was written is lost, which is a defect, not "no checksum".
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} holds no sha256 for {name} (empty or damaged): the checksum recorded when the backup was written is lost",
                file.display()
            ),
        ));
    }
    Ok(None)
}

/// Writes `FILE.sha256` (sha256sum format) for a backup that has no recorded checksum; returns
/// the sidecar written, or `None` when one existed. A damaged sidecar is never overwritten
/// unless `force`: hashing the file now would bless whatever it has become since.
pub fn seal(backup: &Path, force: bool) -> io::Result<Option<PathBuf>> {
    match expected(backup) {
        Ok(Some(_)) => return Ok(None),
        Ok(None) => {}
        Err(e) if e.kind() == io::ErrorKind::InvalidData && force => {}
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(io::Error::new(
                e.kind(),
                format!(
                    "{e}; check the backup, then `backup seal --force` to record its hash as it is now"
                ),
            ));
        }
        Err(e) => return Err(e),
    }
    let hash = sha256_file(backup)?;
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sidecar = PathBuf::from(format!("{}.sha256", backup.display()));
    let tmp = PathBuf::from(format!("{}.sha256.partial", backup.display()));
    std::fs::write(&tmp, format!("{hash}  {name}\n"))?;
    std::fs::rename(&tmp, &sidecar)?;
    Ok(Some(sidecar))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecars_and_sums_files() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("db-20251010.dump");
        std::fs::write(&f, b"dump").unwrap();
        assert_eq!(expected(&f).unwrap(), None);
        let sidecar = seal(&f, false).unwrap().unwrap();
        let e = expected(&f).unwrap().unwrap();
        assert_eq!(e.source, sidecar);
        assert_eq!(e.sha256, sha256_file(&f).unwrap());
        assert_eq!(seal(&f, false).unwrap(), None, "sealed once");
        let g = dir.path().join("other.dump");
        std::fs::write(&g, b"x").unwrap();
        std::fs::write(
            dir.path().join("SHA256SUMS"),
            format!("{}  *other.dump\n", "a".repeat(64)),
        )
        .unwrap();
        assert_eq!(expected(&g).unwrap().unwrap().sha256, "a".repeat(64));
    }
}
