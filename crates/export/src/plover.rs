//! PLOVER records, laid out like the PLOVER gold-standard records (`id`,
//! `date`, `source` and `target` as lists of `{actorText, code, sector}`,
//! `event`, `mode`, `context`, `eventText`), plus what casus adds: the
//! CAMEO code, modality, confidence, location, and where in which article
//! the words are (`casus`).

use casus_store::{EventRow, Side};
use serde_json::{json, Value};

fn entities(s: &Side) -> Value {
    match (&s.text, &s.code) {
        (None, None) => json!([]),
        _ => json!([{
            "actorText": s.text, "code": s.code, "country": s.country, "id": s.id,
        }]),
    }
}

/// One event as a PLOVER record.
pub fn record(e: &EventRow) -> Value {
    json!({
        "id": format!("casus-{}", e.id),
        "date": e.date,
        "source": entities(&e.source),
        "target": entities(&e.target),
        "event": e.plover,
        "mode": e.plover_mode,
        "eventText": e.trigger["text"],
        "cameo": e.cameo,
        "modality": e.modality,
        "confidence": e.confidence,
        "location": e.place,
        "casus": {
            "article": e.article, "url": e.url, "title": e.title,
            "trigger": e.trigger["span"], "sentence": e.sentence, "copy": e.copy,
        },
    })
}
