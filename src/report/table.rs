//! Tables for people: one block per inspection category, then the summary.

use std::collections::BTreeMap;
use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};

use super::{Lang, RunReport, status_word};
use crate::core::outcome::Category;
use crate::core::outcome::Status;
use crate::store::{Diff, DiffEntry, RunRow, RunState, StoredOutcome};

fn status_cell(s: Status, label: String, color: bool) -> Cell {
    let c = Cell::new(label);
    if !color {
        return c;
    }
    match s {
        Status::Ok => c.fg(Color::Green),
        Status::Warn => c.fg(Color::Yellow).add_attribute(Attribute::Bold),
        Status::Crit => c.fg(Color::Red).add_attribute(Attribute::Bold),
        Status::Unknown => c.fg(Color::Magenta).add_attribute(Attribute::Bold),
    }
}

/// How tables are drawn: in colour or not, and the width of the terminal they go to (`None`
/// when stdout is not a terminal, or it reports no usable width).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableStyle {
    /// ANSI colours on status cells.
    pub color: bool,
    /// Columns of the terminal.
    pub width: Option<u16>,
}

/// A table in the house style: condensed UTF-8 borders, wrapped to a wide enough terminal.
pub fn new_table(style: TableStyle) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    // Wrap only to a usable width: `script`, serial consoles and some jump hosts report 0, and
    // wrapping to that squeezes every column to one character.
    match style.width {
        Some(w) if w >= 80 => {
            t.set_width(w);
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        _ => {
            t.force_no_tty();
        }
    }
    if style.color {
        t.enforce_styling();
    }
    t
}

fn category_title(c: Category, lang: Lang) -> String {
    match lang {
        Lang::Zh => c.zh().to_owned(),
        Lang::En => format!("{} ({})", c.zh(), c.en()),
    }
}

/// Renders one run.
pub(super) fn render_run(
    r: &RunReport,
    lang: Lang,
    style: TableStyle,
    w: &mut dyn Write,
) -> io::Result<()> {
    let zh = lang == Lang::Zh;
    let state = match (r.run.state, zh) {
        (RunState::Finished, _) => String::new(),
        (RunState::Interrupted, true) => " · 已中断".into(),
        (RunState::Running, true) => " · 进行中".into(),
        (s, false) => format!(" · {}", s.as_str()),
    };
    let what = super::command_name(&r.run.command, lang);
    writeln!(
        w,
        "{} · {what} #{} · {} ({}){state}",
        r.run.node,
        r.run.id,
        r.local_time(r.run.started_at),
        r.timezone
    )?;
    let fleet = r.rows.iter().any(|x| x.outcome.host.is_some());
    for cat in Category::ALL {
        let rows: Vec<_> = r.rows.iter().filter(|x| x.info.category == cat).collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(w, "\n{}", category_title(cat, lang))?;
        let mut t = new_table(style);
        let mut header: Vec<&str> = if zh {
            vec!["状态", "编号", "检查项", "ID", "系统", "值", "说明"]
        } else {
            vec!["status", "item", "check", "id", "system", "value", "reason"]
        };
        if fleet {
            header.insert(4, if zh { "主机" } else { "host" });
        }
        t.set_header(header);
        for row in &rows {
            let o = &row.outcome;
            let mut label = status_word(o.status, lang).to_owned();
            if o.waiver.as_ref().is_some_and(|w| !w.expired) {
                label.push_str(if zh { "(豁免)" } else { " (waived)" });
            } else if o.flaky {
                label.push_str(if zh { "(重试)" } else { " (flaky)" });
            }
            let item = row.info.item.map(|n| format!("({n})")).unwrap_or_default();
            let value = o
                .primary_metric()
                .map(|m| m.display_value())
                .unwrap_or_else(|| "-".into());
            let mut cells = vec![
                status_cell(
                    o.effective_status().max(o.status.min(Status::Warn)),
                    label,
                    style.color,
                ),
                Cell::new(item),
                Cell::new(&row.info.title),
                Cell::new(&o.check),
                Cell::new(r.system_name(row.info.system.as_deref())),
                Cell::new(value),
                Cell::new(o.summary_in(lang)),
            ];
            if fleet {
                let here = if zh { "本机" } else { "local" };
                cells.insert(4, Cell::new(o.host.as_deref().unwrap_or(here)));
            }
            t.add_row(cells);
        }
        writeln!(w, "{t}")?;
        evidence(&rows, lang, w)?;
    }
    unreached_hosts(r, lang, w)?;
    let s = r.summary();
    let dur = match r.run.finished_at {
        Some(f) => format!("{:.1} s", (f - r.run.started_at) as f64 / 1000.0),
        None => "-".into(),
    };
    let result = r.status();
    if zh {
        let mut extra = Vec::new();
        if s.waived > 0 {
            extra.push(format!("豁免 {}", s.waived));
        }
        if s.flaky > 0 {
            extra.push(format!("重试通过 {}", s.flaky));
        }
        if s.disabled > 0 {
            extra.push(format!("未启用 {}", s.disabled));
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" · {}", extra.join(" · "))
        };
        let missing = r.run.planned - s.total as i64;
        let missing = if missing > 0 {
            format!(" · 未完成 {missing}")
        } else {
            String::new()
        };
        writeln!(
            w,
            "\n汇总: 共 {} 项 · 正常 {} · 告警 {} · 严重 {} · 未知 {}{extra}{missing} · 用时 {dur} · 结论 {} (exit {})",
            s.total,
            s.ok,
            s.warn,
            s.crit,
            s.unknown,
            result.zh(),
            result.exit_code()
        )
    } else {
        writeln!(
            w,
            "\nSummary: {} checks · {} ok · {} warn · {} crit · {} unknown · {} waived · {} flaky · {} disabled · {dur} · result {} (exit {})",
            s.total,
            s.ok,
            s.warn,
            s.crit,
            s.unknown,
            s.waived,
            s.flaky,
            s.disabled,
            result,
            result.exit_code()
        )
    }
}

/// One line per host that could not be reached, instead of a reason per check.
fn unreached_hosts(r: &RunReport, lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    let mut hosts: BTreeMap<&str, (usize, &crate::core::outcome::Outcome)> = BTreeMap::new();
    for o in r.rows.iter().map(|x| &x.outcome).filter(|o| o.unreached) {
        let e = hosts
            .entry(o.host.as_deref().unwrap_or_default())
            .or_insert((0, o));
        e.0 += 1;
    }
    if hosts.is_empty() {
        return Ok(());
    }
    writeln!(
        w,
        "\n{}",
        if lang == Lang::Zh {
            "未采集的主机:"
        } else {
            "hosts not collected:"
        }
    )?;
    for (host, (checks, o)) in hosts {
        let why = o
            .summary
            .strip_prefix(crate::runner::remote::UNREACHED)
            .unwrap_or(&o.summary);
        match lang {
            Lang::Zh => writeln!(w, "  {host}: {why}（{checks} 项检查未采集）")?,
            Lang::En => writeln!(w, "  {host}: {why} ({checks} checks not collected)")?,
        }
        for line in &o.evidence {
            writeln!(w, "    {line}")?;
        }
    }
    Ok(())
}

/// Evidence lines of the outcomes that are not OK, under their table: the sample log lines, the
/// holders of a port, the findings of an audit.
fn evidence(rows: &[&StoredOutcome], lang: Lang, w: &mut dyn Write) -> io::Result<()> {
    const LINES: usize = 8;
    let mut first = true;
    for row in rows {
        let o = &row.outcome;
        // An unreachable host is told once, under the tables, not under each of its checks.
        if o.effective_status() == Status::Ok || o.evidence.is_empty() || o.unreached {
            continue;
        }
        if first {
            writeln!(
                w,
                "{}",
                if lang == Lang::Zh {
                    "证据:"
                } else {
                    "evidence:"
                }
            )?;
            first = false;
        }
        writeln!(w, "  {}", o.subject())?;
        for line in o.evidence.iter().take(LINES) {
            writeln!(w, "    {line}")?;
        }
        if o.evidence.len() > LINES {
            let more = o.evidence.len() - LINES;
            match lang {
                Lang::Zh => writeln!(w, "    … 另有 {more} 行（--format json 查看全部）")?,
                Lang::En => writeln!(w, "    … {more} more (see --format json)")?,
            }
        }
    }
    Ok(())
}

/// Lists runs.
pub fn render_runs(
    runs: &[RunRow],
    tz: chrono_tz::Tz,
    lang: Lang,
    style: TableStyle,
    w: &mut dyn Write,
) -> io::Result<()> {
    let zh = lang == Lang::Zh;
    let mut t = new_table(style);
    let header: &[&str] = if zh {
        &[
            "运行",
            "开始时间",
            "用时",
            "状态",
            "结论",
            "检查数",
            "正常",
            "告警",
            "严重",
            "未知",
        ]
    } else {
        &[
            "run", "started", "took", "state", "result", "checks", "ok", "warn", "crit", "unknown",
        ]
    };
    t.set_header(header.iter().copied());
    for r in runs {
        let started = chrono::DateTime::from_timestamp_millis(r.started_at)
            .map(|x| x.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_default();
        let took = r
            .finished_at
            .map(|f| format!("{:.1} s", (f - r.started_at) as f64 / 1000.0))
            .unwrap_or_else(|| "-".into());
        let state = match (r.state, zh, r.backfill.is_some()) {
            (RunState::Finished, true, true) => "补录",
            (RunState::Finished, false, true) => "back-filled",
            (RunState::Finished, true, _) => "完成",
            (RunState::Interrupted, true, _) => "已中断",
            (RunState::Running, true, _) => "进行中",
            (s, false, _) => s.as_str(),
        };
        let count = |s: Status| r.counts.get(&s).copied().unwrap_or(0).to_string();
        let result = r
            .status
            .map(|s| status_cell(s, status_word(s, lang).into(), style.color))
            .unwrap_or_else(|| Cell::new("-"));
        t.add_row(vec![
            Cell::new(format!("#{}", r.id)),
            Cell::new(started),
            Cell::new(took),
            Cell::new(state),
            result,
            Cell::new(format!("{}/{}", r.done, r.planned)),
            Cell::new(count(Status::Ok)),
            Cell::new(count(Status::Warn)),
            Cell::new(count(Status::Crit)),
            Cell::new(count(Status::Unknown)),
        ]);
    }
    writeln!(w, "{t}")
}

/// Prints a diff of two runs; checks failing in both runs are listed only with `all`.
pub fn render_diff(
    d: &Diff,
    all: bool,
    lang: Lang,
    style: TableStyle,
    w: &mut dyn Write,
) -> io::Result<()> {
    let zh = lang == Lang::Zh;
    writeln!(
        w,
        "{} #{} → #{}",
        if zh { "巡检对比" } else { "diff" },
        d.from,
        d.to
    )?;
    if let Some([a, b]) = &d.selections {
        writeln!(
            w,
            "{}",
            if zh {
                format!(
                    "注意：两次运行选择的检查不同（#{}：{a}；#{}：{b}），新增和已移除可能只是不在对方的选择内",
                    d.from, d.to
                )
            } else {
                format!(
                    "note: the runs selected different checks (#{}: {a}; #{}: {b}); new and gone may only be outside the other's selection",
                    d.from, d.to
                )
            }
        )?;
    }
    let groups: [(&str, &str, &Vec<DiffEntry>); 6] = [
        ("变差", "worse", &d.worse),
        ("新增", "new", &d.new),
        ("仍异常", "still failing", &d.still_failing),
        ("好转", "improved", &d.improved),
        ("已恢复", "recovered", &d.recovered),
        ("已移除", "gone", &d.gone),
    ];
    let word = |s: Option<Status>| {
        s.map(|s| status_word(s, lang).to_owned())
            .unwrap_or_else(|| "-".into())
    };
    for (zh_name, en_name, list) in groups {
        if list.is_empty() || (!all && std::ptr::eq(list, &d.still_failing)) {
            continue;
        }
        writeln!(
            w,
            "\n{} ({})",
            if zh { zh_name } else { en_name },
            list.len()
        )?;
        let mut t = new_table(style);
        t.set_header(if zh {
            vec!["ID", "检查项", "之前", "之后", "说明"]
        } else {
            vec!["id", "check", "before", "after", "reason"]
        });
        for e in list {
            let after = match e.after {
                Some(s) => status_cell(s, word(Some(s)), style.color),
                None => Cell::new("-"),
            };
            t.add_row(vec![
                Cell::new(&e.check),
                Cell::new(&e.title),
                Cell::new(word(e.before)),
                after,
                Cell::new(&e.summary),
            ]);
        }
        writeln!(w, "{t}")?;
    }
    let mut counts: Vec<String> = groups
        .iter()
        .map(|(zh_name, en_name, list)| {
            if zh {
                format!("{zh_name} {}", list.len())
            } else {
                format!("{} {en_name}", list.len())
            }
        })
        .collect();
    counts.push(if zh {
        format!("持续正常 {}", d.unchanged_ok)
    } else {
        format!("{} unchanged ok", d.unchanged_ok)
    });
    writeln!(w, "\n{}", counts.join(" · "))
}
