//! Byte spans into an article's text.

use serde::{Deserialize, Serialize};

/// A `[start, end)` range of **byte** offsets into a text.
///
/// Stages work in bytes (that is what `&text[a..b]` takes); the output
/// converts to code points with [`crate::CharMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span; panics in debug builds if `start > end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Panics if the span is not on char
    /// boundaries of `text`, which is always a bug in the stage that made it.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True if `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The items of `sorted` (in order of their start, as `start` reads it)
/// that start in `from..to`, found by binary search: the stages look
/// things up in a sentence or a window this way, so that their cost
/// does not grow with the length of the whole document.
pub fn starting_in<T>(
    sorted: &[T],
    start: impl Fn(&T) -> usize,
    from: usize,
    to: usize,
) -> std::ops::Range<usize> {
    let lo = sorted.partition_point(|x| start(x) < from);
    let hi = lo + sorted[lo..].partition_point(|x| start(x) < to);
    lo..hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_slices_the_text_it_covers() {
        let text = "Iraq said on Friday";
        assert_eq!(Span::new(5, 9).slice(text), "said");
        assert_eq!(Span::new(5, 9).len(), 4);
        assert!(Span::new(0, 19).contains(Span::new(5, 9)));
        assert!(!Span::new(6, 9).contains(Span::new(5, 9)));
    }

    #[test]
    fn starting_in_finds_the_run_of_items_that_start_in_a_range() {
        let spans = [
            Span::new(0, 3),
            Span::new(4, 8),
            Span::new(9, 12),
            Span::new(13, 20),
        ];
        assert_eq!(starting_in(&spans, |s| s.start, 4, 13), 1..3);
        assert_eq!(starting_in(&spans, |s| s.start, 21, 30), 4..4);
        assert_eq!(starting_in(&spans, |s| s.start, 0, 0), 0..0);
    }
}
