//! Toponyms resolved to coordinates in news (the XML of LGL, TR-News and
//! GeoVirus, as gathered for "A Pragmatic Guide to Geoparsing
//! Evaluation"), scored the way its authors recommend: recognition
//! precision, recall and F1 (a found toponym overlapping a gold one),
//! and, of the gold toponyms found, the share resolved within 161 km
//! (100 miles), the median error and the area under the curve of log
//! errors (0 best, 1 worst).

use crate::bio::SpanScore;
use crate::{EvalError, Share};
use casus_pipeline::Pipeline;

/// One gold toponym: code-point span in its article's text, coordinates
/// where the corpus resolves it.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    pub start: usize,
    pub end: usize,
    pub phrase: String,
    pub at: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GeoArticle {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<Toponym>,
}

/// What reading a file gave: the articles, and how many gold toponyms
/// were left out because their words are not near their offsets.
#[derive(Debug, Clone, Default)]
pub struct GeoFile {
    pub articles: Vec<GeoArticle>,
    pub dropped: usize,
}

fn child_text<'a>(n: roxmltree::Node<'a, 'a>, tag: &str) -> Option<&'a str> {
    n.children().find(|c| c.has_tag_name(tag)).and_then(|c| c.text())
}

/// Where `phrase` is in `chars`: at `start`, one before (GeoVirus counts
/// one too many), or the nearest within twelve characters (TR-News drifts).
fn place(chars: &[char], phrase: &[char], start: usize) -> Option<usize> {
    let at = |s: usize| chars.get(s..s + phrase.len()) == Some(phrase);
    if at(start) {
        return Some(start);
    }
    (1..=12).find_map(|d| {
        [start.checked_sub(d), Some(start + d)]
            .into_iter()
            .flatten()
            .find(|&s| at(s))
    })
}

/// Reads one corpus file (either layout).
pub fn parse(path: &str, content: &str) -> Result<GeoFile, EvalError> {
    let doc = roxmltree::Document::parse(content).map_err(|e| EvalError::Malformed {
        path: path.into(),
        line: e.pos().row as usize,
        what: format!("expected the XML of a geoparsing corpus: {e}"),
    })?;
    let mut out = GeoFile::default();
    for (k, a) in doc
        .descendants()
        .filter(|n| n.has_tag_name("article"))
        .enumerate()
    {
        let text = child_text(a, "text").unwrap_or("").to_string();
        let chars: Vec<char> = text.chars().collect();
        let id = a
            .attribute("docid")
            .map_or_else(|| (k + 1).to_string(), str::to_string);
        let mut toponyms = Vec::new();
        for t in a
            .descendants()
            .filter(|n| n.has_tag_name("toponym") || n.has_tag_name("location"))
        {
            let phrase = child_text(t, "phrase")
                .or_else(|| child_text(t, "name"))
                .unwrap_or("");
            let start = child_text(t, "start").and_then(|s| s.trim().parse::<usize>().ok());
            let (Some(start), false) = (start, phrase.is_empty()) else {
                out.dropped += 1;
                continue;
            };
            let phrase_chars: Vec<char> = phrase.chars().collect();
            let Some(start) = place(&chars, &phrase_chars, start) else {
                out.dropped += 1;
                continue;
            };
            let tag = t.children().find(|c| c.has_tag_name("gaztag")).unwrap_or(t);
            let num = |n: &str| child_text(tag, n).and_then(|v| v.trim().parse::<f64>().ok());
            toponyms.push(Toponym {
                start,
                end: start + phrase_chars.len(),
                phrase: phrase.to_string(),
                at: num("lat").zip(num("lon")),
            });
        }
        toponyms.sort_by_key(|t| (t.start, t.end));
        toponyms.dedup_by_key(|t| (t.start, t.end));
        out.articles.push(GeoArticle { id, text, toponyms });
    }
    Ok(out)
}

/// A toponym casus found: its code-point span, and its coordinates when
/// it is resolved.
pub type FoundPlace = ([usize; 2], Option<(f64, f64)>);

/// Great-circle distance in km.
pub use casus_resolve::km;

/// One row of the table: recognition and resolution of one set of
/// system toponyms.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct GeoScore {
    pub recognition: SpanScore,
    /// Of the gold toponyms with coordinates that were found with
    /// coordinates: within 161 km.
    pub within_161km: Share,
    pub median_km: f64,
    /// Mean of ln(1 + error) / ln(20039): the area under the error curve.
    pub auc: f64,
    /// Of every gold toponym with coordinates: found and within 161 km.
    pub end_to_end: Share,
    #[serde(skip)]
    errors: Vec<f64>,
    /// Gold toponyms missed or resolved more than 161 km away, and found
    /// toponyms not in the gold (`casus eval --misses`).
    #[serde(skip)]
    pub misses: Vec<String>,
}

impl GeoScore {
    fn add(&mut self, article: &GeoArticle, found: &[FoundPlace]) {
        let gold = &article.toponyms[..];
        let chars: Vec<char> = article.text.chars().collect();
        let words = |s: usize, e: usize| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect::<String>()
        };
        self.recognition.gold += gold.len();
        self.recognition.predicted += found.len();
        let overlaps = |g: &Toponym, s: [usize; 2]| s[0] < g.end && g.start < s[1];
        for (s, _) in found {
            if gold.iter().any(|g| overlaps(g, *s)) {
                self.recognition.matched_predicted += 1;
            } else {
                let context = words(s[0].saturating_sub(40), s[1] + 40).replace(['\n', '\t'], " ");
                self.misses
                    .push(format!("{}\textra\t{}\t{context}", article.id, words(s[0], s[1])));
            }
        }
        for g in gold {
            let hit = found
                .iter()
                .filter(|(s, _)| overlaps(g, *s))
                .min_by_key(|(s, _)| s[0].abs_diff(g.start));
            self.recognition.matched_gold += usize::from(hit.is_some());
            if hit.is_none() {
                let context = words(g.start.saturating_sub(40), g.end + 40).replace(['\n', '\t'], " ");
                self.misses
                    .push(format!("{}\tmissed\t{}\t{context}", article.id, g.phrase));
            }
            let Some(truth) = g.at else { continue };
            let error = hit.and_then(|(_, at)| at.map(|at| km(at, truth)));
            if let (Some(e), Some((s, at))) = (error.filter(|e| *e > 161.0), hit) {
                self.misses.push(format!(
                    "{}\tfar\t{}\t{:.0} km\tgold {:.2},{:.2}\tfound {:?}",
                    article.id,
                    words(s[0], s[1]),
                    e,
                    truth.0,
                    truth.1,
                    at
                ));
            }
            if let Some(e) = error {
                self.within_161km.add(e <= 161.0);
                self.errors.push(e);
            }
            self.end_to_end.add(error.is_some_and(|e| e <= 161.0));
        }
    }

    fn finish(&mut self) {
        self.recognition.finish();
        self.errors.sort_by(f64::total_cmp);
        self.median_km = self.errors.get(self.errors.len() / 2).copied().unwrap_or(0.0);
        let n = self.errors.len().max(1) as f64;
        self.auc = self
            .errors
            .iter()
            .map(|e| (1.0 + e).ln() / 20039f64.ln())
            .sum::<f64>()
            / n;
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct GeoReport {
    pub articles: usize,
    pub gold: usize,
    pub dropped: usize,
    /// casus's `places`.
    pub places: GeoScore,
    /// `places` plus the country and place mentions among the actors
    /// (a country's coordinates from the gazetteer).
    pub with_actors: GeoScore,
}

/// Scores casus's places on the articles of `file`.
pub fn evaluate(pipeline: &Pipeline, file: &GeoFile) -> GeoReport {
    let res = pipeline.resources();
    let mut r = GeoReport {
        dropped: file.dropped,
        ..GeoReport::default()
    };
    for a in &file.articles {
        r.articles += 1;
        r.gold += a.toponyms.len();
        let sentences = res.segmenter.segment(&a.text).sentences;
        let map = casus_core::CharMap::new(&a.text);
        let ann = casus_pipeline::annotate(res, &a.text, &sentences, None, &map);
        let places: Vec<FoundPlace> = ann
            .places
            .iter()
            .map(|p| (p.span, Some((p.lat, p.lon))))
            .collect();
        let mut with_actors = places.clone();
        for m in ann
            .mentions
            .iter()
            .filter(|m| m.kind == "country" || m.kind == "place")
        {
            if places.iter().any(|(s, _)| s[0] < m.span[1] && m.span[0] < s[1]) {
                continue;
            }
            let at = m
                .actor
                .as_ref()
                .and_then(|x| x.country.as_deref())
                .and_then(|c| res.gazetteer.as_ref()?.country(c))
                .map(|p| (p.lat, p.lon));
            with_actors.push((m.span, at));
        }
        r.places.add(a, &places);
        r.with_actors.add(a, &with_actors);
    }
    r.places.finish();
    r.with_actors.finish();
    r
}

#[cfg(test)]
mod tests;
