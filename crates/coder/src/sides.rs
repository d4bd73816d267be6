//! The words of an event's two sides, learned: a greedy tagger over a
//! sentence's tokens (O, B-/I- for source, target, or both) that reads
//! the parse (each token's path to the trigger), the rules' own source and
//! target phrases, the actor mentions and its previous tag, and marks the
//! sides of the sentence's main event. Trained by `casus train sides` on
//! BIO-tagged sentences (`../shared/data/dev/source-target-train.bio`) and
//! shipped as `data/sides.bin` (casus-learn's perceptron format). Where it
//! marks nothing the rules' phrases stand; where it marks words that
//! overlap them it only stretches them; where it marks a side elsewhere
//! and none of the rules' words, its words and the actor named in them
//! replace the rules' (see `coder/apply_sides.rs`).

use casus_core::Span;
use casus_learn::{best, mix_bucket, Perceptron, PerceptronTrainer, Rng, WeightsError};

const BITS: u32 = 18;
/// O, then B and I of source, target and both.
pub const TAGS: [&str; 7] = ["O", "B-S", "I-S", "B-T", "I-T", "B-R", "I-R"];

const BUILTIN: &[u8] = include_bytes!("../data/sides.bin");

/// The side tagger's weights.
#[derive(Debug, Clone)]
pub struct SideTagger {
    model: Perceptron,
}

/// One sentence ready for tagging: per token, the features that do not
/// depend on the tags before it, and the token spans.
#[derive(Debug, Clone, Default)]
pub struct SideInput {
    pub spans: Vec<Span>,
    pub(crate) feats: Vec<Vec<u32>>,
    pub(crate) paths: Vec<u64>,
}

fn valid(prev: usize, t: usize) -> bool {
    // An I- tag continues its own B- or I-.
    match t {
        2 => matches!(prev, 1 | 2),
        4 => matches!(prev, 3 | 4),
        6 => matches!(prev, 5 | 6),
        _ => true,
    }
}

fn with_prev(input: &SideInput, i: usize, prev: usize, out: &mut Vec<u32>) {
    out.clear();
    out.extend_from_slice(&input.feats[i]);
    let p = prev as u64 + 1;
    out.push(mix_bucket(&[100, p], BITS));
    out.push(mix_bucket(&[101, p, input.paths[i]], BITS));
}

impl SideTagger {
    /// The weights shipped with casus.
    pub fn builtin() -> Self {
        casus_learn::from_builtin(BUILTIN, |b| SideTagger::from_bytes("built-in:sides.bin", b))
            .expect("the shipped side tagger loads")
    }

    pub fn from_bytes(path: &str, b: &[u8]) -> Result<Self, WeightsError> {
        let model = Perceptron::from_bytes(path, "side tagger", b)?;
        if model.classes() != TAGS.len() {
            return Err(WeightsError::Format {
                path: path.into(),
                kind: "side tagger".into(),
                what: format!("expected {} tags, found {}", TAGS.len(), model.classes()),
            });
        }
        Ok(SideTagger { model })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// The tag of each token (indexes into [`TAGS`]).
    pub fn tag(&self, input: &SideInput) -> Vec<usize> {
        let mut out = Vec::with_capacity(input.spans.len());
        let mut feats = Vec::new();
        let mut scores = [0f32; TAGS.len()];
        for i in 0..input.spans.len() {
            let prev = out.last().copied().unwrap_or(0);
            with_prev(input, i, prev, &mut feats);
            self.model.scores(&feats, &mut scores);
            out.push(best(&scores, |t| valid(prev, t)).unwrap_or(0));
        }
        out
    }

    /// Trains on sentences with their gold tags.
    pub fn train(data: &[(SideInput, Vec<usize>)], epochs: usize, seed: u64) -> Self {
        let mut tr = PerceptronTrainer::new(TAGS.len(), BITS);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::new();
        let mut scores = [0f32; TAGS.len()];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let (input, gold) = &data[k];
                let mut prev = 0;
                for (i, &g) in gold.iter().enumerate() {
                    with_prev(input, i, prev, &mut feats);
                    tr.scores(&feats, &mut scores);
                    let guess = best(&scores, |t| valid(prev, t)).unwrap_or(0);
                    tr.update(&feats, g, guess);
                    prev = guess;
                }
            }
        }
        SideTagger {
            model: tr.finish(&TAGS.join("\n")),
        }
    }
}

/// The spans a tag sequence marks: (span, role S, T or R).
pub fn spans_of(input: &SideInput, tags: &[usize]) -> Vec<(Span, char)> {
    let mut out: Vec<(Span, char)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let role = match t {
            1 | 2 => 'S',
            3 | 4 => 'T',
            5 | 6 => 'R',
            _ => continue,
        };
        let continues = matches!(t, 2 | 4 | 6)
            && out
                .last()
                .is_some_and(|(s, r)| *r == role && s.end <= input.spans[i].start);
        if continues {
            if let Some(last) = out.last_mut() {
                last.0.end = input.spans[i].end;
            }
        } else {
            out.push((input.spans[i], role));
        }
    }
    out
}

/// The gold tag of each token from role spans (byte spans, S/T/R).
pub fn gold_tags(input: &SideInput, gold: &[(usize, usize, char)]) -> Vec<usize> {
    let mut tags = vec![0; input.spans.len()];
    for &(a, b, role) in gold {
        let base = match role {
            'S' => 1,
            'T' => 3,
            _ => 5,
        };
        let mut first = true;
        for (i, s) in input.spans.iter().enumerate() {
            if a <= s.start && s.end <= b {
                tags[i] = if first { base } else { base + 1 };
                first = false;
            }
        }
    }
    tags
}
