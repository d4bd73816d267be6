//! HTML character references left in text: `can&#39;t`, `&nbsp;`,
//! `Wohngew&#x00E4;chshaus`. Pages escape their titles twice often enough
//! (`&amp;#39;` in an `og:title`) that one decoding by the parser leaves
//! references behind; text is decoded until no reference is left (at most
//! twice more), with the `html-escape` crate's full HTML5 table.

use std::borrow::Cow;

/// `s` with its character references decoded; unknown ones stay as written.
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let once = html_escape::decode_html_entities(s);
    if once.contains('&') && once != s {
        let twice = html_escape::decode_html_entities(&once).into_owned();
        return Cow::Owned(twice);
    }
    once
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_named_and_twice_escaped_references_are_decoded() {
        assert_eq!(decode("can&#39;t"), "can't");
        assert_eq!(
            decode("Wohngew&#x00E4;chshaus&#x20;bauen"),
            "Wohngewächshaus bauen"
        );
        assert_eq!(decode("Thermen- &#038; Vulkanland"), "Thermen- & Vulkanland");
        assert_eq!(decode("Fish&amp;#39;s"), "Fish's");
        assert_eq!(decode("a&nbsp;b"), "a\u{a0}b");
    }

    #[test]
    fn text_without_references_is_left_alone() {
        assert_eq!(decode("AT&T and R&D"), "AT&T and R&D");
        assert!(matches!(decode("plain"), Cow::Borrowed(_)));
    }
}
