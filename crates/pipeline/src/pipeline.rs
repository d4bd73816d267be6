//! One raw document to one article.

use crate::annotate::{annotate, Annotations};
use crate::dedup::body_hash;
use crate::Resources;
use casus_core::{Article, CharMap, Dateline};
use casus_ingest::published::{choose, dateline_date};
use casus_ingest::{clean_with, DateCandidate, HtmlLimits, IngestError, RawDoc};
use casus_nlp::{detect_language, english_share};
use std::sync::Arc;
use xxhash_rust::xxh3::xxh3_64;

#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// ISO 8601 date for documents that carry none (`--published`).
    pub default_published: Option<String>,
    /// Articles less relevant than this keep no events (`--min-relevance`).
    pub min_relevance: Option<f32>,
    /// How deep and how large an HTML page may be (`--max-depth`).
    pub html: HtmlLimits,
    /// Time one document may take (`--doc-budget`); past it the language
    /// stages stop and the document is skipped as over its budget.
    pub budget: Option<std::time::Duration>,
}

/// The stages with their resources; cheap to clone and share across threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    res: Arc<Resources>,
    opts: PipelineOptions,
}

/// The articles a store already holds, by id and text: what a run need
/// not process again (`casus ingest` of what it has stored).
pub struct Known(Box<Holds>);

/// `holds(id, text)`.
type Holds = dyn Fn(&str, &str) -> bool + Send + Sync;

impl Known {
    /// `holds(id, text)` says whether the store has article `id` with
    /// exactly this text.
    pub fn new(holds: impl Fn(&str, &str) -> bool + Send + Sync + 'static) -> Self {
        Known(Box::new(holds))
    }

    pub fn holds(&self, id: &str, text: &str) -> bool {
        (self.0)(id, text)
    }
}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Known(..)")
    }
}

/// An article and the hash of its body, for duplicate detection.
#[derive(Debug, Clone)]
pub struct Processed {
    pub article: Article,
    pub body_hash: u64,
}

impl Pipeline {
    pub fn new(res: Resources, opts: PipelineOptions) -> Self {
        Pipeline {
            res: Arc::new(res),
            opts,
        }
    }

    pub fn resources(&self) -> &Resources {
        &self.res
    }

    /// One document to an article, within the time budget if there is one.
    pub fn process(&self, doc: RawDoc) -> Result<Processed, IngestError> {
        let done = self.process_unless(doc, None)?;
        Ok(done.expect("without a list of known articles every document is processed"))
    }

    /// The same, unless `known` says the store already holds this article
    /// as it is (its id and text): then `None`, before the language stages
    /// run, which are nearly all of the cost.
    pub fn process_unless(
        &self,
        doc: RawDoc,
        known: Option<&Known>,
    ) -> Result<Option<Processed>, IngestError> {
        let Some(budget) = self.opts.budget else {
            return self.process_all(doc, known);
        };
        let origin = doc.origin.clone();
        casus_core::deadline::within(budget, || {
            let done = self.process_all(doc, known)?;
            if casus_core::deadline::passed() {
                return Err(IngestError::OverLimit {
                    origin,
                    what: format!(
                        "the document took longer than its time budget of {budget:?} (raise it with --doc-budget)"
                    ),
                });
            }
            Ok(done)
        })
    }

    fn process_all(&self, doc: RawDoc, known: Option<&Known>) -> Result<Option<Processed>, IngestError> {
        let c = clean_with(doc, &self.res.furniture, &self.opts.html)?;
        let id = c.id.unwrap_or_else(|| {
            let key = match &c.meta.url {
                Some(url) => url.trim().to_string(),
                None => c.origin.to_string(),
            };
            format!("{:016x}", xxh3_64(key.as_bytes()))
        });
        if known.is_some_and(|k| k.holds(&id, &c.text)) {
            return Ok(None);
        }
        let seg = self.res.segmenter.segment(&c.text);
        let map = CharMap::new(&c.text);
        let body = &c.text[c.body_start..];
        let hash = body_hash(body);
        let language = pick_language(body, c.meta.language.as_deref());
        // A document with no date of its own may still have a dated
        // dateline, and then `--published` (see `casus_ingest::published`).
        let mut warnings = c.warnings;
        let (published, published_from) = match c.meta.published {
            Some(p) => (Some(p), c.published_from),
            None => {
                let mut offered = Vec::new();
                if let Some(d) = seg
                    .dateline
                    .and_then(|d| dateline_date(d.slice(&c.text), c.fetched))
                {
                    offered.push(DateCandidate::new("dateline", "dateline", d));
                }
                if let Some(d) = &self.opts.default_published {
                    offered.push(DateCandidate::new("default", "--published", d.clone()));
                }
                let chosen = choose(&offered, c.fetched);
                warnings.extend(chosen.warnings);
                (chosen.published, chosen.from)
            }
        };
        // Only English is coded for now; other languages are marked.
        let mut coded = if language.as_deref() == Some("en") {
            annotate(&self.res, &c.text, &seg.sentences, published.as_deref(), &map)
        } else {
            Annotations::default()
        };
        if let (Some(min), Some(r)) = (self.opts.min_relevance, coded.relevance) {
            if r < min {
                coded.events.clear();
            }
        }
        let article = Article {
            id,
            url: c.meta.url,
            source: c.meta.source,
            title: c.meta.title,
            published,
            published_from: published_from.map(str::to_string),
            language,
            sentences: seg.sentences.iter().map(|s| map.span(*s)).collect(),
            sentence_classes: coded.sentence_classes,
            relevance: coded.relevance,
            mentions: coded.mentions,
            events: coded.events,
            quotes: coded.quotes,
            claims: coded.claims,
            times: coded.times,
            places: coded.places,
            dateline: seg.dateline.map(|d| Dateline {
                span: map.span(d),
                text: d.slice(&c.text).to_string(),
            }),
            text: c.text,
            author: c.meta.author,
            duplicate_of: None,
            origin: c.origin,
            warnings,
        };
        Ok(Some(Processed {
            article,
            body_hash: hash,
        }))
    }
}

/// Above this share of English function words a text is English whatever
/// the letter statistics say (English prose: about 0.3; other languages
/// in Latin script: under 0.05).
const ENGLISH_SHARE: f64 = 0.15;
/// The same, when whatlang says its own guess is unreliable.
const UNSURE_ENGLISH_SHARE: f64 = 0.1;

/// The detected language when detection is sure of itself, else the one
/// the input declares (`en-GB` is read as `en`), else the detector's guess.
fn pick_language(body: &str, declared: Option<&str>) -> Option<String> {
    let declared = declared
        .map(|d| {
            d.split(['-', '_'])
                .next()
                .unwrap_or(d)
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|d| !d.is_empty());
    // Prose this full of English function words is English whatever the
    // letter statistics would say (see below): the detector, the dearest
    // part of this, is not asked.
    let share = english_share(body);
    if share >= ENGLISH_SHARE && declared.as_deref().is_none_or(|d| d == "en") {
        return Some("en".to_string());
    }
    match detect_language(body) {
        // Short English texts full of names can look like something else.
        Some(l) if l.code != "en" && share >= ENGLISH_SHARE => Some("en".to_string()),
        // A guess whatlang itself does not trust, on a text with English
        // function words in it: a short English snippet of names.
        Some(l) if l.code != "en" && !l.reliable && share >= UNSURE_ENGLISH_SHARE => Some("en".to_string()),
        Some(l) if l.reliable => Some(l.code.to_string()),
        Some(l) => declared.or(Some(l.code.to_string())),
        None => declared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_core::Origin;
    use casus_ingest::Body;

    fn process(doc: RawDoc) -> Article {
        Pipeline::new(Resources::builtin(), PipelineOptions::default())
            .process(doc)
            .unwrap()
            .article
    }

    #[test]
    fn sentence_spans_are_code_points_into_the_text() {
        let text = "Talks Stall\n\n“We are ready,” said Dr. Amal Haddad. Délégués left.";
        let a = process(RawDoc::new(Origin::file("t.txt"), Body::Text(text.into())));
        let chars: Vec<char> = a.text.chars().collect();
        let got: Vec<String> = a
            .sentences
            .iter()
            .map(|[s, e]| chars[*s..*e].iter().collect())
            .collect();
        assert_eq!(
            got,
            [
                "Talks Stall",
                "“We are ready,” said Dr. Amal Haddad.",
                "Délégués left."
            ]
        );
    }

    #[test]
    fn ids_come_from_the_input_then_the_url_then_the_place_read() {
        let mut d = RawDoc::new(
            Origin::file("t"),
            Body::Text("The army left the town on Monday morning.".into()),
        );
        let by_body = process(d.clone()).id;
        d.meta.url = Some("https://x.example/a".into());
        let by_url = process(d.clone()).id;
        d.id = Some("mine-1".into());
        assert_eq!(process(d).id, "mine-1");
        assert_ne!(by_body, by_url);
        assert_eq!(by_url.len(), 16);
    }

    #[test]
    fn a_declared_language_decides_only_when_detection_is_unsure() {
        assert_eq!(pick_language("Ok.", Some("fr-FR")).as_deref(), Some("fr"));
        let en =
            "The government announced on Tuesday that the ceasefire would be extended for another month.";
        assert_eq!(pick_language(en, Some("de")).as_deref(), Some("en"));
    }

    #[test]
    fn the_default_published_date_fills_only_missing_dates() {
        let p = Pipeline::new(
            Resources::builtin(),
            PipelineOptions {
                default_published: Some("2024-02-01".into()),
                ..Default::default()
            },
        );
        let mut d = RawDoc::new(
            Origin::file("t"),
            Body::Text("The army left the town on Monday morning.".into()),
        );
        assert_eq!(
            p.process(d.clone()).unwrap().article.published.as_deref(),
            Some("2024-02-01")
        );
        d.meta.published = Some("2023-12-24".into());
        assert_eq!(
            p.process(d).unwrap().article.published.as_deref(),
            Some("2023-12-24")
        );
    }
}
