//! `znode notify`: send a test message, flush the outbox, list what waits in it.

use std::io::Write;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Send a test message to a channel
    Test(TestArgs),
    /// Send the messages waiting in the outbox; those that fail stay for the next flush
    Flush,
    /// The messages waiting in the outbox, with their attempts and last error
    List,
    /// Take messages out of the outbox unsent (a stale "pause uploads", a channel that will
    /// never exist)
    Drop(DropArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct DropArgs {
    /// Message ids, as `notify list` shows them
    #[arg(required = true)]
    ids: Vec<i64>,
}

#[derive(Debug, clap::Args)]
pub(super) struct TestArgs {
    /// Channel name from `notify.channels`
    channel: String,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    let settings = cx.settings()?;
    super::run_async(async {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let code = match c {
            Command::Test(a) => {
                let ch = settings
                    .notify
                    .channel(&a.channel)
                    .map_err(Error::Message)?;
                match ch
                    .send(
                        &settings.node,
                        &crate::notify::Outgoing {
                            title: "znode 测试消息",
                            text: &format!("{} 的通知通道 {} 工作正常。", settings.node, a.channel),
                            html: None,
                            attachment: None,
                        },
                        settings.defaults.timeout,
                    )
                    .await
                {
                    Ok(()) => {
                        writeln!(out, "{}: sent to {}", a.channel, ch.host())?;
                        Status::Ok
                    }
                    Err(e) => {
                        writeln!(out, "{}: {e}", a.channel)?;
                        Status::Crit
                    }
                }
            }
            Command::Flush => {
                let store = crate::store::Store::open(&settings.store_url).await?;
                let outbox = crate::outbox::Outbox::new(
                    &store,
                    &settings.notify,
                    &settings.node,
                    settings.defaults.timeout,
                );
                let flushed = outbox.flush().await?;
                let expire = humantime::format_duration(settings.notify.expire);
                for q in &flushed.expired {
                    writeln!(
                        out,
                        "#{} {}: expired unsent (queued over {expire} ago): {}",
                        q.id, q.channel, q.title
                    )?;
                }
                let (mut sent, mut failed) = (0, 0);
                for (q, error) in &flushed.tried {
                    match error {
                        None => sent += 1,
                        Some(e) => {
                            failed += 1;
                            writeln!(out, "#{} {}: {e}", q.id, q.channel)?;
                        }
                    }
                }
                store.close().await;
                writeln!(
                    out,
                    "sent {sent}, still queued {failed}, expired {}",
                    flushed.expired.len()
                )?;
                // Expired messages were never sent: a finding (WARN), not a failure to retry.
                if failed > 0 {
                    Status::Crit
                } else if !flushed.expired.is_empty() {
                    Status::Warn
                } else {
                    Status::Ok
                }
            }
            Command::Drop(a) => {
                let store = crate::store::Store::open(&settings.store_url).await?;
                let mut missing = Vec::new();
                for id in &a.ids {
                    if store.drop_message(*id).await? {
                        writeln!(out, "#{id}: dropped")?;
                    } else {
                        missing.push(id.to_string());
                    }
                }
                store.close().await;
                if !missing.is_empty() {
                    return Err(Error::Message(format!(
                        "no queued message #{}; see `znode notify list`",
                        missing.join(", #")
                    )));
                }
                Status::Ok
            }
            Command::List => {
                let store = crate::store::Store::open(&settings.store_url).await?;
                let mut t = crate::report::new_table(cx.style);
                t.set_header(["#", "通道", "来源", "消息", "尝试", "上次错误"]);
                for q in store.queued_messages().await? {
                    let mut message = q.title.clone();
                    if let Some(a) = &q.attachment {
                        message.push_str(&format!("（附件 {a}）"));
                    }
                    t.add_row([
                        q.id.to_string(),
                        q.channel,
                        q.source,
                        message,
                        q.attempts.to_string(),
                        q.last_error.unwrap_or_default(),
                    ]);
                }
                store.close().await;
                writeln!(out, "{t}")?;
                Status::Ok
            }
        };
        out.flush()?;
        Ok(code)
    })
}
