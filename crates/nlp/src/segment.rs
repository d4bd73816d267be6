//! Sentence segmentation for news prose.
//!
//! Written here rather than taken from a crate: we need byte spans into the
//! unchanged text, quote tracking so a closing quote stays with its
//! sentence, news datelines, and abbreviation lists users can extend; of the
//! crates measured (see DESIGN.md) only sentencex split "U.S." and "Dr."
//! right, and it returns strings, not offsets, and knows no datelines.

use crate::abbrev::{is_dotted_acronym, AbbrevClass, Abbreviations};
use crate::dateline::find_dateline;
use casus_core::Span;

/// Sentence spans of one text, and the dateline kept out of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub sentences: Vec<Span>,
    pub dateline: Option<Span>,
}

/// Splits text into sentences; cheap to clone (holds the loaded lists).
#[derive(Debug, Clone)]
pub struct Segmenter {
    abbrevs: std::sync::Arc<Abbreviations>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new(Abbreviations::builtin())
    }
}

const TERMINALS: [char; 4] = ['.', '!', '?', '…'];
const CLOSERS: [char; 6] = ['”', '’', ')', ']', '»', '’'];
const OPENERS: [char; 8] = ['"', '“', '‘', '\'', '(', '[', '«', '¿'];

impl Segmenter {
    pub fn new(abbrevs: Abbreviations) -> Self {
        Segmenter {
            abbrevs: std::sync::Arc::new(abbrevs),
        }
    }

    pub fn abbreviations(&self) -> &Abbreviations {
        &self.abbrevs
    }

    /// Sentences of `text`. Lines are paragraphs: a sentence never crosses
    /// a line break, so a headline is always a sentence of its own. A
    /// dateline opening one of the first three lines is returned apart.
    pub fn segment(&self, text: &str) -> Segmentation {
        let mut out = Segmentation::default();
        let mut line_start = 0;
        let mut line_no = 0;
        for line in text.split_inclusive('\n') {
            let mut start = line_start;
            let body = line.trim_end_matches(['\n', '\r']);
            if !body.trim().is_empty() {
                if line_no < 3 && out.dateline.is_none() {
                    if let Some(d) = find_dateline(body) {
                        out.dateline = Some(Span::new(start + d.start, start + d.end));
                        start += d.next;
                    }
                }
                let end = line_start + body.len();
                self.split_paragraph(text, Span::new(start, end), &mut out.sentences);
                line_no += 1;
            }
            line_start += line.len();
        }
        out
    }

    fn split_paragraph(&self, text: &str, para: Span, out: &mut Vec<Span>) {
        let chars: Vec<(usize, char)> = para
            .slice(text)
            .char_indices()
            .map(|(i, c)| (para.start + i, c))
            .collect();
        let mut sent_start = 0; // index into chars
        let mut quote_open = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            match c {
                '"' => quote_open = !quote_open,
                '“' => quote_open = true,
                '”' => quote_open = false,
                _ => {}
            }
            if !TERMINALS.contains(&c) {
                i += 1;
                continue;
            }
            // The run of terminal punctuation, then any closing quotes.
            let run_start = i;
            let mut k = i;
            while k < chars.len() && TERMINALS.contains(&chars[k].1) {
                k += 1;
            }
            let run: String = chars[run_start..k].iter().map(|&(_, c)| c).collect();
            loop {
                match chars.get(k).map(|&(_, c)| c) {
                    Some('"') if quote_open => quote_open = false,
                    Some('”') => quote_open = false,
                    Some('\'') if followed_by_space(&chars, k + 1) => {}
                    Some(c) if CLOSERS.contains(&c) => {}
                    _ => break,
                }
                k += 1;
            }
            i = k;
            if !followed_by_space(&chars, k) || k >= chars.len() {
                continue;
            }
            let next = next_word(&chars, k);
            if self.is_boundary(&chars, run_start, &run, &next) {
                push_trimmed(text, chars[sent_start].0, chars[k].0, out);
                sent_start = skip_space(&chars, k);
                // An opening straight quote right after the boundary opens
                // the next sentence's quotation; it is read on the next pass.
                i = sent_start;
            }
        }
        if sent_start < chars.len() {
            push_trimmed(text, chars[sent_start].0, para.end, out);
        }
    }

    /// Is the terminal run starting at `at` (text `run`) a sentence end,
    /// given the next word?
    fn is_boundary(&self, chars: &[(usize, char)], at: usize, run: &str, next: &str) -> bool {
        let Some(first) = next.chars().next() else {
            return false;
        };
        let capital = first.is_uppercase() || first.is_ascii_digit();
        if run != "." {
            // "?", "!", "…", "...": a sentence ends where a capital follows;
            // "escalation… at a time" and "“Why?” she asked" go on.
            return first.is_uppercase() || (first.is_ascii_digit() && !run.contains(['…', '.']));
        }
        let prev = prev_word(chars, at);
        let starter = self.abbrevs.is_starter(trim_word(next));
        if prev.chars().count() == 1 && prev.chars().all(char::is_uppercase) {
            return starter; // an initial: "John F. Kennedy"
        }
        if is_dotted_acronym(&prev) {
            return starter; // "the U.S. The ministry" ends; "the U.S. Army" does not
        }
        match self.abbrevs.class(&prev) {
            Some(AbbrevClass::Title) => false,
            Some(AbbrevClass::Number) if first.is_ascii_digit() => false,
            Some(AbbrevClass::Month) if first.is_ascii_digit() => false,
            Some(AbbrevClass::Month) | Some(AbbrevClass::Other) => starter,
            Some(AbbrevClass::Number) | None => capital,
        }
    }
}

fn followed_by_space(chars: &[(usize, char)], k: usize) -> bool {
    chars.get(k).is_none_or(|&(_, c)| c.is_whitespace())
}

fn skip_space(chars: &[(usize, char)], mut k: usize) -> usize {
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    k
}

/// The word after position `k`, past spaces and opening quotes/brackets.
fn next_word(chars: &[(usize, char)], k: usize) -> String {
    let mut k = skip_space(chars, k);
    while k < chars.len() && (OPENERS.contains(&chars[k].1) || chars[k].1 == '—') {
        k += 1;
    }
    chars[k..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '\'' || *c == '’')
        .collect()
}

/// The word before the period at `at` (without it), back to a space or an
/// opening quote or bracket: `U.S`, `Gen`, `(Inc`.
fn prev_word(chars: &[(usize, char)], at: usize) -> String {
    let mut s = at;
    while s > 0 && !chars[s - 1].1.is_whitespace() && !OPENERS.contains(&chars[s - 1].1) {
        s -= 1;
    }
    chars[s..at].iter().map(|&(_, c)| c).collect()
}

fn trim_word(w: &str) -> &str {
    w.trim_end_matches(|c: char| !c.is_alphanumeric())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests;
