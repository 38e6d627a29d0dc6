//! Matchers of silences and maintenance windows: `check=~backup.*,host=web1`, the labels of a
//! check's alert compared as Alertmanager does (`=`, `!=`, `=~`, `!~`), all of them true.

use regex::Regex;

/// The labels of one alert that a matcher reads.
#[derive(Clone, Copy, Debug, Default)]
pub struct Labels<'a> {
    /// Check id (`host:NAME` for a host that cannot be reached).
    pub check: &'a str,
    /// Inventory host; empty for the jump host.
    pub host: &'a str,
    /// System id; empty when none.
    pub system: &'a str,
    /// Category in Chinese (日常检查).
    pub category: &'a str,
    /// Tags of the check.
    pub tags: &'a [String],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Check,
    Host,
    System,
    Category,
    Tag,
}

const LABELS: [(&str, Label); 5] = [
    ("check", Label::Check),
    ("host", Label::Host),
    ("system", Label::System),
    ("category", Label::Category),
    ("tag", Label::Tag),
];

#[derive(Clone, Debug)]
enum Test {
    Is(String),
    Not(String),
    Like(Regex),
    Unlike(Regex),
}

/// A parsed matcher; its text is kept to be stored and shown.
#[derive(Clone, Debug)]
pub struct Matcher {
    text: String,
    terms: Vec<(Label, Test)>,
}

impl Matcher {
    /// Parses `label OP value[,label OP value...]`; the error says what to write.
    pub fn parse(text: &str) -> Result<Matcher, String> {
        let mut terms = Vec::new();
        for term in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let (at, op) = ["=~", "!~", "!=", "="]
                .iter()
                .filter_map(|op| term.find(op).map(|i| (i, *op)))
                .min_by_key(|(i, op)| (*i, std::cmp::Reverse(op.len())))
                .ok_or_else(|| {
                    format!("`{term}` has no operator; write e.g. `check=~backup.*` or `host=web1`")
                })?;
            let name = term[..at].trim();
            let value = term[at + op.len()..].trim();
            let label = LABELS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, l)| *l)
                .ok_or_else(|| {
                    let names: Vec<&str> = LABELS.iter().map(|(n, _)| *n).collect();
                    format!("unknown label `{name}`; one of: {}", names.join(", "))
                })?;
            let anchored = || {
                Regex::new(&format!("^(?:{value})$"))
                    .map_err(|e| format!("`{value}` is not a regular expression: {e}"))
            };
            let test = match op {
                "=" => Test::Is(value.to_owned()),
                "!=" => Test::Not(value.to_owned()),
                "=~" => Test::Like(anchored()?),
                _ => Test::Unlike(anchored()?),
            };
            terms.push((label, test));
        }
        if terms.is_empty() {
            return Err("an empty matcher would match every check; write e.g. `check=~backup.*`, `system=portal` or `host=web1`".into());
        }
        Ok(Matcher {
            text: text.trim().to_owned(),
            terms,
        })
    }

    /// The matcher as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether every term holds for these labels.
    pub fn matches(&self, l: &Labels<'_>) -> bool {
        self.terms.iter().all(|(label, test)| {
            let values: Vec<&str> = match label {
                Label::Check => vec![l.check],
                Label::Host => vec![l.host],
                Label::System => vec![l.system],
                Label::Category => vec![l.category],
                Label::Tag => l.tags.iter().map(String::as_str).collect(),
            };
            let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|v| f(v));
            match test {
                Test::Is(v) => any(&|x| x == v),
                Test::Not(v) => !any(&|x| x == v),
                Test::Like(r) => any(&|x| r.is_match(x)),
                Test::Unlike(r) => !any(&|x| r.is_match(x)),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_all_hold() {
        let m = Matcher::parse("check=~backup.*, host!=db2").unwrap();
        let l = |check, host| Labels {
            check,
            host,
            ..Default::default()
        };
        assert!(m.matches(&l("backup-pg", "db1")));
        assert!(!m.matches(&l("backup-pg", "db2")));
        assert!(!m.matches(&l("xbackup", "db1")), "anchored");
        let tags = vec!["web".to_owned()];
        let t = Matcher::parse("tag=web").unwrap();
        assert!(t.matches(&Labels {
            tags: &tags,
            ..Default::default()
        }));
    }

    #[test]
    fn mistakes_say_what_to_write() {
        assert!(Matcher::parse("checks=x").unwrap_err().contains("one of"));
        assert!(Matcher::parse("backup").unwrap_err().contains("operator"));
        assert!(Matcher::parse("check=~(").unwrap_err().contains("regular"));
        assert!(Matcher::parse(" ").is_err());
    }
}
