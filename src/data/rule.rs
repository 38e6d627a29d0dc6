//! What a data check declares about a table: its rules, each a quality dimension, a way to
//! find the failing rows, and the Nagios ranges its failing count is judged by.

use std::fmt;
use std::time::Duration;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::checkdigit;
use super::dialect::Dialect;
use crate::core::threshold::Range;

/// The five data-quality dimensions of the province's standard (数据质量评价指标).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dimension {
    /// 完整性: values present.
    #[serde(rename = "完整性", alias = "completeness")]
    Completeness,
    /// 有效性: values well formed and in range.
    #[serde(rename = "有效性", alias = "validity")]
    Validity,
    /// 一致性: values agree with another table.
    #[serde(rename = "一致性", alias = "consistency")]
    Consistency,
    /// 唯一性: keys not repeated.
    #[serde(rename = "唯一性", alias = "uniqueness")]
    Uniqueness,
    /// 及时性: data arrives on time.
    #[serde(rename = "及时性", alias = "timeliness")]
    Timeliness,
}

impl Dimension {
    /// All five, in the order reports list them.
    pub const ALL: [Dimension; 5] = [
        Dimension::Completeness,
        Dimension::Validity,
        Dimension::Consistency,
        Dimension::Uniqueness,
        Dimension::Timeliness,
    ];

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Dimension::Completeness => "完整性",
            Dimension::Validity => "有效性",
            Dimension::Consistency => "一致性",
            Dimension::Uniqueness => "唯一性",
            Dimension::Timeliness => "及时性",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Dimension::Completeness => "completeness",
            Dimension::Validity => "validity",
            Dimension::Consistency => "consistency",
            Dimension::Uniqueness => "uniqueness",
            Dimension::Timeliness => "timeliness",
        }
    }
}

/// One column or several: `uscc` or `[org_code, batch]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns(pub Vec<String>);

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Columns, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Columns;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a column name or a list of column names")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Columns, E> {
                Ok(Columns(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Columns, A::Error> {
                let mut out = Vec::new();
                while let Some(c) = seq.next_element::<String>()? {
                    out.push(c);
                }
                if out.is_empty() {
                    return Err(de::Error::custom("the list of columns is empty"));
                }
                Ok(Columns(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A rule as written in a check file: exactly one of the kinds, with optional name,
/// dimension and ranges.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// The rule's name in reports; derived from its kind and columns when unset.
    pub name: Option<String>,
    /// The dimension it counts towards; each kind has its own default.
    pub dimension: Option<Dimension>,
    /// WARN when the failing count is outside this range (default `0`: any failing row).
    pub warn: Option<Range>,
    /// CRIT likewise.
    pub crit: Option<Range>,
    /// Every column holds a value (完整性).
    pub not_null: Option<Columns>,
    /// Every column holds a value that is not blank (完整性).
    pub not_blank: Option<Columns>,
    /// No two rows share these columns' values (唯一性); several columns make one key.
    pub unique: Option<Columns>,
    /// 统一社会信用代码 with a correct check character (GB 32100).
    pub uscc: Option<Columns>,
    /// 居民身份证号码 with a plausible birth date and correct check character (GB 11643).
    pub id_card: Option<Columns>,
    /// Mainland mobile numbers (11 digits, 13x–19x).
    pub mobile: Option<Columns>,
    /// Dates written as text: `YYYY-MM-DD` or `YYYYMMDD`, month and day in range.
    pub date: Option<Columns>,
    /// Values matching a regular expression (the database's own dialect).
    pub pattern: Option<PatternRule>,
    /// Numbers within bounds.
    pub range: Option<RangeRule>,
    /// Values from a list.
    pub values: Option<ValuesRule>,
    /// Values present in another table's key (一致性).
    pub references: Option<ReferenceRule>,
    /// Numbers within `sigma` standard deviations of the column's mean (有效性).
    pub outliers: Option<OutlierRule>,
    /// The newest row is recent enough: the sync task is alive (及时性).
    pub fresh: Option<FreshRule>,
}

/// `pattern: { column, regex }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternRule {
    /// The column.
    pub column: String,
    /// The regular expression a value must match.
    pub regex: String,
}

/// `range: { column, min, max }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeRule {
    /// The column.
    pub column: String,
    /// Smallest valid value.
    pub min: Option<f64>,
    /// Largest valid value.
    pub max: Option<f64>,
}

/// `values: { column, in: [...] }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValuesRule {
    /// The column.
    pub column: String,
    /// The allowed values, compared as text.
    #[serde(rename = "in")]
    pub allowed: Vec<String>,
}

/// `references: { column, table, key }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRule {
    /// The column of this table.
    pub column: String,
    /// The other table (same database).
    pub table: String,
    /// Its column the values must appear in.
    pub key: String,
}

/// `outliers: { column, sigma }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlierRule {
    /// The numeric column.
    pub column: String,
    /// How many standard deviations from the mean is an outlier (default 3).
    #[serde(default = "three")]
    pub sigma: f64,
}

fn three() -> f64 {
    3.0
}

/// `fresh: { column, warn_age, max_age }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreshRule {
    /// The timestamp column a sync task writes.
    pub column: String,
    /// WARN when the newest row is older than this.
    #[serde(default, with = "crate::core::duration::opt")]
    pub warn_age: Option<Duration>,
    /// CRIT when the newest row is older than this.
    #[serde(with = "crate::core::duration::required")]
    pub max_age: Duration,
}

/// A rule ready to run: what it checks and how its failing rows are found.
#[derive(Debug)]
pub struct Rule {
    /// Name in reports.
    pub name: String,
    /// Dimension.
    pub dimension: Dimension,
    /// WARN range on the failing count.
    pub warn: Option<Range>,
    /// CRIT range on the failing count.
    pub crit: Option<Range>,
    /// What it checks.
    pub test: Test,
}

/// What a rule checks.
#[derive(Debug)]
pub enum Test {
    /// A per-row predicate on one column, counted in the table's single pass: the failing rows
    /// are those where the column is not NULL and the predicate is false (NULL is judged by
    /// not_null), except for `Missing`.
    Column {
        /// The column.
        column: String,
        /// The kind of test.
        check: ColumnCheck,
    },
    /// Repeated keys: a GROUP BY of its own.
    Unique(Vec<String>),
    /// Values without a row in another table: a query of its own.
    References(ReferenceRule),
    /// Values far from the mean: a query after the pass, which gives mean and deviation.
    Outliers(OutlierRule),
    /// The age of the newest row, from the pass.
    Fresh(FreshRule),
}

/// A test of one column's values.
#[derive(Debug, Clone)]
pub enum ColumnCheck {
    /// NULL fails.
    NotNull,
    /// NULL or blank fails.
    NotBlank,
    /// A credit code.
    Uscc,
    /// An ID number.
    IdCard,
    /// A mobile number.
    Mobile,
    /// A date as text.
    Date,
    /// A regular expression.
    Pattern(String),
    /// Bounds.
    Range(Option<f64>, Option<f64>),
    /// A list.
    Values(Vec<String>),
}

impl ColumnCheck {
    /// The SQL condition true for a failing row, given the column's quoted name.
    pub fn failing_sql(&self, d: Dialect, col: &str) -> String {
        let text = d.text(col);
        let valid = match self {
            ColumnCheck::NotNull => return format!("{col} IS NULL"),
            // Full-width spaces (U+3000) are as blank as ASCII ones.
            ColumnCheck::NotBlank => {
                return format!(
                    "({col} IS NULL OR TRIM(REPLACE({text}, {}, ' ')) = '')",
                    d.literal("\u{3000}")
                );
            }
            ColumnCheck::Uscc => checkdigit::uscc_sql(d, &text),
            ColumnCheck::IdCard => checkdigit::id_card_sql(d, &text),
            ColumnCheck::Mobile => d.matches(&text, "^1[3-9][0-9]{9}$"),
            ColumnCheck::Date => d.matches(
                &text,
                "^(19|20)[0-9]{2}-?(0[1-9]|1[0-2])-?(0[1-9]|[12][0-9]|3[01])( [0-2][0-9]:[0-5][0-9](:[0-5][0-9])?)?$",
            ),
            ColumnCheck::Pattern(re) => d.matches(&text, re),
            ColumnCheck::Range(min, max) => {
                let mut parts = Vec::new();
                if let Some(m) = min {
                    parts.push(format!("{col} >= {m}"));
                }
                if let Some(m) = max {
                    parts.push(format!("{col} <= {m}"));
                }
                if parts.is_empty() {
                    "1 = 1".into()
                } else {
                    parts.join(" AND ")
                }
            }
            ColumnCheck::Values(list) => format!(
                "{text} IN ({})",
                list.iter()
                    .map(|v| d.literal(v))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        format!("({col} IS NOT NULL AND NOT ({valid}))")
    }

    fn word(&self) -> &'static str {
        match self {
            ColumnCheck::NotNull => "非空",
            ColumnCheck::NotBlank => "非空白",
            ColumnCheck::Uscc => "统一社会信用代码校验",
            ColumnCheck::IdCard => "身份证号校验",
            ColumnCheck::Mobile => "手机号格式",
            ColumnCheck::Date => "日期格式",
            ColumnCheck::Pattern(_) => "格式",
            ColumnCheck::Range(..) => "取值范围",
            ColumnCheck::Values(_) => "取值枚举",
        }
    }

    fn dimension(&self) -> Dimension {
        match self {
            ColumnCheck::NotNull | ColumnCheck::NotBlank => Dimension::Completeness,
            _ => Dimension::Validity,
        }
    }
}

impl RuleSpec {
    /// The rules this entry stands for (one per column for per-column kinds), or what is wrong.
    pub fn rules(self) -> Result<Vec<Rule>, String> {
        let RuleSpec {
            name,
            dimension,
            warn,
            crit,
            not_null,
            not_blank,
            unique,
            uscc,
            id_card,
            mobile,
            date,
            pattern,
            range,
            values,
            references,
            outliers,
            fresh,
        } = self;
        let mut tests: Vec<(String, Dimension, Test)> = Vec::new();
        let mut kinds = 0;
        let mut per_column = |cols: Option<Columns>, check: ColumnCheck| {
            if let Some(Columns(cols)) = cols {
                kinds += 1;
                for c in cols {
                    tests.push((
                        format!("{}:{c}", check.word()),
                        check.dimension(),
                        Test::Column {
                            column: c,
                            check: check.clone(),
                        },
                    ));
                }
            }
        };
        per_column(not_null, ColumnCheck::NotNull);
        per_column(not_blank, ColumnCheck::NotBlank);
        per_column(uscc, ColumnCheck::Uscc);
        per_column(id_card, ColumnCheck::IdCard);
        per_column(mobile, ColumnCheck::Mobile);
        per_column(date, ColumnCheck::Date);
        if let Some(p) = pattern {
            regex_syntax::Parser::new()
                .parse(&p.regex)
                .map_err(|e| format!("invalid regex `{}`: {e}", p.regex))?;
            per_column(Some(Columns(vec![p.column])), ColumnCheck::Pattern(p.regex));
        }
        if let Some(r) = range {
            if r.min.is_none() && r.max.is_none() {
                return Err(format!(
                    "range on `{}` has neither `min` nor `max`",
                    r.column
                ));
            }
            per_column(
                Some(Columns(vec![r.column])),
                ColumnCheck::Range(r.min, r.max),
            );
        }
        if let Some(v) = values {
            if v.allowed.is_empty() {
                return Err(format!("values on `{}` lists no value", v.column));
            }
            per_column(
                Some(Columns(vec![v.column])),
                ColumnCheck::Values(v.allowed),
            );
        }
        if let Some(Columns(cols)) = unique {
            kinds += 1;
            tests.push((
                format!("唯一:{}", cols.join("+")),
                Dimension::Uniqueness,
                Test::Unique(cols),
            ));
        }
        if let Some(r) = references {
            kinds += 1;
            tests.push((
                format!("引用:{}→{}.{}", r.column, r.table, r.key),
                Dimension::Consistency,
                Test::References(r),
            ));
        }
        if let Some(o) = outliers {
            kinds += 1;
            if o.sigma.is_nan() || o.sigma <= 0.0 {
                return Err(format!("outliers on `{}`: sigma must be above 0", o.column));
            }
            tests.push((
                format!("离群值:{}", o.column),
                Dimension::Validity,
                Test::Outliers(o),
            ));
        }
        if let Some(f) = fresh {
            kinds += 1;
            tests.push((
                format!("时效:{}", f.column),
                Dimension::Timeliness,
                Test::Fresh(f),
            ));
        }
        match kinds {
            0 => return Err(format!("a rule needs one of: {}", KINDS.join(", "))),
            1 => {}
            _ => {
                return Err(
                    "a rule has one kind; write each kind as its own entry of `rules`".into(),
                );
            }
        }
        if name.is_some() && tests.len() > 1 {
            return Err(
                "a rule with a `name` names one column; list the others as rules of their own"
                    .into(),
            );
        }
        Ok(tests
            .into_iter()
            .map(|(auto, dim, test)| Rule {
                name: name.clone().unwrap_or(auto),
                dimension: dimension.unwrap_or(dim),
                warn: warn.clone(),
                crit: crit.clone(),
                test,
            })
            .collect())
    }
}

/// Every rule kind, for messages.
pub const KINDS: &[&str] = &[
    "not_null",
    "not_blank",
    "unique",
    "uscc",
    "id_card",
    "mobile",
    "date",
    "pattern",
    "range",
    "values",
    "references",
    "outliers",
    "fresh",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_has_exactly_one_kind() {
        assert!(RuleSpec::default().rules().is_err());
        let two = RuleSpec {
            not_null: Some(Columns(vec!["a".into()])),
            mobile: Some(Columns(vec!["b".into()])),
            ..RuleSpec::default()
        };
        assert!(two.rules().unwrap_err().contains("one kind"));
        let many = RuleSpec {
            not_null: Some(Columns(vec!["a".into(), "b".into()])),
            ..RuleSpec::default()
        };
        let rules = many.rules().unwrap();
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[1].name, "非空:b");
        assert_eq!(rules[1].dimension, Dimension::Completeness);
    }

    #[test]
    fn failing_conditions_leave_nulls_to_not_null() {
        let d = Dialect::Postgres;
        let sql = ColumnCheck::Values(vec!["a'b".into()]).failing_sql(d, "\"s\"");
        assert_eq!(
            sql,
            "(\"s\" IS NOT NULL AND NOT (CAST(\"s\" AS TEXT) IN (E'a''b')))"
        );
        assert_eq!(ColumnCheck::NotNull.failing_sql(d, "c"), "c IS NULL");
    }
}
