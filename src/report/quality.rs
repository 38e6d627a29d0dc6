//! 数据质量月报 and the 数据质量 section of the monthly O&M report, from the data checks'
//! details in the history store: pass rates per base library and quality dimension against the
//! month before, the worst rules with their masked samples, the province's return flow (回流)
//! and the exchange reconciliation (对账).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::outcome::Status;
use crate::core::period::Span;
use crate::data::manifest::{FlowReport, State};
use crate::data::rule::Dimension;
use crate::data::table::TableReport;
use crate::store::{DetailedOutcome, Store, StoreError};

/// The figures of a period, against the period before.
#[derive(Clone, Debug, Default, Serialize)]
pub struct QualitySection {
    /// Whether any data check ran in the period.
    pub any: bool,
    /// Table checks counted.
    pub runs: usize,
    /// Tables checked.
    pub tables: usize,
    /// Rules judged in the latest run of each table.
    pub rules: usize,
    /// Of those, rules that passed.
    pub rules_passed: usize,
    /// Overall pass rate of checked rows, `99.82%`.
    pub overall: String,
    /// The same last period.
    pub overall_prev: String,
    /// `↑ 0.31 个百分点`, `持平`, or `-`.
    pub overall_change: String,
    /// Dimension names, the columns of `libraries`.
    pub dimensions: Vec<&'static str>,
    /// Per library: pass rate per dimension and overall.
    pub libraries: Vec<LibraryRow>,
    /// Per dimension: rows checked, failed, pass rate, last period's, change.
    pub by_dimension: Vec<DimensionRow>,
    /// The rules with the highest failing share in each table's latest run (at most 10).
    pub worst: Vec<WorstRow>,
    /// Per return-flow check, its latest result.
    pub flow: Vec<FlowRow>,
    /// Per reconciliation check, its latest result.
    pub reconciliation: Vec<ReconRow>,
    /// One paragraph for the overview.
    pub text: String,
    /// What to do about what was found, one line each.
    pub advice: Vec<String>,
}

/// The 数据质量月报 of a month.
#[derive(Clone, Debug, Serialize)]
pub struct QualityReport {
    /// The document title.
    pub title: String,
    /// The month, `2026年11月`.
    pub period: String,
    /// Its first and last day.
    pub days: String,
    /// The month before, for the trend columns.
    pub previous: String,
    /// When it was made.
    pub generated: String,
    /// The figures.
    pub quality: QualitySection,
}

/// Builds the 数据质量月报 of `period` from the store, counting nothing after `as_of`.
pub async fn report(
    store: &Store,
    settings: &crate::settings::Settings,
    period: crate::core::period::Period,
    as_of: i64,
    now: i64,
) -> Result<QualityReport, StoreError> {
    let tz = settings.timezone;
    let span = period.span(tz);
    let cut = Span {
        from: span.from,
        to: span.to.min(as_of.max(span.from)),
    };
    let quality = section(store, cut, period.previous().span(tz)).await?;
    let unit = settings
        .reports
        .title
        .clone()
        .unwrap_or_else(|| settings.node.clone());
    Ok(QualityReport {
        title: format!("{unit}数据质量月报（{}）", period.zh()),
        period: period.zh(),
        days: format!(
            "{} 至 {}",
            period.first,
            period.end.pred_opt().unwrap_or(period.end)
        ),
        previous: period.previous().zh(),
        generated: crate::core::clock::local_time(now, tz, "%Y-%m-%d %H:%M"),
        quality,
    })
}

/// One base library.
#[derive(Clone, Debug, Serialize)]
pub struct LibraryRow {
    /// 法人单位基础信息库...
    pub library: String,
    /// Tables checked.
    pub tables: usize,
    /// Per dimension (in `dimensions` order): `99.90%` or `-`.
    pub cells: Vec<String>,
    /// All dimensions together.
    pub overall: String,
    /// Last period's overall.
    pub previous: String,
}

/// One dimension.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionRow {
    /// 完整性...
    pub dimension: &'static str,
    /// Rows checked.
    pub checked: u64,
    /// Rows failed.
    pub failed: u64,
    /// Pass rate.
    pub pass: String,
    /// Last period's.
    pub previous: String,
    /// Change in percentage points.
    pub change: String,
}

/// A rule among the worst.
#[derive(Clone, Debug, Serialize)]
pub struct WorstRow {
    /// Library.
    pub library: String,
    /// Table.
    pub table: String,
    /// Rule name.
    pub rule: String,
    /// Dimension.
    pub dimension: &'static str,
    /// `12/3000`.
    pub failed: String,
    /// Failing share, `0.40%`.
    pub share: String,
    /// Masked failing rows, joined.
    pub samples: String,
}

/// A return-flow check's latest result.
#[derive(Clone, Debug, Serialize)]
pub struct FlowRow {
    /// Check title.
    pub title: String,
    /// Batches compared.
    pub batches: usize,
    /// Matched.
    pub matched: usize,
    /// Missing.
    pub missing: usize,
    /// Mismatched.
    pub mismatched: usize,
    /// Pending.
    pub pending: usize,
    /// Rows sent.
    pub expected: u64,
    /// Rows landed.
    pub landed: u64,
    /// The missing batches, joined; or why the latest run could not check.
    pub missing_batches: String,
}

/// A reconciliation check's latest result.
#[derive(Clone, Debug, Serialize)]
pub struct ReconRow {
    /// Check title.
    pub title: String,
    /// Source rows.
    pub source_rows: u64,
    /// Target rows.
    pub target_rows: u64,
    /// 多.
    pub extra: u64,
    /// 少.
    pub missing: u64,
    /// 不一致.
    pub different: u64,
    /// `一致`, `不一致`, or `未完成：…` when the latest run could not compare.
    pub result: String,
}

/// Builds the section for `span`, with `previous` for the trends.
pub async fn section(
    store: &Store,
    span: Span,
    previous: Span,
) -> Result<QualitySection, StoreError> {
    let now = store
        .detailed_outcomes(span, &["data", "return_flow", "reconcile"])
        .await?;
    let before = store.detailed_outcomes(previous, &["data"]).await?;
    Ok(build(&now, &before))
}

/// Rows checked and failed, summed.
#[derive(Clone, Copy, Default)]
struct Tally {
    checked: u64,
    failed: u64,
}

impl Tally {
    fn add(&mut self, checked: u64, failed: u64) {
        self.checked += checked;
        self.failed += failed.min(checked);
    }

    fn rate(self) -> Option<f64> {
        (self.checked > 0)
            .then(|| 100.0 * (self.checked - self.failed) as f64 / self.checked as f64)
    }
}

fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "-".into(), |v| format!("{v:.2}%"))
}

fn change(now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(a), Some(b)) if (a - b).abs() < 0.005 => "持平".into(),
        (Some(a), Some(b)) if a > b => format!("↑ {:.2} 个百分点", a - b),
        (Some(a), Some(b)) => format!("↓ {:.2} 个百分点", b - a),
        _ => "-".into(),
    }
}

/// Per (library, dimension): every judged rule of every run in the period.
fn tallies(rows: &[DetailedOutcome]) -> BTreeMap<(String, Dimension), Tally> {
    let mut t: BTreeMap<(String, Dimension), Tally> = BTreeMap::new();
    for o in rows.iter().filter(|o| o.kind == "data") {
        let Some(r) = table_report(o) else {
            continue;
        };
        let lib = library(&r);
        for rule in r.rules.iter().filter(|x| x.status != Status::Unknown) {
            t.entry((lib.clone(), rule.dimension))
                .or_default()
                .add(rule.checked, rule.failed);
        }
    }
    t
}

/// A data check's stored report; none when it could not run.
fn table_report(o: &DetailedOutcome) -> Option<TableReport> {
    serde_json::from_value(o.detail.clone()?).ok()
}

fn library(r: &TableReport) -> String {
    r.library.clone().unwrap_or_else(|| "未指定库".into())
}

fn build(now: &[DetailedOutcome], before: &[DetailedOutcome]) -> QualitySection {
    let cur = tallies(now);
    let prev = tallies(before);
    let sum = |t: &BTreeMap<(String, Dimension), Tally>, f: &dyn Fn(&str, Dimension) -> bool| {
        t.iter()
            .filter(|((l, d), _)| f(l, *d))
            .fold(Tally::default(), |mut acc, (_, v)| {
                acc.add(v.checked, v.failed);
                acc
            })
    };
    // The newest report of each table decides the rule counts and the worst rules.
    let mut latest: BTreeMap<String, TableReport> = BTreeMap::new();
    for o in now.iter().filter(|o| o.kind == "data") {
        if let Some(r) = table_report(o) {
            latest.insert(o.check_id.clone(), r);
        }
    }
    let runs = now.iter().filter(|o| o.kind == "data").count();
    let mut libraries: BTreeMap<String, usize> = BTreeMap::new();
    for r in latest.values() {
        *libraries.entry(library(r)).or_default() += 1;
    }
    let judged = latest
        .values()
        .flat_map(|r| r.rules.iter())
        .filter(|x| x.status != Status::Unknown);
    let (rules, rules_passed) = judged.fold((0, 0), |(n, p), x| {
        (n + 1, p + usize::from(x.status == Status::Ok))
    });
    let mut worst: Vec<(f64, WorstRow)> = latest
        .values()
        .flat_map(|r| {
            r.rules
                .iter()
                .filter(|x| x.failed > 0 && x.checked > 0 && x.status != Status::Unknown)
                .map(move |x| {
                    let share = 100.0 * x.failed as f64 / x.checked as f64;
                    (
                        share,
                        WorstRow {
                            library: library(r),
                            table: r.table.clone(),
                            rule: x.name.clone(),
                            dimension: x.dimension.zh(),
                            failed: format!("{}/{}", x.failed, x.checked),
                            share: format!("{share:.2}%"),
                            samples: x.samples.join("；"),
                        },
                    )
                })
        })
        .collect();
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    let all = sum(&cur, &|_, _| true);
    let all_prev = sum(&prev, &|_, _| true);
    let by_dimension: Vec<DimensionRow> = Dimension::ALL
        .iter()
        .map(|d| {
            let t = sum(&cur, &|_, x| x == *d);
            let p = sum(&prev, &|_, x| x == *d);
            DimensionRow {
                dimension: d.zh(),
                checked: t.checked,
                failed: t.failed,
                pass: pct(t.rate()),
                previous: pct(p.rate()),
                change: change(t.rate(), p.rate()),
            }
        })
        .collect();
    let library_rows: Vec<LibraryRow> = libraries
        .iter()
        .map(|(lib, tables)| LibraryRow {
            library: lib.clone(),
            tables: *tables,
            cells: Dimension::ALL
                .iter()
                .map(|d| pct(cur.get(&(lib.clone(), *d)).and_then(|t| t.rate())))
                .collect(),
            overall: pct(sum(&cur, &|l, _| l == lib).rate()),
            previous: pct(sum(&prev, &|l, _| l == lib).rate()),
        })
        .collect();
    let flow = latest_of(now, "return_flow")
        .into_iter()
        .map(|o| {
            let Some(r) = o
                .detail
                .clone()
                .and_then(|d| serde_json::from_value::<FlowReport>(d).ok())
            else {
                // The latest run could not check: shown as such, not as an older result.
                return FlowRow {
                    title: o.title.clone(),
                    batches: 0,
                    matched: 0,
                    missing: 0,
                    mismatched: 0,
                    pending: 0,
                    expected: 0,
                    landed: 0,
                    missing_batches: format!("未完成：{}", o.summary),
                };
            };
            FlowRow {
                batches: r.batches.len(),
                matched: r.count(State::Matched),
                missing: r.count(State::Missing),
                mismatched: r.count(State::Mismatched),
                pending: r.count(State::Pending),
                expected: r.expected_rows,
                landed: r.landed_rows,
                missing_batches: r
                    .batches
                    .iter()
                    .filter(|b| b.state == State::Missing)
                    .map(|b| b.batch.clone())
                    .collect::<Vec<_>>()
                    .join("、"),
                title: o.title.clone(),
            }
        })
        .collect::<Vec<_>>();
    let reconciliation = latest_of(now, "reconcile")
        .into_iter()
        .map(|o| {
            let title = o.title.clone();
            let Some(d) = o.detail.clone() else {
                return ReconRow {
                    title,
                    source_rows: 0,
                    target_rows: 0,
                    extra: 0,
                    missing: 0,
                    different: 0,
                    result: format!("未完成：{}", o.summary),
                };
            };
            let n = |k: &str| d.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0);
            let (extra, missing, different) =
                (n("extra_count"), n("missing_count"), n("different_count"));
            ReconRow {
                title,
                source_rows: n("source_rows"),
                target_rows: n("target_rows"),
                extra,
                missing,
                different,
                result: if extra + missing + different == 0 && n("source_rows") == n("target_rows")
                {
                    "一致".to_owned()
                } else {
                    "不一致".to_owned()
                },
            }
        })
        .collect::<Vec<_>>();
    let any = runs > 0 || !flow.is_empty() || !reconciliation.is_empty();
    let mut text = if runs > 0 {
        format!(
            "本期数据质量检查 {runs} 次，覆盖 {} 个库 {} 张表；最近一次检查 {rules} 条规则通过 {rules_passed} 条，记录合格率 {}{}。",
            libraries.len(),
            latest.len(),
            pct(all.rate()),
            match all_prev.rate() {
                Some(_) => format!(
                    "（上期 {}，{}）",
                    pct(all_prev.rate()),
                    change(all.rate(), all_prev.rate())
                ),
                None => "（上期无检查记录）".to_owned(),
            },
        )
    } else {
        String::new()
    };
    let lost: usize = flow.iter().map(|f| f.missing).sum();
    if !flow.is_empty() {
        text.push_str(&format!(
            "省级回流核验 {} 项，缺失批次 {lost} 个。",
            flow.len()
        ));
    }
    let unequal = reconciliation.iter().filter(|r| r.result != "一致").count();
    if !reconciliation.is_empty() {
        text.push_str(&format!(
            "数据交换对账 {} 项，{} 项不一致。",
            reconciliation.len(),
            unequal
        ));
    }
    let mut advice: Vec<String> = worst
        .iter()
        .take(5)
        .map(|(_, w)| {
            format!(
                "{}{}表“{}”规则不合格 {}（{}），请数据提供部门核查整改。",
                w.library,
                if w.library.is_empty() { "" } else { " " },
                w.table,
                w.failed,
                w.rule
            )
        })
        .collect();
    for f in flow.iter().filter(|f| f.missing > 0 || f.mismatched > 0) {
        advice.push(format!(
            "{}：缺失批次 {} 个{}、数量不符 {} 个，请与省级平台核对并申请补发。",
            f.title,
            f.missing,
            if f.missing_batches.is_empty() {
                String::new()
            } else {
                format!("（{}）", f.missing_batches)
            },
            f.mismatched
        ));
    }
    for r in reconciliation.iter().filter(|r| r.result != "一致") {
        advice.push(format!(
            "{}：多 {} 条、少 {} 条、不一致 {} 条，请核查交换任务并重新同步。",
            r.title, r.extra, r.missing, r.different
        ));
    }
    QualitySection {
        advice,
        any,
        runs,
        tables: latest.len(),
        rules,
        rules_passed,
        overall: pct(all.rate()),
        overall_prev: pct(all_prev.rate()),
        overall_change: change(all.rate(), all_prev.rate()),
        dimensions: Dimension::ALL.iter().map(|d| d.zh()).collect(),
        libraries: library_rows,
        by_dimension,
        worst: worst.into_iter().take(10).map(|(_, w)| w).collect(),
        flow,
        reconciliation,
        text,
    }
}

/// The newest outcome of each check of a kind, by check id.
fn latest_of<'a>(rows: &'a [DetailedOutcome], kind: &str) -> Vec<&'a DetailedOutcome> {
    let mut m: BTreeMap<&str, &DetailedOutcome> = BTreeMap::new();
    for o in rows.iter().filter(|o| o.kind == kind) {
        m.insert(&o.check_id, o);
    }
    m.into_values().collect()
}
