//! `znode access review`: run the configured `access` checks as a recorded run, compare each
//! host's 账号清单 with the one the previous review signed, and record this review.

use std::collections::BTreeMap;

use crate::access::inventory::{self, Account, Changes};
use crate::catalog::Catalog;
use crate::core::outcome::Status;
use crate::store::{AccessReview, Store, StoreError};

/// The enabled `access` checks, or those named.
pub fn checks(catalog: &Catalog, named: &[String]) -> Result<Vec<String>, String> {
    super::checks_of_kind(
        catalog,
        "access",
        named,
        "enable `vul-access-review` of the shipped pack (checks/vulnerability.yaml) or write one",
    )
}

/// One host's part of a review.
#[derive(Clone, Debug, serde::Serialize)]
pub struct HostReview {
    /// The check.
    pub check: String,
    /// The host ('' for the jump host).
    pub host: String,
    /// The outcome's status.
    pub status: Status,
    /// The outcome's summary.
    pub summary: String,
    /// The checks it failed, as `title：what` lines (waived ones left out).
    pub failing: Vec<String>,
    /// The accounts now; empty when the check could not run.
    pub accounts: Vec<Account>,
    /// Against the previous review; `None` when there was none for this check and host.
    pub changes: Option<Changes>,
}

/// The account lists in a run's `access` outcomes, by (check, host).
pub fn lists(
    outcomes: &[crate::store::DetailedOutcome],
) -> BTreeMap<(String, String), Option<Vec<Account>>> {
    outcomes
        .iter()
        .map(|o| {
            let accounts = o
                .detail
                .as_ref()
                .and_then(|d| d.get("accounts"))
                .and_then(|a| serde_json::from_value::<Vec<Account>>(a.clone()).ok());
            ((o.check_id.clone(), o.host.clone()), accounts)
        })
        .collect()
}

/// Compares the run's lists with the previous review's, host by host.
pub async fn compare(
    store: &Store,
    run_id: i64,
    previous: Option<&AccessReview>,
) -> Result<Vec<HostReview>, StoreError> {
    let now = store.run_detailed_outcomes(run_id, "access").await?;
    let before = match previous {
        Some(p) => lists(&store.run_detailed_outcomes(p.run_id, "access").await?),
        None => BTreeMap::new(),
    };
    Ok(now
        .into_iter()
        .map(|o| {
            let key = (o.check_id.clone(), o.host.clone());
            let accounts: Vec<Account> = o
                .detail
                .as_ref()
                .and_then(|d| d.get("accounts"))
                .and_then(|a| serde_json::from_value(a.clone()).ok())
                .unwrap_or_default();
            let changes = match before.get(&key) {
                Some(Some(old)) if o.detail.is_some() => Some(inventory::compare(old, &accounts)),
                _ => None,
            };
            let failing = o
                .detail
                .as_ref()
                .and_then(|d| d.get("items"))
                .and_then(|i| i.as_array())
                .map(|items| {
                    items
                        .iter()
                        .filter(|i| i["status"] != "ok" && i["waived"].is_null())
                        .map(|i| {
                            let what: Vec<&str> = i["failures"]
                                .as_array()
                                .map(|f| f.iter().filter_map(|x| x.as_str()).collect())
                                .unwrap_or_default();
                            format!("{}：{}", i["title"].as_str().unwrap_or(""), what.join("；"))
                        })
                        .collect()
                })
                .unwrap_or_default();
            HostReview {
                failing,
                check: o.check_id,
                host: o.host,
                status: o.status,
                summary: o.summary,
                accounts,
                changes,
            }
        })
        .collect())
}
