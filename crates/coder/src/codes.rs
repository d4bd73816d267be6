//! The CAMEO code table (`data/cameo.tsv`): names, Goldstein values and
//! the PLOVER coding of every code; QuadClass and PentaClass by root.

use casus_core::resource::{cameo_code, columns, parse_lines, LineIssue};
use casus_core::Plover;
use std::collections::HashMap;

const BUILTIN: &str = include_str!("../data/cameo.tsv");

/// What the table says of one code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub plover: Plover,
}

#[derive(Debug, Clone, Default)]
pub struct CodeTable {
    codes: HashMap<String, CodeInfo>,
}

/// PentaClass of a two-digit root: 0 statement (01–02), 1 verbal
/// cooperation (03–05), 2 material cooperation (06–08), 3 verbal conflict
/// (09–13, 16), 4 material conflict (14–15, 17–20), as in the Phoenix data.
pub fn penta_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(1) {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        _ => 4,
    }
}

/// QuadClass: PentaClass with statements counted as verbal cooperation.
pub fn quad_class(root: &str) -> u8 {
    penta_class(root).max(1)
}

impl CodeTable {
    pub fn builtin() -> Self {
        let mut t = CodeTable::default();
        let issues = t.add("built-in:cameo.tsv", BUILTIN);
        debug_assert!(issues.is_empty(), "{issues:?}");
        t
    }

    /// Adds `CODE GOLDSTEIN CATEGORY MODE CONTEXT NAME` lines.
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<CodeInfo, String> {
            let c = columns(l, 6, 6)?;
            let code = cameo_code(c[0])?;
            let goldstein = c[1]
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("expected a Goldstein value, found `{}`", c[1]))?;
            let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
            Ok(CodeInfo {
                code: code.to_string(),
                name: c[5].trim().to_string(),
                goldstein,
                plover: Plover {
                    category: opt(c[2]),
                    mode: opt(c[3]),
                    context: opt(c[4]),
                    mode_words: None,
                },
            })
        };
        let codes = &mut self.codes;
        parse_lines(path, text, parse, |info| {
            codes.insert(info.code.clone(), info);
        })
    }

    /// The entry for `code`, or for the nearest less specific code.
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        (2..=code.len()).rev().find_map(|n| self.codes.get(&code[..n]))
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_root_with_goldstein_and_plover() {
        let t = CodeTable::builtin();
        assert!(t.len() > 300);
        let air = t.get("195").unwrap();
        assert_eq!(air.goldstein, -10.0);
        assert_eq!(air.plover.category.as_deref(), Some("ASSAULT"));
        assert_eq!(t.get("112").unwrap().plover.category.as_deref(), Some("ACCUSE"));
        assert_eq!(
            t.get("0249").unwrap().code,
            "024",
            "falls back to a less specific code"
        );
        for root in 1..=20 {
            assert!(t.get(&format!("{root:02}")).is_some(), "root {root}");
        }
    }

    #[test]
    fn classes_follow_the_root() {
        assert_eq!(penta_class("01"), 0);
        assert_eq!(penta_class("04"), 1);
        assert_eq!(penta_class("07"), 2);
        assert_eq!(penta_class("16"), 3);
        assert_eq!(penta_class("19"), 4);
        assert_eq!(quad_class("02"), 1);
    }

    #[test]
    fn a_bad_line_names_the_file_and_line() {
        let mut t = CodeTable::default();
        let issues = t.add("mine.tsv", "190\t-10\tASSAULT\t\t\tFight\n19x\t1\t\t\t\tx\n");
        assert_eq!(issues.len(), 1);
        assert!(issues[0]
            .to_string()
            .starts_with("mine.tsv:2: expected a CAMEO code"));
    }
}
