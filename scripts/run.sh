#!/usr/bin/env bash
# Runs Fengqiao on this machine: builds the SPA when its sources changed, then starts the API host on
# embedded SQLite (data/ folder), which migrates the database, seeds demo data on first start, prints the
# demo password and serves the SPA at http://127.0.0.1:5080/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build-spa.sh
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# dotnet run starts the app in its project folder: hand it absolute paths to the repository's folders.
export Fengqiao__DataDirectory="${Fengqiao__DataDirectory:-$PWD/data}"
export Spa__DistPath="${Spa__DistPath:-$PWD/web-client/dist}"
exec dotnet run --project api/Fengqiao.Api -c Release --no-launch-profile -- --urls "${FENGQIAO_URLS:-http://127.0.0.1:5080}"
