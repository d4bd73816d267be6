//! Coded events: the output contract's `events`.

use crate::ActorRef;
use serde::{Deserialize, Serialize};

/// A span of text with what it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub span: [usize; 2],
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorRef>,
    /// For an event's target that is no actor: `place` or `thing`
    /// ("residential areas near the border", "a seized tanker").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// The PLOVER coding of an event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    pub category: Option<String>,
    pub mode: Option<String>,
    pub context: Option<String>,
}

/// A place with coordinates (filled by the place stage).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
    /// `sentence` (a place in the event's sentence) or `article` (the
    /// article's focus).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// One event: who did what to whom, with the words behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The sentence it is reported in (code points into `text`).
    pub sentence: [usize; 2],
    /// The word or phrase that says what happened.
    pub trigger: Part,
    pub source: Option<Part>,
    pub target: Option<Part>,
    /// CAMEO code, as specific as the text supports (`195`, `112`).
    pub cameo: String,
    /// Two-digit CAMEO root (`19`).
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict (public statements count as verbal cooperation).
    pub quad_class: u8,
    /// 0 statement, 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    pub penta_class: u8,
    pub goldstein: f64,
    pub plover: Plover,
    /// asserted, negated, intended, threatened or hypothetical.
    pub modality: String,
    /// When it happened: ISO 8601 as precise as the text (`2024-01-24`,
    /// `2024-W03`, `2023-10`), or TimeML's notation for a quarter, season
    /// or decade (`2023-Q3`, `2023-SU`, `199X`); a time of day gives its
    /// day.
    pub date: Option<String>,
    /// Where `date` comes from: `text` (a time expression in the
    /// sentence) or `published` (the publication date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// Where it happened (filled by the place stage).
    pub location: Option<Location>,
    /// How sure casus is, in [0, 1].
    pub confidence: f64,
    /// "more than 150 attacks": how many events one mention reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// For a statement: the index, in the article's `quotes`, of the
    /// attribution whose cue is this event's trigger (what was said).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}
