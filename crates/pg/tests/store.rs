//! The PostgreSQL store against the SQLite store, on the same articles:
//! the same copies and stories, the same events exported, the same
//! answer to storing again. Needs a server: see `common::fresh_db`.

mod common;

use casus_pg::{PgError, PgStore, SCHEMA_VERSION};
use casus_store::{EventFilter, EventRow, Outcome, Reader, Store, StoreError, StoreOptions};
use common::{corpus, fresh_db};

fn sqlite(articles: &[casus_core::Article]) -> (tempfile::TempDir, Vec<Outcome>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    let mut out = Vec::new();
    for chunk in articles.chunks(4) {
        out.extend(store.put_batch(chunk).unwrap());
    }
    (dir, out)
}

/// Both stores of the same articles, stored four at a time: the SQLite
/// store's directory and reader, and the PostgreSQL store at `url`.
fn both(url: &str, articles: &[casus_core::Article]) -> (tempfile::TempDir, Reader, PgStore) {
    let (dir, _) = sqlite(articles);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    let mut pg = PgStore::open(url, StoreOptions::default()).unwrap();
    for chunk in articles.chunks(4) {
        pg.put_batch(chunk).unwrap();
    }
    (dir, reader, pg)
}

/// An event as both backends must give it: everything but the row id and
/// the time it was stored.
fn comparable(e: EventRow) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("id");
    o.remove("added");
    v
}

#[test]
fn the_postgres_store_places_copies_and_stories_as_the_sqlite_store_does() {
    let Some(url) = fresh_db("copies_and_stories") else {
        return;
    };
    let articles = corpus();
    let (_dir, expected) = sqlite(&articles);
    let mut pg = PgStore::open(&url, StoreOptions::default()).unwrap();
    let mut got = Vec::new();
    for chunk in articles.chunks(4) {
        got.extend(pg.put_batch(chunk).unwrap());
    }
    assert_eq!(got, expected);
    assert!(got
        .iter()
        .any(|o| matches!(o, Outcome::New { copy_of: Some(_), .. })));
    let (n_articles, n_events) = pg.counts().unwrap();
    assert_eq!(n_articles, 21);
    assert!(n_events > 20, "{n_events} events");
}

#[test]
fn every_export_filter_gives_the_same_events_from_both_backends() {
    let Some(url) = fresh_db("events") else { return };
    let articles = corpus();
    let (_dir, reader, mut pg) = both(&url, &articles);
    let filters = [
        EventFilter::default(),
        EventFilter {
            copies: true,
            ..EventFilter::default()
        },
        EventFilter {
            code: Some("19".into()),
            ..EventFilter::default()
        },
        EventFilter {
            actor: Some("USA".into()),
            from: Some("2024-01-01".into()),
            ..EventFilter::default()
        },
        EventFilter {
            category: Some("assault".into()),
            ..EventFilter::default()
        },
    ];
    for f in &filters {
        let mut a = Vec::new();
        reader
            .each_event(f, |e| -> Result<(), StoreError> {
                a.push(comparable(e));
                Ok(())
            })
            .unwrap();
        let mut b = Vec::new();
        pg.each_event(f, |e| -> Result<(), StoreError> {
            b.push(comparable(e));
            Ok(())
        })
        .unwrap();
        assert_eq!(a, b, "{f:?}");
    }
    // A bad filter value is refused by name, as in the SQLite store.
    let bad = EventFilter {
        code: Some("19x".into()),
        ..EventFilter::default()
    };
    let e = pg
        .each_event(&bad, |_| -> Result<(), StoreError> { Ok(()) })
        .unwrap_err();
    assert!(e.to_string().contains("code"), "{e}");
}

#[test]
fn storing_again_changes_nothing_and_a_new_version_replaces_the_old() {
    let Some(url) = fresh_db("again") else { return };
    let articles = corpus();
    let mut pg = PgStore::open(&url, StoreOptions::default()).unwrap();
    pg.put_batch(&articles).unwrap();
    let before = pg.counts().unwrap();
    let again = pg.put_batch(&articles).unwrap();
    assert!(again.iter().all(|o| *o == Outcome::Unchanged), "{again:?}");
    assert_eq!(pg.counts().unwrap(), before);
    let stored = pg.stored().unwrap();
    assert!(stored.holds(&articles[0].id, &articles[0].text));
    let mut changed = articles[0].clone();
    changed.text.push_str("\n\nA paragraph we added later.");
    let out = pg.put_batch(&[changed]).unwrap();
    assert!(matches!(out[0], Outcome::Replaced { .. }), "{out:?}");
    assert_eq!(pg.counts().unwrap().0, before.0);
}

#[test]
fn events_are_kept_in_the_partition_of_their_month() {
    let Some(url) = fresh_db("partitions") else { return };
    let mut pg = PgStore::open(&url, StoreOptions::default()).unwrap();
    pg.put_batch(&corpus()).unwrap();
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    let parts: Vec<String> = c
        .query(
            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(parts.contains(&"events_undated".to_string()), "{parts:?}");
    assert!(parts.iter().any(|p| p.starts_with("events_20")), "{parts:?}");
    // Every dated event is in its month's partition, none in the default.
    let misplaced: i64 = c
        .query_one("SELECT count(*) FROM events_undated WHERE day IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert_eq!(misplaced, 0);
}

#[test]
fn the_schema_is_recorded_and_a_newer_one_is_refused() {
    let Some(url) = fresh_db("schema") else { return };
    drop(PgStore::open(&url, StoreOptions::default()).unwrap());
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    let v: i64 = c
        .query_one("SELECT max(version) FROM casus_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(v, SCHEMA_VERSION);
    // Opening again applies nothing twice.
    drop(PgStore::open(&url, StoreOptions::default()).unwrap());
    c.execute(
        "INSERT INTO casus_schema (version, name) VALUES ($1, 'from the future')",
        &[&(SCHEMA_VERSION + 1)],
    )
    .unwrap();
    match PgStore::open(&url, StoreOptions::default()) {
        Err(e @ PgError::Schema { .. }) => assert!(e.to_string().contains("newer"), "{e}"),
        Err(e) => panic!("expected a schema error, got {e}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
}

#[test]
fn a_missing_database_and_a_closed_port_are_named_in_the_error() {
    let Some(url) = fresh_db("errors") else { return };
    let (base, _) = url.rsplit_once('/').unwrap();
    let e = PgStore::open(&format!("{base}/no_such_db"), StoreOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("no_such_db") && e.contains("does not exist"), "{e}");
    let e = PgStore::open("postgres://casus@127.0.0.1:1/news", StoreOptions::default())
        .err()
        .unwrap()
        .to_string();
    assert!(
        e.starts_with("cannot connect to PostgreSQL at casus@127.0.0.1:1/news"),
        "{e}"
    );
}

#[test]
fn related_articles_and_stories_are_those_of_the_sqlite_store() {
    let Some(url) = fresh_db("related") else { return };
    let articles = corpus();
    let (_dir, reader, mut pg) = both(&url, &articles);
    let mut related = 0;
    for a in &articles {
        let (x, y) = (reader.related(&a.id, 20).unwrap(), pg.related(&a.id, 20).unwrap());
        assert_eq!(
            serde_json::to_value(&x).unwrap(),
            serde_json::to_value(&y).unwrap(),
            "{}",
            a.id
        );
        related += x.len();
        let (x, y) = (reader.story(&a.id, None).unwrap(), pg.story(&a.id, None).unwrap());
        assert_eq!(
            serde_json::to_value(&x).unwrap(),
            serde_json::to_value(&y).unwrap(),
            "{}",
            a.id
        );
    }
    assert!(related > 21, "{related} related in all");
    assert!(matches!(
        pg.related("no-such-article", 5),
        Err(PgError::Store(StoreError::NotFound { .. }))
    ));
}

#[test]
fn keyword_counts_are_those_of_the_sqlite_store_after_a_new_version_replaces_an_article() {
    let Some(url) = fresh_db("key_days") else { return };
    let articles = corpus();
    let (dir, _reader, mut pg) = both(&url, &articles);
    let mut changed = articles.iter().find(|a| a.id == "armenia-2").unwrap().clone();
    changed
        .text
        .push_str(&"\n\nReservoirs were full, said the report on reservoirs.".repeat(8));
    pg.put_batch(std::slice::from_ref(&changed)).unwrap();
    let mut sqlite = Store::open(dir.path(), StoreOptions::default()).unwrap();
    sqlite.put_batch(&[changed]).unwrap();
    drop(sqlite);
    let sql = "SELECT key, day, articles FROM key_days WHERE articles > 0 ORDER BY 1, 2";
    let lite = rusqlite::Connection::open(casus_store::db_path(dir.path())).unwrap();
    let expected: Vec<(String, i64, i64)> = lite
        .prepare(sql)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    let got: Vec<(String, i64, i64)> = c
        .query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert!(expected.iter().any(|r| r.0 == "w:reservoirs"));
    assert_eq!(got, expected);
}
