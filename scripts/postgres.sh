#!/usr/bin/env bash
# A throwaway PostgreSQL server for casus's tests, owned by the run that
# starts it: `scripts/postgres.sh start` installs Debian's postgresql
# package when no server binaries are found, creates a cluster in a
# temporary directory, starts it on 127.0.0.1:$CASUS_PG_PORT (55432) and
# a Unix socket beside the cluster, and prints the URL of an empty
# database for CASUS_TEST_PG. `scripts/postgres.sh stop` stops it and
# removes the directory; `scripts/postgres.sh restart` stops it (fast: open
# sessions are cut) and starts it again on the same data, as a server
# restarted under a running ingest would be. The server never runs as root: as root, the
# cluster belongs to the `postgres` user the package creates.
set -euo pipefail
PORT=${CASUS_PG_PORT:-55432}
DIR=${CASUS_PG_DIR:-/tmp/casus-pg-$PORT}

bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
start)
  BIN=$(bindir)
  if [ -z "$BIN" ]; then
    echo "postgres.sh: installing Debian's postgresql package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN=$(bindir)
  fi
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >&2 || true
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_owner "$BIN/initdb" -D "$DIR/data" -A trust -U casus -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off: a test server's data need not survive a crash of the machine.
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
  as_owner "$BIN/createdb" -h "$DIR" -p "$PORT" -U casus casus_test
  echo "postgres://casus@127.0.0.1:$PORT/casus_test"
  ;;
restart)
  BIN=$(bindir)
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
  sleep "${CASUS_PG_DOWN_SECONDS:-2}"
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
  ;;
stop)
  BIN=$(bindir)
  if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
  ;;
*)
  echo "usage: scripts/postgres.sh start|restart|stop" >&2
  exit 2
  ;;
esac
