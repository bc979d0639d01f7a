#!/usr/bin/env bash
# Runs every test: .NET build (warnings are errors) and tests, then the SPA's lint, type check, API-types
# freshness check, the API contract's lint (Spectral, Redocly), unit tests, production build and browser
# end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build Fengqiao.slnx -c Release
dotnet test Fengqiao.slnx -c Release --no-build

cd web-client
npm ci --no-audit --no-fund
npm run lint
npm run typecheck
npm run check:api
npm run lint:api
npm test
npm run build
npm run e2e
