//! A fresh database per test (`casus_pg::testing`) and our corpus.

#![allow(dead_code)]

use casus_core::Article;
use std::path::Path;

pub use casus_pg::testing::fresh_db;

/// Our 21-article story corpus (written for the SQLite store's tests).
pub fn corpus() -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/data/stories.jsonl");
    let out = casus_pipeline::articles_of(&[path]);
    assert_eq!(out.len(), 21);
    out
}
