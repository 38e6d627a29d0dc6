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

/// A check's judgement against its own history (`baseline:`): a metric whose value leaves the
/// band of the median of its recent values ± k times their spread (the median absolute
/// deviation, scaled to a standard deviation) is a WARN. What a fixed range cannot say: this
/// table usually gains 2,000 rows a day, today it lost 40,000.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The metrics judged (`rows`, `nulls`, `response_time`...), every label of each.
    pub metrics: Vec<String>,
    /// How many days of history make the baseline (default 7).
    #[serde(default = "seven")]
    pub days: u32,
    /// The band's half-width in scaled MADs (default 3).
    #[serde(default = "three")]
    pub k: f64,
    /// Fewer past values than this judge nothing yet (default 3).
    #[serde(default = "three_runs")]
    pub min_runs: usize,
}

fn seven() -> u32 {
    7
}

fn three() -> f64 {
    3.0
}

fn three_runs() -> usize {
    3
}

/// The band a value is judged by: (median, half-width), or `None` with too little history.
/// A perfectly steady history (MAD 0) still allows 1% of the median, so that a table growing
/// by a handful of rows is not an anomaly.
pub fn baseline_band(past: &[f64], k: f64, min_runs: usize) -> Option<(f64, f64)> {
    if past.len() < min_runs.max(1) {
        return None;
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        }
    };
    let mut v = past.to_vec();
    let m = median(&mut v);
    let mut dev: Vec<f64> = past.iter().map(|x| (x - m).abs()).collect();
    let mad = median(&mut dev);
    // 1.4826 makes the MAD estimate a standard deviation for normal data.
    let spread = (1.4826 * mad).max(0.01 * m.abs());
    Some((m, k * spread))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Range {
        s.parse().unwrap()
    }

    #[test]
    fn baseline_bands_follow_the_median_and_spread() {
        assert_eq!(baseline_band(&[1.0, 2.0], 3.0, 3), None);
        let (m, w) = baseline_band(&[100.0, 102.0, 98.0, 101.0, 99.0], 3.0, 3).unwrap();
        assert_eq!(m, 100.0);
        assert!((w - 3.0 * 1.4826).abs() < 1e-9, "{w}");
        // A steady history allows 1% of the median.
        let (m, w) = baseline_band(&[2000.0; 7], 3.0, 3).unwrap();
        assert_eq!((m, w), (2000.0, 60.0));
        // An outlier in the history hardly moves the band.
        let (m, _) = baseline_band(&[100.0, 100.0, 100.0, 100.0, 1e9], 3.0, 3).unwrap();
        assert_eq!(m, 100.0);
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
