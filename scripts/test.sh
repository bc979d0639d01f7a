#!/usr/bin/env bash
# Runs every test: .NET build (warnings are errors) and tests, then the SPA's lint, type check, API-types
# freshness check, the API contract's lint (Spectral, Redocly), unit tests, production build and browser
# end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build Fengqiao.slnx -c Release

# The .NET tests run one at a time and keep about one core busy; the SPA's checks and unit tests use the other
# meanwhile. Their output is printed whole once they end, so that the two do not interleave.
dotnet_log="$(mktemp)"
trap 'rm -f "$dotnet_log"' EXIT
dotnet test Fengqiao.slnx -c Release --no-build > "$dotnet_log" 2>&1 &
dotnet_tests=$!

spa_status=0
# Chained with && because errexit does not apply inside a command list whose status is tested.
(
  cd web-client \
    && npm ci --no-audit --no-fund \
    && npm run lint \
    && npm run typecheck \
    && npm run check:api \
    && npm run lint:api \
    && npm test \
    && npm run build
) || spa_status=$?

dotnet_status=0
wait "$dotnet_tests" || dotnet_status=$?
echo '---- .NET tests ----'
cat "$dotnet_log"
if [ "$dotnet_status" -ne 0 ] || [ "$spa_status" -ne 0 ]; then
  echo ".NET tests exit code $dotnet_status, SPA checks and unit tests exit code $spa_status" >&2
  exit 1
fi

# The browser journeys start real hosts and need both cores to themselves.
cd web-client
npm run e2e
