//! Timestamps at the head of log lines, in the formats this node's logs use, to epoch ms.
//!
//! Parsing is done by hand on bytes: it runs only on lines a rule hit (and on the few lines
//! walked back to find a stack trace's header), but there can be millions of those.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// What a timestamp without a zone or year needs.
#[derive(Clone, Copy, Debug)]
pub struct TimeContext {
    /// The source's timezone, for local times.
    pub tz: Tz,
    /// The day the file was last written, in `tz`: a syslog `Oct 10` takes its year from it.
    pub reference: NaiveDate,
}

const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// The timestamp at the head of a line (or in its first `[...]` for access logs), epoch ms UTC.
pub fn parse(line: &[u8], cx: &TimeContext) -> Option<i64> {
    let head = &line[..line.len().min(96)];
    let mut s = head;
    while let [b'[' | b' ' | b'<' | b'\t', rest @ ..] = s {
        s = rest;
    }
    // RFC 5424 `<13>1 2025-...`: skip the priority's digits and version.
    if head.first() == Some(&b'<')
        && let Some(p) = s.iter().position(|&b| b == b' ')
        && p < 8
    {
        s = &s[p + 1..];
    }
    if let Some(t) = iso(s, cx) {
        return Some(t);
    }
    if let Some(t) = juli(s, cx) {
        return Some(t);
    }
    if let Some(t) = syslog(s, cx) {
        return Some(t);
    }
    if let Some(t) = redis(s, cx) {
        return Some(t);
    }
    // Access logs: `1.2.3.4 - - [10/Oct/2025:13:55:36 +0800] "GET ...`.
    if let Some(p) = memchr::memchr(b'[', head)
        && let Some(t) = access(&head[p + 1..], cx)
    {
        return Some(t);
    }
    // A level or thread before the time (`INFO  2025-10-10 ...`, `[main] 2025-...`).
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'2', &head[from..]) {
        let at = from + p;
        if at > 0
            && !head[at - 1].is_ascii_digit()
            && let Some(t) = iso(&head[at..], cx)
        {
            return Some(t);
        }
        from = at + 1;
    }
    None
}

fn num(s: &[u8], at: usize, len: usize) -> Option<u32> {
    let d = s.get(at..at + len)?;
    let mut n = 0u32;
    for &b in d {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    Some(n)
}

/// Leading spaces allowed (syslog pads single-digit days).
fn num_padded(s: &[u8], at: usize, len: usize) -> Option<u32> {
    let d = s.get(at..at + len)?;
    let start = d.iter().take_while(|&&b| b == b' ').count();
    if start == len {
        return None;
    }
    num(s, at + start, len - start)
}

fn month(s: &[u8], at: usize) -> Option<u32> {
    let m = s.get(at..at + 3)?;
    MONTHS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(m))
        .map(|i| i as u32 + 1)
}

/// `HH:MM:SS` at `at`, then an optional `.123`/`,123456` fraction: (h, m, s, ms, end).
fn clock(s: &[u8], at: usize) -> Option<(u32, u32, u32, u32, usize)> {
    let h = num(s, at, 2)?;
    if s.get(at + 2) != Some(&b':') || s.get(at + 5) != Some(&b':') {
        return None;
    }
    let m = num(s, at + 3, 2)?;
    let sec = num(s, at + 6, 2)?;
    let mut end = at + 8;
    let mut ms = 0;
    if matches!(s.get(end), Some(b'.' | b',')) && s.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        let mut digits = 0;
        while let Some(&b) = s.get(end) {
            if !b.is_ascii_digit() {
                break;
            }
            if digits < 3 {
                ms = ms * 10 + u32::from(b - b'0');
            }
            digits += 1;
            end += 1;
        }
        for _ in digits..3 {
            ms *= 10;
        }
    }
    Some((h, m, sec, ms, end))
}

/// A zone after the time: `Z`, `+08:00`, `+0800` (optionally after one space).
fn zone(s: &[u8], at: usize) -> Option<FixedOffset> {
    let mut i = at;
    if s.get(i) == Some(&b' ') && matches!(s.get(i + 1), Some(b'+' | b'-')) {
        i += 1;
    }
    match s.get(i)? {
        b'Z' => FixedOffset::east_opt(0),
        &sign @ (b'+' | b'-') => {
            let h = num(s, i + 1, 2)?;
            let m = if s.get(i + 3) == Some(&b':') {
                num(s, i + 4, 2)?
            } else {
                num(s, i + 3, 2)?
            };
            let secs = (h * 3600 + m * 60) as i32;
            FixedOffset::east_opt(if sign == b'-' { -secs } else { secs })
        }
        _ => None,
    }
}

fn finish(
    date: Option<NaiveDate>,
    (h, m, s, ms): (u32, u32, u32, u32),
    zone: Option<FixedOffset>,
    cx: &TimeContext,
) -> Option<i64> {
    let dt: NaiveDateTime = date?.and_hms_milli_opt(h, m, s.min(59), ms)?;
    let utc = match zone {
        Some(z) => z.from_local_datetime(&dt).single()?.timestamp_millis(),
        None => cx
            .tz
            .from_local_datetime(&dt)
            .earliest()?
            .timestamp_millis(),
    };
    Some(utc)
}

/// `2025-10-10T13:55:36.123+08:00`, `2025-10-10 13:55:36,123`, `2025/10/10 13:55:36`.
fn iso(s: &[u8], cx: &TimeContext) -> Option<i64> {
    let y = num(s, 0, 4)?;
    let sep = *s.get(4)?;
    if !(sep == b'-' || sep == b'/') || s.get(7) != Some(&sep) {
        return None;
    }
    let mo = num(s, 5, 2)?;
    let d = num(s, 8, 2)?;
    if !matches!(s.get(10), Some(b'T' | b' ')) {
        return None;
    }
    let (h, m, sec, ms, end) = clock(s, 11)?;
    finish(
        NaiveDate::from_ymd_opt(y as i32, mo, d),
        (h, m, sec, ms),
        zone(s, end),
        cx,
    )
}

/// `DD?Mon?YYYY HH:MM:SS[.mmm]` after the day (at 0, already read), in the source's zone.
fn day_month_year(s: &[u8], d: u32, cx: &TimeContext) -> Option<i64> {
    let mo = month(s, 3)?;
    let y = num(s, 7, 4)?;
    let (h, m, sec, ms, _) = clock(s, 12)?;
    finish(
        NaiveDate::from_ymd_opt(y as i32, mo, d),
        (h, m, sec, ms),
        None,
        cx,
    )
}

/// Tomcat JULI: `10-Oct-2025 13:55:36.123`.
fn juli(s: &[u8], cx: &TimeContext) -> Option<i64> {
    if s.get(2) != Some(&b'-') || s.get(6) != Some(&b'-') || s.get(11) != Some(&b' ') {
        return None;
    }
    day_month_year(s, num(s, 0, 2)?, cx)
}

/// syslog: `Oct 10 13:55:36` or `Oct  9 13:55:36`, the year taken from the file's date.
fn syslog(s: &[u8], cx: &TimeContext) -> Option<i64> {
    let mo = month(s, 0)?;
    if s.get(3) != Some(&b' ') || s.get(6) != Some(&b' ') {
        return None;
    }
    let d = num_padded(s, 4, 2)?;
    let (h, m, sec, ms, _) = clock(s, 7)?;
    let reference = cx.reference;
    let mut year = chrono::Datelike::year(&reference);
    // A line dated after the day the file was last written is from the previous year
    // (a December line read in January); a day of slack covers timezone edges.
    if let Some(date) = NaiveDate::from_ymd_opt(year, mo, d)
        && date > reference.succ_opt().unwrap_or(reference)
    {
        year -= 1;
    }
    finish(
        NaiveDate::from_ymd_opt(year, mo, d),
        (h, m, sec, ms),
        None,
        cx,
    )
}

/// Redis: `1234:M 29 Aug 2023 13:47:38.984 * ...`.
fn redis(s: &[u8], cx: &TimeContext) -> Option<i64> {
    let colon = s.iter().take(8).position(|&b| b == b':')?;
    if colon == 0 || !s[..colon].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let s = s.get(colon + 3..)?;
    day_month_year(s, num_padded(s, 0, 2)?, cx)
}

/// Access log: `10/Oct/2025:13:55:36 +0800` (after the `[`).
fn access(s: &[u8], cx: &TimeContext) -> Option<i64> {
    if s.get(2) != Some(&b'/') || s.get(6) != Some(&b'/') || s.get(11) != Some(&b':') {
        return None;
    }
    let d = num(s, 0, 2)?;
    let mo = month(s, 3)?;
    let y = num(s, 7, 4)?;
    let (h, m, sec, ms, end) = clock(s, 12)?;
    finish(
        NaiveDate::from_ymd_opt(y as i32, mo, d),
        (h, m, sec, ms),
        zone(s, end),
        cx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> TimeContext {
        TimeContext {
            tz: chrono_tz::Asia::Shanghai,
            reference: NaiveDate::from_ymd_opt(2025, 10, 12).unwrap(),
        }
    }

    fn at(s: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap()
            .timestamp_millis()
    }

    #[test]
    fn the_common_formats() {
        let want = at("2025-10-10T13:55:36+08:00");
        let ms = want + 123;
        let cases: &[(&str, i64)] = &[
            ("2025-10-10T13:55:36+08:00 host app: x", want),
            ("2025-10-10T05:55:36.123Z 0 [Note] [MY-010116]", ms),
            ("2025-10-10 13:55:36,123 ERROR [main] c.x.Foo - boom", ms),
            ("2025-10-10 13:55:36.123 CST [4242] LOG:  statement", ms),
            ("[2025-10-10 13:55:36] ERROR", want),
            (
                "2025/10/10 13:55:36 [error] 12#0: *1 connect() failed",
                want,
            ),
            ("10-Oct-2025 13:55:36.123 SEVERE [main] org.apache", ms),
            ("Oct 10 13:55:36 node1 sshd[99]: Failed password", want),
            ("1234:M 10 Oct 2025 13:55:36.123 * Background saving", ms),
            (
                r#"10.0.0.1 - - [10/Oct/2025:13:55:36 +0800] "GET / HTTP/1.1" 502 1"#,
                want,
            ),
            (
                r#"10.0.0.1 - - [10/Oct/2025:05:55:36 +0000] "GET / HTTP/1.1" 502 1"#,
                want,
            ),
            ("INFO  2025-10-10 13:55:36 started", want),
            ("<13>1 2025-10-10T13:55:36+08:00 host app - - msg", want),
        ];
        for (line, t) in cases {
            assert_eq!(parse(line.as_bytes(), &cx()), Some(*t), "{line}");
        }
    }

    #[test]
    fn syslog_year_from_the_file_date() {
        // A December line in a file last written on 12 Oct belongs to the year before.
        let t = parse(b"Dec 31 23:59:59 node1 cron[1]: x", &cx()).unwrap();
        assert_eq!(t, at("2024-12-31T23:59:59+08:00"));
        let t = parse(b"Oct  9 01:02:03 node1 cron[1]: x", &cx()).unwrap();
        assert_eq!(t, at("2025-10-09T01:02:03+08:00"));
    }

    #[test]
    fn continuation_lines_have_none() {
        for line in [
            "\tat com.x.Foo.bar(Foo.java:42)",
            "Caused by: java.net.ConnectException: Connection refused",
            "java.lang.OutOfMemoryError: Java heap space",
            "... 12 more",
            "",
        ] {
            assert_eq!(parse(line.as_bytes(), &cx()), None, "{line}");
        }
    }
}
