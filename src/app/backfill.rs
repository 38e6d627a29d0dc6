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
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_owned(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| t.into_owned())
            .ok_or_else(|| {
                Error::Config(Problems(vec![
                    Problem::file(file, "is neither UTF-8 nor GBK text")
                        .hint("save the sheet as CSV (UTF-8)"),
                ]))
            })?,
    };
    let known: HashSet<&str> = catalog.checks.iter().map(|c| c.id.as_str()).collect();
    let mut problems = Problems::default();
    let mut rows: Vec<SheetRow> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let pos = Pos {
            line: n as u64 + 1,
            column: 1,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.splitn(3, [',', '，']);
        let check = unquote(fields.next().unwrap_or_default());
        let result = unquote(fields.next().unwrap_or_default());
        let summary = unquote(fields.next().unwrap_or_default());
        if matches!(check.as_str(), "检查项" | "check" | "id") {
            continue;
        }
        if !known.contains(check.as_str()) {
            problems.push(
                Problem::at(file, pos, format!("no check `{check}` in the pack")).hint(
                    "the first column is the check's id (`znode inspect --format json` lists them)",
                ),
            );
            continue;
        }
        let Some(status) = status_of(&result) else {
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
            check,
            status,
            summary,
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

fn unquote(s: &str) -> String {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .unwrap_or(s)
        .replace("\"\"", "\"")
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
                },
            ))
        })
        .collect();
    let pairs: Vec<_> = outcomes.iter().map(|(i, o)| (i, o)).collect();
    store.record_at(run, &pairs, at).await?;
    let (status, _) = store.finish_run_at(run, false, at).await?;
    Ok((run, status))
}
