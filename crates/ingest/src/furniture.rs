//! Page furniture: "Related Stories", share prompts, cookie notices,
//! copyright lines, bare counters. Rules are data (`data/furniture.txt`,
//! format documented there), extendable with `--furniture FILE`.

use casus_core::resource::{data_lines, split_key, LineIssue};
use regex::RegexSet;

/// Paragraphs longer than this are prose, never furniture.
const MAX_FURNITURE_CHARS: usize = 200;
/// A paragraph with this many words that ends like a sentence reads as
/// prose and ends a `section`.
const PROSE_WORDS: usize = 10;

const BUILTIN: &str = include_str!("../data/furniture.txt");

/// The loaded rules.
#[derive(Debug, Clone)]
pub struct Furniture {
    drop_patterns: Vec<String>,
    section_patterns: Vec<String>,
    drop: RegexSet,
    section: RegexSet,
}

impl Furniture {
    /// The rules shipped with casus.
    pub fn builtin() -> Self {
        let mut f = Furniture::empty();
        let issues = f.add("built-in:furniture.txt", BUILTIN);
        debug_assert!(issues.is_empty(), "{issues:?}");
        f
    }

    /// No rules at all (keeps every paragraph).
    pub fn empty() -> Self {
        Furniture {
            drop_patterns: Vec::new(),
            section_patterns: Vec::new(),
            drop: RegexSet::empty(),
            section: RegexSet::empty(),
        }
    }

    /// Adds the rules of a furniture file. A line with an unknown action or
    /// a pattern that does not compile is skipped and returned.
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let mut issues = Vec::new();
        let issue = |line, message: String| LineIssue {
            path: path.to_string(),
            line,
            message,
        };
        let (mut drop, mut section) = (Vec::new(), Vec::new());
        for (line, content) in data_lines(text) {
            let Some((action, pattern)) = split_key(content) else {
                issues.push(issue(
                    line,
                    format!("expected `drop<TAB>PATTERN` or `section<TAB>PATTERN`, found `{content}`"),
                ));
                continue;
            };
            let anchored = format!("(?i)^(?:{pattern})$");
            match action {
                "drop" => drop.push((line, anchored)),
                "section" => section.push((line, anchored)),
                other => issues.push(issue(
                    line,
                    format!("unknown action `{other}`: expected `drop` or `section`"),
                )),
            }
        }
        // One set compiled per action; a pattern is compiled alone only
        // when its set does not compile, to find the culprit (compiling
        // every pattern twice was most of casus's start-up).
        for (new, patterns, set) in [
            (drop, &mut self.drop_patterns, &mut self.drop),
            (section, &mut self.section_patterns, &mut self.section),
        ] {
            if new.is_empty() {
                continue;
            }
            let all = patterns.iter().chain(new.iter().map(|(_, p)| p));
            if let Ok(compiled) = compile(all) {
                patterns.extend(new.into_iter().map(|(_, p)| p));
                *set = compiled;
                continue;
            }
            for (line, p) in new {
                match regex::Regex::new(&p) {
                    Ok(_) => patterns.push(p),
                    Err(e) => issues.push(issue(line, format!("the pattern does not compile: {e}"))),
                }
            }
            *set = compile(patterns.iter()).expect("each pattern compiled alone");
        }
        issues.sort_by_key(|i| i.line);
        issues
    }

    /// Is this (normalised) paragraph furniture to drop on its own?
    pub fn is_furniture(&self, para: &str) -> bool {
        para.chars().count() <= MAX_FURNITURE_CHARS && self.drop.is_match(para)
    }

    fn is_section_heading(&self, para: &str) -> bool {
        para.chars().count() <= MAX_FURNITURE_CHARS && self.section.is_match(para)
    }

    /// Keeps the story's paragraphs, in order.
    pub fn clean(&self, paragraphs: Vec<String>) -> Vec<String> {
        let mut out = Vec::with_capacity(paragraphs.len());
        let mut in_section = false;
        for p in paragraphs {
            if self.is_section_heading(&p) {
                in_section = true;
                continue;
            }
            if in_section {
                if !reads_as_prose(&p) {
                    continue;
                }
                in_section = false;
            }
            if !self.is_furniture(&p) {
                out.push(p);
            }
        }
        out
    }
}

/// A set of patterns with room for its lazy DFA: with the default cache
/// the `.{0,150}` patterns made it give up on most paragraphs and fall
/// back to the much slower PikeVM.
fn compile<I, S>(patterns: I) -> Result<RegexSet, regex::Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    regex::RegexSetBuilder::new(patterns)
        .dfa_size_limit(32 << 20)
        .build()
}

/// A full sentence or more: enough words, and a sentence's ending.
pub fn reads_as_prose(p: &str) -> bool {
    p.split_whitespace().count() >= PROSE_WORDS
        && p.trim_end().ends_with(['.', '?', '!', '"', '”', '’', ')', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(paras: &[&str]) -> Vec<String> {
        Furniture::builtin().clean(paras.iter().map(|s| s.to_string()).collect())
    }

    const PROSE: &str = "The ministry said the strikes had hit a dozen targets near the border on Thursday.";

    #[test]
    fn related_boxes_and_their_lists_go_and_the_story_stays() {
        let got = keep(&[
            PROSE,
            "Related Stories",
            "No stories found.",
            "Latest Kano State News -",
            "Army chief visits troops",
        ]);
        assert_eq!(got, [PROSE]);
    }

    #[test]
    fn prose_after_a_box_heading_comes_back() {
        let got = keep(&["Read more:", "Junta extends transition", PROSE]);
        assert_eq!(got, [PROSE]);
    }

    #[test]
    fn prompts_notices_counters_and_credits_go() {
        for junk in [
            "Share this article",
            "Share on Facebook",
            "Facebook | Twitter | WhatsApp",
            "Sign up for our daily newsletter",
            "We use cookies to improve your experience. Accept all cookies",
            "© 2024 Meridian Daily. All rights reserved.",
            "Copyright 2023 The Savanna Tribune Ltd.",
            "-2135",
            "12",
            "Comments (14)",
            "Advertisement",
            "By Leyla Demir · March 14, 2024",
            "Published 2 November 2023 —",
            "(Reporting by Olena Marchenko in Kyiv; Editing by Mark Hale)",
            "Read more: Junta extends transition",
            "Photo: Casus Wire",
            "Tags: Mali, Security",
            "Follow us on Twitter",
        ] {
            assert!(keep(&[junk]).is_empty(), "kept furniture: {junk}");
        }
    }

    #[test]
    fn furniture_with_curly_quotes_and_dashes_goes_too() {
        let got = keep(&[
            PROSE,
            "Sign up for “The Morning Brief” — it’s in your inbox every day",
            "© 2024 The Harbour Ledger — all rights reserved.",
        ]);
        assert_eq!(got, [PROSE]);
        // ASCII word boundaries still end words at a curly quote.
        assert_eq!(
            keep(&["“Subscribers” to the registry’s updates were told to wait."]).len(),
            1
        );
    }

    #[test]
    fn news_sentences_that_mention_these_words_are_kept() {
        for prose in [
            "More than 150 attacks have been recorded since October.",
            "By Tuesday the army had withdrawn from the city.",
            "Share prices in Lagos fell by 3 percent on Monday.",
            "The minister said he would follow the talks closely.",
            "Related talks in Geneva collapsed last week.",
        ] {
            assert_eq!(keep(&[prose]), [prose], "dropped prose");
        }
    }

    #[test]
    fn boxes_and_prompts_of_german_french_spanish_and_polish_pages_go() {
        let prosa = "Die Stadtverwaltung teilte am Montag mit, dass die Brücke bis Ende Mai gesperrt bleibt.";
        let got = keep(&[
            prosa,
            "Lesen Sie auch:",
            "Neue Ampeln am Hafen",
            "Kommentare (3)",
            "Foto: Stadtarchiv Nordheim",
            "Zum Newsletter anmelden",
            "Sie sind aktuell nicht eingeloggt.",
            "Vorheriger Artikel Der Markt zieht um",
            "Impressum | Datenschutz | Kontakt",
        ]);
        assert_eq!(got, [prosa]);
        for junk in [
            "Lea también: El puerto cierra por obras",
            "À lire aussi",
            "Zobacz także",
            "Photograph by Ana Ruiz",
            "Subscribe now to our weekend edition for the whole story.",
            "Follow the Harbour Ledger on Twitter for updates.",
        ] {
            assert!(keep(&[junk]).is_empty(), "kept furniture: {junk}");
        }
    }

    #[test]
    fn prose_in_other_languages_that_uses_these_words_is_kept() {
        for prose in [
            "Die Firma will am Freitag Insolvenz anmelden, sagte ein Sprecher.",
            "Der Newsletter des Vereins erschien seit 1998 jeden Monat.",
            "Veröffentlicht am 3. März 2021",
            "La alcaldía publicó el lunes las fotos del puente.",
        ] {
            assert_eq!(keep(&[prose]), [prose], "dropped prose");
        }
    }

    #[test]
    fn a_broken_rule_is_reported_and_the_others_load() {
        let mut f = Furniture::empty();
        let issues = f.add("mine.txt", "drop\tbreaking\\s+news\ndrop\t(unclosed\nzap\tx\n");
        assert_eq!(issues.len(), 2);
        assert_eq!((issues[0].line, issues[1].line), (2, 3));
        assert!(issues[0]
            .to_string()
            .starts_with("mine.txt:2: the pattern does not compile"));
        assert!(f.is_furniture("Breaking News"));
    }
}
