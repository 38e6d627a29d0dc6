//! `znode access`: the quarterly access review (账号清单复核, SPEC R2).

use std::io::Write;

use super::Context;
use crate::app::access::{self, HostReview};
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::text::Lang;
use crate::store::Store;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Run the `access` checks on their hosts (stored as a run), list each host's accounts
    /// (groups, password state and age, last login, sudo rules, SSH key fingerprints), compare
    /// them with the previous review and record this one
    Review(ReviewArgs),
    /// The recorded reviews, newest first
    Reviews(ReviewsArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct ReviewArgs {
    /// Only these access checks
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    check: Vec<String>,
    /// Only on these hosts or groups (`local` is the jump host)
    #[arg(long, value_delimiter = ',', value_name = "HOST")]
    host: Vec<String>,
    /// A note kept with the review (ticket, what was decided)
    #[arg(long)]
    note: Option<String>,
    /// Who reviews (default: $ZNODE_OPERATOR, then the login)
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
    /// Compare and show, but do not record this as a review (the run is stored all the same)
    #[arg(long)]
    no_record: bool,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct ReviewsArgs {
    /// How many
    #[arg(long, default_value_t = 20)]
    limit: i64,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::Review(a) => review(cx, a),
        Command::Reviews(a) => reviews(&cx, a),
    }
}

fn review(cx: Context, a: ReviewArgs) -> Result<Status, Error> {
    let (settings, catalog) = cx.settings_and_catalog()?;
    let ids = access::checks(&catalog, &a.check).map_err(Error::Usage)?;
    let tz = settings.timezone;
    let reviewer = super::operator(&a.by);
    super::run_async(async move {
        let (end, store) =
            super::inspect::recorded_run(settings, catalog, ids, a.host.clone(), "access review")
                .await?;
        let run_id = end.report.run.id;
        let previous = store.access_reviews(1).await?.into_iter().next();
        let hosts = access::compare(&store, run_id, previous.as_ref()).await?;
        let recorded = if a.no_record {
            None
        } else {
            let at = crate::core::clock::now_ms();
            Some(
                store
                    .record_access_review(run_id, at, &reviewer, a.note.as_deref().unwrap_or(""))
                    .await?,
            )
        };
        let mut out = std::io::stdout().lock();
        match a.format {
            super::logs::ListFormat::Json => super::print_json(
                &mut out,
                &serde_json::json!({
                    "review": recorded,
                    "run": run_id,
                    "reviewer": reviewer,
                    "previous": previous,
                    "hosts": hosts,
                }),
            )?,
            super::logs::ListFormat::Table => print_review(
                &mut out,
                &cx,
                tz,
                &hosts,
                previous.as_ref(),
                recorded,
                run_id,
            )?,
        }
        Ok(end.status())
    })
}

fn print_review(
    out: &mut dyn Write,
    cx: &Context,
    tz: chrono_tz::Tz,
    hosts: &[HostReview],
    previous: Option<&crate::store::AccessReview>,
    recorded: Option<i64>,
    run_id: i64,
) -> Result<(), Error> {
    let zh = cx.lang == Lang::Zh;
    let day = |ms: i64| crate::core::clock::local_time(ms, tz, "%Y-%m-%d %H:%M");
    for h in hosts {
        let host = if h.host.is_empty() { "local" } else { &h.host };
        if h.accounts.is_empty() {
            // The check could not run: its summary says why.
            writeln!(
                out,
                "{host} · {} · {}：{}",
                h.check,
                h.status.as_str(),
                h.summary
            )?;
        } else {
            writeln!(
                out,
                "{host} · {} · {}：{}",
                h.check,
                h.status.as_str(),
                if zh {
                    format!("不符合 {} 项", h.failing.len())
                } else {
                    format!("{} failing", h.failing.len())
                }
            )?;
            for f in &h.failing {
                writeln!(out, "  ✗ {f}")?;
            }
        }
        let mut t = crate::report::new_table(cx.style);
        t.set_header(super::headers(
            cx.lang,
            &[
                ("账号", "account"),
                ("UID", "UID"),
                ("组", "groups"),
                ("口令", "password"),
                ("口令修改", "changed"),
                ("最近登录", "last login"),
                ("sudo 规则", "sudo rules"),
                ("SSH 公钥", "SSH keys"),
            ],
        ));
        for acc in &h.accounts {
            t.add_row(vec![
                acc.name.clone(),
                acc.uid.to_string(),
                acc.groups.join(","),
                acc.password
                    .map_or("?", |p| if zh { p.zh() } else { p.en() })
                    .to_owned(),
                acc.password_changed.clone().unwrap_or_default(),
                acc.last_login
                    .as_ref()
                    .map(|l| format!("{} {}", day(l.at * 1000), l.from))
                    .unwrap_or_else(|| if zh { "从未".into() } else { "never".into() }),
                acc.sudo.join("\n"),
                acc.keys.join("\n"),
            ]);
        }
        writeln!(out, "{t}")?;
        match (&h.changes, previous) {
            (Some(c), Some(p)) if c.is_empty() => writeln!(
                out,
                "{}",
                if zh {
                    format!(
                        "与第 {} 次复核（{}，{}）相比：无变化",
                        p.id,
                        day(p.reviewed_at),
                        p.reviewer
                    )
                } else {
                    format!(
                        "no change since review #{} ({}, {})",
                        p.id,
                        day(p.reviewed_at),
                        p.reviewer
                    )
                }
            )?,
            (Some(c), Some(p)) => {
                writeln!(
                    out,
                    "{}",
                    if zh {
                        format!(
                            "与第 {} 次复核（{}，{}）相比：",
                            p.id,
                            day(p.reviewed_at),
                            p.reviewer
                        )
                    } else {
                        format!(
                            "since review #{} ({}, {}):",
                            p.id,
                            day(p.reviewed_at),
                            p.reviewer
                        )
                    }
                )?;
                for a in &c.added {
                    writeln!(out, "  + {} {a}", if zh { "新增" } else { "added" })?;
                }
                for r in &c.removed {
                    writeln!(out, "  - {} {r}", if zh { "删除" } else { "removed" })?;
                }
                for ch in &c.changed {
                    writeln!(out, "  ~ {} {ch}", if zh { "变更" } else { "changed" })?;
                }
            }
            _ => writeln!(
                out,
                "{}",
                if zh {
                    "首次复核：没有可比较的上次清单"
                } else {
                    "first review of this host: nothing to compare with"
                }
            )?,
        }
        writeln!(out)?;
    }
    match recorded {
        Some(id) => writeln!(
            out,
            "{}",
            if zh {
                format!("已记录为第 {id} 次账号复核（巡检记录 #{run_id}）")
            } else {
                format!("recorded as access review #{id} (run #{run_id})")
            }
        )?,
        None => writeln!(
            out,
            "{}",
            if zh {
                format!("未记录为复核（--no-record）；巡检记录 #{run_id}")
            } else {
                format!("not recorded as a review (--no-record); run #{run_id}")
            }
        )?,
    }
    Ok(())
}

fn reviews(cx: &Context, a: ReviewsArgs) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    super::run_async(async move {
        let store = Store::open(&settings.store_url).await?;
        let list = store.access_reviews(a.limit).await?;
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
                        ("复核", "review"),
                        ("时间", "at"),
                        ("复核人", "reviewer"),
                        ("巡检记录", "run"),
                        ("备注", "note"),
                    ],
                ));
                for r in &list {
                    t.add_row(vec![
                        r.id.to_string(),
                        crate::core::clock::local_time(r.reviewed_at, tz, "%Y-%m-%d %H:%M"),
                        r.reviewer.clone(),
                        format!("#{}", r.run_id),
                        r.note.clone(),
                    ]);
                }
                writeln!(out, "{t}")?;
            }
        }
        Ok(Status::Ok)
    })
}
