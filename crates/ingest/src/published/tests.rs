use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn cand(source: &'static str, value: &str) -> DateCandidate {
    DateCandidate::new(source, "test", value)
}

#[test]
fn the_first_readable_sane_source_wins_and_is_named() {
    let c = choose(
        &[
            cand("metadata", "2019-11-18T10:00:00Z"),
            cand("url", "2019-11-18"),
        ],
        day("2020-01-01"),
    );
    assert_eq!(c.published.as_deref(), Some("2019-11-18T10:00:00Z"));
    assert_eq!(c.from, Some("metadata"));
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn year_zero_and_year_one_dates_are_refused_and_the_next_source_is_used() {
    let c = choose(
        &[
            cand("metadata", "0000-00-00"),
            cand("metadata", "0001-01-01T00:00:00"),
            cand("url", "2019-11-18"),
        ],
        day("2020-01-01"),
    );
    assert_eq!(c.published.as_deref(), Some("2019-11-18"));
    assert_eq!(c.from, Some("url"));
    assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    assert!(c.warnings[0].contains("not a date"), "{}", c.warnings[0]);
    assert!(c.warnings[1].contains("before 1900"), "{}", c.warnings[1]);
}

#[test]
fn the_unix_epoch_is_a_placeholder_not_a_date() {
    let c = choose(
        &[
            cand("metadata", "1970-01-01T01:00:00+01:00"),
            cand("url", "2016-02-03"),
        ],
        day("2020-01-01"),
    );
    assert_eq!(c.published.as_deref(), Some("2016-02-03"));
    assert!(c.warnings[0].contains("Unix epoch"), "{:?}", c.warnings);
}

#[test]
fn a_date_after_the_fetch_is_refused() {
    let c = choose(&[cand("metadata", "2031-05-05")], day("2024-05-05"));
    assert_eq!(c.published, None);
    assert_eq!(c.from, None);
    assert!(
        c.warnings[0].contains("after the fetch date 2024-05-05"),
        "{:?}",
        c.warnings
    );
    // A day's grace for time zones.
    let c = choose(&[cand("metadata", "2024-05-06")], day("2024-05-05"));
    assert_eq!(c.published.as_deref(), Some("2024-05-06"));
}

#[test]
fn conflicting_publication_dates_keep_the_first_and_say_so() {
    let c = choose(
        &[
            cand("metadata", "2019-11-18"),
            cand("url", "2019-10-02"),
            cand("warc", "2021-01-01T00:00:00Z"),
        ],
        day("2021-01-01"),
    );
    assert_eq!(c.published.as_deref(), Some("2019-11-18"));
    assert_eq!(
        c.warnings.len(),
        1,
        "the fetch date is later by nature: {:?}",
        c.warnings
    );
    assert!(
        c.warnings[0].contains("url (test) says 2019-10-02"),
        "{}",
        c.warnings[0]
    );
}

#[test]
fn nothing_offered_means_no_date() {
    assert_eq!(choose(&[], day("2024-01-01")), Chosen::default());
}

#[test]
fn dates_in_url_paths_are_read() {
    assert_eq!(
        url_date("https://news.example/2019/11/18/story-slug").as_deref(),
        Some("2019-11-18")
    );
    assert_eq!(
        url_date("https://news.example/world/2020-02-29-leap.html").as_deref(),
        Some("2020-02-29")
    );
    assert_eq!(
        url_date("https://news.example/a/20230606/item").as_deref(),
        Some("2023-06-06")
    );
    assert_eq!(
        url_date("https://news.example/2019/11/story"),
        None,
        "a month is not a day"
    );
    assert_eq!(url_date("https://2019.example/x/2019-13-01"), None);
    assert_eq!(
        url_date("https://news.example/item?id=20190101"),
        None,
        "the query is not the path"
    );
    assert_eq!(
        url_date("https://news.example/2019/1118/x"),
        None,
        "mixed separators are not a date"
    );
}

#[test]
fn http_and_warc_dates_become_instants() {
    // `normalize` reads both forms: no conversion of their own is needed.
    assert_eq!(
        normalize("Mon, 18 Nov 2019 08:30:00 GMT").as_deref(),
        Some("2019-11-18T08:30:00Z")
    );
    assert_eq!(
        normalize("2024-01-02T03:04:05Z").as_deref(),
        Some("2024-01-02T03:04:05Z")
    );
    assert_eq!(normalize("soon"), None);
}

#[test]
fn the_fetch_day_is_the_warc_date_else_today() {
    assert_eq!(fetch_day(Some("2024-01-02T03:04:05Z")), day("2024-01-02"));
    assert_eq!(fetch_day(None), Utc::now().date_naive());
}

#[test]
fn a_dateline_gives_its_day_with_the_year_of_the_fetch() {
    assert_eq!(
        dateline_date("KYIV, May 31 (Wire)", day("2024-06-02")).as_deref(),
        Some("2024-05-31")
    );
    assert_eq!(
        dateline_date("ROME, Dec. 30", day("2024-01-02")).as_deref(),
        Some("2023-12-30")
    );
    assert_eq!(
        dateline_date("OSLO, Jan. 5, 2021", day("2024-01-02")).as_deref(),
        Some("2021-01-05")
    );
    assert_eq!(dateline_date("BAGHDAD (AP)", day("2024-01-02")), None);
    assert_eq!(dateline_date("LIMA, Feb 30", day("2024-03-02")), None);
}
