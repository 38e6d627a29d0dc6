//! Small readers of Linux /proc files shared by the host probes.

use std::collections::HashMap;

use super::ProbeError;

/// Reads a /proc file or explains why not (UNKNOWN: the host, not the target, is at fault).
pub(super) fn read(path: &str) -> Result<String, ProbeError> {
    std::fs::read_to_string(path)
        .map_err(|e| ProbeError::unknown(format!("cannot read {path}: {e}")))
}

/// `/proc/meminfo` as kB values by field name.
pub(super) fn meminfo() -> Result<HashMap<String, u64>, ProbeError> {
    Ok(read("/proc/meminfo")?
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.to_owned(), v.split_whitespace().next()?.parse().ok()?))
        })
        .collect())
}

/// A field of meminfo in bytes.
pub(super) fn mem_field(m: &HashMap<String, u64>, key: &str) -> Result<f64, ProbeError> {
    m.get(key)
        .map(|kb| *kb as f64 * 1024.0)
        .ok_or_else(|| ProbeError::unknown(format!("/proc/meminfo has no {key}")))
}

/// Aggregate CPU jiffies from `/proc/stat`: (total, idle incl. iowait, iowait).
pub(super) fn cpu_times() -> Result<(u64, u64, u64), ProbeError> {
    let stat = read("/proc/stat")?;
    let line = stat
        .lines()
        .next()
        .filter(|l| l.starts_with("cpu "))
        .ok_or_else(|| ProbeError::unknown("/proc/stat has no cpu line"))?;
    let v: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    if v.len() < 5 {
        return Err(ProbeError::unknown("/proc/stat cpu line is too short"));
    }
    // user nice system idle iowait irq softirq steal; guest time is already in user.
    let total: u64 = v.iter().take(8).sum();
    Ok((total, v[3] + v[4], v[4]))
}

/// Number of online CPUs.
pub(super) fn cpu_count() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// One listening socket from /proc/net/tcp{,6}.
#[derive(Debug)]
pub(super) struct ListenSocket {
    pub(super) addr: String,
    pub(super) port: u16,
    pub(super) inode: u64,
}

/// All TCP sockets in LISTEN state.
pub(super) fn tcp_listeners() -> Result<Vec<ListenSocket>, ProbeError> {
    let mut out = Vec::new();
    for (file, v6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
        let Ok(text) = std::fs::read_to_string(file) else {
            if v6 {
                continue;
            }
            return Err(ProbeError::unknown(format!("cannot read {file}")));
        };
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 10 || f[3] != "0A" {
                continue;
            }
            let Some((addr_hex, port_hex)) = f[1].split_once(':') else {
                continue;
            };
            let Ok(port) = u16::from_str_radix(port_hex, 16) else {
                continue;
            };
            let inode = f[9].parse().unwrap_or(0);
            out.push(ListenSocket {
                addr: decode_addr(addr_hex, v6),
                port,
                inode,
            });
        }
    }
    Ok(out)
}

fn decode_addr(hex: &str, v6: bool) -> String {
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
        .collect();
    if !v6 && bytes.len() == 4 {
        // /proc prints the address as a host-order u32.
        return std::net::Ipv4Addr::new(bytes[3], bytes[2], bytes[1], bytes[0]).to_string();
    }
    if v6 && bytes.len() == 16 {
        let mut b = [0u8; 16];
        for (i, chunk) in bytes.chunks(4).enumerate() {
            for j in 0..4 {
                b[i * 4 + j] = chunk[3 - j];
            }
        }
        return format!("[{}]", std::net::Ipv6Addr::from(b));
    }
    hex.to_owned()
}

/// Every socket inode with the process holding it, from one scan of /proc/*/fd; sockets of
/// other users' processes are missing without root.
pub(super) fn socket_holders() -> HashMap<u64, (u32, String)> {
    let mut out = HashMap::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in dir.filter_map(Result::ok) {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        let mut comm: Option<String> = None;
        for fd in fds.filter_map(Result::ok) {
            let Ok(link) = std::fs::read_link(fd.path()) else {
                continue;
            };
            let Some(inode) = link
                .to_str()
                .and_then(|l| l.strip_prefix("socket:["))
                .and_then(|l| l.strip_suffix(']'))
                .and_then(|l| l.parse::<u64>().ok())
            else {
                continue;
            };
            let name = comm.get_or_insert_with(|| {
                std::fs::read_to_string(entry.path().join("comm"))
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            });
            out.entry(inode).or_insert((pid, name.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_proc_addresses() {
        assert_eq!(super::decode_addr("0100007F", false), "127.0.0.1");
        assert_eq!(
            super::decode_addr("00000000000000000000000001000000", true),
            "[::1]"
        );
    }
}
