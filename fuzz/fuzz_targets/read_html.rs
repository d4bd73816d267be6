#![no_main]
//! The reader alone: HTML pages: charset sniffing and decoding, then the markup pass (limits, block breaks).
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = casus_ingest::html::read(data, &Origin::file("fuzz.html"), None);
    if let casus_ingest::Body::Html(h) = &doc.body {
        let _ = casus_ingest::markup::prepare(h, &casus_ingest::HtmlLimits::default());
    }
    reader::check(Ok(doc), "fuzz.html");
});
