//! casus's syntax: part-of-speech tags and dependency arcs for every
//! sentence, learned and fast, so that the event coder reads subject,
//! object, passive agent, prepositional attachment, clauses and negation
//! from structure instead of word windows.
//!
//! * [`Tagger`]: Penn Treebank tags, greedy averaged perceptron.
//! * [`Parser`]: greedy arc-eager dependency parser with an averaged
//!   perceptron, labels chosen per arc (CoreNLP's basic dependencies, as
//!   in the training data).
//! * [`Syntax`]: both, with the weights shipped in `data/` (casus-learn's
//!   format, magic `CASUSAP1`, label names inside), rebuilt byte for byte by
//!   `casus train syntax --data ../shared/data/dev/parses/train.conllu.gz`.
//! * [`conllu`]: the CoNLL-U reader for training and scoring.

pub mod conllu;
mod features;
mod parser;
mod score;
mod tagger;

pub use conllu::{ConlluError, Tree};
pub use features::{first_hash, norm, norm_hash, shape_hash, suffix_hash};
pub use parser::{Arcs, Parser};
pub use score::{evaluate, Scores};
pub use tagger::Tagger;

use casus_learn::WeightsError;

const TAGGER: &[u8] = include_bytes!("../data/tagger.bin");
const MOVES: &[u8] = include_bytes!("../data/parser.bin");
const LABELS: &[u8] = include_bytes!("../data/labels.bin");

/// The tagger and the parser.
#[derive(Debug, Clone)]
pub struct Syntax {
    pub tagger: Tagger,
    pub parser: Parser,
}

/// One sentence's syntax: per word a tag, a head (0 = root, else
/// 1-based) and a label, as indexes into the models' names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parse {
    pub tags: Vec<usize>,
    pub arcs: Arcs,
}

impl Syntax {
    /// The weights shipped with casus.
    pub fn builtin() -> Self {
        use casus_learn::from_builtin;
        from_builtin(TAGGER, |t| {
            from_builtin(MOVES, |m| {
                from_builtin(LABELS, |l| Syntax::from_bytes("built-in:syntax", t, m, l))
            })
        })
        .expect("the shipped syntax models load")
    }

    pub fn from_bytes(path: &str, tagger: &[u8], moves: &[u8], labels: &[u8]) -> Result<Self, WeightsError> {
        Ok(Syntax {
            tagger: Tagger::from_bytes(path, tagger)?,
            parser: Parser::from_bytes(path, moves, labels)?,
        })
    }

    /// Tags and parses one sentence's words.
    pub fn analyse(&self, words: &[&str]) -> Parse {
        if words.is_empty() {
            return Parse::default();
        }
        let tags = self.tagger.tag(words);
        let names = self.tagger.tag_names();
        let tag_names: Vec<&str> = tags.iter().map(|&t| names[t].as_str()).collect();
        let hashes: Vec<u64> = words.iter().map(|w| norm_hash(w)).collect();
        let arcs = self.parser.parse(&hashes, &tag_names);
        Parse { tags, arcs }
    }

    pub fn tag_name(&self, t: usize) -> &str {
        &self.tagger.tag_names()[t]
    }

    pub fn label_name(&self, l: usize) -> &str {
        &self.parser.label_names()[l]
    }

    /// Trains the tagger, then the parser on the tagger's own tags.
    pub fn train(trees: &[Tree], epochs: usize, seed: u64) -> Self {
        let tagger = Tagger::train(trees, epochs, seed);
        let tags: Vec<Vec<String>> = trees
            .iter()
            .map(|t| {
                let words: Vec<&str> = t.words.iter().map(String::as_str).collect();
                tagger
                    .tag(&words)
                    .into_iter()
                    .map(|k| tagger.tag_names()[k].clone())
                    .collect()
            })
            .collect();
        let parser = Parser::train(trees, &tags, epochs, seed);
        Syntax { tagger, parser }
    }
}

#[cfg(test)]
mod tests;
