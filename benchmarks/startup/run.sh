#!/usr/bin/env bash
# Start-up to ready: launches the app, polls /health/ready until the first 200, prints the time from launch.
# Not a test: figures for docs/benchmarks.md. Usage (from the repository root):
#   benchmarks/startup/run.sh [--runs 5] [--fresh-runs 3] [--port 5631] [--skip-build] [--only build|published|r2r|bare]
# Measures, each as median and spread of the runs:
#   build      the Release build's DLL (what `dotnet run` starts, without the build check), existing and fresh database
#   published  `dotnet publish -c Release` output, existing and fresh database
#   r2r        the same published ReadyToRun (linux-x64, framework-dependent), as the Dockerfile publishes it
#   bare       an empty minimal API (benchmarks/startup/BareApi) on the same runtime: the floor to compare with
set -euo pipefail

runs=5 fresh_runs=3 port=5631 skip_build=0 only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --fresh-runs) fresh_runs=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/artifacts/startup"
mkdir -p "$out"
url="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Benchmark DOTNET_NOLOGO=1

if [ "$skip_build" = 0 ]; then
  dotnet build "$root/src/WiangHa.Platform.Web" -c Release -nologo -v quiet >/dev/null
  dotnet publish "$root/src/WiangHa.Platform.Web" -c Release -nologo -v quiet -o "$out/publish" >/dev/null
  # ReadyToRun: our assemblies and the packages' precompiled to native code, so start-up JITs far less.
  dotnet publish "$root/src/WiangHa.Platform.Web" -c Release -nologo -v quiet -o "$out/publish-r2r" \
    -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false >/dev/null
  dotnet build "$root/benchmarks/startup/BareApi" -c Release -nologo -v quiet >/dev/null
fi

app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap stop_app EXIT

# One start: prints "<milliseconds to the first 200> <RSS in MB at that moment>", then stops the app.
start_once() {
  local log=$1 dir=$2; shift 2
  local t0 t1 code
  t0=$(date +%s%N)
  # From the app's directory, as an operator starts it: the content root (appsettings.json) is the working directory.
  (cd "$dir" && exec "$@" --urls "$url") >"$log" 2>&1 &
  app_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url/health/ready" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "the app exited before ready; see $log" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 120000 ]; then echo "not ready within 120 s; see $log" >&2; exit 1; fi
    sleep 0.025
  done
  t1=$(date +%s%N)
  local rss; rss=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$app_pid/status")
  stop_app
  echo "$(( (t1 - t0) / 1000000 )) $rss"
}

# Median and spread (min–max) of a list of "ms rss" lines.
summarise() {
  local label=$1 file=$2
  local rss; rss=$(cut -d' ' -f2 "$file" | sort -n | awk '{ r[NR] = $1 } END { print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }')
  sort -n "$file" | awk -v label="$label" -v rss="$rss" '
    { ms[NR] = $1 }
    END {
      n = NR; m = (n % 2) ? ms[(n + 1) / 2] : (ms[n / 2] + ms[n / 2 + 1]) / 2
      printf "%-32s median %6.0f ms   spread %6d-%-6d ms   RSS %4d MB   (%d runs)\n", label, m, ms[1], ms[n], rss, n
    }'
}

measure_app() {
  local label=$1 dir=$2; shift 2
  local data; data=$(mktemp -d)
  local fresh="$out/$label-fresh.txt" existing="$out/$label-existing.txt"
  : >"$fresh"; : >"$existing"
  for i in $(seq "$fresh_runs"); do
    rm -rf "$data"; mkdir -p "$data"
    start_once "$out/$label-fresh-$i.log" "$dir" "$@" --Database:DataDirectory "$data" >>"$fresh"
  done
  for i in $(seq "$runs"); do
    start_once "$out/$label-existing-$i.log" "$dir" "$@" --Database:DataDirectory "$data" >>"$existing"
  done
  rm -rf "$data"
  summarise "$label, fresh database" "$fresh"
  summarise "$label, existing database" "$existing"
}

measure_bare() {
  local file="$out/bare.txt"; : >"$file"
  for i in $(seq "$runs"); do
    start_once "$out/bare-$i.log" "$root/benchmarks/startup/BareApi" dotnet "$root/benchmarks/startup/BareApi/bin/Release/net10.0/BareApi.dll" >>"$file"
  done
  summarise "bare minimal API" "$file"
}

echo "start-up to the first 200 on /health/ready ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
case "$only" in
  ""|build) measure_app build "$root/src/WiangHa.Platform.Web" dotnet bin/Release/net10.0/WiangHa.Platform.Web.dll ;;&
  ""|published) measure_app published "$out/publish" dotnet WiangHa.Platform.Web.dll ;;&
  ""|r2r) measure_app published-r2r "$out/publish-r2r" dotnet WiangHa.Platform.Web.dll ;;&
  ""|bare) measure_bare ;;
esac
