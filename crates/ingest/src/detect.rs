//! Which reader an input needs, from its first bytes and its name.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Feed,
    Warc,
}

impl Format {
    /// Parses the names `--format` takes.
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "feed" | "rss" | "atom" => Format::Feed,
            "warc" => Format::Warc,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
            Format::Warc => "warc",
        })
    }
}

/// True if the bytes start a gzip stream.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// The format of an input whose (decompressed) content starts with `head`
/// and whose name is `name` (with any `.gz` already removed).
///
/// Content decides where it is unmistakable (a WARC version line, a JSON
/// object, an `<rss>` or `<feed>` root, an HTML document); otherwise the
/// extension; otherwise plain text.
pub fn detect(name: &str, head: &[u8]) -> Format {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let start = skip_bom_and_space(head);
    if start.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if matches!(ext.as_str(), "txt" | "text") {
        return Format::Text;
    }
    if start.starts_with(b"{") {
        return Format::Jsonl;
    }
    if start.starts_with(b"<") {
        let lower: Vec<u8> = start[..start.len().min(2048)]
            .iter()
            .map(u8::to_ascii_lowercase)
            .collect();
        let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Format::Feed;
        }
        if has(b"<html") || has(b"<!doctype html") || has(b"<body") || has(b"<head") {
            return Format::Html;
        }
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" => Format::Html,
        "jsonl" | "ndjson" | "json" => Format::Jsonl,
        "rss" | "atom" | "xml" | "rdf" => Format::Feed,
        "warc" | "arc" => Format::Warc,
        _ if start.starts_with(b"<") => Format::Html,
        _ => Format::Text,
    }
}

fn skip_bom_and_space(head: &[u8]) -> &[u8] {
    let h = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let n = h.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &h[n..]
}

/// Extensions of files a directory walk passes over without a word: they
/// are never news articles.
pub fn is_ignored_extension(name: &str) -> bool {
    const IGNORED: &[&str] = &[
        "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "css", "js", "mjs", "map",
        "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "avi", "mov", "wav", "ogg", "pdf", "zip",
        "tar", "7z", "exe", "dll", "so", "bin", "pyc", "o", "rlib", "partial", "lock", "toml", "yml", "yaml",
    ];
    name.rsplit_once('.')
        .is_some_and(|(_, e)| IGNORED.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_when_it_is_unmistakable() {
        assert_eq!(detect("x.bin", b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(detect("dump", b"{\"text\": \"hi\"}\n"), Format::Jsonl);
        assert_eq!(
            detect("feed", b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(detect("page", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect(
                "a.xml",
                b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            Format::Feed
        );
    }

    #[test]
    fn the_extension_decides_otherwise() {
        assert_eq!(detect("story.html", b"<div>hi</div>"), Format::Html);
        assert_eq!(detect("story.txt", b"<not html> really"), Format::Text);
        assert_eq!(detect("story", b"Iraq protests"), Format::Text);
        assert_eq!(detect("list.ndjson", b""), Format::Jsonl);
    }

    #[test]
    fn images_and_scripts_are_ignored_in_directories() {
        assert!(is_ignored_extension("logo.PNG"));
        assert!(!is_ignored_extension("story.html"));
    }
}
