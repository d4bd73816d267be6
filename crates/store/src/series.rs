//! Time series of events: per day, week or month, event counts, Goldstein
//! sum and mean, PentaClass counts.
//!
//! Filters by actor code, source, target and dates are answered from
//! `dyad_days`, a table of daily totals per dyad and PentaClass kept up to
//! date as articles are stored (copies left out), so a series over a large
//! store reads thousands of rows, not millions. Other filters are answered
//! from the events themselves.

use crate::articles::{date_range, iso};
use crate::error::{At, Result, StoreError};
use crate::events::{is_code, EventFilter, FROM};
use crate::reader::Reader;
use crate::sql::{text, Dialect, Where};
use casus_core::Event;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

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

/// The WHERE clause on `dyad_days` for `f` in `dialect`'s SQL, if that
/// table can answer it.
pub fn daily_where(f: &EventFilter, dialect: Dialect) -> Result<Option<Where>> {
    let codes = [&f.actor, &f.source, &f.target]
        .iter()
        .all(|a| a.as_deref().is_none_or(is_code));
    if !codes
        || f.copies
        || f.country.is_some()
        || f.code.is_some()
        || f.category.is_some()
        || f.place.is_some()
        || f.article.is_some()
        || f.story.is_some()
    {
        return Ok(None);
    }
    let mut w = Where::new(dialect);
    if let Some(a) = &f.actor {
        w.and("source = ? OR target = ?", [text(a), text(a)]);
    }
    if let Some(a) = &f.source {
        w.and("source = ?", [text(a)]);
    }
    if let Some(a) = &f.target {
        w.and("target = ?", [text(a)]);
    }
    date_range(&mut w, &f.from, &f.to, "day")?;
    Ok(Some(w))
}

/// Takes the events of the article at `rowid` out of the daily totals
/// (before it is replaced).
pub(crate) fn uncount_daily(db: &Connection, rowid: i64, path: &Path) -> Result<()> {
    db.prepare_cached(
        "UPDATE dyad_days SET events = events - x.n, goldstein = goldstein - x.g
         FROM (SELECT coalesce(source_code, '') AS s, coalesce(target_code, '') AS t, day AS d,
                 penta_class AS p, count(*) AS n, sum(goldstein) AS g
               FROM events WHERE article = ?1 AND copy = 0 GROUP BY 1, 2, 3, 4) AS x
         WHERE source = x.s AND target = x.t AND day = x.d AND penta = x.p",
    )
    .at(path)?
    .execute([rowid])
    .at(path)?;
    db.prepare_cached(
        "UPDATE place_days SET events = events - x.n, goldstein = goldstein - x.g
         FROM (SELECT coalesce(CAST(geonameid AS TEXT), place) AS k, day AS d, count(*) AS n,
                 sum(goldstein) AS g
               FROM events WHERE article = ?1 AND copy = 0 AND lat IS NOT NULL AND lon IS NOT NULL
               GROUP BY 1, 2) AS x
         WHERE place = x.k AND day = x.d",
    )
    .at(path)?
    .execute([rowid])
    .at(path)?;
    Ok(())
}

/// Adds one event to the daily totals.
pub(crate) fn count_daily(db: &Connection, e: &Event, day: i64, path: &Path) -> Result<()> {
    let code = |p: &Option<casus_core::Part>| {
        p.as_ref()
            .and_then(|p| p.actor.as_ref())
            .map(|a| a.code.clone())
            .unwrap_or_default()
    };
    db.prepare_cached(
        "INSERT INTO dyad_days (source, target, day, penta, events, goldstein) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT DO UPDATE SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein",
    )
    .at(path)?
    .execute(params![code(&e.source), code(&e.target), day, e.penta_class, 1, e.goldstein])
    .at(path)?;
    if let Some((l, lat, lon)) = e.location.as_ref().and_then(|l| Some((l, l.lat?, l.lon?))) {
        let key = l.geonameid.map_or_else(|| l.name.clone(), |g| g.to_string());
        db.prepare_cached(
            "INSERT INTO place_days (place, day, name, country, lat, lon, geonameid, events, goldstein)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)
             ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein",
        )
        .at(path)?
        .execute(params![
            key,
            day,
            l.name,
            l.country,
            lat,
            lon,
            l.geonameid.map(|g| g as i64),
            e.goldstein
        ])
        .at(path)?;
    }
    Ok(())
}

impl Reader {
    /// Event counts, Goldstein sum and mean, and PentaClass counts per
    /// `interval`, for the events `f` selects; empty buckets are left out.
    pub fn series(&self, f: &EventFilter, interval: Interval) -> Result<Vec<Point>> {
        let path = self.db_path.as_path();
        let days = match daily_where(f, Dialect::Sqlite)? {
            Some(w) => self.with(|db| {
                w.rows(
                    db,
                    "day, penta, sum(events), sum(goldstein)",
                    "dyad_days",
                    "GROUP BY day, penta HAVING sum(events) > 0",
                    path,
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
            })?,
            None => self.raw_series(f)?,
        };
        Ok(buckets(days, interval))
    }

    /// The daily rows from the events themselves, for filters the daily
    /// table cannot answer.
    fn raw_series(&self, f: &EventFilter) -> Result<Vec<(i64, i64, i64, f64)>> {
        let w = f.clause()?;
        let path = self.db_path.as_path();
        self.with(|db| {
            w.rows(
                db,
                "e.day, e.penta_class, count(*), sum(e.goldstein)",
                FROM,
                "GROUP BY e.day, e.penta_class",
                path,
                |r| {
                    Ok((
                        r.get::<_, Option<i64>>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, f64>(3)?,
                    ))
                },
            )
        })
        // Undated events are on no timeline (the stats count them).
        .map(|rows| {
            rows.into_iter()
                .filter_map(|(d, p, n, g)| Some((d?, p, n, g)))
                .collect()
        })
    }
}

/// Daily rows (day, PentaClass, events, Goldstein sum) folded into
/// `interval` buckets.
pub fn buckets(days: Vec<(i64, i64, i64, f64)>, interval: Interval) -> Vec<Point> {
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
    buckets
        .into_values()
        .map(|mut p| {
            p.goldstein_sum = (p.goldstein_sum * 1000.0).round() / 1000.0;
            p.goldstein_mean = crate::overview::mean(p.goldstein_sum, p.events);
            p
        })
        .collect()
}
