//! The data files the stages need, loaded once per run.

use casus_actors::{Dictionary, Recognizer};
use casus_attrib::{Attributor, Cues};
use casus_coder::{Classifier, CodeTable, Coder, Lexicon, Relevance, SideTagger};
use casus_core::resource::LineIssue;
use casus_ingest::Furniture;
use casus_nlp::{Abbreviations, Segmenter, Tokenizer};
use casus_resolve::Gazetteer;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

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
    /// ACLED's types, the weapon words, the actor types (`crates/acled/data`
    /// and the user's tables).
    pub acled: casus_acled::Acled,
    /// Who said what: the learned attribution tagger and its cue words.
    pub attributor: Attributor,
    pub claim_units: casus_resolve::Units,
    /// The time-expression words (`data/times.tsv` and the user's files).
    pub times: casus_resolve::Times,
    /// GeoNames places, when the index has been built
    /// (`scripts/gazetteer.sh`); without it places are not resolved.
    pub gazetteer: Option<Arc<Gazetteer>>,
}

/// Weights files from `casus train` to use instead of the shipped ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct Models<'a> {
    /// `casus train pentaclass`.
    pub pentaclass: Option<&'a Path>,
    /// `casus train relevance`.
    pub relevance: Option<&'a Path>,
    /// `casus train sides`.
    pub sides: Option<&'a Path>,
    /// `casus train quotes`.
    pub quotes: Option<&'a Path>,
}

fn weights(p: &Path) -> Result<(String, Vec<u8>), ResourceError> {
    let bytes = std::fs::read(p).map_err(|source| ResourceError::Io {
        path: p.display().to_string(),
        source,
    })?;
    Ok((p.display().to_string(), bytes))
}

/// A user's ACLED tables (formats: the files in `crates/acled/data`).
#[derive(Debug, Clone, Copy, Default)]
pub struct AcledFiles<'a> {
    /// More sub-event types, or replacements.
    pub types: Option<&'a Path>,
    /// More word classes.
    pub words: Option<&'a Path>,
    /// Rules that replace the shipped ones.
    pub rules: Option<&'a Path>,
    /// Actor types read before the shipped ones.
    pub actor_types: Option<&'a Path>,
}

/// The user's own data files, added to the built-in ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserData<'a> {
    pub furniture: &'a [&'a Path],
    pub abbreviations: &'a [&'a Path],
    pub dictionaries: &'a [&'a Path],
    pub lexicons: &'a [&'a Path],
    /// Extra time words, in the format of `crates/resolve/data/times.tsv`.
    pub times: &'a [&'a Path],
    /// Extra attribution cues, in the format of `crates/attrib/data/cues.tsv`.
    pub cues: &'a [&'a Path],
    /// ACLED tables of the user's.
    pub acled: AcledFiles<'a>,
    /// Learned weights to use instead of the shipped ones.
    pub models: Models<'a>,
    /// The gazetteer index to use instead of the default one.
    pub gazetteer: Option<&'a Path>,
}

impl Default for Resources {
    fn default() -> Self {
        Resources::builtin()
    }
}

fn pair(x: &Option<(String, String)>) -> Option<(&str, &str)> {
    x.as_ref().map(|(p, t)| (p.as_str(), t.as_str()))
}

fn read(path: &Path) -> Result<String, ResourceError> {
    std::fs::read_to_string(path).map_err(|source| ResourceError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Where the gazetteer index is looked for: `$CASUS_GAZETTEER`, then
/// `data/gazetteer/gazetteer.tsv` in the working directory, then in the
/// source tree casus was built from.
pub fn default_gazetteer_path() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("CASUS_GAZETTEER").map(PathBuf::from),
        Some(PathBuf::from("data/gazetteer/gazetteer.tsv")),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer/gazetteer.tsv")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

/// Loads a gazetteer once per process and path (tests and workers share it).
fn gazetteer_at(path: &Path, issues: &mut Vec<LineIssue>) -> Result<Arc<Gazetteer>, ResourceError> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Gazetteer>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(g) = cache.lock().expect("gazetteer cache").get(path) {
        return Ok(g.clone());
    }
    let (g, bad) = Gazetteer::open(path).map_err(|source| ResourceError::Io {
        path: path.display().to_string(),
        source,
    })?;
    // A few bad lines in a 200,000-line index are reported, not fatal.
    issues.extend(bad.into_iter().take(20));
    let g = Arc::new(g);
    cache
        .lock()
        .expect("gazetteer cache")
        .insert(path.to_path_buf(), g.clone());
    Ok(g)
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
    ///
    /// The parts are independent, and loaded on three threads: a run
    /// starts in the time of the largest part, not of all of them.
    pub fn load(user: UserData) -> Result<(Self, Vec<LineIssue>), ResourceError> {
        let (furnished, coded, read) = std::thread::scope(|s| {
            let furnished = s.spawn(|| furnishings(&user));
            let coded = s.spawn(|| coder(&user));
            let read = readers(&user);
            (join(furnished), join(coded), read)
        });
        // The loading threads' arenas keep what they freed; give it back
        // on a thread of its own while the run starts (about 3 ms).
        std::thread::spawn(casus_learn::trim_heap);
        let ((furniture, times, acled), mut issues) = furnished?;
        let (coder, coder_issues) = coded?;
        let (r, reader_issues) = read?;
        issues.extend(coder_issues);
        issues.extend(reader_issues);
        Ok((
            Resources {
                acled,
                attributor: r.attributor,
                furniture,
                segmenter: Segmenter::new(r.abbreviations.clone()),
                tokenizer: Tokenizer::new(r.abbreviations),
                actors: r.actors,
                coder,
                claim_units: casus_resolve::Units::builtin(),
                times,
                gazetteer: r.gazetteer,
            },
            issues,
        ))
    }
}

/// A loading thread's result; its panic is this thread's.
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
}

type Loaded<T> = Result<(T, Vec<LineIssue>), ResourceError>;

/// Page furniture, time words and ACLED's tables.
fn furnishings(user: &UserData) -> Loaded<(Furniture, casus_resolve::Times, casus_acled::Acled)> {
    let mut issues = Vec::new();
    let mut f = Furniture::builtin();
    for p in user.furniture {
        issues.extend(f.add(&p.display().to_string(), &read(p)?));
    }
    let mut times = casus_resolve::Times::builtin();
    for p in user.times {
        issues.extend(times.add(&p.display().to_string(), &read(p)?));
    }
    let acled_texts = [
        user.acled.types,
        user.acled.words,
        user.acled.rules,
        user.acled.actor_types,
    ]
    .map(|p| {
        p.map(|p| read(p).map(|t| (p.display().to_string(), t)))
            .transpose()
    });
    let [types, words, rules, actor_types] = acled_texts;
    let (types, words, rules, actor_types) = (types?, words?, rules?, actor_types?);
    let (acled, acled_issues) = casus_acled::Acled::with(casus_acled::UserTables {
        types: pair(&types),
        words: pair(&words),
        rules: pair(&rules),
        actor_types: pair(&actor_types),
    });
    issues.extend(acled_issues);
    Ok(((f, times, acled), issues))
}

/// The event coder: its lexicon, code table and learned models.
fn coder(user: &UserData) -> Loaded<Coder> {
    let mut texts = Vec::new();
    for p in user.lexicons {
        texts.push((p.display().to_string(), read(p)?));
    }
    let files: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let (lexicon, issues) = Lexicon::with_files(&files);
    let mut c = Coder::new(CodeTable::builtin(), lexicon);
    if let Some(p) = user.models.pentaclass {
        let (path, b) = weights(p)?;
        c = c.with_classifier(Classifier::from_bytes(&path, &b)?);
    }
    if let Some(p) = user.models.relevance {
        let (path, b) = weights(p)?;
        c = c.with_relevance(Relevance::from_bytes(&path, &b)?);
    }
    if let Some(p) = user.models.sides {
        let (path, b) = weights(p)?;
        c = c.with_sides(Some(SideTagger::from_bytes(&path, &b)?));
    }
    Ok((c, issues))
}

/// What reads the words: abbreviations, actors, attribution, places.
struct Readers {
    abbreviations: Abbreviations,
    actors: Recognizer,
    attributor: Attributor,
    gazetteer: Option<Arc<Gazetteer>>,
}

fn readers(user: &UserData) -> Loaded<Readers> {
    let mut issues = Vec::new();
    let mut a = Abbreviations::builtin();
    for p in user.abbreviations {
        issues.extend(a.add_abbreviations(&p.display().to_string(), &read(p)?));
    }
    let mut d = Dictionary::builtin();
    for p in user.dictionaries {
        issues.extend(d.add_file(&p.display().to_string(), &read(p)?));
    }
    let mut cues = Cues::builtin();
    for p in user.cues {
        issues.extend(cues.add(&p.display().to_string(), &read(p)?));
    }
    let attributor = match user.models.quotes {
        Some(p) => {
            let (path, b) = weights(p)?;
            Attributor::from_bytes(&path, &b, cues, Tokenizer::new(a.clone()))?
        }
        None => Attributor::builtin().with(cues, Tokenizer::new(a.clone())),
    };
    let gazetteer = match user.gazetteer {
        Some(p) => Some(gazetteer_at(p, &mut issues)?),
        None => default_gazetteer_path()
            .map(|p| gazetteer_at(&p, &mut issues))
            .transpose()?,
    };
    Ok((
        Readers {
            abbreviations: a,
            actors: Recognizer::new(d),
            attributor,
            gazetteer,
        },
        issues,
    ))
}
