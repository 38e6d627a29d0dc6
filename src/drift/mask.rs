//! Masking the secrets of a configuration file before its text is stored: every value that
//! looks like a password, token or key is replaced by `******#` and eight hex digits of an
//! HMAC-SHA256 under the node's key. The value cannot be recovered; a changed value still
//! shows as a changed line. Masking too much costs a less readable diff; masking too little
//! leaks a password into the store, so every doubtful value is masked.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// `key = value`, `key: value`, `"key": "value"`, `key => value` where the key names a secret,
/// anywhere in a line (JSON on one line, `Environment=DB_PASSWORD=x`, PHP `$db_pass = 'x'`).
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)[\w.\-$]*(?:pass(?:word|wd|phrase)?|pwd|secret|token|credential|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|bindpw|requirepass|masterauth|密码|口令)[\w.\-]*["']?\s*(?:=>|[:=：])[ \t]*"#,
    )
    .expect("literal regex")
});
/// Directives whose value follows a space: Redis, keepalived, OpenLDAP, RADIUS.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:requirepass|masterauth|auth_pass|bindpw|rootpw|secret|passphrase)\s+(\S.*?)\s*$")
        .expect("literal regex")
});
/// `scheme://user:password@host` (the password may hold `/`).
static USERINFO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]+:([^@\s]+)@").expect("literal regex")
});
/// URL and query-string parameters.
static PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[?&;]([A-Za-z0-9_.\-]+)=([^&;\s"'<>]*)"#).expect("literal regex")
});
/// `--password=x`, `--password x`.
static LONG_FLAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)--(?:password|passwd|pass|token|secret)(?:=|\s+)(\S+)").expect("literal regex")
});
/// `mysql -pX`, `mysqldump -uroot -pX`.
static MYSQL_FLAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)-p(\S+)").expect("literal regex"));
static MYSQL_CMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport)\b")
        .expect("literal regex")
});
/// `curl -u user:password`.
static USER_FLAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(?:-u|--user)\s+[^\s:]+:(\S+)").expect("literal regex"));
/// `Authorization: Bearer x`.
static AUTHORIZATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)authorization\s*[:=]?\s*[\x22']?(?:bearer|basic|token)\s+([^\s\x22']+)")
        .expect("literal regex")
});
/// `<password attr="">x</password>`.
static ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<([\w.\-:]*(?:pass|pwd|secret|token|credential)[\w.\-:]*)(?:\s[^>]*)?>([^<]+)")
        .expect("literal regex")
});
/// Hadoop-style `<name>…Password</name>`, whose `<value>` follows.
static NAME_ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<name>\s*[^<]*(?:pass|pwd|secret|token|credential)[^<]*</name>")
        .expect("literal regex")
});
static VALUE_ELEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<value>([^<]*)</value>").expect("literal regex"));
/// `define('DB_PASSWORD', 'x')`, `("password", "x")`.
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)['"][^'"]*(?:pass|pwd|secret|token)[^'"]*['"]\s*,\s*['"]([^'"]*)['"]"#)
        .expect("literal regex")
});

/// Eight hex digits of HMAC-SHA256(key, value).
pub fn keyed_hash(key: &[u8], value: &str) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(value.as_bytes());
    mac.finalize().into_bytes()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a value under a secret key is masked: anything but a blank, a mark already made,
/// or a reference to where the value lives (`${VAR}`, `{{ var }}`). A reference with a
/// default (`${DB_PASS:secret}`) holds a value, and is masked.
fn masks(value: &str) -> bool {
    let v = value.trim().trim_matches(['"', '\'']);
    let reference = (v.starts_with("${") && !v.contains(':'))
        || v.starts_with("{{")
        || (v.starts_with("#{") && !v.contains(':'));
    !(v.is_empty() || reference || v.starts_with("******#"))
}

/// The text with its secrets masked, and how many values were.
pub fn mask_text(text: &str, key: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut masked = 0;
    let mut continuation = false;
    let mut block: Option<usize> = None;
    let mut pending_value = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        // A YAML block scalar under a secret key: its more-indented lines are the value.
        if let Some(at) = block {
            if body.trim().is_empty() || indent > at {
                let (m, n) = replace(line, std::iter::once(indent..body.len()).collect(), key);
                out.push_str(&m);
                masked += n;
                continue;
            }
            block = None;
        }
        if continuation {
            let (m, n) = replace(
                line,
                std::iter::once(indent..body.trim_end_matches('\\').len()).collect(),
                key,
            );
            out.push_str(&m);
            masked += n;
            continuation = body.ends_with('\\');
            continue;
        }
        let (mut spans, keyed) = spans(body, &mut block, indent);
        if pending_value && let Some(c) = VALUE_ELEMENT.captures(body) {
            spans.push(c.get(1).map_or(0..0, |m| m.range()));
            pending_value = false;
        }
        if let Some(m) = NAME_ELEMENT.find(body) {
            match VALUE_ELEMENT.captures(&body[m.end()..]) {
                Some(c) => {
                    let r = c.get(1).map_or(0..0, |v| v.range());
                    spans.push(m.end() + r.start..m.end() + r.end);
                }
                None => pending_value = true,
            }
        }
        let (m, n) = replace(line, spans, key);
        out.push_str(&m);
        masked += n;
        continuation = keyed && body.ends_with('\\');
    }
    (out, masked)
}

/// The value ranges of one line, and whether it sets a secret (whose value may go on).
fn spans(body: &str, block: &mut Option<usize>, indent: usize) -> (Vec<Range<usize>>, bool) {
    let mut spans = Vec::new();
    let mut keyed = false;
    // A commented-out setting is a setting still: read past the comment marker.
    let content_start = {
        let t = body.trim_start();
        let stripped = t.trim_start_matches(['#', ';', '!', '/']).trim_start();
        let stripped = stripped.strip_prefix("export ").unwrap_or(stripped);
        body.len() - stripped.len()
    };
    for m in KEYED.find_iter(body) {
        keyed = true;
        let start = m.end();
        let rest = &body[start..];
        let at_line_start = m.start() <= content_start
            || body[content_start..m.start()].trim().is_empty()
            || body[..m.start()].trim_end().ends_with(['=', '-']) && m.start() < content_start + 40;
        let end = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(body.len(), |e| start + 1 + e + 1),
            Some('|' | '>') if at_line_start && rest.trim_end().len() <= 2 => {
                *block = Some(indent);
                continue;
            }
            // A trailing `\` continues the value on the next line; it is not the value.
            _ if at_line_start && m.start() <= content_start => {
                body.trim_end().trim_end_matches('\\').trim_end().len()
            }
            _ => {
                start
                    + rest
                        .find(|c: char| c.is_whitespace() || ",;&})<\"'".contains(c))
                        .unwrap_or(rest.len())
            }
        };
        if end > start {
            spans.push(start..end);
        }
    }
    if let Some(c) = DIRECTIVE.captures(body) {
        keyed = true;
        spans.extend(c.get(1).map(|m| m.range()));
    }
    for re in [
        &*USERINFO,
        &*LONG_FLAG,
        &*USER_FLAG,
        &*AUTHORIZATION,
        &*PAIR,
    ] {
        for c in re.captures_iter(body) {
            keyed = true;
            spans.extend(c.get(1).map(|m| m.range()));
        }
    }
    if MYSQL_CMD.is_match(body) {
        for c in MYSQL_FLAG.captures_iter(body) {
            spans.extend(c.get(1).map(|m| m.range()));
        }
    }
    for c in PARAM.captures_iter(body) {
        if crate::core::secret::is_credential_param(&c[1]) {
            spans.extend(c.get(2).map(|m| m.range()));
        }
    }
    for c in ELEMENT.captures_iter(body) {
        spans.extend(c.get(2).map(|m| m.range()));
    }
    (spans, keyed)
}

/// Replaces the ranges (overlaps merged into the widest) with their keyed marks.
fn replace(line: &str, mut spans: Vec<Range<usize>>, key: &[u8]) -> (String, usize) {
    spans.retain(|r| r.start < r.end && r.end <= line.len());
    spans.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in spans {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    let mut n = 0;
    for r in merged {
        let value = &line[r.clone()];
        if !masks(value) {
            continue;
        }
        out.push_str(&line[at..r.start]);
        out.push_str(&format!("******#{}", keyed_hash(key, value)));
        at = r.end;
        n += 1;
    }
    out.push_str(&line[at..]);
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line holds the secret `S3cr3t` in one of the forms configuration files use.
    const FORMS: &[&str] = &[
        "db.password=S3cr3t",
        "db.password = S3cr3t # prod",
        "password=abc #S3cr3t",
        "# old.password=S3cr3t",
        "spring.datasource.password: \"S3cr3t\"",
        "  password: 'S3cr3t'",
        "password: ${DB_PASS:S3cr3t}",
        "export PGPASSWORD=S3cr3t",
        "Environment=DB_PASSWORD=S3cr3t",
        "Environment=\"DB_PASSWORD=S3cr3t\" \"X=1\"",
        "0 2 * * * mysqldump -uroot -pS3cr3t shared > /backup/x.sql",
        "mysql --password=S3cr3t -e 'select 1'",
        "mysql --password S3cr3t",
        "requirepass S3cr3t",
        "masterauth S3cr3t",
        "    auth_pass S3cr3t",
        "bindpw S3cr3t",
        "{\"db\":{\"user\":\"app\",\"password\":\"S3cr3t\"}}",
        "{\"password\": \"S3cr3t\", \"token\": \"S3cr3t\"}",
        "<Resource name=\"jdbc/x\" password='S3cr3t'/>",
        "<Resource name=\"jdbc/x\" password=\"S3cr3t\"/>",
        "<password encrypted=\"false\">S3cr3t</password>",
        "<property><name>javax.jdo.option.ConnectionPassword</name><value>S3cr3t</value></property>",
        "url=https://oapi.dingtalk.com/robot/send?access_token=S3cr3t",
        "jdbc:mysql://app:ab/S3cr3t@db:3306/x",
        "SECRET_KEY=S3cr3t",
        "secretKey: S3cr3t",
        "$db_password = 'S3cr3t';",
        "define('DB_PASSWORD', 'S3cr3t');",
        "密码=S3cr3t",
        "数据库口令：S3cr3t",
        "curl -u admin:S3cr3t http://127.0.0.1:15672/api/overview",
        "proxy_set_header Authorization \"Bearer S3cr3t\";",
        "app.token=S3cr3t",
    ];

    #[test]
    fn every_form_is_masked() {
        for form in FORMS {
            let (masked, n) = mask_text(&format!("{form}\n"), b"k");
            assert!(!masked.contains("S3cr3t"), "{form} → {masked}");
            assert!(n >= 1, "{form}");
        }
    }

    #[test]
    fn blocks_continuations_and_split_elements() {
        let text = "db:\n  password: |\n    S3cr3t-line1\n    S3cr3t-line2\n  user: app\ndb.password=\\\n  S3cr3t\nexec --password=S3cr3t \\\n   S3cr3t-more\n<name>hive.password</name>\n<value>S3cr3t</value>\n";
        let (masked, _) = mask_text(text, b"k");
        assert!(!masked.contains("S3cr3t"), "{masked}");
        assert!(masked.contains("  user: app\n"), "{masked}");
    }

    #[test]
    fn what_is_not_a_secret_stays_and_a_change_shows() {
        let text = "user=app\nsecret=${APP_SECRET}\npassword requisite pam_pwquality.so retry=3\nPASS_MAX_DAYS 90\nPasswordAuthentication no\n";
        let (masked, n) = mask_text(text, b"k1");
        assert_eq!((masked.as_str(), n), (text, 0));
        let a = mask_text("db.password=Pa55word\n", b"k1").0;
        let b = mask_text("db.password=Pa55word2\n", b"k1").0;
        assert_ne!(a, b);
        assert_eq!(a, mask_text("db.password=Pa55word\n", b"k1").0);
        assert_ne!(a, mask_text("db.password=Pa55word\n", b"k2").0);
    }
}
