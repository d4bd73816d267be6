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
    /// One page of `SELECT {select} FROM {table} {w} {order}`, and the
    /// count of all the rows `w` selects (kept under `key` for two
    /// seconds, as the SQLite store's list totals).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn listed(
        &self,
        key: String,
        select: &str,
        table: &str,
        order: &str,
        w: &Where,
        page: Page,
        what: &'static str,
    ) -> StoreResult<(u64, Vec<postgres::Row>)> {
        let count = format!("SELECT count(*) FROM {table} {}", w.sql());
        let total = self
            .cache
            .total(key, || self.with(|s| s.count_of(&count, w, "counting a list")))?;
        let sql = format!("SELECT {select} FROM {table} {} {}", w.sql(), paged(order, page));
        Ok((total, self.with(|s| s.rows_of(&sql, w, what))?))
    }

    pub(super) fn list_articles(&self, f: &ArticleFilter, page: Page) -> StoreResult<List<ArticleSummary>> {
        let w = f.clause_in(Dialect::Postgres)?;
        let (total, rows) = self.listed(
            format!("articles {f:?}"),
            SUMMARY,
            "articles",
            "ORDER BY day DESC NULLS LAST, rowid DESC",
            &w,
            page,
            "listing articles",
        )?;
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
        let (total, rows) = self.listed(
            format!("stories {from:?} {to:?}"),
            "id, title, first_day, last_day, articles",
            "stories",
            "ORDER BY articles DESC, last_day DESC NULLS LAST, id COLLATE \"C\"",
            &w,
            page,
            "listing stories",
        )?;
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
