use super::*;

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Every expression in `text` (one sentence a line): (words, TimeML type,
/// value).
fn all(text: &str, published: &str) -> Vec<(String, &'static str, Option<String>)> {
    let times = Times::builtin();
    let sentences: Vec<Span> = text
        .split_inclusive('\n')
        .scan(0, |at, s| {
            let span = Span::new(*at, *at + s.len());
            *at += s.len();
            Some(span)
        })
        .collect();
    times
        .find_all(text, &sentences, date(published))
        .into_iter()
        .flatten()
        .map(|t| (t.span.slice(text).to_string(), t.kind.as_str(), t.value))
        .collect()
}

/// The one expression in `text`.
fn one(text: &str, published: &str) -> (String, &'static str, String) {
    let found = all(text, published);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let (w, k, v) = found.into_iter().next().expect("one");
    (w, k, v.unwrap_or_else(|| "null".into()))
}

fn value(text: &str, published: &str) -> String {
    one(text, published).2
}

fn t(w: &str, k: &'static str, v: &str) -> (String, &'static str, String) {
    (w.to_string(), k, v.to_string())
}

// 2024-01-25 is a Thursday.

#[test]
fn a_weekday_in_a_report_of_the_past_is_the_last_one() {
    assert_eq!(
        one("Jets struck on Wednesday.", "2024-01-25"),
        t("Wednesday", "DATE", "2024-01-24")
    );
    assert_eq!(value("Talks resumed Thursday.", "2024-01-25"), "2024-01-25");
    assert_eq!(value("It happened last Thursday.", "2024-01-25"), "2024-01-18");
    assert_eq!(
        value("Rebels attacked early Tuesday.", "2024-01-25"),
        "2024-01-23"
    );
}

#[test]
fn a_weekday_after_a_forward_word_is_the_next_one() {
    assert_eq!(
        value("The ministers will meet on Saturday.", "2024-01-25"),
        "2024-01-27"
    );
    // A Friday article about a coming match: Saturday is tomorrow.
    assert_eq!(
        value("The final is scheduled for Saturday.", "2024-01-26"),
        "2024-01-27"
    );
    assert_eq!(value("They meet again next Monday.", "2024-01-25"), "2024-01-29");
    // A past verb nearer the weekday than the forward word wins.
    assert_eq!(
        value("She said she will go, as she did on Monday.", "2024-01-25"),
        "2024-01-22"
    );
}

#[test]
fn a_month_and_day_resolve_by_the_words_around_them() {
    assert_eq!(value("The vote is due on Dec. 15.", "2023-11-20"), "2023-12-15");
    assert_eq!(value("The vote was held on Dec. 15.", "2023-11-20"), "2022-12-15");
    // No cue: the nearest such day, across the year end.
    assert_eq!(value("The Dec. 30 accord holds.", "2024-01-03"), "2023-12-30");
    assert_eq!(
        value("Shares go to holders of record Jan. 2.", "2023-12-20"),
        "2024-01-02"
    );
    assert_eq!(value("on 5 March 2022", "2024-01-25"), "2022-03-05");
    assert_eq!(value("dated 2021-07-14", "2024-01-25"), "2021-07-14");
}

#[test]
fn a_leap_day_resolves_and_a_missing_one_is_refused() {
    assert_eq!(
        value("The deal was signed on Feb. 29.", "2024-03-10"),
        "2024-02-29"
    );
    assert_eq!(value("The rally was yesterday.", "2024-03-01"), "2024-02-29");
    assert!(all("The deal was signed on Feb. 29.", "2023-03-10").is_empty());
}

#[test]
fn weeks_and_days_at_a_year_end_follow_iso_weeks() {
    // 2020 has an ISO week 53; 2021-01-01 falls in it.
    assert_eq!(value("Talks began this week.", "2021-01-01"), "2020-W53");
    assert_eq!(value("Talks resume next week.", "2020-12-31"), "2021-W01");
    assert_eq!(value("Results come tomorrow.", "2020-12-31"), "2021-01-01");
    assert_eq!(value("Sales fell last year.", "2021-01-01"), "2020");
    assert_eq!(value("The cabinet met last month.", "2021-01-01"), "2020-12");
}

#[test]
fn months_and_parts_of_months() {
    assert_eq!(
        one("attacks since mid-October", "2024-01-25"),
        t("mid-October", "DATE", "2023-10")
    );
    let found = Times::builtin().find("attacks since mid-October", Span::new(0, 25), date("2024-01-25"));
    assert!(found[0].since);
    assert_eq!(found[0].from, date("2023-10-11"));
    assert_eq!(value("Talks collapsed in March.", "2024-01-25"), "2023-03");
    assert_eq!(value("Elections will be held in March.", "2024-01-25"), "2024-03");
    assert_eq!(
        one("in September 2019", "2024-01-25"),
        t("September 2019", "DATE", "2019-09")
    );
    assert_eq!(value("by the end of the year", "2024-01-25"), "2024");
    assert_eq!(value("It began in June last year.", "2024-01-25"), "2023-06");
    assert_eq!(
        value("He was shot last Oct. 23 at home.", "2024-04-19"),
        "2023-10-23"
    );
}

#[test]
fn durations_need_no_preposition() {
    assert_eq!(
        one("a five-year plan", "2024-01-25"),
        t("five-year", "DURATION", "P5Y")
    );
    assert_eq!(
        one("The siege lasted 48 hours.", "2024-01-25"),
        t("48 hours", "DURATION", "PT48H")
    );
    assert_eq!(
        one("Prices rose over the past several months.", "2024-01-25"),
        t("the past several months", "DURATION", "PXM")
    );
    assert_eq!(value("It took a decade.", "2024-01-25"), "P10Y");
    assert_eq!(value("It took the past two quarters.", "2024-01-25"), "P2Q");
    assert_eq!(value("fighting for two weeks", "2024-01-25"), "P2W");
    // A maturity that names an instrument is not a duration.
    assert!(all("the 30-year bond", "2024-01-25").is_empty());
}

#[test]
fn counted_shifts_count_from_publication_or_from_the_last_day_named() {
    assert_eq!(value("three days ago", "2024-01-25"), "2024-01-22");
    assert_eq!(value("a month ago", "2024-01-25"), "2023-12");
    let found = all(
        "Talks began on March 3, 2022.\nTwo days later they collapsed.",
        "2024-01-25",
    );
    assert_eq!(
        found[1],
        ("Two days later".to_string(), "DATE", Some("2022-03-05".into()))
    );
    let found = all(
        "The strike came on June 9, 2023.\nThe following Friday talks resumed.",
        "2024-01-25",
    );
    assert_eq!(found[1].2.as_deref(), Some("2023-06-16"));
}

#[test]
fn references_to_the_present_past_and_future() {
    assert_eq!(
        one("Now the town is quiet.", "2024-01-25"),
        t("Now", "DATE", "PRESENT_REF")
    );
    assert_eq!(value("It is currently closed.", "2024-01-25"), "PRESENT_REF");
    assert_eq!(value("He recently resigned.", "2024-01-25"), "PAST_REF");
    assert_eq!(
        one("in the future", "2024-01-25"),
        t("the future", "DATE", "FUTURE_REF")
    );
    assert_eq!(value("a few years ago", "2024-01-25"), "PAST_REF");
}

#[test]
fn quarters_in_a_quarterly_report() {
    let found = all(
        "Profit rose in the third quarter.\nIt was $5 million a year ago.\nThe year-ago quarter was weak.",
        "2023-11-02",
    );
    let values: Vec<_> = found.iter().map(|f| f.2.clone().unwrap_or_default()).collect();
    assert_eq!(values, ["2023-Q3", "2022-Q3", "2022-Q3"]);
    assert_eq!(value("fourth-quarter sales", "2024-01-25"), "2023-Q4");
    assert_eq!(value("in fiscal 2024", "2024-01-25"), "2024");
    assert_eq!(value("next year's first quarter", "2024-01-25"), "2025-Q1");
    // "A quarter of" is a share, not a time.
    assert!(all("a quarter of the town", "2024-01-25").is_empty());
}

#[test]
fn bare_years_unless_they_count_something() {
    assert_eq!(
        one("1998 was a hard year.", "2024-01-25"),
        t("1998", "DATE", "1998")
    );
    assert_eq!(one("since 2014", "2024-01-25"), t("2014", "DATE", "2014"));
    assert!(all("About 2000 soldiers left.", "2024-01-25").is_empty());
    assert!(all("It cost $1999.", "2024-01-25").is_empty());
}

#[test]
fn sets_are_recurrences() {
    assert_eq!(
        one("Flights leave daily.", "2024-01-25"),
        t("daily", "SET", "P1D")
    );
    assert_eq!(value("They meet every week.", "2024-01-25"), "P1W");
    assert_eq!(
        value("The market opens every Monday.", "2024-01-25"),
        "XXXX-WXX-1"
    );
    assert_eq!(
        one("They vote twice a year.", "2024-01-25"),
        t("a year", "SET", "P1Y")
    );
    assert_eq!(value("every two weeks", "2024-01-25"), "P2W");
}

#[test]
fn times_of_day_and_clock_times() {
    assert_eq!(
        one("on Friday afternoon", "2024-01-25"),
        t("Friday afternoon", "TIME", "2024-01-19TAF")
    );
    assert_eq!(
        one("The curfew starts at 15:00 GMT.", "2024-01-25"),
        t("15:00 GMT", "TIME", "2024-01-25T15:00")
    );
    assert_eq!(
        value("It ended at 10 p.m. Wednesday.", "2024-01-25"),
        "2024-01-24T22:00"
    );
    assert_eq!(
        value("The shelling stopped this morning.", "2024-01-25"),
        "2024-01-25TMO"
    );
    assert_eq!(value("Shots rang out last night.", "2024-01-25"), "2024-01-24TNI");
}

#[test]
fn holidays_seasons_and_decades() {
    assert_eq!(
        value("The truce held over Christmas.", "2024-01-25"),
        "2023-12-25"
    );
    assert_eq!(
        value("The parade will be held at Easter.", "2024-01-25"),
        "2024-03-31"
    );
    assert_eq!(value("Thanksgiving 2023 was quiet.", "2024-01-25"), "2023-11-23");
    assert_eq!(value("Sales fell last fall.", "2023-11-02"), "2022-FA");
    assert_eq!(value("this summer", "2023-11-02"), "2023-SU");
    assert_eq!(value("next spring", "2023-11-02"), "2024-SP");
    assert_eq!(value("in the 1990s", "2024-01-25"), "199X");
    assert_eq!(value("in the late 1970s", "2024-01-25"), "197");
    // "the fall of" is not a season.
    assert!(all("the fall of the city", "2024-01-25").is_empty());
}

#[test]
fn without_a_publication_date_relative_times_keep_their_words_and_no_value() {
    let found = all(
        "Talks ended on Wednesday, two weeks ago, in May 2021 and last month.",
        "",
    );
    assert_eq!(
        found,
        vec![
            ("Wednesday".to_string(), "DATE", None),
            ("two weeks ago".to_string(), "DATE", None),
            ("May 2021".to_string(), "DATE", Some("2021-05".to_string())),
            ("last month".to_string(), "DATE", None),
        ]
    );
}

#[test]
fn words_that_only_look_like_months_are_not_times() {
    assert!(all("Prime Minister Theresa May spoke", "2024-01-25").is_empty());
    assert!(all("They may march.", "2024-01-25").is_empty());
    assert!(all("He was second in the race.", "2024-01-25").is_empty());
}

#[test]
fn durations_sets_and_references_never_date_an_event() {
    let times = Times::builtin();
    let text = "For two weeks, daily, and now, and on Monday.";
    let found = times.find(text, Span::new(0, text.len()), date("2024-01-25"));
    let dating: Vec<&str> = found
        .iter()
        .filter(|t| t.dates_an_event())
        .map(|t| t.span.slice(text))
        .collect();
    assert_eq!(dating, ["Monday"]);
}

#[test]
fn a_users_file_adds_words_and_its_bad_lines_are_reported() {
    let mut times = Times::builtin();
    let issues = times.add(
        "mine.tsv",
        "holiday\tfounders' day\t03-14\nholiday\tbad day\t13-40\nseason\tmonsoon\tXX\n",
    );
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert_eq!(issues[0].line, 2);
    let text = "The fair opens on Founders' Day.";
    let found = times.find(text, Span::new(0, text.len()), date("2024-01-25"));
    assert_eq!(found[0].value.as_deref(), Some("2024-03-14"));
}

#[test]
fn a_past_tense_leans_but_a_named_day_weeks_ahead_is_still_this_years() {
    // The offer was extended in the past; the day it runs to is ahead.
    assert_eq!(
        value("The bank extended its offer to Nov. 20.", "2023-11-02"),
        "2023-11-20"
    );
    // A deadline of yesterday, after a forward word, is yesterday.
    assert_eq!(
        value("The court ordered the ministry to act by Jan. 14.", "2024-01-15"),
        "2024-01-14"
    );
    // "last" is never ahead, however close.
    assert_eq!(
        value("The treaty lapsed last Dec. 1.", "2023-11-30"),
        "2022-12-01"
    );
}

#[test]
fn what_a_reporting_verb_introduces_keeps_its_own_tense() {
    assert_eq!(
        value(
            "The ministry said it is calling a vote on the budget on Dec. 7.",
            "2023-10-30"
        ),
        "2023-12-07"
    );
    assert_eq!(
        value("The mayor will succeed Mr. Okafor Feb. 1.", "2023-12-12"),
        "2024-02-01"
    );
    // Close to the day it modifies, it is the past.
    assert_eq!(
        value("The minister said Friday that talks had failed.", "2024-03-14"),
        "2024-03-08"
    );
}

#[test]
fn a_weekday_before_a_date_is_part_of_the_date() {
    assert_eq!(
        one("The council met on Monday, Oct. 26, to vote.", "2023-10-27"),
        t("Monday, Oct. 26", "DATE", "2023-10-26")
    );
}

#[test]
fn an_age_is_not_a_time() {
    assert!(all(
        "A 7-year-old girl and a 60-year-old farmer were hurt.\n",
        "2024-01-10"
    )
    .is_empty());
    assert!(all("The driver, 45 years old, was detained.\n", "2024-01-10").is_empty());
    assert_eq!(value("The strike lasted 45 years.", "2024-01-10"), "P45Y");
}

#[test]
fn a_duration_and_a_half_keeps_its_half() {
    assert_eq!(value("The siege lasted 2 1/2 years.", "2024-01-10"), "P2Y6M");
    assert_eq!(value("The talks ran for 5 1/2 hours.", "2024-01-10"), "PT5H30M");
    assert_eq!(
        value("The vote took a minute and a half.", "2024-01-10"),
        "PT1M30S"
    );
    assert_eq!(
        value("They waited three and a half days.", "2024-01-10"),
        "P3DT12H"
    );
}

mod direction;
mod shapes;
