//! Shared by the fuzz targets: run a document through the whole pipeline
//! and check the span invariants of the output.

use casus_ingest::{IngestError, RawDoc};
use casus_pipeline::{Pipeline, PipelineOptions, Resources};
use std::sync::OnceLock;

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Resources::builtin(), PipelineOptions::default()))
}

pub fn check(doc: Result<RawDoc, IngestError>) {
    let Ok(doc) = doc else { return };
    let Ok(done) = pipeline().process(doc) else { return };
    let a = done.article;
    let n = a.text.chars().count();
    let mut last = 0;
    for &[s, e] in &a.sentences {
        assert!(last <= s && s < e && e <= n, "bad span {s}..{e} after {last} in {n} chars");
        last = e;
    }
}
