//! Language identification (whatlang: small, fast, no model files).

/// The language of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Language {
    /// ISO 639-1 where the language has one (`en`), else ISO 639-3.
    pub code: &'static str,
    /// whatlang's confidence in [0, 1].
    pub confidence: f64,
    /// whatlang's own judgement that the guess is safe; short texts rarely are.
    pub reliable: bool,
}

/// How much text is enough to tell a language; more only costs time.
const SAMPLE_BYTES: usize = 4000;

/// Identifies the language of `text` from its first few thousand bytes.
pub fn detect_language(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    let code3 = info.lang().code();
    Some(Language {
        code: iso639_1(code3).unwrap_or(code3),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// English function words that other languages written in Latin script
/// rarely use ("in", "on", "a" and "die" are left out for that reason).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "at",
    "by",
    "with",
    "from",
    "that",
    "were",
    "said",
    "has",
    "have",
    "near",
    "after",
    "for",
    "are",
    "his",
    "their",
    "its",
    "which",
    "who",
    "this",
    "had",
    "been",
    "would",
    "will",
    "not",
    "was",
    "when",
    "they",
    "him",
    "them",
    "himself",
    "herself",
    "themselves",
    "into",
    "out",
    "up",
    "two",
    "three",
    "four",
    "five",
    "seven",
    "eight",
    "nine",
    "killing",
    "killed",
    "people",
    "than",
    "there",
    "against",
    "during",
    "because",
    "could",
    "should",
    "since",
    "while",
    "where",
];

/// The share of words in `text` (its first few thousand bytes) that are
/// English function words: about a third in English prose, near zero in
/// other languages. A short English text full of unfamiliar names can fool
/// a letter-statistics detector; this cannot be fooled that way.
pub fn english_share(text: &str) -> f64 {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut words, mut hits) = (0usize, 0usize);
    for w in text[..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if ENGLISH_FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)) {
            hits += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        hits as f64 / words as f64
    }
}

/// ISO 639-3 to 639-1 for the languages whatlang knows (a code table).
fn iso639_1(code3: &str) -> Option<&'static str> {
    #[rustfmt::skip]
    const TABLE: &[(&str, &str)] = &[
        ("afr", "af"), ("aka", "ak"), ("amh", "am"), ("ara", "ar"), ("aze", "az"),
        ("bel", "be"), ("ben", "bn"), ("bul", "bg"), ("cat", "ca"), ("ces", "cs"),
        ("cmn", "zh"), ("dan", "da"), ("deu", "de"), ("ell", "el"), ("eng", "en"),
        ("epo", "eo"), ("est", "et"), ("fin", "fi"), ("fra", "fr"), ("guj", "gu"),
        ("heb", "he"), ("hin", "hi"), ("hrv", "hr"), ("hun", "hu"), ("hye", "hy"),
        ("ind", "id"), ("ita", "it"), ("jav", "jv"), ("jpn", "ja"), ("kan", "kn"),
        ("kat", "ka"), ("khm", "km"), ("kor", "ko"), ("lat", "la"), ("lav", "lv"),
        ("lit", "lt"), ("mal", "ml"), ("mar", "mr"), ("mkd", "mk"), ("mya", "my"),
        ("nep", "ne"), ("nld", "nl"), ("nob", "nb"), ("ori", "or"), ("pan", "pa"),
        ("pes", "fa"), ("pol", "pl"), ("por", "pt"), ("ron", "ro"), ("rus", "ru"),
        ("sin", "si"), ("slk", "sk"), ("slv", "sl"), ("sna", "sn"), ("spa", "es"),
        ("srp", "sr"), ("swe", "sv"), ("tam", "ta"), ("tel", "te"), ("tgl", "tl"),
        ("tha", "th"), ("tuk", "tk"), ("tur", "tr"), ("ukr", "uk"), ("urd", "ur"),
        ("uzb", "uz"), ("vie", "vi"), ("yid", "yi"), ("zul", "zu"),
    ];
    TABLE.iter().find(|(c3, _)| *c3 == code3).map(|(_, c1)| *c1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_news_is_english() {
        let l = detect_language(
            "The army said on Tuesday that its soldiers had repelled an attack on a base near the border, killing several fighters.",
        )
        .unwrap();
        assert_eq!(l.code, "en");
        assert!(l.reliable);
    }

    #[test]
    fn english_function_words_are_frequent_in_english_only() {
        assert!(english_share("The front attacked a post near Dravik, the officials said.") > 0.2);
        assert!(english_share("A car bomber blew himself up in Askol, killing five guards.") > 0.2);
        assert!(english_share("Le gouvernement a annoncé mardi un cessez-le-feu dans la région.") < 0.05);
        assert!(
            english_share("Die Regierung hat am Dienstag eine Waffenruhe in der Region verkündet.") < 0.05
        );
    }

    #[test]
    fn french_and_spanish_news_are_marked_as_such() {
        let fr = detect_language("Le gouvernement a annoncé mardi un cessez-le-feu dans la région après des semaines de combats entre l'armée et les rebelles.").unwrap();
        assert_eq!(fr.code, "fr");
        let es = detect_language("El gobierno anunció el martes un alto el fuego en la región tras semanas de combates entre el ejército y los rebeldes.").unwrap();
        assert_eq!(es.code, "es");
    }
}
