//! Keyword counts per day (`key_days`, the rarity of story keywords):
//! always what the stored keys say, after new articles, a replaced one
//! and an upgrade from a store that had none.

use casus_core::Article;
use casus_store::{Store, StoreOptions};
use rusqlite::Connection;
use std::path::Path;

fn corpus() -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stories.jsonl");
    casus_pipeline::articles_of(&[path])
}

/// Rows of `key_days`: key, day, articles.
type Counts = Vec<(String, i64, i64)>;

/// `key_days` as stored, and as counted again from `keys`, both without
/// rows at zero and sorted.
fn stored_and_recounted(dir: &Path) -> (Counts, Counts) {
    let c = Connection::open(casus_store::db_path(dir)).unwrap();
    let rows = |sql: &str| -> Counts {
        c.prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let stored = rows("SELECT key, day, articles FROM key_days WHERE articles > 0 ORDER BY 1, 2");
    let recounted = rows(
        "SELECT key, day, n FROM (
           SELECT key, day, count(*) AS n FROM keys WHERE substr(key, 1, 2) = 'w:' GROUP BY key, day
           UNION ALL SELECT '#', day, count(DISTINCT article) FROM keys GROUP BY day)
         ORDER BY 1, 2",
    );
    (stored, recounted)
}

#[test]
fn keyword_counts_are_those_of_the_stored_keys_after_a_new_version_replaces_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let arts = corpus();
    let mut s = Store::open(dir.path(), StoreOptions::default()).unwrap();
    s.put_batch(&arts).unwrap();
    let mut changed = arts.iter().find(|a| a.id == "armenia-2").unwrap().clone();
    changed
        .text
        .push_str(&"\n\nReservoirs were full, said the report on reservoirs.".repeat(8));
    s.put_batch(&[changed]).unwrap();
    drop(s);
    let (stored, recounted) = stored_and_recounted(dir.path());
    assert_eq!(stored, recounted);
    // Copies and undated articles store no keys: fewer articles than 21.
    let all: i64 = stored.iter().filter(|r| r.0 == "#").map(|r| r.2).sum();
    assert!((10..21).contains(&all), "{all}");
    assert!(stored.iter().any(|r| r.0 == "w:reservoirs"));
}

#[test]
fn a_store_without_keyword_counts_gets_them_when_it_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path(), StoreOptions::default()).unwrap();
    s.put_batch(&corpus()).unwrap();
    drop(s);
    let (before, _) = stored_and_recounted(dir.path());
    let c = Connection::open(casus_store::db_path(dir.path())).unwrap();
    c.execute_batch("DROP TABLE key_days; PRAGMA user_version = 8;")
        .unwrap();
    drop(c);
    drop(Store::open(dir.path(), StoreOptions::default()).unwrap());
    let (after, recounted) = stored_and_recounted(dir.path());
    assert_eq!(after, before);
    assert_eq!(after, recounted);
}
