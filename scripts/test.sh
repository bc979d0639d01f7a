#!/usr/bin/env bash
# Runs every test: .NET build (warnings are errors) and tests, then the SPA's lint, type check, API-types
# freshness check, the API contract's lint (Spectral, Redocly), unit tests, production build and browser
# end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm's install is mostly waiting on the network and the disk; it overlaps the .NET build.
npm_log="$(mktemp)"
dotnet_log="$(mktemp)"
trap 'rm -f "$npm_log" "$dotnet_log"' EXIT
(cd web-client && npm ci --no-audit --no-fund) > "$npm_log" 2>&1 &
npm_install=$!

dotnet build Fengqiao.slnx -c Release

npm_status=0
wait "$npm_install" || npm_status=$?
cat "$npm_log"
if [ "$npm_status" -ne 0 ]; then
  echo "npm ci exit code $npm_status" >&2
  exit 1
fi

# The .NET tests run two fixtures at a time; the SPA's checks and unit tests share the cores with them. Their
# output is printed whole once they end, so that the two do not interleave.
dotnet test Fengqiao.slnx -c Release --no-build > "$dotnet_log" 2>&1 &
dotnet_tests=$!

spa_status=0
# Chained with && because errexit does not apply inside a command list whose status is tested.
(
  cd web-client \
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

# The browser journeys start real hosts and want the cores to themselves.
cd web-client
npm run e2e
