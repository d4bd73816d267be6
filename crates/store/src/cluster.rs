//! Copies and stories, found through the database's band and key indexes
//! (the choice itself is `casus_story::place`, shared with every backend;
//! this is its SQLite side), so that the cost of placing a new article
//! does not grow with the store.

use crate::articles::{summary, ArticleSummary, SUMMARY};
use crate::error::{At, Result, StoreError};
use crate::record::{text_of, Record};
use crate::related::{Articles, Head};
use crate::StoreOptions;
use casus_story::place::{self, Original, StoredArticle, StoryDays};
use casus_story::{Keys, Lookup};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// The lookups of `casus_story::place` on a SQLite store.
///
/// Their limits are written into the SQL, not bound: SQLite plans with a
/// bound LIMIT's value, so a statement whose LIMIT is a parameter is
/// compiled again on every run (SQLITE_STMTSTATUS_REPREPARE counted one
/// re-preparation per run), which cost storing an article more than the
/// lookups themselves. The limits are constants of `casus_story::place`,
/// so each statement is still prepared once and cached.
pub(crate) struct Sqlite<'a> {
    pub db: &'a Connection,
    pub path: &'a Path,
}

/// The articles of one MinHash band's key, at most `limit`.
fn bands_sql(limit: usize) -> String {
    format!("SELECT article FROM bands WHERE band = ?1 AND key = ?2 LIMIT {limit}")
}

/// The articles of one story key in a range of days, newest first, in
/// index order: no sort, and the scan stops at the limit however common
/// the key.
fn keys_sql(limit: usize) -> String {
    format!(
        "SELECT article FROM keys WHERE key = ?1 AND day BETWEEN ?2 AND ?3
         ORDER BY day DESC LIMIT {limit}"
    )
}

impl Lookup for Sqlite<'_> {
    type Error = StoreError;

    fn band_articles(&mut self, bands: &[i64], limit: usize) -> Result<Vec<i64>> {
        let mut st = self.db.prepare_cached(&bands_sql(limit)).at(self.path)?;
        let mut out = Vec::new();
        for (b, key) in bands.iter().enumerate() {
            let rows = st.query_map(params![b as i64, key], |r| r.get(0)).at(self.path)?;
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
        let mut st = self.db.prepare_cached(&keys_sql(limit)).at(self.path)?;
        let mut out = Vec::new();
        for (k, key) in keys.iter().enumerate() {
            let rows = st.query_map(params![key, lo, hi], |r| r.get(0)).at(self.path)?;
            for r in rows {
                out.push((k, r.at(self.path)?));
            }
        }
        Ok(out)
    }

    fn key_counts(&mut self, keys: &[String], lo: i64, hi: i64) -> Result<Vec<i64>> {
        crate::key_days::counts(self.db, keys, lo, hi, self.path)
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

impl Articles for Sqlite<'_> {
    fn rowid_of(&mut self, id: &str) -> Result<Option<i64>> {
        self.db
            .prepare_cached("SELECT rowid FROM articles WHERE id = ?1")
            .at(self.path)?
            .query_row([id], |r| r.get(0))
            .optional()
            .at(self.path)
    }

    fn head(&mut self, rowid: i64) -> Result<Head> {
        self.db
            .prepare_cached("SELECT id, day, story, copy_of FROM articles WHERE rowid = ?1")
            .at(self.path)?
            .query_row([rowid], |x| {
                Ok(Head {
                    id: x.get(0)?,
                    day: x.get(1)?,
                    story: x.get(2)?,
                    copy_of: x.get(3)?,
                })
            })
            .at(self.path)
    }

    fn keys_of(&mut self, rowid: i64) -> Result<Vec<String>> {
        self.db
            .prepare_cached("SELECT key FROM keys WHERE article = ?1")
            .at(self.path)?
            .query_map([rowid], |x| x.get(0))
            .at(self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(self.path)
    }

    fn copies(&mut self, canonical: &str, id: &str) -> Result<Vec<ArticleSummary>> {
        self.db
            .prepare_cached(&format!(
                "SELECT {SUMMARY} FROM articles WHERE (copy_of = ?1 OR id = ?1) AND id != ?2"
            ))
            .at(self.path)?
            .query_map([canonical, id], summary)
            .at(self.path)?
            .collect::<rusqlite::Result<_>>()
            .at(self.path)
    }

    fn summary(&mut self, rowid: i64) -> Result<ArticleSummary> {
        self.db
            .prepare_cached(&format!("SELECT {SUMMARY} FROM articles WHERE rowid = ?1"))
            .at(self.path)?
            .query_row([rowid], summary)
            .at(self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::StatementStatus;

    #[test]
    fn a_lookup_is_compiled_once_not_again_on_every_run() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(
            "CREATE TABLE bands (band INTEGER, key INTEGER, article INTEGER);
             CREATE INDEX bands_key_article ON bands(band, key, article);
             CREATE TABLE keys (key TEXT, day INTEGER, article INTEGER);
             CREATE INDEX keys_key_day_article ON keys(key, day, article);
             INSERT INTO bands VALUES (0, 7, 1), (1, 8, 1), (0, 7, 2);
             INSERT INTO keys VALUES ('w:harbour', 10, 1), ('w:harbour', 11, 2);",
        )
        .unwrap();
        let mut lookup = Sqlite {
            db: &db,
            path: Path::new(":memory:"),
        };
        for day in 9..14 {
            assert_eq!(lookup.band_articles(&[7, 8], 5).unwrap(), vec![1, 2, 1]);
            let found = lookup.key_articles(&["w:harbour".into()], 0, day, 5).unwrap();
            assert_eq!(found.len(), usize::from(day >= 10) + usize::from(day >= 11));
        }
        // One run per band looked up, one per key.
        for (sql, runs) in [(bands_sql(5), 10), (keys_sql(5), 5)] {
            let st = db.prepare_cached(&sql).unwrap();
            assert_eq!(st.get_status(StatementStatus::Run), runs, "{sql}");
            assert_eq!(st.get_status(StatementStatus::RePrepare), 0, "{sql}");
        }
    }
}
