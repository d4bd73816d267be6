//! The inputs of a run: files, directories walked recursively, or stdin.

use crate::detect::is_ignored_extension;
use casus_core::Origin;
use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File { path: PathBuf, size: u64 },
    Stdin,
}

impl Input {
    /// The name errors and records use (`-` for stdin).
    pub fn name(&self) -> String {
        match self {
            Input::File { path, .. } => path.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }

    pub fn origin(&self) -> Origin {
        Origin::file(self.name())
    }

    /// Size in bytes, when known (for progress).
    pub fn size(&self) -> u64 {
        match self {
            Input::File { size, .. } => *size,
            Input::Stdin => 0,
        }
    }
}

/// What walking the arguments found: the inputs in a stable order (sorted
/// within each directory), paths that could not be read, and how many files
/// were passed over because they are never articles (images, scripts).
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub unreadable: Vec<(String, String)>,
    pub ignored: usize,
}

/// Expands the command-line arguments: `-` is stdin, a directory is walked
/// recursively (hidden entries skipped), a file is taken as it is.
pub fn collect_inputs<P: AsRef<Path>>(args: &[P]) -> Collected {
    let mut out = Collected::default();
    for arg in args {
        let arg = arg.as_ref();
        if arg == Path::new("-") {
            out.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(arg) {
            Err(e) => out.unreadable.push((arg.display().to_string(), e.to_string())),
            Ok(m) if m.is_dir() => walk(arg, &mut out),
            Ok(m) => out.inputs.push(Input::File {
                path: arg.to_path_buf(),
                size: m.len(),
            }),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Collected) {
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                out.unreadable.push((path, e.to_string()));
            }
            Ok(e) if e.file_type().is_file() => {
                if is_ignored_extension(&e.file_name().to_string_lossy()) {
                    out.ignored += 1;
                    continue;
                }
                let size = e.metadata().map(|m| m.len()).unwrap_or(0);
                out.inputs.push(Input::File {
                    path: e.into_path(),
                    size,
                });
            }
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_sorted_skipping_hidden_and_images() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::create_dir_all(d.join(".git")).unwrap();
        for f in ["b.txt", "a.html", "sub/c.jsonl", ".git/x.txt", "logo.png"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let got = collect_inputs(&[d.to_path_buf(), PathBuf::from("/no/such/path")]);
        let names: Vec<String> = got
            .inputs
            .iter()
            .map(|i| i.name().trim_start_matches(&d.display().to_string()).to_string())
            .collect();
        assert_eq!(names, ["/a.html", "/b.txt", "/sub/c.jsonl"]);
        assert_eq!(got.ignored, 1);
        assert_eq!(got.unreadable.len(), 1);
        assert_eq!(got.unreadable[0].0, "/no/such/path");
    }
}
