//! The dashboard as a person sees it: a store filled from our story
//! corpus, `casus serve`, and headless Chromium rendering the pages (the
//! DOM after the scripts ran). Needs Chromium: run `scripts/e2e.sh`.
//! A failed check saves a screenshot in target/e2e/.

mod common;
use common::{oddly_dated_pages, serve_stories, serve_with};
use std::path::PathBuf;
use std::process::Command;

fn chromium() -> String {
    std::env::var("CASUS_CHROMIUM").unwrap_or_else(|_| "chromium".into())
}

fn browser(args: &[&str], url: &str) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1100",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs (scripts/e2e.sh installs it)")
}

/// The page's DOM after its scripts ran.
fn dom(url: &str) -> String {
    String::from_utf8_lossy(&browser(&["--dump-dom"], url).stdout).into_owned()
}

/// Checks `ok` on the page at `url`; on failure saves a screenshot.
fn check(name: &str, url: &str, ok: impl Fn(&str) -> bool) -> String {
    let page = dom(url);
    if !ok(&page) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
        std::fs::create_dir_all(&dir).unwrap();
        let shot = dir.join(format!("{name}.png"));
        browser(&[&format!("--screenshot={}", shot.display())], url);
        panic!("{name}: check failed on {url}; screenshot {}", shot.display());
    }
    page
}

fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

#[test]
#[ignore = "needs Chromium: scripts/e2e.sh"]
fn the_overview_draws_the_timeline_network_and_map_and_a_bar_leads_to_its_events() {
    let s = serve_stories();
    let page = check("overview", &s.url, |p| {
        count(p, r#"class="bar""#) > 0
            && count(p, r#"class="edge""#) > 0
            && count(p, r#"class="dot""#) > 0
            && p.contains("events</a>")
    });
    // The headline number is the store's count of events.
    let total = s.get_json("/api/events?limit=1")["total"].as_u64().unwrap();
    assert!(page.contains(&format!("{total} events</a>")), "headline count");
    // Click through: follow the first bar's link to its events.
    let href = page
        .split(r#"<a href=""#)
        .skip(1)
        .find(|chunk| chunk.contains(r#"class="bar""#) && chunk.starts_with("#/events"))
        .map(|chunk| chunk.split('"').next().unwrap().replace("&amp;", "&"))
        .expect("a bar links to events");
    check("bar-events", &format!("{}/{href}", s.url), |p| {
        count(p, r#"<tr class="event">"#) > 0 && p.contains(" events")
    });
}

#[test]
#[ignore = "needs Chromium: scripts/e2e.sh"]
fn the_article_view_highlights_the_words_of_each_event_and_lists_its_story() {
    let s = serve_stories();
    let page = check("article", &format!("{}/#/article/usiraq-2", s.url), |p| {
        p.contains(r#"<span class="t""#) && p.contains("event-card") && p.contains("same story")
    });
    // The highlighted triggers are words of the article.
    assert!(
        page.contains(r#"">condemned</span>"#) || page.contains(">condemned<"),
        "a trigger is marked"
    );
    assert!(count(&page, "event-card") >= 3);
    assert!(
        page.contains("#/article/usiraq-1"),
        "the story's first article is listed"
    );
}

#[test]
#[ignore = "needs Chromium: scripts/e2e.sh"]
fn the_map_draws_country_outlines_from_the_vendored_atlas() {
    let s = serve_stories();
    let page = check("map", &s.url, |p| count(p, r#"class="country""#) > 100);
    assert!(page.contains("<title>Iraq</title>"), "countries are named");
    // Each dot leads to the events of its place.
    let href = page
        .split(r#"<a href=""#)
        .skip(1)
        .find(|chunk| chunk.contains(r#"class="dot""#))
        .map(|chunk| chunk.split('"').next().unwrap().replace("&amp;", "&"))
        .expect("a dot links to events");
    assert!(href.starts_with("#/events?") && href.contains("place="), "{href}");
    check("dot-events", &format!("{}/{href}", s.url), |p| {
        count(p, r#"<tr class="event">"#) > 0
    });
}

#[test]
#[ignore = "needs Chromium: scripts/e2e.sh"]
fn a_network_edge_opens_the_pairs_timeline_in_both_directions() {
    let s = serve_stories();
    let page = check("network", &s.url, |p| count(p, r#"class="edge""#) > 0);
    let href = page
        .split(r#"<a href=""#)
        .skip(1)
        .find(|chunk| chunk.starts_with("#/dyad?") && chunk.contains(r#"class="edge""#))
        .map(|chunk| chunk.split('"').next().unwrap().replace("&amp;", "&"))
        .expect("an edge links to its pair");
    let dyad = check("dyad", &format!("{}/{href}", s.url), |p| {
        p.contains(r#"id="dyad""#) && count(p, r#"class="bar""#) > 0 && count(p, r#"<tr class="event">"#) > 0
    });
    // The heading's counts are the API's, one per direction.
    let params: std::collections::HashMap<String, String> = url_params(href.split_once('?').unwrap().1);
    let (a, b) = (&params["a"], &params["b"]);
    let total = |source: &str, target: &str| api_total(&s.url, &format!("source={source}&target={target}"));
    assert!(dyad.contains(&format!("{} events {a} → {b}</a>", total(a, b))));
    assert!(dyad.contains(&format!("{} events {b} → {a}</a>", total(b, a))));
}

#[test]
#[ignore = "needs Chromium: scripts/e2e.sh"]
fn the_story_view_lists_its_articles_oldest_first_with_their_events() {
    let s = serve_stories();
    let page = check("story", &format!("{}/#/story/usiraq-2", s.url), |p| {
        count(p, r#"<tr class="member">"#) == 5
            && count(p, r#"class="bar""#) > 0
            && count(p, r#"<tr class="event">"#) > 0
    });
    let first = page
        .find("#/article/usiraq-1\"")
        .expect("the first telling is listed");
    let last = page
        .find("#/article/usiraq-4\"")
        .expect("the last telling is listed");
    assert!(first < last, "oldest first");
    let total = api_total(&s.url, "story=usiraq-2");
    assert!(
        page.contains(&format!("{total} events</a>")),
        "the story's event count"
    );
    assert!(page.contains("copy of usiraq-1"), "the copy is marked");
}

#[test]
#[ignore = "needs Chromium: scripts/e2e.sh"]
fn undated_and_oddly_dated_pages_stay_off_the_timeline_and_are_counted() {
    let s = serve_with(&[oddly_dated_pages]);
    let stats = s.get_json("/api/stats");
    assert_eq!(stats["undated_articles"], 3, "{stats}");
    let undated = stats["undated_events"].as_u64().unwrap();
    assert!(undated > 0, "{stats}");
    assert!(stats["first"].as_str().unwrap() >= "2024", "{stats}");
    let page = check("odd-dates", &s.url, |p| {
        count(p, r#"class="bar""#) > 0 && p.contains(r#"id="undated""#)
    });
    assert!(
        page.contains(&format!("{undated} undated event")),
        "the note counts them"
    );
    assert!(page.contains("(3 undated)"), "the header counts undated articles");
    for year in ["0001", "0000", "2099"] {
        assert!(!page.contains(&format!(">{year}")), "no axis label in {year}");
    }
}

/// The `total` the API gives for /api/events?QUERY.
fn api_total(url: &str, query: &str) -> u64 {
    let body = ureq::get(&format!("{url}/api/events?{query}&limit=1"))
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    serde_json::from_str::<serde_json::Value>(&body).unwrap()["total"]
        .as_u64()
        .unwrap()
}

fn url_params(query: &str) -> std::collections::HashMap<String, String> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.replace("%3E", ">").replace('+', " ")))
        .collect()
}
