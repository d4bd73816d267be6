//! CSV: one row per event, a header naming the columns.

use casus_store::EventRow;

/// The columns, in order.
pub const COLUMNS: [&str; 37] = [
    "id",
    "article",
    "url",
    "site",
    "title",
    "date",
    "day",
    "source_id",
    "source_text",
    "source_code",
    "source_country",
    "target_id",
    "target_text",
    "target_code",
    "target_country",
    "cameo",
    "root",
    "quad_class",
    "penta_class",
    "goldstein",
    "plover",
    "plover_mode",
    "modality",
    "confidence",
    "count",
    "place",
    "place_country",
    "lat",
    "lon",
    "geonameid",
    "trigger_start",
    "trigger_end",
    "trigger",
    "sentence_start",
    "sentence_end",
    "copy",
    "added",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// One event's fields, in [`COLUMNS`] order.
pub fn row(e: &EventRow) -> Vec<String> {
    let p = e.place.as_ref();
    vec![
        e.id.to_string(),
        e.article.clone(),
        opt(&e.url),
        opt(&e.site),
        opt(&e.title),
        opt(&e.date),
        opt(&e.day),
        opt(&e.source.id),
        opt(&e.source.text),
        opt(&e.source.code),
        opt(&e.source.country),
        opt(&e.target.id),
        opt(&e.target.text),
        opt(&e.target.code),
        opt(&e.target.country),
        e.cameo.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        e.penta_class.to_string(),
        e.goldstein.to_string(),
        opt(&e.plover),
        opt(&e.plover_mode),
        e.modality.clone(),
        e.confidence.to_string(),
        opt(&e.count),
        p.map(|p| p.name.clone()).unwrap_or_default(),
        opt(&p.and_then(|p| p.country.clone())),
        opt(&p.and_then(|p| p.lat)),
        opt(&p.and_then(|p| p.lon)),
        opt(&p.and_then(|p| p.geonameid)),
        e.trigger["span"][0].to_string(),
        e.trigger["span"][1].to_string(),
        e.trigger["text"].as_str().unwrap_or_default().to_string(),
        e.sentence[0].to_string(),
        e.sentence[1].to_string(),
        u8::from(e.copy).to_string(),
        e.added.clone(),
    ]
}
