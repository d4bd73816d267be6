//! The output record: one article, one JSON line.

use crate::{Claim, Event, Mention, Origin, PlaceRef, Quote, TimeRef};
use serde::{Deserialize, Serialize};

/// A sentence's PentaClass (0 statement, 1 verbal cooperation, 2 material
/// cooperation, 3 verbal conflict, 4 material conflict) as the learned
/// sentence model reads it, with the probability of each class.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SentenceClass {
    pub penta_class: u8,
    pub probabilities: [f32; 5],
}

/// One article as casus writes it (JSON Lines, one per line).
///
/// The field names are the output contract's (see `ARCHITECTURE.md`); later
/// stages add `mentions`, `events`, `quotes` and the rest. Every span is
/// `[start, end)` in Unicode code points into `text`.
///
/// `text` is the headline (when there is one) followed by the body
/// paragraphs, separated by blank lines, so that a headline's words have
/// spans like every other sentence's. `title` repeats the headline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the input's own id, else a hash of the URL, else a hash of
    /// where it was read (file, line or record): re-reading the same input
    /// gives the same ids.
    pub id: String,
    pub url: Option<String>,
    /// The publication or site name.
    pub source: Option<String>,
    pub title: Option<String>,
    /// ISO 8601: a date (`2024-03-14`) or a date-time with offset; `null`
    /// when no source gives a sane date (nothing is made up).
    pub published: Option<String>,
    /// Where `published` came from: `input`, `metadata`, `url`, `http`,
    /// `warc`, `dateline` or `default` (`--published`); `null` with it.
    #[serde(default)]
    pub published_from: Option<String>,
    /// ISO 639-1 code (`en`), or 639-3 where there is no two-letter code.
    pub language: Option<String>,
    pub text: String,
    /// Sentence spans, in code points into `text`.
    pub sentences: Vec<[usize; 2]>,
    /// The learned PentaClass of each sentence, aligned with `sentences`
    /// (empty for articles that are not coded).
    #[serde(default)]
    pub sentence_classes: Vec<SentenceClass>,
    /// How likely the article is to report political or conflict events,
    /// in [0, 1] (a learned score; `null` for articles that are not coded).
    #[serde(default)]
    pub relevance: Option<f32>,
    /// Actors mentioned, in text order.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub times: Vec<TimeRef>,
    #[serde(default)]
    pub places: Vec<PlaceRef>,
    /// Byline, from the page's metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The dateline that opens the body (`KYIV, May 31 (Wire) —`): kept out
    /// of the first sentence, kept here with its span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The id of an earlier article in the same run with the same
    /// normalised body; `null` for the first copy.
    pub duplicate_of: Option<String>,
    /// Where this article was read from.
    pub origin: Origin,
    /// Things casus had to guess or repair while reading this article
    /// (for example a byte sequence that was not valid in its charset).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A dateline and its span in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub span: [usize; 2],
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_serialises_with_the_contract_field_names() {
        let a = Article {
            id: "x1".into(),
            text: "Iraq protests.".into(),
            sentences: vec![[0, 14]],
            ..Article::default()
        };
        let v: serde_json::Value = serde_json::to_value(&a).unwrap();
        for key in [
            "id",
            "url",
            "source",
            "title",
            "published",
            "language",
            "text",
            "sentences",
            "duplicate_of",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["sentences"][0][1], 14);
        assert!(v.get("author").is_none(), "empty optional extras are left out");
    }
}
