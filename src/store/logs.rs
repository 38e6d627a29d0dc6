//! The log engine's state in the store: incremental cursors, values seen by audit rules, and
//! mined templates.

use std::collections::HashMap;

use super::{Store, StoreError};
use crate::core::clock::now_ms;
use crate::logs::cursor::{Head, Stored};
use crate::logs::template::Cluster;
use crate::logs::{Learned, Remembered};

/// A template as stored: when it was first seen.
#[derive(Clone, Debug)]
pub struct KnownTemplate {
    /// First time a line of it was seen, epoch ms.
    pub first_seen: Option<i64>,
    /// When it was first stored (the scan that found it).
    pub stored_at: i64,
}

/// The stable id of a template text.
pub fn template_hash(template: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(template.as_bytes())[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// What the store remembers of each host's logs, by host id (`""` for this host): the
    /// incremental cursors and the values `new:` audit rules have seen.
    pub async fn log_memory(&self) -> Result<HashMap<String, Remembered>, StoreError> {
        let mut out: HashMap<String, Remembered> = HashMap::new();
        type Row = (String, String, String, i64, i64, i64, Option<String>);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT host, source, head_hash, head_len, inode, offset_bytes, journal_cursor FROM log_cursors",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        for (host, source, hash, len, inode, offset, journal) in rows {
            out.entry(host).or_default().cursors.push(Stored {
                source,
                head: Head {
                    len: len as u32,
                    hash,
                },
                inode: inode as u64,
                offset: offset as u64,
                journal,
            });
        }
        let rows: Vec<(String, String, String, String)> =
            sqlx::query_as("SELECT host, source, rule, value FROM log_known")
                .fetch_all(&self.pool)
                .await
                .map_err(self.db())?;
        for (host, source, rule, value) in rows {
            out.entry(host)
                .or_default()
                .known
                .entry(crate::logs::audit::Known::key(&source, &rule))
                .or_default()
                .insert(value);
        }
        Ok(out)
    }

    /// Stores what a run learned of one host's logs (`""` for this host), in one transaction:
    /// where incremental scans stopped and the values audit rules saw.
    pub async fn save_log_learned(&self, host: &str, learned: &Learned) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        // A file's cursor needs the head that identifies it; a journal's is the cursor itself.
        for u in learned
            .cursors
            .iter()
            .filter(|u| u.head.len > 0 || u.journal.is_some())
        {
            if u.journal.is_some() {
                // One journal cursor a reader: the one a query left no longer applies once
                // the query changed, and must not be taken up if it changes back.
                sqlx::query(
                    "DELETE FROM log_cursors WHERE host = $1 AND source = $2 \
                     AND journal_cursor IS NOT NULL AND head_hash <> $3",
                )
                .bind(host.to_owned())
                .bind(u.source.clone())
                .bind(u.head.hash.clone())
                .execute(&mut *tx)
                .await
                .map_err(self.db())?;
            }
            sqlx::query(
                "INSERT INTO log_cursors (host, source, head_hash, head_len, inode, path, offset_bytes, updated_at, journal_cursor) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (host, source, head_hash) DO UPDATE SET head_len = $4, inode = $5, path = $6, \
                 offset_bytes = $7, updated_at = $8, journal_cursor = $9",
            )
            .bind(host.to_owned())
            .bind(u.source.clone())
            .bind(u.head.hash.clone())
            .bind(i64::from(u.head.len))
            .bind(u.inode as i64)
            .bind(u.path.to_string_lossy().into_owned())
            .bind(u.offset as i64)
            .bind(now)
            .bind(u.journal.clone())
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        }
        for (key, value, t) in &learned.seen {
            let (source, rule) = key.rsplit_once('/').unwrap_or((key, ""));
            sqlx::query(
                "INSERT INTO log_known (host, source, rule, value, first_seen, last_seen) VALUES ($1, $2, $3, $4, $5, $5) \
                 ON CONFLICT (host, source, rule, value) DO UPDATE SET last_seen = $5",
            )
            .bind(host.to_owned())
            .bind(source.to_owned())
            .bind(rule.to_owned())
            .bind(value.clone())
            .bind(*t)
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())
    }

    /// Templates stored for a source, by hash.
    pub async fn log_templates(
        &self,
        source: &str,
    ) -> Result<HashMap<String, KnownTemplate>, StoreError> {
        let rows: Vec<(String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT template_hash, first_seen, updated_at FROM log_templates WHERE source = $1",
        )
        .bind(source.to_owned())
        .fetch_all(&self.pool)
        .await
        .map_err(self.db())?;
        Ok(rows
            .into_iter()
            .map(|(h, first_seen, stored_at)| {
                (
                    h,
                    KnownTemplate {
                        first_seen,
                        stored_at,
                    },
                )
            })
            .collect())
    }

    /// Adds the templates of a scan to the store.
    pub async fn save_log_templates(
        &self,
        source: &str,
        clusters: &[Cluster],
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.pool.begin().await.map_err(self.db())?;
        for c in clusters {
            sqlx::query(
                "INSERT INTO log_templates (source, template_hash, template, sample, first_seen, last_seen, total, scans, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) \
                 ON CONFLICT (source, template_hash) DO UPDATE SET last_seen = $6, \
                 total = log_templates.total + $7, scans = log_templates.scans + 1",
            )
            .bind(source.to_owned())
            .bind(template_hash(&c.template))
            .bind(c.template.clone())
            .bind(c.sample.clone())
            .bind(c.first)
            .bind(c.last)
            .bind(c.count as i64)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(self.db())?;
        }
        tx.commit().await.map_err(self.db())
    }
}
