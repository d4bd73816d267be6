//! Opening an input, undoing gzip, choosing the reader.

use crate::detect::{detect, is_gzip, Format};
use crate::{feed, html, jsonl, text, warc, IngestError, Input, RawDoc};
use casus_core::Origin;
use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Documents larger than this (a file, a JSON line, a WARC record) are
    /// skipped with a message. WARC and JSON Lines files themselves may be
    /// any size: they are streamed.
    pub max_bytes: u64,
    /// Each line of a plain-text file is its own document.
    pub lines: bool,
    /// Skip detection and read every input as this format.
    pub format: Option<Format>,
    /// Incremented with every byte read from disk (for progress bars).
    pub progress: Option<Arc<AtomicU64>>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 16 * 1024 * 1024,
            lines: false,
            format: None,
            progress: None,
        }
    }
}

/// Counts bytes as they are read, for progress.
struct Counting<R> {
    inner: R,
    counter: Option<Arc<AtomicU64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.counter {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// Reads one input and hands every document (or problem) to `emit`, in
/// input order. Problems never stop the batch: a broken record is reported
/// and the reader goes on where the format allows it.
pub fn read_input(input: &Input, opts: &ReadOptions, emit: &mut dyn FnMut(Result<RawDoc, IngestError>)) {
    let origin = input.origin();
    let raw: Box<dyn Read + Send> = match input {
        Input::Stdin => Box::new(std::io::stdin()),
        Input::File { path, .. } => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return emit(Err(IngestError::io(&origin, e))),
        },
    };
    let mut reader = BufReader::with_capacity(
        256 * 1024,
        Counting {
            inner: raw,
            counter: opts.progress.clone(),
        },
    );
    let head = match reader.fill_buf() {
        Ok(h) => h,
        Err(e) => return emit(Err(IngestError::io(&origin, e))),
    };
    if head.is_empty() {
        return emit(Err(IngestError::empty(&origin, "the input has no bytes")));
    }
    let name = input.name();
    if is_gzip(head) {
        let name = name.strip_suffix(".gz").unwrap_or(&name).to_string();
        let gz = BufReader::with_capacity(256 * 1024, MultiGzDecoder::new(reader));
        read_stream(gz, &name, &origin, true, None, opts, emit);
    } else {
        let size = match input {
            Input::File { size, .. } => Some(*size),
            Input::Stdin => None,
        };
        read_stream(reader, &name, &origin, false, size, opts, emit);
    }
}

fn read_stream<R: BufRead>(
    mut reader: R,
    name: &str,
    origin: &Origin,
    gzipped: bool,
    // The size of the document when known before reading (a plain file).
    file_size: Option<u64>,
    opts: &ReadOptions,
    emit: &mut dyn FnMut(Result<RawDoc, IngestError>),
) {
    let head = match reader.fill_buf() {
        Ok(h) => h,
        Err(e) => return emit(Err(stream_error(origin, gzipped, e))),
    };
    let format = opts.format.unwrap_or_else(|| detect(name, head));
    match format {
        Format::Jsonl => jsonl::read(reader, origin, opts.max_bytes, emit),
        Format::Warc => warc::read(reader, origin, opts.max_bytes, gzipped, emit),
        Format::Text | Format::Html | Format::Feed => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.by_ref().take(opts.max_bytes + 1).read_to_end(&mut bytes) {
                return emit(Err(stream_error(origin, gzipped, e)));
            }
            if bytes.len() as u64 > opts.max_bytes {
                return emit(Err(IngestError::TooLarge {
                    origin: origin.clone(),
                    size: file_size,
                    limit: opts.max_bytes,
                }));
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return emit(Err(IngestError::empty(
                    origin,
                    "the input holds only white space",
                )));
            }
            match format {
                Format::Text => text::read(&bytes, origin, opts.lines, emit),
                Format::Html => emit(Ok(html::read(&bytes, origin, None))),
                _ => feed::read(&bytes, origin, emit),
            }
        }
    }
}

/// An I/O error while reading a stream: inside gzip data it means a
/// truncated or corrupt archive, and says so.
pub(crate) fn stream_error(origin: &Origin, gzipped: bool, e: std::io::Error) -> IngestError {
    match (gzipped, e.kind()) {
        (true, std::io::ErrorKind::UnexpectedEof) => IngestError::Truncated {
            origin: origin.clone(),
            what: "the gzip stream ends early".into(),
        },
        (true, _) => IngestError::malformed(origin, format!("corrupt gzip data: {e}")),
        (false, std::io::ErrorKind::UnexpectedEof) => IngestError::Truncated {
            origin: origin.clone(),
            what: e.to_string(),
        },
        _ => IngestError::io(origin, e),
    }
}
