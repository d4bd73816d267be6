//! Mentions of actors: the output contract's `mentions`.

use serde::{Deserialize, Serialize};

/// Who a mention refers to (`actor` in the output contract).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Dictionary id (`kataib-hezbollah`), or null for an actor composed
    /// from a country and an agent ("Iraqi officials").
    pub id: Option<String>,
    /// Canonical name.
    pub name: Option<String>,
    /// CAMEO-style code: country + agent (`IRQGOV`), or a group's own.
    pub code: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// Plain sector name: government, military, rebels, ...
    pub sector: Option<String>,
    /// PLOVER sector code: GOV, MIL, REB, UAF, JRN, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_sector: Option<String>,
}

/// One mention of an actor, with its span in code points into `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: [usize; 2],
    pub text: String,
    /// person, organisation, armed_group, igo, country, nationality,
    /// place, group (a kind of actor: "troops") or name (not known).
    pub kind: String,
    pub actor: Option<ActorRef>,
    /// The country said to back this actor ("Iran-backed groups": IRN);
    /// it does not make the actor that country's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backed_by: Option<String>,
    /// Coreference: the span of the first mention of the actor this one
    /// points back to ("he", "Austin", "the coalition").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<[usize; 2]>,
}
