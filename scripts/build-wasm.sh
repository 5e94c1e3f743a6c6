#!/usr/bin/env bash
# Builds dist/gapscore.mjs (the WebAssembly module) and the split widget's first part
# (build/wasm/wasm/gapscore-engine.mjs) through the CMake preset, if one is missing or older
# than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trap 1 of docs/architecture.md ("Emscripten 3.1.6 from Debian"): the link step needs Debian's JS modules (acorn).
export NODE_PATH=/usr/share/nodejs
engine=build/wasm/wasm/gapscore-engine.mjs
if [ -f dist/gapscore.mjs ] && [ -f dist/gapscore.d.mts ] && [ -f $engine ] &&
   [ -z "$(find core wasm CMakeLists.txt CMakePresets.json cmake \( -newer dist/gapscore.mjs -o -newer $engine \) -type f -not -path 'wasm/widget/*' -print -quit)" ]; then
  exit 0
fi
cmake --preset wasm >/dev/null
# dist/gapscore.mjs is written after the link (wasm/pack-module.mjs): when it is missing but
# the link's output is current, drop that output so the link and the packing run again.
[ -f dist/gapscore.mjs ] || rm -f build/wasm/wasm/gapscore-emscripten.mjs
[ -f $engine ] || rm -f build/wasm/wasm/gapscore-engine-emscripten.mjs
cmake --build --preset wasm
