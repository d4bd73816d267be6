//! casus's event stage: who did what to whom, coded to CAMEO and PLOVER.
//!
//! * [`CodeTable`]: the CAMEO codes with names, Goldstein values and their
//!   PLOVER coding (`data/cameo.tsv`).
//! * [`Lexicon`]: the words that say what happened (`data/verbs.tsv`),
//!   inflected at load, one automaton.
//! * [`Coder`]: finds triggers in each sentence and, from the actor stage's
//!   mentions, their source and target: active and passive verbs, nominal
//!   events ("US airstrikes on ..."), reported speech, negation, intention
//!   and threat, counts ("more than 150 attacks").
//! * [`Relevance`]: how political an article is (a learned score in [0, 1]).
//! * [`Coder::quotes`]: who said what: direct, mixed and indirect quotes
//!   with cue and speaker.

mod classify;
mod coder;
mod codes;
mod lexicon;
mod modality;
mod petrarch;
mod quotes;
mod relevance;
mod sides;

pub use classify::{features, Classifier, ModelError};
pub use coder::{blend, main_event, Coded, Coder, LOCATIVE};
pub use codes::{penta_class, quad_class, CodeInfo, CodeTable};
pub use lexicon::{Class, Form, Hit, Lexicon, Trigger};
pub use modality::Modality;
pub use petrarch::{is_petrarch_verbs, read_verbs, Pattern, Verb, VerbDictionary};
pub use quotes::QuoteFound;
pub use relevance::{relevance_features, Relevance};
pub use sides::{gold_tags, spans_of, SideInput, SideTagger, TAGS as SIDE_TAGS};
