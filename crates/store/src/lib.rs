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
//! connections, while a writer may be at work.
//!
//! Copies and stories are found as articles arrive (see `cluster.rs` and
//! the `casus-story` crate): a near-duplicate (Jaccard of shingles ≥ 0.8)
//! is linked to the first copy stored and its events are marked `copy`, so
//! they are not counted twice; every other article joins the story of the
//! best-scoring article within a window of days, or starts its own.

mod actor_places;
mod articles;
mod cluster;
pub mod deadline;
mod error;
mod events;
mod index;
mod known;
mod overview;
pub mod query;
mod reader;
pub mod record;
pub mod related;
mod series;
mod sql;
mod store;
mod stream;
mod write;

pub use articles::{iso, ArticleFilter, ArticleSummary, ArticleView, Related, StoryRow, StoryView};
pub use error::{Result, StoreError};
pub use events::{is_code, AcledRow, ActorRow, EventFilter, EventRow, PlaceRow, SearchHit, Side};
pub use index::Hit;
pub use known::Stored;
pub use overview::{Dyad, PlaceCount};
pub use reader::{date_param, List, Page, Reader, Stats, MAX_LIMIT};
pub use series::{Interval, Point};
pub use store::{db_path, index_path, Store, StoreOptions, SCHEMA_VERSION};
pub use stream::EventSource;
pub use write::{article_day, event_date, published_day, sane_event_date, side_columns, Outcome};
