//! Publication dates from every source a page offers, in the documented
//! order, and dates that cannot be right refused with a warning: the
//! pages are ours, each with one of the date variants real sites write.

mod common;
use casus_ingest::ReadOptions;
use casus_pipeline::PipelineOptions;
use common::*;

const P1: &str =
    "Dock workers blocked the harbour gates on Wednesday, and police arrested three union leaders.";
const P2: &str = "The port authority said ferries would run again once the gates were cleared.";

/// A page with `head` in its `<head>`.
fn dated_page(head: &str) -> String {
    format!(
        "<html><head><title>Dock workers block harbour</title>{head}</head><body><article><h1>Dock workers block harbour</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    )
}

fn one(name: &str, html: &str) -> casus_core::Article {
    let dir = tempfile::tempdir().unwrap();
    let out = extract(&[file(&dir, name, html.as_bytes())]);
    assert_eq!(out.articles.len(), 1, "{:?}", out.messages());
    out.articles.into_iter().next().unwrap()
}

#[test]
fn the_pages_metadata_date_is_used_and_named() {
    let a = one(
        "a.html",
        &dated_page(r#"<meta property="article:published_time" content="2023-06-07T09:00:00Z">"#),
    );
    assert_eq!(a.published.as_deref(), Some("2023-06-07T09:00:00Z"));
    assert_eq!(a.published_from.as_deref(), Some("metadata"));
    // "on Wednesday" is the Wednesday before (2023-06-07 is one).
    let t = a
        .times
        .iter()
        .find(|t| t.text == "Wednesday")
        .expect("the weekday");
    assert_eq!(t.value.as_deref(), Some("2023-06-07"));
}

#[test]
fn three_conflicting_dates_keep_the_best_source_and_warn() {
    let html = dated_page(
        r#"<meta name="dc.date" content="2023-06-01"><script type="application/ld+json">{"datePublished": "2023-06-07"}</script>
           <meta property="og:updated_time" content="2023-09-09">"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let mut w = Vec::new();
    w.extend(warc_page(
        "https://port.example/news/2023/05/30/dock-strike",
        "200 OK",
        "text/html",
        &html,
    ));
    let out = extract(&[file(&dir, "crawl.warc", &w)]);
    let a = &out.articles[0];
    assert_eq!(
        a.published.as_deref(),
        Some("2023-06-07"),
        "JSON-LD datePublished outranks dc.date"
    );
    assert_eq!(a.published_from.as_deref(), Some("metadata"));
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("disagree") && w.contains("url")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn a_year_zero_date_is_refused_and_the_url_date_is_used() {
    let html = dated_page(
        r#"<meta name="date" content="0000-00-00"><meta name="pubdate" content="0001-01-01T00:00:00">"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let w = warc_page(
        "https://port.example/2023/06/07/dock-strike",
        "200 OK",
        "text/html",
        &html,
    );
    let out = extract(&[file(&dir, "crawl.warc", &w)]);
    let a = &out.articles[0];
    assert_eq!(a.published.as_deref(), Some("2023-06-07"));
    assert_eq!(a.published_from.as_deref(), Some("url"));
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("0000-00-00") && w.contains("not a date")),
        "{:?}",
        a.warnings
    );
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("0001-01-01") && w.contains("before 1900")),
        "{:?}",
        a.warnings
    );
    for e in &a.events {
        let year: i32 = e.date.as_deref().unwrap()[..4].parse().unwrap();
        assert!(year >= 1900, "{:?}", e.date);
    }
}

#[test]
fn a_date_after_the_fetch_is_refused_and_the_warc_date_stands_in() {
    // The common helper's WARC records are fetched on 2024-01-05.
    let html = dated_page(r#"<meta property="article:published_time" content="2031-01-01">"#);
    let dir = tempfile::tempdir().unwrap();
    let w = warc_page("https://port.example/dock-strike", "200 OK", "text/html", &html);
    let out = extract(&[file(&dir, "crawl.warc", &w)]);
    let a = &out.articles[0];
    assert_eq!(a.published.as_deref(), Some("2024-01-05T10:00:00Z"));
    assert_eq!(a.published_from.as_deref(), Some("warc"));
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("after the fetch date 2024-01-05")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn an_undated_page_has_no_date_and_its_relative_times_no_value() {
    let a = one("undated.html", &dated_page(""));
    assert_eq!(a.published, None);
    assert_eq!(a.published_from, None);
    let t = a
        .times
        .iter()
        .find(|t| t.text == "Wednesday")
        .expect("the weekday is kept");
    assert_eq!(t.value, None);
    assert!(!a.events.is_empty(), "the arrests are still coded");
    assert!(
        a.events.iter().all(|e| e.date.is_none() && e.date_from.is_none()),
        "{:?}",
        a.events
    );
}

#[test]
fn a_dateline_dates_an_undated_story_and_published_is_the_last_resort() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("PORTVILLE, June 7, 2023 -- {P1}\n\n{P2}\n");
    let path = file(&dir, "wire.txt", body.as_bytes());
    let out = extract(std::slice::from_ref(&path));
    assert_eq!(out.articles[0].published.as_deref(), Some("2023-06-07"));
    assert_eq!(out.articles[0].published_from.as_deref(), Some("dateline"));
    let plain = file(&dir, "plain.txt", format!("{P1}\n\n{P2}\n").as_bytes());
    let opts = PipelineOptions {
        default_published: Some("2023-06-08".into()),
        ..PipelineOptions::default()
    };
    let out = extract_with(&[plain, path], ReadOptions::default(), opts);
    assert_eq!(out.articles[0].published.as_deref(), Some("2023-06-08"));
    assert_eq!(out.articles[0].published_from.as_deref(), Some("default"));
    assert_eq!(
        out.articles[1].published_from.as_deref(),
        Some("dateline"),
        "the dateline comes first"
    );
}

#[test]
fn an_http_last_modified_header_dates_a_page_without_metadata() {
    let html = dated_page("");
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nLast-Modified: Wed, 07 Jun 2023 08:00:00 GMT\r\n\r\n{html}");
    let w = warc_record(
        "response",
        "https://port.example/dock-strike",
        "application/http; msgtype=response",
        http.as_bytes(),
    );
    let dir = tempfile::tempdir().unwrap();
    let out = extract(&[file(&dir, "crawl.warc", &w)]);
    assert_eq!(out.articles[0].published.as_deref(), Some("2023-06-07T08:00:00Z"));
    assert_eq!(out.articles[0].published_from.as_deref(), Some("http"));
}

#[test]
fn a_declared_json_lines_date_wins_over_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let html =
        dated_page(r#"<meta property="article:published_time" content="2023-06-07">"#).replace('"', "\\\"");
    let line = format!("{{\"id\": \"d1\", \"published\": \"2023-06-09\", \"html\": \"{html}\"}}\n");
    let out = extract(&[file(&dir, "pages.jsonl", line.as_bytes())]);
    assert_eq!(out.articles[0].published.as_deref(), Some("2023-06-09"));
    assert_eq!(out.articles[0].published_from.as_deref(), Some("input"));
}

#[test]
fn an_act_is_dated_by_the_time_in_its_own_clause_not_by_the_nearest() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"id":"c1","published":"2024-01-27","text":"Officials in Marrow said on Friday that soldiers attacked the village of Tesk on Tuesday.\n\nThe army denied that its troops shelled the town on Monday, officials said on Thursday."}"#;
    let out = extract(&[file(&dir, "c.jsonl", line.as_bytes())]);
    let a = &out.articles[0];
    let date = |trigger: &str, nth: usize| {
        let e = a.events.iter().filter(|e| e.trigger.text == trigger).nth(nth);
        let e = e.unwrap_or_else(|| panic!("no {trigger} in {:#?}", a.events));
        (
            e.date.clone().unwrap_or_default(),
            e.date_from.clone().unwrap_or_default(),
        )
    };
    // 2024-01-27 is a Saturday.
    assert_eq!(date("attacked", 0), ("2024-01-23".into(), "text".into()));
    assert_eq!(date("said", 0), ("2024-01-26".into(), "text".into()));
    assert_eq!(date("shelled", 0), ("2024-01-22".into(), "text".into()));
    // Monday is the shelling's: the denial has no time of its own.
    assert_eq!(date("denied", 0), ("2024-01-27".into(), "published".into()));
    assert_eq!(date("said", 1), ("2024-01-25".into(), "text".into()));
}
