//! The data files the stages need, loaded once per run.

use casus_core::resource::LineIssue;
use casus_ingest::Furniture;
use casus_nlp::{Abbreviations, Segmenter, Tokenizer};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Everything the stages load: furniture rules and abbreviation lists.
#[derive(Debug, Clone)]
pub struct Resources {
    pub furniture: Furniture,
    pub segmenter: Segmenter,
    pub tokenizer: Tokenizer,
}

impl Default for Resources {
    fn default() -> Self {
        Resources::builtin()
    }
}

fn read(path: &Path) -> Result<String, ResourceError> {
    std::fs::read_to_string(path).map_err(|source| ResourceError::Io {
        path: path.display().to_string(),
        source,
    })
}

impl Resources {
    /// The data shipped with casus.
    pub fn builtin() -> Self {
        Resources::load(&[], &[]).expect("built-in data loads").0
    }

    /// The built-in data plus the user's files. A file that cannot be read
    /// is an error; a bad line inside one is skipped and returned.
    pub fn load(
        furniture: &[&Path],
        abbreviations: &[&Path],
    ) -> Result<(Self, Vec<LineIssue>), ResourceError> {
        let mut issues = Vec::new();
        let mut f = Furniture::builtin();
        for p in furniture {
            issues.extend(f.add(&p.display().to_string(), &read(p)?));
        }
        let mut a = Abbreviations::builtin();
        for p in abbreviations {
            issues.extend(a.add_abbreviations(&p.display().to_string(), &read(p)?));
        }
        Ok((
            Resources {
                furniture: f,
                segmenter: Segmenter::new(a.clone()),
                tokenizer: Tokenizer::new(a),
            },
            issues,
        ))
    }
}
