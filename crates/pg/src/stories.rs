//! What `casus related` and `casus story` read: an article's related
//! articles (chosen by `casus_store::related`, as in the SQLite store) and
//! a story with its articles.

use crate::error::{On, Result};
use crate::lookup::{summary, Pg, SUMMARY};
use crate::store::PgStore;
use casus_store::related::{related_of, Articles};
use casus_store::{iso, Page, Related, StoreError, StoryRow, StoryView};

impl PgStore {
    /// Up to `limit` articles related to article `id`, same story first.
    pub fn related(&mut self, id: &str, limit: usize) -> Result<Vec<Related>> {
        let target = self.target.as_str();
        let (window, weights) = (self.options.window_days, self.options.weights);
        let mut tx = self.client.transaction().on(target, "starting a read")?;
        let mut pg = Pg {
            tx: &mut tx,
            st: &self.st,
            target,
        };
        let rowid = pg.rowid_of(id)?.ok_or_else(|| StoreError::NotFound {
            what: "article",
            id: id.to_string(),
        })?;
        related_of(&mut pg, rowid, limit, window, &weights)
    }

    /// A story and its articles (all, or one page), oldest first; `id` is
    /// the story's id or the id of any article in it.
    pub fn story(&mut self, id: &str, page: Option<Page>) -> Result<StoryView> {
        let target = self.target.as_str();
        let sid: String = self
            .client
            .query_opt("SELECT story FROM articles WHERE id = $1", &[&id])
            .on(target, "looking up an article")?
            .map_or_else(|| id.to_string(), |r| r.get(0));
        let r = self
            .client
            .query_opt(
                "SELECT id, title, first_day, last_day, articles FROM stories WHERE id = $1",
                &[&sid],
            )
            .on(target, "reading a story")?
            .ok_or_else(|| StoreError::NotFound {
                what: "story",
                id: id.to_string(),
            })?;
        let story = StoryRow {
            id: r.get(0),
            title: r.get(1),
            first: r.get::<_, Option<i64>>(2).map(iso),
            last: r.get::<_, Option<i64>>(3).map(iso),
            articles: r.get(4),
        };
        let members = self
            .client
            .query(
                &format!(
                    "SELECT {SUMMARY} FROM articles WHERE story = $1 ORDER BY day NULLS FIRST, rowid {}",
                    page.map_or_else(String::new, |p| format!("LIMIT {} OFFSET {}", p.limit, p.offset))
                ),
                &[&sid],
            )
            .on(target, "reading a story's articles")?
            .iter()
            .map(summary)
            .collect();
        Ok(StoryView { story, members })
    }
}
