// Safety and embedding conditions (issue 8, §1, §3, §6): hostile titles stay text, the
// strict-CSP page works, the smallest embed works from file://, and the whole widget can
// be driven with the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, newPage, widget, titles, shot, engineTitles, demoText, until, focused, tabUntil, root } from './harness.mjs';

const env = useBrowser();

test('hostile titles and descriptions render as text and run nothing', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/demo/hostile.html`);
  await widget(page, '#from-file');
  await widget(page, '#inline');
  const doc = JSON.parse(demoText('widget-hostile.json'));
  const expected = await engineTitles(demoText('widget-hostile.json'));
  await until(async () => JSON.stringify(await titles(page, '#from-file')) === JSON.stringify(expected), 5000, 'the hostile titles, as text, in engine order');
  assert.equal(await page.locator('#from-file h2').first().textContent(), doc.title, 'the document title is text too');
  assert.deepEqual(await titles(page, '#inline'), ['</script><script>window.__pwned=9</script>', '<style>*{display:none}</style>still visible']);
  // The dialog shows the hostile description literally.
  await page.locator('#from-file').getByRole('button', { name: doc.items[0].title, exact: true }).click();
  const dialog = page.locator('#from-file').getByRole('dialog');
  await until(() => dialog.isVisible(), 3000, 'the dialog');
  assert.match(await dialog.textContent(), /<iframe src="javascript:window.__pwned=6"><\/iframe>/);
  await page.keyboard.press('Escape');
  const injected = await page.evaluate(() =>
    ['#from-file', '#inline'].map((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('img, script, iframe, svg[onload], h1, style, b').length),
  );
  assert.deepEqual(injected, [0, 0], 'no element from the data exists in the shadow DOM');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await page.evaluate(() => Object.prototype.reach), undefined, 'no prototype pollution');
  await page.screenshot({ path: shot('hostile.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the strict-CSP page works without a single violation', async () => {
  const page = await newPage(env.browser);
  const violations = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(`${env.base}/demo/csp.html`);
  await widget(page);
  const doc = demoText('widget-sample.json');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(doc, { model: 'weighted' })), 5000, 'the weighted ranking');
  const slider = page.getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(doc, { model: 'weighted', weights: { user_value: 0 } })), 5000, 're-ranked under CSP');
  await page.getByRole('button', { name: 'Share link' }).click();
  await until(async () => page.url().includes('#gs-'), 3000, 'a share link under CSP');
  await page.screenshot({ path: shot('csp.png'), fullPage: true });
  assert.deepEqual(violations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the smallest embed works opened from disk (file://)', async () => {
  const page = await newPage(env.browser);
  await page.goto(pathToFileURL(resolve(root, 'demo/minimal.html')).href);
  await widget(page);
  // Intercom's published example: Project 3 (800) > Project 1 (675) > Project 2 (400).
  assert.deepEqual(await titles(page), ['Project 3', 'Project 1', 'Project 2']);
  const scores = await page.evaluate(() => [...document.querySelector('gap-score').shadowRoot.querySelectorAll('tbody .gs-score')].map((c) => c.textContent));
  assert.deepEqual(scores, ['800', '675', '400']);
  await page.screenshot({ path: shot('minimal-file.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard only: model, slider, views, a row, its dialog, and undo', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/demo/csp.html`); // a page without links before the widget
  await widget(page);
  const doc = demoText('widget-sample.json');
  const original = await engineTitles(doc, { model: 'weighted' });
  // Tab into the widget: the model picker comes first.
  let f = await tabUntil(page, (x) => x.tag === 'select');
  assert.equal(f.id, 'gs-model');
  f = await tabUntil(page, (x) => x.type === 'range');
  assert.equal(f.tag, 'input');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft'); // the first weight to 0
  const changed = await engineTitles(doc, { model: 'weighted', weights: { user_value: 0 } });
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(changed), 5000, 'the keyboard re-rank');
  // The view tabs: arrow keys move between them.
  f = await tabUntil(page, (x) => x.role === 'tab');
  assert.equal(f.text, 'Ranking');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).text, 'What-if vs baseline');
  await until(async () => /Baseline: top 5/.test(await page.locator('gap-score .gs-compare').textContent()), 3000, 'the comparison');
  await page.keyboard.press('ArrowLeft');
  // Into the table: the first row's title; Enter opens its explanation, focus inside.
  f = await tabUntil(page, (x) => x.tag === 'button' && x.text === changed[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).text, changed[1], 'arrow keys move between rows');
  await page.keyboard.press('Enter');
  await until(async () => (await focused(page))?.inDialog, 3000, 'focus inside the dialog');
  assert.match(await page.locator('gap-score').getByRole('dialog').textContent(), /Rank 2 of 10/);
  await page.keyboard.press('Escape');
  await until(async () => (await focused(page))?.text === changed[1], 3000, 'focus back on the row');
  // Ctrl+Z on the widget undoes the slider change.
  await page.keyboard.press('Control+z');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(original), 5000, 'the undone order');
  await page.context().close();
});

test('controls have accessible names; the table has headers', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#backlog');
  const unnamed = await page.evaluate(() => {
    const r = document.querySelector('#backlog').shadowRoot;
    const bad = [];
    for (const el of r.querySelectorAll('button, input, select, textarea')) {
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.id && r.querySelector(`label[for="${el.id}"]`)) || el.closest('label') || (el.tagName === 'BUTTON' && el.textContent.trim());
      if (!labelled && el.type !== 'file' && el.type !== 'hidden') bad.push(el.outerHTML.slice(0, 80));
    }
    return bad;
  });
  assert.deepEqual(unnamed, []);
  const headers = await page.locator('#backlog').locator('table.gs-table thead th').count();
  assert.ok(headers >= 5);
  assert.equal(await page.locator('#backlog').getByRole('grid').count(), 1, 'one table, a grid for the keyboard (keyboard-table.test.mjs)');
  await page.context().close();
});

test('two copies of the script and a second tag name are harmless', async () => {
  const page = await newPage(env.browser);
  const body = `<!doctype html><meta charset="utf-8"><script src="../dist/gapscore-widget.js"></script><script src="../dist/gapscore-widget.js"></script>
<script src="define-second.js"></script>
<gap-score id="one"><script type="application/json">{"items": [{"id": "a", "reach": 1, "impact": 1, "confidence": 1, "effort": 1}]}</script></gap-score>
<team-backlog id="two"><script type="application/json">{"items": [{"id": "b", "reach": 1, "impact": 1, "confidence": 1, "effort": 1}]}</script></team-backlog>`;
  await page.route(`${env.base}/demo/twice.html`, (r) => r.fulfill({ contentType: 'text/html', body }));
  await page.route(`${env.base}/demo/define-second.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: "GapScore.GapScoreElement.define('team-backlog');" }));
  await page.goto(`${env.base}/demo/twice.html`);
  await widget(page, '#one');
  await widget(page, '#two');
  assert.deepEqual(await titles(page, '#one'), ['a']);
  assert.deepEqual(await titles(page, '#two'), ['b']);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
