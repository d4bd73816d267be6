//! The API's tests (`common/api.rs`) over a SQLite store.

use casus_store::{ReadStore, Reader, Store, StoreOptions};

#[path = "common/api.rs"]
mod api;

/// The SQLite store of `articles` and its directory.
fn reader(articles: &[casus_core::Article]) -> Option<(Box<dyn ReadStore>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path(), StoreOptions::default())
        .unwrap()
        .put_batch(articles)
        .unwrap();
    let reader = Reader::open(dir.path(), StoreOptions::default()).unwrap();
    Some((Box::new(reader), dir))
}
