-- casus store schema (SQLite). One row per article, and one row per
-- mention, event, quote, claim and place, each with its span in the
-- article's `text` (Unicode code points, [start, end)). `article` columns
-- are `articles.rowid`. `day` columns are days since 1970-01-01; `date`
-- columns ISO 8601; both are NULL where there is no date that can be
-- right (an undated article and its undated events are counted on no
-- day). Events of copies (`articles.copy_of` set) are kept but have
-- `copy = 1`, so that counts are not inflated by republished stories.
PRAGMA user_version = 8;

CREATE TABLE IF NOT EXISTS articles (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  url          TEXT,
  source       TEXT,
  title        TEXT,
  published    TEXT,
  day          INTEGER,       -- NULL: no publication date (schema 4)
  language     TEXT,
  content_hash INTEGER NOT NULL,
  copy_of      TEXT,          -- the canonical article's id, if a copy
  similarity   REAL,          -- Jaccard of shingles with it
  story        TEXT NOT NULL, -- stories.id
  n_events     INTEGER NOT NULL,
  keywords     INTEGER NOT NULL, -- how many story keywords (casus-story)
  record       BLOB NOT NULL, -- the whole article as casus extract writes it, one zstd frame (record.rs); lz4 or JSON text if stored by an older casus
  indexed      INTEGER NOT NULL DEFAULT 0, -- in the text index yet?
  ingested_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(copy_of, day);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_unindexed ON articles(indexed) WHERE indexed = 0;

CREATE TABLE IF NOT EXISTS mentions (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, kind TEXT NOT NULL,
  actor TEXT, name TEXT, code TEXT, country TEXT, sector TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor);
CREATE INDEX IF NOT EXISTS mentions_code ON mentions(code);

CREATE TABLE IF NOT EXISTS events (
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL, n INTEGER NOT NULL, copy INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger TEXT NOT NULL,
  source TEXT, source_text TEXT, source_code TEXT, source_country TEXT,
  target TEXT, target_text TEXT, target_code TEXT, target_country TEXT,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  penta_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover TEXT, plover_mode TEXT, modality TEXT NOT NULL, confidence REAL NOT NULL,
  count INTEGER, date TEXT, day INTEGER,
  place TEXT, place_country TEXT, lat REAL, lon REAL, geonameid INTEGER,
  acled_event_type TEXT, acled_sub_event_type TEXT, inter1 INTEGER, inter2 INTEGER,
  interaction INTEGER, fatalities INTEGER, admin1 TEXT, admin2 TEXT
);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
-- `copy` in the actor indexes lets counts of an actor's events (copies
-- left out) be read from the indexes alone. (Not in events_day: without
-- statistics, SQLite would then prefer it for every query.)
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code, copy, day);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, copy, day);
-- events_dyad(source_code, target_code, copy, day), for a pair's events
-- newest first, is made in store.rs (DYAD_INDEX), which the migration from
-- schema 1 shares.

CREATE TABLE IF NOT EXISTS quotes (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  speaker TEXT, speaker_code TEXT, content TEXT NOT NULL, direct INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);

CREATE TABLE IF NOT EXISTS claims (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, quantity REAL NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);

CREATE TABLE IF NOT EXISTS places (
  article INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
  lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER
);
CREATE INDEX IF NOT EXISTS places_article ON places(article);

CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY, title TEXT, first_day INTEGER,
  last_day INTEGER, articles INTEGER NOT NULL
);

-- Near-duplicate candidates: one row per MinHash band of each article.
CREATE TABLE IF NOT EXISTS bands (
  band INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS bands_article ON bands(article);
-- bands_key_article(band, key, article): created by store.rs (SCHEMA_6).

-- Story keys (see casus-story): one row per key of each article.
CREATE TABLE IF NOT EXISTS keys (
  key TEXT NOT NULL, day INTEGER NOT NULL, article INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS keys_article ON keys(article);
-- keys_key_day_article(key, day, article): created by store.rs (SCHEMA_6).
-- key_days(key, day, articles): how many keyed articles have each keyword
-- ('w:...') on a day, and '#' all of them: the rarity of a keyword around
-- a new article's day. Created by key_days.rs (schema 9).


-- Daily totals per dyad (actor codes, '' for none) and PentaClass, copies
-- left out: what /api/series reads for actor, dyad and date filters.
CREATE TABLE IF NOT EXISTS dyad_days (
  source TEXT NOT NULL, target TEXT NOT NULL, day INTEGER NOT NULL, penta INTEGER NOT NULL,
  events INTEGER NOT NULL, goldstein REAL NOT NULL,
  PRIMARY KEY (source, target, day, penta)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dyad_days_target ON dyad_days(target, day);
-- events_source_id_day(source, copy, day) and events_target_id_day(target,
-- copy, day), for an actor id's events newest first from the index alone:
-- created by store.rs (SCHEMA_3) for new and upgraded stores alike.

-- Mentions per actor (dictionary id, else code; pronouns left out), kept
-- up to date as articles are stored and replaced: what /api/actors reads.
CREATE TABLE IF NOT EXISTS actor_counts (
  actor TEXT PRIMARY KEY, name TEXT, code TEXT, country TEXT,
  mentions INTEGER NOT NULL, articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS actor_counts_mentions ON actor_counts(mentions);

-- Daily totals per place (GeoNames id, else name) of located events,
-- copies left out: what the event map reads when only dates are chosen.
CREATE TABLE IF NOT EXISTS place_days (
  place TEXT NOT NULL, day INTEGER NOT NULL,
  name TEXT NOT NULL, country TEXT, lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER,
  events INTEGER NOT NULL, goldstein REAL NOT NULL,
  PRIMARY KEY (place, day)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS place_days_day ON place_days(day);

-- actor_place_days, daily totals per actor code and place of located
-- events (copies left out) for the event map of one actor, is defined in
-- actor_places.rs, which the migration from schema 1 shares.
