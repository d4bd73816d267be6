//! Byte offsets to Unicode code-point offsets.

/// Converts byte offsets of one text into code-point offsets.
///
/// The output contract counts code points so that `text[start:end]` works in
/// Python and R. For ASCII text the two are equal and the map is empty; for
/// other text it stores one entry per non-ASCII character, so a lookup is a
/// binary search and memory stays proportional to the non-ASCII content.
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    /// `(byte offset just after a multi-byte char, bytes saved so far)`:
    /// from that byte on, `chars = bytes - saved`.
    steps: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut steps = Vec::new();
        if !text.is_ascii() {
            let mut saved = 0;
            for (i, c) in text.char_indices() {
                let w = c.len_utf8();
                if w > 1 {
                    saved += w - 1;
                    steps.push((i + w, saved));
                }
            }
        }
        CharMap {
            steps,
            len_bytes: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte`, which must be on a char
    /// boundary (offsets inside a char map to the char's end).
    pub fn to_char(&self, byte: usize) -> usize {
        debug_assert!(byte <= self.len_bytes);
        let idx = self.steps.partition_point(|&(b, _)| b <= byte);
        if idx == 0 {
            byte
        } else {
            byte - self.steps[idx - 1].1
        }
    }

    /// `[start, end)` in code points for a byte span.
    pub fn span(&self, span: crate::Span) -> [usize; 2] {
        [self.to_char(span.start), self.to_char(span.end)]
    }
}

/// The other way: the byte offset of each code point of `text`, then of
/// its end (`out[k]` is where code point `k` starts), for reading
/// annotations counted in code points.
pub fn code_point_bytes(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain([text.len()]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_offsets_are_unchanged() {
        let m = CharMap::new("plain ascii");
        assert_eq!(m.to_char(0), 0);
        assert_eq!(m.to_char(11), 11);
    }

    #[test]
    fn curly_quotes_and_accents_count_as_one_code_point() {
        let text = "“Déjà vu,” he said";
        let m = CharMap::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(m.to_char(said), text[..said].chars().count());
        assert_eq!(m.to_char(text.len()), text.chars().count());
    }

    proptest! {
        #[test]
        fn every_char_boundary_maps_to_its_char_count(text in "\\PC{0,60}") {
            let m = CharMap::new(&text);
            for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                prop_assert_eq!(m.to_char(i), text[..i].chars().count());
            }
        }
    }
}
