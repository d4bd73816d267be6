//! Where records go: stdout, or a file written whole or not at all.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A JSON Lines destination. A file is written as `FILE.partial` and
/// renamed when the run finishes, so an interrupted run never leaves a
/// half-written `FILE` (nor clobbers the one an earlier run left).
pub enum Output {
    Stdout(BufWriter<std::io::Stdout>),
    File {
        writer: BufWriter<File>,
        partial: PathBuf,
        target: PathBuf,
    },
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<Self> {
        let Some(target) = path.filter(|p| *p != Path::new("-")) else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )));
        };
        let mut partial = target.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let file = File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
        Ok(Output::File {
            writer: BufWriter::with_capacity(1 << 16, file),
            partial,
            target: target.to_path_buf(),
        })
    }

    pub fn writer(&mut self) -> &mut (dyn Write + Send) {
        match self {
            Output::Stdout(w) => w,
            Output::File { writer, .. } => writer,
        }
    }

    /// Flushes, and for a file moves it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().context("cannot write to stdout"),
            Output::File {
                writer,
                partial,
                target,
            } => {
                let file = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .context("cannot write output")?;
                file.sync_all().context("cannot write output")?;
                std::fs::rename(&partial, &target)
                    .with_context(|| format!("cannot move {} to {}", partial.display(), target.display()))
            }
        }
    }
}
