//! The lookups of `casus_story::place` on PostgreSQL: each a single
//! statement, however many bands or keys an article has.

use crate::error::{On, PgError, Result};
use crate::store::Statements;
use casus_store::related::{Articles, Head};
use casus_store::ArticleSummary;
use casus_story::place::{StoredArticle, StoryDays};
use casus_story::Lookup;
use postgres::Transaction;

/// The statements placing an article runs.
pub(crate) const BAND_ARTICLES: &str =
    "SELECT b.article FROM unnest($1::bigint[]) WITH ORDINALITY AS t(key, i)
   CROSS JOIN LATERAL (SELECT article FROM bands WHERE band = t.i - 1 AND key = t.key LIMIT $2) b";
pub(crate) const ARTICLE: &str = "SELECT id, copy_of, story, title, record FROM articles WHERE rowid = $1";
pub(crate) const KEY_ARTICLES: &str =
    "SELECT t.i, k.article FROM unnest($1::text[]) WITH ORDINALITY AS t(key, i)
   CROSS JOIN LATERAL (SELECT article FROM keys WHERE key = t.key AND day BETWEEN $2 AND $3
                       ORDER BY day DESC LIMIT $4) k";
pub(crate) const KEY_COUNTS: &str =
    "SELECT coalesce((SELECT sum(articles) FROM key_days WHERE key = t.key AND day BETWEEN $2 AND $3), 0)::bigint
   FROM unnest($1::text[]) WITH ORDINALITY AS t(key, i) ORDER BY t.i";
pub(crate) const STORIES_OF: &str =
    "SELECT a.story, a.keywords FROM unnest($1::bigint[]) WITH ORDINALITY AS t(r, i)
   JOIN articles a ON a.rowid = t.r ORDER BY t.i";
pub(crate) const STORY_DAYS: &str = "SELECT first_day, last_day FROM stories WHERE id = $1";

/// A transaction seen by `casus_story::place`.
pub(crate) struct Pg<'a, 'b> {
    pub tx: &'a mut Transaction<'b>,
    pub st: &'a Statements,
    pub target: &'a str,
}

impl Lookup for Pg<'_, '_> {
    type Error = PgError;

    fn band_articles(&mut self, bands: &[i64], limit: usize) -> Result<Vec<i64>> {
        let rows = self
            .tx
            .query(&self.st.band_articles, &[&bands, &(limit as i64)])
            .on(self.target, "looking up copy candidates")?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn article(&mut self, article: i64) -> Result<StoredArticle> {
        let r = self
            .tx
            .query_one(&self.st.article, &[&article])
            .on(self.target, "reading a copy candidate")?;
        let record: Vec<u8> = r.get(4);
        let json = casus_store::record::unpack(&record).map_err(|why| PgError::Record {
            target: self.target.to_string(),
            article,
            why,
        })?;
        Ok(StoredArticle {
            id: r.get(0),
            copy_of: r.get(1),
            story: r.get(2),
            title: r.get(3),
            text: casus_store::record::json_text(&json),
        })
    }

    fn key_articles(&mut self, keys: &[String], lo: i64, hi: i64, limit: usize) -> Result<Vec<(usize, i64)>> {
        let rows = self
            .tx
            .query(&self.st.key_articles, &[&keys, &lo, &hi, &(limit as i64)])
            .on(self.target, "looking up story candidates")?;
        Ok(rows
            .iter()
            .map(|r| ((r.get::<_, i64>(0) - 1) as usize, r.get(1)))
            .collect())
    }

    fn key_counts(&mut self, keys: &[String], lo: i64, hi: i64) -> Result<Vec<i64>> {
        let rows = self
            .tx
            .query(&self.st.key_counts, &[&keys, &lo, &hi])
            .on(self.target, "counting keywords around a day")?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn stories_of(&mut self, articles: &[i64]) -> Result<Vec<(String, i64)>> {
        let rows = self
            .tx
            .query(&self.st.stories_of, &[&articles])
            .on(self.target, "reading candidates' stories")?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn story_days(&mut self, story: &str) -> Result<Option<StoryDays>> {
        let r = self
            .tx
            .query_opt(&self.st.story_days, &[&story])
            .on(self.target, "reading a story's days")?;
        Ok(r.map(|r| (r.get(0), r.get(1))))
    }
}

/// An article as lists show it.
pub(crate) const SUMMARY: &str = "id, url, source, title, published, language, story, copy_of, n_events";

pub(crate) fn summary(r: &postgres::Row) -> ArticleSummary {
    ArticleSummary {
        id: r.get(0),
        url: r.get(1),
        source: r.get(2),
        title: r.get(3),
        published: r.get(4),
        language: r.get(5),
        story: r.get(6),
        copy_of: r.get(7),
        events: r.get(8),
    }
}

impl Articles for Pg<'_, '_> {
    fn rowid_of(&mut self, id: &str) -> Result<Option<i64>> {
        let r = self
            .tx
            .query_opt("SELECT rowid FROM articles WHERE id = $1", &[&id])
            .on(self.target, "looking up an article")?;
        Ok(r.map(|r| r.get(0)))
    }

    fn head(&mut self, rowid: i64) -> Result<Head> {
        let r = self
            .tx
            .query_one(
                "SELECT id, day, story, copy_of FROM articles WHERE rowid = $1",
                &[&rowid],
            )
            .on(self.target, "reading an article")?;
        Ok(Head {
            id: r.get(0),
            day: r.get(1),
            story: r.get(2),
            copy_of: r.get(3),
        })
    }

    fn keys_of(&mut self, rowid: i64) -> Result<Vec<String>> {
        let rows = self
            .tx
            .query("SELECT key FROM keys WHERE article = $1", &[&rowid])
            .on(self.target, "reading an article's keys")?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn copies(&mut self, canonical: &str, id: &str) -> Result<Vec<ArticleSummary>> {
        let rows = self
            .tx
            .query(
                &format!("SELECT {SUMMARY} FROM articles WHERE (copy_of = $1 OR id = $1) AND id != $2"),
                &[&canonical, &id],
            )
            .on(self.target, "reading an article's copies")?;
        Ok(rows.iter().map(summary).collect())
    }

    fn summary(&mut self, rowid: i64) -> Result<ArticleSummary> {
        let r = self
            .tx
            .query_one(
                &format!("SELECT {SUMMARY} FROM articles WHERE rowid = $1"),
                &[&rowid],
            )
            .on(self.target, "reading an article")?;
        Ok(summary(&r))
    }
}
