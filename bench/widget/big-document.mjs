#!/usr/bin/env node
// Issue 20's last target: a document at the documented limit (64 MiB, docs/format.md) loads in
// the widget without running out of memory. A reader would do it with `<gap-score src=...>`,
// so this does the same, once per build (the split build and the single file), each in a
// fresh browser context: it waits for the first ranked row (the first gapscore-change event)
// or a gapscore-error, then picks the weighted scorecard and moves a weight to its maximum,
// waiting each time for the ranking to follow.
//
//   node bench/widget/big-document.mjs            # 178,000 generated items, 63.2 MiB
//   node bench/widget/big-document.mjs --items=N
//
// Prints, per build: the time to the first ranked row, the rows shown, the renderer's JS heap
// (CDP Performance.getMetrics) and the size of the page's WebAssembly memories (read from the
// wasm Memory objects the page created) at the first row and after the two edits, how long
// each edit took to re-rank, and any error the page reported. Not a test (minutes of CPU on a 2-core machine); BENCHMARKS.md records a run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, root } from '../../tests/browser/harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const MiB = 1024 * 1024;
const LIMIT = 64 * MiB;
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const items = Number(arg('items', 178000));

const dir = mkdtempSync(join(tmpdir(), 'gapscore-big-'));
const text = execFileSync(process.execPath, [resolve(root, 'scripts/generate-backlog.mjs'), String(items)], { maxBuffer: 1 << 30 });
writeFileSync(join(dir, 'big.json'), text);
const bytes = statSync(join(dir, 'big.json')).size;
if (bytes > LIMIT) throw new Error(`${items} items make ${bytes} bytes, over the 64 MiB limit: pass a smaller --items`);
console.log(`document: ${items} items, ${bytes} bytes (${(bytes / MiB).toFixed(1)} MiB of the 64 MiB limit)`);

// Counts the wasm memory the page creates: the glue makes its Memory inside the module (an
// exported one), so the page wraps WebAssembly.instantiate* to keep each instance's memories.
const WATCH_MEMORY = `(() => {
  const memories = (window.__gapscoreMemories = []);
  const keep = (result) => {
    const instance = result.instance ?? result;
    for (const v of Object.values(instance.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.push(v);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
})();`;

const scripts = { split: '../dist/split/gapscore-widget.js', single: '../dist/gapscore-widget.js' };
for (const [kind, script] of Object.entries(scripts)) {
  writeFileSync(join(dir, `${kind}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>64 MiB</title>
<script>${WATCH_MEMORY}</script><script src="${script}" defer></script></head><body>
<gap-score src="big.json" storage-key="big-${kind}"></gap-score></body></html>`);
}

const server = await startServer(0, '127.0.0.1', { mounts: { '/bench/': dir } });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
try {
  for (const kind of Object.keys(scripts)) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('crash', () => problems.push('the renderer crashed'));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.addInitScript(() => {
      window.__first = new Promise((done) => {
        document.addEventListener('gapscore-change', () => done({ at: performance.now() }), { once: true });
        document.addEventListener('gapscore-error', (e) => done({ at: performance.now(), error: JSON.stringify(e.detail) }), { once: true });
      });
    });
    const started = Date.now();
    await page.goto(`${base}/bench/${kind}.html`);
    const first = await page.evaluate(() => window.__first).catch((e) => ({ error: String(e) }));
    const rows = await page.locator('gap-score tbody tr').count().catch(() => 0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const wasmBytes = await page.evaluate(() => (window.__gapscoreMemories ?? []).reduce((n, m) => n + m.buffer.byteLength, 0));
    // What a reader does next: pick the weighted scorecard, then move its first weight to the
    // end of its slider with the keyboard. Each must re-rank (a gapscore-change event).
    const nextChange = () => page.evaluate(() => new Promise((done) => document.addEventListener('gapscore-change', () => done(performance.now()), { once: true })));
    const timed = async (act) => {
      const t0 = await page.evaluate(() => performance.now());
      const changed = nextChange();
      await act();
      const t1 = await Promise.race([changed, new Promise((r) => setTimeout(() => r(null), 60000))]);
      return t1 === null ? 'no change event in 60 s' : `re-ranked after ${(t1 - t0).toFixed(0)} ms`;
    };
    let next = 'not tried (no first row)';
    if (!first.error) {
      const model = await timed(() => page.locator('gap-score').getByLabel('Model').selectOption('weighted'));
      const slider = page.locator('gap-score').getByRole('slider').first();
      const weight = (await slider.count()) ? await timed(async () => { await slider.focus(); await page.keyboard.press('End'); }) : 'no weight slider';
      next = `model → weighted: ${model}; first weight → its maximum: ${weight}`;
    }
    const wasmAfter = await page.evaluate(() => (window.__gapscoreMemories ?? []).reduce((n, m) => n + m.buffer.byteLength, 0));
    console.log(
      `${kind}: ${first.error ? `ERROR ${first.error}` : `first ranked row at ${first.at.toFixed(0)} ms`} (wall ${Date.now() - started} ms), ` +
        `${rows} rows shown, JS heap ${(heap / MiB).toFixed(0)} MiB, wasm memory ${(wasmBytes / MiB).toFixed(0)} MiB (${(wasmAfter / MiB).toFixed(0)} MiB after the edits); ${next}` +
        (problems.length ? `; page problems: ${problems.join(' | ')}` : ''),
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
