//! The ACLED rules (`data/acled-rules.tsv`): tests on an event's CAMEO
//! code, its actors' ACLED types and its sentence's word classes, read in
//! order; the first rule that holds names the sub-event type.

use crate::words::{Hit, WordClasses};
use casus_core::resource::{columns, data_lines, LineIssue};
use casus_core::Span;

/// One test of a rule.
#[derive(Debug, Clone, PartialEq)]
enum Test {
    /// A phrase of one of the classes is (or, negated, is not) in the
    /// sentence; `None` in the list stands for any `mode:` class.
    Has(Vec<Option<usize>>, bool),
    /// The CAMEO code starts with one of these (`-`: no coded event).
    Cameo(Vec<String>, bool),
    Source(Vec<u8>, bool),
    Target(Vec<u8>, bool),
}

/// One line of the rules file.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub sub_event_type: String,
    tests: Vec<Test>,
    /// The CAMEO code of an event the rule makes in a sentence with none.
    pub cameo: String,
}

/// What the rules read about one event.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts<'a> {
    /// The event's CAMEO code; `None` for a sentence with no coded event.
    pub cameo: Option<&'a str>,
    pub trigger: Option<Span>,
    /// ACLED actor types (1–8) of the source and the target.
    pub source: Option<u8>,
    pub target: Option<u8>,
}

impl Rule {
    /// Parses `SUB_EVENT<TAB>TESTS[<TAB>CAMEO]`; class names are looked up
    /// in `words` (a class no phrase fills is refused: it is a typo).
    pub fn parse(line: &str, words: &WordClasses) -> Result<Rule, String> {
        let c = columns(line, 2, 3)?;
        let mut tests = Vec::new();
        for t in c[1].split_whitespace() {
            let (neg, t) = match t.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, t),
            };
            let (key, list) = t.split_once(':').ok_or_else(|| {
                format!("expected a test `has:`, `cameo:`, `source:` or `target:`, found `{t}`")
            })?;
            // `has:mode:air-strike,mode:drone`: class names keep their colons.
            let items: Vec<&str> = list.split(',').filter(|s| !s.is_empty()).collect();
            tests.push(match key {
                "has" => Test::Has(
                    items
                        .iter()
                        .map(|name| match *name {
                            "mode:*" => Ok(None),
                            _ => words
                                .find_class(name)
                                .map(Some)
                                .ok_or_else(|| format!("no word class `{name}` in the words files")),
                        })
                        .collect::<Result<_, _>>()?,
                    neg,
                ),
                "cameo" => Test::Cameo(items.iter().map(|s| s.to_string()).collect(), neg),
                "source" | "target" => {
                    let codes = items
                        .iter()
                        .map(|s| s.parse::<u8>().ok().filter(|n| (1..=8).contains(n)))
                        .collect::<Option<Vec<u8>>>()
                        .ok_or_else(|| format!("expected ACLED actor types 1 to 8 in `{t}`"))?;
                    if key == "source" {
                        Test::Source(codes, neg)
                    } else {
                        Test::Target(codes, neg)
                    }
                }
                _ => {
                    return Err(format!(
                        "unknown test `{key}:` (expected has, cameo, source or target)"
                    ))
                }
            });
        }
        Ok(Rule {
            sub_event_type: c[0].trim().to_string(),
            tests,
            cameo: c.get(2).map_or("", |s| s.trim()).to_string(),
        })
    }

    /// Whether the rule holds, and the words that decided it (the hit of
    /// the first `has:` test nearest the trigger).
    pub fn holds(&self, facts: &Facts, hits: &[Hit], words: &WordClasses) -> Option<Option<Span>> {
        let mut cue = None;
        let mut cameo_tested = false;
        for t in &self.tests {
            let ok = match t {
                Test::Has(classes, neg) => {
                    let fits = |h: &&Hit| {
                        classes.iter().any(|c| match c {
                            Some(c) => h.class == *c,
                            None => words.is_mode(h.class),
                        })
                    };
                    let near = hits.iter().filter(fits).min_by_key(|h| match facts.trigger {
                        Some(t) => h.span.start.abs_diff(t.start),
                        None => h.span.start,
                    });
                    if !neg && cue.is_none() {
                        cue = near.map(|h| h.span);
                    }
                    near.is_some() != *neg
                }
                Test::Cameo(prefixes, neg) => {
                    cameo_tested = true;
                    let fits = prefixes.iter().any(|p| match facts.cameo {
                        None => p == "-",
                        Some(code) => p != "-" && code.starts_with(p.as_str()),
                    });
                    fits != *neg
                }
                Test::Source(codes, neg) => actor_test(facts.source, codes, *neg),
                Test::Target(codes, neg) => actor_test(facts.target, codes, *neg),
            };
            if !ok {
                return None;
            }
        }
        // A rule that names no CAMEO code types coded events only.
        if !cameo_tested && facts.cameo.is_none() {
            return None;
        }
        Some(cue)
    }
}

fn actor_test(actor: Option<u8>, codes: &[u8], neg: bool) -> bool {
    match actor {
        Some(a) => codes.contains(&a) != neg,
        None => neg,
    }
}

/// The rules, in order.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub rules: Vec<Rule>,
}

impl Rules {
    /// Adds the lines of a rules file after the rules already loaded; a
    /// bad line is skipped and returned. `known` says whether a sub-event
    /// type is in the types table.
    pub fn add(
        &mut self,
        path: &str,
        text: &str,
        words: &WordClasses,
        known: impl Fn(&str) -> bool,
    ) -> Vec<LineIssue> {
        let mut issues = Vec::new();
        for (line, content) in data_lines(text) {
            let parsed = Rule::parse(content, words).and_then(|r| {
                if known(&r.sub_event_type) {
                    Ok(r)
                } else {
                    Err(format!(
                        "unknown sub-event type `{}` (not in the types table)",
                        r.sub_event_type
                    ))
                }
            });
            match parsed {
                Ok(r) => self.rules.push(r),
                Err(message) => issues.push(LineIssue {
                    path: path.to_string(),
                    line,
                    message,
                }),
            }
        }
        issues
    }

    /// The first rule that holds, with its cue.
    pub fn first(&self, facts: &Facts, hits: &[Hit], words: &WordClasses) -> Option<(&Rule, Option<Span>)> {
        self.rules
            .iter()
            .find_map(|r| r.holds(facts, hits, words).map(|cue| (r, cue)))
    }
}
