#!/usr/bin/env node
// Where the first ranked row's time goes (issue 18): script download and evaluation, base64
// decoding, inflating, compiling, instantiating, the runtime's start (Embind registering the
// module's classes), loading the document, ranking, and the DOM up to the first row; cold
// visits in fresh browser contexts, medians over the runs.
//
//   node bench/widget/trace.mjs [--runs=7] [name=path/to/gapscore-widget.js ...]
//
// Default builds: single (dist/gapscore-widget.js) and split (dist/split/gapscore-widget.js,
// its wasm beside it). A script given by path is copied into the bench folder with any .wasm
// files beside it (a build kept aside, e.g. the one before a change).
//
// How each step is seen, the same way for every build:
// - Chromium's own trace (CDP): the script's download (ResourceFinish), its evaluation
//   (EvaluateScript: compiling what was not parsed while streaming, and running the top
//   level), and the wasm functions compiled lazily on the main thread on their first call
//   (wasm.CompileLazy; V8 compiles a function when it first runs).
// - Wrappers installed before the page runs (User Timing marks "trace:..."): atob and
//   Uint8Array.fromBase64 (base64 decoding), Blob and Response.arrayBuffer (the old loader's
//   inflate), WebAssembly.compile/compileStreaming/instantiate/instantiateStreaming, and the
//   first call into the instance's exports (Emscripten's __wasm_call_ctors: the runtime
//   starting, Embind registering every class and function).
// - The widget's own marks (wasm/widget/marks.ts): the document loaded and described, the
//   first ranking.
// - The first gapscore-change event: the first ranked row in the DOM.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { launch, root } from '../../tests/browser/harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { backlog, page, writePages } from './pages.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
/** --warm: the second visit in the same browser context, after STAY_MS on the page (as bench.mjs). */
const WARM = args.includes('--warm');
const STAY_MS = 2500;
const given = args.filter((a) => a.includes('=') && !a.startsWith('--')).map((a) => a.split('='));
const builds = given.length
  ? given
  : [
      ['single', resolve(root, 'dist/gapscore-widget.js')],
      ['split', resolve(root, 'dist/split/gapscore-widget.js')],
    ].filter(([, p]) => existsSync(p));

/** Installed before any script of the page: marks around the calls that do the steps. */
function wrappers() {
  const mark = (name) => performance.mark(`trace:${name}`);
  const wrap = (owner, key, name) => {
    const f = owner?.[key];
    if (typeof f !== 'function') return;
    owner[key] = function (...a) {
      mark(`${name}-start`);
      const r = f.apply(this, a);
      if (r && typeof r.then === 'function') r.then(() => mark(`${name}-end`), () => mark(`${name}-end`));
      else mark(`${name}-end`);
      return r;
    };
  };
  wrap(window, 'atob', 'base64');
  wrap(Uint8Array, 'fromBase64', 'base64');
  const OrigBlob = window.Blob;
  window.Blob = class extends OrigBlob {
    constructor(...a) {
      mark('blob');
      super(...a);
    }
  };
  wrap(Response.prototype, 'arrayBuffer', 'arraybuffer');
  wrap(WebAssembly, 'compile', 'compile');
  wrap(WebAssembly, 'compileStreaming', 'compile');
  // The runtime starts with the first call into the exports (__wasm_call_ctors).
  let started = false;
  const withExports = (instance) => {
    const exports = {};
    for (const [k, v] of Object.entries(instance.exports)) {
      exports[k] =
        typeof v === 'function'
          ? function (...a) {
              if (started) return v.apply(this, a);
              started = true;
              mark('runtime-start');
              try {
                return v.apply(this, a);
              } finally {
                mark('runtime-end');
              }
            }
          : v;
    }
    return { exports };
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (source, imports) {
    if (source instanceof WebAssembly.Module) {
      mark('instantiate-start');
      const instance = await instantiate.call(WebAssembly, source, imports);
      mark('instantiate-end');
      return withExports(instance);
    }
    mark('compile-start');
    const module = await WebAssembly.compile(source);
    mark('compile-end');
    mark('instantiate-start');
    const instance = await instantiate.call(WebAssembly, module, imports);
    mark('instantiate-end');
    return { module, instance: withExports(instance) };
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = async function (source, imports) {
      mark('compile-start');
      const module = await WebAssembly.compileStreaming(source);
      mark('compile-end');
      mark('instantiate-start');
      const instance = await instantiate.call(WebAssembly, module, imports);
      mark('instantiate-end');
      return { module, instance: withExports(instance) };
    };
  }
  document.addEventListener('gapscore-change', () => (window.__first ??= performance.now()), true);
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

async function visit(browser, url, scriptName, warm) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(wrappers);
  // The renderer is started on an empty page of the same site first (pages.mjs): what is
  // measured is the visit, not the browser starting a process.
  await page.goto(new URL('blank.html', url).href);
  if (warm) {
    await page.goto(url);
    await page.waitForFunction(() => window.__first !== undefined, null, { timeout: 60000 });
    await page.waitForTimeout(STAY_MS);
    await page.goto(new URL('blank.html', url).href);
  }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.wasm', 'v8'] });
  await page.goto(url);
  await page.waitForFunction(() => window.__first !== undefined, null, { timeout: 60000 });
  const first = await page.evaluate(() => window.__first);
  const marks = await page.evaluate(() => {
    const m = {};
    for (const e of performance.getEntriesByType('mark')) m[e.name] ??= e.startTime;
    for (const e of performance.getEntriesByType('mark')) m[`last:${e.name}`] = e.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    m['page-end'] = nav?.responseEnd;
    for (const r of performance.getEntriesByType('resource')) m[`res:${new URL(r.name).pathname.split('/').pop()}`] = [r.startTime, r.responseEnd];
    return m;
  });
  const raw = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const events = raw.traceEvents ?? raw;
  // Trace times are microseconds on the trace clock; the navigation's timeOrigin is the
  // page's "navigationStart" mark in the same trace.
  const navStart = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame !== false)?.ts;
  const ms = (ts) => (ts - navStart) / 1000;
  const evaluate = events.find((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').endsWith(scriptName));
  let lazy = 0;
  for (const e of events) if (e.name === 'wasm.CompileLazy' && ms(e.ts) < first) lazy += (e.dur ?? 0) / 1000;
  return { first, marks, evaluate: evaluate ? { start: ms(evaluate.ts), dur: evaluate.dur / 1000 } : null, lazy };
}

function phases(v, scriptName) {
  const m = v.marks;
  const span = (a, b) => (m[a] !== undefined && m[b] !== undefined ? m[b] - m[a] : NaN);
  const res = m[`res:${scriptName}`];
  const wasmRes = Object.entries(m).filter(([k]) => k.startsWith('res:') && k.endsWith('.wasm'));
  const ranked = m['gapscore:ranked'];
  return {
    'page (HTML) received': m['page-end'],
    'script received': res?.[1],
    'script evaluated (compile what was not parsed while streaming, run the top level)': v.evaluate?.dur,
    'first wasm file received (split)': wasmRes.length ? Math.min(...wasmRes.map(([, r]) => r[1])) : NaN,
    'base64 decode': span('trace:base64-start', 'last:trace:base64-end') + (m['trace:blob'] !== undefined ? span('last:trace:base64-end', 'trace:blob') : 0),
    inflate: span('trace:blob', 'trace:arraybuffer-end'),
    'compile (done at)': m['trace:compile-end'],
    compile: span('trace:compile-start', 'trace:compile-end'),
    instantiate: span('trace:instantiate-start', 'trace:instantiate-end'),
    'runtime start, Embind registration': span('trace:runtime-start', 'trace:runtime-end'),
    'module ready → load starts': span('trace:runtime-end', 'gapscore:load-start'),
    'load (Engine.load)': span('gapscore:load-start', 'gapscore:loaded'),
    'describe, document parsed in JS': span('gapscore:loaded', 'gapscore:described'),
    'rank (first Engine.rank)': span('gapscore:rank-start', 'gapscore:ranked'),
    'first DOM (header, sliders, table, tabs; the frame drawing the rows)': (ranked !== undefined ? v.first - ranked : NaN) + span('gapscore:described', 'gapscore:rank-start'),
    'of which wasm compiled lazily on the main thread (first calls)': v.lazy,
    'first ranked row': v.first,
  };
}

const doc = backlog(200, 'rice');
const dir = writePages({}, {}); // the blank page; each build's page is written below
const pages = {};
for (const [name, path] of builds) {
  const script = resolve(path);
  if (script.startsWith(resolve(root, 'dist') + '/')) {
    pages[name] = { html: `${name}.html`, script: basename(script), src: `../${script.slice(root.length + 1)}` };
  } else {
    mkdirSync(join(dir, name));
    copyFileSync(script, join(dir, name, basename(script)));
    for (const f of readdirSync(dirname(script))) if (f.endsWith('.wasm')) copyFileSync(join(dirname(script), f), join(dir, name, f));
    pages[name] = { html: `${name}.html`, script: basename(script), src: `${name}/${basename(script)}` };
  }
}
for (const p of Object.values(pages)) writeFileSync(join(dir, p.html), page(doc, p.src));

const server = await startServer(0, '127.0.0.1', { mounts: { '/bench/': dir } });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const results = Object.fromEntries(builds.map(([n]) => [n, []]));
const load = [];
try {
  for (let r = 0; r < RUNS; r++) {
    for (const [name] of r % 2 ? [...builds].reverse() : builds) {
      load.push(loadavg()[0]);
      results[name].push(phases(await visit(browser, `${base}/bench/${pages[name].html}`, pages[name].script, WARM), pages[name].script));
    }
  }
} finally {
  await browser.close();
  server.close();
}

const names = builds.map(([n]) => n);
const keys = Object.keys(results[names[0]][0]);
const cell = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
console.log(`${WARM ? 'Warm (second) visits' : 'Cold visits'}, ${RUNS} per build, alternating; medians in ms from navigation start (rows "... at" / "received") or durations.`);
console.log(`${cpus().length} × ${cpus()[0]?.model?.trim()}, load average ${median(load).toFixed(1)} (median while measuring), ${new Date().toISOString().slice(0, 16)} UTC`);
console.log(`\n| step | ${names.join(' | ')} |\n|---|${names.map(() => '---:').join('|')}|`);
for (const k of keys) console.log(`| ${k} | ${names.map((n) => cell(median(results[n].map((p) => p[k])))).join(' | ')} |`);
