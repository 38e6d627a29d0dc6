//! One read-only session on a PostgreSQL- or MySQL-family database, every cell read as text:
//! what data checks, manifests and the diff query through.

use std::time::Duration;

use sqlx::{Column, Connection, Executor, Row, TypeInfo, ValueRef};

use super::dialect::Dialect;

/// Rows of text cells; `None` is SQL NULL.
pub type Rows = Vec<Vec<Option<String>>>;

/// An open session.
pub enum Db {
    /// PostgreSQL protocol.
    Postgres(sqlx::PgConnection),
    /// MySQL protocol.
    MySql(sqlx::MySqlConnection),
}

impl Db {
    /// Connects with `url` (credentials filled in), makes the session read-only and bounds
    /// every statement to `statement_timeout` on the server.
    pub async fn connect(
        url: &str,
        dialect: Dialect,
        statement_timeout: Duration,
    ) -> Result<Db, sqlx::Error> {
        let mut db = match dialect {
            Dialect::Postgres => Db::Postgres(sqlx::PgConnection::connect(url).await?),
            Dialect::MySql => {
                let url = url.replacen("mariadb://", "mysql://", 1);
                Db::MySql(sqlx::MySqlConnection::connect(&url).await?)
            }
        };
        for (i, s) in dialect
            .session_setup(statement_timeout)
            .into_iter()
            .enumerate()
        {
            let r = db.execute(&s).await;
            // The first statement (read-only) must hold; the timeouts are best effort.
            if i == 0 {
                r?;
            }
        }
        Ok(db)
    }

    /// Sets the session's time zone, so that naive timestamps are read as the node's local
    /// time and days are cut at its midnight. MySQL gets the zone's current offset: its named
    /// zones need time-zone tables a server may not have loaded.
    pub async fn set_time_zone(&mut self, tz: chrono_tz::Tz) -> Result<(), sqlx::Error> {
        let sql = match self {
            Db::Postgres(_) => format!("SET TIME ZONE '{}'", tz.name()),
            Db::MySql(_) => {
                use chrono::Offset;
                let secs = chrono::Utc::now()
                    .with_timezone(&tz)
                    .offset()
                    .fix()
                    .local_minus_utc();
                let sign = if secs < 0 { '-' } else { '+' };
                let secs = secs.abs();
                format!(
                    "SET time_zone = '{sign}{:02}:{:02}'",
                    secs / 3600,
                    secs % 3600 / 60
                )
            }
        };
        self.execute(&sql).await
    }

    /// The session's dialect.
    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Postgres(_) => Dialect::Postgres,
            Db::MySql(_) => Dialect::MySql,
        }
    }

    /// Runs a statement that returns nothing.
    pub async fn execute(&mut self, sql: &str) -> Result<(), sqlx::Error> {
        let q = sqlx::AssertSqlSafe(sql.to_owned());
        match self {
            Db::Postgres(c) => c.execute(q).await.map(|_| ()),
            Db::MySql(c) => c.execute(q).await.map(|_| ()),
        }
    }

    /// Every row of a query, cells as text.
    pub async fn rows(&mut self, sql: &str) -> Result<Rows, sqlx::Error> {
        let q = sqlx::AssertSqlSafe(sql.to_owned());
        Ok(match self {
            Db::Postgres(c) => c.fetch_all(q).await?.iter().map(TextCells::cells).collect(),
            Db::MySql(c) => c.fetch_all(q).await?.iter().map(TextCells::cells).collect(),
        })
    }

    /// The first row of a query; an error when there is none.
    pub async fn row(&mut self, sql: &str) -> Result<Vec<Option<String>>, sqlx::Error> {
        self.rows(sql)
            .await?
            .into_iter()
            .next()
            .ok_or(sqlx::Error::RowNotFound)
    }

    /// Closes the session politely.
    pub async fn close(self) {
        let _ = match self {
            Db::Postgres(c) => c.close().await,
            Db::MySql(c) => c.close().await,
        };
    }
}

/// Reads every cell of a row as text, whatever its SQL type.
pub trait TextCells {
    /// The cells, `None` for NULL.
    fn cells(&self) -> Vec<Option<String>>;
}

macro_rules! text_cells {
    ($row:ty: $($ty:ty),*) => {
        impl TextCells for $row {
            fn cells(&self) -> Vec<Option<String>> {
                (0..self.columns().len())
                    .map(|i| {
                        if self.try_get_raw(i).map(|v| v.is_null()).unwrap_or(true) {
                            return None;
                        }
                        $(if let Ok(v) = self.try_get::<$ty, _>(i) {
                            return Some(v.to_string());
                        })*
                        // MySQL answers some text expressions (CONCAT over binary input,
                        // information_schema on older servers) as bytes.
                        if let Ok(v) = self.try_get::<Vec<u8>, _>(i) {
                            return Some(String::from_utf8_lossy(&v).into_owned());
                        }
                        Some(format!("<{}>", self.columns()[i].type_info().name()))
                    })
                    .collect()
            }
        }
    };
}

text_cells!(sqlx::postgres::PgRow: i64, i32, i16, f64, f32, sqlx::types::Decimal, String, bool, chrono::DateTime<chrono::Utc>, chrono::NaiveDateTime, chrono::NaiveDate);
text_cells!(sqlx::mysql::MySqlRow: i64, u64, i32, f64, f32, sqlx::types::Decimal, String, bool, chrono::NaiveDateTime, chrono::NaiveDate);
text_cells!(sqlx::sqlite::SqliteRow: i64, f64, String, bool);
