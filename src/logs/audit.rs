//! Audit detectors: turning an audit rule's matches into findings with their evidence lines.
//!
//! Matches are grouped by the rule's `group_by` fields; a group becomes a finding when the
//! rule's detector says so: a burst (N matches within a span), matches outside working hours,
//! values never seen in earlier audits, a numeric field above a limit, or (no detector) any
//! match at all.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Mutex;

use chrono::Timelike;

use super::rules::Rule;
use super::scan::Event;

/// Evidence lines kept per finding.
pub const EVIDENCE: usize = 5;

/// One finding of an audit rule.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Finding {
    /// The group's field values (`10.0.0.9`, `zhang / 10.1.1.1`), or empty.
    pub key: String,
    /// Matches that make up the finding.
    pub count: u64,
    /// First and last of them, epoch ms.
    pub first: Option<i64>,
    /// See `first`.
    pub last: Option<i64>,
    /// What makes it a finding, in words.
    pub detail: String,
    /// The lines.
    pub evidence: Vec<String>,
}

/// Values seen by `new:` rules in earlier audits, per `source/rule`, and those seen now.
#[derive(Debug, Default)]
pub struct Known {
    /// Loaded from the store.
    pub before: HashMap<String, HashSet<String>>,
    /// Seen during this run, to store afterwards: (source/rule, value, first time).
    pub seen: Mutex<Vec<(String, String, i64)>>,
}

impl Known {
    /// The key of a rule of a source.
    pub fn key(source: &str, rule: &str) -> String {
        format!("{source}/{rule}")
    }
}

/// Formats epoch ms in a timezone, for findings: with the year when it is not this year's (a
/// line dated in the future, or an old file, must not pass for this year's).
pub fn local(ts: i64, tz: chrono_tz::Tz) -> String {
    let year = |t: i64| crate::core::clock::local_time(t, tz, "%Y");
    if year(ts) == year(crate::core::clock::now_ms()) {
        crate::core::clock::local_time(ts, tz, "%m-%d %H:%M:%S")
    } else {
        crate::core::clock::local_time(ts, tz, "%Y-%m-%d %H:%M:%S")
    }
}

struct Group<'a> {
    events: Vec<&'a Event>,
}

/// Runs a rule's detector over its events (in time order). `known` is the set of values seen in
/// earlier audits for `new:` rules (`None` when this is the first audit: the baseline is
/// learned, nothing is reported). Returns the findings and, for `new:` rules, every value seen.
pub fn detect(
    rule: &Rule,
    fields: &[String],
    events: &[Event],
    known: Option<&HashSet<String>>,
    tz: chrono_tz::Tz,
) -> (Vec<Finding>, Vec<(String, i64)>) {
    let idx = |name: &str| fields.iter().position(|f| f == name);
    let key_of = |e: &Event, names: &[String]| -> String {
        names
            .iter()
            .filter_map(|n| idx(n).map(|i| e.fields[i].as_str()))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let mut seen: Vec<(String, i64)> = Vec::new();
    let mut seen_set: HashSet<String> = HashSet::new();
    // Which events count, by the detector.
    let selected: Vec<&Event> = events
        .iter()
        .filter(|e| {
            if let Some(h) = &rule.normal_hours {
                let Some(t) = e.ts.and_then(chrono::DateTime::from_timestamp_millis) else {
                    return false;
                };
                let t = t.with_timezone(&tz);
                if h.contains(t.hour() * 60 + t.minute()) {
                    return false;
                }
            }
            if let Some(a) = &rule.above {
                let v = idx(&a.field)
                    .and_then(|i| e.fields[i].parse::<f64>().ok())
                    .unwrap_or(f64::NAN);
                if v.is_nan() || v <= a.value {
                    return false;
                }
            }
            if !rule.new.is_empty() {
                let k = key_of(e, &rule.new);
                if seen_set.insert(k.clone()) {
                    seen.push((k.clone(), e.ts.unwrap_or_default()));
                }
                return known.is_some_and(|kn| !kn.contains(&k));
            }
            true
        })
        .collect();
    // A value never seen before is the finding itself: without `group_by` it names the group.
    let by = if rule.group_by.is_empty() {
        &rule.new
    } else {
        &rule.group_by
    };
    let mut groups: BTreeMap<String, Group<'_>> = BTreeMap::new();
    for e in selected {
        groups
            .entry(key_of(e, by))
            .or_insert_with(|| Group { events: Vec::new() })
            .events
            .push(e);
    }
    let mut findings = Vec::new();
    for (key, g) in groups {
        let finding = match &rule.burst {
            Some(b) => burst(&key, &g.events, b, tz),
            None => Some(plain(rule, &key, &g.events, tz)),
        };
        findings.extend(finding);
    }
    (findings, seen)
}

fn plain(rule: &Rule, key: &str, events: &[&Event], tz: chrono_tz::Tz) -> Finding {
    let first = events.iter().filter_map(|e| e.ts).min();
    let last = events.iter().filter_map(|e| e.ts).max();
    let when = match (first, last) {
        (Some(a), Some(b)) if a != b => format!("，{} 至 {}", local(a, tz), local(b, tz)),
        (Some(a), _) => format!("，{}", local(a, tz)),
        _ => String::new(),
    };
    let what = if rule.normal_hours.is_some() {
        "非工作时间"
    } else if !rule.new.is_empty() {
        "此前未见"
    } else if rule.above.is_some() {
        "超过限值"
    } else {
        ""
    };
    let what = if what.is_empty() {
        String::new()
    } else {
        format!("{what} ")
    };
    let who = if key.is_empty() {
        String::new()
    } else {
        format!("{key}：")
    };
    Finding {
        key: key.to_owned(),
        count: events.len() as u64,
        first,
        last,
        detail: format!("{who}{what}{} 次{when}", events.len()),
        evidence: events
            .iter()
            .take(EVIDENCE)
            .map(|e| crate::core::secret::mask_inline(&e.text))
            .collect(),
    }
}

/// The densest run of matches within the burst span; a finding when it reaches the count.
fn burst(
    key: &str,
    events: &[&Event],
    b: &super::rules::Burst,
    tz: chrono_tz::Tz,
) -> Option<Finding> {
    let span = b.within.as_millis() as i64;
    let mut timed: Vec<&Event> = events.iter().copied().filter(|e| e.ts.is_some()).collect();
    timed.sort_by_key(|e| e.ts);
    let mut win: VecDeque<usize> = VecDeque::new();
    let mut best: Option<(usize, usize)> = None; // (start, end) inclusive indexes
    for (i, e) in timed.iter().enumerate() {
        let t = e.ts.unwrap_or_default();
        win.push_back(i);
        while let Some(&f) = win.front() {
            if t - timed[f].ts.unwrap_or_default() > span {
                win.pop_front();
            } else {
                break;
            }
        }
        let n = win.len();
        if best.is_none_or(|(s, e)| n > e - s + 1) {
            best = Some((win[0], i));
        }
    }
    let (s, e) = best?;
    let n = e - s + 1;
    if n < b.count as usize {
        return None;
    }
    let (first, last) = (timed[s].ts, timed[e].ts);
    Some(Finding {
        key: key.to_owned(),
        count: n as u64,
        first,
        last,
        detail: format!(
            "{key}：{n} 次，{} 至 {}（阈值 {} 次/{}；全窗口共 {} 次）",
            local(first.unwrap_or_default(), tz),
            local(last.unwrap_or_default(), tz),
            b.count,
            humantime::format_duration(b.within),
            events.len()
        ),
        evidence: timed[s..=e]
            .iter()
            .take(EVIDENCE)
            .map(|e| crate::core::secret::mask_inline(&e.text))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::yaml::Node;

    fn rule(yaml: &str) -> Rule {
        super::super::rules::read_list(&Node::parse(yaml).unwrap())
            .unwrap()
            .remove(0)
    }

    fn ev(ts_min: i64, fields: &[&str]) -> Event {
        Event {
            ts: Some(1_760_000_000_000 + ts_min * 60_000),
            fields: fields.iter().map(|s| s.to_string()).collect(),
            text: format!("line at {ts_min}"),
        }
    }

    #[test]
    fn burst_needs_the_count_within_the_span() {
        let r = rule(
            "- {id: b, title: t, kind: audit, match: '(?P<ip>x)', group_by: [ip], burst: {count: 3, within: 5m}}",
        );
        let f = vec!["ip".to_owned()];
        // 3 within 5 minutes from one address; another spread out over an hour.
        let evs = vec![
            ev(0, &["a"]),
            ev(1, &["a"]),
            ev(4, &["a"]),
            ev(0, &["b"]),
            ev(30, &["b"]),
            ev(60, &["b"]),
        ];
        let (found, _) = detect(&r, &f, &evs, None, chrono_tz::Asia::Shanghai);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].key.as_str(), found[0].count), ("a", 3));
    }

    #[test]
    fn new_values_need_a_baseline() {
        let r = rule(
            "- {id: n, title: t, kind: audit, match: '(?P<user>x) (?P<ip>y)', new: [user, ip]}",
        );
        let f = vec!["ip".to_owned(), "user".to_owned()];
        let evs = vec![ev(0, &["10.0.0.1", "ops"]), ev(1, &["10.9.9.9", "ops"])];
        let (first, seen) = detect(&r, &f, &evs, None, chrono_tz::Asia::Shanghai);
        assert!(first.is_empty());
        assert_eq!(seen.len(), 2);
        let known: HashSet<String> = ["ops / 10.0.0.1".to_owned()].into();
        let (found, _) = detect(&r, &f, &evs, Some(&known), chrono_tz::Asia::Shanghai);
        assert_eq!(found.len(), 1);
        assert!(found[0].evidence[0].contains("line at 1"));
    }
}
