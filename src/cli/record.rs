//! `znode record`: the facts of the service only people know — satisfaction surveys, training
//! sessions, business-operation work, 重保 periods — for the monthly report and the 考核.

use std::io::Write;

use super::Context;
use super::incident::when;
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::period::{Period, Routine};
use crate::record::{Detail, Guard, Kind, OPERATIONS, Operation, Record, Survey, Training};
use crate::store::{NewRecord, Store};

#[derive(Debug, clap::Subcommand)]
pub(super) enum Command {
    /// A month's satisfaction survey (满意度调查): respondents and how many were satisfied
    Satisfaction(SatisfactionArgs),
    /// A training session (培训) given to users
    Training(TrainingArgs),
    /// Business-operation work (业务运营服务): 编目挂接, 数据质量, 共享交换, 需求支撑, 答疑辅导
    Operation(OperationArgs),
    /// A 重保 period (重要时刻保障): a major event or holiday kept under watch
    Guard(GuardArgs),
    /// The records, newest first
    List(ListArgs),
    /// Remove a record entered by mistake
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct Common {
    /// Who records it
    #[arg(long, env = "ZNODE_OPERATOR")]
    by: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(super) struct SatisfactionArgs {
    /// The month surveyed, e.g. 2026-11; default this month
    #[arg(long)]
    month: Option<String>,
    /// Respondents
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    surveyed: u32,
    /// Replace the survey already recorded for the month
    #[arg(long)]
    replace: bool,
    /// Respondents satisfied (满意 or 基本满意)
    #[arg(long)]
    satisfied: u32,
    /// Feedback worth reporting (repeat for several)
    #[arg(long)]
    feedback: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub(super) struct TrainingArgs {
    /// The topic
    topic: String,
    /// When it took place: `YYYY-MM-DD HH:MM`; default now
    #[arg(long)]
    at: Option<String>,
    /// How many attended
    #[arg(long)]
    attendees: u32,
    /// Length in hours
    #[arg(long, default_value_t = 1.0, value_parser = positive_hours)]
    hours: f64,
    /// Who taught it
    #[arg(long)]
    trainer: Option<String>,
    /// Who it was for (units or roles)
    #[arg(long)]
    audience: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub(super) struct OperationArgs {
    /// The service: 编目挂接, 数据质量, 共享交换, 需求支撑 or 答疑辅导
    #[arg(value_parser = OPERATIONS)]
    service: String,
    /// What was done, one line
    title: String,
    /// How many items
    #[arg(long, default_value_t = 1)]
    count: u32,
    /// What the count counts, e.g. 类, 个, 件
    #[arg(long)]
    unit: Option<String>,
    /// When: `YYYY-MM-DD HH:MM`; default now
    #[arg(long)]
    at: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub(super) struct GuardArgs {
    /// Its name, e.g. 2027年春节重保
    name: String,
    /// Start: `YYYY-MM-DD HH:MM`
    #[arg(long)]
    from: String,
    /// End: `YYYY-MM-DD HH:MM`
    #[arg(long)]
    until: String,
    /// Who is on watch (repeat, or comma-separated)
    #[arg(long, value_delimiter = ',')]
    people: Vec<String>,
    /// Systems or hosts in scope, in words
    #[arg(long)]
    scope: Option<String>,
    /// Measures beyond the routine (repeat): 深度巡检, 7×24 值守, ...
    #[arg(long = "measure")]
    measures: Vec<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub(super) struct ListArgs {
    /// Only this kind
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// Output: table or json
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    format: super::logs::ListFormat,
}

#[derive(Debug, clap::Args)]
pub(super) struct RemoveArgs {
    /// Record id (from `znode record list`)
    id: i64,
}

/// Hours of a session: a number above zero.
fn positive_hours(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(h) if h.is_finite() && h > 0.0 && h <= 24.0 * 30.0 => Ok(h),
        Ok(_) => Err(format!("`{s}` hours: give a number above 0, e.g. 1.5")),
        Err(_) => Err(format!("`{s}` is not a number of hours, e.g. 1.5")),
    }
}

pub(super) fn run(cx: Context, c: Command) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let tz = settings.timezone;
    super::run_async(async {
        let store = Store::open(&settings.store_url).await?;
        let now = crate::core::clock::now_ms();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let new = |from, until, subject, title, detail, by: &Option<String>| {
            (from, until, subject, title, detail, super::operator(by))
        };
        let (from, until, subject, title, detail, author): (
            i64,
            Option<i64>,
            Option<String>,
            String,
            Detail,
            String,
        ) = match c {
            Command::Satisfaction(a) => {
                if a.satisfied > a.surveyed {
                    return Err(Error::Message(format!(
                        "--satisfied {} is more than --surveyed {}",
                        a.satisfied, a.surveyed
                    )));
                }
                let month = match &a.month {
                    Some(m) => Period::parse(Routine::Monthly, m).map_err(Error::Message)?,
                    None => Period::containing(
                        Routine::Monthly,
                        chrono::Utc::now().with_timezone(&tz).date_naive(),
                    ),
                };
                let span = month.span(tz);
                // One survey per month: a second would count its respondents twice.
                let earlier: Vec<_> = store
                    .records_in(Kind::Satisfaction, span)
                    .await?
                    .into_iter()
                    .filter(|r| r.from == span.from)
                    .collect();
                if let Some(e) = earlier.first() {
                    if !a.replace {
                        return Err(Error::Message(format!(
                            "{} is already recorded (record #{}); give --replace to replace it",
                            e.title, e.id
                        )));
                    }
                    for e in &earlier {
                        store.remove_record(e.id).await?;
                    }
                }
                new(
                    span.from,
                    Some(span.to),
                    None,
                    format!("{}满意度调查", month.zh()),
                    Detail::Satisfaction(Survey {
                        surveyed: a.surveyed,
                        satisfied: a.satisfied,
                        feedback: a.feedback,
                    }),
                    &a.common.by,
                )
            }
            Command::Training(a) => new(
                when(&a.at, tz)?,
                None,
                None,
                a.topic,
                Detail::Training(Training {
                    attendees: a.attendees,
                    hours: a.hours,
                    trainer: a.trainer,
                    audience: a.audience,
                }),
                &a.common.by,
            ),
            Command::Operation(a) => new(
                when(&a.at, tz)?,
                None,
                Some(a.service),
                a.title,
                Detail::Operation(Operation {
                    count: a.count,
                    unit: a.unit,
                }),
                &a.common.by,
            ),
            Command::Guard(a) => {
                let from = when(&Some(a.from), tz)?;
                let until = when(&Some(a.until), tz)?;
                if until <= from {
                    return Err(Error::Message(
                        "--until must be later than --from".to_owned(),
                    ));
                }
                new(
                    from,
                    Some(until),
                    None,
                    a.name,
                    Detail::Guard(Guard {
                        people: a.people,
                        scope: a.scope,
                        measures: a.measures,
                    }),
                    &a.common.by,
                )
            }
            Command::List(a) => {
                let records = store.records(a.kind).await?;
                print_list(&mut out, &records, tz, a.format, cx.style)?;
                out.flush()?;
                store.close().await;
                return Ok(Status::Ok);
            }
            Command::Remove(a) => {
                // Removing reads only the title: a record this version cannot read can go too.
                let (kind, title) = store.record_title(a.id).await?;
                store.remove_record(a.id).await?;
                let shown = Kind::parse(&kind).map_or_else(|| kind.clone(), |k| k.zh().to_owned());
                writeln!(out, "record #{} removed ({shown}: {title})", a.id)?;
                out.flush()?;
                store.close().await;
                return Ok(Status::Ok);
            }
        };
        let id = store
            .add_record(&NewRecord {
                from,
                until,
                subject: subject.as_deref(),
                title: &title,
                detail: &detail,
                author: &author,
                at: now,
            })
            .await?;
        writeln!(out, "record #{id} added ({}: {title})", detail.kind().zh())?;
        out.flush()?;
        store.close().await;
        Ok(Status::Ok)
    })
}

fn print_list(
    out: &mut dyn Write,
    records: &[Record],
    tz: chrono_tz::Tz,
    format: super::logs::ListFormat,
    style: crate::report::TableStyle,
) -> Result<(), Error> {
    let show = |t: i64| crate::core::clock::local_time(t, tz, "%Y-%m-%d %H:%M");
    if format == super::logs::ListFormat::Json {
        let rows: Vec<serde_json::Value> = records
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "kind": r.detail.kind(),
                    "from": r.from,
                    "until": r.until,
                    "subject": r.subject,
                    "title": r.title,
                    "detail": r.detail.to_json().ok().and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok()),
                    "author": r.author,
                    "recorded_at": r.recorded_at,
                })
            })
            .collect();
        serde_json::to_writer_pretty(
            &mut *out,
            &serde_json::json!({ "schema": "znode.records/v1", "records": rows }),
        )
        .map_err(|e| Error::Message(e.to_string()))?;
        writeln!(out)?;
        return Ok(());
    }
    let mut t = crate::report::new_table(style);
    t.set_header(["#", "类别", "时间", "事项", "内容", "记录人"]);
    for r in records {
        let when = match (&r.detail, r.until) {
            // A survey covers its month.
            (crate::record::Detail::Satisfaction(_), _) => {
                crate::core::clock::local_time(r.from, tz, "%Y年%-m月")
            }
            (_, Some(u)) => format!("{} 至 {}", show(r.from), show(u)),
            (_, None) => show(r.from),
        };
        t.add_row([
            r.id.to_string(),
            r.detail.kind().zh().to_owned(),
            when,
            r.title.clone(),
            r.describe(),
            r.author.clone(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
