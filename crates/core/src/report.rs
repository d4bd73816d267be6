//! What articles report besides events: quotes, claims and times (the
//! output contract's `quotes`, `claims` and `times`).

use crate::Part;
use serde::{Deserialize, Serialize};

/// A span of text and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    pub span: [usize; 2],
    pub text: String,
}

/// Who said what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker as written ("he", "a spokesman"), with the actor it
    /// resolves to.
    pub speaker: Option<Part>,
    /// The speaker's number in this article: the quotes of one speaker
    /// ("Pela Jones said ... She added ... Jones told") share it, whether
    /// or not any dictionary knows who that is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_id: Option<usize>,
    /// The reporting words (said, told, according to, accusing).
    pub cue: Option<Words>,
    /// What was said, from its first word to its last.
    pub content: Words,
    /// The content's parts when it has more than one: a quote split by
    /// its cue ("A," she said, "B.") is one quote in two parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Words>,
    /// In quotation marks (true), or reported or mixed speech (false).
    pub direct: bool,
    /// What is reported: `statement`, `belief` ("thinks that"),
    /// `intention` ("plans to") or `evidence` ("a poll shows").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A number analysts count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: [usize; 2],
    pub text: String,
    pub quantity: f64,
    /// What is counted ("attacks", "killed").
    pub unit: String,
    /// attacks, casualties, people, displaced, weapons, money or places.
    pub kind: String,
    /// "more than", "at least", ...
    pub qualifier: Option<String>,
    /// Who the counted things were done to, when an event says so
    /// ("coalition forces have been targeted in more than 150 attacks").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Part>,
    /// The period the count covers (ISO dates), when the text gives one.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A time expression, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRef {
    pub span: [usize; 2],
    pub text: String,
    /// TimeML's type: DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// TimeML's value: `2024-01-24`, `2024-W03`, `2023-10`, `2023-Q3`,
    /// `2023`, `2024-01-24TAF`, `P2W`, `XXXX-WXX-1`, `PRESENT_REF`;
    /// `null` for an expression relative to a publication date the
    /// article does not have ("on Wednesday" in an undated article).
    pub value: Option<String>,
    /// day, week, month, quarter, season, year, decade, century, time,
    /// duration, set or ref.
    pub precision: String,
}

/// A toponym resolved to a GeoNames place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    pub span: [usize; 2],
    pub text: String,
    /// The GeoNames name.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames' id; none for an admin area the gazetteer has no id for.
    pub geonameid: Option<u64>,
    /// country, continent or town: how precise the place is.
    #[serde(default)]
    pub kind: String,
    /// The first-level admin area (state, province) the place lies in, or
    /// is; `null` for a country or when the gazetteer does not say.
    #[serde(default)]
    pub admin1: Option<String>,
    /// The second-level admin area (county, district) the place lies in,
    /// or is.
    #[serde(default)]
    pub admin2: Option<String>,
    /// How the text uses the name: `literal` (a location: "in Iraq"),
    /// `metonymic` (a country for its state: "Turkey fired shells") or
    /// `associative` (an adjective or demonym: "a French engineer").
    #[serde(default, rename = "use")]
    pub use_: String,
}
