//! 数据交换对账: the rows of two tables, on two databases of either family, compared by
//! key-range checksum bisection (the reladiff algorithm). Each side sums a 60-bit hash of every
//! normalised row over a key range; equal count and sum mean an equal range, a mismatch is
//! split again, and a range small enough is read as (key, hash) pairs and compared row by row.
//! Normalisation makes PostgreSQL and MySQL hash the same string for the same value:
//! timestamps as 6-digit text in UTC, decimals without trailing zeros, floats as whole
//! millionths, booleans as 1/0, text without trailing spaces and preceded by its length in
//! bytes (so that `ab|c` never equals `a|bc` and a NULL, length -1, is no text), NULL as `\N`,
//! and `|` between columns.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::db::Db;
use super::dialect::{self, Dialect};
use crate::core::text::Text;
use crate::text;

/// One side of a comparison.
#[derive(Clone, Debug)]
pub struct Side {
    /// The connection URL, credentials filled in (never shown).
    pub url: String,
    /// How the side is named in output (a target name or a DSN without its password).
    pub label: String,
    /// The table.
    pub table: String,
}

/// How a diff runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// The integer key column, the same on both sides.
    pub key: String,
    /// Columns compared besides the key; every common column when empty.
    pub columns: Vec<String>,
    /// Segments a mismatching range is split into.
    pub factor: u32,
    /// A range with fewer rows than this is compared row by row.
    pub threshold: u64,
    /// Connections per side, each comparing one range at a time.
    pub jobs: usize,
    /// Bound of each statement on the server.
    pub statement_timeout: Duration,
    /// Keys listed per kind of difference (counts are always complete).
    pub list: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            key: "id".into(),
            columns: Vec::new(),
            factor: 32,
            threshold: 16_384,
            jobs: 4,
            statement_timeout: Duration::from_secs(300),
            list: 1000,
        }
    }
}

/// What a comparison found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DiffReport {
    /// The source side's label and table.
    pub source: String,
    /// The target side's label and table.
    pub target: String,
    /// The key column.
    pub key: String,
    /// The columns compared, besides the key.
    pub columns: Vec<String>,
    /// Rows on the source side.
    pub source_rows: u64,
    /// Rows on the target side.
    pub target_rows: u64,
    /// Keys on the target side only (多), up to the listing limit.
    pub extra: Vec<String>,
    /// Keys on the source side only (少).
    pub missing: Vec<String>,
    /// Keys on both sides whose rows differ (不一致).
    pub different: Vec<String>,
    /// Counts of each kind, complete even when the lists are cut.
    pub extra_count: u64,
    /// Count of missing keys.
    pub missing_count: u64,
    /// Count of different keys.
    pub different_count: u64,
    /// For the first different keys, the columns that differ: key → [(column, source, target)].
    pub changes: BTreeMap<i128, Vec<(String, String, String)>>,
    /// Rows whose key is NULL, per side (source, target): no range holds them.
    pub null_keys: [u64; 2],
    /// Keys held by more than one row, per side: the key does not identify a row.
    pub duplicate_keys: [u64; 2],
    /// Checksum queries run per side.
    pub segments: u64,
    /// Rows read row by row per side.
    pub rows_downloaded: u64,
    /// Warnings: collations that differ, columns on one side only.
    pub warnings: Vec<Text>,
    /// Wall time, seconds.
    pub seconds: f64,
}

impl DiffReport {
    /// Whether the two tables hold the same rows.
    pub fn equal(&self) -> bool {
        self.extra_count == 0
            && self.missing_count == 0
            && self.different_count == 0
            && self.source_rows == self.target_rows
            && self.null_keys == [0, 0]
            && self.duplicate_keys == [0, 0]
    }
}

/// Why a comparison could not finish; nothing of a failed comparison is reported as equal.
#[derive(Debug)]
pub struct DiffError {
    /// Which side failed, if one did.
    pub side: Option<String>,
    /// What happened.
    pub message: Text,
}

impl DiffError {
    fn on(side: &str, doing: &str, e: &sqlx::Error) -> DiffError {
        DiffError {
            side: Some(side.to_owned()),
            message: text!(
                "{side}：{doing}失败：{e}",
                "{side}: {doing} failed: {e}",
                side = side,
                doing = doing,
                e = e.to_string(),
            ),
        }
    }

    fn plain(message: Text) -> DiffError {
        DiffError {
            side: None,
            message,
        }
    }
}

/// A side's prepared statements pieces.
#[derive(Clone)]
struct Plan {
    d: Dialect,
    label: String,
    table: String,
    /// The table as named (unquoted), for the catalog.
    raw_table: String,
    key: String,
    /// The 60-bit hash of a normalised row.
    hash: String,
    /// The normalised columns, for showing what differs.
    normalised: Vec<String>,
}

impl Plan {
    fn checksum(&self, lo: i128, hi: i128) -> String {
        format!(
            "SELECT COUNT(*), {} FROM {} WHERE {k} >= {lo} AND {k} < {hi}",
            self.d.text(&format!("COALESCE(SUM({}), 0)", self.hash)),
            self.table,
            k = self.key
        )
    }

    /// Rows and hash sum per bucket, for buckets `[from, to)`.
    fn buckets(&self, b: &Buckets, from: i128, to: i128) -> String {
        let offset = format!("({} - {})", self.key, b.lo);
        let bucket = match self.d {
            Dialect::Postgres => format!("{offset} / {}", b.width),
            Dialect::MySql => format!("{offset} DIV {}", b.width),
        };
        let (lo, _) = b.range(from);
        let (_, hi) = b.range(to - 1);
        format!(
            "SELECT {}, COUNT(*), {} FROM {} WHERE {k} >= {lo} AND {k} < {hi} GROUP BY {bucket}",
            self.d.text(&bucket),
            self.d.text(&format!("COALESCE(SUM({}), 0)", self.hash)),
            self.table,
            k = self.key
        )
    }

    fn pairs(&self, lo: i128, hi: i128) -> String {
        format!(
            "SELECT {}, {} FROM {} WHERE {k} >= {lo} AND {k} < {hi}",
            self.d.text(&self.key),
            self.d.text(&self.hash),
            self.table,
            k = self.key
        )
    }
}

/// Compares two tables.
pub async fn diff(a: &Side, b: &Side, opt: &Options) -> Result<DiffReport, DiffError> {
    let start = Instant::now();
    let da = dialect_of(a)?;
    let db = dialect_of(b)?;
    let mut ca = connect(a, da, opt).await?;
    let mut cb = connect(b, db, opt).await?;
    let cols_a = columns(&mut ca, a).await?;
    let cols_b = columns(&mut cb, b).await?;
    let mut report = DiffReport {
        source: format!("{} {}", a.label, a.table),
        target: format!("{} {}", b.label, b.table),
        key: opt.key.clone(),
        ..DiffReport::default()
    };
    for (cols, side) in [(&cols_a, a), (&cols_b, b)] {
        match cols.iter().find(|(c, _)| c == &opt.key) {
            None => {
                return Err(DiffError::plain(text!(
                    "{side} 的表 {t} 没有键列 {k}",
                    "table {t} on {side} has no key column `{k}`",
                    side = side.label,
                    t = side.table,
                    k = opt.key,
                )));
            }
            Some((_, ty)) if !is_integer(ty) => {
                return Err(DiffError::plain(text!(
                    "键列 {k} 的类型为 {ty}：对账按整数键分段，请指定整数主键（--key）",
                    "key column `{k}` is {ty}: the diff splits integer key ranges; name an integer key with --key",
                    k = opt.key,
                    ty = ty,
                )));
            }
            Some(_) => {}
        }
    }
    let compared: Vec<String> = if opt.columns.is_empty() {
        let only: Vec<&String> = cols_a
            .iter()
            .map(|(c, _)| c)
            .filter(|c| *c != &opt.key)
            .collect();
        for c in only
            .iter()
            .filter(|c| !cols_b.iter().any(|(n, _)| n == **c))
        {
            report.warnings.push(text!(
                "列 {c} 只在源表存在，不参与比较",
                "column `{c}` exists on the source only and is not compared",
                c = c,
            ));
        }
        for (c, _) in cols_b
            .iter()
            .filter(|(c, _)| c != &opt.key && !cols_a.iter().any(|(n, _)| n == c))
        {
            report.warnings.push(text!(
                "列 {c} 只在目标表存在，不参与比较",
                "column `{c}` exists on the target only and is not compared",
                c = c,
            ));
        }
        only.into_iter()
            .filter(|c| cols_b.iter().any(|(n, _)| &n == c))
            .cloned()
            .collect()
    } else {
        for c in &opt.columns {
            for (cols, side) in [(&cols_a, a), (&cols_b, b)] {
                if !cols.iter().any(|(n, _)| n == c) {
                    return Err(DiffError::plain(text!(
                        "{side} 的表 {t} 没有列 {c}",
                        "table {t} on {side} has no column `{c}`",
                        side = side.label,
                        t = side.table,
                        c = c,
                    )));
                }
            }
        }
        opt.columns.clone()
    };
    report.columns = compared.clone();
    let mut unlike = Vec::new();
    for c in &compared {
        let ca_coll = collation(&mut ca, a, c).await;
        let cb_coll = collation(&mut cb, b, c).await;
        if let (Some(x), Some(y)) = (ca_coll, cb_coll)
            && differs(&x, &y)
        {
            unlike.push(format!("{c}（{x} / {y}）"));
        }
    }
    if !unlike.is_empty() {
        report.warnings.push(text!(
            "两侧排序规则一侧区分大小写、一侧不区分：{cols}；对账按字节比较，只差大小写的值会列为不一致",
            "the two sides' collations differ in case sensitivity: {cols}; the diff compares bytes, so values that differ only in case are listed as different",
            cols = unlike.join("，"),
        ));
    }
    let plan_a = plan(da, a, &opt.key, &compared, &cols_a);
    let plan_b = plan(db, b, &opt.key, &compared, &cols_b);
    let range_a = key_range(&mut ca, &plan_a).await?;
    let range_b = key_range(&mut cb, &plan_b).await?;
    report.null_keys = [
        null_keys(&mut ca, &plan_a).await?,
        null_keys(&mut cb, &plan_b).await?,
    ];
    for (n, side) in report.null_keys.iter().zip([&a.label, &b.label]) {
        if *n > 0 {
            report.warnings.push(text!(
                "{side} 有 {n} 行的键 {k} 为空：这些行无法对账，结果计为不一致",
                "{side} has {n} row(s) whose key `{k}` is NULL: they cannot be reconciled, and the tables count as different",
                side = side,
                n = n,
                k = opt.key,
            ));
        }
    }
    let (lo, hi) = match (range_a, range_b) {
        (Some((l1, h1)), Some((l2, h2))) => (l1.min(l2), h1.max(h2)),
        (Some(r), None) | (None, Some(r)) => r,
        (None, None) => {
            report.seconds = start.elapsed().as_secs_f64();
            return Ok(report);
        }
    };
    // Connections beyond the first pair, opened now that the tables are known to be there.
    let mut pairs = vec![(ca, cb)];
    for _ in 1..opt.jobs.max(1) {
        pairs.push((connect(a, da, opt).await?, connect(b, db, opt).await?));
    }
    // The first split is sized by the planner's estimate so that a range holds about a
    // quarter of the threshold: differences spread over the table then cost one hashing pass
    // and a row-by-row read of the small ranges that hold them, rather than a pass per level.
    let rows = estimate(&mut pairs[0].0, &plan_a)
        .await
        .max(estimate(&mut pairs[0].1, &plan_b).await);
    let first =
        (rows.saturating_mul(4) / opt.threshold.max(1)).clamp(u64::from(opt.factor), 65_536);
    let end = hi + 1;
    let (queue, pairs) = match Buckets::new(lo, end, first) {
        // One scan per side and connection, grouped by range: thousands of ranges hashed by
        // sequential reads rather than as many index range queries.
        Some(b) => {
            let (queue, pairs, found) = first_pass(pairs, &plan_a, &plan_b, b).await?;
            report.source_rows = found.rows_a;
            report.target_rows = found.rows_b;
            report.segments = found.segments;
            (queue, pairs)
        }
        // Keys beyond a bigint's arithmetic (unsigned ones): ranges queried one by one.
        None => {
            let mut pairs = pairs;
            let (ca, cb) = &mut pairs[0];
            report.source_rows = keyed_rows(ca, &plan_a).await?;
            report.target_rows = keyed_rows(cb, &plan_b).await?;
            (split(lo, end, first), pairs)
        }
    };
    let state = Arc::new(Shared {
        queue: Mutex::new(queue.into()),
        busy: Mutex::new(0),
        wake: tokio::sync::Notify::new(),
        found: Mutex::new(Found::default()),
        failed: Mutex::new(None),
    });
    let mut tasks = tokio::task::JoinSet::new();
    for (ca, cb) in pairs {
        let (state, pa, pb, opt) = (state.clone(), plan_a.clone(), plan_b.clone(), opt.clone());
        tasks.spawn(async move { worker(ca, cb, &pa, &pb, &opt, &state).await });
    }
    let mut leftovers = Vec::new();
    while let Some(r) = tasks.join_next().await {
        match r {
            Ok(conns) => leftovers.push(conns),
            // A worker that panicked leaves its range undone: the diff has no result.
            Err(e) => {
                state
                    .failed
                    .lock()
                    .expect("diff state")
                    .get_or_insert(DiffError::plain(text!(
                        "对账任务异常退出：{e}",
                        "a diff worker failed: {e}",
                        e = e.to_string(),
                    )));
                // The others wait for a busy count that will not come down.
                tasks.abort_all();
            }
        }
    }
    let failed = state.failed.lock().expect("diff state").take();
    if let Some(e) = failed {
        for (a, b) in leftovers.into_iter().flatten() {
            a.close().await;
            b.close().await;
        }
        return Err(e);
    }
    let found = std::mem::take(&mut *state.found.lock().expect("diff state"));
    let mut conns: Vec<(Db, Db)> = leftovers.into_iter().flatten().collect();
    report.source_rows += found.rows_a;
    report.target_rows += found.rows_b;
    report.segments += found.segments;
    report.rows_downloaded = found.downloaded;
    report.duplicate_keys = found.duplicates;
    for (n, side) in found.duplicates.iter().zip([&a.label, &b.label]) {
        if *n > 0 {
            report.warnings.push(text!(
                "{side} 有 {n} 个重复的键 {k}：键不能唯一标识一行，结果计为不一致",
                "{side} repeats {n} value(s) of the key `{k}`: the key does not identify a row, and the tables count as different",
                side = side,
                n = n,
                k = opt.key,
            ));
        }
    }
    report.extra_count = found.extra.len() as u64;
    report.missing_count = found.missing.len() as u64;
    report.different_count = found.different.len() as u64;
    let list = |mut v: Vec<i128>| {
        v.sort_unstable();
        v.truncate(opt.list);
        v.into_iter().map(|k| k.to_string()).collect::<Vec<_>>()
    };
    let mut diff_keys = found.different.clone();
    diff_keys.sort_unstable();
    report.extra = list(found.extra);
    report.missing = list(found.missing);
    report.different = list(found.different);
    if let Some((ca, cb)) = conns.first_mut() {
        report.changes = changes(
            ca,
            cb,
            &plan_a,
            &plan_b,
            &compared,
            &diff_keys[..diff_keys.len().min(20)],
        )
        .await?;
    }
    for (a, b) in conns {
        a.close().await;
        b.close().await;
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok(report)
}

fn dialect_of(s: &Side) -> Result<Dialect, DiffError> {
    Dialect::of(&s.url).ok_or_else(|| {
        DiffError::plain(text!(
            "{side} 不是 PostgreSQL 或 MySQL 的连接串",
            "{side} is not a PostgreSQL or MySQL DSN",
            side = s.label,
        ))
    })
}

async fn connect(s: &Side, d: Dialect, opt: &Options) -> Result<Db, DiffError> {
    let mut c = Db::connect(&s.url, d, opt.statement_timeout)
        .await
        .map_err(|e| DiffError::on(&s.label, "连接", &e))?;
    // Timestamps with a zone are hashed in UTC on both sides.
    let tz = match d {
        Dialect::Postgres => "SET TIME ZONE 'UTC'",
        Dialect::MySql => "SET time_zone = '+00:00'",
    };
    c.execute(tz)
        .await
        .map_err(|e| DiffError::on(&s.label, "设置会话时区", &e))?;
    Ok(c)
}

async fn columns(c: &mut Db, s: &Side) -> Result<Vec<(String, String)>, DiffError> {
    let d = c.dialect();
    let cols: Vec<(String, String)> = c
        .rows(&d.columns(&s.table))
        .await
        .map_err(|e| DiffError::on(&s.label, "读取列", &e))?
        .into_iter()
        .filter_map(|r| Some((r.first()?.clone()?, r.get(1)?.clone()?)))
        .collect();
    if cols.is_empty() {
        return Err(DiffError::plain(text!(
            "{side} 上没有表 {t}",
            "table {t} does not exist on {side}",
            side = s.label,
            t = s.table,
        )));
    }
    Ok(cols)
}

async fn collation(c: &mut Db, s: &Side, column: &str) -> Option<String> {
    let d = c.dialect();
    c.rows(&d.collation(&s.table, column))
        .await
        .ok()?
        .first()?
        .first()?
        .clone()
}

/// Whether two collations may compare text differently: a case-insensitive one against a
/// case-sensitive one. Names differ between the families (`utf8mb4_bin`, `C`, `en_US.UTF-8`),
/// so only what decides equality is compared.
fn differs(a: &str, b: &str) -> bool {
    let ci = |c: &str| {
        let c = c.to_ascii_lowercase();
        c.ends_with("_ci") || c.contains("_ci_") || c.contains("nocase")
    };
    ci(a) != ci(b)
}

fn is_integer(ty: &str) -> bool {
    matches!(
        ty.to_ascii_lowercase().as_str(),
        "smallint"
            | "integer"
            | "int"
            | "bigint"
            | "tinyint"
            | "mediumint"
            | "serial"
            | "bigserial"
    )
}

/// A column's value as the same text on either family.
/// A column's value as the same text on either family (NULL stays NULL), and whether it is
/// text (which may hold anything, the separator included).
fn normalise(d: Dialect, col: &str, ty: &str) -> (String, bool) {
    let t = ty.to_ascii_lowercase();
    let trim_zeros = |x: String| {
        let has_dot = match d {
            Dialect::Postgres => format!("STRPOS({x}, '.') > 0"),
            Dialect::MySql => format!("LOCATE('.', {x}) > 0"),
        };
        format!(
            "(CASE WHEN {has_dot} THEN TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM {x})) ELSE {x} END)"
        )
    };
    let expr = if t.contains("timestamp") || t == "datetime" || t.starts_with("datetime") {
        match d {
            Dialect::Postgres => format!("TO_CHAR({col}, 'YYYY-MM-DD HH24:MI:SS.US')"),
            Dialect::MySql => format!("DATE_FORMAT({col}, '%Y-%m-%d %H:%i:%s.%f')"),
        }
    } else if t == "date" {
        d.day(col)
    } else if t == "boolean" || t == "bool" {
        format!("(CASE WHEN {col} IS NULL THEN NULL WHEN {col} THEN '1' ELSE '0' END)")
    } else if is_integer(&t) {
        d.text(col)
    } else if t.contains("numeric") || t.contains("decimal") {
        trim_zeros(d.text(col))
    } else if dialect::is_numeric(&t) {
        // A float in millionths, as an integer: both families compute it in double precision
        // and convert exactly, where their float-to-decimal casts round differently.
        let double = match d {
            Dialect::Postgres => format!("CAST({col} AS DOUBLE PRECISION)"),
            Dialect::MySql => format!("({col} + 0E0)"),
        };
        let micro = match d {
            Dialect::Postgres => format!("CAST(CAST(ROUND({double} * 1000000) AS BIGINT) AS TEXT)"),
            Dialect::MySql => format!("CAST(CAST(ROUND({double} * 1000000) AS SIGNED) AS CHAR)"),
        };
        // Beyond a bigint of millionths, the double's own text: a false 不一致 at worst, never
        // a false 一致.
        format!(
            "(CASE WHEN ABS({double}) < 9.0E12 THEN {micro} ELSE {} END)",
            d.text(&double)
        )
    } else {
        return (format!("RTRIM({})", d.text(col)), true);
    };
    (expr, false)
}

fn plan(d: Dialect, s: &Side, key: &str, compared: &[String], types: &[(String, String)]) -> Plan {
    let ty = |c: &str| {
        types
            .iter()
            .find(|(n, _)| n == c)
            .map_or("", |(_, t)| t.as_str())
    };
    let null = d.literal("\\N");
    let mut normalised = Vec::new();
    let mut row = vec![d.text(&d.ident(key))];
    for c in compared {
        let (expr, text) = normalise(d, &d.ident(c), ty(c));
        // Text goes in with its length in bytes first: no value can then run into the next,
        // whatever separators it holds (`ab|c` against `a|bc`), and a NULL (length -1) is no
        // text, whatever the text says. Lengths are cheaper than escaping every value.
        if text {
            let len = match d {
                Dialect::Postgres => format!("OCTET_LENGTH({expr})"),
                Dialect::MySql => format!("LENGTH({expr})"),
            };
            row.push(format!("COALESCE({len}, -1)"));
        }
        let shown = format!("COALESCE({expr}, {null})");
        row.push(shown.clone());
        normalised.push(shown);
    }
    let row = row.join(", ");
    // PostgreSQL sums bigints in 128-bit integers; a numeric per row would cost a quarter more.
    let hash = match d {
        Dialect::Postgres => format!(
            "CAST(CAST('x' || SUBSTR(MD5(CONCAT_WS('|', {row})), 18) AS BIT(60)) AS BIGINT)"
        ),
        Dialect::MySql => {
            format!("CAST(CONV(SUBSTRING(MD5(CONCAT_WS('|', {row})), 18), 16, 10) AS UNSIGNED)")
        }
    };
    Plan {
        d,
        label: s.label.clone(),
        table: d.ident(&s.table),
        raw_table: s.table.clone(),
        key: d.ident(key),
        hash,
        normalised,
    }
}

/// Rows with a key.
async fn keyed_rows(c: &mut Db, p: &Plan) -> Result<u64, DiffError> {
    rows_where(c, p, "IS NOT NULL", "统计行数").await
}

/// Rows whose key is NULL: no key range holds them.
async fn null_keys(c: &mut Db, p: &Plan) -> Result<u64, DiffError> {
    rows_where(c, p, "IS NULL", "统计空键").await
}

async fn rows_where(c: &mut Db, p: &Plan, key_is: &str, doing: &str) -> Result<u64, DiffError> {
    let r = c
        .row(&format!(
            "SELECT COUNT(*) FROM {} WHERE {} {key_is}",
            p.table, p.key
        ))
        .await
        .map_err(|e| DiffError::on(&p.label, doing, &e))?;
    Ok(r.first()
        .cloned()
        .flatten()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

async fn key_range(c: &mut Db, p: &Plan) -> Result<Option<(i128, i128)>, DiffError> {
    let r = c
        .row(&format!(
            "SELECT {}, {} FROM {}",
            p.d.text(&format!("MIN({})", p.key)),
            p.d.text(&format!("MAX({})", p.key)),
            p.table
        ))
        .await
        .map_err(|e| DiffError::on(&p.label, "读取键范围", &e))?;
    let n = |i: usize| {
        r.get(i)
            .cloned()
            .flatten()
            .and_then(|v| v.parse::<i128>().ok())
    };
    Ok(n(0).zip(n(1)))
}

/// A key range `[lo, hi)`.
#[derive(Clone, Copy, Debug)]
struct Segment {
    lo: i128,
    hi: i128,
    /// The rows on each side, when a grouped pass found the range to differ.
    known: Option<(u64, u64)>,
}

#[derive(Default)]
struct Found {
    rows_a: u64,
    rows_b: u64,
    extra: Vec<i128>,
    missing: Vec<i128>,
    different: Vec<i128>,
    segments: u64,
    downloaded: u64,
    duplicates: [u64; 2],
}

struct Shared {
    queue: Mutex<VecDeque<Segment>>,
    /// Segments being worked on: the work is done when the queue is empty and none is busy.
    busy: Mutex<usize>,
    wake: tokio::sync::Notify,
    found: Mutex<Found>,
    failed: Mutex<Option<DiffError>>,
}

/// Takes ranges until none is left; returns its connections when it stops, or nothing after an
/// error (which it records, stopping the others).
async fn worker(
    mut ca: Db,
    mut cb: Db,
    pa: &Plan,
    pb: &Plan,
    opt: &Options,
    st: &Shared,
) -> Option<(Db, Db)> {
    loop {
        if st.failed.lock().expect("diff state").is_some() {
            return None;
        }
        let next = {
            let mut q = st.queue.lock().expect("diff state");
            let s = q.pop_front();
            if s.is_some() {
                *st.busy.lock().expect("diff state") += 1;
            }
            s
        };
        let Some(seg) = next else {
            if *st.busy.lock().expect("diff state") == 0 {
                st.wake.notify_waiters();
                return Some((ca, cb));
            }
            // Wait for a busy worker to add ranges or finish; a timeout re-checks in case the
            // notification came between the check and the wait.
            let _ = tokio::time::timeout(Duration::from_millis(50), st.wake.notified()).await;
            continue;
        };
        let r = segment(&mut ca, &mut cb, pa, pb, opt, st, seg).await;
        *st.busy.lock().expect("diff state") -= 1;
        st.wake.notify_waiters();
        if let Err(e) = r {
            st.failed.lock().expect("diff state").get_or_insert(e);
            return None;
        }
    }
}

async fn segment(
    ca: &mut Db,
    cb: &mut Db,
    pa: &Plan,
    pb: &Plan,
    opt: &Options,
    st: &Shared,
    seg: Segment,
) -> Result<(), DiffError> {
    let (na, nb) = match seg.known {
        Some(counts) => counts,
        None => {
            let (qa, qb) = (pa.checksum(seg.lo, seg.hi), pb.checksum(seg.lo, seg.hi));
            let (ra, rb) = tokio::join!(ca.row(&qa), cb.row(&qb));
            let ra = ra.map_err(|e| DiffError::on(&pa.label, "分段校验", &e))?;
            let rb = rb.map_err(|e| DiffError::on(&pb.label, "分段校验", &e))?;
            let count = |r: &[Option<String>]| {
                r.first()
                    .cloned()
                    .flatten()
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            let sum = |r: &[Option<String>]| r.get(1).cloned().flatten().unwrap_or_default();
            let (na, nb) = (count(&ra), count(&rb));
            st.found.lock().expect("diff state").segments += 1;
            if na == nb && sum(&ra) == sum(&rb) {
                return Ok(());
            }
            (na, nb)
        }
    };
    let width = seg.hi - seg.lo;
    if na.max(nb) < opt.threshold || width <= i128::from(opt.factor) {
        return rows(ca, cb, pa, pb, st, seg).await;
    }
    st.queue.lock().expect("diff state").extend(split(
        seg.lo,
        seg.hi,
        u64::from(opt.factor.max(2)),
    ));
    Ok(())
}

/// `[lo, hi)` in `parts` ranges of (nearly) equal width; fewer when it is narrower.
fn split(lo: i128, hi: i128, parts: u64) -> Vec<Segment> {
    let width = hi - lo;
    let parts = i128::from(parts.max(1)).min(width.max(1));
    (0..parts)
        .filter_map(|i| {
            let a = lo + width * i / parts;
            let b = lo + width * (i + 1) / parts;
            (b > a).then_some(Segment {
                lo: a,
                hi: b,
                known: None,
            })
        })
        .collect()
}

/// The first split as equal-width buckets of the key, `(key - lo) / width`, computed by the
/// databases in one grouped scan. Only for key ranges whose arithmetic stays within a bigint.
#[derive(Clone, Copy, Debug)]
struct Buckets {
    lo: i128,
    end: i128,
    width: i128,
    count: i128,
}

impl Buckets {
    fn new(lo: i128, end: i128, parts: u64) -> Option<Buckets> {
        let span = end - lo;
        let fits = |v: i128| i64::try_from(v).is_ok();
        if span <= 0 || !fits(lo) || !fits(end) || !fits(span) {
            return None;
        }
        let parts = i128::from(parts.max(1)).min(span);
        let width = (span + parts - 1) / parts;
        Some(Buckets {
            lo,
            end,
            width,
            count: (span + width - 1) / width,
        })
    }

    /// The key range of bucket `i`.
    fn range(&self, i: i128) -> (i128, i128) {
        let a = self.lo + i * self.width;
        (a, (a + self.width).min(self.end))
    }
}

/// Per bucket: (rows, hash sum) on one side.
type Sums = BTreeMap<i128, (u64, String)>;

/// Hashes every bucket on both sides, each connection pair taking an equal share of the
/// buckets; returns the buckets that differ (with their counts), the connections, and the
/// row counts.
async fn first_pass(
    pairs: Vec<(Db, Db)>,
    pa: &Plan,
    pb: &Plan,
    b: Buckets,
) -> Result<(Vec<Segment>, Vec<(Db, Db)>, Found), DiffError> {
    let n = pairs.len() as i128;
    let mut tasks = tokio::task::JoinSet::new();
    for (j, (mut ca, mut cb)) in pairs.into_iter().enumerate() {
        let (pa, pb) = (pa.clone(), pb.clone());
        let (from, to) = (b.count * j as i128 / n, b.count * (j as i128 + 1) / n);
        tasks.spawn(async move {
            if from >= to {
                return ((ca, cb), Ok((Sums::new(), Sums::new())));
            }
            let (qa, qb) = (pa.buckets(&b, from, to), pb.buckets(&b, from, to));
            let (ra, rb) = tokio::join!(ca.rows(&qa), cb.rows(&qb));
            let r = match (ra, rb) {
                (Ok(ra), Ok(rb)) => Ok((sums(&ra), sums(&rb))),
                (Err(e), _) => Err(DiffError::on(&pa.label, "分段校验", &e)),
                (_, Err(e)) => Err(DiffError::on(&pb.label, "分段校验", &e)),
            };
            ((ca, cb), r)
        });
    }
    let mut conns = Vec::new();
    let (mut all_a, mut all_b) = (Sums::new(), Sums::new());
    let mut failed = None;
    while let Some(r) = tasks.join_next().await {
        match r {
            Ok((c, Ok((a, b)))) => {
                conns.push(c);
                all_a.extend(a);
                all_b.extend(b);
            }
            Ok((c, Err(e))) => {
                conns.push(c);
                failed.get_or_insert(e);
            }
            Err(e) => {
                failed.get_or_insert(DiffError::plain(text!(
                    "对账任务异常退出：{e}",
                    "a diff worker failed: {e}",
                    e = e.to_string(),
                )));
            }
        }
    }
    if let Some(e) = failed {
        for (a, b) in conns {
            a.close().await;
            b.close().await;
        }
        return Err(e);
    }
    let mut found = Found {
        segments: b.count as u64,
        ..Found::default()
    };
    let mut queue = Vec::new();
    let keys: std::collections::BTreeSet<i128> =
        all_a.keys().chain(all_b.keys()).copied().collect();
    for i in keys {
        let none = (0, String::new());
        let (x, y) = (
            all_a.get(&i).unwrap_or(&none),
            all_b.get(&i).unwrap_or(&none),
        );
        found.rows_a += x.0;
        found.rows_b += y.0;
        if x != y {
            let (lo, hi) = b.range(i);
            queue.push(Segment {
                lo,
                hi,
                known: Some((x.0, y.0)),
            });
        }
    }
    Ok((queue, conns, found))
}

/// A grouped answer as bucket → (rows, sum).
fn sums(rows: &[Vec<Option<String>>]) -> Sums {
    rows.iter()
        .filter_map(|r| {
            let i = r.first()?.as_deref()?.parse().ok()?;
            let n = r.get(1)?.as_deref()?.parse().ok()?;
            Some((i, (n, r.get(2).cloned().flatten().unwrap_or_default())))
        })
        .collect()
}

/// The planner's estimate of a side's rows; 0 when it has none (never analysed).
async fn estimate(c: &mut Db, p: &Plan) -> u64 {
    c.rows(&p.d.estimated_rows(&p.raw_table))
        .await
        .ok()
        .and_then(|r| r.first()?.first()?.as_deref()?.parse::<f64>().ok())
        .map_or(0, |v| v.max(0.0) as u64)
}

async fn rows(
    ca: &mut Db,
    cb: &mut Db,
    pa: &Plan,
    pb: &Plan,
    st: &Shared,
    seg: Segment,
) -> Result<(), DiffError> {
    let (qa, qb) = (pa.pairs(seg.lo, seg.hi), pb.pairs(seg.lo, seg.hi));
    let (ra, rb) = tokio::join!(ca.rows(&qa), cb.rows(&qb));
    let ra = ra.map_err(|e| DiffError::on(&pa.label, "逐行比较", &e))?;
    let rb = rb.map_err(|e| DiffError::on(&pb.label, "逐行比较", &e))?;
    // A key twice on one side is counted, not folded into one row.
    let map = |rows: &[Vec<Option<String>>]| -> (BTreeMap<i128, String>, u64) {
        let mut m = BTreeMap::new();
        let mut dups = 0;
        for r in rows {
            let Some(k) = r.first().and_then(|k| k.as_deref()?.parse().ok()) else {
                continue;
            };
            if m.insert(k, r.get(1).cloned().flatten().unwrap_or_default())
                .is_some()
            {
                dups += 1;
            }
        }
        (m, dups)
    };
    let ((ma, da), (mb, db)) = (map(&ra), map(&rb));
    let mut f = st.found.lock().expect("diff state");
    f.duplicates[0] += da;
    f.duplicates[1] += db;
    f.downloaded += (ra.len() + rb.len()) as u64;
    for (k, h) in &ma {
        match mb.get(k) {
            None => f.missing.push(*k),
            Some(h2) if h2 != h => f.different.push(*k),
            Some(_) => {}
        }
    }
    for k in mb.keys().filter(|k| !ma.contains_key(k)) {
        f.extra.push(*k);
    }
    Ok(())
}

/// For a few different keys, which columns differ and how (normalised values).
async fn changes(
    ca: &mut Db,
    cb: &mut Db,
    pa: &Plan,
    pb: &Plan,
    compared: &[String],
    keys: &[i128],
) -> Result<BTreeMap<i128, Vec<(String, String, String)>>, DiffError> {
    if keys.is_empty() {
        return Ok(BTreeMap::new());
    }
    let list = keys
        .iter()
        .map(i128::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let q = |p: &Plan| {
        format!(
            "SELECT {}, {} FROM {} WHERE {} IN ({list})",
            p.d.text(&p.key),
            p.normalised.join(", "),
            p.table,
            p.key
        )
    };
    let ra = ca
        .rows(&q(pa))
        .await
        .map_err(|e| DiffError::on(&pa.label, "读取不一致的行", &e))?;
    let rb = cb
        .rows(&q(pb))
        .await
        .map_err(|e| DiffError::on(&pb.label, "读取不一致的行", &e))?;
    let by_key = |rows: Vec<Vec<Option<String>>>| -> BTreeMap<i128, Vec<String>> {
        rows.into_iter()
            .filter_map(|r| {
                let mut it = r.into_iter();
                let k = it.next()??.parse().ok()?;
                Some((k, it.map(Option::unwrap_or_default).collect()))
            })
            .collect()
    };
    let (ma, mb) = (by_key(ra), by_key(rb));
    let mut out = BTreeMap::new();
    for (k, va) in &ma {
        let Some(vb) = mb.get(k) else { continue };
        let cols: Vec<(String, String, String)> = compared
            .iter()
            .zip(va.iter().zip(vb))
            .filter(|(_, (x, y))| x != y)
            .map(|(c, (x, y))| {
                // What is shown of a row never shows who it is about.
                let how = if super::mask::is_person_name_column(c) {
                    super::mask::Mask::Name
                } else {
                    super::mask::Mask::Auto
                };
                (
                    c.clone(),
                    super::mask::mask(x, how),
                    super::mask::mask(y, how),
                )
            })
            .collect();
        out.insert(*k, cols);
    }
    Ok(out)
}
