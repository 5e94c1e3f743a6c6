// Issue 17, the widget half: every view says what the core computed, driven as a person
// drives it (clicks, typing, keys) and checked against the engine's own answers. Each test is
// one numbered item of the issue; each failed on the widget before the changes.
// Problems are matched by their code (data-code on the lines shown, `code` in the
// gapscore-error event), never by the English of a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, newPage, widget, titles, shot, engineTitles, demoText, until, serveHtml, inlineWidget, root } from './harness.mjs';

const env = useBrowser();
const gs = await (await import(pathToFileURL(process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs')).href)).default();
const engine = (command, doc, options = {}) => JSON.parse(gs.run(command, doc, JSON.stringify(options)));

const HEALTH = demoText('health-app.json');
const healthTitle = new Map(JSON.parse(HEALTH).items.map((it) => [it.id, it.title]));

async function openDemo(options) {
  const page = await newPage(env.browser, options);
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#backlog');
  return page;
}
const backlog = (page) => page.locator('#backlog');

async function chooseModel(page, id, w = backlog(page)) {
  await w.getByLabel('Model').selectOption(id);
  await until(async () => (await w.getByLabel('Model').inputValue()) === id, 3000, `model ${id}`);
}

/** Waits until the table shows `expected` (first rows). */
async function expectOrder(page, expected, sel = '#backlog', what = 'the engine order') {
  await until(async () => {
    const shown = await titles(page, sel);
    return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(expected.slice(0, shown.length));
  }, 5000, what);
}

// 1. "Keeps the top 10: 4.75 to 5" promised membership but was the ordered interval.
test('1. sensitivity leads with which items stay in the top N (who comes in, who drops out), and says which interval keeps the order', async () => {
  const page = await openDemo();
  await chooseModel(page, 'weighted');
  await backlog(page).getByRole('tab', { name: 'Sensitivity' }).click();
  const table = backlog(page).locator('.gs-sens');
  await until(() => table.isVisible(), 10000, 'the sensitivity table');
  const expected = engine('sensitivity', HEALTH, { model: 'weighted', top: 10 }).weights;
  const heads = await table.locator('thead th').allTextContents();
  assert.deepEqual(heads.slice(2), ['Same 10 items in the top 10', 'Just past each end', 'Same order too'], 'membership first, the ordered interval named as such');
  for (const w of expected) {
    const row = table.locator(`tbody tr[data-criterion="${w.criterion}"]`);
    const [same, swaps, ordered] = await Promise.all([row.locator('.gs-same-items').textContent(), row.locator('.gs-swaps').textContent(), row.locator('.gs-ordered').textContent()]);
    const m = w.same_items;
    const round = (x) => String(Number(x.toPrecision(3)));
    assert.ok(same.includes(round(m.min)) && (m.max === null || same.includes(round(m.max))), `${w.criterion}: the same-items interval ${m.min}..${m.max} leads (shown: ${same})`);
    for (const end of [m.below, m.above].filter(Boolean)) {
      assert.ok(swaps.includes(`${healthTitle.get(end.enters)} comes in`), `${w.criterion}: ${end.enters} enters`);
      assert.ok(swaps.includes(`${healthTitle.get(end.leaves)} drops out`), `${w.criterion}: ${end.leaves} leaves`);
    }
    assert.ok(ordered.includes(round(w.stable_max ?? w.current)), `${w.criterion}: the ordered interval comes second (shown: ${ordered})`);
  }
  // The demo's user-value weight: the ten stay from just above 3.9 to 5.5; their order only from 4.75 to 5.
  const userValue = table.locator('tbody tr[data-criterion="user_value"]');
  assert.equal(await userValue.locator('.gs-same-items .gs-range-text').textContent(), 'just above 3.9 to 5.5');
  assert.match(await userValue.locator('.gs-ordered').textContent(), /^4\.75 to 5/);
  // The swaps named are real: each item that "comes in" is outside the top 10 now, each that "drops out" inside.
  const top = new Set(engine('rank', HEALTH, { model: 'weighted', top: 10 }).ranking.slice(0, 10).map((r) => r.id));
  for (const w of expected) for (const end of [w.same_items.below, w.same_items.above].filter(Boolean)) assert.ok(!top.has(end.enters) && top.has(end.leaves));
  await backlog(page).screenshot({ path: shot('truth-1-sensitivity.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// 2. A scenario saved under the weighted model with a changed weight, compared with the page
// under RICE: reasons named weights RICE never reads, the page's data was labelled "What-if",
// and the entered/left chips read the wrong way round.
test('2. compare: each side named for what it is, entered/left read from the page to the scenario, the engine’s reasons by code', async () => {
  const page = await openDemo();
  const w = backlog(page);
  const vaccination = healthTitle.get('vaccination-certificate');
  // Under RICE (the page's model): Dark mode gets cheap, the vaccination certificate dear.
  for (const [item, value] of [['Dark mode', '0.5'], [vaccination, '40']]) {
    const input = w.getByRole('textbox', { name: `Effort of ${item}` });
    await input.fill(value);
    await input.press('Enter');
  }
  await expectOrder(page, await engineTitles(HEALTH, { fields: [['dark-mode', 'effort', 0.5], ['vaccination-certificate', 'effort', 40]] }));
  // Then the weighted scorecard with a lower user-value weight, saved as "Plan".
  await chooseModel(page, 'weighted');
  const slider = w.getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft'); // 5 -> 3
  await until(async () => Number(await slider.inputValue()) === 3, 3000, 'the user-value weight at 3');
  await w.getByRole('button', { name: 'Scenarios…' }).click();
  const dialog = w.getByRole('dialog', { name: 'Scenarios' });
  await dialog.getByLabel('Save the current view as').fill('Plan');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.keyboard.press('Escape');
  // Back to the page's data (RICE), and compare it with the scenario.
  await w.getByRole('button', { name: 'Reset' }).click();
  await until(async () => (await w.getByLabel('Model').inputValue()) === 'rice', 3000, 'the page’s model again');
  await w.getByRole('button', { name: 'Scenarios…' }).click();
  await dialog.getByRole('button', { name: 'Compare with scenario Plan' }).click();
  const view = w.locator('.gs-compare');
  await until(async () => /Scenario “Plan”: top 10/.test(await view.textContent()), 5000, 'the comparison');

  // What the engine says, from the page's data to the scenario, both ranked by RICE.
  const e = new gs.Engine();
  e.load(HEALTH);
  e.setModel('weighted');
  e.setWeight('user_value', 3);
  e.setField('dark-mode', 'effort', 0.5);
  e.setField('vaccination-certificate', 'effort', 40);
  const scenario = e.documentJson();
  e.delete();
  const diff = engine('diff', HEALTH, { model: 'rice', after: scenario, top: 10 });

  // Each side is named for what it is; nothing on screen is called "What-if".
  assert.deepEqual(await view.locator('.gs-sides h3').allTextContents(), ['The page’s data: top 10', 'Scenario “Plan”: top 10']);
  assert.doesNotMatch(await view.textContent(), /What-if/);
  // Entered and left, going from the page's data to the scenario (the engine's lists).
  const chips = await view.locator('.gs-chips').textContent();
  for (const id of diff.entered_top) assert.ok(chips.includes(`▲ entered the top 10: ${healthTitle.get(id)}`), `${id} enters the top 10 in the scenario`);
  for (const id of diff.left_top) assert.ok(chips.includes(`▼ left the top 10: ${healthTitle.get(id)}`), `${id} leaves the top 10 in the scenario`);
  assert.deepEqual([diff.entered_top, diff.left_top], [['dark-mode'], ['vaccination-certificate']], 'the case this test is about');
  // RICE reads no weights: no item moved because of them, and the weight difference is said as such.
  const rows = await view.locator('.gs-moves tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: tr.dataset.id, code: tr.dataset.reason, why: tr.querySelector('.gs-why').textContent })));
  const moved = diff.items.filter((r) => r.reason_code !== 'unchanged');
  assert.deepEqual(rows.map((r) => [r.id, r.code]), moved.map((r) => [r.id, r.reason_code]), 'every moved item with the engine’s reason code');
  assert.ok(!rows.some((r) => r.code === 'weights_changed'));
  assert.equal(await view.locator('.gs-chip.gs-weight').count(), 0, 'no weight chip: RICE reads none');
  assert.match(await view.locator('.gs-weights-unread').textContent(), /User value: 5 → 3.*RICE reads no weights/);
  // An item that rose with nothing of its own changed names the item that dropped below it.
  const rose = rows.filter((r) => r.code === 'others_dropped_below');
  assert.ok(rose.length > 0, 'the case this test is about');
  for (const r of rose) assert.equal(r.why, `${vaccination} dropped below it`);
  assert.match(rows.find((r) => r.id === 'dark-mode').why, /^its own terms changed: Effort 1\.5 → 0\.5/);
  assert.match(await view.textContent(), /ranked by RICE, the model chosen now; “Plan” was saved with Weighted scorecard/);
  await w.screenshot({ path: shot('truth-2-compare.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// 3. Effort changed under RICE was not the weighted scorecard's "Effort" criterion: the demo's
// effort criterion takes its values from the item's effort ("source": "effort").
test('3. one estimate: effort typed under RICE is the weighted scorecard’s effort criterion, and typed there it is RICE’s effort', async () => {
  const page = await openDemo();
  const w = backlog(page);
  const table = w.getByRole('textbox', { name: 'Effort of Dark mode' });
  await table.fill('0.5');
  await table.press('Enter');
  await expectOrder(page, await engineTitles(HEALTH, { fields: [['dark-mode', 'effort', 0.5]] }));
  await chooseModel(page, 'weighted');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', fields: [['dark-mode', 'effort', 0.5]] }));
  // The item's explanation under the weighted model shows that same effort as its criterion.
  if (await w.getByRole('button', { name: /Show \d+ more/ }).isVisible()) await w.getByRole('button', { name: /Show \d+ more/ }).click();
  await w.getByRole('button', { name: 'Dark mode', exact: true }).click();
  const dialog = w.getByRole('dialog', { name: 'Dark mode' });
  const criterion = dialog.getByRole('textbox', { name: 'Effort (person-months)' });
  assert.equal(await criterion.inputValue(), '0.5', 'the edit made under RICE');
  assert.match(await criterion.getAttribute('class'), /gs-edited/);
  // Typed there, it is accepted, moves the weighted ranking, and is RICE's effort too.
  await criterion.fill('1');
  await criterion.press('Enter');
  await until(async () => (await criterion.getAttribute('aria-invalid')) === null && (await criterion.inputValue()) === '1', 3000, 'the edit accepted');
  assert.equal(await w.locator('.gs-error').isVisible(), false, 'no refusal');
  await page.keyboard.press('Escape');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', fields: [['dark-mode', 'effort', 1]] }));
  await chooseModel(page, 'rice');
  assert.equal(await w.getByRole('textbox', { name: 'Effort of Dark mode' }).inputValue(), '1');
  await expectOrder(page, await engineTitles(HEALTH, { fields: [['dark-mode', 'effort', 1]] }));
  // One edit, in one place: Undo (the model, then the edit) takes it back under the weighted model too.
  await w.getByRole('button', { name: /Undo/ }).click();
  await w.getByRole('button', { name: /Undo/ }).click();
  await until(async () => (await w.getByLabel('Model').inputValue()) === 'weighted', 3000, 'the weighted model again');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', fields: [['dark-mode', 'effort', 0.5]] }));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// 4. A document with "titel", "modle" and "mosocw" loaded silently by src (the misspelt MoSCoW
// changes the ranking), while the Import preview of the same file warned.
const TYPOS = {
  format: 'gapscore/1',
  titel: 'Typos',
  modle: 'rice',
  items: [
    { id: 'a', title: 'Alpha', reach: 100, impact: 1, confidence: 1, effort: 1 },
    { id: 'b', title: 'Beta', reach: 100, impact: 1, confidence: 1, effort: 1, mosocw: 'must' },
  ],
};
const CLEAN = { format: 'gapscore/1', title: 'Clean', items: [{ id: 'x', title: 'Xylo', reach: 10, impact: 1, confidence: 1, effort: 1 }] };

/** The warnings the widget shows, as [code, suggestion, text], once it shows some. */
async function shownWarnings(page) {
  const box = page.locator('gap-score [part="warnings"]');
  await until(() => box.isVisible(), 5000, 'the warnings');
  return box.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.dataset.suggestion, li.textContent]));
}

function assertTypos(lines, how) {
  const byField = Object.fromEntries(lines.map(([code, suggestion, text]) => [suggestion, { code, text }]));
  for (const [written, meant] of [['titel', 'title'], ['modle', 'model'], ['mosocw', 'moscow']]) {
    assert.equal(byField[meant]?.code, 'unknown_field', `${how}: ${written} is reported`);
    assert.ok(byField[meant].text.includes(written) && byField[meant].text.includes(meant), `${how}: ${written}, as written, and ${meant}, as meant`);
  }
}

test('4. the document’s warnings, with the field meant, however the data comes in: src, inline, import, share link', async () => {
  const page = await newPage(env.browser);
  // src
  await page.route(`${env.base}/demo/typos.json`, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(TYPOS) }));
  await serveHtml(env, page, '/demo/typos-src.html', '<gap-score src="typos.json"></gap-score>');
  await widget(page);
  assertTypos(await shownWarnings(page), 'src');
  await page.locator('gap-score').screenshot({ path: shot('truth-4-warnings.png') });
  // inline
  await serveHtml(env, page, '/demo/typos-inline.html', inlineWidget(TYPOS));
  await widget(page);
  assertTypos(await shownWarnings(page), 'inline');
  // import, on a page whose own data has no warning
  await serveHtml(env, page, '/demo/typos-import.html', inlineWidget(CLEAN));
  await widget(page);
  const w = page.locator('gap-score');
  assert.equal(await w.locator('[part="warnings"]').isVisible(), false, 'clean data: no warnings');
  await w.getByRole('button', { name: 'Import / export…' }).click();
  const dialog = w.getByRole('dialog', { name: 'Import / export' });
  await dialog.getByLabel('or paste it here').fill(JSON.stringify(TYPOS));
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByRole('button', { name: 'Replace the data' }).click();
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(JSON.stringify(TYPOS))), 3000, 'the imported rows');
  assertTypos(await shownWarnings(page), 'import');
  // share link: the imported data travels in the link; a fresh browser opens it
  await w.getByRole('button', { name: 'Share link' }).click();
  await until(() => page.url().includes('#gs-'), 3000, 'the link in the address');
  const link = page.url();
  const reader = await newPage(env.browser);
  await reader.route(`${env.base}/demo/typos-import.html`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script src="/dist/gapscore-widget.js"></script>${inlineWidget(CLEAN)}` }),
  );
  await reader.goto(link);
  await widget(reader);
  await until(async () => JSON.stringify(await titles(reader)) === JSON.stringify(await engineTitles(JSON.stringify(TYPOS))), 5000, 'the shared data');
  assertTypos(await shownWarnings(reader), 'share link');
  // Dismissed, they stay away until other data comes in.
  await reader.locator('gap-score [part="warnings"]').getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await reader.locator('gap-score [part="warnings"]').isVisible(), false);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(reader.problems, []);
  await reader.context().close();
  await page.context().close();
});

// 5. A document no model can rank ("efort" on every item) left a broken shell: no word of
// efort, an empty Model menu and table, "Link copied", "Run simulation", no gapscore-error.
const EFORT = {
  format: 'gapscore/1',
  title: 'Misspelt effort',
  model: 'rice',
  items: [
    { id: 'a', title: 'Alpha', reach: 100, impact: 1, confidence: 1, efort: 2 },
    { id: 'b', title: 'Beta', reach: 300, impact: 1, confidence: 1, efort: 1 },
    { id: 'c', title: 'Gamma', reach: 200, impact: 2, confidence: 0.5, efort: 3 },
  ],
};

test('5. a document no model can rank: one error state naming “efort”, what RICE lacks, nothing that cannot work, and gapscore-error', async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('gapscore-error', (e) => window.__errors.push(e.detail));
  });
  await serveHtml(env, page, '/demo/efort.html', inlineWidget(EFORT));
  const w = page.locator('gap-score');
  const error = w.locator('[part="error"]');
  await until(() => error.isVisible(), 5000, 'the error');
  const lines = await error.locator('li').evaluateAll((lis) => lis.map((li) => ({ code: li.dataset.code, suggestion: li.dataset.suggestion, text: li.textContent })));
  const typo = lines.find((l) => l.code === 'unknown_field');
  assert.ok(typo && typo.suggestion === 'effort' && typo.text.includes('efort'), `names efort, as written, and effort (${JSON.stringify(lines)})`);
  assert.match(typo.text, /2 more places/, 'once for the three items');
  const missing = lines.find((l) => l.code === 'missing_input');
  assert.ok(missing && /effort/.test(missing.text), 'says what RICE lacks');
  assert.match(await error.textContent(), /RICE is the document’s model: it lacks an input in 3 places/);
  // Nothing that cannot work is offered: no model menu, table, tabs, share link or simulation.
  for (const [what, locator] of [
    ['a Model menu', w.getByLabel('Model')],
    ['rows', w.locator('tbody tr')],
    ['tabs', w.getByRole('tab')],
    ['Share link', w.getByRole('button', { name: 'Share link' })],
    ['Run simulation', w.getByRole('button', { name: 'Run simulation' })],
    ['Dismiss (there is nothing behind the error)', w.getByRole('button', { name: 'Dismiss' })],
  ]) {
    const n = await locator.count();
    for (let k = 0; k < n; k++) assert.equal(await locator.nth(k).isVisible(), false, `no ${what}`);
  }
  assert.equal(await w.locator('.gs-loading').isVisible(), false, 'not still “Loading”');
  await page.evaluate(() => document.querySelector('gap-score').ready);
  // The page hears it, with the codes.
  const events = await page.evaluate(() => window.__errors);
  assert.equal(events.length, 1);
  assert.equal(events[0].during, 'load');
  assert.ok(events[0].errors.some((e) => e.code === 'unknown_field' && e.suggestion === 'effort' && e.path === '/items/0/efort'));
  assert.ok(events[0].errors.some((e) => e.code === 'missing_input' && e.path === '/items/0/effort'));
  await w.screenshot({ path: shot('truth-5-error-state.png') });

  // The same document given to a widget that shows data: refused, named the same way, the data kept.
  await serveHtml(env, page, '/demo/efort-load.html', inlineWidget(CLEAN));
  await widget(page);
  const ok = await page.evaluate((doc) => document.querySelector('gap-score').load(doc), EFORT);
  assert.equal(ok, false);
  await until(() => error.isVisible(), 3000, 'the refusal');
  assert.ok((await error.locator('li[data-code="unknown_field"]').textContent()).includes('efort'));
  assert.deepEqual(await titles(page), ['Xylo'], 'the data shown before stays');
  assert.equal((await page.evaluate(() => window.__errors)).at(-1).during, 'import');
  await page.context().close();
});

// 6. WebAssembly blocked by the page's CSP showed Emscripten's "Aborted(CompileError … Build
// with -s ASSERTIONS=1 …)" under "The backlog could not be loaded".
test('6. a page whose CSP blocks WebAssembly: what happened, the fix (\'wasm-unsafe-eval\' in script-src) and the link to embedding.md', async () => {
  const page = await newPage(env.browser);
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('gapscore-error', (e) => window.__errors.push(e.detail));
  });
  // demo/csp.html's policy without 'wasm-unsafe-eval'.
  const policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
  await page.route(`${env.base}/demo/csp-no-wasm.html`, (r) =>
    r.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': policy },
      body: `<!doctype html><meta charset="utf-8"><script src="../dist/gapscore-widget.js" defer></script>${inlineWidget(CLEAN)}`,
    }),
  );
  await page.goto(`${env.base}/demo/csp-no-wasm.html`);
  const w = page.locator('gap-score');
  const error = w.locator('[part="error"]');
  await until(() => error.isVisible(), 10000, 'the message');
  const text = await error.textContent();
  assert.match(text, /WebAssembly is blocked/);
  assert.match(text, /Content-Security-Policy/);
  assert.match(text, /'wasm-unsafe-eval'/);
  assert.match(text, /script-src/);
  assert.doesNotMatch(text, /Aborted|ASSERTIONS|CompileError/, 'no Emscripten internals');
  assert.equal(await error.locator('li').first().getAttribute('data-code'), 'wasm_blocked');
  const link = error.getByRole('link', { name: /embedding\.md/ });
  const href = await link.getAttribute('href');
  assert.equal(new URL(href).pathname + new URL(href).hash, '/docs/embedding.md#content-security-policy');
  const doc = await page.request.get(href);
  assert.equal(doc.status(), 200);
  assert.match(await doc.text(), /^## Content-Security-Policy$/m, 'the section the link names');
  assert.equal(await w.locator('.gs-loading').isVisible(), false);
  const events = await page.evaluate(() => window.__errors);
  assert.deepEqual(events.map((e) => [e.during, e.errors[0].code]), [['load', 'wasm_blocked']]);
  await w.screenshot({ path: shot('truth-6-csp.png') });
  await page.context().close();
});

// 7. Explanations were arithmetic ("0.357142857143 × 0.9 + … = 0.810714285714"), not reasons.
test('7. an explanation starts with why the item sits where it does against its neighbours, then the arithmetic', async () => {
  const page = await openDemo();
  const w = backlog(page);
  for (const [model, item] of [['rice', 'Dark mode'], ['weighted', 'Lab results in the app']]) {
    if (model !== 'rice') await chooseModel(page, model);
    await w.getByRole('button', { name: item, exact: true }).click();
    const dialog = w.getByRole('dialog', { name: item });
    const id = [...healthTitle].find(([, t]) => t === item)[0];
    const ex = engine('explain', HEALTH, { item: id, model });
    await until(async () => (await dialog.locator('.gs-dialog-body p').first().textContent()) === ex.why, 3000, `${item}: the why first`);
    assert.ok(ex.why.length > 0 && ex.why.includes(healthTitle.get(ex.below?.id ?? ex.above.id)), 'the engine names a neighbour');
    // Then the arithmetic, after the sentence.
    const order = await dialog.locator('.gs-dialog-body').evaluate((body) => [...body.querySelectorAll('.gs-why, .gs-computation')].map((e) => e.className));
    assert.deepEqual(order, ['gs-why', 'gs-computation']);
    if (model === 'weighted') await w.screenshot({ path: shot('truth-7-explain.png') }), await page.screenshot({ path: shot('truth-7-explain-page.png') });
    await page.keyboard.press('Escape');
  }
  // The bars' legend names each part as the page does: the stakeholder model's read "Eng · Cs".
  for (const [model, names] of [
    ['stakeholder', JSON.parse(HEALTH).stakeholders.map((x) => x.name)],
    ['weighted', JSON.parse(HEALTH).criteria.map((c) => c.name ?? c.id)],
  ]) {
    await chooseModel(page, model);
    await until(async () => JSON.stringify(await w.locator('.gs-legend .gs-key').allTextContents()) === JSON.stringify(names), 3000, `${model}: the legend names ${names.join(', ')}`);
  }
  {
    // Ids that are not their names ("eng", "cs").
    const doc = { format: 'gapscore/1', model: 'stakeholder', items: [{ id: 'a', title: 'Alpha' }, { id: 'b', title: 'Beta' }],
      stakeholders: [{ id: 'eng', name: 'Engineering', ratings: { a: 3, b: 5 } }, { id: 'cs', name: 'Customer success', ratings: { a: 4, b: 1 } }] };
    const p2 = await newPage(env.browser);
    await serveHtml(env, p2, '/demo/stakeholder-names.html', inlineWidget(doc));
    await widget(p2);
    assert.deepEqual(await p2.locator('gap-score .gs-legend .gs-key').allTextContents(), ['Engineering', 'Customer success']);
    await p2.context().close();
  }
  // The terms table says a formula term's role in words, and a stakeholder's "rated" as yes or
  // no: it showed the engine's codes ("cost_of_delay", "true").
  for (const [model, column, allowed] of [['wsjf', 'Role', ['adds to cost of delay', 'divides']], ['stakeholder', 'Rated', ['yes', 'no']]]) {
    await chooseModel(page, model);
    const first = healthTitle.get(engine('rank', HEALTH, { model }).ranking[0].id);
    await w.getByRole('button', { name: first, exact: true }).click();
    const table = w.getByRole('dialog', { name: first }).locator('table.gs-terms');
    await until(async () => (await table.count()) === 1, 3000, `${model}: the terms table`);
    const cells = await table.evaluate((t, name) => {
      const k = [...t.tHead.rows[0].cells].findIndex((c) => c.textContent === name);
      return k < 0 ? null : [...t.tBodies[0].rows].map((r) => r.cells[k].textContent);
    }, column);
    assert.ok(cells && cells.length > 0, `${model}: a ${column} column`);
    for (const c of cells) assert.ok(allowed.includes(c), `${model}: ${column} reads "${c}"`);
    await page.keyboard.press('Escape');
  }
  // A term named as its field is everywhere: "ICE impact", not "Ice impact".
  await chooseModel(page, 'ice');
  const firstIce = healthTitle.get(engine('rank', HEALTH, { model: 'ice' }).ranking[0].id);
  await w.getByRole('button', { name: firstIce, exact: true }).click();
  const iceTerms = w.getByRole('dialog', { name: firstIce }).locator('table.gs-terms tbody th');
  await until(async () => (await iceTerms.count()) > 0, 3000, 'the ICE terms');
  const iceNames = await iceTerms.allTextContents();
  assert.ok(iceNames.includes('ICE impact') && !iceNames.some((n) => /^Ice /.test(n)), iceNames.join(', '));
  await page.keyboard.press('Escape');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
