//! casus store: what casus has read, kept.
//!
//! A store is a directory with two parts:
//!
//! * `casus.sqlite`, the record (SQLite in WAL mode; the schema, with a
//!   comment on every table, is `src/schema.sql`): articles with their full
//!   JSON record, and one row per mention, event, quote, claim and place,
//!   each with its span; stories; MinHash bands and story keys.
//! * `index/`, a tantivy full-text index of titles and texts, which can
//!   always be rebuilt from the record.
//!
//! [`Store`] writes ([`Store::put_batch`]: one transaction per batch, so a
//! crash leaves whole batches; the index is then brought up to date from
//! the record). [`Reader`] answers queries from a pool of read-only
//! connections, while a writer may be at work. [`ReadStore`] is what the
//! API reads, from this store or from PostgreSQL (`casus-pg`), whose
//! queries share this crate's filters ([`Where`] in either [`Dialect`]),
//! totals ([`daily_where`], [`places_from`]) and folding ([`buckets`],
//! [`fold_dyads`]).
//!
//! Copies and stories are found as articles arrive (see `cluster.rs` and
//! the `casus-story` crate): a near-duplicate (Jaccard of shingles ≥ 0.8)
//! is linked to the first copy stored and its events are marked `copy`, so
//! they are not counted twice; every other article joins the story of the
//! best-scoring article within a window of days, or starts its own.

mod actor_places;
mod articles;
mod cache;
mod checkpoint;
mod cluster;
pub mod deadline;
mod error;
mod event_row;
mod events;
mod index;
mod key_days;
mod known;
mod overview;
mod prepared;
pub mod query;
mod read_store;
mod reader;
pub mod record;
pub mod related;
mod series;
pub mod sql;
mod store;
mod stream;
mod write;

pub use articles::{
    date_range, iso, ArticleFilter, ArticleSummary, ArticleView, Related, StoryRow, StoryView,
};
pub use cache::Cache;
pub use error::{Result, StoreError};
pub use event_row::{AcledRow, EventRow, PlaceRow, Side};
pub use events::{actors_where, is_code, ActorRow, EventFilter, SearchHit};
pub use index::Hit;
pub use known::Stored;
pub use overview::{dyad_where, fold_dyads, mean, places_from, Dyad, PlaceCount, PlacesFrom};
pub use prepared::Prepared;
pub use read_store::ReadStore;
pub use reader::{date_param, List, Page, Reader, Stats, MAX_LIMIT};
pub use series::{buckets, daily_where, Interval, Point};
pub use sql::{Dialect, Param, Where};
pub use store::{db_path, index_path, Store, StoreOptions, SCHEMA_VERSION};
pub use stream::EventSource;
pub use write::{article_day, event_date, published_day, sane_event_date, side_columns, Outcome};
