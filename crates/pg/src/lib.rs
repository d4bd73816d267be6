//! casus store on PostgreSQL: the store a research group or a newsroom
//! shares, written by many `casus ingest` workers on many machines.
//!
//! * [`connect`] (`url.rs`): a `postgres://` URL, checked, and a
//!   connection, with errors that name what is wrong (the URL, the host,
//!   the database, the credentials, the server's version).
//! * `migrate.rs`: the schema as versioned SQL migrations
//!   (`migrations/NNNN_NAME.sql`), applied by the first command that opens
//!   an older store, all in one transaction, recorded in `casus_schema`.
//! * [`PgStore`] (`store.rs`, `write.rs`): articles and their rows, one
//!   transaction per batch. Placing articles into copies and stories is
//!   `casus_story::place`, as in the SQLite store, through this crate's
//!   [`Lookup`](casus_story::Lookup) (`lookup.rs`); writers take a
//!   transaction-level advisory lock for it, so that several workers
//!   place articles one batch at a time, as one worker would.
//! * [`WorkQueue`] (`work.rs`): the inputs of a run, claimed by workers
//!   with `FOR UPDATE SKIP LOCKED` for a lease that another worker takes
//!   over when the holder dies.
//! * `events.rs`: events as the exports read them, with the filters of
//!   the SQLite store; `stories.rs`: an article's related articles (chosen
//!   by `casus_store::related`, as in the SQLite store) and a story.
//!
//! * [`PgReader`] (`read/`): what `casus serve` reads
//!   ([`casus_store::ReadStore`]), from a pool of connections, each
//!   request within its time budget (`statement_timeout`).
//!
//! Events are partitioned by month (`events_YYYY_MM`), so that a year of
//! news stays quick to query and a month is dropped with one statement.

mod error;
mod events;
mod lookup;
mod migrate;
mod read;
mod store;
mod stories;
pub mod testing;
mod url;
mod work;
mod write;
mod write_events;

pub use error::{PgError, Result};
pub use migrate::SCHEMA_VERSION;
pub use read::PgReader;
pub use store::{Finished, PgStore};
pub use url::{connect, is_postgres, redact, Target};
pub use work::WorkQueue;
