//! `znode probe KIND [TARGET]`: one probe, ad hoc, as a Nagios plugin (`STATUS: text | perfdata`
//! and exit 0/1/2/3), so that Zabbix or Nagios can call znode directly.
//!
//! The arguments are turned into a check written in the check-file format and read by the same
//! loader as `checks/*.yaml`, so parameters, ranges and targets are validated exactly as there;
//! each problem is reported against the argument it came from.

use std::path::Path;
use std::time::Duration;

use super::{Context, quoted};
use crate::catalog::{Catalog, CheckSpec};
use crate::core::error::Error;
use crate::core::error::{Problem, Problems};
use crate::core::outcome::Outcome;
use crate::core::outcome::Status;
use crate::core::target::Target;
use crate::judge::thresholds_for;
use crate::probe::Shared;
use crate::report::perfdata;
use crate::settings::Settings;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Probe kind (log, backup and heartbeat need the configuration's sources, policies and
    /// store, so they are run by `logs scan`, `backup verify` and `inspect` instead; reconcile
    /// compares two databases: `znode data diff`)
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::probe::ProbeSpec::KINDS))]
    kind: String,
    /// host:port, an http(s):// URL, or a DSN (postgres://, mysql://, sqlite://); for `file` and
    /// `secrets`, the path to look at; other host probes need none
    target: Option<String>,
    /// A probe parameter as in a check file, e.g. `--set path=/health --set 'status=[200, 302]'`
    #[arg(short = 's', long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// WARNING range (Nagios syntax) on the probe's primary metric
    #[arg(long, value_name = "RANGE", allow_hyphen_values = true)]
    warn: Option<String>,
    /// CRITICAL range (Nagios syntax) on the probe's primary metric
    #[arg(long, value_name = "RANGE", allow_hyphen_values = true)]
    crit: Option<String>,
    /// Ranges on any metric: `--threshold cert_days_left=30:,7:` (warn,crit; either may be empty)
    #[arg(long = "threshold", value_name = "METRIC=WARN,CRIT")]
    thresholds: Vec<String>,
    /// Time the probe has
    #[arg(short = 't', long, default_value = "10s", value_parser = super::positive_duration)]
    timeout: Duration,
    /// User for basic auth or the database
    #[arg(long)]
    username: Option<String>,
    /// Environment variable holding the password
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
    /// Environment variable holding a bearer token
    #[arg(long, value_name = "VAR")]
    token_env: Option<String>,
    /// Output: nagios (a plugin line) or json (the outcome)
    #[arg(short = 'f', long, value_enum, default_value = "nagios")]
    format: ProbeFormat,
}

/// Output of `znode probe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ProbeFormat {
    /// `KIND STATUS: text | perfdata`.
    Nagios,
    /// The outcome as JSON.
    Json,
}

/// The check the arguments describe, as check-file YAML, and for each line the argument it
/// came from (for error messages).
fn check_yaml(a: &Args) -> Result<(String, Vec<String>), Problems> {
    let mut problems = Problems::default();
    let mut lines: Vec<(String, String)> = vec![
        ("id: probe".into(), "KIND".into()),
        (format!("title: {}", quoted(&a.kind)), "KIND".into()),
        ("category: 日常检查".into(), "KIND".into()),
        (
            format!("timeout: {}ms", a.timeout.as_millis()),
            "--timeout".into(),
        ),
    ];
    if a.target.is_some() && path_param(&a.kind).is_none() {
        lines.push(("target: target".into(), "TARGET".into()));
    }
    if let Some(w) = &a.warn {
        lines.push((format!("warn: {}", quoted(w)), format!("--warn {w}")));
    }
    if let Some(c) = &a.crit {
        lines.push((format!("crit: {}", quoted(c)), format!("--crit {c}")));
    }
    if !a.thresholds.is_empty() {
        lines.push(("thresholds:".into(), "--threshold".into()));
        for t in &a.thresholds {
            let origin = format!("--threshold {t}");
            let Some((metric, ranges)) = t
                .split_once('=')
                .filter(|(m, r)| !m.trim().is_empty() && !r.trim().is_empty())
            else {
                problems.push(
                    Problem::file(
                        Path::new(&origin),
                        "expected METRIC=WARN,CRIT, with a metric name and a range",
                    )
                    .hint("e.g. --threshold cert_days_left=30:,7:"),
                );
                continue;
            };
            let (w, c) = ranges.split_once(',').unwrap_or((ranges, ""));
            let mut fields = Vec::new();
            if !w.is_empty() {
                fields.push(format!("warn: {}", quoted(w)));
            }
            if !c.is_empty() {
                fields.push(format!("crit: {}", quoted(c)));
            }
            lines.push((
                format!("  {}: {{ {} }}", quoted(metric), fields.join(", ")),
                origin,
            ));
        }
    }
    lines.push(("probe:".into(), "KIND".into()));
    lines.push((
        format!("  kind: {}", quoted(&a.kind)),
        format!("KIND {}", a.kind),
    ));
    // `znode probe file /etc/hosts`: the path is the parameter, not a network target.
    if let (Some(param), Some(path)) = (path_param(&a.kind), &a.target) {
        let value = match param {
            "paths" => format!("[{}]", quoted(path)),
            _ => quoted(path),
        };
        lines.push((format!("  {param}: {value}"), "TARGET".into()));
    }
    for s in &a.set {
        let origin = format!("--set {s}");
        match s.split_once('=') {
            // The value is YAML, so lists and numbers work as in a check file.
            Some((k, v)) if !k.trim().is_empty() && !v.contains('\n') => {
                lines.push((format!("  {}: {}", quoted(k.trim()), v), origin))
            }
            _ => problems.push(
                Problem::file(Path::new(&origin), "expected KEY=VALUE")
                    .hint("e.g. --set path=/health"),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (text, origins): (Vec<String>, Vec<String>) = lines.into_iter().unzip();
    Ok((text.join("\n") + "\n", origins))
}

/// The parameter a kind's TARGET fills when the kind looks at paths on this machine.
fn path_param(kind: &str) -> Option<&'static str> {
    match kind {
        "file" => Some("path"),
        "secrets" => Some("paths"),
        _ => None,
    }
}

/// Reports a problem against the argument its line came from.
fn relabel(p: Problem, origins: &[String]) -> Problem {
    let origin = p
        .pos
        .and_then(|pos| origins.get((pos.line as usize).saturating_sub(1)))
        .cloned()
        .unwrap_or_else(|| "arguments".into());
    Problem {
        file: origin.into(),
        pos: None,
        message: p.message,
        hint: p.hint,
    }
}

pub(super) fn run(cx: &Context, a: Args) -> Result<Status, Error> {
    let target = match a.target.as_ref().filter(|_| path_param(&a.kind).is_none()) {
        Some(t) => Some(
            Target::from_arg(
                t,
                a.username.clone(),
                a.password_env.clone(),
                a.token_env.clone(),
            )
            .map_err(|list| {
                Problems(
                    list.into_iter()
                        .map(|(m, h)| Problem {
                            file: "TARGET".into(),
                            pos: None,
                            message: m,
                            hint: h,
                        })
                        .collect(),
                )
            })?,
        ),
        None => None,
    };
    let settings = Settings::ad_hoc(target);
    let (yaml, origins) = check_yaml(&a)?;
    let spec = Catalog::parse_check(Path::new("arguments"), &yaml, &settings)
        .map_err(|list| Problems(list.into_iter().map(|p| relabel(p, &origins)).collect()))?;
    // An ad-hoc check has no stored baseline, and what it sees is compared with nothing:
    // secrets are masked under a key of this run alone.
    let mut shared = Shared::default();
    if spec.probe.kind() == "drift" {
        shared.config_baselines = Some(Default::default());
        shared.hash_key = crate::drift::key::ephemeral().ok().map(std::sync::Arc::new);
    }
    let mut outcome = super::run_async(async {
        Ok(crate::runner::run_check(&settings, &spec, &shared, None, None).await)
    })?;
    // A range on a metric this probe did not measure judged nothing: say so (UNKNOWN, as a
    // plugin does for a bad argument) rather than answer OK.
    let measured: Vec<&str> = outcome.metrics.iter().map(|m| m.name.as_str()).collect();
    let unjudged: Vec<&String> = spec
        .thresholds
        .keys()
        .filter(|k| !measured.contains(&k.as_str()))
        .collect();
    if !unjudged.is_empty() && outcome.status != Status::Crit {
        let names = unjudged
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let have = if measured.is_empty() {
            "-".to_owned()
        } else {
            measured.join(", ")
        };
        outcome.status = Status::Unknown;
        outcome.summary = format!("--threshold 的指标未测得：{names}（本次测得：{have}）");
        outcome.summary_en =
            format!("--threshold names no measured metric: {names} (measured: {have})");
    }
    match a.format {
        ProbeFormat::Json => {
            // `summary` in the language asked for, as `inspect --format json` has it.
            let mut shown = outcome.clone();
            shown.summary = outcome.summary_in(cx.lang).to_owned();
            shown.summary_en.clear();
            println!(
                "{}",
                serde_json::to_string_pretty(&shown).map_err(|e| Error::Message(e.to_string()))?
            )
        }
        ProbeFormat::Nagios => println!("{}", nagios_line(&spec, &outcome, &settings, cx.lang)),
    }
    Ok(outcome.effective_status())
}

/// `KIND STATUS: text | 'label'=value[UOM];warn;crit;;` with the thresholds that applied.
fn nagios_line(
    spec: &CheckSpec,
    o: &Outcome,
    settings: &Settings,
    lang: crate::report::Lang,
) -> String {
    let mut line = format!(
        "{} {}: {}",
        spec.probe.kind().to_uppercase(),
        o.status.nagios_word(),
        o.summary_in(lang)
    );
    let perf: Vec<String> = o
        .metrics
        .iter()
        .map(|m| {
            let t = thresholds_for(spec, &settings.defaults.thresholds, &m.name);
            perfdata(&m.key(), m, t.warn.as_ref(), t.crit.as_ref())
        })
        .collect();
    if !perf.is_empty() {
        line.push_str(" | ");
        line.push_str(&perf.join(" "));
    }
    line
}
