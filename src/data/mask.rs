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

/// A run of digits long enough to identify someone (an ID number whole or malformed, a mobile
/// with or without +86, a bank card), with an ID's trailing X. Failing values are malformed by
/// definition, so no fixed length or word boundary is assumed.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{7,}[Xx]?").unwrap());

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
            // A credit code (with letters) is an organisation's public identifier and stays
            // readable; a digit run keeps what locates it (an ID's region, a mobile's prefix)
            // and its last four.
            if is_credit_code(value) {
                return value.to_owned();
            }
            DIGITS
                .replace_all(value, |c: &regex::Captures| {
                    let run = &c[0];
                    let n = run.len();
                    let (head, tail) = match n {
                        15.. => (6, 4),
                        11..=14 => (3, 4),
                        _ => (n / 4, n / 4),
                    };
                    format!(
                        "{}{}{}",
                        &run[..head],
                        "*".repeat(n - head - tail),
                        &run[n - tail..]
                    )
                })
                .into_owned()
        }
    }
}

/// Whether a whole value is shaped as a 统一社会信用代码 (18 characters with letters).
fn is_credit_code(v: &str) -> bool {
    v.len() == 18
        && v.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && v.bytes().any(|b| b.is_ascii_uppercase() && b != b'X')
}

/// Whether a column's name says it holds people's names (`name`, `xm`, `姓名`, `*_name`,
/// `*_xm`, `legal_person`): the default for columns a check does not declare. Names of
/// organisations (`org_name`, `企业名称`, `单位名称`) are public and kept.
pub fn is_person_name_column(column: &str) -> bool {
    let c = column.to_lowercase();
    let tokens: Vec<&str> = c.split(['_', '-', '.']).collect();
    let organisation = tokens.iter().any(|t| {
        matches!(
            *t,
            "org"
                | "organ"
                | "organization"
                | "corp"
                | "company"
                | "unit"
                | "ent"
                | "enterprise"
                | "dept"
                | "department"
                | "shop"
                | "dwmc"
                | "qymc"
        )
    }) || ["企业", "单位", "机构", "部门", "公司"]
        .iter()
        .any(|o| c.contains(o));
    let person = tokens.last().is_some_and(|t| matches!(*t, "name" | "xm"))
        || c.contains("姓名")
        || c.ends_with("legal_person")
        || c == "fddbr"
        || c.contains("法定代表人");
    person && !organisation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_mobiles_and_names_are_masked() {
        assert_eq!(mask("11010519491231002X", Mask::Auto), "110105********002X");
        assert_eq!(mask("110105491231002", Mask::Auto), "110105*****1002");
        // Malformed values are what samples show: they are masked all the same.
        assert_eq!(mask("44120219800101123", Mask::Auto), "441202*******1123");
        assert_eq!(mask("+8613812345678", Mask::Auto), "+861******5678");
        assert_eq!(mask("电话13812345678", Mask::Auto), "电话138****5678");
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
        assert!(is_person_name_column("applicant_name"));
        assert!(is_person_name_column("patient_xm"));
        assert!(!is_person_name_column("ent_name"));
    }
}
