//! A greedy arc-eager dependency parser (Nivre 2003): one pass over the
//! words with a stack, four transitions (shift, left arc, right arc,
//! reduce) chosen by an averaged perceptron over hashed features of the
//! stack and buffer (words, tags, the dependents found so far), trained with a dynamic oracle
//! (Goldberg and Nivre 2012) and some exploration of its own mistakes. Labels are chosen afterwards, one per arc, by a second
//! perceptron over the head's and the dependent's words and tags: four
//! classes per transition instead of eighty keeps parsing cheap.

use crate::conllu::Tree;
use crate::features::norm_hash;
use casus_learn::{best, fnv, mix_bucket, Perceptron, PerceptronTrainer, Rng, WeightsError};

const BITS: u32 = 18;
const LABEL_BITS: u32 = 15;
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const REDUCE: usize = 3;
const NONE: usize = usize::MAX;

/// The parser's two models and the label names.
#[derive(Debug, Clone)]
pub struct Parser {
    moves: Perceptron,
    labeler: Perceptron,
    labels: Vec<String>,
}

/// A parse: for each word its head (0 = the root, else 1-based) and label.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arcs {
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
}

/// The parser's state over one sentence; tokens are 1-based, 0 is the root.
struct State<'a> {
    words: &'a [u64],
    tags: &'a [u64],
    stack: Vec<usize>,
    next: usize,
    heads: Vec<usize>,
    left: Vec<usize>,
    right: Vec<usize>,
}

impl<'a> State<'a> {
    fn new(words: &'a [u64], tags: &'a [u64]) -> Self {
        let n = words.len();
        State {
            words,
            tags,
            stack: vec![0],
            next: 1,
            heads: vec![NONE; n + 1],
            left: vec![NONE; n + 1],
            right: vec![NONE; n + 1],
        }
    }

    fn n(&self) -> usize {
        self.words.len()
    }

    fn done(&self) -> bool {
        self.next > self.n()
    }

    fn valid(&self, m: usize) -> bool {
        let s0 = *self.stack.last().unwrap_or(&0);
        match m {
            SHIFT => !self.done(),
            LEFT => !self.done() && s0 != 0 && self.heads[s0] == NONE,
            RIGHT => !self.done(),
            _ => s0 != 0 && self.heads[s0] != NONE,
        }
    }

    fn arc(&mut self, head: usize, dep: usize) {
        self.heads[dep] = head;
        if dep < head {
            if self.left[head] == NONE || dep < self.left[head] {
                self.left[head] = dep;
            }
        } else if self.right[head] == NONE || dep > self.right[head] {
            self.right[head] = dep;
        }
    }

    fn apply(&mut self, m: usize) {
        let s0 = *self.stack.last().unwrap_or(&0);
        match m {
            SHIFT => {
                self.stack.push(self.next);
                self.next += 1;
            }
            LEFT => {
                self.arc(self.next, s0);
                self.stack.pop();
            }
            RIGHT => {
                self.arc(s0, self.next);
                self.stack.push(self.next);
                self.next += 1;
            }
            _ => {
                self.stack.pop();
            }
        }
    }

    /// How many gold arcs move `m` makes unreachable (Goldberg and Nivre's
    /// dynamic oracle for arc-eager): zero for every move that keeps the
    /// best tree in reach, from any state, also after a wrong move.
    fn cost(&self, m: usize, gold: &[usize]) -> usize {
        let s0 = *self.stack.last().unwrap_or(&0);
        let b = self.next;
        let n = self.n();
        let headless = |k: usize| k != 0 && self.heads[k] == NONE;
        let below = &self.stack[..self.stack.len() - 1];
        match m {
            // s0 leaves: its head and dependents in the buffer are lost.
            LEFT => usize::from(gold[s0] > b) + (b..=n).filter(|&k| gold[k] == s0).count(),
            // b gets s0 as head: its own head elsewhere in the stack or
            // buffer and its dependents in the stack are lost.
            RIGHT => {
                usize::from(gold[b] != s0 && (below.contains(&gold[b]) || gold[b] > b))
                    + self
                        .stack
                        .iter()
                        .filter(|&&k| headless(k) && gold[k] == b)
                        .count()
            }
            // s0 leaves: its dependents in the buffer are lost.
            REDUCE => (b..=n).filter(|&k| gold[k] == s0).count(),
            // b is pushed: its head and headless dependents in the stack
            // are lost.
            _ => {
                usize::from(self.stack.contains(&gold[b]))
                    + self
                        .stack
                        .iter()
                        .filter(|&&k| headless(k) && gold[k] == b)
                        .count()
            }
        }
    }

    /// Token `i`'s value in `xs` (1-based; 0 is the root, NONE or past
    /// the end is nothing).
    fn at(&self, xs: &[u64], i: usize) -> u64 {
        match i {
            0 => 2,
            i if i == NONE || i > self.n() => 1,
            i => xs[i - 1],
        }
    }

    fn word(&self, i: usize) -> u64 {
        self.at(self.words, i)
    }

    fn tag(&self, i: usize) -> u64 {
        self.at(self.tags, i)
    }

    fn features(&self, out: &mut Vec<u32>) {
        out.clear();
        let s0 = *self.stack.last().unwrap_or(&NONE);
        let s1 = if self.stack.len() > 1 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        };
        let b0 = if self.done() { NONE } else { self.next };
        let b1 = if self.next < self.n() { self.next + 1 } else { NONE };
        let b2 = if self.next + 1 < self.n() {
            self.next + 2
        } else {
            NONE
        };
        let (s0w, s0t, b0w, b0t) = (self.word(s0), self.tag(s0), self.word(b0), self.tag(b0));
        let child = |x: &[usize], i: usize| if i == NONE || i > self.n() { NONE } else { x[i] };
        let s0l = self.tag(child(&self.left, s0));
        let s0r = self.tag(child(&self.right, s0));
        let b0l = self.tag(child(&self.left, b0));
        let s0h = self.tag(if s0 == NONE || s0 == 0 {
            NONE
        } else {
            self.heads[s0]
        });
        let dist: u64 = if s0 == NONE || b0 == NONE {
            0
        } else {
            match b0 - s0 {
                1 => 1,
                2 => 2,
                3..=5 => 3,
                _ => 6,
            }
        };
        let has = u64::from(s0 != NONE && s0 != 0 && self.heads[s0] != NONE);
        let (b1t, s1t) = (self.tag(b1), self.tag(s1));
        let mut add = |parts: &[u64]| out.push(mix_bucket(parts, BITS));
        add(&[0]);
        add(&[1, s0w]);
        add(&[2, s0t]);
        add(&[3, s0w, s0t]);
        add(&[4, b0w]);
        add(&[5, b0t]);
        add(&[6, b0w, b0t]);
        add(&[7, b1t]);
        add(&[8, self.word(b1)]);
        add(&[9, self.tag(b2)]);
        add(&[10, s1t]);
        add(&[11, s0t, b0t]);
        add(&[12, s0w, b0w]);
        add(&[13, s0t, b0w]);
        add(&[14, s0w, b0t]);
        add(&[15, s0t, b0t, b1t]);
        add(&[16, s1t, s0t, b0t]);
        add(&[17, s0t, s0l, b0t]);
        add(&[18, s0t, s0r, b0t]);
        add(&[19, b0t, b0l]);
        add(&[20, s0h, s0t, b0t]);
        add(&[21, dist, s0t, b0t]);
        add(&[22, has, s0t, b0t]);
        let s2 = if self.stack.len() > 2 {
            self.stack[self.stack.len() - 3]
        } else {
            NONE
        };
        let s0rw = self.word(child(&self.right, s0));
        let b0lw = self.word(child(&self.left, b0));
        let s0hw = self.word(if s0 == NONE || s0 == 0 {
            NONE
        } else {
            self.heads[s0]
        });
        add(&[23, self.tag(s2), s1t, s0t]);
        add(&[24, b0t, b1t, self.tag(b2)]);
        add(&[25, s0w, s0t, b0t]);
        add(&[26, s0t, b0w, b0t]);
        add(&[27, s0rw, s0t]);
        add(&[28, b0lw, b0t]);
        add(&[29, s0hw, s0t]);
        add(&[30, dist, s0w]);
        add(&[31, dist, b0w]);
        add(&[32, s0w, s0t, b0w, b0t]);
    }
}

fn label_features(words: &[u64], tags: &[u64], heads: &[usize], d: usize, h: usize, out: &mut Vec<u32>) {
    out.clear();
    // What hangs on the dependent tells nmod from dobj: its preposition.
    let (mut first, mut prep) = (1u64, 1u64);
    for (k, &hh) in heads.iter().enumerate() {
        if hh == d {
            if first == 1 {
                first = tags[k];
            }
            if k + 1 < d && prep == 1 {
                prep = words[k];
            }
        }
    }
    let w = |i: usize| if i == 0 { 2 } else { words[i - 1] };
    let t = |i: usize| if i == 0 || i > tags.len() { 1 } else { tags[i - 1] };
    let dir: u64 = if h == 0 {
        0
    } else if d < h {
        if h - d == 1 {
            1
        } else {
            2
        }
    } else if d - h == 1 {
        3
    } else {
        4
    };
    let mut add = |parts: &[u64]| out.push(mix_bucket(parts, LABEL_BITS));
    add(&[0]);
    add(&[1, w(d)]);
    add(&[2, t(d)]);
    add(&[3, w(h)]);
    add(&[4, t(h)]);
    add(&[5, t(d), t(h)]);
    add(&[6, t(d), t(h), dir]);
    add(&[7, w(d), t(h)]);
    add(&[8, t(d), w(h)]);
    add(&[9, w(d), w(h)]);
    add(&[10, t(d - 1)]);
    add(&[11, t(d + 1), t(d)]);
    add(&[12, dir, w(d)]);
    add(&[13, prep, t(d)]);
    add(&[14, first, t(d), t(h)]);
    add(&[15, prep, t(h), dir]);
}

/// Tag hashes, once per sentence.
fn hashed(tags: &[&str]) -> Vec<u64> {
    tags.iter().map(|t| fnv(&[t])).collect()
}

impl Parser {
    pub fn from_bytes(path: &str, moves: &[u8], labeler: &[u8]) -> Result<Self, WeightsError> {
        let m = Perceptron::from_bytes(path, "parser", moves)?;
        let l = Perceptron::from_bytes(path, "labeler", labeler)?;
        let labels: Vec<String> = l.meta().lines().map(str::to_string).collect();
        if m.classes() != 4 || labels.len() != l.classes() {
            return Err(WeightsError::Format {
                path: path.into(),
                kind: "parser".into(),
                what: "expected four moves and one name per label".into(),
            });
        }
        Ok(Parser {
            moves: m,
            labeler: l,
            labels,
        })
    }

    /// The two weights files: transitions, labels.
    pub fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        (self.moves.to_bytes(), self.labeler.to_bytes())
    }

    pub fn label_names(&self) -> &[String] {
        &self.labels
    }

    /// Parses words (hashed by [`crate::norm_hash`]) with their tags.
    pub fn parse(&self, wh: &[u64], tags: &[&str]) -> Arcs {
        let th = hashed(tags);
        let mut st = State::new(wh, &th);
        let mut feats = Vec::with_capacity(24);
        let mut scores = [0f32; 4];
        while !st.done() {
            st.features(&mut feats);
            self.moves.scores(&feats, &mut scores);
            let m = best(&scores, |m| st.valid(m)).unwrap_or(SHIFT);
            st.apply(m);
        }
        let heads: Vec<usize> = st.heads[1..]
            .iter()
            .map(|&h| if h == NONE { 0 } else { h })
            .collect();
        let mut lscores = vec![0f32; self.labels.len()];
        let labels = (1..=wh.len())
            .map(|d| {
                label_features(wh, &th, &heads, d, heads[d - 1], &mut feats);
                self.labeler.scores(&feats, &mut lscores);
                best(&lscores, |_| true).unwrap_or(0)
            })
            .collect();
        Arcs { heads, labels }
    }

    /// Trains on trees whose tags are `tags[k]` (the tagger's, so that
    /// training sees the tags parsing will see).
    pub fn train(trees: &[Tree], tags: &[Vec<String>], epochs: usize, seed: u64) -> Self {
        let mut labels: Vec<String> = trees.iter().flat_map(|t| t.labels.iter().cloned()).collect();
        labels.sort();
        labels.dedup();
        let li = |l: &str| labels.binary_search_by(|x| x.as_str().cmp(l)).expect("listed");
        let mut mt = PerceptronTrainer::new(4, BITS);
        let mut lt = PerceptronTrainer::new(labels.len(), LABEL_BITS);
        let normed: Vec<Vec<u64>> = trees
            .iter()
            .map(|t| t.words.iter().map(|w| norm_hash(w)).collect())
            .collect();
        let mut order: Vec<usize> = (0..trees.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::new();
        let mut scores = [0f32; 4];
        let mut lscores = vec![0f32; labels.len()];
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let t = &trees[k];
                let tg: Vec<&str> = tags[k].iter().map(String::as_str).collect();
                let mut gold = vec![0usize];
                gold.extend(&t.heads);
                let wh = &normed[k];
                let th = hashed(&tg);
                let mut st = State::new(wh, &th);
                while !st.done() {
                    st.features(&mut feats);
                    mt.scores(&feats, &mut scores);
                    let guess = best(&scores, |m| st.valid(m)).unwrap_or(SHIFT);
                    let costs: [usize; 4] = std::array::from_fn(|m| {
                        if st.valid(m) {
                            st.cost(m, &gold)
                        } else {
                            usize::MAX
                        }
                    });
                    let least = costs.iter().copied().min().unwrap_or(0);
                    // The best-scoring of the moves that lose least.
                    let want = best(&scores, |m| costs[m] == least).unwrap_or(guess);
                    mt.update(&feats, want, guess);
                    // After the first pass, follow the model's own mistakes
                    // one time in ten, so it learns to recover from them.
                    let explore = epoch > 0 && costs[guess] != usize::MAX && rng.next_u64() % 10 == 0;
                    st.apply(if explore { guess } else { want });
                }
                for d in 1..=t.words.len() {
                    label_features(wh, &th, &t.heads, d, t.heads[d - 1], &mut feats);
                    lt.scores(&feats, &mut lscores);
                    let guess = best(&lscores, |_| true).unwrap_or(0);
                    lt.update(&feats, li(&t.labels[d - 1]), guess);
                }
            }
        }
        Parser {
            moves: mt.finish(""),
            labeler: lt.finish(&labels.join("\n")),
            labels,
        }
    }
}
