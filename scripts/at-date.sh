#!/usr/bin/env bash
# Runs a command with every process's clock moved to another instant (and still running), e.g.
#   scripts/at-date.sh '2028-03-15 10:00:00' ./scripts/test.sh
# so a test that passes only in the week it was written shows up. Needs Debian's faketime (installed if missing).
# libfaketime's first process makes a shared semaphore and memory readable by its own user only; the PostgreSQL
# server of the tests runs as user postgres, so they are opened to all before the command starts.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 'YYYY-MM-DD HH:MM:SS' command..." >&2; exit 2; }
library=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1
if [ ! -e "$library" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq faketime >/dev/null; else sudo apt-get install -y -qq faketime >/dev/null; fi
fi
target=$1; shift
offset=$(( $(date -d "$target UTC" +%s) - $(date +%s) ))
export LD_PRELOAD=$library FAKETIME="+${offset}"
exec bash -c 'chmod 666 /dev/shm/sem.faketime_sem_$$ /dev/shm/faketime_shm_$$ && exec "$@"' at-date "$@"
