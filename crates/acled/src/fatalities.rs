//! Fatalities: how many people a sentence says were killed ("killing at
//! least 12", "three soldiers were killed", "a death toll of 40", "no one
//! was killed"), with the writer's qualifier and the words.

use casus_core::Span;
use regex::Regex;
use std::sync::OnceLock;

/// A count of the dead in a sentence (byte span).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub count: u64,
    /// "at least", "more than", ...
    pub qualifier: Option<String>,
    pub span: Span,
}

const NUMBER: &str = r"\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred|a dozen|dozen";
const QUALIFIER: &str = r"at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|at most|close to|roughly|fewer than|less than";
const DEATH: &str = r"deaths|succumbed|killed|shot dead|murdered|slain|dead|died|lost their lives|lost his life|lost her life|beheaded|lynched|massacred|gunned down|hacked to death|beaten to death|stabbed to death|burnt to death|burned to death|charred to death|perished";

fn patterns() -> &'static [Regex; 4] {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        let compile = |p: String| Regex::new(&p).expect("fatality pattern compiles");
        [
            // "killing at least 12 people", "killed a policeman"
            compile(format!(
                r"(?i)\b(?:killed|killing|kills|kill|massacred|shot dead|gunned down|claimed the lives of)\s+(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER}|an?)\b(?:\s+(?:people|persons|civilians|soldiers|dead|others|of them|[a-z-]+))?"
            )),
            // "three soldiers were killed", "12 dead", "five people died"
            compile(format!(
                r"(?i)\b(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\s+(?:[\w-]+\s+){{0,4}}?(?:(?:were|was|have been|had been|has been|have|has|had|are|is|got|reportedly|allegedly|also)\s+)*(?:{DEATH})\b"
            )),
            // "a death toll of 40", "the toll rose to 25"
            compile(format!(
                r"(?i)\b(?:death toll|toll|fatalities|deaths)\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|stands|stood|is|was|of|to|at|\s)*(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})\b"
            )),
            // "no one was killed", "no casualties"
            compile(r"(?i)\b(?:no one|nobody|no-one|none)\s+(?:was|were|has been)\s+(?:killed|hurt|injured|harmed)|\bno (?:casualties|fatalities|deaths|loss of life)\b".to_string()),
        ]
    })
}

/// A month's name or its abbreviation ("March", "Sept").
fn is_month(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() >= 3
        && casus_core::calendar::MONTHS
            .iter()
            .any(|m| m.starts_with(w.as_str()))
}

fn value(n: &str) -> Option<u64> {
    let n = n.to_lowercase();
    if let Ok(v) = n.replace(',', "").parse::<u64>() {
        return Some(v);
    }
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(v) = WORDS.iter().position(|w| *w == n) {
        return Some(v as u64);
    }
    Some(match n.as_str() {
        "a" | "an" => 1,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "a hundred" | "one hundred" => 100,
        "a dozen" | "dozen" => 12,
        _ => return None,
    })
}

/// The count of the dead in `text[span]` (one sentence): the largest the
/// sentence gives; none when it gives none (never 0 by default: 0 only
/// for "no one was killed").
pub fn find(text: &str, span: Span) -> Option<Count> {
    let part = &text[span.start..span.end];
    let [after_verb, before_verb, toll, nobody] = patterns();
    let mut best: Option<Count> = None;
    let none = nobody.find(part);
    for re in [after_verb, before_verb, toll] {
        for c in re.captures_iter(part) {
            let whole = c.get(0).expect("match");
            // "no one was killed" is not one dead.
            if none.is_some_and(|n| n.start() < whole.end() && whole.start() < n.end()) {
                continue;
            }
            let n = c.name("n").expect("number");
            // A date is no count: "on 12 March militants killed ...".
            let between = &part[n.end()..whole.end()];
            if between
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| is_month(w) || (w.len() == 4 && w.parse::<u32>().is_ok()))
            {
                continue;
            }
            // "killed a" needs a person after it, not "killed a bid".
            let Some(count) = value(n.as_str()) else { continue };
            if count > 1_000_000 {
                continue;
            }
            if best.as_ref().is_none_or(|b| count > b.count) {
                best = Some(Count {
                    count,
                    qualifier: c.name("q").map(|q| q.as_str().to_lowercase()),
                    span: Span::new(span.start + whole.start(), span.start + whole.end()),
                });
            }
        }
    }
    if best.is_none() {
        if let Some(m) = none {
            best = Some(Count {
                count: 0,
                qualifier: None,
                span: Span::new(span.start + m.start(), span.start + m.end()),
            });
        }
    }
    best
}
