//! Report periods: an ISO week, a month, a quarter or a half-year in the node's timezone.

use chrono::{Datelike, NaiveDate, TimeZone};

/// The routine report kinds (周报, 月报, 季报, 半年报).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Routine {
    /// 周报.
    Weekly,
    /// 月报.
    Monthly,
    /// 季报.
    Quarterly,
    /// 半年报.
    HalfYear,
}

impl Routine {
    /// Every kind, shortest first.
    pub const ALL: [Routine; 4] = [
        Routine::Weekly,
        Routine::Monthly,
        Routine::Quarterly,
        Routine::HalfYear,
    ];

    /// The name in files, config and the store.
    pub fn id(self) -> &'static str {
        match self {
            Routine::Weekly => "weekly",
            Routine::Monthly => "monthly",
            Routine::Quarterly => "quarterly",
            Routine::HalfYear => "half-year",
        }
    }

    /// 周报, 月报, ...
    pub fn zh(self) -> &'static str {
        match self {
            Routine::Weekly => "周报",
            Routine::Monthly => "月报",
            Routine::Quarterly => "季报",
            Routine::HalfYear => "半年报",
        }
    }

    /// What the next period is called in the plan section (下周, 下月, ...).
    pub fn next_zh(self) -> &'static str {
        match self {
            Routine::Weekly => "下周",
            Routine::Monthly => "下月",
            Routine::Quarterly => "下季度",
            Routine::HalfYear => "下半年度",
        }
    }

    /// An example period label, for messages.
    pub fn example(self) -> &'static str {
        match self {
            Routine::Weekly => "2026-W47",
            Routine::Monthly => "2026-11",
            Routine::Quarterly => "2026-Q4",
            Routine::HalfYear => "2026-H2",
        }
    }
}

/// One period of a routine kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The kind it belongs to.
    pub kind: Routine,
    /// First day.
    pub first: NaiveDate,
    /// The day after the last.
    pub end: NaiveDate,
}

impl Period {
    /// Reads a label of the kind: `2026-W47`, `2026-11`, `2026-Q4` or `2026-H2`.
    pub fn parse(kind: Routine, s: &str) -> Result<Period, String> {
        let bad = || {
            format!(
                "cannot read the {} period `{s}`; write it like {}",
                kind.id(),
                kind.example()
            )
        };
        let (year, rest) = s.split_once('-').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let num = |prefix: &str, max: u32| -> Result<u32, String> {
            let n: u32 = rest
                .strip_prefix(prefix)
                .or_else(|| rest.strip_prefix(&prefix.to_lowercase()))
                .ok_or_else(bad)?
                .parse()
                .map_err(|_| bad())?;
            if (1..=max).contains(&n) {
                Ok(n)
            } else {
                Err(bad())
            }
        };
        let first = match kind {
            Routine::Weekly => {
                NaiveDate::from_isoywd_opt(year, num("W", 53)?, chrono::Weekday::Mon)
                    .ok_or_else(bad)?
            }
            Routine::Monthly => NaiveDate::from_ymd_opt(year, num("", 12)?, 1).ok_or_else(bad)?,
            Routine::Quarterly => {
                NaiveDate::from_ymd_opt(year, (num("Q", 4)? - 1) * 3 + 1, 1).ok_or_else(bad)?
            }
            Routine::HalfYear => {
                NaiveDate::from_ymd_opt(year, (num("H", 2)? - 1) * 6 + 1, 1).ok_or_else(bad)?
            }
        };
        Ok(Period::starting(kind, first))
    }

    /// The period of `kind` that contains `day`.
    pub fn containing(kind: Routine, day: NaiveDate) -> Period {
        let first = match kind {
            Routine::Weekly => {
                day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()))
            }
            Routine::Monthly => day.with_day(1).unwrap_or(day),
            Routine::Quarterly => {
                NaiveDate::from_ymd_opt(day.year(), (day.month0() / 3) * 3 + 1, 1).unwrap_or(day)
            }
            Routine::HalfYear => {
                NaiveDate::from_ymd_opt(day.year(), (day.month0() / 6) * 6 + 1, 1).unwrap_or(day)
            }
        };
        Period::starting(kind, first)
    }

    fn starting(kind: Routine, first: NaiveDate) -> Period {
        let end = match kind {
            Routine::Weekly => first + chrono::Days::new(7),
            Routine::Monthly => first + chrono::Months::new(1),
            Routine::Quarterly => first + chrono::Months::new(3),
            Routine::HalfYear => first + chrono::Months::new(6),
        };
        Period { kind, first, end }
    }

    /// The last period that has ended by `today`: what a report run today is about.
    pub fn last_complete(kind: Routine, today: NaiveDate) -> Period {
        Period::containing(kind, today).previous()
    }

    /// The period before.
    pub fn previous(self) -> Period {
        Period::containing(self.kind, self.first.pred_opt().unwrap_or(self.first))
    }

    /// The label that [`Period::parse`] reads.
    pub fn label(self) -> String {
        match self.kind {
            Routine::Weekly => {
                let w = self.first.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Routine::Monthly => format!("{}-{:02}", self.first.year(), self.first.month()),
            Routine::Quarterly => format!("{}-Q{}", self.first.year(), self.first.month0() / 3 + 1),
            Routine::HalfYear => format!("{}-H{}", self.first.year(), self.first.month0() / 6 + 1),
        }
    }

    /// The label in Chinese: 2026年11月, 2026年第47周（11月16日—11月22日）, ...
    pub fn zh(self) -> String {
        let last = self.end.pred_opt().unwrap_or(self.end);
        match self.kind {
            Routine::Weekly => format!(
                "{}年第{}周（{}月{}日—{}月{}日）",
                self.first.iso_week().year(),
                self.first.iso_week().week(),
                self.first.month(),
                self.first.day(),
                last.month(),
                last.day()
            ),
            Routine::Monthly => format!("{}年{}月", self.first.year(), self.first.month()),
            Routine::Quarterly => format!(
                "{}年第{}季度",
                self.first.year(),
                ["一", "二", "三", "四"][self.first.month0() as usize / 3]
            ),
            Routine::HalfYear => format!(
                "{}年{}",
                self.first.year(),
                if self.first.month() == 1 {
                    "上半年"
                } else {
                    "下半年"
                }
            ),
        }
    }

    /// The days of the period.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.first.iter_days().take_while(move |d| *d < self.end)
    }

    /// The period as epoch ms in `tz`.
    pub fn span(self, tz: chrono_tz::Tz) -> Span {
        Span {
            from: day_start(self.first, tz),
            to: day_start(self.end, tz),
        }
    }
}

/// Local midnight of a day in `tz`, epoch ms.
pub fn day_start(day: NaiveDate, tz: chrono_tz::Tz) -> i64 {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.timestamp_millis())
        .unwrap_or_else(|| midnight.and_utc().timestamp_millis())
}

/// The UTC offset of `tz` at a time, ms (turns epoch ms into local days in SQL).
pub fn offset_ms(tz: chrono_tz::Tz, at: i64) -> i64 {
    use chrono::Offset;
    chrono::DateTime::from_timestamp_millis(at)
        .map(|t| i64::from(t.with_timezone(&tz).offset().fix().local_minus_utc()) * 1000)
        .unwrap_or(0)
}

/// The local day number used by the store's aggregates as a date.
pub fn day_of(n: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n + 719_163).unwrap_or(719_163))
        .unwrap_or_default()
}

/// The store's local day number of a date.
pub fn number_of(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce()) - 719_163
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_parse_label_and_step_back() {
        let m = Period::parse(Routine::Monthly, "2026-01").unwrap();
        assert_eq!((m.first, m.end), (d(2026, 1, 1), d(2026, 2, 1)));
        assert_eq!(m.previous().label(), "2025-12");
        assert_eq!(m.zh(), "2026年1月");
        let w = Period::parse(Routine::Weekly, "2026-W47").unwrap();
        assert_eq!((w.first, w.end), (d(2026, 11, 16), d(2026, 11, 23)));
        assert_eq!(w.zh(), "2026年第47周（11月16日—11月22日）");
        assert_eq!(w.previous().label(), "2026-W46");
        let q = Period::parse(Routine::Quarterly, "2026-Q4").unwrap();
        assert_eq!(
            (q.first, q.end, q.zh()),
            (d(2026, 10, 1), d(2027, 1, 1), "2026年第四季度".into())
        );
        assert_eq!(q.previous().label(), "2026-Q3");
        let h = Period::parse(Routine::HalfYear, "2026-H1").unwrap();
        assert_eq!(h.previous().label(), "2025-H2");
        assert_eq!(h.days().count(), 181);
        assert!(Period::parse(Routine::Monthly, "2026-13").is_err());
        assert!(Period::parse(Routine::Quarterly, "2026-11").is_err());
        // Run on the 23rd of November, a monthly report is about October; a weekly one about W47.
        assert_eq!(
            Period::last_complete(Routine::Monthly, d(2026, 11, 23)).label(),
            "2026-10"
        );
        assert_eq!(
            Period::last_complete(Routine::Weekly, d(2026, 11, 23)).label(),
            "2026-W47"
        );
        assert_eq!(day_of(number_of(d(2026, 11, 23))), d(2026, 11, 23));
        let tz: chrono_tz::Tz = "Asia/Shanghai".parse().unwrap();
        assert_eq!(m.span(tz).from, 1_767_196_800_000);
        assert_eq!(offset_ms(tz, 0), 8 * 3600 * 1000);
    }
}

/// A time range `[from, to)`, epoch ms UTC.
#[derive(Clone, Copy, Debug)]
pub struct Span {
    /// Start, inclusive.
    pub from: i64,
    /// End, exclusive.
    pub to: i64,
}
