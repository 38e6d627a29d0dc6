//! `znode doctor`: the installation, item by item, with what to fix (see `app::doctor`).

use std::io::Write;

use super::Context;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::text::Lang;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

pub(super) fn run(cx: &Context, a: Args) -> Result<Status, Error> {
    let findings = super::run_async(async {
        Ok::<_, Error>(crate::app::doctor::examine(&cx.config, &cx.overrides).await)
    })?;
    let worst = Status::worst(findings.iter().map(|f| f.status));
    let mut out = std::io::stdout().lock();
    if a.format == super::logs::ListFormat::Json {
        super::print_json(
            &mut out,
            &serde_json::json!({ "schema": "znode.doctor/v1", "status": worst, "findings": findings }),
        )?;
        return Ok(worst);
    }
    let mut t = crate::report::new_table(cx.style);
    t.set_header(super::headers(
        cx.lang,
        &[
            ("项目", "item"),
            ("状态", "status"),
            ("情况", "found"),
            ("处理", "what to do"),
        ],
    ));
    for f in &findings {
        t.add_row([
            f.item.pick(cx.lang).to_owned(),
            if cx.lang == Lang::Zh {
                f.status.zh()
            } else {
                f.status.as_str()
            }
            .to_owned(),
            f.detail.pick(cx.lang).to_owned(),
            f.fix
                .as_ref()
                .map(|x| x.pick(cx.lang).to_owned())
                .unwrap_or_default(),
        ]);
    }
    writeln!(out, "{t}")?;
    let bad = findings.iter().filter(|f| f.status != Status::Ok).count();
    writeln!(
        out,
        "{}",
        match (cx.lang, bad) {
            (Lang::Zh, 0) => "安装完好。".to_owned(),
            (Lang::Zh, n) => format!("{n} 项需要处理，见“处理”一列。"),
            (_, 0) => "The installation is sound.".to_owned(),
            (_, n) => format!("{n} item(s) need attention: see the last column."),
        }
    )?;
    Ok(worst)
}
