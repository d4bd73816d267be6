//! Articles, an article with its related articles, stories and a story,
//! as the SQLite store lists them (same filters, same order).

use super::{PgReader, StoreResult};
use crate::error::{On, PgError};
use crate::lookup::{summary, SUMMARY};
use casus_store::{
    date_range, iso, ArticleFilter, ArticleSummary, ArticleView, Dialect, List, Page, Related, StoreError,
    StoryRow, StoryView, Where,
};

/// `ORDER BY ... LIMIT ... OFFSET ...` for one page.
pub(super) fn paged(order: &str, page: Page) -> String {
    format!("{order} LIMIT {} OFFSET {}", page.limit, page.offset)
}

impl PgReader {
    /// A list's total for `key`, counted by `sql` at most every two
    /// seconds (as the SQLite store's lists).
    pub(super) fn total(&self, key: String, sql: &str, w: &Where) -> StoreResult<u64> {
        self.cache
            .total(key, || self.with(|s| s.count_of(sql, w, "counting a list")))
    }

    pub(super) fn list_articles(&self, f: &ArticleFilter, page: Page) -> StoreResult<List<ArticleSummary>> {
        let w = f.clause_in(Dialect::Postgres)?;
        let total = self.total(
            format!("articles {f:?}"),
            &format!("SELECT count(*) FROM articles {}", w.sql()),
            &w,
        )?;
        let sql = format!(
            "SELECT {SUMMARY} FROM articles {} {}",
            w.sql(),
            paged("ORDER BY day DESC NULLS LAST, rowid DESC", page)
        );
        let rows = self.with(|s| s.rows_of(&sql, &w, "listing articles"))?;
        Ok(List::new(total, page, rows.iter().map(summary).collect()))
    }

    pub(super) fn one_article(&self, id: &str, related: usize) -> StoreResult<ArticleView> {
        self.with(|s| {
            let target = s.target.clone();
            let r = s
                .client
                .query_opt(
                    "SELECT rowid, record, story, copy_of, similarity FROM articles WHERE id = $1",
                    &[&id],
                )
                .on(&target, "reading an article")?
                .ok_or_else(|| StoreError::NotFound {
                    what: "article",
                    id: id.to_string(),
                })?;
            let rowid: i64 = r.get(0);
            let bad = |why: String| PgError::Record {
                target: target.clone(),
                article: rowid,
                why,
            };
            let json = casus_store::record::unpack(r.get(1)).map_err(bad)?;
            let mut map: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&json).map_err(|e| bad(e.to_string()))?;
            map.insert("story".into(), r.get::<_, String>(2).into());
            map.insert("copy_of".into(), r.get::<_, Option<String>>(3).into());
            map.insert("similarity".into(), r.get::<_, Option<f64>>(4).into());
            let rel = s.related(id, related)?;
            map.insert("related".into(), serde_json::to_value(rel).expect("serialisable"));
            Ok(ArticleView { record: map })
        })
    }

    pub(super) fn related_of(&self, id: &str, limit: usize) -> StoreResult<Vec<Related>> {
        self.with(|s| s.related(id, limit))
    }

    pub(super) fn list_stories(
        &self,
        from: &Option<String>,
        to: &Option<String>,
        page: Page,
    ) -> StoreResult<List<StoryRow>> {
        let mut w = Where::new(Dialect::Postgres);
        date_range(&mut w, from, to, "last_day")?;
        let total = self.total(
            format!("stories {from:?} {to:?}"),
            &format!("SELECT count(*) FROM stories {}", w.sql()),
            &w,
        )?;
        let sql = format!(
            "SELECT id, title, first_day, last_day, articles FROM stories {} {}",
            w.sql(),
            paged(
                "ORDER BY articles DESC, last_day DESC NULLS LAST, id COLLATE \"C\"",
                page
            )
        );
        let rows = self.with(|s| s.rows_of(&sql, &w, "listing stories"))?;
        let items = rows
            .iter()
            .map(|r| StoryRow {
                id: r.get(0),
                title: r.get(1),
                first: r.get::<_, Option<i64>>(2).map(iso),
                last: r.get::<_, Option<i64>>(3).map(iso),
                articles: r.get(4),
            })
            .collect();
        Ok(List::new(total, page, items))
    }

    pub(super) fn one_story(&self, id: &str, page: Option<Page>) -> StoreResult<StoryView> {
        self.with(|s| s.story(id, page))
    }
}
