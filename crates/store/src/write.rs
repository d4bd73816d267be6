//! Writing one article: its rows, its copy link, its story.

use crate::cluster::{best_story, find_copy};
use crate::error::{At, Result};
use crate::prepared::Prepared;
use crate::series::{count_daily, uncount_daily};
use crate::StoreOptions;
use casus_core::{Article, Event, Part};
use casus_story::day_of;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// What storing one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new article; `copy_of` is set when it is a near or exact copy of
    /// one already stored.
    New { story: String, copy_of: Option<String> },
    /// The same id with a changed text: the old version was replaced.
    Replaced { story: String },
    /// Already stored with the same text: nothing was written.
    Unchanged,
}

/// Days since 1970 of 1900-01-01 ([`casus_core::calendar::EARLIEST_YEAR`]):
/// no date before it is a news date.
const EARLIEST_DAY: i64 = -25_567;

/// Today, in days since 1970.
fn today() -> i64 {
    day_of(&chrono::Utc::now().format("%Y-%m-%d").to_string()).unwrap_or(0)
}

/// The day an article is counted on: its publication day, if it has one
/// that can be right (from 1900 to tomorrow, not the Unix epoch). An
/// article with no such day has none: it is never counted on a made-up
/// day.
pub fn article_day(published: Option<&str>) -> Option<i64> {
    published
        .and_then(day_of)
        // Day 0 (1970-01-01) is timestamp 0: software's "no date".
        .filter(|d| (EARLIEST_DAY..=today() + 1).contains(d) && *d != 0)
}

/// Whether an event date (a day, a week, a month or a year) can be right:
/// from 1900, and (a scheduled event) at most two years ahead.
pub fn sane_event_date(date: &str) -> bool {
    let year_ok = date
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .is_some_and(|y| y >= casus_core::calendar::EARLIEST_YEAR);
    year_ok && day_of(date).is_none_or(|d| (EARLIEST_DAY..=today() + 731).contains(&d))
}

pub(crate) fn put(
    db: &Connection,
    a: &Article,
    p: &Prepared,
    o: &StoreOptions,
    path: &Path,
) -> Result<Outcome> {
    let hash = p.hash;
    let old: Option<(i64, i64)> = db
        .prepare_cached("SELECT rowid, content_hash FROM articles WHERE id = ?1")
        .at(path)?
        .query_row([&a.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .at(path)?;
    if let Some((rowid, old_hash)) = old {
        if old_hash == hash {
            return Ok(Outcome::Unchanged);
        }
        remove(db, rowid, path)?;
    }
    let day = p.day;
    let copy = find_copy(db, &p.bands, &p.shingles, o.copy_similarity, path)?;
    let keys = &p.keys;
    let story = match &copy {
        Some(c) => c.story.clone(),
        None => best_story(db, keys, day, o, path)?.unwrap_or_else(|| a.id.clone()),
    };
    let record = &p.record;
    db.prepare_cached(
        "INSERT INTO articles (id, url, source, title, published, day, language, content_hash,
           copy_of, similarity, story, n_events, keywords, record, indexed, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15)",
    )
    .at(path)?
    .execute(params![
        a.id,
        a.url,
        a.source,
        a.title,
        a.published,
        day,
        a.language,
        hash,
        copy.as_ref().map(|c| &c.id),
        copy.as_ref().map(|c| c.similarity),
        story,
        a.events.len() as i64,
        keys.word_count as i64,
        record,
        chrono::Utc::now().to_rfc3339(),
    ])
    .at(path)?;
    let rowid = db.last_insert_rowid();
    rows(db, rowid, a, day, copy.is_some(), path)?;
    for (b, key) in p.bands.iter().enumerate() {
        db.prepare_cached("INSERT INTO bands (band, key, article) VALUES (?1, ?2, ?3)")
            .at(path)?
            .execute(params![b as i64, key, rowid])
            .at(path)?;
    }
    // A copy's keys are its original's: storing them again would only
    // make every lookup longer.
    // Nor does an undated article store keys: with no day, it cannot
    // draw later articles into its story (it may join one).
    if let (None, Some(d)) = (&copy, day) {
        let all: Vec<String> = keys.all().collect();
        for key in &all {
            db.prepare_cached("INSERT INTO keys (key, day, article) VALUES (?1, ?2, ?3)")
                .at(path)?
                .execute(params![key, d, rowid])
                .at(path)?;
        }
        crate::key_days::count(db, all.iter().map(String::as_str), d, path)?;
    }
    db.prepare_cached(
        "INSERT INTO stories (id, title, first_day, last_day, articles) VALUES (?1, ?2, ?3, ?3, 1)
         ON CONFLICT(id) DO UPDATE SET articles = articles + 1,
           first_day = coalesce(min(first_day, excluded.first_day), first_day, excluded.first_day),
           last_day = coalesce(max(last_day, excluded.last_day), last_day, excluded.last_day)",
    )
    .at(path)?
    .execute(params![story, a.title, day])
    .at(path)?;
    Ok(if old.is_some() {
        Outcome::Replaced { story }
    } else {
        Outcome::New {
            story,
            copy_of: copy.map(|c| c.id),
        }
    })
}

/// Removes an article's rows (before storing its new version).
fn remove(db: &Connection, rowid: i64, path: &Path) -> Result<()> {
    let story: String = db
        .query_row("SELECT story FROM articles WHERE rowid = ?1", [rowid], |r| {
            r.get(0)
        })
        .at(path)?;
    uncount_daily(db, rowid, path)?;
    crate::actor_places::uncount(db, rowid, path)?;
    crate::key_days::uncount(db, rowid, path)?;
    db.prepare_cached(
        "UPDATE actor_counts SET mentions = mentions - x.n, articles = articles - 1
         FROM (SELECT coalesce(actor, code) AS k, count(*) AS n FROM mentions
               WHERE article = ?1 AND code IS NOT NULL AND kind != 'pronoun' GROUP BY 1) AS x
         WHERE actor = x.k",
    )
    .at(path)?
    .execute([rowid])
    .at(path)?;
    for table in [
        "mentions", "events", "quotes", "claims", "places", "bands", "keys",
    ] {
        db.execute(&format!("DELETE FROM {table} WHERE article = ?1"), [rowid])
            .at(path)?;
    }
    db.execute("DELETE FROM articles WHERE rowid = ?1", [rowid])
        .at(path)?;
    db.execute(
        "UPDATE stories SET articles = articles - 1 WHERE id = ?1",
        [&story],
    )
    .at(path)?;
    db.execute("DELETE FROM stories WHERE id = ?1 AND articles <= 0", [&story])
        .at(path)?;
    Ok(())
}

/// One side of an event as the events table stores it: id, words, code,
/// country (every backend stores the same).
pub fn side_columns(p: &Option<Part>) -> [Option<&str>; 4] {
    let Some(p) = p else { return [None; 4] };
    let a = p.actor.as_ref();
    [
        a.and_then(|a| a.id.as_deref()),
        Some(p.text.as_str()),
        a.map(|a| a.code.as_str()),
        a.and_then(|a| a.country.as_deref()),
    ]
}

/// An event's date as stored and the day it is counted on: the text's own
/// date when it can be right, else the publication date (`published`,
/// YYYY-MM-DD, of an article whose day is `day`).
pub fn event_date(e: &Event, day: Option<i64>, published: Option<&str>) -> (Option<String>, Option<i64>) {
    let own = e.date.as_deref().filter(|d| sane_event_date(d));
    let eday = own.and_then(day_of).or(day);
    (own.or(published).map(str::to_string), eday)
}

/// The publication date (YYYY-MM-DD) of an article counted on a day: the
/// date of events the text does not date.
pub fn published_day(a: &Article, day: Option<i64>) -> Option<&str> {
    day.and_then(|_| a.published.as_deref()?.get(..10))
}

/// Where an article's rows go.
struct Rows<'a> {
    db: &'a Connection,
    rowid: i64,
    day: Option<i64>,
    copy: bool,
    /// The publication date (YYYY-MM-DD): the date of events the text
    /// does not date.
    published: Option<&'a str>,
    path: &'a Path,
}

fn event_row(r: &Rows<'_>, n: usize, e: &Event) -> Result<()> {
    let (db, path) = (r.db, r.path);
    let [s_id, s_text, s_code, s_country] = side_columns(&e.source);
    let [t_id, t_text, t_code, t_country] = side_columns(&e.target);
    // A date that cannot be right is not stored; the article's day stands in.
    let (date, eday) = event_date(e, r.day, r.published);
    let loc = e.location.as_ref();
    db.prepare_cached(
        "INSERT INTO events (article, n, copy, sentence_start, sentence_end, trigger_start,
           trigger_end, trigger, source, source_text, source_code, source_country, target,
           target_text, target_code, target_country, cameo, root, quad_class, penta_class,
           goldstein, plover, plover_mode, modality, confidence, count, date, day, place,
           place_country, lat, lon, geonameid, acled_event_type, acled_sub_event_type, inter1,
           inter2, interaction, fatalities, admin1, admin2)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
           ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,
           ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41)",
    )
    .at(path)?
    .execute(params![
        r.rowid,
        n as i64,
        r.copy,
        e.sentence[0] as i64,
        e.sentence[1] as i64,
        e.trigger.span[0] as i64,
        e.trigger.span[1] as i64,
        e.trigger.text,
        s_id,
        s_text,
        s_code,
        s_country,
        t_id,
        t_text,
        t_code,
        t_country,
        e.cameo,
        e.root,
        e.quad_class,
        e.penta_class,
        e.goldstein,
        e.plover.category,
        e.plover.mode,
        e.modality,
        e.confidence,
        e.count.map(|c| c as i64),
        date,
        eday,
        loc.map(|l| &l.name),
        loc.and_then(|l| l.country.as_deref()),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        loc.and_then(|l| l.geonameid).map(|g| g as i64),
        e.acled.as_ref().map(|a| &a.event_type),
        e.acled.as_ref().map(|a| &a.sub_event_type),
        e.acled.as_ref().and_then(|a| a.inter1),
        e.acled.as_ref().and_then(|a| a.inter2),
        e.acled.as_ref().and_then(|a| a.interaction),
        e.fatalities.as_ref().map(|f| f.count as i64),
        loc.and_then(|l| l.admin1.as_deref()),
        loc.and_then(|l| l.admin2.as_deref()),
    ])
    .at(path)?;
    if let (false, Some(eday)) = (r.copy, eday) {
        count_daily(db, e, eday, path)?;
    }
    Ok(())
}

/// The rows of mentions, events, quotes, claims and places.
fn rows(db: &Connection, rowid: i64, a: &Article, day: Option<i64>, copy: bool, path: &Path) -> Result<()> {
    let published = published_day(a, day);
    for m in &a.mentions {
        let act = m.actor.as_ref();
        db.prepare_cached(
            "INSERT INTO mentions (article, start, end, text, kind, actor, name, code, country, sector)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )
        .at(path)?
        .execute(params![
            rowid,
            m.span[0] as i64,
            m.span[1] as i64,
            m.text,
            m.kind,
            act.and_then(|a| a.id.as_deref()),
            act.and_then(|a| a.name.as_deref()),
            act.map(|a| a.code.as_str()),
            act.and_then(|a| a.country.as_deref()),
            act.and_then(|a| a.sector.as_deref()),
        ])
        .at(path)?;
    }
    count_actors(db, a, path)?;
    let r = Rows {
        db,
        rowid,
        day,
        copy,
        published,
        path,
    };
    // The events table holds CAMEO-coded events: its counts, code filters
    // and exports partition by code. An event CAMEO cannot code (a flood,
    // typed by its ACLED kind only) stays in the article's record.
    for (n, e) in a.events.iter().enumerate().filter(|(_, e)| !e.cameo.is_empty()) {
        event_row(&r, n, e)?;
    }
    if !copy && !a.events.is_empty() {
        crate::actor_places::count(db, rowid, path)?;
    }
    for q in &a.quotes {
        let sp = q.speaker.as_ref();
        db.prepare_cached(
            "INSERT INTO quotes (article, start, end, speaker, speaker_code, content, direct)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .at(path)?
        .execute(params![
            rowid,
            q.content.span[0] as i64,
            q.content.span[1] as i64,
            sp.map(|s| s.text.as_str()),
            sp.and_then(|s| s.actor.as_ref()).map(|a| a.code.as_str()),
            q.content.text,
            q.direct,
        ])
        .at(path)?;
    }
    for c in &a.claims {
        db.prepare_cached(
            "INSERT INTO claims (article, start, end, text, quantity, unit, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .at(path)?
        .execute(params![
            rowid,
            c.span[0] as i64,
            c.span[1] as i64,
            c.text,
            c.quantity,
            c.unit,
            c.kind
        ])
        .at(path)?;
    }
    for p in &a.places {
        db.prepare_cached(
            "INSERT INTO places (article, start, end, text, name, country, lat, lon, geonameid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .at(path)?
        .execute(params![
            rowid,
            p.span[0] as i64,
            p.span[1] as i64,
            p.text,
            p.name,
            p.country,
            p.lat,
            p.lon,
            p.geonameid.map(|g| g as i64),
        ])
        .at(path)?;
    }
    Ok(())
}

/// Adds an article's mentions to the per-actor counts.
fn count_actors(db: &Connection, a: &Article, path: &Path) -> Result<()> {
    let mut per: std::collections::BTreeMap<String, (&casus_core::ActorRef, i64)> = Default::default();
    for m in &a.mentions {
        if m.kind == "pronoun" {
            continue;
        }
        if let Some(act) = m.actor.as_ref() {
            let key = act.id.clone().unwrap_or_else(|| act.code.clone());
            per.entry(key).or_insert((act, 0)).1 += 1;
        }
    }
    let mut st = db
        .prepare_cached(
            "INSERT INTO actor_counts (actor, name, code, country, mentions, articles)
             VALUES (?1, ?2, ?3, ?4, ?5, 1)
             ON CONFLICT(actor) DO UPDATE SET mentions = mentions + excluded.mentions,
               articles = articles + 1, name = coalesce(name, excluded.name)",
        )
        .at(path)?;
    for (key, (act, n)) in per {
        st.execute(params![key, act.name, act.code, act.country, n])
            .at(path)?;
    }
    Ok(())
}
