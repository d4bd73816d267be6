//! Measuring casus on labelled data.
//!
//! * [`bio`]: sentences with source (S) and target (T) spans in BIO tags,
//!   one `token TAG` per line, a blank line between sentences. Measures how
//!   many gold spans a mention covers, and how many of those resolve to an
//!   actor with a country.
//! * [`plover`]: PLOVER gold-standard records (JSON array with `text` and
//!   `source`/`target` actors carrying `actorText` and `code`). Measures
//!   how many gold actors a mention finds, and how many get the right
//!   country.
//!
//! * [`penta`]: `sentence<TAB>label` lines with a PentaClass label (0–4):
//!   the class of each sentence's main event against the label, as
//!   per-class and macro-averaged F1.
//!
//! * [`geo`]: toponyms with coordinates (LGL, TR-News, GeoVirus XML):
//!   recognition P/R/F1, accuracy within 161 km, median error, AUC.
//! * [`timeml`]: TimeML documents (TIMEX3 in running text, the DCT as
//!   publication date): strict and relaxed extraction, value and type F1,
//!   as TempEval-3 scores them.
//! * [`quotes`]: attributions in brat standoff (PolNeAR): token overlap
//!   over source, cue and content (Citron's metric), attributions found,
//!   speaker right, recall with and without quotation marks.
//!
//! * [`acled`]: snippets labelled with ACLED types (our golden set) or
//!   with police-event and incident labels: confusion table and weighted
//!   F1, or per-label precision and recall.
//! * [`stories`]: articles labelled with their story (`id<TAB>story`):
//!   B-cubed precision, recall and F1 of the stories the store makes, and
//!   a reader of PolNeAR's folder with each article's date and publisher.
//!
//! Every reader reports a malformed line or record with its place.

pub mod acled;
pub mod bio;
pub mod geo;
pub mod html;
pub mod penta;
pub mod plover;
pub mod quotes;
pub mod stories;
pub mod timeml;

/// A problem with an evaluation file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {what}")]
    Malformed { path: String, line: usize, what: String },
}

/// Precision, recall and F1 from the right, predicted and gold counts
/// (0 where a count is 0).
pub fn prf(right: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (share(right, predicted), share(right, gold));
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f1)
}

/// A count out of a total, printed as a share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Share {
    pub hit: usize,
    pub total: usize,
}

impl Share {
    pub fn add(&mut self, hit: bool) {
        self.hit += usize::from(hit);
        self.total += 1;
    }

    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hit as f64 / self.total as f64
        }
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1}% ({}/{})", 100.0 * self.rate(), self.hit, self.total)
    }
}

/// Segmentation, actors and events on one piece of plain text.
pub(crate) fn coded(
    pipeline: &casus_pipeline::Pipeline,
    text: &str,
) -> (Vec<casus_actors::Found>, Vec<casus_coder::Coded>) {
    let res = pipeline.resources();
    let sentences = res.segmenter.segment(text).sentences;
    let found = res.actors.recognize(text, &sentences, None);
    let events = res.coder.code(text, &sentences, &found);
    (found, events)
}
