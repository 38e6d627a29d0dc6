//! Time: UTC epoch milliseconds in the store, local time in the node's timezone for display.

/// Now, as epoch milliseconds UTC.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Epoch milliseconds as local time in `tz`, in a chrono format; empty when out of range.
pub fn local_time(ms: i64, tz: chrono_tz::Tz, format: &str) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.with_timezone(&tz).format(format).to_string())
        .unwrap_or_default()
}
