//! `znode history`: list runs, show one, diff two.

use std::io::Write;

use clap::Subcommand;

use super::Context;
use super::logs::ListFormat;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::report::{Format, RunReport, render_diff, render_runs};
use crate::store::{RunRef, Store, StoreError};

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// How many runs to list
    #[arg(short = 'n', long, default_value_t = 20)]
    limit: i64,
    /// Output format of the list
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: ListFormat,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show one run again, exactly as stored
    Show {
        /// Run number, `latest` or `latest~N`
        run: RunRef,
        /// Output format
        #[arg(short = 'f', long, value_enum, default_value = "table")]
        format: Format,
    },
    /// What got worse, recovered, or is new between two runs
    Diff {
        /// The earlier run
        from: RunRef,
        /// The later run [default: latest]
        to: Option<RunRef>,
        /// Also list checks that fail in both runs (the table shows only their count)
        #[arg(long)]
        all: bool,
        /// Output format
        #[arg(short = 'f', long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Enter an inspection done on paper (纸质巡检记录) as a back-filled run: a CSV sheet of
    /// `检查项,结果,说明` lines (check id; 正常/告警/严重/未知; what was seen)
    Import {
        /// The sheet (CSV, UTF-8 or GBK)
        file: std::path::PathBuf,
        /// When the inspection was made: `YYYY-MM-DD HH:MM` in the node's timezone
        #[arg(long)]
        at: String,
        /// Who enters it
        #[arg(long, env = "ZNODE_OPERATOR")]
        by: Option<String>,
        /// What it was: the paper record's number, who inspected
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub(super) fn run(cx: &Context, a: Args) -> Result<Status, Error> {
    if let Some(Command::Import { file, at, by, note }) = a.command {
        return import(cx, &file, &at, &by, note);
    }
    let settings = cx.settings()?;
    super::run_async(async {
        let store = match Store::open_existing(&settings.store_url).await {
            Ok(s) => s,
            Err(StoreError::Missing(_)) if a.command.is_none() => {
                match a.format {
                    ListFormat::Json => println!("[]"),
                    ListFormat::Table => println!("no runs yet; run `znode inspect`"),
                }
                return Ok(Status::Ok);
            }
            Err(e) => return Err(e.into()),
        };
        // stdout is line-buffered; a thousand-line JSON document would be a thousand writes.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let code = match a.command {
            None => {
                let runs = store.list_runs(a.limit).await?;
                match a.format {
                    ListFormat::Json => {
                        serde_json::to_writer_pretty(&mut out, &runs)
                            .map_err(|e| Error::Message(e.to_string()))?;
                        writeln!(out)?;
                    }
                    _ if runs.is_empty() => writeln!(out, "no runs yet; run `znode inspect`")?,
                    _ => render_runs(&runs, settings.timezone, cx.lang, cx.style, &mut out)?,
                }
                Status::Ok
            }
            Some(Command::Import { .. }) => unreachable!("handled before the store is opened"),
            Some(Command::Show { run, format }) => {
                let row = store.resolve(&run).await?;
                let outcomes = store.outcomes(row.id).await?;
                let report =
                    RunReport::new(row, outcomes, settings.timezone, settings.system_names());
                report.render(format, cx.lang, cx.style, &mut out)?;
                report.status()
            }
            Some(Command::Diff {
                from,
                to,
                all,
                format,
            }) => {
                let a_run = store.resolve(&from).await?;
                let b_run = store.resolve(&to.unwrap_or(RunRef::Latest(0))).await?;
                let d = store.diff(a_run.id, b_run.id).await?;
                match format {
                    ListFormat::Json => {
                        serde_json::to_writer_pretty(&mut out, &d)
                            .map_err(|e| Error::Message(e.to_string()))?;
                        writeln!(out)?;
                    }
                    _ => render_diff(&d, all, cx.lang, cx.style, &mut out)?,
                }
                // Something got worse or appeared broken: WARN, so scripts can alert on regressions.
                if !d.worse.is_empty() || d.new.iter().any(|e| e.after != Some(Status::Ok)) {
                    Status::Warn
                } else {
                    Status::Ok
                }
            }
        };
        out.flush()?;
        store.close().await;
        Ok(code)
    })
}

/// `history import`: the sheet checked against the pack, then entered as one run.
fn import(
    cx: &Context,
    file: &std::path::Path,
    at: &str,
    by: &Option<String>,
    note: String,
) -> Result<Status, Error> {
    let (settings, catalog) = cx.settings_and_catalog()?;
    let at = super::incident::when(&Some(at.to_owned()), settings.timezone)?;
    let now = crate::core::clock::now_ms();
    if at > now {
        return Err(Error::Message(
            "--at is in the future; a back-filled inspection has already happened".into(),
        ));
    }
    let bytes =
        std::fs::read(file).map_err(|e| Error::Message(format!("{}: {e}", file.display())))?;
    let rows = crate::app::backfill::read_sheet(file, &bytes, &catalog)?;
    let backfill = crate::store::Backfill {
        by: super::operator(by),
        note,
        source: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        entered_at: now,
    };
    super::run_async(async {
        let store = Store::open(&settings.store_url).await?;
        let (run, status) =
            crate::app::backfill::import(&store, &settings, &catalog, &rows, at, &backfill).await?;
        store.close().await;
        println!(
            "run #{run}: {} results entered as the inspection of {} (back-filled), {}",
            rows.len(),
            crate::core::clock::local_time(at, settings.timezone, "%Y-%m-%d %H:%M"),
            status.zh()
        );
        Ok(Status::Ok)
    })
}
