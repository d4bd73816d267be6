//! Exact duplicates: the same normalised body seen earlier in the run.

use std::collections::HashMap;

/// A 64-bit hash of a body, after lower-casing and keeping only letters
/// and digits, one space between words: punctuation, white space and case
/// differences do not make a copy new. (The store links copies by the
/// same hash.)
pub use casus_story::content_hash as body_hash;

/// Remembers the first article id for each body hash.
#[derive(Debug, Default)]
pub struct Dedup {
    first: HashMap<u64, String>,
}

impl Dedup {
    /// The id of the first article with this body, if this is a copy
    /// (which may be its own id: the same URL read twice); otherwise
    /// remembers `id` as the first and returns `None`.
    pub fn check(&mut self, hash: u64, id: &str) -> Option<String> {
        match self.first.get(&hash) {
            Some(first) => Some(first.clone()),
            None => {
                self.first.insert(hash, id.to_string());
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_punctuation_and_spacing_do_not_make_a_copy_new() {
        assert_eq!(
            body_hash("Troops left, the town."),
            body_hash("troops  LEFT the town")
        );
        assert_ne!(
            body_hash("Troops left the town."),
            body_hash("Troops entered the town.")
        );
    }

    #[test]
    fn the_second_copy_points_at_the_first() {
        let mut d = Dedup::default();
        assert_eq!(d.check(7, "a"), None);
        assert_eq!(d.check(7, "b").as_deref(), Some("a"));
        assert_eq!(d.check(8, "c"), None);
        assert_eq!(
            d.check(8, "c").as_deref(),
            Some("c"),
            "the same article read twice"
        );
    }
}
