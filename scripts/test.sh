#!/usr/bin/env bash
# Runs every gapscore test: native GoogleTest (plain, under ASan+UBSan, and the core alone
# without the CLI), the libFuzzer targets on a fixed set of inputs (scripts/fuzz.sh), the
# installed package from a consumer project, the WebAssembly module under node (parity with
# native), the widget in headless Chromium, and the widget in a real MediaWiki. Installs what
# is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # Emscripten's link step needs Debian's acorn (docs/architecture.md, trap 1)
jobs=$(nproc)

step() { printf '\n=== %s\n' "$*"; }

step "dependencies"
bash scripts/install-deps.sh

# Each build is defined once, in CMakePresets.json: configure, build and test presets.
preset() {
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
  ctest --preset "$1" -j"$jobs"
}

step "native build and tests"
preset native

step "native tests under AddressSanitizer + UBSan"
preset asan

step "the core alone (GAPSCORE_BUILD_CLI=OFF): its tests without the command line"
preset core-only

# A fixed number of inputs from a fixed random seed, not a time budget: CI explores the same
# inputs on every machine, so a red run means the code changed, not that the dice did.
# Longer exploratory runs: scripts/fuzz.sh 3600 (docs/reliability.md).
fuzz_runs=${FUZZ_RUNS:-30000}
step "fuzzing: each libFuzzer target, $fuzz_runs inputs from seed 1 (scripts/fuzz.sh; FUZZ_RUNS=0 skips)"
if [ "$fuzz_runs" != 0 ]; then FUZZ_RUNS=$fuzz_runs bash scripts/fuzz.sh; fi

step "installed package: find_package(gapscore) from another project"
rm -rf build/install build/consumer
cmake --install build/native --prefix build/install >/dev/null
cmake -S tests/consumer -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$PWD/build/install" >/dev/null
cmake --build build/consumer
./build/consumer/consumer

if [ -d tests/node ]; then
  step "WebAssembly module under node"
  bash scripts/build-wasm.sh
  GAPSCORE_CLI="$PWD/build/native/cli/gapscore" node --test tests/node/
fi

if [ -d tests/browser ]; then
  step "widget in headless Chromium"
  npm run --silent build
  npm run --silent test:browser
fi

# Issue 24: the widget in a real wiki. Debian's MediaWiki with SQLite in build/wiki/, served by
# PHP's built-in server on 127.0.0.1; the gadget from wasm/mediawiki/ (about a minute).
if [ -d tests/wiki ]; then
  step "widget in MediaWiki (Debian's mediawiki, SQLite, PHP's built-in server, Chromium)"
  GAPSCORE_CLI="$PWD/build/native/cli/gapscore" node --test --test-concurrency=1 tests/wiki/
fi
