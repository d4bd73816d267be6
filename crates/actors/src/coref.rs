//! Coreference inside one article: pronouns ("he", "they", "its"), short
//! names ("Austin" after "Lloyd Austin"), short forms ("the coalition"
//! after "the US-led coalition", "the militias" after "Iran-backed
//! militias") and titles ("the Iraqi leader" after "Iraqi Prime Minister
//! ...") point back to the mention they mean and take its actor.
//!
//! A rule-based pass in reading order, in the spirit of Hobbs' and
//! Lappin & Leass' heuristics: a pronoun looks back in its own sentence
//! for the nearest fitting mention, then takes the first fitting mention
//! (usually the subject) of the nearest earlier sentence that has one, at
//! most three sentences back. Nothing is linked that the text does not
//! support; a pronoun with no antecedent is not a mention.

use crate::compose::{Found, Kind};
use crate::names::Cues;
use casus_core::Span;
use casus_nlp::{Token, TokenKind};

/// How far back (in sentences) a pronoun or short form may look.
const PRONOUN_WINDOW: usize = 3;

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// he, him, his, she, her
    Person,
    /// they, them, their
    Plural,
    /// it, its
    Thing,
}

fn pronoun(word: &str) -> Option<Fit> {
    Some(match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "she" | "her" | "himself" | "herself" => Fit::Person,
        "they" | "them" | "their" | "themselves" => Fit::Plural,
        "it" | "its" | "itself" => Fit::Thing,
        _ => return None,
    })
}

/// One mention seen so far, with what later words may use to point at it.
struct Entry {
    /// Index into the mentions.
    at: usize,
    sentence: usize,
    fit: Option<Fit>,
    /// "austin" for a person, "coalition" / "militia" for a group: the
    /// word a short form repeats (lower case, singular).
    short: Option<String>,
}

/// Links pronouns, short forms and titles in `found` (sorted by position)
/// to earlier mentions; adds mentions for pronouns and bare short forms.
pub(crate) fn resolve(
    text: &str,
    sentences: &[Span],
    tokens: &[Vec<Token>],
    found: &mut Vec<Found>,
    cues: &Cues,
) {
    let mut history: Vec<Entry> = Vec::new();
    let mut added: Vec<Found> = Vec::new();
    let mut m = 0; // next mention in `found`
    for (si, toks) in tokens.iter().enumerate().take(sentences.len()) {
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            // Mentions that start before this token are behind us.
            while m < found.len() && found[m].span.end <= t.span.start {
                m += 1;
            }
            if m < found.len() && found[m].span.start <= t.span.start {
                let det = definite(text, toks, i);
                link_mention(text, found, m, det, &history, si, cues);
                history.push(entry(text, &found[m], m, si, cues));
                while i < toks.len() && toks[i].span.start < found[m].span.end {
                    i += 1;
                }
                continue;
            }
            let word = t.text(text);
            if t.kind == TokenKind::Word {
                let link = if let Some(fit) = pronoun(word) {
                    let expletive = fit == Fit::Thing
                        && word.eq_ignore_ascii_case("it")
                        && toks.get(i + 1).is_some_and(|n| {
                            matches!(
                                n.text(text),
                                "is" | "was" | "'s" | "’s" | "seems" | "appears" | "remains"
                            )
                        });
                    (!expletive && !partitive(text, toks, i))
                        .then(|| pronoun_antecedent(fit, &history, found, si))
                        .flatten()
                        .map(|e| (e, Kind::Pronoun))
                } else {
                    short_form(text, toks, i, &history, found, si).map(|e| (e, found[e].kind))
                };
                if let Some((e, kind)) = link {
                    let f = Found {
                        span: t.span,
                        kind,
                        actor: found[e].actor.clone(),
                        backed_by: found[e].backed_by.clone(),
                        antecedent: Some(head_of(found, e)),
                        country_from_focus: found[e].country_from_focus,
                    };
                    // Later pronouns may chain through this one.
                    let mut en = entry(text, &found[e], e, si, cues);
                    en.short = None;
                    history.push(en);
                    added.push(f);
                }
            }
            i += 1;
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.span.start, f.span.end));
    }
}

/// "many of them", "some of which": a part of a set of things (attacks,
/// strikes) far more often than of actors.
fn partitive(text: &str, toks: &[Token], i: usize) -> bool {
    i >= 2
        && toks[i - 1].text(text).eq_ignore_ascii_case("of")
        && matches!(
            toks[i - 2].text(text).to_lowercase().as_str(),
            "many" | "some" | "most" | "all" | "several" | "none" | "few" | "both" | "each" | "one" | "any"
        )
}

/// The first mention of the chain `e` belongs to.
fn head_of(found: &[Found], e: usize) -> Span {
    found[e].antecedent.unwrap_or(found[e].span)
}

/// Is the word at `i` (or the mention starting there) preceded by a
/// definite determiner?
fn definite(text: &str, toks: &[Token], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|b| {
        matches!(
            toks[b].text(text).to_lowercase().as_str(),
            "the" | "these" | "those" | "this" | "that"
        )
    })
}

fn entry(text: &str, f: &Found, at: usize, sentence: usize, cues: &Cues) -> Entry {
    let words: Vec<&str> = f.span.slice(text).split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let head = singular(&last.trim_end_matches(['\'', '’']).to_lowercase());
    let (fit, short) = match f.kind {
        Kind::Person => (Some(Fit::Person), (words.len() > 1).then(|| last.to_lowercase())),
        Kind::Pronoun => (None, None),
        Kind::Group if cues.is_title(&head) => (Some(Fit::Person), None),
        Kind::Group => (
            Some(if is_plural(last) { Fit::Plural } else { Fit::Thing }),
            Some(head),
        ),
        Kind::ArmedGroup | Kind::Organisation | Kind::Igo => {
            let fit = if is_plural(last) { Fit::Plural } else { Fit::Thing };
            let common = last.chars().all(|c| c.is_lowercase() || c == '-');
            (Some(fit), common.then_some(head))
        }
        Kind::Country => (Some(Fit::Thing), None),
        Kind::Nationality | Kind::Place | Kind::Name => (None, None),
    };
    Entry {
        at,
        sentence,
        fit,
        short,
    }
}

fn is_plural(word: &str) -> bool {
    let w = word.to_lowercase();
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
        || matches!(w.as_str(), "people" | "police")
}

/// "militias" → "militia", "forces" → "force": enough to match a short form
/// with its antecedent's head noun.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with("ss") || word.ends_with("us") {
        word.to_string()
    } else {
        word.strip_suffix('s').unwrap_or(word).to_string()
    }
}

/// Entries in the window, newest first.
/// How many earlier mentions a name or a short form is looked for among:
/// far more than a news article holds, and a bound that keeps a book-length
/// document linear.
const REACH: usize = 2000;

fn reach(history: &[Entry]) -> &[Entry] {
    &history[history.len().saturating_sub(REACH)..]
}

fn recent(history: &[Entry], si: usize) -> impl Iterator<Item = &Entry> {
    history
        .iter()
        .rev()
        .take_while(move |e| e.sentence + PRONOUN_WINDOW >= si)
}

fn pronoun_antecedent(fit: Fit, history: &[Entry], found: &[Found], si: usize) -> Option<usize> {
    // Unknown people count; other antecedents must say who they are.
    let fits = |e: &&Entry| e.fit == Some(fit) && (fit == Fit::Person || found[e.at].actor.is_some());
    // Nearest in this sentence.
    if let Some(e) = recent(history, si).take_while(|e| e.sentence == si).find(fits) {
        return Some(e.at);
    }
    // Else the first fitting mention of the nearest earlier sentence.
    let nearest = recent(history, si)
        .filter(|e| e.sentence < si)
        .find(fits)?
        .sentence;
    // The history is in reading order: that sentence's entries are a run.
    let from = history.partition_point(|e| e.sentence < nearest);
    history[from..]
        .iter()
        .take_while(|e| e.sentence == nearest)
        .find(fits)
        .map(|e| e.at)
}

/// A word that repeats an earlier mention's short form: a surname
/// ("Austin"), or after "the" a group's head noun ("the coalition").
fn short_form(
    text: &str,
    toks: &[Token],
    i: usize,
    history: &[Entry],
    found: &[Found],
    si: usize,
) -> Option<usize> {
    let word = toks[i].text(text);
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let key = if capital {
        word.to_lowercase()
    } else if definite(text, toks, i)
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Word && is_noun_after(n.text(text)))
    {
        singular(&word.to_lowercase())
    } else {
        return None;
    };
    let plural = is_plural(word);
    reach(history)
        .iter()
        .rev()
        .filter(|e| capital || e.sentence + PRONOUN_WINDOW * 3 >= si)
        .find(|e| {
            let f = &found[e.at];
            e.short.as_deref() == Some(key.as_str())
                && if capital {
                    f.kind == Kind::Person && f.actor.is_some()
                } else {
                    informative(f) && (e.fit == Some(Fit::Plural)) == plural
                }
        })
        .map(|e| e.at)
}

/// Does this mention say who it is: a country, a dictionary id, or who
/// backs it?
fn informative(f: &Found) -> bool {
    f.backed_by.is_some()
        || f.actor
            .as_ref()
            .is_some_and(|a| a.country.is_some() || a.id.is_some())
}

/// "the coalition forces": a noun after the head makes it a modifier.
fn is_noun_after(next: &str) -> bool {
    next.chars().next().is_some_and(char::is_lowercase)
        && matches!(
            next,
            "forces"
                | "troops"
                | "members"
                | "partners"
                | "bases"
                | "base"
                | "leaders"
                | "officials"
                | "fighters"
        )
}

/// A mention the recognizer found that says less than an earlier one it
/// repeats: an uncoded surname, "the militias", "the Iraqi leader".
fn link_mention(
    text: &str,
    found: &mut [Found],
    m: usize,
    det: bool,
    history: &[Entry],
    si: usize,
    cues: &Cues,
) {
    let f = &found[m];
    // A dictionary short form ("Austin", "IS") after the full name.
    if let Some(id) = f.actor.as_ref().and_then(|a| a.id.as_deref()) {
        let len = f.span.len();
        let first = reach(history).iter().find(|e| {
            let p = &found[e.at];
            p.span.len() > len && p.actor.as_ref().and_then(|a| a.id.as_deref()) == Some(id)
        });
        if let Some(e) = first.map(|e| e.at) {
            found[m].antecedent = Some(head_of(found, e));
        }
        return;
    }
    let vague = f
        .actor
        .as_ref()
        .is_none_or(|a| a.id.is_none() && (a.country.is_none() || f.kind == Kind::Group));
    if !vague || f.antecedent.is_some() {
        return;
    }
    let s = f.span.slice(text);
    let lower = s.to_lowercase();
    let last = lower.split_whitespace().last().unwrap_or("").to_string();
    let one_word = !s.contains(char::is_whitespace);
    let target = if matches!(f.kind, Kind::Name | Kind::Person) && one_word && f.actor.is_none() {
        // "Austin", "Rasool": an earlier person's surname.
        reach(history)
            .iter()
            .rev()
            .find(|e| found[e.at].kind == Kind::Person && e.short.as_deref() == Some(lower.as_str()))
    } else if f.kind == Kind::Group && det && cues.is_title(&last) && !s.contains(['\'', '’']) {
        // "the Iraqi leader": the person of that country introduced with
        // that title, or holding a head-of-government office.
        let country = f.actor.as_ref().and_then(|a| a.country.clone());
        recent(history, si).find(|e| {
            let p = &found[e.at];
            let pa = p.actor.as_ref();
            p.kind == Kind::Person && country.is_some() && pa.and_then(|a| a.country.clone()) == country && {
                let intro = p.span.slice(text).to_lowercase();
                intro.contains(&last) || (last == "leader" && cues.is_head_title(&intro))
            }
        })
    } else if f.kind == Kind::Group && det && f.actor.as_ref().is_none_or(|a| a.country.is_none()) {
        // "the militias" after "Iran-backed militias".
        let key = singular(&last);
        let plural = is_plural(&last);
        recent(history, si).find(|e| {
            e.short.as_deref() == Some(key.as_str())
                && informative(&found[e.at])
                && (e.fit == Some(Fit::Plural)) == plural
        })
    } else {
        None
    };
    if let Some(e) = target.map(|e| e.at) {
        let (actor, backed, kind, head) = (
            found[e].actor.clone(),
            found[e].backed_by.clone(),
            found[e].kind,
            head_of(found, e),
        );
        let f = &mut found[m];
        if actor.is_some() {
            f.actor = actor;
        }
        if f.backed_by.is_none() {
            f.backed_by = backed;
        }
        if f.kind == Kind::Name || kind == Kind::Person {
            f.kind = kind;
        }
        f.antecedent = Some(head);
    }
}

#[cfg(test)]
mod tests;
