//! Serde helpers for durations written as humantime (`500ms`, `5s`, `2m`) or seconds.

/// Serde helper: an optional humantime duration (`5s`, `2m`), or a number of seconds.
pub mod opt {
    use std::fmt;
    use std::time::Duration;

    use serde::Deserializer;
    use serde::de::{self, Visitor};

    struct V;

    impl<'de> Visitor<'de> for V {
        type Value = Option<Duration>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a duration such as `500ms`, `5s` or `2m`")
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Duration::from_secs(v)))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            u64::try_from(v)
                .map(|s| Some(Duration::from_secs(s)))
                .map_err(|_| E::custom("a duration cannot be negative"))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Duration::try_from_secs_f64(v)
                .map(Some)
                .map_err(|_| E::custom("a duration must be a positive number of seconds"))
        }
        fn visit_str<E: de::Error>(self, t: &str) -> Result<Self::Value, E> {
            humantime::parse_duration(t).map(Some).map_err(|e| {
                E::custom(format!(
                    "invalid duration `{t}`: {e} (write e.g. `500ms`, `5s`, `2m`)"
                ))
            })
        }
    }

    /// Deserializes `Option<Duration>`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        d.deserialize_option(V)
    }
}

/// Serde helper: a required duration, written as for [`opt`].
pub mod required {
    use std::time::Duration;

    use serde::Deserializer;
    use serde::de::Error;

    /// Deserializes `Duration`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        super::opt::deserialize(d)?
            .ok_or_else(|| D::Error::custom("a duration is required, e.g. `10m`"))
    }
}
