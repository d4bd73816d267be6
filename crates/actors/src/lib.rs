//! casus's actor stage: who is mentioned, and who they are.
//!
//! * [`Dictionary`]: countries (names, demonyms, capitals), agents (the
//!   nouns that name a kind of actor: "troops", "foreign minister") and named
//!   actors (organisations, armed groups, people with dated roles), loaded
//!   from data files in a documented format (`data/*.tsv`), extendable with
//!   the user's own files and PETRARCH/TABARI dictionaries.
//! * [`Recognizer`]: one automaton over every name, built once, so lookup
//!   cost does not grow with the dictionary; composes what it finds into
//!   mentions ("Iraqi Prime Minister Mohamed Shia al-Sudani", "US forces",
//!   "Iran-backed groups") and resolves each to an [`ActorRef`] with a
//!   CAMEO-style code; names it does not know come out uncoded.

mod compose;
mod coref;
mod dictionary;
mod matcher;
mod names;
mod petrarch;
mod role;

pub use compose::{Found, Kind, Recognizer};
pub use dictionary::{Agent, Country, Dictionary, NamedActor};
pub use petrarch::{sniff as sniff_petrarch, Kind as PetrarchKind};
pub use role::Role;

/// What a mention resolves to: the output contract's `actor` object.
pub use casus_core::ActorRef;
