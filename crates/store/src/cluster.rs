//! Copies and stories, found through the database's band and key indexes
//! (the choice itself is `casus_story::place`, shared with every backend;
//! this is its SQLite side), so that the cost of placing a new article
//! does not grow with the store.

use crate::error::{At, Result, StoreError};
use crate::record::{text_of, Record};
use crate::StoreOptions;
use casus_story::place::{self, Candidate, Original, StoredArticle, StoryDays};
use casus_story::{Keys, Lookup, Score};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// The lookups of `casus_story::place` on a SQLite store.
pub(crate) struct Sqlite<'a> {
    pub db: &'a Connection,
    pub path: &'a Path,
}

impl Lookup for Sqlite<'_> {
    type Error = StoreError;

    fn band_articles(&mut self, bands: &[i64], limit: usize) -> Result<Vec<i64>> {
        let mut st = self
            .db
            .prepare_cached("SELECT article FROM bands WHERE band = ?1 AND key = ?2 LIMIT ?3")
            .at(self.path)?;
        let mut out = Vec::new();
        for (b, key) in bands.iter().enumerate() {
            let rows = st
                .query_map(params![b as i64, key, limit as i64], |r| r.get(0))
                .at(self.path)?;
            for r in rows {
                out.push(r.at(self.path)?);
            }
        }
        Ok(out)
    }

    fn article(&mut self, article: i64) -> Result<StoredArticle> {
        // Only the title and text of the stored record are needed.
        self.db
            .prepare_cached("SELECT id, copy_of, story, title, record FROM articles WHERE rowid = ?1")
            .at(self.path)?
            .query_row([article], |r| {
                Ok(StoredArticle {
                    id: r.get(0)?,
                    copy_of: r.get(1)?,
                    story: r.get(2)?,
                    title: r.get(3)?,
                    text: text_of(&r.get::<_, Record>(4)?),
                })
            })
            .at(self.path)
    }

    fn key_articles(&mut self, keys: &[String], lo: i64, hi: i64, limit: usize) -> Result<Vec<(usize, i64)>> {
        let mut st = self
            .db
            .prepare_cached(
                // Newest first, in index order: no sort, and the scan
                // stops at the limit however common the key.
                "SELECT article FROM keys WHERE key = ?1 AND day BETWEEN ?2 AND ?3
                 ORDER BY day DESC LIMIT ?4",
            )
            .at(self.path)?;
        let mut out = Vec::new();
        for (k, key) in keys.iter().enumerate() {
            let rows = st
                .query_map(params![key, lo, hi, limit as i64], |r| r.get(0))
                .at(self.path)?;
            for r in rows {
                out.push((k, r.at(self.path)?));
            }
        }
        Ok(out)
    }

    fn stories_of(&mut self, articles: &[i64]) -> Result<Vec<(String, i64)>> {
        let mut st = self
            .db
            .prepare_cached("SELECT story, keywords FROM articles WHERE rowid = ?1")
            .at(self.path)?;
        articles
            .iter()
            .map(|a| st.query_row([a], |r| Ok((r.get(0)?, r.get(1)?))).at(self.path))
            .collect()
    }

    fn story_days(&mut self, story: &str) -> Result<Option<StoryDays>> {
        self.db
            .prepare_cached("SELECT first_day, last_day FROM stories WHERE id = ?1")
            .at(self.path)?
            .query_row([story], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .at(self.path)
    }
}

/// The canonical article that `sh` copies, if any.
pub(crate) fn find_copy(
    db: &Connection,
    bands: &[i64],
    sh: &[u64],
    threshold: f64,
    path: &Path,
) -> Result<Option<Original>> {
    place::find_copy(&mut Sqlite { db, path }, bands, sh, threshold)
}

/// Candidates scored against `keys`, best first.
pub(crate) fn scored(
    db: &Connection,
    keys: &Keys,
    day: Option<i64>,
    exclude: Option<i64>,
    o: &StoreOptions,
    path: &Path,
) -> Result<Vec<(Candidate, Score)>> {
    place::scored(
        &mut Sqlite { db, path },
        keys,
        day,
        exclude,
        o.window_days,
        &o.weights,
    )
}

/// The story a new article joins, if any.
pub(crate) fn best_story(
    db: &Connection,
    keys: &Keys,
    day: Option<i64>,
    o: &StoreOptions,
    path: &Path,
) -> Result<Option<String>> {
    place::best_story(&mut Sqlite { db, path }, keys, day, &o.placing())
}
