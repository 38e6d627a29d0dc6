//! `secrets`: plaintext passwords and keys in middleware and application configuration
//! (脆弱性检查(3)): properties, YAML, XML (Tomcat server.xml/context.xml), ini, .env, nginx
//! conf, and credentials inside JDBC or other URLs. Indirect and encrypted values are not
//! findings: empty, `ENC(...)`, `{cipher}...`, `${VAR}`, `{{ var }}`, and comments.
//!
//! A finding is reported as file:line and key. The value is never kept: not in the summary,
//! the evidence, the JSON or the store.

use crate::text;
use serde::Deserialize;
use std::path::{Path, PathBuf};

use super::{Observation, Probe, ProbeContext, ProbeError, blocking};
use crate::core::error::Invalid;
use crate::core::outcome::Metric;
use crate::core::secret::{
    KEY_VALUE, SECRET_KEY, URL_PARAM, URL_USERINFO, XML_ATTR, XML_ELEM, is_plaintext,
};

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Secrets {
    /// Files or folders (scanned recursively, symlinks not followed).
    paths: Vec<PathBuf>,
    /// Stop after this many files (default 20000), so a wrong path cannot scan a whole disk.
    max_files: Option<usize>,
}

/// Files larger than this are not configuration.
const MAX_FILE: u64 = 2 * 1024 * 1024;

/// Extensions and names of configuration files.
fn is_config(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "properties" | "yml" | "yaml" | "xml" | "ini" | "conf" | "cnf" | "cfg" | "env" | "toml"
    ) || name == ".env"
        || name.starts_with(".env.")
}

/// One finding: where, and under which key.
#[derive(Debug, PartialEq)]
struct Finding {
    line: usize,
    key: String,
}

/// Scans one file's text.
fn scan_text(text: &str, xml: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw.to_owned();
        if xml {
            // Drop XML comments, which may span lines.
            let mut kept = String::new();
            let mut rest = line.as_str();
            loop {
                if in_comment {
                    match rest.find("-->") {
                        Some(end) => {
                            rest = &rest[end + 3..];
                            in_comment = false;
                        }
                        None => break,
                    }
                } else {
                    match rest.find("<!--") {
                        Some(start) => {
                            kept.push_str(&rest[..start]);
                            rest = &rest[start + 4..];
                            in_comment = true;
                        }
                        None => {
                            kept.push_str(rest);
                            break;
                        }
                    }
                }
            }
            line = kept;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#')
            || trimmed.starts_with(';')
            || trimmed.starts_with('!')
            || trimmed.starts_with("//")
        {
            continue;
        }
        let mut keys: Vec<String> = Vec::new();
        if xml {
            for c in XML_ATTR
                .captures_iter(&line)
                .chain(XML_ELEM.captures_iter(&line))
            {
                if SECRET_KEY.is_match(&c[1]) && is_plaintext(&c[2]) {
                    keys.push(c[1].to_owned());
                }
            }
        } else if let Some(c) = KEY_VALUE.captures(&line) {
            let value = c[2].split(" #").next().unwrap_or("");
            if SECRET_KEY.is_match(&c[1]) && is_plaintext(value) {
                keys.push(c[1].to_owned());
            }
        }
        for c in URL_PARAM.captures_iter(&line) {
            if is_plaintext(&c[2]) {
                keys.push(format!("{} in a URL", &c[1]));
            }
        }
        if URL_USERINFO
            .captures_iter(&line)
            .any(|c| is_plaintext(&c[1]))
        {
            keys.push("password in a URL".to_owned());
        }
        keys.dedup();
        out.extend(keys.into_iter().map(|key| Finding { line: i + 1, key }));
    }
    out
}

impl Probe for Secrets {
    const KIND: &'static str = "secrets";
    const PLACE: super::Place = super::Place::Host;

    fn primary(&self) -> Option<&'static str> {
        Some("findings")
    }

    fn default_thresholds(
        &self,
    ) -> &'static [(&'static str, Option<&'static str>, Option<&'static str>)] {
        &[("findings", None, Some("0"))]
    }

    fn validate(
        &self,
        _target: Option<&crate::core::target::Target>,
        _settings: &crate::settings::Settings,
    ) -> Result<(), Invalid> {
        if self.paths.is_empty() {
            return Err(Invalid::new(
                "`paths` is empty",
                "list the configuration folders, e.g. [/etc/tomcat10, /opt/app/conf]",
            ));
        }
        Ok(())
    }

    async fn observe(&self, _cx: &ProbeContext<'_>) -> Result<Observation, ProbeError> {
        let paths = self.paths.clone();
        let max_files = self.max_files.unwrap_or(20_000);
        blocking(move || {
            let mut files = Vec::new();
            let mut missing = Vec::new();
            for p in &paths {
                match std::fs::symlink_metadata(p) {
                    Ok(_) => collect(p, &mut files, max_files),
                    Err(_) => missing.push(p.display().to_string()),
                }
            }
            if files.is_empty() && !missing.is_empty() {
                return Err(ProbeError::unknown(text!(
                    "没有可检查的文件：{m} 不存在",
                    "nothing to scan: {m} not found",
                    m = missing.join(", "),
                )));
            }
            let mut findings = Vec::new();
            for f in &files {
                let Ok(bytes) = std::fs::read(f) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&bytes);
                let xml = f.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"));
                for finding in scan_text(&text, xml) {
                    findings.push(format!("{}:{} {}", f.display(), finding.line, finding.key));
                }
            }
            let mut obs = Observation::new(text!(
                "检查配置文件 {files} 个，发现明文密码 {n} 处",
                "{n} plaintext secret(s) in {files} configuration file(s)",
                n = findings.len(),
                files = files.len(),
            ))
            .metric(Metric::new("findings", findings.len() as f64, ""))
            .metric(Metric::new("files", files.len() as f64, ""));
            if files.len() >= max_files {
                obs.evidence
                    .push(format!("stopped after {max_files} files (max_files)"));
            }
            if !missing.is_empty() {
                obs.evidence
                    .push(format!("not found: {}", missing.join(", ")));
            }
            if let Some(first) = findings.first() {
                obs.summary = text!(
                    "发现明文密码 {n} 处，第一处在 {first}",
                    "{n} plaintext secret(s), first at {first}",
                    n = findings.len(),
                    first = first,
                );
            }
            obs.evidence.extend(findings.into_iter().take(50));
            Ok(obs)
        })
        .await
    }
}

/// Configuration files under a path, without following symlinks.
fn collect(path: &Path, out: &mut Vec<PathBuf>, max: usize) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if out.len() >= max || meta.file_type().is_symlink() {
        return;
    }
    if meta.is_file() {
        if meta.len() <= MAX_FILE && is_config(path) {
            out.push(path.to_owned());
        }
    } else if meta.is_dir() {
        let Ok(rd) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            collect(&e, out, max);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, xml: bool) -> Vec<(usize, String)> {
        scan_text(text, xml)
            .into_iter()
            .map(|f| (f.line, f.key))
            .collect()
    }

    #[test]
    fn properties_and_yaml() {
        let t = "db.url=jdbc:postgresql://h/db\ndb.password=Sup3rS3cret\n# db.password=old\nspring.datasource.password: ${DB_PASSWORD}\nredis.password=ENC(AbCdEf==)\napi-key: {cipher}abc\nempty.password=\nmask.password=******\n  password: \"hunter22\"\n";
        assert_eq!(
            keys(t, false),
            vec![(2, "db.password".to_owned()), (9, "password".to_owned())]
        );
    }

    #[test]
    fn xml_attributes_elements_and_comments() {
        let t = "<Resource name=\"jdbc/x\" username=\"app\" password=\"p4ssw0rd\"/>\n<!-- <Resource password=\"commented\"/>\n password=\"stillcomment\" -->\n<password>${env.PW}</password>\n<secret>abc123</secret>\n";
        assert_eq!(
            keys(t, true),
            vec![(1, "password".to_owned()), (5, "secret".to_owned())]
        );
    }

    #[test]
    fn credentials_in_urls() {
        let t = "url=jdbc:mysql://db:3306/app?user=app&password=Pa55word\nbroker=amqp://guest:guestpw@mq:5672/\nok=jdbc:mysql://db/app?password=${PW}\n";
        assert_eq!(
            keys(t, false),
            vec![
                (1, "password in a URL".to_owned()),
                (2, "password in a URL".to_owned())
            ]
        );
    }
}
