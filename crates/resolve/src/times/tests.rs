use super::*;

fn times(text: &str, published: &str) -> Vec<(String, String, &'static str)> {
    times_or_none(text, published)
        .into_iter()
        .map(|(w, v, p)| (w, v.expect("a value"), p))
        .collect()
}

fn times_or_none(text: &str, published: &str) -> Vec<(String, Option<String>, &'static str)> {
    find_times(
        text,
        Span::new(0, text.len()),
        NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
    )
    .into_iter()
    .map(|t| (t.span.slice(text).to_string(), t.value, t.precision))
    .collect()
}

#[test]
fn a_weekday_is_the_last_one_on_or_before_publication() {
    // 2024-01-25 is a Thursday.
    assert_eq!(
        times("Jets struck on Wednesday.", "2024-01-25")[0].1,
        "2024-01-24"
    );
    assert_eq!(times("Talks resume Thursday.", "2024-01-25")[0].1, "2024-01-25");
    assert_eq!(
        times("It happened last Thursday.", "2024-01-25")[0].1,
        "2024-01-18"
    );
    assert_eq!(times("on Friday morning", "2024-01-25")[0].1, "2024-01-19");
    assert_eq!(
        times("early Tuesday", "2024-01-25")[0],
        ("early Tuesday".to_string(), "2024-01-23".to_string(), "day")
    );
    assert_eq!(times("in the early morning", "2024-01-25")[0].1, "2024-01-25");
}

#[test]
fn months_without_a_year_are_the_last_such_month() {
    let t = times("attacks since mid-October", "2024-01-25");
    assert_eq!(t[0], ("mid-October".to_string(), "2023-10".to_string(), "month"));
    let all = find_times(
        "attacks since mid-October",
        Span::new(0, 25),
        NaiveDate::from_ymd_opt(2024, 1, 25),
    );
    assert!(all[0].since);
    assert_eq!(all[0].from, NaiveDate::from_ymd_opt(2023, 10, 11));
    assert_eq!(times("in March", "2024-01-25")[0].1, "2023-03");
    assert_eq!(times("in January", "2024-01-25")[0].1, "2024-01");
}

#[test]
fn explicit_dates_in_the_formats_news_uses() {
    assert_eq!(times("on March 5, 2022,", "2024-01-25")[0].1, "2022-03-05");
    assert_eq!(times("on 5 March 2022", "2024-01-25")[0].1, "2022-03-05");
    assert_eq!(times("on Jan. 3", "2024-01-25")[0].1, "2024-01-03");
    assert_eq!(times("dated 2021-07-14", "2024-01-25")[0].1, "2021-07-14");
    assert_eq!(
        times("in September 2019", "2024-01-25")[0],
        ("September 2019".to_string(), "2019-09".to_string(), "month")
    );
    assert_eq!(
        times("since 2014", "2024-01-25")[0],
        ("2014".to_string(), "2014".to_string(), "year")
    );
}

#[test]
fn relative_expressions_durations_and_weeks() {
    assert_eq!(times("yesterday", "2024-01-25")[0].1, "2024-01-24");
    assert_eq!(
        times("last week", "2024-01-25")[0],
        ("last week".to_string(), "2024-W03".to_string(), "week")
    );
    assert_eq!(times("three days ago", "2024-01-25")[0].1, "2024-01-22");
    assert_eq!(times("last year", "2024-01-25")[0].1, "2023");
    assert_eq!(
        times("fighting for two weeks", "2024-01-25")[0],
        ("two weeks".to_string(), "P2W".to_string(), "duration")
    );
}

#[test]
fn without_a_publication_date_only_absolute_dates_resolve() {
    let t = times_or_none("on Wednesday, and on March 5, 2022", "");
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].1, None);
    assert_eq!(t[1].1.as_deref(), Some("2022-03-05"));
}

#[test]
fn words_that_only_look_like_months_are_not_times() {
    assert!(times("Prime Minister Theresa May spoke", "2024-01-25").is_empty());
    assert!(times("They may march.", "2024-01-25").is_empty());
}

#[test]
fn without_a_publication_date_relative_times_keep_their_words_and_no_value() {
    let t = times_or_none(
        "Talks ended on Wednesday, two weeks ago, in May 2021 and last month.",
        "",
    );
    assert_eq!(
        t,
        vec![
            ("Wednesday".to_string(), None, "day"),
            ("two weeks ago".to_string(), None, "week"),
            ("May 2021".to_string(), Some("2021-05".to_string()), "month"),
            ("last month".to_string(), None, "month"),
        ]
    );
}
