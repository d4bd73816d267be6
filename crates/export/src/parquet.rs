//! Parquet: one row per event, typed columns (`day` as DATE, `added` as a
//! UTC timestamp, numbers as numbers, absent values as nulls), Snappy
//! compression, a row group per [`ROW_GROUP`] events.
//!
//! Written with the parquet crate's own column writers rather than through
//! Arrow: the arrow crates would more than double the build of this crate
//! and buy nothing for a flat table.

use crate::ExportError;
use ::parquet::basic::Compression;
use ::parquet::column::writer::ColumnWriter;
use ::parquet::data_type::ByteArray;
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use ::parquet::schema::parser::parse_message_type;
use casus_store::{EventRow, EventSource};
use chrono::DateTime;
use std::io::Write;
use std::sync::Arc;

/// Events per row group.
pub const ROW_GROUP: usize = 65_536;

/// The columns and their Parquet types, in order. The names are those of
/// the CSV export.
pub const COLUMNS: [(&str, &str); 37] = [
    ("id", "REQUIRED INT64"),
    ("article", "REQUIRED BYTE_ARRAY (UTF8)"),
    ("url", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("site", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("title", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("date", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("day", "OPTIONAL INT32 (DATE)"),
    ("source_id", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("source_text", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("source_code", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("source_country", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("target_id", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("target_text", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("target_code", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("target_country", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("cameo", "REQUIRED BYTE_ARRAY (UTF8)"),
    ("root", "REQUIRED BYTE_ARRAY (UTF8)"),
    ("quad_class", "REQUIRED INT32"),
    ("penta_class", "REQUIRED INT32"),
    ("goldstein", "REQUIRED DOUBLE"),
    ("plover", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("plover_mode", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("modality", "REQUIRED BYTE_ARRAY (UTF8)"),
    ("confidence", "REQUIRED DOUBLE"),
    ("count", "OPTIONAL INT64"),
    ("place", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("place_country", "OPTIONAL BYTE_ARRAY (UTF8)"),
    ("lat", "OPTIONAL DOUBLE"),
    ("lon", "OPTIONAL DOUBLE"),
    ("geonameid", "OPTIONAL INT64"),
    ("trigger_start", "REQUIRED INT64"),
    ("trigger_end", "REQUIRED INT64"),
    ("trigger", "REQUIRED BYTE_ARRAY (UTF8)"),
    ("sentence_start", "REQUIRED INT64"),
    ("sentence_end", "REQUIRED INT64"),
    ("copy", "REQUIRED BOOLEAN"),
    ("added", "OPTIONAL INT64 (TIMESTAMP(MILLIS,true))"),
];

/// The Parquet schema, as a message type.
pub fn schema() -> String {
    let fields: String = COLUMNS
        .iter()
        .map(|(name, ty)| {
            let (repetition, rest) = ty.split_once(' ').unwrap_or((ty, ""));
            let (physical, logical) = rest.split_once(' ').unwrap_or((rest, ""));
            format!("  {repetition} {physical} {name} {logical};\n")
        })
        .collect();
    format!("message casus_event {{\n{fields}}}\n")
}

/// One value; `None` is a null.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Str(Option<String>),
    Int(Option<i64>),
    Real(Option<f64>),
    Bool(bool),
}

impl Cell {
    fn is_null(&self) -> bool {
        matches!(self, Cell::Str(None) | Cell::Int(None) | Cell::Real(None))
    }
}

// "YYYY-MM-DD" as days since 1970-01-01 (None when it is not a date).
use casus_story::day_of as days;

/// One event's cells, in [`COLUMNS`] order.
fn cells(e: &EventRow) -> [Cell; 37] {
    use Cell::{Bool, Int, Real, Str};
    let p = e.place.as_ref();
    let span = |v: &serde_json::Value, i: usize| Int(Some(v[i].as_i64().unwrap_or_default()));
    [
        Int(Some(e.id)),
        Str(Some(e.article.clone())),
        Str(e.url.clone()),
        Str(e.site.clone()),
        Str(e.title.clone()),
        Str(e.date.clone()),
        Int(e.day.as_deref().and_then(days)),
        Str(e.source.id.clone()),
        Str(e.source.text.clone()),
        Str(e.source.code.clone()),
        Str(e.source.country.clone()),
        Str(e.target.id.clone()),
        Str(e.target.text.clone()),
        Str(e.target.code.clone()),
        Str(e.target.country.clone()),
        Str(Some(e.cameo.clone())),
        Str(Some(e.root.clone())),
        Int(Some(e.quad_class)),
        Int(Some(e.penta_class)),
        Real(Some(e.goldstein)),
        Str(e.plover.clone()),
        Str(e.plover_mode.clone()),
        Str(Some(e.modality.clone())),
        Real(Some(e.confidence)),
        Int(e.count),
        Str(p.map(|p| p.name.clone())),
        Str(p.and_then(|p| p.country.clone())),
        Real(p.and_then(|p| p.lat)),
        Real(p.and_then(|p| p.lon)),
        Int(p.and_then(|p| p.geonameid)),
        span(&e.trigger["span"], 0),
        span(&e.trigger["span"], 1),
        Str(Some(e.trigger["text"].as_str().unwrap_or_default().to_string())),
        Int(Some(e.sentence[0])),
        Int(Some(e.sentence[1])),
        Bool(e.copy),
        Int(DateTime::parse_from_rfc3339(&e.added)
            .ok()
            .map(|t| t.timestamp_millis())),
    ]
}

/// A row group being filled, column by column.
struct Group {
    columns: Vec<Vec<Cell>>,
}

impl Group {
    fn new() -> Group {
        Group {
            columns: (0..COLUMNS.len())
                .map(|_| Vec::with_capacity(ROW_GROUP))
                .collect(),
        }
    }

    fn len(&self) -> usize {
        self.columns[0].len()
    }

    fn push(&mut self, e: &EventRow) {
        for (column, cell) in self.columns.iter_mut().zip(cells(e)) {
            column.push(cell);
        }
    }

    fn flush<W: Write + Send>(&mut self, file: &mut SerializedFileWriter<W>) -> Result<(), ExportError> {
        if self.len() == 0 {
            return Ok(());
        }
        let mut group = file.next_row_group()?;
        for (cells, (_, ty)) in self.columns.iter_mut().zip(COLUMNS) {
            let mut column = group.next_column()?.expect("one writer per schema column");
            write_column(&mut column, cells, ty.starts_with("OPTIONAL"))?;
            column.close()?;
            cells.clear();
        }
        group.close()?;
        Ok(())
    }
}

fn write_column(
    column: &mut SerializedColumnWriter<'_>,
    cells: &[Cell],
    optional: bool,
) -> Result<(), ExportError> {
    let defs: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_null())).collect();
    let defs = optional.then_some(defs.as_slice());
    let ints = || {
        cells
            .iter()
            .filter_map(|c| if let Cell::Int(v) = c { *v } else { None })
    };
    match column.untyped() {
        ColumnWriter::Int32ColumnWriter(w) => {
            let v: Vec<i32> = ints().map(|x| i32::try_from(x).unwrap_or(i32::MAX)).collect();
            w.write_batch(&v, defs, None)?;
        }
        ColumnWriter::Int64ColumnWriter(w) => {
            w.write_batch(&ints().collect::<Vec<i64>>(), defs, None)?;
        }
        ColumnWriter::DoubleColumnWriter(w) => {
            let v: Vec<f64> = cells
                .iter()
                .filter_map(|c| if let Cell::Real(v) = c { *v } else { None })
                .collect();
            w.write_batch(&v, defs, None)?;
        }
        ColumnWriter::BoolColumnWriter(w) => {
            let v: Vec<bool> = cells
                .iter()
                .filter_map(|c| if let Cell::Bool(v) = c { Some(*v) } else { None })
                .collect();
            w.write_batch(&v, defs, None)?;
        }
        ColumnWriter::ByteArrayColumnWriter(w) => {
            let v: Vec<ByteArray> = cells
                .iter()
                .filter_map(|c| {
                    if let Cell::Str(Some(s)) = c {
                        Some(ByteArray::from(s.as_str()))
                    } else {
                        None
                    }
                })
                .collect();
            w.write_batch(&v, defs, None)?;
        }
        _ => unreachable!("the schema has no other physical types"),
    }
    Ok(())
}

/// Writes the events `filter` selects as a Parquet file.
pub fn write(
    reader: &mut impl EventSource,
    filter: &casus_store::EventFilter,
    out: &mut (dyn Write + Send),
) -> Result<u64, ExportError> {
    let schema = Arc::new(parse_message_type(&schema())?);
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("casus {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut file = SerializedFileWriter::new(out, schema, Arc::new(props))?;
    let mut group = Group::new();
    let n = reader.each_event(filter, |e| -> Result<(), ExportError> {
        group.push(&e);
        if group.len() >= ROW_GROUP {
            group.flush(&mut file)?;
        }
        Ok(())
    })?;
    group.flush(&mut file)?;
    file.close()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_parses_and_names_the_csv_columns_in_order() {
        let schema = parse_message_type(&schema()).unwrap();
        let names: Vec<&str> = schema.get_fields().iter().map(|f| f.name()).collect();
        assert_eq!(names, crate::csv::COLUMNS);
    }

    #[test]
    fn dates_count_days_from_the_epoch_and_bad_dates_are_null() {
        assert_eq!(days("1970-01-02"), Some(1));
        assert_eq!(days("2024-02-29"), Some(19_782));
        assert_eq!(days("2024-02-30"), None);
        assert_eq!(days(""), None);
    }
}
