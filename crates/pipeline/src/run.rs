//! A batch run: read on one thread, process on all cores, deliver in order.

use crate::{Dedup, Known, Pipeline};
use casus_core::Article;
use casus_ingest::{read_input, IngestError, Input, RawDoc, ReadOptions, Severity};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub read: ReadOptions,
    /// Documents processed together on the thread pool.
    pub batch: usize,
    /// Articles not to process again (a store's); they reach the sink as
    /// [`Item::Unchanged`].
    pub known: Option<Arc<Known>>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            read: ReadOptions::default(),
            batch: 256,
            known: None,
        }
    }
}

/// What the sink receives, in input order.
#[derive(Debug)]
pub enum Item {
    Article(Box<Article>),
    Problem(IngestError),
    /// A document [`RunOptions::known`] already holds as it is: not
    /// processed again.
    Unchanged(casus_core::Origin),
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub inputs: usize,
    /// Articles written (duplicates included).
    pub read: usize,
    pub skipped: usize,
    pub failed: usize,
    /// Documents not processed again, because the store holds them as
    /// they are ([`RunOptions::known`]).
    pub unchanged: usize,
    /// Articles whose body an earlier article already had.
    pub duplicates: usize,
    /// Articles per language code.
    pub languages: BTreeMap<String, usize>,
    pub bytes_of_text: u64,
    pub elapsed: Duration,
}

impl Summary {
    /// Adds the counts of another run over other inputs (a worker's runs
    /// over the inputs it claimed, one after another).
    pub fn absorb(&mut self, other: Summary) {
        self.inputs += other.inputs;
        self.read += other.read;
        self.skipped += other.skipped;
        self.failed += other.failed;
        self.unchanged += other.unchanged;
        self.duplicates += other.duplicates;
        for (lang, n) in other.languages {
            *self.languages.entry(lang).or_default() += n;
        }
        self.bytes_of_text += other.bytes_of_text;
        self.elapsed += other.elapsed;
    }

    fn count(&mut self, item: &Item) {
        match item {
            Item::Article(a) => {
                self.read += 1;
                self.bytes_of_text += a.text.len() as u64;
                self.duplicates += usize::from(a.duplicate_of.is_some());
                let lang = a.language.clone().unwrap_or_else(|| "unknown".into());
                *self.languages.entry(lang).or_default() += 1;
            }
            Item::Unchanged(_) => self.unchanged += 1,
            Item::Problem(e) => match e.severity() {
                Severity::Skipped => self.skipped += 1,
                Severity::Failed => self.failed += 1,
            },
        }
    }
}

/// Runs the pipeline over `inputs`, handing every article and problem to
/// `sink` in input order. A sink error (say, a closed pipe) stops the run
/// and is returned; problems with inputs never stop it.
pub fn run<E>(
    inputs: &[Input],
    pipeline: &Pipeline,
    opts: &RunOptions,
    mut sink: impl FnMut(Item) -> Result<(), E>,
) -> Result<Summary, E> {
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    let batch = opts.batch.max(1);
    let (tx, rx) = sync_channel::<Vec<Result<RawDoc, IngestError>>>(2);
    let mut summary = Summary {
        inputs: inputs.len(),
        ..Summary::default()
    };
    let mut dedup = Dedup::default();
    let known = opts.known.as_deref();
    let result = std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut pending = Vec::with_capacity(batch);
            for input in inputs {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                read_input(input, &opts.read, &mut |doc| {
                    pending.push(doc);
                    if pending.len() >= batch && !stop.load(Ordering::Relaxed) {
                        let full = std::mem::replace(&mut pending, Vec::with_capacity(batch));
                        if tx.send(full).is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                });
            }
            if !pending.is_empty() {
                let _ = tx.send(pending);
            }
            drop(tx);
        });
        // Batches are processed on the pool while the sink (serialising,
        // writing, storing) takes the batch before: with more than one
        // worker, on its own thread, so the cores never wait for the
        // writer. In input order either way.
        let process = |docs: Vec<Result<RawDoc, IngestError>>, dedup: &mut Dedup| -> Vec<Item> {
            let done: Vec<_> = docs
                .into_par_iter()
                .map(|d| d.and_then(|d| guarded(pipeline, d, known)))
                .collect();
            done.into_iter()
                .map(|r| match r {
                    Ok(Err(origin)) => Item::Unchanged(origin),
                    Ok(Ok(mut p)) => {
                        p.article.duplicate_of = dedup.check(p.body_hash, &p.article.id);
                        Item::Article(Box::new(p.article))
                    }
                    Err(e) => Item::Problem(e),
                })
                .collect()
        };
        let mut deliver = |items: Vec<Item>| -> Result<(), E> {
            for item in items {
                summary.count(&item);
                sink(item).inspect_err(|_| stop.store(true, Ordering::Relaxed))?;
            }
            Ok(())
        };
        if rayon::current_num_threads() < 2 {
            for docs in rx.iter() {
                if let Err(e) = deliver(process(docs, &mut dedup)) {
                    drop(rx); // the reader stops at its next send
                    return Err(e);
                }
            }
            return Ok(());
        }
        let (done_tx, done_rx) = sync_channel::<Vec<Item>>(1);
        scope.spawn(move || {
            for docs in rx.iter() {
                if done_tx.send(process(docs, &mut dedup)).is_err() {
                    break;
                }
            }
        });
        for items in done_rx.iter() {
            deliver(items)?;
        }
        Ok(())
    });
    result?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// One document through the pipeline; a panic in it (a bug in casus or a
/// library it calls) becomes that document's failure, reported with its
/// origin, never the batch's.
/// A document the store holds as it is comes back as `Err(its origin)`.
fn guarded(
    pipeline: &Pipeline,
    doc: RawDoc,
    known: Option<&Known>,
) -> Result<Result<crate::Processed, casus_core::Origin>, IngestError> {
    let origin = doc.origin.clone();
    guard(origin.clone(), || {
        Ok(pipeline.process_unless(doc, known)?.ok_or(origin))
    })
}

fn guard<T>(
    origin: casus_core::Origin,
    f: impl FnOnce() -> Result<T, IngestError>,
) -> Result<T, IngestError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_string());
            Err(IngestError::Crashed { origin, what })
        }
    }
}

/// Runs the pipeline over `paths` (files or directories) with the built-in
/// resources and returns the articles in input order; problems are left
/// out. For tests and small jobs; use [`run`] to stream.
pub fn articles_of<P: AsRef<std::path::Path>>(paths: &[P]) -> Vec<Article> {
    let pipeline = Pipeline::new(crate::Resources::builtin(), crate::PipelineOptions::default());
    let inputs = casus_ingest::collect_inputs(paths).inputs;
    let mut out = Vec::new();
    let sink = |item: Item| {
        if let Item::Article(a) = item {
            out.push(*a);
        }
        Ok::<_, std::convert::Infallible>(())
    };
    match run(&inputs, &pipeline, &RunOptions::default(), sink) {
        Ok(_) => out,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_core::Origin;

    #[test]
    fn a_panic_in_one_document_is_that_documents_failure_with_its_origin() {
        let r: Result<(), _> = guard(Origin::file("bad.html"), || panic!("index out of range"));
        let e = r.unwrap_err();
        assert_eq!(e.severity(), Severity::Failed);
        let msg = e.to_string();
        assert!(
            msg.contains("bad.html") && msg.contains("index out of range"),
            "{msg}"
        );
        assert_eq!(guard(Origin::file("ok.txt"), || Ok(3)).unwrap(), 3);
    }

    #[test]
    fn documents_the_store_holds_are_not_processed_again_and_keep_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            "Police arrested two men in the port on Sunday.",
            "The council met on Monday and approved the budget.",
            "Farmers protested outside the ministry on Tuesday.",
        ];
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
        }
        let pipeline = Pipeline::new(crate::Resources::builtin(), crate::PipelineOptions::default());
        let inputs = casus_ingest::collect_inputs(&[dir.path()]).inputs;
        let opts = RunOptions {
            known: Some(Arc::new(Known::new(|_, text| text.contains("council")))),
            ..RunOptions::default()
        };
        let mut seen = Vec::new();
        let summary = run(&inputs, &pipeline, &opts, |item| {
            seen.push(match item {
                Item::Article(a) => format!("article {}", a.text),
                Item::Unchanged(o) => format!("unchanged {o}"),
                Item::Problem(e) => format!("problem {e}"),
            });
            Ok::<_, ()>(())
        })
        .unwrap();
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0], format!("article {}", texts[0]));
        assert!(
            seen[1].starts_with("unchanged ") && seen[1].ends_with("1.txt"),
            "{}",
            seen[1]
        );
        assert_eq!(seen[2], format!("article {}", texts[2]));
        assert_eq!((summary.read, summary.unchanged), (2, 1));
    }
}
