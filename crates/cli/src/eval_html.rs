//! `casus eval --html DIR`: main-text extraction on real web pages (a
//! folder of pages with `expectations.jsonl`, trafilatura's benchmark
//! layout), scored by trafilatura's rule, with the pages extracted per
//! second on one thread.

use anyhow::Result;
use casus_eval::html::{self, HtmlReport};
use casus_pipeline::Pipeline;
use std::path::Path;

/// Measures extraction on the pages of `dir` and prints the table (unless
/// `json`); with `misses`, each snippet missed or wrongly kept on stderr.
pub(crate) fn run(pipeline: &Pipeline, dir: &Path, json: bool, misses: bool) -> Result<HtmlReport> {
    let expectations = html::read(&dir.join("expectations.jsonl"))?;
    let r = html::evaluate(
        dir,
        &expectations,
        &pipeline.resources().furniture,
        &casus_ingest::HtmlLimits::default(),
    );
    if !json {
        println!(
            "{} ({} pages, {} with no text; trafilatura's rule)",
            dir.display(),
            r.pages,
            r.empty
        );
        println!("  P      R      F1     accuracy   pages/s (extraction, one thread)");
        println!(
            "  {:.3}  {:.3}  {:.3}  {:.3}      {:.0} ({:.1} ms a page)",
            r.precision,
            r.recall,
            r.f1,
            r.accuracy,
            r.pages_per_second,
            1000.0 * r.seconds / r.pages.max(1) as f64
        );
    }
    if misses {
        for m in &r.misses {
            eprintln!("{}\t{}\t{}", m.file, m.kind, m.snippet);
        }
    }
    Ok(r)
}
