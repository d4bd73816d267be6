//! What storing an article computes from the article alone, before the
//! database is touched: its content hash, its day, its shingles and
//! MinHash bands, its story keys and its compressed record.
//!
//! Kept apart from the writing so that a caller with spare threads can
//! prepare the next articles while the database's single writer stores the
//! last ones: `casus ingest` prepares on the thread that hands articles
//! to the writer. [`Store::put_batch`](crate::Store::put_batch) prepares
//! on the spot.

use crate::write::article_day;
use crate::StoreOptions;
use casus_core::Article;
use casus_story::place::body;
use casus_story::{content_hash, minhash, shingles, Keys};

/// An article's store-side digest; see the module documentation.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(crate) hash: i64,
    pub(crate) day: Option<i64>,
    pub(crate) shingles: Vec<u64>,
    pub(crate) bands: Vec<i64>,
    pub(crate) keys: Keys,
    pub(crate) record: Vec<u8>,
}

impl Prepared {
    /// Digests `a` for a store opened with the options `o`.
    pub fn of(a: &Article, o: &StoreOptions) -> Prepared {
        let sh = shingles(body(a.title.as_deref(), &a.text));
        Prepared {
            hash: content_hash(&a.text) as i64,
            day: article_day(a.published.as_deref()),
            bands: minhash::bands(&sh),
            shingles: sh,
            keys: Keys::of(a, &o.stopwords),
            record: crate::record::pack(a),
        }
    }
}
