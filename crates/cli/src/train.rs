//! `casus train`: rebuild the learned parts from labelled data.

use anyhow::{Context, Result};
use casus_coder::Classifier;
use casus_eval::penta;
use casus_learn::{grouped_folds, near_duplicate_groups};
use casus_pipeline::{Pipeline, PipelineOptions, Resources};
use std::path::PathBuf;
use std::process::ExitCode;

mod quotes;

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
/// `casus train syntax` fits the part-of-speech tagger and the dependency
/// parser on CoNLL-U trees (averaged perceptrons) and scores them on --dev.
///
/// `casus train sides` fits the tagger that marks the words of an event's
/// source and target, on BIO-tagged sentences (`token TAG`, S/T/R), and
/// with --cv K compares it with the rules' phrases on grouped folds.
///
/// `casus train quotes` fits the attribution tagger (source, cue and
/// content of who said what) on brat folders in PolNeAR's layout
/// (`text/`, `attributions/`), and scores it on --dev folders.
///
/// `casus train relevance` fits the article relevance score the same way,
/// over an article's words and word pairs.
///
/// Rebuild the shipped weights:
///   casus train pentaclass --data ../shared/data/dev/pentaclass-train.tsv \
///       --cv 5 -o crates/coder/data/pentaclass.bin
///   D=../shared/data/dev/events
///   casus train relevance --data $D/bbc-news-train.tsv \
///       --relevant $D/satp-relevant-train.tsv \
///       --dev $D/bbc-news-dev.tsv --dev-relevant $D/satp-relevant-dev.tsv \
///       -o crates/coder/data/relevance.bin
///   casus train syntax --data ../shared/data/dev/parses/train.conllu.gz \
///       --dev ../shared/data/dev/parses/dev.conllu.gz --epochs 6 -o crates/syntax/data
///   casus train sides --data ../shared/data/dev/source-target-train.bio \
///       --cv 5 --epochs 3 -o crates/coder/data/sides.bin
///   casus train quotes --data ../shared/data/dev/quotes/train \
///       --dev ../shared/data/dev/quotes/dev --epochs 6 -o crates/attrib/data/attrib.bin
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What to train: `pentaclass`, `relevance`, `syntax`, `sides` or `quotes`.
    #[arg(value_name = "MODEL", value_parser = ["pentaclass", "relevance", "syntax", "sides", "quotes"])]
    model: String,
    /// Labelled data; several allowed. pentaclass: `sentence<TAB>label`
    /// (0–4). relevance: `text<TAB>label[<TAB>more labels]`, the first
    /// label 1 for an article that reports political or conflict events.
    #[arg(long, value_name = "FILE", required = true)]
    data: Vec<PathBuf>,
    /// relevance: texts that are all relevant whatever their labels say
    /// (security incident reports); several allowed.
    #[arg(long, value_name = "FILE")]
    relevant: Vec<PathBuf>,
    /// relevance: held-out files in the --data format, scored after
    /// training (precision, recall and F1 of "relevant" at 0.5).
    /// syntax: held-out CoNLL-U files (POS accuracy, UAS, LAS).
    #[arg(long, value_name = "FILE")]
    dev: Vec<PathBuf>,
    /// relevance: held-out files in the --relevant format.
    #[arg(long, value_name = "FILE")]
    dev_relevant: Vec<PathBuf>,
    /// Where to write the weights (syntax: a folder, which gets
    /// tagger.bin, parser.bin and labels.bin).
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

/// `text<TAB>label...` rows: (text, first label is 1, or `all`).
fn relevance_rows(paths: &[PathBuf], all: bool) -> Result<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        for (i, line) in text.lines().enumerate() {
            let mut cols = line.split('\t');
            let t = cols.next().unwrap_or("").trim();
            if t.is_empty() {
                continue;
            }
            let label = cols.next().map(str::trim);
            let relevant = match (all, label) {
                (true, _) => true,
                (false, Some("1")) => true,
                (false, Some("0")) => false,
                (false, other) => anyhow::bail!(
                    "{}:{}: expected `text<TAB>0` or `text<TAB>1`, found the label {:?}",
                    p.display(),
                    i + 1,
                    other.unwrap_or("")
                ),
            };
            out.push((t.to_string(), relevant));
        }
    }
    Ok(out)
}

fn train_relevance(args: &Args) -> Result<ExitCode> {
    let mut data = relevance_rows(&args.data, false)?;
    data.extend(relevance_rows(&args.relevant, true)?);
    anyhow::ensure!(!data.is_empty(), "no labelled texts in {:?}", args.data);
    let pairs: Vec<(&str, bool)> = data.iter().map(|(t, r)| (t.as_str(), *r)).collect();
    let m = casus_coder::Relevance::train(&pairs, args.epochs, args.seed);
    let mut dev = relevance_rows(&args.dev, false)?;
    dev.extend(relevance_rows(&args.dev_relevant, true)?);
    if !dev.is_empty() {
        let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
        for (t, gold) in &dev {
            match (m.score(t) >= 0.5, *gold) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => tn += 1,
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!(
            "held-out: {} texts ({} relevant): relevant at 0.5: P {p:.3}  R {r:.3}  F1 {f:.3}  accuracy {:.3}",
            dev.len(),
            tp + fn_,
            (tp + tn) as f64 / dev.len() as f64
        );
    }
    write_weights(
        &args.output,
        &m.to_bytes(),
        &format!("{} texts, {} epochs", data.len(), args.epochs),
    )
}

fn train_syntax(args: &Args) -> Result<ExitCode> {
    let mut trees = Vec::new();
    for p in &args.data {
        trees.extend(casus_syntax::conllu::read_file(p)?);
    }
    anyhow::ensure!(!trees.is_empty(), "no trees in {:?}", args.data);
    let start = std::time::Instant::now();
    let s = casus_syntax::Syntax::train(&trees, args.epochs, args.seed);
    eprintln!(
        "casus train: {} sentences, {} epochs in {:.0} s",
        trees.len(),
        args.epochs,
        start.elapsed().as_secs_f64()
    );
    for p in &args.dev {
        let dev = casus_syntax::conllu::read_file(p)?;
        let sc = casus_syntax::evaluate(&s, &dev);
        println!(
            "{}: {} sentences, {} tokens: POS accuracy {:.3}  UAS {:.3}  LAS {:.3}  ({:.1} µs per sentence, tagging and parsing)",
            p.display(),
            sc.sentences,
            sc.tokens,
            sc.pos,
            sc.uas,
            sc.las,
            sc.micros_per_sentence
        );
    }
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let (moves, labels) = s.parser.to_bytes();
    for (name, bytes) in [
        ("tagger.bin", s.tagger.to_bytes()),
        ("parser.bin", moves),
        ("labels.bin", labels),
    ] {
        write_weights(&args.output.join(name), &bytes, name)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a weights file and says so, with what it was trained on.
fn write_weights(path: &std::path::Path, bytes: &[u8], what: &str) -> Result<ExitCode> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "casus train: {what}: wrote {} ({} KB)",
        path.display(),
        bytes.len() / 1024
    );
    Ok(ExitCode::SUCCESS)
}

/// Word-level P, R, F1 from (gold, predicted, matched) counts.
fn prf(c: (usize, usize, usize)) -> (f64, f64, f64) {
    let p = c.2 as f64 / c.1.max(1) as f64;
    let r = c.2 as f64 / c.0.max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn train_sides(args: &Args) -> Result<ExitCode> {
    use casus_coder::{gold_tags, SideTagger};
    use casus_eval::bio;
    let mut res = casus_pipeline::Resources::builtin();
    // The rules' phrases are the tagger's input: train without a tagger.
    res.coder = res.coder.clone().with_sides(None);
    let mut sentences = Vec::new();
    for p in &args.data {
        let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        sentences.extend(bio::parse(&p.display().to_string(), &text)?);
    }
    anyhow::ensure!(!sentences.is_empty(), "no sentences in {:?}", args.data);
    // Per sentence: the tagger's input (None: no event), gold, rules' spans.
    type Prepared = (Option<casus_coder::SideInput>, Vec<(usize, usize, char)>);
    let prepared: Vec<Prepared> = sentences
        .iter()
        .map(|s| {
            let whole = casus_core::Span::new(0, s.text.len());
            let found = res.actors.recognize(&s.text, &[whole], None);
            let events = res.coder.code(&s.text, &[whole], &found);
            let input = res.coder.side_input(&s.text, whole, &found, &events);
            let rules = casus_coder::main_event(&events)
                .map(|m| {
                    let mut v = Vec::new();
                    for e in events.iter().filter(|e| e.trigger == m.trigger) {
                        for (i, ph, role) in [(e.source, e.source_span, 'S'), (e.target, e.target_span, 'T')]
                        {
                            if let Some(sp) = ph.or(i.map(|i| found[i].span)) {
                                v.push((sp.start, sp.end, role));
                            }
                        }
                    }
                    v
                })
                .unwrap_or_default();
            (input, rules)
        })
        .collect();
    let rows = |keep: &dyn Fn(usize) -> bool| -> Vec<(casus_coder::SideInput, Vec<usize>)> {
        prepared
            .iter()
            .enumerate()
            .filter(|(k, _)| keep(*k))
            .filter_map(|(k, (input, _))| {
                input.clone().map(|i| {
                    let g = gold_tags(&i, &sentences[k].spans);
                    (i, g)
                })
            })
            .collect()
    };
    if args.cv > 1 {
        let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        let groups = near_duplicate_groups(&texts, args.near);
        let fold = grouped_folds(&groups, args.cv);
        let (mut learned, mut rules) = ((0, 0, 0), (0, 0, 0));
        let add = |a: &mut (usize, usize, usize), b: (usize, usize, usize)| {
            a.0 += b.0;
            a.1 += b.1;
            a.2 += b.2;
        };
        for f in 0..args.cv {
            let m = SideTagger::train(&rows(&|k| fold[k] != f), args.epochs, args.seed);
            // Scored as casus outputs it: the coder with this fold's tagger.
            let coder = res.coder.clone().with_sides(Some(m));
            for (k, (_, rule)) in prepared.iter().enumerate().filter(|(k, _)| fold[*k] == f) {
                let s = &sentences[k];
                add(&mut rules, bio::word_counts(&s.text, &s.spans, rule));
                let whole = casus_core::Span::new(0, s.text.len());
                let found = res.actors.recognize(&s.text, &[whole], None);
                let events = coder.code(&s.text, &[whole], &found);
                let pred = bio::predicted_spans(&found, &events);
                add(&mut learned, bio::word_counts(&s.text, &s.spans, &pred));
            }
        }
        let (rp, rr, rf) = prf(rules);
        let (lp, lr, lf) = prf(learned);
        println!(
            "{}-fold grouped cross-validation on {} sentences ({} near-duplicate groups), source/target words (R counts as both):",
            args.cv,
            sentences.len(),
            groups.groups
        );
        println!("  rules' phrases    P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
        println!("  learned sides     P {lp:.3}  R {lr:.3}  F1 {lf:.3}");
    }
    let m = SideTagger::train(&rows(&|_| true), args.epochs, args.seed);
    write_weights(
        &args.output,
        &m.to_bytes(),
        &format!("{} sentences, {} epochs", sentences.len(), args.epochs),
    )
}

pub fn main(args: Args) -> Result<ExitCode> {
    if args.model == "quotes" {
        return quotes::train(&args);
    }
    if args.model == "sides" {
        return train_sides(&args);
    }
    if args.model == "relevance" {
        return train_relevance(&args);
    }
    if args.model == "syntax" {
        return train_syntax(&args);
    }
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
        let (mut model, mut rules, mut events) = (Vec::new(), Vec::new(), Vec::new());
        let mut folds = Vec::new();
        for f in 0..k {
            let train: Vec<(Vec<u32>, u8)> = rows
                .iter()
                .zip(&fold)
                .filter(|(_, &g)| g != f)
                .map(|(r, _)| (r.0.clone(), r.1))
                .collect();
            let m = Classifier::train(&train, args.epochs, args.seed);
            let held: Vec<&penta::Row> = rows
                .iter()
                .zip(&fold)
                .filter(|(_, &g)| g == f)
                .map(|(r, _)| r)
                .collect();
            let pairs: Vec<(u8, u8)> = held.iter().map(|r| (r.1, m.predict(&r.0).0)).collect();
            folds.push(penta::score(&pairs).macro_f1);
            model.extend(pairs);
            rules.extend(held.iter().map(|r| (r.1, r.2)));
            events.extend(
                held.iter()
                    .map(|r| (r.1, penta::surest(&m.probabilities(&r.0), &r.3))),
            );
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
        let e = penta::score(&events);
        let per_class: Vec<String> = e
            .classes
            .iter()
            .map(|c| format!("{:.3}/{:.3}", c.precision, c.recall))
            .collect();
        println!(
            "  events macro-F1 {:.3}  accuracy {:.3}  (the surest event's class, as output; P/R by class 0-4: {})",
            e.macro_f1,
            e.accuracy,
            per_class.join(" ")
        );
    }
    let train: Vec<(Vec<u32>, u8)> = rows.iter().map(|r| (r.0.clone(), r.1)).collect();
    let m = Classifier::train(&train, args.epochs, args.seed);
    write_weights(
        &args.output,
        &m.to_bytes(),
        &format!("{} sentences, {} epochs", rows.len(), args.epochs),
    )
}
