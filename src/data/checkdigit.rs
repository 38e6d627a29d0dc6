//! The check characters of the two identifiers every base library holds: the 统一社会信用代码
//! (GB 32100-2015) and the 居民身份证号码 (GB 11643-1999). Each is both a Rust validator and a
//! SQL predicate, so a table is judged where it lives, in one pass, and the two agree (tests).

use super::dialect::Dialect;

/// The 31 characters of a credit code; I, O, S, V and Z are not used.
const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1–17 of a credit code: 3^(i-1) mod 31.
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// Weights of positions 1–17 of an ID number: 2^(18-i) mod 11.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character of an ID number, indexed by the weighted sum mod 11.
const ID_CHECK: &str = "10X98765432";

/// Whether a 统一社会信用代码 is 18 characters of its alphabet with the right check character.
pub fn uscc_valid(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let mut sum = 0;
    for (i, w) in USCC_WEIGHTS.iter().enumerate() {
        match USCC_ALPHABET.bytes().position(|c| c == b[i]) {
            Some(v) => sum += v as u32 * w,
            None => return false,
        }
    }
    let check = (31 - sum % 31) % 31;
    USCC_ALPHABET.as_bytes()[check as usize] == b[17]
}

/// Whether an 18-digit 居民身份证号码 has a plausible birth date (year 1900–2099, month 01–12,
/// day 01–31, as [`id_card_sql`] judges it) and the right check character.
pub fn id_card_valid(id: &str) -> bool {
    let b = id.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| id[r].parse::<u32>().unwrap_or(0);
    let (century, month, day) = (num(6..8), num(10..12), num(12..14));
    if !(19..=20).contains(&century) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let sum: u32 = b[..17]
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    ID_CHECK.as_bytes()[(sum % 11) as usize] == b[17]
}

/// A SQL predicate true when the text expression is a valid credit code.
pub fn uscc_sql(d: Dialect, text: &str) -> String {
    let terms = weighted(d, text, USCC_ALPHABET, &USCC_WEIGHTS);
    let check = format!("MOD(31 - MOD({terms}, 31), 31)");
    // CASE keeps the arithmetic from running on text of the wrong shape.
    format!(
        "(CASE WHEN {} THEN {check} = {} - 1 ELSE 1 = 0 END)",
        d.matches(text, "^[0-9A-HJ-NPQRTUWXY]{18}$"),
        d.position_in(&substr(d, text, 18), USCC_ALPHABET),
    )
}

/// A SQL predicate true when the text expression is an 18-digit ID number with a plausible
/// birth date (year 1900–2099, month 01–12, day 01–31) and the right check character.
pub fn id_card_sql(d: Dialect, text: &str) -> String {
    let terms = weighted(d, text, "0123456789", &ID_WEIGHTS);
    format!(
        "(CASE WHEN {} THEN SUBSTR({}, MOD({terms}, 11) + 1, 1) = {} ELSE 1 = 0 END)",
        d.matches(
            text,
            "^[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$"
        ),
        d.literal(ID_CHECK),
        substr(d, text, 18),
    )
}

/// Σ (position of character i in the alphabet − 1) × weight i, over the first 17 characters.
fn weighted(d: Dialect, text: &str, alphabet: &str, weights: &[u32; 17]) -> String {
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                "({} - 1) * {w}",
                d.position_in(&substr(d, text, i + 1), alphabet)
            )
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

fn substr(_d: Dialect, text: &str, pos: usize) -> String {
    format!("SUBSTR({text}, {pos}, 1)")
}

/// Test support: a valid credit code from its first 17 characters.
pub fn uscc_complete(first17: &str) -> String {
    let sum: u32 = first17
        .bytes()
        .zip(USCC_WEIGHTS)
        .map(|(c, w)| USCC_ALPHABET.bytes().position(|a| a == c).unwrap_or(0) as u32 * w)
        .sum();
    let check = (31 - sum % 31) % 31;
    format!(
        "{first17}{}",
        USCC_ALPHABET.as_bytes()[check as usize] as char
    )
}

/// Test support: a valid ID number from its first 17 digits.
pub fn id_card_complete(first17: &str) -> String {
    let sum: u32 = first17
        .bytes()
        .zip(ID_WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!(
        "{first17}{}",
        ID_CHECK.as_bytes()[(sum % 11) as usize] as char
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_credit_codes_validate() {
        // Codes printed on public business licences.
        for c in [
            "91350100M000100Y43",
            "9144030071526726XG",
            "91110000802100433B",
        ] {
            assert!(uscc_valid(c), "{c}");
        }
        assert!(!uscc_valid("91350100M000100Y44"));
        assert!(!uscc_valid("91350100M000100Y4"));
        assert!(!uscc_valid("91350100m000100Y43"));
        assert!(!uscc_valid("91350100I000100Y43"));
    }

    #[test]
    fn id_numbers_validate_check_digit_and_birth_date() {
        // The standard's worked example.
        assert!(id_card_valid("11010519491231002X"));
        assert!(id_card_valid("440524190001010017"));
        assert!(!id_card_valid("440524188001010014"));
        assert!(!id_card_valid("110105194912310021"));
        assert!(!id_card_valid("11010519491331002X"));
        assert!(!id_card_valid("11010519491231002x"));
        assert!(!id_card_valid("110105491231002"));
    }

    #[test]
    fn completions_are_valid() {
        for first in [
            "91440600MA4UABCDE",
            "12440600007191234",
            "91440101000000000",
        ] {
            assert!(uscc_valid(&uscc_complete(first)));
        }
        for first in ["44120219800101123", "44120220001231456"] {
            assert!(id_card_valid(&id_card_complete(first)));
        }
    }
}
