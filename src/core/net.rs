//! Network error text: the kind of failure and its innermost cause, without repeated URLs.

/// reqwest wraps the useful cause ("connection refused", "certificate expired") in layers that
/// repeat the URL; keep the kind of failure and the innermost cause.
pub fn error_chain(e: &reqwest::Error) -> String {
    let mut inner: &dyn std::error::Error = e;
    while let Some(s) = inner.source() {
        inner = s;
    }
    let cause = inner.to_string();
    if e.is_timeout() {
        return "timed out".to_owned();
    }
    let what = if e.is_connect() {
        "cannot connect"
    } else if e.is_redirect() {
        "redirect failed"
    } else if e.is_body() || e.is_decode() {
        "bad response body"
    } else {
        "request failed"
    };
    if cause == e.to_string() {
        what.to_owned()
    } else {
        format!("{what}: {cause}")
    }
}
