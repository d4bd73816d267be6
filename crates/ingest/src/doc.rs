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

/// One document as a reader found it: metadata the input declares (which
/// wins over what the page says about itself) and the body.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    pub origin: Origin,
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub body: Body,
    /// Repairs made while reading (for example bytes invalid in the charset).
    pub warnings: Vec<String>,
}

impl RawDoc {
    pub fn new(origin: Origin, body: Body) -> Self {
        RawDoc {
            origin,
            id: None,
            url: None,
            title: None,
            published: None,
            source: None,
            author: None,
            language: None,
            body,
            warnings: Vec::new(),
        }
    }
}
