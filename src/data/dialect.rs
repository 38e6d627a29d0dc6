//! The SQL that differs between the two protocol families the node's databases speak:
//! PostgreSQL (openGauss, KingbaseES) and MySQL (MariaDB, TiDB, OceanBase). Every statement a
//! data check or a diff sends is built from these pieces, so the two sides of a comparison hash
//! and count the same strings.

/// A database's SQL family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// PostgreSQL and what speaks its protocol.
    Postgres,
    /// MySQL, MariaDB and what speaks their protocol.
    MySql,
}

impl Dialect {
    /// The dialect of a DSN's scheme (`postgres://`, `mysql://`, `mariadb://`).
    pub fn of(dsn: &str) -> Option<Dialect> {
        match dsn.split_once(':')?.0 {
            "postgres" | "postgresql" => Some(Dialect::Postgres),
            "mysql" | "mariadb" => Some(Dialect::MySql),
            _ => None,
        }
    }

    /// How the dialect is named in messages.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL",
            Dialect::MySql => "MySQL",
        }
    }

    /// A quoted identifier; `schema.table` is quoted part by part.
    pub fn ident(self, name: &str) -> String {
        let q = match self {
            Dialect::Postgres => '"',
            Dialect::MySql => '`',
        };
        name.split('.')
            .map(|p| {
                let escaped = p.replace(q, &format!("{q}{q}"));
                format!("{q}{escaped}{q}")
            })
            .collect::<Vec<_>>()
            .join(".")
    }

    /// A string literal. Backslashes are doubled and the PostgreSQL literal is an escape
    /// string (`E'…'`), so that it reads the same whatever `standard_conforming_strings` is.
    pub fn literal(self, s: &str) -> String {
        let s = s.replace('\\', "\\\\").replace('\'', "''");
        match self {
            Dialect::Postgres => format!("E'{s}'"),
            Dialect::MySql => format!("'{s}'"),
        }
    }

    /// A table name for the catalog functions: PostgreSQL's `to_regclass` folds an unquoted
    /// name to lower case, so the name goes in quoted.
    fn regclass(self, table: &str) -> String {
        format!("to_regclass({})", self.literal(&self.ident(table)))
    }

    /// An expression as text.
    pub fn text(self, expr: &str) -> String {
        match self {
            Dialect::Postgres => format!("CAST({expr} AS TEXT)"),
            Dialect::MySql => format!("CAST({expr} AS CHAR)"),
        }
    }

    /// A case-sensitive regular-expression match of a text expression. MySQL compares with the
    /// column's collation, usually case-insensitive: BINARY makes `X` differ from `x`.
    pub fn matches(self, text_expr: &str, regex: &str) -> String {
        match self {
            Dialect::Postgres => format!("{text_expr} ~ {}", self.literal(regex)),
            // utf8mb4_bin: case-sensitive, and `.` is a character rather than a byte of one.
            Dialect::MySql => format!(
                "({text_expr} COLLATE utf8mb4_bin) REGEXP {}",
                self.literal(regex)
            ),
        }
    }

    /// The 1-based position of a one-character text expression in a literal alphabet, 0 when
    /// absent (case-sensitive).
    pub fn position_in(self, ch_expr: &str, alphabet: &str) -> String {
        match self {
            Dialect::Postgres => format!("STRPOS({}, {ch_expr})", self.literal(alphabet)),
            Dialect::MySql => format!("LOCATE(BINARY {ch_expr}, {})", self.literal(alphabet)),
        }
    }

    /// Seconds from a timestamp expression to the server's now.
    pub fn age_seconds(self, ts_expr: &str) -> String {
        match self {
            Dialect::Postgres => {
                format!("EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - CAST({ts_expr} AS TIMESTAMPTZ)))")
            }
            Dialect::MySql => format!("TIMESTAMPDIFF(SECOND, {ts_expr}, NOW())"),
        }
    }

    /// A timestamp or date expression as its calendar day, `YYYY-MM-DD`.
    pub fn day(self, ts_expr: &str) -> String {
        match self {
            Dialect::Postgres => format!("TO_CHAR({ts_expr}, 'YYYY-MM-DD')"),
            Dialect::MySql => format!("DATE_FORMAT({ts_expr}, '%Y-%m-%d')"),
        }
    }

    /// Statements that make a session read-only and bound each statement's server time.
    /// Servers that lack one of the variables (MySQL has max_execution_time, MariaDB
    /// max_statement_time) answer with an error that is ignored; the client timeout holds.
    pub fn session_setup(self, statement_timeout: std::time::Duration) -> Vec<String> {
        let ms = statement_timeout.as_millis().max(1);
        match self {
            Dialect::Postgres => vec![
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY".into(),
                format!("SET statement_timeout = {ms}"),
            ],
            Dialect::MySql => vec![
                "SET SESSION TRANSACTION READ ONLY".into(),
                format!(
                    "SET SESSION max_statement_time = {:.3}",
                    statement_timeout.as_secs_f64()
                ),
                format!("SET SESSION max_execution_time = {ms}"),
            ],
        }
    }

    /// The planner's estimate of a table's rows, without reading it.
    pub fn estimated_rows(self, table: &str) -> String {
        match self {
            // A table never analysed has reltuples -1: its size on disk at 100 bytes a row
            // stands in, so that a freshly loaded large table is not taken for an empty one.
            Dialect::Postgres => format!(
                "SELECT CAST(CASE WHEN reltuples < 0 THEN pg_relation_size(oid) / 100 ELSE reltuples END AS BIGINT) \
                 FROM pg_class WHERE oid = {}",
                self.regclass(table)
            ),
            Dialect::MySql => {
                let (schema, name) = split_schema(table);
                format!(
                    "SELECT CAST(TABLE_ROWS AS SIGNED) FROM information_schema.TABLES WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {}",
                    schema.map_or("DATABASE()".into(), |s| self.literal(s)),
                    self.literal(name)
                )
            }
        }
    }

    /// A table's columns and their types, in order.
    pub fn columns(self, table: &str) -> String {
        let (schema, name) = split_schema(table);
        let schema = match (self, schema) {
            (_, Some(s)) => self.literal(s),
            (Dialect::Postgres, None) => "current_schema()".into(),
            (Dialect::MySql, None) => "DATABASE()".into(),
        };
        format!(
            "SELECT CAST(column_name AS CHAR(128)), CAST(data_type AS CHAR(128)) FROM information_schema.columns \
             WHERE table_schema = {schema} AND table_name = {} ORDER BY ordinal_position",
            self.literal(name)
        )
        .replace(
            "CHAR(128)",
            match self {
                Dialect::Postgres => "VARCHAR(128)",
                Dialect::MySql => "CHAR(128)",
            },
        )
    }

    /// Each column's distinct-value estimate in the catalog: (column, estimate), where a
    /// negative PostgreSQL estimate is minus a share of the rows.
    pub fn distinct_estimates(self, table: &str) -> String {
        let (schema, name) = split_schema(table);
        match self {
            Dialect::Postgres => format!(
                "SELECT CAST(attname AS TEXT), CAST(n_distinct AS TEXT) FROM pg_stats WHERE schemaname = {} AND tablename = {}",
                schema.map_or("current_schema()".into(), |s| self.literal(s)),
                self.literal(name)
            ),
            Dialect::MySql => format!(
                "SELECT COLUMN_NAME, CAST(MAX(CARDINALITY) AS CHAR) FROM information_schema.STATISTICS \
                 WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {} AND SEQ_IN_INDEX = 1 AND CARDINALITY IS NOT NULL GROUP BY COLUMN_NAME",
                schema.map_or("DATABASE()".into(), |s| self.literal(s)),
                self.literal(name)
            ),
        }
    }

    /// Each index of a table: whether it is unique and its columns, comma-separated in order.
    pub fn indexes(self, table: &str) -> String {
        match self {
            Dialect::Postgres => format!(
                "SELECT CASE WHEN i.indisunique THEN 1 ELSE 0 END, \
                 array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) \
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), ',') \
                 FROM pg_index i WHERE i.indrelid = {} \
                 AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL",
                self.regclass(table)
            ),
            Dialect::MySql => {
                let (schema, name) = split_schema(table);
                format!(
                    "SELECT MIN(1 - NON_UNIQUE), GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') \
                     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {} \
                     GROUP BY INDEX_NAME HAVING COUNT(COLUMN_NAME) = COUNT(*)",
                    schema.map_or("DATABASE()".into(), |s| self.literal(s)),
                    self.literal(name)
                )
            }
        }
    }

    /// The collation a column compares text with, when the catalog says (for the diff's
    /// warning that two sides order and compare keys differently).
    pub fn collation(self, table: &str, column: &str) -> String {
        let (schema, name) = split_schema(table);
        match self {
            Dialect::Postgres => format!(
                "SELECT COALESCE(CAST(collation_name AS TEXT), (SELECT datcollate FROM pg_database WHERE datname = current_database())) \
                 FROM information_schema.columns WHERE table_schema = {} AND table_name = {} AND column_name = {}",
                schema.map_or("current_schema()".into(), |s| self.literal(s)),
                self.literal(name),
                self.literal(column)
            ),
            Dialect::MySql => format!(
                "SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {} AND COLUMN_NAME = {}",
                schema.map_or("DATABASE()".into(), |s| self.literal(s)),
                self.literal(name),
                self.literal(column)
            ),
        }
    }
}

/// `schema.table` → (schema, table); a bare name has no schema.
fn split_schema(table: &str) -> (Option<&str>, &str) {
    match table.rsplit_once('.') {
        Some((s, t)) => (Some(s), t),
        None => (None, table),
    }
}

/// Whether a column type is numeric (mean and standard deviation make sense), by the names
/// both catalogs give in `information_schema.columns.data_type`. Money, ranges and arrays are
/// not: AVG does not take them.
pub fn is_numeric(data_type: &str) -> bool {
    matches!(
        data_type.to_ascii_lowercase().as_str(),
        "smallint"
            | "integer"
            | "int"
            | "bigint"
            | "tinyint"
            | "mediumint"
            | "numeric"
            | "decimal"
            | "real"
            | "double precision"
            | "double"
            | "float"
    )
}

/// Whether a column type is a date or timestamp (not a range of them).
pub fn is_temporal(data_type: &str) -> bool {
    let t = data_type.to_ascii_lowercase();
    t == "date"
        || t == "datetime"
        || t == "year"
        || t.starts_with("timestamp")
        || t.starts_with("time ")
        || t == "time"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_literals_are_quoted_per_dialect() {
        assert_eq!(
            Dialect::Postgres.ident("public.t\"x"),
            "\"public\".\"t\"\"x\""
        );
        assert_eq!(Dialect::MySql.ident("db.t`x"), "`db`.`t``x`");
        assert_eq!(Dialect::Postgres.literal(r"^\d'"), r"E'^\\d'''");
        assert_eq!(Dialect::MySql.literal(r"^\d'"), r"'^\\d'''");
    }

    #[test]
    fn numeric_types_are_told_from_others() {
        for t in [
            "integer",
            "bigint",
            "numeric",
            "decimal",
            "double precision",
            "float",
        ] {
            assert!(is_numeric(t), "{t}");
        }
        for t in [
            "text",
            "varchar",
            "interval",
            "timestamp without time zone",
            "money",
            "int4range",
            "ARRAY",
        ] {
            assert!(!is_numeric(t), "{t}");
        }
    }
}
