//! Types shared by every casus stage, and nothing else.
//!
//! * [`Span`]: a `[start, end)` byte range into an article's `text`, the
//!   currency of every stage. Byte offsets are what Rust slices with.
//! * [`CharMap`]: turns byte offsets into Unicode code-point offsets, the
//!   unit of the output contract (`text[start:end]` in Python and R).
//! * [`Article`]: one output record (one JSON line) with the fields of the
//!   output contract that exist so far.
//! * [`Mention`], [`ActorRef`]: who an article mentions, and who that is.
//! * [`Event`]: who did what to whom, coded (CAMEO, PLOVER), with spans.
//! * [`Quote`], [`Claim`], [`TimeRef`]: who said what, how many, when.
//! * [`Origin`]: where in the input a document came from (file, line or
//!   record, byte), so errors and records can be traced back.
//!
//! * [`resource`]: helpers for the line-based data files every stage loads.
//!
//! This crate has no dependencies but `serde`; every other crate depends on it.

mod article;
pub mod calendar;
mod charmap;
pub mod deadline;
mod event;
mod mention;
mod origin;
mod report;
pub mod resource;
mod span;

pub use article::{Article, Dateline, SentenceClass};
pub use charmap::{code_point_bytes, CharMap};
pub use event::{AcledCoding, Event, Fatalities, Location, Part, Plover};
pub use mention::{ActorRef, Mention};
pub use origin::Origin;
pub use report::{Claim, PlaceRef, Quote, TimeRef, Words};
pub use span::{starting_in, Span};
