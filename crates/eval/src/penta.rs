//! PentaClass labels: `sentence<TAB>label` lines, label 0–4.

use crate::{coded, EvalError};
use casus_coder::{main_event, penta_class};
use casus_pipeline::Pipeline;

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub text: String,
    pub label: u8,
}

/// Reads `sentence<TAB>label` lines; a blank line is skipped, a line
/// without a tab or with a label outside 0–4 is an error naming the line.
pub fn parse(path: &str, content: &str) -> Result<Vec<Labelled>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: String| EvalError::Malformed {
            path: path.into(),
            line: i + 1,
            what,
        };
        let (text, label) = line
            .rsplit_once('\t')
            .ok_or_else(|| bad("expected `sentence<TAB>label`".into()))?;
        let label: u8 = label
            .trim()
            .parse()
            .ok()
            .filter(|l| *l <= 4)
            .ok_or_else(|| bad(format!("expected a PentaClass label 0–4, found `{label}`")))?;
        out.push(Labelled {
            text: text.trim().to_string(),
            label,
        });
    }
    Ok(out)
}

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct ClassScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub sentences: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub classes: Vec<ClassScore>,
    /// confusion[gold][predicted]
    pub confusion: [[usize; 5]; 5],
    /// Sentences where casus coded an act (not only a statement).
    pub with_event: usize,
}

/// Scores from pairs of (gold, predicted).
pub fn score(pairs: &[(u8, u8)]) -> Report {
    let mut r = Report {
        sentences: pairs.len(),
        ..Report::default()
    };
    for &(g, p) in pairs {
        r.confusion[g as usize][p as usize] += 1;
    }
    let mut right = 0;
    for c in 0..5 {
        let tp = r.confusion[c][c];
        right += tp;
        let predicted: usize = (0..5).map(|g| r.confusion[g][c]).sum();
        let support: usize = r.confusion[c].iter().sum();
        let (precision, recall, f1) = crate::prf(tp, predicted, support);
        r.classes.push(ClassScore {
            precision,
            recall,
            f1,
            support,
        });
    }
    r.accuracy = if pairs.is_empty() {
        0.0
    } else {
        right as f64 / pairs.len() as f64
    };
    r.macro_f1 = r.classes.iter().map(|c| c.f1).sum::<f64>() / 5.0;
    r
}

/// Rule-based and learned predictions, scored.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Evaluation {
    /// The class of each sentence's main coded event (no event: 0).
    pub rules: Report,
    /// The learned model over words and coded events.
    pub model: Report,
    /// The class of each sentence's most confident event as casus outputs
    /// it (confidence blended with the model; no event: 0).
    pub events: Report,
}

/// One labelled sentence, ready for training: its features, its label,
/// the class of its main rule-based event, and each event's PentaClass
/// with its rule-based confidence (to score the output's surest event
/// under a model trained without this sentence).
pub type Row = (Vec<u32>, u8, u8, Vec<(u8, f64)>);

/// The [`Row`] of each labelled sentence.
pub fn featurize(pipeline: &Pipeline, data: &[Labelled]) -> Vec<Row> {
    let coder = &pipeline.resources().coder;
    data.iter()
        .map(|l| {
            let (_, events) = coded(pipeline, &l.text);
            let rule = main_event(&events).map_or(0, |e| penta_class(&e.info.code[..2]));
            let feats = coder.features(&l.text, casus_core::Span::new(0, l.text.len()), &events);
            let cands = events
                .iter()
                .map(|e| (penta_class(&e.info.code[..2]), e.confidence))
                .collect();
            (feats, l.label, rule, cands)
        })
        .collect()
}

/// The class of the surest event once confidences are blended with the
/// model's probabilities, as [`casus_coder::Coder::calibrate`] does (no
/// event: 0).
pub fn surest(probs: &[f32; 5], cands: &[(u8, f64)]) -> u8 {
    cands
        .iter()
        .map(|&(c, conf)| (c, casus_coder::blend(conf, probs[c as usize])))
        .fold(None, |b: Option<(u8, f64)>, e| match b {
            Some(b) if b.1 >= e.1 => Some(b),
            _ => Some(e),
        })
        .map_or(0, |e| e.0)
}

pub fn evaluate(pipeline: &Pipeline, data: &[Labelled]) -> Evaluation {
    let coder = &pipeline.resources().coder;
    let mut with_event = 0;
    let (mut rules, mut model, mut surest) = (Vec::new(), Vec::new(), Vec::new());
    for l in data {
        let (_, mut events) = coded(pipeline, &l.text);
        with_event += usize::from(events.iter().any(|e| !e.speech));
        // A sentence with no event at all is a statement (0).
        rules.push((
            l.label,
            main_event(&events).map_or(0, |e| penta_class(&e.info.code[..2])),
        ));
        let whole = casus_core::Span::new(0, l.text.len());
        model.push((l.label, coder.sentence_class(&l.text, whole, &events).0));
        let sentences: Vec<casus_core::Span> = {
            let mut v: Vec<_> = events.iter().map(|e| e.sentence).collect();
            v.dedup();
            v
        };
        coder.calibrate(&l.text, &sentences, &mut events);
        let best = events
            .iter()
            .fold(None, |b: Option<&casus_coder::Coded>, e| match b {
                Some(b) if b.confidence >= e.confidence => Some(b),
                _ => Some(e),
            });
        surest.push((l.label, best.map_or(0, |e| penta_class(&e.info.code[..2]))));
    }
    Evaluation {
        rules: Report {
            with_event,
            ..score(&rules)
        },
        model: Report {
            with_event,
            ..score(&model)
        },
        events: Report {
            with_event,
            ..score(&surest)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_pipeline::{PipelineOptions, Resources};

    #[test]
    fn macro_f1_averages_the_five_classes() {
        let r = score(&[(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (4, 3)]);
        assert_eq!(r.confusion[4][3], 1);
        assert!((r.classes[3].precision - 0.5).abs() < 1e-9);
        assert!((r.classes[4].recall - 0.5).abs() < 1e-9);
        let expected = (1.0 + 1.0 + 1.0 + 2.0 / 3.0 + 2.0 / 3.0) / 5.0;
        assert!((r.macro_f1 - expected).abs() < 1e-9, "{}", r.macro_f1);
    }

    #[test]
    fn a_bad_label_names_the_line() {
        let e = parse("p.tsv", "Troops left.\t4\nTalks began.\t7\n").unwrap_err();
        assert!(e.to_string().starts_with("p.tsv:2: expected a PentaClass label"));
    }

    #[test]
    fn sentences_we_wrote_get_the_class_of_their_main_event() {
        let p = Pipeline::new(Resources::builtin(), PipelineOptions::default());
        let data = parse(
            "ours.tsv",
            "Syrian troops shelled rebel positions near Idlib.\t4\n\
             Egypt condemned the Israeli raid.\t3\n\
             Japan sent aid to Turkish villagers.\t2\n\
             Chinese officials met French diplomats in Beijing.\t1\n\
             The minister said the weather was mild.\t0\n",
        )
        .unwrap();
        let r = evaluate(&p, &data).rules;
        assert_eq!(r.accuracy, 1.0, "{:?}", r.confusion);
    }
}
