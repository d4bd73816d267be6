//! Plain-text files: one article per file (first line as headline when it
//! looks like one), or with `--lines` one document per line.

use crate::charset::decode_text;
use crate::{Body, IngestError, RawDoc};
use casus_core::Origin;

pub fn read(bytes: &[u8], origin: &Origin, lines: bool, emit: &mut dyn FnMut(Result<RawDoc, IngestError>)) {
    let decoded = decode_text(bytes);
    let warnings: Vec<String> = decoded.warning.into_iter().collect();
    if lines {
        for (i, line) in decoded.text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut doc = RawDoc::new(
                origin.clone().with_line(i as u64 + 1),
                Body::Text(line.trim().to_string()),
            );
            doc.warnings = warnings.clone();
            emit(Ok(doc));
        }
        return;
    }
    let (title, body) = split_title(&decoded.text);
    let mut doc = RawDoc::new(origin.clone(), Body::Text(body.to_string()));
    doc.meta.title = title.map(str::to_string);
    doc.warnings = warnings;
    emit(Ok(doc));
}

/// Splits off the first line as a headline when it looks like one: it is
/// followed by a blank line and more text, is at most 30 words and 250
/// characters, and does not end like a sentence (a final `?` or `!` is
/// allowed: headlines ask and exclaim).
pub fn split_title(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start();
    let Some((first, rest)) = t.split_once('\n') else {
        return (None, t);
    };
    let line = first.trim();
    let blank_follows = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    let words = line.split_whitespace().count();
    let looks = !line.is_empty()
        && blank_follows
        && !rest.trim().is_empty()
        && words <= 30
        && line.chars().count() <= 250
        && !line.ends_with(['.', ',', ';', ':', '"', '”'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '‘' || c == '\'');
    if looks {
        (Some(line), rest)
    } else {
        (None, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_before_a_blank_line_is_the_headline() {
        let (t, body) =
            split_title("Army Retakes Town\n\nThe army said on Monday it had retaken the town.\n");
        assert_eq!(t, Some("Army Retakes Town"));
        assert!(body.trim().starts_with("The army"));
    }

    #[test]
    fn a_first_sentence_is_not_a_headline() {
        let text = "The army said on Monday it had retaken the town.\n\nResidents returned.";
        assert_eq!(split_title(text).0, None);
        assert_eq!(split_title("Only one line").0, None);
    }

    #[test]
    fn lines_mode_gives_one_document_per_line_with_its_line_number() {
        let mut docs = Vec::new();
        read(
            b"First claim.\n\nSecond claim.\n",
            &Origin::file("s.txt"),
            true,
            &mut |d| docs.push(d.unwrap()),
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].origin.line, Some(3));
        assert_eq!(docs[1].body, Body::Text("Second claim.".into()));
    }
}
