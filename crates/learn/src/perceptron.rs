//! An averaged multi-class perceptron over hashed features: the learner of
//! casus's tagger and greedy transition parser.

use crate::weights::{header, read, read_dense, write, Rows, WeightsError};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const MAGIC: &[u8; 8] = b"CASUSAP1";

/// Buckets are hashes already: the map needs no second hash.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Trained (averaged) weights. Models of up to `DENSE_CLASSES` classes
/// (every model casus ships) are kept dense: one lookup per feature, no
/// hashing. Larger ones are kept sparse, a bucket's row holding only the
/// classes it speaks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Perceptron {
    classes: usize,
    bits: u32,
    meta: String,
    store: Store,
}

#[derive(Debug, Clone, PartialEq)]
enum Store {
    Dense(Vec<f32>),
    Sparse {
        r: Rows,
        index: HashMap<u32, (u32, u16), BuildHasherDefault<Identity>>,
    },
}

/// Up to this many classes a model is scored from dense rows.
const DENSE_CLASSES: usize = 64;

impl Perceptron {
    fn sparse(r: Rows) -> Self {
        let index = r.rows.iter().map(|&(b, s, l)| (b, (s, l))).collect();
        Perceptron {
            classes: r.classes,
            bits: r.bits,
            meta: r.meta.clone(),
            store: Store::Sparse { r, index },
        }
    }

    fn dense(classes: usize, bits: u32, meta: &str, w: Vec<f32>) -> Self {
        Perceptron {
            classes,
            bits,
            meta: meta.to_string(),
            store: Store::Dense(w),
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The class names, one per line as trained.
    pub fn meta(&self) -> &str {
        &self.meta
    }

    /// Adds each feature's row to `out` (one score per class).
    pub fn scores(&self, feats: &[u32], out: &mut [f32]) {
        let mask = (1u32 << self.bits) - 1;
        out.iter_mut().for_each(|v| *v = 0.0);
        match &self.store {
            Store::Dense(d) => {
                let c = self.classes;
                for &f in feats {
                    let row = &d[(f & mask) as usize * c..][..c];
                    for (o, w) in out.iter_mut().zip(row) {
                        *o += w;
                    }
                }
            }
            Store::Sparse { r, index } => {
                for &f in feats {
                    if let Some(&(s, l)) = index.get(&(f & mask)) {
                        for &(c, w) in &r.entries[s as usize..s as usize + l as usize] {
                            out[c as usize] += w;
                        }
                    }
                }
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.store {
            Store::Dense(w) => write(MAGIC, &Rows::from_dense(self.classes, self.bits, &self.meta, w)),
            Store::Sparse { r, .. } => write(MAGIC, r),
        }
    }

    /// Reads a weights file; `kind` names the model in errors.
    pub fn from_bytes(path: &str, kind: &str, b: &[u8]) -> Result<Self, WeightsError> {
        if header(path, kind, MAGIC, b)?.classes <= DENSE_CLASSES {
            let (h, w) = read_dense(path, kind, MAGIC, b)?;
            Ok(Perceptron::dense(h.classes, h.bits, &h.meta, w))
        } else {
            Ok(Perceptron::sparse(read(path, kind, MAGIC, b)?))
        }
    }
}

/// The highest-scoring class among those `allowed` (the first on ties).
pub fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut out: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && out.is_none_or(|b| s > scores[b]) {
            out = Some(c);
        }
    }
    out
}

/// Training state: current weights, and running sums for the average
/// (updated lazily, as in Collins's and Honnibal's perceptrons).
#[derive(Debug, Clone)]
pub struct PerceptronTrainer {
    classes: usize,
    bits: u32,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    now: u32,
}

impl PerceptronTrainer {
    pub fn new(classes: usize, bits: u32) -> Self {
        let n = (1usize << bits) * classes;
        PerceptronTrainer {
            classes,
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            now: 0,
        }
    }

    /// Scores with the current (not averaged) weights.
    pub fn scores(&self, feats: &[u32], out: &mut [f32]) {
        let (c, mask) = (self.classes, (1usize << self.bits) - 1);
        out.iter_mut().for_each(|v| *v = 0.0);
        for &f in feats {
            let row = &self.w[(f as usize & mask) * c..][..c];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w;
            }
        }
    }

    fn bump(&mut self, i: usize, by: f32) {
        self.total[i] += f64::from(self.w[i]) * f64::from(self.now - self.stamp[i]);
        self.stamp[i] = self.now;
        self.w[i] += by;
    }

    /// One example seen: moves weight from `guess` to `gold` when they differ.
    pub fn update(&mut self, feats: &[u32], gold: usize, guess: usize) {
        self.now += 1;
        if gold == guess {
            return;
        }
        let mask = (1usize << self.bits) - 1;
        for &f in feats {
            let row = (f as usize & mask) * self.classes;
            self.bump(row + gold, 1.0);
            self.bump(row + guess, -1.0);
        }
    }

    /// The averaged weights, with the class names; averages smaller than
    /// `1e-3` in size are dropped (they never change a decision that
    /// matters, and they would be most of the file).
    pub fn finish(mut self, meta: &str) -> Perceptron {
        let now = f64::from(self.now.max(1));
        for i in 0..self.w.len() {
            self.total[i] += f64::from(self.w[i]) * f64::from(self.now - self.stamp[i]);
            let avg = (self.total[i] / now) as f32;
            self.w[i] = if avg.abs() < 1e-3 { 0.0 } else { avg };
        }
        if self.classes <= DENSE_CLASSES {
            Perceptron::dense(self.classes, self.bits, meta, self.w)
        } else {
            Perceptron::sparse(Rows::from_dense(self.classes, self.bits, meta, &self.w))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::bucket;

    #[test]
    fn the_averaged_perceptron_learns_and_round_trips() {
        let data: Vec<(Vec<u32>, usize)> = (0..30)
            .map(|i| {
                let c = i % 3;
                (
                    vec![bucket(&["w", ["a", "b", "c"][c]], 10), bucket(&["bias"], 10)],
                    c,
                )
            })
            .collect();
        let mut t = PerceptronTrainer::new(3, 10);
        let mut s = [0f32; 3];
        for _ in 0..5 {
            for (f, gold) in &data {
                t.scores(f, &mut s);
                let guess = best(&s, |_| true).unwrap();
                t.update(f, *gold, guess);
            }
        }
        let m = t.finish("x\ny\nz");
        for (f, gold) in &data {
            m.scores(f, &mut s);
            assert_eq!(best(&s, |_| true), Some(*gold));
        }
        let back = Perceptron::from_bytes("p.bin", "test", &m.to_bytes()).unwrap();
        assert_eq!(back.meta(), "x\ny\nz");
        assert_eq!(back, m);
        assert_eq!(best(&[1.0, 3.0, 2.0], |c| c != 1), Some(2));
    }
}
