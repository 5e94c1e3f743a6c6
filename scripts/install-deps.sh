#!/usr/bin/env bash
# Installs what gapscore needs on a fresh Debian 12 machine; skips what is already there.
# Native: g++, cmake, ninja, nlohmann/json, CLI11, GoogleTest, Google Benchmark.
# WebAssembly: Debian's Emscripten 3.1.6. Browser tests: Debian's Chromium. Fuzzing: clang-14
# with its libFuzzer runtime. The MediaWiki test (tests/wiki): Debian's mediawiki 1.39 with
# php-sqlite3 (its database) and php-cli (install.php and PHP's built-in server, which
# mediawiki only recommends); apt also brings apache2, which mediawiki depends on and the test
# does not use: where systemd starts it, it serves the unconfigured wiki's web installer at
# http://<host>/mediawiki/ on port 80 (`systemctl disable --now apache2` if that is unwanted).
# Then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in g++ cmake ninja-build nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev \
           libbenchmark-dev emscripten chromium jq clang-14 libclang-rt-14-dev \
           mediawiki php-sqlite3 php-cli; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
