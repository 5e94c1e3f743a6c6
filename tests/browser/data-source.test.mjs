// Where a widget's data comes from and where its edits are kept: a src set late (after a
// failed load, or right after a script adds the element) loads the file; two pages whose data
// files share a name keep their edits apart (the key is the file's path); edits saved under
// the src key of earlier versions are found again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, titles, engineTitles, demoText, until, serveHtml, openAt } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json');

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
