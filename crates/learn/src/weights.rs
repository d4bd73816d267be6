//! The weights file every learned part of casus writes and reads.
//!
//! Layout (integers little-endian; u32 unless said, weights f32):
//!
//! ```text
//! magic (8 bytes, names the model kind, e.g. CASUSLR1)
//! classes  bits  meta_len  meta (UTF-8: class names, one per line)
//! rows     then per bucket with a non-zero weight, in bucket order:
//!          bucket, count (u16), count × (class (u16), weight)
//! ```
//!
//! Only non-zero weights are written, in order, so that the same weights
//! always give the same bytes, and a model whose features each speak for
//! a few classes (a tagger's words) stays small. `meta` holds class names
//! (tags, dependency labels), never training text.

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

/// Weights as sparse rows: `rows[k] = (bucket, start, len)` into `entries`
/// of `(class, weight)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Rows {
    pub classes: usize,
    pub bits: u32,
    pub meta: String,
    pub rows: Vec<(u32, u32, u16)>,
    pub entries: Vec<(u16, f32)>,
}

impl Rows {
    /// From `2^bits × classes` dense weights, bucket-major.
    pub fn from_dense(classes: usize, bits: u32, meta: &str, w: &[f32]) -> Rows {
        let mut r = Rows {
            classes,
            bits,
            meta: meta.to_string(),
            ..Rows::default()
        };
        for (b, row) in w.chunks(classes).enumerate() {
            let start = r.entries.len();
            r.entries.extend(
                row.iter()
                    .enumerate()
                    .filter(|(_, &x)| x != 0.0)
                    .map(|(c, &x)| (c as u16, x)),
            );
            let len = r.entries.len() - start;
            if len > 0 {
                r.rows.push((b as u32, start as u32, len as u16));
            }
        }
        r
    }

    pub fn to_dense(&self) -> Vec<f32> {
        let mut w = vec![0f32; (1usize << self.bits) * self.classes];
        for &(b, start, len) in &self.rows {
            for &(c, x) in &self.entries[start as usize..start as usize + len as usize] {
                w[b as usize * self.classes + c as usize] = x;
            }
        }
        w
    }
}

pub(crate) fn write(magic: &[u8; 8], r: &Rows) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + r.meta.len() + r.rows.len() * 6 + r.entries.len() * 6);
    out.extend_from_slice(magic);
    for v in [r.classes as u32, r.bits, r.meta.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(r.meta.as_bytes());
    out.extend_from_slice(&(r.rows.len() as u32).to_le_bytes());
    for &(b, start, len) in &r.rows {
        out.extend_from_slice(&b.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        for &(c, x) in &r.entries[start as usize..start as usize + len as usize] {
            out.extend_from_slice(&c.to_le_bytes());
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
}

pub(crate) fn read(path: &str, kind: &str, magic: &[u8; 8], b: &[u8]) -> Result<Rows, WeightsError> {
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
    let u16_at = |i: usize| -> Result<u16, WeightsError> {
        b.get(i..i + 2)
            .map(|s| u16::from_le_bytes([s[0], s[1]]))
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
    // Dense copies are made of some models: refuse a header that asks for
    // more than 2^26 weights (256 MB) before allocating anything.
    if (1usize << bits).saturating_mul(classes) > 1 << 26 {
        return Err(bad("more than 2^26 weights"));
    }
    let meta = b
        .get(20..20 + meta_len)
        .ok_or_else(|| bad("cut short in the class names"))?;
    let meta = std::str::from_utf8(meta)
        .map_err(|_| bad("class names are not UTF-8"))?
        .to_string();
    let mut at = 20 + meta_len;
    let n = u32_at(at)? as usize;
    at += 4;
    let mut r = Rows {
        classes,
        bits,
        meta,
        rows: Vec::with_capacity(n.min(b.len() / 6)),
        entries: Vec::new(),
    };
    let mut last: Option<u32> = None;
    for _ in 0..n {
        let bucket = u32_at(at)?;
        let len = u16_at(at + 4)?;
        at += 6;
        if bucket as usize >= 1 << bits || last.is_some_and(|l| bucket <= l) {
            return Err(bad("bucket index out of range or out of order"));
        }
        last = Some(bucket);
        let start = r.entries.len() as u32;
        for _ in 0..len {
            let c = u16_at(at)?;
            let x = f32::from_bits(u32_at(at + 2)?);
            at += 6;
            if c as usize >= classes {
                return Err(bad("class index out of range"));
            }
            r.entries.push((c, x));
        }
        r.rows.push((bucket, start, len));
    }
    if at != b.len() {
        return Err(bad("bytes left after the last row"));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_and_labels_survive_a_round_trip() {
        let mut weights = vec![0f32; 16 * 3];
        weights[5 * 3 + 1] = 0.5;
        weights[15 * 3 + 2] = -2.0;
        let r = Rows::from_dense(3, 4, "NN\nVB\nJJ", &weights);
        assert_eq!(r.entries.len(), 2);
        let b = write(b"CASUSTST", &r);
        let back = read("t.bin", "test", b"CASUSTST", &b).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.to_dense(), weights);
    }

    #[test]
    fn a_cut_or_foreign_file_is_refused_with_its_path() {
        let r = Rows::from_dense(2, 3, "", &[1.0; 16]);
        let mut b = write(b"CASUSTST", &r);
        let e = read("x.bin", "test", b"CASUSOTH", &b).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("x.bin: not a casus test model (expected the header CASUSOTH"));
        b.truncate(b.len() - 2);
        assert!(read("x.bin", "test", b"CASUSTST", &b).is_err());
    }
}
