//! Source/target spans in BIO tags.

use crate::{coded, EvalError, Share};
use casus_coder::main_event;
use casus_pipeline::Pipeline;

/// One sentence: its text (tokens joined as news writes them) and the gold
/// spans, as byte ranges with their role (`S` or `T`).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    pub spans: Vec<(usize, usize, char)>,
}

/// Tokens that attach to the token before them without a space.
fn attaches_left(tok: &str) -> bool {
    matches!(
        tok,
        "," | "." | ":" | ";" | "!" | "?" | ")" | "]" | "%" | "'s" | "’s" | "'" | "n't" | "”"
    )
}

/// `B-S`, `I-T`, `B-R`: a span tag with a one-letter role.
fn is_span_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    b.len() == 3 && (b[0] == b'B' || b[0] == b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Parses a BIO file. A line that is not `token TAG`, with TAG `O` or
/// `B-X`/`I-X` for a one-letter role X, is an error naming the line.
pub fn parse(path: &str, content: &str) -> Result<Vec<Sentence>, EvalError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        text: String::new(),
        spans: Vec::new(),
    };
    let mut open: Option<(usize, usize, char)> = None;
    let mut no_space_next = false;
    let mut flush = |cur: &mut Sentence, open: &mut Option<(usize, usize, char)>| {
        if let Some(o) = open.take() {
            cur.spans.push(o);
        }
        if !cur.text.is_empty() {
            out.push(std::mem::replace(
                cur,
                Sentence {
                    text: String::new(),
                    spans: Vec::new(),
                },
            ));
        }
    };
    for (i, line) in content.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut cur, &mut open);
            no_space_next = false;
            continue;
        }
        let (tok, tag) = line
            .rsplit_once([' ', '\t'])
            .ok_or_else(|| EvalError::Malformed {
                path: path.into(),
                line: i + 1,
                what: format!("expected `token TAG`, found `{line}`"),
            })?;
        if !cur.text.is_empty() && !attaches_left(tok) && !no_space_next {
            cur.text.push(' ');
        }
        no_space_next = matches!(tok, "(" | "[" | "“");
        let start = cur.text.len();
        cur.text.push_str(tok);
        let end = cur.text.len();
        match tag {
            "O" => {
                if let Some(o) = open.take() {
                    cur.spans.push(o);
                }
            }
            _ if is_span_tag(tag) => {
                let role = tag.chars().last().unwrap_or('S');
                match open.as_mut() {
                    Some(o) if tag.starts_with('I') && o.2 == role => o.1 = end,
                    _ => {
                        if let Some(o) = open.replace((start, end, role)) {
                            cur.spans.push(o);
                        }
                    }
                }
            }
            other => {
                return Err(EvalError::Malformed {
                    path: path.into(),
                    line: i + 1,
                    what: format!(
                        "expected a tag O, B-X or I-X (X = S, T or another role letter), found `{other}`"
                    ),
                })
            }
        }
    }
    flush(&mut cur, &mut open);
    Ok(out)
}

/// How the actor stage does on gold source and target spans.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub sentences: usize,
    /// Gold spans that some mention overlaps.
    pub covered: Share,
    /// Gold spans overlapped by a mention resolved to an actor with a country.
    pub resolved: Share,
    pub covered_source: Share,
    pub covered_target: Share,
    /// Event sources and targets against gold S and T spans: the sources
    /// and targets of each sentence's main event (with its coordinated
    /// pairs), matched to a gold span of the same role that they overlap.
    pub spans: SpanScore,
    /// The same at the word level: each (word, role) pair of the main
    /// event's sources and targets against the gold ones, a word of an R
    /// span (an actor that is both) counting as both.
    pub words: SpanScore,
}

/// Precision, recall and F1 of predicted spans.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct SpanScore {
    pub predicted: usize,
    pub gold: usize,
    pub matched_predicted: usize,
    pub matched_gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl SpanScore {
    pub(crate) fn finish(&mut self) {
        self.precision = ratio(self.matched_predicted, self.predicted);
        self.recall = ratio(self.matched_gold, self.gold);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Source and target spans of the main event of `text` (byte spans, role).
pub fn predicted_spans(
    found: &[casus_actors::Found],
    events: &[casus_coder::Coded],
) -> Vec<(usize, usize, char)> {
    let Some(main) = main_event(events) else {
        return Vec::new();
    };
    let mut out: Vec<(usize, usize, char)> = Vec::new();
    for e in events.iter().filter(|e| e.trigger == main.trigger) {
        // As casus outputs them: the phrase where the parse gave one.
        for (i, phrase, role) in [(e.source, e.source_span, 'S'), (e.target, e.target_span, 'T')] {
            if let Some(span) = phrase.or(i.map(|i| found[i].span)) {
                let sp = (span.start, span.end, role);
                if !out.contains(&sp) {
                    out.push(sp);
                }
            }
        }
    }
    out
}

pub fn evaluate(pipeline: &Pipeline, sentences: &[Sentence]) -> Report {
    let mut r = Report {
        sentences: sentences.len(),
        ..Report::default()
    };
    for s in sentences {
        let (found, events) = coded(pipeline, &s.text);
        for &(gs, ge, role) in s.spans.iter().filter(|s| s.2 == 'S' || s.2 == 'T') {
            let over: Vec<_> = found
                .iter()
                .filter(|m| m.span.start < ge && gs < m.span.end)
                .collect();
            let covered = !over.is_empty();
            r.covered.add(covered);
            r.resolved.add(
                over.iter()
                    .any(|m| m.actor.as_ref().is_some_and(|a| a.country.is_some())),
            );
            if role == 'S' {
                r.covered_source.add(covered);
            } else {
                r.covered_target.add(covered);
            }
        }
        let gold: Vec<&(usize, usize, char)> = s.spans.iter().filter(|s| s.2 == 'S' || s.2 == 'T').collect();
        let pred = predicted_spans(&found, &events);
        let overlaps =
            |a: &(usize, usize, char), b: &(usize, usize, char)| a.2 == b.2 && a.0 < b.1 && b.0 < a.1;
        r.spans.gold += gold.len();
        r.spans.predicted += pred.len();
        r.spans.matched_gold += gold
            .iter()
            .filter(|g| pred.iter().any(|p| overlaps(p, g)))
            .count();
        r.spans.matched_predicted += pred
            .iter()
            .filter(|p| gold.iter().any(|g| overlaps(p, g)))
            .count();
        let w = word_counts(&s.text, &s.spans, &pred);
        r.words.gold += w.0;
        r.words.predicted += w.1;
        r.words.matched_gold += w.2;
        r.words.matched_predicted += w.2;
    }
    r.spans.finish();
    r.words.finish();
    r
}

/// Word-level counts of one sentence: (gold, predicted, matched) pairs of
/// a word and a role (S or T; a word of an R span counts as both, gold or
/// predicted).
pub fn word_counts(
    text: &str,
    gold: &[(usize, usize, char)],
    pred: &[(usize, usize, char)],
) -> (usize, usize, usize) {
    let both = |v: &[(usize, usize, char)]| -> Vec<(usize, usize, char)> {
        v.iter()
            .flat_map(|&(a, b, role)| match role {
                'R' => vec![(a, b, 'S'), (a, b, 'T')],
                _ => vec![(a, b, role)],
            })
            .collect()
    };
    let (gold, pred) = (both(gold), both(pred));
    let inside = |spans: &[(usize, usize, char)], w: (usize, usize), role: char| {
        spans.iter().any(|&(a, b, r)| r == role && a <= w.0 && w.1 <= b)
    };
    let mut c = (0, 0, 0);
    for w in words(text) {
        for role in ['S', 'T'] {
            let (g, p) = (inside(&gold, w, role), inside(&pred, w, role));
            c.0 += usize::from(g);
            c.1 += usize::from(p);
            c.2 += usize::from(g && p);
        }
    }
    c
}

/// The words of a text (runs of letters and digits), as byte spans.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_pipeline::{PipelineOptions, Resources};

    const SAMPLE: &str = "Syrian B-S\ntroops I-S\nshelled O\nrebel B-T\npositions I-T\n, O\nofficials O\nsaid O\n. O\n\nThe O\nUN B-S\nurged O\nthe O\nwarring B-T\nparties I-T\n( O\nagain O\n) O\n. O\n";

    #[test]
    fn tokens_are_joined_as_text_and_spans_follow_them() {
        let s = parse("g.bio", SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].text,
            "Syrian troops shelled rebel positions, officials said."
        );
        let spans: Vec<(&str, char)> = s[0]
            .spans
            .iter()
            .map(|&(a, b, r)| (&s[0].text[a..b], r))
            .collect();
        assert_eq!(spans, [("Syrian troops", 'S'), ("rebel positions", 'T')]);
        assert_eq!(s[1].text, "The UN urged the warring parties (again).");
    }

    #[test]
    fn a_bad_tag_names_the_line() {
        let e = parse("g.bio", "Iraq B-S\nsaid X-Y\n").unwrap_err().to_string();
        assert!(e.starts_with("g.bio:2: expected a tag O, B-X or I-X"), "{e}");
    }

    #[test]
    fn coverage_counts_gold_spans_a_mention_overlaps() {
        let p = Pipeline::new(Resources::builtin(), PipelineOptions::default());
        let r = evaluate(&p, &parse("g.bio", SAMPLE).unwrap());
        // "Syrian troops" and "UN" are found; only the first has a country.
        // "rebel positions" and "the warring parties" are not actors casus knows.
        assert_eq!((r.covered.hit, r.covered.total), (2, 4), "{r:?}");
        assert_eq!((r.covered_source.hit, r.covered_source.total), (2, 2));
        assert_eq!(r.resolved.hit, 1);
    }

    #[test]
    fn event_sources_and_targets_are_scored_against_gold_spans() {
        let p = Pipeline::new(Resources::builtin(), PipelineOptions::default());
        let sample = "Syrian B-S\ntroops I-S\nshelled O\nTurkish B-T\npositions I-T\n. O\n";
        let r = evaluate(&p, &parse("g.bio", sample).unwrap());
        assert_eq!((r.spans.gold, r.spans.matched_gold), (2, 2), "{r:?}");
        assert_eq!(r.spans.precision, 1.0);
        // Four gold words: Syrian, troops (S), Turkish, positions (T).
        assert_eq!(r.words.gold, 4, "{r:?}");
        assert!(r.words.matched_gold >= 2, "{r:?}");
    }
}
