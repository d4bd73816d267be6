//! Bytes to text: byte-order marks, declared charsets, and an honest
//! warning when bytes had to be replaced.

use encoding_rs::{Encoding, UTF_8};

/// Decoded text and, when bytes had to be replaced or a charset guessed,
/// a warning saying so.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes plain text: a BOM (UTF-8, UTF-16) wins, else UTF-8; invalid
/// bytes become U+FFFD and the warning says where the first one was.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom..], "byte-order mark");
    }
    decode_utf8(bytes, "no charset declared")
}

/// Decodes an HTML page: a BOM, else the charset of the HTTP header
/// (`header_charset`, from a WARC record), else a `<meta charset>` or
/// `http-equiv` declaration in the first 4 KiB, else UTF-8.
pub fn decode_html(bytes: &[u8], header_charset: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom..], "byte-order mark");
    }
    let declared = header_charset
        .map(|l| (l.to_string(), "HTTP header"))
        .or_else(|| meta_charset(bytes).map(|l| (l, "<meta> charset")));
    match declared {
        Some((label, whence)) => match Encoding::for_label(label.trim().as_bytes()) {
            Some(enc) => decode_with(enc, bytes, whence),
            None => {
                let mut d = decode_utf8(bytes, "unknown charset");
                let note = format!("unknown charset `{label}` in {whence}; read as UTF-8");
                d.warning = Some(match d.warning {
                    Some(w) => format!("{note}; {w}"),
                    None => note,
                });
                d
            }
        },
        None => decode_utf8(bytes, "no charset declared"),
    }
}

/// The charset label a page declares in its first 4 KiB, if any.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b'"' | b'\'' | b' ') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i])) {
            i += 1;
        }
        if i > start {
            return Some(String::from_utf8_lossy(&lower[start..i]).into_owned());
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], whence: &str) -> Decoded {
    if enc == UTF_8 {
        return decode_utf8(bytes, whence);
    }
    let (text, _, had_errors) = enc.decode(bytes);
    Decoded {
        text: text.into_owned(),
        warning: had_errors.then(|| {
            format!(
                "bytes not valid in {} ({whence}) were replaced with U+FFFD",
                enc.name()
            )
        }),
    }
}

fn decode_utf8(bytes: &[u8], whence: &str) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_string(),
            warning: None,
        },
        Err(e) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            warning: Some(format!(
                "not valid UTF-8 ({whence}; first bad byte at offset {}): decoded with U+FFFD replacement characters",
                e.valid_up_to()
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_windows_1252_page_decodes_curly_quotes() {
        let page = b"<meta charset=\"windows-1252\"><p>\x93Yes,\x94 he said</p>";
        let d = decode_html(page, None);
        assert!(d.text.contains("“Yes,” he said"));
        assert!(d.warning.is_none());
    }

    #[test]
    fn the_http_header_charset_wins_over_nothing() {
        let d = decode_html(b"<p>caf\xe9</p>", Some("iso-8859-1"));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn invalid_utf8_without_a_charset_is_replaced_and_reported() {
        let d = decode_text(b"Baghdad \xff\xfe\xfa said");
        assert!(d.text.contains('\u{FFFD}'));
        let w = d.warning.unwrap();
        assert!(w.contains("not valid UTF-8") && w.contains("offset 8"), "{w}");
    }

    #[test]
    fn a_utf16_bom_is_honoured() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes).text, "Kyiv");
    }

    #[test]
    fn http_equiv_declarations_are_found() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(meta_charset(page).as_deref(), Some("iso-8859-1"));
    }
}
