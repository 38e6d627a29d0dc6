//! `znode backup take`: archives a policy's `sources` (config files, program directories) into
//! a dated tar.gz or tar.zst that plain `tar` restores, with a `sha256sum`-format checksum and
//! a manifest of every file's sha256, then applies the policy's retention.
//!
//! The archive is written under a `.partial` name and renamed when complete, so a crash never
//! leaves something that looks like a backup. Symbolic links are stored as links, not followed.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::Policy;

/// How `take` compresses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    /// gzip: every `tar` reads it.
    #[default]
    Gzip,
    /// zstd: smaller and faster; `tar --zstd` reads it.
    Zstd,
}

/// What a take wrote and removed.
#[derive(Debug, serde::Serialize)]
pub struct Taken {
    /// The archive.
    pub archive: PathBuf,
    /// Files archived.
    pub files: u64,
    /// Bytes before compression.
    pub bytes: u64,
    /// Archive size.
    pub size: u64,
    /// Older backups deleted by the retention.
    pub removed: Vec<PathBuf>,
    /// Sources that did not exist or could not be read.
    pub skipped: Vec<String>,
}

/// The compressing writer, finished explicitly.
enum Encoder {
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::Encoder<'static, BufWriter<File>>),
}

impl Write for Encoder {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Encoder::Gzip(e) => e.write(buf),
            Encoder::Zstd(e) => e.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Encoder::Gzip(e) => e.flush(),
            Encoder::Zstd(e) => e.flush(),
        }
    }
}

impl Encoder {
    fn finish(self) -> io::Result<BufWriter<File>> {
        match self {
            Encoder::Gzip(e) => e.finish(),
            Encoder::Zstd(e) => e.finish(),
        }
    }
}

/// Hashes what is read through it.
struct Hashing<R> {
    inner: R,
    hash: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The policy's path with its date fields filled in for `now`.
pub fn archive_path(policy: &Policy, base: &Path, now: chrono::DateTime<chrono_tz::Tz>) -> PathBuf {
    let name = now
        .with_timezone(&policy.zone(now.timezone()))
        .format(&policy.path)
        .to_string();
    if Path::new(&name).is_absolute() {
        PathBuf::from(name)
    } else {
        base.join(name)
    }
}

/// Takes one backup of the policy's sources.
pub fn take(
    policy: &Policy,
    base: &Path,
    now: chrono::DateTime<chrono_tz::Tz>,
) -> io::Result<Taken> {
    let archive = archive_path(policy, base, now);
    if archive.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} exists already; add %H%M%S to the policy's path to take several a day",
                archive.display()
            ),
        ));
    }
    if let Some(dir) = archive.parent() {
        fs::create_dir_all(dir)?;
    }
    let partial = PathBuf::from(format!("{}.partial", archive.display()));
    // Config and program backups hold credentials and code: readable by the owner only.
    let file = {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&partial)?
    };
    let out = BufWriter::with_capacity(1 << 20, file);
    let compression = policy.compression.unwrap_or_default();
    let encoder = match compression {
        Compression::Gzip => Encoder::Gzip(flate2::write::GzEncoder::new(
            out,
            flate2::Compression::default(),
        )),
        Compression::Zstd => Encoder::Zstd(zstd::Encoder::new(out, 3)?),
    };
    let mut tar = tar::Builder::new(encoder);
    tar.follow_symlinks(false);
    let mut manifest = String::from("# sha256  size  path\n");
    let mut taken = Taken {
        archive: archive.clone(),
        files: 0,
        bytes: 0,
        size: 0,
        removed: Vec::new(),
        skipped: Vec::new(),
    };
    for source in &policy.sources {
        let full = if Path::new(source).is_absolute() {
            PathBuf::from(source)
        } else {
            base.join(source)
        };
        let matches: Vec<PathBuf> = glob::glob(&full.to_string_lossy())
            .map(|g| g.flatten().collect())
            .unwrap_or_default();
        if matches.is_empty() {
            taken.skipped.push(format!("{source}: nothing matches"));
        }
        for m in matches {
            add(&mut tar, &m, &mut manifest, &mut taken)?;
        }
    }
    // Finished explicitly: a drop would swallow a write error at the end of the stream.
    let file = tar
        .into_inner()?
        .finish()?
        .into_inner()
        .map_err(|e| e.into_error())?;
    file.sync_all()?;
    fs::rename(&partial, &archive)?;
    taken.size = fs::metadata(&archive)?.len();
    let digest = crate::core::fsx::sha256_file(&archive)?;
    let name = archive
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs::write(
        format!("{}.sha256", archive.display()),
        format!("{digest}  {name}\n"),
    )?;
    fs::write(format!("{}.manifest", archive.display()), manifest)?;
    taken.removed = retention(policy, base, now.timezone())?;
    Ok(taken)
}

/// Adds a file, a link or a whole directory tree, in archive paths without the leading `/`.
fn add<W: Write>(
    tar: &mut tar::Builder<W>,
    path: &Path,
    manifest: &mut String,
    taken: &mut Taken,
) -> io::Result<()> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => {
            taken.skipped.push(format!("{}: {e}", path.display()));
            return Ok(());
        }
    };
    let name: PathBuf = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::RootDir))
        .collect();
    if meta.is_dir() {
        tar.append_dir(&name, path)?;
        let mut entries: Vec<PathBuf> = fs::read_dir(path)?.flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            add(tar, &e, manifest, taken)?;
        }
    } else if meta.file_type().is_symlink() {
        let mut h = tar::Header::new_gnu();
        h.set_metadata(&meta);
        tar.append_link(&mut h, &name, fs::read_link(path)?)?;
    } else if meta.is_file() {
        let f = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                taken.skipped.push(format!("{}: {e}", path.display()));
                return Ok(());
            }
        };
        let mut h = tar::Header::new_gnu();
        h.set_metadata(&meta);
        let mut reader = Hashing {
            inner: f,
            hash: Sha256::new(),
        };
        tar.append_data(&mut h, &name, &mut reader)?;
        manifest.push_str(&format!(
            "{}  {}  /{}\n",
            hex(&reader.hash.finalize()),
            meta.len(),
            name.display()
        ));
        taken.files += 1;
        taken.bytes += meta.len();
    }
    Ok(())
}

/// Deletes the oldest backups (and their checksum and manifest files) beyond `keep`.
fn retention(policy: &Policy, base: &Path, tz: chrono_tz::Tz) -> io::Result<Vec<PathBuf>> {
    let Some(keep) = policy.keep else {
        return Ok(Vec::new());
    };
    let backups = policy.discover(base, tz).map_err(io::Error::other)?;
    let excess = backups.len().saturating_sub(keep as usize);
    let mut removed = Vec::new();
    for b in backups.into_iter().take(excess) {
        fs::remove_file(&b.path)?;
        for side in ["sha256", "manifest"] {
            let _ = fs::remove_file(format!("{}.{side}", b.path.display()));
        }
        removed.push(b.path);
    }
    Ok(removed)
}
