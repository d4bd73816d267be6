//! The store on disk: a directory with `casus.sqlite` (the record, in WAL
//! mode) and `index/` (the text index, rebuilt from the record as needed).

use crate::checkpoint::Checkpointer;
use crate::error::{At, Result, StoreError};
use crate::index::TextIndex;
use crate::prepared::Prepared;
use crate::write::{put, Outcome};
use casus_core::Article;
use casus_story::{Stopwords, Weights};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use tantivy::IndexWriter;

/// The schema version this code reads and writes.
pub const SCHEMA_VERSION: i64 = 9;
const SCHEMA: &str = include_str!("schema.sql");
/// A pair's events newest first, however rare the pair is among its
/// source's events (schema 2).
const DYAD_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source_code, target_code, copy, day)";

/// How articles are grouped into copies and stories.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Two articles are copies from this Jaccard similarity of their
    /// five-word shingles.
    pub copy_similarity: f64,
    /// Articles further apart than this many days (by publication date)
    /// are never one story.
    pub window_days: i64,
    /// A story does not take an article published more than this many
    /// days after its first one: a chain of neighbours (New Hampshire's
    /// primary, then the next debate, then the March primaries) stops
    /// here and a new story starts.
    pub story_span_days: i64,
    pub weights: Weights,
    pub stopwords: Stopwords,
}

impl StoreOptions {
    /// What placing an article into copies and stories reads.
    pub fn placing(&self) -> casus_story::Placing {
        casus_story::Placing {
            copy_similarity: self.copy_similarity,
            window_days: self.window_days,
            story_span_days: self.story_span_days,
            weights: self.weights,
        }
    }
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            copy_similarity: 0.8,
            window_days: 3,
            story_span_days: 14,
            weights: Weights::default(),
            stopwords: Stopwords::builtin(),
        }
    }
}

/// The writing side of a store: one per store at a time.
pub struct Store {
    pub(crate) db_path: PathBuf,
    pub(crate) conn: Connection,
    index: TextIndex,
    /// Kept open for the store's life, so that tantivy's background merges
    /// run (a writer per batch would leave hundreds of small segments).
    writer: Option<IndexWriter>,
    /// Copies the WAL back into the database off the writer's thread.
    checkpointer: Option<Checkpointer>,
    pub(crate) options: StoreOptions,
}

/// The paths of a store directory's parts.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join("casus.sqlite")
}

pub fn index_path(dir: &Path) -> PathBuf {
    dir.join("index")
}

/// Opens (read-write, creating it) or checks (read-only) the database.
/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 96;

pub(crate) fn connect(path: &Path, write: bool) -> Result<Connection> {
    let flags = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no store here; fill one with `casus ingest PATH --db DIR` first",
                ),
            });
        }
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).at(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(30)).at(path)?;
    // Storing one article runs about thirty different statements, more
    // than rusqlite's default cache of 16 holds: each would be parsed
    // again for every article.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    if write {
        // WAL: readers (the server) never block the writer, and a crash
        // leaves the last committed transaction intact.
        conn.pragma_update(None, "journal_mode", "WAL").at(path)?;
        conn.pragma_update(None, "synchronous", "NORMAL").at(path)?;
        // Pages written back from the WAL every 64 MB rather than every
        // 4 MB: an index page that every batch touches is copied once per
        // checkpoint, not once per batch.
        conn.pragma_update(None, "wal_autocheckpoint", 16384).at(path)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .at(path)?;
        if version == 0 {
            conn.execute_batch(SCHEMA).at(path)?;
            schema_2(&conn, path)?;
            conn.execute_batch(SCHEMA_3).at(path)?;
            conn.execute_batch(SCHEMA_6).at(path)?;
            conn.execute_batch(crate::key_days::TABLE).at(path)?;
            // schema.sql is the whole current schema.
            conn.pragma_update(None, "user_version", SCHEMA_VERSION)
                .at(path)?;
        } else if version < SCHEMA_VERSION {
            migrate(&conn, version, path)?;
        } else if version != SCHEMA_VERSION {
            return Err(StoreError::Version {
                path: path.to_path_buf(),
                found: version,
                expected: SCHEMA_VERSION,
            });
        }
    }
    conn.pragma_update(None, "cache_size", -65536).at(path)?;
    // Sorts and temporary results in memory, not in temporary files.
    conn.pragma_update(None, "temp_store", "MEMORY").at(path)?;
    Ok(conn)
}

/// What schema 2 added: per-actor place totals for the event map, and an
/// index for a pair's events.
fn schema_2(conn: &Connection, path: &Path) -> Result<()> {
    conn.execute_batch(crate::actor_places::TABLE).at(path)?;
    conn.execute_batch(DYAD_INDEX).at(path)
}

/// What schema 3 changed: an actor id's events are read newest first from
/// an index that holds the day (schema 2 had `(source)` and `(target)`
/// only). Run for new stores too, so the indexes are defined once.
const SCHEMA_3: &str = "DROP INDEX IF EXISTS events_source_id;
DROP INDEX IF EXISTS events_target_id;
CREATE INDEX IF NOT EXISTS events_source_id_day ON events(source, copy, day) WHERE source IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_target_id_day ON events(target, copy, day) WHERE target IS NOT NULL;";

/// What schema 6 changed: a new article's story candidates and copy
/// candidates are read from the key and band indexes alone, which now
/// hold the article too (schema 5's held the key only, so each of the
/// thousands of rows read per article was looked up again in its table).
/// Run for new stores too, so the indexes are defined once.
const SCHEMA_6: &str = "DROP INDEX IF EXISTS keys_key;
CREATE INDEX IF NOT EXISTS keys_key_day_article ON keys(key, day, article);
DROP INDEX IF EXISTS bands_key;
CREATE INDEX IF NOT EXISTS bands_key_article ON bands(band, key, article);";

/// What schema 7 changed: a place may have no GeoNames id (an admin area
/// the gazetteer derives from its towns), so the column takes NULL.
const SCHEMA_7: &str = "CREATE TABLE places_7 (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
  lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER
);
INSERT INTO places_7 SELECT article, start, end, text, name, country, lat, lon, geonameid FROM places;
DROP TABLE places;
ALTER TABLE places_7 RENAME TO places;
CREATE INDEX IF NOT EXISTS places_article ON places(article);";

/// What schema 8 added: the admin areas of each event's place (ACLED's
/// `admin1` and `admin2`); events stored before have NULL there.
const SCHEMA_8: &[(&str, &str)] = &[("admin1", "TEXT"), ("admin2", "TEXT")];

/// What schema 5 added: each event's ACLED type, its actors' ACLED types
/// and its fatalities, as (column, type). Adding a column leaves the rows
/// where they are; events stored before have NULL there (re-ingest to
/// type them).
const SCHEMA_5: &[(&str, &str)] = &[
    ("acled_event_type", "TEXT"),
    ("acled_sub_event_type", "TEXT"),
    ("inter1", "INTEGER"),
    ("inter2", "INTEGER"),
    ("interaction", "INTEGER"),
    ("fatalities", "INTEGER"),
];

/// Adds schema 5's columns the events table does not have yet.
fn schema_5(conn: &Connection, path: &Path) -> Result<()> {
    add_event_columns(conn, SCHEMA_5, path)
}

/// Adds each (column, type) the events table does not have yet.
fn add_event_columns(conn: &Connection, columns: &[(&str, &str)], path: &Path) -> Result<()> {
    for (column, kind) in columns {
        let has: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('events') WHERE name = ?1",
                [column],
                |r| r.get(0),
            )
            .at(path)?;
        if has == 0 {
            conn.execute_batch(&format!("ALTER TABLE events ADD COLUMN {column} {kind};"))
                .at(path)?;
        }
    }
    Ok(())
}

/// The columns schema 4 lets be NULL (no date that can be right), each as
/// (table, the definition schema 3 wrote, the definition schema 4 writes).
const SCHEMA_4: &[(&str, &str, &str)] = &[
    (
        "articles",
        "day          INTEGER NOT NULL,",
        "day          INTEGER,",
    ),
    (
        "events",
        "date TEXT NOT NULL, day INTEGER NOT NULL,",
        "date TEXT, day INTEGER,",
    ),
    ("stories", "first_day INTEGER NOT NULL,", "first_day INTEGER,"),
    ("stories", "last_day INTEGER NOT NULL,", "last_day INTEGER,"),
];

/// What schema 4 changed: undated articles and events have NULL days
/// instead of made-up ones. Removing a NOT NULL constraint does not change
/// how rows are stored, so the table definitions are edited in place, as
/// SQLite documents for this change ("ALTER TABLE", section "Making other
/// kinds of table schema changes"): no table is copied, whatever the size
/// of the store. Checked afterwards with `PRAGMA table_info`.
fn schema_4(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row("PRAGMA schema_version", [], |r| r.get(0))
        .at(path)?;
    conn.pragma_update(None, "writable_schema", "ON").at(path)?;
    let edited = (|| {
        for (table, old, new) in SCHEMA_4 {
            conn.execute(
                "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) WHERE type = 'table' AND name = ?1",
                [table, old, new],
            )
            .at(path)?;
        }
        conn.pragma_update(None, "schema_version", version + 1).at(path)
    })();
    conn.pragma_update(None, "writable_schema", "OFF").at(path)?;
    edited?;
    for (table, column) in [
        ("articles", "day"),
        ("events", "date"),
        ("events", "day"),
        ("stories", "first_day"),
        ("stories", "last_day"),
    ] {
        let not_null: i64 = conn
            .query_row(
                &format!("SELECT \"notnull\" FROM pragma_table_info('{table}') WHERE name = ?1"),
                [column],
                |r| r.get(0),
            )
            .at(path)?;
        if not_null != 0 {
            return Err(StoreError::Migration {
                path: path.to_path_buf(),
                to: 4,
                message: format!("`{table}.{column}` is not defined as casus wrote it; it stays NOT NULL"),
            });
        }
    }
    Ok(())
}

/// Brings a store made by an older casus up to [`SCHEMA_VERSION`], in one
/// transaction: all of it or nothing.
fn migrate(conn: &Connection, from: i64, path: &Path) -> Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE").at(path)?;
    let done = (|| {
        if from < 2 {
            schema_2(conn, path)?;
            crate::actor_places::backfill(conn, path)?;
        }
        if from < 3 {
            conn.execute_batch(SCHEMA_3).at(path)?;
        }
        if from < 4 {
            schema_4(conn, path)?;
        }
        if from < 5 {
            schema_5(conn, path)?;
        }
        if from < 6 {
            conn.execute_batch(SCHEMA_6).at(path)?;
        }
        if from < 7 {
            conn.execute_batch(SCHEMA_7).at(path)?;
        }
        if from < 8 {
            add_event_columns(conn, SCHEMA_8, path)?;
        }
        if from < 9 {
            // Keyword counts per day for story rarity, from the keys.
            conn.execute_batch(crate::key_days::TABLE).at(path)?;
            crate::key_days::backfill(conn, path)?;
        }
        conn.pragma_update(None, "user_version", SCHEMA_VERSION).at(path)
    })();
    conn.execute_batch(if done.is_ok() { "COMMIT" } else { "ROLLBACK" })
        .at(path)?;
    done
}

impl Store {
    /// Opens the store in `dir`, creating it if needed, and brings the
    /// text index up to date with the database.
    pub fn open(dir: &Path, options: StoreOptions) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let db_path = db_path(dir);
        let conn = connect(&db_path, true)?;
        let index_dir = index_path(dir);
        if TextIndex::outdated(&index_dir)? {
            // Articles are marked unindexed before the old index goes, so
            // that a crash in between still ends in a whole rebuild.
            conn.execute("UPDATE articles SET indexed = 0", []).at(&db_path)?;
            std::fs::remove_dir_all(&index_dir).map_err(|source| StoreError::Io {
                path: index_dir.clone(),
                source,
            })?;
        }
        let index = TextIndex::open(&index_dir)?;
        // Checkpoints happen on their own thread (checkpoint.rs).
        conn.pragma_update(None, "wal_autocheckpoint", 0).at(&db_path)?;
        let checkpointer = Some(Checkpointer::start(&db_path)?);
        let mut store = Store {
            db_path,
            conn,
            index,
            writer: None,
            checkpointer,
            options,
        };
        store.sync_index()?;
        Ok(store)
    }

    /// Stores a batch of articles in one transaction, then indexes their
    /// text. Either the whole batch is in the database or none of it.
    pub fn put_batch(&mut self, articles: &[Article]) -> Result<Vec<Outcome>> {
        let prepared: Vec<Prepared> = articles.iter().map(|a| Prepared::of(a, &self.options)).collect();
        self.put_prepared(articles, &prepared)
    }

    /// [`Store::put_batch`] with each article's [`Prepared`] digest made
    /// beforehand (with [`Store::options`]), on another thread: `prepared[i]`
    /// is `articles[i]`'s.
    pub fn put_prepared(&mut self, articles: &[Article], prepared: &[Prepared]) -> Result<Vec<Outcome>> {
        assert_eq!(articles.len(), prepared.len(), "one digest per article");
        let path = self.db_path.clone();
        let tx = self.conn.transaction().at(&path)?;
        let mut out = Vec::with_capacity(articles.len());
        for (a, p) in articles.iter().zip(prepared) {
            out.push(put(&tx, a, p, &self.options, &path)?);
        }
        tx.commit().at(&path)?;
        self.index_new(articles)?;
        if let Some(c) = &self.checkpointer {
            c.nudge();
        }
        Ok(out)
    }

    /// The options the store was opened with.
    pub fn options(&self) -> &StoreOptions {
        &self.options
    }

    /// Indexes every article the database has and the index lacks; then
    /// marks them indexed. Idempotent: a crash anywhere is repaired by the
    /// next call.
    pub fn sync_index(&mut self) -> Result<usize> {
        self.index_new(&[])
    }

    /// [`Store::sync_index`], taking the title and text of the articles
    /// just stored from `fresh` rather than from their records in the
    /// database (reading a text back out of its JSON record costs more
    /// than indexing it).
    fn index_new(&mut self, fresh: &[Article]) -> Result<usize> {
        let path = self.db_path.clone();
        let fresh: std::collections::HashMap<&str, &Article> =
            fresh.iter().map(|a| (a.id.as_str(), a)).collect();
        let todo: Vec<(i64, String, String, String)> = {
            let mut st = self
                .conn
                .prepare("SELECT rowid, id FROM articles WHERE indexed = 0")
                .at(&path)?;
            let unindexed = st
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .at(&path)?
                .collect::<Result<Vec<_>, _>>()
                .at(&path)?;
            let mut from_record = self
                .conn
                .prepare_cached("SELECT coalesce(title, ''), record FROM articles WHERE rowid = ?1")
                .at(&path)?;
            let mut todo = Vec::with_capacity(unindexed.len());
            for (rowid, id) in unindexed {
                let (title, text) = match fresh.get(id.as_str()) {
                    Some(a) => (a.title.clone().unwrap_or_default(), a.text.clone()),
                    None => from_record
                        .query_row([rowid], |r| {
                            Ok((
                                r.get(0)?,
                                crate::record::text_of(&r.get::<_, crate::record::Record>(1)?),
                            ))
                        })
                        .at(&path)?,
                };
                todo.push((rowid, id, title, text));
            }
            todo
        };
        if todo.is_empty() {
            return Ok(0);
        }
        if self.writer.is_none() {
            self.writer = Some(self.index.writer()?);
        }
        let w = self.writer.as_mut().expect("just made");
        for (_, id, title, text) in &todo {
            self.index.put(w, id, title, text)?;
        }
        w.commit().map_err(|source| StoreError::Index {
            path: path.clone(),
            source,
        })?;
        let tx = self.conn.transaction().at(&path)?;
        {
            let mut mark = tx
                .prepare("UPDATE articles SET indexed = 1 WHERE rowid = ?1")
                .at(&path)?;
            for (rowid, ..) in &todo {
                mark.execute([rowid]).at(&path)?;
            }
        }
        tx.commit().at(&path)?;
        Ok(todo.len())
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Waits for the text index's merges to finish, then closes the store.
    /// (Dropping a store instead is safe: unfinished merges are redone.)
    pub fn close(mut self) -> Result<()> {
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads().map_err(|source| StoreError::Index {
                path: self.db_path.clone(),
                source,
            })?;
        }
        match self.checkpointer.take() {
            Some(c) => c.finish(),
            None => Ok(()),
        }
    }
}
