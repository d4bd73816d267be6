//! Story keys: what an article is about, as short strings that another
//! article about the same story shares.
//!
//! | prefix | key | from |
//! |---|---|---|
//! | `e:` | `SRC>TGT:ROOT:DAY` | each coded event with both actors: the same dyad, root and day |
//! | `d:` | `A>B` | the same pair of actors, sorted, any event |
//! | `a:` | actor id or code | named actors and coded agents (bare countries say too little) |
//! | `p:` | GeoNames id | each place resolved in the text |
//! | `w:` | word | the article's most frequent keywords |

use casus_core::{Article, Event, Part};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// Keywords kept per article.
pub const KEYWORDS: usize = 16;

/// The story keys of one article, by kind, each sorted and unique.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub events: BTreeSet<String>,
    pub dyads: BTreeSet<String>,
    pub actors: BTreeSet<String>,
    pub places: BTreeSet<String>,
    pub words: BTreeSet<String>,
    /// How many keywords the article has: `words.len()` for a full set;
    /// set apart when only some of them (the shared ones) are loaded.
    pub word_count: usize,
}

impl Keys {
    /// The keys of `article`; `stopwords` are never keywords.
    pub fn of(article: &Article, stopwords: &Stopwords) -> Keys {
        let mut k = Keys::default();
        let published = article.published.as_deref().and_then(day_of);
        for e in &article.events {
            let (Some(s), Some(t)) = (actor_key(&e.source), actor_key(&e.target)) else {
                continue;
            };
            if let Some(day) = event_day(e).or(published) {
                k.events.insert(format!("{s}>{t}:{}:{day}", e.root));
            }
            let (a, b) = if s <= t { (s, t) } else { (t, s) };
            if a != b {
                k.dyads.insert(format!("{a}>{b}"));
            }
        }
        for m in &article.mentions {
            if let Some(a) = m.actor.as_ref() {
                if m.kind == "pronoun" || (a.id.is_none() && a.code.len() <= 3) {
                    continue;
                }
                k.actors.insert(a.id.clone().unwrap_or_else(|| a.code.clone()));
            }
        }
        for p in &article.places {
            k.places
                .insert(p.geonameid.map_or_else(|| p.name.clone(), |g| g.to_string()));
        }
        k.words = keywords(&article.text, article.title.as_deref(), stopwords);
        k.word_count = k.words.len();
        k
    }

    /// Every key with its prefix, for storing.
    pub fn all(&self) -> impl Iterator<Item = String> + '_ {
        self.events
            .iter()
            .map(|v| format!("e:{v}"))
            .chain(self.dyads.iter().map(|v| format!("d:{v}")))
            .chain(self.actors.iter().map(|v| format!("a:{v}")))
            .chain(self.places.iter().map(|v| format!("p:{v}")))
            .chain(self.words.iter().map(|v| format!("w:{v}")))
    }

    /// Puts back one stored key (with its prefix), counting keywords;
    /// unknown prefixes are ignored.
    pub fn add(&mut self, key: &str) {
        let Some((p, v)) = key.split_once(':') else {
            return;
        };
        let set = match p {
            "e" => &mut self.events,
            "d" => &mut self.dyads,
            "a" => &mut self.actors,
            "p" => &mut self.places,
            "w" => &mut self.words,
            _ => return,
        };
        if set.insert(v.to_string()) && p == "w" {
            self.word_count += 1;
        }
    }
}

/// The days since 1970-01-01 of an ISO 8601 date or date-time.
pub fn day_of(iso: &str) -> Option<i64> {
    let d = NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()?;
    Some((d - NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days())
}

fn event_day(e: &Event) -> Option<i64> {
    e.date.as_deref().and_then(day_of)
}

fn actor_key(p: &Option<Part>) -> Option<String> {
    let a = p.as_ref()?.actor.as_ref()?;
    Some(a.id.clone().unwrap_or_else(|| a.code.clone()))
}

/// Words that are never keywords (`data/stopwords.txt`, extendable).
#[derive(Debug, Clone, Default)]
pub struct Stopwords(std::collections::HashSet<String>);

impl Stopwords {
    /// The built-in list.
    pub fn builtin() -> Stopwords {
        let mut s = Stopwords::default();
        s.extend(include_str!("../data/stopwords.txt"));
        s
    }

    /// Adds the words of a stopword file (one per line, `#` comments).
    pub fn extend(&mut self, file: &str) {
        for line in file.lines() {
            let w = line.split('#').next().unwrap_or("").trim();
            if !w.is_empty() {
                self.0.insert(w.to_lowercase());
            }
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// What a word of the title adds to its count: the headline says what the
/// story is, where the body wanders (measured on labelled real news, see
/// `casus eval --stories`).
const TITLE_WEIGHT: u32 = 3;

/// The [`KEYWORDS`] most frequent words of four letters or more that are
/// not stopwords; a word written with a capital (a name) counts double,
/// and a word of the title [`TITLE_WEIGHT`] more.
fn keywords(text: &str, title: Option<&str>, stop: &Stopwords) -> BTreeSet<String> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut count = |raw: &str, weight: u32| {
        if raw.chars().count() < 4 || raw.chars().all(|c| c.is_ascii_digit()) {
            return;
        }
        let w = raw.to_lowercase();
        if !stop.contains(&w) {
            *counts.entry(w).or_default() += weight;
        }
    };
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        count(raw, if raw.starts_with(char::is_uppercase) { 2 } else { 1 });
    }
    for raw in title.unwrap_or("").split(|c: char| !c.is_alphanumeric()) {
        count(raw, TITLE_WEIGHT);
    }
    let mut ranked: Vec<(String, u32)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.into_iter().take(KEYWORDS).map(|(w, _)| w).collect()
}
