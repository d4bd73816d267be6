//! Coded events: the output contract's `events`.

use crate::{ActorRef, Words};
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
    /// The weapon or means: from the words of the sentence where they
    /// name one (`air-strike`, `ied`, `small-arms`; see `mode_words`),
    /// else the CAMEO code's.
    pub mode: Option<String>,
    pub context: Option<String>,
    /// The words that name the mode ("drone strike").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_words: Option<Words>,
}

/// The ACLED coding of an event: ACLED's event, sub-event and disorder
/// types (plus natural disaster, man-made disaster and organized crime,
/// which ACLED does not code), its actors' ACLED types and their
/// interaction code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcledCoding {
    pub event_type: String,
    pub sub_event_type: String,
    pub disorder_type: String,
    /// The words that decided the type; absent when the CAMEO code alone
    /// did (then the trigger is the evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Words>,
    /// ACLED actor types (1 state forces, 2 rebel groups, 3 political
    /// militias, 4 identity militias, 5 rioters, 6 protesters, 7
    /// civilians, 8 external/other forces) of the source and the target.
    pub inter1: Option<u8>,
    pub inter2: Option<u8>,
    /// ACLED's interaction code (`17`: state forces and civilians).
    pub interaction: Option<u8>,
}

/// How many people an event killed, as the text says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fatalities {
    pub count: u64,
    /// "at least", "more than", ...
    pub qualifier: Option<String>,
    pub span: [usize; 2],
    pub text: String,
}

/// A place with coordinates (filled by the place stage).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
    /// The first- and second-level admin areas the place lies in (or is),
    /// as in ACLED's `admin1` and `admin2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
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
    /// ACLED's type, for an event of a kind ACLED codes (null for a
    /// diplomatic statement).
    #[serde(default)]
    pub acled: Option<AcledCoding>,
    /// The count of the dead the sentence gives for a violent event; null
    /// when it gives none (never 0 by default).
    #[serde(default)]
    pub fatalities: Option<Fatalities>,
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
