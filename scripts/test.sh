#!/usr/bin/env bash
# Runs every test of WiangHa Platform on a fresh Debian 12 machine that has the .NET SDK:
#   unit tests, integration tests on SQLite, the same on a real PostgreSQL server, and the browser journeys.
#   The unit tests lint and render the Helm chart with a real Helm (scripts/helm-check.sh; fetched once into .tools/).
# Installs what is missing (Chromium, Thai fonts, PostgreSQL; needs root or sudo), starts a throwaway
# PostgreSQL on 127.0.0.1, and stops it on exit. Screenshots and other artifacts go to artifacts/.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
artifacts="$PWD/artifacts"
rm -rf "$artifacts"; mkdir -p "$artifacts/test-logs"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_root ./scripts/install-test-deps.sh || { echo "installing test dependencies failed"; exit 1; }

pg_dir=$(mktemp -d /tmp/wiangha-pg.XXXXXX)
pg_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop_postgres() { as_root ./scripts/postgres-test-server.sh stop "$pg_dir" || true; as_root rm -rf "$pg_dir"; }
trap stop_postgres EXIT
as_root ./scripts/postgres-test-server.sh start "$pg_dir" "$pg_port" || { echo "PostgreSQL did not start"; cat "$pg_dir"/*.log; exit 1; }
export WIANGHA_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export WIANGHA_ARTIFACTS="$artifacts/e2e"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build WiangHa.Platform.sln -c Release -nologo -v quiet || { echo "build failed"; exit 1; }

status=0
summary=()
run() { # run <label> <project> [extra dotnet test args...]
  local label=$1 project=$2; shift 2
  local log="$artifacts/test-logs/$label.log" t0; t0=$(date +%s)
  dotnet test "$project" -c Release --no-build -nologo "$@" 2>&1 | tee "$log" | grep -E '^\s+(Failed|Passed!|Failed!)|error' 
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
  summary+=("$(printf '%-28s %s (%ss)' "$label" "$(grep -hoE '(Passed|Failed)!.*Total: *[0-9]+' "$log" | sed -E 's/ - [A-Za-z.]+\.dll.*//' | tail -1)" "$(( $(date +%s) - t0 ))")")
}
run unit                 tests/WiangHa.Platform.UnitTests
WIANGHA_TEST_DB=sqlite   run integration-sqlite   tests/WiangHa.Platform.IntegrationTests --filter "Category!=PostgresOnly"
WIANGHA_TEST_DB=postgres run integration-postgres tests/WiangHa.Platform.IntegrationTests --filter "Category!=SqliteOnly"
run e2e                  e2e/WiangHa.Platform.E2E

echo
echo "== Test summary =="
printf '%s\n' "${summary[@]}"
echo "Wall time: $(( $(date +%s) - started ))s   Artifacts: $artifacts"
exit $status
