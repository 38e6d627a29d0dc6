//! The PAM stack a service really runs: `/etc/pam.d/SERVICE` with its `include`, `substack`
//! and Debian `@include` lines followed, so a module set up in a file nothing includes is not
//! taken for one in use.

use super::root::Root;

/// One module line of a resolved stack.
#[derive(Clone, Debug, PartialEq)]
pub struct PamLine {
    /// The file it was read from (`/etc/pam.d/system-auth`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// `auth`, `account`, `password` or `session`.
    pub kind: String,
    /// `required`, `[success=1 default=ignore]`...
    pub control: String,
    /// The module's file name (`pam_pwquality.so`).
    pub module: String,
    /// Its arguments.
    pub args: Vec<String>,
}

impl PamLine {
    /// The value of `name=value` among the arguments.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find_map(|a| a.strip_prefix(name)?.strip_prefix('='))
    }

    /// Whether a bare flag (`enforce_for_root`) is among the arguments.
    pub fn flag(&self, name: &str) -> bool {
        self.args.iter().any(|a| a == name)
    }

    /// Where it is, for evidence: `/etc/pam.d/common-password:25`.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Deeper than this an include chain is a loop.
const MAX_DEPTH: usize = 12;

/// The `kind` lines of `service`'s stack, in order, includes expanded; `None` when the
/// service has no file.
pub fn stack(root: &Root, service: &str, kind: &str) -> Option<Vec<PamLine>> {
    let mut out = Vec::new();
    let found = expand(root, service, kind, 0, &mut out);
    found.then_some(out)
}

/// Whether the first service that exists of `services` runs `module` in its `kind` stack,
/// with the line that does; the service that was read.
pub fn find<'a>(
    root: &Root,
    services: &[&'a str],
    kind: &str,
    modules: &[&str],
) -> Option<(&'a str, Option<PamLine>)> {
    services.iter().find_map(|s| {
        let lines = stack(root, s, kind)?;
        Some((
            *s,
            lines
                .into_iter()
                .find(|l| modules.contains(&l.module.as_str())),
        ))
    })
}

fn expand(root: &Root, service: &str, kind: &str, depth: usize, out: &mut Vec<PamLine>) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let name = service.rsplit('/').next().unwrap_or(service);
    let file = format!("/etc/pam.d/{name}");
    let Ok(Some(text)) = root.read(&file) else {
        return false;
    };
    for (line_no, line) in logical_lines(&text) {
        let mut words = tokens(&line).into_iter();
        let Some(first) = words.next() else {
            continue;
        };
        if first == "@include" {
            if let Some(inc) = words.next() {
                expand(root, &inc, kind, depth + 1, out);
            }
            continue;
        }
        let ty = first.trim_start_matches('-').to_ascii_lowercase();
        if ty != kind {
            continue;
        }
        let (Some(control), Some(module)) = (words.next(), words.next()) else {
            continue;
        };
        if control == "include" || control == "substack" {
            expand(root, &module, kind, depth + 1, out);
            continue;
        }
        out.push(PamLine {
            file: file.clone(),
            line: line_no,
            kind: ty,
            control,
            module: module.rsplit('/').next().unwrap_or(&module).to_owned(),
            args: words.collect(),
        });
    }
    true
}

/// Lines with comments removed and `\` continuations joined, with their first line number.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let body = raw.split('#').next().unwrap_or("");
        let (cont, body) = match body.trim_end().strip_suffix('\\') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let entry = pending.get_or_insert_with(|| (i + 1, String::new()));
        entry.1.push(' ');
        entry.1.push_str(body);
        if !cont {
            let (n, l) = pending.take().unwrap_or_default();
            if !l.trim().is_empty() {
                out.push((n, l));
            }
        }
    }
    if let Some((n, l)) = pending.filter(|(_, l)| !l.trim().is_empty()) {
        out.push((n, l));
    }
    out
}

/// Words, keeping a `[...]` control (which holds spaces) as one.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while !rest.is_empty() {
        if rest.starts_with('[') {
            let end = rest.find(']').map_or(rest.len(), |e| e + 1);
            out.push(rest[..end].to_owned());
            rest = rest[end..].trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(rest[..end].to_owned());
            rest = rest[end..].trim_start();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> (tempfile::TempDir, Root) {
        let d = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = d.path().join("etc/pam.d").join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let root = Root::new(d.path());
        (d, root)
    }

    #[test]
    fn includes_and_substacks_are_followed() {
        let (_d, root) = tree(&[
            ("passwd", "#%PAM-1.0\npassword   substack   system-auth\n"),
            (
                "system-auth",
                "auth required pam_env.so\npassword requisite pam_pwquality.so try_first_pass local_users_only retry=3 \\\n    minlen=12\npassword [success=1 default=ignore] pam_unix.so sha512 remember=5\n-password optional pam_gnome_keyring.so\n",
            ),
        ]);
        let s = stack(&root, "passwd", "password").unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].module, "pam_pwquality.so");
        assert_eq!(s[0].arg("minlen"), Some("12"));
        assert_eq!(s[0].place(), "/etc/pam.d/system-auth:2");
        assert_eq!(s[1].control, "[success=1 default=ignore]");
        assert_eq!(s[1].arg("remember"), Some("5"));
        assert!(stack(&root, "sshd", "auth").is_none());
    }

    #[test]
    fn a_configured_file_nothing_includes_is_not_in_the_stack() {
        let (_d, root) = tree(&[
            (
                "common-password",
                "password [success=1 default=ignore] pam_unix.so obscure yescrypt\n",
            ),
            ("passwd", "@include common-password\n"),
            (
                "pwquality-unused",
                "password requisite pam_pwquality.so minlen=14\n",
            ),
        ]);
        let s = stack(&root, "passwd", "password").unwrap();
        assert!(s.iter().all(|l| l.module != "pam_pwquality.so"));
        let (svc, line) = find(
            &root,
            &["passwd"],
            "password",
            &["pam_pwquality.so", "pam_cracklib.so"],
        )
        .unwrap();
        assert_eq!(svc, "passwd");
        assert!(line.is_none());
    }

    #[test]
    fn include_loops_end() {
        let (_d, root) = tree(&[
            ("a", "auth include b\n"),
            ("b", "auth include a\nauth required pam_faillock.so\n"),
        ]);
        let s = stack(&root, "a", "auth").unwrap();
        assert!(s.iter().any(|l| l.module == "pam_faillock.so"));
    }
}
