//! Per-stage timings on one thread: segmentation, language identification,
//! event coding, time expressions, quotes, and actor recognition with the built-in dictionaries and with a
//! dictionary grown by generated names (100,000 by default; lookup cost
//! must not grow with it).

use casus_actors::{Dictionary, Recognizer};
use casus_core::Span;
use casus_nlp::Segmenter;
use std::time::Instant;

pub struct Stage {
    pub name: String,
    pub seconds: f64,
    pub sentences: usize,
    pub articles: usize,
    /// Mentions found (actor stages).
    pub mentions: usize,
}

/// Names for the grown dictionary, from syllables: "Karo Velmish Front".
fn generated_names(n: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "ro", "vel", "mish", "ta", "dor", "an", "zu", "bel", "kor", "ni", "sa", "tre", "gol", "mu",
        "ria",
    ];
    const HEADS: &[&str] = &["Front", "Brigade", "Movement", "Council", "Army", "Party"];
    let mut rng = fastrand::Rng::with_seed(7);
    let mut out = String::with_capacity(n * 60);
    for i in 0..n {
        let mut word = |k: usize| {
            let w: String = (0..k).map(|_| SYL[rng.usize(..SYL.len())]).collect();
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        };
        let name = format!("{} {} {}", word(2), word(3), HEADS[i % HEADS.len()]);
        out.push_str(&format!("gen-{i}\tarmed_group\t\trebels\tXXXREB\t{name}\t\n"));
    }
    out
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The median time of `rounds` runs of `f`, and what its last run found.
fn timed(rounds: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        found = f();
        times.push(start.elapsed().as_secs_f64());
    }
    (median(times), found)
}

/// Times each stage over `texts` (clean article texts), `rounds` times.
pub fn measure(texts: &[String], rounds: usize, extra: usize) -> (Vec<Stage>, usize, f64) {
    let segmenter = Segmenter::default();
    let rounds = rounds.max(1);
    let mut segmented: Vec<Vec<Span>> = Vec::new();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let start = Instant::now();
        segmented = texts.iter().map(|t| segmenter.segment(t).sentences).collect();
        times.push(start.elapsed().as_secs_f64());
    }
    let sentences: usize = segmented.iter().map(Vec::len).sum();
    let mut stages = vec![Stage {
        name: "segmentation".into(),
        seconds: median(times),
        sentences,
        articles: texts.len(),
        mentions: 0,
    }];
    let mut times = Vec::new();
    for _ in 0..rounds {
        let start = Instant::now();
        let found = texts
            .iter()
            .filter(|t| casus_nlp::detect_language(t).is_some())
            .count();
        times.push(start.elapsed().as_secs_f64());
        debug_assert_eq!(found, texts.len());
    }
    stages.push(Stage {
        name: "language identification".into(),
        seconds: median(times),
        sentences,
        articles: texts.len(),
        mentions: 0,
    });
    let builtin = Dictionary::builtin();
    let mut grown = builtin.clone();
    let issues = grown.add_actors("generated", &generated_names(extra));
    debug_assert!(issues.is_empty());
    let names = grown.actors.len();
    let build = Instant::now();
    let grown = Recognizer::new(grown);
    let build_seconds = build.elapsed().as_secs_f64();
    for (name, rec) in [
        (
            "actors (built-in dictionaries)".to_string(),
            Recognizer::new(builtin),
        ),
        (format!("actors (+{extra} names)"), grown),
    ] {
        let mut times = Vec::new();
        let mut mentions = 0;
        for _ in 0..rounds {
            let start = Instant::now();
            mentions = texts
                .iter()
                .zip(&segmented)
                .map(|(t, s)| rec.recognize(t, s, Some("2024-02-01")).len())
                .sum();
            times.push(start.elapsed().as_secs_f64());
        }
        stages.push(Stage {
            name,
            seconds: median(times),
            sentences,
            articles: texts.len(),
            mentions,
        });
    }
    // Syntax alone: the tagger and the parser on every sentence (the
    // coder parses only sentences with an act to code).
    let syntax = casus_syntax::Syntax::builtin();
    let tokenizer = casus_nlp::Tokenizer::default();
    let words: Vec<Vec<Vec<&str>>> = texts
        .iter()
        .zip(&segmented)
        .map(|(t, ss)| {
            ss.iter()
                .map(|s| tokenizer.tokens(t, *s).iter().map(|k| k.text(t)).collect())
                .collect()
        })
        .collect();
    let mut times = Vec::new();
    let mut arcs = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        arcs = words
            .iter()
            .flatten()
            .map(|w| syntax.analyse(w).arcs.heads.len())
            .sum();
        times.push(start.elapsed().as_secs_f64());
    }
    stages.push(Stage {
        name: "syntax (tagger + parser)".into(),
        seconds: median(times),
        sentences,
        articles: texts.len(),
        mentions: arcs,
    });
    // Events: the rule-based coder (which parses) and the learned
    // calibration, on the built-in actors' mentions.
    let rec = Recognizer::new(Dictionary::builtin());
    let found: Vec<_> = texts
        .iter()
        .zip(&segmented)
        .map(|(t, s)| rec.recognize(t, s, Some("2024-02-01")))
        .collect();
    let coder = casus_coder::Coder::default();
    let mut times = Vec::new();
    let mut events = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        events = 0;
        for ((t, s), f) in texts.iter().zip(&segmented).zip(&found) {
            let mut coded = coder.code(t, s, f);
            coder.calibrate(t, s, &mut coded);
            events += coded.len();
        }
        times.push(start.elapsed().as_secs_f64());
    }
    stages.push(Stage {
        name: "events (coder + model)".into(),
        seconds: median(times),
        sentences,
        articles: texts.len(),
        mentions: events,
    });
    // Times: every sentence against the publication date.
    let finder = casus_resolve::Times::builtin();
    let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 1);
    let (seconds, found) = timed(rounds, || {
        texts
            .iter()
            .zip(&segmented)
            .map(|(t, s)| {
                finder
                    .find_all(t, s, published)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>()
            })
            .sum()
    });
    stages.push(Stage {
        name: "times".into(),
        seconds,
        sentences,
        articles: texts.len(),
        mentions: found,
    });
    // ACLED: every sentence's word classes read, and the rules run for one
    // violent event in it (the typing every event gets).
    let acled = casus_acled::Acled::builtin();
    let (seconds, found) = timed(rounds, || {
        let mut typed = 0;
        for (t, s) in texts.iter().zip(&segmented) {
            for sentence in s {
                let hits = acled.read(t, *sentence);
                let facts = casus_acled::Facts {
                    cameo: Some("190"),
                    trigger: Some(*sentence),
                    ..Default::default()
                };
                typed += usize::from(acled.type_of(&facts, &hits).is_some());
            }
        }
        typed
    });
    stages.push(Stage {
        name: "acled (word classes + rules)".into(),
        seconds,
        sentences,
        articles: texts.len(),
        mentions: found,
    });
    // Quotes: the attribution tagger on every paragraph.
    let attributor = casus_attrib::Attributor::builtin();
    let (seconds, found) = timed(rounds, || {
        texts
            .iter()
            .zip(&segmented)
            .map(|(t, s)| attributor.find(t, s).len())
            .sum()
    });
    stages.push(Stage {
        name: "quotes (attribution tagger)".into(),
        seconds,
        sentences,
        articles: texts.len(),
        mentions: found,
    });
    (stages, names, build_seconds)
}
