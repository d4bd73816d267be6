//! WARC 1.0/1.1 (and `.warc.gz`, decompressed before it gets here): every
//! HTML `response` or `resource` record is an article, and every
//! `conversion` record (WET, plain text) too.
//!
//! Written here, not taken from the `warc` crate (0.4): that reader buffers
//! a body of any declared length, stops silently at a truncated header, has
//! no way to resynchronise after a bad record, and knows no byte offsets;
//! a news crawl needs all four.

use crate::charset::decode_text;
use crate::read::stream_error;
use crate::{html, Body, IngestError, RawDoc};
use casus_core::Origin;
use std::io::{BufRead, Read};

/// Headers larger than this are not WARC headers.
const MAX_HEADER_BYTES: usize = 64 * 1024;

struct Tracked<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Tracked<R> {
    /// Reads a line (with its `\n`) of at most `MAX_HEADER_BYTES`.
    fn line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        buf.clear();
        let n = self
            .inner
            .by_ref()
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', buf)?;
        self.pos += n as u64;
        Ok(n)
    }

    fn body(&mut self, len: u64, buf: &mut Vec<u8>) -> std::io::Result<u64> {
        buf.clear();
        let n = self.inner.by_ref().take(len).read_to_end(buf)? as u64;
        self.pos += n;
        Ok(n)
    }

    fn skip(&mut self, len: u64) -> std::io::Result<u64> {
        let n = std::io::copy(&mut self.inner.by_ref().take(len), &mut std::io::sink())?;
        self.pos += n;
        Ok(n)
    }
}

/// One record's WARC headers.
#[derive(Debug, Default)]
struct Headers {
    fields: Vec<(String, String)>,
}

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn read<R: BufRead>(
    reader: R,
    origin: &Origin,
    max_bytes: u64,
    gzipped: bool,
    emit: &mut dyn FnMut(Result<RawDoc, IngestError>),
) {
    let mut r = Tracked {
        inner: reader,
        pos: 0,
    };
    let mut line = Vec::new();
    let mut body = Vec::new();
    let mut record = 0u64;
    // A version line already read while resynchronising.
    let mut pending: Option<u64> = None;
    loop {
        // Find the version line (skipping blank lines between records).
        let start = match pending.take() {
            Some(at) => at,
            None => loop {
                let at = r.pos;
                match r.line(&mut line) {
                    Ok(0) => return,
                    Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
                    Ok(_) => break at,
                    Err(e) => return emit(Err(stream_error(&origin.clone().with_byte(at), gzipped, e))),
                }
            },
        };
        record += 1;
        let at = origin.clone().with_record(record).with_byte(start);
        let (headers, len) = match read_header(&mut r, &mut line, &at, gzipped, emit) {
            Header::Read(h, len) => (h, len),
            Header::Stop => return,
            Header::Malformed(what) => {
                emit(Err(IngestError::malformed(&at, what)));
                match resync(&mut r, &mut line) {
                    Ok(Some(p)) => {
                        pending = Some(p);
                        continue;
                    }
                    Ok(None) => return,
                    Err(e) => return emit(Err(stream_error(&at, gzipped, e))),
                }
            }
        };
        let kind = headers.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let wanted = matches!(kind.as_str(), "response" | "resource" | "conversion");
        let got = if wanted && len <= max_bytes {
            r.body(len, &mut body)
        } else {
            r.skip(len)
        };
        match got {
            Ok(n) if n < len => {
                return emit(Err(IngestError::Truncated {
                    origin: at,
                    what: format!("the record's body ends after {n} of {len} bytes"),
                }))
            }
            Ok(_) => {}
            Err(e) => return emit(Err(stream_error(&at, gzipped, e))),
        }
        if wanted && len > max_bytes {
            emit(Err(IngestError::TooLarge {
                origin: at,
                size: Some(len),
                limit: max_bytes,
            }));
            continue;
        }
        if wanted {
            if let Some(doc) = record_to_doc(&headers, &kind, &body, at) {
                emit(doc);
            }
        }
    }
}

/// How reading a record's version line and header fields went.
enum Header {
    /// The fields and the Content-Length.
    Read(Headers, u64),
    /// Not a usable header: the reader resynchronises at the next record.
    Malformed(String),
    /// The input ended or failed (already reported): stop reading.
    Stop,
}

/// Reads the header of the record whose first line is in `line`.
fn read_header<R: BufRead>(
    r: &mut Tracked<R>,
    line: &mut Vec<u8>,
    at: &Origin,
    gzipped: bool,
    emit: &mut dyn FnMut(Result<RawDoc, IngestError>),
) -> Header {
    if !line.starts_with(b"WARC/") {
        return Header::Malformed(format!(
            "expected a WARC version line (`WARC/1.1`), found `{}`",
            preview(line)
        ));
    }
    let mut headers = Headers::default();
    let mut header_bytes = 0;
    loop {
        match r.line(line) {
            Ok(0) => {
                emit(Err(IngestError::Truncated {
                    origin: at.clone(),
                    what: "the input ends inside the record's headers".into(),
                }));
                return Header::Stop;
            }
            Ok(n) => header_bytes += n,
            Err(e) => {
                emit(Err(stream_error(at, gzipped, e)));
                return Header::Stop;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) || header_bytes > MAX_HEADER_BYTES {
            break;
        }
        let text = String::from_utf8_lossy(line);
        if let Some((k, v)) = text.split_once(':') {
            headers.fields.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    match headers.get("Content-Length").and_then(|v| v.parse::<u64>().ok()) {
        Some(len) => Header::Read(headers, len),
        None => Header::Malformed("expected a numeric Content-Length header".into()),
    }
}

/// After a broken record: skip lines until the next `WARC/` version line.
fn resync<R: BufRead>(r: &mut Tracked<R>, line: &mut Vec<u8>) -> std::io::Result<Option<u64>> {
    loop {
        let at = r.pos;
        if r.line(line)? == 0 {
            return Ok(None);
        }
        if line.starts_with(b"WARC/") {
            return Ok(Some(at));
        }
    }
}

fn preview(line: &[u8]) -> String {
    let s = String::from_utf8_lossy(&line[..line.len().min(40)]);
    s.trim_end().escape_debug().to_string()
}

/// A record's payload as a document, or `None` for records that are not
/// articles (redirects, errors, images, scripts).
fn record_to_doc(h: &Headers, kind: &str, payload: &[u8], at: Origin) -> Option<Result<RawDoc, IngestError>> {
    let url = h
        .get("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string());
    let mut doc = match kind {
        "conversion" => {
            let d = decode_text(payload);
            let mut doc = RawDoc::new(at, Body::Text(d.text));
            doc.warnings.extend(d.warning);
            doc
        }
        "response" if h.get("Content-Type").unwrap_or("").contains("application/http") => {
            let resp = crate::warc_http::parse(payload)?;
            if !(200..300).contains(&resp.status) || !is_html(resp.content_type.as_deref(), &resp.body) {
                return None;
            }
            if resp.body.iter().all(u8::is_ascii_whitespace) {
                return Some(Err(IngestError::empty(&at, "the HTTP response has no body")));
            }
            let mut doc = html::read(&resp.body, &at, resp.charset.as_deref());
            doc.meta.modified = resp.last_modified;
            doc
        }
        _ => {
            if !is_html(h.get("Content-Type"), payload) {
                return None;
            }
            html::read(payload, &at, None)
        }
    };
    doc.meta.url = url;
    doc.meta.fetched = h.get("WARC-Date").map(str::to_string);
    Some(Ok(doc))
}

fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("text/html") || ct.contains("application/xhtml")
        }
        None => crate::detect::detect("", &body[..body.len().min(2048)]) == crate::Format::Html,
    }
}
