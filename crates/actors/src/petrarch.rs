//! PETRARCH / TABARI dictionaries (the format of the Phoenix and OEDA
//! actor and agent files), read into casus's [`Dictionary`].
//!
//! What casus reads:
//! * Comments: `#` and `;` to the end of a line, `<!-- ... -->` (also
//!   across lines). Blank lines are skipped.
//! * Actors: a record is a primary phrase `PHRASE [CODE]` (the code is
//!   optional), synonym lines `+PHRASE`, and date restrictions on lines
//!   that start with white space: `[CODE]` (the default), `[CODE <DATE]`
//!   (before), `[CODE >DATE]` (after), `[CODE DATE-DATE]` (between, ends
//!   included). Dates are `YYYYMMDD` or `YYMMDD`, where 00–29 are
//!   2000–2029 and 30–99 are 1930–1999.
//! * Agents: `PHRASE {PLURAL} [~CODE]` or `[CODE~]`, with regular plurals
//!   (+S, Y → IES, SS → SSES) made unless `{...}` gives one (`{}`: none),
//!   and substitution sets `!PERSON! = MAN, MEN, WOMAN` used as
//!   `CONGRESS!PERSON!`.
//! * Phrases are words joined by `_` or blanks, matched as whole words
//!   ignoring case; actor names only where the text capitalises them, so
//!   `TURKEY` is the country and not the bird.
//!
//! Where casus differs from PETRARCH: a blank inside an agent phrase does
//! not let other words in between; a phrase without a final `_` is not a
//! stem; a `CODE~` prefix agent is coded like a `~CODE` suffix. A record
//! whose only code is a bare country code adds its phrases to that
//! country (names, demonyms and cities alike, as PETRARCH does).
//!
//! Written by hand: no crate reads this format.

use crate::dictionary::{Agent, Country, Dictionary, NamedActor};
use crate::role::Role;
use casus_core::resource::LineIssue;

/// Which kind of PETRARCH file a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Actors,
    Agents,
}

/// Lines with their numbers (1-based), comments removed, blank lines
/// skipped; white space at the start is kept (it marks restrictions).
fn lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(e) => {
                        rest = &rest[e + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(s) => {
                        line.push_str(&rest[..s]);
                        rest = &rest[s + 4..];
                        in_comment = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        let cut = line.find(['#', ';']).unwrap_or(line.len());
        let kept = line[..cut].trim_end();
        if !kept.trim().is_empty() {
            out.push((i + 1, kept.to_string()));
        }
    }
    out
}

/// Is `text` a PETRARCH file, and which kind? Decided from its first
/// 200 content lines.
pub fn sniff(text: &str) -> Option<Kind> {
    let mut end = text.len().min(200_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample: Vec<(usize, String)> = lines(&text[..end]).into_iter().take(200).collect();
    let agent = sample
        .iter()
        .any(|(_, l)| l.contains("[~") || l.contains("~]") || (l.starts_with('!') && l.contains("= ")));
    if agent {
        return Some(Kind::Agents);
    }
    let actor = sample.iter().any(|(_, l)| {
        l.starts_with('+') || (l.starts_with(char::is_whitespace) && l.trim_start().starts_with('['))
    }) || sample.iter().any(|(_, l)| {
        let t = l.trim_end();
        t.ends_with(']') && t.contains('_') && !t.contains('\t')
    });
    actor.then_some(Kind::Actors)
}

/// Adds a PETRARCH file of the given kind.
pub fn add(d: &mut Dictionary, kind: Kind, path: &str, text: &str) -> Vec<LineIssue> {
    match kind {
        Kind::Actors => add_actors(d, path, text),
        Kind::Agents => add_agents(d, path, text),
    }
}

/// `HAMID_KARZAI_` → `HAMID KARZAI`.
fn phrase(s: &str) -> String {
    s.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `PHRASE [CODE]` → (phrase, code).
fn split_code(line: &str) -> Result<(String, Option<String>), String> {
    match line.find('[') {
        None => Ok((phrase(line), None)),
        Some(open) => {
            let close = line[open..]
                .find([']', '}'])
                .ok_or_else(|| format!("expected `]` to close the code in `{}`", line.trim()))?;
            let code = line[open + 1..open + close].trim().to_string();
            Ok((phrase(&line[..open]), (!code.is_empty()).then_some(code)))
        }
    }
}

/// `750101` → `1975-01-01`; `20140130` → `2014-01-30`.
fn date(s: &str) -> Result<String, String> {
    let bad = || format!("expected a date as YYYYMMDD or YYMMDD, found `{s}`");
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, md) = match s.len() {
        8 => (s[..4].to_string(), &s[4..]),
        6 => {
            let yy: u32 = s[..2].parse().map_err(|_| bad())?;
            (
                format!("{}", if yy < 30 { 2000 + yy } else { 1900 + yy }),
                &s[2..],
            )
        }
        _ => return Err(bad()),
    };
    let (m, dd): (u32, u32) = (
        md[..2].parse().map_err(|_| bad())?,
        md[2..].parse().map_err(|_| bad())?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) {
        return Err(bad());
    }
    Ok(format!("{y}-{m:02}-{dd:02}"))
}

/// `[CODE DATE-DATE]` and friends.
fn restriction(inner: &str) -> Result<Role, String> {
    let mut parts = inner.split_whitespace();
    let code = parts
        .next()
        .ok_or("expected a code in the restriction")?
        .to_string();
    // `> 140608`: a space after the sign is allowed.
    let rest: String = parts.collect::<Vec<_>>().join("");
    let (from, to) = match (!rest.is_empty()).then_some(rest.as_str()) {
        None => (None, None),
        Some(r) if r.starts_with('<') => (None, Some(date(&r[1..])?)),
        Some(r) if r.starts_with('>') => (Some(date(&r[1..])?), None),
        Some(r) => {
            let (a, b) = r
                .split_once('-')
                .ok_or_else(|| format!("expected `<DATE`, `>DATE` or `DATE-DATE`, found `{r}`"))?;
            (Some(date(a)?), Some(date(b)?))
        }
    };
    Ok(Role { code, from, to })
}

/// One actor record as read.
#[derive(Default)]
struct Record {
    names: Vec<String>,
    code: Option<String>,
    roles: Vec<Role>,
}

fn add_actors(d: &mut Dictionary, path: &str, text: &str) -> Vec<LineIssue> {
    let mut issues = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    for (line, l) in lines(text) {
        let issue = |message: String| LineIssue {
            path: path.to_string(),
            line,
            message,
        };
        if l.starts_with(char::is_whitespace) {
            let t = l.trim();
            // Text after the closing bracket (notes, a second bracket) is ignored.
            let parsed = t
                .strip_prefix('[')
                .and_then(|t| t.find([']', '}']).map(|e| &t[..e]))
                .ok_or_else(|| format!("expected a restriction `[CODE DATE-DATE]`, found `{t}`"))
                .and_then(restriction);
            match (parsed, records.last_mut()) {
                (Ok(r), Some(rec)) if r.from.is_none() && r.to.is_none() => rec.code = Some(r.code),
                (Ok(r), Some(rec)) => rec.roles.push(r),
                (Ok(_), None) => issues.push(issue("a restriction before any actor".into())),
                (Err(e), _) => issues.push(issue(e)),
            }
        } else if let Some(syn) = l.strip_prefix('+') {
            match (split_code(syn), records.last_mut()) {
                (Ok((p, _)), Some(rec)) if !p.is_empty() => rec.names.push(p),
                (Ok(_), Some(_)) => issues.push(issue("an empty synonym".into())),
                (Ok(_), None) => issues.push(issue("a synonym (`+`) before any actor".into())),
                (Err(e), _) => issues.push(issue(e)),
            }
        } else {
            match split_code(&l) {
                Ok((p, code)) if !p.is_empty() => records.push(Record {
                    names: vec![p],
                    code,
                    roles: Vec::new(),
                }),
                Ok(_) => issues.push(issue(format!("expected an actor phrase, found `{l}`"))),
                Err(e) => issues.push(issue(e)),
            }
        }
    }
    for r in records {
        add_record(d, r);
    }
    issues
}

fn is_country_code(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

fn add_record(d: &mut Dictionary, r: Record) {
    let names: Vec<String> = r.names.into_iter().filter(|n| n.chars().count() > 1).collect();
    let Some(first) = names.first().cloned() else {
        return;
    };
    let code = r
        .code
        .clone()
        .or_else(|| r.roles.last().map(|x| x.code.clone()))
        .unwrap_or_default();
    if r.roles.is_empty() && is_country_code(&code) {
        match d.countries.iter_mut().find(|c| c.code == code) {
            Some(c) => c.folded.extend(names),
            None => d.countries.push(Country {
                code,
                name: title_case(&first),
                folded: names,
                ..Country::default()
            }),
        }
        return;
    }
    let pieces: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let country = pieces
        .first()
        .filter(|p| d.country(p).is_some())
        .map(|p| p.to_string());
    let has = |xs: &[&str]| pieces.iter().any(|p| xs.contains(p));
    let kind = if !r.roles.is_empty() {
        "person"
    } else if code.starts_with("IGO") {
        "igo"
    } else if code.starts_with("IMG") || has(&["REB", "INS", "SEP", "UAF"]) {
        "armed_group"
    } else {
        "organisation"
    };
    let sector = pieces
        .iter()
        .skip(1)
        .find_map(|p| d.sector_of(p))
        .unwrap_or("unknown")
        .to_string();
    let actor = NamedActor {
        id: format!("petrarch:{}", first.to_lowercase().replace(' ', "-")),
        kind: kind.to_string(),
        country,
        sector,
        code,
        names,
        roles: r.roles,
        fold_case: true,
    };
    d.actors.retain(|old| old.id != actor.id);
    d.actors.push(actor);
}

/// `AFGHANISTAN` → `Afghanistan`.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The regular plural of an upper-case word.
fn plural(w: &str) -> String {
    if w.ends_with("SS") || w.ends_with("CH") || w.ends_with("SH") || w.ends_with('X') {
        format!("{w}ES")
    } else if let Some(stem) = w.strip_suffix('Y').filter(|s| !s.ends_with(['A', 'E', 'O', 'U'])) {
        format!("{stem}IES")
    } else {
        format!("{w}S")
    }
}

fn add_agents(d: &mut Dictionary, path: &str, text: &str) -> Vec<LineIssue> {
    let mut issues = Vec::new();
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    for (line, l) in lines(text) {
        let issue = |message: String| LineIssue {
            path: path.to_string(),
            line,
            message,
        };
        let l = l.trim();
        if l.starts_with('!') {
            if let Some((name, values)) = l.split_once('=') {
                let values = values
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty());
                sets.push((name.trim().to_string(), values.collect()));
                continue;
            }
        }
        let (head, code) = match split_code(l) {
            Ok((_, None)) => {
                issues.push(issue(format!("expected an agent code `[~CODE]`, found `{l}`")));
                continue;
            }
            Ok((_, Some(code))) => (l[..l.find('[').unwrap_or(l.len())].to_string(), code),
            Err(e) => {
                issues.push(issue(e));
                continue;
            }
        };
        let code = code.trim_matches('~').to_string();
        if !code.bytes().all(|b| b.is_ascii_uppercase()) || code.len() % 3 != 0 {
            issues.push(issue(format!(
                "expected an agent code of three-letter pieces, found `{code}`"
            )));
            continue;
        }
        let (root, given_plural) = match head.split_once('{') {
            Some((root, rest)) => (root, Some(phrase(rest.trim_end().trim_end_matches('}')))),
            None => (head.as_str(), None),
        };
        let mut forms: Vec<String> = Vec::new();
        match sets.iter().find(|(name, _)| root.contains(name.as_str())) {
            Some((name, values)) => {
                forms.extend(values.iter().map(|v| phrase(&root.replace(name.as_str(), v))));
            }
            None => {
                let singular = phrase(root);
                if singular.is_empty() {
                    issues.push(issue(format!("expected an agent phrase, found `{l}`")));
                    continue;
                }
                let last = singular.rsplit(' ').next().unwrap_or("").to_string();
                match given_plural {
                    Some(p) if p.is_empty() => {}
                    Some(p) => forms.push(p),
                    None => forms.push(format!(
                        "{}{}",
                        &singular[..singular.len() - last.len()],
                        plural(&last)
                    )),
                }
                forms.push(singular);
            }
        }
        let phrases: Vec<String> = forms.into_iter().map(|f| f.to_lowercase()).collect();
        match d.agents.iter_mut().find(|a| a.code == code) {
            Some(a) => a.phrases.extend(phrases),
            None => d.agents.push(Agent {
                sector: code.to_lowercase(),
                code,
                phrases,
            }),
        }
    }
    issues
}

#[cfg(test)]
mod tests;
