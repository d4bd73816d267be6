//! casus's language layer: what every later stage reads the text through.
//!
//! * [`Segmenter`]: sentence boundaries for news prose: abbreviations
//!   (U.S., Gen., Jan., No.), initials, quotations that span sentences,
//!   ellipses inside a sentence, headlines and datelines. Sentences never
//!   cross a paragraph (line) break, so headlines stand alone.
//! * [`Tokenizer`]: word and punctuation tokens with byte spans.
//! * [`detect_language`]: ISO 639-1 language of a text.
//! * [`Abbreviations`]: the data file behind both, user-extendable.
//!
//! Every function here returns [`casus_core::Span`]s into the text it was
//! given; none of them changes the text.

mod abbrev;
mod dateline;
mod lang;
mod segment;
mod token;

pub use abbrev::{AbbrevClass, Abbreviations};
pub use dateline::find_dateline;
pub use lang::{detect_language, english_share, Language};
pub use segment::{Segmentation, Segmenter};
pub use token::{Token, TokenKind, Tokenizer};
