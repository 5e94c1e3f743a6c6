// What a third QA pass found by using the widget like a stakeholder: AHP-derived weights on
// the sliders, a click on a slider's track, two pages whose data files share a name, and a
// CSV import for a model other than RICE. Each test fails on the widget before the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, titles, engineTitles, demoText, until } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json'); // weighted criteria user_value 5, revenue 3, strategic_fit 2, cost 2

/** Serves `body` as a page at `path` under the server (the widget script from /dist). */
async function openAt(page, path, body) {
  await page.route(`${env.base}${path}`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script src="/dist/gapscore-widget.js"></script>${body}` }),
  );
  await page.goto(`${env.base}${path}`);
  await widget(page);
}

const inline = (doc, attrs = '') => `<gap-score ${attrs}><script type="application/json">${JSON.stringify(doc)}</script></gap-score>`;

test('with weights_from "ahp" the sliders show the AHP priorities, and one step re-ranks as the engine does', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  doc.weights_from = 'ahp';
  doc.ahp = {
    criteria: ['user_value', 'revenue', 'strategic_fit', 'cost'],
    comparisons: [['user_value', 'revenue', 3], ['user_value', 'strategic_fit', 5], ['user_value', 'cost', 4], ['revenue', 'strategic_fit', 2], ['revenue', 'cost', 2], ['strategic_fit', 'cost', 1]],
  };
  const text = JSON.stringify(doc);
  const page = await newPage(env.browser);
  await openAt(page, '/demo/ahp-weights.html', inline(doc));
  const w = page.locator('gap-score');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(text)), 3000, 'the AHP-weighted order');
  const slider = w.getByRole('slider', { name: 'Strategic fit' });
  // The priority in use (a fraction), not the document's 2 that AHP replaces.
  const shown = Number(await slider.inputValue());
  assert.ok(shown > 0 && shown < 1, `the slider shows the AHP priority, got ${shown}`);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await until(async () => !(await w.getByRole('button', { name: /Undo/ }).isDisabled()), 3000, 'one undoable step');
  const after = Number(await slider.inputValue());
  assert.ok(Math.abs(after - shown - 0.01) < 0.0051, `one step of 0.01 on the 0..1 scale (from ${shown} to ${after})`);
  // The widget's order is the engine's for the document it now holds (the CLI's too).
  const current = await page.evaluate(() => JSON.stringify(document.querySelector('gap-score').document));
  assert.ok(!JSON.parse(current).weights_from, 'the hand-set weight replaces weights_from in the document');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(current)), 3000, 'the engine’s order for the exported document');
  const userValue = JSON.parse(current).criteria.find((c) => c.id === 'user_value').weight;
  assert.ok(userValue > 0 && userValue < 1, `the other weights stay the AHP priorities, not the document's 5 (got ${userValue})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a click on a slider’s track is one undoable step that is saved', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  const page = await newPage(env.browser);
  await openAt(page, '/demo/track-click.html', inline(doc, 'id="track"'));
  const w = page.locator('gap-score');
  const before = await titles(page);
  const slider = w.getByRole('slider', { name: 'Strategic fit' });
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2); // not focused before
  await until(async () => Number(await slider.inputValue()) >= 8, 3000, 'the weight moved to the click');
  const undo = w.getByRole('button', { name: /Undo/ });
  await until(async () => !(await undo.isDisabled()), 3000, 'Undo enabled');
  await until(async () => (await page.evaluate(() => localStorage.getItem('gapscore:id:track')))?.includes('strategic_fit'), 3000, 'the weight saved');
  await undo.click();
  await until(async () => Number(await slider.inputValue()) === 2, 3000, 'undo gives back the page’s weight 2');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(before), 3000, 'the page’s order');
  await page.context().close();
});

test('two pages whose data files have the same name keep their edits apart', async () => {
  const a = JSON.parse(SAMPLE);
  const b = JSON.parse(SAMPLE);
  b.items = b.items.map((it) => ({ ...it, title: `B: ${it.title}` }));
  const context = await env.browser.newContext();
  const page = await context.newPage();
  for (const [team, doc] of [['team-a', a], ['team-b', b]])
    await page.route(`${env.base}/demo/${team}/backlog.json`, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) }));
  await openAt(page, '/demo/team-a/q3.html', '<gap-score src="backlog.json"></gap-score>');
  const last = a.items.at(-1);
  const input = page.locator('gap-score').getByRole('textbox', { name: `Reach of ${last.title}` });
  await input.fill('99999999');
  await input.press('Enter');
  await until(async () => (await titles(page))[0] === last.title, 5000, 'the edit on team A');
  await until(async () => (await page.evaluate(() => Object.keys(localStorage))).some((k) => k.includes('/demo/team-a/backlog.json')), 3000, 'saved under team A’s path');

  await openAt(page, '/demo/team-b/q3.html', '<gap-score src="backlog.json"></gap-score>');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(JSON.stringify(b))), 5000, 'team B’s own, unedited ranking');
  assert.ok(await page.locator('gap-score').getByRole('button', { name: /Undo/ }).isDisabled());
  await context.close();
});

test('a CSV with only WSJF inputs is imported, and ranked by WSJF', async () => {
  const page = await newPage(env.browser);
  await openAt(page, '/demo/import-wsjf.html', inline(JSON.parse(SAMPLE)));
  const w = page.locator('gap-score');
  await w.getByRole('button', { name: 'Import / export…' }).click();
  const dialog = w.getByRole('dialog', { name: 'Import / export' });
  const csv = 'id,title,business_value,time_criticality,risk_reduction,job_size\na,Alpha,8,5,3,2\nb,Beta,1,1,1,8\n';
  await dialog.getByLabel('or paste it here').fill(csv);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await until(async () => /2 items/.test(await dialog.locator('.gs-preview').textContent()), 3000, 'the preview of 2 items');
  await dialog.getByRole('button', { name: 'Replace the data' }).click();
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(['Alpha', 'Beta']), 3000, 'the imported rows');
  assert.equal(await w.getByLabel('Model').inputValue(), 'wsjf');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('readOnly switched on from JavaScript: a saved scenario brings its model and weights, not its data; Undo is gone', async () => {
  const doc = JSON.parse(SAMPLE);
  const page = await newPage(env.browser);
  await openAt(page, '/demo/ro-later.html', inline(doc, 'id="later"'));
  const w = page.locator('gap-score');
  const pageOrder = await titles(page);
  const last = doc.items.at(-1);
  const input = w.getByRole('textbox', { name: `Reach of ${last.title}` });
  await input.fill('99999999');
  await input.press('Enter');
  await until(async () => (await titles(page))[0] === last.title, 5000, 'the edit');
  await w.getByRole('button', { name: 'Scenarios…' }).click();
  const dialog = w.getByRole('dialog');
  await dialog.getByLabel('Save the current view as').fill('Edited');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.keyboard.press('Escape');
  await w.getByRole('button', { name: 'Reset' }).click();
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(pageOrder), 3000, 'the page’s data after Reset');

  await page.evaluate(() => (document.querySelector('gap-score').readOnly = true));
  await until(async () => await w.getByRole('button', { name: /Undo/ }).isDisabled(), 3000, 'no Undo into edits while read-only');
  await w.getByRole('button', { name: 'Scenarios…' }).click();
  await dialog.getByRole('button', { name: 'Load scenario Edited' }).click();
  await until(async () => /data is read-only/.test(await w.locator('.gs-status').textContent()), 3000, 'the message');
  assert.deepEqual(await titles(page), pageOrder, 'the data stays the page’s');
  const reach = await page.evaluate((id) => document.querySelector('gap-score').document.items.find((it) => it.id === id).reach, last.id);
  assert.equal(reach, last.reach);
  await page.context().close();
});

// From the review of these fixes: Ctrl+Z pressed on a focused slider, the slider scale after a
// reload, and edits saved under the src key of earlier versions.
test('after Ctrl+Z on a focused slider, the next arrow step is undoable and saved', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  const page = await newPage(env.browser);
  await openAt(page, '/demo/ctrl-z.html', inline(doc, 'id="ctrlz"'));
  const w = page.locator('gap-score');
  const slider = w.getByRole('slider', { name: 'Strategic fit' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await until(async () => Number(await slider.inputValue()) === 2.5, 3000, '2.5');
  await page.keyboard.press('Control+z');
  await until(async () => Number(await slider.inputValue()) === 2, 3000, 'undone to 2');
  await page.keyboard.press('ArrowRight');
  await until(async () => !(await w.getByRole('button', { name: /Undo/ }).isDisabled()), 3000, 'the step is undoable');
  await until(async () => JSON.parse((await page.evaluate(() => localStorage.getItem('gapscore:id:ctrlz'))) ?? '{}').state?.weights?.strategic_fit === 2.5, 3000, 'and saved');
  await page.context().close();
});

test('fractional page weights keep their 0..1 slider scale after one is edited to 1 and the page reloads', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  [0.5, 0.2, 0.2, 0.1].forEach((x, k) => (doc.criteria[k].weight = x));
  const page = await newPage(env.browser);
  await openAt(page, '/demo/fractions.html', inline(doc, 'id="fractions"'));
  const slider = page.locator('gap-score').getByRole('slider', { name: doc.criteria[0].name });
  assert.equal(await slider.getAttribute('max'), '1');
  await slider.focus();
  await page.keyboard.press('End');
  await until(async () => (await page.evaluate(() => localStorage.getItem('gapscore:id:fractions')))?.includes('"weights":{"' + 'user_value":1}'), 3000, 'weight 1 saved');
  await page.reload();
  await widget(page);
  assert.equal(await slider.getAttribute('max'), '1');
  assert.equal(await page.locator('gap-score').getByRole('slider', { name: doc.criteria[1].name }).inputValue(), '0.2');
  await page.context().close();
});

test('edits saved under the src key of earlier versions are found again', async () => {
  const doc = JSON.parse(SAMPLE);
  const last = doc.items.at(-1);
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route(`${env.base}/demo/legacy/backlog.json`, (r) => r.fulfill({ contentType: 'application/json', body: SAMPLE }));
  await page.route(`${env.base}/demo/legacy/blank.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await page.goto(`${env.base}/demo/legacy/blank.html`);
  await page.evaluate(([id]) => localStorage.setItem('gapscore:src:backlog.json', JSON.stringify({
    version: 1, state: { document: null, model: 'rice', weights: {}, fields: { [id]: { reach: 99999999 } }, scores: {} }, scenarios: {},
  })), [last.id]);
  await openAt(page, '/demo/legacy/q3.html', '<gap-score src="backlog.json"></gap-score>');
  await until(async () => (await titles(page))[0] === last.title, 5000, 'the saved edit applied');
  await context.close();
});
