//! Where a document came from.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The place in the input a document (or an error) comes from: the file,
/// and inside it the line (JSON Lines, `--lines` text), the record (WARC,
/// feed item) and the byte offset where the record starts, when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            ..Origin::default()
        }
    }

    pub fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_record(mut self, record: u64) -> Self {
        self.record = Some(record);
        self
    }

    pub fn with_byte(mut self, byte: u64) -> Self {
        self.byte = Some(byte);
        self
    }
}

/// `path:line`, `path: record 3 (byte 4096)`: what error messages print.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = self.record {
            write!(f, ": record {record}")?;
        }
        if let Some(byte) = self.byte {
            write!(f, " (byte {byte})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_prints_file_line_record_and_byte() {
        assert_eq!(Origin::file("a.jsonl").with_line(7).to_string(), "a.jsonl:7");
        assert_eq!(
            Origin::file("c.warc.gz")
                .with_record(3)
                .with_byte(4096)
                .to_string(),
            "c.warc.gz: record 3 (byte 4096)"
        );
    }
}
