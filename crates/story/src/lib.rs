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
//!   [`Reason`]s.
//! * [`bcubed`]: how good a clustering is against the expected one.
//!
//! The store (`casus-store`) keeps the keys and bands in its database and
//! does the clustering with these pieces.

pub mod bcubed;
pub mod minhash;
pub mod shingle;

mod keys;
mod score;

pub use bcubed::bcubed;
pub use keys::{day_of, Keys, Stopwords, KEYWORDS};
pub use score::{score, Reason, Score, Weights};
pub use shingle::{content_hash, jaccard, shingles};
