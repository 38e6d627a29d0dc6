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

/// Reads a time an operator typed: RFC 3339, or `YYYY-MM-DD[ HH:MM[:SS]]` (also with `T`) in
/// the node's timezone. The error says what to write.
pub fn parse_local(
    s: &str,
    tz: chrono_tz::Tz,
) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    use chrono::TimeZone;
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(n) = chrono::NaiveDateTime::parse_from_str(s, f)
            && let Some(t) = tz.from_local_datetime(&n).earliest()
        {
            return Ok(t.fixed_offset());
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        && let Some(t) = d
            .and_hms_opt(0, 0, 0)
            .and_then(|n| tz.from_local_datetime(&n).earliest())
    {
        return Ok(t.fixed_offset());
    }
    Err(format!(
        "cannot read the time `{s}`; write RFC 3339 (2025-10-10T08:00:00+08:00) or `2025-10-10 08:00`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_times_are_read_in_the_node_timezone() {
        let tz: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
        let t = parse_local("2025-10-10 08:00", tz).unwrap();
        assert_eq!(t.to_rfc3339(), "2025-10-10T08:00:00+08:00");
        assert_eq!(
            parse_local("2025-10-10", tz).unwrap().to_rfc3339(),
            "2025-10-10T00:00:00+08:00"
        );
        assert_eq!(
            parse_local("2025-10-10T08:00:00Z", tz)
                .unwrap()
                .to_rfc3339(),
            "2025-10-10T08:00:00+00:00"
        );
        assert!(
            parse_local("yesterday", tz)
                .unwrap_err()
                .contains("RFC 3339")
        );
    }
}
