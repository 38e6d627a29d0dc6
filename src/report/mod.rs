//! Report models built from the store, and the renderers that print them.
//!
//! `znode inspect` and `znode history show` both render a [`RunReport`] read back from the
//! store, so what a run printed and what the history shows are the same by construction.

pub mod assessment;
pub mod chart;
pub mod document;
pub mod docx;
pub mod html;
mod json;
pub mod layout;
mod nagios;
mod prometheus;
pub mod quality;
pub mod routine;
pub mod security;
pub mod special;
pub mod status;
mod table;
pub use table::{TableStyle, new_table};

use std::collections::BTreeMap;
use std::io::{self, Write};

pub use nagios::perfdata;
pub use table::render_diff;
pub use table::render_runs;

use crate::core::outcome::Status;
use crate::store::{RunRow, StoredOutcome};

/// Output formats for outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table per inspection category, for people.
    Table,
    /// The stable JSON schema documented in the README.
    Json,
    /// A Nagios plugin result: status line, perfdata, long output.
    Nagios,
    /// Prometheus text exposition format.
    Prometheus,
}

pub use crate::core::text::Lang;

/// One run with its outcomes, ready to render.
pub struct RunReport {
    /// The run.
    pub run: RunRow,
    /// Outcomes, grouped by category in report order.
    pub rows: Vec<StoredOutcome>,
    /// Display timezone.
    pub timezone: chrono_tz::Tz,
    /// System id to Chinese name.
    pub system_names: BTreeMap<String, String>,
}

/// Counts by effective status and the special markers.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Summary {
    /// Checks with an outcome.
    pub total: usize,
    /// 正常.
    pub ok: usize,
    /// 告警.
    pub warn: usize,
    /// 严重.
    pub crit: usize,
    /// 未知.
    pub unknown: usize,
    /// Non-OK outcomes under an unexpired waiver (counted as ok).
    pub waived: usize,
    /// Passed only after a retry.
    pub flaky: usize,
    /// Selected but `enabled: false`.
    pub disabled: usize,
}

impl RunReport {
    /// Builds the report, ordering rows by category, item and id.
    pub fn new(
        run: RunRow,
        mut rows: Vec<StoredOutcome>,
        timezone: chrono_tz::Tz,
        system_names: BTreeMap<String, String>,
    ) -> RunReport {
        rows.sort_by(|a, b| {
            (
                a.info.category,
                a.info.item,
                &a.outcome.check,
                &a.outcome.host,
            )
                .cmp(&(
                    b.info.category,
                    b.info.item,
                    &b.outcome.check,
                    &b.outcome.host,
                ))
        });
        RunReport {
            run,
            rows,
            timezone,
            system_names,
        }
    }

    /// The counts.
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            total: self.rows.len(),
            disabled: usize::try_from(self.run.disabled).unwrap_or(0),
            ..Summary::default()
        };
        for r in &self.rows {
            match r.outcome.effective_status() {
                Status::Ok => s.ok += 1,
                Status::Warn => s.warn += 1,
                Status::Crit => s.crit += 1,
                Status::Unknown => s.unknown += 1,
            }
            s.waived += usize::from(r.outcome.waiver.as_ref().is_some_and(|w| !w.expired));
            s.flaky += usize::from(r.outcome.flaky);
        }
        s
    }

    /// The result of the run as a status: the worst effective status, and at least UNKNOWN when
    /// the run did not complete (what was not checked may hide anything).
    pub fn status(&self) -> Status {
        self.run.state.judge(Status::worst(
            self.rows.iter().map(|r| r.outcome.effective_status()),
        ))
    }

    /// A time in the display timezone.
    pub fn local_time(&self, ms: i64) -> String {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| {
                t.with_timezone(&self.timezone)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default()
    }

    /// The Chinese name of a system, or its id.
    pub fn system_name(&self, id: Option<&str>) -> String {
        id.map(|i| {
            self.system_names
                .get(i)
                .cloned()
                .unwrap_or_else(|| i.to_owned())
        })
        .unwrap_or_default()
    }

    /// Renders in a format.
    pub fn render(
        &self,
        format: Format,
        lang: Lang,
        style: TableStyle,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        match format {
            Format::Table => table::render_run(self, lang, style, w),
            Format::Json => json::render_run(self, lang, w),
            Format::Nagios => nagios::render_run(self, lang, w),
            Format::Prometheus => prometheus::render_run(self, w),
        }
    }

    /// Writes the run in Prometheus text format to `DIR/NAME.prom` the way node_exporter's
    /// textfile collector needs it: to a temporary file in the same folder, synced, then
    /// renamed over the old one, so the collector never reads half a file.
    pub fn write_textfile(
        &self,
        dir: &std::path::Path,
        name: &str,
    ) -> io::Result<std::path::PathBuf> {
        let path = dir.join(format!("{name}.prom"));
        let tmp = dir.join(format!(".{name}.prom.{}", std::process::id()));
        let written = (|| {
            let mut buf = Vec::new();
            prometheus::render_run(self, &mut buf)?;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&buf)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map(|()| path)
    }
}

/// The word for a status in a language.
pub fn status_word(s: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.zh(),
        Lang::En => s.as_str(),
    }
}

/// What a run's command is called in tables and documents: 巡检, 日志扫描, 日志审计, 备份验证.
pub fn command_name(command: &str, lang: Lang) -> &'static str {
    let zh = lang == Lang::Zh;
    match (command, zh) {
        ("logs scan", true) => "日志扫描",
        ("logs scan", false) => "log scan",
        ("logs audit", true) => "日志审计",
        ("logs audit", false) => "log audit",
        ("backup verify", true) => "备份验证",
        ("backup verify", false) => "backup verification",
        (_, true) => "巡检",
        (_, false) => "inspection",
    }
}
