//! Named targets: an address, a URL or a database DSN, with credentials from the environment or
//! a file, never inline.

use std::path::Path;

use serde::Deserialize;

use crate::core::secret::{Secret, is_credential_param};
use crate::core::yaml::Pos;

/// A target as written in `znode.yaml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetFile {
    address: Option<String>,
    url: Option<String>,
    dsn: Option<String>,
    username: Option<String>,
    password_env: Option<String>,
    password_file: Option<String>,
    token_env: Option<String>,
    token_file: Option<String>,
}

/// What a target points at.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetKind {
    /// `host:port`.
    Address(String),
    /// An HTTP(S) URL.
    Url(String),
    /// A database DSN without password (`postgres://`, `mysql://`, `sqlite://`).
    Dsn(String),
}

/// A resolved target.
#[derive(Clone, Debug)]
pub struct Target {
    /// Its name in the config.
    pub name: String,
    /// Address, URL or DSN.
    pub kind: TargetKind,
    /// User for basic auth or the database.
    pub username: Option<String>,
    /// Password, from `password_env` or `password_file`.
    pub password: Option<Secret>,
    /// Bearer token, from `token_env` or `token_file`.
    pub token: Option<Secret>,
    /// Where it is declared.
    pub pos: Pos,
}

impl Target {
    /// `host:port` for address targets, or derived from a URL or DSN.
    pub fn address(&self) -> Option<String> {
        match &self.kind {
            TargetKind::Address(a) => Some(a.clone()),
            TargetKind::Url(u) | TargetKind::Dsn(u) => {
                let parsed = reqwest::Url::parse(u).ok()?;
                let port = parsed.port_or_known_default().or(match parsed.scheme() {
                    "postgres" | "postgresql" => Some(5432),
                    "mysql" | "mariadb" => Some(3306),
                    _ => None,
                })?;
                Some(format!("{}:{}", parsed.host_str()?, port))
            }
        }
    }

    /// The URL of a URL target.
    pub fn url(&self) -> Option<&str> {
        match &self.kind {
            TargetKind::Url(u) => Some(u),
            _ => None,
        }
    }

    /// The DSN of a database target.
    pub fn dsn(&self) -> Option<&str> {
        match &self.kind {
            TargetKind::Dsn(d) => Some(d),
            _ => None,
        }
    }

    /// `dsn` with this target's username and password filled in, for the driver only (sqlx
    /// knows MariaDB as `mysql://`). The error says why the DSN cannot be parsed.
    pub fn dsn_with_credentials(&self, dsn: &str) -> Result<String, String> {
        let mut url = reqwest::Url::parse(dsn).map_err(|e| format!("invalid dsn: {e}"))?;
        if url.scheme() == "mariadb" {
            let rest = dsn.trim_start_matches("mariadb:");
            url = reqwest::Url::parse(&format!("mysql:{rest}"))
                .map_err(|e| format!("invalid dsn: {e}"))?;
        }
        if let Some(u) = &self.username {
            let _ = url.set_username(u);
        }
        if let Some(p) = &self.password {
            let _ = url.set_password(Some(p.expose()));
        }
        Ok(url.to_string())
    }

    /// A short description for tables: the address or URL, never credentials.
    pub fn describe(&self) -> String {
        match &self.kind {
            TargetKind::Address(a) => a.clone(),
            TargetKind::Url(u) | TargetKind::Dsn(u) => u.clone(),
        }
    }
}

impl Target {
    /// A target given on the command line (`znode probe`): `http(s)://` is a URL, a database
    /// scheme is a DSN, anything else `host:port`. Credentials come from the named variables.
    pub fn from_arg(
        spec: &str,
        username: Option<String>,
        password_env: Option<String>,
        token_env: Option<String>,
    ) -> Result<Target, Vec<(String, Option<String>)>> {
        let scheme = spec.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
        let mut raw = TargetFile {
            username,
            password_env,
            token_env,
            ..TargetFile::default()
        };
        match scheme.as_deref() {
            Some("http" | "https") => raw.url = Some(spec.to_owned()),
            Some(_) => raw.dsn = Some(spec.to_owned()),
            None => raw.address = Some(spec.to_owned()),
        }
        // A credential in the query is the endpoint's business here: nothing is written to a
        // file, and every URL znode prints is masked.
        let allowed = Written::OnCommandLine;
        resolve(
            "TARGET",
            raw,
            Pos::default(),
            Path::new("."),
            allowed,
            |_| Pos::default(),
        )
        .map_err(|list| list.into_iter().map(|(_, m, h)| (m, h)).collect())
    }
}

/// Where a target was written: in a file, a credential in a URL's query is refused as a
/// password in its userinfo is (the file is kept, copied, committed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// In znode.yaml.
    InFile,
    /// On the command line (`znode probe`).
    OnCommandLine,
}

/// Resolves a declared target; every problem is returned with the key it concerns.
pub fn resolve(
    name: &str,
    raw: TargetFile,
    pos: Pos,
    base_dir: &Path,
    written: Written,
    key_pos: impl Fn(&str) -> Pos,
) -> Result<Target, Vec<(Pos, String, Option<String>)>> {
    let mut problems = Vec::new();
    let kinds = [
        raw.address.clone().map(TargetKind::Address),
        raw.url.clone().map(TargetKind::Url),
        raw.dsn.clone().map(TargetKind::Dsn),
    ];
    let mut set: Vec<TargetKind> = kinds.into_iter().flatten().collect();
    let kind = match set.len() {
        1 => set.pop(),
        0 => {
            problems.push((pos, format!("target `{name}` has no address, url or dsn"), Some("give exactly one of `address: host:port`, `url: http://...`, `dsn: postgres://...`".into())));
            None
        }
        _ => {
            problems.push((
                pos,
                format!("target `{name}` has more than one of address, url and dsn"),
                Some("split it into one target per endpoint".into()),
            ));
            None
        }
    };
    if let Some(TargetKind::Url(u) | TargetKind::Dsn(u)) = &kind {
        let key = if raw.url.is_some() { "url" } else { "dsn" };
        match reqwest::Url::parse(u) {
            Ok(parsed) if parsed.password().is_some() => problems.push((
                key_pos(key),
                format!("target `{name}` has a password inside its {key}"),
                Some(
                    "remove it from the URL and set `password_env: VAR` or `password_file: PATH`"
                        .into(),
                ),
            )),
            Ok(ref parsed)
                if written == Written::InFile
                    && let Some((param, _)) =
                    parsed.query_pairs().find(|(k, _)| is_credential_param(k)) =>
            {
                problems.push((
                    key_pos(key),
                    format!("target `{name}` has a credential (`{param}`) in the query of its {key}"),
                    Some(
                        "remove it from the URL and set `password_env`/`password_file` (or `token_env`/`token_file`)"
                            .into(),
                    ),
                ))
            }
            Ok(_) => {}
            Err(e) => problems.push((
                key_pos(key),
                format!("target `{name}`: invalid {key}: {e}"),
                None,
            )),
        }
    }
    if let Some(TargetKind::Address(a)) = &kind
        && !a
            .rsplit_once(':')
            .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok())
    {
        problems.push((
            key_pos("address"),
            format!("target `{name}`: address `{a}` is not host:port"),
            Some("write it as `127.0.0.1:5432` or `[::1]:6379`".into()),
        ));
    }
    let mut secret = |env: &Option<String>, file: &Option<String>, what: &str| -> Option<Secret> {
        match (env, file) {
            (Some(_), Some(_)) => {
                problems.push((
                    key_pos(&format!("{what}_env")),
                    format!("target `{name}` sets both {what}_env and {what}_file"),
                    Some("keep one".into()),
                ));
                None
            }
            (Some(var), None) => match std::env::var(var) {
                Ok(v) => Some(Secret::new(v)),
                Err(_) => {
                    problems.push((key_pos(&format!("{what}_env")), format!("target `{name}`: environment variable `{var}` is not set"), Some(format!("export {var}=... in the environment of znode (cron: the crontab or a systemd EnvironmentFile)"))));
                    None
                }
            },
            (None, Some(path)) => {
                let p = base_dir.join(path);
                match std::fs::read_to_string(&p) {
                    Ok(v) => Some(Secret::new(v.trim_end_matches(['\r', '\n']))),
                    Err(e) => {
                        problems.push((key_pos(&format!("{what}_file")), format!("target `{name}`: cannot read {what} file {}: {e}", p.display()), Some("check the path and that the file is readable by this user (mode 0600)".into())));
                        None
                    }
                }
            }
            (None, None) => None,
        }
    };
    let password = secret(&raw.password_env, &raw.password_file, "password");
    let token = secret(&raw.token_env, &raw.token_file, "token");
    match kind {
        Some(kind) if problems.is_empty() => Ok(Target {
            name: name.to_owned(),
            kind,
            username: raw.username,
            password,
            token,
            pos,
        }),
        _ => Err(problems),
    }
}
