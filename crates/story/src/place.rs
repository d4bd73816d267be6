//! Placing a new article: the copy it is of, and the story it joins,
//! found through a store's band and key indexes ([`Lookup`]), so that the
//! cost of placing an article does not grow with the store. Every store
//! backend (SQLite, PostgreSQL) answers the same few lookups; the choice
//! is made here, once.

use crate::{jaccard, rarity, score, shingles, Keys, Rarity, Score, Weights};
use std::collections::HashMap;

/// What placing an article reads from a store. Articles are the store's
/// row numbers.
pub trait Lookup {
    type Error;
    /// For each band `b` of `bands` (the article's band keys, band `b`
    /// first), up to `limit` articles whose band `b` has that key, all in
    /// one list: an article shares as many bands as it appears.
    fn band_articles(&mut self, bands: &[i64], limit: usize) -> Result<Vec<i64>, Self::Error>;
    /// A stored article's id, the id of the article it copies, its story,
    /// title and text.
    fn article(&mut self, article: i64) -> Result<StoredArticle, Self::Error>;
    /// For each of `keys`, up to `limit` articles with that story key on
    /// a day from `lo` to `hi`, newest first: `(index in keys, article)`.
    fn key_articles(
        &mut self,
        keys: &[String],
        lo: i64,
        hi: i64,
        limit: usize,
    ) -> Result<Vec<(usize, i64)>, Self::Error>;
    /// For each of `keys` (keys that [`crate::rarity::counted`] holds, or
    /// [`crate::rarity::ALL`]), how many stored articles have it on a
    /// day from `lo` to `hi`, in order.
    fn key_counts(&mut self, keys: &[String], lo: i64, hi: i64) -> Result<Vec<i64>, Self::Error>;
    /// Each of `articles`' story and how many keywords it has, in order.
    fn stories_of(&mut self, articles: &[i64]) -> Result<Vec<(String, i64)>, Self::Error>;
    /// A story's first and last day; `None` for no such story.
    fn story_days(&mut self, story: &str) -> Result<Option<StoryDays>, Self::Error>;
}

/// A story's first and last day (days since 1970), when it has them.
pub type StoryDays = (Option<i64>, Option<i64>);

/// What [`Lookup::article`] gives.
pub struct StoredArticle {
    pub id: String,
    pub copy_of: Option<String>,
    pub story: String,
    pub title: Option<String>,
    pub text: String,
}

/// How articles are grouped into copies and stories.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placing {
    /// Two articles are copies from this Jaccard similarity of their
    /// five-word shingles.
    pub copy_similarity: f64,
    /// Articles further apart than this many days are never one story.
    pub window_days: i64,
    /// A story takes no article published more than this many days after
    /// its first one.
    pub story_span_days: i64,
    pub weights: Weights,
}

/// An article's body: its text without the headline, which republishers
/// often rewrite.
pub fn body<'a>(title: Option<&str>, text: &'a str) -> &'a str {
    match title {
        Some(t) if !t.is_empty() && text.starts_with(t) => &text[t.len()..],
        _ => text,
    }
}

/// The stored article a new one copies.
pub struct Original {
    /// The canonical article (the first of the copies stored).
    pub id: String,
    pub story: String,
    pub similarity: f64,
}

/// How many articles one band may bring in.
const PER_BAND: usize = 64;
/// Candidates checked on their real shingles, most shared bands first.
const COPY_CANDIDATES: usize = 8;

/// The canonical article that `sh` copies, if any: candidates come from
/// shared MinHash bands and are confirmed on Jaccard similarity.
pub fn find_copy<L: Lookup>(
    db: &mut L,
    bands: &[i64],
    sh: &[u64],
    threshold: f64,
) -> Result<Option<Original>, L::Error> {
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for a in db.band_articles(bands, PER_BAND)? {
        *shared.entry(a).or_default() += 1;
    }
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut best: Option<Original> = None;
    for (article, _) in ranked.into_iter().take(COPY_CANDIDATES) {
        let s = db.article(article)?;
        let sim = jaccard(sh, &shingles(body(s.title.as_deref(), &s.text)));
        if sim >= threshold && best.as_ref().is_none_or(|b| sim > b.similarity) {
            best = Some(Original {
                id: s.copy_of.unwrap_or(s.id),
                story: s.story,
                similarity: sim,
            });
        }
    }
    Ok(best)
}

/// An article sharing keys with a new one within the story window, with
/// the keys it shares and its story. Copies have no keys (they are in
/// their original's story), so they are never candidates.
pub struct Candidate {
    pub article: i64,
    pub story: String,
    pub keys: Keys,
}

/// How many articles one key may bring in: a very common key (a word of
/// every article that week) says little, and reading all of its articles
/// would make placing an article slow on a large store.
const PER_KEY: usize = 64;
/// Candidates scored in full, most shared keys first.
const SCORED: usize = 24;

/// The articles sharing keys with `keys` within `window` days of `day`
/// (`None`, an undated article: any day, newest first), `exclude` left
/// out; and the [`Rarity`] of `keys`' keywords in that window.
pub fn candidates<L: Lookup>(
    db: &mut L,
    keys: &Keys,
    day: Option<i64>,
    window: i64,
    exclude: Option<i64>,
) -> Result<(Vec<Candidate>, Rarity), L::Error> {
    // The keys each candidate shares with `keys`: all that scoring needs,
    // with the candidate's keyword count.
    let mut shared: HashMap<i64, Keys> = HashMap::new();
    let (lo, hi) = day.map_or((i64::MIN, i64::MAX), |d| (d - window, d + window));
    let all: Vec<String> = keys.all().collect();
    for (k, a) in db.key_articles(&all, lo, hi, PER_KEY)? {
        if Some(a) != exclude {
            shared.entry(a).or_default().add(&all[k]);
        }
    }
    let mut counted: Vec<String> = all.into_iter().filter(|k| rarity::counted(k)).collect();
    counted.push(rarity::ALL.to_string());
    let mut n = db.key_counts(&counted, lo, hi)?;
    let window_articles = n.pop().unwrap_or(0).max(0) as usize;
    let counts = counted
        .iter()
        .map(String::as_str)
        .zip(n.iter().map(|&c| c.max(0) as usize));
    let rarity = Rarity::counted(counts, window_articles);
    let size =
        |k: &Keys| k.events.len() * 4 + k.dyads.len() * 2 + k.actors.len() + k.places.len() + k.words.len();
    let mut ranked: Vec<(i64, Keys)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| size(&b.1).cmp(&size(&a.1)).then(a.0.cmp(&b.0)));
    ranked.truncate(SCORED);
    let ids: Vec<i64> = ranked.iter().map(|(a, _)| *a).collect();
    let stories = db.stories_of(&ids)?;
    let list = ranked
        .into_iter()
        .zip(stories)
        .map(|((article, mut k), (story, words))| {
            k.word_count = words as usize;
            Candidate {
                article,
                story,
                keys: k,
            }
        })
        .collect();
    Ok((list, rarity))
}

/// Candidates scored against `keys`, best first.
pub fn scored<L: Lookup>(
    db: &mut L,
    keys: &Keys,
    day: Option<i64>,
    exclude: Option<i64>,
    window: i64,
    weights: &Weights,
) -> Result<Vec<(Candidate, Score)>, L::Error> {
    let (list, rarity) = candidates(db, keys, day, window, exclude)?;
    let mut out: Vec<(Candidate, Score)> = list
        .into_iter()
        .map(|c| {
            let s = score(keys, &c.keys, weights, &rarity);
            (c, s)
        })
        .collect();
    out.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.0.article.cmp(&b.0.article))
    });
    Ok(out)
}

/// The story of the best-scoring candidate that is one story with it and
/// whose story, with `day` in it, spans at most
/// [`Placing::story_span_days`].
pub fn best_story<L: Lookup>(
    db: &mut L,
    keys: &Keys,
    day: Option<i64>,
    o: &Placing,
) -> Result<Option<String>, L::Error> {
    for (c, s) in scored(db, keys, day, None, o.window_days, &o.weights)? {
        if !s.same_story {
            continue;
        }
        // With this article, the story may span no more than the cap,
        // whichever end the article extends (input comes in any order).
        let within = match (day, db.story_days(&c.story)?) {
            (Some(d), Some((Some(first), Some(last)))) => last.max(d) - first.min(d) <= o.story_span_days,
            _ => true,
        };
        if within {
            return Ok(Some(c.story));
        }
    }
    Ok(None)
}
