//! Events (filtered), actors, time series and text search.

use crate::articles::date_range;
use crate::error::{At, Result, StoreError};
use crate::index::Hit;
use crate::reader::{List, Page, Reader};
use crate::sql::{int, text, Where};
use rusqlite::Row;
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
    pub(crate) fn tables(&self) -> &'static str {
        if self.article.is_some() || self.story.is_some() {
            FROM
        } else {
            "events e"
        }
    }

    pub(crate) fn clause(&self) -> Result<Where> {
        let mut w = Where::default();
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
            w.and("e.plover = ? COLLATE NOCASE", [text(c)]);
        }
        date_range(w, &self.from, &self.to, "e.day")?;
        if let Some(p) = &self.place {
            match p.parse::<i64>() {
                Ok(g) => w.and("e.geonameid = ?", [int(g)]),
                Err(_) => w.and(
                    "e.place = ? COLLATE NOCASE OR e.place_country = ?",
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
            w.and("e.copy = 0", []);
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
    a: &str,
    from: &str,
    page: Page,
    path: &std::path::Path,
) -> Result<Vec<i64>> {
    let rest = EventFilter {
        actor: None,
        ..f.clone()
    };
    let mut as_source = Where::default();
    rest.clause_into(&mut as_source)?;
    who(&mut as_source, a, &["source"]);
    let mut as_target = Where::after(&as_source);
    rest.clause_into(&mut as_target)?;
    who(&mut as_target, a, &["target"]);
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

/// One side of an event.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub id: Option<String>,
    pub text: Option<String>,
    pub code: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceRow {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<i64>,
    /// The first- and second-level admin areas the place lies in (or is).
    pub admin1: Option<String>,
    pub admin2: Option<String>,
}

/// A stored event, with the article and the words it came from.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub article: String,
    pub title: Option<String>,
    /// The event's date as the article gave it: a day, a week (2024-W05)
    /// or a month (2024-02); `null` when neither the text nor the article
    /// dates it.
    pub date: Option<String>,
    /// The day the event is counted on (YYYY-MM-DD): `date` when it is a
    /// day, else the article's publication day; `null` for an undated
    /// event, which no daily count or timeline includes.
    pub day: Option<String>,
    pub source: Side,
    pub target: Side,
    pub cameo: String,
    pub root: String,
    pub quad_class: i64,
    pub penta_class: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub modality: String,
    pub confidence: f64,
    pub count: Option<i64>,
    pub place: Option<PlaceRow>,
    pub trigger: serde_json::Value,
    pub sentence: [i64; 2],
    pub copy: bool,
    /// The article's URL and site name, and when it was stored (RFC 3339).
    pub url: Option<String>,
    pub site: Option<String>,
    pub added: String,
    /// ACLED's event and sub-event types, when the event has them.
    pub acled: Option<AcledRow>,
    /// The count of the dead the text gives; `null` when it gives none.
    pub fatalities: Option<i64>,
}

/// A stored event's ACLED coding.
#[derive(Debug, Clone, Serialize)]
pub struct AcledRow {
    pub event_type: String,
    pub sub_event_type: String,
    /// ACLED actor types (1–8) of the source and target, and the
    /// interaction code of the pair.
    pub inter1: Option<i64>,
    pub inter2: Option<i64>,
    pub interaction: Option<i64>,
}

pub(crate) const EVENT: &str = "e.rowid, a.id, a.title, e.date, e.source, e.source_text, e.source_code,
  e.source_country, e.target, e.target_text, e.target_code, e.target_country, e.cameo, e.root,
  e.quad_class, e.penta_class, e.goldstein, e.plover, e.plover_mode, e.modality, e.confidence,
  e.count, e.place, e.place_country, e.lat, e.lon, e.geonameid, e.trigger_start, e.trigger_end,
  e.trigger, e.sentence_start, e.sentence_end, e.copy, a.url, a.source, a.ingested_at, e.day,
  e.acled_event_type, e.acled_sub_event_type, e.inter1, e.inter2, e.interaction, e.fatalities,
  e.admin1, e.admin2";
pub(crate) const FROM: &str = "events e JOIN articles a ON a.rowid = e.article";

pub(crate) fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let place: Option<String> = r.get(22)?;
    Ok(EventRow {
        id: r.get(0)?,
        article: r.get(1)?,
        title: r.get(2)?,
        date: r.get(3)?,
        source: Side {
            id: r.get(4)?,
            text: r.get(5)?,
            code: r.get(6)?,
            country: r.get(7)?,
        },
        target: Side {
            id: r.get(8)?,
            text: r.get(9)?,
            code: r.get(10)?,
            country: r.get(11)?,
        },
        cameo: r.get(12)?,
        root: r.get(13)?,
        quad_class: r.get(14)?,
        penta_class: r.get(15)?,
        goldstein: r.get(16)?,
        plover: r.get(17)?,
        plover_mode: r.get(18)?,
        modality: r.get(19)?,
        confidence: r.get(20)?,
        count: r.get(21)?,
        place: match place {
            Some(name) => Some(PlaceRow {
                name,
                country: r.get(23)?,
                lat: r.get(24)?,
                lon: r.get(25)?,
                geonameid: r.get(26)?,
                admin1: r.get(43)?,
                admin2: r.get(44)?,
            }),
            None => None,
        },
        trigger: serde_json::json!({"span": [r.get::<_, i64>(27)?, r.get::<_, i64>(28)?], "text": r.get::<_, String>(29)?}),
        sentence: [r.get(30)?, r.get(31)?],
        copy: r.get(32)?,
        url: r.get(33)?,
        site: r.get(34)?,
        added: r.get(35)?,
        day: r.get::<_, Option<i64>>(36)?.map(crate::articles::iso),
        acled: match (r.get::<_, Option<String>>(37)?, r.get::<_, Option<String>>(38)?) {
            (Some(event_type), Some(sub_event_type)) => Some(AcledRow {
                event_type,
                sub_event_type,
                inter1: r.get(39)?,
                inter2: r.get(40)?,
                interaction: r.get(41)?,
            }),
            _ => None,
        },
        fatalities: r.get(42)?,
    })
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

impl Reader {
    pub fn events(&self, f: &EventFilter, page: Page) -> Result<List<EventRow>> {
        let w = f.clause()?;
        let path = self.db_path.as_path();
        let from = f.tables();
        // Counts that the daily totals can answer are read from them: an
        // actor with half a million events is counted in milliseconds.
        let daily = crate::series::daily_where(f)?;
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
                Some(a) => either_side(db, f, a, from, page, path)?,
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
        let mut w = Where::default();
        w.and("mentions > 0", []);
        if let Some(q) = q {
            let like = format!("%{q}%");
            w.and(
                "actor LIKE ? OR name LIKE ? OR code LIKE ?",
                [text(&like), text(&like), text(&like)],
            );
        }
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
