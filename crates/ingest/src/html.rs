//! HTML pages: decoded with their charset; main-text extraction happens in
//! [`crate::clean`].

use crate::charset::decode_html;
use crate::{Body, RawDoc};
use casus_core::Origin;

/// A page from `bytes`; `header_charset` is the charset of an HTTP header
/// (WARC) if there was one.
pub fn read(bytes: &[u8], origin: &Origin, header_charset: Option<&str>) -> RawDoc {
    let decoded = decode_html(bytes, header_charset);
    let mut doc = RawDoc::new(origin.clone(), Body::Html(decoded.text));
    doc.warnings.extend(decoded.warning);
    doc
}
