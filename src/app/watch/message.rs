//! The words of alert messages: what the duty engineer reads on a phone at 3 a.m., in Chinese,
//! the most important line first.

use std::time::Duration;

use crate::alert::{Hold, Notice};
use crate::core::clock::local_time;
use crate::core::outcome::Status;
use crate::core::text::duration;
use crate::store::AlertRow;

/// What a message says about one alert.
pub struct About<'a> {
    /// The alert.
    pub row: &'a AlertRow,
    /// The system's Chinese name, if it has one.
    pub system: Option<&'a str>,
    /// The escalation tier's name, for an escalation.
    pub tier: Option<&'a str>,
    /// The checks it affects (held back because of it), by title.
    pub affected: &'a [String],
    /// Now.
    pub now: i64,
    /// The node's timezone.
    pub tz: chrono_tz::Tz,
    /// Failures in a row that confirm a problem.
    pub failure_threshold: u32,
}

/// How long since `ms`, in words.
fn lasted(from: Option<i64>, now: i64) -> Option<String> {
    from.map(|f| duration(Duration::from_millis((now - f).max(0) as u64)).zh)
}

/// Why notices were held, as the recovery message words it.
pub fn held_words(h: &Hold) -> String {
    match h {
        Hold::Silence { id, reason } => format!("静默期间已恢复（静默 {id}：{reason}）"),
        Hold::Maintenance(name) => format!("维护期内已恢复（{name}）"),
        Hold::Affected(by) | Hold::Awaiting(by) => format!("上游 {by} 异常期间已恢复"),
    }
}

/// What holds an alert back, for lists and the status page.
pub fn hold_words(h: &Hold) -> String {
    match h {
        Hold::Silence { id, reason } => format!("静默 {id}（{reason}）"),
        Hold::Maintenance(name) => format!("维护期：{name}"),
        Hold::Affected(by) => format!("受影响：{by} 异常"),
        Hold::Awaiting(by) => format!("等待上游 {by} 检查结果"),
    }
}

/// The title and text of a notice.
pub fn compose(n: &Notice, a: &About<'_>) -> (String, String) {
    let row = a.row;
    let who = row.name();
    let (head, first) = match n {
        Notice::Firing(level) => (
            format!("【{}】{who}", level_word(*level)),
            format!(
                "{who} {}：连续 {} 次检查异常",
                level_word(*level),
                a.failure_threshold
            ),
        ),
        Notice::Changed { from, to } => (
            format!("【{}】{who}", level_word(*to)),
            format!(
                "{who} 由{}{}为{}",
                level_word(*from),
                if to > from { "升级" } else { "降级" },
                level_word(*to)
            ),
        ),
        Notice::Resolved { held, .. } => (
            format!("【已恢复】{who}"),
            match held {
                Some(h) => format!("{who} 已恢复正常，{}", held_words(h)),
                None => format!("{who} 已恢复正常"),
            },
        ),
        Notice::Reminder(level) => (
            format!("【提醒】{who} 仍{}", level_word(*level)),
            format!("{who} 仍未恢复，尚无人确认"),
        ),
        Notice::Escalate(_) => (
            format!("【升级·{}】{who}", a.tier.unwrap_or("上级")),
            format!(
                "{who} 告警未在规定时间内确认，升级通知{}",
                a.tier.unwrap_or("上级")
            ),
        ),
        Notice::FlapStart => (
            format!("【抖动】{who}"),
            format!(
                "{who} 状态频繁变化（近 {} 次检查中变化占 {:.0}%），暂停逐次告警，待稳定后通知结果",
                row.alert.seen,
                row.alert.change_share() * 100.0
            ),
        ),
        Notice::Retired(_) => (
            format!("【不再监测】{who}"),
            format!("{who} 已不在监测范围内（检查项已删除或未选中），此前的告警就此关闭"),
        ),
        Notice::FlapStop => (
            format!("【抖动结束】{who}"),
            format!("{who} 状态已稳定，当前{}", level_word(row.alert.status)),
        ),
    };
    let mut lines = vec![first];
    if !matches!(
        n,
        Notice::Resolved { .. } | Notice::FlapStop | Notice::Retired(_)
    ) {
        lines.push(format!("情况：{}", row.summary));
    }
    if let Some(since) = row.alert.since.or(row.alert.fired_at) {
        let at = local_time(since, a.tz, "%m-%d %H:%M:%S");
        let so_far = lasted(Some(since), a.now).unwrap_or_default();
        lines.push(match n {
            Notice::Resolved { .. } => format!("异常开始：{at}，持续 {so_far}"),
            _ => format!("异常开始：{at}，已持续 {so_far}"),
        });
    }
    if let Some(s) = a.system {
        lines.push(format!("所属系统：{s}"));
    }
    if !a.affected.is_empty() {
        lines.push(format!("受影响（不单独告警）：{}", a.affected.join("、")));
    }
    if matches!(
        n,
        Notice::Firing(_) | Notice::Changed { .. } | Notice::Reminder(_) | Notice::Escalate(_)
    ) {
        lines.push(format!(
            "确认处理：znode alert ack {} --by 姓名",
            row.about.subject
        ));
    }
    (head, lines.join("\n"))
}

/// A status as alerts word it.
pub fn level_word(s: Status) -> &'static str {
    match s {
        Status::Ok => "正常",
        Status::Warn => "告警",
        Status::Crit => "严重",
        Status::Unknown => "未知",
    }
}
