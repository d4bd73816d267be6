//! Events (filtered), actors, time series and text search.

use crate::articles::date_range;
use crate::error::{At, Result, StoreError};
pub(crate) use crate::event_row::{event_row, EventRow, EVENT, FROM};
use crate::index::Hit;
use crate::reader::{List, Page, Reader};
use crate::sql::{int, text, Dialect, Where};
use serde::Serialize;

/// Which events: every filter given must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Source or target: an actor id (`lloyd-austin`) or code (`USAGOV`).
    pub actor: Option<String>,
    /// The source, by id or code.
    pub source: Option<String>,
    /// The target, by id or code.
    pub target: Option<String>,
    /// Source's or target's country (ISO 3166 alpha-3).
    pub country: Option<String>,
    /// A CAMEO code or its prefix (`19` is every 19x).
    pub code: Option<String>,
    /// A PLOVER category (`ASSAULT`), any case.
    pub category: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// A place: a GeoNames id, a place name, or a country code.
    pub place: Option<String>,
    pub article: Option<String>,
    /// Only the events of this story's articles: a story id, or the id of
    /// one of its articles.
    pub story: Option<String>,
    /// Include events of copies (default: counted once, from the original).
    pub copies: bool,
}

/// Whether `s` is an actor code (`USAGOV`, `IGOUNO`) rather than an id
/// (`lloyd-austin`): codes are upper-case letters and digits.
pub fn is_code(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `who` is an actor code or id; `sides` are `source`, `target` or both.
/// A code is matched against the code columns, an id against the id
/// columns, so that each side's index serves.
fn who(w: &mut Where, who: &str, sides: &[&str]) {
    let suffix = if is_code(who) { "_code" } else { "" };
    let c: Vec<String> = sides.iter().map(|s| format!("e.{s}{suffix} = ?")).collect();
    w.and(&c.join(" OR "), sides.iter().map(|_| text(who)));
}

impl EventFilter {
    /// The tables to select from: the articles are joined only when the
    /// filter needs them.
    pub fn tables(&self) -> &'static str {
        if self.article.is_some() || self.story.is_some() {
            FROM
        } else {
            "events e"
        }
    }

    /// For a filter with an `actor`: its clause with the actor as the
    /// source, and (its parameters numbered after) with the actor as the
    /// target. A page of either side's events is read as the newest of
    /// each side, merged: one query with `OR` would sort every event of a
    /// common actor.
    pub fn either_side(&self, dialect: Dialect) -> Result<Option<(Where, Where)>> {
        let Some(a) = &self.actor else { return Ok(None) };
        let rest = EventFilter {
            actor: None,
            ..self.clone()
        };
        let mut as_source = Where::new(dialect);
        rest.clause_into(&mut as_source)?;
        who(&mut as_source, a, &["source"]);
        let mut as_target = Where::after(&as_source);
        rest.clause_into(&mut as_target)?;
        who(&mut as_target, a, &["target"]);
        Ok(Some((as_source, as_target)))
    }

    pub(crate) fn clause(&self) -> Result<Where> {
        self.clause_in(Dialect::Sqlite)
    }

    /// The WHERE clause on `events e` (joined with `articles a` where
    /// [`EventFilter::tables`] says) in `dialect`'s SQL; a bad code or
    /// date is a [`StoreError::BadParam`].
    pub fn clause_in(&self, dialect: Dialect) -> Result<Where> {
        let mut w = Where::new(dialect);
        self.clause_into(&mut w)?;
        Ok(w)
    }

    fn clause_into(&self, w: &mut Where) -> Result<()> {
        if let Some(a) = &self.actor {
            who(w, a, &["source", "target"]);
        }
        if let Some(a) = &self.source {
            who(w, a, &["source"]);
        }
        if let Some(a) = &self.target {
            who(w, a, &["target"]);
        }
        if let Some(c) = &self.country {
            let c = c.to_uppercase();
            w.and(
                "e.source_country = ? OR e.target_country = ?",
                [text(&c), text(&c)],
            );
        }
        if let Some(c) = &self.code {
            if c.is_empty() || c.len() > 4 || !c.chars().all(|ch| ch.is_ascii_digit()) {
                return Err(StoreError::bad(
                    "code",
                    format!("expected a CAMEO code or prefix of 1 to 4 digits, got {c:?}"),
                ));
            }
            w.and("e.cameo LIKE ?", [text(&format!("{c}%"))]);
        }
        if let Some(c) = &self.category {
            w.nocase("e.plover", c);
        }
        date_range(w, &self.from, &self.to, "e.day")?;
        if let Some(p) = &self.place {
            match p.parse::<i64>() {
                Ok(g) => w.and("e.geonameid = ?", [int(g)]),
                Err(_) => w.and(
                    &format!("{} OR e.place_country = ?", w.nocase_eq("e.place")),
                    [text(p), text(&p.to_uppercase())],
                ),
            }
        }
        if let Some(a) = &self.article {
            w.and("a.id = ?", [text(a)]);
        }
        if let Some(s) = &self.story {
            // A story id, or any of its articles' ids (as /api/stories/{id}).
            w.and(
                "a.story = coalesce((SELECT x.story FROM articles x WHERE x.id = ?), ?)",
                [text(s), text(s)],
            );
        }
        if !self.copies {
            w.not("e.copy");
        }
        Ok(())
    }
}

/// The page of events with actor `a` on either side: the newest from each
/// side's index (in index order, no sort), merged. One query with `OR`
/// would sort every event of a common actor.
fn either_side(
    db: &rusqlite::Connection,
    f: &EventFilter,
    from: &str,
    page: Page,
    path: &std::path::Path,
) -> Result<Vec<i64>> {
    let (as_source, as_target) = f.either_side(Dialect::Sqlite)?.expect("a filter with an actor");
    let n = page.offset + page.limit;
    let side = |w: &Where| {
        format!(
            "SELECT rowid, day FROM (SELECT e.rowid AS rowid, e.day AS day FROM {from} {}
             ORDER BY e.day DESC, e.rowid DESC LIMIT {n})",
            w.sql()
        )
    };
    let sql = format!(
        "{} UNION {} ORDER BY day DESC, rowid DESC LIMIT {} OFFSET {}",
        side(&as_source),
        side(&as_target),
        page.limit,
        page.offset
    );
    let params = as_source.values().iter().chain(as_target.values());
    let mut st = db.prepare_cached(&sql).at(path)?;
    let rows = st
        .query_map(rusqlite::params_from_iter(params), |r| r.get::<_, i64>(0))
        .at(path)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().at(path)
}

/// An actor and how often it is mentioned.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    /// The dictionary id, or the code for actors known only by code.
    pub actor: String,
    pub name: Option<String>,
    pub code: Option<String>,
    pub country: Option<String>,
    pub mentions: i64,
    pub articles: i64,
}

/// A search hit with its article.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub score: f32,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub story: String,
    /// A fragment of the text with the query's words in `<b>`.
    pub snippet: Option<String>,
}

/// The rows of `actor_counts` [`Reader::actors`] lists: mentioned, and
/// with `q` (any case) in the id, name or code.
pub fn actors_where(q: Option<&str>, dialect: Dialect) -> Where {
    let mut w = Where::new(dialect);
    w.and("mentions > 0", []);
    if let Some(q) = q {
        let like = format!("%{q}%");
        // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's does not.
        let op = match dialect {
            Dialect::Sqlite => "LIKE",
            Dialect::Postgres => "ILIKE",
        };
        w.and(
            &format!("actor {op} ? OR name {op} ? OR code {op} ?"),
            [text(&like), text(&like), text(&like)],
        );
    }
    w
}

impl Reader {
    pub fn events(&self, f: &EventFilter, page: Page) -> Result<List<EventRow>> {
        let w = f.clause()?;
        let path = self.db_path.as_path();
        let from = f.tables();
        // Counts that the daily totals can answer are read from them: an
        // actor with half a million events is counted in milliseconds.
        let daily = crate::series::daily_where(f, Dialect::Sqlite)?;
        let total = self.total(format!("events {f:?}"), || {
            self.with(|db| match &daily {
                // The daily totals hold dated events only: undated ones
                // (no day, so on the actor and dyad indexes' NULL end)
                // are counted from the events.
                Some(d) => {
                    let mut undated = w.clone();
                    undated.and("e.day IS NULL", []);
                    Ok(d.sum(db, "events", "dyad_days", path)? + undated.count(db, from, path)?)
                }
                None => w.count(db, from, path),
            })
        })?;
        self.with(|db| {
            let tail = format!(
                "ORDER BY e.day DESC, e.rowid DESC LIMIT {} OFFSET {}",
                page.limit, page.offset
            );
            // Sort only (day, rowid), then read the page's rows: sorting
            // whole rows of a common actor's events is what takes time.
            let ids = match &f.actor {
                Some(_) => either_side(db, f, from, page, path)?,
                None => w.rows(db, "e.rowid", from, &tail, path, |r| r.get::<_, i64>(0))?,
            };
            let mut one = db
                .prepare_cached(&format!("SELECT {EVENT} FROM {FROM} WHERE e.rowid = ?1"))
                .at(path)?;
            let items = ids
                .iter()
                .map(|id| one.query_row([id], event_row))
                .collect::<rusqlite::Result<Vec<_>>>()
                .at(path)?;
            Ok(List::new(total, page, items))
        })
    }

    /// Actors by number of mentions; `q` keeps those whose id, name or code
    /// contains it.
    pub fn actors(&self, q: Option<&str>, page: Page) -> Result<List<ActorRow>> {
        let path = self.db_path.as_path();
        let w = actors_where(q, Dialect::Sqlite);
        self.with(|db| {
            w.page(
                db,
                "actor, name, code, country, mentions, articles",
                "actor_counts",
                "ORDER BY mentions DESC, actor",
                page,
                path,
                |r| {
                    Ok(ActorRow {
                        actor: r.get(0)?,
                        name: r.get(1)?,
                        code: r.get(2)?,
                        country: r.get(3)?,
                        mentions: r.get(4)?,
                        articles: r.get(5)?,
                    })
                },
            )
        })
    }

    /// Full-text search over titles and texts ([`crate::query`]'s
    /// language, under its default limits).
    pub fn search(&self, q: &str, page: Page) -> Result<List<SearchHit>> {
        let query = self.index.query(q, &crate::query::Limits::default())?;
        let (hits, total) = self
            .index
            .search(&self.text_reader, &query, page.limit, page.offset)?;
        let items = self.with(|db| {
            let mut st = db
                .prepare_cached("SELECT title, source, published, story FROM articles WHERE id = ?1")
                .at(&self.db_path)?;
            let mut out = Vec::with_capacity(hits.len());
            for Hit { id, score, snippet } in hits {
                let row = st.query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)));
                // A hit the database no longer has (replaced meanwhile) is skipped.
                let Ok((title, source, published, story)) = row else {
                    continue;
                };
                out.push(SearchHit {
                    id,
                    score,
                    title,
                    source,
                    published,
                    story,
                    snippet,
                });
            }
            Ok(out)
        })?;
        Ok(List::new(total as u64, page, items))
    }
}
