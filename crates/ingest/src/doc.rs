//! A document as read, before cleaning.

use casus_core::Origin;

/// The content of a raw document.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Plain text (a text file, a JSON Lines `text`, a WET record).
    Text(String),
    /// A whole HTML page: main-text extraction applies.
    Html(String),
    /// A piece of HTML (a feed item's content): converted to text as is.
    Fragment(String),
}

/// What a document says about itself. Every field is optional; readers
/// fill what their format carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub url: Option<String>,
    pub title: Option<String>,
    /// As written; [`crate::clean`] makes it ISO 8601.
    pub published: Option<String>,
    /// The publication or site name.
    pub source: Option<String>,
    pub author: Option<String>,
    /// The declared language (`en`, `en-GB`).
    pub language: Option<String>,
    /// When the page was fetched (a WARC record's `WARC-Date`), as written.
    pub fetched: Option<String>,
    /// The HTTP `Last-Modified` header of the response, as written.
    pub modified: Option<String>,
}

impl Meta {
    /// These fields, with blanks filled from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            url: self.url.or(other.url),
            title: self.title.or(other.title),
            published: self.published.or(other.published),
            source: self.source.or(other.source),
            author: self.author.or(other.author),
            language: self.language.or(other.language),
            fetched: self.fetched.or(other.fetched),
            modified: self.modified.or(other.modified),
        }
    }
}

/// One document as a reader found it: metadata the input declares (which
/// wins over what the page says about itself) and the body.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    pub origin: Origin,
    pub id: Option<String>,
    pub meta: Meta,
    pub body: Body,
    /// Repairs made while reading (for example bytes invalid in the charset).
    pub warnings: Vec<String>,
}

impl RawDoc {
    pub fn new(origin: Origin, body: Body) -> Self {
        RawDoc {
            origin,
            id: None,
            meta: Meta::default(),
            body,
            warnings: Vec::new(),
        }
    }
}
