//! What a store holds, in a form a run can ask without the database: so
//! that `casus ingest` of articles already stored skips them before the
//! language stages, instead of coding them to find them unchanged.

use crate::error::At;
use crate::store::Store;
use crate::Result;
use casus_story::content_hash;
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// The stored articles' ids and content hashes, read once when a run
/// starts: 16 bytes an article (16 MB for a million), where the ids
/// themselves would take several times that. Two different ids whose
/// 64-bit hashes collide *and* whose texts' hashes match the stored one
/// would be taken for stored; the odds are nil.
#[derive(Debug, Default, Clone)]
pub struct Stored {
    hashes: HashMap<u64, i64>,
}

impl Stored {
    /// Whether article `id` is stored with this very text (as
    /// [`Store::put_batch`] judges it: by [`content_hash`]).
    pub fn holds(&self, id: &str, text: &str) -> bool {
        self.hashes
            .get(&xxh3_64(id.as_bytes()))
            .is_some_and(|&h| h == content_hash(text) as i64)
    }

    /// From stored `(id, content_hash)` pairs, as any backend reads them.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, i64)>) -> Stored {
        Stored {
            hashes: pairs
                .into_iter()
                .map(|(id, h)| (xxh3_64(id.as_bytes()), h))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

impl Store {
    /// What the store holds now (see [`Stored`]).
    pub fn stored(&self) -> Result<Stored> {
        let path = &self.db_path;
        let mut st = self
            .conn
            .prepare("SELECT id, content_hash FROM articles")
            .at(path)?;
        let rows = st
            .query_map([], |r| {
                let id: String = r.get(0)?;
                Ok((xxh3_64(id.as_bytes()), r.get::<_, i64>(1)?))
            })
            .at(path)?;
        let hashes = rows.collect::<std::result::Result<_, _>>().at(path)?;
        Ok(Stored { hashes })
    }
}
