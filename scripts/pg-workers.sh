#!/usr/bin/env bash
# Several `casus ingest` workers on one PostgreSQL store, measured: one
# worker, two workers, two workers one of which is killed with SIGKILL at
# a random moment and started again; the SQLite store on the same input
# for comparison. Checks that every article is stored once, that no event
# is stored twice, and how far the stories of the killed run are from the
# single worker's (B-cubed). Usage:
#   scripts/pg-workers.sh [ARTICLES] [FILES]     (default 20000 in 40 files)
# Needs a release build and a server (scripts/postgres.sh start).
set -euo pipefail
N=${1:-20000}
FILES=${2:-40}
cd "$(dirname "$0")/.."
CASUS=target/release/casus
BASE=${CASUS_TEST_PG:-$(bash scripts/postgres.sh start)}
BASE=${BASE%/*}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
$CASUS bench --articles "$N" --write "$WORK/corpus" >/dev/null 2>&1
mkdir -p "$WORK/in"
split -n "l/$FILES" -d -a 3 --additional-suffix=.jsonl "$WORK/corpus/articles.jsonl" "$WORK/in/part-"
psql_() { psql "$BASE/casus_test" -qAt "$@"; }
fresh() { psql_ -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; echo "$BASE/$1"; }
secs() { local t0=$1; echo "scale=1; ($(date +%s%N) - $t0) / 1000000000" | bc; }

t0=$(date +%s%N)
$CASUS ingest "$WORK/in" --db "$WORK/sqlite" 2>/dev/null
echo "sqlite, 1 worker: $(secs "$t0") s"

ONE=$(fresh pgw_one)
t0=$(date +%s%N)
$CASUS ingest "$WORK/in" --db "$ONE" 2>/dev/null
echo "postgres, 1 worker: $(secs "$t0") s"

TWO=$(fresh pgw_two)
t0=$(date +%s%N)
$CASUS ingest "$WORK/in" --db "$TWO" 2>/dev/null &
$CASUS ingest "$WORK/in" --db "$TWO" 2>/dev/null
wait
echo "postgres, 2 workers: $(secs "$t0") s"

KILL=$(fresh pgw_kill)
t0=$(date +%s%N)
$CASUS ingest "$WORK/in" --db "$KILL" --lease 5 2>/dev/null &
victim=$!
$CASUS ingest "$WORK/in" --db "$KILL" --lease 5 2>/dev/null &
other=$!
sleep "$(( (RANDOM % 6) + 2 ))"
kill -9 "$victim" 2>/dev/null || true
echo "killed one worker after $(secs "$t0") s"
$CASUS ingest "$WORK/in" --db "$KILL" --lease 5 2>/dev/null
wait "$other"
echo "postgres, 2 workers, one killed and restarted: $(secs "$t0") s"

for db in pgw_one pgw_two pgw_kill; do
  psql "$BASE/$db" -qAt -F ' ' -c "SELECT '$db', (SELECT count(*) FROM articles), (SELECT count(DISTINCT id) FROM articles),
    (SELECT count(*) FROM events), (SELECT count(*) FROM (SELECT article, n FROM events GROUP BY 1, 2 HAVING count(*) > 1) d),
    (SELECT count(*) FROM work WHERE NOT done), pg_size_pretty(pg_database_size('$db')),
    pg_database_size('$db') / greatest((SELECT count(*) FROM articles), 1)" |
    awk '{printf "%s: %s articles (%s distinct), %s events, %s stored twice, %s inputs left, %s %s (%s bytes an article)\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}'
done
# Stories of the killed run against the single worker's, B-cubed.
python3 - "$BASE" <<'PY'
import subprocess, sys
base = sys.argv[1]
def stories(db):
    out = subprocess.run(["psql", f"{base}/{db}", "-qAt", "-F", "\t", "-c", "SELECT id, story FROM articles"],
                         capture_output=True, text=True, check=True).stdout
    return dict(l.split("\t") for l in out.splitlines() if l)
one, other = stories("pgw_one"), stories("pgw_kill")
ids = sorted(one)
def members(m):
    groups = {}
    for i in ids: groups.setdefault(m[i], set()).add(i)
    return {i: groups[m[i]] for i in ids}
g, p = members(one), members(other)
prec = sum(len(g[i] & p[i]) / len(p[i]) for i in ids) / len(ids)
rec = sum(len(g[i] & p[i]) / len(g[i]) for i in ids) / len(ids)
same = sum(one[i] == other[i] for i in ids)
print(f"stories of the killed run against one worker's: B-cubed P {prec:.3f} R {rec:.3f}; same story id {same}/{len(ids)}")
PY
