-- casus store schema for PostgreSQL, migration 2: running totals, so that
-- the API's timelines, dyads, maps and actor lists read thousands of
-- total rows instead of scanning millions of events (the same tables as
-- the SQLite store's). Copies' events are left out of the daily totals;
-- pronouns out of the actor counts. Rows whose counts fall to zero (an
-- article replaced) stay; readers skip them.

-- The article list's order (newest first, originals only), read from
-- the index instead of sorting every article.
CREATE INDEX articles_newest ON articles (day DESC NULLS LAST, rowid DESC) WHERE copy_of IS NULL;

-- Event lists newest first, read from an index in that order (in each
-- month's partition, merged) rather than sorted: all events, and an
-- actor's (by code or id) on each side; then the page's rows by id.
CREATE INDEX events_newest ON events (day DESC NULLS LAST, id DESC);
CREATE INDEX events_id ON events (id);
-- Migration 1's indexes on (day, id), (source_code, copy, day) and
-- (target_code, copy, day), which these serve in their stead.
DROP INDEX IF EXISTS events_day, events_source, events_target;
CREATE INDEX events_source_code_newest ON events (source_code, day DESC NULLS LAST, id DESC);
CREATE INDEX events_target_code_newest ON events (target_code, day DESC NULLS LAST, id DESC);
CREATE INDEX events_source_newest ON events (source, day DESC NULLS LAST, id DESC) WHERE source IS NOT NULL;
CREATE INDEX events_target_newest ON events (target, day DESC NULLS LAST, id DESC) WHERE target IS NOT NULL;

-- Events per day, dyad (actor codes, '' for none) and PentaClass.
CREATE TABLE dyad_days (
  source text NOT NULL, target text NOT NULL, day bigint NOT NULL, penta bigint NOT NULL,
  events bigint NOT NULL, goldstein double precision NOT NULL,
  PRIMARY KEY (source, target, day, penta)
);
CREATE INDEX dyad_days_target ON dyad_days (target, day);
CREATE INDEX dyad_days_day ON dyad_days (day);

-- Located events per place (GeoNames id, else name) and day.
CREATE TABLE place_days (
  place text NOT NULL, day bigint NOT NULL,
  name text NOT NULL, country text, lat double precision NOT NULL, lon double precision NOT NULL,
  geonameid bigint, events bigint NOT NULL, goldstein double precision NOT NULL,
  PRIMARY KEY (place, day)
);
CREATE INDEX place_days_day ON place_days (day);

-- Located events per actor code, place and day: an event counts once for
-- its source's code and once for its target's (once when they are the same).
CREATE TABLE actor_place_days (
  actor text NOT NULL, place text NOT NULL, day bigint NOT NULL,
  name text NOT NULL, country text, lat double precision NOT NULL, lon double precision NOT NULL,
  geonameid bigint, events bigint NOT NULL, goldstein double precision NOT NULL,
  PRIMARY KEY (actor, day, place)
);

-- Mentions (pronouns left out) and articles per actor (its id, else its code).
CREATE TABLE actor_counts (
  actor text PRIMARY KEY, name text, code text, country text,
  mentions bigint NOT NULL, articles bigint NOT NULL
);
CREATE INDEX actor_counts_mentions ON actor_counts (mentions);

-- Adds the rows of the articles `arts` (articles.rowid) to the totals, or
-- takes them out when `dir` is -1 (before an article is replaced). The
-- writers call it once per batch, under the batch's advisory lock.
CREATE FUNCTION casus_count(arts bigint[], dir bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dyad_days (source, target, day, penta, events, goldstein)
  SELECT coalesce(source_code, ''), coalesce(target_code, ''), day, penta_class,
         dir * count(*), dir * sum(goldstein)
  FROM events WHERE article = ANY(arts) AND NOT copy AND day IS NOT NULL
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (source, target, day, penta) DO UPDATE
    SET events = dyad_days.events + excluded.events, goldstein = dyad_days.goldstein + excluded.goldstein;

  INSERT INTO place_days (place, day, name, country, lat, lon, geonameid, events, goldstein)
  SELECT coalesce(geonameid::text, place), day, max(place), max(place_country), max(lat), max(lon),
         max(geonameid), dir * count(*), dir * sum(goldstein)
  FROM events WHERE article = ANY(arts) AND NOT copy AND day IS NOT NULL
    AND lat IS NOT NULL AND lon IS NOT NULL AND place IS NOT NULL
  GROUP BY 1, 2
  ON CONFLICT (place, day) DO UPDATE
    SET events = place_days.events + excluded.events, goldstein = place_days.goldstein + excluded.goldstein;

  INSERT INTO actor_place_days (actor, place, day, name, country, lat, lon, geonameid, events, goldstein)
  SELECT actor, key, day, max(name), max(country), max(lat), max(lon), max(geonameid),
         dir * count(*), dir * sum(goldstein)
  FROM (
    SELECT s.actor, coalesce(e.geonameid::text, e.place) AS key, e.day, e.place AS name,
           e.place_country AS country, e.lat, e.lon, e.geonameid, e.goldstein, e.id
    FROM events e CROSS JOIN LATERAL (
      SELECT DISTINCT x FROM unnest(ARRAY[e.source_code, e.target_code]) AS x WHERE coalesce(x, '') != ''
    ) AS s(actor)
    WHERE e.article = ANY(arts) AND NOT e.copy AND e.day IS NOT NULL
      AND e.lat IS NOT NULL AND e.lon IS NOT NULL AND e.place IS NOT NULL
  ) AS sides
  GROUP BY actor, key, day
  ON CONFLICT (actor, day, place) DO UPDATE
    SET events = actor_place_days.events + excluded.events,
        goldstein = actor_place_days.goldstein + excluded.goldstein;

  -- Name, code and country as the SQLite store keeps them: of each
  -- article's first mention of the actor, from the first article stored
  -- (a name from a later one only where that had none).
  INSERT INTO actor_counts (actor, name, code, country, mentions, articles)
  SELECT k, (array_agg(name ORDER BY article) FILTER (WHERE name IS NOT NULL))[1],
         (array_agg(code ORDER BY article))[1], (array_agg(country ORDER BY article))[1],
         dir * sum(n), dir * count(*)
  FROM (
    SELECT article, coalesce(actor, code) AS k,
           (array_agg(name ORDER BY span_start, span_end))[1] AS name,
           (array_agg(code ORDER BY span_start, span_end))[1] AS code,
           (array_agg(country ORDER BY span_start, span_end))[1] AS country, count(*) AS n
    FROM mentions WHERE article = ANY(arts) AND code IS NOT NULL AND kind != 'pronoun'
    GROUP BY article, 2
  ) AS per_article
  GROUP BY k
  ON CONFLICT (actor) DO UPDATE
    SET mentions = actor_counts.mentions + excluded.mentions,
        articles = actor_counts.articles + excluded.articles,
        name = coalesce(actor_counts.name, excluded.name);
$$;

-- A store made by migration 1 alone: its totals from its rows.
SELECT casus_count(array(SELECT rowid FROM articles), 1);

-- `q` with each of its words restricted to weight `w` ('A' the title,
-- 'B' the text): how the search's `title:` and `text:` are read.
CREATE FUNCTION casus_weight(q tsquery, w text) RETURNS tsquery IMMUTABLE STRICT LANGUAGE sql AS $$
  SELECT regexp_replace(q::text, '''(?:[^'']|'''')*''', '\&:' || w, 'g')::tsquery
$$;
