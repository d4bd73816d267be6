//! A sentence's PentaClass from its words and its coded events: a
//! multinomial logistic regression over hashed features
//! ([`casus_learn::Logistic`]), trained by `casus train pentaclass` on
//! labelled sentences (ours, or `../shared/data/dev`) and shipped as
//! `data/pentaclass.bin`.
//!
//! Features: lower-case words, word pairs and triples, and what the
//! rule-based coder found (each event's root, PentaClass, code
//! and modality; the main event's class; statements). Feature strings are
//! hashed into 2^18 buckets, so the weights file holds numbers only, never
//! text. The file format is casus-learn's (magic `CASUSLR1`, five classes).

use crate::coder::{main_event, Coded};
use crate::codes::penta_class;
use casus_learn::{bucket, Logistic, Training, WeightsError};
use casus_nlp::{Token, TokenKind};

const BITS: u32 = 18;
const CLASSES: usize = 5;

const BUILTIN: &[u8] = include_bytes!("../data/pentaclass.bin");

/// A weights file that is not a PentaClass model.
pub type ModelError = WeightsError;

/// Trained weights, one row of five per feature bucket.
#[derive(Debug, Clone)]
pub struct Classifier {
    model: Logistic,
}

/// The hashed features of one sentence: its tokens and the events coded
/// in it.
pub fn features(text: &str, toks: &[Token], events: &[&Coded]) -> Vec<u32> {
    let mut out = Vec::with_capacity(toks.len() * 3 + events.len() * 4 + 2);
    let mut add = |parts: &[&str]| out.push(bucket(parts, BITS));
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

impl Classifier {
    /// The weights shipped with casus.
    pub fn builtin() -> Self {
        casus_learn::from_builtin(BUILTIN, |b| Classifier::from_bytes("built-in:pentaclass.bin", b))
            .expect("the shipped model loads")
    }

    pub fn from_bytes(path: &str, b: &[u8]) -> Result<Self, ModelError> {
        Ok(Classifier {
            model: Logistic::load(path, "PentaClass", b, CLASSES)?,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// Class probabilities for a sentence's features.
    pub fn probabilities(&self, feats: &[u32]) -> [f32; CLASSES] {
        let p = self.model.probabilities(feats);
        std::array::from_fn(|c| p[c])
    }

    /// The most likely class and its probability.
    pub fn predict(&self, feats: &[u32]) -> (u8, f32) {
        let (c, p) = self.model.predict(feats);
        (c as u8, p)
    }

    /// Trains on (features, label) pairs: AdaGrad on the log loss with a
    /// little L2 (rate 0.1 and L2 1e-5, chosen by grouped cross-validation
    /// on the dev data), `epochs` passes in an order fixed by `seed`.
    pub fn train(data: &[(Vec<u32>, u8)], epochs: usize, seed: u64) -> Self {
        let data: Vec<(Vec<u32>, usize)> = data.iter().map(|(f, l)| (f.clone(), *l as usize)).collect();
        let t = Training {
            epochs,
            seed,
            ..Training::default()
        };
        Classifier {
            model: Logistic::train(&data, CLASSES, BITS, t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<(Vec<u32>, u8)> {
        let f = |w: &str| bucket(&["w", w], BITS);
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
    fn a_file_that_is_not_a_model_is_refused_with_its_path() {
        let e = Classifier::from_bytes("junk.bin", b"hello world, not weights at all").unwrap_err();
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
