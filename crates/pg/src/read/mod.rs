//! The API's reads on PostgreSQL: [`PgReader`] implements
//! [`casus_store::ReadStore`], so that `casus serve --db postgres://...`
//! answers every route as it does over a SQLite store, and any number of
//! API servers can share one database.
//!
//! The filters are the SQLite store's own ([`casus_store::Where`] in the
//! PostgreSQL [`Dialect`]); the timelines, dyads, maps and actor lists
//! read the running totals that the writers keep (`migrations/0002`);
//! rows are folded into answers by the same functions as in the SQLite
//! store. Search is PostgreSQL's full-text search (`search.rs`).
//!
//! * `lists.rs`: articles, an article, related articles, stories, a story.
//! * `events.rs`: events, series, dyads, places, actors, stats.
//! * `search.rs`: the search language as a `tsquery`, and snippets.

mod events;
mod lists;
mod search;

use crate::error::{On, PgError};
use crate::store::PgStore;
use casus_store::{
    ActorRow, ArticleFilter, ArticleSummary, ArticleView, Cache, Dyad, EventFilter, EventRow, Interval, List,
    Page, Param, PlaceCount, Point, Related, SearchHit, Stats, StoreError, StoreOptions, StoryRow, StoryView,
    Where,
};
use postgres::types::ToSql;
use postgres::Row;
use std::sync::Mutex;
use std::time::Instant;

type StoreResult<T> = casus_store::Result<T>;

/// A pool of connections to one store, for the API's threads.
pub struct PgReader {
    url: String,
    options: StoreOptions,
    pool: Mutex<Vec<PgStore>>,
    cache: Cache,
    ranked_at_most: u64,
}

impl PgReader {
    /// Connects to the store at `url`, creating or upgrading its schema
    /// (as [`PgStore::open`]); further connections are made as requests
    /// need them.
    pub fn open(url: &str, options: StoreOptions) -> crate::Result<PgReader> {
        let first = reading(PgStore::open(url, options.clone()))?;
        Ok(PgReader {
            url: url.to_string(),
            options,
            pool: Mutex::new(vec![first]),
            cache: Cache::default(),
            ranked_at_most: search::RANKED_AT_MOST,
        })
    }

    /// Searches with more hits than `n` list them newest first instead of
    /// by rank (default 2,000: ranking reads every hit).
    pub fn ranked_at_most(mut self, n: u64) -> PgReader {
        self.ranked_at_most = n;
        self
    }

    /// Runs `f` on a pooled connection, within the request's deadline (a
    /// `statement_timeout` of the time left, so that the server stops the
    /// work, not only the wait). A connection that failed is not reused.
    fn with<T>(&self, f: impl FnOnce(&mut PgStore) -> crate::Result<T>) -> StoreResult<T> {
        let deadline = casus_store::deadline::current();
        let left = |at: Instant| at.saturating_duration_since(Instant::now());
        if let Some((at, budget)) = deadline {
            if left(at).is_zero() {
                return Err(StoreError::OverBudget { budget });
            }
        }
        let pooled = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut store = match pooled {
            Some(s) => s,
            None => reading(PgStore::attach(&self.url, self.options.clone())).map_err(store_error)?,
        };
        let out = (|| {
            if let Some((at, _)) = deadline {
                let ms = left(at).as_millis().max(1);
                let target = store.target.clone();
                store
                    .client
                    .batch_execute(&format!("SET statement_timeout = {ms}"))
                    .on(&target, "setting the request's time budget")?;
            }
            let out = f(&mut store);
            if deadline.is_some() {
                let target = store.target.clone();
                store
                    .client
                    .batch_execute("SET statement_timeout = 0")
                    .on(&target, "clearing the request's time budget")?;
            }
            out
        })();
        match out {
            Ok(v) => {
                self.pool.lock().unwrap_or_else(|e| e.into_inner()).push(store);
                Ok(v)
            }
            Err(e) => {
                // A statement stopped or refused leaves a usable session;
                // a lost connection does not.
                if !e.is_connection() && !store.client.is_closed() {
                    self.pool.lock().unwrap_or_else(|e| e.into_inner()).push(store);
                }
                Err(store_error(e))
            }
        }
    }
}

/// A connection set up for the API's reads: one core per request (the
/// server runs about as many requests at once as there are cores;
/// parallel plans would only make them share).
fn reading(store: crate::Result<PgStore>) -> crate::Result<PgStore> {
    let mut s = store?;
    let target = s.target.clone();
    s.client
        .batch_execute("SET max_parallel_workers_per_gather = 0")
        .on(&target, "setting up a reading connection")?;
    Ok(s)
}

/// A PostgreSQL error as the API answers it: a filter's own error as it
/// is, a statement stopped by the request's budget as
/// [`StoreError::OverBudget`], anything else as a backend error.
fn store_error(e: PgError) -> StoreError {
    match e {
        PgError::Store(e) => e,
        PgError::Query { ref source, .. }
            if source.code() == Some(&postgres::error::SqlState::QUERY_CANCELED) =>
        {
            match casus_store::deadline::current() {
                Some((_, budget)) => StoreError::OverBudget { budget },
                None => StoreError::Backend(Box::new(e)),
            }
        }
        e => StoreError::Backend(Box::new(e)),
    }
}

/// A clause's parameters, bound as PostgreSQL values.
pub(crate) fn binds(w: &Where) -> Vec<Box<dyn ToSql + Sync>> {
    bind(w.params())
}

fn bind(params: Vec<Param>) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .into_iter()
        .map(|p| -> Box<dyn ToSql + Sync> {
            match p {
                Param::Int(i) => Box::new(i),
                Param::Real(r) => Box::new(r),
                Param::Text(t) => Box::new(t),
                Param::Null => Box::new(None::<i64>),
            }
        })
        .collect()
}

impl PgStore {
    /// Runs `sql` (whose parameters are `w`'s) and returns its rows.
    fn rows_of(&mut self, sql: &str, w: &Where, what: &'static str) -> crate::Result<Vec<Row>> {
        self.rows_with(sql, w.params(), what)
    }

    /// Runs `sql` with `params` and returns its rows.
    fn rows_with(&mut self, sql: &str, params: Vec<Param>, what: &'static str) -> crate::Result<Vec<Row>> {
        let binds = bind(params);
        let refs: Vec<&(dyn ToSql + Sync)> = binds.iter().map(|b| b.as_ref()).collect();
        let target = self.target.clone();
        self.client.query(sql, &refs).on(&target, what)
    }

    /// `SELECT count(*)`-like `sql` (one bigint) with `w`'s parameters.
    fn count_of(&mut self, sql: &str, w: &Where, what: &'static str) -> crate::Result<u64> {
        let rows = self.rows_of(sql, w, what)?;
        Ok(rows.first().map_or(0, |r| r.get::<_, i64>(0)) as u64)
    }
}

impl casus_store::ReadStore for PgReader {
    fn articles(&self, f: &ArticleFilter, page: Page) -> StoreResult<List<ArticleSummary>> {
        self.list_articles(f, page)
    }
    fn article(&self, id: &str, related: usize) -> StoreResult<ArticleView> {
        self.one_article(id, related)
    }
    fn related(&self, id: &str, limit: usize) -> StoreResult<Vec<Related>> {
        self.related_of(id, limit)
    }
    fn events(&self, f: &EventFilter, page: Page) -> StoreResult<List<EventRow>> {
        self.list_events(f, page)
    }
    fn series(&self, f: &EventFilter, interval: Interval) -> StoreResult<Vec<Point>> {
        self.event_series(f, interval)
    }
    fn dyads(&self, from: &Option<String>, to: &Option<String>, limit: usize) -> StoreResult<Vec<Dyad>> {
        self.busiest_dyads(from, to, limit)
    }
    fn places(&self, f: &EventFilter, limit: usize) -> StoreResult<Vec<PlaceCount>> {
        self.event_places(f, limit)
    }
    fn actors(&self, q: Option<&str>, page: Page) -> StoreResult<List<ActorRow>> {
        self.list_actors(q, page)
    }
    fn stories(&self, from: &Option<String>, to: &Option<String>, page: Page) -> StoreResult<List<StoryRow>> {
        self.list_stories(from, to, page)
    }
    fn story(&self, id: &str, page: Option<Page>) -> StoreResult<StoryView> {
        self.one_story(id, page)
    }
    fn search(&self, q: &str, page: Page) -> StoreResult<List<SearchHit>> {
        self.text_search(q, page)
    }
    fn stats(&self) -> StoreResult<Stats> {
        self.cache.stats(|| self.count_all())
    }
}
