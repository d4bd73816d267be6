//! Stories: how well casus groups articles into stories, against labels.
//!
//! A label file has one line per article, `id<TAB>story`: the article's
//! id (as casus gives it: a JSON Lines `id`, or a PolNeAR file name) and
//! its gold story; `-` puts the article in a story of its own. Blank lines
//! and lines starting with `#` are skipped. casus's own labels of real
//! news are in `crates/eval/data/stories-polnear.tsv` (its header says how
//! they were made).
//!
//! The articles themselves come from elsewhere (casus does not ship their
//! text): any input casus reads, or a PolNeAR folder (`metadata.tsv` and
//! `{train,dev}/text/NAME.txt`), read by [`polnear`] with each article's
//! title, date and publisher.
//!
//! The score is B-cubed precision, recall and F1 over the labelled
//! articles ([`casus_story::bcubed`] is the same measure), with each
//! article's story as the store gives it.

use crate::EvalError;
use casus_core::Origin;
use casus_ingest::{Body, Meta, RawDoc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The gold stories: `(article id, story)`; `None` is a story of its own.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub items: Vec<(String, Option<String>)>,
}

/// Reads a label file (see the module docs).
pub fn parse(path: &str, text: &str) -> Result<Labels, EvalError> {
    let mut items = Vec::new();
    let mut seen = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: String| EvalError::Malformed {
            path: path.to_string(),
            line: i + 1,
            what,
        };
        let (id, story) = line
            .split_once('\t')
            .ok_or_else(|| bad("expected `id<TAB>story` (story `-` for a story of its own)".into()))?;
        let (id, story) = (id.trim(), story.trim());
        if id.is_empty() || story.is_empty() || story.contains('\t') {
            return Err(bad("expected `id<TAB>story`, both non-empty".into()));
        }
        if let Some(first) = seen.insert(id.to_string(), i + 1) {
            return Err(bad(format!(
                "article {id} is labelled twice (first on line {first})"
            )));
        }
        let story = (story != "-").then(|| story.to_string());
        items.push((id.to_string(), story));
    }
    Ok(Labels { items })
}

/// The articles of a PolNeAR folder whose names `wanted` holds (all when
/// it is `None`), as documents with their title, date and publisher,
/// oldest first.
pub fn polnear(dir: &Path, wanted: Option<&Labels>) -> Result<Vec<RawDoc>, EvalError> {
    let io = |p: &Path| {
        let path = p.display().to_string();
        move |source| EvalError::Io { path, source }
    };
    let meta_path = dir.join("metadata.tsv");
    let meta = std::fs::read_to_string(&meta_path).map_err(io(&meta_path))?;
    let wanted: Option<HashMap<&str, ()>> =
        wanted.map(|l| l.items.iter().map(|(id, _)| (id.as_str(), ())).collect());
    let mut lines = meta.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').collect())
        .unwrap_or_default();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| EvalError::Malformed {
                path: meta_path.display().to_string(),
                line: 1,
                what: format!("expected a `{name}` column in the header"),
            })
    };
    let [part, name, publisher, date, author, title] = [
        col("compartment")?,
        col("filename")?,
        col("publisher")?,
        col("publication_date")?,
        col("author")?,
        col("title")?,
    ];
    let mut docs = Vec::new();
    for (i, line) in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let field = |k: usize| {
            f.get(k).copied().ok_or_else(|| EvalError::Malformed {
                path: meta_path.display().to_string(),
                line: i + 1,
                what: format!(
                    "expected {} tab-separated fields, found {}",
                    header.len(),
                    f.len()
                ),
            })
        };
        let id = field(name)?;
        if wanted.as_ref().is_some_and(|w| !w.contains_key(id)) {
            continue;
        }
        let text_path = dir.join(field(part)?).join("text").join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(io(&text_path))?;
        let known = |s: &str| (!s.is_empty() && s != "None").then(|| s.to_string());
        let mut doc = RawDoc::new(Origin::file(text_path.display().to_string()), Body::Text(text));
        doc.id = Some(id.to_string());
        doc.meta = Meta {
            title: known(field(title)?),
            published: known(field(date)?),
            source: known(field(publisher)?),
            author: known(field(author)?),
            ..Meta::default()
        };
        docs.push(doc);
    }
    docs.sort_by(|a, b| (&a.meta.published, &a.id).cmp(&(&b.meta.published, &b.id)));
    Ok(docs)
}

/// How the stories casus made compare with the labels.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Report {
    /// Labelled articles.
    pub articles: usize,
    /// Labelled articles the store did not hold (each counted as a story
    /// of its own).
    pub missing: usize,
    /// Gold stories, and those with more than one article.
    pub gold_stories: usize,
    pub gold_multi: usize,
    /// Stories casus made over the labelled articles, and those with more
    /// than one.
    pub predicted_stories: usize,
    pub predicted_multi: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// B-cubed recall and F1 of putting every article in a story of its
    /// own (precision 1): what clustering has to beat.
    pub alone_recall: f64,
    pub alone_f1: f64,
    /// Gold stories that casus split, and casus stories that mix gold
    /// stories: one line each, for `--misses`.
    pub misses: Vec<String>,
}

/// Scores `story_of` (an article id to the story the store gave it)
/// against the labels.
pub fn score(labels: &Labels, story_of: &HashMap<String, String>) -> Report {
    let gold: Vec<String> = labels
        .items
        .iter()
        .map(|(id, s)| s.clone().unwrap_or_else(|| format!("-{id}")))
        .collect();
    let mut missing = 0;
    let predicted: Vec<String> = labels
        .items
        .iter()
        .map(|(id, _)| {
            story_of.get(id).cloned().unwrap_or_else(|| {
                missing += 1;
                format!("missing-{id}")
            })
        })
        .collect();
    let (precision, recall, f1) = casus_story::bcubed(&gold, &predicted);
    let ids: Vec<&str> = labels.items.iter().map(|(id, _)| id.as_str()).collect();
    let (_, alone_recall, alone_f1) = casus_story::bcubed(&gold, &ids);
    let (g, p) = (groups(&gold), groups(&predicted));
    // The ids of `members`, grouped by their label in `other`.
    let listed = |members: &[usize], other: &[String]| {
        let mut parts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for &i in members {
            parts
                .entry(other[i].as_str())
                .or_default()
                .push(labels.items[i].0.as_str());
        }
        parts
            .values()
            .map(|v| v.join(" "))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    // A gold story that casus split, then a casus story that mixes gold
    // ones: a cluster whose members the other side labels differently.
    let mut misses = Vec::new();
    for (kind, clusters, other) in [("split", &g, &predicted), ("mixed", &p, &gold)] {
        for (name, members) in clusters {
            if members.iter().any(|&i| other[i] != other[members[0]]) {
                misses.push(format!("{kind}\t{name}\t{}", listed(members, other)));
            }
        }
    }
    Report {
        articles: gold.len(),
        missing,
        gold_stories: g.len(),
        gold_multi: g.values().filter(|m| m.len() > 1).count(),
        predicted_stories: p.len(),
        predicted_multi: p.values().filter(|m| m.len() > 1).count(),
        precision,
        recall,
        f1,
        alone_recall,
        alone_f1,
        misses,
    }
}

/// The members of each cluster, by label.
fn groups(labels: &[String]) -> BTreeMap<&str, Vec<usize>> {
    let mut m: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in labels.iter().enumerate() {
        m.entry(l.as_str()).or_default().push(i);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Labels {
        parse("labels.tsv", text).unwrap()
    }

    fn stories(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, s)| (a.to_string(), s.to_string()))
            .collect()
    }

    #[test]
    fn a_dash_is_a_story_of_its_own_and_comments_are_skipped() {
        let l = labels("# made by hand\n\na\tvote\nb\tvote\nc\t-\n");
        assert_eq!(l.items.len(), 3);
        assert_eq!(l.items[1], ("b".to_string(), Some("vote".to_string())));
        assert_eq!(l.items[2], ("c".to_string(), None));
    }

    #[test]
    fn a_line_without_a_tab_names_its_line() {
        let e = parse("labels.tsv", "a\tvote\nb vote\n").unwrap_err().to_string();
        assert!(e.starts_with("labels.tsv:2:"), "{e}");
    }

    #[test]
    fn an_article_labelled_twice_is_refused() {
        let e = parse("l.tsv", "a\tx\na\ty\n").unwrap_err().to_string();
        assert!(e.contains("labelled twice (first on line 1)"), "{e}");
    }

    #[test]
    fn stories_as_labelled_score_one() {
        let l = labels("a\tvote\nb\tvote\nc\t-\nd\t-\n");
        let r = score(
            &l,
            &stories(&[("a", "s1"), ("b", "s1"), ("c", "s2"), ("d", "s3")]),
        );
        assert_eq!((r.precision, r.recall, r.f1), (1.0, 1.0, 1.0));
        assert_eq!((r.gold_stories, r.gold_multi, r.predicted_multi), (3, 1, 1));
        // Alone, the two articles of "vote" would each find half their story.
        assert!((r.alone_recall - 0.75).abs() < 1e-9, "{}", r.alone_recall);
        assert!(r.misses.is_empty());
    }

    #[test]
    fn two_stories_of_their_own_merged_lower_precision_and_say_so() {
        let l = labels("a\tvote\nb\tvote\nc\t-\nd\t-\n");
        let r = score(
            &l,
            &stories(&[("a", "s1"), ("b", "s1"), ("c", "s2"), ("d", "s2")]),
        );
        assert_eq!(r.recall, 1.0);
        assert!((r.precision - 0.75).abs() < 1e-9, "{}", r.precision);
        assert_eq!(r.misses, vec!["mixed\ts2\tc | d".to_string()]);
    }

    #[test]
    fn a_split_story_and_a_missing_article_lower_recall() {
        let l = labels("a\tvote\nb\tvote\nc\tvote\n");
        let r = score(&l, &stories(&[("a", "s1"), ("b", "s2")]));
        assert_eq!(r.missing, 1);
        assert_eq!(r.precision, 1.0);
        assert!((r.recall - 1.0 / 3.0).abs() < 1e-9, "{}", r.recall);
        assert_eq!(r.misses, vec!["split\tvote\tc | a | b".to_string()]);
    }

    #[test]
    fn a_polnear_folder_gives_its_labelled_articles_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        let meta = "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\n\
                    dev\tb_new\t1\tx\tdaily-planet\t2020-05-02\tNone\tLater piece\n\
                    train\ta_old\t1\tx\tthe-bugle\t2020-05-01\tA. Writer\tEarlier piece\n\
                    train\tc_skip\t1\tx\tthe-bugle\t2020-05-03\tNone\tNot labelled\n";
        std::fs::write(dir.path().join("metadata.tsv"), meta).unwrap();
        for (part, name) in [("dev", "b_new"), ("train", "a_old"), ("train", "c_skip")] {
            let d = dir.path().join(part).join("text");
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join(format!("{name}.txt")), format!("Text of {name}.")).unwrap();
        }
        let l = labels("a_old\tx\nb_new\tx\n");
        let docs = polnear(dir.path(), Some(&l)).unwrap();
        let ids: Vec<_> = docs.iter().map(|d| d.id.clone().unwrap()).collect();
        assert_eq!(ids, ["a_old", "b_new"]);
        assert_eq!(docs[0].meta.published.as_deref(), Some("2020-05-01"));
        assert_eq!(docs[0].meta.source.as_deref(), Some("the-bugle"));
        assert_eq!(docs[0].meta.author.as_deref(), Some("A. Writer"));
        assert_eq!(docs[1].meta.author, None);
        assert_eq!(docs[1].meta.title.as_deref(), Some("Later piece"));
        assert_eq!(docs[1].body, Body::Text("Text of b_new.".into()));
    }
}
