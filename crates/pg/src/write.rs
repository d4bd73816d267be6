//! Writing one batch: each article's row, its copy link and story (placed
//! at once, so that the next article sees it), then all their mentions,
//! events, quotes, claims and places with one COPY per table.

use crate::error::{On, Result};
use crate::lookup::Pg;
use crate::store::Statements;
use casus_core::Article;
use casus_store::{article_day, Outcome, StoreOptions};
use casus_story::place::{self, body};
use casus_story::{content_hash, minhash, rarity, shingles, Keys};
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::Type;
use postgres::Transaction;
use std::collections::HashSet;

pub(crate) const OLD: &str = "SELECT rowid, content_hash FROM articles WHERE id = $1";
pub(crate) const INSERT_ARTICLE: &str =
    "INSERT INTO articles (id, url, source, title, published, day, language,
   content_hash, copy_of, similarity, story, n_events, keywords, record, search)
 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
   setweight(to_tsvector('english', coalesce($4, '')), 'A') || setweight(to_tsvector('english', $15), 'B'))
 RETURNING rowid";
pub(crate) const INSERT_BANDS: &str =
    "INSERT INTO bands (band, key, article) SELECT t.i - 1, t.key, $2 FROM unnest($1::bigint[]) WITH ORDINALITY AS t(key, i)";
pub(crate) const INSERT_KEYS: &str =
    "INSERT INTO keys (key, day, article) SELECT k, $2, $3 FROM unnest($1::text[]) AS k";
/// An article's keywords and `#` counted on its day (`$1` holds only the
/// keys `casus_story::rarity::counted` takes, and `#`).
pub(crate) const COUNT_KEYS: &str =
    "INSERT INTO key_days (key, day, articles) SELECT k, $2, 1 FROM unnest($1::text[]) AS k
 ON CONFLICT (key, day) DO UPDATE SET articles = key_days.articles + 1";
pub(crate) const STORY: &str =
    "INSERT INTO stories (id, title, first_day, last_day, articles) VALUES ($1, $2, $3, $3, 1)
 ON CONFLICT (id) DO UPDATE SET articles = stories.articles + 1,
   first_day = coalesce(least(stories.first_day, excluded.first_day), stories.first_day, excluded.first_day),
   last_day = coalesce(greatest(stories.last_day, excluded.last_day), stories.last_day, excluded.last_day)";

/// An article stored in this batch, whose rows are still to be written.
pub(crate) struct Placed<'a> {
    pub article: &'a Article,
    pub rowid: i64,
    pub day: Option<i64>,
    pub copy: bool,
}

/// Stores one article's row, bands, keys and story.
pub(crate) fn put<'a>(
    tx: &mut Transaction<'_>,
    st: &Statements,
    a: &'a Article,
    o: &StoreOptions,
    target: &str,
) -> Result<(Outcome, Option<Placed<'a>>)> {
    let hash = content_hash(&a.text) as i64;
    let old = tx
        .query_opt(&st.old, &[&a.id])
        .on(target, "looking up an article")?;
    if let Some(old) = &old {
        if old.get::<_, i64>(1) == hash {
            return Ok((Outcome::Unchanged, None));
        }
        remove(tx, old.get(0), target)?;
    }
    let day = article_day(a.published.as_deref());
    let sh = shingles(body(a.title.as_deref(), &a.text));
    let bands = minhash::bands(&sh);
    let mut pg = Pg { tx, st, target };
    let copy = place::find_copy(&mut pg, &bands, &sh, o.copy_similarity)?;
    let keys = Keys::of(a, &o.stopwords);
    let story = match &copy {
        Some(c) => c.story.clone(),
        None => place::best_story(&mut pg, &keys, day, &o.placing())?.unwrap_or_else(|| a.id.clone()),
    };
    let record = casus_store::record::pack(a);
    let is_copy = copy.is_some();
    let copy_of = copy.as_ref().map(|c| &c.id);
    let similarity = copy.as_ref().map(|c| c.similarity);
    let rowid: i64 = tx
        .query_one(
            &st.insert_article,
            &[
                &a.id,
                &a.url,
                &a.source,
                &a.title,
                &a.published,
                &day,
                &a.language,
                &hash,
                &copy_of,
                &similarity,
                &story,
                &(a.events.len() as i64),
                &(keys.word_count as i64),
                &record,
                &a.text,
            ],
        )
        .on(target, "storing an article")?
        .get(0);
    tx.execute(&st.insert_bands, &[&bands, &rowid])
        .on(target, "storing an article's bands")?;
    // A copy's keys are its original's; an undated article draws no
    // later article into its story (it may join one).
    if let (None, Some(d)) = (&copy, day) {
        let all: Vec<String> = keys.all().collect();
        tx.execute(&st.insert_keys, &[&all, &d, &rowid])
            .on(target, "storing an article's story keys")?;
        let counted: Vec<&str> = all
            .iter()
            .map(String::as_str)
            .filter(|k| rarity::counted(k))
            .chain([rarity::ALL])
            .collect();
        tx.execute(&st.count_keys, &[&counted, &d])
            .on(target, "counting an article's keywords")?;
    }
    tx.execute(&st.story, &[&story, &a.title, &day])
        .on(target, "storing a story")?;
    let outcome = if old.is_some() {
        Outcome::Replaced { story }
    } else {
        Outcome::New {
            story,
            copy_of: copy.map(|c| c.id),
        }
    };
    let placed = Placed {
        article: a,
        rowid,
        day,
        copy: is_copy,
    };
    Ok((outcome, Some(placed)))
}

/// Removes an article's rows (before storing its new version).
fn remove(tx: &mut Transaction<'_>, rowid: i64, target: &str) -> Result<()> {
    tx.execute("SELECT casus_count(ARRAY[$1::bigint], -1)", &[&rowid])
        .on(target, "taking an article out of the totals")?;
    tx.execute(
        "UPDATE key_days SET articles = key_days.articles - 1
         WHERE (key, day) IN (SELECT key, day FROM keys WHERE article = $1 AND left(key, 2) = 'w:'
                              UNION SELECT '#', day FROM keys WHERE article = $1)",
        &[&rowid],
    )
    .on(target, "taking an article's keywords out of their counts")?;
    let story: String = tx
        .query_one("DELETE FROM articles WHERE rowid = $1 RETURNING story", &[&rowid])
        .on(target, "removing an article's old version")?
        .get(0);
    for table in [
        "mentions", "events", "quotes", "claims", "places", "bands", "keys",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE article = $1"), &[&rowid])
            .on(target, "removing an article's old rows")?;
    }
    tx.execute(
        "UPDATE stories SET articles = articles - 1 WHERE id = $1",
        &[&story],
    )
    .on(target, "updating a story")?;
    tx.execute("DELETE FROM stories WHERE id = $1 AND articles <= 0", &[&story])
        .on(target, "removing an empty story")?;
    Ok(())
}

/// An event's date as stored and the day it is counted on.
pub(crate) fn event_date(e: &casus_core::Event, p: &Placed<'_>) -> (Option<String>, Option<i64>) {
    casus_store::event_date(e, p.day, casus_store::published_day(p.article, p.day))
}

/// The month (year × 12 + month − 1) of day `d` since 1970, and the days
/// its partition covers.
fn month_of(d: i64) -> (i64, i64, i64) {
    use chrono::{Datelike, Months, NaiveDate};
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    let date = epoch + chrono::Duration::days(d);
    let first = NaiveDate::from_ymd_opt(date.year(), date.month(), 1).expect("a date");
    let next = first + Months::new(1);
    (
        date.year() as i64 * 12 + date.month0() as i64,
        (first - epoch).num_days(),
        (next - epoch).num_days(),
    )
}

/// Makes the events partition of each month the batch's events fall in
/// (`events_YYYY_MM`), unless `known` has it; returns the months made.
pub(crate) fn ensure_months(
    tx: &mut Transaction<'_>,
    placed: &[Placed<'_>],
    known: &HashSet<i64>,
    target: &str,
) -> Result<HashSet<i64>> {
    let mut made = HashSet::new();
    for p in placed {
        for e in p.article.events.iter().filter(|e| !e.cameo.is_empty()) {
            let Some(d) = event_date(e, p).1 else { continue };
            let (m, from, to) = month_of(d);
            if known.contains(&m) || !made.insert(m) {
                continue;
            }
            tx.batch_execute(&format!(
                "CREATE TABLE IF NOT EXISTS events_{:04}_{:02} PARTITION OF events FOR VALUES FROM ({from}) TO ({to})",
                m.div_euclid(12),
                m.rem_euclid(12) + 1
            ))
            .on(target, "making a month's events partition")?;
        }
    }
    Ok(made)
}

/// A binary COPY into a table: `sql` is the COPY statement, `types` its
/// columns' types.
fn copy_in<'a>(
    tx: &'a mut Transaction<'_>,
    sql: &str,
    types: &[Type],
    target: &str,
) -> Result<BinaryCopyInWriter<'a>> {
    let sink = tx.copy_in(sql).on(target, "starting a COPY")?;
    Ok(BinaryCopyInWriter::new(sink, types))
}

/// The rows of mentions, events, quotes, claims and places of `placed`.
pub(crate) fn rows(tx: &mut Transaction<'_>, placed: &[Placed<'_>], target: &str) -> Result<()> {
    use Type as T;
    let span = |s: &[usize; 2]| (s[0] as i64, s[1] as i64);
    let mut w = copy_in(
        tx,
        "COPY mentions (article, span_start, span_end, text, kind, actor, name, code, country, sector) FROM STDIN BINARY",
        &[T::INT8, T::INT8, T::INT8, T::TEXT, T::TEXT, T::TEXT, T::TEXT, T::TEXT, T::TEXT, T::TEXT],
        target,
    )?;
    for p in placed {
        for m in &p.article.mentions {
            let act = m.actor.as_ref();
            let (s, e) = span(&m.span);
            w.write(&[
                &p.rowid,
                &s,
                &e,
                &m.text,
                &m.kind,
                &act.and_then(|a| a.id.as_deref()),
                &act.and_then(|a| a.name.as_deref()),
                &act.map(|a| a.code.as_str()),
                &act.and_then(|a| a.country.as_deref()),
                &act.and_then(|a| a.sector.as_deref()),
            ])
            .on(target, "copying mentions")?;
        }
    }
    w.finish().on(target, "finishing the mentions COPY")?;
    crate::write_events::events(tx, placed, target)?;
    let mut w = copy_in(
        tx,
        "COPY quotes (article, span_start, span_end, speaker, speaker_code, content, direct) FROM STDIN BINARY",
        &[T::INT8, T::INT8, T::INT8, T::TEXT, T::TEXT, T::TEXT, T::BOOL],
        target,
    )?;
    for p in placed {
        for q in &p.article.quotes {
            let sp = q.speaker.as_ref();
            let (s, e) = span(&q.content.span);
            w.write(&[
                &p.rowid,
                &s,
                &e,
                &sp.map(|s| s.text.as_str()),
                &sp.and_then(|s| s.actor.as_ref()).map(|a| a.code.as_str()),
                &q.content.text,
                &q.direct,
            ])
            .on(target, "copying quotes")?;
        }
    }
    w.finish().on(target, "finishing the quotes COPY")?;
    let mut w = copy_in(
        tx,
        "COPY claims (article, span_start, span_end, text, quantity, unit, kind) FROM STDIN BINARY",
        &[T::INT8, T::INT8, T::INT8, T::TEXT, T::FLOAT8, T::TEXT, T::TEXT],
        target,
    )?;
    for p in placed {
        for c in &p.article.claims {
            let (s, e) = span(&c.span);
            w.write(&[&p.rowid, &s, &e, &c.text, &c.quantity, &c.unit, &c.kind])
                .on(target, "copying claims")?;
        }
    }
    w.finish().on(target, "finishing the claims COPY")?;
    let mut w = copy_in(
        tx,
        "COPY places (article, span_start, span_end, text, name, country, lat, lon, geonameid) FROM STDIN BINARY",
        &[T::INT8, T::INT8, T::INT8, T::TEXT, T::TEXT, T::TEXT, T::FLOAT8, T::FLOAT8, T::INT8],
        target,
    )?;
    for p in placed {
        for pl in &p.article.places {
            let (s, e) = span(&pl.span);
            let g = pl.geonameid.map(|g| g as i64);
            w.write(&[
                &p.rowid,
                &s,
                &e,
                &pl.text,
                &pl.name,
                &pl.country,
                &pl.lat,
                &pl.lon,
                &g,
            ])
            .on(target, "copying places")?;
        }
    }
    w.finish().on(target, "finishing the places COPY")?;
    Ok(())
}
