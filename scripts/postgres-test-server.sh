#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: 127.0.0.1 only, trust auth, fsync off, in a temp folder.
#   scripts/postgres-test-server.sh start <dir> [port]   prints nothing but errors; leaves the server running
#   scripts/postgres-test-server.sh stop <dir>
#   scripts/postgres-test-server.sh resume <dir> [port]  starts a stopped server again (same data)
set -euo pipefail
cmd=$1; dir=$2; port=${3:-55432}
bin=/usr/lib/postgresql/15/bin
serve() {
  su postgres -c "$bin/pg_ctl -D $dir/data -l $dir/server.log -w start \
    -o '-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200'" >/dev/null
}
case "$cmd" in
  start)
    mkdir -p "$dir"; chown postgres:postgres "$dir"
    su postgres -c "$bin/initdb -D $dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log"
    serve
    ;;
  resume)
    serve
    ;;
  stop)
    su postgres -c "$bin/pg_ctl -D $dir/data -m fast -w stop" >/dev/null || true
    ;;
  *) echo "usage: $0 start|resume|stop <dir> [port]" >&2; exit 2 ;;
esac
