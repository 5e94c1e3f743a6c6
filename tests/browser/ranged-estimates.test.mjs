// An estimate given as a range keeps its range when a number is typed over it (issue 19,
// item 5): the number is the range's likely value, the engine refuses one outside low..high
// and says why, and the field's name and note say it is the likely value of a range. Typed
// and applied with Enter, as a person does; the document the widget holds is checked, and
// again after a reload (the saved edit replays onto the range).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, backlog, until, typeEstimate, widget } from './harness.mjs';

const env = useBrowser();

/** The symptom checker's effort in the document the widget holds (demo: 4, likely 6, 10). */
const effortInDocument = (page) =>
  page.evaluate(() => document.querySelector('#backlog').document.items.find((it) => it.id === 'symptom-checker-v2').effort);

test('typing into a ranged estimate changes its likely value and keeps the range', async () => {
  const page = await openDemo(env);
  const field = backlog(page).getByRole('textbox', { name: 'Effort of Symptom checker with COVID-19 triage, likely value of the range 4 to 10' });
  assert.equal(await field.inputValue(), '6');
  const cell = field.locator('xpath=..');
  assert.match(await cell.textContent(), /likely \(4–10\)/, 'the field says it is the likely value of 4–10');

  await typeEstimate(field, '5');
  await until(async () => (await effortInDocument(page))?.likely === 5, 3000, 'likely 5 in the document');
  assert.deepEqual(await effortInDocument(page), { low: 4, likely: 5, high: 10 }, 'the range stays');
  assert.match(await backlog(page).locator('.gs-status').first().textContent(), /Effort 5 \(likely value; the range 4–10 stays\)/);

  // Outside the range: refused with the engine's reason, the range and its likely value kept.
  await typeEstimate(field, '12');
  await until(async () => (await field.evaluate((el) => el.validationMessage)) !== '', 3000, 'the refusal on the field');
  assert.equal(await field.inputValue(), '5', 'the field shows the value in force again');
  const why = await field.evaluate((el) => el.validationMessage);
  assert.match(why, /likely value of the range 4–10 must lie within it \(got 12\); the range is kept/);
  assert.match(await backlog(page).locator('.gs-error').textContent(), /the range is kept/);
  assert.deepEqual(await effortInDocument(page), { low: 4, likely: 5, high: 10 });

  // A reload replays the saved edit onto the page's range.
  await page.reload();
  await widget(page, '#backlog');
  await until(async () => (await effortInDocument(page))?.likely === 5, 5000, 'the saved likely value after a reload');
  assert.deepEqual(await effortInDocument(page), { low: 4, likely: 5, high: 10 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
