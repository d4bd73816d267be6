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

    #[cfg(test)]
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

/// How many bytes the reader passes before it gives their pages back.
const GIVE_BACK_EVERY: usize = 1 << 20;

/// A weights file's header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    pub classes: usize,
    pub bits: u32,
    pub meta: String,
}

/// A weights file's checked header alone.
pub(crate) fn header(path: &str, kind: &str, magic: &[u8; 8], b: &[u8]) -> Result<Header, WeightsError> {
    Ok(File::open(path, kind, magic, b)?.header)
}

/// How many `(class, weight)` entries a checked file holds, from its
/// length and its row count (the rows themselves are checked on reading).
pub(crate) fn entry_count(path: &str, kind: &str, magic: &[u8; 8], b: &[u8]) -> Result<usize, WeightsError> {
    let f = File::open(path, kind, magic, b)?;
    let head = b
        .get(f.rows..f.rows + 4)
        .ok_or_else(|| File::bad(path, kind, "cut short"))?;
    let n = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
    Ok(b.len().saturating_sub(f.rows + 4 + 6 * n) / 6)
}

/// Reads a weights file as sparse rows.
pub(crate) fn read(path: &str, kind: &str, magic: &[u8; 8], b: &[u8]) -> Result<Rows, WeightsError> {
    let f = File::open(path, kind, magic, b)?;
    let mut r = Rows {
        classes: f.header.classes,
        bits: f.header.bits,
        meta: f.header.meta.clone(),
        ..Rows::default()
    };
    // Sized once from the file's length: no regrowing copies on loading.
    r.entries
        .reserve_exact(entry_count(path, kind, magic, b)?.min(b.len() / 6));
    f.walk(|bucket, body| {
        let start = r.entries.len() as u32;
        r.entries.extend(entries(body));
        r.rows
            .push((bucket, start, (r.entries.len() - start as usize) as u16));
    })?;
    Ok(r)
}

/// Reads a weights file straight into `2^bits × classes` dense weights,
/// bucket-major: one pass and no sparse copy (start-up reads seven models).
pub(crate) fn read_dense(
    path: &str,
    kind: &str,
    magic: &[u8; 8],
    b: &[u8],
) -> Result<(Header, Vec<f32>), WeightsError> {
    let f = File::open(path, kind, magic, b)?;
    let classes = f.header.classes;
    let mut w = vec![0f32; (1usize << f.header.bits) * classes];
    f.walk(|bucket, body| {
        let row = &mut w[bucket as usize * classes..][..classes];
        for (c, x) in entries(body) {
            row[c as usize] = x;
        }
    })?;
    Ok((f.header, w))
}

/// A row's `(class, weight)` entries from its bytes.
fn entries(body: &[u8]) -> impl Iterator<Item = (u16, f32)> + '_ {
    body.chunks_exact(6).map(|e| {
        (
            u16::from_le_bytes([e[0], e[1]]),
            f32::from_le_bytes([e[2], e[3], e[4], e[5]]),
        )
    })
}

/// A weights file whose header has been checked.
struct File<'a> {
    path: &'a str,
    kind: &'a str,
    b: &'a [u8],
    header: Header,
    /// Where the rows start.
    rows: usize,
}

impl<'a> File<'a> {
    fn bad(path: &str, kind: &str, what: &str) -> WeightsError {
        WeightsError::Format {
            path: path.into(),
            kind: kind.into(),
            what: what.into(),
        }
    }

    fn open(path: &'a str, kind: &'a str, magic: &[u8; 8], b: &'a [u8]) -> Result<Self, WeightsError> {
        let bad = |what: &str| Self::bad(path, kind, what);
        if b.len() < 24 || &b[..8] != magic {
            return Err(bad(&format!(
                "expected the header {}",
                String::from_utf8_lossy(magic)
            )));
        }
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let classes = u32_at(8) as usize;
        let bits = u32_at(12);
        let meta_len = u32_at(16) as usize;
        if classes == 0 || classes > 4096 {
            return Err(bad("class count out of range"));
        }
        if bits == 0 || bits > 26 {
            return Err(bad("bucket bits out of range"));
        }
        // Dense copies are made of some models: refuse a header that asks
        // for more than 2^26 weights (256 MB) before allocating anything.
        if (1usize << bits).saturating_mul(classes) > 1 << 26 {
            return Err(bad("more than 2^26 weights"));
        }
        let meta = b
            .get(20..20 + meta_len)
            .ok_or_else(|| bad("cut short in the class names"))?;
        let meta = std::str::from_utf8(meta)
            .map_err(|_| bad("class names are not UTF-8"))?
            .to_string();
        Ok(File {
            path,
            kind,
            b,
            header: Header { classes, bits, meta },
            rows: 20 + meta_len,
        })
    }

    /// Walks the rows in order, handing `row` each bucket and the bytes of
    /// its entries once they are checked.
    fn walk(&self, mut row: impl FnMut(u32, &[u8])) -> Result<(), WeightsError> {
        let bad = |what: &str| Self::bad(self.path, self.kind, what);
        let b = self.b;
        let (classes, bits) = (self.header.classes, self.header.bits);
        let head = b.get(self.rows..self.rows + 4).ok_or_else(|| bad("cut short"))?;
        let n = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let mut at = self.rows + 4;
        let mut last: Option<u32> = None;
        let mut given = 0;
        for _ in 0..n {
            // Read bytes of a built-in model are not needed again.
            if at - given >= GIVE_BACK_EVERY {
                crate::release::passed(b, at);
                given = at;
            }
            let head = b.get(at..at + 6).ok_or_else(|| bad("cut short"))?;
            let bucket = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            let len = u16::from_le_bytes([head[4], head[5]]) as usize;
            at += 6;
            if bucket as usize >= 1 << bits || last.is_some_and(|l| bucket <= l) {
                return Err(bad("bucket index out of range or out of order"));
            }
            last = Some(bucket);
            let body = b.get(at..at + 6 * len).ok_or_else(|| bad("cut short"))?;
            at += 6 * len;
            if entries(body).any(|(c, _)| c as usize >= classes) {
                return Err(bad("class index out of range"));
            }
            row(bucket, body);
        }
        if at != b.len() {
            return Err(bad("bytes left after the last row"));
        }
        Ok(())
    }
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
        let (h, dense) = read_dense("t.bin", "test", b"CASUSTST", &b).unwrap();
        assert_eq!((h.classes, h.bits, h.meta.as_str()), (3, 4, "NN\nVB\nJJ"));
        assert_eq!(dense, weights);
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
