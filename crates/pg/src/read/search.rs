//! Search on PostgreSQL: the query is read by casus's own bounded parser
//! ([`casus_store::query`], the same language and limits as the SQLite
//! store's) and built into a `tsquery` over the `search` column (title at
//! weight A, text at B, English stemming, GIN-indexed). Words and phrases
//! are parameters of `plainto_tsquery` and `phraseto_tsquery`, never
//! spliced into SQL. Snippets are `ts_headline` over the hits' texts.
//!
//! Against the SQLite store's tantivy index: words are stemmed ("talks"
//! finds "talk") and English stop words are dropped (a query of stop
//! words alone finds nothing); scores are `ts_rank_cd`, on another scale;
//! a query with more than 2,000 hits lists them newest first, copies left
//! out (ranking reads every hit's words, a table scan for a common word,
//! while the newest are read from the article list's index in order).

use super::lists::paged;
use super::{PgReader, StoreResult};
use crate::error::{On, PgError};
use casus_store::query::{parse, Field, Limits, Occur, Query};
use casus_store::{List, Page, SearchHit};
use postgres::types::{ToSql, Type};

/// Queries with more hits than this list them newest first (copies left
/// out), not by rank, unless told otherwise ([`PgReader::ranked_at_most`]).
pub(super) const RANKED_AT_MOST: u64 = 2000;

/// A `tsquery` expression and the words it binds ($1, $2, ...).
#[derive(Default)]
struct Built {
    words: Vec<String>,
}

impl Built {
    /// The expression for `q`, `None` when it can match nothing.
    fn expr(&mut self, q: &Query) -> Option<String> {
        match q {
            Query::Words { field, words } => {
                self.words.push(words.join(" "));
                let n = self.words.len();
                let f = if words.len() == 1 {
                    "plainto_tsquery"
                } else {
                    "phraseto_tsquery"
                };
                let base = format!("{f}('english', ${n}::text)");
                Some(match field {
                    Field::Any => base,
                    Field::Title => format!("casus_weight({base}, 'A')"),
                    Field::Text => format!("casus_weight({base}, 'B')"),
                })
            }
            Query::Group(clauses) => {
                let (mut must, mut should, mut not) = (vec![], vec![], vec![]);
                for (o, c) in clauses {
                    match (o, self.expr(c)) {
                        (Occur::Must, None) => return None,
                        (Occur::Must, Some(e)) => must.push(e),
                        (Occur::Should, Some(e)) => should.push(e),
                        (Occur::MustNot, Some(e)) => not.push(format!("!!({e})")),
                        (_, None) => {}
                    }
                }
                // As tantivy's boolean query: the musts when there are
                // some (the others then only rank), else any should.
                let positive = if !must.is_empty() {
                    must.join(" && ")
                } else if !should.is_empty() {
                    should.join(" || ")
                } else {
                    return None;
                };
                Some(format!(
                    "({})",
                    std::iter::once(positive)
                        .chain(not)
                        .collect::<Vec<_>>()
                        .join(" && ")
                ))
            }
        }
    }
}

/// Words as the parser counts them: runs of letters and digits, lower-cased.
fn split(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `s` with the characters HTML gives a meaning escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl PgReader {
    pub(super) fn text_search(&self, q: &str, page: Page) -> StoreResult<List<SearchHit>> {
        let parsed = parse(q, &Limits::default(), &split)?;
        let mut built = Built::default();
        let Some(tsq) = built.expr(&parsed) else {
            return Ok(List::new(0, page, vec![]));
        };
        let words: Vec<&(dyn ToSql + Sync)> = built.words.iter().map(|w| w as &(dyn ToSql + Sync)).collect();
        // Typed: a clause that can match nothing is left out of the SQL,
        // and its word with it, which PostgreSQL could not type alone.
        let types = vec![Type::TEXT; words.len()];
        let count = format!("SELECT count(*) FROM articles WHERE search @@ {tsq}");
        let total = self.cache.total(format!("search {q}"), || {
            self.with(|s| {
                let target = s.target.clone();
                let st = s
                    .client
                    .prepare_typed(&count, &types)
                    .on(&target, "counting search hits")?;
                let r = s
                    .client
                    .query_one(&st, &words)
                    .on(&target, "counting search hits")?;
                Ok(r.get::<_, i64>(0) as u64)
            })
        })?;
        let sql = format!(
            "SELECT id, ts_rank_cd(search, {tsq}), title, source, published, story, rowid, record
             FROM articles WHERE search @@ {tsq} {}",
            // Ranking reads every hit's words: past a few thousand hits,
            // the newest are listed, read from the list's index in order.
            paged(
                if total > self.ranked_at_most {
                    "AND copy_of IS NULL ORDER BY day DESC NULLS LAST, rowid DESC"
                } else {
                    "ORDER BY 2 DESC, rowid"
                },
                page
            )
        );
        let n = built.words.len() + 1;
        let headline = format!(
            "SELECT ts_headline('english', t, {tsq},
               'StartSel=<b>, StopSel=</b>, MinWords=12, MaxWords=30, MaxFragments=1')
             FROM unnest(${n}::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i"
        );
        let items = self.with(|s| {
            let target = s.target.clone();
            let st = s.client.prepare_typed(&sql, &types).on(&target, "searching")?;
            let rows = s.client.query(&st, &words).on(&target, "searching")?;
            let mut texts = Vec::with_capacity(rows.len());
            for r in &rows {
                let bad = |why: String| PgError::Record {
                    target: target.clone(),
                    article: r.get(6),
                    why,
                };
                let json = casus_store::record::unpack(r.get(7)).map_err(bad)?;
                texts.push(escape(&casus_store::record::json_text(&json)));
            }
            let mut params = words.clone();
            params.push(&texts);
            let mut types = types.clone();
            types.push(Type::TEXT_ARRAY);
            let st = s
                .client
                .prepare_typed(&headline, &types)
                .on(&target, "making snippets")?;
            let snippets = s.client.query(&st, &params).on(&target, "making snippets")?;
            Ok(rows
                .iter()
                .zip(snippets.iter())
                .map(|(r, h)| {
                    let snippet: String = h.get(0);
                    SearchHit {
                        id: r.get(0),
                        score: r.get(1),
                        title: r.get(2),
                        source: r.get(3),
                        published: r.get(4),
                        story: r.get(5),
                        // Only where the text has the words (a title's
                        // word alone gives none, as in the SQLite store).
                        snippet: snippet.contains("<b>").then_some(snippet),
                    }
                })
                .collect())
        })?;
        Ok(List::new(total, page, items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(q: &str) -> (Option<String>, Vec<String>) {
        let parsed = parse(q, &Limits::default(), &split).unwrap();
        let mut b = Built::default();
        (b.expr(&parsed), b.words)
    }

    #[test]
    fn words_and_phrases_are_parameters_not_sql() {
        let (e, words) = built("ceasefire \"border talks\"");
        let e = e.unwrap();
        assert!(e.contains("plainto_tsquery('english', $1::text)"), "{e}");
        assert!(e.contains("phraseto_tsquery('english', $2::text)"), "{e}");
        assert!(e.contains(" || "), "either word may match: {e}");
        assert_eq!(words, ["ceasefire", "border talks"]);
    }

    #[test]
    fn a_title_word_is_restricted_to_the_title_weight() {
        let (e, _) = built("title:summit");
        assert!(e
            .unwrap()
            .contains("casus_weight(plainto_tsquery('english', $1::text), 'A')"));
    }

    #[test]
    fn must_and_not_make_an_and_with_a_negation() {
        let (e, words) = built("+port -strike");
        let e = e.unwrap();
        assert!(
            e.contains("$1") && e.contains("!!(plainto_tsquery('english', $2::text))"),
            "{e}"
        );
        assert_eq!(words, ["port", "strike"]);
    }

    #[test]
    fn quotes_in_a_word_stay_inside_its_parameter() {
        let (e, words) = built("o'brien';drop");
        assert!(!e.unwrap().contains("drop"));
        assert_eq!(words.len(), 1);
    }

    #[test]
    fn html_in_a_text_is_escaped_before_highlighting() {
        assert_eq!(escape("a<b> & \"c\""), "a&lt;b&gt; &amp; &quot;c&quot;");
    }
}
