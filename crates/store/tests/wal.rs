//! The write-ahead log is checkpointed off the writer's thread and emptied
//! when the store is closed.

use casus_store::{Store, StoreOptions};
use std::path::Path;

fn wal_bytes(dir: &Path) -> u64 {
    std::fs::metadata(dir.join("casus.sqlite-wal"))
        .map(|m| m.len())
        .unwrap_or(0)
}

#[test]
fn a_closed_store_leaves_its_wal_empty_and_its_articles_in_the_database() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stories.jsonl");
    let articles = casus_pipeline::articles_of(&[corpus]);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), StoreOptions::default()).unwrap();
    store.put_batch(&articles).unwrap();
    assert!(wal_bytes(dir.path()) > 0, "the batch went to the WAL first");
    store.close().unwrap();
    assert_eq!(wal_bytes(dir.path()), 0);
    // Another connection, with no WAL to read, sees every article.
    let conn = rusqlite::Connection::open(dir.path().join("casus.sqlite")).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n as usize, articles.len());
}
