//! Multinomial logistic regression over hashed binary features.

use crate::prefetch::prefetch;
use crate::rng::Rng;
use crate::weights::{read_dense, write, Rows, WeightsError};

const MAGIC: &[u8; 8] = b"CASUSLR1";

/// Trained weights: one row of `classes` per bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct Logistic {
    d: Dense,
}

/// Dense weights: `2^bits × classes`, bucket-major.
#[derive(Debug, Clone, PartialEq)]
struct Dense {
    classes: usize,
    bits: u32,
    weights: Vec<f32>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    pub epochs: usize,
    pub seed: u64,
    /// AdaGrad's base rate.
    pub rate: f32,
    pub l2: f32,
}

impl Default for Training {
    fn default() -> Self {
        Training {
            epochs: 12,
            seed: 2024,
            rate: 0.1,
            l2: 1e-5,
        }
    }
}

fn softmax(z: &mut [f32]) {
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

impl Logistic {
    pub fn classes(&self) -> usize {
        self.d.classes
    }

    pub fn bits(&self) -> u32 {
        self.d.bits
    }

    /// Class probabilities for a set of feature buckets.
    pub fn probabilities(&self, feats: &[u32]) -> Vec<f32> {
        let (c, mask) = (self.d.classes, (1usize << self.d.bits) - 1);
        let mut z = vec![0f32; c];
        for &f in feats {
            prefetch(&self.d.weights[(f as usize & mask) * c]);
        }
        for &f in feats {
            let row = &self.d.weights[(f as usize & mask) * c..][..c];
            for (z, w) in z.iter_mut().zip(row) {
                *z += w;
            }
        }
        softmax(&mut z);
        z
    }

    /// The most likely class and its probability.
    pub fn predict(&self, feats: &[u32]) -> (usize, f32) {
        let p = self.probabilities(feats);
        p.iter()
            .enumerate()
            .fold((0, f32::MIN), |b, (c, &v)| if v > b.1 { (c, v) } else { b })
    }

    /// Trains on (feature buckets, label) pairs: AdaGrad on the log loss
    /// with a little L2, in an order fixed by the seed.
    pub fn train(data: &[(Vec<u32>, usize)], classes: usize, bits: u32, t: Training) -> Self {
        let size = 1usize << bits;
        let mut w = vec![0f32; size * classes];
        let mut g2 = vec![1e-6f32; size * classes];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(t.seed);
        let mut z = vec![0f32; classes];
        for _ in 0..t.epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let (feats, label) = &data[k];
                z.iter_mut().for_each(|v| *v = 0.0);
                for &f in feats {
                    let row = &w[f as usize * classes..][..classes];
                    for (z, w) in z.iter_mut().zip(row) {
                        *z += w;
                    }
                }
                softmax(&mut z);
                for &f in feats {
                    for (c, &p) in z.iter().enumerate() {
                        let i = f as usize * classes + c;
                        let target = if c == *label { 1.0 } else { 0.0 };
                        let g = p - target + t.l2 * w[i];
                        g2[i] += g * g;
                        w[i] -= t.rate * g / g2[i].sqrt();
                    }
                }
            }
        }
        Logistic {
            d: Dense {
                classes,
                bits,
                weights: w,
            },
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        write(
            MAGIC,
            &Rows::from_dense(self.d.classes, self.d.bits, "", &self.d.weights),
        )
    }

    /// Reads a weights file that must have `classes` classes; `kind`
    /// names the model in errors.
    pub fn load(path: &str, kind: &str, b: &[u8], classes: usize) -> Result<Self, WeightsError> {
        let m = Logistic::from_bytes(path, kind, b)?;
        if m.classes() != classes {
            return Err(WeightsError::Format {
                path: path.into(),
                kind: kind.into(),
                what: format!("expected {classes} classes, found {}", m.classes()),
            });
        }
        Ok(m)
    }

    /// Reads a weights file; `kind` names the model in errors.
    pub fn from_bytes(path: &str, kind: &str, b: &[u8]) -> Result<Self, WeightsError> {
        let (h, weights) = read_dense(path, kind, MAGIC, b)?;
        Ok(Logistic {
            d: Dense {
                classes: h.classes,
                bits: h.bits,
                weights,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::bucket;

    fn toy() -> Vec<(Vec<u32>, usize)> {
        (0..40)
            .map(|i| {
                let c = i % 4;
                let word = ["said", "met", "aided", "shelled"][c];
                (vec![bucket(&["w", word], 12), bucket(&["w", "the"], 12)], c)
            })
            .collect()
    }

    #[test]
    fn training_learns_separable_classes() {
        let m = Logistic::train(&toy(), 4, 12, Training::default());
        for (feats, label) in toy() {
            assert_eq!(m.predict(&feats).0, label);
        }
        let p = m.probabilities(&toy()[0].0);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let a = Logistic::train(&toy(), 4, 12, Training::default()).to_bytes();
        let b = Logistic::train(&toy(), 4, 12, Training::default()).to_bytes();
        assert_eq!(a, b);
        let back = Logistic::from_bytes("m.bin", "test", &a).unwrap();
        assert_eq!(back.to_bytes(), a);
    }
}
