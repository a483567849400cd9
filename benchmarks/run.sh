#!/usr/bin/env bash
# The performance harness (issue 16): every figure beside its limit, measured in the same run on the same machine,
# as medians with their spread (min–max) over several rounds, then a table of ratios against the targets.
#
#   benchmarks/run.sh                      # API, memory, start-up and the national night on SQLite (≈ 15 min on 2 cores)
#   benchmarks/run.sh --postgres           # the night on PostgreSQL too (a throwaway server on 127.0.0.1)
#   benchmarks/run.sh --rounds 5 --skip-night
#
# Limits: the measures list served by plain ADO.NET from the same SQLite file and the same bytes from memory
# (benchmarks/WiangHa.Platform.Benchmarks.Limits), a bare endpoint and its start-up, and a bulk read + insert of the
# night's rows in one transaction (benchmarks/WiangHa.Platform.Benchmarks). Needs wrk and python3. Every server
# listens on 127.0.0.1 only and is stopped at the end; every load is bounded in time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=3
night=1
postgres=0
duration=10s
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --skip-night) night=0; shift ;;
    --postgres) postgres=1; shift ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
figures="$work/figures.tsv"   # name <tab> value, one line per round
pids=()
stop_all() {
  for p in "${pids[@]:-}"; do kill "$p" 2> /dev/null || true; done
  for p in "${pids[@]:-}"; do wait "$p" 2> /dev/null || true; done
  pids=()
}
pg_dir=$(mktemp -u -d /tmp/wiangha-bench-pg-XXXXXX)   # created by the server script for its own user
kept="$root/artifacts/benchmarks"
cleanup() {
  stop_all
  if [ "$postgres" = 1 ]; then "$root/scripts/postgres-test-server.sh" stop "$pg_dir" > /dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
  # The figures measured so far are kept and summed up even when a later part failed.
  if [ -s "$figures" ]; then
    mkdir -p "$kept"; cp "$figures" "$kept/figures.tsv"
    echo; python3 "$root/benchmarks/summary.py" "$figures" | tee "$kept/summary.md"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
record() { printf '%s\t%s\n' "$1" "$2" >> "$figures"; }

echo "== building (Release, published as deployed)"
# As the Dockerfile publishes it: ReadyToRun, framework-dependent (what the other forms cost: docs/benchmarks.md).
dotnet publish "$root/src/WiangHa.Platform.Web" -c Release -o "$work/app" -nologo -v quiet \
  -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false > /dev/null
dotnet build "$root/benchmarks/WiangHa.Platform.Benchmarks.Limits" -c Release -o "$work/limits" -nologo -v quiet > /dev/null
[ "$night" = 1 ] && dotnet build "$root/benchmarks/WiangHa.Platform.Benchmarks" -c Release -o "$work/night" -nologo -v quiet > /dev/null

app_port=5099
limits_port=5098
app="http://127.0.0.1:$app_port"
limits="http://127.0.0.1:$limits_port"
# Not "Production": Production refuses the embedded default's development OIDC keys (ADR 0007). The API limit per
# client (600 a minute) is lifted, or wrk would measure 429s.
export ASPNETCORE_ENVIRONMENT=Benchmark
settings=(--urls "$app" --Logging:LogLevel:Default Warning --Security:RateLimits:ApiPerMinute 100000000)

# Starts a server in the background and sets $started_in to the seconds from launch to the first 200 of $1.
# (Not a command substitution: the server's pid must reach this shell's list, or nothing would stop it.)
started_in=
start_server() {
  local ready=$1 from; shift
  from=$(date +%s%N)
  "$@" &
  pids+=($!)
  until curl -sf -o /dev/null "$ready"; do
    kill -0 "${pids[-1]}" 2> /dev/null || { echo "the server stopped: $*" >&2; exit 1; }
    sleep 0.02
  done
  started_in=$(python3 -c "print('%.2f' % (($(date +%s%N) - $from) / 1e9))")
}
run_platform() { cd "$work/app" && exec dotnet WiangHa.Platform.Web.dll "${settings[@]}" --Database:DataDirectory "$1" >> "$work/app.log" 2>&1; }
run_limits() { cd "$work/limits" && exec dotnet WiangHa.Platform.Benchmarks.Limits.dll --urls "$limits" --db "$1" >> "$work/limits.log" 2>&1; }
start_platform() { start_server "$app/health/ready" run_platform "$1"; }
start_limits() { start_server "$limits/health/live" run_limits "$1"; }
platform_pid() { ss -ltnp | grep ":$app_port " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# wrk for $duration; records requests/s, p50 and p99 (ms) under the name; when a pid is given, its peak RSS (MB).
load() {
  local name=$1 url=$2 pid=${3:-} header=${4:-} out="$work/wrk.txt" peak=0 rss sampler
  if [ -n "$pid" ]; then
    ( while kill -0 "$pid" 2> /dev/null; do ps -o rss= -p "$pid"; sleep 0.25; done ) > "$work/rss.txt" &
    sampler=$!
  fi
  if [ -n "$header" ]; then wrk -t2 -c16 -d"$duration" --latency -H "$header" "$url" > "$out"; else wrk -t2 -c16 -d"$duration" --latency "$url" > "$out"; fi
  if [ -n "$pid" ]; then
    kill "$sampler" 2> /dev/null || true; wait "$sampler" 2> /dev/null || true
    peak=$(sort -n "$work/rss.txt" | tail -1); record "$name.rss_mb" "$(( peak / 1024 ))"
  fi
  grep -q "Non-2xx" "$out" && { echo "$name: non-2xx answers" >&2; cat "$out" >&2; exit 1; }
  python3 - "$out" "$name" >> "$figures" << 'EOF'
import re, sys
text = open(sys.argv[1]).read(); name = sys.argv[2]
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print("%s.rps\t%.0f" % (name, rps))
for p in ("50", "99"):
    v, unit = re.search(r"^\s+" + p + r"%\s+([\d.]+)(us|ms|s)", text, re.M).groups()
    print("%s.p%s_ms\t%.2f" % (name, p, ms(v, unit)))
EOF
}

echo "== API and memory: $rounds rounds of wrk -t2 -c16 -d$duration, interleaved"
data="$work/data"
# The first start creates the embedded demo; the load runs on a restart, as a replica runs (no demo being generated).
start_platform "$data"; record startup.fresh_s "$started_in"; stop_all
start_platform "$data"; record startup.existing_s "$started_in"
start_limits "$data/wiangha.db"
token=$(curl -s -d "grant_type=client_credentials&client_id=chiangrai-province-demo&client_secret=demo-secret-change-me&scope=measures:read" \
  "$app/connect/token" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
api="$app/api/v1/t/wiangha/measures?year=2566"
# The limit answers byte for byte what the API answers, or the comparison means nothing.
cmp <(curl -s -H "Authorization: Bearer $token" "$api") <(curl -s "$limits/measures?tenant=wiangha&year=2566") \
  || { echo "the ADO.NET limit does not send the API's bytes" >&2; exit 1; }
pid=$(platform_pid)
record memory.idle_mb "$(( $(ps -o rss= -p "$pid") / 1024 ))"
for round in $(seq 1 "$rounds"); do
  echo "   round $round"
  load api.measures "$api" "$pid" "Authorization: Bearer $token"
  # What authentication, tenant resolution and the request scope cost alone: the same token on a one-row-per-unit read.
  load api.orgunits "$app/api/v1/t/wiangha/org-units" "$pid" "Authorization: Bearer $token"
  load limit.adonet "$limits/measures?tenant=wiangha&year=2566"
  load limit.memory "$limits/measures/memory"
  load api.health "$app/health/live" "$pid"
  load limit.health "$limits/health/live"
done
stop_all

echo "== start-up: $rounds rounds each, to the first 200 of /health/ready"
for round in $(seq 1 "$rounds"); do
  [ "$round" = 1 ] || { start_platform "$data"; record startup.existing_s "$started_in"; stop_all; }
  start_limits "$data/wiangha.db"; record startup.bare_s "$started_in"; stop_all
done
for round in $(seq 2 "$rounds"); do
  start_platform "$work/fresh-$round"; record startup.fresh_s "$started_in"; stop_all; rm -rf "$work/fresh-$round"
done

if [ "$night" = 1 ]; then
  echo "== the national night: 7,849 LAOs, $rounds nights, beside the bulk limit"
  (cd "$work/night" && dotnet WiangHa.Platform.Benchmarks.dll --provider sqlite --tenants 7849 --runs "$rounds" --figures "$figures.night" --nightly-only) | tee "$work/night-sqlite.txt"
  sed 's/^/night.sqlite./' "$figures.night" >> "$figures"; rm -f "$figures.night"
  if [ "$postgres" = 1 ]; then
    "$root/scripts/postgres-test-server.sh" start "$pg_dir" 55491 > /dev/null
    (cd "$work/night" && dotnet WiangHa.Platform.Benchmarks.dll --provider postgres --pg "Host=127.0.0.1;Port=55491;Username=postgres" \
      --tenants 7849 --runs "$rounds" --figures "$figures.night" --nightly-only) | tee "$work/night-postgres.txt"
    sed 's/^/night.postgres./' "$figures.night" >> "$figures"; rm -f "$figures.night"
  fi
fi

echo "== done: the summary follows; figures and summary are kept in artifacts/benchmarks/"
