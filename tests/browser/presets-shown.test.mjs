// "Weigh it like" shows which weights are in force (issue 19, item 5): the document's at first,
// a preset once chosen, "choose…" once a slider moves away from it, and the preset again after
// Undo. By keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, backlog, chooseModel, until } from './harness.mjs';

const env = useBrowser();

test('“Weigh it like” names the preset in force, and “choose…” when the weights are someone’s own', async () => {
  const page = await openDemo(env);
  await chooseModel(page, 'weighted');
  const menu = backlog(page).getByLabel('Weigh it like');
  const shown = () => menu.evaluate((s) => s.selectedOptions[0]?.textContent ?? '');
  await until(async () => (await shown()) === 'the document', 3000, 'the document’s weights shown as such');
  const options = await menu.locator('option').allTextContents();
  const preset = options.find((o) => o !== 'choose…' && o !== 'the document');
  assert.ok(preset, `the demo has a weight set (${options.join(', ')})`);
  await menu.selectOption({ label: preset });
  await until(async () => (await shown()) === preset, 3000, 'the preset shown as in force');
  const slider = backlog(page).getByRole('slider').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await until(async () => (await shown()) === 'choose…', 3000, 'own weights: no preset');
  await page.keyboard.press('Control+z');
  await until(async () => (await shown()) === preset, 3000, 'Undo: the preset again');
  await page.context().close();
});
