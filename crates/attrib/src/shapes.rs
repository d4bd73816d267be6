//! Two shapes the tagger rarely sees and rules read right, for a
//! paragraph where it found nothing:
//!
//! * a name and a colon (`MAYOR VARGA: We will not close the library.`,
//!   an interview transcript or a headline);
//! * a quote and a dash before its speaker (`“We stay.” ― Ana Lind,
//!   teacher`), as in lists of readers' voices.

use crate::cues::CueKind;
use crate::decode::Attribution;
use casus_core::Span;

/// Words before a colon that are headings, not speakers.
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor's note",
    "editor’s note",
    "watch",
    "read",
    "read more",
    "related",
    "photo",
    "photos",
    "video",
    "source",
    "sources",
    "image",
    "credit",
    "advertisement",
    "see also",
    "warning",
    "breaking",
    "exclusive",
    "live",
    "opinion",
    "analysis",
    "correction",
    "disclaimer",
    "q",
    "a",
];

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// `Name: what they said` at the start of the paragraph `p`.
fn colon(text: &str, p: Span) -> Option<Attribution> {
    let s = p.slice(text);
    let k = s.find(": ")?;
    let name = &s[..k];
    let n = name.split_whitespace().count();
    if n == 0 || n > 4 || !name.split_whitespace().all(is_name_word) {
        return None;
    }
    if NOT_SPEAKERS.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    let said = s[k + 2..].trim_end();
    if said.split_whitespace().count() < 3 {
        return None;
    }
    let lead = s[k + 2..].len() - s[k + 2..].trim_start().len();
    let from = p.start + k + 2 + lead;
    Some(Attribution {
        source: vec![Span::new(p.start, p.start + k)],
        cue: Span::new(p.start + k, p.start + k + 1),
        content: vec![Span::new(from, p.start + k + 2 + s[k + 2..].trim_end().len())],
        kind: CueKind::Statement,
    })
}

/// `“...” ― Name, description` filling the paragraph `p`.
fn dash(text: &str, p: Span) -> Option<Attribution> {
    let s = p.slice(text);
    if !s.starts_with(['“', '"', '”']) {
        return None;
    }
    // The last closing mark followed by a dash.
    let (close, mark) = s.char_indices().rfind(|(_, c)| matches!(c, '”' | '"'))?;
    let after = &s[close + mark.len_utf8()..];
    let rest = after.trim_start();
    let d = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–' | '-'))?;
    let who = rest[d.len_utf8()..].trim();
    let words = who.split(',').next().unwrap_or("").split_whitespace().count();
    if words == 0 || words > 6 || !who.split_whitespace().next().is_some_and(is_name_word) {
        return None;
    }
    let dash_at = p.start + close + mark.len_utf8() + (after.len() - rest.len());
    let who_at =
        dash_at + d.len_utf8() + (rest[d.len_utf8()..].len() - rest[d.len_utf8()..].trim_start().len());
    Some(Attribution {
        source: vec![Span::new(who_at, who_at + who.len())],
        cue: Span::new(dash_at, dash_at + d.len_utf8()),
        content: vec![Span::new(p.start, p.start + close + mark.len_utf8())],
        kind: CueKind::Statement,
    })
}

/// The attribution of a paragraph the tagger found nothing in, if it has
/// one of the two shapes.
pub(crate) fn paragraph(text: &str, p: Span) -> Option<Attribution> {
    colon(text, p).or_else(|| dash(text, p))
}
