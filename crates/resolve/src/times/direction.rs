//! Which way a relative date lies: back (news reports the past), forward
//! (a cue word says so), or either (the nearest such date).

use super::value::Direction;
use super::words::TimeWords;

/// One word near an expression: lower case, and whether it was written
/// with a capital (a name, "United States", is no verb).
struct Word {
    lower: String,
    capital: bool,
}

fn words_of(s: &str) -> Vec<Word> {
    s.replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| Word {
            lower: w.to_lowercase(),
            capital: w.chars().next().is_some_and(char::is_uppercase),
        })
        .collect()
}

/// Whether one of `list`'s phrases ends at word `i`.
fn ends_at(list: &[Vec<String>], ws: &[Word], i: usize) -> bool {
    list.iter().any(|parts| {
        i + 1 >= parts.len() && parts.iter().rev().enumerate().all(|(k, p)| ws[i - k].lower == *p)
    })
}

/// A past tense: a word of the `past` list, or a lower-case word in -ed
/// ("succeed", "need", "unspecified", "unexpected", "hundred" are not).
fn past(words: &TimeWords, w: &Word) -> bool {
    let l = w.lower.as_str();
    let ed = !w.capital
        && l.len() > 3
        && l.ends_with("ed")
        && !l.ends_with("eed")
        && !(l.starts_with("un") && l.len() > 6)
        && l != "hundred";
    ed || words.past.iter().any(|p| p == l)
}

/// "will be held", "is heard": a participle after "be" is not a past
/// tense.
fn participle(ws: &[Word], i: usize) -> bool {
    i > 0 && matches!(ws[i - 1].lower.as_str(), "be" | "being" | "been" | "is" | "are")
}

/// Reporting verbs: they date what they report on ("said on Friday"),
/// not what was said ("said it is calling for a vote on Dec. 7").
fn reporting(w: &str) -> bool {
    matches!(w, "said" | "told" | "announced" | "added" | "stated" | "reported")
}

/// How many words before an expression are read for a tense or a cue.
const BEFORE: usize = 8;
/// How many words after it are read for a tense, when none before says.
const AFTER: usize = 6;

/// Where the words near an expression point: forward when the nearest
/// cue before it (within eight words) is a forward word ("will meet on
/// Friday") or a bound right before it ("by Friday"), back when it is a
/// past verb ("met on Friday", "said on Friday"); failing both, forward
/// when a forward word follows within three ("Friday's vote will ..."),
/// back when a past verb follows within six ("In January, a bomb
/// exploded ..."). A possessive ("Wednesday's ruling") takes no cue
/// from before it: the words before speak of something else.
pub(super) fn of(words: &TimeWords, before: &str, after: &str) -> Direction {
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    // Only the last words before the expression are read: the tail of
    // the sentence, not all of it.
    let mut from = before.len().saturating_sub(160);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let b = words_of(&before[from..]);
    let n = b.len();
    // A past perfect speaks from a past moment, whatever cue sits between
    // it and the expression: what "had been due to expire on Friday" or
    // "until Friday, they had not called" names is the nearest Friday,
    // not one ahead (the deadline may still be to come: "had been set to
    // expire Nov. 6" on Nov. 2).
    let perfect = |w: &Word| w.lower == "had" || w.lower == "hadn't";
    // The words after, to the next comma ("Until Friday, they had").
    let next = || {
        words_of(
            after
                .trim_start_matches([',', ' '])
                .split([':', ';', ','])
                .next()
                .unwrap_or(""),
        )
    };
    if !possessive
        && (b[n.saturating_sub(BEFORE)..].iter().any(perfect) || next().iter().take(AFTER).any(perfect))
    {
        return Direction::Either;
    }
    for i in (n.saturating_sub(BEFORE)..n).rev().filter(|_| !possessive) {
        if ends_at(&words.future, &b, i) || b[i].lower.ends_with("'ll") {
            return Direction::Forward;
        }
        // "by Friday", "until March": forward only right before it;
        // "cited by police in December" is no deadline.
        if n - i <= 3 && ends_at(&words.bounds, &b, i) {
            return Direction::Forward;
        }
        if n - i > 3 && reporting(&b[i].lower) {
            continue;
        }
        if past(words, &b[i]) && !participle(&b, i) {
            return Direction::Back;
        }
    }
    let a = words_of(after);
    if (0..a.len().min(3)).any(|i| ends_at(&words.future, &a, i)) {
        return Direction::Forward;
    }
    // The clause goes on to its verb, not past a colon or a semicolon
    // ("said in an editorial on Saturday: The court took ...").
    let clause = words_of(after.split([':', ';']).next().unwrap_or(""));
    for i in 0..clause.len().min(AFTER) {
        if ends_at(&words.future, &clause, i) {
            return Direction::Forward;
        }
        if past(words, &clause[i]) && !reporting(&clause[i].lower) && !participle(&clause, i) {
            return Direction::Back;
        }
    }
    Direction::Either
}
