//! The events of a batch, with one COPY (partitions routed by the server).

use crate::error::{On, Result};
use crate::write::{event_date, Placed};
use casus_store::side_columns;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use postgres::Transaction;

const COLUMNS: &str = "article, n, copy, sentence_start, sentence_end, trigger_start, trigger_end, trigger,
  source, source_text, source_code, source_country, target, target_text, target_code, target_country,
  cameo, root, quad_class, penta_class, goldstein, plover, plover_mode, modality, confidence, count,
  date, day, place, place_country, lat, lon, geonameid, acled_event_type, acled_sub_event_type,
  inter1, inter2, interaction, fatalities, admin1, admin2";

/// The events table holds CAMEO-coded events (as in the SQLite store): an
/// event CAMEO cannot code (a flood, typed by its ACLED kind only) stays
/// in the article's record.
pub(crate) fn events(tx: &mut Transaction<'_>, placed: &[Placed<'_>], target: &str) -> Result<()> {
    use Type as T;
    let mut types = vec![T::INT8, T::INT8, T::BOOL];
    types.extend([T::INT8; 4]);
    // trigger, the two sides' id, words, code and country, cameo, root
    types.extend([T::TEXT; 11]);
    types.extend([
        T::INT8,
        T::INT8,
        T::FLOAT8,
        T::TEXT,
        T::TEXT,
        T::TEXT,
        T::FLOAT8,
        T::INT8,
    ]);
    types.extend([T::TEXT, T::INT8, T::TEXT, T::TEXT, T::FLOAT8, T::FLOAT8, T::INT8]);
    types.extend([
        T::TEXT,
        T::TEXT,
        T::INT8,
        T::INT8,
        T::INT8,
        T::INT8,
        T::TEXT,
        T::TEXT,
    ]);
    let sink = tx
        .copy_in(&format!("COPY events ({COLUMNS}) FROM STDIN BINARY"))
        .on(target, "starting the events COPY")?;
    let mut w = BinaryCopyInWriter::new(sink, &types);
    for p in placed {
        for (n, e) in p
            .article
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.cameo.is_empty())
        {
            let [s_id, s_text, s_code, s_country] = side_columns(&e.source);
            let [t_id, t_text, t_code, t_country] = side_columns(&e.target);
            let (date, day) = event_date(e, p);
            let loc = e.location.as_ref();
            let acled = e.acled.as_ref();
            let int = |x: Option<u8>| x.map(i64::from);
            let row: [&(dyn ToSql + Sync); 41] = [
                &p.rowid,
                &(n as i64),
                &p.copy,
                &(e.sentence[0] as i64),
                &(e.sentence[1] as i64),
                &(e.trigger.span[0] as i64),
                &(e.trigger.span[1] as i64),
                &e.trigger.text,
                &s_id,
                &s_text,
                &s_code,
                &s_country,
                &t_id,
                &t_text,
                &t_code,
                &t_country,
                &e.cameo,
                &e.root,
                &i64::from(e.quad_class),
                &i64::from(e.penta_class),
                &e.goldstein,
                &e.plover.category,
                &e.plover.mode,
                &e.modality,
                &e.confidence,
                &e.count.map(|c| c as i64),
                &date,
                &day,
                &loc.map(|l| l.name.as_str()),
                &loc.and_then(|l| l.country.as_deref()),
                &loc.and_then(|l| l.lat),
                &loc.and_then(|l| l.lon),
                &loc.and_then(|l| l.geonameid).map(|g| g as i64),
                &acled.map(|a| a.event_type.as_str()),
                &acled.map(|a| a.sub_event_type.as_str()),
                &int(acled.and_then(|a| a.inter1)),
                &int(acled.and_then(|a| a.inter2)),
                &int(acled.and_then(|a| a.interaction)),
                &e.fatalities.as_ref().map(|f| f.count as i64),
                &loc.and_then(|l| l.admin1.as_deref()),
                &loc.and_then(|l| l.admin2.as_deref()),
            ];
            w.write(&row).on(target, "copying events")?;
        }
    }
    w.finish().on(target, "finishing the events COPY")?;
    Ok(())
}
