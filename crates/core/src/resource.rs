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

/// The tab-separated columns of a line: at least `min` (trailing empty
/// columns may be left out), at most `max`.
pub fn columns(line: &str, min: usize, max: usize) -> Result<Vec<&str>, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < min || cols.len() > max {
        let expected = if min == max {
            min.to_string()
        } else {
            format!("{min} to {max}")
        };
        return Err(format!(
            "expected {expected} tab-separated columns, found {}",
            cols.len()
        ));
    }
    Ok(cols)
}

/// Parses every data line of a file with `parse` and hands each item to
/// `add`; a line `parse` refuses becomes a [`LineIssue`] (file, line,
/// what was expected) and is skipped.
pub fn parse_lines<T>(
    path: &str,
    text: &str,
    mut parse: impl FnMut(&str) -> Result<T, String>,
    mut add: impl FnMut(T),
) -> Vec<LineIssue> {
    let mut issues = Vec::new();
    for (line, content) in data_lines(text) {
        match parse(content) {
            Ok(item) => add(item),
            Err(message) => issues.push(LineIssue {
                path: path.to_string(),
                line,
                message,
            }),
        }
    }
    issues
}

/// A CAMEO event code: two or more digits.
pub fn cameo_code(s: &str) -> Result<&str, String> {
    let code = s.trim();
    if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("expected a CAMEO code of digits, found `{code}`"));
    }
    Ok(code)
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
    fn a_refused_line_becomes_an_issue_with_its_line_number() {
        let mut got = Vec::new();
        let issues = parse_lines(
            "f.tsv",
            "# h\na\tb\nbad\n",
            |l| columns(l, 2, 2).map(|c| c[1].to_string()),
            |x| got.push(x),
        );
        assert_eq!(got, ["b"]);
        assert_eq!(
            issues[0].to_string(),
            "f.tsv:3: expected 2 tab-separated columns, found 1"
        );
        assert!(cameo_code("19x").is_err() && cameo_code("195").is_ok());
    }

    #[test]
    fn split_key_takes_tab_or_space() {
        assert_eq!(split_key("title\tGen"), Some(("title", "Gen")));
        assert_eq!(split_key("title Gen"), Some(("title", "Gen")));
        assert_eq!(split_key("title"), None);
    }
}
