//! Main text and metadata from HTML.
//!
//! Whole pages go through `rs-trafilatura`, chosen by measurement: on our
//! fixture pages it alone kept the paragraph structure, left out ads,
//! captions, comments and link boxes, and read title, date, author and site
//! name from OpenGraph, JSON-LD and meta tags (dom_smoothie was 8x faster
//! but kept "Advertisement" and bylines and merged paragraphs; trafilatura
//! 0.6 flattened every page to one paragraph). Public benchmark: F1 0.970.
//! casus builds it from `vendor/rs-trafilatura`, a copy whose page copies
//! are cloned instead of re-parsed (`PATCHED.md` there).
//! Feed items are HTML fragments with no boilerplate: their text is taken
//! as it is, block by block, with `dom_query`.

use crate::page_dates::{page_dates, PageDate};
use crate::{dates, Meta};

/// What a page says about itself, and its main text as paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The page's metadata; `published` is left to [`Extracted::dates`].
    pub meta: Meta,
    /// Every date the page declares, best first, the extractor's own guess
    /// last.
    pub dates: Vec<PageDate>,
    pub paragraphs: Vec<String>,
}

/// Main-content extraction from a whole page.
pub fn page(html: &str, url: Option<&str>) -> Extracted {
    let options = rs_trafilatura::Options {
        include_comments: false,
        include_tables: false,
        include_images: false,
        include_links: false,
        url: url.map(str::to_string),
        // Read every page as an article: casus reads news. Its page-type
        // classifier cost a quarter of a page's time, and on the 990 pages
        // of `casus eval --html` its other profiles (forum, product,
        // listing) gained nothing (F1 0.901 with it forced, 0.902 without).
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let Ok(r) = rs_trafilatura::extract_with_options(html, &options) else {
        // Nothing the extractor recognises as content: fall back to the
        // page's block text, which the furniture filter then cleans.
        return Extracted {
            paragraphs: fragment_paragraphs(html),
            dates: page_dates(html),
            ..Extracted::default()
        };
    };
    let m = r.metadata;
    let mut found = page_dates(html);
    if let Some(d) = m.date {
        found.push(PageDate {
            rank: u8::MAX,
            what: "extractor".into(),
            value: dates::from_utc(d),
        });
    }
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut paragraphs: Vec<String> = r
        .content_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if paragraphs.is_empty() {
        paragraphs = fragment_paragraphs(html);
    }
    Extracted {
        meta: Meta {
            title: nonempty(m.title),
            source: nonempty(m.sitename),
            author: nonempty(m.author),
            language: nonempty(m.language),
            url: nonempty(m.url),
            ..Meta::default()
        },
        dates: found,
        paragraphs,
    }
}

/// The block-by-block text of an HTML fragment (a feed item's content):
/// paragraphs, list items, headings and line breaks each start a line;
/// scripts and styles are dropped; entities are decoded.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    if !html.contains('<') && !html.contains('&') {
        return html
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
    }
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, iframe, svg").remove();
    // Give every block element a line break of its own before taking text.
    for sel in crate::markup::BLOCK.iter().chain(&["br"]) {
        for node in doc.select(sel).nodes() {
            node.after_html("\n");
        }
    }
    doc.root()
        .text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_keep_their_blocks_apart_and_decode_entities() {
        let got = fragment_paragraphs(
            "<p>Troops&nbsp;left.</p><p>Talks resume <b>today</b>.<br>More later.</p><script>x()</script>",
        );
        assert_eq!(got, ["Troops\u{a0}left.", "Talks resume today.", "More later."]);
    }

    #[test]
    fn plain_text_fragments_pass_through() {
        assert_eq!(fragment_paragraphs("One.\n\nTwo."), ["One.", "Two."]);
    }
}
