//! Shell completions and the man page, generated from the clap definition.

use clap_complete::Shell;

use crate::core::error::Error;
use crate::core::outcome::Status;

#[derive(Debug, clap::Args)]
pub(super) struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    shell: Shell,
}

pub(super) fn completions(a: CompletionsArgs) -> Result<Status, Error> {
    clap_complete::generate(
        a.shell,
        &mut super::command(),
        "znode",
        &mut std::io::stdout(),
    );
    Ok(Status::Ok)
}

pub(super) fn man() -> Result<Status, Error> {
    let cmd = super::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let w: &mut dyn std::io::Write = &mut out;
    man.render_title(w)?;
    man.render_name_section(w)?;
    man.render_synopsis_section(w)?;
    man.render_description_section(w)?;
    man.render_options_section(w)?;
    // The commands are one page: `znode inspect`, not a znode-inspect(1) that is not shipped.
    writeln!(w, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        writeln!(w, ".TP\n\\fBznode {}\\fR", roff(sub.get_name()))?;
        if let Some(about) = sub.get_about() {
            writeln!(w, "{}", roff(&about.to_string()))?;
        }
    }
    writeln!(
        w,
        ".PP\n\\fBznode\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR shows each command's options."
    )?;
    w.write_all(EXTRA.as_bytes())?;
    man.render_version_section(w)?;
    std::io::Write::flush(&mut out)?;
    Ok(Status::Ok)
}

/// Text made safe for roff: backslashes and hyphens escaped, no line starting a request.
fn roff(s: &str) -> String {
    let t = s.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) {
        format!("\\&{t}")
    } else {
        t
    }
}

/// The sections clap does not know: exit status, environment, files, examples.
const EXTRA: &str = r#".SH "EXIT STATUS"
Check\-like commands (inspect, probe, logs scan, logs audit, backup verify, history show) exit
with the Nagios code of the worst result:
.TP
.B 0
OK: every counted result is OK.
.TP
.B 1
WARNING.
.TP
.B 2
CRITICAL, also for an interrupted run when a check that finished before the interruption is
CRITICAL.
.TP
.B 3
UNKNOWN, an interrupted run (nothing finished CRITICAL), or an error of configuration, usage or
the history store.
.PP
\fBhistory diff\fR exits 1 when something got worse. Other commands exit 0 on success and 3
on an error.
.SH ENVIRONMENT
.TP
.B ZNODE_CONFIG
The configuration file (default ./znode.yaml).
.TP
.B ZNODE_STORE
The history store: a SQLite path or a postgres:// URL.
.TP
.B ZNODE_TIMEZONE
The display timezone (IANA name).
.TP
.B ZNODE_NODE
The node name shown in outputs.
.TP
.B ZNODE_LANG
zh (default) or en: the language of tables and messages.
.TP
.B ZNODE_OPERATOR
Who is acting, for incidents, playbooks and records (default $USER).
.TP
.B NO_COLOR
No colours on a terminal.
.SH FILES
.TP
.B znode.yaml
The node's configuration; checks/, playbooks/ and report\-templates/ beside it.
.TP
.B znode\-history.db
The history store (SQLite) unless store: names another.
.TP
.B znode\-spool/
Results kept while the store was unreachable; written by the next run that reaches it.
.TP
.B reports/
Documents written by znode report, and reports/plans/ for the next period's plans.
.SH EXAMPLES
.nf
znode init ./node
znode config check \-c ./node/znode.yaml
znode inspect \-c ./node/znode.yaml \-\-open\-incidents
znode probe tcp 127.0.0.1:5432 \-\-warn 0.5
znode logs scan \-\-incremental
znode backup verify \-\-deep
znode report monthly \-f docx \-\-send
znode history diff latest~1 latest
.fi
"#;
