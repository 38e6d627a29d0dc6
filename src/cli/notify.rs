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
                let (mut sent, mut failed) = (0, 0);
                for (q, error) in outbox.flush().await? {
                    match error {
                        None => sent += 1,
                        Some(e) => {
                            failed += 1;
                            writeln!(out, "#{} {}: {e}", q.id, q.channel)?;
                        }
                    }
                }
                store.close().await;
                writeln!(out, "sent {sent}, still queued {failed}")?;
                if failed > 0 { Status::Crit } else { Status::Ok }
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
