//! Shapes broadcast transcripts and financial news write.

use super::*;

#[test]
fn a_year_in_words_is_a_year() {
    assert_eq!(
        one("Keating was convicted in nineteen ninety-one.", "1998-01-15"),
        t("nineteen ninety-one", "DATE", "1991")
    );
    assert_eq!(
        one("Prices fell in the winter of nineteen ninety-four.", "1998-02-23"),
        t("the winter of nineteen ninety-four", "DATE", "1994-WI")
    );
    assert_eq!(
        value("He promised jobs by the year two thousand.", "1998-02-05"),
        "2000"
    );
    assert_eq!(value("It opened in nineteen oh five.", "1998-02-05"), "1905");
    // "two thousand" alone counts something.
    assert!(all("Two thousand people marched.", "1998-02-05").is_empty());
}

#[test]
fn a_duration_keeps_its_qualifier_and_its_more() {
    assert_eq!(
        one("The boy will stay for at least two more weeks.", "2000-06-01"),
        t("at least two more weeks", "DURATION", "P2W")
    );
    assert_eq!(
        one("The loan may run for an additional year.", "1989-11-02"),
        t("an additional year", "DURATION", "P1Y")
    );
    assert_eq!(
        one("Eight trading days later, shares recovered.", "1989-10-30").0,
        "Eight trading days later"
    );
    assert_eq!(
        one("The talks lasted nearly five months.", "2000-04-17"),
        t("nearly five months", "DURATION", "P5M")
    );
}

#[test]
fn year_end_written_apart_is_the_years_end() {
    assert_eq!(
        one("The sale should close by year end.", "1989-10-26"),
        t("year end", "DATE", "1989")
    );
}

#[test]
fn that_day_and_later_that_year_are_the_ones_the_text_named_last() {
    let found = all(
        "He fled in June 1998.\nHe returned later that year.\nThe firm met on March 3.\nThat same day, it sold.",
        "2000-01-28",
    );
    let values: Vec<(&str, Option<&str>)> =
        found.iter().map(|(w, _, v)| (w.as_str(), v.as_deref())).collect();
    assert_eq!(
        values,
        [
            ("June 1998", Some("1998-06")),
            ("later that year", Some("1998")),
            ("March 3", Some("1999-03-03")),
            ("That same day", Some("1999-03-03")),
        ]
    );
    // With nothing named before, "that day" is no date.
    assert!(all("Nobody forgot that day.", "2000-01-28").is_empty());
}
