//! Running a table's rules: one aggregate pass computes the row count, every column's profile
//! and every per-row rule's failing count together; only keys (GROUP BY), references (NOT
//! EXISTS) and outliers (they need the pass's mean) take a query of their own. Tables larger
//! than `full_scan_rows` are sampled on PostgreSQL (TABLESAMPLE) and refused on MySQL, whose
//! dialect has no sampling, unless `scan: full` allows the scan; either way the report says so.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::db::Db;
use super::dialect::{self, Dialect};
use super::mask::{self, Mask};
use super::rule::{ColumnCheck, Columns, Dimension, Rule, RuleSpec, Test};
use crate::core::outcome::Status;
use crate::core::text::Text;
use crate::text;

/// A table's declared checks: the parameters of the `data` probe.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// The base library it belongs to (法人单位基础信息库...), for the data-quality report.
    pub library: Option<String>,
    /// The table, optionally `schema.table`.
    pub table: String,
    /// Columns that identify a row in samples; the first unique index when unset.
    pub key: Option<Columns>,
    /// The rules.
    #[serde(default)]
    pub rules: Vec<RuleEntry>,
    /// Columns profiled beyond those the rules name: a list, or `all`.
    #[serde(default)]
    pub profile: Option<ProfileColumns>,
    /// Tables estimated above this many rows are sampled or refused (default 5,000,000).
    #[serde(default = "full_scan_rows")]
    pub full_scan_rows: u64,
    /// `auto` (default) samples or refuses large tables; `full` scans whatever the size.
    #[serde(default)]
    pub scan: Scan,
    /// Columns holding people's names, masked as `张*` in samples (besides those whose name
    /// says so).
    #[serde(default)]
    pub person_names: Vec<String>,
    /// Failing rows kept per rule (default 3).
    #[serde(default = "three")]
    pub samples: usize,
}

/// Up to this many rows (by the planner's estimate), distinct values are counted exactly.
const EXACT_DISTINCT_ROWS: u64 = 1_000_000;

fn full_scan_rows() -> u64 {
    5_000_000
}

fn three() -> usize {
    3
}

/// Whether large tables may be scanned whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scan {
    /// Sample (PostgreSQL) or refuse (MySQL) above `full_scan_rows`.
    #[default]
    Auto,
    /// Always scan.
    Full,
}

/// `profile: all` or a list of columns.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileColumns {
    /// Every column.
    All,
    /// These.
    Some(Vec<String>),
}

impl<'de> Deserialize<'de> for ProfileColumns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ProfileColumns, D::Error> {
        let Columns(cols) = Columns::deserialize(d)?;
        Ok(if cols.len() == 1 && cols[0] == "all" {
            ProfileColumns::All
        } else {
            ProfileColumns::Some(cols)
        })
    }
}

/// One entry of `rules:`, already turned into the rules it stands for, so that a mistake is
/// reported at the entry's line.
#[derive(Debug)]
pub struct RuleEntry(pub Vec<Rule>);

impl<'de> Deserialize<'de> for RuleEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RuleEntry, D::Error> {
        RuleSpec::deserialize(d)?
            .rules()
            .map(RuleEntry)
            .map_err(de::Error::custom)
    }
}

/// What a run of a table's checks found: kept in the history store beside the outcome.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TableReport {
    /// The base library.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
    /// The table.
    pub table: String,
    /// Rows counted (in the sample, when sampled).
    pub rows: u64,
    /// The planner's estimate, when the table was too large to count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_rows: Option<u64>,
    /// The share of the table read, in percent, when sampled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampled_pct: Option<f64>,
    /// Each rule's result.
    pub rules: Vec<RuleResult>,
    /// Each profiled column.
    pub profile: Vec<ColumnProfile>,
}

/// One rule's result.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RuleResult {
    /// Its name.
    pub name: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// Rows it looked at.
    pub checked: u64,
    /// Rows (or keys, for uniqueness) that failed.
    pub failed: u64,
    /// The judged status; UNKNOWN when it was not run.
    pub status: Status,
    /// What was found or why it did not run.
    pub note: Text,
    /// Failing rows, masked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub samples: Vec<String>,
}

impl RuleResult {
    /// The share of checked rows that passed, 0–100; none when nothing was checked.
    pub fn pass_pct(&self) -> Option<f64> {
        (self.checked > 0 && self.status != Status::Unknown)
            .then(|| 100.0 * (1.0 - self.failed as f64 / self.checked as f64).max(0.0))
    }
}

/// A column's features at one run, for tracing how the data changes.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ColumnProfile {
    /// The column.
    pub column: String,
    /// Its type in the catalog.
    pub data_type: String,
    /// Values present.
    pub count: u64,
    /// NULLs.
    pub nulls: u64,
    /// Blank texts.
    #[serde(default)]
    pub blanks: u64,
    /// Distinct values: counted on tables up to a million rows, the catalog's estimate above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distinct: Option<u64>,
    /// Whether `distinct` is the catalog's estimate rather than a count.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub distinct_estimated: bool,
    /// Smallest value, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// Largest value, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// Mean of a numeric column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    /// Population standard deviation of a numeric column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stddev: Option<f64>,
}

/// Why a table's checks could not run at all.
#[derive(Debug)]
pub enum TableError {
    /// The database failed or refused a statement.
    Db {
        /// What was being done.
        doing: &'static str,
        /// The driver's error.
        error: sqlx::Error,
    },
    /// The table or a column is not there.
    Schema(Text),
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TableError::Db { doing, error } => write!(f, "{doing}: {error}"),
            TableError::Schema(t) => f.write_str(&t.en),
        }
    }
}

fn db(doing: &'static str) -> impl Fn(sqlx::Error) -> TableError {
    move |error| TableError::Db { doing, error }
}

impl TableSpec {
    /// Every rule, in order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().flat_map(|e| e.0.iter())
    }

    /// Runs the checks on an open session.
    pub async fn run(&self, conn: &mut Db) -> Result<TableReport, TableError> {
        let d = conn.dialect();
        let columns: Vec<(String, String)> = conn
            .rows(&d.columns(&self.table))
            .await
            .map_err(db("reading the table's columns"))?
            .into_iter()
            .filter_map(|r| Some((r.first()?.clone()?, r.get(1)?.clone()?)))
            .collect();
        if columns.is_empty() {
            return Err(TableError::Schema(text!(
                "表 {t} 不存在（或当前用户无权查看其列）",
                "table {t} does not exist (or its columns are not visible to this user)",
                t = self.table,
            )));
        }
        let types: BTreeMap<&str, &str> = columns
            .iter()
            .map(|(c, t)| (c.as_str(), t.as_str()))
            .collect();
        self.require_columns(&types)?;
        let indexes: Vec<(bool, Vec<String>)> = conn
            .rows(&d.indexes(&self.table))
            .await
            .map_err(db("reading the table's indexes"))?
            .into_iter()
            .filter_map(|r| {
                let unique = r.first()?.as_deref() == Some("1");
                let cols = r.get(1)?.clone()?;
                Some((unique, cols.split(',').map(str::to_owned).collect()))
            })
            .collect();
        let key: Vec<String> = match &self.key {
            Some(Columns(k)) => k.clone(),
            None => indexes
                .iter()
                .find(|(u, _)| *u)
                .map(|(_, c)| c.clone())
                .unwrap_or_default(),
        };
        let estimate: u64 = conn
            .rows(&d.estimated_rows(&self.table))
            .await
            .map_err(db("reading the table's size estimate"))?
            .first()
            .and_then(|r| r.first().cloned().flatten())
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(0, |v| v.max(0.0) as u64);
        let large = self.scan == Scan::Auto && estimate > self.full_scan_rows;
        let mode = match (large, d) {
            (false, _) => Mode::Full,
            (true, Dialect::Postgres) => Mode::Sampled(
                (100.0 * self.full_scan_rows as f64 / estimate as f64).clamp(0.01, 100.0),
            ),
            (true, Dialect::MySql) => Mode::Refused,
        };
        let cx = Cx {
            d,
            spec: self,
            table: d.ident(&self.table),
            key: &key,
            types: &types,
            indexes: &indexes,
            mode,
            estimate,
        };
        cx.run(conn).await
    }

    fn require_columns(&self, types: &BTreeMap<&str, &str>) -> Result<(), TableError> {
        let mut named: Vec<&str> = Vec::new();
        for r in self.rules() {
            match &r.test {
                Test::Column { column, .. } => named.push(column),
                Test::Unique(cols) => named.extend(cols.iter().map(String::as_str)),
                Test::References(r) => named.push(&r.column),
                Test::Outliers(o) => named.push(&o.column),
                Test::Fresh(f) => named.push(&f.column),
            }
        }
        if let Some(Columns(k)) = &self.key {
            named.extend(k.iter().map(String::as_str));
        }
        if let Some(ProfileColumns::Some(p)) = &self.profile {
            named.extend(p.iter().map(String::as_str));
        }
        for c in named {
            if !types.contains_key(c) {
                let near = crate::core::yaml::did_you_mean(c, types.keys().copied());
                return Err(TableError::Schema(text!(
                    "表 {t} 没有列 {c}{near}；现有列：{all}",
                    "table {t} has no column `{c}`{near_en}; its columns are {all}",
                    t = self.table,
                    c = c,
                    near = near
                        .map(|n| format!("（是否为 {n}？）"))
                        .unwrap_or_default(),
                    near_en = near
                        .map(|n| format!(" (did you mean `{n}`?)"))
                        .unwrap_or_default(),
                    all = types.keys().copied().collect::<Vec<_>>().join(", "),
                )));
            }
        }
        Ok(())
    }
}

/// How much of the table the pass reads.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Full,
    /// This percentage, by TABLESAMPLE SYSTEM.
    Sampled(f64),
    /// Nothing that scans: the table is too large and the dialect cannot sample.
    Refused,
}

struct Cx<'a> {
    d: Dialect,
    spec: &'a TableSpec,
    table: String,
    key: &'a [String],
    types: &'a BTreeMap<&'a str, &'a str>,
    indexes: &'a [(bool, Vec<String>)],
    mode: Mode,
    estimate: u64,
}

/// What kind of aggregate a column of the pass's single row holds.
enum Slot {
    Rows,
    Count(usize),
    Blanks(usize),
    Distinct(usize),
    Min(usize),
    Max(usize),
    Mean(usize),
    Stddev(usize),
    Failing(usize),
    Age(usize),
}

impl Cx<'_> {
    fn from(&self) -> String {
        match self.mode {
            Mode::Sampled(pct) => format!("{} TABLESAMPLE SYSTEM ({pct:.4})", self.table),
            _ => self.table.clone(),
        }
    }

    fn col(&self, c: &str) -> String {
        self.d.ident(c)
    }

    fn is_text(&self, c: &str) -> bool {
        let t = self
            .types
            .get(c)
            .copied()
            .unwrap_or("")
            .to_ascii_lowercase();
        t.contains("char") || t.contains("text")
    }

    fn comparable(&self, c: &str) -> bool {
        let t = self.types.get(c).copied().unwrap_or("");
        self.is_text(c) || dialect::is_numeric(t) || dialect::is_temporal(t)
    }

    /// Whether an index leads with these columns (in any order), so a GROUP BY or lookup on
    /// them need not scan.
    fn indexed(&self, cols: &[String]) -> Option<bool> {
        self.indexes
            .iter()
            .filter(|(_, ic)| {
                ic.len() >= cols.len() && cols.iter().all(|c| ic[..cols.len()].contains(c))
            })
            .map(|(u, ic)| *u && ic.len() == cols.len())
            .max()
    }

    fn profiled(&self) -> Vec<String> {
        let mut cols: Vec<String> = Vec::new();
        let mut add = |c: &str| {
            if !cols.iter().any(|x| x == c) {
                cols.push(c.to_owned());
            }
        };
        match &self.spec.profile {
            Some(ProfileColumns::All) => self.types.keys().for_each(|c| add(c)),
            Some(ProfileColumns::Some(list)) => list.iter().for_each(|c| add(c)),
            None => {}
        }
        for r in self.spec.rules() {
            match &r.test {
                Test::Column { column, .. } => add(column),
                Test::Outliers(o) => add(&o.column),
                Test::Unique(k) => k.iter().for_each(|c| add(c)),
                Test::References(r) => add(&r.column),
                Test::Fresh(f) => add(&f.column),
            }
        }
        cols
    }

    async fn run(&self, conn: &mut Db) -> Result<TableReport, TableError> {
        let mut report = TableReport {
            library: self.spec.library.clone(),
            table: self.spec.table.clone(),
            sampled_pct: match self.mode {
                Mode::Sampled(p) => Some(p),
                _ => None,
            },
            estimated_rows: (self.mode != Mode::Full).then_some(self.estimate),
            ..TableReport::default()
        };
        let profiled = self.profiled();
        let mut results: Vec<Option<RuleResult>> = self.spec.rules().map(|_| None).collect();
        let mut means: BTreeMap<String, (f64, f64)> = BTreeMap::new();
        if self.mode != Mode::Refused {
            let (sql, slots) = self.pass_sql(&profiled);
            let row = conn
                .row(&sql)
                .await
                .map_err(db("the table's profiling pass"))?;
            let num = |i: usize| -> Option<f64> { row.get(i)?.as_deref()?.parse().ok() };
            let mut profiles: Vec<ColumnProfile> = profiled
                .iter()
                .map(|c| ColumnProfile {
                    column: c.clone(),
                    data_type: self.types.get(c.as_str()).copied().unwrap_or("").to_owned(),
                    ..ColumnProfile::default()
                })
                .collect();
            let mut ages: BTreeMap<usize, Option<f64>> = BTreeMap::new();
            let mut failing: BTreeMap<usize, u64> = BTreeMap::new();
            for (i, slot) in slots.iter().enumerate() {
                let n = num(i);
                let u = n.unwrap_or(0.0).max(0.0) as u64;
                match *slot {
                    Slot::Rows => report.rows = u,
                    Slot::Count(c) => profiles[c].count = u,
                    Slot::Blanks(c) => profiles[c].blanks = u,
                    Slot::Distinct(c) => profiles[c].distinct = Some(u),
                    Slot::Min(c) => profiles[c].min = row[i].clone(),
                    Slot::Max(c) => profiles[c].max = row[i].clone(),
                    Slot::Mean(c) => profiles[c].mean = n,
                    Slot::Stddev(c) => profiles[c].stddev = n,
                    Slot::Failing(r) => {
                        failing.insert(r, u);
                    }
                    Slot::Age(r) => {
                        ages.insert(r, n);
                    }
                }
            }
            for p in &mut profiles {
                p.nulls = report.rows.saturating_sub(p.count);
                // The smallest and largest text may be a person's name or number.
                if self.is_text(&p.column) {
                    let how = self.mask_of(&p.column);
                    p.min = p.min.take().map(|v| mask::mask(&v, how));
                    p.max = p.max.take().map(|v| mask::mask(&v, how));
                }
                if let (Some(m), Some(s)) = (p.mean, p.stddev) {
                    means.insert(p.column.clone(), (m, s));
                }
            }
            if self.estimate > EXACT_DISTINCT_ROWS || self.mode != Mode::Full {
                let estimates = self.distinct_estimates(conn, report.rows).await;
                for p in &mut profiles {
                    if let Some(n) = estimates.get(&p.column) {
                        p.distinct = Some(*n);
                        p.distinct_estimated = true;
                    }
                }
            }
            report.profile = profiles;
            for (r, rule) in self.spec.rules().enumerate() {
                if let Some(&failed) = failing.get(&r) {
                    let Test::Column { column, check } = &rule.test else {
                        continue;
                    };
                    let checked = match check {
                        ColumnCheck::NotNull | ColumnCheck::NotBlank => report.rows,
                        _ => report
                            .profile
                            .iter()
                            .find(|p| &p.column == column)
                            .map_or(0, |p| p.count),
                    };
                    let samples = if failed > 0 {
                        self.samples(
                            conn,
                            &check.failing_sql(self.d, &self.col(column)),
                            &[column],
                        )
                        .await?
                    } else {
                        Vec::new()
                    };
                    results[r] = Some(judged(
                        rule,
                        self.scaled(checked),
                        self.scaled(failed),
                        samples,
                        self.sample_note(),
                    ));
                }
                if let Some(age) = ages.get(&r) {
                    let Test::Fresh(f) = &rule.test else { continue };
                    results[r] = Some(fresh(rule, f, *age));
                }
            }
        }
        for (r, rule) in self.spec.rules().enumerate() {
            if results[r].is_some() {
                continue;
            }
            results[r] = Some(match &rule.test {
                Test::Unique(cols) => self.unique(conn, rule, cols).await?,
                Test::References(re) => self.references(conn, rule, re).await?,
                Test::Outliers(o) => self.outliers(conn, rule, o, means.get(&o.column)).await?,
                Test::Fresh(f) => self.fresh_indexed(conn, rule, f).await?,
                Test::Column { .. } => refused(rule, self.refusal()),
            });
        }
        report.rules = results.into_iter().flatten().collect();
        Ok(report)
    }

    /// The single aggregate statement and what each of its columns holds.
    fn pass_sql(&self, profiled: &[String]) -> (String, Vec<Slot>) {
        let d = self.d;
        let mut exprs = vec!["COUNT(*)".to_owned()];
        let mut slots = vec![Slot::Rows];
        for (i, c) in profiled.iter().enumerate() {
            let q = self.col(c);
            let t = self.types.get(c.as_str()).copied().unwrap_or("");
            exprs.push(format!("COUNT({q})"));
            slots.push(Slot::Count(i));
            if self.is_text(c) {
                exprs.push(format!(
                    "SUM(CASE WHEN {q} IS NOT NULL AND TRIM({q}) = '' THEN 1 ELSE 0 END)"
                ));
                slots.push(Slot::Blanks(i));
            }
            // COUNT(DISTINCT) sorts every value: the costliest part of the pass, paid only
            // where it is cheap; larger tables take the catalog's estimate.
            if self.comparable(c) && self.mode == Mode::Full && self.estimate <= EXACT_DISTINCT_ROWS
            {
                exprs.push(format!("COUNT(DISTINCT {q})"));
                slots.push(Slot::Distinct(i));
            }
            if self.comparable(c) {
                exprs.push(d.text(&format!("MIN({q})")));
                slots.push(Slot::Min(i));
                exprs.push(d.text(&format!("MAX({q})")));
                slots.push(Slot::Max(i));
            }
            if dialect::is_numeric(t) {
                exprs.push(d.text(&format!("AVG({q})")));
                slots.push(Slot::Mean(i));
                exprs.push(d.text(&format!("STDDEV_POP({q})")));
                slots.push(Slot::Stddev(i));
            }
        }
        for (r, rule) in self.spec.rules().enumerate() {
            match &rule.test {
                Test::Column { column, check } => {
                    exprs.push(format!(
                        "SUM(CASE WHEN {} THEN 1 ELSE 0 END)",
                        check.failing_sql(d, &self.col(column))
                    ));
                    slots.push(Slot::Failing(r));
                }
                // The newest row of a sample says nothing of the table's.
                Test::Fresh(f) if self.mode == Mode::Full => {
                    exprs.push(d.text(&d.age_seconds(&format!("MAX({})", self.col(&f.column)))));
                    slots.push(Slot::Age(r));
                }
                _ => {}
            }
        }
        (
            format!("SELECT {} FROM {}", exprs.join(", "), self.from()),
            slots,
        )
    }

    /// A count from the sample, as the whole table's estimate; a whole-table count as it is.
    fn scaled(&self, n: u64) -> u64 {
        match self.mode {
            Mode::Sampled(p) if p > 0.0 => (n as f64 * 100.0 / p).round() as u64,
            _ => n,
        }
    }

    fn sample_note(&self) -> Text {
        match self.mode {
            Mode::Sampled(p) => text!(
                "抽样 {p:.2}% 按比例估算（表约 {n} 行，超过全表扫描上限 {lim} 行）",
                "estimated from a {p:.2}% sample (about {n} rows, over the full-scan limit of {lim})",
                p = p,
                n = self.estimate,
                lim = self.spec.full_scan_rows,
            ),
            _ => Text::default(),
        }
    }

    fn refusal(&self) -> Text {
        if let Mode::Sampled(_) = self.mode {
            return text!(
                "未执行：表约 {n} 行，超过全表扫描上限 {lim} 行，此规则须读全表、不能抽样；如确需执行请设置 scan: full",
                "not run: the table has about {n} rows, over the full-scan limit of {lim}, and this rule needs the whole table, not a sample; set `scan: full` to run it",
                n = self.estimate,
                lim = self.spec.full_scan_rows,
            );
        }
        text!(
            "未执行：表约 {n} 行，超过全表扫描上限 {lim} 行，且 {db} 不支持抽样；如确需全表扫描请设置 scan: full，或提高 full_scan_rows",
            "not run: the table has about {n} rows, over the full-scan limit of {lim}, and {db} cannot sample; set `scan: full` to allow the scan, or raise `full_scan_rows`",
            n = self.estimate,
            lim = self.spec.full_scan_rows,
            db = self.d.name(),
        )
    }

    /// The catalog's estimate of each column's distinct values (PostgreSQL's `pg_stats`, a
    /// negative n_distinct being a share of the rows; MySQL's index cardinality for columns
    /// that lead an index). None when the catalog has none: the table was never analysed.
    async fn distinct_estimates(&self, conn: &mut Db, rows: u64) -> BTreeMap<String, u64> {
        let rows = self.estimate.max(rows) as f64;
        conn.rows(&self.d.distinct_estimates(&self.spec.table))
            .await
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| {
                let col = r.first()?.clone()?;
                let n: f64 = r.get(1)?.as_deref()?.parse().ok()?;
                let n = if n < 0.0 { -n * rows } else { n };
                Some((col, n.round() as u64))
            })
            .collect()
    }

    /// Up to `samples` failing rows: their key and the named columns, masked.
    async fn samples(
        &self,
        conn: &mut Db,
        failing: &str,
        columns: &[&String],
    ) -> Result<Vec<String>, TableError> {
        let shown: Vec<&str> = self
            .key
            .iter()
            .map(String::as_str)
            .chain(columns.iter().map(|c| c.as_str()))
            .fold(Vec::new(), |mut acc, c| {
                if !acc.contains(&c) {
                    acc.push(c);
                }
                acc
            });
        let sql = format!(
            "SELECT {} FROM {} WHERE {failing} LIMIT {}",
            shown
                .iter()
                .map(|c| self.d.text(&self.col(c)))
                .collect::<Vec<_>>()
                .join(", "),
            self.from(),
            self.spec.samples
        );
        let rows = conn.rows(&sql).await.map_err(db("reading failing rows"))?;
        Ok(rows.iter().map(|r| self.sample_line(&shown, r)).collect())
    }

    /// How a column's values are masked wherever they are shown or kept.
    fn mask_of(&self, column: &str) -> Mask {
        if self.spec.person_names.iter().any(|p| p == column) || mask::is_person_name_column(column)
        {
            Mask::Name
        } else {
            Mask::Auto
        }
    }

    fn sample_line(&self, names: &[&str], cells: &[Option<String>]) -> String {
        names
            .iter()
            .zip(cells)
            .map(|(n, v)| {
                let how = self.mask_of(n);
                match v {
                    Some(v) => format!("{n}={}", mask::mask(v, how)),
                    None => format!("{n}=NULL"),
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    async fn unique(
        &self,
        conn: &mut Db,
        rule: &Rule,
        cols: &[String],
    ) -> Result<RuleResult, TableError> {
        let indexed = self.indexed(cols);
        if indexed == Some(true) {
            return Ok(RuleResult {
                name: rule.name.clone(),
                dimension: rule.dimension,
                checked: 0,
                failed: 0,
                status: Status::Ok,
                note: text!(
                    "由唯一索引保证，无需查询",
                    "guaranteed by a unique index; not queried"
                ),
                samples: Vec::new(),
            });
        }
        if self.mode != Mode::Full && indexed.is_none() {
            return Ok(refused(rule, self.refusal_without_index(cols)));
        }
        let quoted: Vec<String> = cols.iter().map(|c| self.col(c)).collect();
        let present = quoted
            .iter()
            .map(|c| format!("{c} IS NOT NULL"))
            .collect::<Vec<_>>()
            .join(" AND ");
        let keys = quoted.join(", ");
        let row = conn
            .row(&format!(
                "SELECT (SELECT COUNT(*) FROM {t} WHERE {present}), COUNT(*), COALESCE(SUM(n), 0) FROM \
                 (SELECT COUNT(*) AS n FROM {t} WHERE {present} GROUP BY {keys} HAVING COUNT(*) > 1) dup",
                t = self.table
            ))
            .await
            .map_err(db("counting duplicate keys"))?;
        let (checked, groups, involved) = (count(&row, 0), count(&row, 1), count(&row, 2));
        let mut samples = Vec::new();
        if groups > 0 {
            let rows = conn
                .rows(&format!(
                    "SELECT {}, {} FROM {} WHERE {present} GROUP BY {keys} HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT {}",
                    quoted
                        .iter()
                        .map(|c| self.d.text(c))
                        .collect::<Vec<_>>()
                        .join(", "),
                    self.d.text("COUNT(*)"),
                    self.table,
                    self.spec.samples
                ))
                .await
                .map_err(db("reading duplicate keys"))?;
            let names: Vec<&str> = cols.iter().map(String::as_str).collect();
            samples = rows
                .iter()
                .map(|r| {
                    format!(
                        "{} ×{}",
                        self.sample_line(&names, &r[..names.len()]),
                        r.last().cloned().flatten().unwrap_or_default()
                    )
                })
                .collect();
        }
        let mut result = judged(rule, checked, groups, samples, Text::default());
        if groups > 0 {
            result.note = text!(
                "{g} 个键重复，涉及 {rows} 行",
                "{g} key(s) repeated over {rows} rows",
                g = groups,
                rows = involved,
            );
        }
        Ok(result)
    }

    fn refusal_without_index(&self, cols: &[String]) -> Text {
        text!(
            "未执行：表约 {n} 行，超过全表扫描上限 {lim} 行，且 ({cols}) 上没有索引；请建索引，或设置 scan: full",
            "not run: the table has about {n} rows, over the full-scan limit of {lim}, and no index leads with ({cols}); add one, or set `scan: full`",
            n = self.estimate,
            lim = self.spec.full_scan_rows,
            cols = cols.join(", "),
        )
    }

    async fn references(
        &self,
        conn: &mut Db,
        rule: &Rule,
        re: &super::rule::ReferenceRule,
    ) -> Result<RuleResult, TableError> {
        if self.mode != Mode::Full {
            return Ok(refused(rule, self.refusal()));
        }
        let c = self.col(&re.column);
        let failing = format!(
            "{c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {} ref WHERE ref.{} = {}.{c})",
            self.d.ident(&re.table),
            self.col(&re.key),
            self.d.ident(
                self.spec
                    .table
                    .rsplit('.')
                    .next()
                    .unwrap_or(&self.spec.table)
            ),
        );
        let (checked, failed, samples) = self
            .count_failing(conn, &re.column, &failing, "checking references")
            .await?;
        Ok(judged(rule, checked, failed, samples, Text::default()))
    }

    /// A column's values and those failing a condition, in a statement of its own over what
    /// the pass reads, with samples when some fail.
    async fn count_failing(
        &self,
        conn: &mut Db,
        column: &String,
        failing: &str,
        doing: &'static str,
    ) -> Result<(u64, u64, Vec<String>), TableError> {
        let row = conn
            .row(&format!(
                "SELECT COUNT({}), SUM(CASE WHEN {failing} THEN 1 ELSE 0 END) FROM {}",
                self.col(column),
                self.from()
            ))
            .await
            .map_err(db(doing))?;
        let (checked, failed) = (count(&row, 0), count(&row, 1));
        let samples = if failed > 0 {
            self.samples(conn, failing, &[column]).await?
        } else {
            Vec::new()
        };
        Ok((checked, failed, samples))
    }

    async fn outliers(
        &self,
        conn: &mut Db,
        rule: &Rule,
        o: &super::rule::OutlierRule,
        stats: Option<&(f64, f64)>,
    ) -> Result<RuleResult, TableError> {
        let Some(&(mean, sd)) = stats else {
            return Ok(refused(
                rule,
                if self.mode == Mode::Refused {
                    self.refusal()
                } else {
                    text!(
                        "列 {c} 不是数值列，或没有值",
                        "column {c} is not numeric, or holds no value",
                        c = o.column,
                    )
                },
            ));
        };
        let c = self.col(&o.column);
        let failing = format!("{c} IS NOT NULL AND ABS({c} - ({mean})) > {}", o.sigma * sd);
        let (checked, failed, samples) = self
            .count_failing(conn, &o.column, &failing, "counting outliers")
            .await?;
        let mut r = judged(
            rule,
            self.scaled(checked),
            self.scaled(failed),
            samples,
            self.sample_note(),
        );
        let band = text!(
            "均值 {mean:.2} ± {k}×{sd:.2}",
            "mean {mean:.2} ± {k}×{sd:.2}",
            mean = mean,
            k = o.sigma,
            sd = sd,
        );
        r.note = if r.note.is_empty() {
            band
        } else {
            Text::join(&[r.note, band], "；", "; ")
        };
        Ok(r)
    }

    /// Freshness of a large table: MAX over an index reads one entry; without one it would scan.
    async fn fresh_indexed(
        &self,
        conn: &mut Db,
        rule: &Rule,
        f: &super::rule::FreshRule,
    ) -> Result<RuleResult, TableError> {
        if self.indexed(std::slice::from_ref(&f.column)).is_none() {
            return Ok(refused(
                rule,
                self.refusal_without_index(std::slice::from_ref(&f.column)),
            ));
        }
        let row = conn
            .row(&format!(
                "SELECT {} FROM {}",
                self.d
                    .text(&self.d.age_seconds(&format!("MAX({})", self.col(&f.column)))),
                self.table
            ))
            .await
            .map_err(db("reading the newest row"))?;
        let age = row.first().cloned().flatten().and_then(|v| v.parse().ok());
        Ok(fresh(rule, f, age))
    }
}

/// A count in a row of text cells (SUM answers a decimal on MySQL); 0 for NULL.
fn count(row: &[Option<String>], i: usize) -> u64 {
    row.get(i)
        .and_then(|v| v.as_deref()?.parse::<f64>().ok())
        .map_or(0, |v| v.max(0.0) as u64)
}

/// A rule's result judged by its ranges on the failing count (default: WARN on any).
fn judged(rule: &Rule, checked: u64, failed: u64, samples: Vec<String>, note: Text) -> RuleResult {
    let default_warn: crate::core::threshold::Range = "0".parse().expect("literal range");
    let crit = rule.crit.as_ref().is_some_and(|c| c.alerts(failed as f64));
    let warn = rule
        .warn
        .as_ref()
        .unwrap_or(&default_warn)
        .alerts(failed as f64);
    let status = if crit {
        Status::Crit
    } else if warn {
        Status::Warn
    } else {
        Status::Ok
    };
    RuleResult {
        name: rule.name.clone(),
        dimension: rule.dimension,
        checked,
        failed,
        status,
        note,
        samples,
    }
}

fn refused(rule: &Rule, why: Text) -> RuleResult {
    RuleResult {
        name: rule.name.clone(),
        dimension: rule.dimension,
        checked: 0,
        failed: 0,
        status: Status::Unknown,
        note: why,
        samples: Vec::new(),
    }
}

fn fresh(rule: &Rule, f: &super::rule::FreshRule, age: Option<f64>) -> RuleResult {
    let Some(age) = age else {
        return RuleResult {
            name: rule.name.clone(),
            dimension: rule.dimension,
            checked: 1,
            failed: 1,
            status: Status::Crit,
            note: text!(
                "列 {c} 没有任何时间值：同步任务从未写入",
                "column {c} holds no timestamp: the sync task never wrote",
                c = f.column,
            ),
            samples: Vec::new(),
        };
    };
    let age_secs = age.max(0.0);
    let d = std::time::Duration::from_secs_f64(age_secs);
    let status = if d > f.max_age {
        Status::Crit
    } else if f.warn_age.is_some_and(|w| d > w) {
        Status::Warn
    } else {
        Status::Ok
    };
    RuleResult {
        name: rule.name.clone(),
        dimension: rule.dimension,
        checked: 1,
        failed: u64::from(status != Status::Ok),
        status,
        note: text!(
            "最新数据距今 {age}（上限 {max}）",
            "newest row is {age} old (limit {max})",
            age = crate::core::text::duration(std::time::Duration::from_secs(age_secs as u64)),
            max = crate::core::text::duration(f.max_age),
        ),
        samples: Vec::new(),
    }
}
