// Import and export beyond the demo's RICE data: a CSV with only WSJF inputs is accepted and
// ranked by WSJF, and the CSV export lists every item even when the document sets a top N.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, newPage, widget, titles, demoText, until, serveHtml, openAt, inlineWidget } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json'); // 10 items, "top": 5

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
