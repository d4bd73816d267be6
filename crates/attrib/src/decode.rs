//! From tagged words to attributions: every run of cue words is one
//! attribution; each run of source or content words joins the nearest
//! cue in its sentence, else the nearest in its paragraph. A run of
//! content with no cue in its paragraph continues the attribution just
//! before it (a quote running on into the next paragraph).

use crate::context::Context;
use crate::cues::{CueKind, Cues};
use crate::tagger::role;
use casus_core::Span;
use casus_syntax::norm_hash;

/// Quotation marks, straight, curly and guillemets.
pub const QUOTE_MARKS: [char; 5] = ['"', '“', '”', '«', '»'];

/// The fewest words an attribution's content has.
const MIN_WORDS: usize = 3;

/// The fewest words an attribution's content has when its source was
/// found too.
const MIN_WORDS_WITH_SOURCE: usize = 1;

/// One attribution: who (source, may be missing), the reporting words
/// (cue) and what was reported (content, in one or more parts), as byte
/// spans into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub source: Vec<Span>,
    pub cue: Span,
    pub content: Vec<Span>,
    pub kind: CueKind,
}

impl Attribution {
    /// The content from its first word to its last.
    pub fn content_extent(&self) -> Span {
        let first = self.content.first().map_or(self.cue, |s| *s);
        let last = self.content.last().map_or(self.cue, |s| *s);
        Span::new(first.start, last.end)
    }

    /// In quotation marks: every part opens with a mark and closes with
    /// one (a quoted phrase inside reported speech is a mixed quote, not
    /// a direct one).
    pub fn is_direct(&self, text: &str) -> bool {
        !self.content.is_empty()
            && self.content.iter().all(|s| {
                let t = s
                    .slice(text)
                    .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
                t.starts_with(QUOTE_MARKS) && t.trim_end_matches(['.', ',', '?', '!']).ends_with(QUOTE_MARKS)
            })
    }
}

/// A run of words with one role: (role, first word, last word).
type Run = (usize, usize, usize);

fn runs(labels: &[usize]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        let r = role(l);
        match out.last_mut() {
            Some(last) if r != 0 && l % 2 == 0 && last.0 == r && last.2 + 1 == i => last.2 = i,
            _ if r != 0 => out.push((r, i, i)),
            _ => {}
        }
    }
    out
}

/// Adds the attributions of one tagged paragraph to `out`.
pub(crate) fn attributions(
    text: &str,
    c: &Context,
    labels: &[usize],
    cues: &Cues,
    out: &mut Vec<Attribution>,
) {
    let runs = runs(labels);
    let span = |r: &Run| Span::new(c.span(r.1).start, c.span(r.2).end);
    let cue_runs: Vec<&Run> = runs.iter().filter(|r| r.0 == 2).collect();
    let first_new = out.len();
    for r in &cue_runs {
        let kind = (r.1..=r.2)
            .find_map(|i| cues.get(norm_hash(c.span(i).slice(text))))
            .unwrap_or(CueKind::Statement);
        out.push(Attribution {
            source: Vec::new(),
            cue: span(r),
            content: Vec::new(),
            kind,
        });
    }
    // The nearest cue run to a run: in its sentence first, then anywhere
    // in the paragraph; distance in words.
    let nearest = |r: &Run| -> Option<usize> {
        let dist = |q: &Run| {
            if q.1 > r.2 {
                q.1 - r.2
            } else {
                r.1.saturating_sub(q.2)
            }
        };
        let same = |q: &Run| c.sent[q.1] == c.sent[r.1];
        let pick = |only_same: bool| {
            cue_runs
                .iter()
                .enumerate()
                .filter(|(_, q)| !only_same || same(q))
                .min_by_key(|(_, q)| dist(q))
                .map(|(k, _)| k)
        };
        pick(true).or_else(|| pick(false))
    };
    for r in runs.iter().filter(|r| r.0 != 2) {
        let target = match nearest(r) {
            Some(k) => Some(first_new + k),
            // Content with no cue in its paragraph: the previous
            // attribution's words run on.
            None if r.0 == 3 => out[..first_new]
                .last()
                .filter(|a| c.span(r.1).start - a.content.last().map_or(a.cue.end, |s| s.end) < 600)
                .map(|_| first_new - 1),
            None => None,
        };
        if let Some(t) = target {
            let a = &mut out[t];
            if r.0 == 3 { &mut a.content } else { &mut a.source }.push(span(r));
        }
    }
}

/// Once every paragraph is tagged: a cue with nothing reported is no
/// attribution (a cue ending one paragraph with a colon has taken the
/// quote of the next by now); sources are made one.
pub(crate) fn finish(text: &str, out: &mut Vec<Attribution>) {
    // Fewer than three words reported ("defended the action") is an
    // act, not an attribution, unless the tagger also found who holds
    // it: PolNeAR's attributions are often that short ("Jones endorsed
    // Clinton", "voters support her").
    out.retain(|a| {
        let words: usize = a
            .content
            .iter()
            .map(|s| s.slice(text).split_whitespace().count())
            .sum();
        words >= MIN_WORDS || (words >= MIN_WORDS_WITH_SOURCE && !a.source.is_empty())
    });
    for a in out.iter_mut() {
        a.content.sort_by_key(|s| s.start);
        a.source = one_source(text, a.cue, std::mem::take(&mut a.source));
        if a.source.is_empty() {
            inverted_source(text, a);
        }
    }
}

/// `“...,” said the engineer Tova Rell, “...”`: after a quote, a cue
/// followed by a few words up to a comma or a full stop has them as its
/// source (the tagger, trained on news that writes "Rell said", may have
/// read them as content).
fn inverted_source(text: &str, a: &mut Attribution) {
    let before = text[..a.cue.start].trim_end();
    if !before.ends_with(['”', '"', '»']) {
        return;
    }
    let rest = &text[a.cue.end..];
    let Some(k) = rest.find([',', '.', '“', '"', '«', '\n']) else {
        return;
    };
    let who = rest[..k].trim();
    let n = who.split_whitespace().count();
    if n == 0 || n > 6 {
        return;
    }
    let start = a.cue.end + (rest.len() - rest.trim_start().len());
    let source = Span::new(start, start + who.len());
    // Content cut back to what follows the source.
    let after = a.cue.end + k;
    for c in &mut a.content {
        if c.start < source.end && source.start < c.end {
            // A part wholly before `after` was the source itself: gone.
            let from = if after >= c.end {
                c.end
            } else {
                let rest = &text[after..c.end];
                after + rest.len() - rest.trim_start_matches([',', ' ']).len()
            };
            *c = Span::new(from, c.end);
        }
    }
    a.content.retain(|c| !c.is_empty());
    a.source = vec![source];
}

/// One source: the run nearest the cue, joined with the runs beside it
/// when only a word or two without punctuation lies between ("Attorney
/// General" + "Schneiderman", a word the tagger left out).
fn one_source(text: &str, cue: Span, mut runs: Vec<Span>) -> Vec<Span> {
    if runs.len() < 2 {
        return runs;
    }
    runs.sort_by_key(|s| s.start);
    let gap = |x: &Span| {
        if x.start >= cue.end {
            x.start - cue.end
        } else {
            cue.start.saturating_sub(x.end)
        }
    };
    let near = (0..runs.len()).min_by_key(|&k| gap(&runs[k])).unwrap_or(0);
    let close = |a: Span, b: Span| {
        let between = &text[a.end.min(b.start)..b.start];
        // Never across the cue ("many of them" claimed "by the").
        if a.end <= cue.start && cue.end <= b.start {
            return false;
        }
        between.split_whitespace().count() <= 2
            && !between.contains([',', '.', ';', ':', '"', '“', '”', '(', ')'])
    };
    let (mut from, mut to) = (near, near);
    while from > 0 && close(runs[from - 1], runs[from]) {
        from -= 1;
    }
    while to + 1 < runs.len() && close(runs[to], runs[to + 1]) {
        to += 1;
    }
    vec![Span::new(runs[from].start, runs[to].end)]
}
