#!/usr/bin/env bash
# Dashboards under load (issue 9): the national page, the largest province (Nakhon Ratchasima, 334 LAOs) and the
# API, through the whole pipeline of the published app on 127.0.0.1, against a database holding the whole nation.
#   benchmarks/dashboards/run.sh            # embedded SQLite (demo sign-ins) in a fresh temporary folder
# PostgreSQL is measured without HTTP by the benchmark program's dashboards mode (docs/benchmarks.md).
# Needs wrk and python3. Every server started here listens on 127.0.0.1 only and is stopped at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=5099
base="http://127.0.0.1:$port"
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish "$root/src/WiangHa.Platform.Web" -c Release -o "$work/app" -nologo -v quiet
# Not "Production": Production refuses the development OIDC keys of the embedded default (ADR 0007). The API limit per
# client (600 a minute by default) is lifted, or wrk would measure 429s.
export ASPNETCORE_ENVIRONMENT=Benchmark
settings=(--urls "$base" --Database:DataDirectory "$work/data" --Logging:LogLevel:Default Warning --Security:RateLimits:ApiPerMinute 100000000)
cd "$work/app"
/usr/bin/time -f "load-nation: %e s wall, %M KB max RSS" dotnet WiangHa.Platform.Web.dll load-nation "${settings[@]}"
dotnet WiangHa.Platform.Web.dll "${settings[@]}" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -sf "$base/health/ready" > /dev/null && break; sleep 0.5; done

cookie=$(python3 "$root/benchmarks/dashboards/supervisor-cookie.py" "$base" national@platform.demo Demo-WiangHa-2569)
token=$(curl -s -d "grant_type=client_credentials&client_id=chiangrai-province-demo&client_secret=demo-secret-change-me&scope=dashboards:read" \
  "$base/connect/token" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')

echo "first view of the national page, brotli, bytes (page + assets):"
total=0
for path in /dashboards $(curl -s -H "Cookie: $cookie" "$base/dashboards" | grep -o '\(href\|src\)="/[^"]*\.\(css\|js\)"' | sed 's/.*="\(.*\)"/\1/') \
            /lib/sarabun/files/sarabun-thai-400-normal.woff2 /lib/sarabun/files/sarabun-latin-400-normal.woff2 \
            /lib/sarabun/files/sarabun-thai-700-normal.woff2 /lib/sarabun/files/sarabun-latin-700-normal.woff2; do
  n=$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $cookie" -H 'Accept-Encoding: gzip, deflate, br' "$base$path")
  printf '  %-60s %8d\n' "$path" "$n"; total=$((total + n))
done
echo "  total $total bytes"

lua="$root/benchmarks/dashboards/p95.lua"
for path in /dashboards /dashboards/provinces/30 /dashboards/provinces/57 /dashboards/provinces/30/items; do
  for _ in 1 2 3; do curl -s -o /dev/null -H "Cookie: $cookie" "$base$path"; done
  echo "page $path:"; wrk -t2 -c8 -d10s -s "$lua" -H "Cookie: $cookie" -H 'Accept-Encoding: br' "$base$path" | tail -1
done
echo "API /api/v1/dashboards/provinces/57 (client credentials):"
wrk -t2 -c8 -d10s -s "$lua" -H "Authorization: Bearer $token" "$base/api/v1/dashboards/provinces/57" | tail -1
echo "bare endpoint /health/live:"
wrk -t2 -c8 -d10s -s "$lua" "$base/health/live" | tail -1
