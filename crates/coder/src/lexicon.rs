//! The event lexicon (`data/verbs.tsv`): trigger words and phrases with
//! their CAMEO codes, inflected once at load and matched by one automaton.

use crate::petrarch::{is_petrarch_verbs, read_verbs, Pattern};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use casus_core::resource::{cameo_code, columns, data_lines, LineIssue};
use casus_core::Span;
use std::collections::HashMap;

const BUILTIN: &str = include_str!("../data/verbs.tsv");

/// What kind of word a trigger is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Verb,
    Noun,
    /// A reporting verb: a statement that opens reported speech.
    Speech,
    /// A word of judgement: the speaker's act inside reported speech.
    Judge,
}

/// Which form of the word matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    /// -s: a present verb or a plural noun.
    S,
    Past,
    Participle,
    Ing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub code: String,
    pub class: Class,
    pub form: Form,
    /// The same string is also listed as a noun (or as a verb): context decides.
    pub ambiguous: bool,
    /// A PETRARCH verb's pattern set (see [`crate::petrarch`]); its code is
    /// `---` when only a pattern can give it one.
    pub patterns: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    entries: Vec<(String, Trigger)>,
    automaton: AhoCorasick,
    patterns: Vec<Vec<Pattern>>,
}

/// A trigger found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub span: Span,
    pub trigger: Trigger,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Regular verb forms of `w`: (s, past, ing).
pub(crate) fn regular(w: &str) -> (String, String, String) {
    let s = if w.ends_with(['s', 'x', 'z']) || w.ends_with("sh") || w.ends_with("ch") {
        format!("{w}es")
    } else if let Some(stem) = w.strip_suffix('y').filter(|s| !s.ends_with(is_vowel)) {
        format!("{stem}ies")
    } else {
        format!("{w}s")
    };
    let past = if w.ends_with('e') {
        format!("{w}d")
    } else if let Some(stem) = w.strip_suffix('y').filter(|s| !s.ends_with(is_vowel)) {
        format!("{stem}ied")
    } else {
        format!("{w}ed")
    };
    let ing = match w.strip_suffix('e') {
        Some(stem) if !w.ends_with("ee") && !stem.is_empty() => format!("{stem}ing"),
        _ => format!("{w}ing"),
    };
    (s, past, ing)
}

fn plural(w: &str) -> String {
    regular(w).0
}

/// `strike{struck,struck,striking} a deal` → the phrase's words and the
/// braces' contents.
fn split_braces(p: &str) -> Result<(String, Option<Vec<String>>), String> {
    match (p.find('{'), p.find('}')) {
        (None, None) => Ok((p.to_string(), None)),
        (Some(a), Some(b)) if a < b => {
            let inner: Vec<String> = p[a + 1..b]
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            Ok((format!("{}{}", &p[..a], &p[b + 1..]), Some(inner)))
        }
        _ => Err(format!("expected `{{...}}` to be closed in `{p}`")),
    }
}

/// The forms of one phrase, with which form each is.
fn forms(class: Class, phrase: &str) -> Result<Vec<(String, Form)>, String> {
    let (words, braces) = split_braces(phrase)?;
    let words: Vec<&str> = words.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return Err("an empty phrase".into());
    };
    let rest = rest.join(" ");
    let join = |w: &str| {
        if rest.is_empty() {
            w.to_string()
        } else {
            format!("{w} {rest}")
        }
    };
    let mut out = vec![(join(first), Form::Base)];
    match class {
        Class::Noun => {
            // Nouns inflect their last word: "air strike" → "air strikes".
            let last = words.last().expect("non-empty");
            let head = &words[..words.len() - 1];
            let pl = match &braces {
                Some(b) if b.is_empty() => None,
                Some(b) => Some(b[0].clone()),
                None => Some(plural(last)),
            };
            // `{}` written after the words ("talks{}") means: no plural.
            if let Some(pl) = pl {
                let full = if head.is_empty() {
                    pl
                } else {
                    format!("{} {pl}", head.join(" "))
                };
                out.push((full, Form::S));
            }
            out[0] = (words.join(" "), Form::Base);
        }
        _ => {
            let (s, past, ing) = regular(first);
            let (past, part, ing) = match braces.as_deref() {
                Some([p, pp, g]) => (p.clone(), pp.clone(), g.clone()),
                Some([p, pp]) => (p.clone(), pp.clone(), ing),
                Some([p]) => (p.clone(), p.clone(), ing),
                Some(_) => return Err(format!("expected {{past,participle,ing}} in `{phrase}`")),
                None => (past.clone(), past, ing),
            };
            out.push((join(&s), Form::S));
            out.push((join(&past), Form::Past));
            if part != past {
                out.push((join(&part), Form::Participle));
            }
            out.push((join(&ing), Form::Ing));
        }
    }
    Ok(out)
}

impl Lexicon {
    pub fn builtin() -> Self {
        let (l, issues) = Lexicon::load(&[("built-in:verbs.tsv", BUILTIN)]);
        debug_assert!(issues.is_empty(), "{issues:?}");
        l
    }

    /// The built-in lexicon plus the given files (path, text); later
    /// entries replace earlier ones with the same phrase. A file in
    /// PETRARCH's verb format (recognised by its `--- NAME [CODE] ---`
    /// block headers) adds its verbs and patterns, but never replaces a
    /// phrase already listed: casus's own entries know more than a verb's
    /// code (noun, speech, judgement).
    pub fn with_files(files: &[(&str, &str)]) -> (Self, Vec<LineIssue>) {
        let mut all = vec![("built-in:verbs.tsv", BUILTIN)];
        all.extend_from_slice(files);
        Lexicon::load(&all)
    }

    fn load(files: &[(&str, &str)]) -> (Self, Vec<LineIssue>) {
        let mut issues = Vec::new();
        let mut map: HashMap<String, Trigger> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Pattern>> = Vec::new();
        for (path, text) in files {
            if is_petrarch_verbs(text) {
                let (dict, bad) = read_verbs(path, text);
                issues.extend(bad);
                let offset = patterns.len();
                for v in dict.verbs {
                    let code = v.code.unwrap_or_else(|| "---".into());
                    let has_patterns = !dict.patterns[v.patterns].is_empty();
                    if code == "---" && !has_patterns {
                        continue;
                    }
                    for (f, form) in v.forms {
                        if map.contains_key(&f) {
                            continue;
                        }
                        order.push(f.clone());
                        map.insert(
                            f,
                            Trigger {
                                code: code.clone(),
                                class: Class::Verb,
                                form,
                                ambiguous: false,
                                patterns: has_patterns.then_some(offset + v.patterns),
                            },
                        );
                    }
                }
                patterns.extend(dict.patterns);
                continue;
            }
            for (line, l) in data_lines(text) {
                let bad = |message: String| LineIssue {
                    path: path.to_string(),
                    line,
                    message,
                };
                // `none  none  PHRASES`: phrases that are no trigger.
                fn none(c: Vec<&str>) -> Result<(Vec<&str>, &str), String> {
                    let code = if c[0].trim() == "none" {
                        "---"
                    } else {
                        cameo_code(c[0])?
                    };
                    Ok((c, code))
                }
                let (c, code) = match columns(l, 3, 3).and_then(none) {
                    Ok(x) => x,
                    Err(e) => {
                        issues.push(bad(e));
                        continue;
                    }
                };
                let class = match c[1].trim() {
                    "verb" | "none" => Class::Verb,
                    "noun" => Class::Noun,
                    "speech" => Class::Speech,
                    "judge" => Class::Judge,
                    k => {
                        issues.push(bad(format!(
                            "expected KIND verb, noun, speech, judge or none, found `{k}`"
                        )));
                        continue;
                    }
                };
                for p in c[2].split('|').map(str::trim).filter(|p| !p.is_empty()) {
                    // Judgement words are adjectives, nouns or verbs: inflect
                    // as a verb when the word looks like one.
                    let as_class = match class {
                        Class::Judge if p.ends_with("ion") || p.ends_with("ment") || p.contains("{}") => {
                            Class::Noun
                        }
                        Class::Judge => Class::Verb,
                        c => c,
                    };
                    match forms(as_class, &p.to_lowercase()) {
                        Ok(fs) => {
                            for (f, form) in fs {
                                let ambiguous = map.get(&f).is_some_and(|old| {
                                    (old.class == Class::Noun) != (as_class == Class::Noun)
                                });
                                if !map.contains_key(&f) {
                                    order.push(f.clone());
                                }
                                map.insert(
                                    f,
                                    Trigger {
                                        code: code.to_string(),
                                        class,
                                        form,
                                        ambiguous,
                                        patterns: None,
                                    },
                                );
                            }
                        }
                        Err(e) => issues.push(bad(e)),
                    }
                }
            }
        }
        let entries: Vec<(String, Trigger)> = order
            .into_iter()
            .map(|f| {
                let t = map.remove(&f).expect("listed");
                (f, t)
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(entries.iter().map(|(f, _)| f.as_str()))
            .expect("lexicon automaton builds");
        (
            Lexicon {
                entries,
                automaton,
                patterns,
            },
            issues,
        )
    }

    /// Whole-word triggers in `text[span]`, in order; a PETRARCH verb
    /// takes the code of its most specific pattern that holds, and gives
    /// nothing when that code (or its own, without a pattern) is `---`.
    pub fn find(&self, text: &str, span: Span) -> Vec<Hit> {
        let part = &text[span.start..span.end];
        let mut words: Option<Words> = None;
        // Every phrase that matches whole words, then the longest at each
        // place, left to right: "agreed today" is "agreed", not a failed
        // "agreed to" (which a leftmost-longest search would pick and the
        // word test then drop).
        let mut all: Vec<aho_corasick::Match> = self
            .automaton
            .find_overlapping_iter(part)
            .filter(|m| {
                let before = part[..m.start()].chars().next_back();
                let after = part[m.end()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric() && c != '-')
                    && after.is_none_or(|c| !c.is_alphanumeric() && c != '-')
            })
            .collect();
        all.sort_by_key(|m| (m.start(), std::cmp::Reverse(m.end())));
        let mut end = 0;
        all.retain(|m| {
            let keep = m.start() >= end;
            if keep {
                end = m.end();
            }
            keep
        });
        all.into_iter()
            .filter_map(|m| {
                let mut trigger = self.entries[m.pattern().as_usize()].1.clone();
                if let Some(set) = trigger.patterns {
                    // The sentence's words, read once for all its hits.
                    let (spans, lower) = words.get_or_insert_with(|| word_spans(part));
                    let first = spans.partition_point(|w| w.1 <= m.start());
                    let last = spans.partition_point(|w| w.0 < m.end());
                    if let Some(p) = self.patterns[set].iter().find(|p| p.holds(lower, (first, last))) {
                        trigger.code = p.code.clone()?;
                    }
                }
                // A one-word trigger capitalised inside a sentence that is
                // not a headline is a name: "in March", "Operation Hope".
                let word = &part[m.start()..m.end()];
                let name = !word.contains(' ')
                    && m.start() > 0
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && !part[..m.start()]
                        .trim_end()
                        .ends_with(['"', '“', ':', '(', '‘', '\''])
                    && !headline(part);
                (trigger.code != "---" && !name).then(|| Hit {
                    span: Span::new(span.start + m.start(), span.start + m.end()),
                    trigger,
                })
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Is most of this sentence capitalised, as a headline is?
fn headline(part: &str) -> bool {
    let words: Vec<&str> = part
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic) && w.len() > 3)
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !words.is_empty() && caps * 10 >= words.len() * 6
}

/// A text's word spans, and the words in lower case.
type Words = (Vec<(usize, usize)>, Vec<String>);

/// The words of a text.
fn word_spans(part: &str) -> Words {
    let (mut spans, mut lower) = (Vec::new(), Vec::new());
    let mut start = None;
    for (i, c) in part.char_indices().chain(std::iter::once((part.len(), ' '))) {
        let inside = c.is_alphanumeric() || c == '\'' || c == '’';
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push((s, i));
                lower.push(part[s..i].to_lowercase());
                start = None;
            }
            _ => {}
        }
    }
    (spans, lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, String, Form)> {
        Lexicon::builtin()
            .find(text, Span::new(0, text.len()))
            .into_iter()
            .map(|h| (h.span.slice(text).to_string(), h.trigger.code, h.trigger.form))
            .collect()
    }

    #[test]
    fn verbs_are_inflected_and_irregular_forms_given() {
        assert_eq!(find("jets struck")[0].1, "195");
        assert_eq!(
            find("they criticised")[0],
            ("criticised".into(), "111".into(), Form::Past)
        );
        assert_eq!(find("accusing")[0].1, "112");
        assert_eq!(find("it denied")[0].1, "016");
        assert_eq!(find("were detained")[0].2, Form::Past);
    }

    #[test]
    fn a_longer_phrase_that_is_not_whole_words_leaves_the_shorter_one() {
        // "agree to" would match inside "agreed today".
        assert_eq!(find("They agreed today to talk")[0].0, "agreed");
    }

    #[test]
    fn the_longest_phrase_wins_and_words_must_be_whole() {
        assert_eq!(find("they struck a deal")[0].1, "057");
        assert!(find("the attackers").is_empty());
        assert_eq!(find("US airstrikes")[0].1, "195");
    }

    #[test]
    fn a_bad_line_names_its_file_and_line_and_is_skipped() {
        let (l, issues) = Lexicon::with_files(&[(
            "mine.tsv",
            "190\tverb\tzap{zapped}\n19\tverbish\tzing\nx\tverb\tzonk\n",
        )]);
        assert_eq!(issues.len(), 2);
        assert!(issues[0].to_string().starts_with("mine.tsv:2: expected KIND"));
        assert!(!l.find("they zapped", Span::new(0, 11)).is_empty());
    }
}
