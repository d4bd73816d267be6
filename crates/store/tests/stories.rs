//! The store on a corpus we wrote (tests/data/stories.jsonl): copies are
//! linked, stories come out as expected (B-cubed), related lists put the
//! same story first, and storing again changes nothing.

use casus_core::Article;
use casus_store::{ArticleFilter, EventFilter, Outcome, Page, Prepared, Reader, Store, StoreOptions};
use casus_story::{bcubed, Reason};
use std::path::Path;

fn corpus() -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stories.jsonl");
    let out = casus_pipeline::articles_of(&[path]);
    assert_eq!(out.len(), 21);
    out
}

/// The expected story: the id up to its first `-`, except that each
/// `solo` article is a story of its own.
fn gold(id: &str) -> String {
    let prefix = id.split('-').next().unwrap();
    if prefix == "solo" {
        id.to_string()
    } else {
        prefix.to_string()
    }
}

fn stored(batch: usize) -> (tempfile::TempDir, Reader, Vec<Outcome>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    let mut outcomes = Vec::new();
    for chunk in corpus().chunks(batch) {
        outcomes.extend(store.put_batch(chunk).unwrap());
    }
    drop(store);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    (dir, reader, outcomes)
}

/// The names of the database's indexes that `condition` selects, sorted.
fn index_names(db: &rusqlite::Connection, condition: &str) -> Vec<String> {
    db.prepare(&format!(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND ({condition}) ORDER BY name"
    ))
    .unwrap()
    .query_map([], |r| r.get(0))
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn all(reader: &Reader) -> Vec<casus_store::ArticleSummary> {
    let f = ArticleFilter {
        copies: true,
        ..ArticleFilter::default()
    };
    reader.articles(&f, Page::new(100, 0).unwrap()).unwrap().items
}

#[test]
fn stories_match_the_expected_clusters() {
    let (_dir, reader, _) = stored(4);
    let arts = all(&reader);
    let gold: Vec<String> = arts.iter().map(|a| gold(&a.id)).collect();
    let predicted: Vec<&str> = arts.iter().map(|a| a.story.as_str()).collect();
    let (p, r, f) = bcubed(&gold, &predicted);
    for a in &arts {
        eprintln!(
            "{:<14} story {:<14} {}",
            a.id,
            a.story,
            a.title.as_deref().unwrap_or("")
        );
    }
    eprintln!("B-cubed precision {p:.3} recall {r:.3} F1 {f:.3}");
    assert!(p >= 0.9, "precision {p:.3}");
    assert!(r >= 0.9, "recall {r:.3}");
}

#[test]
fn copies_are_linked_to_the_original_and_their_events_are_not_counted_twice() {
    let (_dir, reader, outcomes) = stored(50);
    let copy_of = |id: &str| all(&reader).into_iter().find(|a| a.id == id).unwrap().copy_of;
    assert_eq!(copy_of("usiraq-1-copy").as_deref(), Some("usiraq-1"));
    assert_eq!(copy_of("sudan-1-near").as_deref(), Some("sudan-1"));
    assert_eq!(copy_of("usiraq-2"), None);
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::New { copy_of: Some(_), .. }))
            .count(),
        2
    );
    let original = reader
        .events(
            &EventFilter {
                article: Some("usiraq-1".into()),
                ..Default::default()
            },
            Page::default(),
        )
        .unwrap();
    let copy = EventFilter {
        article: Some("usiraq-1-copy".into()),
        ..Default::default()
    };
    assert!(original.total > 0);
    assert_eq!(
        reader.events(&copy, Page::default()).unwrap().total,
        0,
        "copies are left out by default"
    );
    let with_copies = EventFilter { copies: true, ..copy };
    assert_eq!(
        reader.events(&with_copies, Page::default()).unwrap().total,
        original.total
    );
    let stats = reader.stats().unwrap();
    assert_eq!(stats.copies, 2);
    assert_eq!(stats.articles, 21);
}

#[test]
fn the_seed_like_article_lists_its_own_story_first() {
    let (_dir, reader, _) = stored(50);
    let related = reader.related("usiraq-1", 20).unwrap();
    let ids: Vec<&str> = related.iter().map(|r| r.id.as_str()).collect();
    eprintln!("{related:#?}");
    assert_eq!(ids[0], "usiraq-1-copy");
    assert_eq!(related[0].reasons, vec![Reason::Copy]);
    let same: Vec<&str> = ids
        .iter()
        .copied()
        .take_while(|id| id.starts_with("usiraq"))
        .collect();
    assert_eq!(
        same.len(),
        4,
        "the copy and the three other tellings come first: {ids:?}"
    );
    assert!(related.iter().take(4).all(|r| r.same_story));
}

#[test]
fn articles_stored_with_digests_made_beforehand_are_stored_as_put_batch_stores_them() {
    let (_dir, reader, outcomes) = stored(4);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    let mut prepared_outcomes = Vec::new();
    for chunk in corpus().chunks(4) {
        let digests: Vec<Prepared> = chunk.iter().map(|a| Prepared::of(a, store.options())).collect();
        prepared_outcomes.extend(store.put_prepared(chunk, &digests).unwrap());
    }
    drop(store);
    assert_eq!(prepared_outcomes, outcomes);
    let other = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    let stories = |r: &Reader| -> Vec<(String, String, Option<String>)> {
        all(r).into_iter().map(|a| (a.id, a.story, a.copy_of)).collect()
    };
    assert_eq!(stories(&other), stories(&reader));
}

#[test]
fn storing_the_same_articles_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let arts = corpus();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    store.put_batch(&arts).unwrap();
    let again = store.put_batch(&arts).unwrap();
    assert!(again.iter().all(|o| *o == Outcome::Unchanged));
    drop(store);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    let stats = reader.stats().unwrap();
    assert_eq!((stats.articles, stats.indexed), (21, 21));
}

#[test]
fn a_store_knows_which_articles_it_holds_with_which_text() {
    let dir = tempfile::tempdir().unwrap();
    let arts = corpus();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    assert!(store.stored().unwrap().is_empty());
    store.put_batch(&arts).unwrap();
    let stored = store.stored().unwrap();
    assert_eq!(stored.len(), 21);
    assert!(arts.iter().all(|a| stored.holds(&a.id, &a.text)));
    let a = &arts[0];
    assert!(!stored.holds(&a.id, &format!("{} And one more sentence.", a.text)));
    assert!(!stored.holds("an-id-never-stored", &a.text));
    // Whitespace alone is no new version, as storing judges it.
    assert!(stored.holds(&a.id, &a.text.replace(' ', "  ")));
    let again = store.put_batch(&arts[..1]).unwrap();
    assert_eq!(again, [Outcome::Unchanged]);
}

/// The corpus stored, then a new version of article `id` with `more` text
/// added, then the first three articles again: the reader, and what
/// storing the new version did.
fn stored_with_new_version(id: &str, more: &str) -> (tempfile::TempDir, Reader, Outcome) {
    let dir = tempfile::tempdir().unwrap();
    let arts = corpus();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    store.put_batch(&arts).unwrap();
    let mut v2 = arts.iter().find(|a| a.id == id).unwrap().clone();
    v2.text.push_str(more);
    let out = store.put_batch(std::slice::from_ref(&v2)).unwrap();
    store.put_batch(&arts[..3]).unwrap();
    drop(store);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    (dir, reader, out[0].clone())
}

#[test]
fn a_new_version_of_an_article_replaces_the_old_one() {
    let more = "\n\nUpdated: the canal authority later eased the limits for ferries.";
    let (_dir, reader, out) = stored_with_new_version("solo-2", more);
    assert!(matches!(out, Outcome::Replaced { .. }));
    assert_eq!(reader.stats().unwrap().articles, 21);
    let hits = reader.search("ferries", Page::default()).unwrap();
    assert_eq!(hits.total, 1);
    assert_eq!(hits.items[0].id, "solo-2");
    assert!(hits.items[0]
        .snippet
        .as_deref()
        .unwrap()
        .contains("<b>ferries</b>"));
    let canal = reader.search("canal", Page::default()).unwrap();
    assert_eq!(canal.total, 1, "the old version is gone from the index");
}

#[test]
fn the_daily_totals_give_the_same_series_as_the_events_themselves() {
    // Replacing an article takes its old events out of the totals.
    let more = "\n\nIraq's foreign ministry said it would complain to the United Nations.";
    let (_dir, reader, _) = stored_with_new_version("usiraq-3", more);
    for actor in ["USA", "IRQ", "SDNMIL", "IRQGOV", "lloyd-austin"] {
        let daily = EventFilter {
            actor: Some(actor.into()),
            ..Default::default()
        };
        // The same selection through a filter the totals cannot answer
        // (a code prefix every code has) reads the events themselves.
        let raw = EventFilter {
            code: Some("0".into()),
            ..daily.clone()
        };
        let raw_any = EventFilter {
            code: Some("1".into()),
            ..daily.clone()
        };
        let a = reader.series(&daily, casus_store::Interval::Day).unwrap();
        let mut b = reader.series(&raw, casus_store::Interval::Day).unwrap();
        b.extend(reader.series(&raw_any, casus_store::Interval::Day).unwrap());
        let total_a: i64 = a.iter().map(|p| p.events).sum();
        let total_b: i64 = b.iter().map(|p| p.events).sum();
        let events = reader.events(&daily, Page::default()).unwrap().total as i64;
        assert_eq!(total_a, events, "{actor}");
        assert_eq!(total_b, events, "{actor}");
        assert!(events > 0 || actor != "USA", "{actor}");
    }
}

#[test]
fn the_place_totals_count_the_located_events() {
    let more = "\n\nThe ministry repeated its protest in Baghdad on Sunday.";
    let (_dir, reader, _) = stored_with_new_version("usiraq-2", more);
    let from_totals: i64 = reader
        .places(&EventFilter::default(), 1000)
        .unwrap()
        .iter()
        .map(|p| p.events)
        .sum();
    let from_events: i64 = ["0", "1", "2"]
        .iter()
        .map(|c| {
            let f = EventFilter {
                code: Some(c.to_string()),
                ..Default::default()
            };
            reader
                .places(&f, 1000)
                .unwrap()
                .iter()
                .map(|p| p.events)
                .sum::<i64>()
        })
        .sum();
    assert_eq!(from_totals, from_events);
}

/// Events per place name for `f`, read through filters the totals cannot
/// answer (CAMEO prefixes 0, 1 and 2 together cover every code).
fn places_from_events(reader: &Reader, f: &EventFilter) -> std::collections::BTreeMap<String, i64> {
    let mut out = std::collections::BTreeMap::new();
    for c in ["0", "1", "2"] {
        let f = EventFilter {
            code: Some(c.into()),
            ..f.clone()
        };
        for p in reader.places(&f, 1000).unwrap() {
            *out.entry(p.name).or_default() += p.events;
        }
    }
    out
}

#[test]
fn one_actors_map_and_event_count_from_the_totals_equal_those_from_its_events() {
    // After a replacement too: the old version's events leave the totals.
    let more = "\n\nIraqi officials met the American envoy in Baghdad on Monday.";
    let (_dir, reader, _) = stored_with_new_version("usiraq-2", more);
    let mut located = 0;
    for actor in ["USA", "IRQ", "IRQGOV", "USAMIL", "SDNMIL", "UAF"] {
        let f = EventFilter {
            actor: Some(actor.into()),
            ..Default::default()
        };
        let totals: std::collections::BTreeMap<String, i64> = reader
            .places(&f, 1000)
            .unwrap()
            .into_iter()
            .map(|p| (p.name, p.events))
            .collect();
        assert_eq!(totals, places_from_events(&reader, &f), "{actor}");
        located += totals.values().sum::<i64>();
        // The count of a page of events (from the dyad totals) is the
        // number of events listed.
        let listed = reader.events(&f, Page::new(1000, 0).unwrap()).unwrap();
        assert_eq!(listed.total, listed.items.len() as u64, "{actor}");
        let dated = EventFilter {
            from: Some("2024-02-04".into()),
            to: Some("2024-05-31".into()),
            ..f
        };
        let listed = reader.events(&dated, Page::new(1000, 0).unwrap()).unwrap();
        assert_eq!(listed.total, listed.items.len() as u64, "{actor} dated");
    }
    assert!(located > 0, "some of these actors' events are located");
}

#[test]
fn a_store_of_schema_1_is_upgraded_with_its_actor_place_totals_filled() {
    let (dir, reader, _) = stored_with_new_version("solo-1", "\n\nNothing else changed.");
    let usa = EventFilter {
        actor: Some("USA".into()),
        ..Default::default()
    };
    let before = reader.places(&usa, 1000).unwrap();
    assert!(!before.is_empty());
    drop(reader);
    // Make it look like a store of the previous schema.
    let db = rusqlite::Connection::open(dir.path().join("casus.sqlite")).unwrap();
    db.execute_batch("DROP TABLE actor_place_days; PRAGMA user_version = 1;")
        .unwrap();
    drop(db);
    // Opening it to read (casus serve) upgrades it.
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    assert_eq!(reader.places(&usa, 1000).unwrap(), before);
    drop(reader);
    // And opening it to write finds it current.
    drop(Store::open(dir.path(), StoreOptions::default()).unwrap());
}

#[test]
fn a_store_of_schema_2_gets_the_actor_id_indexes_with_the_day_and_answers_the_same() {
    let (dir, reader, _) = stored_with_new_version("solo-2", "\n\nNothing else changed.");
    let path = dir.path().join("casus.sqlite");
    let db = rusqlite::Connection::open(&path).unwrap();
    // The actor id with the most events in our corpus.
    let id: String = db
        .query_row(
            "SELECT source FROM events WHERE source IS NOT NULL GROUP BY source ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let un = EventFilter {
        actor: Some(id),
        ..Default::default()
    };
    let page = casus_store::Page::default();
    let before = reader.events(&un, page).unwrap();
    assert!(before.total > 0);
    drop(reader);
    db.execute_batch(
        "DROP INDEX events_source_id_day; DROP INDEX events_target_id_day;
         CREATE INDEX events_source_id ON events(source) WHERE source IS NOT NULL;
         CREATE INDEX events_target_id ON events(target) WHERE target IS NOT NULL;
         PRAGMA user_version = 2;",
    )
    .unwrap();
    drop(db);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    let after = reader.events(&un, page).unwrap();
    assert_eq!(after.total, before.total);
    let ids = |l: &casus_store::List<casus_store::EventRow>| l.items.iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(&after), ids(&before));
    let db = rusqlite::Connection::open(&path).unwrap();
    let names = index_names(&db, "name LIKE 'events_%_id%'");
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with("_id_day")), "{names:?}");
    let v: i64 = db.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, casus_store::SCHEMA_VERSION);
}

#[test]
fn an_index_of_an_older_layout_is_rebuilt_from_the_records_and_gives_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    store.put_batch(&corpus()).unwrap();
    store.close().unwrap();
    // An empty index in an older casus's layout (texts indexed, not
    // stored), while every article is still marked indexed.
    use tantivy::schema::{STORED, STRING, TEXT};
    let index = dir.path().join("index");
    std::fs::remove_dir_all(&index).unwrap();
    std::fs::create_dir_all(&index).unwrap();
    let mut sb = tantivy::schema::Schema::builder();
    sb.add_text_field("id", STRING | STORED);
    sb.add_text_field("title", TEXT);
    sb.add_text_field("text", TEXT);
    tantivy::Index::create_in_dir(&index, sb.build()).unwrap();

    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    assert_eq!(reader.indexed(), 21);
    let canal = reader.search("canal", Page::default()).unwrap();
    assert_eq!(canal.total, 1);
    assert_eq!(canal.items[0].id, "solo-2");
    let snippet = canal.items[0].snippet.as_deref().unwrap().to_lowercase();
    assert!(snippet.contains("<b>canal</b>"), "{snippet}");
}

#[test]
fn a_store_of_schema_5_reads_story_and_copy_candidates_from_indexes_that_hold_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let arts = corpus();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    store.put_batch(&arts[..12]).unwrap();
    drop(store);
    let path = dir.path().join("casus.sqlite");
    let db = rusqlite::Connection::open(&path).unwrap();
    // Schema 5's key and band indexes.
    db.execute_batch(
        "DROP INDEX keys_key_day_article; DROP INDEX bands_key_article;
         CREATE INDEX keys_key ON keys(key, day); CREATE INDEX bands_key ON bands(band, key);
         PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(db);
    // The rest of the corpus goes into the upgraded store; stories come
    // out as for a store made in one go.
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    store.put_batch(&arts[12..]).unwrap();
    drop(store);
    let (_fresh, fresh_reader, _) = stored(12);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    let stories = |r: &Reader| all(r).into_iter().map(|a| (a.id, a.story)).collect::<Vec<_>>();
    assert_eq!(stories(&reader), stories(&fresh_reader));
    let db = rusqlite::Connection::open(&path).unwrap();
    let names = index_names(&db, "tbl_name = 'keys' OR tbl_name = 'bands'");
    assert_eq!(
        names,
        [
            "bands_article",
            "bands_key_article",
            "keys_article",
            "keys_key_day_article"
        ]
    );
    let plan: String = db
        .query_row(
            "EXPLAIN QUERY PLAN SELECT article FROM keys WHERE key = 'a:x' AND day BETWEEN 1 AND 9 ORDER BY day DESC LIMIT 64",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("COVERING INDEX keys_key_day_article"), "{plan}");
}
