//! Copies and stories, found through the database's band and key indexes,
//! so that the cost of placing a new article does not grow with the store.

use crate::error::{At, Result};
use crate::record::{text_of, Record};
use crate::write::body;
use crate::StoreOptions;
use casus_story::{jaccard, score, shingles, Keys, Score};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use std::path::Path;

/// The stored article a new one copies.
pub(crate) struct Original {
    /// The canonical article (the first of the copies stored).
    pub id: String,
    pub story: String,
    pub similarity: f64,
}

/// Candidates checked on their real shingles, most shared bands first.
const COPY_CANDIDATES: usize = 8;

/// The canonical article that `shingles` copies, if any: candidates come
/// from shared MinHash bands and are confirmed on Jaccard similarity.
pub(crate) fn find_copy(
    db: &Connection,
    bands: &[i64],
    sh: &[u64],
    threshold: f64,
    path: &Path,
) -> Result<Option<Original>> {
    let mut shared: HashMap<i64, usize> = HashMap::new();
    {
        let mut st = db
            .prepare_cached("SELECT article FROM bands WHERE band = ?1 AND key = ?2 LIMIT 64")
            .at(path)?;
        for (b, key) in bands.iter().enumerate() {
            let rows = st
                .query_map(params![b as i64, key], |r| r.get::<_, i64>(0))
                .at(path)?;
            for r in rows {
                *shared.entry(r.at(path)?).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut best: Option<Original> = None;
    for (rowid, _) in ranked.into_iter().take(COPY_CANDIDATES) {
        // Only the title and text of the stored record are needed.
        let (id, copy_of, story, title, text): (String, Option<String>, String, Option<String>, String) = db
            .prepare_cached("SELECT id, copy_of, story, title, record FROM articles WHERE rowid = ?1")
            .at(path)?
            .query_row([rowid], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    text_of(&r.get::<_, Record>(4)?),
                ))
            })
            .at(path)?;
        let sim = jaccard(sh, &shingles(body(title.as_deref(), &text)));
        if sim >= threshold && best.as_ref().is_none_or(|b| sim > b.similarity) {
            best = Some(Original {
                id: copy_of.unwrap_or(id),
                story,
                similarity: sim,
            });
        }
    }
    Ok(best)
}

/// Articles sharing a key with `keys` within the story window, each with
/// the keys it shares and its story. Copies have no keys (they are in
/// their original's story), so they are never candidates.
pub(crate) struct Candidate {
    pub rowid: i64,
    pub story: String,
    pub keys: Keys,
}

/// How many articles one key may bring in: a very common key (a word of
/// every article that week) says little, and reading all of its articles
/// would make placing an article slow on a large store.
const PER_KEY: usize = 64;
/// Candidates scored in full, most shared keys first.
const SCORED: usize = 24;

/// `day` `None` (an undated article): candidates from any day, newest
/// first.
pub(crate) fn candidates(
    db: &Connection,
    keys: &Keys,
    day: Option<i64>,
    window: i64,
    exclude: Option<i64>,
    path: &Path,
) -> Result<Vec<Candidate>> {
    // The keys each candidate shares with `keys`: all that scoring needs,
    // with the candidate's keyword count.
    let mut shared: HashMap<i64, Keys> = HashMap::new();
    let (lo, hi) = day.map_or((i64::MIN, i64::MAX), |d| (d - window, d + window));
    {
        let mut st = db
            .prepare_cached(
                // Newest first, in index order: no sort, and the scan
                // stops at the limit however common the key.
                "SELECT article FROM keys WHERE key = ?1 AND day BETWEEN ?2 AND ?3
                 ORDER BY day DESC LIMIT ?4",
            )
            .at(path)?;
        for key in keys.all() {
            let rows = st
                .query_map(params![key, lo, hi, PER_KEY as i64], |r| r.get::<_, i64>(0))
                .at(path)?;
            for r in rows {
                let rowid = r.at(path)?;
                if Some(rowid) != exclude {
                    shared.entry(rowid).or_default().add(&key);
                }
            }
        }
    }
    let size =
        |k: &Keys| k.events.len() * 4 + k.dyads.len() * 2 + k.actors.len() + k.places.len() + k.words.len();
    let mut ranked: Vec<(i64, Keys)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| size(&b.1).cmp(&size(&a.1)).then(a.0.cmp(&b.0)));
    ranked.truncate(SCORED);
    let mut st = db
        .prepare_cached("SELECT story, keywords FROM articles WHERE rowid = ?1")
        .at(path)?;
    let mut out = Vec::with_capacity(ranked.len());
    for (rowid, mut k) in ranked {
        let (story, words): (String, i64) = st.query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?))).at(path)?;
        k.word_count = words as usize;
        out.push(Candidate {
            rowid,
            story,
            keys: k,
        });
    }
    Ok(out)
}

/// Candidates scored against `keys`, best first.
pub(crate) fn scored(
    db: &Connection,
    keys: &Keys,
    day: Option<i64>,
    exclude: Option<i64>,
    o: &StoreOptions,
    path: &Path,
) -> Result<Vec<(Candidate, Score)>> {
    let mut out: Vec<(Candidate, Score)> = candidates(db, keys, day, o.window_days, exclude, path)?
        .into_iter()
        .map(|c| {
            let s = score(keys, &c.keys, &o.weights);
            (c, s)
        })
        .collect();
    out.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.rowid.cmp(&b.0.rowid)));
    Ok(out)
}

/// The story of the best-scoring candidate that is one story with it and
/// whose story, with `day` in it, spans at most
/// [`StoreOptions::story_span_days`].
pub(crate) fn best_story(
    db: &Connection,
    keys: &Keys,
    day: Option<i64>,
    o: &StoreOptions,
    path: &Path,
) -> Result<Option<String>> {
    let mut span = db
        .prepare_cached("SELECT first_day, last_day FROM stories WHERE id = ?1")
        .at(path)?;
    for (c, s) in scored(db, keys, day, None, o, path)? {
        if !s.same_story {
            continue;
        }
        let days: Option<(Option<i64>, Option<i64>)> = span
            .query_row([&c.story], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .at(path)?;
        // With this article, the story may span no more than the cap,
        // whichever end the article extends (input comes in any order).
        let within = match (day, days) {
            (Some(d), Some((Some(first), Some(last)))) => last.max(d) - first.min(d) <= o.story_span_days,
            _ => true,
        };
        if within {
            return Ok(Some(c.story));
        }
    }
    Ok(None)
}
