//! `znode watch` (the always-on watcher), `znode alert list|ack` and `znode silence
//! add|list|expire`.

use std::io::Write;
use std::time::Duration;

use super::Context;
use super::logs::ListFormat;
use crate::app::watch::{self, Event, Observer, Options};
use crate::core::clock::{local_time, now_ms};
use crate::core::error::Error;
use crate::core::outcome::{Category, Status};
use crate::runner::{Filters, Plan};
use crate::store::{Silence, Store};

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// The profile: `normal`, or one under `watch.profiles` (e.g. 重保: shorter intervals,
    /// the escalation chain)
    #[arg(long, default_value = crate::alert::NORMAL, value_name = "NAME")]
    profile: String,
    /// When the profile ends and `normal` takes over, e.g. "2027-02-10 18:00"
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    /// Only checks of these systems
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    system: Vec<String>,
    /// Only these categories (日常检查 or daily, ...)
    #[arg(long, value_delimiter = ',', value_parser = super::inspect::parse_category, value_name = "CATEGORY")]
    category: Vec<Category>,
    /// Only checks with any of these tags
    #[arg(long, value_delimiter = ',', value_name = "TAG")]
    tag: Vec<String>,
    /// Only these checks, by id
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    check: Vec<String>,
    /// Only on these inventory hosts or groups
    #[arg(long, value_delimiter = ',', value_name = "HOST")]
    host: Vec<String>,
    /// Checks running at once (overrides `defaults.jobs`)
    #[arg(short = 'j', long, env = "ZNODE_JOBS", value_name = "N")]
    jobs: Option<usize>,
}

/// `znode alert`.
#[derive(Debug, clap::Subcommand)]
pub(super) enum AlertCommand {
    /// The watcher's alerts: firing ones, or all with --all
    List {
        /// Every alert, OK ones too
        #[arg(long)]
        all: bool,
        /// Output: table or json
        #[arg(short = 'f', long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Acknowledge an alert (someone is on it): reminders and escalation stop until it resolves
    Ack {
        /// The alert: its number in `alert list`, or its check (`check` or `check@host`)
        alert: String,
        /// Who takes it (default: $ZNODE_OPERATOR, $USER)
        #[arg(long, env = "ZNODE_OPERATOR", value_name = "NAME")]
        by: Option<String>,
        /// What is being done
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

/// `znode silence`.
#[derive(Debug, clap::Subcommand)]
pub(super) enum SilenceCommand {
    /// Silence alerts matching MATCHER for a while: `check=~backup.*`, `host=web1`,
    /// `system=portal,category=日志审计` (=, !=, =~, !~; all must hold). Recoveries of what
    /// already paged are still sent
    Add {
        /// Which alerts: labels check, host, system, category, tag
        matcher: String,
        /// How long, e.g. 2h
        #[arg(long = "for", value_parser = super::positive_duration, value_name = "DURATION")]
        duration: Duration,
        /// Why: the change ticket (变更单号) or the work being done
        #[arg(long, value_name = "TEXT")]
        reason: String,
        /// Who sets it (default: $ZNODE_OPERATOR, $USER)
        #[arg(long, env = "ZNODE_OPERATOR", value_name = "NAME")]
        by: Option<String>,
    },
    /// Silences in force, or all with --all
    List {
        /// Expired ones too
        #[arg(long)]
        all: bool,
        /// Output: table or json
        #[arg(short = 'f', long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// End a silence now
    Expire {
        /// Its number
        id: i64,
    },
}

/// Prints the watcher's events as log lines on stderr (journald keeps them).
struct Log {
    tz: chrono_tz::Tz,
}

impl Observer for Log {
    fn event(&mut self, e: Event) {
        let at = local_time(now_ms(), self.tz, "%Y-%m-%d %H:%M:%S");
        let line = match e {
            Event::Started {
                units,
                profile,
                firing,
            } => format!(
                "watching {units} check(s) with profile {profile}; {firing} alert(s) firing from before"
            ),
            Event::Notice {
                subject,
                title,
                channels,
            } => format!("{subject}: {title} → {channels} channel(s)"),
            Event::Delivery {
                sent,
                failed,
                expired,
            } => {
                let mut s = format!("delivered {sent} message(s)");
                for (ch, why) in &failed {
                    s.push_str(&format!("; {ch} failed (kept, retried): {why}"));
                }
                if expired > 0 {
                    s.push_str(&format!("; {expired} too old, dropped"));
                }
                s
            }
            Event::Reloaded { units } => format!("configuration reloaded: {units} check(s)"),
            Event::ReloadFailed(why) => {
                format!("configuration NOT reloaded, the previous one stays:\n{why}")
            }
            Event::ProfileEnded(name) => format!("profile {name} ended; back to normal"),
            Event::Daily(n) => format!("daily duty report (值班日报) written → {n} channel(s)"),
            Event::Trouble(t) => format!("warning: {t}"),
            Event::Stopping => "stopping".into(),
        };
        eprintln!("{at} {line}");
    }
}

pub(super) fn run(mut cx: Context, a: Args) -> Result<Status, Error> {
    cx.overrides.jobs = a.jobs;
    let filters = Filters {
        systems: a.system,
        categories: a.category,
        tags: a.tag,
        checks: a.check,
        hosts: a.host,
    };
    let (settings, plan) = load(&cx, &filters)?;
    settings.watch.profile(&a.profile).map_err(Error::Message)?;
    let until = match &a.until {
        Some(_) if a.profile == crate::alert::NORMAL => {
            return Err(Error::Message(
                "--until ends a profile: give the one it ends, e.g. --profile 重保".into(),
            ));
        }
        Some(t) => {
            let at = crate::core::clock::parse_local(t, settings.timezone)
                .map_err(|e| Error::Message(format!("--until: {e}")))?
                .timestamp_millis();
            if at <= now_ms() {
                return Err(Error::Message(format!("--until {t} has already passed")));
            }
            Some(at)
        }
        None => None,
    };
    let tz = settings.timezone;
    let reload: watch::Reload = Box::new(move || {
        load(&cx, &filters).map_err(|e| match e {
            Error::Config(p) => p.to_string(),
            other => other.to_string(),
        })
    });
    super::run_async(async move {
        watch::run(
            settings,
            plan,
            Options {
                profile: a.profile,
                until,
            },
            reload,
            &mut Log { tz },
        )
        .await?;
        Ok(Status::Ok)
    })
}

/// Settings and the plan of the selection.
fn load(cx: &Context, filters: &Filters) -> Result<(crate::settings::Settings, Plan), Error> {
    let (settings, catalog) = cx.settings_and_catalog()?;
    let plan = Plan::new(catalog, filters, &settings.fleet).map_err(Error::Message)?;
    if plan.units.is_empty() {
        return Err(Error::Message(
            "no enabled check matches the selection; see `znode config check` and the filters"
                .into(),
        ));
    }
    Ok((settings, plan))
}

pub(super) fn alert(cx: Context, c: AlertCommand) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    let zh = cx.lang == crate::core::text::Lang::Zh;
    super::run_async(async move {
        let store = Store::open(&settings.store_url).await?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match c {
            AlertCommand::List { all, format } => {
                let mut rows: Vec<_> = store
                    .alerts()
                    .await?
                    .into_iter()
                    .filter(|r| all || r.alert.notified.is_some() || r.alert.failing())
                    .collect();
                // What pages first, the worst first, the oldest first.
                rows.sort_by_key(|r| {
                    (
                        std::cmp::Reverse(r.alert.wanted().is_some()),
                        std::cmp::Reverse(if r.alert.phase == crate::alert::Phase::Ok {
                            Status::Ok
                        } else {
                            r.alert.level
                        }),
                        r.alert.since.unwrap_or(i64::MAX),
                        r.about.subject.clone(),
                    )
                });
                if format == ListFormat::Json {
                    let list: Vec<serde_json::Value> = rows
                        .iter()
                        .map(|r| {
                            serde_json::json!({
                                "id": r.id,
                                "subject": r.about.subject,
                                "check": r.about.check,
                                "host": r.about.host,
                                "system": r.about.system,
                                "title": r.about.title,
                                "phase": r.alert.phase.as_str(),
                                "level": r.alert.level.as_str(),
                                "status": r.alert.status.as_str(),
                                "notified": r.alert.notified.map(|s| s.as_str()),
                                "since": r.alert.since,
                                "flapping": r.alert.flapping,
                                "hold": r.hold,
                                "summary": r.summary,
                                "checked_at": r.checked_at,
                                "acked_by": r.ack.as_ref().map(|a| &a.0),
                                "acked_at": r.ack.as_ref().map(|a| a.1),
                            })
                        })
                        .collect();
                    super::print_json(
                        &mut out,
                        &serde_json::json!({ "schema": "znode.alerts/v1", "alerts": list }),
                    )?;
                    return Ok(Status::Ok);
                }
                let mut t = crate::report::new_table(cx.style);
                t.set_header(super::headers(
                    cx.lang,
                    &[
                        ("#", "#"),
                        ("检查项", "check"),
                        ("状态", "state"),
                        ("级别", "level"),
                        ("开始", "since"),
                        ("确认", "acked"),
                        ("说明", "summary"),
                    ],
                ));
                let mut worst = Status::Ok;
                for r in &rows {
                    if r.alert.wanted().is_some() {
                        worst = worst.max(r.alert.level);
                    }
                    let mut state = if zh {
                        r.alert.phase.zh().to_owned()
                    } else {
                        r.alert.phase.as_str().to_owned()
                    };
                    if r.alert.flapping {
                        state.push_str(if zh { "·抖动" } else { ", flapping" });
                    }
                    if let Some(h) = &r.hold {
                        state.push_str(&format!("（{h}）"));
                    }
                    t.add_row([
                        r.id.to_string(),
                        r.name(),
                        state,
                        if r.alert.phase == crate::alert::Phase::Ok {
                            String::new()
                        } else if !zh {
                            r.alert.level.as_str().to_owned()
                        } else {
                            r.alert.level.zh().to_owned()
                        },
                        r.alert
                            .since
                            .map(|s| local_time(s, tz, "%m-%d %H:%M:%S"))
                            .unwrap_or_default(),
                        r.ack
                            .as_ref()
                            .map(|(by, at, _)| format!("{by} {}", local_time(*at, tz, "%H:%M")))
                            .unwrap_or_default(),
                        r.summary.clone(),
                    ]);
                }
                if rows.is_empty() {
                    let none = if zh {
                        "没有告警中的检查项（--all 列出全部）"
                    } else {
                        "no alert is firing (--all lists every one)"
                    };
                    writeln!(out, "{none}")?;
                } else {
                    writeln!(out, "{t}")?;
                }
                Ok(worst)
            }
            AlertCommand::Ack { alert, by, note } => {
                let by = super::operator(&by);
                let row = store
                    .ack_alert(&alert, &by, note.as_deref(), now_ms())
                    .await?;
                writeln!(
                    out,
                    "alert {} ({}) acknowledged by {by}: reminders and escalation stop until it recovers",
                    row.id, row.about.subject
                )?;
                Ok(Status::Ok)
            }
        }
    })
}

pub(super) fn silence(cx: Context, c: SilenceCommand) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    let zh = cx.lang == crate::core::text::Lang::Zh;
    super::run_async(async move {
        let store = Store::open(&settings.store_url).await?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let now = now_ms();
        match c {
            SilenceCommand::Add {
                matcher,
                duration,
                reason,
                by,
            } => {
                let m = crate::alert::Matcher::parse(&matcher).map_err(Error::Message)?;
                if reason.trim().is_empty() {
                    return Err(Error::Message(
                        "--reason is empty; give the change ticket or the work being done".into(),
                    ));
                }
                let s = Silence {
                    id: 0,
                    matcher: m.as_str().to_owned(),
                    starts_at: now,
                    ends_at: now + duration.as_millis() as i64,
                    reason,
                    author: super::operator(&by),
                    expired_at: None,
                };
                let id = store.add_silence(&s, now).await?;
                writeln!(
                    out,
                    "silence {id}: {} until {}",
                    s.matcher,
                    local_time(s.ends_at, tz, "%Y-%m-%d %H:%M")
                )?;
            }
            SilenceCommand::List { all, format } => {
                let list = store.silences(if all { None } else { Some(now) }).await?;
                if format == ListFormat::Json {
                    let rows: Vec<serde_json::Value> = list
                        .iter()
                        .map(|s| {
                            serde_json::json!({
                                "id": s.id, "matcher": s.matcher, "starts_at": s.starts_at,
                                "ends_at": s.ends_at, "reason": s.reason, "author": s.author,
                                "expired_at": s.expired_at,
                            })
                        })
                        .collect();
                    super::print_json(
                        &mut out,
                        &serde_json::json!({ "schema": "znode.silences/v1", "silences": rows }),
                    )?;
                    return Ok(Status::Ok);
                }
                let mut t = crate::report::new_table(cx.style);
                t.set_header(super::headers(
                    cx.lang,
                    &[
                        ("#", "#"),
                        ("匹配", "matcher"),
                        ("起", "from"),
                        ("止", "until"),
                        ("原因", "reason"),
                        ("设置人", "by"),
                    ],
                ));
                for s in &list {
                    let until = match s.expired_at {
                        Some(e) => format!(
                            "{}{}",
                            local_time(e, tz, "%m-%d %H:%M"),
                            if zh {
                                "（提前结束）"
                            } else {
                                " (ended early)"
                            }
                        ),
                        None => local_time(s.ends_at, tz, "%m-%d %H:%M"),
                    };
                    t.add_row([
                        s.id.to_string(),
                        s.matcher.clone(),
                        local_time(s.starts_at, tz, "%m-%d %H:%M"),
                        until,
                        s.reason.clone(),
                        s.author.clone(),
                    ]);
                }
                if list.is_empty() {
                    let none = if zh {
                        "没有生效的静默（--all 列出全部）"
                    } else {
                        "no silence is in force (--all lists every one)"
                    };
                    writeln!(out, "{none}")?;
                } else {
                    writeln!(out, "{t}")?;
                }
            }
            SilenceCommand::Expire { id } => {
                store.expire_silence(id, now).await?;
                writeln!(out, "silence {id} expired")?;
            }
        }
        Ok(Status::Ok)
    })
}
