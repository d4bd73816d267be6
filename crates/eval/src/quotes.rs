//! Attribution scores on a brat corpus (PolNeAR's layout; read by
//! [`casus_attrib::brat`]):
//!
//! * **token overlap** over source, cue and content, as BBC's Citron
//!   counts it: the words casus gives a role that the annotators gave the
//!   same role, over all words casus gives that role (precision) and over
//!   all the annotators gave it (recall); `all` sums the three roles.
//! * **attributions**: one predicted and one annotated attribution match
//!   when their contents share at least half their words (Dice ≥ 0.5),
//!   each used once; of the matched, the share whose source shares a word
//!   with the annotated source (`speaker right`); recall of annotated
//!   attributions with and without quotation marks.
//! * **exact**: one predicted and one annotated attribution match when
//!   their source, cue and content cover exactly the same words.
//!
//! Words are runs of letters and digits, and every other character but
//! white space on its own.

use crate::bio::SpanScore;
use casus_attrib::GoldDoc;
use casus_core::Span;

/// One predicted attribution, in byte spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Predicted {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// The scores of a corpus.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub documents: usize,
    pub source: SpanScore,
    pub cue: SpanScore,
    pub content: SpanScore,
    pub all: SpanScore,
    pub attributions: SpanScore,
    /// Attributions whose source, cue and content are the annotated
    /// ones word for word.
    pub exact: SpanScore,
    pub speaker_right: crate::Share,
    pub recall_quoted: crate::Share,
    pub recall_unquoted: crate::Share,
    /// One tab-separated line per attribution missed, extra, or with the
    /// wrong speaker (`casus eval --quotes DIR --misses`).
    #[serde(skip)]
    pub misses: Vec<String>,
}

/// The words of a text, as byte spans.
fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            run.get_or_insert(i);
            continue;
        }
        if let Some(s) = run.take() {
            out.push(Span::new(s, i));
        }
        if !c.is_whitespace() {
            out.push(Span::new(i, i + c.len_utf8()));
        }
    }
    if let Some(s) = run {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// The indexes of the words whose first byte lies in one of `spans`.
fn covered(words: &[Span], spans: &[Span]) -> Vec<usize> {
    let mut out: Vec<usize> = spans
        .iter()
        .flat_map(|s| {
            let from = words.partition_point(|w| w.start < s.start);
            (from..words.len()).take_while(move |&k| words[k].start < s.end)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The words of spans, on one line.
fn joined(text: &str, spans: &[Span]) -> String {
    let parts: Vec<String> = spans
        .iter()
        .map(|s| s.slice(text).replace(['\n', '\t'], " "))
        .collect();
    parts.join(" … ")
}

fn shared(a: &[usize], b: &[usize]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// Adds one document's counts to `r`.
pub fn score(r: &mut Report, doc: &GoldDoc, predicted: &[Predicted]) {
    r.documents += 1;
    let w = words(&doc.text);
    // Per role, the words given it (a word may have two: the cue of a
    // quote nested in another's content).
    let marks = |sets: &mut dyn Iterator<Item = &[Span]>| {
        let mut out = vec![false; w.len()];
        for spans in sets {
            for k in covered(&w, spans) {
                out[k] = true;
            }
        }
        out
    };
    for (role, s) in [&mut r.source, &mut r.cue, &mut r.content]
        .into_iter()
        .enumerate()
    {
        let gold = marks(
            &mut doc
                .attributions
                .iter()
                .map(|a| [&a.source, &a.cue, &a.content][role].as_slice()),
        );
        let pred = marks(
            &mut predicted
                .iter()
                .map(|a| [&a.source, &a.cue, &a.content][role].as_slice()),
        );
        let g = gold.iter().filter(|&&x| x).count();
        let p = pred.iter().filter(|&&x| x).count();
        let hit = gold.iter().zip(&pred).filter(|(a, b)| **a && **b).count();
        for t in [&mut *s, &mut r.all] {
            t.gold += g;
            t.predicted += p;
            t.matched_gold += hit;
            t.matched_predicted += hit;
        }
    }
    // Attributions, matched one to one by content words, best first.
    let gc: Vec<Vec<usize>> = doc.attributions.iter().map(|a| covered(&w, &a.content)).collect();
    let pc: Vec<Vec<usize>> = predicted.iter().map(|a| covered(&w, &a.content)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gc.iter().enumerate() {
        for (j, p) in pc.iter().enumerate() {
            let s = shared(g, p);
            let dice = 2.0 * s as f64 / (g.len() + p.len()).max(1) as f64;
            if dice >= 0.5 {
                pairs.push((dice, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gold_used, mut pred_used) = (vec![false; gc.len()], vec![false; pc.len()]);
    for (_, i, j) in pairs {
        if gold_used[i] || pred_used[j] {
            continue;
        }
        gold_used[i] = true;
        pred_used[j] = true;
        let gs = covered(&w, &doc.attributions[i].source);
        if !gs.is_empty() {
            let ps = covered(&w, &predicted[j].source);
            let right = shared(&gs, &ps) > 0;
            r.speaker_right.add(right);
            if !right {
                let cue = predicted[j].cue.first().map_or("", |c| c.slice(&doc.text));
                r.misses.push(format!(
                    "{}\tspeaker\t{}\t{}\t{cue}",
                    doc.name,
                    joined(&doc.text, &doc.attributions[i].source),
                    joined(&doc.text, &predicted[j].source)
                ));
            }
        }
    }
    let line = |what: &str, source: &[Span], cue: &[Span], content: &[Span]| {
        let t = &doc.text;
        format!(
            "{}\t{what}\t{}\t{}\t{}",
            doc.name,
            joined(t, source),
            joined(t, cue),
            joined(t, content)
        )
    };
    for (a, _) in doc.attributions.iter().zip(&gold_used).filter(|(_, u)| !**u) {
        r.misses.push(line("missed", &a.source, &a.cue, &a.content));
    }
    for (a, _) in predicted.iter().zip(&pred_used).filter(|(_, u)| !**u) {
        r.misses.push(line("extra", &a.source, &a.cue, &a.content));
    }
    // Exact matches: the same words in every role, each used once.
    let parts = |a: [&[Span]; 3]| a.map(|spans| covered(&w, spans));
    let gold_parts: Vec<_> = doc
        .attributions
        .iter()
        .map(|a| parts([&a.source, &a.cue, &a.content]))
        .collect();
    let mut taken = vec![false; predicted.len()];
    let mut exact = 0;
    for g in &gold_parts {
        let hit = predicted
            .iter()
            .enumerate()
            .find(|(j, a)| !taken[*j] && parts([&a.source, &a.cue, &a.content]) == *g);
        if let Some((j, _)) = hit {
            taken[j] = true;
            exact += 1;
        }
    }
    r.exact.gold += gc.len();
    r.exact.predicted += pc.len();
    r.exact.matched_gold += exact;
    r.exact.matched_predicted += exact;
    r.attributions.gold += gc.len();
    r.attributions.predicted += pc.len();
    r.attributions.matched_gold += gold_used.iter().filter(|&&u| u).count();
    r.attributions.matched_predicted += pred_used.iter().filter(|&&u| u).count();
    for (a, used) in doc.attributions.iter().zip(&gold_used) {
        let quoted = a
            .content
            .iter()
            .any(|s| s.slice(&doc.text).contains(casus_attrib::QUOTE_MARKS));
        if quoted {
            &mut r.recall_quoted
        } else {
            &mut r.recall_unquoted
        }
        .add(*used);
    }
}

/// Scores `predict` (a document's text to its attributions) on `docs`.
pub fn evaluate(docs: &[GoldDoc], predict: impl Fn(&str) -> Vec<Predicted>) -> Report {
    let mut r = Report::default();
    for d in docs {
        score(&mut r, d, &predict(&d.text));
    }
    for s in [
        &mut r.source,
        &mut r.cue,
        &mut r.content,
        &mut r.all,
        &mut r.attributions,
        &mut r.exact,
    ] {
        s.finish();
    }
    r
}

/// What casus's whole pipeline finds (its `quotes`), back in byte spans.
pub fn predicted(pipeline: &casus_pipeline::Pipeline, text: &str) -> Vec<Predicted> {
    let res = pipeline.resources();
    let sentences = res.segmenter.segment(text).sentences;
    let map = casus_core::CharMap::new(text);
    let a = casus_pipeline::annotate(res, text, &sentences, None, &map);
    let bytes = casus_core::code_point_bytes(text);
    let back = |s: [usize; 2]| Span::new(bytes[s[0]], bytes[s[1]]);
    a.quotes
        .iter()
        .map(|q| Predicted {
            source: q.speaker.iter().map(|p| back(p.span)).collect(),
            cue: q.cue.iter().map(|c| back(c.span)).collect(),
            content: if q.parts.is_empty() {
                vec![back(q.content.span)]
            } else {
                q.parts.iter().map(|p| back(p.span)).collect()
            },
        })
        .collect()
}

impl From<casus_attrib::Attribution> for Predicted {
    fn from(a: casus_attrib::Attribution) -> Self {
        Predicted {
            source: a.source,
            cue: vec![a.cue],
            content: a.content,
        }
    }
}

/// The learned tagger's attributions alone.
pub fn tagger_alone(pipeline: &casus_pipeline::Pipeline, text: &str) -> Vec<Predicted> {
    let res = pipeline.resources();
    let sentences = res.segmenter.segment(text).sentences;
    res.attributor
        .find(text, &sentences)
        .into_iter()
        .map(Predicted::from)
        .collect()
}

/// The rules' quotes alone (casus-coder, before the tagger).
pub fn rules_alone(pipeline: &casus_pipeline::Pipeline, text: &str) -> Vec<Predicted> {
    let res = pipeline.resources();
    let sentences = res.segmenter.segment(text).sentences;
    let (found, events) = crate::coded(pipeline, text);
    res.coder
        .quotes(text, &sentences, &found, &events)
        .into_iter()
        .map(|q| Predicted {
            source: q.speaker.map(|i| found[i].span).into_iter().collect(),
            cue: q.cue.into_iter().collect(),
            content: vec![q.content],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_attrib::GoldAttribution;

    fn doc(text: &str, a: Vec<GoldAttribution>) -> GoldDoc {
        GoldDoc {
            name: "t".into(),
            text: text.into(),
            attributions: a,
        }
    }

    fn at(text: &str, s: &str) -> Vec<Span> {
        let i = text.find(s).expect("in text");
        vec![Span::new(i, i + s.len())]
    }

    /// One annotated attribution of one sentence, and its text.
    fn mayor() -> (&'static str, GoldAttribution) {
        let text = "Mayor Olen said the bridge would reopen in May.";
        let g = GoldAttribution {
            source: at(text, "Mayor Olen"),
            cue: at(text, "said"),
            content: at(text, "the bridge would reopen in May."),
        };
        (text, g)
    }

    /// A prediction of exactly the annotated spans.
    fn predicted_as(g: &GoldAttribution) -> Predicted {
        Predicted {
            source: g.source.clone(),
            cue: g.cue.clone(),
            content: g.content.clone(),
        }
    }

    #[test]
    fn a_perfect_prediction_scores_one_and_a_missing_source_halves_the_speaker() {
        let (text, g) = mayor();
        let good = predicted_as(&g);
        let r = evaluate(&[doc(text, vec![g.clone()])], |_| vec![good.clone()]);
        assert_eq!((r.all.precision, r.all.recall), (1.0, 1.0));
        assert_eq!(r.attributions.f1, 1.0);
        assert_eq!(r.speaker_right.rate(), 1.0);
        assert_eq!(r.recall_unquoted.rate(), 1.0);
        let short = Predicted {
            source: Vec::new(),
            cue: g.cue.clone(),
            content: at(text, "the bridge would reopen"),
        };
        let r = evaluate(&[doc(text, vec![g])], |_| vec![short.clone()]);
        // 4 of 7 content words, no source: recall below one, precision one.
        assert_eq!(r.content.precision, 1.0);
        assert!((r.content.recall - 4.0 / 7.0).abs() < 1e-9, "{:?}", r.content);
        assert_eq!(r.source.recall, 0.0);
        assert_eq!(r.speaker_right.rate(), 0.0);
        assert_eq!(r.attributions.matched_gold, 1, "4 of 7 words is Dice 0.73");
        // Found, but not word for word: no exact match.
        assert_eq!(r.exact.matched_gold, 0);
    }

    #[test]
    fn an_exact_match_needs_every_role_word_for_word() {
        let (text, g) = mayor();
        let same = predicted_as(&g);
        let r = evaluate(&[doc(text, vec![g.clone()])], |_| {
            vec![same.clone(), same.clone()]
        });
        // One annotated attribution matches one prediction, not two.
        assert_eq!((r.exact.matched_gold, r.exact.predicted), (1, 2));
        assert_eq!((r.exact.recall, r.exact.precision), (1.0, 0.5));
        let other_source = Predicted {
            source: at(text, "Olen"),
            ..same
        };
        let r = evaluate(&[doc(text, vec![g])], |_| vec![other_source.clone()]);
        assert_eq!(r.exact.matched_gold, 0);
        assert_eq!(r.attributions.matched_gold, 1);
    }
}
