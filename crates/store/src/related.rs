//! Related articles: copies first, then the story's other articles, then
//! others by score. The choice is made here once, over the few lookups
//! every store backend answers ([`Articles`], beside placing's
//! [`Lookup`]).

use crate::articles::{ArticleSummary, Related};
use casus_story::place::scored;
use casus_story::{Keys, Lookup, Reason, Weights};

/// What listing an article's related articles reads from a store.
pub trait Articles: Lookup {
    /// The row of article `id`, if stored.
    fn rowid_of(&mut self, id: &str) -> Result<Option<i64>, Self::Error>;
    /// An article's id, day, story and the id of the article it copies.
    fn head(&mut self, rowid: i64) -> Result<Head, Self::Error>;
    /// An article's story keys.
    fn keys_of(&mut self, rowid: i64) -> Result<Vec<String>, Self::Error>;
    /// Article `canonical` and its copies, but article `id`.
    fn copies(&mut self, canonical: &str, id: &str) -> Result<Vec<ArticleSummary>, Self::Error>;
    /// One article, as lists show it.
    fn summary(&mut self, rowid: i64) -> Result<ArticleSummary, Self::Error>;
}

/// What [`Articles::head`] gives.
pub struct Head {
    pub id: String,
    pub day: Option<i64>,
    pub story: String,
    pub copy_of: Option<String>,
}

/// Up to `limit` articles related to the article at `rowid`: copies and
/// same-story articles first, then by score.
pub fn related_of<L: Articles>(
    db: &mut L,
    rowid: i64,
    limit: usize,
    window: i64,
    weights: &Weights,
) -> Result<Vec<Related>, L::Error> {
    let head = db.head(rowid)?;
    let mut keys = Keys::default();
    for k in db.keys_of(rowid)? {
        keys.add(&k);
    }
    let canonical = head.copy_of.clone().unwrap_or_else(|| head.id.clone());
    let mut out: Vec<Related> = Vec::new();
    // Copies of this article, or the original and its other copies.
    for c in db.copies(&canonical, &head.id)? {
        out.push(related_row(c, &head.story, 100.0, vec![Reason::Copy]));
    }
    let exclude = db.rowid_of(&canonical)?;
    for (c, s) in scored(db, &keys, head.day, exclude.or(Some(rowid)), window, weights)? {
        if c.article == rowid || s.score < 1.0 {
            continue;
        }
        let a = db.summary(c.article)?;
        if !out.iter().any(|o| o.id == a.id) {
            out.push(related_row(a, &head.story, s.score, s.reasons));
        }
    }
    out.sort_by(|a, b| {
        b.same_story
            .cmp(&a.same_story)
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
    out.truncate(limit);
    Ok(out)
}

fn related_row(a: ArticleSummary, story: &str, score: f64, reasons: Vec<Reason>) -> Related {
    Related {
        same_story: a.story == story,
        id: a.id,
        title: a.title,
        source: a.source,
        published: a.published,
        story: a.story,
        score: (score * 1000.0).round() / 1000.0,
        reasons,
    }
}
