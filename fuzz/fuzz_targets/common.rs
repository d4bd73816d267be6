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
    let chars: Vec<char> = a.text.chars().collect();
    let slice = |sp: [usize; 2]| chars[sp[0]..sp[1]].iter().collect::<String>();
    for m in &a.mentions {
        assert!(m.span[0] < m.span[1] && m.span[1] <= n);
        assert_eq!(slice(m.span), m.text);
    }
    for e in &a.events {
        assert_eq!(slice(e.trigger.span), e.trigger.text);
        for p in [&e.source, &e.target].into_iter().flatten() {
            assert_eq!(slice(p.span), p.text);
        }
        assert!(e.sentence[0] <= e.trigger.span[0] && e.trigger.span[1] <= e.sentence[1]);
        assert!((0.0..=1.0).contains(&e.confidence));
    }
    for q in &a.quotes {
        assert_eq!(slice(q.content.span), q.content.text);
        if let Some(c) = &q.cue {
            assert_eq!(slice(c.span), c.text);
        }
    }
    for c in &a.claims {
        assert_eq!(slice(c.span), c.text);
    }
    for t in &a.times {
        assert_eq!(slice(t.span), t.text);
    }
}
