//! Feature hashing: a feature is a few strings ("w", "attack"), hashed with
//! FNV-1a into one of 2^bits buckets.

/// FNV-1a over the parts, with a separator between them so that
/// `["ab", "c"]` and `["a", "bc"]` differ.
pub fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// The bucket of a feature among `2^bits`.
pub fn bucket(parts: &[&str], bits: u32) -> u32 {
    (fnv(parts) & ((1u64 << bits) - 1)) as u32
}

/// Combines already-hashed parts (a template number, word hashes, tag
/// numbers) into one feature hash: much cheaper than hashing strings per
/// feature, for taggers and parsers that build hundreds per sentence.
#[inline]
pub fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0x51_7cc1_b727_220a;
    for &p in parts {
        h = (h ^ p).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h
}

/// [`mix`] into one of `2^bits` buckets.
#[inline]
pub fn mix_bucket(parts: &[u64], bits: u32) -> u32 {
    (mix(parts) >> (64 - bits)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_separated_before_hashing() {
        assert_ne!(fnv(&["ab", "c"]), fnv(&["a", "bc"]));
        assert_eq!(fnv(&["w", "attack"]), fnv(&["w", "attack"]));
        assert!(bucket(&["w", "attack"], 10) < 1024);
        assert_ne!(mix(&[1, 2]), mix(&[2, 1]));
        assert!(mix_bucket(&[3, 4], 12) < 4096);
    }
}
