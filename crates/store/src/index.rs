//! The full-text index (tantivy): article titles and texts, keyed by
//! article id. The database is the record; the index can always be
//! rebuilt from it, and is brought up to date from it after every commit
//! (articles with `indexed = 0`), so a crash between the two loses nothing.

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
}

impl TextIndex {
    pub fn open(dir: &Path) -> Result<TextIndex> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut sb = Schema::builder();
        let id = sb.add_text_field("id", STRING | STORED);
        let title = sb.add_text_field("title", TEXT);
        let text = sb.add_text_field("text", TEXT);
        let schema = sb.build();
        let mmap = MmapDirectory::open(dir).map_err(|e| StoreError::Index {
            path: dir.to_path_buf(),
            source: e.into(),
        })?;
        let index = Index::open_or_create(mmap, schema).at(dir)?;
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
    pub fn query(&self, text: &str, limits: &Limits) -> Result<Box<dyn Query>> {
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
        Ok(self.build(&parsed))
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

    /// The hits for `query`, best first, and how many there are in all.
    pub fn search(
        &self,
        reader: &IndexReader,
        query: &dyn Query,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<Hit>, usize)> {
        let searcher = reader.searcher();
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        let (docs, total) = searcher.search(query, &(top, Count)).at(&self.path)?;
        let mut hits = Vec::with_capacity(docs.len());
        for (score, addr) in docs.into_iter().take(limit) {
            let d: TantivyDocument = searcher.doc(addr).at(&self.path)?;
            if let Some(id) = d.get_first(self.id).and_then(|v| v.as_str()) {
                hits.push(Hit {
                    id: id.to_string(),
                    score,
                });
            }
        }
        Ok((hits, total))
    }

    /// Highlights `query`'s words of the text field: made once per search,
    /// used for every hit.
    pub fn snippets(&self, reader: &IndexReader, query: &dyn Query) -> Option<SnippetGenerator> {
        SnippetGenerator::create(&reader.searcher(), query, self.text).ok()
    }

    /// Documents in the index (deleted ones excluded).
    pub fn len(&self, reader: &IndexReader) -> u64 {
        reader.searcher().num_docs()
    }
}
