//! The key of the keyed hashes that stand in for secrets in snapshots: random, 32 bytes, kept
//! in `hash.key` beside the configuration (mode 0600) and sent to the agents with their plan,
//! so the same secret hashes alike on every host and over time, and a store copied elsewhere
//! cannot be brute-forced without the key.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Where the key lives for a configuration in `base_dir`.
pub fn path(base_dir: &Path) -> PathBuf {
    base_dir.join("hash.key")
}

/// A key for one run that compares with nothing stored (`znode probe drift`): nothing is
/// written.
pub fn ephemeral() -> Result<Vec<u8>, String> {
    let mut key = vec![0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut key))
        .map_err(|e| format!("cannot read /dev/urandom: {e}"))?;
    Ok(key)
}

/// The key, created on first use.
pub fn load_or_create(base_dir: &Path) -> Result<Vec<u8>, String> {
    let p = path(base_dir);
    match std::fs::read(&p) {
        Ok(k) if k.len() >= 16 => return Ok(k),
        Ok(_) => {
            return Err(format!(
                "{} is shorter than 16 bytes; remove it to have a new one made (snapshots taken with the old key will show every secret as changed once)",
                p.display()
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot read {}: {e}", p.display())),
    }
    let key = ephemeral()?;
    // Written whole beside, then linked into place: a run reading the key at the same moment
    // sees no key or the whole key, never a part; of two runs making one, the first link wins
    // and the other reads it.
    // Threads of one process may race here too: the name carries part of the key itself.
    let tmp = p.with_extension(format!(
        "key.{}.{:02x}{:02x}{:02x}{:02x}.tmp",
        std::process::id(),
        key[0],
        key[1],
        key[2],
        key[3]
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| f.write_all(&key).and_then(|_| f.sync_all()));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!(
            "cannot create {} ({e}); configuration snapshots need a writable folder beside znode.yaml",
            p.display()
        ));
    }
    let linked = std::fs::hard_link(&tmp, &p);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(key),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))
        }
        Err(e) => Err(format!("cannot create {}: {e}", p.display())),
    }
}
