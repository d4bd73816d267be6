//! The weights file every learned part of casus writes and reads.
//!
//! Layout (all integers little-endian u32, weights f32):
//!
//! ```text
//! magic (8 bytes, names the model kind, e.g. CASUSLR1)
//! classes  bits  meta_len  meta (UTF-8: label names, one per line)
//! entries  then per non-zero bucket: index, `classes` weights
//! ```
//!
//! Only non-zero buckets are written, in index order, so that the same
//! weights always give the same bytes. `meta` holds label names (tags,
//! dependency labels), never training text.

/// A weights file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    #[error("{path}: not a casus {kind} model ({what})")]
    Format {
        path: String,
        kind: String,
        what: String,
    },
}

/// The parts of a weights file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dense {
    pub classes: usize,
    pub bits: u32,
    pub meta: String,
    /// `2^bits × classes`, bucket-major.
    pub weights: Vec<f32>,
}

pub(crate) fn write(magic: &[u8; 8], d: &Dense) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(magic);
    for v in [d.classes as u32, d.bits, d.meta.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(d.meta.as_bytes());
    let rows: Vec<usize> = (0..1usize << d.bits)
        .filter(|&i| {
            d.weights[i * d.classes..(i + 1) * d.classes]
                .iter()
                .any(|w| *w != 0.0)
        })
        .collect();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for i in rows {
        out.extend_from_slice(&(i as u32).to_le_bytes());
        for w in &d.weights[i * d.classes..(i + 1) * d.classes] {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

pub(crate) fn read(path: &str, kind: &str, magic: &[u8; 8], b: &[u8]) -> Result<Dense, WeightsError> {
    let bad = |what: &str| WeightsError::Format {
        path: path.into(),
        kind: kind.into(),
        what: what.into(),
    };
    if b.len() < 24 || &b[..8] != magic {
        return Err(bad(&format!(
            "expected the header {}",
            String::from_utf8_lossy(magic)
        )));
    }
    let u32_at = |i: usize| -> Result<u32, WeightsError> {
        b.get(i..i + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
            .ok_or_else(|| bad("cut short"))
    };
    let classes = u32_at(8)? as usize;
    let bits = u32_at(12)?;
    let meta_len = u32_at(16)? as usize;
    if classes == 0 || classes > 4096 {
        return Err(bad("class count out of range"));
    }
    if bits == 0 || bits > 26 {
        return Err(bad("bucket bits out of range"));
    }
    let meta = b
        .get(20..20 + meta_len)
        .ok_or_else(|| bad("cut short in the label names"))?;
    let meta = std::str::from_utf8(meta)
        .map_err(|_| bad("label names are not UTF-8"))?
        .to_string();
    let at = 20 + meta_len;
    let n = u32_at(at)? as usize;
    let row = 4 + 4 * classes;
    if b.len() != at + 4 + n * row {
        return Err(bad("length does not match the entry count"));
    }
    let mut weights = vec![0f32; (1usize << bits) * classes];
    for k in 0..n {
        let p = at + 4 + k * row;
        let idx = u32_at(p)? as usize;
        if idx >= 1 << bits {
            return Err(bad("bucket index out of range"));
        }
        for c in 0..classes {
            weights[idx * classes + c] = f32::from_bits(u32_at(p + 4 + 4 * c)?);
        }
    }
    Ok(Dense {
        classes,
        bits,
        meta,
        weights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_and_labels_survive_a_round_trip() {
        let mut weights = vec![0f32; 16 * 3];
        weights[5 * 3 + 1] = 0.5;
        weights[15 * 3 + 2] = -2.0;
        let d = Dense {
            classes: 3,
            bits: 4,
            meta: "NN\nVB\nJJ".into(),
            weights,
        };
        let b = write(b"CASUSTST", &d);
        assert_eq!(read("t.bin", "test", b"CASUSTST", &b).unwrap(), d);
    }

    #[test]
    fn a_cut_or_foreign_file_is_refused_with_its_path() {
        let d = Dense {
            classes: 2,
            bits: 3,
            meta: String::new(),
            weights: vec![1.0; 16],
        };
        let mut b = write(b"CASUSTST", &d);
        let e = read("x.bin", "test", b"CASUSOTH", &b).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("x.bin: not a casus test model (expected the header CASUSOTH"));
        b.truncate(b.len() - 2);
        assert!(read("x.bin", "test", b"CASUSTST", &b).is_err());
    }
}
