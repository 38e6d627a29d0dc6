//! [`Root`]: the folder a host's files are read under — `/` on a host, a fixture tree in tests,
//! a mounted image when reviewing a machine that is not running.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The most a file read for access review or a configuration snapshot may hold: these are small
/// text files, and a device or a runaway log under a wrong path must not be read whole.
pub const MAX_READ: u64 = 4 << 20;

/// Where the host's `/` is.
#[derive(Clone, Debug)]
pub struct Root {
    base: PathBuf,
}

impl Root {
    /// A root at `base` (`/` for the host itself).
    pub fn new(base: impl Into<PathBuf>) -> Root {
        Root { base: base.into() }
    }

    /// True when this is the running system's own `/`, where commands such as `sshd -T` see
    /// the same files.
    pub fn is_system(&self) -> bool {
        self.base == Path::new("/")
    }

    /// The real path of `abs` (a path as the host names it, `/etc/passwd`).
    pub fn path(&self, abs: &str) -> PathBuf {
        self.base.join(abs.trim_start_matches('/'))
    }

    /// A file's text: `Ok(None)` when it does not exist, `Err` (why, in Chinese) when it exists
    /// but cannot be read (permissions, not a regular file, too large). Invalid UTF-8 is
    /// replaced: these files are ASCII by convention.
    pub fn read(&self, abs: &str) -> Result<Option<String>, String> {
        read_bytes(&self.resolve(abs)).map(|o| o.map(|b| String::from_utf8_lossy(&b).into_owned()))
    }

    /// The real path of `abs` with its symlinks followed inside the root: RHEL's
    /// `/etc/pam.d/system-auth` is a link to the absolute `/etc/authselect/system-auth`, which
    /// in a mounted image or a fixture is under the root, not on the machine reading it.
    pub fn resolve(&self, abs: &str) -> PathBuf {
        if self.is_system() {
            return self.path(abs);
        }
        let mut parts: std::collections::VecDeque<String> =
            abs.split('/').map(str::to_owned).collect();
        let mut host = PathBuf::from("/");
        let mut hops = 0;
        while let Some(part) = parts.pop_front() {
            match part.as_str() {
                "" | "." => continue,
                ".." => {
                    host.pop();
                    continue;
                }
                _ => {}
            }
            let next = host.join(&part);
            let real = self.path(&next.to_string_lossy());
            match std::fs::read_link(&real) {
                Ok(target) if hops < 40 => {
                    hops += 1;
                    let t = target.to_string_lossy().into_owned();
                    if t.starts_with('/') {
                        host = PathBuf::from("/");
                    }
                    for (i, p) in t.split('/').enumerate() {
                        parts.insert(i, p.to_owned());
                    }
                }
                _ => host = next,
            }
        }
        self.path(&host.to_string_lossy())
    }

    /// The paths (as the host names them) matching a glob written as the host names it, sorted.
    pub fn glob(&self, pattern: &str) -> Vec<String> {
        let full = self.path(pattern);
        let Ok(paths) = glob::glob(&full.to_string_lossy()) else {
            return Vec::new();
        };
        let mut out: Vec<String> = paths.flatten().filter_map(|p| self.host_path(&p)).collect();
        out.sort();
        out
    }

    /// The host's name for a real path under this root.
    pub fn host_path(&self, real: &Path) -> Option<String> {
        let rel = real.strip_prefix(&self.base).ok()?;
        Some(format!("/{}", rel.to_string_lossy()))
    }

    /// Metadata of `abs`, not following a final symlink.
    pub fn lstat(&self, abs: &str) -> std::io::Result<std::fs::Metadata> {
        std::fs::symlink_metadata(self.path(abs))
    }
}

/// Reads a regular file of at most [`MAX_READ`] bytes: `Ok(None)` when absent.
pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(why(&e)),
    };
    if !meta.is_file() {
        return Err("不是普通文件".into());
    }
    if meta.len() > MAX_READ {
        return Err(format!("文件过大（{} 字节）", meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_READ + 1).read_to_end(&mut bytes))
        .map_err(|e| why(&e))?;
    Ok(Some(bytes))
}

/// An I/O error as the reviewer needs to read it.
fn why(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "无读取权限（以 root 或经 sudo 运行）".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_links_stay_inside_the_root() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("etc/authselect")).unwrap();
        std::fs::create_dir_all(d.path().join("etc/pam.d")).unwrap();
        std::fs::write(
            d.path().join("etc/authselect/system-auth"),
            "auth required pam_faillock.so\n",
        )
        .unwrap();
        std::os::unix::fs::symlink(
            "/etc/authselect/system-auth",
            d.path().join("etc/pam.d/system-auth"),
        )
        .unwrap();
        std::os::unix::fs::symlink("../authselect", d.path().join("etc/pam.d/as")).unwrap();
        let root = Root::new(d.path());
        assert_eq!(
            root.read("/etc/pam.d/system-auth").unwrap().unwrap(),
            "auth required pam_faillock.so\n"
        );
        assert!(root.read("/etc/pam.d/as/system-auth").unwrap().is_some());
    }
}
