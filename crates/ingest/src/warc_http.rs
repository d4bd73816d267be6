//! The HTTP response inside a WARC `response` record.

use flate2::read::MultiGzDecoder;
use std::io::Read;

pub(crate) struct Response {
    pub status: u16,
    pub content_type: Option<String>,
    pub charset: Option<String>,
    /// The `Last-Modified` header, as written.
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// Parses `HTTP/1.1 200 OK`, the header fields and the body; undoes chunked
/// transfer coding and gzip content coding where the crawler kept them.
/// `None` if this is not an HTTP response.
pub(crate) fn parse(payload: &[u8]) -> Option<Response> {
    let split = find(payload, b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| find(payload, b"\n\n").map(|p| (p, p + 2)))?;
    let head = String::from_utf8_lossy(&payload[..split.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let mut last_modified = None;
    let mut chunked = false;
    let mut gzip = false;
    for l in lines {
        let Some((k, v)) = l.split_once(':') else { continue };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
        match k.as_str() {
            "content-type" => content_type = Some(v.to_string()),
            "last-modified" => last_modified = Some(v.to_string()),
            "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => gzip = v.to_ascii_lowercase().contains("gzip"),
            _ => {}
        }
    }
    let mut body = payload[split.1..].to_vec();
    if chunked {
        if let Some(b) = dechunk(&body) {
            body = b;
        }
    }
    if gzip && crate::detect::is_gzip(&body) {
        let mut out = Vec::new();
        if MultiGzDecoder::new(&body[..]).read_to_end(&mut out).is_ok() {
            body = out;
        }
    }
    let charset = content_type.as_deref().and_then(|ct| {
        ct.split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches(['"', '\'']).to_string())
    });
    Some(Response {
        status,
        content_type,
        charset,
        last_modified,
        body,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes chunked transfer coding; `None` if the body is not chunked.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(b, b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_type_charset_and_body_are_read() {
        let r = parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>hi</p>")
            .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(r.body, b"<p>hi</p>");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let r = parse(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.body, b"<p>hi</p>");
    }

    #[test]
    fn a_request_is_not_a_response() {
        assert!(parse(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").is_none());
    }
}
