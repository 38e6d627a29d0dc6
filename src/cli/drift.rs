//! `znode config snapshot|drift|accept|baselines`: configuration snapshots and drift of the
//! node's hosts (SPEC R2 配置管理).

use std::io::Write;

use super::Context;
use crate::app::drift::{self, HostDrift};
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::text::Lang;

#[derive(Debug, clap::Args)]
pub(super) struct Selection {
    /// Only these drift checks
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    check: Vec<String>,
    /// Only on these hosts or groups (`local` is the jump host)
    #[arg(long, value_delimiter = ',', value_name = "HOST")]
    host: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct SnapshotArgs {
    #[command(flatten)]
    selection: Selection,
    /// Who takes it (default: $ZNODE_OPERATOR, then the login)
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct DriftArgs {
    #[command(flatten)]
    selection: Selection,
    /// Leave out the unified diffs of changed text
    #[arg(long)]
    no_diff: bool,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct AcceptArgs {
    /// The change ticket (变更单号) the accepted changes were made under
    #[arg(long)]
    ticket: String,
    /// Only these drift checks
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    check: Vec<String>,
    /// Only on these hosts (`local` is the jump host)
    #[arg(long, value_delimiter = ',', value_name = "HOST")]
    host: Vec<String>,
    /// Accept the snapshots of this run (the one `config drift` showed) rather than the
    /// newest, so a change made since is not accepted unseen
    #[arg(long, value_name = "RUN")]
    run: Option<i64>,
    /// Who accepts (default: $ZNODE_OPERATOR, then the login)
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct CompareArgs {
    #[command(flatten)]
    selection: Selection,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct BaselinesArgs {
    /// How many acceptances
    #[arg(long, default_value_t = 50)]
    limit: i64,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

fn host_name(h: &str) -> &str {
    if h.is_empty() { "local" } else { h }
}

/// `config snapshot`: records the drift checks' paths; a host's first snapshot becomes its
/// baseline.
pub(super) fn snapshot(cx: Context, a: SnapshotArgs) -> Result<Status, Error> {
    let by = super::operator(&a.by);
    run(
        cx,
        a.selection,
        "config snapshot",
        Some(by),
        a.format,
        false,
    )
}

/// `config drift`: compares each host with its baseline.
pub(super) fn drift(cx: Context, a: DriftArgs) -> Result<Status, Error> {
    run(cx, a.selection, "config drift", None, a.format, a.no_diff)
}

fn run(
    cx: Context,
    sel: Selection,
    command: &'static str,
    initial_by: Option<String>,
    format: super::logs::ListFormat,
    no_diff: bool,
) -> Result<Status, Error> {
    let (settings, catalog) = cx.settings_and_catalog()?;
    let ids = drift::checks(&catalog, &sel.check).map_err(Error::Usage)?;
    let tz = settings.timezone;
    super::run_async(async move {
        let (end, store) =
            super::inspect::recorded_run(settings, catalog, ids.clone(), sel.host, command).await?;
        let hosts = drift::in_run(
            &store,
            end.report.run.id,
            &ids,
            initial_by.as_deref(),
            crate::core::clock::now_ms(),
        )
        .await?;
        let mut out = std::io::stdout().lock();
        match format {
            super::logs::ListFormat::Json => super::print_json(
                &mut out,
                &serde_json::json!({ "run": end.report.run.id, "hosts": hosts }),
            )?,
            super::logs::ListFormat::Table => {
                for h in &hosts {
                    print_host(&mut out, &cx, tz, h, no_diff, end.report.run.id)?;
                }
            }
        }
        // A snapshot that made a first baseline is what was asked for, not a warning.
        let made = hosts.iter().filter(|h| h.initial).count();
        Ok(if made == hosts.len() && made > 0 {
            Status::Ok
        } else {
            end.status()
        })
    })
}

fn print_host(
    out: &mut dyn Write,
    cx: &Context,
    tz: chrono_tz::Tz,
    h: &HostDrift,
    no_diff: bool,
    run: i64,
) -> Result<(), Error> {
    let zh = cx.lang == Lang::Zh;
    let at = |ms: i64| crate::core::clock::local_time(ms, tz, "%Y-%m-%d %H:%M");
    let host = host_name(&h.host);
    if h.initial {
        writeln!(
            out,
            "{host} · {}：{}",
            h.check,
            if zh {
                format!("记录 {} 个路径，已建立初始基线", h.paths)
            } else {
                format!("{} paths recorded as the first baseline", h.paths)
            }
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{host} · {} · {}：{}",
        h.check,
        h.status.as_str(),
        h.summary
    )?;
    if let Some(b) = &h.baseline {
        writeln!(
            out,
            "  {}",
            if zh {
                format!(
                    "基线：{}（{}，{} 接受）",
                    b.ticket,
                    at(b.accepted_at),
                    b.accepted_by
                )
            } else {
                format!(
                    "baseline: {} (accepted {} by {})",
                    b.ticket,
                    at(b.accepted_at),
                    b.accepted_by
                )
            }
        )?;
    }
    let Some(d) = &h.drift else {
        return Ok(());
    };
    let when = |s: i64| crate::core::clock::local_time(s * 1000, tz, "%m-%d %H:%M");
    for c in &d.added {
        writeln!(out, "  + {}（新增，修改于 {}）", c.path, when(c.mtime))?;
        for w in &c.who {
            writeln!(out, "      {w}")?;
        }
    }
    for r in &d.removed {
        writeln!(out, "  - {r}（删除）")?;
    }
    for c in &d.changed {
        let mut what = c.meta.clone();
        if c.content {
            what.push(match c.lines {
                Some((p, m)) => format!("内容变更（+{p} −{m} 行）"),
                None => "内容变更".into(),
            });
        }
        writeln!(
            out,
            "  ~ {}：{}（修改于 {}）",
            c.path,
            what.join("；"),
            when(c.mtime)
        )?;
        for w in &c.who {
            writeln!(out, "      {w}")?;
        }
        if !no_diff && let Some(diff) = &c.diff {
            for line in diff.lines() {
                writeln!(out, "      {line}")?;
            }
        }
    }
    if d.count() > 0 {
        writeln!(
            out,
            "  {}",
            if zh {
                format!("确认变更合规后：znode config accept --ticket 变更单号 --run {run}")
            } else {
                format!(
                    "once the changes are approved: znode config accept --ticket ID --run {run}"
                )
            }
        )?;
    }
    Ok(())
}

/// `config accept`: moves baselines to the newest snapshots.
pub(super) fn accept(cx: &Context, a: AcceptArgs) -> Result<Status, Error> {
    if a.ticket.trim().is_empty() {
        return Err(Error::Usage(
            "--ticket must name the change ticket (变更单号) the changes were made under".into(),
        ));
    }
    let (settings, catalog) = cx.settings_and_catalog()?;
    let ids = drift::checks(&catalog, &a.check).map_err(Error::Usage)?;
    let by = super::operator(&a.by);
    let tz = settings.timezone;
    let zh = cx.lang == Lang::Zh;
    super::run_async(async move {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let done = drift::accept(
            &store,
            &ids,
            &a.host,
            a.run,
            a.ticket.trim(),
            &by,
            crate::core::clock::now_ms(),
        )
        .await
        .map_err(Error::Message)?;
        let mut out = std::io::stdout().lock();
        for d in &done {
            let taken = crate::core::clock::local_time(d.taken_at, tz, "%Y-%m-%d %H:%M");
            writeln!(
                out,
                "{} · {}：{}",
                host_name(&d.host),
                d.check,
                if zh {
                    format!(
                        "基线已移至 {taken} 的快照，接受 {} 项变更（变更单 {}，{by}）",
                        d.changes, a.ticket
                    )
                } else {
                    format!(
                        "baseline moved to the snapshot of {taken}, {} change(s) accepted (ticket {}, {by})",
                        d.changes, a.ticket
                    )
                }
            )?;
        }
        Ok(Status::Ok)
    })
}

/// `config baselines`: every acceptance, newest first.
pub(super) fn baselines(cx: &Context, a: BaselinesArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    super::run_async(async move {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let list = store.config_acceptances(a.limit).await?;
        let mut out = std::io::stdout().lock();
        match a.format {
            super::logs::ListFormat::Json => super::print_json(
                &mut out,
                &serde_json::to_value(&list).map_err(|e| Error::Message(e.to_string()))?,
            )?,
            super::logs::ListFormat::Table => {
                let mut t = crate::report::new_table(cx.style);
                t.set_header(super::headers(
                    cx.lang,
                    &[
                        ("主机", "host"),
                        ("检查", "check"),
                        ("快照时间", "taken"),
                        ("接受时间", "accepted"),
                        ("接受人", "by"),
                        ("变更单", "ticket"),
                    ],
                ));
                for b in &list {
                    t.add_row(vec![
                        host_name(&b.host).to_owned(),
                        b.check_id.clone(),
                        crate::core::clock::local_time(b.taken_at, tz, "%Y-%m-%d %H:%M"),
                        crate::core::clock::local_time(b.accepted_at, tz, "%Y-%m-%d %H:%M"),
                        b.accepted_by.clone(),
                        b.ticket.clone(),
                    ]);
                }
                writeln!(out, "{t}")?;
            }
        }
        Ok(Status::Ok)
    })
}

/// `config compare`: the same files over every host of the drift checks.
pub(super) fn compare(cx: &Context, a: CompareArgs) -> Result<Status, Error> {
    let (settings, catalog) = cx.settings_and_catalog()?;
    let ids = drift::checks(&catalog, &a.selection.check).map_err(Error::Usage)?;
    let hosts = if a.selection.host.is_empty() {
        Vec::new()
    } else {
        // Groups name their members; `local` stays itself.
        let mut out: Vec<String> = a
            .selection
            .host
            .iter()
            .filter(|h| h.as_str() == "local")
            .cloned()
            .collect();
        let named: Vec<String> = a
            .selection
            .host
            .iter()
            .filter(|h| h.as_str() != "local")
            .cloned()
            .collect();
        if !named.is_empty() {
            out.extend(settings.fleet.expand_all(&named).map_err(Error::Usage)?);
        }
        out
    };
    let zh = cx.lang == Lang::Zh;
    super::run_async(async move {
        let store = crate::store::Store::open(&settings.store_url).await?;
        let (compared, found) = drift::across_hosts(&store, &ids, &hosts).await?;
        let mut out = std::io::stdout().lock();
        if let super::logs::ListFormat::Json = a.format {
            super::print_json(
                &mut out,
                &serde_json::json!({ "compared": compared, "divergences": found }),
            )?;
        } else if compared.is_empty() {
            writeln!(
                out,
                "{}",
                if zh {
                    "没有两台以上主机的快照可比较：先在各主机上运行 znode config snapshot 或巡检"
                } else {
                    "no two hosts have a snapshot to compare: run `znode config snapshot` or an inspection on them first"
                }
            )?;
        } else {
            writeln!(
                out,
                "{}",
                if zh {
                    format!(
                        "比较 {} 的最近快照：{} 个路径不一致",
                        compared.join("、"),
                        found.len()
                    )
                } else {
                    format!(
                        "compared the newest snapshots of {}: {} path(s) differ",
                        compared.join(", "),
                        found.len()
                    )
                }
            )?;
            for d in &found {
                writeln!(out, "{} · {}", d.check, d.path)?;
                for (hosts, what) in &d.variants {
                    writeln!(out, "  {}：{what}", hosts.join(","))?;
                }
                for diff in &d.diffs {
                    for line in diff.lines() {
                        writeln!(out, "    {line}")?;
                    }
                }
            }
        }
        Ok(if found.is_empty() {
            Status::Ok
        } else {
            Status::Warn
        })
    })
}
