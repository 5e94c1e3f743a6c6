// Saved scenarios and what-if against the baseline on the demo page: comparing with a scenario
// names it (and the model it was saved under), deleting it goes back to the baseline; the
// what-if view lists who entered and left the top N, and a saved scenario loads again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, shot, until, openDemo, backlog, chooseModel, sliderValue } from './harness.mjs';

const env = useBrowser();

test('comparing with a scenario names it, and says when it was saved under another model', async () => {
  const page = await openDemo(env);
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

test('what-if vs baseline lists who entered and left the top N', async () => {
  const page = await openDemo(env);
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
