//! `znode data`: the base libraries' data (SPEC R8). `diff` reconciles two tables on two
//! databases (数据交换对账).

use std::time::Duration;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::text::Lang;
use crate::data::diff::{self, DiffReport, Options, Side};

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// Reconcile two tables (数据交换对账) on PostgreSQL or MySQL/MariaDB, by key-range checksum
    /// bisection: lists the keys the target has in extra (多), lacks (少) and holds differently
    /// (不一致). Exit 0 when equal, 1 when they differ, 3 when the comparison failed
    Diff(DiffArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct DiffArgs {
    /// The source side: a target of the configuration, or a DSN (postgres://, mysql://)
    source: String,
    /// The source table (`schema.table` or `table`)
    source_table: String,
    /// The target side: a target of the configuration, or a DSN
    target: String,
    /// The target table
    target_table: String,
    /// The integer key column, the same on both sides
    #[arg(short, long, default_value = "id")]
    key: String,
    /// Columns to compare besides the key (default: every column both tables have)
    #[arg(short = 'C', long, value_delimiter = ',', value_name = "COLUMN")]
    columns: Vec<String>,
    /// Connections per side, each comparing one key range at a time
    #[arg(short, long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    jobs: u16,
    /// Segments a mismatching key range is split into
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(2..=1024))]
    bisection_factor: u32,
    /// A key range with fewer rows than this is compared row by row
    #[arg(long, default_value_t = 16384)]
    bisection_threshold: u64,
    /// Time each statement may take on the server
    #[arg(long, default_value = "10m", value_parser = super::positive_duration, value_name = "DURATION")]
    timeout: Duration,
    /// Keys listed per kind of difference (the counts are always complete)
    #[arg(long, default_value_t = 1000)]
    list: usize,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    match c {
        Command::Diff(a) => run_diff(&cx, a),
    }
}

fn run_diff(cx: &Context, a: DiffArgs) -> Result<Status, Error> {
    let source = side(cx, &a.source, &a.source_table)?;
    let target = side(cx, &a.target, &a.target_table)?;
    let opt = Options {
        key: a.key.clone(),
        columns: a.columns.clone(),
        factor: a.bisection_factor,
        threshold: a.bisection_threshold.max(1),
        jobs: usize::from(a.jobs),
        statement_timeout: a.timeout,
        list: a.list,
    };
    let secrets = [&source.url, &target.url].map(|u| password_of(u));
    let result = super::run_async(async { Ok(diff::diff(&source, &target, &opt).await) })?;
    let report = result.map_err(|e| {
        let m = match cx.lang {
            Lang::Zh => e.message.zh,
            Lang::En => e.message.en,
        };
        let m = secrets
            .iter()
            .flatten()
            .fold(m, |m, s| m.replace(s.as_str(), "***"));
        Error::Message(format!(
            "{}{m}",
            if cx.lang == Lang::Zh {
                "对账未完成，结果不可用："
            } else {
                "the diff did not finish; no result: "
            }
        ))
    })?;
    let mut out = std::io::stdout().lock();
    match a.format {
        super::logs::ListFormat::Json => super::print_json(
            &mut out,
            &serde_json::to_value(&report).map_err(|e| Error::Message(e.to_string()))?,
        )?,
        super::logs::ListFormat::Table => print_table(&mut out, &report, cx)?,
    }
    Ok(if report.equal() {
        Status::Ok
    } else {
        Status::Warn
    })
}

/// A side from a target name or a DSN; its label never holds a password.
fn side(cx: &Context, name: &str, table: &str) -> Result<Side, Error> {
    if name.contains("://") {
        return Ok(Side {
            url: name.to_owned(),
            label: crate::core::secret::redact_url(name),
            table: table.to_owned(),
        });
    }
    let settings = cx.settings()?;
    let t = settings.targets.get(name).ok_or_else(|| {
        let known: Vec<&str> = settings.targets.keys().map(String::as_str).collect();
        Error::Usage(format!(
            "no target `{name}` in {}; name one of: {} — or give a DSN (postgres://user@host:5432/db)",
            cx.config.display(),
            known.join(", ")
        ))
    })?;
    let dsn = t.dsn().ok_or_else(|| {
        Error::Usage(format!(
            "target `{name}` has no `dsn`; the diff needs a postgres:// or mysql:// target"
        ))
    })?;
    let url = t.dsn_with_credentials(dsn).map_err(Error::Usage)?;
    Ok(Side {
        url,
        label: name.to_owned(),
        table: table.to_owned(),
    })
}

fn password_of(url: &str) -> Option<String> {
    reqwest::Url::parse(url)
        .ok()?
        .password()
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
}

fn print_table(out: &mut dyn std::io::Write, r: &DiffReport, cx: &Context) -> Result<(), Error> {
    let zh = cx.lang == Lang::Zh;
    let warn = |t: &crate::core::text::Text| if zh { t.zh.clone() } else { t.en.clone() };
    if zh {
        writeln!(
            out,
            "对账：源 {}（{} 行） → 目标 {}（{} 行）",
            r.source, r.source_rows, r.target, r.target_rows
        )?;
        writeln!(
            out,
            "键 {} · 比较 {} 列 · 分段校验 {} 次 · 逐行比对 {} 行 · 用时 {:.1} s",
            r.key,
            r.columns.len(),
            r.segments,
            r.rows_downloaded,
            r.seconds
        )?;
    } else {
        writeln!(
            out,
            "diff: source {} ({} rows) → target {} ({} rows)",
            r.source, r.source_rows, r.target, r.target_rows
        )?;
        writeln!(
            out,
            "key {} · {} columns compared · {} segment checksums · {} rows compared row by row · {:.1} s",
            r.key,
            r.columns.len(),
            r.segments,
            r.rows_downloaded,
            r.seconds
        )?;
    }
    for w in &r.warnings {
        writeln!(
            out,
            "{} {}",
            if zh { "注意：" } else { "warning:" },
            warn(w)
        )?;
    }
    let mut table = crate::report::new_table(cx.style);
    table.set_header(super::headers(
        cx.lang,
        &[("差异", "difference"), ("数量", "count"), ("键", "keys")],
    ));
    let keys = |v: &[String], n: u64| {
        let mut s = v.iter().take(20).cloned().collect::<Vec<_>>().join(", ");
        if n > 20 {
            s.push_str(&format!(" … (+{})", n - 20));
        }
        s
    };
    let rows = [
        (
            ("多（目标多出）", "extra on the target"),
            &r.extra,
            r.extra_count,
        ),
        (
            ("少（目标缺少）", "missing on the target"),
            &r.missing,
            r.missing_count,
        ),
        (("不一致", "different"), &r.different, r.different_count),
    ];
    for ((z, e), list, n) in rows {
        table.add_row(vec![
            if zh { z } else { e }.to_owned(),
            n.to_string(),
            keys(list, n),
        ]);
    }
    writeln!(out, "{table}")?;
    if !r.changes.is_empty() {
        writeln!(
            out,
            "{}",
            if zh {
                "不一致明细："
            } else {
                "what differs:"
            }
        )?;
        for (k, cols) in &r.changes {
            let what = cols
                .iter()
                .map(|(c, x, y)| format!("{c}: {x} → {y}"))
                .collect::<Vec<_>>()
                .join("; ");
            writeln!(out, "  {}={k}  {what}", r.key)?;
        }
    }
    let verdict = if r.equal() {
        if zh {
            "结论: 一致 (exit 0)"
        } else {
            "result: equal (exit 0)"
        }
    } else if zh {
        "结论: 不一致 (exit 1)"
    } else {
        "result: different (exit 1)"
    };
    writeln!(out, "{verdict}")?;
    Ok(())
}
