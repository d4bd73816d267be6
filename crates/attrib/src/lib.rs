//! casus's attribution stage: who said, believes, intends or found what.
//!
//! * [`Attributor`]: a greedy tagger (averaged perceptron over hashed
//!   features, casus-learn's format, magic `CASUSAP1`, label names
//!   inside) that marks each word as source, cue, content or nothing,
//!   paragraph by paragraph; its weights ship in `data/attrib.bin`,
//!   rebuilt byte for byte by `casus train quotes --data
//!   ../shared/data/dev/quotes/train`.
//! * [`Cues`] (`data/cues.tsv`): the words that report, with their kind;
//!   the tagger reads them as hints, so a listed word in another sense
//!   ("the union called a strike") need not be a cue.
//! * [`Attribution`]: source, cue and content spans (content in parts:
//!   a split quote is one attribution), from the tagged runs.
//! * [`brat`]: the brat standoff reader of attribution corpora (PolNeAR).

pub mod brat;
mod context;
mod cues;
mod decode;
mod shapes;
mod tagger;

pub use brat::{GoldAttribution, GoldDoc};
pub use cues::{CueKind, Cues};
pub use decode::{Attribution, QUOTE_MARKS};
pub use tagger::{Attributor, LABELS};

/// A problem with an attribution corpus.
#[derive(Debug, thiserror::Error)]
pub enum AttribError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {what}")]
    Malformed { path: String, line: usize, what: String },
}

#[cfg(test)]
mod tests;
