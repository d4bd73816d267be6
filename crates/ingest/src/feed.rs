//! RSS (0.9x, 1.0, 2.0), Atom and JSON Feed, through `feed-rs`: each item is
//! an article; its full content when the feed carries it, else its summary.

use crate::{Body, IngestError, RawDoc};
use casus_core::Origin;

pub fn read(bytes: &[u8], origin: &Origin, emit: &mut dyn FnMut(Result<RawDoc, IngestError>)) {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return emit(Err(IngestError::malformed(
                origin,
                format!("expected an RSS or Atom feed: {e}"),
            )))
        }
    };
    let source = feed.title.map(|t| t.content.trim().to_string());
    if feed.entries.is_empty() {
        return emit(Err(IngestError::empty(origin, "the feed has no items")));
    }
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let at = origin.clone().with_record(i as u64 + 1);
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.map(|s| s.content).filter(|s| !s.trim().is_empty()));
        let Some(body) = body else {
            emit(Err(IngestError::empty(
                &at,
                "the item has neither content nor a summary",
            )));
            continue;
        };
        let mut doc = RawDoc::new(at, Body::Fragment(body));
        doc.meta.url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        doc.meta.title = entry.title.map(|t| t.content.trim().to_string());
        doc.meta.published = entry
            .published
            .or(entry.updated)
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        let authors: Vec<String> = entry
            .authors
            .into_iter()
            .filter_map(|p| p.name)
            .filter(|n| !n.is_empty())
            .collect();
        doc.meta.author = (!authors.is_empty()).then(|| authors.join("; "));
        doc.meta.source.clone_from(&source);
        doc.meta.language = entry.language;
        emit(Ok(doc));
    }
}
