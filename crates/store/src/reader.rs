//! The reading side: a pool of read-only connections and the text index's
//! reader. Many readers may run while one `casus ingest` writes (WAL).

use crate::error::{At, Result, StoreError};
use crate::index::TextIndex;
use crate::store::{connect, db_path, index_path};
use crate::StoreOptions;
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tantivy::IndexReader;

pub struct Reader {
    pub(crate) db_path: PathBuf,
    pool: Mutex<Vec<Connection>>,
    pub(crate) index: TextIndex,
    pub(crate) text_reader: IndexReader,
    pub(crate) options: StoreOptions,
    /// Recent stats and list totals.
    cache: crate::cache::Cache,
}

/// One page of a list, with the size of the whole list.
#[derive(Debug, Clone, Serialize)]
pub struct List<T> {
    pub total: u64,
    pub limit: usize,
    pub offset: usize,
    pub items: Vec<T>,
}

impl<T> List<T> {
    pub fn new(total: u64, page: Page, items: Vec<T>) -> List<T> {
        List {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        }
    }
}

/// Which page of a list: at most `limit` items from `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

/// The largest page served.
pub const MAX_LIMIT: usize = 1000;

impl Default for Page {
    fn default() -> Self {
        Page { limit: 50, offset: 0 }
    }
}

impl Page {
    pub fn new(limit: usize, offset: usize) -> Result<Page> {
        if limit == 0 || limit > MAX_LIMIT {
            return Err(StoreError::bad(
                "limit",
                format!("expected 1 to {MAX_LIMIT}, got {limit}"),
            ));
        }
        Ok(Page { limit, offset })
    }
}

impl Reader {
    /// Opens the store in `dir` for reading; it must exist.
    pub fn open(dir: &Path, options: StoreOptions) -> Result<Reader> {
        let db_path = db_path(dir);
        let mut first = connect(&db_path, false)?;
        let version: i64 = first
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .at(&db_path)?;
        if version < crate::store::SCHEMA_VERSION {
            // A store made by an older casus: a writing connection upgrades
            // it (in one transaction) before it is read.
            drop(connect(&db_path, true)?);
            first = connect(&db_path, false)?;
        }
        if TextIndex::outdated(&index_path(dir))? {
            // An index of an older layout: a writing store rebuilds it
            // from the records first.
            crate::store::Store::open(dir, options.clone())?.close()?;
        }
        let index = TextIndex::open(&index_path(dir))?;
        let text_reader = index.reader()?;
        Ok(Reader {
            db_path,
            pool: Mutex::new(vec![first]),
            index,
            text_reader,
            options,
            cache: Default::default(),
        })
    }

    /// Runs `f` on a pooled read-only connection.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let pooled = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None => connect(&self.db_path, false)?,
        };
        // Within a request's budget: nothing starts after it, and a
        // statement running past it is stopped.
        let out = match crate::deadline::current() {
            Some((at, _)) => crate::deadline::check().and_then(|()| {
                conn.progress_handler(
                    crate::deadline::STEPS,
                    Some(move || std::time::Instant::now() >= at),
                );
                let out = f(&conn).map_err(crate::deadline::interrupted);
                conn.progress_handler(0, None::<fn() -> bool>);
                out
            }),
            None => f(&conn),
        };
        self.pool.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        out
    }

    /// The total for `key` (a filter), counted by `count` unless a count
    /// younger than two seconds is at hand.
    pub(crate) fn total(&self, key: String, count: impl FnOnce() -> Result<u64>) -> Result<u64> {
        self.cache.total(key, count)
    }

    /// How much the store holds (read at most every two seconds).
    pub fn stats(&self) -> Result<Stats> {
        self.cache.stats(|| self.count())
    }

    fn count(&self) -> Result<Stats> {
        let path = self.db_path.clone();
        let indexed = self.indexed();
        self.with(|db| {
            let n = |sql: &str| -> Result<i64> { db.query_row(sql, [], |r| r.get(0)).at(&path) };
            let undated_events = n("SELECT count(*) FROM events WHERE day IS NULL AND copy = 0")?;
            let day = |sql: &str| -> Result<Option<String>> {
                let d: Option<i64> = db.query_row(sql, [], |r| r.get(0)).at(&path)?;
                Ok(d.map(crate::articles::iso))
            };
            Ok(Stats {
                articles: n("SELECT count(*) FROM articles")?,
                copies: n("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL")?,
                // From the running totals: counting millions of rows on
                // every call would make this the slowest route.
                events: n("SELECT coalesce(sum(events), 0) FROM dyad_days")? + undated_events,
                undated_events,
                events_in_copies: n(
                    "SELECT coalesce(sum(n_events), 0) FROM articles WHERE copy_of IS NOT NULL",
                )?,
                mentions: n("SELECT coalesce(sum(mentions), 0) FROM actor_counts")?,
                stories: n("SELECT count(*) FROM stories")?,
                undated_articles: n("SELECT count(*) FROM articles WHERE copy_of IS NULL AND day IS NULL")?,
                first: day("SELECT min(day) FROM articles WHERE copy_of IS NULL")?,
                last: day("SELECT max(day) FROM articles WHERE copy_of IS NULL")?,
                indexed,
            })
        })
    }

    /// Documents in the text index (after its last reload).
    pub fn indexed(&self) -> u64 {
        self.index.len(&self.text_reader)
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }
}

/// What a store holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub articles: i64,
    /// Articles that are near or exact copies of another.
    pub copies: i64,
    /// Events, copies' events not counted.
    pub events: i64,
    /// Of those, events with no day (their article has no publication
    /// date and their text none): on no timeline and in no daily count.
    pub undated_events: i64,
    pub events_in_copies: i64,
    /// Mentions of actors (pronouns not counted).
    pub mentions: i64,
    pub stories: i64,
    /// Articles (copies not counted) with no publication date.
    pub undated_articles: i64,
    /// The first and last publication day (`null` when no article has one).
    pub first: Option<String>,
    pub last: Option<String>,
    /// Documents in the text index.
    pub indexed: u64,
}

/// Checks an ISO date parameter and returns its day number.
pub fn date_param(param: &str, value: &str) -> Result<i64> {
    casus_story::day_of(value)
        .filter(|_| value.len() == 10)
        .ok_or_else(|| StoreError::bad(param, format!("expected a date like 2024-03-01, got {value:?}")))
}
