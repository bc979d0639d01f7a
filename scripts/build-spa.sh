#!/usr/bin/env bash
# Builds web-client/dist only when the SPA's sources or dependencies changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/../web-client"

stamp_file=dist/.source-hash
current=$(find src public index.html package.json package-lock.json vite.config.* tsconfig*.json -type f 2>/dev/null \
  | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)

if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$current" ]; then
  echo "SPA is up to date."
  exit 0
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
echo "$current" > "$stamp_file"
