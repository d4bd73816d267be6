//! Counting the actors a corpus mentions: `casus actors`. With unknown
//! names only, it is the to-do list for dictionary work.

use casus_core::{Article, Mention};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One line of the tally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyRow {
    /// The mention text (white space collapsed), or the actor's canonical
    /// name for known actors.
    pub text: String,
    /// The most frequent kind (`name`, `person`, `organisation`, ...).
    pub kind: String,
    /// CAMEO-style code (known actors only).
    pub code: Option<String>,
    pub mentions: usize,
    pub articles: usize,
    /// Where it was first seen: article id and span.
    pub example: Example,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    pub article: String,
    pub span: [usize; 2],
}

#[derive(Default)]
struct Entry {
    shown: String,
    kinds: BTreeMap<String, usize>,
    code: Option<String>,
    mentions: usize,
    articles: HashSet<String>,
    example: Option<Example>,
}

/// Which mentions a tally counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyMode {
    /// Mentions resolved to an actor, keyed by actor id (or code).
    Known,
    /// Names with no actor: what the dictionaries miss.
    Unknown,
}

/// Mentions counted over many articles.
pub struct Tally {
    mode: TallyMode,
    entries: HashMap<String, Entry>,
}

impl Tally {
    pub fn new(mode: TallyMode) -> Self {
        Tally {
            mode,
            entries: HashMap::new(),
        }
    }

    fn key(&self, m: &Mention) -> Option<(String, String)> {
        match (self.mode, &m.actor) {
            (TallyMode::Unknown, None) if m.kind != "pronoun" => {
                let text = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
                Some((text.clone(), text))
            }
            (TallyMode::Known, Some(a)) if m.refers_to.is_none() => {
                let key = a.id.clone().unwrap_or_else(|| a.code.clone());
                let shown = a.name.clone().unwrap_or_else(|| m.text.clone());
                Some((key, shown))
            }
            _ => None,
        }
    }

    pub fn add(&mut self, a: &Article) {
        for m in &a.mentions {
            let Some((key, shown)) = self.key(m) else { continue };
            let e = self.entries.entry(key).or_insert_with(|| Entry {
                shown,
                ..Entry::default()
            });
            *e.kinds.entry(m.kind.clone()).or_default() += 1;
            e.mentions += 1;
            e.articles.insert(a.id.clone());
            if e.code.is_none() {
                e.code = m.actor.as_ref().map(|x| x.code.clone());
            }
            e.example.get_or_insert_with(|| Example {
                article: a.id.clone(),
                span: m.span,
            });
        }
    }

    /// The rows, most mentioned first (ties by text), at most `top` (0: all).
    pub fn rows(&self, top: usize) -> Vec<TallyRow> {
        let mut rows: Vec<TallyRow> = self
            .entries
            .values()
            .map(|e| {
                let kind = e
                    .kinds
                    .iter()
                    .max_by_key(|(k, n)| (**n, std::cmp::Reverse(k.as_str())))
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                TallyRow {
                    text: e.shown.clone(),
                    kind,
                    code: e.code.clone(),
                    mentions: e.mentions,
                    articles: e.articles.len(),
                    example: e.example.clone().expect("an entry has a first mention"),
                }
            })
            .collect();
        rows.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.text.cmp(&b.text)));
        if top > 0 {
            rows.truncate(top);
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_core::ActorRef;

    fn article(id: &str, mentions: &[(&str, &str, Option<&str>)]) -> Article {
        Article {
            id: id.to_string(),
            mentions: mentions
                .iter()
                .enumerate()
                .map(|(i, (text, kind, code))| Mention {
                    span: [i * 10, i * 10 + text.len()],
                    text: text.to_string(),
                    kind: kind.to_string(),
                    actor: code.map(|c| ActorRef {
                        id: Some(c.to_lowercase()),
                        name: Some(format!("The {c}")),
                        code: c.to_string(),
                        ..ActorRef::default()
                    }),
                    backed_by: None,
                    refers_to: None,
                })
                .collect(),
            ..Article::default()
        }
    }

    #[test]
    fn unknown_names_are_counted_by_mentions_and_articles() {
        let mut t = Tally::new(TallyMode::Unknown);
        t.add(&article(
            "a",
            &[
                ("Vell  Front", "organisation", None),
                ("Iraq", "country", Some("IRQ")),
            ],
        ));
        t.add(&article(
            "b",
            &[("Vell Front", "name", None), ("Vell Front", "organisation", None)],
        ));
        t.add(&article("c", &[("Tarsin", "place", None)]));
        let rows = t.rows(0);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text, "Vell Front");
        assert_eq!((rows[0].mentions, rows[0].articles), (3, 2));
        assert_eq!(rows[0].kind, "organisation");
        assert_eq!(rows[0].example.article, "a");
        assert_eq!(rows[1].text, "Tarsin");
        assert_eq!(t.rows(1).len(), 1);
    }

    #[test]
    fn known_actors_are_counted_by_identity_and_shown_by_name() {
        let mut t = Tally::new(TallyMode::Known);
        t.add(&article(
            "a",
            &[("IRQ", "country", Some("IRQ")), ("Baghdad", "place", Some("IRQ"))],
        ));
        t.add(&article("b", &[("Vell", "name", None)]));
        let rows = t.rows(0);
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].text.as_str(), rows[0].mentions), ("The IRQ", 2));
        assert_eq!(rows[0].code.as_deref(), Some("IRQ"));
    }
}
