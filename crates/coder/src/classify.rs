//! A sentence's PentaClass from its words and its coded events: a
//! multinomial logistic regression over hashed features, trained by
//! `casus train pentaclass` on labelled sentences (ours, or
//! `../shared/data/dev`) and shipped as `data/pentaclass.bin`.
//!
//! Features: lower-case words, word pairs and triples, and what the
//! rule-based coder found (each event's root, PentaClass, code
//! and modality; the main event's class; statements). Feature strings are
//! hashed (FNV-1a) into 2^18 buckets, so the weights file holds numbers
//! only, never text.
//!
//! Weights file: the 8 bytes `CASUSPC1`, then little-endian u32 bucket
//! bits, u32 entry count, and per non-zero bucket a u32 index and five f32
//! weights (classes 0–4).

use crate::coder::{main_event, Coded};
use crate::codes::penta_class;
use casus_nlp::{Token, TokenKind};

const MAGIC: &[u8; 8] = b"CASUSPC1";
const BITS: u32 = 18;
const CLASSES: usize = 5;

const BUILTIN: &[u8] = include_bytes!("../data/pentaclass.bin");

/// A problem with a weights file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}: not a casus PentaClass model ({what})")]
    Format { path: String, what: String },
}

/// Trained weights, one row of five per feature bucket.
#[derive(Debug, Clone)]
pub struct Classifier {
    bits: u32,
    weights: Vec<[f32; CLASSES]>,
}

fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// The hashed features of one sentence: its tokens and the events coded
/// in it.
pub fn features(text: &str, toks: &[Token], events: &[&Coded]) -> Vec<u32> {
    let mask = (1u64 << BITS) - 1;
    let mut out = Vec::with_capacity(toks.len() * 3 + events.len() * 4 + 2);
    let mut add = |parts: &[&str]| out.push((fnv(parts) & mask) as u32);
    add(&["bias"]);
    let words: Vec<String> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text(text).to_lowercase())
        .collect();
    // Five-letter prefixes and three-letter suffixes were tried and lost
    // cross-validated F1; word triples won it.
    for (i, w) in words.iter().enumerate() {
        add(&["w", w]);
        if let Some(next) = words.get(i + 1) {
            add(&["b", w, next]);
            if let Some(third) = words.get(i + 2) {
                add(&["t", w, next, third]);
            }
        }
    }
    for e in events {
        let root = &e.info.code[..2];
        let penta = penta_class(root).to_string();
        if e.speech {
            add(&["speech"]);
            continue;
        }
        add(&["root", root]);
        add(&["code", &e.info.code]);
        add(&["pc", &penta]);
        add(&["pcm", &penta, e.modality.as_str()]);
    }
    match main_event(events.iter().copied()) {
        Some(m) if !m.speech => add(&["main", &penta_class(&m.info.code[..2]).to_string()]),
        Some(_) => add(&["main", "speech"]),
        None => add(&["main", "none"]),
    }
    out
}

fn softmax(z: [f32; CLASSES]) -> [f32; CLASSES] {
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut e = z.map(|v| (v - max).exp());
    let sum: f32 = e.iter().sum();
    for v in &mut e {
        *v /= sum;
    }
    e
}

impl Classifier {
    /// The weights shipped with casus.
    pub fn builtin() -> Self {
        Classifier::from_bytes("built-in:pentaclass.bin", BUILTIN).expect("the shipped model loads")
    }

    pub fn from_bytes(path: &str, b: &[u8]) -> Result<Self, ModelError> {
        let bad = |what: &str| ModelError::Format {
            path: path.into(),
            what: what.into(),
        };
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err(bad("expected the header CASUSPC1"));
        }
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let bits = u32_at(8);
        let n = u32_at(12) as usize;
        if bits == 0 || bits > 24 {
            return Err(bad("bucket bits out of range"));
        }
        let row = 4 + 4 * CLASSES;
        if b.len() != 16 + n * row {
            return Err(bad("length does not match the entry count"));
        }
        let mut weights = vec![[0f32; CLASSES]; 1 << bits];
        for k in 0..n {
            let at = 16 + k * row;
            let idx = u32_at(at) as usize;
            let w = weights
                .get_mut(idx)
                .ok_or_else(|| bad("bucket index out of range"))?;
            for (c, x) in w.iter_mut().enumerate() {
                *x = f32::from_bits(u32_at(at + 4 + 4 * c));
            }
        }
        Ok(Classifier { bits, weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let nonzero: Vec<usize> = (0..self.weights.len())
            .filter(|&i| self.weights[i].iter().any(|w| *w != 0.0))
            .collect();
        let mut out = Vec::with_capacity(16 + nonzero.len() * 24);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for i in nonzero {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            for w in self.weights[i] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Class probabilities for a sentence's features.
    pub fn probabilities(&self, feats: &[u32]) -> [f32; CLASSES] {
        let mask = (1usize << self.bits) - 1;
        let mut z = [0f32; CLASSES];
        for &f in feats {
            let w = &self.weights[f as usize & mask];
            for c in 0..CLASSES {
                z[c] += w[c];
            }
        }
        softmax(z)
    }

    /// The most likely class and its probability.
    pub fn predict(&self, feats: &[u32]) -> (u8, f32) {
        let p = self.probabilities(feats);
        let (c, v) = p.iter().enumerate().fold(
            (0, f32::MIN),
            |best, (c, &v)| if v > best.1 { (c, v) } else { best },
        );
        (c as u8, v)
    }

    /// Trains on (features, label) pairs: AdaGrad on the log loss with a
    /// little L2, `epochs` passes in an order fixed by `seed`.
    pub fn train(data: &[(Vec<u32>, u8)], epochs: usize, seed: u64) -> Self {
        let size = 1usize << BITS;
        let mut w = vec![[0f32; CLASSES]; size];
        let mut g2 = vec![[1e-6f32; CLASSES]; size];
        // Chosen by 5-fold cross-validation on the dev data (0.05–1.0 tried).
        let (rate, l2) = (0.1f32, 1e-5f32);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut state = seed | 1;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let model = |w: &Vec<[f32; CLASSES]>, feats: &[u32]| {
            let mut z = [0f32; CLASSES];
            for &f in feats {
                for c in 0..CLASSES {
                    z[c] += w[f as usize][c];
                }
            }
            softmax(z)
        };
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                order.swap(i, (next() % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let (feats, label) = &data[k];
                let p = model(&w, feats);
                for &f in feats {
                    let f = f as usize;
                    for c in 0..CLASSES {
                        let target = if c == *label as usize { 1.0 } else { 0.0 };
                        let g = p[c] - target + l2 * w[f][c];
                        g2[f][c] += g * g;
                        w[f][c] -= rate * g / g2[f][c].sqrt();
                    }
                }
            }
        }
        Classifier {
            bits: BITS,
            weights: w,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<(Vec<u32>, u8)> {
        let mask = (1u64 << BITS) - 1;
        let f = |w: &str| (fnv(&["w", w]) & mask) as u32;
        (0..40)
            .map(|i| {
                let c = (i % 5) as u8;
                let word = ["said", "met", "aided", "condemned", "shelled"][c as usize];
                (vec![f(word), f("the")], c)
            })
            .collect()
    }

    #[test]
    fn training_learns_separable_classes() {
        let m = Classifier::train(&toy(), 10, 7);
        for (feats, label) in toy() {
            assert_eq!(m.predict(&feats).0, label);
        }
    }

    #[test]
    fn weights_survive_a_round_trip_through_bytes() {
        let m = Classifier::train(&toy(), 3, 7);
        let back = Classifier::from_bytes("x", &m.to_bytes()).unwrap();
        let (feats, _) = &toy()[3];
        assert_eq!(m.probabilities(feats), back.probabilities(feats));
    }

    #[test]
    fn a_file_that_is_not_a_model_is_refused_with_its_path() {
        let e = Classifier::from_bytes("junk.bin", b"hello world, not weights").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("junk.bin: not a casus PentaClass model"));
        let mut b = Classifier::train(&toy(), 1, 1).to_bytes();
        b.truncate(b.len() - 3);
        assert!(Classifier::from_bytes("cut.bin", &b).is_err());
    }

    #[test]
    fn the_shipped_model_loads() {
        let m = Classifier::builtin();
        let p = m.probabilities(&[1, 2, 3]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }
}
