//! `log`: the rules of a declared log source over a window: counts of scan rules (judged by each
//! rule's warn/crit) and findings of audit rules (by their severity), with sample lines.
//!
//! Checks on the same source and window share one pass over the files.

use crate::text;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;

use super::{Observation, Probe, ProbeContext, ProbeError};
use crate::core::error::Invalid;
use crate::core::outcome::{Metric, Status, format_value};
use crate::core::threshold::Thresholds;
use crate::logs::audit::{self, Known, local};
use crate::logs::rules::{Rule, RuleKind, RulePattern, Severity};
use crate::logs::{ScanRequest, SourceScan, Window};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Log {
    /// The source id from `logs.sources`.
    source: String,
    /// Rule ids; default: every scan rule that applies to the source.
    #[serde(default)]
    rules: Vec<String>,
    /// An extra rule: lines matching this regex are counted (judged by the check's warn/crit).
    pattern: Option<RulePattern>,
    /// How far back from now (default 24h).
    #[serde(default, with = "crate::core::duration::opt")]
    window: Option<Duration>,
    /// An absolute window start (RFC 3339), instead of `window`.
    from: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// An absolute window end (RFC 3339, exclusive).
    to: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// The part of a log a check reads.
#[derive(Clone, Copy, Debug)]
pub enum Span {
    /// The last stretch up to now.
    Last(Duration),
    /// Between two times; an open end reaches the start or the end of the files.
    Between {
        /// Start, inclusive.
        from: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// End, exclusive.
        to: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
}

impl Log {
    /// One rule of `logs.rules` over one source.
    pub fn rule(source: &str, rule: &str, span: Span) -> Log {
        let (window, from, to) = match span {
            Span::Last(d) => (Some(d), None, None),
            Span::Between { from, to } => (None, from, to),
        };
        Log {
            source: source.to_owned(),
            rules: vec![rule.to_owned()],
            pattern: None,
            window,
            from,
            to,
        }
    }
}

const DEFAULT_WINDOW: Duration = Duration::from_secs(24 * 3600);
const SHOWN_SAMPLES: usize = 4;
/// Findings of an audit rule listed in the evidence; the rest are counted.
const SHOWN_FINDINGS: usize = 20;

impl Log {
    fn kinds(&self, settings: &crate::settings::Settings) -> Vec<RuleKind> {
        let mut kinds: Vec<RuleKind> = self
            .rules
            .iter()
            .filter_map(|id| settings.logs.rule(id).map(|r| r.kind))
            .collect();
        // An inline pattern alone runs alone; no rules named means every scan rule.
        if self.rules.is_empty() && self.pattern.is_none() {
            kinds.push(RuleKind::Scan);
        }
        kinds.sort_by_key(|k| *k as u8);
        kinds.dedup();
        kinds
    }

    fn window(&self, now: i64) -> Window {
        if self.from.is_some() || self.to.is_some() {
            return Window {
                from: self.from.map(|t| t.timestamp_millis()),
                to: self.to.map(|t| t.timestamp_millis()),
            };
        }
        Window::last(self.window.unwrap_or(DEFAULT_WINDOW), now)
    }
}

impl Probe for Log {
    const KIND: &'static str = "log";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("count")
    }

    fn written(&self) -> Option<serde_json::Value> {
        let mut v = serde_json::json!({ "source": self.source, "rules": self.rules });
        let m = v.as_object_mut()?;
        if let Some(p) = &self.pattern {
            m.insert("pattern".into(), p.0.as_str().into());
        }
        if let Some(w) = self.window {
            m.insert("window".into(), w.as_secs_f64().into());
        }
        for (key, t) in [("from", self.from), ("to", self.to)] {
            if let Some(t) = t {
                m.insert(key.into(), t.to_rfc3339().into());
            }
        }
        Some(v)
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        if settings.logs.source(&self.source).is_none() {
            let known = settings.logs.source_ids();
            return Err(Invalid::new(
                format!("unknown log source `{}`", self.source),
                match crate::core::yaml::did_you_mean(&self.source, known.iter().copied()) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None if known.is_empty() => {
                        "declare it under `logs.sources` in znode.yaml".into()
                    }
                    None => format!("one of: {}", known.join(", ")),
                },
            ));
        }
        for r in &self.rules {
            if settings.logs.rule(r).is_none() {
                return Err(Invalid::new(
                    format!("unknown log rule `{r}`"),
                    match crate::core::yaml::did_you_mean(
                        r,
                        settings.logs.rules.iter().map(|x| x.id.as_str()),
                    ) {
                        Some(m) => format!("did you mean `{m}`?"),
                        None => "see rules/log-rules.yaml or declare it under `logs.rules`".into(),
                    },
                ));
            }
        }
        // A window that holds nothing finds nothing, and 正常 would be said without looking.
        if self.window.is_some_and(|w| w.is_zero()) {
            return Err(Invalid::new(
                "`window` is zero: the check would read nothing",
                "e.g. `window: 24h`, or `from`/`to` for a fixed span",
            ));
        }
        if self
            .window
            .is_some_and(|w| w > Duration::from_secs(366 * 86400))
        {
            return Err(Invalid::new(
                "`window` is longer than a year",
                "a log check reads a recent span, e.g. `window: 24h`; use `from`/`to` for an old one",
            ));
        }
        if let (Some(f), Some(t)) = (self.from, self.to)
            && f >= t
        {
            return Err(Invalid::new(
                format!("`from` {f} is not before `to` {t}: the window is empty"),
                "swap them, or give a later `to`",
            ));
        }
        Ok(())
    }

    async fn observe(&self, cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let settings = cx.settings;
        let shared = &cx.shared.logs;
        let source =
            settings.logs.source(&self.source).cloned().ok_or_else(|| {
                ProbeError::unknown(format!("unknown log source `{}`", self.source))
            })?;
        let extra = self.pattern.as_ref().map(|p| {
            Arc::new(Rule {
                id: "pattern".into(),
                title: "匹配行".into(),
                kind: RuleKind::Scan,
                formats: Vec::new(),
                pattern: p.clone(),
                warn: None,
                crit: None,
                severity: Severity::Warn,
                group_by: Vec::new(),
                burst: None,
                normal_hours: None,
                new: Vec::new(),
                above: None,
                remediation: None,
                enabled: true,
            })
        });
        let window = self.window(shared.now());
        let req = ScanRequest {
            kinds: self.kinds(settings),
            extra,
            window,
            incremental: shared.incremental,
            collect: Vec::new(),
            collect_max: 0,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            timeout: Some(cx.timeout),
        };
        let key = format!(
            "{}|{:?}|{:?}|{:?}|{}",
            source.id,
            req.kinds,
            req.window,
            self.pattern.as_ref().map(|p| p.0.as_str()),
            req.incremental
        );
        let logs = settings.logs.clone();
        let base = settings.base_dir.clone();
        let tz = settings.timezone;
        let cursors = shared.cursors.clone();
        let scan = shared
            .scan(key, move || {
                crate::logs::scan_source(&logs, &source, &base, tz, &req, &cursors)
            })
            .await;
        let scan = match &*scan {
            Ok(s) => s,
            Err(e) => return Err(ProbeError::unknown(e.clone())),
        };
        if let Some(why) = scan.unmatched() {
            let english = scan.unmatched_message().unwrap_or_default();
            return Err(ProbeError::unknown(if scan.journal {
                text!(
                    "无法读取 systemd 日志：{why}",
                    "{english}",
                    why = why.unwrap_or_default(),
                    english = english,
                )
            } else {
                let why = why.map(|p| format!("（{}）", p.zh)).unwrap_or_default();
                text!(
                    "未找到日志文件{why}",
                    "{english}",
                    why = why,
                    english = english
                )
            }));
        }
        Ok(self.observation(scan, &shared.known, tz))
    }
}

impl Log {
    fn observation(&self, scan: &SourceScan, known: &Known, tz: chrono_tz::Tz) -> Observation {
        let mut obs = Observation::default();
        let reported: Vec<usize> = scan
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                if r.id == "pattern" && self.pattern.is_some() {
                    true
                } else if self.rules.is_empty() && self.pattern.is_none() {
                    r.kind == RuleKind::Scan
                } else {
                    self.rules.contains(&r.id)
                }
            })
            .map(|(i, _)| i)
            .collect();
        if scan.files.is_empty() {
            obs.evidence.push(format!(
                "{} 个文件最后写入早于统计窗口，未读取",
                scan.skipped_old
            ));
        }
        let mut total = 0u64;
        let mut findings_total = 0u64;
        let mut parts = Vec::new();
        for i in reported {
            let rule = &scan.rules[i];
            let res = &scan.results[i];
            let when = match (res.first, res.last) {
                (Some(a), Some(b)) if res.count > 1 => {
                    format!("（首次 {}，末次 {}）", local(a, tz), local(b, tz))
                }
                (Some(a), _) => format!("（{}）", local(a, tz)),
                _ => String::new(),
            };
            match rule.kind {
                RuleKind::Scan => {
                    total += res.count;
                    obs.metrics
                        .push(Metric::labelled("matches", &rule.id, res.count as f64, "c"));
                    parts.push(format!("{} {} 条", rule.title, res.count));
                    let t = Thresholds {
                        warn: rule.warn.clone(),
                        crit: rule.crit.clone(),
                    };
                    if let Some((st, breach)) = t.judge(res.count as f64) {
                        obs.fail(
                            st,
                            format!("{} {} 条 {breach}{when}", rule.title, res.count),
                        );
                    }
                    if res.count > 0 {
                        obs.evidence
                            .push(format!("{}：{} 条{when}", rule.title, res.count));
                        for s in res.samples.iter().take(SHOWN_SAMPLES) {
                            let t = s.ts.map(|t| local(t, tz)).unwrap_or_else(|| "--".into());
                            obs.evidence.push(format!("  {t}  {}", s.text));
                        }
                        if let Some(r) = &rule.remediation
                            && res.count > 0
                        {
                            obs.evidence.push(format!("  处理建议：{r}"));
                        }
                    }
                }
                RuleKind::Audit => {
                    let key = Known::key(&scan.source, &rule.id);
                    let fields: Vec<String> =
                        rule.fields().into_iter().map(str::to_owned).collect();
                    let (findings, seen) =
                        audit::detect(rule, &fields, &res.events, known.before.get(&key), tz);
                    if !seen.is_empty() {
                        let mut s = known.seen.lock().unwrap_or_else(|e| e.into_inner());
                        s.extend(seen.iter().map(|(v, t)| (key.clone(), v.clone(), *t)));
                    }
                    if !rule.new.is_empty() && !known.before.contains_key(&key) && !seen.is_empty()
                    {
                        obs.evidence.push(format!(
                            "{}：首次审计，记录基线 {} 个",
                            rule.title,
                            seen.len()
                        ));
                    }
                    // An audit rule counts findings: its raw matches are a metric of their own,
                    // not the check's value (540 matches may be 0 findings).
                    findings_total += findings.len() as u64;
                    total += findings.len() as u64;
                    obs.metrics.push(Metric::labelled(
                        "findings",
                        &rule.id,
                        findings.len() as f64,
                        "c",
                    ));
                    obs.metrics
                        .push(Metric::labelled("matches", &rule.id, res.count as f64, "c"));
                    parts.push(format!("{} {} 项", rule.title, findings.len()));
                    // One reason per rule, however many findings: the table cell stays a line.
                    if rule.severity != Severity::Info
                        && let Some(first) = findings.first()
                    {
                        obs.fail(
                            rule.severity.status(),
                            if findings.len() == 1 {
                                format!("{}：{}", rule.title, first.detail)
                            } else {
                                format!(
                                    "{} {} 项，如：{}",
                                    rule.title,
                                    findings.len(),
                                    first.detail
                                )
                            },
                        );
                    }
                    for f in findings.iter().take(SHOWN_FINDINGS) {
                        obs.evidence.push(format!("{}：{}", rule.title, f.detail));
                        obs.evidence
                            .extend(f.evidence.iter().map(|e| format!("  {e}")));
                    }
                    if findings.len() > SHOWN_FINDINGS {
                        obs.evidence.push(format!(
                            "{}：… 另有 {} 项（共 {} 项）",
                            rule.title,
                            findings.len() - SHOWN_FINDINGS,
                            findings.len()
                        ));
                    }
                    if !findings.is_empty()
                        && let Some(r) = &rule.remediation
                    {
                        obs.evidence.push(format!("  处理建议：{r}"));
                    }
                    if res.events_dropped > 0 {
                        obs.evidence.push(format!(
                            "{}：另有 {} 条匹配超出前 {} 条，只计数、未逐条分析",
                            rule.title,
                            res.events_dropped,
                            crate::logs::scan::MAX_EVENTS
                        ));
                    }
                }
            }
        }
        for f in &scan.files {
            if let Some(w) = &f.warning {
                obs.fail(
                    Status::Warn,
                    text!("{p}：{w}", "{p}: {w}", p = f.path.display(), w = *w),
                );
            }
            if let Some(e) = &f.error {
                obs.fail(
                    Status::Warn,
                    text!(
                        "{p} 未读完：{e}",
                        "{p}: read stopped early: {e}",
                        p = f.path.display(),
                        e = *e,
                    ),
                );
            }
            if f.long_lines > 0 {
                obs.evidence.push(format!(
                    "{}：{} 行超过 {}，只检索了前面部分",
                    f.path.display(),
                    f.long_lines,
                    format_value(crate::logs::scan::MAX_LINE as f64, "B")
                ));
            }
        }
        for p in &scan.problems {
            obs.evidence.push(p.clone());
        }
        obs.metrics
            .insert(0, Metric::new("count", total as f64, "c"));
        if findings_total > 0 {
            obs.metrics
                .push(Metric::new("findings", findings_total as f64, "c"));
        }
        obs.metrics
            .push(Metric::new("bytes", scan.bytes() as f64, "B"));
        obs.summary = if scan.journal {
            text!(
                "{parts}（systemd 日志，{size}）",
                "{source}: {parts} (systemd journal, {size}, format {format})",
                source = scan.source,
                parts = parts.join("，"),
                size = format_value(scan.bytes() as f64, "B"),
                format = scan.format.name(),
            )
        } else {
            text!(
                "{parts}（{n} 个文件，{size}）",
                "{source}: {parts} ({n} files, {size}, format {format})",
                source = scan.source,
                parts = parts.join("，"),
                n = scan.files.len(),
                size = format_value(scan.bytes() as f64, "B"),
                format = scan.format.name(),
            )
        };
        obs
    }
}
