//! `casus train quotes`: the attribution tagger, from brat corpora.

use super::{write_weights, Args};
use anyhow::Result;
use casus_attrib::{brat, Attributor, Cues};
use casus_eval::quotes::{evaluate, Predicted};
use casus_nlp::Segmenter;
use std::process::ExitCode;

pub(super) fn train(args: &Args) -> Result<ExitCode> {
    let mut docs = Vec::new();
    for d in &args.data {
        docs.extend(brat::read_dir(d)?);
    }
    anyhow::ensure!(!docs.is_empty(), "no annotated articles in {:?}", args.data);
    let segmenter = Segmenter::default();
    let m = Attributor::train(&docs, &segmenter, Cues::builtin(), args.epochs, args.seed);
    for d in &args.dev {
        let dev = brat::read_dir(d)?;
        let r = evaluate(&dev, |text| {
            let sentences = segmenter.segment(text).sentences;
            m.find(text, &sentences)
                .into_iter()
                .map(Predicted::from)
                .collect()
        });
        let f =
            |s: &casus_eval::bio::SpanScore| format!("P {:.3} R {:.3} F1 {:.3}", s.precision, s.recall, s.f1);
        println!("{} ({} articles), the tagger alone:", d.display(), r.documents);
        println!("  all words     {}", f(&r.all));
        println!("  source        {}", f(&r.source));
        println!("  cue           {}", f(&r.cue));
        println!("  content       {}", f(&r.content));
        println!("  attributions  {}", f(&r.attributions));
        println!(
            "  speaker right {}   recall quoted {}   unquoted {}",
            r.speaker_right, r.recall_quoted, r.recall_unquoted
        );
    }
    let attributions: usize = docs.iter().map(|d| d.attributions.len()).sum();
    write_weights(
        &args.output,
        &m.to_bytes(),
        &format!(
            "{} articles, {attributions} attributions, {} epochs",
            docs.len(),
            args.epochs
        ),
    )
}
