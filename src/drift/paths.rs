//! Which paths a snapshot records: role presets, the check's own globs, and what to ignore.

use serde::Deserialize;

/// A host's role, with the paths such a host's configuration lives in.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum Role {
    /// 前置机: the department-side exchange host — web server, application server, the exchange
    /// program's own configuration, and what schedules and trusts them.
    #[serde(rename = "前置机", alias = "frontend")]
    Frontend,
    /// The operating system's own access and scheduling configuration, on any host.
    #[serde(rename = "基础", alias = "base")]
    Base,
}

impl Role {
    /// The globs of the role (`**` at the end: the folder and everything below it).
    pub fn paths(self) -> &'static [&'static str] {
        match self {
            Role::Frontend => &[
                "/etc/nginx/**",
                "/etc/tomcat*/**",
                "/opt/tomcat*/conf/**",
                "/usr/local/tomcat*/conf/**",
                "/opt/*/conf/**",
                "/opt/*/config/**",
                "/etc/hosts",
                "/etc/crontab",
                "/etc/cron.d/**",
                "/var/spool/cron/**",
                "/etc/systemd/system/**",
                "/usr/lib/jvm/*/lib/security/cacerts",
                "/usr/lib/jvm/*/jre/lib/security/cacerts",
                "/etc/ssl/certs/java/cacerts",
            ],
            Role::Base => &[
                "/etc/hosts",
                "/etc/resolv.conf",
                "/etc/crontab",
                "/etc/cron.d/**",
                "/var/spool/cron/**",
                "/etc/systemd/system/**",
                "/etc/ssh/sshd_config",
                "/etc/ssh/sshd_config.d/**",
                "/etc/sudoers",
                "/etc/sudoers.d/**",
                "/etc/login.defs",
                "/etc/security/**",
                "/etc/pam.d/**",
                "/etc/sysctl.conf",
                "/etc/sysctl.d/**",
            ],
        }
    }
}

/// Editor leftovers, logs and runtime files: never configuration, always noise.
pub const ALWAYS_IGNORED: &[&str] = &["*.swp", "*~", ".#*", "*.log", "*.pid", "*.lock"];

/// What one snapshot takes.
#[derive(Clone, Debug)]
pub struct PathSet {
    /// Globs as the host names them.
    pub include: Vec<String>,
    /// Globs matched against the path and against the file name.
    pub ignore: Vec<glob::Pattern>,
}

impl PathSet {
    /// The role's paths and the check's, with the check's ignores and the usual leftovers.
    pub fn new(role: Option<Role>, paths: &[String], ignore: &[String]) -> Result<PathSet, String> {
        let mut include: Vec<String> = role
            .map(|r| r.paths().iter().map(|s| (*s).to_owned()).collect())
            .unwrap_or_default();
        include.extend(paths.iter().cloned());
        for p in &include {
            if !p.starts_with('/') {
                return Err(format!("`{p}` is not an absolute path"));
            }
            if p.trim_end_matches("/**").contains("**") {
                return Err(format!(
                    "`{p}`: `**` may only end a path (`/etc/nginx/**`), where it means the folder and all below it"
                ));
            }
        }
        let ignore = ignore
            .iter()
            .map(String::as_str)
            .chain(ALWAYS_IGNORED.iter().copied())
            .map(|g| glob::Pattern::new(g).map_err(|e| format!("ignore `{g}`: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        if include.is_empty() {
            return Err("no paths: give `role:` or `paths:`".into());
        }
        Ok(PathSet { include, ignore })
    }

    /// Whether a path (as the host names it) is ignored.
    pub fn ignores(&self, path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.ignore
            .iter()
            .any(|g| g.matches(path) || g.matches(name))
    }
}
