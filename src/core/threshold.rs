//! Nagios threshold ranges (`10`, `10:`, `~:10`, `10:20`, `@10:20`) and the judging of metrics.
//!
//! Semantics follow the monitoring-plugins developer guidelines: a range names the values that
//! are fine, and the check alerts when the value is outside it; a leading `@` inverts this and
//! alerts inside the range, both ends included.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A parsed threshold range.
#[derive(Clone, Debug, PartialEq)]
pub struct Range {
    start: f64,
    end: f64,
    inside: bool,
    text: String,
}

impl Range {
    /// True when the value should raise an alert.
    pub fn alerts(&self, value: f64) -> bool {
        let within = value >= self.start && value <= self.end;
        if self.inside { within } else { !within }
    }

    /// The range as written, for perfdata and messages.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Says in words what alerts, e.g. `> 90` or `< 14`, for one-line reasons.
    pub fn describe_breach(&self, value: f64) -> String {
        if self.inside {
            return format!("inside {}..{}", fmt_num(self.start), fmt_num(self.end));
        }
        if value < self.start {
            format!("< {}", fmt_num(self.start))
        } else {
            format!("> {}", fmt_num(self.end))
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Why a range did not parse.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("invalid threshold range `{text}`: {why}")]
pub struct RangeError {
    text: String,
    why: &'static str,
}

impl FromStr for Range {
    type Err = RangeError;

    fn from_str(s: &str) -> Result<Range, RangeError> {
        let text = s.trim().to_owned();
        let err = |why| RangeError {
            text: text.clone(),
            why,
        };
        let (inside, body) = match text.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        if body.is_empty() {
            return Err(err("empty range"));
        }
        let num = |t: &str| -> Result<f64, RangeError> {
            t.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| err("not a number; use `10`, `10:`, `~:10`, `10:20` or `@10:20`"))
        };
        let (start, end) = match body.split_once(':') {
            None => (0.0, num(body)?),
            Some(("", "")) | Some(("~", "")) => {
                return Err(err(
                    "a range needs a number on one side at least: `10:`, `~:10`, `10:20`",
                ));
            }
            Some((a, b)) => {
                let start = if a == "~" {
                    f64::NEG_INFINITY
                } else if a.is_empty() {
                    0.0
                } else {
                    num(a)?
                };
                let end = if b.is_empty() { f64::INFINITY } else { num(b)? };
                (start, end)
            }
        };
        if start > end {
            return Err(err("start is greater than end"));
        }
        Ok(Range {
            start,
            end,
            inside,
            text,
        })
    }
}

impl<'de> Deserialize<'de> for Range {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Range, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Range;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a Nagios range such as `90`, `10:`, `~:10`, `10:20` or `@10:20`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Range, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Range, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Range, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Range, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Range {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// Warning and critical ranges for one metric.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Alert as WARN when the value is outside (or, with `@`, inside) this range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn: Option<Range>,
    /// Alert as CRIT likewise; checked before `warn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crit: Option<Range>,
}

impl Thresholds {
    /// Both ranges from strings; for probe defaults written in code.
    pub fn parse(warn: Option<&str>, crit: Option<&str>) -> Thresholds {
        // Defaults are literals in this crate, covered by the unit test below.
        let p = |s: &str| {
            s.parse::<Range>()
                .expect("built-in threshold literal parses")
        };
        Thresholds {
            warn: warn.map(p),
            crit: crit.map(p),
        }
    }

    /// True when neither range is set.
    pub fn is_empty(&self) -> bool {
        self.warn.is_none() && self.crit.is_none()
    }

    /// Judges a value: CRIT, WARN, or `None` when fine; with the breached range in words.
    pub fn judge(&self, value: f64) -> Option<(crate::core::outcome::Status, String)> {
        use crate::core::outcome::Status;
        if let Some(c) = &self.crit
            && c.alerts(value)
        {
            return Some((Status::Crit, c.describe_breach(value)));
        }
        if let Some(w) = &self.warn
            && w.alerts(value)
        {
            return Some((Status::Warn, w.describe_breach(value)));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Range {
        s.parse().unwrap()
    }

    #[test]
    fn nagios_guideline_table() {
        // 10: alert if < 0 or > 10
        assert!(
            r("10").alerts(-1.0)
                && r("10").alerts(10.5)
                && !r("10").alerts(0.0)
                && !r("10").alerts(10.0)
        );
        // 10: alert if < 10
        assert!(r("10:").alerts(9.9) && !r("10:").alerts(1e9));
        // ~:10 alert if > 10
        assert!(r("~:10").alerts(11.0) && !r("~:10").alerts(-1e9));
        // 10:20 alert outside
        assert!(r("10:20").alerts(9.0) && r("10:20").alerts(21.0) && !r("10:20").alerts(15.0));
        // @10:20 alert inside, ends included
        assert!(r("@10:20").alerts(10.0) && r("@10:20").alerts(20.0) && !r("@10:20").alerts(21.0));
    }

    #[test]
    fn bad_ranges_are_rejected() {
        for bad in ["", "abc", "20:10", "@", "1:x", "nan"] {
            assert!(bad.parse::<Range>().is_err(), "{bad}");
        }
    }

    #[test]
    fn crit_before_warn() {
        let t = Thresholds::parse(Some("80"), Some("90"));
        assert_eq!(t.judge(95.0).unwrap().0, crate::core::outcome::Status::Crit);
        assert_eq!(
            t.judge(85.0).unwrap(),
            (crate::core::outcome::Status::Warn, "> 80".to_owned())
        );
        assert_eq!(t.judge(50.0), None);
    }
}
