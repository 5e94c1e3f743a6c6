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
