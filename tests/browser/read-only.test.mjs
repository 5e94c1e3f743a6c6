// A read-only widget (the readonly attribute, or readOnly set from JavaScript): a share link
// or a saved scenario brings its model and weights but never its data, nothing is stored,
// and switching it off starts again from the saved edits without the read-only visit's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, titles, engineTitles, demoText, until, serveHtml, openAt, inlineWidget, typeEstimate, savedEdits } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json'); // 10 items, "top": 5

test('a share link cannot change the data of a read-only widget: only its model and weights apply', async () => {
  const sender = await newPage(env.browser);
  await serveHtml(env, sender, '/demo/share-edit.html', '<gap-score id="w" src="widget-sample.json"></gap-score>');
  await widget(sender);
  const doc = JSON.parse(SAMPLE);
  const last = doc.items.at(-1);
  const input = sender.getByRole('textbox', { name: `Reach of ${last.title}` });
  await typeEstimate(input, '99999999');
  await sender.getByLabel('Model').selectOption('rice');
  await until(async () => (await titles(sender))[0] === last.title, 5000, 'the forged item on top for the sender');
  await sender.getByRole('button', { name: 'Share link' }).click();
  await until(async () => sender.url().includes('#gs-'), 3000, 'the link');
  const fragment = new URL(sender.url()).hash;
  await sender.context().close();

  const reader = await newPage(env.browser);
  await serveHtml(env, reader, '/demo/share-readonly.html', '<gap-score id="w" src="widget-sample.json" readonly></gap-score>', fragment);
  await widget(reader);
  // The link's model (RICE) applies; its estimate does not.
  await until(async () => JSON.stringify(await titles(reader)) === JSON.stringify(await engineTitles(SAMPLE, { model: 'rice' })), 5000, 'the page’s own data under the link’s model');
  assert.match(await reader.locator('gap-score').locator('.gs-status').textContent(), /read-only/);
  assert.deepEqual(reader.problems, []);
  await reader.context().close();
});

test('switching readonly off starts from the saved edits, without the read-only visit’s undo steps', async () => {
  const page = await newPage(env.browser);
  await serveHtml(env, page, '/demo/ro.html', '<gap-score id="ro" src="widget-sample.json"></gap-score>');
  await widget(page);
  const items = JSON.parse(SAMPLE).items;
  const effort = page.getByRole('textbox', { name: `Effort of ${items[0].title}` });
  await typeEstimate(effort, '40');
  await until(async () => (await savedEdits(page, 'id:ro'))?.fields[items[0].id]?.effort === 40, 3000, 'the edit saved');
  // The same widget on a read-only page: it neither reads nor writes storage; a model change
  // there is an undo step of that visit only.
  await serveHtml(env, page, '/demo/ro-readonly.html', '<gap-score id="ro" src="widget-sample.json" readonly></gap-score>');
  await widget(page);
  await page.getByLabel('Model').selectOption('weighted');
  const undo = page.locator('gap-score').getByRole('button', { name: /Undo/ });
  await until(async () => !(await undo.isDisabled()), 3000, 'an undo step in the read-only visit');
  await page.evaluate(() => document.querySelector('gap-score').removeAttribute('readonly'));
  await until(async () => (await page.evaluate(() => document.querySelector('gap-score').document?.items[0].effort)) === 40, 5000, 'the saved edit loaded');
  assert.ok(await undo.isDisabled(), 'no undo step from the read-only visit survives (an Undo would save over the edit)');
  const other = page.getByRole('textbox', { name: `Effort of ${items[1].title}` });
  await typeEstimate(other, '30');
  await until(async () => (await savedEdits(page, 'id:ro'))?.fields[items[1].id]?.effort === 30, 3000, 'the second edit saved');
  const saved = await savedEdits(page, 'id:ro');
  assert.equal(saved.fields[items[0].id].effort, 40, 'the first edit is still saved');
  await page.context().close();
});

test('readOnly switched on from JavaScript: a saved scenario brings its model and weights, not its data; Undo is gone', async () => {
  const doc = JSON.parse(SAMPLE);
  const page = await newPage(env.browser);
  await openAt(env, page, '/demo/ro-later.html', inlineWidget(doc, 'id="later"'));
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
