//! `znode report`: documents for the bureau, built from the history store only.

use std::path::PathBuf;

use super::{Context, Failure};
use crate::report::RunReport;
use crate::report::document::{InspectionModel, render};
use crate::store::{RunRef, Store};

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// The inspection report (巡检报告) of one run: every item with its result, the abnormal ones
    /// with their evidence and remediation, a sign-off table
    Inspection(InspectionArgs),
}

/// Document formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum DocFormat {
    /// Markdown.
    Md,
}

#[derive(Debug, clap::Args)]
pub(super) struct InspectionArgs {
    /// Run: an id, `latest` or `latest~N`
    #[arg(default_value = "latest")]
    run: RunRef,
    /// Output format
    #[arg(short = 'f', long, value_enum, default_value = "md")]
    format: DocFormat,
    /// Where to write it; `-` for stdout [default: reports/巡检报告-<run>-<date>.md beside the config]
    #[arg(short = 'o', long, value_name = "PATH")]
    output: Option<PathBuf>,
}

pub(super) fn run(cx: Context, c: Command) -> Result<u8, Failure> {
    match c {
        Command::Inspection(a) => inspection(&cx, a),
    }
}

fn inspection(cx: &Context, a: InspectionArgs) -> Result<u8, Failure> {
    let settings = cx.settings()?;
    let report = super::run_async(async {
        let store = Store::open_existing(&settings.store_url).await?;
        let run = store.resolve(&a.run).await?;
        let rows = store.outcomes(run.id).await?;
        store.close().await;
        Ok::<_, Failure>(RunReport::new(
            run,
            rows,
            settings.timezone,
            settings.system_names(),
        ))
    })?;
    // Remediation comes from the pack as it is now; a pack that no longer loads only loses it.
    let catalog = crate::catalog::Catalog::load(&settings).ok();
    let model = InspectionModel::new(&report, |id| {
        catalog
            .as_ref()
            .and_then(|c| c.get(id))
            .and_then(|c| c.remediation.clone())
    });
    let text = match a.format {
        DocFormat::Md => {
            render("inspection.md.hbs", &model, &settings.base_dir).map_err(Failure::Message)?
        }
    };
    let path = a.output.unwrap_or_else(|| {
        let day = crate::report::local_time(report.run.started_at, settings.timezone, "%Y%m%d");
        settings
            .base_dir
            .join("reports")
            .join(format!("巡检报告-{}-{day}.md", report.run.id))
    });
    if path.as_os_str() == "-" {
        print!("{text}");
        return Ok(0);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, text)?;
    println!("{}", path.display());
    Ok(0)
}
