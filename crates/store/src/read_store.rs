//! What the API reads from a store: one interface, two backends. The
//! SQLite store's [`Reader`] implements it here; the PostgreSQL store's
//! reader (the `casus-pg` crate) implements it with the same filters
//! (written once, in [`crate::Dialect`]-aware clauses), the same totals
//! tables and the same folding of rows into answers.

use crate::articles::{ArticleFilter, ArticleSummary, ArticleView, Related, StoryRow, StoryView};
use crate::error::Result;
use crate::events::{ActorRow, EventFilter, EventRow, SearchHit};
use crate::overview::{Dyad, PlaceCount};
use crate::reader::{List, Page, Reader, Stats};
use crate::series::{Interval, Point};

/// The reads behind every API route. Implementations are shared by the
/// server's threads; each call may be bounded by a
/// [`deadline`](crate::deadline::within), past which it returns
/// [`crate::StoreError::OverBudget`].
pub trait ReadStore: Send + Sync {
    /// Articles, newest first.
    fn articles(&self, f: &ArticleFilter, page: Page) -> Result<List<ArticleSummary>>;
    /// One article's whole record, its story and up to `related` related articles.
    fn article(&self, id: &str, related: usize) -> Result<ArticleView>;
    /// Up to `limit` articles related to article `id`, same story first.
    fn related(&self, id: &str, limit: usize) -> Result<Vec<Related>>;
    /// Events `f` selects, newest first.
    fn events(&self, f: &EventFilter, page: Page) -> Result<List<EventRow>>;
    /// Counts per day, week or month of the events `f` selects.
    fn series(&self, f: &EventFilter, interval: Interval) -> Result<Vec<Point>>;
    /// The busiest dyads between two dates.
    fn dyads(&self, from: &Option<String>, to: &Option<String>, limit: usize) -> Result<Vec<Dyad>>;
    /// Places of the events `f` selects, busiest first.
    fn places(&self, f: &EventFilter, limit: usize) -> Result<Vec<PlaceCount>>;
    /// Actors by mentions; `q` keeps those whose id, name or code contains it.
    fn actors(&self, q: Option<&str>, page: Page) -> Result<List<ActorRow>>;
    /// Stories, the largest first; the dates bound their last day.
    fn stories(&self, from: &Option<String>, to: &Option<String>, page: Page) -> Result<List<StoryRow>>;
    /// A story and its articles (all, or one page), oldest first.
    fn story(&self, id: &str, page: Option<Page>) -> Result<StoryView>;
    /// Full-text search ([`crate::query`]'s language).
    fn search(&self, q: &str, page: Page) -> Result<List<SearchHit>>;
    /// How much the store holds.
    fn stats(&self) -> Result<Stats>;
}

impl ReadStore for Reader {
    fn articles(&self, f: &ArticleFilter, page: Page) -> Result<List<ArticleSummary>> {
        Reader::articles(self, f, page)
    }
    fn article(&self, id: &str, related: usize) -> Result<ArticleView> {
        Reader::article(self, id, related)
    }
    fn related(&self, id: &str, limit: usize) -> Result<Vec<Related>> {
        Reader::related(self, id, limit)
    }
    fn events(&self, f: &EventFilter, page: Page) -> Result<List<EventRow>> {
        Reader::events(self, f, page)
    }
    fn series(&self, f: &EventFilter, interval: Interval) -> Result<Vec<Point>> {
        Reader::series(self, f, interval)
    }
    fn dyads(&self, from: &Option<String>, to: &Option<String>, limit: usize) -> Result<Vec<Dyad>> {
        Reader::dyads(self, from, to, limit)
    }
    fn places(&self, f: &EventFilter, limit: usize) -> Result<Vec<PlaceCount>> {
        Reader::places(self, f, limit)
    }
    fn actors(&self, q: Option<&str>, page: Page) -> Result<List<ActorRow>> {
        Reader::actors(self, q, page)
    }
    fn stories(&self, from: &Option<String>, to: &Option<String>, page: Page) -> Result<List<StoryRow>> {
        Reader::stories(self, from, to, page)
    }
    fn story(&self, id: &str, page: Option<Page>) -> Result<StoryView> {
        Reader::story(self, id, page)
    }
    fn search(&self, q: &str, page: Page) -> Result<List<SearchHit>> {
        Reader::search(self, q, page)
    }
    fn stats(&self) -> Result<Stats> {
        Reader::stats(self)
    }
}
