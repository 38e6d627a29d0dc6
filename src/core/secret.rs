//! [`Secret`]: a value that never prints.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// A password or token. Debug and Display print `***`; only [`Secret::expose`] gives the value,
/// and the call sites of `expose` are the places to audit.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value read from the environment or a file.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for handing to a driver or a header. Never format it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Replaces every occurrence of the value in a text with `***`, for messages from drivers
    /// that might echo what they were given.
    pub fn redact(&self, text: &str) -> String {
        if self.0.is_empty() {
            text.to_owned()
        } else {
            text.replace(&self.0, "***")
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("***")
    }
}

/// Whether a URL query parameter carries a credential (`?password=`, `?access_token=`,
/// `?key=`, a robot's `?sign=`...), by its name.
pub fn is_credential_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace('-', "_");
    matches!(
        n.as_str(),
        "password"
            | "passwd"
            | "pwd"
            | "pass"
            | "sslpassword"
            | "secret"
            | "client_secret"
            | "token"
            | "access_token"
            | "auth"
            | "auth_token"
            | "authorization"
            | "key"
            | "api_key"
            | "apikey"
            | "access_key"
            | "sign"
            | "signature"
            | "sig"
    ) || n.ends_with("_token")
        || n.ends_with("_secret")
        || n.ends_with("password")
}

/// A URL fit to print: the password of its userinfo and the value of every credential-looking
/// query parameter replaced by `***`. Text that is not a URL is returned as it is.
pub fn redact_url(url: &str) -> String {
    let Ok(mut u) = reqwest::Url::parse(url) else {
        return url.to_owned();
    };
    let mut changed = false;
    if u.password().is_some() {
        let _ = u.set_password(Some("***"));
        changed = true;
    }
    if u.query_pairs().any(|(k, _)| is_credential_param(&k)) {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let v = if is_credential_param(&k) {
                    "***".to_owned()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
        changed = true;
    }
    if changed {
        u.to_string()
    } else {
        url.to_owned()
    }
}

/// Every URL in a text passed through [`redact_url`] (summaries and errors that quote the URL
/// they were given).
pub fn redact_urls_in(text: &str) -> String {
    use std::sync::LazyLock;
    static URL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s"'<>]+"#).expect("literal regex")
    });
    URL.replace_all(text, |c: &regex::Captures| {
        // "GET http://h/x: refused": the punctuation after a URL is the sentence's.
        let whole = &c[0];
        let url = whole.trim_end_matches([':', ',', '.', ';', ')', ']']);
        format!("{}{}", redact_url(url), &whole[url.len()..])
    })
    .into_owned()
}

/// Masks credentials written inline in free text (log lines): the values of `password=`,
/// `pwd:`, `token=`, `secret=`, `api_key=`, `--password VALUE` (and `--token`, `--secret`,
/// `--api-key`), `Authorization: Bearer ...` and URL userinfo.
pub fn mask_inline(text: &str) -> String {
    mask_inline_cow(text).into_owned()
}

/// [`mask_inline`], borrowing the text when there is nothing to mask (the common case in a
/// stream of log lines).
pub fn mask_inline_cow(text: &str) -> std::borrow::Cow<'_, str> {
    use std::sync::LazyLock;
    static KEYED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)((?:pass(?:word|wd)?|(?-i:pwd)|secret|token|api[_-]?key|access[_-]?key|credentials?|密码)["']?\s*[:=：]\s*["']?|authorization:\s*(?:bearer|basic)\s+|--(?:pass(?:word|wd)?|token|secret|api-key)\s+|://[^/\s:@]+:)([^\s&"',;@]+)"#,
        )
        .expect("literal regex")
    });
    KEYED.replace_all(text, "${1}***")
}

// What a secret looks like in a configuration file: shared by the `secrets` probe, which reports
// plaintext ones, and configuration snapshots, which mask every one before storing.

/// Key names that hold secrets.
pub static SECRET_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(pass(word|wd)?|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)$").expect("literal regex")
});
/// `key = value` or `key: value` (properties, ini, env, YAML, conf).
pub static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*(?:export\s+)?["']?([A-Za-z0-9_.\-\[\]]+)["']?\s*[:=]\s*(.*?)\s*;?\s*$"#)
        .expect("literal regex")
});
/// XML attributes `password="..."`.
pub static XML_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([A-Za-z0-9_.\-:]+)\s*=\s*"([^"]*)""#).expect("literal regex"));
/// XML elements `<password>...</password>`.
pub static XML_ELEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([A-Za-z0-9_.\-:]+)>([^<]*)</[A-Za-z0-9_.\-:]+>").expect("literal regex")
});
/// `password=` inside a JDBC URL or query string.
pub static URL_PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[?&;](password|pwd)=([^&;\s\x22']*)").expect("literal regex")
});
/// `scheme://user:password@host`.
pub static URL_USERINFO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[a-z][a-z0-9+.\-]*://[^/\s:@]+:([^@/\s]+)@").expect("literal regex")
});

/// True when a value is a real secret, not a reference, an encrypted value or a blank.
pub fn is_plaintext(value: &str) -> bool {
    let v = value.trim().trim_matches(['"', '\'']).trim();
    if v.is_empty() || v.len() < 3 {
        return false;
    }
    let indirect = v.starts_with("ENC(")
        || v.starts_with("{cipher}")
        || v.starts_with("${")
        || v.starts_with("#{")
        || v.starts_with("{{")
        || v.starts_with('$')
        || v.starts_with("%(")
        || v.starts_with("<%")
        || v.chars().all(|c| c == '*' || c == 'x' || c == 'X');
    !indirect
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
        assert_eq!(s.redact("login hunter2 failed"), "login *** failed");
    }

    #[test]
    fn inline_credentials_are_masked() {
        assert_eq!(
            mask_inline("connect jdbc:mysql://app:S3cr3t@db/x password=hunter2&user=a"),
            "connect jdbc:mysql://app:***@db/x password=***&user=a"
        );
        assert_eq!(
            mask_inline("Authorization: Bearer abc.def 密码：Qwe123 ok"),
            "Authorization: Bearer *** 密码：*** ok"
        );
        assert_eq!(mask_inline("ERROR timeout"), "ERROR timeout");
    }

    #[test]
    fn urls_lose_their_credentials_and_keep_the_rest() {
        assert_eq!(
            redact_url("postgres://app:S3cr3t@db:5432/x?sslmode=require&password=hunter2"),
            "postgres://app:***@db:5432/x?sslmode=require&password=***"
        );
        assert_eq!(
            redact_url("https://oapi.dingtalk.com/robot/send?access_token=tok-123&timestamp=1"),
            "https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=1"
        );
        assert_eq!(redact_url("http://h/p?page=2"), "http://h/p?page=2");
        assert_eq!(redact_url("history.db"), "history.db");
        assert_eq!(
            redact_urls_in("GET https://h/api?token=abc&x=1: 401, then mysql://u:p@db/x?pwd=q"),
            "GET https://h/api?token=***&x=1: 401, then mysql://u:***@db/x?pwd=***"
        );
    }
}
