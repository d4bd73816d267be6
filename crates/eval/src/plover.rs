//! PLOVER gold-standard records: actors with their text and code.

use crate::{coded, EvalError, Share};
use casus_coder::main_event;
use casus_pipeline::Pipeline;
use serde_json::Value;

/// One gold actor: where its words are in the record's text, and its code.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldActor {
    pub start: usize,
    pub end: usize,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub actors: Vec<GoldActor>,
    /// The gold PLOVER event category (`ASSAULT`, `DEMAND`, ...).
    pub event: Option<String>,
}

/// Reads a JSON array of records; records without `text` (documentation
/// entries) are passed over, and an actor whose `actorText` is not in the
/// text is left out.
pub fn parse(path: &str, content: &str) -> Result<Vec<Record>, EvalError> {
    let v: Value = serde_json::from_str(content).map_err(|e| EvalError::Malformed {
        path: path.into(),
        line: e.line(),
        what: format!("expected a JSON array of PLOVER records: {e}"),
    })?;
    let Some(items) = v.as_array() else {
        return Err(EvalError::Malformed {
            path: path.into(),
            line: 1,
            what: "expected a JSON array of PLOVER records".into(),
        });
    };
    let mut out = Vec::new();
    for item in items {
        let Some(text) = item.get("text").and_then(Value::as_str) else {
            continue;
        };
        let mut actors = Vec::new();
        for role in ["source", "target"] {
            let list = match item.get(role) {
                Some(Value::Array(a)) => a.clone(),
                Some(o @ Value::Object(_)) => vec![o.clone()],
                _ => Vec::new(),
            };
            for a in list {
                let (Some(words), Some(code)) = (
                    a.get("actorText").and_then(Value::as_str),
                    a.get("code").and_then(Value::as_str),
                ) else {
                    continue;
                };
                if let Some(start) = (!words.is_empty()).then(|| text.find(words)).flatten() {
                    actors.push(GoldActor {
                        start,
                        end: start + words.len(),
                        code: code.to_string(),
                    });
                }
            }
        }
        out.push(Record {
            id: item.get("id").and_then(Value::as_str).unwrap_or("").to_string(),
            text: text.to_string(),
            actors,
            event: item.get("event").and_then(Value::as_str).map(str::to_string),
        });
    }
    Ok(out)
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub records: usize,
    /// Gold actors some mention overlaps.
    pub found: Share,
    /// Gold actors with a country code, found with that country.
    pub right_country: Share,
    /// Records whose main coded event has the gold PLOVER category.
    pub category: Share,
}

/// The gold standard uses PLOVER 0.5 category names; casus codes to the
/// PLOVER manual's later names (FIGHT became ASSAULT, DISAPPROVE and
/// INVESTIGATE became ACCUSE, DEMAND became REQUEST).
fn current_category(old: &str) -> &str {
    match old {
        "FIGHT" => "ASSAULT",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "DEMAND" => "REQUEST",
        other => other,
    }
}

/// Codes that name a country (not IGO, NGO, ... or an agent alone).
fn gold_country(code: &str) -> Option<&str> {
    const NOT_COUNTRIES: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UIS", "---"];
    let c = code.get(..3)?;
    (c.bytes().all(|b| b.is_ascii_uppercase()) && !NOT_COUNTRIES.contains(&c)).then_some(c)
}

pub fn evaluate(pipeline: &Pipeline, records: &[Record]) -> Report {
    let mut r = Report {
        records: records.len(),
        ..Report::default()
    };
    for rec in records {
        let (found, events) = coded(pipeline, &rec.text);
        if let Some(gold) = rec.event.as_deref() {
            let got = main_event(&events).and_then(|e| e.info.plover.category.clone());
            r.category.add(got.as_deref() == Some(current_category(gold)));
        }
        for g in &rec.actors {
            let over: Vec<_> = found
                .iter()
                .filter(|m| m.span.start < g.end && g.start < m.span.end)
                .collect();
            r.found.add(!over.is_empty());
            if let Some(c) = gold_country(&g.code) {
                let country =
                    |m: &&casus_actors::Found| m.actor.as_ref().and_then(|a| a.country.as_deref()) == Some(c);
                r.right_country.add(over.iter().any(country));
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_pipeline::{PipelineOptions, Resources};

    const SAMPLE: &str = r#"[
      {"id": "doc", "event": "DOCUMENT"},
      {"id": "r1", "event": "AGREE", "text": "Senior Chadian and Nigerien officials agreed on Monday to patrol the border together.",
       "source": [{"actorText": "Chadian", "code": "TCD", "sector": "GOV"}, {"actorText": "Nigerien", "code": "NER"}],
       "target": {"actorText": "the border", "code": "---"}}
    ]"#;

    #[test]
    fn records_with_text_are_read_and_actors_located() {
        let r = parse("gsr.json", SAMPLE).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].actors.len(), 3);
        assert_eq!(&r[0].text[r[0].actors[0].start..r[0].actors[0].end], "Chadian");
    }

    #[test]
    fn countries_are_checked_where_the_gold_code_names_one() {
        let p = Pipeline::new(Resources::builtin(), PipelineOptions::default());
        let rep = evaluate(&p, &parse("gsr.json", SAMPLE).unwrap());
        assert_eq!(rep.right_country.total, 2);
        assert_eq!(rep.right_country.hit, 2, "{rep:?}");
        assert_eq!(rep.category.total, 1);
    }

    #[test]
    fn a_file_that_is_not_json_names_the_line() {
        let e = parse("gsr.json", "[\n{oops}\n]").unwrap_err().to_string();
        assert!(e.starts_with("gsr.json:2: expected a JSON array"), "{e}");
    }
}
