//! A part-of-speech tagger: greedy, left to right, an averaged perceptron
//! over hashed features of the word, its neighbours and the two tags
//! before it (the design of Collins 2002 and of Honnibal's tagger). Tags
//! are the Penn Treebank's, as in the training data.

use crate::conllu::Tree;
use crate::features::{first_hash, norm_hash, shape_hash, suffix_hash};
use casus_learn::{best, mix_bucket, Perceptron, PerceptronTrainer, Rng, WeightsError};

const BITS: u32 = 16;

/// The tagger's weights and tag names.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Perceptron,
    tags: Vec<String>,
}

/// What the features read of each word, hashed once per sentence.
struct Words {
    norm: Vec<u64>,
    suf3: Vec<u64>,
    shape: Vec<u64>,
    pre1: Vec<u64>,
}

const START: u64 = 1;
const END: u64 = 2;

impl Words {
    fn new(words: &[&str]) -> Self {
        Words {
            norm: words.iter().map(|w| norm_hash(w)).collect(),
            suf3: words.iter().map(|w| suffix_hash(w, 3)).collect(),
            shape: words.iter().map(|w| shape_hash(w)).collect(),
            pre1: words.iter().map(|w| first_hash(w)).collect(),
        }
    }
}

/// The features of word `i`, given the hashes of the two tags before it.
fn features(w: &Words, i: usize, p1: u64, p2: u64, out: &mut Vec<u32>) {
    out.clear();
    let at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            START
        } else {
            w.norm.get(j as usize).copied().unwrap_or(END)
        }
    };
    let mut add = |parts: &[u64]| out.push(mix_bucket(parts, BITS));
    add(&[0]);
    add(&[1, w.norm[i]]);
    add(&[2, w.suf3[i]]);
    add(&[3, w.shape[i]]);
    add(&[4, w.pre1[i]]);
    add(&[5, p1]);
    add(&[6, p2, p1]);
    add(&[7, p1, w.norm[i]]);
    add(&[8, at(-1)]);
    add(&[9, at(1)]);
    add(&[10, at(-2)]);
    add(&[11, at(2)]);
    add(&[12, w.suf3.get(i + 1).copied().unwrap_or(END)]);
    add(&[13, if i > 0 { w.suf3[i - 1] } else { START }]);
}

impl Tagger {
    pub fn from_bytes(path: &str, b: &[u8]) -> Result<Self, WeightsError> {
        let model = Perceptron::from_bytes(path, "tagger", b)?;
        let tags: Vec<String> = model.meta().lines().map(str::to_string).collect();
        if tags.len() != model.classes() {
            return Err(WeightsError::Format {
                path: path.into(),
                kind: "tagger".into(),
                what: format!("{} tag names for {} classes", tags.len(), model.classes()),
            });
        }
        Ok(Tagger { model, tags })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    pub fn tag_names(&self) -> &[String] {
        &self.tags
    }

    /// The tag of each word, as indexes into [`Tagger::tag_names`].
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        let w = Words::new(words);
        let mut out = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(16);
        let mut scores = vec![0f32; self.tags.len()];
        for i in 0..words.len() {
            let p1 = out.last().map_or(START, |&t: &usize| t as u64 + 16);
            let p2 = if out.len() > 1 {
                out[out.len() - 2] as u64 + 16
            } else {
                START
            };
            features(&w, i, p1, p2, &mut feats);
            self.model.scores(&feats, &mut scores);
            out.push(best(&scores, |_| true).unwrap_or(0));
        }
        out
    }

    /// Trains on gold trees, `epochs` passes in an order fixed by `seed`;
    /// the previous tags are the tagger's own guesses, as when it runs.
    pub fn train(trees: &[Tree], epochs: usize, seed: u64) -> Self {
        let mut tags: Vec<String> = trees.iter().flat_map(|t| t.tags.iter().cloned()).collect();
        tags.sort();
        tags.dedup();
        let index = |t: &str| tags.binary_search_by(|x| x.as_str().cmp(t)).expect("listed");
        let mut tr = PerceptronTrainer::new(tags.len(), BITS);
        let mut order: Vec<usize> = (0..trees.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::new();
        let mut scores = vec![0f32; tags.len()];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let t = &trees[k];
                let words: Vec<&str> = t.words.iter().map(String::as_str).collect();
                let w = Words::new(&words);
                let mut guessed: Vec<usize> = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    let p1 = guessed.last().map_or(START, |&g| g as u64 + 16);
                    let p2 = if i > 1 { guessed[i - 2] as u64 + 16 } else { START };
                    features(&w, i, p1, p2, &mut feats);
                    tr.scores(&feats, &mut scores);
                    let guess = best(&scores, |_| true).unwrap_or(0);
                    tr.update(&feats, index(&t.tags[i]), guess);
                    guessed.push(guess);
                }
            }
        }
        let model = tr.finish(&tags.join("\n"));
        Tagger { model, tags }
    }
}
