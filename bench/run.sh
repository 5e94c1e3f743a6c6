#!/usr/bin/env bash
# Native benchmarks in one command: builds gapscore_bench and the CLI (Release, in
# build/bench), runs the Google Benchmark programs, then times whole `gapscore rank`
# processes on a generated 100k-item file against the same ranking done with jq, in the
# same run, and prints the ratios. Results go to build/bench/results/; BENCHMARKS.md
# records them by hand with the date and machine.
#
#   bench/run.sh                       # everything
#   BENCH_FILTER='ScoreAndRank' bench/run.sh   # only matching Google Benchmark cases
#   BENCH_ARGS='--benchmark_repetitions=3' bench/run.sh   # medians of 3 (more flags)
#   BENCH_ITEMS=50000 RUNS=5 bench/run.sh      # another file size / number of timed runs
#   BENCH_BUILD_DIR=/tmp/b bench/run.sh        # build somewhere else than build/bench
#
# Needs: cmake, ninja, a C++17 compiler, libbenchmark-dev, node, jq; hyperfine if installed
# (otherwise a loop of `date +%s%N`).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BENCH_BUILD_DIR:-build/bench}
results=$build/results
items=${BENCH_ITEMS:-100000}
runs=${RUNS:-10}
filter=${BENCH_FILTER:-.}
bench_args=${BENCH_ARGS:-}   # more Google Benchmark flags, e.g. --benchmark_repetitions=3
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))

for tool in cmake node jq; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is required" >&2; exit 1; }
done

echo "=== build (Release, GAPSCORE_BUILD_BENCH=ON) in $build"
cmake --preset bench -B "$build" >/dev/null   # CMakePresets.json: the one definition of this build
cmake --build "$build" -j"$jobs" --target gapscore_bench gapscore
mkdir -p "$results"
cli=$build/cli/gapscore

echo
echo "=== machine"
echo "date:  $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu:   $(lscpu | sed -n 's/^Model name: *//p' | head -1), nproc $(nproc)"
echo "load:  $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; timings are only comparable on a quiet machine)"

echo
echo "=== Google Benchmark (in-process: load, score + rank, engine weight drag)"
# shellcheck disable=SC2086 # bench_args holds several flags
"$build/bench/gapscore_bench" --benchmark_filter="$filter" $bench_args \
  --benchmark_out="$results/gapscore_bench.json" --benchmark_out_format=json

echo
echo "=== whole process: gapscore rank vs jq on $items generated items"
file=$results/backlog-$items.json
node scripts/generate-backlog.mjs "$items" > "$file"
echo "file:  $file ($(du -h "$file" | cut -f1))"

# The same ranking as `gapscore rank --model rice`: RICE = reach × impact × confidence /
# effort (an effort range counts at its likely value), highest first, ties by MoSCoW (must
# first, unlabelled last) then id. jq has to parse and sort every item, as gapscore does.
jq_rank='[.items[] | {id, moscow: (.moscow // ""),
  score: (.reach * .impact * .confidence / (.effort | if type == "object" then .likely else . end))}]
  | sort_by(-.score, ({"must": 0, "should": 1, "could": 2, "wont": 3}[.moscow] // 4), .id)
  | to_entries | map({id: .value.id, rank: (.key + 1), score: .value.score})'
top=10

# Same answer first: the top 10 ids must agree, or the timing compares different work.
ours=$("$cli" rank "$file" --model rice --top $top --format json | jq -c '[.ranking[].id]')
theirs=$(jq -c "$jq_rank | .[:$top] | map(.id)" "$file")
if [ "$ours" != "$theirs" ]; then
  echo "gapscore and jq disagree on the top $top:" >&2
  echo "  gapscore: $ours" >&2
  echo "  jq:       $theirs" >&2
  exit 1
fi
# The full orders agree up to floating-point noise: gapscore counts 212275.8 and
# 212275.80000000002 as a tie (then MoSCoW, id) where jq sees two values, so compare the
# sequence of scores to 10 significant digits rather than the ids.
ours_all=$("$cli" rank "$file" --model rice --format json | jq -r '.ranking[].score' | awk '{ printf "%.10g\n", $1 }' | md5sum)
theirs_all=$(jq -r "$jq_rank | .[].score" "$file" | awk '{ printf "%.10g\n", $1 }' | md5sum)
if [ "$ours_all" != "$theirs_all" ]; then
  echo "gapscore and jq disagree on the full ranking (the all-rows timing would compare different work)" >&2
  exit 1
fi
echo "check: gapscore and jq give the same top $top and the same scores in the same order"

cmds=(
  "$cli rank $file --model rice --top $top --format json"
  "jq -c '$jq_rank | .[:$top]' $file"
  "$cli rank $file --model rice --format json"
  "jq -c '$jq_rank' $file"
)
names=("gapscore rank --top $top" "jq top $top" "gapscore rank (all rows)" "jq (all rows)")

# mean = wall-clock seconds; cpu = user + system seconds (steadier on a shared machine).
declare -a mean cpu
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$results/whole-process.json" \
    -n "${names[0]}" "${cmds[0]}" -n "${names[1]}" "${cmds[1]}" \
    -n "${names[2]}" "${cmds[2]}" -n "${names[3]}" "${cmds[3]}"
  for k in 0 1 2 3; do
    mean[$k]=$(jq ".results[$k].mean" "$results/whole-process.json")
    cpu[$k]=$(jq ".results[$k].user + .results[$k].system" "$results/whole-process.json")
  done
else
  echo "(hyperfine not installed: timing $runs runs of each with date +%s%N)"
  for k in 0 1 2 3; do
    total=0
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      bash -c "${cmds[$k]}" >/dev/null
      total=$(( total + $(date +%s%N) - start ))
    done
    mean[$k]=$(awk -v t="$total" -v r="$runs" 'BEGIN { printf "%.6f", t / r / 1e9 }')
    cpu[$k]=0 # not measured without hyperfine
    printf '%-28s %8.3f s (mean of %d)\n' "${names[$k]}" "${mean[$k]}" "$runs"
  done
fi

echo
echo "=== summary ($items items, mean of $runs runs)"
awk -v a="${mean[0]}" -v b="${mean[1]}" -v c="${mean[2]}" -v d="${mean[3]}" \
    -v ca="${cpu[0]}" -v cb="${cpu[1]}" -v cc="${cpu[2]}" -v cd="${cpu[3]}" 'BEGIN {
  printf "%-26s %9s %9s %9s   %s\n", "", "gapscore", "jq", "jq/ours", "(seconds)"
  printf "%-26s %9.3f %9.3f %8.1fx\n", "--top 10, wall", a, b, b / a
  if (ca > 0) printf "%-26s %9.3f %9.3f %8.1fx\n", "--top 10, cpu (user+sys)", ca, cb, cb / ca
  printf "%-26s %9.3f %9.3f %8.1fx\n", "all rows, wall", c, d, d / c
  if (cc > 0) printf "%-26s %9.3f %9.3f %8.1fx\n", "all rows, cpu (user+sys)", cc, cd, cd / cc
  printf "target: whole process < 1 s (wall, --top 10) -> %s\n", (a < 1 ? "met" : "MISSED")
}'
# Medians when --benchmark_repetitions was given, else the single runs.
jq -r '.benchmarks as $b
  | ([$b[] | select(.aggregate_name == "median")] | if length > 0 then . else [$b[] | select(.run_type == "iteration")] end)[]
  | select(.name | test("ScoreAndRank/rice/100000|LoadFromJson/100000|EngineWeightDrag/weighted/100000"))
  | "\(.name): \(.real_time | . * 1000 | round / 1000) \(.time_unit) (cpu \(.cpu_time | . * 1000 | round / 1000))"' \
  "$results/gapscore_bench.json" 2>/dev/null || true
echo "target: score + rank of 100k loaded items < 10 ms (BM_ScoreAndRank/rice/100000)"
