//! JSON Lines: one article per line, an object with `id`, `url`, `title`,
//! `published`, `source`, `author`, `language` and either `text` (aliases
//! `body`, `content`) or `html`. Other keys are ignored.

use crate::charset::decode_text;
use crate::{Body, IngestError, Meta, RawDoc};
use casus_core::Origin;
use serde::Deserialize;
use std::io::{BufRead, Read};

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    published: Option<serde_json::Value>,
    source: Option<String>,
    author: Option<String>,
    language: Option<String>,
    #[serde(alias = "body", alias = "content")]
    text: Option<String>,
    html: Option<String>,
}

/// Reads a JSON Lines stream line by line; a bad line is reported with its
/// line number and the next line is read.
pub fn read<R: BufRead>(
    mut reader: R,
    origin: &Origin,
    max_bytes: u64,
    emit: &mut dyn FnMut(Result<RawDoc, IngestError>),
) {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        line_no += 1;
        let at = origin.clone().with_line(line_no);
        let n = match reader.by_ref().take(max_bytes + 1).read_until(b'\n', &mut buf) {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) => return emit(Err(crate::read::stream_error(&at, false, e))),
        };
        if n as u64 > max_bytes && !buf.ends_with(b"\n") {
            emit(Err(IngestError::TooLarge {
                origin: at,
                size: None,
                limit: max_bytes,
            }));
            if let Err(e) = skip_line(&mut reader) {
                return emit(Err(IngestError::io(origin, e)));
            }
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        emit(parse_line(&buf, at));
    }
}

fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        if let Some(p) = chunk.iter().position(|&b| b == b'\n') {
            reader.consume(p + 1);
            return Ok(());
        }
        let n = chunk.len();
        reader.consume(n);
    }
}

/// One line to a document.
pub fn parse_line(bytes: &[u8], origin: Origin) -> Result<RawDoc, IngestError> {
    let decoded = decode_text(bytes);
    let line: Line = serde_json::from_str(decoded.text.trim()).map_err(|e| {
        IngestError::malformed(
            &origin,
            format!(
                "expected a JSON object with `text` or `html`: {} (column {})",
                strip_position(&e.to_string()),
                e.column()
            ),
        )
    })?;
    let body = match (line.text, line.html) {
        (Some(t), _) if !t.trim().is_empty() => Body::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(h),
        (Some(_), _) | (_, Some(_)) => {
            return Err(IngestError::empty(&origin, "`text` and `html` are empty"))
        }
        (None, None) => {
            return Err(IngestError::malformed(
                &origin,
                "expected a `text` or `html` field (the article body)",
            ))
        }
    };
    let mut doc = RawDoc::new(origin, body);
    doc.id = line.id.and_then(scalar);
    doc.meta = Meta {
        url: line.url,
        title: line.title,
        published: line.published.and_then(scalar),
        source: line.source,
        author: line.author,
        language: line.language,
        ..Meta::default()
    };
    doc.warnings.extend(decoded.warning);
    Ok(doc)
}

/// A string or a number as text; anything else is ignored.
fn scalar(v: serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// serde_json appends " at line 1 column 9"; we print our own position.
fn strip_position(msg: &str) -> &str {
    msg.rsplit_once(" at line ").map_or(msg, |(m, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str, max: u64) -> Vec<Result<RawDoc, IngestError>> {
        let mut out = Vec::new();
        read(input.as_bytes(), &Origin::file("in.jsonl"), max, &mut |d| {
            out.push(d)
        });
        out
    }

    #[test]
    fn fields_are_read_and_numbers_become_ids() {
        let got = read_all(
            r#"{"id": 42, "url": "https://x.example/a", "title": "T", "published": "2024-01-02", "text": "Body."}"#,
            1000,
        );
        let d = got[0].as_ref().unwrap();
        assert_eq!(d.id.as_deref(), Some("42"));
        assert_eq!(d.meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(d.meta.published.as_deref(), Some("2024-01-02"));
        assert_eq!(d.body, Body::Text("Body.".into()));
    }

    #[test]
    fn a_broken_line_is_reported_by_number_and_the_next_is_read() {
        let got = read_all(
            "{\"text\": \"one\"}\n{\"text\": oops}\n\n{\"html\": \"<p>four</p>\"}\n",
            1000,
        );
        assert_eq!(got.len(), 3);
        let err = got[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("in.jsonl:2: expected a JSON object"), "{err}");
        assert!(err.contains("column"), "{err}");
        assert_eq!(got[2].as_ref().unwrap().origin.line, Some(4));
    }

    #[test]
    fn a_record_without_a_body_says_what_is_missing() {
        let got = read_all("{\"title\": \"no body\"}\n", 1000);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("`text` or `html`"));
    }

    #[test]
    fn an_overlong_line_is_skipped_and_reading_goes_on() {
        let long = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n", "x".repeat(200));
        let got = read_all(&long, 100);
        assert_eq!(got.len(), 2);
        assert!(matches!(got[0], Err(IngestError::TooLarge { .. })));
        assert_eq!(got[1].as_ref().unwrap().origin.line, Some(2));
    }
}
