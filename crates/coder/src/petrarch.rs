//! PETRARCH/TABARI verb dictionaries (`CAMEO.verbpatterns.txt` and files in
//! its format), read into lexicon entries with their patterns.
//!
//! The format, in short: `&NAME` starts a synonym set whose `+` lines are
//! its phrases; `--- NAME [CODE] ---` starts a verb block with a default
//! code; each verb line is `VERB {IRREGULAR FORMS} [CODE]` (multi-word
//! verbs written `+BEEF_UP`, or `WIRE_+TAP` with the `+` on the word that
//! inflects); each pattern line is `- WORDS * WORDS [CODE]`, where `*` is
//! the verb, `+`, `$`, `%` and `^` stand for the target, the source, a
//! compound actor and a skipped phrase, and `&NAME` for any phrase of a
//! synonym set. The code `---` means "no event". Comments run from `#` or
//! `;` to the end of the line, or inside `<!-- -->`.
//!
//! How casus uses a pattern: the words before `*` must appear in order
//! within the eight words before the verb, the words after it in order
//! within the twelve words after it, other words allowed in between (the
//! actor markers match nothing: the coder finds the actors). A pattern
//! word matches a text word that equals it or, when it is four letters or
//! longer and does not end in `_`, one that starts with it (TABARI's stems:
//! `PREPAR` matches "prepared"). The pattern with the most words wins;
//! without one, the verb's own code, and a verb whose code is `---` gives
//! no event.

use crate::lexicon::{regular, Form};
use casus_core::resource::LineIssue;
use std::collections::HashMap;

/// One element of a pattern: any of these word sequences.
pub type Alternatives = Vec<Vec<String>>;

/// A verb pattern: words around the verb, and the code they give.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub before: Vec<Alternatives>,
    pub after: Vec<Alternatives>,
    /// `None`: the pattern says "no event" (`[---]`).
    pub code: Option<String>,
    /// How many words the pattern asks for: the most specific wins.
    pub weight: usize,
}

/// A verb of the dictionary: its forms, its own code and its block's
/// patterns (shared by the verbs of a block, by index).
#[derive(Debug, Clone, PartialEq)]
pub struct Verb {
    pub forms: Vec<(String, Form)>,
    pub code: Option<String>,
    pub patterns: usize,
}

/// A whole verb dictionary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerbDictionary {
    pub verbs: Vec<Verb>,
    /// Pattern sets, one per verb block.
    pub patterns: Vec<Vec<Pattern>>,
}

/// Does this text look like a PETRARCH verb dictionary? (A verb block
/// header `--- NAME [CODE] ---` on a line of its own.)
pub fn is_petrarch_verbs(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .any(|l| l.starts_with("---") && l.trim_end().ends_with("---") && l.contains('['))
}

fn strip_comment(l: &str) -> &str {
    let cut = l.find(['#', ';']).unwrap_or(l.len());
    l[..cut].trim()
}

/// `[CODE]` at the end of a line: (the rest, the code). `Some(None)` is
/// the null code `---`.
fn take_code(l: &str) -> (&str, Option<Option<String>>) {
    let Some(open) = l.rfind('[') else {
        return (l, None);
    };
    let Some(close) = l[open..].find(']') else {
        return (l, None);
    };
    let inner = l[open + 1..open + close].trim();
    let first = inner.split(':').next().unwrap_or("").trim();
    let code = if first.starts_with("---") || first.is_empty() {
        None
    } else {
        Some(first.to_string())
    };
    (l[..open].trim(), Some(code))
}

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(['_', ' '])
        .map(|w| w.trim_matches('+').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Which form a listed irregular form is.
fn form_of(base: &str, f: &str) -> Form {
    if f.ends_with("ing") {
        Form::Ing
    } else if f.ends_with('s') && (f == format!("{base}s") || f == format!("{base}es") || f.ends_with("ies"))
    {
        Form::S
    } else if f.ends_with('n') && !base.ends_with('n') {
        Form::Participle
    } else {
        Form::Past
    }
}

/// The forms of a verb line's head (`+BEEF_UP {+BEEFS_UP ...}`).
fn verb_forms(head: &str, braces: Option<&str>) -> Vec<(String, Form)> {
    let ws: Vec<&str> = head.split('_').filter(|w| !w.is_empty()).collect();
    // The inflected word: the one marked `+`, else the first.
    let at = ws.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let plain: Vec<String> = ws.iter().map(|w| w.trim_matches('+').to_lowercase()).collect();
    if plain.is_empty() {
        return Vec::new();
    }
    let with = |w: &str| {
        let mut p = plain.clone();
        p[at] = w.to_string();
        p.join(" ")
    };
    let mut out = vec![(plain.join(" "), Form::Base)];
    let listed: Vec<String> = braces
        .map(|b| {
            b.split_whitespace()
                .map(|f| words(f).join(" "))
                .filter(|f| !f.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if braces.is_some_and(|b| b.trim().is_empty()) {
        return out;
    }
    if listed.is_empty() {
        let (s, past, ing) = regular(&plain[at]);
        out.push((with(&s), Form::S));
        out.push((with(&past), Form::Past));
        out.push((with(&ing), Form::Ing));
    } else {
        for f in listed {
            let word = f.split(' ').nth(at).unwrap_or(&f).to_string();
            out.push((f, form_of(&plain[at], &word)));
        }
    }
    out
}

/// Plurals of a synonym-set phrase (none when it ends in `_`).
fn synonym_forms(phrase: &str, plurals: bool) -> Vec<Vec<String>> {
    let no_plural = !plurals || phrase.trim_end().ends_with('_');
    let ws = words(phrase);
    if ws.is_empty() {
        return Vec::new();
    }
    let mut out = vec![ws.clone()];
    if !no_plural {
        let mut p = ws.clone();
        let last = p.len() - 1;
        p[last] = regular(&p[last]).0;
        out.push(p);
    }
    out
}

/// Reads a verb dictionary; a line it cannot read is reported and skipped.
pub fn read_verbs(path: &str, text: &str) -> (VerbDictionary, Vec<LineIssue>) {
    let mut dict = VerbDictionary::default();
    let mut issues = Vec::new();
    let mut synsets: HashMap<String, Alternatives> = HashMap::new();
    let mut synset: Option<(String, bool)> = None;
    let mut block: Option<(Option<String>, usize)> = None;
    let mut raw_patterns: Vec<(usize, usize, String)> = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let mut l = raw.to_string();
        // <!-- ... --> comments, also over several lines.
        loop {
            if in_comment {
                match l.find("-->") {
                    Some(e) => {
                        l = l[e + 3..].to_string();
                        in_comment = false;
                    }
                    None => {
                        l.clear();
                        break;
                    }
                }
            }
            match l.find("<!--") {
                Some(s) => {
                    let rest = l[s + 4..].to_string();
                    l.truncate(s);
                    in_comment = true;
                    match rest.find("-->") {
                        Some(e) => {
                            l.push_str(&rest[e + 3..]);
                            in_comment = false;
                        }
                        None => break,
                    }
                }
                None => break,
            }
        }
        let t = l.trim();
        if t.starts_with("---") {
            synset = None;
            let inner = t.trim_matches('-').trim();
            let (_, code) = take_code(inner);
            dict.patterns.push(Vec::new());
            block = Some((code.flatten(), dict.patterns.len() - 1));
            continue;
        }
        if t.is_empty() {
            synset = None;
            continue;
        }
        let t = strip_comment(t);
        if t.is_empty() {
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("").to_uppercase();
            let plurals = !name.ends_with('_');
            synsets.entry(name.trim_end_matches('_').to_string()).or_default();
            synset = Some((name.trim_end_matches('_').to_string(), plurals));
            continue;
        }
        if let (Some((name, plurals)), Some(p)) = (&synset, t.strip_prefix('+')) {
            let forms = synonym_forms(p, *plurals);
            synsets.get_mut(name).expect("opened").extend(forms);
            continue;
        }
        let Some((default, set)) = block.clone() else {
            issues.push(LineIssue {
                path: path.into(),
                line,
                message: "expected a verb block header `--- NAME [CODE] ---` before verbs and patterns"
                    .into(),
            });
            continue;
        };
        if let Some(p) = t.strip_prefix('-') {
            raw_patterns.push((line, set, p.trim().to_string()));
            continue;
        }
        let (rest, code) = take_code(t);
        let (head, braces) = match (rest.find('{'), rest.find('}')) {
            (Some(a), Some(b)) if a < b => (rest[..a].trim(), Some(&rest[a + 1..b])),
            (None, None) => (rest.trim(), None),
            _ => {
                issues.push(LineIssue {
                    path: path.into(),
                    line,
                    message: format!("expected `{{...}}` to be closed in `{rest}`"),
                });
                continue;
            }
        };
        let head = head.split_whitespace().next().unwrap_or("");
        let forms = verb_forms(head, braces);
        if forms.is_empty() {
            continue;
        }
        dict.verbs.push(Verb {
            forms,
            code: code.unwrap_or(default),
            patterns: set,
        });
    }
    for (line, set, p) in raw_patterns {
        match pattern(&p, &synsets) {
            Ok(Some(pat)) => dict.patterns[set].push(pat),
            Ok(None) => {}
            Err(message) => issues.push(LineIssue {
                path: path.into(),
                line,
                message,
            }),
        }
    }
    for set in &mut dict.patterns {
        // The most specific first; the file's order on ties.
        set.sort_by_key(|p| std::cmp::Reverse(p.weight));
    }
    (dict, issues)
}

/// One pattern line (without its `-`); `None` when it asks for nothing
/// but actors.
fn pattern(p: &str, synsets: &HashMap<String, Alternatives>) -> Result<Option<Pattern>, String> {
    let (rest, code) = take_code(p);
    let Some(code) = code else {
        return Err(format!(
            "expected a code `[CODE]` at the end of the pattern `{p}`"
        ));
    };
    let Some(star) = rest.split_whitespace().position(|w| w == "*" || w.contains('*')) else {
        return Err(format!("expected `*` (the verb) in the pattern `{p}`"));
    };
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (k, w) in rest.split_whitespace().enumerate() {
        if k == star || matches!(w, "+" | "$" | "%" | "^") || w.starts_with(['+', '$', '%', '^', '*']) {
            continue;
        }
        // `&SECURITY_ZONE`: a synonym set joined to more words; each piece
        // is then its own element, in order.
        let pieces: Vec<&str> =
            if w.starts_with('&') && !synsets.contains_key(&w[1..].trim_end_matches('_').to_uppercase()) {
                w.split('_').filter(|p| !p.is_empty()).collect()
            } else {
                vec![w]
            };
        let mut elems = Vec::new();
        for w in pieces {
            let alts = if let Some(name) = w.strip_prefix('&') {
                match synsets.get(&name.trim_end_matches('_').to_uppercase()) {
                    Some(a) if !a.is_empty() => a.clone(),
                    _ => return Err(format!("the synonym set `{w}` is not defined")),
                }
            } else {
                let ws = words(w);
                if ws.is_empty() {
                    continue;
                }
                let exact = w.ends_with('_');
                vec![ws
                    .into_iter()
                    .map(|x| if exact { format!("{x}_") } else { x })
                    .collect()]
            };
            elems.push(alts);
        }
        if k < star {
            before.extend(elems);
        } else {
            after.extend(elems);
        }
    }
    let weight = before.len() + after.len();
    Ok((weight > 0).then_some(Pattern {
        before,
        after,
        code,
        weight,
    }))
}

fn word_matches(pat: &str, word: &str) -> bool {
    match pat.strip_suffix('_') {
        Some(exact) => exact == word,
        None => pat == word || (pat.len() >= 4 && word.starts_with(pat)),
    }
}

fn matches_at(alt: &[String], words: &[String], at: usize) -> bool {
    at + alt.len() <= words.len() && alt.iter().zip(&words[at..]).all(|(p, w)| word_matches(p, w))
}

impl Pattern {
    /// Does the pattern hold around the verb at words `verb.0..verb.1`
    /// of the sentence's lower-case words?
    pub fn holds(&self, words: &[String], verb: (usize, usize)) -> bool {
        let mut pos = verb.1;
        let limit = (verb.1 + 12).min(words.len());
        for alts in &self.after {
            let found =
                (pos..limit).find_map(|j| alts.iter().find(|a| matches_at(a, words, j)).map(|a| j + a.len()));
            match found {
                Some(next) => pos = next,
                None => return false,
            }
        }
        let mut end = verb.0;
        let floor = verb.0.saturating_sub(8);
        for alts in self.before.iter().rev() {
            let found = (floor..end).rev().find_map(|j| {
                alts.iter()
                    .find(|a| j + a.len() <= end && matches_at(a, words, j))
                    .map(|_| j)
            });
            match found {
                Some(j) => end = j,
                None => return false,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests;
