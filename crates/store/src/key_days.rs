//! Running counts of story keywords per day (`key_days`): how rare a
//! keyword is around a new article's day (`casus_story::rarity`) is read
//! from a few rows per keyword, however large the store.
//!
//! Each article with story keys (dated, not a copy) counts once for each
//! of its keywords on its day, and once under `#` (every keyed article).

use crate::error::{At, Result};
use casus_story::rarity;
use rusqlite::{params, Connection};
use std::path::Path;

/// The table: made with the rest of the schema in a new store, and by the
/// migration to schema 9 in an older one (then filled from `keys`).
pub(crate) const TABLE: &str = "
CREATE TABLE IF NOT EXISTS key_days (
  key TEXT NOT NULL, day INTEGER NOT NULL, articles INTEGER NOT NULL,
  PRIMARY KEY (key, day)
) WITHOUT ROWID;";

/// Counts an article's `keys` (all of them, with their prefixes) on `day`.
pub(crate) fn count<'a>(
    db: &Connection,
    keys: impl Iterator<Item = &'a str>,
    day: i64,
    path: &Path,
) -> Result<()> {
    let mut st = db
        .prepare_cached(
            "INSERT INTO key_days (key, day, articles) VALUES (?1, ?2, 1)
             ON CONFLICT (key, day) DO UPDATE SET articles = articles + 1",
        )
        .at(path)?;
    for key in keys.filter(|k| rarity::counted(k)).chain([rarity::ALL]) {
        st.execute(params![key, day]).at(path)?;
    }
    Ok(())
}

/// Takes out the counts of a stored article (before its keys go).
pub(crate) fn uncount(db: &Connection, rowid: i64, path: &Path) -> Result<()> {
    db.prepare_cached(
        "UPDATE key_days SET articles = articles - 1
         WHERE (key, day) IN (SELECT key, day FROM keys WHERE article = ?1 AND substr(key, 1, 2) = 'w:'
                              UNION SELECT '#', day FROM keys WHERE article = ?1)",
    )
    .at(path)?
    .execute([rowid])
    .at(path)?;
    Ok(())
}

/// Fills the table from the stored keys (an older store's upgrade),
/// counting again whatever it held.
pub(crate) fn backfill(db: &Connection, path: &Path) -> Result<()> {
    db.execute_batch(
        "DELETE FROM key_days;
         INSERT INTO key_days (key, day, articles)
           SELECT key, day, count(*) FROM keys WHERE substr(key, 1, 2) = 'w:' GROUP BY key, day;
         INSERT INTO key_days (key, day, articles)
           SELECT '#', day, count(DISTINCT article) FROM keys GROUP BY day;",
    )
    .at(path)
}

/// For each of `keys`, how many articles have it on a day from `lo` to
/// `hi`.
pub(crate) fn counts(db: &Connection, keys: &[String], lo: i64, hi: i64, path: &Path) -> Result<Vec<i64>> {
    let mut st = db
        .prepare_cached(
            "SELECT coalesce(sum(articles), 0) FROM key_days WHERE key = ?1 AND day BETWEEN ?2 AND ?3",
        )
        .at(path)?;
    keys.iter()
        .map(|k| st.query_row(params![k, lo, hi], |r| r.get(0)).at(path))
        .collect()
}
