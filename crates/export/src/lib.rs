//! casus exports: the events of a store in the formats analysts load.
//!
//! * [`Format::Jsonl`]: one event per line, as `/api/events` gives them.
//! * [`Format::Csv`]: one row per event, the columns in [`csv::COLUMNS`].
//! * [`Format::Gdelt`]: the GDELT 2.0 event table (61 tab-separated fields
//!   in the codebook's order, no header); fields casus cannot fill are
//!   empty (see `gdelt.rs`).
//! * [`Format::Plover`]: a JSON array of PLOVER records, laid out like the
//!   PLOVER gold-standard records, with casus's provenance added.
//! * [`Format::Parquet`]: the CSV's columns, typed (see `parquet.rs`).
//! * [`Format::Acled`]: ACLED's columns in ACLED's order, one row per
//!   event with an ACLED type (see `acled.rs`).
//!
//! Events stream from the store oldest first; a filter selects them as
//! `/api/events` does. Copies of republished articles are left out unless
//! asked for.

pub mod acled;
pub mod csv;
pub mod gdelt;
pub mod parquet;
pub mod plover;

use casus_store::{EventFilter, EventSource, StoreError};
use std::io::Write;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Gdelt,
    Plover,
    Parquet,
    Acled,
}

impl Format {
    pub const NAMES: &'static str = "jsonl, csv, gdelt, plover, parquet or acled";

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "jsonl" | "json" => Format::Jsonl,
            "csv" => Format::Csv,
            "gdelt" => Format::Gdelt,
            "plover" => Format::Plover,
            "parquet" => Format::Parquet,
            "acled" => Format::Acled,
            _ => return None,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
    #[error("cannot write the export: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write the Parquet file: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
}

/// Writes every event `filter` selects to `out` in `format`; returns how
/// many were written.
pub fn export(
    reader: &mut impl EventSource,
    filter: &EventFilter,
    format: Format,
    out: &mut (dyn Write + Send),
) -> Result<u64, ExportError> {
    match format {
        Format::Jsonl => reader.each_event(filter, |e| -> Result<(), ExportError> {
            serde_json::to_writer(&mut *out, &e).map_err(std::io::Error::from)?;
            Ok(out.write_all(b"\n")?)
        }),
        Format::Csv => {
            let mut w = ::csv::Writer::from_writer(&mut *out);
            w.write_record(csv::COLUMNS)?;
            let n = reader.each_event(filter, |e| -> Result<(), ExportError> {
                Ok(w.write_record(csv::row(&e))?)
            })?;
            w.flush()?;
            Ok(n)
        }
        Format::Gdelt => {
            let mut w = ::csv::WriterBuilder::new()
                .delimiter(b'\t')
                .quote_style(::csv::QuoteStyle::Never)
                .from_writer(&mut *out);
            let n = reader.each_event(filter, |e| -> Result<(), ExportError> {
                Ok(w.write_record(gdelt::row(&e))?)
            })?;
            w.flush()?;
            Ok(n)
        }
        Format::Plover => {
            out.write_all(b"[\n")?;
            let mut first = true;
            let n = reader.each_event(filter, |e| -> Result<(), ExportError> {
                if !first {
                    out.write_all(b",\n")?;
                }
                first = false;
                serde_json::to_writer(&mut *out, &plover::record(&e)).map_err(std::io::Error::from)?;
                Ok(())
            })?;
            out.write_all(b"\n]\n")?;
            Ok(n)
        }
        Format::Parquet => self::parquet::write(reader, filter, out),
        Format::Acled => {
            let mut w = ::csv::Writer::from_writer(&mut *out);
            w.write_record(acled::COLUMNS)?;
            let mut n = 0;
            reader.each_event(filter, |e| -> Result<(), ExportError> {
                if let Some(row) = acled::row(&e) {
                    n += 1;
                    w.write_record(row)?;
                }
                Ok(())
            })?;
            w.flush()?;
            Ok(n)
        }
    }
}
