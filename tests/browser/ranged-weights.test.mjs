// A criterion weight given as a range keeps its range when its slider moves, as a ranged
// estimate does when a number is typed over it (ranged-estimates.test.mjs): the slider moves
// the range's likely value, so a simulation still draws the weight from low..high, and stops
// at the range's ends; a weight set beyond the range is refused with the engine's reason; the label and the slider's value
// text say it is the likely value of a range. Driven with the keyboard, as a person does;
// the document the widget holds is checked, and again after a reload (the saved edit replays
// onto the range).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, pageWithDocument, until, widget } from './harness.mjs';

const env = useBrowser();

const DOC = {
  format: 'gapscore/1',
  title: 'Ranged weight',
  model: 'weighted',
  criteria: [
    { id: 'users', name: 'Users reached', weight: { low: 2, likely: 3, high: 6 } },
    { id: 'revenue', name: 'Revenue', weight: 2 },
  ],
  items: [
    { id: 'wash', title: 'Hand-washing alert', scores: { users: 9, revenue: 2 } },
    { id: 'sso', title: 'Single sign-on', scores: { users: 5, revenue: 8 } },
    { id: 'dark', title: 'Dark mode', scores: { users: 6, revenue: 1 } },
  ],
  // Weight sets ("Weigh it like"): Sales's 8 lies beyond the range 2–6, Support's 4 within it.
  stakeholders: [
    { id: 'sales', name: 'Sales', weights: { users: 8, revenue: 1 } },
    { id: 'support', name: 'Support', weights: { users: 4, revenue: 3 } },
  ],
};

const weightInDocument = (page) => page.evaluate(() => document.querySelector('gap-score').document.criteria[0].weight);

test('moving the slider of a ranged weight changes its likely value and keeps the range', async () => {
  const page = await pageWithDocument(env, '/demo/ranged-weight.html', JSON.stringify(DOC), 'storage-key="ranged-weight"');
  const w = page.locator('gap-score');
  const slider = w.getByRole('slider', { name: /Users reached/ });
  assert.match(await w.locator('.gs-slider').first().textContent(), /range 2–6/, 'the label names the range');
  assert.match(await slider.getAttribute('aria-valuetext'), /^3 \(likely value of the range 2–6\)/);

  await slider.focus();
  await page.keyboard.press('ArrowRight'); // one round step on the 0–10 scale: 3.5
  await until(async () => (await weightInDocument(page))?.likely === 3.5, 3000, 'likely 3.5 in the document');
  assert.deepEqual(await weightInDocument(page), { low: 2, likely: 3.5, high: 6 }, 'the range stays');
  assert.match(await slider.getAttribute('aria-valuetext'), /^3\.5 \(likely value of the range 2–6\)/);

  // The slider keeps the common 0–10 scale but stops at the range's ends: End is its high,
  // Home its low, never a weight the engine would refuse (End went to 10 and was refused).
  await page.keyboard.press('End');
  await until(async () => (await weightInDocument(page))?.likely === 6, 3000, 'likely 6, the range’s high');
  assert.equal(Number(await slider.inputValue()), 6);
  await page.keyboard.press('Home');
  await until(async () => (await weightInDocument(page))?.likely === 2, 3000, 'likely 2, the range’s low');
  await page.keyboard.press('ArrowRight'); // from 2 to the next round step
  await until(async () => (await weightInDocument(page))?.likely === 2.5, 3000, 'likely 2.5');
  assert.equal(await w.locator('.gs-error').first().isVisible(), false, 'nothing refused');

  // A reload replays the saved edit onto the page's range.
  await page.reload();
  await widget(page);
  await until(async () => (await weightInDocument(page))?.likely === 2.5, 5000, 'the saved likely value after a reload');
  assert.deepEqual(await weightInDocument(page), { low: 2, likely: 2.5, high: 6 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a weight set beyond a ranged weight is refused whole, with the engine’s reason; one within it keeps the range', async () => {
  const page = await pageWithDocument(env, '/demo/ranged-weight-sets.html', JSON.stringify(DOC));
  const w = page.locator('gap-score');
  const menu = w.getByLabel('Weigh it like');
  const revenue = w.getByRole('slider', { name: /Revenue/ });
  await menu.selectOption({ label: 'Sales' });
  await until(async () => /got 8\); the range is kept/.test((await w.locator('.gs-error').first().textContent()) ?? ''), 3000, 'the engine’s refusal');
  // Nothing of the set was applied: Revenue's weight did not become Sales's 1.
  assert.equal(Number(await revenue.inputValue()), 2);
  assert.deepEqual(await weightInDocument(page), { low: 2, likely: 3, high: 6 });
  assert.equal(await w.getByRole('button', { name: /Undo/ }).isDisabled(), true, 'nothing recorded to undo');

  await menu.selectOption({ label: 'Support' });
  await until(async () => (await weightInDocument(page))?.likely === 4, 3000, 'Support’s weights');
  assert.deepEqual(await weightInDocument(page), { low: 2, likely: 4, high: 6 }, 'the range stays');
  assert.equal(Number(await revenue.inputValue()), 3);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('with "weights_from": "ahp" the weight in use is the AHP priority: no range is claimed for it', async () => {
  const doc = { ...DOC, stakeholders: undefined, weights_from: 'ahp', ahp: { criteria: ['users', 'revenue'], comparisons: [['users', 'revenue', 3]] } };
  const page = await pageWithDocument(env, '/demo/ranged-weight-ahp.html', JSON.stringify(doc));
  const w = page.locator('gap-score');
  const slider = w.getByRole('slider', { name: /Users reached/ });
  assert.doesNotMatch(await w.locator('.gs-slider').first().textContent(), /range/);
  assert.doesNotMatch(await slider.getAttribute('aria-valuetext'), /range/);
  assert.match(await slider.getAttribute('aria-valuetext'), /^0\.75, 75 %/, 'the AHP priority 0.75');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
