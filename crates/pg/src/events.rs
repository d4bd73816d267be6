//! Events as the exports read them, with the filters of the SQLite store
//! (`casus_store::EventFilter`), oldest first, streamed row by row.

use crate::error::{On, PgError, Result};
use crate::store::PgStore;
use casus_store::{
    date_param, is_code, AcledRow, EventFilter, EventRow, EventSource, PlaceRow, Side, StoreError,
};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;

const EVENT: &str = "e.id, a.id, a.title, e.date, e.source, e.source_text, e.source_code,
  e.source_country, e.target, e.target_text, e.target_code, e.target_country, e.cameo, e.root,
  e.quad_class, e.penta_class, e.goldstein, e.plover, e.plover_mode, e.modality, e.confidence,
  e.count, e.place, e.place_country, e.lat, e.lon, e.geonameid, e.trigger_start, e.trigger_end,
  e.trigger, e.sentence_start, e.sentence_end, e.copy, a.url, a.source,
  to_char(a.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"'),
  to_char(date '1970-01-01' + e.day::integer, 'YYYY-MM-DD'),
  e.acled_event_type, e.acled_sub_event_type, e.inter1, e.inter2, e.interaction, e.fatalities,
  e.admin1, e.admin2";

/// A WHERE clause with `$n` placeholders and its values.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    values: Vec<Box<dyn ToSql + Sync>>,
}

impl Where {
    /// Adds a condition; each `$` in it takes the next value.
    fn and(&mut self, clause: &str, values: Vec<Box<dyn ToSql + Sync>>) {
        let mut out = String::new();
        let mut vals = values.into_iter();
        for c in clause.chars() {
            if c == '$' {
                self.values.push(vals.next().expect("one value per $"));
                out.push_str(&format!("${}", self.values.len()));
            } else {
                out.push(c);
            }
        }
        self.clauses.push(format!("({out})"));
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn text(s: &str) -> Box<dyn ToSql + Sync> {
    Box::new(s.to_string())
}

/// `who` (an actor code or id) on any of `sides`.
fn who(w: &mut Where, who: &str, sides: &[&str]) {
    let suffix = if is_code(who) { "_code" } else { "" };
    let c: Vec<String> = sides.iter().map(|s| format!("e.{s}{suffix} = $")).collect();
    w.and(&c.join(" OR "), sides.iter().map(|_| text(who)).collect());
}

/// The WHERE clause of `f`, as the SQLite store reads it.
fn clause(f: &EventFilter) -> Result<Where, StoreError> {
    let mut w = Where::default();
    if let Some(a) = &f.actor {
        who(&mut w, a, &["source", "target"]);
    }
    if let Some(a) = &f.source {
        who(&mut w, a, &["source"]);
    }
    if let Some(a) = &f.target {
        who(&mut w, a, &["target"]);
    }
    if let Some(c) = &f.country {
        let c = c.to_uppercase();
        w.and(
            "e.source_country = $ OR e.target_country = $",
            vec![text(&c), text(&c)],
        );
    }
    if let Some(c) = &f.code {
        if c.is_empty() || c.len() > 4 || !c.chars().all(|ch| ch.is_ascii_digit()) {
            return Err(StoreError::bad(
                "code",
                format!("expected a CAMEO code or prefix of 1 to 4 digits, got {c:?}"),
            ));
        }
        w.and("e.cameo LIKE $", vec![text(&format!("{c}%"))]);
    }
    if let Some(c) = &f.category {
        w.and("lower(e.plover) = lower($)", vec![text(c)]);
    }
    if let Some(d) = &f.from {
        w.and("e.day >= $", vec![Box::new(date_param("from", d)?)]);
    }
    if let Some(d) = &f.to {
        w.and("e.day <= $", vec![Box::new(date_param("to", d)?)]);
    }
    if let Some(p) = &f.place {
        match p.parse::<i64>() {
            Ok(g) => w.and("e.geonameid = $", vec![Box::new(g)]),
            Err(_) => w.and(
                "lower(e.place) = lower($) OR e.place_country = $",
                vec![text(p), text(&p.to_uppercase())],
            ),
        }
    }
    if let Some(a) = &f.article {
        w.and("a.id = $", vec![text(a)]);
    }
    if let Some(s) = &f.story {
        w.and(
            "a.story = coalesce((SELECT x.story FROM articles x WHERE x.id = $), $)",
            vec![text(s), text(s)],
        );
    }
    if !f.copies {
        w.and("NOT e.copy", vec![]);
    }
    Ok(w)
}

fn event_row(r: &postgres::Row) -> EventRow {
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
        let w = clause(f)?;
        let sql = format!(
            "SELECT {EVENT} FROM events e JOIN articles a ON a.rowid = e.article {}
             ORDER BY e.day NULLS FIRST, e.id",
            w.sql()
        );
        let target = self.target.clone();
        let backend = |e: PgError| E::from(StoreError::Backend(Box::new(e)));
        let params = w.values.iter().map(|v| v.as_ref() as &(dyn ToSql + Sync));
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
