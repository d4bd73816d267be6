//! `casus eval`: how casus does on labelled data.

use anyhow::{Context, Result};
use casus_eval::{bio, penta, plover};
use casus_pipeline::{Pipeline, PipelineOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Measure casus on labelled data and print a table (or JSON).
///
/// --penta FILE: `sentence<TAB>label` lines with PentaClass labels (0
/// statement, 1 verbal cooperation, 2 material cooperation, 3 verbal
/// conflict, 4 material conflict): per-class and macro-averaged F1 of the
/// class of each sentence's main coded event.
///
/// --bio FILE: sentences with source and target spans in BIO tags
/// (`token TAG` per line, S = source, T = target): the share of gold spans
/// a mention covers, and the share covered by a mention resolved to an
/// actor with a country.
///
/// --plover FILE: PLOVER gold-standard records (a JSON array): the share of
/// gold actors found, and the share found with the right country.
///
/// --timeml DIR: TimeML documents (`.tml`, TimeBank, AQUAINT, TempEval-3),
/// each document's creation time (DCT) as its publication date: strict and
/// relaxed extraction P/R/F1, value and type F1 and accuracy, as the
/// TempEval-3 scorer computes them.
///
/// --geo FILE: toponyms with coordinates (the XML of LGL, TR-News and
/// GeoVirus; several allowed): recognition P/R/F1, the share of found
/// toponyms resolved within 161 km, median error and AUC, and the share of
/// all gold toponyms found and resolved within 161 km; once for `places`
/// alone, once counting the country and place mentions among the actors.
///
/// --quotes DIR: attributions in brat standoff (PolNeAR's layout: DIR/text
/// and DIR/attributions): token overlap P/R/F1 over source, cue and content
/// (Citron's metric), attributions found (contents sharing half their
/// words), speaker right, recall with and without quotation marks; for
/// casus's quotes, for the learned tagger alone and for the rules alone.
///
/// --acled FILE: snippets labelled with ACLED types (our golden set,
/// crates/eval/data/acled-golden.tsv: `TYPE<TAB>sentence`; several allowed):
/// the type of each snippet's surest typed event, a confusion table,
/// accuracy and weighted F1; or police-event sentences (KILL ARREST
/// ANY_ACTION FAIL FORCE) and incident reports (ARMED_ASSAULT BOMBING
/// KIDNAPPING OTHER), each label's precision and recall against the
/// ACLED types it stands for.
///
/// --html DIR: real web pages with snippets their main text must and must
/// not contain (trafilatura's benchmark: DIR/expectations.jsonl beside the
/// pages): precision, recall, F1 and accuracy by trafilatura's rule, and
/// pages extracted per second on one thread.
///
/// --stories FILE --articles PATH: articles labelled with their story
/// (`id<TAB>story`, `-` for a story of its own; casus's own labels of 466
/// real articles are crates/eval/data/stories-polnear.tsv) and where the
/// articles are (a PolNeAR folder, or any input casus reads): the articles
/// are coded and stored oldest first in a store of their own with `casus
/// ingest`'s defaults, and their stories scored with B-cubed precision,
/// recall and F1.
///
/// Example:
///   casus eval --penta dev/pentaclass-train.tsv --bio dev/source-target-train.bio \
///              --plover dev/plover-gsr.json --timeml dev/times
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A BIO file of source (S) and target (T) spans.
    #[arg(long, value_name = "FILE")]
    bio: Option<PathBuf>,
    /// A `sentence<TAB>label` file of PentaClass labels (0–4).
    #[arg(long, value_name = "FILE")]
    penta: Option<PathBuf>,
    /// A PLOVER gold-standard JSON file.
    #[arg(long, value_name = "FILE")]
    plover: Option<PathBuf>,
    /// Extra actor dictionaries, as for `casus extract` (several allowed;
    /// casus's own format or PETRARCH/TABARI actor and agent files).
    #[arg(long, value_name = "FILE")]
    dictionary: Vec<PathBuf>,
    /// Extra event words, as for `casus extract` (casus's format or a
    /// PETRARCH verb dictionary; several allowed).
    #[arg(long, visible_alias = "verbs", value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// A geoparsing corpus (LGL, TR-News or GeoVirus XML); several allowed.
    #[arg(long, value_name = "FILE")]
    geo: Vec<PathBuf>,
    /// A TimeML file, or a folder of them (searched recursively).
    #[arg(long, value_name = "DIR")]
    timeml: Option<PathBuf>,
    /// Extra time words, as for `casus extract`.
    #[arg(long, value_name = "FILE")]
    times: Vec<PathBuf>,
    /// ACLED-labelled snippets (see above); several allowed.
    #[arg(long, value_name = "FILE")]
    acled: Vec<PathBuf>,
    /// An attribution corpus folder (`text/`, `attributions/`); several allowed.
    #[arg(long, value_name = "DIR")]
    quotes: Vec<PathBuf>,
    /// Extra attribution cues, as for `casus extract`.
    #[arg(long, value_name = "FILE")]
    cues: Vec<PathBuf>,
    #[command(flatten)]
    acled_tables: crate::reading::AcledArgs,
    /// Attribution-tagger weights to measure instead of the shipped ones.
    #[arg(long, value_name = "FILE")]
    quotes_model: Option<PathBuf>,
    /// PentaClass weights to measure instead of the shipped ones (for
    /// held-out data, train on other data with `casus train`).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Side-tagger weights to measure instead of the shipped ones (train
    /// them on other data with `casus train sides`).
    #[arg(long, value_name = "FILE")]
    sides_model: Option<PathBuf>,
    /// Also print on stderr, one tab-separated line each, what was missed,
    /// wrong or extra: TimeML expressions (wrong span, type or value),
    /// toponyms (`places` missed, resolved over 161 km away, not in the
    /// gold), attributions (missed, extra, or with the wrong speaker),
    /// stories (a gold story split, a casus story that mixes gold ones) and
    /// web-page snippets (missed, or kept though they are not main text).
    #[arg(long)]
    misses: bool,
    /// A folder of web pages with `expectations.jsonl`.
    #[arg(long, value_name = "DIR")]
    html: Option<PathBuf>,
    /// Articles labelled with their story (`id<TAB>story`).
    #[arg(long, value_name = "FILE", requires = "articles")]
    stories: Option<PathBuf>,
    /// Where the articles of --stories are: a PolNeAR folder (with its
    /// metadata.tsv) or any input casus reads; several allowed.
    #[arg(long, value_name = "PATH")]
    articles: Vec<PathBuf>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

fn read(p: &PathBuf) -> Result<String> {
    std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
}

pub fn main(args: Args) -> Result<ExitCode> {
    if args.bio.is_none()
        && args.plover.is_none()
        && args.penta.is_none()
        && args.timeml.is_none()
        && args.geo.is_empty()
        && args.quotes.is_empty()
        && args.acled.is_empty()
        && args.stories.is_none()
        && args.html.is_none()
    {
        anyhow::bail!(
            "nothing to measure: give --penta FILE, --bio FILE, --plover FILE, --timeml DIR, --geo FILE, --quotes DIR, --acled FILE, --html DIR and/or --stories FILE --articles PATH"
        );
    }
    let resources = crate::reading::load_resources(
        crate::reading::UserFiles {
            dictionaries: &args.dictionary,
            lexicons: &args.lexicon,
            times: &args.times,
            cues: &args.cues,
            acled: args.acled_tables.files(),
            ..Default::default()
        },
        casus_pipeline::Models {
            pentaclass: args.model.as_deref(),
            relevance: None,
            sides: args.sides_model.as_deref(),
            quotes: args.quotes_model.as_deref(),
        },
    )?;
    let pipeline = Pipeline::new(resources, PipelineOptions::default());
    let mut json = serde_json::Map::new();
    if let Some(p) = &args.penta {
        let data = penta::parse(&p.display().to_string(), &read(p)?)?;
        let r = penta::evaluate(&pipeline, &data);
        if !args.json {
            println!("{} ({} sentences)", p.display(), r.model.sentences);
            println!(
                "  sentences with a coded act                    {}",
                casus_eval::Share {
                    hit: r.rules.with_event,
                    total: r.rules.sentences
                }
            );
            for (name, rep) in [
                ("rules (main event)", &r.rules),
                ("model (words + events)", &r.model),
                ("events (surest, output)", &r.events),
            ] {
                println!(
                    "  {name:<24} macro-F1 {:.3}  accuracy {:.3}",
                    rep.macro_f1, rep.accuracy
                );
                let f1: Vec<String> = rep.classes.iter().map(|c| format!("{:.3}", c.f1)).collect();
                println!("    F1 by class 0-4: {}", f1.join("  "));
            }
            println!(
                "  (the shipped model was trained on casus's dev data: on that data, use\n   \
                 `casus train pentaclass --cv 5` for held-out figures)"
            );
        }
        json.insert("penta".into(), serde_json::to_value(&r)?);
    }
    if let Some(p) = &args.bio {
        let sentences = bio::parse(&p.display().to_string(), &read(p)?)?;
        let r = bio::evaluate(&pipeline, &sentences);
        if !args.json {
            println!("{} ({} sentences)", p.display(), r.sentences);
            println!("  source/target spans covered by a mention      {}", r.covered);
            println!(
                "    sources                                     {}",
                r.covered_source
            );
            println!(
                "    targets                                     {}",
                r.covered_target
            );
            println!("  covered by a mention with a country           {}", r.resolved);
            println!(
                "  event source/target spans (main event)        P {:.3}  R {:.3}  F1 {:.3}",
                r.spans.precision, r.spans.recall, r.spans.f1
            );
            println!(
                "  the same, word level (R counts as both)      P {:.3}  R {:.3}  F1 {:.3}",
                r.words.precision, r.words.recall, r.words.f1
            );
            println!("  (the shipped side tagger was trained on casus's dev BIO data: on that data, use");
            println!("   `casus train sides --cv 5` for held-out figures)");
        }
        json.insert("bio".into(), serde_json::to_value(&r)?);
    }
    if let Some(p) = &args.plover {
        let records = plover::parse(&p.display().to_string(), &read(p)?)?;
        let r = plover::evaluate(&pipeline, &records);
        if !args.json {
            println!("{} ({} records)", p.display(), r.records);
            println!("  gold actors found                             {}", r.found);
            println!(
                "  gold country actors found with that country   {}",
                r.right_country
            );
            println!("  PLOVER category of the main event             {}", r.category);
        }
        json.insert("plover".into(), serde_json::to_value(&r)?);
    }
    if let Some(p) = &args.timeml {
        let docs = casus_eval::timeml::read(p)?;
        let r = casus_eval::timeml::evaluate(&pipeline, &docs);
        if !args.json {
            print_timeml(&p.display().to_string(), &r);
        }
        if args.misses {
            for m in &r.misses {
                eprintln!("{m}");
            }
        }
        json.insert("timeml".into(), serde_json::to_value(&r)?);
    }
    let mut quotes = serde_json::Map::new();
    for p in &args.quotes {
        let docs = casus_attrib::brat::read_dir(p)?;
        use casus_eval::quotes::{evaluate, predicted, rules_alone, tagger_alone};
        let rows = [
            ("quotes", evaluate(&docs, |t| predicted(&pipeline, t))),
            ("tagger alone", evaluate(&docs, |t| tagger_alone(&pipeline, t))),
            ("rules alone", evaluate(&docs, |t| rules_alone(&pipeline, t))),
        ];
        if !args.json {
            print_quotes(&p.display().to_string(), &rows);
        }
        if args.misses {
            for m in &rows[0].1.misses {
                eprintln!("{m}");
            }
        }
        let v: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .map(|(k, r)| Ok((k.to_string(), serde_json::to_value(r)?)))
            .collect::<Result<_>>()?;
        quotes.insert(p.display().to_string(), serde_json::Value::Object(v));
    }
    if !quotes.is_empty() {
        json.insert("quotes".into(), serde_json::Value::Object(quotes));
    }
    let mut acled = serde_json::Map::new();
    for p in &args.acled {
        let r = crate::eval_acled::run(&pipeline, p, args.json)?;
        acled.insert(p.display().to_string(), serde_json::to_value(&r)?);
    }
    if !acled.is_empty() {
        json.insert("acled".into(), serde_json::Value::Object(acled));
    }
    let mut geo = serde_json::Map::new();
    for p in &args.geo {
        let file = casus_eval::geo::parse(&p.display().to_string(), &read(p)?)?;
        let r = casus_eval::geo::evaluate(&pipeline, &file);
        if !args.json {
            print_geo(&p.display().to_string(), &r);
        }
        if args.misses {
            for m in &r.places.misses {
                eprintln!("{}\t{m}", p.display());
            }
        }
        geo.insert(p.display().to_string(), serde_json::to_value(&r)?);
    }
    if !geo.is_empty() {
        json.insert("geo".into(), serde_json::Value::Object(geo));
    }
    if let Some(dir) = &args.html {
        let r = crate::eval_html::run(&pipeline, dir, args.json, args.misses)?;
        json.insert("html".into(), serde_json::to_value(&r)?);
    }
    if let Some(p) = &args.stories {
        let r = crate::eval_stories::run(&pipeline, p, &args.articles, args.json)?;
        if args.misses {
            for m in &r.misses {
                eprintln!("{m}");
            }
        }
        json.insert("stories".into(), serde_json::to_value(&r)?);
    }
    if args.json {
        println!("{}", serde_json::Value::Object(json));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_timeml(path: &str, r: &casus_eval::timeml::Report) {
    println!(
        "{path} ({} documents, {} time expressions, {} found)",
        r.documents, r.relaxed.gold, r.relaxed.predicted
    );
    println!("                        P      R      F1");
    for (name, s) in [
        ("strict extraction", &r.strict),
        ("relaxed extraction", &r.relaxed),
        ("value (relaxed span)", &r.value),
        ("type (relaxed span)", &r.kind),
    ] {
        println!("  {name:<20} {:.3}  {:.3}  {:.3}", s.precision, s.recall, s.f1);
    }
    println!(
        "  of the relaxed matches: value right {}, type right {}",
        r.value_accuracy, r.type_accuracy
    );
    let by: Vec<String> = r.recall_by_type.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!("  recall by gold type: {}", by.join(", "));
}

fn print_geo(path: &str, r: &casus_eval::geo::GeoReport) {
    println!(
        "{path} ({} articles, {} toponyms; {} left out, their words not at their offsets)",
        r.articles, r.gold, r.dropped
    );
    println!(
        "                       recognition P  R      F1     within 161 km  median km  AUC    end to end"
    );
    for (name, s) in [("places", &r.places), ("places + actors", &r.with_actors)] {
        println!(
            "  {name:<20} {:.3}  {:.3}  {:.3}  {:.3}          {:>9.0}  {:.3}  {:.3}",
            s.recognition.precision,
            s.recognition.recall,
            s.recognition.f1,
            s.within_161km.rate(),
            s.median_km,
            s.auc,
            s.end_to_end.rate(),
        );
    }
}

fn print_quotes(path: &str, rows: &[(&str, casus_eval::quotes::Report)]) {
    let docs = rows.first().map_or(0, |r| r.1.documents);
    let gold = rows.first().map_or(0, |r| r.1.attributions.gold);
    println!("{path} ({docs} articles, {gold} attributions)");
    println!(
        "  {:<13} {:>17} {:>17} {:>17} {:>17} {:>17} {:>17} {:>8} {:>8} {:>8}",
        "",
        "all words P/R/F1",
        "source",
        "cue",
        "content",
        "attributions",
        "exact",
        "speaker",
        "R quoted",
        "unquoted"
    );
    let prf = |s: &casus_eval::bio::SpanScore| format!("{:.2}/{:.2}/{:.2}", s.precision, s.recall, s.f1);
    for (name, r) in rows {
        println!(
            "  {:<13} {:>17} {:>17} {:>17} {:>17} {:>17} {:>17} {:>8.3} {:>8.3} {:>8.3}",
            name,
            prf(&r.all),
            prf(&r.source),
            prf(&r.cue),
            prf(&r.content),
            prf(&r.attributions),
            prf(&r.exact),
            r.speaker_right.rate(),
            r.recall_quoted.rate(),
            r.recall_unquoted.rate()
        );
    }
}
