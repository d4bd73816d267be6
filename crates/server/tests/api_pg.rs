//! The API's tests (`common/api.rs`) over a PostgreSQL store: the same
//! requests get the same answers as over SQLite. Needs a server
//! (`casus_pg::testing::fresh_db`); skipped, said on stderr, without one.

use casus_pg::{PgReader, PgStore};
use casus_store::{ReadStore, StoreOptions};

#[path = "common/api.rs"]
mod api;

/// The PostgreSQL store of `articles` (in a fresh database).
fn reader(articles: &[casus_core::Article]) -> Option<(Box<dyn ReadStore>, tempfile::TempDir)> {
    let url = casus_pg::testing::fresh_db("the API over PostgreSQL")?;
    PgStore::open(&url, StoreOptions::default())
        .unwrap()
        .put_batch(articles)
        .unwrap();
    let reader = PgReader::open(&url, StoreOptions::default()).unwrap();
    Some((Box::new(reader), tempfile::tempdir().unwrap()))
}
