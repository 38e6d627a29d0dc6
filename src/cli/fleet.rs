//! `znode fleet`: the inventory's hosts, whether they answer, and installing znode on them.

use std::io::Write;
use std::path::PathBuf;

use super::Context;
use super::logs::ListFormat;
use crate::app::fleet::{self, Ping, Pushed};
use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// The inventory: every host with its address, login, groups and systems
    Hosts(ListArgs),
    /// Whether each host answers over ssh: its name, znode version, clock offset and sudo
    Ping(SelectArgs),
    /// Install this znode (or --binary) on the hosts at their `znode_path`; hosts that have it
    /// already are left alone
    Push(PushArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct ListArgs {
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct SelectArgs {
    /// Only these hosts or groups (default: every host)
    #[arg(long, value_delimiter = ',', value_name = "HOST")]
    host: Vec<String>,
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct PushArgs {
    #[command(flatten)]
    select: SelectArgs,
    /// The binary to install, e.g. the portable glibc 2.17 build [default: this znode]
    #[arg(long, value_name = "PATH")]
    binary: Option<PathBuf>,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let inv = &settings.fleet;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match c {
        Command::Hosts(a) => {
            let hosts = fleet::select(inv, &[])?;
            if a.format == ListFormat::Json {
                let list: Vec<_> = hosts
                    .iter()
                    .map(|h| {
                        serde_json::json!({
                            "host": h.id, "address": h.address, "port": h.port, "user": h.user,
                            "jump": h.jump, "sudo": h.sudo, "groups": h.groups,
                            "znode_path": h.znode_path, "local": h.local,
                            "systems": systems_of(&settings, &h.id),
                        })
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut out, &list).map_err(std::io::Error::from)?;
                writeln!(out)?;
            } else {
                let mut t = crate::report::new_table(cx.style);
                t.set_header(["主机", "地址", "登录", "组", "系统", "经由", "sudo"]);
                for h in hosts {
                    let addr = match h.port {
                        Some(p) => format!("{}:{p}", h.address),
                        None => h.address.clone(),
                    };
                    t.add_row([
                        h.id.clone(),
                        if h.local { "(本机)".into() } else { addr },
                        h.user.clone().unwrap_or_default(),
                        h.groups.iter().cloned().collect::<Vec<_>>().join(","),
                        systems_of(&settings, &h.id).join(","),
                        h.jump.clone().unwrap_or_default(),
                        if h.sudo { "是" } else { "" }.into(),
                    ]);
                }
                writeln!(out, "{t}")?;
            }
            Ok(Status::Ok)
        }
        Command::Ping(a) => {
            let hosts = fleet::select(inv, &a.host)?;
            let found = super::run_async(async { Ok(fleet::ping(inv, &hosts).await) })?;
            print_pings(&mut out, cx.style, a.format, &found)?;
            Ok(ping_status(&found))
        }
        Command::Push(a) => {
            let hosts = fleet::select(inv, &a.select.host)?;
            let binary = match a.binary {
                Some(b) => b,
                None => std::env::current_exe()?,
            };
            let done = super::run_async(fleet::push(inv, &hosts, &binary))?;
            print_pushes(&mut out, cx.style, a.select.format, &done)?;
            Ok(if done.iter().any(|d| d.result == "failed") {
                Status::Crit
            } else {
                Status::Ok
            })
        }
    }
}

/// Systems whose `hosts:` name this host (directly or through a group).
fn systems_of(settings: &crate::settings::Settings, host: &str) -> Vec<String> {
    settings
        .systems
        .iter()
        .filter(|s| {
            settings
                .fleet
                .expand_all(&s.hosts)
                .is_ok_and(|ids| ids.iter().any(|i| i == host))
        })
        .map(|s| s.id.clone())
        .collect()
}

/// CRIT when a host does not answer; WARN when one lacks znode or its clock is off by 1 s.
fn ping_status(found: &[Ping]) -> Status {
    Status::worst(found.iter().map(|p| {
        if p.unreachable.is_some() {
            Status::Crit
        } else if p.znode.is_none()
            || p.clock_offset_ms.is_some_and(|o| o.abs() >= 1000)
            || p.sudo == Some(false)
        {
            Status::Warn
        } else {
            Status::Ok
        }
    }))
}

fn print_pings(
    out: &mut impl Write,
    style: crate::report::TableStyle,
    format: ListFormat,
    found: &[Ping],
) -> Result<(), Error> {
    if format == ListFormat::Json {
        serde_json::to_writer_pretty(&mut *out, found).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let mut t = crate::report::new_table(style);
    t.set_header([
        "主机",
        "状态",
        "主机名",
        "znode",
        "时钟偏差",
        "sudo",
        "往返",
    ]);
    for p in found {
        let state = match &p.unreachable {
            Some(why) => format!("不可达：{why}"),
            None => "可达".into(),
        };
        t.add_row([
            p.host.clone(),
            state,
            p.hostname.clone().unwrap_or_default(),
            match (&p.unreachable, &p.znode) {
                (Some(_), _) => String::new(),
                (None, Some(v)) => v.clone(),
                (None, None) => "未安装（znode fleet push）".into(),
            },
            p.clock_offset_ms
                .map(|o| format!("{:+.3} s", o as f64 / 1000.0))
                .unwrap_or_default(),
            match p.sudo {
                Some(true) => "可用",
                Some(false) => "需要密码",
                None => "",
            }
            .into(),
            format!("{} ms", p.round_trip_ms),
        ]);
    }
    writeln!(out, "{t}")?;
    for p in found {
        if let (Some(_), Some(h)) = (&p.unreachable, &p.hint) {
            writeln!(out, "{}: {h}", p.host)?;
        }
    }
    Ok(())
}

fn print_pushes(
    out: &mut impl Write,
    style: crate::report::TableStyle,
    format: ListFormat,
    done: &[Pushed],
) -> Result<(), Error> {
    if format == ListFormat::Json {
        serde_json::to_writer_pretty(&mut *out, done).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let mut t = crate::report::new_table(style);
    t.set_header(["主机", "路径", "结果", "说明"]);
    for d in done {
        let result = match d.result {
            "up-to-date" => "已是最新",
            "installed" => "已安装",
            _ => "失败",
        };
        t.add_row([
            d.host.clone(),
            d.path.clone(),
            result.into(),
            d.detail.clone(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
