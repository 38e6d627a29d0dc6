//! File helpers shared by the log engine and the backup ladder: checksums, bounded reads,
//! byte sizes.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

/// SHA-256 of a file, read in 1 MiB blocks.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut f = File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Like `read_exact` but stops at EOF; returns how much was read.
pub fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    match read_some(r, buf) {
        (n, None) => Ok(n),
        (_, Some(e)) => Err(e),
    }
}

/// Fills `buf` as far as the stream goes; on an error, how much was read before it and the
/// error (a truncated gzip still yields the lines before the cut).
pub fn read_some(r: &mut impl Read, buf: &mut [u8]) -> (usize, Option<io::Error>) {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (got, Some(e)),
        }
    }
    (got, None)
}

/// The most a file the operator writes (config, check file, playbook) may hold.
pub const MAX_CONFIG_BYTES: u64 = 16 << 20;

/// Reads a file the operator wrote: a regular file (not a FIFO that would block forever or a
/// device that never ends), at most [`MAX_CONFIG_BYTES`], in UTF-8. The error says which of
/// these it is not, with the byte offset of invalid UTF-8.
pub fn read_config_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, a device or a folder); name a YAML file".into());
    }
    if meta.len() > MAX_CONFIG_BYTES {
        return Err(format!(
            "{} bytes; files znode reads are at most {} MiB",
            meta.len(),
            MAX_CONFIG_BYTES >> 20
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // Bounded even if the file grows while it is read.
    File::open(path)
        .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(format!("more than {} MiB", MAX_CONFIG_BYTES >> 20));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]);
        let line = text.matches('\n').count() + 1;
        format!(
            "not UTF-8: invalid byte at offset {at} (line {line}); save the file as UTF-8 (GBK is not read here)"
        )
    })
}

/// A size written as `500MiB`, `10GiB`, `2GB` or bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ByteSize, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            N(u64),
            S(String),
        }
        match Raw::deserialize(d)? {
            Raw::N(n) => Ok(ByteSize(n)),
            Raw::S(s) => parse_size(&s).map(ByteSize).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "invalid size `{s}`; write e.g. `500MiB` or `10GiB`"
                ))
            }),
        }
    }
}

/// Parses `10GiB`, `500 MB`, `1024`.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: f64 = n.parse().ok()?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        "t" | "tb" => 1_000_000_000_000,
        "tib" => 1 << 40,
        _ => return None,
    };
    Some((n * mult as f64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_files_are_regular_bounded_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("gbk.yaml");
        std::fs::write(&bad, b"node: ok\ntitle: \xd6\xd0\n").unwrap();
        let e = read_config_text(&bad).unwrap_err();
        assert!(e.contains("offset 16 (line 2)"), "{e}");
        assert!(
            read_config_text(Path::new("/dev/zero"))
                .unwrap_err()
                .contains("not a regular file")
        );
        let good = dir.path().join("ok.yaml");
        std::fs::write(&good, "node: 肇庆\n").unwrap();
        assert_eq!(read_config_text(&good).unwrap(), "node: 肇庆\n");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10GiB"), Some(10 << 30));
        assert_eq!(parse_size("500 MB"), Some(500_000_000));
        assert_eq!(parse_size("1024"), Some(1024));
        assert_eq!(parse_size("1.5KiB"), Some(1536));
        assert_eq!(parse_size("ten"), None);
    }
}
