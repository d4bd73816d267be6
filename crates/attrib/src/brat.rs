//! The brat standoff files of attribution corpora (PolNeAR's layout):
//! `DIR/text/NAME.txt` and `DIR/attributions/NAME_ANNOTATOR.ann`, with
//! `T` lines for spans (`Tn<TAB>Type START END[;START END]<TAB>words`,
//! code-point offsets, end exclusive) and `E` lines linking them
//! (`En<TAB>Attribution:Ta Content:Tc Cue:Tq Source:Ts`). Where an article
//! has several annotators, the first in sorted order is read (PolNeAR's
//! primary annotator); the others are for agreement studies.

use crate::AttribError;
use casus_core::Span;
use std::collections::HashMap;
use std::path::Path;

/// One annotated attribution, in byte spans into its document's text.
/// Each part may be discontinuous (a split quote's content).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldAttribution {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// One article and its attributions.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub name: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Reads every article of a corpus folder (`text/` and `attributions/`).
pub fn read_dir(dir: &Path) -> Result<Vec<GoldDoc>, AttribError> {
    let io = |p: &Path| {
        let path = p.display().to_string();
        move |source| AttribError::Io { path, source }
    };
    let anns = dir.join("attributions");
    let mut primary: HashMap<String, (String, std::path::PathBuf)> = HashMap::new();
    for e in std::fs::read_dir(&anns).map_err(io(&anns))? {
        let p = e.map_err(io(&anns))?.path();
        let Some(stem) = p
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".ann"))
        else {
            continue;
        };
        let Some((name, annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        let keep = primary.get(name).is_none_or(|(a, _)| annotator < a.as_str());
        if keep {
            primary.insert(name.to_string(), (annotator.to_string(), p.clone()));
        }
    }
    let mut names: Vec<&String> = primary.keys().collect();
    names.sort();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let tp = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&tp).map_err(io(&tp))?;
        let ap = &primary[name].1;
        let ann = std::fs::read_to_string(ap).map_err(io(ap))?;
        let attributions = parse(&ap.display().to_string(), &text, &ann)?;
        out.push(GoldDoc {
            name: name.clone(),
            text,
            attributions,
        });
    }
    Ok(out)
}

/// The attributions of one `.ann` file over `text`.
pub fn parse(path: &str, text: &str, ann: &str) -> Result<Vec<GoldAttribution>, AttribError> {
    // Code point → byte offset (one past the end included).
    let bytes = casus_core::code_point_bytes(text);
    let bad = |line: usize, what: String| AttribError::Malformed {
        path: path.to_string(),
        line,
        what,
    };
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut links: Vec<(usize, &str)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let n = n + 1;
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        if id.starts_with('E') && id[1..].bytes().all(|b| b.is_ascii_digit()) {
            links.push((n, cols.next().unwrap_or("")));
        } else if id.starts_with('T') && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit()) {
            let head = cols
                .next()
                .ok_or_else(|| bad(n, "a span line without its type and offsets".into()))?;
            let (_, offsets) = head
                .split_once(' ')
                .ok_or_else(|| bad(n, format!("expected `Type START END`, found `{head}`")))?;
            let mut pieces = Vec::new();
            for piece in offsets.split(';') {
                let (a, b) = piece
                    .split_once(' ')
                    .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
                    .ok_or_else(|| bad(n, format!("expected `START END` offsets, found `{piece}`")))?;
                if a > b || b >= bytes.len() {
                    return Err(bad(
                        n,
                        format!("span {a}..{b} outside the text ({} characters)", bytes.len() - 1),
                    ));
                }
                pieces.push(Span::new(bytes[a], bytes[b]));
            }
            spans.insert(id, pieces);
        }
        // Notes (`#`) and the run-on text of spans across paragraphs are
        // not annotations.
    }
    let mut out = Vec::with_capacity(links.len());
    for (n, args) in links {
        let mut a = GoldAttribution::default();
        for arg in args.split(' ').filter(|s| !s.is_empty()) {
            let (role, id) = arg
                .split_once(':')
                .ok_or_else(|| bad(n, format!("expected `Role:Tn`, found `{arg}`")))?;
            let pieces = spans
                .get(id)
                .ok_or_else(|| bad(n, format!("`{id}` names no span of this file")))?;
            match role {
                "Source" => a.source.extend(pieces),
                "Cue" => a.cue.extend(pieces),
                r if r.starts_with("Content") => a.content.extend(pieces),
                _ => {}
            }
        }
        for v in [&mut a.source, &mut a.cue, &mut a.content] {
            v.sort_by_key(|s| s.start);
        }
        out.push(a);
    }
    Ok(out)
}
