//! casus ACLED typing: what a conflict analyst counts.
//!
//! ACLED's codebook sorts political violence and protest into event
//! types and sub-event types (Battles: armed clash; Explosions/Remote
//! violence: air/drone strike, shelling, IED, ...; Violence against
//! civilians; Protests; Riots; Strategic developments), with actor types
//! and fatalities. This crate gives a casus event those: it reads the
//! words of the event's sentence once ([`Acled::read`]: word classes such
//! as `protest`, `mode:air-strike`, found in one Aho–Corasick pass), then
//! the rules in order ([`Acled::type_of`]): tests on the event's CAMEO
//! code, its actors' ACLED types and the word classes; the first that
//! holds names the sub-event type, and the phrase it read is the cue the
//! output shows. A sentence in which casus coded no event can still make
//! one (a flood, a riot, "two civilians were killed").
//!
//! Every table is a data file users can edit (`data/`, format at the top
//! of each): the types (typed in from ACLED's codebook, plus natural and
//! man-made disasters and organised crime), the word classes, the rules
//! and the actor-type mapping. The weapon or means ([`Acled::mode`]) and
//! the count of the dead ([`fatalities::find`]) come from the words too.

mod acled;
pub mod actors;
pub mod fatalities;
mod rules;
mod types;
mod words;

#[cfg(test)]
mod tests;

pub use acled::{Acled, Typing, UserTables};
pub use actors::{actor_type_name, interaction, ACTOR_TYPES};
pub use rules::{Facts, Rule};
pub use types::SubType;
pub use words::Hit;
