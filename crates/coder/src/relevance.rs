//! How political an article is: the probability that it reports political
//! or conflict events, from its words. GDELT's worst noise is coding
//! sports, business and lifestyle pages; this score lets users drop them
//! (`casus extract --min-relevance 0.5`).
//!
//! A logistic regression ([`casus_learn::Logistic`], two classes) over the
//! hashed lower-case words and word pairs of the article's first 400
//! words, read in windows of 40 words whose scores are averaged (so that a
//! headline and a long feature are judged alike), trained by `casus train relevance` on `../shared/data/dev/events`
//! (BBC politics against business, entertainment, sport and tech; South
//! Asian security incident reports, all relevant) and shipped as
//! `data/relevance.bin` (casus-learn's format, magic `CASUSLR1`).

use casus_learn::{bucket, Logistic, Training, WeightsError};

const BITS: u32 = 18;
const WORDS: usize = 400;

const BUILTIN: &[u8] = include_bytes!("../data/relevance.bin");

/// The relevance model.
#[derive(Debug, Clone)]
pub struct Relevance {
    model: Logistic,
}

/// Words in a window: texts are read as windows of this many words, so
/// that a short text and a long one are scored alike.
const WINDOW: usize = 40;

/// The hashed features of a text, window by window: each window's words
/// (letters only, lower case) and word pairs, each once.
pub fn relevance_features(text: &str) -> Vec<Vec<u32>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 1)
        .take(WORDS)
        .map(str::to_lowercase)
        .collect();
    words
        .chunks(WINDOW)
        .map(|ws| {
            let mut out = vec![bucket(&["bias"], BITS)];
            for (i, w) in ws.iter().enumerate() {
                out.push(bucket(&["w", w], BITS));
                if let Some(n) = ws.get(i + 1) {
                    out.push(bucket(&["b", w, n], BITS));
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect()
}

impl Relevance {
    /// The weights shipped with casus.
    pub fn builtin() -> Self {
        casus_learn::from_builtin(BUILTIN, |b| Relevance::from_bytes("built-in:relevance.bin", b))
            .expect("the shipped relevance model loads")
    }

    pub fn from_bytes(path: &str, b: &[u8]) -> Result<Self, WeightsError> {
        Ok(Relevance {
            model: Logistic::load(path, "relevance", b, 2)?,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// The probability that `text` reports political or conflict events:
    /// the mean over its windows (0.5 for a text without words).
    pub fn score(&self, text: &str) -> f32 {
        let windows = relevance_features(text);
        if windows.is_empty() {
            return 0.5;
        }
        let sum: f32 = windows.iter().map(|w| self.model.probabilities(w)[1]).sum();
        sum / windows.len() as f32
    }

    /// Trains on (text, relevant) pairs, in an order fixed by `seed`.
    pub fn train(data: &[(&str, bool)], epochs: usize, seed: u64) -> Self {
        let rows: Vec<(Vec<u32>, usize)> = data
            .iter()
            .flat_map(|(t, r)| relevance_features(t).into_iter().map(|w| (w, usize::from(*r))))
            .collect();
        let t = Training {
            epochs,
            seed,
            ..Training::default()
        };
        Relevance {
            model: Logistic::train(&rows, 2, BITS, t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_trained_on_our_sentences_tells_politics_from_sport() {
        let data = [
            (
                "The parliament voted to impeach the president after the minister resigned.",
                true,
            ),
            (
                "Rebels attacked an army post and the government imposed a curfew.",
                true,
            ),
            (
                "Police arrested protesters outside the ministry of defence.",
                true,
            ),
            (
                "The striker scored twice as the club won the league title.",
                false,
            ),
            ("The new phone has a brighter screen and a faster camera.", false),
            (
                "Her album topped the charts and the tour sold out in a day.",
                false,
            ),
        ];
        let m = Relevance::train(&data, 20, 3);
        assert!(m.score("The government arrested the rebels and the minister resigned.") > 0.5);
        assert!(m.score("The club's striker won the title with a faster camera.") < 0.5);
        let back = Relevance::from_bytes("r.bin", &m.to_bytes()).unwrap();
        assert_eq!(
            back.score("a vote in parliament"),
            m.score("a vote in parliament")
        );
    }

    #[test]
    fn the_shipped_model_scores_between_zero_and_one() {
        let p = Relevance::builtin().score("Troops shelled the border town.");
        assert!((0.0..=1.0).contains(&p));
    }
}
