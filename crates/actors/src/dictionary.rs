//! The actor dictionaries: countries, agents and named actors, from
//! tab-separated data files whose format is documented at their top.

use crate::role::Role;
use casus_core::resource::{columns, parse_lines, LineIssue};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    /// Names matched ignoring case where the text capitalises them
    /// (from PETRARCH dictionaries, written in capitals).
    pub folded: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    pub code: String,
    pub sector: String,
    pub phrases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NamedActor {
    pub id: String,
    pub kind: String,
    pub country: Option<String>,
    pub sector: String,
    pub code: String,
    /// The first is the canonical name.
    pub names: Vec<String>,
    pub roles: Vec<Role>,
    /// Match the names ignoring case (where the text capitalises them):
    /// PETRARCH dictionaries are written in capitals.
    pub fold_case: bool,
}

impl NamedActor {
    /// The code for an article published on `date`: the first role that
    /// applies, else the default code.
    pub fn code_on(&self, date: Option<&str>) -> &str {
        date.and_then(|d| self.roles.iter().find(|r| r.applies(d)))
            .map_or(self.code.as_str(), |r| r.code.as_str())
    }
}

/// Everything the recognizer knows.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pub countries: Vec<Country>,
    pub agents: Vec<Agent>,
    pub actors: Vec<NamedActor>,
    /// CAMEO agent code → PLOVER sector code.
    pub plover_sectors: Vec<(String, String)>,
}

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const AGENTS: &str = include_str!("../data/agents.tsv");
const ACTORS: &str = include_str!("../data/actors.tsv");
const PEOPLE: &str = include_str!("../data/people.tsv");
const SECTORS: &str = include_str!("../data/plover-sectors.tsv");

const KINDS: &[&str] = &["person", "organisation", "armed_group", "igo"];

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

impl Dictionary {
    /// The dictionaries shipped with casus.
    pub fn builtin() -> Self {
        let mut d = Dictionary::default();
        let mut issues = d.add_countries("built-in:countries.tsv", COUNTRIES);
        issues.extend(d.add_agents("built-in:agents.tsv", AGENTS));
        issues.extend(d.add_actors("built-in:actors.tsv", ACTORS));
        issues.extend(d.add_actors("built-in:people.tsv", PEOPLE));
        issues.extend(d.add_plover_sectors("built-in:plover-sectors.tsv", SECTORS));
        debug_assert!(issues.is_empty(), "{issues:?}");
        d
    }

    /// Adds countries (`ISO3 NAME ALIASES DEMONYMS CAPITAL`); a country
    /// already known by its code is replaced.
    pub fn add_countries(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<Country, String> {
            let c = columns(l, 2, 5)?;
            let code = c[0].trim();
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!(
                    "expected a three-letter upper-case country code, found `{code}`"
                ));
            }
            if c[1].trim().is_empty() {
                return Err("expected a country name in column 2".into());
            }
            Ok(Country {
                code: code.to_string(),
                name: c[1].trim().to_string(),
                aliases: c.get(2).map_or_else(Vec::new, |s| list(s)),
                demonyms: c.get(3).map_or_else(Vec::new, |s| list(s)),
                capitals: c.get(4).map_or_else(Vec::new, |s| list(s)),
                folded: Vec::new(),
            })
        };
        let countries = &mut self.countries;
        parse_lines(path, text, parse, |c| {
            countries.retain(|old| old.code != c.code);
            countries.push(c);
        })
    }

    /// Adds agents (`CODE SECTOR PHRASES`).
    pub fn add_agents(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<Agent, String> {
            let c = columns(l, 3, 3)?;
            let phrases: Vec<String> = c.get(2).map_or_else(Vec::new, |s| list(s));
            if phrases.is_empty() {
                return Err("expected `|`-separated phrases in column 3".into());
            }
            Ok(Agent {
                code: c[0].trim().to_string(),
                sector: c[1].trim().to_string(),
                phrases: phrases.iter().map(|p| p.to_lowercase()).collect(),
            })
        };
        let agents = &mut self.agents;
        parse_lines(path, text, parse, |a| agents.push(a))
    }

    /// Adds named actors (`ID KIND COUNTRY SECTOR CODE NAMES ROLES`); an
    /// actor already known by its id is replaced.
    pub fn add_actors(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<NamedActor, String> {
            let c = columns(l, 6, 7)?;
            let kind = c[1].trim();
            if !KINDS.contains(&kind) {
                return Err(format!(
                    "expected KIND to be one of {}, found `{kind}`",
                    KINDS.join(", ")
                ));
            }
            let names = list(c[5]);
            if names.is_empty() {
                return Err("expected at least one name in column 6".into());
            }
            let roles = c
                .get(6)
                .map(|r| {
                    r.split(';')
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .map(Role::parse)
                        .collect()
                })
                .unwrap_or(Ok(Vec::new()))?;
            let country = c[2].trim();
            Ok(NamedActor {
                id: c[0].trim().to_string(),
                kind: kind.to_string(),
                country: (!country.is_empty()).then(|| country.to_string()),
                sector: c[3].trim().to_string(),
                code: c[4].trim().to_string(),
                names,
                roles,
                fold_case: false,
            })
        };
        let actors = &mut self.actors;
        parse_lines(path, text, parse, |a| {
            actors.retain(|old| old.id != a.id);
            actors.push(a);
        })
    }

    /// Adds CAMEO → PLOVER sector pairs (`CAMEO PLOVER`).
    pub fn add_plover_sectors(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<(String, String), String> {
            let c = columns(l, 2, 2)?;
            let ok = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase());
            if !ok(c[0].trim()) || !ok(c[1].trim()) {
                return Err(format!("expected two three-letter upper-case codes, found `{l}`"));
            }
            Ok((c[0].trim().to_string(), c[1].trim().to_string()))
        };
        let sectors = &mut self.plover_sectors;
        parse_lines(path, text, parse, |p| {
            sectors.retain(|old| old.0 != p.0);
            sectors.push(p);
        })
    }

    /// The PLOVER sector of a CAMEO-style actor code: its first
    /// three-letter piece with a listed sector (`IRQREB` → REB).
    pub fn plover_sector(&self, code: &str) -> Option<&str> {
        (0..code.len() / 3).find_map(|i| {
            let piece = code.get(i * 3..i * 3 + 3)?;
            self.plover_sectors
                .iter()
                .find(|(c, _)| c == piece)
                .map(|(_, p)| p.as_str())
        })
    }

    /// Adds a user's file, whose first line says what it holds: a line
    /// mentioning `countries`, `agents` or `plover sectors` (as the
    /// built-in files' first lines do), a PETRARCH/TABARI dictionary
    /// (recognised by its content), else named actors.
    pub fn add_file(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let first = text.lines().next().unwrap_or("").to_lowercase();
        if let Some(kind) = crate::petrarch::sniff(text) {
            crate::petrarch::add(self, kind, path, text)
        } else if first.starts_with('#') && first.contains("plover sectors") {
            self.add_plover_sectors(path, text)
        } else if first.starts_with('#') && first.contains("countries") {
            self.add_countries(path, text)
        } else if first.starts_with('#') && first.contains("agents") {
            self.add_agents(path, text)
        } else {
            self.add_actors(path, text)
        }
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The plain sector name of an agent code (`MIL` → military).
    pub fn sector_of(&self, agent_code: &str) -> Option<&str> {
        self.agents
            .iter()
            .find(|a| a.code == agent_code)
            .map(|a| a.sector.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dictionaries_load_without_issues() {
        let d = Dictionary::builtin();
        assert!(d.countries.len() > 190);
        assert!(d.country("IRQ").unwrap().demonyms.contains(&"Iraqi".to_string()));
        let austin = d.actors.iter().find(|a| a.id == "lloyd-austin").unwrap();
        assert_eq!(austin.code_on(Some("2024-02-01")), "USAGOV");
        assert_eq!(austin.code_on(Some("2014-02-01")), "USAMIL");
        assert_eq!(austin.code_on(Some("2018-02-01")), "USAELI");
        assert_eq!(d.sector_of("MIL"), Some("military"));
        assert_eq!(d.plover_sector("IRQREB"), Some("REB"));
        assert_eq!(d.plover_sector("USAMED"), Some("JRN"));
        assert_eq!(d.plover_sector("IGOUNO"), None);
    }

    #[test]
    fn broken_lines_are_reported_with_file_and_line_and_skipped() {
        let mut d = Dictionary::default();
        let text = "# mine\n\
            ok-group\tarmed_group\tMLI\trebels\tMLIREB\tKatiba Test\t\n\
            bad-kind\tcomet\tMLI\trebels\tMLIREB\tX\t\n\
            bad-role\tperson\tMLI\tgovernment\tMLIGOV\tAmadou Test\tMLIGOV 2020\n\
            too-few\tperson\n";
        let issues = d.add_actors("mine.tsv", text);
        assert_eq!(d.actors.len(), 1);
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(issues[0].to_string().starts_with("mine.tsv:3: expected KIND"));
        assert!(issues[1].message.contains("FROM..TO"));
        assert!(issues[2].message.contains("columns"));
        let issues = d.add_countries("c.tsv", "iq\tIraq\t\t\t\n");
        assert!(issues[0]
            .to_string()
            .starts_with("c.tsv:1: expected a three-letter"));
    }

    #[test]
    fn a_user_entry_replaces_the_builtin_one_with_the_same_id() {
        let mut d = Dictionary::builtin();
        let n = d.actors.len();
        let issues = d.add_actors("mine.tsv", "hamas\tarmed_group\tPSE\trebels\tPSEHMS\tHamas\t\n");
        assert!(issues.is_empty());
        assert_eq!(d.actors.len(), n);
        assert_eq!(d.actors.iter().find(|a| a.id == "hamas").unwrap().code, "PSEHMS");
    }
}
