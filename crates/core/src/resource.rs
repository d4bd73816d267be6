//! Helpers shared by the loaders of casus's line-based data files
//! (abbreviations, furniture rules, and the dictionaries of later stages).

use std::fmt;

/// A line of a data file that could not be used. Loaders skip such a line,
/// keep the rest, and hand these back so the caller can report them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIssue {
    /// The file (or `built-in:NAME` for data shipped inside the binary).
    pub path: String,
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LineIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// The lines of a data file that carry data: 1-based line number and the
/// trimmed line, without blank lines and `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Splits `KEY<TAB>value` or `KEY value` into its two trimmed parts.
pub fn split_key(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(['\t', ' '])?;
    let v = v.trim();
    (!v.is_empty()).then_some((k.trim(), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lines_skip_comments_and_blanks_but_keep_line_numbers() {
        let text = "# header\n\nalpha\n  # indented comment\nbeta\t2\n";
        let got: Vec<_> = data_lines(text).collect();
        assert_eq!(got, vec![(3, "alpha"), (5, "beta\t2")]);
    }

    #[test]
    fn split_key_takes_tab_or_space() {
        assert_eq!(split_key("title\tGen"), Some(("title", "Gen")));
        assert_eq!(split_key("title Gen"), Some(("title", "Gen")));
        assert_eq!(split_key("title"), None);
    }
}
