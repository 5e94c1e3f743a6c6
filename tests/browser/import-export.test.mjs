// Import and export: a CSV with only WSJF inputs is accepted and ranked by WSJF; a bad CSV
// names the line and column (a misspelt column once) and leaves the data, a good one replaces
// it (undoable); the scenario exports as JSON with its edits and the ranking as CSV, which
// lists every item even when the document sets a top N.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, newPage, widget, titles, demoText, until, serveHtml, openAt, inlineWidget, engineTitles, openDemo, backlog, expectOrder } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json'); // 10 items, "top": 5
const HEALTH = demoText('health-app.json');

test('a CSV with only WSJF inputs is imported, and ranked by WSJF', async () => {
  const page = await newPage(env.browser);
  await openAt(env, page, '/demo/import-wsjf.html', inlineWidget(JSON.parse(SAMPLE)));
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

test('the CSV export has every item, also when the document sets a top N', async () => {
  const page = await newPage(env.browser, { acceptDownloads: true });
  await serveHtml(env, page, '/demo/export-top.html', '<gap-score src="widget-sample.json"></gap-score>');
  await widget(page);
  await page.getByRole('button', { name: /Import \/ export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV (ranking)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv.length, 1 + JSON.parse(SAMPLE).items.length);
  await page.context().close();
});

test('a bad CSV shows the line and column, and the data stays; a good one replaces it (undoable)', async () => {
  const page = await openDemo(env);
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
  const page = await openDemo(env);
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

test('export: the scenario as JSON (edits included) and the ranking as CSV', async () => {
  const page = await openDemo(env);
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
