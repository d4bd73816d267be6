//! TimeML documents (TimeBank, AQUAINT, TempEval-3): time expressions
//! (`TIMEX3`) in running text, with the document creation time (`DCT`) as
//! the publication date, scored the way the TempEval-3 scorer scores them.
//!
//! The reader is a small scanner of our own rather than an XML parser:
//! TimeML's inline markup is flat (`TIMEX3`, `EVENT` and `SIGNAL` around
//! words, never inside one another's attributes), and the scanner gives
//! the byte offsets of each expression in the plain text directly.

use crate::bio::SpanScore;
use crate::{EvalError, Share};
use casus_pipeline::Pipeline;
use std::path::Path;

/// One gold time expression: byte span in [`Document::text`], type, value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    pub value: String,
}

/// One TimeML document: the text inside `<TEXT>`, its time expressions,
/// and the creation time's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub path: String,
    pub dct: Option<String>,
    pub text: String,
    pub timexes: Vec<Timex>,
}

/// The value of attribute `name` in a tag's source (`<TIMEX3 a="b" ...>`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().next_back();
        let after = &rest[i + name.len()..];
        let after = after.trim_start();
        if before.is_some_and(char::is_whitespace) && after.starts_with('=') {
            let v = after[1..].trim_start();
            let quote = v.chars().next()?;
            let v = &v[1..];
            return v.find(quote).map(|end| unescape(&v[..end]));
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// XML's five named references and numeric ones.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let name = &tail[1..end];
        let ch = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The line of byte `at` in `content` (1-based), for messages.
fn line_of(content: &str, at: usize) -> usize {
    1 + content[..at.min(content.len())].matches('\n').count()
}

/// Reads one TimeML document.
pub fn parse(path: &str, content: &str) -> Result<Document, EvalError> {
    let bad = |at: usize, what: &str| EvalError::Malformed {
        path: path.into(),
        line: line_of(content, at),
        what: what.into(),
    };
    let dct = content.find("<DCT>").and_then(|i| {
        let end = content[i..].find("</DCT>")? + i;
        let tag_end = content[i..end].find("<TIMEX3").map(|t| i + t)?;
        let close = content[tag_end..end].find('>')? + tag_end;
        attribute(&content[tag_end..close], "value")
    });
    let start = content
        .find("<TEXT>")
        .ok_or_else(|| bad(0, "expected a <TEXT> element (a TimeML document)"))?
        + "<TEXT>".len();
    let end = content[start..]
        .find("</TEXT>")
        .map(|e| e + start)
        .ok_or_else(|| bad(start, "expected </TEXT> after <TEXT>"))?;
    let body = &content[start..end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut at = 0;
    while let Some(lt) = body[at..].find('<').map(|i| i + at) {
        text.push_str(&unescape(&body[at..lt]));
        let gt = body[lt..]
            .find('>')
            .map(|i| i + lt)
            .ok_or_else(|| bad(start + lt, "expected '>' to close a tag"))?;
        let tag = &body[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            if open.is_some() {
                return Err(bad(start + lt, "a TIMEX3 inside another TIMEX3"));
            }
            let kind = attribute(tag, "type").unwrap_or_default();
            let value = attribute(tag, "value").unwrap_or_default();
            if tag.ends_with('/') {
                // An empty TIMEX3 (an implicit interval end) has no words.
            } else {
                open = Some((text.len(), kind, value));
            }
        } else if tag == "/TIMEX3" {
            let (s, kind, value) = open
                .take()
                .ok_or_else(|| bad(start + lt, "</TIMEX3> without its <TIMEX3>"))?;
            timexes.push(Timex {
                start: s,
                end: text.len(),
                kind,
                value,
            });
        }
        at = gt + 1;
    }
    text.push_str(&unescape(&body[at..]));
    if open.is_some() {
        return Err(bad(end, "a TIMEX3 not closed before </TEXT>"));
    }
    Ok(Document {
        path: path.into(),
        dct,
        text,
        timexes,
    })
}

/// Every `.tml` file under `dir` (or the file itself), in sorted order.
pub fn read(dir: &Path) -> Result<Vec<Document>, EvalError> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        let io = |source| EvalError::Io {
            path: p.display().to_string(),
            source,
        };
        if p.is_dir() {
            for entry in std::fs::read_dir(&p).map_err(io)? {
                stack.push(entry.map_err(io)?.path());
            }
        } else if p == dir || p.extension().is_some_and(|e| e == "tml") {
            files.push(p);
        }
    }
    files.sort();
    files
        .iter()
        .map(|f| {
            let path = f.display().to_string();
            let content = std::fs::read_to_string(f).map_err(|source| EvalError::Io {
                path: path.clone(),
                source,
            })?;
            parse(&path, &content)
        })
        .collect()
}

/// A time expression casus found: byte span, TimeML type and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: Option<String>,
}

/// How casus does on TimeML time expressions, as TempEval-3 scores them:
/// strict (same span) and relaxed (overlapping span) extraction; value
/// and type F1 count a relaxed match whose value (type) is right.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub documents: usize,
    pub strict: SpanScore,
    pub relaxed: SpanScore,
    pub value: SpanScore,
    pub kind: SpanScore,
    /// Of the relaxed matches, the share with the right value / type.
    pub value_accuracy: Share,
    pub type_accuracy: Share,
    /// Recall of the relaxed match by gold type.
    pub recall_by_type: std::collections::BTreeMap<String, Share>,
    /// Each gold expression missed or given a wrong value, and each
    /// expression found that is not in the gold (`casus eval --misses`).
    #[serde(skip)]
    pub misses: Vec<String>,
}

/// One document's matches: for each gold expression, the system expression
/// it is matched to (the first overlapping one not yet taken).
pub fn align(gold: &[Timex], found: &[Found]) -> Vec<Option<usize>> {
    let mut taken = vec![false; found.len()];
    gold.iter()
        .map(|g| {
            let best = (0..found.len())
                .filter(|&i| !taken[i] && found[i].start < g.end && g.start < found[i].end)
                .max_by_key(|&i| {
                    let f = &found[i];
                    (
                        f.start == g.start && f.end == g.end,
                        usize::MAX - f.start.abs_diff(g.start),
                    )
                })?;
            taken[best] = true;
            Some(best)
        })
        .collect()
}

/// Scores one document's expressions into `r`.
pub fn score(r: &mut Report, doc: &Document, found: &[Found]) {
    let gold = &doc.timexes[..];
    let words = |s: usize, e: usize| doc.text[s..e].replace('\n', " ");
    // The words around an expression, for reading the misses.
    let around = |s: usize, e: usize| {
        let mut a = s.saturating_sub(60);
        while !doc.text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (e + 40).min(doc.text.len());
        while !doc.text.is_char_boundary(b) {
            b += 1;
        }
        format!("{}[{}]{}", &doc.text[a..s], &doc.text[s..e], &doc.text[e..b]).replace('\n', " ")
    };
    // One tab-separated line per miss: file, what, then the fields.
    let line = |what: &str, fields: &[&str]| format!("{}\t{what}\t{}", doc.path, fields.join("\t"));
    let dct = doc.dct.as_deref().unwrap_or("");
    r.documents += 1;
    let links = align(gold, found);
    for s in [&mut r.strict, &mut r.relaxed, &mut r.value, &mut r.kind] {
        s.gold += gold.len();
        s.predicted += found.len();
    }
    for (g, link) in gold.iter().zip(&links) {
        r.recall_by_type
            .entry(g.kind.clone())
            .or_default()
            .add(link.is_some());
        let Some(i) = *link else {
            r.misses.push(line(
                "missed",
                &[
                    &words(g.start, g.end),
                    &g.kind,
                    &g.value,
                    dct,
                    &around(g.start, g.end),
                ],
            ));
            continue;
        };
        let f = &found[i];
        let strict = f.start == g.start && f.end == g.end;
        let value = f.value.as_deref() == Some(g.value.as_str());
        let kind = f.kind == g.kind;
        r.strict.matched_gold += usize::from(strict);
        r.strict.matched_predicted += usize::from(strict);
        r.relaxed.matched_gold += 1;
        r.relaxed.matched_predicted += 1;
        r.value.matched_gold += usize::from(value);
        r.value.matched_predicted += usize::from(value);
        r.kind.matched_gold += usize::from(kind);
        r.kind.matched_predicted += usize::from(kind);
        r.value_accuracy.add(value);
        r.type_accuracy.add(kind);
        if !value || !kind || !strict {
            r.misses.push(line(
                "wrong",
                &[
                    &words(g.start, g.end),
                    &g.kind,
                    &g.value,
                    dct,
                    &words(f.start, f.end),
                    &f.kind,
                    f.value.as_deref().unwrap_or("null"),
                    &around(g.start, g.end),
                ],
            ));
        }
    }
    let mut linked = vec![false; found.len()];
    for i in links.iter().flatten() {
        linked[*i] = true;
    }
    for (f, _) in found.iter().zip(&linked).filter(|(_, l)| !**l) {
        r.misses.push(line(
            "extra",
            &[
                &words(f.start, f.end),
                &f.kind,
                f.value.as_deref().unwrap_or("null"),
                &around(f.start, f.end),
            ],
        ));
    }
}

/// The time expressions casus finds in a document, its DCT as publication.
pub fn found(pipeline: &Pipeline, doc: &Document) -> Vec<Found> {
    let res = pipeline.resources();
    let published = doc.dct.as_deref().and_then(casus_resolve::parse_date);
    let sentences = res.segmenter.segment(&doc.text).sentences;
    res.times
        .find_all(&doc.text, &sentences, published)
        .into_iter()
        .flatten()
        .map(|t| Found {
            start: t.span.start,
            end: t.span.end,
            kind: t.kind.as_str().to_string(),
            value: t.value,
        })
        .collect()
}

/// Scores casus on `docs`.
pub fn evaluate(pipeline: &Pipeline, docs: &[Document]) -> Report {
    let mut r = Report::default();
    for d in docs {
        score(&mut r, d, &found(pipeline, d));
    }
    for s in [&mut r.strict, &mut r.relaxed, &mut r.value, &mut r.kind] {
        s.finish();
    }
    r
}

#[cfg(test)]
mod tests;
