//! Opening a log file: gzip and zstd rotations decompressed in process, the encoding sniffed.
//! Transcoding GBK happens in the scanner, region by region, so that offsets stay in the file's
//! own bytes (the incremental cursor needs them); invalid bytes are passed through untouched and
//! the byte-oriented regexes skip them rather than fail.

use std::fs::File;
use std::io::{self, BufReader, Chain, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use encoding_rs::{Encoding, GB18030, UTF_8};

use crate::core::fsx::{read_full, read_some};

/// How a file is compressed, from its magic bytes (never its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    /// Plain text.
    None,
    /// gzip, possibly several members (`MultiGzDecoder`; `GzDecoder` stops after the first).
    Gzip,
    /// Zstandard.
    Zstd,
}

/// The encoding declared for a source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Declared {
    /// Sniffed from the first 64 KiB of each file.
    #[default]
    Auto,
    /// UTF-8.
    #[serde(alias = "utf8")]
    #[serde(rename = "utf-8")]
    Utf8,
    /// GBK (decoded as GB18030, its superset).
    Gbk,
    /// GB18030.
    Gb18030,
}

const SNIFF: usize = 64 * 1024;

/// A readable log stream and what was found out opening it.
pub struct Opened {
    /// The decompressed bytes, from the requested offset.
    pub reader: Chain<Cursor<Vec<u8>>, Box<dyn Read + Send>>,
    /// The compression found.
    pub compression: Compression,
    /// The encoding the text is read in.
    pub encoding: &'static Encoding,
}

/// Opens `path` from byte `skip` of its decompressed content (incremental reads).
pub fn open(path: &Path, declared: Declared, skip: u64) -> io::Result<Opened> {
    let mut file = File::open(path)?;
    let mut magic = [0u8; 4];
    let n = read_full(&mut file, &mut magic)?;
    file.seek(SeekFrom::Start(0))?;
    let (compression, mut raw): (Compression, Box<dyn Read + Send>) = match &magic[..n] {
        [0x1f, 0x8b, ..] => (
            Compression::Gzip,
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
                256 * 1024,
                file,
            ))),
        ),
        [0x28, 0xb5, 0x2f, 0xfd] => (Compression::Zstd, Box::new(zstd::Decoder::new(file)?)),
        _ => {
            if skip > 0 {
                file.seek(SeekFrom::Start(skip))?;
            }
            (Compression::None, Box::new(file))
        }
    };
    if skip > 0 && compression != Compression::None {
        io::copy(&mut (&mut raw).take(skip), &mut io::sink())?;
    }
    Ok(stream(raw, compression, declared))
}

/// A stream of log text that is not a file (the journal's entries), its encoding sniffed as
/// a file's is.
pub fn stream(
    mut raw: Box<dyn Read + Send>,
    compression: Compression,
    declared: Declared,
) -> Opened {
    let mut head = vec![0u8; SNIFF];
    let (got, error) = read_some(&mut raw, &mut head);
    head.truncate(got);
    if let Some(e) = error {
        // A truncated or corrupt stream: keep what came out of it, report the rest.
        let encoding = match declared {
            Declared::Utf8 => UTF_8,
            Declared::Gbk | Declared::Gb18030 => GB18030,
            Declared::Auto => sniff(&head),
        };
        let empty: Box<dyn Read + Send> = Box::new(FailingReader(Some(e)));
        return Opened {
            reader: Cursor::new(head).chain(empty),
            compression,
            encoding,
        };
    }
    let encoding = match declared {
        Declared::Utf8 => UTF_8,
        Declared::Gbk | Declared::Gb18030 => GB18030,
        Declared::Auto => sniff(&head),
    };
    let reader: Chain<Cursor<Vec<u8>>, Box<dyn Read + Send>> = Cursor::new(head).chain(raw);
    Opened {
        reader,
        compression,
        encoding,
    }
}

/// Yields its error once, then end of file.
struct FailingReader(Option<io::Error>);

impl Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// UTF-8 if the sample is valid UTF-8 (a character cut at the end is fine); GB18030 if it is
/// not but decodes cleanly as GB18030; otherwise UTF-8, whose invalid bytes are then skipped.
pub fn sniff(sample: &[u8]) -> &'static Encoding {
    let whole = match memchr::memrchr(b'\n', sample) {
        Some(p) if sample.len() == SNIFF => &sample[..=p],
        _ => sample,
    };
    match std::str::from_utf8(whole) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => {
            if GB18030
                .decode_without_bom_handling_and_without_replacement(whole)
                .is_some()
            {
                GB18030
            } else {
                UTF_8
            }
        }
    }
}

/// A line for people: UTF-8 if it is, else GB18030 if that decodes cleanly (a GBK line in a
/// mostly UTF-8 file), else UTF-8 with replacement characters.
pub fn display_line(line: &[u8]) -> String {
    let s = match std::str::from_utf8(line) {
        Ok(s) => s.to_owned(),
        Err(_) => match GB18030.decode_without_bom_handling_and_without_replacement(line) {
            Some(s) => s.into_owned(),
            None => String::from_utf8_lossy(line).into_owned(),
        },
    };
    // Control bytes from binary junk would garble a terminal.
    if s.chars().any(|c| c.is_control() && c != '\t') {
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_gbk_and_utf8() {
        let (gbk, _, _) = GB18030.encode("2025-10-10 13:55:36 ERROR 数据库连接失败\n");
        assert_eq!(sniff(&gbk), GB18030);
        assert_eq!(sniff("错误 ERROR\n".as_bytes()), UTF_8);
        assert_eq!(sniff(b"plain ascii\n"), UTF_8);
        // Binary junk is neither: read as UTF-8, invalid bytes skipped.
        assert_eq!(sniff(&[0xff, 0xfe, 0x00, 0x81, 0x0a]), UTF_8);
        assert!(display_line(&gbk[..gbk.len() - 1]).contains("数据库"));
    }
}
