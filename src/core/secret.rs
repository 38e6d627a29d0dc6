//! [`Secret`]: a value that never prints.

use std::fmt;

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

/// Masks credentials written inline in free text (log lines): the values of `password=`,
/// `pwd:`, `token=`, `secret=`, `api_key=`, `Authorization: Bearer ...` and URL userinfo.
pub fn mask_inline(text: &str) -> String {
    use std::sync::LazyLock;
    static KEYED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)((?:pass(?:word|wd)?|(?-i:pwd)|secret|token|api[_-]?key|access[_-]?key|credentials?|密码)["']?\s*[:=：]\s*["']?|authorization:\s*(?:bearer|basic)\s+|://[^/\s:@]+:)([^\s&"',;@]+)"#,
        )
        .expect("literal regex")
    });
    KEYED.replace_all(text, "${1}***").into_owned()
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
}
