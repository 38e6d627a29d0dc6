//! Version sync (SPEC R5): the ten steps a release of the province's standard edition goes
//! through at the node, the rules between them, and reading the versions the systems run.

use std::cmp::Ordering;

use crate::settings::{Settings, SystemVersion};
use crate::store::{Release, StepState};

/// The ten steps, in order.
pub const STEPS: [&str; 10] = [
    "升级目标",
    "使用调研",
    "需求分析",
    "方案设计",
    "开发",
    "测试环境部署（先备份）",
    "测试环境测试",
    "培训",
    "生产环境切换（数据迁移、切换）",
    "生产用户验证与上线通知",
];

/// The playbook that carries out an executable step.
pub fn playbook_of(step: i64) -> Option<&'static str> {
    match step {
        6 => Some("sync-test-deploy"),
        9 => Some("sync-cutover"),
        _ => None,
    }
}

/// Why a step cannot start now, if it cannot.
pub fn refusal(r: &Release, step: i64) -> Option<String> {
    if !(1..=10).contains(&step) {
        return Some(format!("there is no step {step}; the steps are 1 to 10"));
    }
    if r.closed_at.is_some() {
        return Some(format!("release #{} is closed", r.id));
    }
    let done = |n: i64| {
        r.steps
            .iter()
            .any(|s| s.step == n && s.state == StepState::Done)
    };
    if let Some(missing) = (1..step).find(|n| !done(*n)) {
        return Some(format!(
            "step {missing}（{}）is not done yet",
            STEPS[missing as usize - 1]
        ));
    }
    if step == 9 && r.rollback_plan.is_none() {
        return Some(format!(
            "step 9 needs a rollback plan first: znode sync rollback-plan {} --file PLAN",
            r.id
        ));
    }
    if step == 10 && r.signoffs.is_empty() {
        return Some(format!(
            "step 10 needs the key users' sign-offs: znode sync signoff {} --user NAME",
            r.id
        ));
    }
    None
}

/// Compares a running version with the declared one: `1.2` and `V1.2.0` are the same release.
pub fn compare(running: &str, declared: &str) -> Ordering {
    let norm = |v: &str| {
        let v = v.trim().trim_start_matches(['v', 'V']);
        // Trailing `.0` components do not make a different release.
        let mut parts: Vec<&str> = v.split('.').collect();
        while parts.len() > 1 && parts.last() == Some(&"0") {
            parts.pop();
        }
        parts.join(".")
    };
    crate::probe::version::compare(&norm(running), &norm(declared))
}

/// Reads a system's running version: fetched, then the pattern's first group or the first
/// version-like token.
pub async fn read(v: &SystemVersion, settings: &Settings) -> Result<String, String> {
    let text = if let Some(url) = &v.url {
        let client = reqwest::Client::builder()
            .timeout(settings.defaults.timeout)
            .build()
            .map_err(|e| e.to_string())?;
        let resp = client
            .get(url)
            .send()
            .await
            .map_err(|e| format!("GET {url}: {e}"))?;
        let server = resp
            .headers()
            .get("server")
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = resp.text().await.map_err(|e| e.to_string())?;
        format!("{body}\n{server}")
    } else if let Some(cmd) = &v.command {
        let ran = tokio::time::timeout(
            settings.defaults.timeout,
            crate::core::process::run_process(cmd, None, &[]),
        )
        .await
        .map_err(|_| "the version command timed out".to_owned())??;
        format!("{}\n{}", ran.stdout, ran.stderr)
    } else {
        return Err("no `url` or `command` to read the version from".into());
    };
    match &v.pattern {
        Some(p) => {
            let re = regex::Regex::new(p).map_err(|e| format!("bad pattern: {e}"))?;
            re.captures(&text)
                .and_then(|c| c.get(1).or_else(|| c.get(0)))
                .map(|m| m.as_str().trim().to_owned())
                .ok_or_else(|| format!("/{p}/ matches nothing in the answer"))
        }
        None => {
            // `V3.2.1` is common in Chinese vendors' version strings: the `V` is not part of it.
            static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
                regex::Regex::new(r"(?:\b[vV]|\b)(\d+(?:\.\d+)+[0-9A-Za-z.+~\-]*)")
                    .expect("literal regex")
            });
            RE.captures(&text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().trim_end_matches(['.', '-']).to_owned())
                .ok_or_else(|| "no version in the answer".to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_version_formats_compare() {
        assert_eq!(compare("V3.2.1", "3.2.1"), Ordering::Equal);
        assert_eq!(compare("3.2", "3.2.0"), Ordering::Equal);
        assert_eq!(compare("3.10.0", "3.9.9"), Ordering::Greater);
        assert_eq!(compare("3.2.1-rc1", "3.2.1"), Ordering::Less);
        assert_eq!(compare("2025.10.1", "2025.9.30"), Ordering::Greater);
        assert_eq!(compare("v3.2.1-build20251010", "3.2.1"), Ordering::Greater);
    }
}
