#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, AddressSanitizer + UBSan) and runs each one for a
# bounded time. tests/fuzz/README.md describes the targets; docs/reliability.md the results.
#
#   scripts/fuzz.sh                 40 s per target
#   scripts/fuzz.sh 3600            an hour per target
#   FUZZ_TARGETS="csv command" scripts/fuzz.sh 600    only these targets
#   FUZZ_RUNS=30000 scripts/fuzz.sh  30,000 inputs per target from random seed 1 (what CI
#                                    runs): the same inputs on every machine, so CI is
#                                    red only when the code changed, never by luck.
#
# New inputs are kept in build/fuzz/corpus/<target> and reused by the next run, so longer
# runs build on shorter ones. A crash, sanitizer report, broken promise or timeout is saved
# as build/fuzz/crashes/<target>-<kind>-<sha1>; the script runs every target, then exits 1
# and prints how to reproduce each one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-40}
build=${FUZZ_BUILD_DIR:-build/fuzz}
targets=${FUZZ_TARGETS:-"load_scenario csv options command"}
jobs=${FUZZ_JOBS:-$(nproc)}

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz.sh needs clang++-14 and libclang-rt-14-dev (apt-get install -y clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi
# The "fuzz" preset (CMakePresets.json): clang-14, -O1 (fast enough to fuzz, still precise
# sanitizer reports), no NDEBUG, so asserts stay on.
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j"$jobs" --target $(for t in $targets; do printf '%s_fuzzer ' "$t"; done)

if [ -n "${FUZZ_RUNS:-}" ]; then
  budget=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}") budget_text="$FUZZ_RUNS inputs from random seed ${FUZZ_SEED:-1}"
else
  budget=(-max_total_time="$seconds") budget_text="$seconds s"
fi
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for t in $targets; do
  bin="$build/tests/fuzz/${t}_fuzzer"
  seeds="$build/seeds/$t" corpus="$build/corpus/$t" crashes="$build/crashes"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$crashes"
  GAPSCORE_FUZZ_WRITE_SEEDS="$seeds" "$bin" >/dev/null 2>&1 # each target writes its own seeds
  echo "=== $t: $(ls "$seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) corpus inputs, $budget_text"
  # -timeout: one input taking 25 s is a hang (limits must refuse slow work up front).
  if "$bin" "${budget[@]}" -timeout=25 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$crashes/$t-" "$corpus" "$seeds" >"$build/$t.log" 2>&1; then
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$build/$t.log" | tr '\n' ' '
    echo
  else
    failed+=("$t")
    tail -n 60 "$build/$t.log"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  for t in "${failed[@]}"; do
    for f in "$build/crashes/$t-"*; do
      [ -e "$f" ] && echo "  reproduce: $build/tests/fuzz/${t}_fuzzer $f" >&2
    done
  done
  echo "then add the input to tests/bad-inputs/ (README there) with the error the fix gives" >&2
  exit 1
fi
echo "fuzzing: no problems found ($budget_text per target)"
