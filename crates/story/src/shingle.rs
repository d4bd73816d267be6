//! Words and shingles: the text as a set of overlapping word runs.

use xxhash_rust::xxh3::xxh3_64;

/// Words of `text`, lower-cased, letters and digits only.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
}

/// Words in one shingle. Five words is the usual choice for news copies:
/// long enough that two different stories rarely share a shingle, short
/// enough that a changed word spoils only five of them.
pub const SHINGLE_WORDS: usize = 5;

/// The sorted, de-duplicated hashes of every run of [`SHINGLE_WORDS`]
/// words. A text shorter than that is one shingle.
pub fn shingles(text: &str) -> Vec<u64> {
    let ws: Vec<String> = words(text).collect();
    let mut out = Vec::with_capacity(ws.len());
    if ws.len() <= SHINGLE_WORDS {
        if !ws.is_empty() {
            out.push(xxh3_64(ws.join(" ").as_bytes()));
        }
        return out;
    }
    for win in ws.windows(SHINGLE_WORDS) {
        out.push(xxh3_64(win.join(" ").as_bytes()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, de-duplicated sets: 1.0 for two
/// empty sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// A hash of the text's words: case, punctuation and spacing do not
/// change it. Two articles with the same content hash are the same text.
pub fn content_hash(text: &str) -> u64 {
    let mut norm = String::with_capacity(text.len());
    for w in words(text) {
        if !norm.is_empty() {
            norm.push(' ');
        }
        norm.push_str(&w);
    }
    xxh3_64(norm.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_with_other_punctuation_are_the_same_shingles() {
        let a = shingles("The convoy left the port at dawn, officials said.");
        let b = shingles("the convoy LEFT the port -- at dawn; officials said");
        assert_eq!(a, b);
        assert_eq!(jaccard(&a, &b), 1.0);
        assert_eq!(content_hash("A, b."), content_hash("a b"));
    }

    #[test]
    fn one_changed_word_keeps_most_shingles_and_a_new_story_keeps_none() {
        let base = "Engineers reopened the northern bridge on Monday after three weeks \
                    of repairs, and the first lorries crossed before noon, the city said.";
        let edited = base.replace("Monday", "Tuesday");
        let other = "Farmers in the valley began the harvest early this year because \
                     the spring rains came three weeks before they usually do.";
        let j = jaccard(&shingles(base), &shingles(&edited));
        assert!(j > 0.5 && j < 1.0, "{j}");
        assert_eq!(jaccard(&shingles(base), &shingles(other)), 0.0);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(shingles("Two words").len(), 1);
        assert!(shingles("  ,; ").is_empty());
    }
}
