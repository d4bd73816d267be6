//! Events, time series, dyads, places, actors and the store's counts, as
//! the SQLite store answers them: the same filters and totals tables, and
//! the same folding of rows ([`buckets`], [`fold_dyads`]).

use super::lists::paged;
use super::{PgReader, StoreResult};
use crate::error::On;
use crate::events::{event_row, EVENT};
use casus_store::{
    actors_where, buckets, daily_where, dyad_where, fold_dyads, iso, places_from, ActorRow, Dialect, Dyad,
    EventFilter, EventRow, Interval, List, Page, PlaceCount, PlacesFrom, Point, Stats,
};

const PG: Dialect = Dialect::Postgres;

/// A place row: name, country, lat, lon, GeoNames id, events, Goldstein sum.
fn place_count(r: &postgres::Row) -> PlaceCount {
    PlaceCount::new(
        (r.get(0), r.get(1)),
        (r.get(2), r.get(3)),
        r.get(4),
        r.get(5),
        r.get(6),
    )
}

impl PgReader {
    pub(super) fn list_events(&self, f: &EventFilter, page: Page) -> StoreResult<List<EventRow>> {
        let w = f.clause_in(PG)?;
        let from = f.tables();
        let total = self.cache.total(format!("events {f:?}"), || {
            self.with(|s| match daily_where(f, PG)? {
                // Dated events from the daily totals, undated ones counted.
                Some(d) => {
                    let dated = s.count_of(
                        &format!(
                            "SELECT coalesce(sum(events), 0)::bigint FROM dyad_days {}",
                            d.sql()
                        ),
                        &d,
                        "counting events",
                    )?;
                    let mut undated = w.clone();
                    undated.and("e.day IS NULL", []);
                    let sql = format!("SELECT count(*) FROM {from} {}", undated.sql());
                    Ok(dated + s.count_of(&sql, &undated, "counting events")?)
                }
                None => s.count_of(
                    &format!("SELECT count(*) FROM {from} {}", w.sql()),
                    &w,
                    "counting events",
                ),
            })
        })?;
        // The page's ids first (from the indexes in list order), then
        // their rows: sorting whole rows is what takes time.
        let order = "ORDER BY day DESC NULLS LAST, id DESC";
        let (ids, params) = match f.either_side(PG)? {
            Some((s, t)) => {
                let n = page.offset + page.limit;
                let side = |w: &casus_store::Where| {
                    format!(
                        "(SELECT e.id, e.day FROM {from} {} ORDER BY e.day DESC NULLS LAST, e.id DESC LIMIT {n})",
                        w.sql()
                    )
                };
                let sql = format!(
                    "SELECT id FROM ({} UNION {}) AS x {}",
                    side(&s),
                    side(&t),
                    paged(order, page)
                );
                let params = s.params().into_iter().chain(t.params()).collect();
                (sql, params)
            }
            None => (
                format!(
                    "SELECT e.id FROM {from} {} {}",
                    w.sql(),
                    paged("ORDER BY e.day DESC NULLS LAST, e.id DESC", page)
                ),
                w.params(),
            ),
        };
        let rows = self.with(|s| {
            let ids: Vec<i64> = s
                .rows_with(&ids, params, "listing events")?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let target = s.target.clone();
            s.client
                .query(
                    &format!(
                        "SELECT {EVENT} FROM unnest($1::bigint[]) WITH ORDINALITY AS p(id, i)
                         JOIN events e ON e.id = p.id JOIN articles a ON a.rowid = e.article ORDER BY p.i"
                    ),
                    &[&ids],
                )
                .on(&target, "reading events")
        })?;
        Ok(List::new(total, page, rows.iter().map(event_row).collect()))
    }

    pub(super) fn event_series(&self, f: &EventFilter, interval: Interval) -> StoreResult<Vec<Point>> {
        let (sql, w) = match daily_where(f, PG)? {
            Some(w) => (
                format!(
                    "SELECT day, penta, sum(events)::bigint, sum(goldstein) FROM dyad_days {}
                     GROUP BY day, penta HAVING sum(events) > 0",
                    w.sql()
                ),
                w,
            ),
            None => {
                let mut w = f.clause_in(PG)?;
                // Undated events are on no timeline (the stats count them).
                w.and("e.day IS NOT NULL", []);
                let sql = format!(
                    "SELECT e.day, e.penta_class, count(*), sum(e.goldstein) FROM {} {}
                     GROUP BY e.day, e.penta_class",
                    f.tables(),
                    w.sql()
                );
                (sql, w)
            }
        };
        let rows = self.with(|s| s.rows_of(&sql, &w, "reading a time series"))?;
        let days = rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect();
        Ok(buckets(days, interval))
    }

    pub(super) fn busiest_dyads(
        &self,
        from: &Option<String>,
        to: &Option<String>,
        limit: usize,
    ) -> StoreResult<Vec<Dyad>> {
        let w = dyad_where(from, to, PG)?;
        let sql = format!(
            "SELECT source, target, penta, sum(events)::bigint, sum(goldstein) FROM dyad_days {}
             GROUP BY source, target, penta HAVING sum(events) > 0",
            w.sql()
        );
        let rows = self.with(|s| s.rows_of(&sql, &w, "reading dyads"))?;
        let rows = rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
            .collect();
        Ok(fold_dyads(rows, limit))
    }

    pub(super) fn event_places(&self, f: &EventFilter, limit: usize) -> StoreResult<Vec<PlaceCount>> {
        let (sql, w) = match places_from(f, PG)? {
            PlacesFrom::Totals(table, w) => (
                format!(
                    "SELECT max(name), max(country), max(lat), max(lon), max(geonameid), sum(events)::bigint,
                       sum(goldstein) FROM {table} {}
                     GROUP BY place HAVING sum(events) > 0
                     ORDER BY sum(events) DESC, place COLLATE \"C\" LIMIT {limit}",
                    w.sql()
                ),
                w,
            ),
            PlacesFrom::Events(w) => (
                format!(
                    "SELECT max(e.place), max(e.place_country), avg(e.lat), avg(e.lon), e.geonameid, count(*),
                       sum(e.goldstein) FROM {} {}
                     GROUP BY e.geonameid, CASE WHEN e.geonameid IS NULL THEN e.place END
                     ORDER BY count(*) DESC, max(e.place) COLLATE \"C\" LIMIT {limit}",
                    f.tables(),
                    w.sql()
                ),
                w,
            ),
        };
        let rows = self.with(|s| s.rows_of(&sql, &w, "reading places"))?;
        Ok(rows.iter().map(place_count).collect())
    }

    pub(super) fn list_actors(&self, q: Option<&str>, page: Page) -> StoreResult<List<ActorRow>> {
        let w = actors_where(q, PG);
        let (total, rows) = self.listed(
            format!("actors {q:?}"),
            "actor, name, code, country, mentions, articles",
            "actor_counts",
            "ORDER BY mentions DESC, actor COLLATE \"C\"",
            &w,
            page,
            "listing actors",
        )?;
        let items = rows
            .iter()
            .map(|r| ActorRow {
                actor: r.get(0),
                name: r.get(1),
                code: r.get(2),
                country: r.get(3),
                mentions: r.get(4),
                articles: r.get(5),
            })
            .collect();
        Ok(List::new(total, page, items))
    }

    pub(super) fn count_all(&self) -> StoreResult<Stats> {
        const SQL: &str = "SELECT
            (SELECT count(*) FROM articles),
            (SELECT count(*) FROM articles WHERE copy_of IS NOT NULL),
            (SELECT coalesce(sum(events), 0)::bigint FROM dyad_days),
            (SELECT count(*) FROM events WHERE day IS NULL AND NOT copy),
            (SELECT coalesce(sum(n_events), 0)::bigint FROM articles WHERE copy_of IS NOT NULL),
            (SELECT coalesce(sum(mentions), 0)::bigint FROM actor_counts),
            (SELECT count(*) FROM stories),
            (SELECT count(*) FROM articles WHERE copy_of IS NULL AND day IS NULL),
            (SELECT min(day) FROM articles WHERE copy_of IS NULL),
            (SELECT max(day) FROM articles WHERE copy_of IS NULL)";
        let r = self.with(|s| s.rows_with(SQL, vec![], "counting the store"))?;
        let r = &r[0];
        let undated_events: i64 = r.get(3);
        let articles: i64 = r.get(0);
        Ok(Stats {
            articles,
            copies: r.get(1),
            events: r.get::<_, i64>(2) + undated_events,
            undated_events,
            events_in_copies: r.get(4),
            mentions: r.get(5),
            stories: r.get(6),
            undated_articles: r.get(7),
            first: r.get::<_, Option<i64>>(8).map(iso),
            last: r.get::<_, Option<i64>>(9).map(iso),
            // Every article's words are indexed as it is stored.
            indexed: articles as u64,
        })
    }
}
