//! 省级回流数据量核验: the province's manifest of what it sent back (per batch or per day, the
//! rows of each table) against the rows that landed in the node's table. A batch short or over
//! beyond the tolerance is a mismatch, one with no rows at all is missing, and one sent within
//! the lateness window that has not fully landed is pending, not yet judged.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::core::csv;

/// One line of a manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The batch number, or the day as `YYYY-MM-DD`.
    pub batch: String,
    /// The table it is about, when the manifest covers several.
    pub table: Option<String>,
    /// Rows the province sent.
    pub count: u64,
    /// When the province sent it, if the manifest says.
    pub sent: Option<NaiveDateTime>,
}

/// Header names accepted for each field, in Chinese and English.
const BATCH: &[&str] = &["batch", "batch_no", "date", "day", "批次", "批次号", "日期"];
const TABLE: &[&str] = &["table", "table_name", "表", "表名"];
const COUNT: &[&str] = &["count", "rows", "row_count", "数量", "条数", "记录数"];
const SENT: &[&str] = &["sent_at", "time", "sent", "发送时间", "时间"];

/// Reads a manifest: JSON (an array of objects, or `{"entries": [...]}`) or CSV with a header.
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('[') || t.starts_with('{') {
        parse_json(t)
    } else {
        parse_csv(t)
    }
}

fn parse_csv(text: &str) -> Result<Vec<Entry>, String> {
    let mut rows = csv::records(text)
        .into_iter()
        .filter(|(_, f)| f.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = rows.next() else {
        return Err("the manifest is empty".into());
    };
    let col = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let (Some(b), Some(c)) = (col(BATCH), col(COUNT)) else {
        return Err(format!(
            "the manifest's header `{}` names no batch or date column ({}) and count column ({})",
            header.join(","),
            BATCH.join("/"),
            COUNT.join("/")
        ));
    };
    let (t, s) = (col(TABLE), col(SENT));
    let mut out = Vec::new();
    for (line, f) in rows {
        let cell = |i: Option<usize>| i.and_then(|i| f.get(i)).map(|v| v.trim().to_owned());
        let count = cell(Some(c)).unwrap_or_default();
        let count = count
            .replace(',', "")
            .parse::<u64>()
            .map_err(|_| format!("line {line}: count `{count}` is not a whole number"))?;
        let sent = match cell(s).filter(|v| !v.is_empty()) {
            Some(v) => Some(
                time(&v)
                    .ok_or_else(|| format!("line {line}: time `{v}` is not a date and time"))?,
            ),
            None => None,
        };
        out.push(Entry {
            batch: cell(Some(b)).unwrap_or_default(),
            table: cell(t).filter(|v| !v.is_empty()),
            count,
            sent,
        });
    }
    Ok(out)
}

fn parse_json(text: &str) -> Result<Vec<Entry>, String> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("the manifest is not valid JSON: {e}"))?;
    let list = match &v {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => o
            .get("entries")
            .or_else(|| o.get("data"))
            .and_then(|e| e.as_array())
            .ok_or("a JSON manifest is an array, or an object with `entries`")?,
        _ => return Err("a JSON manifest is an array, or an object with `entries`".into()),
    };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let field = |names: &[&str]| names.iter().find_map(|n| item.get(*n));
        let text = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let batch = field(BATCH)
            .map(text)
            .ok_or_else(|| format!("entry {}: no batch or date", i + 1))?;
        let count = field(COUNT)
            .and_then(|c| c.as_u64().or_else(|| c.as_str()?.parse().ok()))
            .ok_or_else(|| format!("entry {}: no whole-number count", i + 1))?;
        let sent = match field(SENT).map(text) {
            Some(v) => Some(
                time(&v)
                    .ok_or_else(|| format!("entry {}: time `{v}` is not a date and time", i + 1))?,
            ),
            None => None,
        };
        out.push(Entry {
            batch: batch.trim().to_owned(),
            table: field(TABLE).map(text),
            count,
            sent,
        });
    }
    Ok(out)
}

/// Entries of a manifest that lists days, their dates written `2026-12-01` however the
/// province wrote them (`2026/12/01`, `20261201`). Only for days: a batch number shaped like a
/// date stays as it is.
pub fn by_day(entries: Vec<Entry>) -> Vec<Entry> {
    entries
        .into_iter()
        .map(|e| Entry {
            batch: as_day(&e.batch),
            ..e
        })
        .collect()
}

fn as_day(b: &str) -> String {
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(b, f) {
            return d.format("%Y-%m-%d").to_string();
        }
    }
    b.to_owned()
}

fn time(v: &str) -> Option<NaiveDateTime> {
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, f) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// How far a landed count may be from the manifest's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tolerance {
    /// Rows.
    Rows(u64),
    /// Percent of the manifest's count.
    Percent(f64),
}

impl Default for Tolerance {
    fn default() -> Tolerance {
        Tolerance::Rows(0)
    }
}

impl<'de> Deserialize<'de> for Tolerance {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Tolerance, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let bad =
            || serde::de::Error::custom("a tolerance is rows (`10`) or a percentage (`0.5%`)");
        match v {
            serde_json::Value::Number(n) => n.as_u64().map(Tolerance::Rows).ok_or_else(bad),
            serde_json::Value::String(s) => match s.trim().strip_suffix('%') {
                Some(p) => p.trim().parse().map(Tolerance::Percent).map_err(|_| bad()),
                None => s.trim().parse().map(Tolerance::Rows).map_err(|_| bad()),
            },
            _ => Err(bad()),
        }
    }
}

impl Tolerance {
    fn allows(self, expected: u64, landed: u64) -> bool {
        let gap = expected.abs_diff(landed);
        match self {
            Tolerance::Rows(r) => gap <= r,
            Tolerance::Percent(p) => (gap as f64) <= expected as f64 * p / 100.0,
        }
    }
}

/// What became of one batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Landed within the tolerance.
    Matched,
    /// Fewer or more rows than sent, beyond the tolerance.
    Mismatched,
    /// No row landed.
    Missing,
    /// Sent within the lateness window and not fully landed yet.
    Pending,
}

impl State {
    /// The Chinese word.
    pub fn zh(self) -> &'static str {
        match self {
            State::Matched => "一致",
            State::Mismatched => "数量不符",
            State::Missing => "缺失",
            State::Pending => "待到达",
        }
    }
}

/// One batch compared.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Batch {
    /// Batch or day.
    pub batch: String,
    /// Rows the province sent.
    pub expected: u64,
    /// Rows that landed.
    pub landed: u64,
    /// Verdict.
    pub state: State,
}

/// The manifest against the table.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FlowReport {
    /// Each batch, oldest first.
    pub batches: Vec<Batch>,
    /// Rows the manifest lists.
    pub expected_rows: u64,
    /// Rows that landed for those batches.
    pub landed_rows: u64,
}

impl FlowReport {
    /// Batches in a state.
    pub fn count(&self, s: State) -> usize {
        self.batches.iter().filter(|b| b.state == s).count()
    }
}

/// Compares a manifest with the rows that landed per batch. A batch's deadline is its send
/// time (for days without one, the end of the day) plus `lateness`; before it, a batch that
/// has not fully landed is pending.
pub fn compare(
    entries: &[Entry],
    landed: &BTreeMap<String, u64>,
    tolerance: Tolerance,
    lateness: Duration,
    now: NaiveDateTime,
    days: bool,
) -> FlowReport {
    // The same batch listed twice (a resend) counts once, with its latest line.
    let mut by_batch: BTreeMap<&str, &Entry> = BTreeMap::new();
    for e in entries {
        by_batch.insert(&e.batch, e);
    }
    let mut r = FlowReport::default();
    for (batch, e) in by_batch {
        let got = landed.get(batch).copied().unwrap_or(0);
        let sent = e.sent.or_else(|| {
            if !days {
                return None;
            }
            NaiveDate::parse_from_str(batch, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.succ_opt()?.and_hms_opt(0, 0, 0))
        });
        let deadline = sent.map(|s| s + chrono::Duration::from_std(lateness).unwrap_or_default());
        let ok = tolerance.allows(e.count, got);
        let state = if ok {
            State::Matched
        } else if deadline.is_some_and(|d| now < d) && got < e.count {
            State::Pending
        } else if got == 0 {
            State::Missing
        } else {
            State::Mismatched
        };
        r.expected_rows += e.count;
        r.landed_rows += got;
        r.batches.push(Batch {
            batch: batch.to_owned(),
            expected: e.count,
            landed: got,
            state,
        });
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        time(s).unwrap()
    }

    #[test]
    fn csv_and_json_manifests_read_alike() {
        let csv = "日期,表名,条数\n2026/12/01,legal_entity,\"1,200\"\n20261202,legal_entity,800\n";
        let json = r#"{"entries": [{"date": "2026-12-01", "table": "legal_entity", "count": 1200},
                       {"day": "20261202", "table": "legal_entity", "rows": "800"}]}"#;
        let a = by_day(parse(csv).unwrap());
        assert_eq!(a, by_day(parse(json).unwrap()));
        // A batch number shaped like a date stays as written.
        assert_eq!(
            parse("批次,数量\n20261201,5\n").unwrap()[0].batch,
            "20261201"
        );
        assert_eq!(a[0].batch, "2026-12-01");
        assert_eq!(a[0].count, 1200);
        assert!(parse("批次,数量\nB1,abc\n").unwrap_err().contains("line 2"));
        assert!(parse("foo,bar\n1,2\n").unwrap_err().contains("header"));
    }

    #[test]
    fn batches_are_matched_missing_mismatched_or_pending() {
        let entries = parse(
            "batch,count,sent_at\nB1,100,2026-12-01 01:00:00\nB2,100,2026-12-01 01:00:00\nB3,100,2026-12-01 01:00:00\nB4,100,2026-12-03 09:00:00\n",
        )
        .unwrap();
        let landed = BTreeMap::from([
            ("B1".to_owned(), 100),
            ("B2".to_owned(), 97),
            ("B4".to_owned(), 10),
        ]);
        let r = compare(
            &entries,
            &landed,
            Tolerance::Rows(0),
            Duration::from_secs(7200),
            at("2026-12-03 10:00:00"),
            false,
        );
        let states: Vec<State> = r.batches.iter().map(|b| b.state).collect();
        assert_eq!(
            states,
            [
                State::Matched,
                State::Mismatched,
                State::Missing,
                State::Pending
            ]
        );
        assert_eq!((r.expected_rows, r.landed_rows), (400, 207));
        // Within 5%, 97 of 100 is close enough.
        let r = compare(
            &entries,
            &landed,
            Tolerance::Percent(5.0),
            Duration::ZERO,
            at("2026-12-03 10:00:00"),
            false,
        );
        assert_eq!(r.batches[1].state, State::Matched);
        assert_eq!(r.batches[3].state, State::Mismatched);
    }
}
