//! Who said what: direct quotes (straight or curly marks, over several
//! sentences, with the cue before, after or between two parts), mixed
//! quotes (a quoted phrase inside reported speech) and indirect speech
//! ("said that ...", "accusing it of ..."), each with its cue and its
//! speaker resolved through the actor stage (and its coreference: "he").

use crate::lexicon::Class;
use crate::{Coded, Coder};
use casus_actors::{Found, Kind};
use casus_core::{starting_in, Span};

/// One quote (byte spans; the speaker by mention index).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFound {
    pub speaker: Option<usize>,
    pub cue: Option<Span>,
    pub content: Span,
    pub direct: bool,
}

/// Verbs that report speech when a clause follows ("accusing it of ...").
const CLAUSE_CUES: &[&str] = &[
    "accusing",
    "accused",
    "accuses",
    "accuse",
    "warned",
    "warning",
    "warns",
    "insisted",
    "insisting",
    "claimed",
    "claiming",
    "denied",
    "denying",
    "urged",
    "urging",
    "demanded",
    "demanding",
];

/// Quotation marks: (open, close) byte offsets of the marks.
fn quote_marks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            '"' => match open {
                Some(o) if !prev.is_whitespace() || text[o..i].trim().is_empty() => {
                    out.push((o, i));
                    open = None;
                }
                Some(_) => open = Some(i),
                None if prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '-' | ':') || i == 0 => {
                    open = Some(i)
                }
                None => {}
            },
            // A paragraph break ends an unbalanced straight quote: it does
            // not run on into the next paragraph.
            '\n' if text[i..].starts_with("\n\n") && open.is_some_and(|o| text[o..].starts_with('"')) => {
                open = None;
            }
            _ => {}
        }
        prev = c;
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

impl Coder {
    /// Quotes in `text`, given its sentences and mentions.
    /// `events` are the coder's events for the same text: a participle cue
    /// ("..., accusing it of") belongs to the actor of the verb before it.
    pub fn quotes(
        &self,
        text: &str,
        sentences: &[Span],
        found: &[Found],
        events: &[Coded],
    ) -> Vec<QuoteFound> {
        // Every lookup below is a binary search in position-sorted lists
        // (mentions, cues, sentences, events), bounded by a sentence or a
        // window: the cost stays linear in the length of the document.
        let in_range = |from: usize, to: usize| starting_in(found, |f| f.span.start, from, to);
        let mut cues: Vec<Span> = sentences
            .iter()
            .flat_map(|s| {
                self.lexicon
                    .find(text, *s)
                    .into_iter()
                    .filter(|h| h.trigger.class == Class::Speech)
                    .map(|h| h.span)
                    // "the United States": a name, not the verb "states".
                    .filter(|c| {
                        !found[in_range(s.start, c.end)]
                            .iter()
                            .any(|f| f.span.start < c.end && c.start < f.span.end)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        cues.sort_by_key(|c| c.start);
        let sentence_of = |at: usize| {
            let k = sentences.partition_point(|s| s.end <= at);
            sentences.get(k).copied().filter(|s| s.start <= at)
        };
        let actor = |i: usize| {
            let f = &found[i];
            f.actor.is_some() || matches!(f.kind, Kind::Person | Kind::Organisation | Kind::ArmedGroup)
        };
        // The nearest actor before `at` (within the sentence).
        let before = |at: usize, from: usize| {
            in_range(from, at)
                .rev()
                .find(|&i| found[i].span.end <= at && actor(i))
        };
        let after = |at: usize, to: usize| in_range(at, to).find(|&i| found[i].span.end <= to && actor(i));
        let cues_in = |from: usize, to: usize| &cues[starting_in(&cues, |c| c.start, from, to)];
        let mut out: Vec<QuoteFound> = Vec::new();
        let mut quoted: Vec<Span> = Vec::new();
        let mut last_speaker: Option<(usize, usize)> = None; // (mention, close)
        for (open, close) in quote_marks(text) {
            let mark_len = |at: usize| text[at..].chars().next().map_or(1, char::len_utf8);
            let inner = Span::new(open + mark_len(open), close);
            let content_text = inner.slice(text).trim_end_matches([',', ' ']);
            let content = Span::new(inner.start, inner.start + content_text.len());
            let after_close = close + mark_len(close);
            let s = sentence_of(open).unwrap_or(Span::new(open, after_close));
            let s_end = sentence_of(close).map_or(s.end, |x| x.end);
            // Cue after: `,” he said` / `,” said a spokesman`.
            let window_end = (after_close + 60).min(text.len());
            let cue_after = cues_in(after_close, window_end).iter().copied().find(|c| {
                c.end <= window_end && !text[after_close..c.start].contains(['.', '…', '“', '"', '\n'])
            });
            // Cue before: `X said: “...` (same sentence, a few words back).
            let cue_before = cues_in(s.start, open).iter().copied().rev().find(|c| {
                c.end <= open && words(&text[c.end..open]) <= 3 && !text[c.end..open].contains('.')
            });
            let long = words(content.slice(text)) >= 4;
            let after_speaker = cue_after
                .and_then(|c| before(c.start, after_close).or_else(|| after(c.end, window_end.max(c.end))));
            if let Some(c) = cue_after.filter(|_| long && after_speaker.is_some()) {
                let speaker = after_speaker;
                if let Some(sp) = speaker {
                    last_speaker = Some((sp, after_close));
                }
                out.push(QuoteFound {
                    speaker,
                    cue: Some(c),
                    content,
                    direct: true,
                });
            } else if let Some(c) = cue_before.filter(|_| long) {
                // Between two parts of a split quote the cue's speaker is
                // the one just named; else the subject before the cue.
                let speaker = before(c.start, s.start).or(last_speaker.map(|l| l.0));
                out.push(QuoteFound {
                    speaker,
                    cue: Some(c),
                    content,
                    direct: true,
                });
            } else if long && s.start >= open.saturating_sub(1) {
                // A quote that opens a sentence with no cue continues the
                // last speaker's words, if they were quoted just before.
                let recent = last_speaker.filter(|(_, end)| open - end < 400);
                if let Some((sp, _)) = recent {
                    out.push(QuoteFound {
                        speaker: Some(sp),
                        cue: None,
                        content,
                        direct: true,
                    });
                    last_speaker = Some((sp, after_close));
                } else {
                    continue;
                }
            } else if let Some(c) = cues_in(s.start, open)
                .iter()
                .copied()
                .chain(clause_cues(text, s))
                .filter(|c| c.end <= open && c.start >= s.start)
                .max_by_key(|c| c.start)
            {
                // A quoted phrase inside reported speech: a mixed quote,
                // whose content is the whole reported clause.
                let end = s_end.min(text.len());
                let from = skip_that(text, c.end, end);
                let clause = text[from..end].trim_end_matches(['.', ' ', '”', '"', '\n']);
                let speaker = subject_of_cue(text, c, s, found, events, &before);
                // Quotes are found in reading order: one with this cue is
                // among the last few.
                if out.iter().rev().take(8).any(|q| q.cue == Some(c) && !q.direct) {
                    // A second quoted phrase in the same reported clause.
                    quoted.push(Span::new(open, after_close));
                    continue;
                }
                out.push(QuoteFound {
                    speaker,
                    cue: Some(c),
                    content: Span::new(from, from + clause.len()),
                    direct: false,
                });
            } else {
                continue;
            }
            quoted.push(Span::new(open, after_close));
        }
        // Indirect speech in sentences with no quote.
        quoted.sort_by_key(|q| q.start);
        let mut taken: Vec<usize> = out.iter().map(|q| q.content.start).collect();
        taken.sort_unstable();
        for s in sentences {
            // Quoted stretches do not overlap one another: if any reaches
            // into the sentence, the last to start before its end does
            // (a few more are looked at, to be safe).
            let k = quoted.partition_point(|q| q.start < s.end);
            let overlaps = quoted[..k].iter().rev().take(4).any(|q| s.start < q.end);
            if overlaps || !starting_in(&taken, |&t| t, s.start, s.end).is_empty() {
                continue;
            }
            let sentence_cues: Vec<Span> = cues_in(s.start, s.end)
                .iter()
                .copied()
                .filter(|c| c.end <= s.end)
                .chain(clause_cues(text, *s))
                .collect();
            for c in sentence_cues {
                let word = c.slice(text).to_lowercase();
                let (content, speaker) = if word.starts_with("according to") {
                    let who = after(c.end, s.end);
                    let clause = text[s.start..c.start].trim_end_matches([',', ' ']);
                    (Span::new(s.start, s.start + clause.len()), who)
                } else {
                    let from = skip_that(text, c.end, s.end);
                    let clause = text[from..s.end].trim_end_matches(['.', ' ', '\n']);
                    (
                        Span::new(from, from + clause.len()),
                        subject_of_cue(text, c, *s, found, events, &before),
                    )
                };
                if words(content.slice(text)) >= 3 && speaker.is_some() {
                    out.push(QuoteFound {
                        speaker,
                        cue: Some(c),
                        content,
                        direct: false,
                    });
                    break;
                }
            }
        }
        out.sort_by_key(|q| q.content.start);
        out
    }
}

/// "said that the talks": the clause starts after "that" (and, for
/// "accusing it of", after "of"); never past `end`, the sentence's end.
fn skip_that(text: &str, at: usize, end: usize) -> usize {
    let at = at.min(end);
    let rest = &text[at..end];
    let lead = rest.len() - rest.trim_start_matches([' ', ',', ':']).len();
    let rest2 = &rest[lead..];
    let cue = text[..at].rsplit(' ').next().unwrap_or("").to_lowercase();
    if rest2.to_lowercase().starts_with("that ") {
        return at + lead + 5;
    }
    if cue.starts_with("accus") {
        if let Some(i) = rest2.find(" of ").filter(|&i| words(&rest2[..i]) <= 3) {
            return at + lead + i + 4;
        }
    }
    at + lead
}

/// Clause cues ("accusing it of", "warned that") in a sentence.
fn clause_cues(text: &str, s: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let part = &text[s.start..s.end];
    let mut pos = 0;
    for w in part.split_inclusive(char::is_whitespace) {
        let word = w.trim().trim_matches(|c: char| !c.is_alphabetic());
        let lead = w.len() - w.trim_start().len();
        if CLAUSE_CUES.contains(&word.to_lowercase().as_str()) {
            let rest = part[pos + w.len()..].to_lowercase();
            // "warned that ...", and "accusing it of ...".
            let accuse = word.to_lowercase().starts_with("accus");
            if rest.starts_with("that ") || (accuse && rest.split_whitespace().take(3).any(|x| x == "of")) {
                let start = s.start + pos + lead + w.trim_start().find(word).unwrap_or(0);
                out.push(Span::new(start, start + word.len()));
            }
        }
        pos += w.len();
    }
    out
}

/// The speaker of a cue: for a participle after a comma ("..., stating
/// that"), the actor of the last verb before it (else the sentence's first
/// actor); else the nearest actor before it.
fn subject_of_cue(
    text: &str,
    c: Span,
    s: Span,
    found: &[Found],
    events: &[Coded],
    before: &dyn Fn(usize, usize) -> Option<usize>,
) -> Option<usize> {
    let participle = c.slice(text).ends_with("ing") && text[s.start..c.start].trim_end().ends_with(',');
    if participle {
        let verb = events[starting_in(events, |e| e.trigger.start, s.start, c.start)]
            .iter()
            .filter(|e| !e.nominal && e.sentence == s && e.trigger.end <= c.start)
            .filter_map(|e| e.source)
            .next_back();
        verb.or_else(|| {
            starting_in(found, |f| f.span.start, s.start, c.start)
                .find(|&i| found[i].span.end <= c.start && found[i].actor.is_some())
        })
    } else {
        // The subject stands just before its verb ("Iraqi officials said",
        // "the ministry also said"); farther back is someone else.
        before(c.start, s.start).filter(|&i| words(&text[found[i].span.end..c.start]) <= 3)
    }
}

#[cfg(test)]
mod tests;
