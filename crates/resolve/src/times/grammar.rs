//! The grammar of time expressions: one regular expression built from the
//! word lists, its branches tried in order at each position (the first
//! that matches wins, so longer and more specific shapes come first).

use super::words::TimeWords;
use regex::Regex;

const MONTH: &str = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues\.?|thurs\.?)";
const YEAR: &str = r"(?:1[6-9]\d\d|20\d\d)";
/// Words before an expression that TimeML leaves out of its span.
const PRE: &str = r"since|from|in|by|during|until|till|through|throughout|on|at|for|over|within|between|before|after|around|about|as\s+of";

/// `words` as one alternation, longest first, a space matching any white
/// space and an apostrophe either form.
fn alt<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut w: Vec<&str> = words.into_iter().collect();
    w.sort_by_key(|x| std::cmp::Reverse(x.len()));
    w.dedup();
    let parts: Vec<String> = w
        .iter()
        .map(|x| regex::escape(x).replace(' ', r"\s+").replace('\'', "['’]"))
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// The regular expression for `w`.
pub fn build(w: &TimeWords) -> Regex {
    let units = alt(w.units.iter().map(|(x, _)| x.as_str()));
    let singular = alt(w
        .units
        .iter()
        .map(|(x, _)| x.as_str())
        .filter(|x| !x.ends_with('s') || *x == "hrs"));
    let ones = alt(w
        .numbers
        .iter()
        .filter(|(x, n)| n.is_some_and(|n| (1..10).contains(&n)) && !x.starts_with('a'))
        .map(|(x, _)| x.as_str()));
    let tens = alt(w
        .numbers
        .iter()
        .filter(|(_, n)| n.is_some_and(|n| (20..100).contains(&n) && n % 10 == 0))
        .map(|(x, _)| x.as_str()));
    let teens = alt(w
        .numbers
        .iter()
        .filter(|(x, n)| n.is_some_and(|n| (10..20).contains(&n)) && !x.contains(' ') && !x.starts_with('a'))
        .map(|(x, _)| x.as_str()));
    let words = alt(w.numbers.iter().map(|(x, _)| x.as_str()));
    let number = format!(r"(?:\d+(?:\.\d+)?|{tens}[-\s]+{ones}|{words})");
    let ordinals = alt(w.ordinals.iter().map(|(x, _)| x.as_str()));
    let refs = alt(w.refs.iter().map(|(x, _)| x.as_str()));
    let a_sets = alt(w
        .sets
        .iter()
        .map(|(x, _)| x.as_str())
        .filter(|x| x.starts_with("a ") || x.starts_with("an ")));
    let sets = alt(w
        .sets
        .iter()
        .map(|(x, _)| x.as_str())
        .filter(|x| !x.starts_with("a ") && !x.starts_with("an ")));
    let holidays = alt(w.holidays.iter().map(|(x, _)| x.as_str()));
    let seasons = alt(w.seasons.iter().map(|(x, _)| x.as_str()));
    let parts = alt(w
        .parts
        .iter()
        .filter(|(_, v)| v.len() == 2)
        .map(|(x, _)| x.as_str()));
    let clocks = alt(w
        .parts
        .iter()
        .filter(|(_, v)| v.len() == 5)
        .map(|(x, _)| x.as_str()));
    let zones = alt(w.zones.iter().map(String::as_str));
    // A year in words, as broadcast transcripts write it: "nineteen
    // ninety-six", "nineteen oh five"; read by `resolve::year_of`.
    let spelled = format!(r"nineteen[-\s]+(?:{tens}(?:[-\s]+{ones})?|{teens}|oh[-\s]+{ones})\b");
    // Only where transcripts write them: after a month or a season, and
    // alone (every copy makes the automaton larger).
    let ys = format!("(?:{YEAR}|{spelled})");
    let (m, wd, y, ys) = (MONTH, WEEKDAY, YEAR, ys.as_str());
    let branches = [
        r"(?P<iso>\d{4}-\d{2}-\d{2})\b".to_string(),
        format!(
            r"(?P<clock>(?:(?P<hh>\d{{1,2}})(?:[:.](?P<mm>\d{{2}}))?\s*(?P<ampm>[ap]\.m\.?|[ap]m\b)|(?P<hh2>\d{{1,2}}):(?P<mm2>\d{{2}})\b|(?P<cpart>{clocks})\b)(?:\s+(?P<zone>{zones})\b)?(?:,?\s+(?:on\s+)?(?:(?P<cwd>{wd}|today|yesterday|tomorrow)\b|(?P<cmd_m>{m})\s*(?P<cmd_d>\d{{1,2}})\b))?)"
        ),
        // "Monday, Oct. 26": the weekday is part of the date's span.
        format!(r"(?:{wd},?\s+)?(?:(?P<md_mod>last|next)\s+)?(?P<md_m>{m})\s*(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>{y})\b)?"),
        format!(r"(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{m})(?:,?\s+(?P<dm_y>{y}))?\b"),
        format!(
            r"(?:the\s+)?(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[-\s]*(?:(?P<pm>{m})(?:,?\s+(?P<py>{y}))?|(?P<pyear>{y}))\b"
        ),
        format!(r"(?P<my_m>{m}),?\s+(?P<my_y>{ys})\b"),
        format!(r"(?P<mly_m>{m}),?\s+(?:of\s+)?(?P<mly>last|this|next)\s+year\b"),
        r"(?:the\s+)?(?:(?P<dec_part>early|mid|late)[-\s]?)?(?:(?P<dec>(?:1[6-9]|20)\d0)['’]?s|['’](?P<dec2>\d0)s)\b".to_string(),
        r"(?:the\s+)?(?P<cen>\d{1,2})(?:st|nd|rd|th)[-\s]+century\b".to_string(),
        format!(
            r"(?P<q>(?:the\s+)?(?:(?P<qyr>this|last|next)\s+year['’]s\s+|(?P<qy0>{y})\s+)?(?:fiscal\s+)?(?:(?P<qmod>year-ago|year-earlier|year\s+earlier|year-before|prior-year|latest|current|previous|same|past|last|recent|most\s+recent|comparable|just-ended|final)[-\s]+)?(?:(?P<qord>{ordinals})[-\s]+)?(?:fiscal[-\s]+)?(?P<qword>quarter|period)\b(?:\s+of\s+(?:fiscal\s+)?(?P<qy>{y})\b)?)"
        ),
        r"(?P<ya>year-ago|year-earlier|year-before)\b".to_string(),
        format!(r"(?:fiscal(?:\s+year)?|fy)\s*['’]?(?P<fy>{y}|\d{{2}})\b"),
        format!(
            r"(?P<eox>(?:the\s+)?(?P<eox_part>end|beginning|start|middle|rest)\s+of\s+(?P<eox_det>the|this|last|next)\s+(?P<eox_u>{singular})\b|(?P<ye>year-end|year\s+end|year['’]s\s+end)\b)"
        ),
        format!(
            r"(?:every|each)\s+(?P<swd>{wd})\b|(?P<swd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\b"
        ),
        format!(r"(?:every|each)\s+(?:(?P<set_n>{number})\s+|other\s+)(?P<set_u>{units})\b"),
        format!(
            r"(?:(?:once|twice|thrice|(?:\d+|{words})\s+times)\s+(?P<set_a>{a_sets})|(?P<set_w>{sets}))\b"
        ),
        format!(
            r"(?:(?P<wd_mod>this\s+past|this\s+coming|the\s+previous|the\s+following|last|next|this|coming|past)\s+)?(?:(?P<wd_early>early|late)\s+)?(?P<wd>{wd})(?:\s+(?P<wd_part>{parts}))?\b"
        ),
        format!(
            r"(?P<dw>today|yesterday|tomorrow|tonight|overnight|last\s+night)(?:\s+(?P<dw_part>{parts}))?\b"
        ),
        format!(
            r"(?:(?:early|late|later|earlier)\s+)?this\s+(?P<tp>{parts})\b|(?:the\s+)?(?:early|late)\s+(?P<ep>{parts})\b"
        ),
        format!(r"(?P<hol>{holidays})(?:\s+(?P<hol_y>{y}))?\b"),
        format!(r"(?:the\s+)?(?:(?:early|late|mid)[-\s])?(?P<sy>{seasons})\s+(?:of\s+)?(?P<sy_y>{ys})\b"),
        format!(
            r"(?:(?P<ru_pre>earlier|later|early|late)\s+)?(?P<ru_det>this\s+past|this\s+coming|the\s+coming|the\s+current|the\s+previous|the\s+following|the\s+past|the\s+last|the\s+next|this|last|next|coming|past)\s+(?P<ru_u>{singular}|{seasons})\b"
        ),
        format!(r"the\s+(?:(?P<sd_part>early|late)\s+)?(?P<sd>{seasons}|weekend)\b"),
        r"(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<that_u>day|year|quarter)\b".to_string(),
        r"the\s+(?:(?P<an_det>previous|next|following|same|prior)\s+(?P<an_u>day|week|month|year)|(?P<an_u2>day|week|month|year)\s+(?P<an_dir>before|after))\b".to_string(),
        format!(r"the\s+year\s+(?P<y2k>two\s+thousand(?:\s+and)?(?:[-\s]+(?:{ones}|{teens}))?)\b"),
        // "for the year", "in the fiscal year": the reported year (after
        // the branches that read "the year before", "the end of the year";
        // not "the year-ago results": the character after it is read, and
        // left out of the span).
        r"(?P<ty>the\s+(?:(?P<ty_mod>full|fiscal|current\s+fiscal|latest\s+fiscal|current|entire|whole|latest)\s+)?year)(?:[^\w\-'’]|$)".to_string(),
        format!(
            r"(?:(?:nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to|roughly|approximately)\s+)?(?:(?P<dur_det>the\s+(?:past|last|next|first|coming|previous|following|latest|final|remaining|initial)|the|past|last|next|first)\s+)?(?P<dur_n>{number})(?:\s+(?P<dur_half>1/2|and\s+a\s+half))?(?:\s*(?:to|-|or)\s*(?P<dur_n2>{number}))?(?:\s+(?:more|additional|further|extra|straight|consecutive|trading|business|working))?[-\s]+(?P<dur_u>{units})\b(?:\s+(?P<dur_half2>and\s+a\s+half)\b)?(?:\s+(?P<dur_rel>ago|earlier|later|before|after|previously|from\s+now|hence|back)\b)?"
        ),
        r"(?P<bu>years|months|weeks|days|decades|centuries|hours|minutes)\b".to_string(),
        format!(r"(?P<ref>{refs})\b"),
        format!(r"(?P<year>{ys})\b"),
        format!(r"(?:(?P<bm_mod>last|this|next|early|late)\s+)?(?P<bm>{m})"),
    ];
    let src = format!(r"(?i)\b(?:(?P<pre>{PRE})\s+)?(?:{})", branches.join("|"));
    // ASCII word boundaries: a Unicode `\b` keeps the fast DFA engines
    // off any text with a non-ASCII letter in it.
    let src = src.replace(r"\b", r"(?-u:\b)");
    regex::RegexBuilder::new(&src)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("time pattern compiles")
}
