#!/usr/bin/env bash
# Installs what gapscore needs on a fresh Debian 12 machine; skips what is already there.
#   scripts/install-deps.sh demo   the demo only: g++, cmake, ninja, nlohmann/json and Debian's
#                                  Emscripten 3.1.6 (the module and widget), then npm ci
#   scripts/install-deps.sh [test] everything the tests use, on top: CLI11, GoogleTest, Google
#                                  Benchmark, Chromium (browser tests), jq, clang-14 with its
#                                  libFuzzer runtime (fuzzing), and for the MediaWiki test
#                                  (tests/wiki) Debian's mediawiki 1.39 with php-sqlite3 (its
#                                  database) and php-cli (install.php and PHP's built-in server)
# mediawiki depends on apache2, which the wiki test does not use: installed without starting it
# (policy-rc.d) and disabled where systemd runs, so it never serves the unconfigured wiki's web
# installer on port 80.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-test}
packages=(g++ cmake ninja-build nlohmann-json3-dev emscripten)
case "$profile" in
  demo) ;;
  test) packages+=(libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev chromium jq clang-14 libclang-rt-14-dev
                   mediawiki php-sqlite3 php-cli) ;;
  *) echo "usage: $0 [demo|test]" >&2; exit 2 ;;
esac

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
need=()
for pkg in "${packages[@]}"; do installed "$pkg" || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  had_apache=0; installed apache2 && had_apache=1
  # No service starts during this install (policy-rc.d exit 101: "action forbidden").
  blocker=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    blocker=1
  fi
  trap '[ $blocker = 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  if [ $had_apache = 0 ] && installed apache2 && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now apache2 >/dev/null 2>&1 || true
  fi
fi

# Node.js 20 or newer, with npm: the tests use node --test's newer options and the widget's
# build runs from npm. Debian 12's own nodejs is 18 and comes without npm, so a machine that
# has only it is told what to install instead of failing later.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null; then
  echo "gapscore needs Node.js 20 or newer with npm (found node $(node --version 2>/dev/null || echo none)," \
       "npm $(npm --version 2>/dev/null || echo none)): install them (https://nodejs.org/en/download)," \
       "then run this again." >&2
  exit 1
fi

if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
