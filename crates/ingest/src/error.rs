//! What can go wrong with one input, and how much it matters.

use casus_core::Origin;

/// A problem with one document or file. Every variant names where it
/// happened ([`Origin`]: file, line or record, byte) and what is wrong; the
/// rest of the batch goes on.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: Origin,
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not what the format requires (a JSON line that is not
    /// a JSON object, feed XML that does not parse, a broken WARC header).
    #[error("{origin}: {what}")]
    Malformed { origin: Origin, what: String },
    /// The input ends in the middle of a gzip stream or a WARC record;
    /// what came before it was read.
    #[error("{origin}: truncated: {what}")]
    Truncated { origin: Origin, what: String },
    /// Nothing to read: an empty file, a record with no body, or a page
    /// with no article text once the page furniture is gone.
    #[error("{origin}: empty: {what}")]
    Empty { origin: Origin, what: String },
    /// A document over one of the limits every document is processed
    /// under (nesting depth, elements, time): skipped, the rest go on.
    #[error("{origin}: {what}")]
    OverLimit { origin: Origin, what: String },
    /// A bug in casus met this document (a panic, caught): the document is
    /// lost and reported, the rest of the batch goes on.
    #[error("{origin}: casus failed on this document (a bug; please report it): {what}")]
    Crashed { origin: Origin, what: String },
    #[error("{origin}: {} is more than the limit of {limit} bytes (raise it with --max-bytes)", size.map_or("the document".to_string(), |s| format!("{s} bytes")))]
    TooLarge {
        origin: Origin,
        /// The document's size, when known before reading it all.
        size: Option<u64>,
        limit: u64,
    },
}

/// Whether a problem means lost input (`Failed`) or input that holds no
/// article (`Skipped`). The exit status of `casus extract` follows failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Skipped,
    Failed,
}

impl IngestError {
    pub fn severity(&self) -> Severity {
        match self {
            IngestError::Empty { .. } | IngestError::TooLarge { .. } | IngestError::OverLimit { .. } => {
                Severity::Skipped
            }
            _ => Severity::Failed,
        }
    }

    pub fn origin(&self) -> &Origin {
        match self {
            IngestError::Io { origin, .. }
            | IngestError::Malformed { origin, .. }
            | IngestError::Truncated { origin, .. }
            | IngestError::Empty { origin, .. }
            | IngestError::TooLarge { origin, .. }
            | IngestError::OverLimit { origin, .. }
            | IngestError::Crashed { origin, .. } => origin,
        }
    }

    pub(crate) fn io(origin: &Origin, source: std::io::Error) -> Self {
        IngestError::Io {
            origin: origin.clone(),
            source,
        }
    }

    pub(crate) fn malformed(origin: &Origin, what: impl Into<String>) -> Self {
        IngestError::Malformed {
            origin: origin.clone(),
            what: what.into(),
        }
    }

    pub(crate) fn empty(origin: &Origin, what: impl Into<String>) -> Self {
        IngestError::Empty {
            origin: origin.clone(),
            what: what.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_place_and_the_problem() {
        let e = IngestError::malformed(&Origin::file("feed.jsonl").with_line(3), "expected a JSON object");
        assert_eq!(e.to_string(), "feed.jsonl:3: expected a JSON object");
        assert_eq!(e.severity(), Severity::Failed);
        let e = IngestError::TooLarge {
            origin: Origin::file("big.html"),
            size: Some(10),
            limit: 5,
        };
        assert!(e.to_string().contains("--max-bytes"));
        assert_eq!(e.severity(), Severity::Skipped);
    }
}
