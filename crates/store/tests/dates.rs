//! Undated and oddly dated articles in the store: no made-up day, no year
//! 0, nothing counted on the day of the ingest; and a store of schema 3
//! upgraded in place to take them.

use casus_core::Article;
use casus_store::{EventFilter, Interval, Reader, Store, StoreOptions};
use std::path::Path;

fn corpus() -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stories.jsonl");
    casus_pipeline::articles_of(&[path])
}

/// The corpus with its first article made undated (and its events with
/// it), and its second given a year-one date and a year-zero event.
fn odd_corpus() -> Vec<Article> {
    let mut arts = corpus();
    let undated = &mut arts[0];
    undated.published = None;
    undated.published_from = None;
    for e in &mut undated.events {
        e.date = None;
        e.date_from = None;
    }
    let odd = &mut arts[1];
    odd.published = Some("0001-01-01".into());
    if let Some(e) = odd.events.first_mut() {
        e.date = Some("0000-08-09".into());
    }
    assert!(
        !arts[0].events.is_empty() && !arts[1].events.is_empty(),
        "the test needs events"
    );
    arts
}

fn store(arts: &[Article]) -> (tempfile::TempDir, Reader) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path(), StoreOptions::default()).unwrap();
    s.put_batch(arts).unwrap();
    drop(s);
    let r = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    (dir, r)
}

fn db(dir: &tempfile::TempDir) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.path().join("casus.sqlite")).unwrap()
}

#[test]
fn an_undated_article_and_its_events_have_no_day_and_no_timeline_counts_them() {
    let arts = odd_corpus();
    let undated_events = arts[0].events.len() as i64;
    let (dir, r) = store(&arts);
    let c = db(&dir);
    let day: Option<i64> = c
        .query_row("SELECT day FROM articles WHERE id = ?1", [&arts[0].id], |x| {
            x.get(0)
        })
        .unwrap();
    assert_eq!(day, None, "not the day of the ingest");
    let (n, with_day): (i64, i64) = c
        .query_row(
            "SELECT count(*), count(e.day) FROM events e JOIN articles a ON a.rowid = e.article WHERE a.id = ?1",
            [&arts[0].id],
            |x| Ok((x.get(0)?, x.get(1)?)),
        )
        .unwrap();
    assert_eq!((n, with_day), (undated_events, 0));
    let stats = r.stats().unwrap();
    assert!(stats.undated_articles >= 1, "{stats:?}");
    assert!(stats.undated_events >= undated_events, "{stats:?}");
    let on_timeline: i64 = r
        .series(&EventFilter::default(), Interval::Day)
        .unwrap()
        .iter()
        .map(|p| p.events)
        .sum();
    assert_eq!(on_timeline + stats.undated_events, stats.events, "{stats:?}");
    // A list's total counts its undated events too, also where the daily
    // totals answer it.
    let all = r
        .events(&EventFilter::default(), casus_store::Page::new(1000, 0).unwrap())
        .unwrap();
    assert_eq!(all.total, stats.events as u64);
    assert_eq!(all.total, all.items.len() as u64);
    // The API's events of that article say they have no day.
    let f = EventFilter {
        article: Some(arts[0].id.clone()),
        ..EventFilter::default()
    };
    let page = r.events(&f, casus_store::Page::default()).unwrap();
    assert!(page.items.iter().all(|e| e.day.is_none() && e.date.is_none()));
}

#[test]
fn a_date_in_year_one_or_zero_is_not_stored_and_the_range_stays_real() {
    let arts = odd_corpus();
    let (dir, r) = store(&arts);
    let c = db(&dir);
    let early: i64 = c
        .query_row(
            "SELECT count(*) FROM events WHERE day < -25567 OR date < '1900'",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(early, 0, "no event before 1900");
    let day: Option<i64> = c
        .query_row("SELECT day FROM articles WHERE id = ?1", [&arts[1].id], |x| {
            x.get(0)
        })
        .unwrap();
    assert_eq!(day, None, "a year-one date is no date");
    let stats = r.stats().unwrap();
    let first = stats.first.expect("the corpus has dated articles");
    assert!(first.as_str() >= "1900", "{first}");
}

#[test]
fn a_story_of_undated_articles_only_has_no_days() {
    let mut a = corpus().into_iter().next().unwrap();
    a.published = None;
    for e in &mut a.events {
        e.date = None;
    }
    let (_dir, r) = store(&[a.clone()]);
    let s = r.story(&a.id, None).unwrap();
    assert_eq!((s.story.first, s.story.last), (None, None));
    assert_eq!(r.stats().unwrap().first, None);
}

#[test]
fn a_store_of_schema_3_lets_days_be_null_after_opening_and_keeps_its_rows() {
    let arts = corpus();
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path(), StoreOptions::default()).unwrap();
        s.put_batch(&arts[..4]).unwrap();
    }
    // Put back schema 3's definitions, as a casus of schema 3 wrote them.
    let c = db(&dir);
    c.execute_batch("ALTER TABLE events DROP COLUMN admin1; ALTER TABLE events DROP COLUMN admin2;")
        .unwrap();
    let v: i64 = c.query_row("PRAGMA schema_version", [], |x| x.get(0)).unwrap();
    c.execute_batch("PRAGMA writable_schema = ON").unwrap();
    for (table, new, old) in [
        (
            "articles",
            "day          INTEGER,",
            "day          INTEGER NOT NULL,",
        ),
        (
            "events",
            "date TEXT, day INTEGER,",
            "date TEXT NOT NULL, day INTEGER NOT NULL,",
        ),
        ("stories", "first_day INTEGER,", "first_day INTEGER NOT NULL,"),
        ("stories", "last_day INTEGER,", "last_day INTEGER NOT NULL,"),
    ] {
        c.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) WHERE name = ?1",
            [table, new, old],
        )
        .unwrap();
    }
    c.execute_batch(&format!(
        "PRAGMA schema_version = {}; PRAGMA writable_schema = OFF; PRAGMA user_version = 3;",
        v + 1
    ))
    .unwrap();
    drop(c);
    let c = db(&dir);
    let not_null: i64 = c
        .query_row(
            "SELECT \"notnull\" FROM pragma_table_info('events') WHERE name = 'day'",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(not_null, 1, "the test store has schema 3's definitions");
    drop(c);
    let mut s = Store::open(dir.path(), StoreOptions::default()).unwrap();
    let mut undated = arts[5].clone();
    undated.published = None;
    for e in &mut undated.events {
        e.date = None;
    }
    s.put_batch(&[undated]).unwrap();
    drop(s);
    let c = db(&dir);
    let v: i64 = c.pragma_query_value(None, "user_version", |x| x.get(0)).unwrap();
    assert_eq!(v, casus_store::SCHEMA_VERSION);
    let ok: String = c.query_row("PRAGMA integrity_check", [], |x| x.get(0)).unwrap();
    assert_eq!(ok, "ok");
    // Schema 7: a place without a GeoNames id can be stored.
    let not_null: i64 = c
        .query_row(
            "SELECT \"notnull\" FROM pragma_table_info('places') WHERE name = 'geonameid'",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(not_null, 0, "the upgraded store takes places without an id");
    // Schema 8: each event's place has its admin areas.
    let areas: i64 = c
        .query_row(
            "SELECT count(*) FROM pragma_table_info('events') WHERE name IN ('admin1', 'admin2')",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(areas, 2, "the upgraded store has the admin columns");
    let (n, undated): (i64, i64) = c
        .query_row("SELECT count(*), count(*) - count(day) FROM articles", [], |x| {
            Ok((x.get(0)?, x.get(1)?))
        })
        .unwrap();
    assert_eq!((n, undated), (5, 1));
}

/// Article `i` of a long thread, published `3 * i` days after 2024-03-01:
/// the same twelve words three times over, and a sentence of its own.
fn thread(i: usize) -> Article {
    let shared =
        "Harbour dockers strike cranes idle tankers anchored ferries cancelled wages union terminal pickets.";
    let own = [
        "Bakers", "Painters", "Drivers", "Tailors", "Farmers", "Miners", "Nurses", "Pilots", "Cooks",
        "Clerks", "Guards",
    ];
    let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap() + chrono::Duration::days(3 * i as i64);
    let text = format!(
        "Dock dispute, day {i}\n\n{shared} {shared}\n\n{} in town {} a letter of support on day {i}. {shared}",
        own[i % own.len()],
        ["sent", "wrote", "signed"][i % 3]
    );
    Article {
        id: format!("thread-{i}"),
        published: Some(day.format("%Y-%m-%d").to_string()),
        title: Some(format!("Dock dispute, day {i}")),
        text,
        ..Article::default()
    }
}

fn stories_of(options: StoreOptions, n: usize) -> Vec<casus_store::StoryRow> {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path(), options.clone()).unwrap();
    for i in 0..n {
        s.put_batch(&[thread(i)]).unwrap();
    }
    drop(s);
    let r = Reader::open(dir.path(), options).unwrap();
    r.stories(&None, &None, casus_store::Page::new(100, 0).unwrap())
        .unwrap()
        .items
}

#[test]
fn a_story_takes_no_article_past_its_span_and_a_new_one_starts() {
    let day =
        |s: &Option<String>| chrono::NaiveDate::parse_from_str(s.as_deref().unwrap(), "%Y-%m-%d").unwrap();
    // Without the cap the neighbours chain into one story of a month.
    let chained = stories_of(
        StoreOptions {
            story_span_days: 1000,
            ..StoreOptions::default()
        },
        11,
    );
    assert_eq!(chained.len(), 1, "{chained:?}");
    let capped = stories_of(StoreOptions::default(), 11);
    assert!(capped.len() >= 3, "{capped:?}");
    for s in &capped {
        assert!((day(&s.last) - day(&s.first)).num_days() <= 14, "{s:?}");
    }
    assert_eq!(capped.iter().map(|s| s.articles).sum::<i64>(), 11);
}
