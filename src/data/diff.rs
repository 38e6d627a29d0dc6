//! 数据交换对账: the rows of two tables, on two databases of either family, compared by
//! key-range checksum bisection (the reladiff algorithm). Each side sums a 60-bit hash of every
//! normalised row over a key range; equal count and sum mean an equal range, a mismatch is
//! split again, and a range small enough is read as (key, hash) pairs and compared row by row.
//! Normalisation makes PostgreSQL and MySQL hash the same string for the same value:
//! timestamps as 6-digit text in UTC, decimals without trailing zeros, floats to 6 places,
//! booleans as 1/0, text without trailing spaces, NULL as `<N>`, and a separator between
//! columns so that `ab|c` never equals `a|bc`.

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
    pub changes: BTreeMap<i64, Vec<(String, String, String)>>,
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
        self.extra_count == 0 && self.missing_count == 0 && self.different_count == 0
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
    key: String,
    /// The 60-bit hash of a normalised row.
    hash: String,
    /// The normalised columns, for showing what differs.
    normalised: Vec<String>,
}

impl Plan {
    fn checksum(&self, lo: i64, hi: i64) -> String {
        format!(
            "SELECT COUNT(*), {} FROM {} WHERE {k} >= {lo} AND {k} < {hi}",
            self.d.text(&format!("COALESCE(SUM({}), 0)", self.hash)),
            self.table,
            k = self.key
        )
    }

    fn pairs(&self, lo: i64, hi: i64) -> String {
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
    let state = Arc::new(Shared {
        queue: Mutex::new(VecDeque::from([Segment {
            lo,
            hi: hi.saturating_add(1),
            top: true,
        }])),
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
        if let Ok(conns) = r {
            leftovers.push(conns);
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
    report.source_rows = found.rows_a;
    report.target_rows = found.rows_b;
    report.segments = found.segments;
    report.rows_downloaded = found.downloaded;
    report.extra_count = found.extra.len() as u64;
    report.missing_count = found.missing.len() as u64;
    report.different_count = found.different.len() as u64;
    let list = |mut v: Vec<i64>| {
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
    let t = ty.to_ascii_lowercase();
    t.contains("int") || t == "serial" || t == "bigserial"
}

/// A column's value as the same text on either family.
fn normalise(d: Dialect, col: &str, ty: &str) -> String {
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
        format!("(CASE WHEN {col} THEN '1' ELSE '0' END)")
    } else if is_integer(&t) {
        d.text(col)
    } else if t.contains("numeric") || t.contains("decimal") {
        trim_zeros(d.text(col))
    } else if dialect::is_numeric(&t) {
        let fixed = match d {
            Dialect::Postgres => format!("CAST(CAST({col} AS NUMERIC(38, 6)) AS TEXT)"),
            Dialect::MySql => format!("CAST(CAST({col} AS DECIMAL(38, 6)) AS CHAR)"),
        };
        trim_zeros(fixed)
    } else {
        format!("RTRIM({})", d.text(col))
    };
    format!("COALESCE({expr}, '<N>')")
}

fn plan(d: Dialect, s: &Side, key: &str, compared: &[String], types: &[(String, String)]) -> Plan {
    let ty = |c: &str| {
        types
            .iter()
            .find(|(n, _)| n == c)
            .map_or("", |(_, t)| t.as_str())
    };
    let normalised: Vec<String> = compared
        .iter()
        .map(|c| normalise(d, &d.ident(c), ty(c)))
        .collect();
    let row = std::iter::once(d.text(&d.ident(key)))
        .chain(normalised.iter().cloned())
        .collect::<Vec<_>>()
        .join(", ");
    let hash = match d {
        Dialect::Postgres => format!(
            "CAST(CAST(CAST('x' || SUBSTR(MD5(CONCAT_WS('|', {row})), 18) AS BIT(60)) AS BIGINT) AS NUMERIC)"
        ),
        Dialect::MySql => {
            format!("CAST(CONV(SUBSTRING(MD5(CONCAT_WS('|', {row})), 18), 16, 10) AS UNSIGNED)")
        }
    };
    Plan {
        d,
        label: s.label.clone(),
        table: d.ident(&s.table),
        key: d.ident(key),
        hash,
        normalised,
    }
}

async fn key_range(c: &mut Db, p: &Plan) -> Result<Option<(i64, i64)>, DiffError> {
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
            .and_then(|v| v.parse::<i64>().ok())
    };
    Ok(n(0).zip(n(1)))
}

/// A key range `[lo, hi)`.
#[derive(Clone, Copy, Debug)]
struct Segment {
    lo: i64,
    hi: i64,
    /// The whole key range: its counts are the tables' row counts.
    top: bool,
}

#[derive(Default)]
struct Found {
    rows_a: u64,
    rows_b: u64,
    extra: Vec<i64>,
    missing: Vec<i64>,
    different: Vec<i64>,
    segments: u64,
    downloaded: u64,
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
    {
        let mut f = st.found.lock().expect("diff state");
        f.segments += 1;
        if seg.top {
            f.rows_a = na;
            f.rows_b = nb;
        }
    }
    if na == nb && sum(&ra) == sum(&rb) {
        return Ok(());
    }
    let width = (seg.hi as i128) - (seg.lo as i128);
    if na.max(nb) < opt.threshold || width <= i128::from(opt.factor) {
        return rows(ca, cb, pa, pb, st, seg).await;
    }
    let parts = i128::from(opt.factor.max(2));
    let mut q = st.queue.lock().expect("diff state");
    for i in 0..parts {
        let lo = seg.lo as i128 + width * i / parts;
        let hi = seg.lo as i128 + width * (i + 1) / parts;
        if hi > lo {
            q.push_back(Segment {
                lo: lo as i64,
                hi: hi as i64,
                top: false,
            });
        }
    }
    Ok(())
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
    let map = |rows: &[Vec<Option<String>>]| -> BTreeMap<i64, String> {
        rows.iter()
            .filter_map(|r| {
                let k = r.first()?.as_deref()?.parse().ok()?;
                Some((k, r.get(1).cloned().flatten().unwrap_or_default()))
            })
            .collect()
    };
    let (ma, mb) = (map(&ra), map(&rb));
    let mut f = st.found.lock().expect("diff state");
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
    keys: &[i64],
) -> Result<BTreeMap<i64, Vec<(String, String, String)>>, DiffError> {
    if keys.is_empty() {
        return Ok(BTreeMap::new());
    }
    let list = keys
        .iter()
        .map(i64::to_string)
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
    let by_key = |rows: Vec<Vec<Option<String>>>| -> BTreeMap<i64, Vec<String>> {
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
            .map(|(c, (x, y))| (c.clone(), x.clone(), y.clone()))
            .collect();
        out.insert(*k, cols);
    }
    Ok(out)
}
