#!/usr/bin/env bash
# Validates an OpenAPI document with an independent validator, Redocly CLI (docs/api.md):
#   scripts/openapi-lint.sh FILE     lint FILE (JSON or YAML) with the rules in redocly.yaml; exit 0 when it is valid
# @redocly/cli is installed once with npm into .tools/ (ignored by git). OpenApiDocumentTests writes the document the
# running app serves and runs this script. Every step is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
package=@redocly/cli
version=2.77.0
tools="$PWD/.tools/redocly-$version"
redocly="$tools/node_modules/.bin/redocly"

if [ ! -x "$redocly" ]; then
  command -v npm >/dev/null || { echo "npm is missing: run scripts/install-test-deps.sh (as root)" >&2; exit 1; }
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/redocly-fetch.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  echo "Fetching $package@$version ..." >&2
  timeout 600 npm install --silent --no-audit --no-fund --prefix "$scratch" "$package@$version" >/dev/null
  mkdir -p "$(dirname "$tools")"
  rm -rf "$tools.partial" && mv "$scratch" "$tools.partial" && mv "$tools.partial" "$tools"
  trap - EXIT
fi

# No telemetry, no update check: the validator works offline once installed.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec timeout 120 "$redocly" lint --config scripts/redocly.yaml --format stylish "$1"
