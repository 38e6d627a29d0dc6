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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), "*** ***");
        assert_eq!(s.redact("login hunter2 failed"), "login *** failed");
    }
}
