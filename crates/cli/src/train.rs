//! `casus train`: rebuild the learned parts from labelled data.

use anyhow::{Context, Result};
use casus_coder::Classifier;
use casus_eval::penta;
use casus_learn::{grouped_folds, near_duplicate_groups};
use casus_pipeline::{Pipeline, PipelineOptions, Resources};
use std::path::PathBuf;
use std::process::ExitCode;

/// Train the PentaClass model that `casus extract` and `casus eval` load.
///
/// Reads `sentence<TAB>label` lines (PentaClass 0–4), runs the rule-based
/// stages on each sentence, and fits a logistic regression over hashed
/// features (words, word pairs and triples, coded events). --cv K first
/// reports K-fold cross-validated macro-F1: the honest figure, as each fold
/// is scored by a model that never saw it nor any near duplicate of it
/// (template sentences with other names and numbers stay in one fold; see
/// --near). The weights file holds numbers only, never text.
///
/// Rebuild the shipped weights:
///   casus train pentaclass --data ../shared/data/dev/pentaclass-train.tsv \
///       --cv 5 -o crates/coder/data/pentaclass.bin
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What to train: `pentaclass`.
    #[arg(value_name = "MODEL", value_parser = ["pentaclass"])]
    model: String,
    /// Labelled sentences (`sentence<TAB>label`); several allowed.
    #[arg(long, value_name = "FILE", required = true)]
    data: Vec<PathBuf>,
    /// Where to write the weights.
    #[arg(short, long, value_name = "FILE", default_value = "pentaclass.bin")]
    output: PathBuf,
    /// Report K-fold cross-validated scores before training on everything.
    #[arg(long, value_name = "K", default_value_t = 0)]
    cv: usize,
    /// Passes over the data.
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// How near is a near duplicate: the share of word trigrams two
    /// sentences' skeletons (names and numbers masked) must share to be kept
    /// in one fold.
    #[arg(long, default_value_t = 0.3)]
    near: f64,
    /// Seed for the order of examples (training is deterministic).
    #[arg(long, default_value_t = 2024)]
    seed: u64,
}

pub fn main(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new(Resources::builtin(), PipelineOptions::default());
    let mut data = Vec::new();
    for p in &args.data {
        let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        data.extend(penta::parse(&p.display().to_string(), &text)?);
    }
    anyhow::ensure!(!data.is_empty(), "no labelled sentences in {:?}", args.data);
    let rows = penta::featurize(&pipeline, &data);
    if args.cv > 1 {
        let k = args.cv;
        let texts: Vec<&str> = data.iter().map(|l| l.text.as_str()).collect();
        let groups = near_duplicate_groups(&texts, args.near);
        let fold = grouped_folds(&groups, k);
        let (mut model, mut rules) = (Vec::new(), Vec::new());
        let mut folds = Vec::new();
        for f in 0..k {
            let train: Vec<(Vec<u32>, u8)> = rows
                .iter()
                .zip(&fold)
                .filter(|(_, &g)| g != f)
                .map(|(r, _)| (r.0.clone(), r.1))
                .collect();
            let m = Classifier::train(&train, args.epochs, args.seed);
            let held: Vec<&(Vec<u32>, u8, u8)> = rows
                .iter()
                .zip(&fold)
                .filter(|(_, &g)| g == f)
                .map(|(r, _)| r)
                .collect();
            let pairs: Vec<(u8, u8)> = held.iter().map(|r| (r.1, m.predict(&r.0).0)).collect();
            folds.push(penta::score(&pairs).macro_f1);
            model.extend(pairs);
            rules.extend(held.iter().map(|r| (r.1, r.2)));
        }
        let m = penta::score(&model);
        let r = penta::score(&rules);
        let per: Vec<String> = folds.iter().map(|f| format!("{f:.3}")).collect();
        println!(
            "{k}-fold grouped cross-validation on {} sentences ({} near-duplicate groups; {} sentences share a group, the largest has {}):",
            rows.len(),
            groups.groups,
            groups.in_shared_groups(),
            groups.largest()
        );
        println!(
            "  model  macro-F1 {:.3}  accuracy {:.3}  (folds: {})",
            m.macro_f1,
            m.accuracy,
            per.join(" ")
        );
        println!("  rules  macro-F1 {:.3}  accuracy {:.3}", r.macro_f1, r.accuracy);
    }
    let train: Vec<(Vec<u32>, u8)> = rows.iter().map(|r| (r.0.clone(), r.1)).collect();
    let m = Classifier::train(&train, args.epochs, args.seed);
    let bytes = m.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "casus train: {} sentences, {} epochs: wrote {} ({} KB)",
        rows.len(),
        args.epochs,
        args.output.display(),
        bytes.len() / 1024
    );
    Ok(ExitCode::SUCCESS)
}
