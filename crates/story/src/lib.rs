//! casus stories: which articles are copies of each other, and which tell
//! the same story.
//!
//! * [`shingle`]: words, five-word shingles, Jaccard similarity and a
//!   content hash that ignores case and punctuation.
//! * [`minhash`]: MinHash signatures cut into LSH bands, so that finding
//!   the near-duplicates of a new article costs a few index lookups.
//! * [`Keys`]: the story keys of an article (coded events, dyads, actors,
//!   places, keywords), and the day numbers they are compared within.
//! * [`score`]: how much two articles look like one story, with the
//!   [`Reason`]s; keywords weighed by their [`Rarity`] around the day.
//! * [`bcubed`]: how good a clustering is against the expected one.
//! * [`place`]: the copy a new article is of and the story it joins,
//!   through the few lookups ([`Lookup`]) every store backend answers.
//!
//! The stores (`casus-store` on SQLite, `casus-pg` on PostgreSQL) keep the
//! keys and bands in their databases and place articles with these pieces.

pub mod bcubed;
pub mod minhash;
pub mod place;
pub mod shingle;

pub mod rarity;

mod keys;
mod score;

pub use bcubed::bcubed;
pub use keys::{day_of, Keys, Stopwords, KEYWORDS};
pub use place::{Lookup, Placing};
pub use rarity::Rarity;
pub use score::{score, Reason, Score, Weights};
pub use shingle::{content_hash, jaccard, shingles};
