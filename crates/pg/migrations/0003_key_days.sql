-- casus store schema for PostgreSQL, migration 3: keyword counts per day,
-- so that how rare a story keyword is around a new article's day
-- (casus_story::rarity) is read from a few rows per keyword, however large
-- the store (the same table as the SQLite store's schema 9).

-- How many keyed articles (dated, not copies) have each keyword ('w:...')
-- among their story keys on a day; '#' counts all of them.
CREATE TABLE key_days (
  key text NOT NULL, day bigint NOT NULL, articles bigint NOT NULL,
  PRIMARY KEY (key, day)
);

-- A store made before this migration: counted from its keys.
INSERT INTO key_days (key, day, articles)
  SELECT key, day, count(*) FROM keys WHERE left(key, 2) = 'w:' GROUP BY key, day;
INSERT INTO key_days (key, day, articles)
  SELECT '#', day, count(DISTINCT article) FROM keys GROUP BY day;
