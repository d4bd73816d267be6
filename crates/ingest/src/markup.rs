//! One linear pass over a page's markup before any HTML parser sees it.
//!
//! It does two things the parsers we call cannot be trusted with:
//! - **Limits.** html5ever's tree builder looks through the stack of open
//!   elements at every tag, so a page of 100,000 nested `<div>`s costs
//!   time quadratic in its depth (minutes), and code that walks the tree
//!   recursively overflows the stack. The pass measures the nesting depth
//!   and the number of elements as a parser would see them (void elements,
//!   raw text, optional end tags) and refuses a page over [`HtmlLimits`]
//!   with the limit it broke, before any tree is built.
//! - **Block structure.** The extractor ends paragraphs at line breaks of
//!   the source as much as at block elements, so a page written without
//!   line breaks (minified) came out as one run of text with headline and
//!   paragraphs glued ("...the townRussian forces..."). On such a page the
//!   pass puts a line break before every block element's start tag and
//!   after its end tag, so that block elements end paragraphs whatever the
//!   white space.

use std::collections::HashMap;

/// How deep and how large a page may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HtmlLimits {
    /// Elements open inside one another. Real pages stay under about 60.
    pub depth: usize,
    /// Start tags in the page.
    pub elements: usize,
}

impl Default for HtmlLimits {
    fn default() -> Self {
        HtmlLimits {
            depth: 256,
            elements: 500_000,
        }
    }
}

/// Which limit a page broke, and by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverLimit(pub String);

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image",
];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Block elements: each ends a paragraph.
pub(crate) const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements a parser closes without an end tag when a sibling starts.
const OPTIONAL_END: &[&str] = &[
    "li", "dt", "dd", "p", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp",
];

/// Tags per line above which a page counts as minified.
const MINIFIED_TAGS_PER_LINE: usize = 10;

fn bytecount(s: &str, b: u8) -> usize {
    s.bytes().filter(|&c| c == b).count()
}

/// How many open elements back an implied end tag is looked for.
const IMPLIED_REACH: usize = 4;

/// The page with a line break around every block element that has no
/// white space beside it, or the limit it breaks. Linear in the length of
/// the page.
pub fn prepare(html: &str, limits: &HtmlLimits) -> Result<String, OverLimit> {
    // Only a page written without line breaks gets them: on a page with
    // line breaks of its own, added text nodes shift the extractor's
    // choices (measured on the 990 pages of dev/html: no better, no worse
    // on the others, and glued paragraphs only come from minified pages).
    let lines = bytecount(html, b'\n');
    let minified = lines == 0 || bytecount(html, b'<') > MINIFIED_TAGS_PER_LINE * lines;
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut open = Stack::default();
    let mut elements = 0usize;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let b = rest.as_bytes();
        let take = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |e| e + 3)
        } else if b.len() > 1 && (b[1] == b'!' || b[1] == b'?') {
            rest.find('>').map_or(rest.len(), |e| e + 1)
        } else if b.len() > 2 && b[1] == b'/' && b[2].is_ascii_alphabetic() {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let name = tag_name(&rest[2..end]);
            open.close(&name);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            if minified && BLOCK.contains(&name.as_str()) {
                break_unless_space(&mut out, rest);
            }
            continue;
        } else if b.len() > 1 && b[1].is_ascii_alphabetic() {
            let end = start_tag_end(rest);
            let name = tag_name(&rest[1..end]);
            elements += 1;
            if elements > limits.elements {
                return Err(OverLimit(format!(
                    "the page has more than {} elements; that is the limit",
                    limits.elements
                )));
            }
            let block = BLOCK.contains(&name.as_str());
            if minified && block && !out.is_empty() && !out.ends_with(|c: char| c.is_whitespace()) {
                out.push('\n');
            }
            let self_closing = rest[..end].ends_with("/>");
            if !VOID.contains(&name.as_str()) && !self_closing {
                open.start(&name, block);
                if open.depth() > limits.depth {
                    return Err(OverLimit(format!(
                        "the page nests elements more than {} deep; that is the limit (raise it with --max-depth)",
                        limits.depth
                    )));
                }
            }
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            if minified && (name == "br" || name == "hr") {
                break_unless_space(&mut out, rest);
            }
            if RAW.contains(&name.as_str()) && !self_closing {
                // Raw text runs to the matching end tag, whatever it holds.
                let close = find_ignore_case(rest, &format!("</{name}")).unwrap_or(rest.len());
                out.push_str(&rest[..close]);
                rest = &rest[close..];
            }
            continue;
        } else {
            1
        };
        out.push_str(&rest[..take]);
        rest = &rest[take..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A line break after a block, unless white space follows already: a page
/// with line breaks of its own is handed on unchanged (the extractor's
/// choices depend on its text nodes).
fn break_unless_space(out: &mut String, rest: &str) {
    if !rest.is_empty() && !rest.starts_with(|c: char| c.is_whitespace()) {
        out.push('\n');
    }
}

/// The lower-case name at the start of a tag's inside (`div class=..`).
pub(crate) fn tag_name(inside: &str) -> String {
    inside
        .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Where a start tag ends: after its `>`, quoted attribute values skipped.
pub(crate) fn start_tag_end(tag: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &c) in tag.as_bytes().iter().enumerate().skip(1) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    tag.len()
}

pub(crate) fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i] == b'<' && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The open elements as a parser would keep them: names and how many of
/// each are open, so an end tag for an element that is not open costs
/// nothing.
#[derive(Default)]
struct Stack {
    names: Vec<String>,
    counts: HashMap<String, usize>,
}

impl Stack {
    fn depth(&self) -> usize {
        self.names.len()
    }

    fn start(&mut self, name: &str, block: bool) {
        // `<li>` after `<li>`, `<p>` after `<p>` or before a block: the
        // open one is closed first, as the parser would.
        // Looked for among the inline elements on top; a block element
        // (the `<ul>` of a nested list) ends the search.
        let implied = |open: &str| open == name || (open == "p" && block);
        let reach = self.names.len().saturating_sub(IMPLIED_REACH);
        for k in (reach..self.names.len()).rev() {
            let open = self.names[k].as_str();
            if OPTIONAL_END.contains(&open) && implied(open) {
                self.pop_to(k);
                break;
            }
            if BLOCK.contains(&open) {
                break;
            }
        }
        self.names.push(name.to_string());
        *self.counts.entry(name.to_string()).or_default() += 1;
    }

    fn close(&mut self, name: &str) {
        if self.counts.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        if let Some(k) = self.names.iter().rposition(|n| n == name) {
            self.pop_to(k);
        }
    }

    /// Pops the element at `k` and everything opened inside it.
    fn pop_to(&mut self, k: usize) {
        for n in self.names.drain(k..) {
            if let Some(c) = self.counts.get_mut(&n) {
                *c -= 1;
            }
        }
    }
}

#[cfg(test)]
#[path = "markup/tests.rs"]
mod tests;
