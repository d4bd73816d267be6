//! How rare each of an article's keywords is among the articles around
//! its day, so that the words every article of the week shares ("trump"
//! and "clinton" in election news) make no story, and the words only a
//! few share ("ginsburg", "pneumonia") do.
//!
//! Rarity is an inverse document frequency over the story window: how
//! many stored articles have the keyword among theirs on a day of the
//! window, out of all the keyed articles of those days. The stores keep
//! these counts per key and day as they store articles ([`counted`] says
//! which keys, [`ALL`] counts the articles), so the figure is exact at
//! any size and costs a few rows per key to read. A prior of [`PRIOR`]
//! articles that lack the word keeps a quiet window (a few articles a
//! day, one story among them) from taking its own story's words for
//! common ones.
//!
//! Measured with `casus eval --stories` on 466 labelled real articles:
//! B-cubed precision 0.778 → 0.924 for recall 0.789 → 0.705 (see the
//! README); our 21-article corpus stays at 1.0 / 1.0.

use std::collections::HashMap;

/// Articles without the word assumed in every window.
pub const PRIOR: f64 = 30.0;

/// The key under which the stores count every keyed article of a day.
pub const ALL: &str = "#";

/// The word of a keyword key (`w:ginsburg`), the only keys rarity weighs.
pub fn keyword(key: &str) -> Option<&str> {
    key.strip_prefix("w:")
}

/// Whether the stores count `key` (with its prefix) per day: keywords.
pub fn counted(key: &str) -> bool {
    keyword(key).is_some()
}

/// Each keyword's weight in text similarity; every word weighs the same
/// when nothing was counted ([`Rarity::uniform`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rarity {
    words: HashMap<String, f64>,
}

impl Rarity {
    /// Every word weighs the same: text similarity is the plain share of
    /// keywords in common.
    pub fn uniform() -> Rarity {
        Rarity::default()
    }

    /// From counts: each pair is a key (`w:ginsburg`) and how many of
    /// the window's `window` articles have it; other keys are left out.
    pub fn counted<'a>(keys: impl IntoIterator<Item = (&'a str, usize)>, window: usize) -> Rarity {
        let n = window as f64 + 1.0 + PRIOR;
        Rarity {
            words: keys
                .into_iter()
                .filter_map(|(k, df)| Some((keyword(k)?.to_string(), (n / (df as f64 + 1.0)).ln())))
                .collect(),
        }
    }

    /// The weight of a keyword: 1 for uniform rarity, 0 for a word that
    /// was not counted.
    pub fn weight(&self, word: &str) -> f64 {
        if self.words.is_empty() {
            1.0
        } else {
            self.words.get(word).copied().unwrap_or(0.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_every_article_has_weighs_less_than_a_word_two_have() {
        let r = Rarity::counted([("w:trump", 40), ("w:ginsburg", 2)], 40);
        assert!(r.weight("trump") < 0.6, "{}", r.weight("trump"));
        assert!(r.weight("ginsburg") > 3.0, "{}", r.weight("ginsburg"));
    }

    #[test]
    fn in_a_quiet_window_a_stories_own_words_still_count() {
        // Six articles in the window, five of them one story's.
        let r = Rarity::counted([("w:flood", 5), ("w:dam", 1), ("a:UNO", 6)], 6);
        assert!(r.weight("flood") > 0.5 * r.weight("dam"));
    }

    #[test]
    fn uniform_rarity_weighs_every_word_one() {
        assert_eq!(Rarity::uniform().weight("anything"), 1.0);
    }
}
