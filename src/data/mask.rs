//! Masking of personal data in the failing-row samples a data check keeps: an engineer sees
//! what failed without the report exposing who (个人信息保护法; GB/T 35273 去标识化).

use std::sync::LazyLock;

use regex::Regex;

/// How a column's values are masked in samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mask {
    /// A person's name: the first character kept (`张*`, `欧阳**`).
    Name,
    /// Anything else: ID numbers and mobile numbers inside it are masked, the rest kept.
    Auto,
}

static ID_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{6})\d{8}(\d{3}[0-9Xx])\b|\b(\d{6})\d{6}(\d{3})\b").unwrap()
});
static MOBILE_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(1\d{2})\d{4}(\d{4})\b").unwrap());

/// The value as a sample may show it.
pub fn mask(value: &str, how: Mask) -> String {
    match how {
        Mask::Name => {
            let mut chars = value.trim().chars();
            match chars.next() {
                Some(first) => {
                    let rest = chars.count();
                    format!("{first}{}", "*".repeat(rest.max(1)))
                }
                None => String::new(),
            }
        }
        Mask::Auto => {
            // A credit code is an organisation's public identifier and stays readable; an ID
            // number (18 or old 15 digits) keeps its region and last four, a mobile its
            // prefix and last four.
            let s = ID_LIKE.replace_all(value, |c: &regex::Captures| match (c.get(1), c.get(3)) {
                (Some(head), _) => format!("{}********{}", head.as_str(), &c[2]),
                (None, Some(head)) => format!("{}******{}", head.as_str(), &c[4]),
                _ => c[0].to_owned(),
            });
            MOBILE_LIKE.replace_all(&s, "$1****$2").into_owned()
        }
    }
}

/// Whether a column's name says it holds people's names (`name`, `xm`, `姓名`, `*_name`):
/// the default for columns a check does not declare. Names of organisations (`org_name`,
/// `企业名称`, `单位名称`) are public and kept.
pub fn is_person_name_column(column: &str) -> bool {
    let c = column.to_lowercase();
    let organisation = [
        "org", "corp", "company", "unit", "ent", "企业", "单位", "机构", "dept",
    ]
    .iter()
    .any(|o| c.contains(o));
    !organisation
        && (c == "name"
            || c == "xm"
            || c.ends_with("_xm")
            || c.contains("姓名")
            || c.ends_with("person_name")
            || c.ends_with("legal_person")
            || c == "fddbr"
            || c.contains("法定代表人"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_mobiles_and_names_are_masked() {
        assert_eq!(mask("11010519491231002X", Mask::Auto), "110105********002X");
        assert_eq!(mask("110105491231002", Mask::Auto), "110105******002");
        assert_eq!(mask("13812345678", Mask::Auto), "138****5678");
        assert_eq!(
            mask("tel 13812345678; id 440524188001010014", Mask::Auto),
            "tel 138****5678; id 440524********0014"
        );
        assert_eq!(mask("91440300708461136T", Mask::Auto), "91440300708461136T");
        assert_eq!(mask("张三", Mask::Name), "张*");
        assert_eq!(mask("欧阳修文", Mask::Name), "欧***");
        assert_eq!(mask("李", Mask::Name), "李*");
    }

    #[test]
    fn person_name_columns_are_recognised() {
        assert!(is_person_name_column("name"));
        assert!(is_person_name_column("legal_person"));
        assert!(is_person_name_column("姓名"));
        assert!(!is_person_name_column("org_name"));
        assert!(!is_person_name_column("企业名称"));
        assert!(!is_person_name_column("uscc"));
    }
}
