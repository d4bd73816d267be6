//! English month names, shared by the readers (dates in page metadata and
//! datelines) and the time expressions of the text.

/// No date before this year is a news date: not a publication date, not
/// the day of a coded event (an earlier year in a text is history cited).
pub const EARLIEST_YEAR: i32 = 1900;

/// The months, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The number (1–12) of an English month name or its abbreviation (`Jan`,
/// `Jan.`, `Sept`), in any case.
pub fn month_number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == s || (s.len() >= 3 && m.starts_with(&s) && (s.len() == 3 || s == "sept")))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations_give_the_month() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayor"), None);
    }
}
