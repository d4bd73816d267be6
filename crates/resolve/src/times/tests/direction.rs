//! Which way a date lies, and the shapes TimeML spans in its own way.

use super::*;

// 2024-01-24 is a Wednesday.

#[test]
fn a_capitalised_word_in_ed_is_a_name_not_a_past_tense() {
    // "United" would otherwise read as a past tense nearer than "would".
    assert_eq!(
        value(
            "Officials said the envoy would be travelling to the United States Thursday.",
            "2024-01-24"
        ),
        "2024-01-25"
    );
}

#[test]
fn a_deadline_word_points_forward_only_right_before_the_date() {
    assert_eq!(value("The talks must end by March.", "2024-01-24"), "2024-03");
    // "cited by police": a passive's agent, no deadline.
    assert_eq!(
        value(
            "He was cited by the harbour police in December for speeding.",
            "2024-04-18"
        ),
        "2023-12"
    );
}

#[test]
fn an_irregular_past_tense_points_back() {
    assert_eq!(
        value("He became the subject of a manhunt in November.", "2024-05-07"),
        "2023-11"
    );
}

#[test]
fn a_past_verb_after_the_date_points_back_when_nothing_before_says() {
    assert_eq!(
        value("In January, a bomb exploded at the depot.", "2023-10-25"),
        "2023-01"
    );
    // The clause ends at a colon: what follows speaks of something else.
    assert_eq!(
        value("The paper wrote on Saturday: the court ruled.", "2024-01-26"),
        "2024-01-20"
    );
}

#[test]
fn a_possessive_weekday_takes_no_cue_from_the_words_before_it() {
    // 2024-01-26 is a Friday: "Wednesday's ruling" was two days ago,
    // whatever "would" says of the looking.
    assert_eq!(
        value(
            "Relatives said they would look for ways around Wednesday's ruling.",
            "2024-01-26"
        ),
        "2024-01-24"
    );
}

#[test]
fn with_no_cue_a_month_ahead_must_be_much_nearer_than_the_one_behind() {
    // March 1990 is nearer to 1989-10-30 than March 1989, but not by half.
    assert_eq!(value("The fare is $29 in March.", "1989-10-30"), "1989-03");
    // December is two months ahead and ten behind: the coming one.
    assert_eq!(value("The fare is $29 in December.", "1989-10-30"), "1989-12");
}

#[test]
fn years_in_a_range_or_a_list_are_years() {
    let found = all("Clinics closed between 1982 and 1992.", "1999-01-01");
    let words: Vec<&str> = found.iter().map(|(w, _, _)| w.as_str()).collect();
    assert_eq!(words, ["1982", "1992"]);
    let found = all("Sales rose in 1994, 1995 and 1997.", "1999-01-01");
    assert_eq!(found.len(), 3, "{found:?}");
    // A count is still no year.
    assert!(all("They shipped 1200 to 1500 crates.", "1999-01-01").is_empty());
}

#[test]
fn the_year_reported_on_is_a_date_and_a_year_that_ends_is_a_duration() {
    assert_eq!(
        one("Sales for the full year rose.", "1989-11-02"),
        t("the full year", "DATE", "1989")
    );
    assert_eq!(
        one("Revenue in the latest fiscal year fell.", "1989-11-02"),
        t("the latest fiscal year", "DATE", "1988")
    );
    assert_eq!(
        all("Revenue for the year ended March 31 fell.", "1989-11-02")[0],
        ("the year".to_string(), "DURATION", Some("P1Y".to_string()))
    );
    // "the year-ago results": the year-ago, not "the year".
    assert_eq!(
        one("The year-ago results were restated.", "1989-11-02").0,
        "year-ago"
    );
    // Without a preposition "the year" is no time ("the year of the flood").
    assert!(all("The year of the flood was hard.", "1989-11-02").is_empty());
}

#[test]
fn a_duration_before_a_preposition_is_tagged_without_it() {
    assert_eq!(
        one("Jets struck 13 days after the bombing.", "2024-01-24"),
        t("13 days", "DURATION", "P13D")
    );
    // "later" ends the expression: a day counted from the last one named.
    assert_eq!(
        all(
            "The rally was on Monday.\nTwo days later, the police left.",
            "2024-01-24"
        )[1],
        (
            "Two days later".to_string(),
            "DATE",
            Some("2024-01-24".to_string())
        )
    );
}

#[test]
fn the_articles_own_month_ahead_is_this_month_not_next_year() {
    assert_eq!(
        value(
            "The lease is scheduled to expire at the end of May.",
            "2024-05-06"
        ),
        "2024-05"
    );
    assert_eq!(value("The vote will be held in May.", "2024-05-06"), "2024-05");
}

#[test]
fn a_past_perfect_names_the_nearest_weekday_whatever_deadline_word_is_near() {
    // 2024-01-26 is a Friday: "until Thursday" with "had" is yesterday.
    assert_eq!(
        value(
            "Until Thursday, the ministry had not named a suspect.",
            "2024-01-26"
        ),
        "2024-01-25"
    );
    // 2024-01-29 is a Monday: the lease had been due to run out last Friday.
    assert_eq!(
        value("The lease had been due to expire on Friday.", "2024-01-29"),
        "2024-01-26"
    );
    // A deadline still to come in a past perfect stays ahead.
    assert_eq!(
        value("The offer had been set to expire Feb. 2.", "2024-01-29"),
        "2024-02-02"
    );
}

#[test]
fn a_clock_time_before_a_month_and_day_is_on_that_day() {
    let (words, kind, v) = one("The offer runs until 5 p.m. EST Feb. 9.", "2024-01-29");
    assert_eq!(
        (words.as_str(), kind, v.as_str()),
        ("5 p.m. EST Feb. 9", "TIME", "2024-02-09T17:00")
    );
}
