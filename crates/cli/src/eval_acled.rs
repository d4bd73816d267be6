//! `casus eval --acled FILE`: the ACLED tables printed.

use anyhow::Result;
use casus_eval::acled::{evaluate, parse, Format, Report, LABELS};
use casus_pipeline::Pipeline;
use std::path::Path;

/// Measures one file and prints its table (unless `json`); the report.
pub(crate) fn run(pipeline: &Pipeline, path: &Path, json: bool) -> Result<Report> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let (format, data) = parse(&path.display().to_string(), &text)?;
    let r = evaluate(pipeline, format, &data);
    if !json {
        print(&path.display().to_string(), format, &r);
    }
    Ok(r)
}

fn print(path: &str, format: Format, r: &Report) {
    println!(
        "{path} ({} snippets; {} with no ACLED-typed event)",
        r.snippets, r.untyped
    );
    if format == Format::Golden {
        println!(
            "  main type (surest typed event): accuracy {:.3}, weighted F1 {:.3}",
            r.accuracy, r.weighted_f1
        );
    }
    println!("  {:<36} {:>6} {:>6} {:>6} {:>8}", "", "P", "R", "F1", "support");
    for (name, s) in &r.scores {
        let meaning = LABELS
            .iter()
            .find(|(l, _)| l == name)
            .map_or(String::new(), |(_, m)| format!("  ({m})"));
        println!(
            "  {name:<36} {:>6.3} {:>6.3} {:>6.3} {:>8}{meaning}",
            s.precision, s.recall, s.f1, s.support
        );
    }
    if format == Format::Golden {
        println!("  confusion (gold → predicted, where they differ):");
        for (g, p, n) in r.confusion.iter().filter(|(g, p, _)| g != p) {
            println!("    {g:<36} → {p:<36} {n}");
        }
    }
}
