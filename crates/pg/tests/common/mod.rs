//! A fresh database per test on the server `CASUS_TEST_PG` names
//! (`scripts/postgres.sh start` starts one and prints its URL; CI sets
//! it). Without it, each test says loudly that it was skipped.

#![allow(dead_code)]

use casus_core::Article;
use std::path::Path;

/// The URL of a new, empty database, or `None` (and a notice on stderr)
/// when no test server is configured.
pub fn fresh_db(test: &str) -> Option<String> {
    let Some(url) = std::env::var("CASUS_TEST_PG").ok().filter(|u| !u.is_empty()) else {
        // CI starts a server: there, a missing one is a broken setup.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs the PostgreSQL tests: .ci/run sets CASUS_TEST_PG"
        );
        eprintln!(
            "SKIPPED {test}: CASUS_TEST_PG is not set; run `export CASUS_TEST_PG=$(scripts/postgres.sh start)` to run it"
        );
        return None;
    };
    let (base, _) = url.rsplit_once('/').expect("a URL with a database");
    let name = format!("casus_t_{:016x}", fastrand::u64(..));
    let (mut client, _) = casus_pg::connect(&url).expect("the test server");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("a test database");
    Some(format!("{base}/{name}"))
}

/// Our 21-article story corpus (written for the SQLite store's tests).
pub fn corpus() -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/data/stories.jsonl");
    let out = casus_pipeline::articles_of(&[path]);
    assert_eq!(out.len(), 21);
    out
}
