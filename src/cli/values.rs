//! How the library's choice types are spelled on the command line: clap knows them here, so
//! nothing below `cli/` depends on clap.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::report::{Format, Lang};

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Format::Table,
            Format::Json,
            Format::Nagios,
            Format::Prometheus,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Format::Table => {
                PossibleValue::new("table").help("A table per inspection category, for people")
            }
            Format::Json => {
                PossibleValue::new("json").help("The stable JSON schema documented in the README")
            }
            Format::Nagios => PossibleValue::new("nagios")
                .help("A Nagios plugin result: status line, perfdata, long output"),
            Format::Prometheus => {
                PossibleValue::new("prometheus").help("Prometheus text exposition format")
            }
        })
    }
}

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Zh, Lang::En]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Lang::Zh => PossibleValue::new("zh").help("中文 (default)"),
            Lang::En => PossibleValue::new("en").help("English"),
        })
    }
}

impl ValueEnum for crate::record::Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &crate::record::Kind::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()).help(self.zh()))
    }
}
