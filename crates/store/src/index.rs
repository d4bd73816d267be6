//! The full-text index (tantivy): article titles and texts, keyed by
//! article id. The database is the record; the index can always be
//! rebuilt from it, and is brought up to date from it after every commit
//! (articles with `indexed = 0`), so a crash between the two loses nothing.
//! The text is stored in the index too (lz4-compressed, about half its
//! size), so that a search reads each hit's snippet from the one document
//! it already reads for the id, not from the article's JSON record. An
//! index of an older layout is [`TextIndex::outdated`]; the store then
//! rebuilds it from the records.

use crate::error::{At, Result, StoreError};
use crate::query::{self, Field as On, Limits, Occur as Oc, Query as Q};
use std::path::{Path, PathBuf};
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value, STORED, STRING, TEXT};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Heap for the index writer: the smallest tantivy accepts per thread
/// times a little; indexing is not the bottleneck.
const WRITER_HEAP: usize = 50_000_000;

#[derive(Clone)]
pub struct TextIndex {
    index: Index,
    path: PathBuf,
    id: Field,
    title: Field,
    text: Field,
}

/// One search hit.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub score: f32,
    /// A fragment of the text with the query's words in `<b>` (none when
    /// the query's words are all in the title).
    pub snippet: Option<String>,
}

/// A query built for the index.
pub struct Built {
    pub query: Box<dyn Query>,
    /// Whether it holds a phrase: matching one costs more than scoring it.
    pub phrases: bool,
}

fn has_phrase(q: &Q) -> bool {
    match q {
        Q::Words { words, .. } => words.len() > 1,
        Q::Group(clauses) => clauses.iter().any(|(_, q)| has_phrase(q)),
    }
}

/// The index's fields: the id (stored), the title and the text (stored).
fn schema() -> (Schema, [Field; 3]) {
    let mut sb = Schema::builder();
    let id = sb.add_text_field("id", STRING | STORED);
    let title = sb.add_text_field("title", TEXT);
    let text = sb.add_text_field("text", TEXT | STORED);
    (sb.build(), [id, title, text])
}

fn directory(dir: &Path) -> Result<MmapDirectory> {
    MmapDirectory::open(dir).map_err(|e| StoreError::Index {
        path: dir.to_path_buf(),
        source: e.into(),
    })
}

impl TextIndex {
    /// Whether `dir` holds an index of another layout than this casus
    /// writes (one made before the text was stored): it must be rebuilt.
    pub fn outdated(dir: &Path) -> Result<bool> {
        if !dir.is_dir() {
            return Ok(false);
        }
        let mmap = directory(dir)?;
        if !Index::exists(&mmap)
            .map_err(tantivy::TantivyError::from)
            .at(dir)?
        {
            return Ok(false);
        }
        Ok(Index::open(mmap).at(dir)?.schema() != schema().0)
    }

    pub fn open(dir: &Path) -> Result<TextIndex> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, [id, title, text]) = schema();
        let index = Index::open_or_create(directory(dir)?, schema).at(dir)?;
        Ok(TextIndex {
            index,
            path: dir.to_path_buf(),
            id,
            title,
            text,
        })
    }

    pub fn writer(&self) -> Result<IndexWriter> {
        self.index.writer_with_num_threads(1, WRITER_HEAP).at(&self.path)
    }

    /// Replaces the document of article `id`.
    pub fn put(&self, w: &IndexWriter, id: &str, title: &str, text: &str) -> Result<()> {
        w.delete_term(Term::from_field_text(self.id, id));
        w.add_document(doc!(self.id => id, self.title => title, self.text => text))
            .at(&self.path)?;
        Ok(())
    }

    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .at(&self.path)
    }

    /// The query text read by our bounded parser ([`crate::query`]) and
    /// built into a tantivy query; a 400-style error names what is wrong.
    pub fn query(&self, text: &str, limits: &Limits) -> Result<Built> {
        // Titles and texts share the default tokenizer.
        let analyzer = self.index.tokenizer_for_field(self.text).at(&self.path)?;
        let split = |s: &str| {
            let mut out = Vec::new();
            let mut analyzer = analyzer.clone();
            let mut tokens = analyzer.token_stream(s);
            while let Some(t) = tokens.next() {
                out.push(t.text.clone());
            }
            out
        };
        let parsed = query::parse(text, limits, &split)?;
        Ok(Built {
            query: self.build(&parsed),
            phrases: has_phrase(&parsed),
        })
    }

    fn build(&self, q: &Q) -> Box<dyn Query> {
        match q {
            Q::Words { field, words } => {
                let fields = match field {
                    On::Any => vec![self.title, self.text],
                    On::Title => vec![self.title],
                    On::Text => vec![self.text],
                };
                let mut per_field: Vec<(Occur, Box<dyn Query>)> = fields
                    .into_iter()
                    .map(|f| {
                        let terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(f, w)).collect();
                        let q: Box<dyn Query> = if terms.len() == 1 {
                            Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::WithFreqs))
                        } else {
                            Box::new(PhraseQuery::new(terms))
                        };
                        (Occur::Should, q)
                    })
                    .collect();
                if per_field.len() == 1 {
                    per_field.pop().expect("one field").1
                } else {
                    Box::new(BooleanQuery::new(per_field))
                }
            }
            Q::Group(clauses) => Box::new(BooleanQuery::new(
                clauses
                    .iter()
                    .map(|(o, q)| {
                        let o = match o {
                            Oc::Should => Occur::Should,
                            Oc::Must => Occur::Must,
                            Oc::MustNot => Occur::MustNot,
                        };
                        (o, self.build(q))
                    })
                    .collect(),
            )),
        }
    }

    /// The hits for `query`, best first, with their snippets, and how many
    /// there are in all.
    pub fn search(
        &self,
        reader: &IndexReader,
        built: &Built,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<Hit>, usize)> {
        let query = &*built.query;
        let searcher = reader.searcher();
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        // Words alone: the best hits are found apart, skipping blocks that
        // cannot make the top (block-max WAND), and counted without
        // scoring. A phrase is matched once, for both.
        let (docs, total) = if built.phrases {
            searcher.search(query, &(top, Count)).at(&self.path)?
        } else {
            let docs = searcher.search(query, &top).at(&self.path)?;
            (docs, query.count(&searcher).at(&self.path)?)
        };
        crate::deadline::check()?;
        // Made once per search, used for every hit.
        let snippets = SnippetGenerator::create(&searcher, query, self.text).ok();
        let mut hits = Vec::with_capacity(docs.len());
        for (score, addr) in docs.into_iter().take(limit) {
            let d: TantivyDocument = searcher.doc(addr).at(&self.path)?;
            let Some(id) = d.get_first(self.id).and_then(|v| v.as_str()) else {
                continue;
            };
            let snippet = snippets.as_ref().and_then(|g| {
                let s = g.snippet_from_doc(&d);
                (!s.is_empty()).then(|| s.to_html())
            });
            hits.push(Hit {
                id: id.to_string(),
                score,
                snippet,
            });
        }
        Ok((hits, total))
    }

    /// Documents in the index (deleted ones excluded).
    pub fn len(&self, reader: &IndexReader) -> u64 {
        reader.searcher().num_docs()
    }
}
