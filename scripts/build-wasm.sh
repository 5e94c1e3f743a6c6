#!/usr/bin/env bash
# Builds dist/gapscore.mjs (the WebAssembly module) through the CMake preset, if it is
# missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trap 1 of TOOLCHAIN.md: Emscripten's link step needs Debian's JS modules (acorn).
export NODE_PATH=/usr/share/nodejs
if [ -f dist/gapscore.mjs ] && [ -f dist/gapscore.d.mts ] && [ -z "$(find core wasm CMakeLists.txt CMakePresets.json cmake -newer dist/gapscore.mjs -type f -print -quit)" ]; then
  exit 0
fi
cmake --preset wasm >/dev/null
# dist/gapscore.mjs is written after the link (wasm/pack-module.mjs): when it is missing but
# the link's output is current, drop that output so the link and the packing run again.
[ -f dist/gapscore.mjs ] || rm -f build/wasm/wasm/gapscore-emscripten.mjs
cmake --build --preset wasm
