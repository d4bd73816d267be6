//! MinHash signatures and their LSH bands.
//!
//! Written here rather than taken from `gaoya`: the bands are stored in
//! the database next to the articles (one indexed row per band), so that
//! finding the candidates for a new article is a handful of index lookups
//! whatever the size of the store, survives restarts, and commits in the
//! same transaction as the article. gaoya keeps its index in memory.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Bands, and rows (hash functions) per band. With 20 bands of 5 rows, a
/// pair of texts with Jaccard similarity `s` shares at least one band with
/// probability `1 - (1 - s^5)^20`: 0.9996 at s = 0.8, 0.47 at s = 0.5 and
/// 0.002 at s = 0.2. Candidates are then checked on their real shingles.
pub const BANDS: usize = 20;
pub const ROWS: usize = 5;
const HASHES: usize = BANDS * ROWS;

/// The band keys of a set of shingle hashes: `BANDS` numbers; two texts
/// that share a key in the same band are near-duplicate candidates.
/// An empty set has no bands.
pub fn bands(shingles: &[u64]) -> Vec<i64> {
    if shingles.is_empty() {
        return Vec::new();
    }
    let mut mins = [u64::MAX; HASHES];
    for &s in shingles {
        for (k, m) in mins.iter_mut().enumerate() {
            let h = mix(s ^ SEEDS[k % SEEDS.len()].wrapping_mul(k as u64 + 1));
            if h < *m {
                *m = h;
            }
        }
    }
    mins.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            // SQLite integers are signed; keep the bits.
            xxh3_64_with_seed(&bytes, b as u64) as i64
        })
        .collect()
}

const SEEDS: [u64; 4] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0x27D4_EB2F_1656_67C5,
];

/// splitmix64's finaliser: a fast, well-spread permutation of u64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingle::shingles;

    fn shared(a: &[i64], b: &[i64]) -> usize {
        a.iter().zip(b).filter(|(x, y)| x == y).count()
    }

    #[test]
    fn near_copies_share_bands_and_different_texts_do_not() {
        let base: String = (0..120).map(|i| format!("word{} ", i % 97)).collect();
        let near = base.replacen("word5 ", "changed ", 1);
        let other: String = (0..120).map(|i| format!("other{} ", i % 89)).collect();
        let (a, b, c) = (
            bands(&shingles(&base)),
            bands(&shingles(&near)),
            bands(&shingles(&other)),
        );
        assert_eq!(a.len(), BANDS);
        assert!(shared(&a, &b) >= 10, "{}", shared(&a, &b));
        assert_eq!(shared(&a, &c), 0);
        assert_eq!(a, bands(&shingles(&base)), "deterministic");
    }

    #[test]
    fn an_empty_text_has_no_bands() {
        assert!(bands(&[]).is_empty());
    }
}
