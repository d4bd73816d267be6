//! An averaged multi-class perceptron over hashed features: the learner of
//! casus's tagger and greedy transition parser.

use crate::prefetch::prefetch;
use crate::weights::{entry_count, header, read, read_dense, write, Rows, WeightsError};

const MAGIC: &[u8; 8] = b"CASUSAP1";

/// Trained (averaged) weights. A model most of whose cells carry weight
/// (a parser's few transitions) is kept dense: one row per feature, no
/// indirection. A model whose features each speak for a few of many
/// classes (a tagger's words, 45 tags) is kept sparse, in compressed
/// rows: a tenth of the memory, and a table that stays in the cache,
/// which is what scoring waits on.
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
    /// Bucket `b`'s entries are `entries[start[b]..start[b + 1]]`.
    Sparse {
        start: Vec<u32>,
        entries: Vec<(u16, f32)>,
    },
}

/// Kept sparse when fewer than this share of the cells carry weight: a
/// sparse entry takes twice a dense cell's bytes, and is read through
/// one more lookup.
const SPARSE_BELOW: f64 = 0.3;

fn is_sparse(classes: usize, bits: u32, entries: usize) -> bool {
    (entries as f64) < SPARSE_BELOW * ((1usize << bits) * classes) as f64
}

impl Perceptron {
    fn sparse(r: Rows) -> Self {
        let mut start = vec![0u32; (1usize << r.bits) + 1];
        for &(b, s, l) in &r.rows {
            start[b as usize + 1] = s + u32::from(l);
        }
        // Buckets without a row start where the one before ended.
        for b in 1..start.len() {
            start[b] = start[b].max(start[b - 1]);
        }
        Perceptron {
            classes: r.classes,
            bits: r.bits,
            meta: r.meta,
            store: Store::Sparse {
                start,
                entries: r.entries,
            },
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
                    prefetch(&d[(f & mask) as usize * c]);
                }
                match c {
                    4 => dense_small::<4>(d, feats, mask, out),
                    7 => dense_small::<7>(d, feats, mask, out),
                    _ => {
                        for &f in feats {
                            let row = &d[(f & mask) as usize * c..][..c];
                            for (o, w) in out.iter_mut().zip(row) {
                                *o += w;
                            }
                        }
                    }
                }
            }
            Store::Sparse { start, entries } => {
                for &f in feats {
                    prefetch(&start[(f & mask) as usize]);
                }
                for &f in feats {
                    let b = (f & mask) as usize;
                    if let Some(e) = entries.get(start[b] as usize) {
                        prefetch(e);
                    }
                }
                for &f in feats {
                    let b = (f & mask) as usize;
                    for &(c, w) in &entries[start[b] as usize..start[b + 1] as usize] {
                        out[c as usize] += w;
                    }
                }
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.store {
            Store::Dense(w) => write(MAGIC, &Rows::from_dense(self.classes, self.bits, &self.meta, w)),
            Store::Sparse { start, entries } => {
                let mut r = Rows {
                    classes: self.classes,
                    bits: self.bits,
                    meta: self.meta.clone(),
                    rows: Vec::new(),
                    entries: entries.clone(),
                };
                for (b, pair) in start.windows(2).enumerate() {
                    if pair[1] > pair[0] {
                        r.rows.push((b as u32, pair[0], (pair[1] - pair[0]) as u16));
                    }
                }
                write(MAGIC, &r)
            }
        }
    }

    /// Reads a weights file; `kind` names the model in errors.
    pub fn from_bytes(path: &str, kind: &str, b: &[u8]) -> Result<Self, WeightsError> {
        let h = header(path, kind, MAGIC, b)?;
        if !is_sparse(h.classes, h.bits, entry_count(path, kind, MAGIC, b)?) {
            let (h, w) = read_dense(path, kind, MAGIC, b)?;
            Ok(Perceptron::dense(h.classes, h.bits, &h.meta, w))
        } else {
            Ok(Perceptron::sparse(read(path, kind, MAGIC, b)?))
        }
    }
}

/// Dense scoring for a model of `C` classes (the parser's 4, the
/// taggers' 7): the sums stay in registers instead of going through
/// memory once per feature. The same additions in the same order as the
/// general loop, so the same scores to the bit.
fn dense_small<const C: usize>(d: &[f32], feats: &[u32], mask: u32, out: &mut [f32]) {
    let mut acc = [0f32; C];
    for &f in feats {
        let row: &[f32; C] = d[(f & mask) as usize * C..][..C].try_into().expect("a row of C");
        for k in 0..C {
            acc[k] += row[k];
        }
    }
    out[..C].copy_from_slice(&acc);
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
        let used = self.w.iter().filter(|&&x| x != 0.0).count();
        if !is_sparse(self.classes, self.bits, used) {
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

    #[test]
    fn dense_and_sparse_models_give_the_same_scores_and_the_same_bytes() {
        let mut rng = crate::Rng::new(7);
        for (classes, filled) in [(4, 0.9), (7, 0.9), (5, 0.9), (7, 0.05), (45, 0.1)] {
            let bits = 8;
            let w: Vec<f32> = (0..(1usize << bits) * classes)
                .map(|_| {
                    let keep = (rng.next_u64() % 1000) as f64 / 1000.0 < filled;
                    if keep {
                        (rng.next_u64() % 2001) as f32 / 100.0 - 10.0
                    } else {
                        0.0
                    }
                })
                .collect();
            let dense = Perceptron::dense(classes, bits, "m", w.clone());
            let sparse = Perceptron::sparse(Rows::from_dense(classes, bits, "m", &w));
            assert_eq!(dense.to_bytes(), sparse.to_bytes(), "{classes} classes");
            let back = Perceptron::from_bytes("p.bin", "test", &dense.to_bytes()).unwrap();
            assert_eq!(matches!(back.store, Store::Sparse { .. }), filled < SPARSE_BELOW);
            let (mut a, mut b, mut c) = (vec![0f32; classes], vec![0f32; classes], vec![0f32; classes]);
            for _ in 0..50 {
                let feats: Vec<u32> = (0..12).map(|_| rng.next_u64() as u32).collect();
                dense.scores(&feats, &mut a);
                sparse.scores(&feats, &mut b);
                back.scores(&feats, &mut c);
                assert_eq!(a, b, "{classes} classes");
                assert_eq!(a, c, "{classes} classes");
            }
        }
    }
}
