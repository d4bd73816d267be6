//! Shared by the reader-only targets: what a reader gives (a document or
//! a problem) is checked on its own, with no extraction and no language
//! stages, so that these targets run thousands of times a second. The
//! `html`, `feed`, `warc`, `jsonl` targets run the whole pipeline.

use casus_ingest::{Body, IngestError, RawDoc};

/// A document names the input it came from, and a problem says where.
pub fn check(doc: Result<RawDoc, IngestError>, path: &str) {
    match doc {
        Ok(d) => {
            assert_eq!(d.origin.path, path);
            let body = match &d.body {
                Body::Text(t) | Body::Html(t) | Body::Fragment(t) => t,
            };
            // Bodies are text; a stray NUL or replacement is fine, a
            // String that is not UTF-8 cannot be built.
            let _ = body.len();
        }
        Err(e) => {
            assert_eq!(e.origin().path, path);
            assert!(!e.to_string().is_empty());
        }
    }
}
