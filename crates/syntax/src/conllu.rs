//! CoNLL-U sentences (gzipped or not): the training and test data of the
//! tagger and parser (`../shared/data/dev/parses`, whose UPOS column holds
//! Penn Treebank tags).

use std::io::Read;

/// One parsed sentence: words, tags, heads (0 = root, else 1-based) and
/// dependency labels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tree {
    pub words: Vec<String>,
    pub tags: Vec<String>,
    pub heads: Vec<usize>,
    pub labels: Vec<String>,
}

/// A CoNLL-U file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {what}")]
    Malformed { path: String, line: usize, what: String },
}

/// Reads a file (gzip undone when its name ends in `.gz`).
pub fn read_file(path: &std::path::Path) -> Result<Vec<Tree>, ConlluError> {
    let name = path.display().to_string();
    let io = |source| ConlluError::Io {
        path: name.clone(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io)?;
    let mut text = String::new();
    if name.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .map_err(io)?;
    } else {
        text = String::from_utf8(bytes)
            .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    }
    parse(&name, &text)
}

/// Parses CoNLL-U text; multi-word token lines (`1-2`) and empty nodes
/// (`1.1`) are skipped.
pub fn parse(path: &str, text: &str) -> Result<Vec<Tree>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Tree::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let bad = |what: String| ConlluError::Malformed {
            path: path.into(),
            line: i + 1,
            what,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| bad(format!("expected a token number, found `{}`", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(bad(format!("expected token {}, found {id}", cur.words.len() + 1)));
        }
        let head: usize = cols[6]
            .parse()
            .map_err(|_| bad(format!("expected a head number, found `{}`", cols[6])))?;
        cur.words.push(cols[1].replace('\u{a0}', " "));
        cur.tags.push(cols[3].to_string());
        cur.heads.push(head);
        cur.labels.push(cols[7].to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for t in &out {
        if t.heads.iter().any(|&h| h > t.words.len()) {
            return Err(ConlluError::Malformed {
                path: path.into(),
                line: 0,
                what: format!(
                    "a head points past the end of the sentence `{}`",
                    t.words.join(" ")
                ),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_read_and_a_bad_line_is_named() {
        let text = "# sent_id = 1\n1\tGunmen\tgunman\tNNS\tNNS\t_\t2\tnsubj\t_\t_\n\
                    2\tfled\tflee\tVBD\tVBD\t_\t0\troot\t_\t_\n\n\
                    1\tNo\tno\tUH\tUH\t_\t0\troot\t_\t_\n";
        let t = parse("x.conllu", text).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].words, ["Gunmen", "fled"]);
        assert_eq!(t[0].heads, [2, 0]);
        assert_eq!(t[0].labels[0], "nsubj");
        let e = parse("x.conllu", "1\tA\ta\tDT\n").unwrap_err();
        assert!(e.to_string().starts_with("x.conllu:1: expected 10"));
    }
}
