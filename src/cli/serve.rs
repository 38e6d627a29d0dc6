//! `znode serve`: the read-only status page.

use std::net::SocketAddr;

use super::Context;
use crate::app::serve::{self, Options};
use crate::core::error::Error;
use crate::core::outcome::Status;
use crate::core::secret::Secret;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// Address to listen on (loopback by default; publish it through the intranet's reverse
    /// proxy)
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    listen: SocketAddr,
    /// Ask for this user name (basic auth), with the password from --password-env or
    /// --password-file
    #[arg(long, value_name = "NAME")]
    user: Option<String>,
    /// Environment variable holding the password
    #[arg(
        long,
        value_name = "VAR",
        requires = "user",
        conflicts_with = "password_file"
    )]
    password_env: Option<String>,
    /// File holding the password
    #[arg(long, value_name = "FILE", requires = "user")]
    password_file: Option<std::path::PathBuf>,
}

pub(super) fn run(cx: Context, a: Args) -> Result<Status, Error> {
    let settings = cx.settings()?;
    let auth = match (&a.user, &a.password_env, &a.password_file) {
        (None, _, _) => None,
        (Some(u), Some(var), _) => {
            let p = std::env::var(var).map_err(|_| {
                Error::Message(format!(
                    "--password-env {var}: the variable is not set; export it in the service's environment"
                ))
            })?;
            Some((u.clone(), Secret::new(p)))
        }
        (Some(u), None, Some(f)) => {
            let p = std::fs::read_to_string(f)
                .map_err(|e| Error::Message(format!("--password-file {}: {e}", f.display())))?;
            Some((u.clone(), Secret::new(p.trim_end_matches(['\r', '\n']))))
        }
        (Some(_), None, None) => {
            return Err(Error::Message(
                "--user needs --password-env VAR or --password-file FILE (never the password itself)"
                    .into(),
            ));
        }
    };
    if !a.listen.ip().is_loopback() && auth.is_none() {
        eprintln!(
            "warning: serving on {} without --user: anyone who can reach it sees the node's status",
            a.listen
        );
    }
    super::run_async(async move {
        serve::run(
            settings,
            Options {
                listen: a.listen,
                auth,
            },
            |addr| eprintln!("serving the status page at http://{addr}/ (read-only; Ctrl-C stops)"),
        )
        .await?;
        Ok(Status::Ok)
    })
}
