//! A stored event as the API and the exports give it: its sides, place,
//! ACLED coding, and the words it came from.

use rusqlite::Row;
use serde::Serialize;

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
