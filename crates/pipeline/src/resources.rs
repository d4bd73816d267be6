//! The data files the stages need, loaded once per run.

use casus_actors::{Dictionary, Recognizer};
use casus_coder::{Classifier, CodeTable, Coder, Lexicon};
use casus_core::resource::LineIssue;
use casus_ingest::Furniture;
use casus_nlp::{Abbreviations, Segmenter, Tokenizer};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{path}: cannot read")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Model(#[from] casus_coder::ModelError),
}

/// Everything the stages load: furniture rules, abbreviation lists, actor
/// dictionaries, the event lexicon and the CAMEO code table.
#[derive(Debug, Clone)]
pub struct Resources {
    pub furniture: Furniture,
    pub segmenter: Segmenter,
    pub tokenizer: Tokenizer,
    pub actors: Recognizer,
    pub coder: Coder,
    pub claim_units: casus_resolve::Units,
}

/// The user's own data files, added to the built-in ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserData<'a> {
    pub furniture: &'a [&'a Path],
    pub abbreviations: &'a [&'a Path],
    pub dictionaries: &'a [&'a Path],
    pub lexicons: &'a [&'a Path],
    /// PentaClass weights to use instead of the shipped ones.
    pub model: Option<&'a Path>,
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
        Resources::load(UserData::default())
            .expect("built-in data loads")
            .0
    }

    /// The built-in data plus the user's files. A file that cannot be read
    /// is an error; a bad line inside one is skipped and returned.
    pub fn load(user: UserData) -> Result<(Self, Vec<LineIssue>), ResourceError> {
        let mut issues = Vec::new();
        let mut f = Furniture::builtin();
        for p in user.furniture {
            issues.extend(f.add(&p.display().to_string(), &read(p)?));
        }
        let mut a = Abbreviations::builtin();
        for p in user.abbreviations {
            issues.extend(a.add_abbreviations(&p.display().to_string(), &read(p)?));
        }
        let mut d = Dictionary::builtin();
        for p in user.dictionaries {
            issues.extend(d.add_file(&p.display().to_string(), &read(p)?));
        }
        let mut texts = Vec::new();
        for p in user.lexicons {
            texts.push((p.display().to_string(), read(p)?));
        }
        let files: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let (lexicon, lex_issues) = Lexicon::with_files(&files);
        issues.extend(lex_issues);
        Ok((
            Resources {
                furniture: f,
                segmenter: Segmenter::new(a.clone()),
                tokenizer: Tokenizer::new(a),
                actors: Recognizer::new(d),
                coder: match user.model {
                    Some(p) => {
                        let bytes = std::fs::read(p).map_err(|source| ResourceError::Io {
                            path: p.display().to_string(),
                            source,
                        })?;
                        let m = Classifier::from_bytes(&p.display().to_string(), &bytes)?;
                        Coder::new(CodeTable::builtin(), lexicon).with_classifier(m)
                    }
                    None => Coder::new(CodeTable::builtin(), lexicon),
                },
                claim_units: casus_resolve::Units::builtin(),
            },
            issues,
        ))
    }
}
