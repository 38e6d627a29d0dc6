//! Network and I/O error text, in both languages: the kind of failure and its innermost cause,
//! without repeated URLs.

use crate::core::text::Text;
use crate::text;

/// An I/O error as people read it: the common kinds worded in both languages, any other with
/// the system's own words.
pub fn io_error(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::ConnectionRefused => text!("连接被拒绝", "connection refused"),
        K::ConnectionReset => text!("连接被对方重置", "connection reset by peer"),
        K::ConnectionAborted => text!("连接被中止", "connection aborted"),
        K::TimedOut => text!("超时", "timed out"),
        K::HostUnreachable => text!("主机不可达", "host unreachable"),
        K::NetworkUnreachable => text!("网络不可达", "network unreachable"),
        K::AddrNotAvailable => text!("地址不可用", "address not available"),
        K::NotFound => text!("不存在", "not found"),
        K::PermissionDenied => text!("权限不足", "permission denied"),
        K::UnexpectedEof => text!("连接被提前关闭", "connection closed early"),
        K::BrokenPipe => text!("连接已断开", "broken pipe"),
        _ => Text::raw(e.to_string()),
    }
}

/// Any error's innermost cause: an I/O error worded as [`io_error`] does, a name that does
/// not resolve or a certificate that does not verify said so, the rest as it reads.
pub fn cause(e: &(dyn std::error::Error + 'static)) -> Text {
    let mut inner: &(dyn std::error::Error + 'static) = e;
    while let Some(s) = inner.source() {
        inner = s;
    }
    if let Some(io) = inner.downcast_ref::<std::io::Error>() {
        return io_error(io);
    }
    let raw = inner.to_string();
    let lower = raw.to_lowercase();
    if lower.contains("failed to lookup address") || lower.contains("dns error") {
        text!(
            "域名解析失败（{raw}）",
            "name does not resolve ({raw})",
            raw = raw
        )
    } else if lower.contains("certificate") {
        text!(
            "证书校验失败（{raw}）",
            "certificate rejected ({raw})",
            raw = raw
        )
    } else {
        Text::raw(raw)
    }
}

/// reqwest wraps the useful cause ("connection refused", "certificate expired") in layers that
/// repeat the URL; keep the kind of failure and the innermost cause.
pub fn error_chain(e: &reqwest::Error) -> Text {
    if e.is_timeout() {
        return text!("超时", "timed out");
    }
    let what = if e.is_connect() {
        text!("无法连接", "cannot connect")
    } else if e.is_redirect() {
        text!("重定向失败", "redirect failed")
    } else if e.is_body() || e.is_decode() {
        text!("响应内容有误", "bad response body")
    } else {
        text!("请求失败", "request failed")
    };
    let mut inner: &dyn std::error::Error = e;
    while let Some(s) = inner.source() {
        inner = s;
    }
    if inner.to_string() == e.to_string() {
        what
    } else {
        text!(
            "{what}：{why}",
            "{what}: {why}",
            what = what,
            why = cause(e)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_io_failures_are_worded_in_both_languages() {
        let e = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(io_error(&e), text!("连接被拒绝", "connection refused"));
        let odd = std::io::Error::other("quota exceeded");
        assert_eq!(io_error(&odd), Text::raw("quota exceeded"));
    }
}
