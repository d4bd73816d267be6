//! `casus ingest`, `related`, `story` and `serve` as a user runs them,
//! including a store that survives kill -9.

use casus_store::{ArticleFilter, Page, Reader, StoreOptions};
mod common;
use common::{casus, oddly_dated_pages, serve_stories, serve_with, stories_corpus};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Everything a store holds that must not depend on how the run went:
/// each article with its story and copy link, counts, and search hits.
type Fingerprint = (
    Vec<(String, String, Option<String>, i64)>,
    (i64, i64, i64, u64),
    u64,
);

fn fingerprint(db: &Path) -> Fingerprint {
    let r = Reader::open(db, StoreOptions::default()).unwrap();
    let all = ArticleFilter {
        copies: true,
        ..ArticleFilter::default()
    };
    let mut arts: Vec<_> = r
        .articles(&all, Page::new(1000, 0).unwrap())
        .unwrap()
        .items
        .into_iter()
        .map(|a| (a.id, a.story, a.copy_of, a.events))
        .collect();
    arts.sort();
    let s = r.stats().unwrap();
    let hits = r.search("army", Page::default()).unwrap().total;
    (arts, (s.articles, s.events, s.mentions, s.indexed), hits)
}

#[test]
fn ingest_stores_the_corpus_and_related_and_story_read_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let out = casus(&["ingest", &stories_corpus(), "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("19 new, 2 copies"), "{err}");

    let again = casus(&["ingest", &stories_corpus(), "--db", db.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("0 new, 0 copies of stored articles, 0 replaced, 21 unchanged"),
        "{err}"
    );
    assert!(
        err.contains("21 already stored as they are, not processed again"),
        "stored articles are recognised before they are coded: {err}"
    );

    let rel = casus(&["related", "usiraq-1", "--db", db.to_str().unwrap()]);
    let table = String::from_utf8(rel.stdout).unwrap();
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "score",
            "reasons",
            "same_story",
            "id",
            "published",
            "source",
            "title"
        ]
    );
    assert_eq!(rows[1][3], "usiraq-1-copy");
    assert_eq!(rows[1][1], "copy");
    assert!(rows[1..5]
        .iter()
        .all(|r| r[2] == "true" && r[3].starts_with("usiraq")));

    let story = casus(&["story", "sudan-2", "--db", db.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&story.stdout).unwrap();
    assert_eq!(v["articles"], 4);
    assert_eq!(v["members"][0]["id"], "sudan-1", "oldest first");

    let missing = casus(&["related", "nope", "--db", db.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article with id nope"));
}

#[test]
fn a_store_killed_mid_ingest_loses_nothing_and_duplicates_nothing_when_run_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("gen");
    let w = casus(&["bench", "--write", corpus.to_str().unwrap(), "--articles", "600"]);
    assert!(w.status.success());
    let input = corpus.join("articles.jsonl");
    let ingest = |db: &Path| {
        Command::new(env!("CARGO_BIN_EXE_casus"))
            .args([
                "ingest",
                input.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
                "--batch",
                "16",
                "-q",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let reference = dir.path().join("reference");
    assert!(ingest(&reference).wait().unwrap().success());
    let expected = fingerprint(&reference);
    assert_eq!(expected.0.len(), 600);

    // Kill the same store again and again, each time after the run has
    // stored something new (and some milliseconds into the next batch),
    // then let a last run finish.
    let killed = dir.path().join("killed");
    let stored = |db: &Path| {
        Reader::open(db, StoreOptions::default())
            .and_then(|r| r.stats())
            .map_or(0, |s| s.articles)
    };
    let mut partial = Vec::new();
    for extra_ms in [0, 7, 19, 3, 31, 11] {
        let before = stored(&killed);
        if before >= 600 {
            break;
        }
        let mut child = ingest(&killed);
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while stored(&killed) == before && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(extra_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        partial.push(stored(&killed));
    }
    eprintln!("articles stored when killed: {partial:?}");
    assert!(
        partial.iter().filter(|&&n| n > 0 && n < 600).count() >= 3,
        "kills landed mid-run: {partial:?}"
    );
    assert!(ingest(&killed).wait().unwrap().success());
    assert_eq!(fingerprint(&killed), expected);
}

#[test]
fn serve_binds_loopback_on_port_zero_and_answers_over_http() {
    let served = serve_stories();
    let url = &served.url;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let get = |path: &str| {
        let mut r = agent.get(&format!("{url}{path}")).call().unwrap();
        let status = r.status().as_u16();
        (
            status,
            serde_json::from_str::<serde_json::Value>(&r.body_mut().read_to_string().unwrap()).unwrap(),
        )
    };
    let (status, stats) = get("/api/stats");
    assert_eq!(status, 200);
    assert_eq!(stats["articles"], 21);
    let (status, err) = get("/api/events?to=soon");
    assert_eq!(status, 400);
    assert_eq!(err["parameter"], "to");
    // casus load drives the same server from another process.
    let load = casus(&["load", "--url", url, "--rate", "50", "--seconds", "1", "--json"]);
    assert!(load.status.success(), "{}", String::from_utf8_lossy(&load.stdout));
    let figures: serde_json::Value = serde_json::from_slice(&load.stdout).unwrap();
    assert_eq!(figures["errors"], 0);
    assert_eq!(figures["requests"], 50);
}

#[test]
fn oddly_dated_pages_are_stored_undated_and_exported_with_empty_days() {
    let served = serve_with(&[oddly_dated_pages]);
    let stats = served.get_json("/api/stats");
    assert_eq!(stats["articles"], 24, "{stats}");
    assert_eq!(
        stats["undated_articles"], 3,
        "year one and 2099 are no dates: {stats}"
    );
    assert!(stats["undated_events"].as_u64().unwrap() > 0, "{stats}");
    assert!(
        stats["first"].as_str().unwrap() >= "2024",
        "not year one: {stats}"
    );
    assert!(
        stats["last"].as_str().unwrap() <= "2024-12-31",
        "not 2099, not today: {stats}"
    );
    // The export gives an undated event no date and no day.
    let out = casus(&[
        "export",
        "--db",
        served.db().to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let undated = rows
        .iter()
        .filter(|e| e["date"].is_null() && e["day"].is_null())
        .count();
    assert_eq!(undated as u64, stats["undated_events"].as_u64().unwrap());
    assert!(rows.iter().all(|e| e["day"].as_str().is_none_or(|d| d >= "1900")));
}
