//! Tagging accuracy and attachment scores against gold trees.

use crate::conllu::Tree;
use crate::Syntax;

/// POS accuracy, unlabelled and labelled attachment scores (every token,
/// punctuation included), and the parsing cost.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub sentences: usize,
    pub tokens: usize,
    pub pos: f64,
    pub uas: f64,
    pub las: f64,
    /// Microseconds per sentence, tagging and parsing, on one core.
    pub micros_per_sentence: f64,
}

pub fn evaluate(syntax: &Syntax, trees: &[Tree]) -> Scores {
    let (mut pos, mut uas, mut las, mut n) = (0usize, 0usize, 0usize, 0usize);
    let start = std::time::Instant::now();
    for t in trees {
        let words: Vec<&str> = t.words.iter().map(String::as_str).collect();
        let p = syntax.analyse(&words);
        for i in 0..words.len() {
            n += 1;
            pos += usize::from(syntax.tag_name(p.tags[i]) == t.tags[i]);
            if p.arcs.heads[i] == t.heads[i] {
                uas += 1;
                las += usize::from(syntax.label_name(p.arcs.labels[i]) == t.labels[i]);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let rate = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    Scores {
        sentences: trees.len(),
        tokens: n,
        pos: rate(pos),
        uas: rate(uas),
        las: rate(las),
        micros_per_sentence: if trees.is_empty() {
            0.0
        } else {
            secs * 1e6 / trees.len() as f64
        },
    }
}
