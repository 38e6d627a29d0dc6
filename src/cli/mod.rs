//! The command line: clap definitions and one module per command group. This is the only part
//! of znode that talks to a person.

mod access;
mod agent;
mod backup;
mod checks;
mod config;
mod data;
mod doctor;
mod drift;
mod fleet;
mod generate;
mod history;
mod incident;
mod init;
mod inspect;
mod logs;
mod notify;
mod playbook;
mod probe;
mod record;
mod report;
mod serve;
mod sync;
mod values;
mod version;
mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::core::error::Error;
use crate::report::Lang;
use crate::settings::{Overrides, Settings};

/// znode — inspection (巡检), probes, history and reports for the O&M team of the Zhaoqing node
/// of the provincial government big-data center (省政务大数据中心肇庆分节点).
#[derive(Debug, Parser)]
#[command(name = "znode", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Configuration file [default: ./znode.yaml]
    #[arg(
        short = 'c',
        long,
        global = true,
        env = "ZNODE_CONFIG",
        value_name = "PATH"
    )]
    config: Option<PathBuf>,

    /// History store: a SQLite path or postgres:// URL (overrides `store:`)
    #[arg(long, global = true, env = "ZNODE_STORE", value_name = "URL")]
    store: Option<String>,

    /// Display timezone, IANA name (overrides `timezone:`)
    #[arg(long, global = true, env = "ZNODE_TIMEZONE", value_name = "TZ")]
    timezone: Option<String>,

    /// Node name shown in outputs (overrides `node:`)
    #[arg(long, global = true, env = "ZNODE_NODE", value_name = "NAME")]
    node: Option<String>,

    /// Language of tables and messages for people
    #[arg(
        long,
        global = true,
        env = "ZNODE_LANG",
        value_enum,
        default_value = "zh"
    )]
    lang: Lang,

    /// When to colour tables
    #[arg(long, global = true, value_enum, default_value = "auto")]
    color: ColorChoice,

    #[command(subcommand)]
    command: Command,
}

/// When to use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a complete sample node (znode.yaml and the check pack) into DIR
    Init(init::Args),
    /// Run the inspection (巡检): every selected check, stored in the history
    Inspect(inspect::Args),
    /// Run one probe ad hoc, as a Nagios plugin: `znode probe tcp 127.0.0.1:5432 --warn 0.5`
    Probe(probe::Args),
    /// Incidents and support requests (事件/工单) with their service-level clocks
    #[command(subcommand)]
    Incident(incident::Command),
    /// Backups: the verification ladder (verify), status, checksums (seal), config and program
    /// backups (take)
    #[command(subcommand)]
    Backup(backup::Command),
    /// Documents for the bureau from the history: 巡检报告, 周报/月报/季报/半年报, 专项报告
    #[command(subcommand)]
    Report(report::Command),
    /// Notification channels: test one, flush the outbox, list it
    #[command(subcommand)]
    Notify(notify::Command),
    /// Service records only people know: satisfaction surveys, training, business-operation
    /// work, 重保 periods
    #[command(subcommand)]
    Record(record::Command),
    /// Watch continuously (值守, 重保): run checks on their intervals and alert on changes
    Watch(watch::Args),
    /// The watcher's alerts: list them, acknowledge one
    #[command(subcommand)]
    Alert(watch::AlertCommand),
    /// Silence alerts for a while (a change, maintenance work): add, list, expire
    #[command(subcommand)]
    Silence(watch::SilenceCommand),
    /// Serve the read-only status page (状态页): systems, 90-day bars, alerts, incidents
    Serve(serve::Args),
    /// Emergency playbooks (应急预案): list, show, run, drill, resume, log, review
    #[command(subcommand)]
    Playbook(playbook::Command),
    /// Version sync (版本同步): releases through their ten steps; versions against the province's
    #[command(subcommand)]
    Sync(sync::Command),
    /// Log engine: scan, audit, top (templates), archive, purge
    #[command(subcommand)]
    Logs(logs::Command),
    /// The base libraries' data (SPEC R8): reconcile two tables (diff)
    #[command(subcommand)]
    Data(data::Command),
    /// Access review (账号清单复核, SPEC R2): accounts, privileges and keys per host, compared
    /// with the previous review
    #[command(subcommand)]
    Access(access::Command),
    /// The checks of the configuration and pack: list them, or explain one (its file, probe,
    /// hosts, thresholds and where they come from)
    #[command(subcommand)]
    Checks(checks::Command),
    /// Validate the configuration and every check file; configuration snapshots and drift of
    /// the hosts (snapshot, drift, accept, baselines, compare)
    #[command(subcommand)]
    Config(config::Command),
    /// The node's hosts: list the inventory, ping them over ssh, push znode to them
    #[command(subcommand)]
    Fleet(fleet::Command),
    /// Run a plan sent by the jump host on stdin (started over ssh by `znode inspect`)
    #[command(hide = true)]
    Agent,
    /// List past runs, show one again, or compare two
    History(history::Args),
    /// Print shell completions
    Completions(generate::CompletionsArgs),
    /// Print the man page (roff)
    Man,
    /// Check the installation: configuration, history store, timers and their last runs,
    /// secrets file permissions, readable logs, reports folder, chart fonts; says what to fix
    Doctor(doctor::Args),
    /// Print the version; with --verbose the commit, target, glibc needed and store schema
    Version(version::Args),
}

/// Shared state of one invocation.
pub(crate) struct Context {
    config: PathBuf,
    overrides: Overrides,
    lang: Lang,
    style: crate::report::TableStyle,
}

impl Context {
    fn settings(&self) -> Result<Settings, Error> {
        Ok(crate::settings::load(&self.config, &self.overrides)?)
    }

    /// Settings and check pack, with the problems of both reported together.
    fn settings_and_catalog(&self) -> Result<(Settings, crate::catalog::Catalog), Error> {
        let (settings, mut problems) = crate::settings::load_lenient(&self.config, &self.overrides);
        let Some(settings) = settings else {
            return Err(Error::Config(problems));
        };
        match crate::catalog::Catalog::load(&settings) {
            Ok(c) if problems.is_empty() => Ok((settings, c)),
            Ok(_) => Err(Error::Config(problems)),
            Err(p) => {
                problems.extend(p);
                Err(Error::Config(problems))
            }
        }
    }
}

/// Who is doing it, for the journals: `--by` (the one name on every command; `--operator` and
/// `--reporter` are kept as its aliases) or `$ZNODE_OPERATOR`, else the login's `$USER`/`$LOGNAME`,
/// else the account the process runs as (cron sets no `$USER`).
fn operator(named: &Option<String>) -> String {
    named
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .filter(|n| !n.is_empty())
        .or_else(|| {
            nix::unistd::User::from_uid(nix::unistd::getuid())
                .ok()
                .flatten()
                .map(|u| u.name)
        })
        .unwrap_or_else(|| "unknown".into())
}

/// Column headers in the language asked for, from (中文, English) pairs.
fn headers(lang: Lang, cols: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    cols.iter()
        .map(|(zh, en)| if lang == Lang::Zh { *zh } else { *en })
        .collect()
}

/// Prints a JSON document for scripts, pretty and ending in a newline.
fn print_json(out: &mut dyn std::io::Write, doc: &serde_json::Value) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut *out, doc).map_err(|e| Error::Message(e.to_string()))?;
    writeln!(out)?;
    Ok(())
}

/// Quotes a value for a single-quoted YAML scalar (checks synthesized from arguments).
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Builds the tokio runtime; blocking probe threads stuck on a hung filesystem are not waited
/// for at exit (see `shutdown_timeout` in `run_async`).
fn run_async<T, F: std::future::Future<Output = Result<T, Error>>>(f: F) -> Result<T, Error> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Message(format!("cannot start the async runtime: {e}")))?;
    let out = rt.block_on(f);
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    out
}

/// The width of the terminal stdout is, if it is one.
fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| w.0)
}

/// Entry point: parse, dispatch, and turn the result into an exit code.
pub fn main() -> ExitCode {
    let _ = rustls::crypto::ring::default_provider().install_default();
    quiet_on_closed_pipes();
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err(e) => {
            report_error(&e);
            return ExitCode::from(e.code());
        }
    };
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let cx = Context {
        config: cli
            .config
            .clone()
            .unwrap_or_else(|| PathBuf::from("znode.yaml")),
        overrides: Overrides {
            node: cli.node.clone(),
            timezone: cli.timezone.clone(),
            store: cli.store.clone(),
            jobs: None,
            timeout: None,
        },
        lang: cli.lang,
        style: crate::report::TableStyle {
            color,
            width: terminal_width(),
        },
    };
    let result = match cli.command {
        Command::Init(a) => init::run(&cx, a),
        Command::Inspect(a) => inspect::run(cx, a),
        Command::Probe(a) => probe::run(&cx, a),
        Command::Logs(c) => logs::run(cx, c),
        Command::Backup(c) => backup::run(cx, c),
        Command::Playbook(c) => playbook::run(cx, c),
        Command::Sync(c) => sync::run(cx, c),
        Command::Incident(c) => incident::run(cx, c),
        Command::Record(c) => record::run(cx, c),
        Command::Watch(a) => watch::run(cx, a),
        Command::Serve(a) => serve::run(cx, a),
        Command::Alert(c) => watch::alert(cx, c),
        Command::Silence(c) => watch::silence(cx, c),
        Command::Notify(c) => notify::run(cx, c),
        Command::Report(c) => report::run(cx, c),
        Command::Data(c) => data::run(cx, c),
        Command::Access(c) => access::run(cx, c),
        Command::Checks(c) => checks::run(&cx, c),
        Command::Config(c) => config::run(cx, c),
        Command::Fleet(c) => fleet::run(cx, c),
        Command::Agent => agent::run(),
        Command::History(a) => history::run(&cx, a),
        Command::Completions(a) => generate::completions(a),
        Command::Man => generate::man(),
        Command::Version(a) => version::run(a),
        Command::Doctor(a) => doctor::run(&cx, a),
    };
    match result {
        Ok(status) => ExitCode::from(status.exit_code()),
        // `znode … | head`: the reader has what it wanted; end quietly, as Unix tools do.
        Err(Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            if wants_nagios() {
                // A monitoring system reads one status line from stdout, even for a config error.
                println!(
                    "ZNODE UNKNOWN - {}",
                    e.to_string().lines().next().unwrap_or_default()
                );
            }
            report_error(&e);
            ExitCode::from(e.code())
        }
    }
}

/// A duration flag above zero: a zero timeout would fail every check without trying it.
fn positive_duration(s: &str) -> Result<std::time::Duration, String> {
    match humantime::parse_duration(s) {
        Ok(d) if d.is_zero() => Err("must be more than zero, e.g. `5s`".into()),
        Ok(d) => Ok(d),
        Err(e) => Err(e.to_string()),
    }
}

/// Whether the command line asks for Nagios output (`--format nagios`, `-f nagios`).
fn wants_nagios() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .any(|w| matches!(w[0].as_str(), "--format" | "-f") && w[1] == "nagios")
        || args
            .iter()
            .any(|a| a == "--format=nagios" || a == "-fnagios")
}

/// Writing to a pipe whose reader has gone (`znode … 2>&1 | true`) makes the standard print
/// macros panic; such a panic ends the process quietly instead of printing a Rust panic.
fn quiet_on_closed_pipes() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Prints a failure on stderr: every problem of a config with its position, else one line.
fn report_error(e: &Error) {
    match e {
        Error::Config(p) => {
            for problem in &p.0 {
                eprintln!("{problem}");
            }
            eprintln!(
                "error: {} problem{} found; nothing was run",
                p.0.len(),
                if p.0.len() == 1 { "" } else { "s" }
            );
        }
        // clap's message is complete, with its own `error:` and a usage line.
        Error::Usage(m) => eprint!("{m}"),
        other => eprintln!("error: {other}"),
    }
}

/// Parses the command line. `--help` and `--version` print and exit 0; a usage error exits 3
/// (Nagios UNKNOWN) rather than clap's 2, which monitoring would read as CRITICAL.
fn parse_args() -> Result<Cli, Error> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) => match e.kind() {
            clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                e.exit()
            }
            // clap colours its message on a terminal; so do we.
            _ if std::io::stderr().is_terminal() => {
                Err(Error::Usage(e.render().ansi().to_string()))
            }
            _ => Err(Error::Usage(e.render().to_string())),
        },
    }
}

/// The clap command, for completions, the man page and tests.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}
