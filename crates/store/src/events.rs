//! Events (filtered), actors, time series and text search.

use crate::articles::{date_range, iso};
use crate::error::{Result, StoreError};
use crate::index::Hit;
use crate::reader::{List, Page, Reader};
use crate::sql::{int, text, Where};
use rusqlite::Row;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which events: every filter given must hold.
#[derive(Debug, Clone, Default)]
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
    /// Include events of copies (default: counted once, from the original).
    pub copies: bool,
}

fn who(w: &mut Where, who: &str, cols: &[&str]) {
    let c: Vec<String> = cols.iter().map(|c| format!("{c} = ?")).collect();
    w.and(&c.join(" OR "), cols.iter().map(|_| text(who)));
}

impl EventFilter {
    fn clause(&self) -> Result<Where> {
        let mut w = Where::default();
        if let Some(a) = &self.actor {
            who(
                &mut w,
                a,
                &["e.source", "e.source_code", "e.target", "e.target_code"],
            );
        }
        if let Some(a) = &self.source {
            who(&mut w, a, &["e.source", "e.source_code"]);
        }
        if let Some(a) = &self.target {
            who(&mut w, a, &["e.target", "e.target_code"]);
        }
        if let Some(c) = &self.country {
            who(
                &mut w,
                &c.to_uppercase(),
                &["e.source_country", "e.target_country"],
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
        date_range(&mut w, &self.from, &self.to, "e.day")?;
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
        if !self.copies {
            w.and("e.copy = 0", []);
        }
        Ok(w)
    }
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
}

/// A stored event, with the article and the words it came from.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub article: String,
    pub title: Option<String>,
    pub date: String,
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
}

const EVENT: &str = "e.rowid, a.id, a.title, e.date, e.source, e.source_text, e.source_code,
  e.source_country, e.target, e.target_text, e.target_code, e.target_country, e.cameo, e.root,
  e.quad_class, e.penta_class, e.goldstein, e.plover, e.plover_mode, e.modality, e.confidence,
  e.count, e.place, e.place_country, e.lat, e.lon, e.geonameid, e.trigger_start, e.trigger_end,
  e.trigger, e.sentence_start, e.sentence_end, e.copy";
const FROM: &str = "events e JOIN articles a ON a.rowid = e.article";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
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
            }),
            None => None,
        },
        trigger: serde_json::json!({"span": [r.get::<_, i64>(27)?, r.get::<_, i64>(28)?], "text": r.get::<_, String>(29)?}),
        sentence: [r.get(30)?, r.get(31)?],
        copy: r.get(32)?,
    })
}

/// Time series bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Day,
    Week,
    Month,
}

impl std::str::FromStr for Interval {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Interval> {
        match s {
            "day" => Ok(Interval::Day),
            "week" => Ok(Interval::Week),
            "month" => Ok(Interval::Month),
            _ => Err(StoreError::bad(
                "interval",
                format!("expected day, week or month, got {s:?}"),
            )),
        }
    }
}

/// One bucket of a time series.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Point {
    /// The bucket's first day (a week starts on Monday).
    pub period: String,
    pub events: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Events per PentaClass 0..4.
    pub penta: [i64; 5],
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
        self.with(|db| {
            let total = w.count(db, FROM, path)?;
            let tail = format!(
                "ORDER BY e.day DESC, e.rowid DESC LIMIT {} OFFSET {}",
                page.limit, page.offset
            );
            let items = w.rows(db, EVENT, FROM, &tail, path, event_row)?;
            Ok(List {
                total,
                limit: page.limit,
                offset: page.offset,
                items,
            })
        })
    }

    /// Event counts, Goldstein sum and mean, and PentaClass counts per
    /// `interval`, for the events `f` selects; empty buckets are left out.
    pub fn series(&self, f: &EventFilter, interval: Interval) -> Result<Vec<Point>> {
        let w = f.clause()?;
        let path = self.db_path.as_path();
        let days = self.with(|db| {
            w.rows(
                db,
                "e.day, e.penta_class, count(*), sum(e.goldstein)",
                FROM,
                "GROUP BY e.day, e.penta_class",
                path,
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, f64>(3)?,
                    ))
                },
            )
        })?;
        let mut buckets: BTreeMap<String, Point> = BTreeMap::new();
        for (day, penta, n, g) in days {
            let start = match interval {
                Interval::Day => iso(day),
                Interval::Week => iso(day - (day + 3).rem_euclid(7)),
                Interval::Month => format!("{}-01", &iso(day)[..7]),
            };
            let p = buckets.entry(start.clone()).or_insert_with(|| Point {
                period: start,
                ..Point::default()
            });
            p.events += n;
            p.goldstein_sum += g;
            if let Some(slot) = p.penta.get_mut(penta as usize) {
                *slot += n;
            }
        }
        Ok(buckets
            .into_values()
            .map(|mut p| {
                p.goldstein_sum = (p.goldstein_sum * 1000.0).round() / 1000.0;
                p.goldstein_mean = (p.goldstein_sum / p.events as f64 * 1000.0).round() / 1000.0;
                p
            })
            .collect())
    }

    /// Actors by number of mentions; `q` keeps those whose id, name or code
    /// contains it.
    pub fn actors(&self, q: Option<&str>, page: Page) -> Result<List<ActorRow>> {
        let path = self.db_path.as_path();
        let mut w = Where::default();
        w.and("code IS NOT NULL AND kind != 'pronoun'", []);
        if let Some(q) = q {
            let like = format!("%{q}%");
            w.and(
                "actor LIKE ? OR name LIKE ? OR code LIKE ?",
                [text(&like), text(&like), text(&like)],
            );
        }
        let from = "mentions";
        self.with(|db| {
            let total = w.count_groups(db, from, "coalesce(actor, code)", path)?;
            let tail = format!(
                "GROUP BY coalesce(actor, code) ORDER BY count(*) DESC, 1 LIMIT {} OFFSET {}",
                page.limit, page.offset
            );
            let items = w.rows(
                db,
                "coalesce(actor, code), max(name), max(code), max(country), count(*), count(DISTINCT article)",
                from,
                &tail,
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
            )?;
            Ok(List { total, limit: page.limit, offset: page.offset, items })
        })
    }

    /// Full-text search over titles and texts (tantivy's query language).
    pub fn search(&self, q: &str, page: Page) -> Result<List<SearchHit>> {
        if q.trim().is_empty() {
            return Err(StoreError::bad("q", "expected words to search for"));
        }
        let (hits, total) = self.index.search(&self.text_reader, q, page.limit, page.offset)?;
        let items = self.with(|db| {
            let mut out = Vec::with_capacity(hits.len());
            for Hit { id, score } in hits {
                let row = db.query_row(
                    "SELECT title, source, published, story, json_extract(record, '$.text') FROM articles WHERE id = ?1",
                    [&id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, String>(4)?)),
                );
                // A hit the database no longer has (replaced meanwhile) is skipped.
                let Ok((title, source, published, story, body)) = row else { continue };
                let snippet = self.index.snippet(&self.text_reader, q, &body);
                out.push(SearchHit { id, score, title, source, published, story, snippet });
            }
            Ok(out)
        })?;
        Ok(List {
            total: total as u64,
            limit: page.limit,
            offset: page.offset,
            items,
        })
    }
}
