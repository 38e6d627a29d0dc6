//! The structure rung: the backup reads to its end as what it claims to be.
//!
//! gzip and zstd streams are decompressed to their end; tar archives are walked entry by entry
//! (each read to its end, and the end-of-archive blocks must be there); zip entries are read
//! to their end, which checks their CRCs; a pg_dump custom archive
//! must be listable by `pg_restore --list`; a plain SQL dump must end with its dump tool's
//! completion footer (`-- PostgreSQL database dump complete`, mysqldump's `-- Dump completed`),
//! which a dump cut short by a full disk or a killed job lacks.

use crate::core::text::Text;
use crate::text;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::time::Duration;

use super::Kind;

/// What reading the backup showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Structure {
    /// It reads to its end; what was checked.
    Intact(Text),
    /// It does not; where and why.
    Broken(Text),
    /// Nothing znode knows how to check (an opaque file); why.
    Unchecked(Text),
}

/// Counts what passes through, so the tar walk knows where the stream ended.
struct Counting<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// The backup's content, decompressed when it is gzip or zstd (by magic bytes).
pub fn decompressed(path: &Path) -> io::Result<Box<dyn Read + Send>> {
    let mut head = [0u8; 4];
    let n = crate::core::fsx::read_full(&mut File::open(path)?, &mut head)?;
    Ok(match &head[..n] {
        [0x1f, 0x8b, ..] => Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
            1 << 20,
            File::open(path)?,
        ))),
        [0x28, 0xb5, 0x2f, 0xfd] => Box::new(zstd::Decoder::new(File::open(path)?)?),
        _ => Box::new(BufReader::with_capacity(1 << 20, File::open(path)?)),
    })
}

/// Checks a backup's structure; `timeout` bounds the external `pg_restore --list`.
pub fn check(path: &Path, kind: Kind, timeout: Duration) -> io::Result<Structure> {
    let mut head = [0u8; 8];
    let n = crate::core::fsx::read_full(&mut File::open(path)?, &mut head)?;
    let head = &head[..n];
    let outer = match head {
        [0x1f, 0x8b, ..] => "gzip",
        [0x28, 0xb5, 0x2f, 0xfd, ..] => "zstd",
        _ => "",
    };
    let stream = decompressed(path)?;
    if head.starts_with(b"PGDMP") {
        return pg_restore_list(path, timeout);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(walk_zip(path));
    }
    let mut stream = Counting {
        inner: stream,
        read: 0,
    };
    // The first block of the content says whether it is a tar archive or a SQL dump.
    let mut first = vec![0u8; 512];
    let got = match crate::core::fsx::read_some(&mut stream, &mut first) {
        (n, None) => n,
        (_, Some(e)) => return Ok(broken(outer, &stream, &e)),
    };
    first.truncate(got);
    let rest = io::Cursor::new(first.clone()).chain(stream);
    if first.len() == 512 && &first[257..262] == b"ustar" {
        return Ok(walk_tar(rest, outer));
    }
    if first.starts_with(b"PGDMP") {
        return Ok(Structure::Unchecked(text!(
            "{outer} 压缩的 pg_dump 自定义格式备份：需解压后用 pg_restore --list 检查",
            "a {outer}-compressed pg_dump custom archive: decompress it for pg_restore --list",
            outer = outer,
        )));
    }
    match kind {
        Kind::Postgres | Kind::Mysql => Ok(sql_footer(rest, kind, outer)),
        _ if !outer.is_empty() => {
            let mut rest = rest;
            match io::copy(&mut rest, &mut io::sink()) {
                Ok(n) => Ok(Structure::Intact(text!(
                    "{outer} 数据流完整（{n} 字节）",
                    "{outer} stream intact ({n} bytes)",
                    outer = outer,
                    n = n,
                ))),
                Err(e) => Ok(Structure::Broken(text!(
                    "{outer} 数据流损坏：{e}",
                    "{outer} stream broken: {e}",
                    outer = outer,
                    e = e,
                ))),
            }
        }
        _ => Ok(Structure::Unchecked(text!(
            "不是可检查的归档格式（tar、zip、gzip、zstd、pg_dump）",
            "not an archive znode can read (tar, zip, gzip, zstd, pg_dump)"
        ))),
    }
}

fn broken<R>(outer: &str, stream: &Counting<R>, e: &io::Error) -> Structure {
    let what = if outer.is_empty() { "file" } else { outer };
    Structure::Broken(text!(
        "{what} 数据流在 {n} 字节处损坏：{e}",
        "{what} stream broken after {n} bytes: {e}",
        what = what,
        n = stream.read,
        e = e,
    ))
}

/// Reads every zip entry to its end, which checks each one's CRC-32.
fn walk_zip(path: &Path) -> Structure {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return Structure::Broken(format!("zip: {e}").into()),
    };
    let mut zip = match zip::ZipArchive::new(BufReader::new(file)) {
        Ok(z) => z,
        Err(e) => return Structure::Broken(format!("zip: {e}").into()),
    };
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => return Structure::Broken(format!("zip entry {}: {e}", i + 1).into()),
        };
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("#{}", i + 1));
        if let Err(e) = io::copy(&mut entry, &mut io::sink()) {
            return Structure::Broken(format!("zip entry `{name}`: {e}").into());
        }
    }
    Structure::Intact(text!(
        "zip：{n} 个条目已完整读取，CRC 一致",
        "zip: {n} entries read to the end, CRCs match",
        n = zip.len(),
    ))
}

fn walk_tar<R: Read>(stream: R, outer: &str) -> Structure {
    let mut counting = Counting {
        inner: stream,
        read: 0,
    };
    let mut entries = 0u64;
    let mut end_of_last = 0u64;
    {
        let mut archive = tar::Archive::new(&mut counting);
        let iter = match archive.entries() {
            Ok(i) => i,
            Err(e) => return Structure::Broken(format!("tar: {e}").into()),
        };
        for entry in iter {
            let mut entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    return Structure::Broken(format!("tar entry {}: {e}", entries + 1).into());
                }
            };
            let name = entry
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let size = entry.size();
            let start = entry.raw_file_position();
            if let Err(e) = io::copy(&mut entry, &mut io::sink()) {
                return Structure::Broken(format!("tar entry `{name}`: {e}").into());
            }
            entries += 1;
            end_of_last = start + size.div_ceil(512) * 512;
        }
    }
    // tar-rs ends quietly at EOF on a header boundary; a complete archive has zero blocks there.
    if counting.read < end_of_last + 512 {
        return Structure::Broken(text!(
            "tar：{entries} 个条目之后数据流结束，缺少归档结束块（被截断？）",
            "tar: {entries} entries, then the stream ends without the end-of-archive blocks (cut short?)",
            entries = entries,
        ));
    }
    let what = match outer {
        "gzip" => "tar.gz",
        "zstd" => "tar.zst",
        _ => "tar",
    };
    Structure::Intact(text!(
        "{what}：{entries} 个条目已完整读取",
        "{what}: {entries} entries read to the end",
        what = what,
        entries = entries,
    ))
}

fn sql_footer<R: Read>(mut stream: R, kind: Kind, outer: &str) -> Structure {
    let mut tail: Vec<u8> = Vec::with_capacity(8192);
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                total += n as u64;
                tail.extend_from_slice(&buf[..n]);
                if tail.len() > 4096 {
                    tail.drain(..tail.len() - 4096);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                let what = if outer.is_empty() { "file" } else { outer };
                return Structure::Broken(text!(
                    "{what} 数据流在 {total} 字节处损坏：{e}",
                    "{what} stream broken after {total} bytes: {e}",
                    what = what,
                    total = total,
                    e = e,
                ));
            }
        }
    }
    let text = String::from_utf8_lossy(&tail);
    let (footer, tool) = match kind {
        Kind::Postgres => ("-- PostgreSQL database dump complete", "pg_dump"),
        _ => ("-- Dump completed", "mysqldump"),
    };
    if text.contains(footer) {
        Structure::Intact(text!(
            "SQL 文本备份（{total} 字节）以 {tool} 的完成标记结尾",
            "plain SQL dump ({total} bytes) ends with {tool}'s completion footer",
            total = total,
            tool = tool,
        ))
    } else if total == 0 {
        Structure::Broken(text!("备份为空", "the dump is empty"))
    } else {
        Structure::Broken(text!(
            "SQL 文本备份（{total} 字节）缺少 {tool} 的完成标记，备份被截断",
            "plain SQL dump ({total} bytes) lacks {tool}'s completion footer `{footer}`: cut short",
            total = total,
            tool = tool,
            footer = footer,
        ))
    }
}

/// A pg_dump custom archive: its table of contents must list (`pg_restore --list`), and every
/// data block must read to the end (`pg_restore -f /dev/null`, which needs no database): an
/// archive cut short keeps a readable table of contents.
fn pg_restore_list(path: &Path, timeout: Duration) -> io::Result<Structure> {
    let start = std::time::Instant::now();
    let listed = pg_restore(&[std::ffi::OsStr::new("--list"), path.as_os_str()], timeout)?;
    let out = match listed {
        Ran::Done { ok: true, out, .. } => out,
        Ran::Done { err, .. } => {
            let why = err.lines().next().unwrap_or("(no message)").to_owned();
            return Ok(Structure::Broken(text!(
                "pg_restore --list 失败：{why}",
                "pg_restore --list fails: {why}",
                why = why,
            )));
        }
        Ran::TimedOut => {
            return Ok(Structure::Broken(text!(
                "pg_restore --list 在 {t} 内未完成",
                "pg_restore --list did not finish within {t}",
                t = crate::core::text::duration(timeout),
            )));
        }
    };
    let entries = out
        .lines()
        .filter(|l| !l.starts_with(';') && !l.trim().is_empty())
        .count();
    let left = timeout.saturating_sub(start.elapsed());
    let read = pg_restore(
        &[std::ffi::OsStr::new("--file=/dev/null"), path.as_os_str()],
        left,
    )?;
    Ok(match read {
        Ran::Done { ok: true, .. } => Structure::Intact(text!(
            "pg_dump 自定义格式备份：{entries} 个条目，数据块已完整读取",
            "pg_dump custom archive: {entries} entries, every data block read to the end",
            entries = entries,
        )),
        Ran::Done { err, .. } => Structure::Broken(text!(
            "pg_dump 自定义格式备份：目录列出 {entries} 个条目，但数据无法完整读取：{why}",
            "pg_dump custom archive: its table of contents lists {entries} entries, but the data cannot be read to the end: {why}",
            entries = entries,
            why = err.lines().next().unwrap_or("(no message)").to_owned(),
        )),
        Ran::TimedOut => Structure::Broken(text!(
            "pg_restore 在 {t} 内未读完备份",
            "pg_restore did not read the archive within {t}",
            t = crate::core::text::duration(timeout),
        )),
    })
}

/// The database a dump was taken of, as its header says: `dbname:` in a pg_dump custom
/// archive's table of contents, `Database:` in mysqldump's opening comment. `None` when the
/// format does not say (a plain pg_dump names no database).
pub fn dump_database(path: &Path, timeout: Duration) -> io::Result<Option<String>> {
    let mut head = [0u8; 5];
    let n = crate::core::fsx::read_full(&mut File::open(path)?, &mut head)?;
    if head[..n].starts_with(b"PGDMP") {
        return Ok(
            match pg_restore(&[std::ffi::OsStr::new("--list"), path.as_os_str()], timeout)? {
                Ran::Done { ok: true, out, .. } => out.lines().find_map(|l| {
                    l.trim_start_matches(';')
                        .trim()
                        .strip_prefix("dbname:")
                        .map(|d| d.trim().to_owned())
                }),
                _ => None,
            },
        );
    }
    let mut first = vec![0u8; 4096];
    let (got, _) = crate::core::fsx::read_some(&mut decompressed(path)?, &mut first);
    first.truncate(got);
    Ok(String::from_utf8_lossy(&first)
        .lines()
        .take_while(|l| l.starts_with("--") || l.trim().is_empty())
        .find_map(|l| {
            l.split_once("Database: ")
                .map(|(_, d)| d.split_whitespace().next().unwrap_or_default().to_owned())
        })
        .filter(|d| !d.is_empty()))
}

/// What a bounded run of pg_restore gave.
enum Ran {
    Done { ok: bool, out: String, err: String },
    TimedOut,
}

fn pg_restore(args: &[&std::ffi::OsStr], timeout: Duration) -> io::Result<Ran> {
    let mut child = std::process::Command::new("pg_restore")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| {
            io::Error::other(format!(
                "cannot run pg_restore (install postgresql-client): {e}"
            ))
        })?;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || {
        let mut o = String::new();
        let _ = out.read_to_string(&mut o);
        let mut e = String::new();
        let _ = err.read_to_string(&mut e);
        (o, e)
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break s;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Ran::TimedOut);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (out, err) = reader.join().unwrap_or_default();
    Ok(Ran::Done {
        ok: status.success(),
        out,
        err,
    })
}
