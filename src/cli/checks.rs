//! `znode checks list|explain`: the checks of the configuration and the pack, as they were
//! read — what each observes, where it runs, and how it is judged — without reading YAML.

use std::io::Write;

use super::Context;
use crate::catalog::CheckSpec;
use crate::core::error::Error;
use crate::core::outcome::{Category, Status};
use crate::core::text::Lang;

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// The checks: category, item, id, title, probe kind, system, hosts, waiver
    List(ListArgs),
    /// One check in full: its file and line, probe parameters, where it runs, the thresholds
    /// each metric is judged by (and where they come from), retries, dependencies, remediation
    Explain(ExplainArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct ListArgs {
    /// Only these categories (中文 or English names)
    #[arg(long, value_delimiter = ',', value_parser = super::inspect::parse_category)]
    category: Vec<Category>,
    /// Only these systems
    #[arg(long, value_delimiter = ',')]
    system: Vec<String>,
    /// Only these probe kinds
    #[arg(long, value_delimiter = ',')]
    kind: Vec<String>,
    /// Disabled checks too
    #[arg(long)]
    all: bool,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct ExplainArgs {
    /// The check's id
    id: String,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

pub(super) fn run(cx: &Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::List(a) => list(cx, a),
        Command::Explain(a) => explain(cx, a),
    }
}

/// Where a check runs, as people say it.
fn placement(c: &CheckSpec, zh: bool) -> String {
    if c.hosts.is_empty() {
        if zh {
            "跳板机".into()
        } else {
            "jump host".into()
        }
    } else {
        c.hosts.join(",")
    }
}

fn list(cx: &Context, a: ListArgs) -> Result<Status, Error> {
    let (_, catalog) = cx.settings_and_catalog()?;
    let zh = cx.lang == Lang::Zh;
    let chosen: Vec<&CheckSpec> = catalog
        .checks
        .iter()
        .filter(|c| a.all || c.enabled)
        .filter(|c| a.category.is_empty() || a.category.contains(&c.category))
        .filter(|c| a.system.is_empty() || c.system.as_ref().is_some_and(|s| a.system.contains(s)))
        .filter(|c| a.kind.is_empty() || a.kind.iter().any(|k| k == c.probe.kind()))
        .collect();
    let mut out = std::io::stdout().lock();
    if let super::logs::ListFormat::Json = a.format {
        let rows: Vec<serde_json::Value> = chosen
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id,
                    "title": c.title,
                    "category": c.category.zh(),
                    "item": c.item,
                    "kind": c.probe.kind(),
                    "system": c.system,
                    "hosts": c.hosts,
                    "enabled": c.enabled,
                    "waiver": c.waiver.as_ref().map(|w| serde_json::json!({"reason": w.reason, "expires": w.expires.to_string()})),
                    "file": c.file.display().to_string(),
                    "line": c.pos.line,
                })
            })
            .collect();
        super::print_json(&mut out, &serde_json::Value::Array(rows))?;
        return Ok(Status::Ok);
    }
    let mut t = crate::report::new_table(cx.style);
    t.set_header(super::headers(
        cx.lang,
        &[
            ("类别", "category"),
            ("项", "item"),
            ("编号", "id"),
            ("标题", "title"),
            ("探针", "kind"),
            ("系统", "system"),
            ("运行于", "runs on"),
            ("状态", "state"),
        ],
    ));
    for c in &chosen {
        let state = match (&c.waiver, c.enabled) {
            (_, false) => if zh { "停用" } else { "disabled" }.to_owned(),
            (Some(w), true) => format!(
                "{} {}",
                if zh { "豁免至" } else { "waived until" },
                w.expires
            ),
            (None, true) => if zh { "启用" } else { "enabled" }.to_owned(),
        };
        t.add_row(vec![
            if zh { c.category.zh() } else { c.category.en() }.to_owned(),
            c.item.map(|i| i.to_string()).unwrap_or_default(),
            c.id.clone(),
            c.title.clone(),
            c.probe.kind().to_owned(),
            c.system.clone().unwrap_or_default(),
            placement(c, zh),
            state,
        ]);
    }
    writeln!(out, "{t}")?;
    writeln!(
        out,
        "{}",
        if zh {
            format!(
                "共 {} 项；`znode checks explain 编号` 查看一项的全部设置",
                chosen.len()
            )
        } else {
            format!(
                "{} checks; `znode checks explain ID` shows one in full",
                chosen.len()
            )
        }
    )?;
    Ok(Status::Ok)
}

/// The metrics a check's thresholds name, with the thresholds in force and where they come from.
fn thresholds(
    c: &CheckSpec,
    defaults: &std::collections::BTreeMap<String, crate::core::threshold::Thresholds>,
) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
    let kind = c.probe.kind();
    let mut names: Vec<String> = c.thresholds.keys().cloned().collect();
    names.extend(
        defaults
            .keys()
            .filter_map(|k| k.strip_prefix(&format!("{kind}.")).map(str::to_owned)),
    );
    names.extend(
        c.probe
            .default_thresholds()
            .iter()
            .map(|(n, _, _)| (*n).to_owned()),
    );
    if let Some(p) = c.probe.primary() {
        names.push(p.to_owned());
    }
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.clone()));
    names
        .into_iter()
        .map(|n| {
            let t = crate::judge::thresholds_for(c, defaults, &n);
            let from = if c.thresholds.contains_key(&n) {
                "check"
            } else if defaults.contains_key(&format!("{kind}.{n}")) {
                "defaults"
            } else if c.probe.default_thresholds().iter().any(|(m, _, _)| *m == n) {
                "probe"
            } else {
                "none"
            };
            (
                n,
                t.warn.as_ref().map(|r| r.as_str().to_owned()),
                t.crit.as_ref().map(|r| r.as_str().to_owned()),
                from,
            )
        })
        .collect()
}

fn explain(cx: &Context, a: ExplainArgs) -> Result<Status, Error> {
    let (settings, catalog) = cx.settings_and_catalog()?;
    let zh = cx.lang == Lang::Zh;
    let Some(c) = catalog.get(&a.id) else {
        let ids = catalog.checks.iter().map(|c| c.id.as_str());
        let hint = crate::core::yaml::did_you_mean(&a.id, ids)
            .map(|m| format!("; did you mean `{m}`?"))
            .unwrap_or_else(|| "; `znode checks list` lists them".into());
        return Err(Error::Usage(format!("no check `{}`{hint}", a.id)));
    };
    let limits = thresholds(c, &settings.defaults.thresholds);
    let timeout = c.timeout.unwrap_or(settings.defaults.timeout);
    let retries = c.retries.unwrap_or(settings.defaults.retries);
    let mut out = std::io::stdout().lock();
    if let super::logs::ListFormat::Json = a.format {
        let doc = serde_json::json!({
            "id": c.id,
            "title": c.title,
            "category": c.category.zh(),
            "item": c.item,
            "system": c.system,
            "target": c.target,
            "file": c.file.display().to_string(),
            "line": c.pos.line,
            "kind": c.probe.kind(),
            "probe": c.source,
            "place": c.probe.place().describe(),
            "hosts": c.hosts,
            "same": c.same,
            "thresholds": limits.iter().map(|(m, w, cr, from)| serde_json::json!({"metric": m, "warn": w, "crit": cr, "from": from})).collect::<Vec<_>>(),
            "timeout_ms": timeout.as_millis() as u64,
            "retries": retries,
            "every": c.every.map(|d| humantime::format_duration(d).to_string()),
            "depends_on": c.depends_on,
            "baseline": c.baseline.as_ref().map(|b| serde_json::json!({"metrics": b.metrics, "days": b.days, "k": b.k, "min_runs": b.min_runs})),
            "tags": c.tags,
            "remediation": c.remediation,
            "enabled": c.enabled,
            "waiver": c.waiver.as_ref().map(|w| serde_json::json!({"reason": w.reason, "expires": w.expires.to_string()})),
        });
        super::print_json(&mut out, &doc)?;
        return Ok(Status::Ok);
    }
    let label = |z: &'static str, e: &'static str| if zh { z } else { e };
    // Labels padded by display width: a Chinese character takes two columns.
    let mut row = |k: &str, v: String| {
        let width: usize = k.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        writeln!(
            out,
            "{k}{}{v}",
            " ".repeat(12usize.saturating_sub(width).max(1))
        )
    };
    row(label("编号", "id"), c.id.clone())?;
    row(label("标题", "title"), c.title.clone())?;
    row(
        label("类别", "category"),
        format!(
            "{}{}",
            if zh { c.category.zh() } else { c.category.en() },
            c.item.map(|i| format!("（{i}）")).unwrap_or_default()
        ),
    )?;
    if let Some(s) = &c.system {
        let name = settings
            .systems
            .iter()
            .find(|x| &x.id == s)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        row(label("系统", "system"), format!("{s} {name}"))?;
    }
    if let Some(t) = &c.target {
        row(label("目标", "target"), t.clone())?;
    }
    row(
        label("文件", "file"),
        format!("{}:{}", c.file.display(), c.pos.line),
    )?;
    row(
        label("状态", "state"),
        match (&c.waiver, c.enabled) {
            (_, false) => label("停用（只校验，不运行）", "disabled (validated, not run)").into(),
            (Some(w), true) => format!(
                "{} {}：{}",
                label("启用，豁免至", "enabled, waived until"),
                w.expires,
                w.reason
            ),
            (None, true) => label("启用", "enabled").into(),
        },
    )?;
    let params = c
        .source
        .as_ref()
        .map(|v| v.to_string())
        .unwrap_or_else(|| c.probe.kind().to_owned());
    row(label("探针", "probe"), params)?;
    row(
        label("运行于", "runs on"),
        format!(
            "{}（{}）",
            placement(c, zh),
            if zh {
                c.probe.place().describe_zh()
            } else {
                c.probe.place().describe()
            }
        ),
    )?;
    if let Some(same) = &c.same {
        row(
            label("一致性", "same"),
            format!(
                "{same}：{}",
                label("各主机须相同", "must match across hosts")
            ),
        )?;
    }
    row(
        label("超时重试", "timeout"),
        format!(
            "{} · {} {retries}",
            humantime::format_duration(timeout),
            label("重试", "retries")
        ),
    )?;
    if let Some(e) = c.every {
        row(
            label("值守间隔", "every"),
            humantime::format_duration(e).to_string(),
        )?;
    }
    if limits.is_empty() {
        row(
            label("判定", "judged"),
            label(
                "探针自身的判定（失败项）",
                "by the probe's own expectations",
            )
            .into(),
        )?;
    }
    for (m, w, cr, from) in &limits {
        let from = match (*from, zh) {
            ("check", true) => "检查文件",
            ("defaults", true) => "znode.yaml defaults",
            ("probe", true) => "探针默认",
            ("none", true) => "未设",
            (f, _) => f,
        };
        row(
            label("阈值", "threshold"),
            format!(
                "{m}（{}）：{} {} · {} {}（{from}）",
                crate::core::text::metric_name(m),
                label("告警", "warn"),
                w.as_deref().unwrap_or("-"),
                label("严重", "crit"),
                cr.as_deref().unwrap_or("-"),
            ),
        )?;
    }
    if let Some(b) = &c.baseline {
        row(
            label("历史基线", "baseline"),
            format!(
                "{}：{} {} · k={} · {} {}",
                b.metrics.join(","),
                b.days,
                label("天", "days"),
                b.k,
                label("至少", "min runs"),
                b.min_runs
            ),
        )?;
    }
    if !c.depends_on.is_empty() {
        row(label("依赖", "depends on"), c.depends_on.join(", "))?;
    }
    if !c.tags.is_empty() {
        row(label("标签", "tags"), c.tags.join(", "))?;
    }
    if let Some(r) = &c.remediation {
        row(label("处置建议", "remediation"), r.clone())?;
    }
    Ok(Status::Ok)
}
