//! Overviews for the dashboard: who acts on whom (dyads), and where.

use crate::articles::date_range;
use crate::error::Result;
use crate::events::{is_code, EventFilter};
use crate::reader::Reader;
use crate::sql::{Dialect, Where};
use serde::Serialize;

/// A pair of actors and their events in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dyad {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Events per PentaClass 0..4.
    pub penta: [i64; 5],
}

/// A place and the events located there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCount {
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<i64>,
    pub events: i64,
    pub goldstein_mean: f64,
}

/// The mean of `sum` over `n` events, to three decimals.
pub fn mean(sum: f64, n: i64) -> f64 {
    (sum / n.max(1) as f64 * 1000.0).round() / 1000.0
}

/// A place row: name, country, lat, lon, GeoNames id, events, Goldstein sum.
fn place_count(r: &rusqlite::Row<'_>) -> rusqlite::Result<PlaceCount> {
    Ok(PlaceCount::new(
        (r.get(0)?, r.get(1)?),
        (r.get(2)?, r.get(3)?),
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

impl PlaceCount {
    /// A place (name, country) at (lat, lon) with `n` events whose
    /// Goldstein scores sum to `goldstein`. Coordinates averaged over
    /// events are rounded to five decimals (about a metre, GeoNames'
    /// precision), so that both backends' sums give one answer.
    pub fn new(
        (name, country): (String, Option<String>),
        (lat, lon): (f64, f64),
        geonameid: Option<i64>,
        n: i64,
        goldstein: f64,
    ) -> PlaceCount {
        let round = |x: f64| (x * 1e5).round() / 1e5;
        PlaceCount {
            name,
            country,
            lat: round(lat),
            lon: round(lon),
            geonameid,
            events: n,
            goldstein_mean: mean(goldstein, n),
        }
    }
}

impl Reader {
    /// [`Reader::places`] from the daily totals, for a date range alone.
    /// Places from a table of daily place totals (`place_days` or
    /// `actor_place_days`), with `w` choosing its rows.
    fn places_from_totals(&self, w: Where, table: &str, limit: usize) -> Result<Vec<PlaceCount>> {
        let path = self.db_path.as_path();
        self.with(|db| {
            w.rows(
                db,
                "max(name), max(country), max(lat), max(lon), max(geonameid), sum(events), sum(goldstein)",
                table,
                &format!(
                    "GROUP BY place HAVING sum(events) > 0 ORDER BY sum(events) DESC, place LIMIT {limit}"
                ),
                path,
                place_count,
            )
        })
    }

    /// The `limit` busiest dyads between `from` and `to` (actor codes; both
    /// sides known), from the daily totals.
    pub fn dyads(&self, from: &Option<String>, to: &Option<String>, limit: usize) -> Result<Vec<Dyad>> {
        let w = dyad_where(from, to, Dialect::Sqlite)?;
        let path = self.db_path.as_path();
        let rows = self.with(|db| {
            w.rows(
                db,
                "source, target, penta, sum(events), sum(goldstein)",
                "dyad_days",
                "GROUP BY source, target, penta HAVING sum(events) > 0",
                path,
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, f64>(4)?,
                    ))
                },
            )
        })?;
        Ok(fold_dyads(rows, limit))
    }

    /// Places of the events `f` selects, busiest first.
    pub fn places(&self, f: &EventFilter, limit: usize) -> Result<Vec<PlaceCount>> {
        let w = match places_from(f, Dialect::Sqlite)? {
            PlacesFrom::Totals(table, w) => return self.places_from_totals(w, table, limit),
            PlacesFrom::Events(w) => w,
        };
        let path = self.db_path.as_path();
        let from = f.tables();
        self.with(|db| {
            w.rows(
                db,
                "max(e.place), max(e.place_country), avg(e.lat), avg(e.lon), e.geonameid, count(*), sum(e.goldstein)",
                from,
                &format!("GROUP BY coalesce(e.geonameid, e.place) ORDER BY count(*) DESC LIMIT {limit}"),
                path,
                place_count,
            )
        })
    }
}

/// Where the places of a filter's events are counted from.
pub enum PlacesFrom {
    /// A table of daily place totals (`place_days` for dates alone,
    /// `actor_place_days` for one actor code and dates) and its rows.
    Totals(&'static str, Where),
    /// The located events themselves (`f.tables()`), with this clause.
    Events(Where),
}

/// Where [`Reader::places`] counts the places of `f`'s events from.
pub fn places_from(f: &EventFilter, dialect: Dialect) -> Result<PlacesFrom> {
    let dates_only = EventFilter {
        from: f.from.clone(),
        to: f.to.clone(),
        ..EventFilter::default()
    };
    let mut w = Where::new(dialect);
    date_range(&mut w, &f.from, &f.to, "day")?;
    if *f == dates_only {
        return Ok(PlacesFrom::Totals("place_days", w));
    }
    let actor_only = EventFilter {
        actor: f.actor.clone(),
        ..dates_only
    };
    if let (true, Some(a)) = (*f == actor_only, f.actor.as_deref().filter(|a| is_code(a))) {
        w.and("actor = ?", [crate::sql::text(a)]);
        return Ok(PlacesFrom::Totals("actor_place_days", w));
    }
    let mut w = f.clause_in(dialect)?;
    w.and("e.lat IS NOT NULL AND e.lon IS NOT NULL", []);
    Ok(PlacesFrom::Events(w))
}

/// The rows of `dyad_days` [`Reader::dyads`] reads: both sides known and
/// not the same, within the dates.
pub fn dyad_where(from: &Option<String>, to: &Option<String>, dialect: Dialect) -> Result<Where> {
    let mut w = Where::new(dialect);
    w.and("source != '' AND target != '' AND source != target", []);
    date_range(&mut w, from, to, "day")?;
    Ok(w)
}

/// Rows of daily dyad totals (source, target, PentaClass, events,
/// Goldstein sum) as the `limit` busiest dyads.
pub fn fold_dyads(rows: Vec<(String, String, i64, i64, f64)>, limit: usize) -> Vec<Dyad> {
    let mut by: std::collections::HashMap<(String, String), Dyad> = Default::default();
    for (s, t, p, n, g) in rows {
        let d = by.entry((s.clone(), t.clone())).or_insert_with(|| Dyad {
            source: s,
            target: t,
            events: 0,
            goldstein_sum: 0.0,
            goldstein_mean: 0.0,
            penta: [0; 5],
        });
        d.events += n;
        d.goldstein_sum += g;
        if let Some(slot) = d.penta.get_mut(p as usize) {
            *slot += n;
        }
    }
    let mut out: Vec<Dyad> = by.into_values().collect();
    for d in &mut out {
        d.goldstein_sum = (d.goldstein_sum * 1000.0).round() / 1000.0;
        d.goldstein_mean = mean(d.goldstein_sum, d.events);
    }
    out.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then(a.source.cmp(&b.source))
            .then(a.target.cmp(&b.target))
    });
    out.truncate(limit);
    out
}
