//! Daily totals per actor and place (`actor_place_days`): where an actor's
//! events happen, so the event map for a busy actor reads thousands of
//! total rows instead of scanning its hundreds of thousands of events.
//!
//! An event counts once for its source's code and once for its target's
//! (once in all when both are the same actor), like `actor=` on
//! `/api/events`. Only located events of originals (not copies) count.

use crate::error::{At, Result};
use rusqlite::{params, Connection};
use std::path::Path;

/// The table: made with the rest of the schema in a new store, and by the
/// migration to schema 2 in an older one.
pub(crate) const TABLE: &str = "
CREATE TABLE IF NOT EXISTS actor_place_days (
  actor TEXT NOT NULL, place TEXT NOT NULL, day INTEGER NOT NULL,
  name TEXT NOT NULL, country TEXT, lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER,
  events INTEGER NOT NULL, goldstein REAL NOT NULL,
  PRIMARY KEY (actor, day, place)
) WITHOUT ROWID;";

/// Each located event of the selected articles once per distinct actor
/// code on it: (actor, place key, day, name, country, lat, lon, geonameid,
/// goldstein). `UNION` (not `UNION ALL`) drops the second side of an event
/// whose source and target are the same actor; the rowid keeps two events
/// apart.
fn sides(articles: &str) -> String {
    let side = |col: &str| {
        format!(
            "SELECT {col} AS actor, coalesce(CAST(geonameid AS TEXT), place) AS place, day, place AS name,
                    place_country AS country, lat, lon, geonameid, goldstein, rowid AS r
             FROM events WHERE {articles} AND copy = 0 AND day IS NOT NULL AND lat IS NOT NULL AND lon IS NOT NULL
               AND coalesce({col}, '') != ''"
        )
    };
    format!("{} UNION {}", side("source_code"), side("target_code"))
}

/// Adds the located events of the articles `articles` selects (an SQL
/// condition on `events`).
fn add(articles: &str) -> String {
    format!(
        "INSERT INTO actor_place_days (actor, place, day, name, country, lat, lon, geonameid, events, goldstein)
         SELECT actor, place, day, max(name), max(country), max(lat), max(lon), max(geonameid), count(*), sum(goldstein)
         FROM ({}) WHERE true GROUP BY actor, place, day
         ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein",
        sides(articles)
    )
}

/// Fills the table from the stored events (the migration to schema 2).
pub(crate) fn backfill(db: &Connection, path: &Path) -> Result<()> {
    db.execute_batch(&add("1")).at(path)
}

/// Adds the located events of the article at `rowid`.
pub(crate) fn count(db: &Connection, rowid: i64, path: &Path) -> Result<()> {
    db.prepare_cached(&add("article = ?1"))
        .at(path)?
        .execute(params![rowid])
        .at(path)?;
    Ok(())
}

/// Takes the events of the article at `rowid` out (before it is replaced).
pub(crate) fn uncount(db: &Connection, rowid: i64, path: &Path) -> Result<()> {
    db.prepare_cached(&format!(
        "UPDATE actor_place_days SET events = events - x.n, goldstein = goldstein - x.g
         FROM (SELECT actor AS a, place AS k, day AS d, count(*) AS n, sum(goldstein) AS g
               FROM ({}) GROUP BY 1, 2, 3) AS x
         WHERE actor = x.a AND place = x.k AND day = x.d",
        sides("article = ?1")
    ))
    .at(path)?
    .execute(params![rowid])
    .at(path)?;
    Ok(())
}
