//! casus's readers: raw news in, clean article bodies out.
//!
//! The flow, one module per step:
//!
//! 1. [`inputs`]: paths and directories (walked recursively) or `-`.
//! 2. [`detect`]: the format of each input, from its content and name.
//! 3. The readers, one per format: [`text`], [`html`], [`jsonl`],
//!    [`feed`], [`warc`]. Each turns one input into [`RawDoc`]s (or
//!    [`IngestError`]s naming the file, line or record) through a callback,
//!    so a 10 GB WARC never sits in memory. [`charset`] decodes bytes.
//! 4. [`clean`]: a [`RawDoc`] becomes a [`CleanDoc`]: main text pulled out
//!    of HTML ([`extract`]), page [`furniture`] removed, paragraphs and the
//!    headline normalised, metadata ([`dates`]) made ISO 8601.
//!
//! Nothing here segments or codes text; that is `casus-nlp` and later.

pub mod charset;
pub mod clean;
pub mod dates;
pub mod detect;
mod doc;
pub mod entities;
mod error;
pub mod extract;
pub mod feed;
pub mod furniture;
pub mod html;
pub mod inputs;
pub mod jsonl;
pub mod markup;
pub mod page_dates;
pub mod published;
mod read;
pub mod text;
pub mod warc;
mod warc_http;

pub use clean::{clean, clean_with, CleanDoc};
pub use detect::Format;
pub use doc::{Body, Meta, RawDoc};
pub use error::{IngestError, Severity};
pub use furniture::Furniture;
pub use inputs::{collect_inputs, Collected, Input};
pub use markup::HtmlLimits;
pub use published::{Chosen, DateCandidate};
pub use read::{read_input, ReadOptions};
