//! Looking after the fleet from the jump host: which hosts answer (`fleet ping`) and putting
//! this znode on them (`fleet push`).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::core::clock::now_ms;
use crate::core::error::Error;
use crate::fleet::ssh::{self, Failure, Unreachable, quote};
use crate::fleet::{Host, Inventory, LOCAL};

/// The hosts named on the command line (hosts or groups), or every host; the jump host itself
/// is not in the fleet's list.
pub fn select<'a>(inv: &'a Inventory, names: &[String]) -> Result<Vec<&'a Host>, Error> {
    if inv.is_local_only() {
        return Err(Error::Message(
            "no hosts are declared: add `hosts:` to znode.yaml or point `inventory:` at an Ansible YAML inventory".into(),
        ));
    }
    let ids = if names.is_empty() {
        inv.hosts.keys().cloned().collect()
    } else {
        inv.expand_all(names).map_err(|name| {
            let known = inv
                .hosts
                .keys()
                .chain(inv.groups.keys())
                .map(String::as_str);
            let hint = crate::core::yaml::did_you_mean(&name, known)
                .map(|m| format!(" (did you mean `{m}`?)"))
                .unwrap_or_default();
            Error::Message(format!("no host or group is called `{name}`{hint}"))
        })?
    };
    Ok(ids
        .iter()
        .filter(|id| id.as_str() != LOCAL)
        .filter_map(|id| inv.host(id))
        .collect())
}

/// What `fleet ping` found on one host.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Ping {
    /// Host id.
    pub host: String,
    /// Why it could not be reached; `None`: it answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreachable: Option<String>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Its own name (`uname -n`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// The znode version there (`None`: not installed at its `znode_path`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub znode: Option<String>,
    /// Its clock minus the jump host's, in milliseconds (round trip halved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock_offset_ms: Option<i64>,
    /// `sudo -n` works (asked only of hosts with `sudo: true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sudo: Option<bool>,
    /// Round trip of the whole exchange, milliseconds.
    pub round_trip_ms: u64,
}

/// Pings the hosts, `fleet.forks` at once.
pub async fn ping(inv: &Inventory, hosts: &[&Host]) -> Vec<Ping> {
    let inv = Arc::new(inv.clone());
    each(&inv, hosts, |inv, host| async move {
        ping_one(&inv, &host).await
    })
    .await
}

async fn ping_one(inv: &Inventory, host: &Host) -> Ping {
    let z = quote(&host.znode_path);
    let mut script = format!(
        "printf 'hostname=%s\\n' \"$(uname -n)\"; \
         printf 'znode=%s\\n' \"$({z} --version 2>/dev/null || echo missing)\""
    );
    if host.sudo {
        script.push_str(
            "; printf 'sudo=%s\\n' \"$(sudo -n true 2>/dev/null && echo yes || echo no)\"",
        );
    }
    // The host's clock is read last, so that what separates it from the end of the exchange
    // is one trip back, not the ssh handshake.
    script.push_str("; printf 'now=%s\\n' \"$(date +%s%N)\"");
    let start = Instant::now();
    let timeout = inv.settings.connect_timeout * 2 + Duration::from_secs(10);
    let got = ssh::exec(inv, host, &script, b"", timeout).await;
    let after = now_ms();
    let mut p = Ping {
        host: host.id.clone(),
        unreachable: None,
        hint: None,
        hostname: None,
        znode: None,
        clock_offset_ms: None,
        sudo: None,
        round_trip_ms: start.elapsed().as_millis() as u64,
    };
    let out = match got {
        Ok(o) if o.code == Some(0) => o,
        Ok(o) => {
            let u = Unreachable::classify(o.code, &o.stderr, false)
                .unwrap_or_else(|| Unreachable::new(Failure::Other, ssh::last_line(&o.stderr)));
            p.unreachable = Some(u.to_string());
            p.hint = Some(u.kind.hint().to_owned());
            return p;
        }
        Err(u) => {
            p.unreachable = Some(u.to_string());
            p.hint = Some(u.kind.hint().to_owned());
            return p;
        }
    };
    for line in out.stdout.lines() {
        match line.split_once('=') {
            Some(("hostname", v)) => p.hostname = Some(v.to_owned()),
            Some(("now", v)) => {
                if let Ok(ns) = v.trim().parse::<i128>() {
                    let remote = (ns / 1_000_000) as i64;
                    p.clock_offset_ms = Some(remote - after);
                }
            }
            Some(("znode", v)) => {
                p.znode = (v != "missing").then(|| v.trim_start_matches("znode ").to_owned())
            }
            Some(("sudo", v)) => p.sudo = Some(v == "yes"),
            _ => {}
        }
    }
    p
}

/// What `fleet push` did on one host.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Pushed {
    /// Host id.
    pub host: String,
    /// Where znode is there.
    pub path: String,
    /// `up-to-date`, `installed`, or `failed`.
    pub result: &'static str,
    /// Why it failed, or the version that now runs there.
    pub detail: String,
}

/// Installs `binary` on the hosts at their `znode_path`, `fleet.forks` at once: skipped where
/// the same file (by sha256) is there already; otherwise written beside it, checked against
/// the sha256, run once (`--version`, which catches a binary the host's glibc cannot load),
/// and only then moved into place, so a failed push never leaves a broken znode.
pub async fn push(inv: &Inventory, hosts: &[&Host], binary: &Path) -> Result<Vec<Pushed>, Error> {
    let sha = crate::core::fsx::sha256_file(binary)
        .map_err(|e| Error::Message(format!("cannot read {}: {e}", binary.display())))?;
    let bytes = Arc::new(
        std::fs::read(binary)
            .map_err(|e| Error::Message(format!("cannot read {}: {e}", binary.display())))?,
    );
    let inv = Arc::new(inv.clone());
    let sha = Arc::new(sha);
    Ok(each(&inv, hosts, move |inv, host| {
        let (bytes, sha) = (bytes.clone(), sha.clone());
        async move { push_one(&inv, &host, &bytes, &sha).await }
    })
    .await)
}

async fn push_one(inv: &Inventory, host: &Host, bytes: &[u8], sha: &str) -> Pushed {
    let path = quote(&host.znode_path);
    let timeout = inv.settings.connect_timeout * 2 + Duration::from_secs(120);
    let mut done = Pushed {
        host: host.id.clone(),
        path: host.znode_path.clone(),
        result: "failed",
        detail: String::new(),
    };
    let check = format!("sha256sum {path} 2>/dev/null || true");
    match ssh::exec(inv, host, &check, b"", timeout).await {
        Ok(o) if o.code == Some(0) => {
            if o.stdout.split_whitespace().next() == Some(sha) {
                done.result = "up-to-date";
                done.detail = format!("sha256 {}…", &sha[..12]);
                return done;
            }
        }
        Ok(o) => {
            let u = Unreachable::classify(o.code, &o.stderr, false)
                .unwrap_or_else(|| Unreachable::new(Failure::Other, ssh::last_line(&o.stderr)));
            done.detail = format!("{u}; {}", u.kind.hint());
            return done;
        }
        Err(u) => {
            done.detail = format!("{u}; {}", u.kind.hint());
            return done;
        }
    }
    let script = format!(
        "set -e; p={path}; mkdir -p \"$(dirname \"$p\")\"; t=$(mktemp \"$p.part.XXXXXX\"); trap 'rm -f \"$t\"' EXIT; \
         cat > \"$t\"; s=$(sha256sum \"$t\"); s=${{s%% *}}; \
         if [ \"$s\" != {sha} ]; then echo \"checksum=$s\"; exit 3; fi; chmod 0755 \"$t\"; \
         if ! v=$(\"$t\" --version 2>&1); then echo \"runs=$v\"; exit 4; fi; \
         mv -f \"$t\" \"$p\"; trap - EXIT; echo \"installed=$v\""
    );
    let line = if host.sudo {
        format!("sudo -n sh -c {}", quote(&script))
    } else {
        script
    };
    match ssh::exec(inv, host, &line, bytes, timeout).await {
        Ok(o) => {
            let said = |k: &str| {
                o.stdout
                    .lines()
                    .find_map(|l| l.strip_prefix(k).map(str::to_owned))
            };
            match (o.code, said("installed=")) {
                (Some(0), Some(v)) => {
                    done.result = "installed";
                    done.detail = v.trim_start_matches("znode ").to_owned();
                }
                (Some(3), _) => {
                    done.detail = format!(
                        "the copy on the host has sha256 {}, not {sha}: the transfer was damaged; push again",
                        said("checksum=").unwrap_or_default()
                    );
                }
                (Some(4), _) => {
                    done.detail = format!(
                        "the binary does not run on this host ({}); push the portable build (--binary)",
                        said("runs=").unwrap_or_default().trim()
                    );
                }
                (code, _) => {
                    let u =
                        Unreachable::classify(code, &o.stderr, host.sudo).unwrap_or_else(|| {
                            Unreachable::new(Failure::Other, ssh::last_line(&o.stderr))
                        });
                    done.detail = format!("{u}; {}", u.kind.hint());
                }
            }
        }
        Err(u) => done.detail = format!("{u}; {}", u.kind.hint()),
    }
    done
}

/// Runs `f` for each host, `fleet.forks` at once, results in the hosts' order.
async fn each<T, F, Fut>(inv: &Arc<Inventory>, hosts: &[&Host], f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(Arc<Inventory>, Host) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let sem = Arc::new(tokio::sync::Semaphore::new(inv.settings.forks.max(1)));
    let mut tasks = Vec::new();
    for h in hosts {
        let fut = f(inv.clone(), (*h).clone());
        let sem = sem.clone();
        tasks.push(tokio::spawn(async move {
            let _permit = sem.acquire_owned().await;
            fut.await
        }));
    }
    let mut out = Vec::with_capacity(tasks.len());
    for t in tasks {
        if let Ok(v) = t.await {
            out.push(v);
        }
    }
    out
}
