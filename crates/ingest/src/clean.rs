//! A raw document to a clean article body: main text, no furniture,
//! normalised white space, headline first, ISO dates.

use crate::entities::decode;
use crate::extract::{self, Extracted};
use crate::markup::{self, HtmlLimits};
use crate::published::{self, DateCandidate};
use crate::{Body, Furniture, IngestError, Meta, RawDoc};
use casus_core::Origin;
use chrono::NaiveDate;

/// A cleaned document: everything an [`casus_core::Article`] needs but the
/// language layer's work (sentences, language, id, duplicates).
#[derive(Debug, Clone, PartialEq)]
pub struct CleanDoc {
    pub origin: Origin,
    pub id: Option<String>,
    /// The input's metadata, blanks filled from the page's; the title
    /// normalised, `published` in ISO 8601 (or absent), `language` as
    /// declared (JSON field, `<html lang>`).
    pub meta: Meta,
    /// The headline (if any), a blank line, then the body paragraphs
    /// separated by blank lines.
    pub text: String,
    /// Byte offset in `text` where the body starts (after the headline).
    pub body_start: usize,
    /// Which source `meta.published` came from (see [`crate::published`]).
    pub published_from: Option<&'static str>,
    /// The day the document was fetched (its WARC date), else today: no
    /// publication date may be later than the day after it.
    pub fetched: NaiveDate,
    pub warnings: Vec<String>,
}

/// Cleans one document. Fails (as `Empty`) when no story text is left.
pub fn clean(doc: RawDoc, furniture: &Furniture) -> Result<CleanDoc, IngestError> {
    clean_with(doc, furniture, &HtmlLimits::default())
}

/// [`clean`], with HTML over `limits` refused (as `OverLimit`) before any
/// parser sees it.
pub fn clean_with(doc: RawDoc, furniture: &Furniture, limits: &HtmlLimits) -> Result<CleanDoc, IngestError> {
    let RawDoc {
        origin,
        id,
        meta,
        body,
        mut warnings,
    } = doc;
    let prepared = |html: &str| {
        markup::prepare(html, limits).map_err(|e| IngestError::OverLimit {
            origin: origin.clone(),
            what: e.0,
        })
    };
    let (paragraphs, page, page_dates) = match body {
        Body::Text(t) => (text_paragraphs(&t), Meta::default(), Vec::new()),
        Body::Fragment(f) => (
            extract::fragment_paragraphs(&prepared(&f)?),
            Meta::default(),
            Vec::new(),
        ),
        Body::Html(h) => {
            let Extracted {
                meta,
                paragraphs,
                dates,
            } = extract::page(&prepared(&h)?, meta.url.as_deref());
            (paragraphs, meta, dates)
        }
    };
    let declared_date = meta.published.clone();
    let mut meta = meta.or(page);
    let mut candidates: Vec<DateCandidate> = Vec::new();
    if let Some(p) = declared_date {
        candidates.push(DateCandidate::new("input", "field", p));
    }
    candidates.extend(
        page_dates
            .into_iter()
            .map(|d| DateCandidate::new("metadata", d.what, d.value)),
    );
    if let Some(d) = meta.url.as_deref().and_then(published::url_date) {
        candidates.push(DateCandidate::new("url", "path", d));
    }
    if let Some(d) = &meta.modified {
        candidates.push(DateCandidate::new("http", "Last-Modified", d.clone()));
    }
    if let Some(d) = &meta.fetched {
        candidates.push(DateCandidate::new("warc", "WARC-Date", d.clone()));
    }
    let fetched = published::fetch_day(meta.fetched.as_deref());
    let chosen = published::choose(&candidates, fetched);
    meta.published = chosen.published;
    warnings.extend(chosen.warnings);
    meta.title = meta
        .title
        .map(|t| normalize_space(&decode(&t)))
        .filter(|t| !t.is_empty());
    let mut paragraphs: Vec<String> = paragraphs
        .iter()
        .map(|p| normalize_space(&decode(p)))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs = furniture.clean(paragraphs);
    if let (Some(t), Some(first)) = (&meta.title, paragraphs.first()) {
        if restates(t, first) {
            paragraphs.remove(0);
        }
    }
    if paragraphs.is_empty() {
        return Err(IngestError::empty(
            &origin,
            "no story text is left once page furniture is removed",
        ));
    }
    let mut text = String::new();
    if let Some(t) = &meta.title {
        text.push_str(t);
        text.push_str("\n\n");
    }
    let body_start = text.len();
    text.push_str(&paragraphs.join("\n\n"));
    Ok(CleanDoc {
        origin,
        id,
        meta,
        published_from: chosen.from,
        fetched,
        text,
        body_start,
        warnings,
    })
}

/// Paragraphs of plain text: blocks are separated by blank lines; inside a
/// block, a line that does not end a sentence and is followed by a line
/// starting in lower case is a hard wrap and is joined to it; other line
/// breaks start a new paragraph.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            joinable = false;
            continue;
        }
        let continues = l.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(prev) if joinable && continues => {
                prev.push(' ');
                prev.push_str(l);
            }
            _ => out.push(l.to_string()),
        }
        joinable = !l.ends_with(['.', '?', '!', ':', '"', '”']);
    }
    out
}

/// Collapses runs of white space (including no-break spaces) to one space
/// and drops zero-width and control characters.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}') || c.is_control() {
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Whether paragraph `p` is the headline `title` again, or a second
/// wording of it (a deck or kicker: "Update: ...", "... – until now"): as
/// short as a headline, and made almost only of the headline's words.
fn restates(title: &str, p: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (t, w) = (words(title), words(p));
    if t == w {
        return true;
    }
    if t.len() < 4 || w.len() > t.len() * 3 / 2 + 3 || p.ends_with(['.', '!', '?']) && w.len() > t.len() {
        return false;
    }
    let shared = w.iter().filter(|x| t.contains(x)).count();
    shared * 4 >= t.len() * 3 && shared * 5 >= w.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_lines_are_joined_and_real_breaks_kept() {
        let got = text_paragraphs(
            "The army said on Monday that\nit had retaken the town.\nResidents fled.\n\nA new paragraph.",
        );
        assert_eq!(
            got,
            [
                "The army said on Monday that it had retaken the town.",
                "Residents fled.",
                "A new paragraph."
            ]
        );
    }

    #[test]
    fn white_space_is_collapsed_and_invisible_characters_dropped() {
        assert_eq!(
            normalize_space("  Troops\u{a0}\u{a0}left\u{200b} the\t town  "),
            "Troops left the town"
        );
    }

    #[test]
    fn the_headline_leads_the_text_and_is_not_repeated() {
        let mut doc = RawDoc::new(
            Origin::file("a.txt"),
            Body::Text(
                "Army Retakes Town\n\nThe army retook the town on Monday after a week of fighting.".into(),
            ),
        );
        doc.meta.title = Some("Army retakes town".into());
        let c = clean(doc, &Furniture::builtin()).unwrap();
        assert_eq!(
            c.text,
            "Army retakes town\n\nThe army retook the town on Monday after a week of fighting."
        );
        assert_eq!(&c.text[c.body_start..c.body_start + 8], "The army");
    }

    #[test]
    fn a_page_of_furniture_only_is_reported_empty() {
        let doc = RawDoc::new(
            Origin::file("a.txt"),
            Body::Text("Related Stories\n\nNo stories found.".into()),
        );
        let e = clean(doc, &Furniture::builtin()).unwrap_err();
        assert!(e.to_string().contains("no story text"));
    }

    #[test]
    fn an_unreadable_published_value_is_left_out_with_a_warning() {
        let mut doc = RawDoc::new(
            Origin::file("a.jsonl"),
            Body::Text("The talks resumed on Monday in the capital after a pause.".into()),
        );
        doc.meta.published = Some("sometime".into());
        let c = clean(doc, &Furniture::builtin()).unwrap();
        assert_eq!(c.meta.published, None);
        assert!(c.warnings[0].contains("sometime"));
    }

    #[test]
    fn a_second_wording_of_the_headline_is_not_kept_as_the_first_paragraph() {
        assert!(restates(
            "Harbour workers end strike",
            "Harbour workers end strike"
        ));
        assert!(restates(
            "Town council bans night flights over school",
            "Update: town council bans night flights over the school"
        ));
        assert!(restates(
            "Ferry fares rise for islanders",
            "Ferry fares rise for islanders – until spring"
        ));
        assert!(!restates(
            "Ferry fares rise for islanders",
            "Ferry fares rise for islanders from Monday, the operator said, blaming fuel costs and a strike."
        ));
        assert!(
            !restates("Ferry fares rise", "Fares rise"),
            "too short a headline to judge"
        );
    }

    #[test]
    fn titles_and_paragraphs_lose_leftover_character_references() {
        let mut doc = RawDoc::new(
            Origin::file("a.jsonl"),
            Body::Text("The mayor&#39;s office said the bridge would reopen.".into()),
        );
        doc.meta.title = Some("Bridge can&amp;#39;t open&nbsp;yet".into());
        let c = clean(doc, &Furniture::builtin()).unwrap();
        assert_eq!(c.meta.title.as_deref(), Some("Bridge can't open yet"));
        assert!(c.text.contains("The mayor's office"), "{}", c.text);
    }
}
