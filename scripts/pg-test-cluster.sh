#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster under a temporary folder, on a free loopback port.
# Source it, then: pg_cluster_start (sets PG_CLUSTER_URL) … pg_cluster_stop.
# initdb refuses to run as root, so as root the cluster belongs to the postgres user.

pg_cluster_start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  PG_CLUSTER_DIR="$(mktemp -d /tmp/giamsat-pg.XXXXXX)"
  PG_CLUSTER_PORT="${PG_CLUSTER_PORT:-$(( 20000 + RANDOM % 20000 ))}"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_CLUSTER_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U giamsat --auth=trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/log" -w \
    -o "-p $PG_CLUSTER_PORT -k $PG_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
    start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U giamsat giamsat_test
  PG_CLUSTER_URL="postgres://giamsat@127.0.0.1:$PG_CLUSTER_PORT/giamsat_test"
  PG_CLUSTER_BIN="$bin"
  export PG_CLUSTER_URL PG_CLUSTER_DIR PG_CLUSTER_BIN
  echo "PostgreSQL: $PG_CLUSTER_URL"
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_CLUSTER_DIR"
}
