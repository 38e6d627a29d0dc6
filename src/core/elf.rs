//! The glibc a binary needs: the highest `GLIBC_x.y` among the versions its ELF file asks the
//! dynamic linker for (`.gnu.version_r`, what `objdump -T` shows per symbol). Read from the
//! running binary for `znode version --verbose`, so the floor printed is the build's own.

use std::path::Path;

/// The newest glibc symbol version `path` needs, e.g. `2.17`; `None` for a static binary or a
/// file that is not a 64-bit little-endian ELF.
pub fn glibc_floor(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let mut newest: Option<(Vec<u32>, String)> = None;
    for name in needed_versions(&bytes)? {
        let Some(v) = name.strip_prefix("GLIBC_") else {
            continue;
        };
        let Ok(parts) = v
            .split('.')
            .map(str::parse)
            .collect::<Result<Vec<u32>, _>>()
        else {
            continue;
        };
        if newest.as_ref().is_none_or(|(n, _)| parts > *n) {
            newest = Some((parts, v.to_owned()));
        }
    }
    newest.map(|(_, v)| v)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(b: &[u8], at: usize) -> Option<usize> {
    let v = u64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?);
    usize::try_from(v).ok()
}

/// `a + b`, or `None` past the end of the address space (a damaged file).
fn add(a: usize, b: usize) -> Option<usize> {
    a.checked_add(b)
}

/// The version names in `SHT_GNU_verneed` sections (each `Vernaux` entry's name). Every
/// offset is checked, and at most [`MAX_NAMES`] are read: a damaged or hostile file gives
/// `None` or a short list, never a panic or an endless walk.
fn needed_versions(b: &[u8]) -> Option<Vec<String>> {
    const SHT_GNU_VERNEED: u32 = 0x6fff_fffe;
    const MAX_NAMES: usize = 4096;
    // ELF64, little-endian.
    if b.get(..4)? != b"\x7fELF" || *b.get(4)? != 2 || *b.get(5)? != 1 {
        return None;
    }
    let shoff = u64_at(b, 0x28)?;
    let shentsize = usize::from(u16_at(b, 0x3a)?);
    let shnum = usize::from(u16_at(b, 0x3c)?);
    if shentsize < 0x40 {
        return None;
    }
    let section = |i: usize| add(shoff, i.checked_mul(shentsize)?);
    let mut names = Vec::new();
    for i in 0..shnum {
        let sh = section(i)?;
        if u32_at(b, add(sh, 4)?)? != SHT_GNU_VERNEED {
            continue;
        }
        let offset = u64_at(b, add(sh, 0x18)?)?;
        let link = u32_at(b, add(sh, 0x28)?)? as usize;
        let strtab = u64_at(b, add(section(link)?, 0x18)?)?;
        let string = |at: usize| -> Option<String> {
            let s = b.get(add(strtab, at)?..)?;
            let end = s.iter().position(|&c| c == 0)?;
            Some(String::from_utf8_lossy(&s[..end]).into_owned())
        };
        let mut need = offset;
        loop {
            let count = usize::from(u16_at(b, add(need, 2)?)?);
            let mut aux = add(need, u32_at(b, add(need, 8)?)? as usize)?;
            for _ in 0..count {
                if names.len() >= MAX_NAMES {
                    return Some(names);
                }
                names.push(string(u32_at(b, add(aux, 8)?)? as usize)?);
                let next = u32_at(b, add(aux, 12)?)? as usize;
                if next == 0 {
                    break;
                }
                aux = add(aux, next)?;
            }
            let next = u32_at(b, add(need, 12)?)? as usize;
            if next == 0 || names.len() >= MAX_NAMES {
                break;
            }
            need = add(need, next)?;
        }
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_binary_needs_some_glibc_and_garbage_needs_none() {
        let me = std::env::current_exe().unwrap();
        let floor = glibc_floor(&me).expect("a glibc build asks for GLIBC_ versions");
        assert!(floor.starts_with("2."), "{floor}");
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk");
        std::fs::write(&junk, b"\x7fELF\x02\x01not really").unwrap();
        assert_eq!(glibc_floor(&junk), None);
        // Damaged copies of a real binary: header fields and offsets set to extremes never
        // panic (overflow is checked in debug builds too).
        let real = std::fs::read(&me).unwrap();
        for (at, bytes) in [
            (0x28, &[0xff; 8][..]),
            (0x3a, &[0, 0][..]),
            (0x3c, &[0xff, 0xff][..]),
            (0x28, &[0xf0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f][..]),
        ] {
            let mut bad = real.clone();
            bad[at..at + bytes.len()].copy_from_slice(bytes);
            std::fs::write(&junk, &bad).unwrap();
            let _ = glibc_floor(&junk);
        }
    }
}
