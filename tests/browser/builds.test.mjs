// The widget's two builds (issue 18): the single file (dist/gapscore-widget.js, its wasm
// inside) and the split build (dist/split/: the script and its two wasm files beside it).
// Both must rank what the engine ranks; the split build fetches its first part while the
// script runs, the whole module only after the first ranked row, finds its files where the
// page says, works when a server sends the wasm as application/octet-stream and under the
// strict CSP, and a view whose commands are still on their way says so instead of failing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { useBrowser, newPage, widget, titles, engineTitles, fixture, until, shot, root } from './harness.mjs';

const env = useBrowser();
const SPLIT = '/dist/split/gapscore-widget.js';
const SINGLE = '/dist/gapscore-widget.js';
const DOC = fixture('demo/health-app.json');

/** A page at `path` with `script` (and `head` before it) and one widget holding DOC inline. */
async function open(page, base, path, script, { attrs = '', head = '', scriptAttrs = '' } = {}) {
  const body = `<!doctype html><meta charset="utf-8">${head}<script src="${script}" ${scriptAttrs} defer></script>
<gap-score ${attrs}><script type="application/json">${DOC.replace(/</g, '\\u003c')}</script></gap-score>`;
  await page.route(`${base}${path}`, (r) => r.fulfill({ contentType: 'text/html', body }));
  await page.addInitScript(() => document.addEventListener('gapscore-change', () => (window.__first ??= performance.now()), true));
  await page.goto(`${base}${path}`);
  await widget(page);
}

/** Which files a page fetched, and when each request started (ms after navigation start). */
const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((r) => ({ file: new URL(r.name).pathname.split('/').pop(), query: new URL(r.name).search, start: r.startTime })));

test('both builds rank what the engine ranks, under every model the data has; the split build fetches its whole module only after the first ranked row', async () => {
  const single = await newPage(env.browser);
  await open(single, env.base, '/demo/build-single.html', SINGLE);
  const split = await newPage(env.browser);
  await open(split, env.base, '/demo/build-split.html', SPLIT);
  for (const model of ['rice', 'ice', 'wsjf', 'value_effort', 'gap']) {
    const expected = await engineTitles(DOC, { model }).catch(() => null);
    if (!expected) continue; // the data lacks this model's inputs
    for (const page of [single, split]) {
      await page.locator('gap-score').getByLabel('Model').selectOption(model);
      await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(expected.slice(0, (await titles(page)).length)) && (await titles(page)).length > 0, 5000, `${model} order`);
    }
    assert.deepEqual(await titles(split), await titles(single), model);
  }
  const first = await split.evaluate(() => window.__first);
  await until(async () => (await fetched(split)).some((r) => r.file === 'gapscore.wasm'), 5000, 'the whole module fetched after the first row');
  const files = await fetched(split);
  assert.ok(files.find((r) => r.file === 'gapscore-engine.wasm').start < first, 'the first part came before the first row');
  assert.ok(files.find((r) => r.file === 'gapscore.wasm').start >= first, 'the whole module was asked for only after the first row');
  assert.ok(files.filter((r) => r.file.endsWith('.wasm')).every((r) => /^\?v=[0-9a-f]{16}$/.test(r.query)), 'beside the script, each file is asked for by its content hash');
  assert.deepEqual((await fetched(single)).map((r) => r.file).filter((f) => f.endsWith('.wasm')), [], 'the single file fetches no wasm');
  assert.deepEqual(single.problems, []);
  assert.deepEqual(split.problems, []);
  await single.context().close();
  await split.context().close();
});

test('the split build works when the server sends its wasm as application/octet-stream (compiled from the bytes)', async () => {
  const server = await startServer(0, '127.0.0.1', { wasmType: 'application/octet-stream' });
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const page = await newPage(env.browser);
    const types = [];
    page.on('response', (r) => new URL(r.url()).pathname.endsWith('.wasm') && types.push(r.headers()['content-type']));
    await open(page, base, '/demo/build-octet.html', SPLIT, { attrs: 'view="matrix"' });
    assert.deepEqual(await titles(page), (await engineTitles(DOC)).slice(0, (await titles(page)).length));
    // The matrix runs a command of the whole module, fetched the same way.
    await until(async () => (await page.locator('gap-score svg.gs-chart circle').count()) > 0, 5000, 'the matrix drawn');
    assert.ok(types.length >= 1 && types.every((t) => t === 'application/octet-stream'), `served as octet-stream: ${types}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    server.close();
  }
});

test('both builds work under the strict CSP (script-src \'self\' \'wasm-unsafe-eval\', connect-src \'self\'), without a violation', async () => {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">`;
  for (const [name, script] of [['single', SINGLE], ['split', SPLIT]]) {
    const page = await newPage(env.browser);
    const violations = [];
    await page.exposeFunction('__cspViolation', (v) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await open(page, env.base, `/demo/build-csp-${name}.html`, script, { head: csp, attrs: 'view="matrix"' });
    assert.deepEqual(await titles(page), (await engineTitles(DOC)).slice(0, (await titles(page)).length), name);
    await until(async () => (await page.locator('gap-score svg.gs-chart circle').count()) > 0, 5000, `${name}: the matrix drawn`);
    assert.deepEqual(violations, [], name);
    assert.deepEqual(page.problems, [], name);
    await page.context().close();
  }
});

test('a view opened while the whole module is on its way says it is loading, then draws', async () => {
  const page = await newPage(env.browser);
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`${env.base}/dist/split/gapscore.wasm?*`, async (route) => {
    await held;
    await route.continue();
  });
  await open(page, env.base, '/demo/build-slow.html', SPLIT);
  const w = page.locator('gap-score');
  await w.getByRole('tab', { name: 'Value vs effort' }).click();
  await until(async () => /Loading this view/.test(await w.getByRole('tabpanel').textContent()), 3000, 'the loading state');
  await w.screenshot({ path: shot('split-view-loading.png') });
  assert.equal(await page.locator('gap-score .gs-error:not([hidden])').count(), 0, 'no error');
  release();
  await until(async () => !/Loading this view/.test(await w.getByRole('tabpanel').textContent()) && (await w.locator('svg.gs-chart circle').count()) > 0, 5000, 'the matrix drawn');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the whole module missing: the ranking works and a view says why it cannot be shown; the first part missing: the widget says which file', async () => {
  const page = await newPage(env.browser);
  await page.route(`${env.base}/dist/split/gapscore.wasm?*`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await open(page, env.base, '/demo/build-no-whole.html', SPLIT);
  assert.deepEqual(await titles(page), (await engineTitles(DOC)).slice(0, (await titles(page)).length));
  const w = page.locator('gap-score');
  await w.getByRole('tab', { name: 'Value vs effort' }).click();
  await until(async () => /could not be loaded.*gapscore\.wasm.*404/s.test(await w.getByRole('tabpanel').textContent()), 5000, 'why the view is missing');
  await page.context().close();

  const broken = await newPage(env.browser);
  await broken.route(`${env.base}/dist/split/gapscore-engine.wasm?*`, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await open(broken, env.base, '/demo/build-no-first.html', SPLIT);
  const error = broken.locator('gap-score .gs-error');
  await until(async () => /gapscore-engine\.wasm/.test((await error.textContent()) ?? ''), 5000, 'the error naming the file');
  assert.match(await error.textContent(), /could not be loaded/);
  await broken.context().close();
});

test('the split build finds its wasm where the page says: attributes on the script, or the GAPSCORE_WASM global', async () => {
  const files = {
    '/attachments/17/engine-part.wasm?version=2': 'gapscore-engine.wasm',
    '/attachments/18/whole.wasm?version=2': 'gapscore.wasm',
  };
  const serveRenamed = async (page) => {
    for (const [url, file] of Object.entries(files)) {
      await page.route(`${env.base}${url}`, (r) => r.fulfill({ contentType: 'application/wasm', body: readFileSync(resolve(root, 'dist/split', file)) }));
    }
    // Nothing beside the script: only the addresses given may be used.
    await page.route(`${env.base}/dist/split/*.wasm*`, (r) => r.fulfill({ status: 404, body: 'not here' }));
  };
  const attrs = `data-gapscore-engine-wasm="/attachments/17/engine-part.wasm?version=2" data-gapscore-wasm="/attachments/18/whole.wasm?version=2"`;
  const global = `<script src="/demo/gapscore-config.js"></script>`;
  for (const how of ['attributes', 'global']) {
    const page = await newPage(env.browser);
    await serveRenamed(page);
    await page.route(`${env.base}/demo/gapscore-config.js`, (r) =>
      r.fulfill({ contentType: 'text/javascript', body: `window.GAPSCORE_WASM = ${JSON.stringify({ 'gapscore-engine.wasm': Object.keys(files)[0], 'gapscore.wasm': Object.keys(files)[1] })};` }),
    );
    await open(page, env.base, `/demo/build-renamed-${how}.html`, SPLIT, how === 'attributes' ? { scriptAttrs: attrs, attrs: 'view="matrix"' } : { head: global, attrs: 'view="matrix"' });
    assert.deepEqual(await titles(page), (await engineTitles(DOC)).slice(0, (await titles(page)).length), how);
    await until(async () => (await page.locator('gap-score svg.gs-chart circle').count()) > 0, 5000, `${how}: the matrix drawn`);
    assert.deepEqual(page.problems, [], how);
    await page.context().close();
  }
});

test('the split build\'s Data dialog exports the same CSV as the single file', async () => {
  const csvOf = async (script) => {
    const page = await newPage(env.browser, { acceptDownloads: true });
    await open(page, env.base, `/demo/build-csv-${script.length}.html`, script);
    await page.getByRole('button', { name: /Import \/ export/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV (ranking)' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    await page.context().close();
    return text;
  };
  const single = await csvOf(SINGLE);
  assert.match(single, /^rank,/);
  assert.equal(await csvOf(SPLIT), single);
});
