//! The 安全情况 section of the monthly O&M report, from the history store: each host's latest
//! access review outcome against its profile, how the accounts changed over the period (the
//! account lists of the `access` outcomes before and at the end of it), the quarterly reviews
//! signed, the configuration baselines accepted under change tickets, and the drift not yet
//! accepted at the period's end.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::access::inventory::{self, Account};
use crate::core::period::Span;
use crate::drift::compare::Drift;
use crate::store::{DetailedOutcome, Store, StoreError};

/// The section's figures.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SecuritySection {
    /// Whether any access or drift check ran, or anything was reviewed or accepted.
    pub any: bool,
    /// One line for the overview.
    pub text: String,
    /// Each host's latest access outcome.
    pub access: Vec<AccessRow>,
    /// Account changes over the period.
    pub accounts: Vec<AccountRow>,
    /// Reviews signed in the period.
    pub reviews: Vec<ReviewRow>,
    /// Baselines accepted in the period.
    pub acceptances: Vec<AcceptRow>,
    /// Each host's drift at the period's end.
    pub drift: Vec<DriftRow>,
}

/// One host's access review.
#[derive(Clone, Debug, Serialize)]
pub struct AccessRow {
    /// Host.
    pub host: String,
    /// The profile judged by.
    pub profile: String,
    /// Items judged.
    pub judged: usize,
    /// Items failing (waived ones not counted).
    pub failing: usize,
    /// 正常/告警/严重/未知.
    pub status: &'static str,
    /// The failing items' titles, or what kept the review from being complete.
    pub items: String,
    /// Every item was judged.
    pub complete: bool,
}

/// One account change.
#[derive(Clone, Debug, Serialize)]
pub struct AccountRow {
    /// Host.
    pub host: String,
    /// 新增, 删除, 变更.
    pub kind: &'static str,
    /// What.
    pub what: String,
}

/// A signed review.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewRow {
    /// Number.
    pub id: i64,
    /// When.
    pub at: String,
    /// Who.
    pub reviewer: String,
    /// Note.
    pub note: String,
}

/// An accepted baseline.
#[derive(Clone, Debug, Serialize)]
pub struct AcceptRow {
    /// Host.
    pub host: String,
    /// The drift check's title.
    pub check: String,
    /// When.
    pub at: String,
    /// Ticket.
    pub ticket: String,
    /// Who.
    pub by: String,
}

/// A host's drift at the end of the period.
#[derive(Clone, Debug, Serialize)]
pub struct DriftRow {
    /// Host.
    pub host: String,
    /// The drift check's title.
    pub check: String,
    /// Paths recorded.
    pub paths: usize,
    /// Paths added, removed, changed.
    pub added: usize,
    /// Removed.
    pub removed: usize,
    /// Changed.
    pub changed: usize,
    /// The drifted paths, or `与基线一致`, or why it could not compare.
    pub detail: String,
}

fn host_of(h: &str) -> String {
    if h.is_empty() {
        "本机（跳板机）".into()
    } else {
        h.to_owned()
    }
}

/// The newest outcome per (check, host).
fn latest(outcomes: &[DetailedOutcome]) -> BTreeMap<(String, String), &DetailedOutcome> {
    let mut out = BTreeMap::new();
    for o in outcomes {
        out.insert((o.check_id.clone(), o.host.clone()), o);
    }
    out
}

/// The oldest outcome per (check, host).
fn earliest(outcomes: &[DetailedOutcome]) -> BTreeMap<(String, String), &DetailedOutcome> {
    let mut out = BTreeMap::new();
    for o in outcomes {
        out.entry((o.check_id.clone(), o.host.clone())).or_insert(o);
    }
    out
}

fn accounts_of(o: &DetailedOutcome) -> Option<Vec<Account>> {
    serde_json::from_value(o.detail.as_ref()?.get("accounts")?.clone()).ok()
}

/// Builds the section for `span`; `previous` is the period before, whose last account lists
/// the changes are counted from.
pub async fn section(
    store: &Store,
    span: Span,
    previous: Span,
    tz: chrono_tz::Tz,
) -> Result<SecuritySection, StoreError> {
    let show = |ms: i64| crate::core::clock::local_time(ms, tz, "%m-%d %H:%M");
    let now = store.detailed_outcomes(span, &["access"]).await?;
    let before = store.detailed_outcomes(previous, &["access"]).await?;
    let drift = store.detailed_outcomes(span, &["drift"]).await?;
    let mut s = SecuritySection::default();
    let latest_now = latest(&now);
    let first_now = earliest(&now);
    let latest_before = latest(&before);
    for (key, o) in &latest_now {
        let items = o
            .detail
            .as_ref()
            .and_then(|d| d.get("items"))
            .and_then(|i| i.as_array())
            .cloned()
            .unwrap_or_default();
        let failing: Vec<&str> = items
            .iter()
            .filter(|i| i["status"] != "ok" && i["waived"].is_null())
            .filter_map(|i| i["title"].as_str())
            .collect();
        let blocked: Vec<&str> = items
            .iter()
            .filter(|i| i["blocked"] == true)
            .filter_map(|i| i["title"].as_str())
            .collect();
        s.access.push(AccessRow {
            host: host_of(&key.1),
            profile: o
                .detail
                .as_ref()
                .and_then(|d| d["profile"].as_str())
                .unwrap_or("")
                .to_owned(),
            judged: items.iter().filter(|i| i["skipped"].is_null()).count(),
            failing: failing.len(),
            status: o.status.zh(),
            complete: !items.is_empty() && blocked.is_empty(),
            items: if items.is_empty() {
                // The check could not run: what it said instead.
                o.summary.clone()
            } else if !blocked.is_empty() {
                let mut t = format!("核查不完整，未能检查：{}", blocked.join("；"));
                if !failing.is_empty() {
                    t.push_str(&format!("。不符合：{}", failing.join("；")));
                }
                t
            } else if failing.is_empty() {
                "全部符合".into()
            } else {
                failing.join("；")
            },
        });
        // From the last list before the period, else the first of it.
        let from = latest_before
            .get(key)
            .or_else(|| first_now.get(key))
            .and_then(|o| accounts_of(o));
        if let (Some(old), Some(new)) = (from, accounts_of(o)) {
            let c = inventory::compare(&old, &new);
            let host = host_of(&key.1);
            for a in c.added {
                s.accounts.push(AccountRow {
                    host: host.clone(),
                    kind: "新增",
                    what: a,
                });
            }
            for r in c.removed {
                s.accounts.push(AccountRow {
                    host: host.clone(),
                    kind: "删除",
                    what: r,
                });
            }
            for ch in c.changed {
                s.accounts.push(AccountRow {
                    host: host.clone(),
                    kind: "变更",
                    what: ch,
                });
            }
        }
    }
    s.reviews = store
        .access_reviews_in(span)
        .await?
        .into_iter()
        .map(|r| ReviewRow {
            id: r.id,
            at: show(r.reviewed_at),
            reviewer: r.reviewer,
            note: r.note,
        })
        .collect();
    let titles: BTreeMap<&str, &str> = drift
        .iter()
        .map(|o| (o.check_id.as_str(), o.title.as_str()))
        .collect();
    s.acceptances = store
        .config_acceptances_in(span)
        .await?
        .into_iter()
        .map(|b| AcceptRow {
            host: host_of(&b.host),
            check: titles
                .get(b.check_id.as_str())
                .map_or(b.check_id.clone(), |t| (*t).to_owned()),
            at: show(b.accepted_at),
            ticket: b.ticket,
            by: b.accepted_by,
        })
        .collect();
    let accepted = store.config_acceptances_in(span).await?;
    for ((check, host), o) in latest(&drift) {
        // A baseline accepted after this outcome took its changes in.
        let later = accepted
            .iter()
            .rfind(|b| b.check_id == check && b.host == host && b.accepted_at > o.finished_at);
        let d: Option<Drift> = o
            .detail
            .as_ref()
            .and_then(|d| d.get("drift"))
            .and_then(|d| serde_json::from_value(d.clone()).ok());
        let paths = o
            .detail
            .as_ref()
            .and_then(|d| d["snapshot"]["entries"].as_object().map(|e| e.len()))
            .unwrap_or(0);
        let (added, removed, changed, detail) = match &d {
            Some(d) if d.count() > 0 && later.is_some() => (
                0,
                0,
                0,
                format!("变更已接受（{}）", later.map_or("", |b| b.ticket.as_str())),
            ),
            Some(d) if d.count() == 0 => (0, 0, 0, "与基线一致".to_owned()),
            Some(d) => {
                let mut names: Vec<String> =
                    d.added.iter().map(|c| format!("+{}", c.path)).collect();
                names.extend(d.removed.iter().map(|p| format!("-{p}")));
                names.extend(d.changed.iter().map(|c| format!("~{}", c.path)));
                let more = names.len().saturating_sub(8);
                names.truncate(8);
                let mut text = names.join("、");
                if more > 0 {
                    text.push_str(&format!(" 等 {} 项", more + 8));
                }
                (d.added.len(), d.removed.len(), d.changed.len(), text)
            }
            None => (0, 0, 0, o.summary.clone()),
        };
        s.drift.push(DriftRow {
            host: host_of(&host),
            check: o.title.clone(),
            paths,
            added,
            removed,
            changed,
            detail,
        });
    }
    s.any = !(s.access.is_empty()
        && s.reviews.is_empty()
        && s.acceptances.is_empty()
        && s.drift.is_empty());
    let failing_hosts = s.access.iter().filter(|a| a.failing > 0).count();
    let incomplete = s.access.iter().filter(|a| !a.complete).count();
    let drifted = s
        .drift
        .iter()
        .filter(|d| d.added + d.removed + d.changed > 0)
        .count();
    s.text = format!(
        "本期对 {} 台主机进行访问控制核查，{} 台存在不符合项{}；账号变化 {} 项，完成账号复核 {} 次；配置基线建立或更新 {} 次，期末 {} 台主机配置与基线不一致。",
        s.access.len(),
        failing_hosts,
        if incomplete > 0 {
            format!("，{incomplete} 台核查不完整")
        } else {
            String::new()
        },
        s.accounts.len(),
        s.reviews.len(),
        s.acceptances.len(),
        drifted,
    );
    Ok(s)
}
