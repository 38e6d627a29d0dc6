//! The notification outbox: every message is written to the store before it is sent, and a
//! send that fails leaves it queued with its error for `znode notify flush`. One implementation
//! for playbook notify steps, `report --send` and the flush.
//!
//! It sits with the engines rather than in `app/` because the playbook engine posts through it.

use std::path::Path;
use std::time::Duration;

use crate::notify::{NotifySettings, Outgoing};
use crate::store::{NewMessage, QueuedMessage, Store, StoreError};

/// A message for one channel.
#[derive(Clone, Copy, Debug)]
pub struct Post<'a> {
    /// Channel name, as declared under `notify.channels`.
    pub channel: &'a str,
    /// What sends it (`playbook run 3 step notify`, `report monthly 2026-11`).
    pub source: &'a str,
    /// Title, text, HTML body and attachment.
    pub message: Outgoing<'a>,
}

/// What became of a posted message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Sent and marked sent.
    Sent,
    /// The send failed; the message waits in the outbox with this error.
    Failed(String),
    /// No channel of that name is configured: queued without an attempt.
    NoChannel,
}

/// What a flush did.
#[derive(Debug)]
pub struct Flushed {
    /// Messages dropped unsent because they were older than `notify.expire`.
    pub expired: Vec<QueuedMessage>,
    /// Messages tried, each with the error of its attempt, if any.
    pub tried: Vec<(QueuedMessage, Option<String>)>,
}

/// The outbox of a store, sending through the node's channels.
pub struct Outbox<'a> {
    store: &'a Store,
    channels: &'a NotifySettings,
    node: &'a str,
    timeout: Duration,
}

impl<'a> Outbox<'a> {
    /// The outbox in `store`; `node` signs the messages, `timeout` bounds each send.
    pub fn new(
        store: &'a Store,
        channels: &'a NotifySettings,
        node: &'a str,
        timeout: Duration,
    ) -> Outbox<'a> {
        Outbox {
            store,
            channels,
            node,
            timeout,
        }
    }

    /// Queues the message without sending it: whoever flushes the outbox sends it (the
    /// watcher's delivery task), so the one queuing never waits on a channel.
    pub async fn queue(&self, p: &Post<'_>) -> Result<i64, StoreError> {
        let attachment = p.message.attachment.map(|a| a.display().to_string());
        self.store
            .queue_message(&NewMessage {
                channel: p.channel,
                title: p.message.title,
                message: p.message.text,
                source: p.source,
                html: p.message.html,
                attachment: attachment.as_deref(),
            })
            .await
    }

    /// Queues the message, then sends it at once when its channel is configured; returns the
    /// outbox id and what happened.
    pub async fn post(&self, p: &Post<'_>) -> Result<(i64, Delivery), StoreError> {
        let id = self.queue(p).await?;
        let Some(channel) = self.channels.channels.get(p.channel) else {
            return Ok((id, Delivery::NoChannel));
        };
        let sent = channel.send(self.node, &p.message, self.timeout).await;
        self.store
            .delivery(id, sent.as_ref().err().map(String::as_str))
            .await?;
        Ok((
            id,
            match sent {
                Ok(()) => Delivery::Sent,
                Err(e) => Delivery::Failed(e),
            },
        ))
    }

    /// Drops the messages older than `notify.expire` (sent that late they would mislead),
    /// then tries every other queued message once, oldest first; after a channel fails, its
    /// other messages wait for the next flush.
    pub async fn flush(&self) -> Result<Flushed, StoreError> {
        let cutoff = crate::core::clock::now_ms() - self.channels.expire.as_millis() as i64;
        let expired = self.store.expire_messages(cutoff).await?;
        let mut tried = Vec::new();
        // A channel that failed once is not tried again in this flush: a relay that hangs
        // costs one timeout, not one per message waiting for it, and the other channels'
        // messages go out meanwhile.
        let mut down: std::collections::HashSet<String> = Default::default();
        for q in self.store.queued_messages().await? {
            if down.contains(&q.channel) {
                continue;
            }
            let result = match self.channels.channels.get(&q.channel) {
                Some(ch) => {
                    ch.send(
                        self.node,
                        &Outgoing {
                            title: &q.title,
                            text: &q.message,
                            html: q.html.as_deref(),
                            attachment: q.attachment.as_deref().map(Path::new),
                        },
                        self.timeout,
                    )
                    .await
                }
                None => Err(format!("no channel `{}` is configured", q.channel)),
            };
            self.store
                .delivery(q.id, result.as_ref().err().map(String::as_str))
                .await?;
            if result.is_err() {
                down.insert(q.channel.clone());
            }
            tried.push((q, result.err()));
        }
        Ok(Flushed { expired, tried })
    }
}
