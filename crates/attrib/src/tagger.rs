//! The attribution tagger: greedy, left to right over each paragraph, an
//! averaged perceptron choosing per word one of `O`, `B-`/`I-` `SOURCE`,
//! `CUE` or `CONTENT` from hashed features of the word, its neighbours,
//! the two labels before it, the quotation marks around it and the cue
//! hints near it ([`crate::Context`]). PolNeAR's annotations are
//! univocal (each word has at most one role), so attribution is exactly a
//! tagging problem; [`crate::decode`] groups the tagged runs.

use crate::brat::GoldDoc;
use crate::context::{Context, Stack, BITS};
use crate::cues::Cues;
use crate::decode::{attributions, finish, Attribution};
use casus_core::Span;
use casus_learn::{best, Perceptron, PerceptronTrainer, Rng, WeightsError};
use casus_nlp::{Segmenter, Token, Tokenizer};

/// The labels, in the weights file's order.
pub const LABELS: [&str; 7] = [
    "O",
    "B-SOURCE",
    "I-SOURCE",
    "B-CUE",
    "I-CUE",
    "B-CONTENT",
    "I-CONTENT",
];

/// A role of a word (0 none, 1 source, 2 cue, 3 content).
pub(crate) fn role(label: usize) -> usize {
    label.div_ceil(2)
}

/// `I-X` only continues `B-X` or `I-X`.
fn allowed(prev: Option<usize>, label: usize) -> bool {
    label == 0 || label % 2 == 1 || prev.is_some_and(|p| p != 0 && role(p) == role(label))
}

const WEIGHTS: &[u8] = include_bytes!("../data/attrib.bin");

/// The learned model, its cue hints and its tokenizer.
#[derive(Debug, Clone)]
pub struct Attributor {
    model: Perceptron,
    cues: Cues,
    tokenizer: Tokenizer,
}

/// The paragraphs of a text: runs of sentences with no line break
/// between them, each as its sentences' tokens.
fn paragraphs(text: &str, sentences: &[Span], tokenizer: &Tokenizer) -> Vec<Vec<Vec<Token>>> {
    let mut out: Vec<Vec<Vec<Token>>> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for s in sentences {
        let toks = tokenizer.tokens(text, *s);
        if toks.is_empty() {
            continue;
        }
        let joined = prev_end.is_some_and(|e| e <= s.start && !text[e..s.start].contains('\n'));
        match out.last_mut() {
            Some(p) if joined => p.push(toks),
            _ => out.push(vec![toks]),
        }
        prev_end = Some(s.end);
    }
    out
}

/// Each paragraph's context, in reading order; a paragraph after one
/// that ends with a colon knows it.
fn contexts<'a>(
    text: &'a str,
    sentences: &[Span],
    tokenizer: &Tokenizer,
    cues: &'a Cues,
) -> impl Iterator<Item = Context> + 'a {
    let mut lead = false;
    paragraphs(text, sentences, tokenizer).into_iter().map(move |p| {
        let c = Context::new(text, &p, cues, lead);
        lead = ends_with_colon(text, &p);
        c
    })
}

impl Attributor {
    /// The shipped weights (`casus train quotes` rebuilds them).
    pub fn builtin() -> Self {
        casus_learn::from_builtin(WEIGHTS, |b| {
            Attributor::from_bytes("built-in:attrib.bin", b, Cues::builtin(), Tokenizer::default())
        })
        .expect("the shipped attribution weights load")
    }

    pub fn from_bytes(path: &str, b: &[u8], cues: Cues, tokenizer: Tokenizer) -> Result<Self, WeightsError> {
        let model = Perceptron::from_bytes(path, "attribution", b)?;
        let names: Vec<&str> = model.meta().lines().collect();
        if names != LABELS {
            return Err(WeightsError::Format {
                path: path.into(),
                kind: "attribution".into(),
                what: format!("labels {names:?}, expected {LABELS:?}"),
            });
        }
        Ok(Attributor {
            model,
            cues,
            tokenizer,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// The same model with other cue hints (the user's added to the
    /// shipped ones) or another tokenizer.
    pub fn with(self, cues: Cues, tokenizer: Tokenizer) -> Self {
        Attributor {
            cues,
            tokenizer,
            ..self
        }
    }

    pub fn cues(&self) -> &Cues {
        &self.cues
    }

    /// Every attribution of `text`, in reading order.
    pub fn find(&self, text: &str, sentences: &[Span]) -> Vec<Attribution> {
        let mut out = Vec::new();
        for c in contexts(text, sentences, &self.tokenizer, &self.cues) {
            let first = tag(&self.model, &c, None);
            // Where the first pass saw nothing said, the second is not
            // asked (most paragraphs of news: half the cost).
            let labels = if first.iter().all(|&l| l == 0) {
                first
            } else {
                tag(&self.model, &c, Some(&c.stack(&first)))
            };
            let before = out.len();
            attributions(text, &c, &labels, &self.cues, &mut out);
            if out.len() == before && c.len() > 0 {
                let whole = Span::new(c.span(0).start, c.span(c.len() - 1).end);
                out.extend(crate::shapes::paragraph(text, whole));
            }
        }
        finish(text, &mut out);
        out
    }

    /// Trains on annotated articles, `epochs` passes in an order fixed by
    /// `seed`; the labels before a word are the tagger's own guesses, as
    /// when it runs.
    pub fn train(docs: &[GoldDoc], segmenter: &Segmenter, cues: Cues, epochs: usize, seed: u64) -> Self {
        let tokenizer = Tokenizer::new(segmenter.abbreviations().clone());
        let mut examples: Vec<(Context, Vec<usize>)> = Vec::new();
        for d in docs {
            let sentences = segmenter.segment(&d.text).sentences;
            let gold = gold_pieces(d);
            for c in contexts(&d.text, &sentences, &tokenizer, &cues) {
                let labels = gold_labels(&c, &gold);
                examples.push((c, labels));
            }
        }
        // The second pass learns from first-pass labels as they will be
        // on unseen text: each half's from a first pass trained on the
        // other half (jackknifing).
        let mut first: Vec<Vec<usize>> = vec![Vec::new(); examples.len()];
        for half in 0..2 {
            let mut tr = PerceptronTrainer::new(LABELS.len(), BITS);
            let rest: Vec<usize> = (0..examples.len()).filter(|k| k % 2 != half).collect();
            let mut rng = Rng::new(seed);
            for _ in 0..epochs {
                epoch(&mut tr, &examples, &rest, &first, false, &mut rng);
            }
            let m = tr.finish(&LABELS.join("\n"));
            for k in (half..examples.len()).step_by(2) {
                first[k] = tag(&m, &examples[k].0, None);
            }
        }
        let mut tr = PerceptronTrainer::new(LABELS.len(), BITS);
        let all: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng::new(seed);
        for _ in 0..epochs {
            let wrong = epoch(&mut tr, &examples, &all, &first, true, &mut rng);
            eprintln!(
                "casus train: quotes: {:.1}% of words mislabelled in this pass",
                100.0 * wrong
            );
        }
        Attributor {
            model: tr.finish(&LABELS.join("\n")),
            cues,
            tokenizer,
        }
    }
}

/// Whether a paragraph ends with a colon ("He said:"): the next one
/// may be what was said.
fn ends_with_colon(text: &str, p: &[Vec<Token>]) -> bool {
    p.last()
        .and_then(|s| s.last())
        .is_some_and(|t| t.text(text).ends_with(':'))
}

/// Tags a paragraph greedily, left to right: `decide` gets each word's
/// index, features and the label before it, and gives the word's label.
fn greedy(
    c: &Context,
    stack: Option<&Stack>,
    mut decide: impl FnMut(usize, &[u32], Option<usize>) -> usize,
) -> Vec<usize> {
    let mut labels: Vec<usize> = Vec::with_capacity(c.len());
    let mut feats = Vec::with_capacity(48);
    for i in 0..c.len() {
        let (p1, p2) = previous(&labels);
        c.features(i, p1, p2, stack, &mut feats);
        let label = decide(i, &feats, labels.last().copied());
        labels.push(label);
    }
    labels
}

/// The model's labels for a paragraph (the first pass, or with `stack`
/// the second).
fn tag(model: &Perceptron, c: &Context, stack: Option<&Stack>) -> Vec<usize> {
    let mut scores = [0f32; LABELS.len()];
    greedy(c, stack, |_, feats, prev| {
        model.scores(feats, &mut scores);
        best(&scores, |l| allowed(prev, l)).unwrap_or(0)
    })
}

/// One pass over the examples `order` (shuffled) for the first pass, and
/// with `second` for the second too; the share of words mislabelled.
fn epoch(
    tr: &mut PerceptronTrainer,
    examples: &[(Context, Vec<usize>)],
    order: &[usize],
    first: &[Vec<usize>],
    second: bool,
    rng: &mut Rng,
) -> f64 {
    let mut order = order.to_vec();
    rng.shuffle(&mut order);
    let (mut wrong, mut all) = (0usize, 0usize);
    let mut scores = [0f32; LABELS.len()];
    for &k in &order {
        let (c, gold) = &examples[k];
        let stack = second.then(|| c.stack(&first[k]));
        let passes = if second { &[false, true][..] } else { &[false][..] };
        for &two in passes {
            let st = if two { stack.as_ref() } else { None };
            greedy(c, st, |i, feats, prev| {
                tr.scores(feats, &mut scores);
                let guess = best(&scores, |l| allowed(prev, l)).unwrap_or(0);
                // After a wrong guess the gold `I-X` may be out of
                // reach: the best move left is to start the run again.
                let g = if allowed(prev, gold[i]) {
                    gold[i]
                } else {
                    gold[i] - 1
                };
                tr.update(feats, g, guess);
                // The share reported is the last pass's.
                if two == second {
                    wrong += usize::from(g != guess);
                    all += 1;
                }
                guess
            });
        }
    }
    wrong as f64 / all.max(1) as f64
}

/// The hashes of the two labels before a word.
fn previous(labels: &[usize]) -> (u64, u64) {
    let at = |k: usize| labels.len().checked_sub(k).map_or(1, |j| labels[j] as u64 + 16);
    (at(1), at(2))
}

/// Every annotated piece of a document: (span, role, piece number).
fn gold_pieces(d: &GoldDoc) -> Vec<(Span, usize, usize)> {
    let mut out = Vec::new();
    for a in &d.attributions {
        for (role, spans) in [(1, &a.source), (2, &a.cue), (3, &a.content)] {
            for s in spans {
                out.push((*s, role, out.len()));
            }
        }
    }
    out.sort_by_key(|p| (p.0.start, p.0.end));
    out
}

/// The gold label of each word: the role of the piece its first byte is
/// in; `B-` where a piece starts.
fn gold_labels(c: &Context, gold: &[(Span, usize, usize)]) -> Vec<usize> {
    let mut out = Vec::with_capacity(c.len());
    let mut last_piece = usize::MAX;
    for i in 0..c.len() {
        let at = c.span(i).start;
        let k = gold.partition_point(|p| p.0.start <= at);
        // The innermost piece holding the word: the last to start before it.
        let hit = gold[..k].iter().rev().take(8).find(|p| at < p.0.end);
        out.push(match hit {
            Some(&(_, role, piece)) => {
                let b = piece != last_piece;
                last_piece = piece;
                role * 2 - usize::from(b)
            }
            None => {
                last_piece = usize::MAX;
                0
            }
        });
    }
    out
}
