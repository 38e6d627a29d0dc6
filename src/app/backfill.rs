//! Back-filling an inspection done on paper (`znode history import`): the sheet's results go
//! into the history as an `inspect` run at the time the inspection was made, marked as
//! back-filled with who entered it, so the reports and the 考核 count it like any other.
//!
//! The sheet is CSV as a spreadsheet saves it (UTF-8, with or without a BOM, or GBK from
//! Excel on a Chinese Windows): `检查项,结果,说明` per line — the check's id from the pack, the
//! result (正常/告警/严重/未知 or OK/WARN/CRIT/UNKNOWN), and what was seen (may hold commas).
//! A header line, blank lines and `#` comments are skipped.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use crate::catalog::Catalog;
use crate::core::csv;
use crate::core::error::{Error, Problem, Problems};
use crate::core::outcome::{Outcome, Status};
use crate::core::yaml::Pos;
use crate::settings::Settings;
use crate::store::{Backfill, NewRun, Store};

/// One line of the sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// Check id.
    pub check: String,
    /// The result written down.
    pub status: Status,
    /// What was seen.
    pub summary: String,
}

/// The result as a sheet writes it.
fn status_of(s: &str) -> Option<Status> {
    match s {
        "正常" => Some(Status::Ok),
        "告警" => Some(Status::Warn),
        "严重" => Some(Status::Crit),
        "未知" => Some(Status::Unknown),
        "CRIT" | "crit" => Some(Status::Crit),
        other => Status::parse(other),
    }
}

/// Reads a sheet; every problem is reported at once, by line.
pub fn read_sheet(file: &Path, bytes: &[u8], catalog: &Catalog) -> Result<Vec<SheetRow>, Error> {
    let text = csv::decode(bytes).ok_or_else(|| {
        Error::Config(Problems(vec![
            Problem::file(file, "is neither UTF-8 nor GBK text")
                .hint("save the sheet as CSV (UTF-8)"),
        ]))
    })?;
    let known: HashSet<&str> = catalog.checks.iter().map(|c| c.id.as_str()).collect();
    let mut problems = Problems::default();
    let mut rows: Vec<SheetRow> = Vec::new();
    for (line, fields) in csv::records(&text) {
        let pos = Pos { line, column: 1 };
        // Excel pads rows to the widest one and a sheet may have more columns (检查人…): the
        // first three are what counts; a row of empty cells is no row.
        let field = |i: usize| fields.get(i).map(|f| f.trim()).unwrap_or_default();
        let (check, result, summary) = (field(0), field(1), field(2));
        if fields.iter().all(|f| f.trim().is_empty()) || check.starts_with('#') {
            continue;
        }
        if matches!(check, "检查项" | "check" | "id") {
            continue;
        }
        if !known.contains(check) {
            problems.push(
                Problem::at(file, pos, format!("no check `{check}` in the pack")).hint(
                    "the first column is the check's id (`znode inspect --format json` lists them)",
                ),
            );
            continue;
        }
        let Some(status) = status_of(result) else {
            problems.push(
                Problem::at(file, pos, format!("`{result}` is not a result"))
                    .hint("write 正常, 告警, 严重 or 未知 (or OK, WARN, CRIT, UNKNOWN)"),
            );
            continue;
        };
        if rows.iter().any(|r| r.check == check) {
            problems.push(Problem::at(
                file,
                pos,
                format!("`{check}` is on the sheet twice"),
            ));
            continue;
        }
        rows.push(SheetRow {
            check: check.to_owned(),
            status,
            // A cell with line breaks reads as one line in the history.
            summary: summary.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(
            Problem::file(file, "holds no results")
                .hint("one line per check: 检查项,结果,说明 (e.g. disk-root,正常,根分区使用 41%)"),
        );
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Error::Config(problems))
    }
}

/// Enters a sheet's results as an `inspect` run at `at` (epoch ms); returns the run id and its
/// worst status.
pub async fn import(
    store: &Store,
    settings: &Settings,
    catalog: &Catalog,
    rows: &[SheetRow],
    at: i64,
    backfill: &Backfill,
) -> Result<(i64, Status), Error> {
    // The same sheet entered twice would count one inspection twice.
    if let Some(run) = store.backfilled_run_at(at).await? {
        return Err(Error::Message(format!(
            "an inspection at this time was already entered (run #{run}); `znode history show {run}` shows it"
        )));
    }
    let filters = serde_json::json!({ "backfill": backfill }).to_string();
    let (run, _) = store
        .begin_run_at(
            &NewRun {
                node: &settings.node,
                command: "inspect",
                planned: rows.len(),
                disabled: 0,
                filters,
            },
            at,
        )
        .await?;
    let outcomes: Vec<_> = rows
        .iter()
        .filter_map(|r| {
            let spec = catalog.checks.iter().find(|c| c.id == r.check)?;
            let summary = if r.summary.is_empty() {
                format!("纸质巡检记录：{}", r.status.zh())
            } else {
                r.summary.clone()
            };
            Some((
                spec.info(),
                Outcome {
                    check: r.check.clone(),
                    host: None,
                    unreached: false,
                    status: r.status,
                    summary,
                    summary_en: String::new(),
                    metrics: Vec::new(),
                    primary: None,
                    evidence: Vec::new(),
                    duration: Duration::ZERO,
                    attempts: 1,
                    flaky: false,
                    waiver: None,
                    facts: Default::default(),
                    detail: None,
                },
            ))
        })
        .collect();
    let pairs: Vec<_> = outcomes.iter().map(|(i, o)| (i, o)).collect();
    store.record_at(run, &pairs, at).await?;
    let (status, _) = store.finish_run_at(run, false, at).await?;
    Ok((run, status))
}
