//! Word shapes shared by the tagger's and parser's features, hashed as
//! they are read (FNV-1a, as `casus_learn::fnv` over the same string), so
//! that no string is built per word.

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

fn fold(c: char) -> impl Iterator<Item = char> {
    let digit = c.is_ascii_digit();
    c.to_lowercase().map(move |l| if digit { '0' } else { l })
}

/// The word as features see it: lower case, digits folded to `0`.
pub fn norm(w: &str) -> String {
    w.chars().flat_map(fold).collect()
}

/// The hash of [`norm`] of the word.
pub fn norm_hash(w: &str) -> u64 {
    let mut h = Fnv::new();
    w.chars().flat_map(fold).for_each(|c| h.push(c));
    h.0
}

/// The hash of the last `n` characters, lower case.
pub fn suffix_hash(w: &str, n: usize) -> u64 {
    let count = w.chars().count();
    let mut h = Fnv::new();
    w.chars()
        .skip(count.saturating_sub(n))
        .flat_map(char::to_lowercase)
        .for_each(|c| h.push(c));
    h.0
}

/// The hash of the first character, as written.
pub fn first_hash(w: &str) -> u64 {
    let mut h = Fnv::new();
    if let Some(c) = w.chars().next() {
        h.push(c);
    }
    h.0
}

/// The hash of a coarse shape: `X` upper, `x` lower, `d` digit, other
/// kept, runs collapsed, at most seven marks ("Al-Sudani" → `Xx-Xx`).
pub fn shape_hash(w: &str) -> u64 {
    let mut h = Fnv::new();
    let (mut last, mut n) = (None, 0);
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if last != Some(s) {
            h.push(s);
            last = Some(s);
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_learn::fnv;

    #[test]
    fn hashes_are_those_of_the_strings_they_stand_for() {
        assert_eq!(norm("Iraq's 2024"), "iraq's 0000");
        assert_eq!(norm_hash("Iraq's 2024"), fnv(&["iraq's 0000"]));
        assert_eq!(suffix_hash("Shelled", 3), fnv(&["led"]));
        assert_eq!(suffix_hash("ab", 3), fnv(&["ab"]));
        assert_eq!(shape_hash("Al-Sudani"), fnv(&["Xx-Xx"]));
        assert_eq!(first_hash("Kyiv"), fnv(&["K"]));
    }
}
