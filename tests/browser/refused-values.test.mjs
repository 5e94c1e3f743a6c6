// A refused value (issue 19, item 5): after the engine refused one value ("(got -1)"), typing
// something that is not a number says that, in the message box and the live region, instead
// of leaving the older refusal's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, backlog, until, typeEstimate } from './harness.mjs';

const env = useBrowser();

test('the message box says the latest refusal, not an older one', async () => {
  const page = await openDemo(env);
  const effort = backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' });
  const box = backlog(page).locator('.gs-error');
  await typeEstimate(effort, '-1');
  await until(() => box.isVisible(), 3000, 'the engine’s refusal');
  const first = await box.textContent();
  assert.match(first, /-1/, 'the engine’s message names the value');
  await typeEstimate(effort, 'abc');
  await until(async () => /must be a number/.test(await box.textContent()), 3000, 'the new refusal');
  assert.doesNotMatch(await box.textContent(), /got -1/, 'the older refusal is gone');
  assert.match(await box.textContent(), /Effort of Medication reminders: must be a number/);
  const live = backlog(page).locator('[part=announcer]');
  await until(async () => /Not applied: Effort of Medication reminders: must be a number/.test(await live.textContent()), 3000, 'the live region');
  await page.context().close();
});

// The other way round (a black-box review): "abc" and then -1. The engine's refusal of -1 left
// the status line and the live region saying "must be a number" about a value that is one.
test('the status line and the live region say the engine’s refusal after a field’s own', async () => {
  const page = await openDemo(env);
  const effort = backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' });
  const status = backlog(page).locator('.gs-status');
  const live = backlog(page).locator('[part=announcer]');
  await typeEstimate(effort, 'abc');
  await until(async () => /must be a number/.test(await status.textContent()), 3000, 'the field’s refusal');
  await typeEstimate(effort, '-1');
  await until(async () => /got -1/.test(await status.textContent()), 3000, 'the engine’s refusal in the status');
  assert.doesNotMatch(await status.textContent(), /must be a number/);
  assert.match(await status.textContent(), /^Not applied: Effort of Medication reminders: /);
  await until(async () => /got -1/.test(await live.textContent()), 3000, 'and in the live region');
  await page.context().close();
});
