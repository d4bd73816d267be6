//! The article record as it is stored: the JSON that `casus extract`
//! writes, as one zstd frame (level 3: what `zstd -d` and python's
//! `zstandard` read), about a seventh of its size, two thirds of what lz4
//! gave. Records that an older casus stored are read as they are: lz4
//! (block format, its length first as a 4-byte little-endian number) or
//! JSON text.

use casus_core::Article;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

/// A stored record, read back as its JSON text.
pub(crate) struct Record(pub String);

/// The record to store for `a` (every backend stores the same bytes).
pub fn pack(a: &Article) -> Vec<u8> {
    let json = serde_json::to_vec(a).expect("an article always serialises");
    zstd::bulk::compress(&json, LEVEL).expect("compressing to memory cannot fail")
}

/// zstd's level: 3 is its default, fast to write (a record of 40 KB in
/// about a tenth of a millisecond); higher levels gain a tenth in size for
/// many times the time.
const LEVEL: i32 = 3;

/// The first bytes of every zstd frame. An lz4 record starts with its
/// length, which would have to be nearly 4 GB to look like this.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

impl FromSql for Record {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let json = match value {
            ValueRef::Text(t) => t.to_vec(),
            ValueRef::Blob(b) => return unpack(b).map(Record).map_err(|e| FromSqlError::Other(e.into())),
            _ => return Err(FromSqlError::InvalidType),
        };
        String::from_utf8(json)
            .map(Record)
            .map_err(|e| FromSqlError::Other(format!("a stored record is not UTF-8: {e}").into()))
    }
}

/// A stored record's JSON text; what is wrong when it is no record.
pub fn unpack(bytes: &[u8]) -> Result<String, String> {
    let json = if bytes.starts_with(&ZSTD_MAGIC) {
        zstd::stream::decode_all(bytes)
            .map_err(|e| format!("a stored record is not zstd-compressed JSON: {e}"))?
    } else {
        lz4_flex::decompress_size_prepended(bytes)
            .map_err(|e| format!("a stored record is neither zstd- nor lz4-compressed JSON: {e}"))?
    };
    String::from_utf8(json).map_err(|e| format!("a stored record is not UTF-8: {e}"))
}

/// The `text` of a stored record. serde skips the other fields without
/// building them, several times faster than SQLite's `json_extract`, which
/// converts the whole record (mentions, events) first.
pub(crate) fn text_of(record: &Record) -> String {
    json_text(&record.0)
}

/// The `text` of a record's JSON.
pub fn json_text(json: &str) -> String {
    #[derive(serde::Deserialize)]
    struct TextOnly {
        #[serde(default)]
        text: String,
    }
    serde_json::from_str::<TextOnly>(json)
        .map(|r| r.text)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn article() -> Article {
        Article {
            id: "a-1".into(),
            title: Some("Ferry strike".into()),
            text: "Ferries stopped at noon.".into(),
            ..Article::default()
        }
    }

    #[test]
    fn a_packed_record_reads_back_as_the_json_of_its_article_and_is_smaller() {
        let a = article();
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch("CREATE TABLE t (record TEXT)").unwrap();
        let mut big = a.clone();
        big.text = "The ferry crews said the strike would go on. ".repeat(40);
        for art in [&a, &big] {
            db.execute("INSERT INTO t VALUES (?1)", [pack(art)]).unwrap();
        }
        let back: Vec<Record> = db
            .prepare("SELECT record FROM t")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(back[0].0, serde_json::to_string(&a).unwrap());
        assert_eq!(text_of(&back[1]), big.text);
        assert!(pack(&big).len() * 6 < serde_json::to_vec(&big).unwrap().len());
    }

    #[test]
    fn a_record_stored_as_json_text_by_an_older_casus_reads_as_it_is() {
        let db = Connection::open_in_memory().unwrap();
        let json = serde_json::to_string(&article()).unwrap();
        let r: Record = db.query_row("SELECT ?1", [&json], |r| r.get(0)).unwrap();
        assert_eq!(r.0, json);
        assert_eq!(text_of(&r), "Ferries stopped at noon.");
    }

    #[test]
    fn a_blob_that_is_no_record_is_refused_with_a_reason() {
        let db = Connection::open_in_memory().unwrap();
        let junk = vec![200u8, 1, 2, 3, 4, 5];
        let err = db
            .query_row("SELECT ?1", [junk], |r| r.get::<_, Record>(0))
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("neither zstd- nor lz4-compressed JSON"),
            "{err}"
        );
        let cut = &pack(&article())[..10];
        assert!(unpack(cut).unwrap_err().contains("not zstd-compressed JSON"));
    }

    #[test]
    fn a_record_an_older_casus_compressed_with_lz4_reads_as_its_json() {
        let json = serde_json::to_vec(&article()).unwrap();
        let old = lz4_flex::compress_prepend_size(&json);
        assert_eq!(unpack(&old).unwrap().as_bytes(), json);
        assert!(pack(&article()).starts_with(&ZSTD_MAGIC));
    }
}
