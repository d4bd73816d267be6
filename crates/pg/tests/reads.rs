//! What the API reads, from both backends on the same articles: every
//! [`ReadStore`] call gives the same answer over PostgreSQL as over SQLite
//! (row ids, storing times and search scores aside), the totals survive
//! a replaced article, and an older store gets its totals from the
//! migration that adds them. Needs a server: see `common::fresh_db`.

mod common;

use casus_pg::{PgReader, PgStore};
use casus_store::{ArticleFilter, EventFilter, Interval, Page, ReadStore, Reader, Store, StoreOptions};
use common::{corpus, fresh_db};
use serde_json::Value;

/// Both readers of the same articles, stored four at a time.
fn both(url: &str) -> (tempfile::TempDir, Reader, PgReader) {
    let articles = corpus();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    let mut pg = PgStore::open(url, StoreOptions::default()).unwrap();
    for chunk in articles.chunks(4) {
        store.put_batch(chunk).unwrap();
        pg.put_batch(chunk).unwrap();
    }
    drop(store);
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    (dir, reader, PgReader::open(url, StoreOptions::default()).unwrap())
}

/// `v` without the fields that differ by backend by design.
fn comparable(v: impl serde::Serialize) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(o) => {
                for k in ["added", "score", "snippet"] {
                    o.remove(k);
                }
                // Event ids are each backend's own row ids.
                if o.contains_key("cameo") {
                    o.remove("id");
                }
                o.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(v).unwrap();
    strip(&mut v);
    v
}

fn filters() -> Vec<EventFilter> {
    let f = EventFilter::default;
    vec![
        f(),
        EventFilter { copies: true, ..f() },
        EventFilter {
            actor: Some("USA".into()),
            ..f()
        },
        EventFilter {
            source: Some("USA".into()),
            from: Some("2024-01-01".into()),
            ..f()
        },
        EventFilter {
            code: Some("1".into()),
            ..f()
        },
        EventFilter {
            category: Some("assault".into()),
            ..f()
        },
        EventFilter {
            country: Some("irq".into()),
            ..f()
        },
        EventFilter {
            from: Some("2024-02-01".into()),
            to: Some("2024-03-31".into()),
            ..f()
        },
        EventFilter {
            story: Some("usiraq-3".into()),
            ..f()
        },
    ]
}

#[test]
fn every_route_reads_the_same_from_both_backends() {
    let Some(url) = fresh_db("reads") else { return };
    let (_dir, sqlite, pg) = both(&url);
    let (a, b): (&dyn ReadStore, &dyn ReadStore) = (&sqlite, &pg);
    let page = Page::new(7, 2).unwrap();
    let same = |what: &str, x: Value, y: Value| assert_eq!(x, y, "{what}");
    same(
        "stats",
        comparable(a.stats().unwrap()),
        comparable(b.stats().unwrap()),
    );
    for f in [
        ArticleFilter::default(),
        ArticleFilter {
            copies: true,
            ..Default::default()
        },
        ArticleFilter {
            from: Some("2024-02-01".into()),
            ..Default::default()
        },
    ] {
        same(
            &format!("articles {f:?}"),
            comparable(a.articles(&f, page).unwrap()),
            comparable(b.articles(&f, page).unwrap()),
        );
    }
    for f in filters() {
        let all = Page::new(1000, 0).unwrap();
        same(
            &format!("events {f:?}"),
            comparable(a.events(&f, all).unwrap()),
            comparable(b.events(&f, all).unwrap()),
        );
        same(
            &format!("events page {f:?}"),
            comparable(a.events(&f, page).unwrap()),
            comparable(b.events(&f, page).unwrap()),
        );
        for i in [Interval::Day, Interval::Week, Interval::Month] {
            same(
                &format!("series {f:?}"),
                comparable(a.series(&f, i).unwrap()),
                comparable(b.series(&f, i).unwrap()),
            );
        }
        let places = |r: &dyn ReadStore| {
            let mut p = comparable(r.places(&f, 1000).unwrap());
            // Ties in count come in either order.
            p.as_array_mut().unwrap().sort_by_key(|x| x.to_string());
            p
        };
        same(&format!("places {f:?}"), places(a), places(b));
    }
    let (from, to) = (Some("2024-01-01".to_string()), None);
    same(
        "dyads",
        comparable(a.dyads(&from, &to, 50).unwrap()),
        comparable(b.dyads(&from, &to, 50).unwrap()),
    );
    for (q, p) in [
        (None, page),
        (None, Page::new(1000, 0).unwrap()),
        (Some("us"), page),
        (Some("gov"), page),
    ] {
        same(
            &format!("actors {q:?} {p:?}"),
            comparable(a.actors(q, p).unwrap()),
            comparable(b.actors(q, p).unwrap()),
        );
    }
    same(
        "stories",
        comparable(a.stories(&None, &None, page).unwrap()),
        comparable(b.stories(&None, &None, page).unwrap()),
    );
    let ids: Vec<String> = a
        .articles(
            &ArticleFilter {
                copies: true,
                ..Default::default()
            },
            Page::new(1000, 0).unwrap(),
        )
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids.len(), 21);
    for id in &ids {
        same(
            &format!("article {id}"),
            comparable(a.article(id, 5).unwrap()),
            comparable(b.article(id, 5).unwrap()),
        );
        same(
            &format!("story of {id}"),
            comparable(a.story(id, Some(page)).unwrap()),
            comparable(b.story(id, Some(page)).unwrap()),
        );
    }
    assert!(matches!(
        b.article("no-such", 5),
        Err(casus_store::StoreError::NotFound { .. })
    ));
}

#[test]
fn search_finds_names_and_phrases_as_the_sqlite_store_does() {
    let Some(url) = fresh_db("search") else { return };
    let (_dir, sqlite, pg) = both(&url);
    let all = Page::new(1000, 0).unwrap();
    let ids = |r: &dyn ReadStore, q: &str| {
        let mut v: Vec<String> = r
            .search(q, all)
            .unwrap()
            .items
            .into_iter()
            .map(|h| h.id)
            .collect();
        v.sort();
        v
    };
    // Names and phrases, which stemming leaves alone.
    for q in [
        "\"El Fasher\"",
        "Baghdad OR Khartoum",
        "Baghdad -Khartoum",
        "title:Iraq",
        "+Iraq +Austin",
    ] {
        let (x, y) = (ids(&sqlite, q), ids(&pg, q));
        assert!(!x.is_empty(), "{q} finds something");
        assert_eq!(x, y, "{q}");
    }
    let hit = &pg.search("\"El Fasher\"", all).unwrap().items[0];
    assert!(hit.snippet.as_deref().unwrap().contains("<b>"), "{hit:?}");
    // Many hits are listed newest first, copies left out.
    let pg = pg.ranked_at_most(2);
    let hits = pg.search("Iraq", all).unwrap();
    assert!(hits.total > 2);
    let days: Vec<String> = hits
        .items
        .iter()
        .map(|h| h.published.clone().unwrap_or_default().chars().take(10).collect())
        .collect();
    let mut newest_first = days.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(days, newest_first);
    // Stemmed: a plural finds the singular.
    assert!(pg.search("ceasefires", all).unwrap().total >= pg.search("ceasefire", all).unwrap().total.min(1));
}

#[test]
fn a_replaced_article_leaves_the_totals_as_if_stored_once() {
    let Some(url) = fresh_db("replaced_totals") else {
        return;
    };
    let articles = corpus();
    let mut pg = PgStore::open(&url, StoreOptions::default()).unwrap();
    pg.put_batch(&articles).unwrap();
    let r = PgReader::open(&url, StoreOptions::default()).unwrap();
    let before = comparable((
        r.series(&EventFilter::default(), Interval::Day).unwrap(),
        r.actors(None, Page::new(1000, 0).unwrap()).unwrap(),
    ));
    // A new version, then the old one back: the totals are as before.
    let mut changed = articles[3].clone();
    changed.text.push_str("\n\nA paragraph we added later.");
    pg.put_batch(&[changed]).unwrap();
    pg.put_batch(&articles[3..4]).unwrap();
    let r = PgReader::open(&url, StoreOptions::default()).unwrap();
    let after = comparable((
        r.series(&EventFilter::default(), Interval::Day).unwrap(),
        r.actors(None, Page::new(1000, 0).unwrap()).unwrap(),
    ));
    assert_eq!(before, after);
}

#[test]
fn a_store_of_schema_one_gets_its_totals_from_the_migration() {
    let Some(url) = fresh_db("migration_2") else {
        return;
    };
    let mut pg = PgStore::open(&url, StoreOptions::default()).unwrap();
    pg.put_batch(&corpus()).unwrap();
    let r = PgReader::open(&url, StoreOptions::default()).unwrap();
    let expected = comparable((r.stats().unwrap(), r.dyads(&None, &None, 100).unwrap()));
    drop(r);
    // Back to what migration 1 made: no totals (and no keyword counts,
    // migration 3's).
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    c.batch_execute(
        "DROP TABLE dyad_days, place_days, actor_place_days, actor_counts, key_days;
         DROP FUNCTION casus_count, casus_weight;
         DROP INDEX articles_newest, events_newest, events_id, events_source_code_newest,
           events_target_code_newest, events_source_newest, events_target_newest;
         DELETE FROM casus_schema WHERE version >= 2;",
    )
    .unwrap();
    let r = PgReader::open(&url, StoreOptions::default()).unwrap();
    assert_eq!(
        comparable((r.stats().unwrap(), r.dyads(&None, &None, 100).unwrap())),
        expected
    );
}
