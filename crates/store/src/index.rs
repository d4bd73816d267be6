//! The full-text index (tantivy): article titles and texts, keyed by
//! article id. The database is the record; the index can always be
//! rebuilt from it, and is brought up to date from it after every commit
//! (articles with `indexed = 0`), so a crash between the two loses nothing.

use crate::error::{At, Result, StoreError};
use std::path::{Path, PathBuf};
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, Schema, Value, STORED, STRING, TEXT};
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

    /// The hits for `query` (tantivy's query language: words, "phrases",
    /// AND/OR/-, title:word), best first, and how many there are in all.
    pub fn search(
        &self,
        reader: &IndexReader,
        query: &str,
        limit: usize,
        offset: usize,
    ) -> Result<(Vec<Hit>, usize)> {
        let searcher = reader.searcher();
        let parser = QueryParser::for_index(&self.index, vec![self.title, self.text]);
        let q = parser
            .parse_query(query)
            .map_err(|e| StoreError::bad("q", format!("cannot read the query: {e}")))?;
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        let (docs, total) = searcher.search(&q, &(top, Count)).at(&self.path)?;
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

    /// A highlighted fragment of `text` for `query` (HTML, `<b>` marks).
    pub fn snippet(&self, reader: &IndexReader, query: &str, text: &str) -> Option<String> {
        let parser = QueryParser::for_index(&self.index, vec![self.text]);
        let q = parser.parse_query(query).ok()?;
        let g = SnippetGenerator::create(&reader.searcher(), &*q, self.text).ok()?;
        let s = g.snippet(text);
        (!s.is_empty()).then(|| s.to_html())
    }

    /// Documents in the index (deleted ones excluded).
    pub fn len(&self, reader: &IndexReader) -> u64 {
        reader.searcher().num_docs()
    }
}
