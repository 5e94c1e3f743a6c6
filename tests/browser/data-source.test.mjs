// Where a widget's data comes from and where its edits are kept: a src set late (after a
// failed load, or right after a script adds the element) loads the file; two pages whose data
// files share a name keep their edits apart (the key is the file's path); edits saved under
// the src key of earlier versions are found again; edits survive a reload and Reset goes back
// to the page's data; saved edits it cannot read are set aside with a message; broken JSON
// given to load() and a missing src file are refused with the reason, and the data stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, titles, engineTitles, demoText, until, serveHtml, openAt, shot, openDemo, backlog, chooseModel, sliderValue, expectOrder } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json');
const HEALTH = demoText('health-app.json');

test('src set after a failed load, or right after the element is added, loads the file', async () => {
  const page = await newPage(env.browser);
  await serveHtml(env, page, '/demo/late-src.html', '<gap-score id="late" src="no-such-file.json"></gap-score>');
  await widget(page);
  assert.match(await page.locator('#late').locator('.gs-error').textContent(), /no-such-file/);
  await page.evaluate(() => (document.querySelector('#late').src = 'widget-sample.json'));
  await until(async () => (await titles(page, '#late')).length > 0, 5000, 'the new src loaded');
  await page.evaluate(() => {
    const el = document.createElement('gap-score');
    el.id = 'made';
    document.body.append(el);
    el.setAttribute('src', 'widget-sample.json');
  });
  await until(async () => (await titles(page, '#made')).length > 0, 5000, 'the script-made widget loaded its src');
  assert.equal(await page.locator('#made').locator('.gs-error').isVisible(), false);
  page.problems = page.problems.filter((p) => !/404|no-such-file/.test(p)); // the missing file was on purpose
  assert.deepEqual(page.problems, []);
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
  await openAt(env, page, '/demo/team-a/q3.html', '<gap-score src="backlog.json"></gap-score>');
  const last = a.items.at(-1);
  const input = page.locator('gap-score').getByRole('textbox', { name: `Reach of ${last.title}` });
  await input.fill('99999999');
  await input.press('Enter');
  await until(async () => (await titles(page))[0] === last.title, 5000, 'the edit on team A');
  await until(async () => (await page.evaluate(() => Object.keys(localStorage))).some((k) => k.includes('/demo/team-a/backlog.json')), 3000, 'saved under team A’s path');

  await openAt(env, page, '/demo/team-b/q3.html', '<gap-score src="backlog.json"></gap-score>');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(JSON.stringify(b))), 5000, 'team B’s own, unedited ranking');
  assert.ok(await page.locator('gap-score').getByRole('button', { name: /Undo/ }).isDisabled());
  await context.close();
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
  await openAt(env, page, '/demo/legacy/q3.html', '<gap-score src="backlog.json"></gap-score>');
  await until(async () => (await titles(page))[0] === last.title, 5000, 'the saved edit applied');
  await context.close();
});

test('edits survive a reload; Reset goes back to the page’s data', async () => {
  const page = await openDemo(env);
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
  // The tools' Reset (the note "Showing your saved edits · Reset" has one too).
  await backlog(page).getByRole('group', { name: /Scenario tools/ }).getByRole('button', { name: 'Reset' }).click();
  await expectOrder(page, await engineTitles(HEALTH));
  await page.reload();
  await widget(page, '#backlog');
  await expectOrder(page, await engineTitles(HEALTH), '#backlog', 'the page’s data after Reset and reload');
  await page.context().close();
});

// Issue 9, §6: stored data the widget cannot read is refused with a message and set aside,
// never dropped in silence; entries from before the storage had a version are read.
test('saved edits it cannot read are refused with a message and kept aside; old entries still load', async () => {
  const page = await openDemo(env);
  const key = 'gapscore:id:backlog';
  const expectRefused = async (stored, why, aside = `${key}:set-aside`) => {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, stored]);
    await page.reload();
    await widget(page, '#backlog');
    const error = backlog(page).locator('.gs-error');
    await until(() => error.isVisible(), 5000, 'the message about the saved edits');
    const text = await error.textContent();
    assert.match(text, /Your saved edits could not be used/);
    assert.match(text, why);
    assert.ok(text.includes(`“${aside}”`), `${text} names ${aside}`);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), aside), stored, 'kept, byte for byte');
    await expectOrder(page, await engineTitles(HEALTH), '#backlog', 'the page’s data');
  };
  await expectRefused('{"state": {"weights": {"user_value": 9}', /damaged \(not JSON\)/);
  await backlog(page).locator('.gs-error').screenshot({ path: shot('stored-edits-refused.png') });
  // A second entry set aside takes the next free name: the first is someone's edits too.
  await expectRefused(
    JSON.stringify({ version: 99, state: { weights: { user_value: 9 } }, scenarios: {} }),
    /newer version of the widget \(format 99; this one reads format 2\)/,
    `${key}:set-aside:2`,
  );
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${key}:set-aside`), '{"state": {"weights": {"user_value": 9}', 'the first kept');

  // An entry written before entries had a version: read as version 1, and saved as version 2
  // (each value stamped) with its edits kept.
  const oldEntry = { state: { document: null, model: 'weighted', weights: { strategic_fit: 9 }, fields: {}, scores: {} }, scenarios: {} };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(oldEntry)]);
  await page.reload();
  await widget(page, '#backlog');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', weights: { strategic_fit: 9 } }), '#backlog', 'the old entry’s edits');
  assert.equal(await backlog(page).locator('.gs-error').isVisible(), false);
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await until(async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key) ?? '{}').version === 2, 3000, 'the entry saved with its version');
  const migrated = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  assert.equal(migrated.edits.weights.strategic_fit.v, 9, 'the old entry’s weight, kept');
  assert.equal(migrated.edits.model.v, 'weighted');
  assert.equal(typeof migrated.edits.weights.user_value.v, 'number', 'the new edit, stamped');
  assert.ok(migrated.edits.weights.user_value.t > migrated.edits.weights.strategic_fit.t, 'written after the migrated values (stamped 0)');
  await page.context().close();
});

test('broken JSON given to load() is refused with its line; the data stays', async () => {
  const page = await openDemo(env);
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
