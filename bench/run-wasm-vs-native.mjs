#!/usr/bin/env node
// WebAssembly vs native, in one run (issue 7 §6): builds the native Google Benchmark program
// and dist/gapscore.mjs, times the same workloads on the same generated documents natively
// (bench/wasm_vs_native_bench.cpp) and in wasm under node (bench/wasm/workloads.mjs), and
// prints the ratios and the targets. BENCHMARKS.md records the results by hand.
//
//   node bench/run-wasm-vs-native.mjs              # build what is missing, run, print
//   node bench/run-wasm-vs-native.mjs --markdown   # also print the BENCHMARKS.md table
//   node bench/run-wasm-vs-native.mjs --quick      # shorter timings, one round (a smoke run)
//   node bench/run-wasm-vs-native.mjs --rounds=5   # native and wasm alternate 5 times (default 3)
//   node bench/run-wasm-vs-native.mjs --no-build   # time the builds already there
//   BENCH_BUILD_DIR=/tmp/b node bench/run-wasm-vs-native.mjs   # native build elsewhere
//   GAPSCORE_MODULE=/tmp/other/gapscore.mjs node bench/run-wasm-vs-native.mjs --no-build   # another module build
//
// Needs: cmake, ninja, a C++17 compiler, libbenchmark-dev, Emscripten (for the module), node.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.resolve(root, process.env.BENCH_BUILD_DIR || 'build/bench');
const quick = process.argv.includes('--quick');
const markdown = process.argv.includes('--markdown');
const noBuild = process.argv.includes('--no-build');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  return r.stdout?.toString('utf8') ?? '';
}

// 1. Build both sides.
if (!noBuild) {
  console.error(`=== native build (Release, GAPSCORE_BUILD_BENCH=ON) in ${path.relative(root, build) || build}`);
  run('cmake', ['-S', '.', '-B', build, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release', '-DGAPSCORE_BUILD_BENCH=ON',
    '-DGAPSCORE_BUILD_TESTS=OFF']);
  run('cmake', ['--build', build, '-j2', '--target', 'gapscore_bench'], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.error('=== wasm build (scripts/build-wasm.sh: skipped when dist/gapscore.mjs is up to date)');
  run('bash', ['scripts/build-wasm.sh'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

// 2.-3. Native and wasm timings, alternating for several rounds: on a shared machine the
// load drifts over a minute, and timing one side after the other would put that drift into
// the ratio. Each side reports its median over the rounds; the notes give the range of the
// per-round ratios.
const labels = {
  'BM_WasmVsNative_Load/10000': 'load 10k items from JSON',
  'BM_WasmVsNative_WeightRerank/1000': 'weight change + re-rank 1k items',
  'BM_WasmVsNative_WeightRerank/10000': 'weight change + re-rank 10k items',
  'BM_WasmVsNative_WeightRerank/100000': 'weight change + re-rank 100k items',
  'BM_WasmVsNative_RunRank/10000': 'run("rank") on 10k items',
  'BM_WasmVsNative_Simulate/1000': 'simulate 10,000 runs over 1k items',
};
const bench = path.join(build, 'bench/gapscore_bench');
function nativeRound() {
  const json = JSON.parse(run(bench, ['--benchmark_filter=WasmVsNative', '--benchmark_format=json',
    `--benchmark_min_time=${quick ? 0.1 : 1}`]));
  const out = {};
  for (const b of json.benchmarks) {
    const label = labels[b.name.replace(/\/iterations:\d+$/, '')];
    if (!label || b.error_occurred) continue;
    const scale = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 }[b.time_unit];
    out[label] = b.real_time * scale;
  }
  return out;
}
function wasmRound() {
  const json = JSON.parse(run(process.execPath, ['bench/wasm/workloads.mjs', ...(quick ? ['--quick'] : [])]));
  const out = {};
  for (const [label, v] of Object.entries(json)) out[label] = v.ms;
  return out;
}
const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Math.max(1, Number(roundsArg.slice(9)) || 1) : quick ? 1 : 3;
const nativeRounds = [];
const wasmRounds = [];
for (let r = 1; r <= rounds; r++) {
  console.error(`=== round ${r} of ${rounds}: native workloads`);
  nativeRounds.push(nativeRound());
  console.error(`=== round ${r} of ${rounds}: wasm workloads (node, ${process.env.GAPSCORE_MODULE || 'dist/gapscore.mjs'})`);
  wasmRounds.push(wasmRound());
}
const median = (xs) => {
  const v = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : undefined;
};
const native = {};
const wasm = {};
const ratioRange = {};
for (const label of Object.values(labels)) {
  native[label] = median(nativeRounds.map((n) => n[label]));
  wasm[label] = median(wasmRounds.map((w) => w[label]));
  const ratios = nativeRounds.map((n, k) => (n[label] && wasmRounds[k][label] ? wasmRounds[k][label] / n[label] : undefined)).filter((x) => x !== undefined);
  if (ratios.length > 1) ratioRange[label] = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× by round`;
}

// 4. Report.
const targets = {
  'weight change + re-rank 10k items': 2,
  'weight change + re-rank 100k items': 25,
};
const cpu = (() => {
  try {
    return execFileSync('lscpu', { encoding: 'utf8' }).match(/^Model name:\s*(.*)$/m)?.[1] ?? os.cpus()[0].model;
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
})();
const modulePath = path.resolve(process.env.GAPSCORE_MODULE || path.join(root, 'dist/gapscore.mjs'));
const mjs = fs.readFileSync(modulePath);
const gz = (await import('node:zlib')).gzipSync(mjs, { level: 9 }).length;
const rows = [];
for (const label of Object.values(labels)) {
  const n = native[label];
  const w = wasm[label];
  if (n === undefined && w === undefined) continue;
  const ratio = n && w ? w / n : undefined;
  const notes = [];
  if (ratio !== undefined) notes.push(ratio <= 1.5 ? 'within 1.5x' : 'OVER 1.5x');
  if (ratioRange[label]) notes.push(ratioRange[label]);
  if (targets[label] !== undefined && w !== undefined) notes.push(w < targets[label] ? `< ${targets[label]} ms target` : `MISSES ${targets[label]} ms target`);
  rows.push({ label, n, w, ratio, notes: notes.join(', ') });
}
const fmt = (x) => (x === undefined ? 'n/a' : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
console.log(`date:    ${new Date().toISOString().slice(0, 16)}Z`);
console.log(`machine: ${cpu}, nproc ${os.cpus().length}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`rounds:  ${rounds} (native and wasm alternating; medians)`);
console.log(`node:    ${process.version}; ${path.relative(root, modulePath)} ${(mjs.length / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzipped`);
console.log('');
console.log(`${'workload'.padEnd(38)} ${'native ms'.padStart(10)} ${'wasm ms'.padStart(10)} ${'wasm/native'.padStart(12)}  notes`);
for (const r of rows)
  console.log(`${r.label.padEnd(38)} ${fmt(r.n).padStart(10)} ${fmt(r.w).padStart(10)} ${(r.ratio ? r.ratio.toFixed(2) + 'x' : 'n/a').padStart(12)}  ${r.notes}`);
if (markdown) {
  console.log('\n| Workload | Native (ms) | Wasm under node (ms) | Wasm / native | Notes |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.label} | ${fmt(r.n)} | ${fmt(r.w)} | ${r.ratio ? r.ratio.toFixed(2) + '×' : 'n/a'} | ${r.notes} |`);
}
fs.mkdirSync(build, { recursive: true });
fs.writeFileSync(path.join(build, 'wasm-vs-native.json'), JSON.stringify({ cpu, rounds, nativeRounds, wasmRounds, rows }, null, 2));
