//! How much two articles look like the same story, and why.

use crate::{Keys, Rarity};
use serde::Serialize;
use std::collections::BTreeSet;

/// Why an article is related to another, strongest evidence first in a
/// [`Score`]'s `reasons`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A near or exact copy of the text (a republished wire story).
    Copy,
    /// A coded event with the same actors, root code and day.
    SameEvent,
    /// The same actors (a shared dyad or named actors).
    SameActors,
    /// The same places.
    SamePlace,
    /// Many of the same keywords.
    SimilarText,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Copy => "copy",
            Reason::SameEvent => "same_event",
            Reason::SameActors => "same_actors",
            Reason::SamePlace => "same_place",
            Reason::SimilarText => "similar_text",
        }
    }
}

/// The weights of the evidence. A pair scoring [`Weights::story`] or more
/// is the same story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Per shared event key (at most two count).
    pub event: f64,
    /// Per shared dyad (at most two count).
    pub dyad: f64,
    /// Per shared named actor (at most four count).
    pub actor: f64,
    /// Per shared place (at most two count).
    pub place: f64,
    /// Times the share of keywords in common (of the smaller set).
    pub text: f64,
    /// The score from which two articles are one story.
    pub story: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            event: 3.0,
            dyad: 1.0,
            actor: 0.5,
            place: 0.75,
            text: 5.0,
            story: 3.0,
        }
    }
}

/// A pair's score and the reasons behind it, strongest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub score: f64,
    pub reasons: Vec<Reason>,
    /// Whether the pair is one story: a score of [`Weights::story`] or
    /// more, with a shared event or strongly similar text among its
    /// evidence. Shared actors and places alone never make a story: two
    /// pieces on one president (his health, an impeachment hearing) share
    /// every actor and are two stories.
    pub same_story: bool,
}

/// The share of keywords in common (of the smaller set, each weighed by
/// its [`Rarity`]) that counts as strongly similar text.
pub const STRONG_TEXT: f64 = 0.3;

fn shared(a: &BTreeSet<String>, b: &BTreeSet<String>) -> usize {
    a.intersection(b).count()
}

/// Scores a pair of articles by their keys. `b` may hold only the keys it
/// shares with `a` (with its `word_count` set): the score is the same.
/// Text similarity is the share of keywords in common, each weighed by
/// its `rarity` (with [`Rarity::uniform`], the plain share).
pub fn score(a: &Keys, b: &Keys, w: &Weights, rarity: &Rarity) -> Score {
    let event = w.event * shared(&a.events, &b.events).min(2) as f64;
    let actors = w.dyad * shared(&a.dyads, &b.dyads).min(2) as f64
        + w.actor * shared(&a.actors, &b.actors).min(4) as f64;
    let place = w.place * shared(&a.places, &b.places).min(2) as f64;
    let smaller = a.word_count.min(b.word_count.max(b.words.len()));
    // The shared keywords' weight, against as many of `a`'s keywords of
    // average weight as the smaller set has.
    let mean = a.words.iter().map(|x| rarity.weight(x)).sum::<f64>() / a.words.len().max(1) as f64;
    let text = if smaller < 4 || mean <= 0.0 {
        0.0
    } else {
        let common: f64 = a.words.intersection(&b.words).map(|x| rarity.weight(x)).sum();
        w.text * common / (smaller as f64 * mean)
    };
    let mut parts = [
        (event, Reason::SameEvent),
        (actors, Reason::SameActors),
        (place, Reason::SamePlace),
        (text, Reason::SimilarText),
    ];
    parts.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let total = event + actors + place + text;
    Score {
        score: total,
        reasons: parts.iter().filter(|p| p.0 > 0.0).map(|p| p.1).collect(),
        same_story: total >= w.story && (event > 0.0 || text >= w.text * STRONG_TEXT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Keys {
        let mut k = Keys::default();
        for s in list {
            k.add(s);
        }
        k
    }

    #[test]
    fn a_shared_event_alone_makes_one_story_and_is_the_first_reason() {
        let a = keys(&["e:USA>IRN:19:19700", "a:USAGOV", "w:strike"]);
        let b = keys(&["e:USA>IRN:19:19700", "a:IRNGOV"]);
        let s = score(&a, &b, &Weights::default(), &Rarity::uniform());
        assert!(s.score >= Weights::default().story);
        assert_eq!(s.reasons, vec![Reason::SameEvent]);
    }

    #[test]
    fn one_shared_actor_and_place_are_not_a_story() {
        let a = keys(&["a:UNO", "p:1", "w:flood", "w:river", "w:dam", "w:rain"]);
        let b = keys(&["a:UNO", "p:1", "w:vote", "w:ballot", "w:poll", "w:party"]);
        let s = score(&a, &b, &Weights::default(), &Rarity::uniform());
        assert!(s.score < Weights::default().story, "{}", s.score);
        assert_eq!(s.reasons, vec![Reason::SamePlace, Reason::SameActors]);
    }

    #[test]
    fn the_same_keywords_are_similar_text() {
        let words = ["w:dam", "w:river", "w:flood", "w:valley", "w:rain"];
        let s = score(
            &keys(&words),
            &keys(&words),
            &Weights::default(),
            &Rarity::uniform(),
        );
        assert_eq!(s.score, 5.0);
        assert_eq!(s.reasons, vec![Reason::SimilarText]);
    }

    #[test]
    fn keywords_every_article_of_the_week_has_make_no_story() {
        let a = keys(&[
            "w:trump",
            "w:clinton",
            "w:campaign",
            "w:debate",
            "w:ginsburg",
            "w:justice",
        ]);
        let b = keys(&[
            "w:trump",
            "w:clinton",
            "w:campaign",
            "w:debate",
            "w:tax",
            "w:returns",
        ]);
        let common = [
            ("w:trump", 30),
            ("w:clinton", 30),
            ("w:campaign", 25),
            ("w:debate", 20),
        ];
        let rare = [("w:ginsburg", 1), ("w:justice", 2)];
        let rarity = Rarity::counted(common.into_iter().chain(rare), 30);
        let w = Weights::default();
        assert!(score(&a, &b, &w, &Rarity::uniform()).same_story);
        let s = score(&a, &b, &w, &rarity);
        assert!(!s.same_story, "{s:?}");
        let c = keys(&[
            "w:trump",
            "w:ginsburg",
            "w:justice",
            "w:court",
            "w:resign",
            "w:apology",
        ]);
        assert!(score(&a, &c, &w, &rarity).same_story);
    }

    #[test]
    fn stored_keys_come_back_as_they_were() {
        let k = keys(&["e:A>B:14:3", "d:A>B", "a:X", "p:7", "w:dam", "z:ignored"]);
        let mut again = Keys::default();
        for key in k.all() {
            again.add(&key);
        }
        assert_eq!(again, k);
        assert_eq!(k.all().count(), 5);
    }

    #[test]
    fn the_shared_keys_alone_score_as_the_whole_set() {
        let a = keys(&[
            "e:A>B:14:3",
            "a:X",
            "a:Y",
            "w:dam",
            "w:river",
            "w:flood",
            "w:rain",
        ]);
        let b = keys(&[
            "e:A>B:14:3",
            "a:X",
            "a:Z",
            "w:dam",
            "w:river",
            "w:flood",
            "w:vote",
            "w:poll",
        ]);
        let mut shared = keys(&["e:A>B:14:3", "a:X", "w:dam", "w:river", "w:flood"]);
        shared.word_count = b.word_count;
        assert_eq!(
            score(&a, &shared, &Weights::default(), &Rarity::uniform()),
            score(&a, &b, &Weights::default(), &Rarity::uniform())
        );
    }

    #[test]
    fn shared_actors_and_places_alone_never_make_one_story() {
        let w = Weights::default();
        let a = keys(&[
            "d:USA>IRN",
            "d:IRN>USA",
            "a:USAGOV",
            "a:IRNGOV",
            "a:USA",
            "a:IRN",
            "p:TEHRAN",
        ]);
        let s = score(&a, &a.clone(), &w, &Rarity::uniform());
        assert!(s.score >= w.story, "{s:?}");
        assert!(!s.same_story, "two pieces on the same actors: {s:?}");
        let b = keys(&["e:USA>IRN:19:19700", "d:USA>IRN", "a:USAGOV"]);
        let s = score(&b, &b.clone(), &w, &Rarity::uniform());
        assert!(s.same_story, "a shared event: {s:?}");
    }
}
