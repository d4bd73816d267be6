//! Shared by the reader-only targets: a document as a reader gives it,
//! cleaned (markup limits, extraction, paragraphs), its invariants checked.
//! No language stages: these targets run thousands of times a second.

use casus_ingest::{clean, Furniture, IngestError, RawDoc};
use std::sync::OnceLock;

pub fn check(doc: Result<RawDoc, IngestError>) {
    static F: OnceLock<Furniture> = OnceLock::new();
    let Ok(doc) = doc else { return };
    let Ok(c) = clean(doc, F.get_or_init(Furniture::builtin)) else { return };
    assert!(c.body_start <= c.text.len());
    assert!(c.text.is_char_boundary(c.body_start));
    assert!(!c.text[c.body_start..].trim().is_empty(), "a cleaned document has a body");
}
