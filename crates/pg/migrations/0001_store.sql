-- casus store schema for PostgreSQL, migration 1: the record of what was
-- read (articles and their rows), copies and stories, and the work queue
-- that several `casus ingest` workers share. One row per article, and one
-- row per mention, event, quote, claim and place, each with its span in
-- the article's `text` (Unicode code points, [span_start, span_end)).
-- `article` columns are `articles.rowid`. `day` columns are days since
-- 1970-01-01, NULL where no date can be right. Events of copies have
-- `copy = true`, so that counts are not inflated by republished stories.

CREATE TABLE articles (
  rowid        bigserial PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  url          text,
  source       text,
  title        text,
  published    text,
  day          bigint,
  language     text,
  content_hash bigint NOT NULL,
  copy_of      text,             -- the canonical article's id, if a copy
  similarity   double precision, -- Jaccard of shingles with it
  story        text NOT NULL,    -- stories.id
  n_events     bigint NOT NULL,
  keywords     bigint NOT NULL,  -- how many story keywords (casus-story)
  record       bytea NOT NULL,   -- the whole article as casus extract writes it, lz4 (as in SQLite)
  search       tsvector NOT NULL, -- title (weight A) and text (B), English
  ingested_at  timestamptz NOT NULL DEFAULT now()
);
-- The record is compressed already: stored as it is, out of line.
ALTER TABLE articles ALTER COLUMN record SET STORAGE EXTERNAL;
CREATE INDEX articles_day ON articles (copy_of, day);
CREATE INDEX articles_story ON articles (story);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE mentions (
  article bigint NOT NULL, span_start bigint NOT NULL, span_end bigint NOT NULL,
  text text NOT NULL, kind text NOT NULL,
  actor text, name text, code text, country text, sector text
);
CREATE INDEX mentions_article ON mentions (article);
CREATE INDEX mentions_actor ON mentions (actor);
CREATE INDEX mentions_code ON mentions (code);

-- Events, partitioned by month of `day` (events_YYYY_MM, made as the
-- first event of a month arrives); undated events in events_undated. A
-- month is dropped with `DROP TABLE events_2019_11`.
CREATE TABLE events (
  id bigserial,
  article bigint NOT NULL, n bigint NOT NULL, copy boolean NOT NULL,
  sentence_start bigint NOT NULL, sentence_end bigint NOT NULL,
  trigger_start bigint NOT NULL, trigger_end bigint NOT NULL, trigger text NOT NULL,
  source text, source_text text, source_code text, source_country text,
  target text, target_text text, target_code text, target_country text,
  cameo text NOT NULL, root text NOT NULL, quad_class bigint NOT NULL,
  penta_class bigint NOT NULL, goldstein double precision NOT NULL,
  plover text, plover_mode text, modality text NOT NULL, confidence double precision NOT NULL,
  count bigint, date text, day bigint,
  place text, place_country text, lat double precision, lon double precision, geonameid bigint,
  acled_event_type text, acled_sub_event_type text, inter1 bigint, inter2 bigint,
  interaction bigint, fatalities bigint, admin1 text, admin2 text
) PARTITION BY RANGE (day);
CREATE TABLE events_undated PARTITION OF events DEFAULT;
CREATE INDEX events_article ON events (article);
CREATE INDEX events_day ON events (day, id);
CREATE INDEX events_source ON events (source_code, copy, day);
CREATE INDEX events_target ON events (target_code, copy, day);

CREATE TABLE quotes (
  article bigint NOT NULL, span_start bigint NOT NULL, span_end bigint NOT NULL,
  speaker text, speaker_code text, content text NOT NULL, direct boolean NOT NULL
);
CREATE INDEX quotes_article ON quotes (article);

CREATE TABLE claims (
  article bigint NOT NULL, span_start bigint NOT NULL, span_end bigint NOT NULL,
  text text NOT NULL, quantity double precision NOT NULL, unit text NOT NULL, kind text NOT NULL
);
CREATE INDEX claims_article ON claims (article);

CREATE TABLE places (
  article bigint NOT NULL, span_start bigint NOT NULL, span_end bigint NOT NULL,
  text text NOT NULL, name text NOT NULL, country text,
  lat double precision NOT NULL, lon double precision NOT NULL, geonameid bigint
);
CREATE INDEX places_article ON places (article);

CREATE TABLE stories (
  id text PRIMARY KEY, title text, first_day bigint, last_day bigint, articles bigint NOT NULL
);

-- Near-duplicate candidates: one row per MinHash band of each article.
CREATE TABLE bands (band bigint NOT NULL, key bigint NOT NULL, article bigint NOT NULL);
CREATE INDEX bands_key ON bands (band, key, article);
CREATE INDEX bands_article ON bands (article);

-- Story keys (see casus-story): one row per key of each article.
CREATE TABLE keys (key text NOT NULL, day bigint NOT NULL, article bigint NOT NULL);
CREATE INDEX keys_key_day ON keys (key, day DESC, article);
CREATE INDEX keys_article ON keys (article);

-- The inputs of a run that several workers share: each claims an input
-- for a lease, renews it while it works, and marks it done in the
-- transaction that stores its last articles. A worker that dies leaves
-- its lease to run out; another then takes the input over. `run` names
-- the run: by default a hash of the input list, so that workers given the
-- same inputs share one run, and a changed input list is a new run.
CREATE TABLE work (
  run         text NOT NULL,
  input       text NOT NULL,
  done        boolean NOT NULL DEFAULT false,
  owner       text,
  lease_until timestamptz,
  attempts    bigint NOT NULL DEFAULT 0,
  done_at     timestamptz,
  PRIMARY KEY (run, input)
);
CREATE INDEX work_todo ON work (run, input) WHERE NOT done;
