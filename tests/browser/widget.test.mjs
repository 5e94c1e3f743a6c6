// The widget as people use it, in headless Chromium on the demo page (issue 8, §6): the
// ranking shown is the engine's; sliders (mouse and keyboard), in-place edits, undo/redo,
// reload persistence, share links, import errors, and two independent widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, widget, titles, shot, engineTitles, demoText, until, root } from './harness.mjs';

const env = useBrowser();
const HEALTH = demoText('health-app.json');
const SHOWN = 15; // rows the demo shows before "Show more" (30 items, top 10)


async function openDemo(path = '/demo/index.html', options) {
  const page = await newPage(env.browser, { acceptDownloads: true, ...options });
  await page.goto(env.base + path);
  await widget(page, '#backlog');
  return page;
}

const backlog = (page) => page.locator('#backlog');

async function chooseModel(page, id) {
  await backlog(page).getByLabel('Model').selectOption(id);
  await until(async () => (await backlog(page).locator('.gs-formula-line').textContent())?.length > 0 && (await page.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value)) === id);
}

async function sliderValue(page, name) {
  return Number(await backlog(page).getByRole('slider', { name }).inputValue());
}

/** Waits until the table shows the engine's order (first rows). */
async function expectOrder(page, expected, sel = '#backlog', what = 'the engine order') {
  await until(async () => {
    const shown = await titles(page, sel);
    return JSON.stringify(shown) === JSON.stringify(expected.slice(0, shown.length)) && shown.length > 0;
  }, 5000, what);
}

test('the demo shows the engine’s ranking, and the screenshot is taken', async () => {
  const page = await openDemo();
  const expected = await engineTitles(HEALTH); // the document's model (RICE)
  await expectOrder(page, expected);
  assert.equal((await titles(page)).length, SHOWN);
  assert.equal(await backlog(page).locator('h2').first().textContent(), 'Q3 priorities for the health app');
  await page.screenshot({ path: shot('demo-index.png'), fullPage: true });
  // The README screenshot: the weighted model after a stakeholder lowered "User value".
  await chooseModel(page, 'weighted');
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await slider.evaluate((el) => el.blur()); // no focus ring in the picture
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', weights: { user_value: 2 } }));
  await backlog(page).screenshot({ path: shot('widget-backlog.png') });
  mkdirSync(resolve(root, 'docs'), { recursive: true });
  copyFileSync(shot('widget-backlog.png'), resolve(root, 'docs/screenshot.png'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await backlog(page).screenshot({ path: shot('widget-backlog-dark.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dragging a weight slider with the mouse re-ranks live', async () => {
  const page = await openDemo();
  await chooseModel(page, 'weighted');
  const before = await titles(page);
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted' }));
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  const box = await slider.boundingBox();
  const max = Number(await slider.getAttribute('max'));
  const start = await sliderValue(page, 'User value');
  const y = box.y + box.height / 2;
  const x0 = box.x + 8 + ((box.width - 16) * start) / max; // the thumb
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(x0 - (k * (x0 - box.x)) / 10, y); // drag to the left end
  const during = await titles(page); // re-ranked while the button is still down
  await page.mouse.up();
  const w = await sliderValue(page, 'User value');
  assert.ok(w < start, `the slider moved left (from ${start} to ${w})`);
  const expected = await engineTitles(HEALTH, { model: 'weighted', weights: { user_value: w } });
  await expectOrder(page, expected);
  assert.notDeepEqual(await titles(page), before, 'the order changed');
  assert.deepEqual(during, expected.slice(0, SHOWN), 'rows moved during the drag, not only at the end');
  assert.match(await backlog(page).locator('tbody .gs-delta').allTextContents().then((t) => t.join(' ')), /[▲▼]/, 'rank-change arrows against the baseline');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard arrows on a slider re-rank; undo and redo restore', async () => {
  const page = await openDemo();
  await chooseModel(page, 'weighted');
  const original = await engineTitles(HEALTH, { model: 'weighted' });
  await expectOrder(page, original);
  const slider = backlog(page).getByRole('slider', { name: 'Effort (person-months)' });
  await slider.focus();
  const start = await sliderValue(page, 'Effort (person-months)');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  const w = await sliderValue(page, 'Effort (person-months)');
  assert.equal(w, start + 6 * Number(await slider.getAttribute('step')));
  assert.match(await slider.getAttribute('aria-valuetext'), /% of the total weight/);
  const changed = await engineTitles(HEALTH, { model: 'weighted', weights: { effort: w } });
  assert.notDeepEqual(changed.slice(0, SHOWN), original.slice(0, SHOWN), 'the test needs a weight that changes the order');
  await expectOrder(page, changed);
  await backlog(page).getByRole('button', { name: /Undo/ }).click();
  await expectOrder(page, original, '#backlog', 'the order before the key presses');
  assert.equal(await sliderValue(page, 'Effort (person-months)'), start, 'one undo reverts the whole run of key presses');
  await backlog(page).getByRole('button', { name: /Redo/ }).click();
  await expectOrder(page, changed);
  assert.equal(await sliderValue(page, 'Effort (person-months)'), w);
  await page.context().close();
});

test('editing an estimate in place re-ranks; undo restores it', async () => {
  const page = await openDemo();
  const input = backlog(page).getByRole('textbox', { name: 'Reach of Dark mode' });
  assert.equal(await input.inputValue(), '200000');
  await input.fill('2000000');
  await input.press('Enter');
  const expected = await engineTitles(HEALTH, { fields: [['dark-mode', 'reach', 2000000]] });
  await expectOrder(page, expected);
  const row = backlog(page).locator('tbody tr', { has: page.getByRole('button', { name: 'Dark mode', exact: true }) });
  assert.equal(await row.locator('.gs-rank').textContent(), String(expected.indexOf('Dark mode') + 1));
  assert.match(await row.locator('.gs-delta').textContent(), /▲\d+/);
  // A value the format forbids is refused with the engine's reason; nothing changes.
  const conf = backlog(page).getByRole('textbox', { name: 'Confidence of Dark mode' });
  await conf.fill('5');
  await conf.press('Enter');
  await until(async () => await backlog(page).locator('.gs-error').isVisible(), 3000, 'the error message');
  assert.match(await backlog(page).locator('.gs-error').textContent(), /confidence/i);
  assert.equal(await conf.inputValue(), '0.8', 'the refused value is put back');
  await backlog(page).getByRole('button', { name: /Undo/ }).click();
  await expectOrder(page, await engineTitles(HEALTH));
  await page.context().close();
});

test('edits survive a reload; Reset goes back to the page’s data', async () => {
  const page = await openDemo();
  await chooseModel(page, 'weighted');
  const slider = backlog(page).getByRole('slider', { name: 'Strategic fit' });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  const w = await sliderValue(page, 'Strategic fit');
  const expected = await engineTitles(HEALTH, { model: 'weighted', weights: { strategic_fit: w } });
  await expectOrder(page, expected);
  await page.reload();
  await widget(page, '#backlog');
  await expectOrder(page, expected, '#backlog', 'the saved order after reload');
  assert.equal(await sliderValue(page, 'Strategic fit'), w);
  assert.equal(await page.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value), 'weighted');
  await backlog(page).getByRole('button', { name: 'Reset' }).click();
  await expectOrder(page, await engineTitles(HEALTH));
  await page.reload();
  await widget(page, '#backlog');
  await expectOrder(page, await engineTitles(HEALTH), '#backlog', 'the page’s data after Reset and reload');
  await page.context().close();
});

// Issue 9, §6: stored data the widget cannot read is refused with a message and set aside,
// never dropped in silence; entries from before the storage had a version are read.
test('saved edits it cannot read are refused with a message and kept aside; old entries still load', async () => {
  const page = await openDemo();
  const key = 'gapscore:id:backlog';
  const expectRefused = async (stored, why) => {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, stored]);
    await page.reload();
    await widget(page, '#backlog');
    const error = backlog(page).locator('.gs-error');
    await until(() => error.isVisible(), 5000, 'the message about the saved edits');
    const text = await error.textContent();
    assert.match(text, /Your saved edits could not be used/);
    assert.match(text, why);
    assert.match(text, new RegExp(`${key}:set-aside`));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k + ':set-aside'), key), stored, 'kept, byte for byte');
    await expectOrder(page, await engineTitles(HEALTH), '#backlog', 'the page’s data');
  };
  await expectRefused('{"state": {"weights": {"user_value": 9}', /damaged \(not JSON\)/);
  await backlog(page).locator('.gs-error').screenshot({ path: shot('stored-edits-refused.png') });
  await expectRefused(JSON.stringify({ version: 99, state: { weights: { user_value: 9 } }, scenarios: {} }), /newer version of the widget \(format 99; this one reads format 1\)/);

  // An entry written before entries had a version: read as version 1, and saved with one.
  const oldEntry = { state: { document: null, model: 'weighted', weights: { strategic_fit: 9 }, fields: {}, scores: {} }, scenarios: {} };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(oldEntry)]);
  await page.reload();
  await widget(page, '#backlog');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', weights: { strategic_fit: 9 } }), '#backlog', 'the old entry’s edits');
  assert.equal(await backlog(page).locator('.gs-error').isVisible(), false);
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await until(async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key) ?? '{}').version === 1, 3000, 'the entry saved with its version');
  await page.context().close();
});

test('a share link reproduces the view in a fresh browser, and leaves the other widget alone', async () => {
  const page = await openDemo();
  await chooseModel(page, 'wsjf');
  const input = backlog(page).getByRole('textbox', { name: 'Job size of Birthday wishes' });
  await backlog(page).getByRole('button', { name: /Show \d+ more/ }).click();
  await input.fill('0.5');
  await input.press('Enter');
  const expected = await engineTitles(HEALTH, { model: 'wsjf', fields: [['birthday-wishes', 'job_size', 0.5]] });
  await expectOrder(page, expected);
  await backlog(page).getByRole('button', { name: 'Share link' }).click();
  await until(async () => page.url().includes('gs-id%3Abacklog='), 3000, 'the link in the address');
  const url = page.url();
  assert.ok(!url.includes('?'), 'nothing in the query string: the state lives after #');
  const fresh = await newPage(env.browser); // a new context: empty localStorage, like a colleague's browser
  await fresh.goto(url);
  await widget(fresh, '#backlog');
  await expectOrder(fresh, expected, '#backlog', 'the shared order');
  assert.equal(await fresh.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value), 'wsjf');
  assert.match(await fresh.locator('#backlog .gs-status').textContent(), /shared view/i);
  await until(async () => !fresh.url().includes('gs-id%3Abacklog'), 3000, 'the link parameter to leave the address');
  const gapsModel = (p) => p.evaluate(() => document.querySelector('#gaps').shadowRoot.querySelector('#gs-model').value);
  assert.equal(await gapsModel(fresh), await gapsModel(page), 'the other widget is untouched');
  await fresh.context().close();
  await page.context().close();
});

test('a share link is a visit: it carries the open view, Undo returns to the reader’s own, and a reload shows their saved edits', async () => {
  // The sender: WSJF on the "Value vs effort" tab.
  const sender = await openDemo();
  await chooseModel(sender, 'wsjf');
  await backlog(sender).getByRole('tab', { name: 'Value vs effort' }).click();
  await backlog(sender).getByRole('button', { name: 'Share link' }).click();
  await until(async () => sender.url().includes('gs-id%3Abacklog='), 3000, 'the link in the address');
  const url = sender.url();
  await sender.context().close();

  // The reader has an edit of their own (RICE, the document's model), saved.
  const page = await openDemo();
  const effort = backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' });
  await effort.fill('1');
  await effort.press('Enter');
  const own = await engineTitles(HEALTH, { fields: [['medication-reminders', 'effort', 1]] });
  await expectOrder(page, own, '#backlog', 'the reader’s own edit');
  const modelOf = () => page.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value);
  const selectedTab = () => backlog(page).locator('[role=tab][aria-selected=true]').textContent();

  // The link pasted into the address of the open page applies at once (hashchange).
  await page.goto(url);
  await until(async () => (await modelOf()) === 'wsjf', 3000, 'the shared model');
  assert.equal(await selectedTab(), 'Value vs effort', 'the view that was open when the link was made');
  assert.match(await backlog(page).locator('.gs-status').textContent(), /shared view/i);
  assert.equal(await backlog(page).getByRole('button', { name: /Undo/ }).isEnabled(), true, 'Undo is offered, as the message says');

  // A reload shows the reader's own saved edits, not the visited view.
  await page.reload();
  await widget(page, '#backlog');
  await until(async () => (await modelOf()) === 'rice', 3000, 'the reader’s model after reload');
  await backlog(page).getByRole('tab', { name: 'Ranking' }).click();
  await expectOrder(page, own, '#backlog', 'the reader’s own edit after reload');

  // Opened as a fresh load: Undo returns to the reader's own view.
  await page.goto('about:blank');
  await page.goto(url);
  await widget(page, '#backlog');
  await until(async () => (await modelOf()) === 'wsjf', 3000, 'the shared model on a fresh load');
  await backlog(page).getByRole('button', { name: /Undo/ }).click();
  await until(async () => (await modelOf()) === 'rice', 3000, 'Undo back to the reader’s own model');
  await backlog(page).getByRole('tab', { name: 'Ranking' }).click();
  await expectOrder(page, own, '#backlog', 'the reader’s own edit after Undo');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('comparing with a scenario names it, and says when it was saved under another model', async () => {
  const page = await openDemo();
  await chooseModel(page, 'wsjf');
  await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
  const dialog = backlog(page).getByRole('dialog');
  await dialog.getByLabel('Save the current view as').fill('WSJF plan');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.keyboard.press('Escape');
  await chooseModel(page, 'rice');
  await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
  await dialog.getByRole('button', { name: 'Compare with scenario WSJF plan' }).click();
  const compare = backlog(page).locator('.gs-compare');
  await until(async () => /Scenario “WSJF plan”: top 10/.test(await compare.textContent()), 3000, 'the scenario named on its side');
  assert.match(await compare.textContent(), /saved with WSJF/);
  // Deleting the scenario compared with goes back to the baseline.
  await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
  await dialog.getByRole('button', { name: 'Delete scenario WSJF plan' }).click();
  await page.keyboard.press('Escape');
  await until(async () => /Baseline: top 10|No difference/.test(await compare.textContent()), 3000, 'the baseline again');
  assert.equal(await compare.getByRole('combobox').inputValue(), '');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard focus stays on the item while the table re-ranks, and through an undo that rebuilds it', async () => {
  const page = await openDemo();
  const active = () => page.evaluate(() => document.querySelector('#backlog').shadowRoot.activeElement?.getAttribute('aria-label') ?? document.querySelector('#backlog').shadowRoot.activeElement?.textContent ?? null);
  const effort = backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' });
  const rankBefore = (await titles(page)).indexOf('Medication reminders');
  await effort.fill('0.25');
  await effort.press('Enter');
  await until(async () => (await titles(page)).indexOf('Medication reminders') !== rankBefore, 3000, 'the row to move');
  assert.equal(await active(), 'Effort of Medication reminders', 'focus stays in the moved row’s input');
  // Undo from the keyboard with focus on a title: the rebuilt table gets focus back.
  const first = (await titles(page))[0];
  await backlog(page).getByRole('button', { name: first, exact: true }).focus();
  await page.keyboard.press('Control+z');
  await until(async () => (await titles(page)).indexOf('Medication reminders') === rankBefore, 3000, 'the undo');
  assert.equal(await active(), first, 'focus on the same item’s title after the undo');
  await page.keyboard.press('Control+Shift+z');
  await until(async () => (await titles(page)).indexOf('Medication reminders') !== rankBefore, 3000, 'the redo, from the keyboard');
  // Undo until there is nothing left: focus stays in the tools, not on the page.
  const undo = backlog(page).getByRole('button', { name: /Undo/ });
  await undo.focus();
  await page.keyboard.press('Enter');
  await until(() => undo.isDisabled(), 3000, 'nothing left to undo');
  assert.notEqual(await active(), null, 'focus is still inside the widget');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a bad CSV shows the line and column, and the data stays; a good one replaces it (undoable)', async () => {
  const page = await openDemo();
  const before = await titles(page);
  await backlog(page).getByRole('button', { name: 'Import / export…' }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Import / export' });
  await dialog.getByLabel('or paste it here').fill('id,title,reach,impact,confidence,effort\nsso,Single sign-on,3000,2,0.5,5\nbad,Broken row,lots,1,1,1\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const error = dialog.locator('.gs-error');
  await until(() => error.isVisible(), 3000, 'the import error');
  const text = await error.textContent();
  assert.match(text, /line 3/);
  assert.match(text, /reach/);
  assert.match(text, /unchanged/);
  assert.ok(await dialog.getByRole('button', { name: 'Replace the data' }).isDisabled());
  await page.keyboard.press('Escape');
  assert.deepEqual(await titles(page), before, 'the old data is intact');

  await backlog(page).getByRole('button', { name: 'Import / export…' }).click();
  const csv = 'id,title,reach,impact,confidence,effort\nsso,Single sign-on,3000,2,0.5,5\nsearch,Search in records,9000,1,0.8,2\n';
  await dialog.locator('input[type=file]').setInputFiles({ name: 'backlog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await until(async () => /2 items/.test(await dialog.locator('.gs-preview').textContent()), 3000, 'the preview');
  await dialog.getByRole('button', { name: 'Replace the data' }).click();
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(['Search in records', 'Single sign-on']), 3000, 'the imported rows');
  await backlog(page).getByRole('button', { name: /Undo/ }).click();
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(before), 3000, 'the old rows after undo');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a misspelt CSV column is named, once, before the errors it causes', async () => {
  const page = await openDemo();
  await backlog(page).getByRole('button', { name: 'Import / export…' }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Import / export' });
  await dialog.getByLabel('or paste it here').fill('id,title,reach,impcat,confidence,effort\nsso,Single sign-on,3000,2,0.5,5\nsearch,Search,900,1,0.8,2\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const error = dialog.locator('.gs-error');
  await until(() => error.isVisible(), 3000, 'the import error');
  const items = await error.locator('li').allTextContents();
  // Matched by the warning's code and suggestion, not by the message's words.
  const first = await error.locator('li').first().evaluate((li) => [li.dataset.code, li.dataset.suggestion]);
  assert.deepEqual(first, ['unknown_field', 'impact'], 'the column first');
  assert.match(items[0], /impcat.*impact/, 'the column as written and the one meant');
  assert.equal(items.filter((t) => /impcat/.test(t)).length, 1, 'once, not once per row');
  await page.context().close();
});

test('the widget says what it does: a withdrawn preview, a replaced scenario, all weights at 0', async () => {
  const page = await openDemo();
  // Import: text typed after a preview is not what "Replace the data" would load.
  await backlog(page).getByRole('button', { name: 'Import / export…' }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Import / export' });
  const paste = dialog.getByLabel('or paste it here');
  await paste.fill('id,title,reach,impact,confidence,effort\nsso,Single sign-on,3000,2,0.5,5\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const replace = dialog.getByRole('button', { name: 'Replace the data' });
  await until(() => replace.isEnabled(), 3000, 'the preview');
  await paste.press('End');
  await paste.type('x');
  assert.equal(await replace.isDisabled(), true, 'the preview is withdrawn');
  await page.keyboard.press('Escape');
  // Scenarios: saving under a name that exists says it replaced it.
  const status = backlog(page).locator('.gs-status');
  for (const expected of [/^Saved scenario “Plan”/, /^Replaced scenario “Plan”/]) {
    await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
    const scenarios = backlog(page).getByRole('dialog');
    await scenarios.getByLabel('Save the current view as').fill('Plan');
    await scenarios.getByRole('button', { name: 'Save' }).click();
    await until(async () => expected.test(await status.textContent()), 3000, String(expected));
    await page.keyboard.press('Escape');
  }
  // Weighted scorecard with every weight at 0: no pretend ranking without a word.
  await chooseModel(page, 'weighted');
  for (const slider of await backlog(page).getByRole('slider').all()) {
    await slider.focus();
    await page.keyboard.press('Home');
  }
  await until(async () => /Every weight is 0/.test(await status.textContent()), 3000, 'the all-zero notice');
  await page.context().close();
});

test('broken JSON given to load() is refused with its line; the data stays', async () => {
  const page = await openDemo();
  const before = await titles(page);
  await page.evaluate(() => {
    window.__changes = 0;
    document.querySelector('#backlog').addEventListener('gapscore-change', () => window.__changes++);
  });
  const ok = await page.evaluate(() => document.querySelector('#backlog').load('{"format": "gapscore/1",\n "items": [ {"id": "a",, } ]}'));
  assert.equal(ok, false);
  const error = backlog(page).locator('.gs-error').first();
  await until(() => error.isVisible(), 3000, 'the error');
  assert.match(await error.textContent(), /line 2/);
  assert.match(await error.textContent(), /unchanged/);
  assert.deepEqual(await titles(page), before);
  // Not a document at all: refused too, never a quiet reset to the page's data.
  const odd = await page.evaluate(async () => {
    const el = document.querySelector('#backlog');
    const cyclic = { format: 'gapscore/1' };
    cyclic.self = cyclic;
    return [await el.load(undefined), await el.load(42), await el.load(cyclic)];
  });
  assert.deepEqual(odd, [false, false, false]);
  assert.deepEqual(await titles(page), before);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.__changes), 0, 'a refused load changes nothing, so it fires no gapscore-change');
  // A good document through the same API works, and fires gapscore-change with the order.
  const detail = await page.evaluate(async () => {
    const el = document.querySelector('#backlog');
    const got = new Promise((r) => el.addEventListener('gapscore-change', (e) => r(e.detail), { once: true }));
    await el.load({ format: 'gapscore/1', model: 'rice', items: [
      { id: 'x', title: 'X', reach: 1, impact: 1, confidence: 1, effort: 1 },
      { id: 'y', title: 'Y', reach: 5, impact: 1, confidence: 1, effort: 1 } ] });
    return got;
  });
  assert.deepEqual(detail, { model: 'rice', order: ['y', 'x'] });
  assert.equal(await page.evaluate(() => document.querySelector('#backlog').document.items.length), 2);
  await page.context().close();
});

test('a missing src file says so, naming the file', async () => {
  const page = await newPage(env.browser);
  await page.route(`${env.base}/demo/missing-test.html`, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="../dist/gapscore-widget.js"></script><gap-score src="no-such-backlog.json"></gap-score>' }),
  );
  await page.goto(`${env.base}/demo/missing-test.html`);
  const error = page.locator('gap-score .gs-error');
  await until(() => error.isVisible(), 10000, 'the load error');
  const text = await error.textContent();
  assert.match(text, /no-such-backlog\.json/);
  assert.match(text, /404/);
  await page.context().close();
});

test('two widgets on one page stay independent', async () => {
  const page = await openDemo();
  await widget(page, '#gaps');
  const gapsModel = () => page.evaluate(() => document.querySelector('#gaps').shadowRoot.querySelector('#gs-model').value);
  const gapsTab = () => page.locator('#gaps').getByRole('tab', { selected: true }).textContent();
  const gapsPanel = () => page.locator('#gaps').locator('[role=tabpanel]:not([hidden])').textContent();
  const before = [await gapsModel(), await gapsTab(), await gapsPanel()];
  await chooseModel(page, 'weighted');
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', weights: { user_value: await sliderValue(page, 'User value') } }));
  assert.deepEqual([await gapsModel(), await gapsTab(), await gapsPanel()], before, 'the other widget’s model, view and content are unchanged');
  assert.ok(['Opportunity landscape', 'Value vs effort'].includes(before[1]), 'the second widget opens on its gap (or matrix) view');
  assert.ok(await page.locator('#gaps').getByRole('button', { name: /Undo/ }).isDisabled(), 'the other widget has nothing to undo');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['gapscore:id:backlog'], 'one storage entry, for the widget that changed (the other is read-only)');
  await page.context().close();
});

test('the explanation dialog: opens on click and Enter, explains, edits, and gives focus back', async () => {
  const page = await openDemo();
  await backlog(page).getByRole('button', { name: 'Hand-washing alert', exact: true }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Hand-washing alert' });
  await until(() => dialog.isVisible(), 3000, 'the dialog');
  const text = await dialog.textContent();
  assert.match(text, /Rank 1 of 30/);
  assert.match(text, /reach × impact × confidence \/ effort/);
  assert.match(text, /480000 × 1 × 0.8 \/ 1 = 384000/, 'the engine’s computation, term by term');
  await dialog.getByRole('textbox', { name: 'Effort' }).fill('4');
  await dialog.getByRole('textbox', { name: 'Effort' }).press('Enter');
  await until(async () => /Rank [2-9]\d* of 30/.test(await dialog.textContent()), 3000, 'the new rank in the dialog');
  await page.keyboard.press('Escape');
  await until(async () => !(await dialog.isVisible()), 3000, 'the dialog to close');
  const focusedText = await page.evaluate(() => document.querySelector('#backlog').shadowRoot.activeElement?.textContent);
  assert.equal(focusedText, 'Hand-washing alert', 'focus returns to the row that opened it');
  await page.screenshot({ path: shot('explain-after.png') });
  await page.context().close();
});

test('what-if vs baseline lists who entered and left the top N', async () => {
  const page = await openDemo();
  await chooseModel(page, 'weighted');
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft'); // user value 5 -> 0
  await backlog(page).getByRole('tab', { name: 'What-if vs baseline' }).click();
  const view = backlog(page).locator('.gs-compare');
  await until(async () => /entered the top 10/.test(await view.textContent()), 3000, 'the comparison');
  const text = await view.textContent();
  assert.match(text, /left the top 10/);
  assert.match(text, /User value: 5 → 0/);
  await backlog(page).screenshot({ path: shot('widget-compare.png') });
  // Save it as a scenario, reset, and compare the baseline with the saved scenario.
  await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Scenarios' });
  await dialog.getByLabel('Save the current view as').fill('No user value');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await until(async () => /No user value/.test(await dialog.textContent()), 3000, 'the saved scenario');
  await page.keyboard.press('Escape');
  await backlog(page).getByRole('button', { name: 'Reset' }).click();
  await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
  await dialog.getByRole('button', { name: 'Load scenario No user value' }).click();
  await until(async () => (await sliderValue(page, 'User value')) === 0, 3000, 'the scenario’s weight');
  await page.context().close();
});

test('export: the scenario as JSON (edits included) and the ranking as CSV', async () => {
  const page = await openDemo();
  const input = backlog(page).getByRole('textbox', { name: 'Effort of Dark mode' });
  await input.fill('0.5');
  await input.press('Enter');
  await expectOrder(page, await engineTitles(HEALTH, { fields: [['dark-mode', 'effort', 0.5]] }));
  await backlog(page).getByRole('button', { name: 'Import / export…' }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Import / export' });
  const [json] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download JSON (scenario)' }).click()]);
  assert.match(json.suggestedFilename(), /\.json$/);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(doc.items.find((it) => it.id === 'dark-mode').effort, 0.5, 'the edit is in the exported document');
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV (ranking)' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  assert.match(lines[0], /^rank,id,title,score/);
  assert.equal(lines.length, 31, 'a header and 30 items');
  await page.context().close();
});
