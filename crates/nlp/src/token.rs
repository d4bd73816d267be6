//! Tokens with byte spans.

use crate::abbrev::{is_dotted_acronym, Abbreviations};
use casus_core::Span;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with internal hyphens or apostrophes:
    /// `Iran-backed`, `al-Sudani`, `U.S.`, `Gen.`.
    Word,
    /// `150`, `1,000`, `3.5`, `2024`.
    Number,
    /// A clitic split from its word: `'s`, `’s`, `n't`.
    Clitic,
    /// Everything else, one character (or a run of dots) at a time.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Splits text into tokens. Abbreviations keep their period (`Gen.`)
/// unless it is the last character of the span, where it ends the sentence.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    abbrevs: Arc<Abbreviations>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new(Abbreviations::builtin())
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl Tokenizer {
    pub fn new(abbrevs: Abbreviations) -> Self {
        Tokenizer {
            abbrevs: Arc::new(abbrevs),
        }
    }

    /// Tokens of `text[span]`, with spans into `text`.
    pub fn tokens(&self, text: &str, span: Span) -> Vec<Token> {
        let s = span.slice(text);
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let pos = |k: usize| span.start + chars.get(k).map_or(s.len(), |&(i, _)| i);
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k].1;
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                let start = k;
                k += 1;
                if c == '.' {
                    while at(k) == Some('.') {
                        k += 1;
                    }
                }
                out.push(Token {
                    span: Span::new(pos(start), pos(k)),
                    kind: TokenKind::Punct,
                });
                continue;
            }
            let start = k;
            let mut numeric = true;
            while let Some(c) = at(k) {
                let joins = |k: usize| at(k + 1).is_some_and(char::is_alphanumeric);
                if c.is_alphanumeric() {
                    numeric &= c.is_ascii_digit();
                } else if (c == '.' || c == ',') && numeric && at(k + 1).is_some_and(|d| d.is_ascii_digit()) {
                    // 3.5, 1,000
                } else if (c == '-' || c == '.' || is_apostrophe(c)) && joins(k) {
                    numeric = false;
                } else {
                    break;
                }
                k += 1;
            }
            let mut word_end = k;
            let word: String = chars[start..k].iter().map(|&(_, c)| c).collect();
            // A period that belongs to the word: U.S. / Gen. (not sentence-final).
            if at(k) == Some('.') && k + 1 < chars.len() {
                let dotted = is_dotted_acronym(&word);
                if dotted || self.abbrevs.class(&word).is_some() || is_initial(&word) {
                    k += 1;
                    word_end = k;
                }
            }
            // Clitics: Iraq's -> Iraq + 's ; don't -> do + n't
            let lower = word.to_lowercase();
            let clitic_len = if lower.ends_with("'s") || lower.ends_with("’s") {
                2
            } else if lower.ends_with("n't") || lower.ends_with("n’t") {
                3
            } else {
                0
            };
            if clitic_len > 0 && word_end == start + word.chars().count() && word.chars().count() > clitic_len
            {
                let split = word_end - clitic_len;
                out.push(Token {
                    span: Span::new(pos(start), pos(split)),
                    kind: TokenKind::Word,
                });
                out.push(Token {
                    span: Span::new(pos(split), pos(word_end)),
                    kind: TokenKind::Clitic,
                });
            } else {
                out.push(Token {
                    span: Span::new(pos(start), pos(word_end)),
                    kind: if numeric {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                });
            }
        }
        out
    }
}

fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        Tokenizer::default()
            .tokens(s, Span::new(0, s.len()))
            .iter()
            .map(|t| t.text(s))
            .collect()
    }

    #[test]
    fn words_keep_hyphens_and_acronym_periods() {
        assert_eq!(
            toks("Iran-backed groups hit U.S. bases."),
            ["Iran-backed", "groups", "hit", "U.S.", "bases", "."]
        );
    }

    #[test]
    fn titles_keep_their_period_but_a_final_period_is_its_own_token() {
        assert_eq!(
            toks("Gen. Ali spoke to Acme Inc."),
            ["Gen.", "Ali", "spoke", "to", "Acme", "Inc", "."]
        );
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        let t = Tokenizer::default();
        let s = "more than 1,000 people, or 3.5%";
        let got = t.tokens(s, Span::new(0, s.len()));
        let num: Vec<_> = got
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| t.text(s))
            .collect();
        assert_eq!(num, ["1,000", "3.5"]);
    }

    #[test]
    fn possessives_and_negations_split_off() {
        assert_eq!(
            toks("Iraq’s army didn't move"),
            ["Iraq", "’s", "army", "did", "n't", "move"]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let s = "Headline\n“Quote,” he said.";
        let span = Span::new(9, s.len());
        let t = Tokenizer::default().tokens(s, span);
        assert_eq!(t[0].text(s), "“");
        assert_eq!(t[1].text(s), "Quote");
        assert!(t.iter().all(|tok| span.contains(tok.span)));
    }
}
