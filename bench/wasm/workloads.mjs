// The WebAssembly half of the comparison: the workloads of bench/wasm_vs_native_bench.cpp,
// through dist/gapscore.mjs's JavaScript API under node, on the same document bytes.
// Prints one JSON object {workload: {ms, samples}} on stdout; bench/run-wasm-vs-native.mjs
// runs it. Also usable alone: node bench/wasm/workloads.mjs [--quick]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const quick = process.argv.includes('--quick');

/** The document scripts/generate-backlog.mjs prints: byte for byte what generated_backlog.hpp builds. */
export function backlog(items) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/generate-backlog.mjs'), String(items)], {
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`generate-backlog.mjs ${items} failed: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

/**
 * Times fn: a warm-up, then repeated calls until `budgetMs` is spent (at least `minRuns`).
 * Reports the median per call, like Google Benchmark's mean over many iterations but robust
 * to the odd garbage collection pause.
 */
function time(fn, { budgetMs = quick ? 300 : 2000, minRuns = 5, maxRuns = 100000, warmup = 2 } = {}) {
  for (let k = 0; k < warmup; ++k) fn();
  const samples = [];
  const start = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[samples.length >> 1], samples: samples.length };
}

export async function runWorkloads() {
  const { default: createGapscore } = await import(path.resolve(process.env.GAPSCORE_MODULE || path.join(root, 'dist/gapscore.mjs')));
  const gs = await createGapscore();
  const docs = new Map([1000, 10000, 100000].map((n) => [n, backlog(n)]));
  const out = {};

  out['load 10k items from JSON'] = time(() => {
    const e = new gs.Engine();
    if (!e.load(docs.get(10000))) throw new Error(e.lastErrors());
    e.delete();
  });

  for (const n of [1000, 10000, 100000]) {
    const e = new gs.Engine();
    if (!e.load(docs.get(n)) || !e.setModel('weighted') || !e.rank()) throw new Error(e.lastErrors());
    let weight = 5;
    let sink = 0;
    out[`weight change + re-rank ${n / 1000}k items`] = time(() => {
      weight = weight === 5 ? 1 : 5; // alternate, so every iteration really changes the order
      e.setWeight('user_value', weight);
      e.rank();
      sink += e.order()[0]; // what the widget reads: the view, no copy
    });
    if (sink < 0) console.error(sink);
    e.delete();
  }

  out['run("rank") on 10k items'] = time(() => {
    const r = gs.runWithStatus('rank', docs.get(10000), '{"format": "json"}');
    if (r.exitCode !== 0) throw new Error(r.output.slice(0, 300));
  });

  const commands = JSON.parse(gs.commands()).map((c) => c.name);
  if (commands.includes('simulate')) {
    out['simulate 10,000 runs over 1k items'] = time(
      () => {
        const r = gs.runWithStatus('simulate', docs.get(1000), '{"format": "json", "runs": 10000, "seed": 1}');
        if (r.exitCode !== 0) throw new Error(r.output.slice(0, 300));
      },
      { budgetMs: 0, minRuns: 3, warmup: 1 },
    );
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await runWorkloads(), null, 2));
}
