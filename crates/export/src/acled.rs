//! ACLED's layout: a CSV with ACLED's column names in ACLED's order, one
//! row per event that has an ACLED type, casus's ids and spans after them.
//!
//! What casus cannot fill is empty, never made up: `assoc_actor_1` and
//! `assoc_actor_2` (casus codes no associated actors), `admin1` and
//! `admin2` where the gazetteer does not say which areas the place is in
//! (towns under 1,000 people, events stored before schema 8; `admin2` is
//! given for the US and the countries of `scripts/gazetteer.py`'s
//! ADMIN2_COUNTRIES), `geo_precision` (casus does not yet say how near
//! the named place the event was).
//! `country` is the place's ISO code, `actor1`/`actor2` the words of the
//! source and target, `notes` the trigger's words, `fatalities` empty when
//! the text gives no count (ACLED writes 0; an empty cell is honest).

use casus_store::EventRow;

/// The columns, in order: ACLED's, then casus's.
pub const COLUMNS: [&str; 29] = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "casus_event_id",
    "article",
    "url",
    "cameo",
    "actor1_code",
    "actor2_code",
    "trigger_start",
    "trigger_end",
    "sentence_start",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// One event's fields in [`COLUMNS`] order; `None` for an event with no
/// ACLED type (a diplomatic statement), which the export leaves out.
pub fn row(e: &EventRow) -> Option<Vec<String>> {
    let a = e.acled.as_ref()?;
    let p = e.place.as_ref();
    Some(vec![
        opt(&e.day),
        a.event_type.clone(),
        a.sub_event_type.clone(),
        opt(&e.source.text),
        String::new(),
        opt(&a.inter1),
        opt(&e.target.text),
        String::new(),
        opt(&a.inter2),
        opt(&a.interaction),
        opt(&p.and_then(|p| p.country.clone())),
        opt(&p.and_then(|p| p.admin1.clone())),
        opt(&p.and_then(|p| p.admin2.clone())),
        p.map(|p| p.name.clone()).unwrap_or_default(),
        opt(&p.and_then(|p| p.lat)),
        opt(&p.and_then(|p| p.lon)),
        String::new(),
        opt(&e.site),
        e.trigger["text"].as_str().unwrap_or_default().to_string(),
        opt(&e.fatalities),
        e.id.to_string(),
        e.article.clone(),
        opt(&e.url),
        e.cameo.clone(),
        opt(&e.source.code),
        opt(&e.target.code),
        e.trigger["span"][0].to_string(),
        e.trigger["span"][1].to_string(),
        e.sentence[0].to_string(),
    ])
}
