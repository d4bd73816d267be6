//! Articles, their related articles, and stories.

use crate::error::{At, Result, StoreError};
use crate::reader::{date_param, List, Page, Reader};
use crate::sql::{int, text, Dialect, Where};
use casus_story::Reason;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;
use std::path::Path;

/// Which articles to list.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// Published on or after (YYYY-MM-DD).
    pub from: Option<String>,
    /// Published on or before (YYYY-MM-DD).
    pub to: Option<String>,
    pub story: Option<String>,
    pub source: Option<String>,
    /// List copies too (default: canonical articles only).
    pub copies: bool,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub story: String,
    pub copy_of: Option<String>,
    pub events: i64,
}

pub(crate) const SUMMARY: &str = "id, url, source, title, published, language, story, copy_of, n_events";

pub(crate) fn summary(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get(0)?,
        url: r.get(1)?,
        source: r.get(2)?,
        title: r.get(3)?,
        published: r.get(4)?,
        language: r.get(5)?,
        story: r.get(6)?,
        copy_of: r.get(7)?,
        events: r.get(8)?,
    })
}

/// An article related to another, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub story: String,
    pub same_story: bool,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// One article as stored, with its story and related articles.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// The article record, as `casus extract` writes it, plus `story`,
    /// `copy_of`, `similarity` and `related`.
    #[serde(flatten)]
    pub record: serde_json::Map<String, serde_json::Value>,
}

/// A story: articles that report the same event or thread.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRow {
    pub id: String,
    pub title: Option<String>,
    /// The first and last publication day of its articles (`null` for a
    /// story of undated articles only).
    pub first: Option<String>,
    pub last: Option<String>,
    pub articles: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    #[serde(flatten)]
    pub story: StoryRow,
    pub members: Vec<ArticleSummary>,
}

/// Day `day` since 1970 as `YYYY-MM-DD`.
pub fn iso(day: i64) -> String {
    (chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date") + chrono::Duration::days(day))
        .format("%Y-%m-%d")
        .to_string()
}

/// `col` (a day number) within `from` and `to` (ISO dates, checked).
pub fn date_range(w: &mut Where, from: &Option<String>, to: &Option<String>, col: &str) -> Result<()> {
    if let Some(f) = from {
        w.and(&format!("{col} >= ?"), [int(date_param("from", f)?)]);
    }
    if let Some(t) = to {
        w.and(&format!("{col} <= ?"), [int(date_param("to", t)?)]);
    }
    Ok(())
}

/// Related articles of the article at `rowid` (see `related.rs`).
fn related_of(r: &Reader, db: &Connection, rowid: i64, limit: usize) -> Result<Vec<Related>> {
    let path = r.db_path.as_path();
    let mut lookup = crate::cluster::Sqlite { db, path };
    crate::related::related_of(
        &mut lookup,
        rowid,
        limit,
        r.options.window_days,
        &r.options.weights,
    )
}

pub(crate) fn rowid_of(db: &Connection, id: &str, path: &Path) -> Result<i64> {
    db.query_row("SELECT rowid FROM articles WHERE id = ?1", [id], |r| r.get(0))
        .optional()
        .at(path)?
        .ok_or_else(|| StoreError::NotFound {
            what: "article",
            id: id.to_string(),
        })
}

impl ArticleFilter {
    /// The WHERE clause on `articles` in `dialect`'s SQL.
    pub fn clause_in(&self, dialect: Dialect) -> Result<Where> {
        let mut w = Where::new(dialect);
        date_range(&mut w, &self.from, &self.to, "day")?;
        if let Some(s) = &self.story {
            w.and("story = ?", [text(s)]);
        }
        if let Some(s) = &self.source {
            w.nocase("source", s);
        }
        if !self.copies {
            w.and("copy_of IS NULL", []);
        }
        Ok(w)
    }
}

impl Reader {
    pub fn articles(&self, f: &ArticleFilter, page: Page) -> Result<List<ArticleSummary>> {
        let path = self.db_path.as_path();
        let w = f.clause_in(Dialect::Sqlite)?;
        self.with(|db| {
            w.page(
                db,
                SUMMARY,
                "articles",
                "ORDER BY day DESC, rowid DESC",
                page,
                path,
                summary,
            )
        })
    }

    /// One article with everything coded in it, its story, and up to
    /// `related` related articles.
    pub fn article(&self, id: &str, related: usize) -> Result<ArticleView> {
        let path = self.db_path.as_path();
        self.with(|db| {
            let rowid = rowid_of(db, id, path)?;
            let (record, story, copy_of, sim): (crate::record::Record, String, Option<String>, Option<f64>) =
                db.query_row(
                    "SELECT record, story, copy_of, similarity FROM articles WHERE rowid = ?1",
                    [rowid],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .at(path)?;
            let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&record.0)
                .map_err(|source| StoreError::Record {
                    path: path.to_path_buf(),
                    id: id.to_string(),
                    source,
                })?;
            map.insert("story".into(), story.into());
            map.insert("copy_of".into(), copy_of.into());
            map.insert("similarity".into(), sim.into());
            let rel = related_of(self, db, rowid, related)?;
            map.insert("related".into(), serde_json::to_value(rel).expect("serialisable"));
            Ok(ArticleView { record: map })
        })
    }

    /// Up to `limit` articles related to article `id`, same story first.
    pub fn related(&self, id: &str, limit: usize) -> Result<Vec<Related>> {
        let path = self.db_path.as_path();
        self.with(|db| {
            let rowid = rowid_of(db, id, path)?;
            related_of(self, db, rowid, limit)
        })
    }

    /// Stories, the largest first; `from`/`to` bound their last day.
    pub fn stories(&self, from: &Option<String>, to: &Option<String>, page: Page) -> Result<List<StoryRow>> {
        let path = self.db_path.as_path();
        let mut w = Where::default();
        date_range(&mut w, from, to, "last_day")?;
        let order = "ORDER BY articles DESC, last_day DESC, id";
        let select = "id, title, first_day, last_day, articles";
        self.with(|db| w.page(db, select, "stories", order, page, path, story_row))
    }

    /// A story and its articles, oldest first: all of them, or one page
    /// (the story's `articles` is the count of all). `id` may be the
    /// story's id or the id of any article in it.
    pub fn story(&self, id: &str, page: Option<Page>) -> Result<StoryView> {
        let path = self.db_path.as_path();
        self.with(|db| {
            let sid: String = match db
                .query_row("SELECT story FROM articles WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .at(path)?
            {
                Some(s) => s,
                None => id.to_string(),
            };
            let story = db
                .query_row(
                    "SELECT id, title, first_day, last_day, articles FROM stories WHERE id = ?1",
                    [&sid],
                    story_row,
                )
                .optional()
                .at(path)?
                .ok_or_else(|| StoreError::NotFound {
                    what: "story",
                    id: id.to_string(),
                })?;
            let mut w = Where::default();
            w.and("story = ?", [text(&sid)]);
            let tail = match page {
                Some(p) => format!("ORDER BY day, rowid LIMIT {} OFFSET {}", p.limit, p.offset),
                None => "ORDER BY day, rowid".to_string(),
            };
            let members = w.rows(db, SUMMARY, "articles", &tail, path, summary)?;
            Ok(StoryView { story, members })
        })
    }
}

pub(crate) fn story_row(r: &Row<'_>) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: r.get(0)?,
        title: r.get(1)?,
        first: r.get::<_, Option<i64>>(2)?.map(iso),
        last: r.get::<_, Option<i64>>(3)?.map(iso),
        articles: r.get(4)?,
    })
}
