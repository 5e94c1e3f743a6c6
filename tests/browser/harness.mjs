// Shared set-up for the browser tests: Debian's Chromium through playwright-core (no
// browser download), the repository's own static server on a free port, and screenshots
// in test-results/.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startServer } from '../../scripts/serve.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const results = resolve(root, 'test-results');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// TOOLCHAIN.md: no sandbox as root, no GPU, and no background traffic into the closed network.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (scripts/install-deps.sh does it)`);
  for (const file of ['dist/gapscore-widget.js', 'dist/split/gapscore-widget.js', 'dist/split/gapscore-engine.wasm', 'dist/split/gapscore.wasm']) {
    if (!existsSync(resolve(root, file))) throw new Error(`${file} is missing: npm run build (it builds the widget both ways)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export async function serve() {
  const server = await startServer(0, '127.0.0.1');
  const { port } = server.address();
  return { server, base: `http://127.0.0.1:${port}` };
}

/**
 * One Chromium and one static server for a test file: started before its first test, closed
 * after its last. Read env.browser and env.base inside the tests.
 */
export function useBrowser() {
  const env = { browser: null, server: null, base: '' };
  before(async () => {
    env.browser = await launch();
    ({ server: env.server, base: env.base } = await serve());
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export function shot(name) {
  mkdirSync(results, { recursive: true });
  return resolve(results, name);
}

/** A page that records console errors and uncaught exceptions. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** Waits until a widget shows ranked rows (or an error) and returns its locator. */
export async function widget(page, selector = 'gap-score') {
  const w = page.locator(selector);
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const r = el?.shadowRoot;
    return !!r && (r.querySelectorAll('tbody tr').length > 0 || !r.querySelector('.gs-error')?.hidden);
  }, selector);
  return w;
}

/**
 * Serves `body` as an HTML page at `path` (with the widget script from /dist) and opens it,
 * with `hash` after its address. For pages that exist only for one test.
 */
export async function serveHtml(env, page, path, body, hash = '') {
  await page.route(`${env.base}${path}`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script src="/dist/gapscore-widget.js"></script>${body}` }),
  );
  await page.goto(`${env.base}${path}${hash}`);
}

/** serveHtml, then waits for the widget to show its rows. */
export async function openAt(env, page, path, body) {
  await serveHtml(env, page, path, body);
  await widget(page);
}

/**
 * A new page (1000 × 900) that opens `path`, served with one widget holding the document
 * text `doc` inline (and `attrs` on its tag), once the widget shows its rows.
 */
export async function pageWithDocument(env, path, doc, attrs = '') {
  const page = await newPage(env.browser, { viewport: { width: 1000, height: 900 } });
  const body = `<!doctype html><meta charset="utf-8"><script src="../dist/gapscore-widget.js" defer></script>
<gap-score ${attrs}><script type="application/json">${doc.replace(/</g, '\\u003c')}</script></gap-score>`;
  await page.route(`${env.base}${path}`, (r) => r.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${env.base}${path}`);
  await widget(page);
  return page;
}

/** A <gap-score> with `doc` as its inline data. */
export const inlineWidget = (doc, attrs = '') => `<gap-score ${attrs}><script type="application/json">${JSON.stringify(doc)}</script></gap-score>`;

// ---- the demo page (demo/index.html), whose #backlog widget holds demo/health-app.json ----

/** Rows the demo shows before "Show more" (30 items, top 10). */
export const SHOWN = 15;

/** Opens a demo page and waits for its #backlog widget. */
export async function openDemo(env, path = '/demo/index.html', options) {
  const page = await newPage(env.browser, { acceptDownloads: true, ...options });
  await page.goto(env.base + path);
  await widget(page, '#backlog');
  return page;
}

/** The demo page's backlog widget. */
export const backlog = (page) => page.locator('#backlog');

/** Chooses a model in the backlog widget and waits until its formula shows. */
export async function chooseModel(page, id) {
  await backlog(page).getByLabel('Model').selectOption(id);
  await until(async () => (await backlog(page).locator('.gs-formula-line').textContent())?.length > 0 && (await page.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value)) === id);
}

/** The value of the backlog widget's weight slider named `name`. */
export async function sliderValue(page, name) {
  return Number(await backlog(page).getByRole('slider', { name }).inputValue());
}

/** Waits until the table shows the engine's order (first rows). */
export async function expectOrder(page, expected, sel = '#backlog', what = 'the engine order') {
  await until(async () => {
    const shown = await titles(page, sel);
    return JSON.stringify(shown) === JSON.stringify(expected.slice(0, shown.length)) && shown.length > 0;
  }, 5000, what);
}

/** Types a value into an estimate and commits it with Enter, as a person does. */
export async function typeEstimate(input, value) {
  await input.fill(value);
  await input.press('Enter');
}

/** Item titles of a widget's table, best first. */
export function titles(page, selector = 'gap-score') {
  // The ranking in sequence: not a focused row kept on screen after it (tr.gs-kept, table.ts).
  return page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.gs-table tbody tr:not(.gs-kept) .gs-open')].map((b) => b.textContent), selector);
}

/** The WebAssembly module under node ($GAPSCORE_MODULE, else dist/gapscore.mjs), one instance. */
let gsPromise = null;
export function engineModule() {
  gsPromise ??= import(pathToFileURL(process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs')).href).then((m) => m.default());
  return gsPromise;
}

/**
 * The ranking the engine itself gives (dist/gapscore.mjs under node), as titles best first:
 * what the widget must show. `edits` apply weights/fields like a person would.
 */
export async function engineTitles(docText, { model, weights = {}, fields = [] } = {}) {
  const gs = await engineModule();
  const e = new gs.Engine();
  try {
    if (!e.load(docText)) throw new Error(e.lastErrors());
    if (model && !e.setModel(model)) throw new Error(e.lastErrors());
    for (const [id, w] of Object.entries(weights)) if (!e.setWeight(id, w)) throw new Error(e.lastErrors());
    for (const [item, field, v] of fields) if (!e.setField(item, field, v)) throw new Error(e.lastErrors());
    if (!e.rank()) throw new Error(e.lastErrors());
    return [...e.order()].map((i) => e.itemTitle(i));
  } finally {
    e.delete();
  }
}

/**
 * The widget's TypeScript modules for unit tests under node: `exports` is an ES module
 * source whose paths are relative to wasm/widget ("export * from './state.ts'"). It is
 * bundled with esbuild and imported; the WebAssembly module resolves to a stub, so only
 * logic that needs neither the engine nor the DOM (or gets fakes of them) can run.
 */
export async function widgetModules(exports) {
  const dir = mkdtempSync(join(tmpdir(), 'gapscore-units-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, exports.replace(/(from\s+)'\.\/([^']+)'/g, (_, from, f) => from + JSON.stringify(resolve(root, 'wasm/widget', f))));
  const out = join(dir, 'units.mjs');
  const stubEngine = {
    name: 'stub-engine',
    setup(b) {
      b.onResolve({ filter: /dist\/gapscore\.mjs$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default null;', loader: 'js' }));
    },
  };
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error', plugins: [stubEngine] });
  return import(pathToFileURL(out).href);
}

/** Reads a demo file as text. */
export function demoText(name) {
  return readFileSync(resolve(root, 'demo', name), 'utf8');
}

/** Reads a file of the repository as text: fixture('tests/fixtures/documents/gap_small.json'). */
export function fixture(name) {
  return readFileSync(resolve(root, name), 'utf8');
}

/** Polls `fn` until it returns a truthy value (or fails after `ms`). */
export async function until(fn, ms = 5000, what = 'condition') {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Describes the focused element, looking inside shadow roots. */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    const host = a.getRootNode()?.host;
    return {
      tag: a.tagName.toLowerCase(),
      type: a.getAttribute('type') ?? '',
      role: a.getAttribute('role') ?? '',
      text: (a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 80),
      id: a.id,
      host: host?.id ?? '',
      inDialog: !!a.closest('dialog'),
    };
  });
}

/** Presses Tab until `match(focused)` holds; returns the focused description. */
export async function tabUntil(page, match, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error('Tab never reached the expected control');
}

/**
 * The edits stored for a widget's key (localStorage "gapscore:<key>") as plain values,
 * {model, document, weights, fields, scores}, without the values set back to the page's;
 * null when nothing is stored. Reads format 2 (a stamp on each value) and format 1 (a plain
 * state), so a test says the same of an older widget.
 */
export async function savedEdits(page, key) {
  const raw = await page.evaluate((k) => localStorage.getItem(`gapscore:${k}`), key);
  if (raw === null) return null;
  const entry = JSON.parse(raw);
  if ((entry.version ?? 1) === 1) {
    const { document = null, model = null, weights = {}, fields = {}, scores = {} } = entry.state ?? {};
    return { model, document, weights, fields, scores };
  }
  const { edits = {} } = entry;
  const values = (m = {}) => Object.fromEntries(Object.entries(m).filter(([, e]) => e.v !== null).map(([k, e]) => [k, e.v]));
  const rows = (m = {}) => Object.fromEntries(Object.entries(m).map(([k, r]) => [k, values(r)]).filter(([, r]) => Object.keys(r).length > 0));
  return { model: edits.model?.v ?? null, document: edits.document?.v ?? null, weights: values(edits.weights), fields: rows(edits.fields), scores: rows(edits.scores) };
}
