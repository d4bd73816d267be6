//! Events as the exports read them, with the filters of the SQLite store
//! (`casus_store::EventFilter`'s clause in the PostgreSQL dialect), oldest
//! first, streamed row by row.

use crate::error::{On, PgError, Result};
use crate::store::PgStore;
use casus_store::{AcledRow, Dialect, EventFilter, EventRow, EventSource, PlaceRow, Side, StoreError};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;

pub(crate) const EVENT: &str = "e.id, a.id, a.title, e.date, e.source, e.source_text, e.source_code,
  e.source_country, e.target, e.target_text, e.target_code, e.target_country, e.cameo, e.root,
  e.quad_class, e.penta_class, e.goldstein, e.plover, e.plover_mode, e.modality, e.confidence,
  e.count, e.place, e.place_country, e.lat, e.lon, e.geonameid, e.trigger_start, e.trigger_end,
  e.trigger, e.sentence_start, e.sentence_end, e.copy, a.url, a.source,
  to_char(a.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"'),
  to_char(date '1970-01-01' + e.day::integer, 'YYYY-MM-DD'),
  e.acled_event_type, e.acled_sub_event_type, e.inter1, e.inter2, e.interaction, e.fatalities,
  e.admin1, e.admin2";

pub(crate) fn event_row(r: &postgres::Row) -> EventRow {
    let place: Option<String> = r.get(22);
    let acled: (Option<String>, Option<String>) = (r.get(37), r.get(38));
    EventRow {
        id: r.get(0),
        article: r.get(1),
        title: r.get(2),
        date: r.get(3),
        source: Side {
            id: r.get(4),
            text: r.get(5),
            code: r.get(6),
            country: r.get(7),
        },
        target: Side {
            id: r.get(8),
            text: r.get(9),
            code: r.get(10),
            country: r.get(11),
        },
        cameo: r.get(12),
        root: r.get(13),
        quad_class: r.get(14),
        penta_class: r.get(15),
        goldstein: r.get(16),
        plover: r.get(17),
        plover_mode: r.get(18),
        modality: r.get(19),
        confidence: r.get(20),
        count: r.get(21),
        place: place.map(|name| PlaceRow {
            name,
            country: r.get(23),
            lat: r.get(24),
            lon: r.get(25),
            geonameid: r.get(26),
            admin1: r.get(43),
            admin2: r.get(44),
        }),
        trigger: serde_json::json!({
            "span": [r.get::<_, i64>(27), r.get::<_, i64>(28)],
            "text": r.get::<_, String>(29),
        }),
        sentence: [r.get(30), r.get(31)],
        copy: r.get(32),
        url: r.get(33),
        site: r.get(34),
        added: r.get(35),
        day: r.get(36),
        acled: match acled {
            (Some(event_type), Some(sub_event_type)) => Some(AcledRow {
                event_type,
                sub_event_type,
                inter1: r.get(39),
                inter2: r.get(40),
                interaction: r.get(41),
            }),
            _ => None,
        },
        fatalities: r.get(42),
    }
}

impl PgStore {
    /// Calls `sink` with each event `f` selects, oldest first (undated
    /// ones first, as in the SQLite store), and stops at its first error.
    pub fn each_event<E: From<StoreError>>(
        &mut self,
        f: &EventFilter,
        mut sink: impl FnMut(EventRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let w = f.clause_in(Dialect::Postgres)?;
        let sql = format!(
            "SELECT {EVENT} FROM events e JOIN articles a ON a.rowid = e.article {}
             ORDER BY e.day NULLS FIRST, e.id",
            w.sql()
        );
        let target = self.target.clone();
        let backend = |e: PgError| E::from(StoreError::Backend(Box::new(e)));
        let binds = crate::read::binds(&w);
        let params = binds.iter().map(|v| v.as_ref() as &(dyn ToSql + Sync));
        let mut rows = self
            .client
            .query_raw(sql.as_str(), params)
            .on(&target, "reading events")
            .map_err(backend)?;
        let mut n = 0;
        while let Some(row) = rows.next().on(&target, "reading events").map_err(backend)? {
            sink(event_row(&row))?;
            n += 1;
        }
        Ok(n)
    }
}

impl EventSource for PgStore {
    fn each_event<E: From<StoreError>>(
        &mut self,
        f: &EventFilter,
        sink: impl FnMut(EventRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        PgStore::each_event(self, f, sink)
    }
}
