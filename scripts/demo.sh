#!/usr/bin/env bash
# Builds the WebAssembly module and the widget, then serves demo/ and dist/ on
# http://localhost:${PORT:-8080}/ (Ctrl+C to stop). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh demo
npm run --silent build
exec node scripts/serve.mjs
