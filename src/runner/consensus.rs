//! `same:` on a check: a fact that must agree across the hosts the check runs on (the sha256 of
//! a 前置机's configuration, a service account's UID, a package version). The outcomes of such
//! a check are held until every host has answered, then the hosts that differ from the others
//! are told so.

use std::collections::BTreeMap;

use crate::core::outcome::{Outcome, Status};

/// The fact `key` of an outcome: a text fact, else a metric's value.
fn fact_of(o: &Outcome, key: &str) -> Option<String> {
    o.facts.get(key).cloned().or_else(|| {
        o.metrics
            .iter()
            .find(|m| m.key() == key)
            .map(|m| m.display_value())
    })
}

/// A value as shown: long checksums and outputs are cut.
fn shown(v: &str) -> String {
    let first = v.lines().next().unwrap_or_default();
    let cut: String = first.chars().take(16).collect();
    if cut.len() < v.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Compares `key` across the outcomes of one check (one per host). A host whose value differs
/// from the most common one is WARN; when no value is the most common, every host is. Hosts
/// not reached, or whose probe could not observe, take no part.
pub fn settle(key: &str, outcomes: &mut [Outcome]) {
    let values: Vec<(usize, String)> = outcomes
        .iter()
        .enumerate()
        .filter(|(_, o)| !o.unreached)
        .filter_map(|(i, o)| fact_of(o, key).map(|v| (i, v)))
        .collect();
    let observed = outcomes
        .iter()
        .filter(|o| !o.unreached && o.status != Status::Unknown)
        .count();
    if values.is_empty() {
        if observed > 0 {
            for o in outcomes.iter_mut().filter(|o| !o.unreached) {
                o.status = o.status.max(Status::Unknown);
                let before = o.summary_text();
                o.set_summary(crate::text!(
                    "“same: {key}”无法比较：该探针没有这一事实或指标；{before}",
                    "`same: {key}`: the probe reports no such fact or metric (file: sha256, mode, owner; command: output, exit_code; version: version; or a metric's name); {before}",
                    key = key,
                    before = before,
                ));
            }
        }
        return;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, v) in &values {
        *counts.entry(v.as_str()).or_default() += 1;
    }
    let n = values.len();
    if counts.len() == 1 {
        for (i, _) in &values {
            outcomes[*i]
                .evidence
                .push(format!("{key} is the same on all {n} hosts"));
        }
        return;
    }
    let top = counts.values().copied().max().unwrap_or(0);
    let leaders: Vec<&str> = counts
        .iter()
        .filter(|(_, c)| **c == top)
        .map(|(v, _)| *v)
        .collect();
    let majority = (leaders.len() == 1).then(|| leaders[0].to_owned());
    let by_host: Vec<String> = values
        .iter()
        .map(|(i, v)| {
            let host = outcomes[*i].host.clone().unwrap_or_else(|| "本机".into());
            format!("{host}: {key} = {}", shown(v))
        })
        .collect();
    for (i, v) in &values {
        let o = &mut outcomes[*i];
        match &majority {
            Some(m) if v == m => {
                o.evidence.push(format!(
                    "{key} agrees with {top} of {n} hosts; differs on {}",
                    n - top
                ));
            }
            Some(m) => {
                o.status = o.status.max(Status::Warn);
                o.set_summary(crate::text!(
                    "与其他主机不一致：{key} = {v}，{top}/{n} 台主机为 {m}",
                    "differs from the other hosts: {key} = {v}, {top}/{n} hosts have {m}",
                    key = key,
                    v = shown(v),
                    top = top,
                    n = n,
                    m = shown(m),
                ));
                o.evidence.extend(by_host.iter().cloned());
            }
            None => {
                o.status = o.status.max(Status::Warn);
                o.set_summary(crate::text!(
                    "各主机互不一致：{key} = {v}",
                    "no value is shared by most hosts: {key} = {v}",
                    key = key,
                    v = shown(v),
                ));
                o.evidence.extend(by_host.iter().cloned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(host: &str, sum: &str) -> Outcome {
        Outcome {
            check: "conf".into(),
            host: Some(host.into()),
            unreached: false,
            status: Status::Ok,
            summary: "ok".into(),
            summary_en: String::new(),
            metrics: vec![],
            primary: None,
            evidence: vec![],
            duration: std::time::Duration::ZERO,
            attempts: 1,
            flaky: false,
            waiver: None,
            facts: [("sha256".to_owned(), sum.to_owned())].into(),
            detail: None,
        }
    }

    #[test]
    fn the_host_that_differs_is_warned_and_named_to_the_others() {
        let mut all = vec![on("a", "aaa"), on("b", "aaa"), on("c", "ccc")];
        settle("sha256", &mut all);
        assert_eq!(all[0].status, Status::Ok);
        assert_eq!(all[2].status, Status::Warn);
        assert!(all[2].summary.contains("2/3"), "{}", all[2].summary);
        assert!(all[2].evidence.iter().any(|e| e == "a: sha256 = aaa"));
    }

    #[test]
    fn a_tie_warns_every_host_and_an_unreached_one_takes_no_part() {
        let mut all = vec![on("a", "aaa"), on("b", "bbb")];
        settle("sha256", &mut all);
        assert!(all.iter().all(|o| o.status == Status::Warn));
        let mut gone = on("c", "");
        gone.unreached = true;
        gone.facts.clear();
        let mut all = vec![on("a", "aaa"), on("b", "aaa"), gone];
        settle("sha256", &mut all);
        assert!(all.iter().all(|o| o.status == Status::Ok));
    }

    #[test]
    fn a_fact_no_host_reports_is_unknown() {
        let mut all = vec![on("a", "aaa"), on("b", "aaa")];
        settle("checksum", &mut all);
        assert!(all.iter().all(|o| o.status == Status::Unknown));
    }
}
