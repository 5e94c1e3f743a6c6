// The demo page (demo/index.html) as people use it, in headless Chromium (issue 8, §6): the
// ranking shown is the engine's (and the README screenshots are taken), keyboard focus stays
// put while the table re-ranks, the status line says what the widget did, two widgets on one
// page stay independent, and the explanation dialog explains and edits. Sliders, estimates,
// import and export, saved edits, share links and scenarios on the same page are tested in
// the files named for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, widget, titles, shot, engineTitles, demoText, until, root, openDemo, backlog, chooseModel, sliderValue, expectOrder, SHOWN, pageWithDocument } from './harness.mjs';

const env = useBrowser();
const HEALTH = demoText('health-app.json');

test('the demo shows the engine’s ranking, and the screenshot is taken', async () => {
  const page = await openDemo(env);
  const expected = await engineTitles(HEALTH); // the document's model (RICE)
  await expectOrder(page, expected);
  assert.equal((await titles(page)).length, SHOWN);
  assert.equal(await backlog(page).locator('h2').first().textContent(), 'Q3 priorities for the health app');
  await page.screenshot({ path: shot('demo-index.png'), fullPage: true });
  // The README screenshot: the weighted model after a stakeholder lowered "User value".
  await chooseModel(page, 'weighted');
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await slider.evaluate((el) => el.blur()); // no focus ring in the picture
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', weights: { user_value: 2 } }));
  await backlog(page).screenshot({ path: shot('widget-backlog.png') });
  mkdirSync(resolve(root, 'docs'), { recursive: true });
  copyFileSync(shot('widget-backlog.png'), resolve(root, 'docs/screenshot.png'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await backlog(page).screenshot({ path: shot('widget-backlog-dark.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard focus stays on the item while the table re-ranks, and through an undo that rebuilds it', async () => {
  const page = await openDemo(env);
  const active = () => page.evaluate(() => document.querySelector('#backlog').shadowRoot.activeElement?.getAttribute('aria-label') ?? document.querySelector('#backlog').shadowRoot.activeElement?.textContent ?? null);
  const effort = backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' });
  const rankBefore = (await titles(page)).indexOf('Medication reminders');
  await effort.fill('0.25');
  await effort.press('Enter');
  await until(async () => (await titles(page)).indexOf('Medication reminders') !== rankBefore, 3000, 'the row to move');
  assert.equal(await active(), 'Effort of Medication reminders', 'focus stays in the moved row’s input');
  // Undo from the keyboard with focus on a title: the rebuilt table gets focus back.
  const first = (await titles(page))[0];
  await backlog(page).getByRole('button', { name: first, exact: true }).focus();
  await page.keyboard.press('Control+z');
  await until(async () => (await titles(page)).indexOf('Medication reminders') === rankBefore, 3000, 'the undo');
  assert.equal(await active(), first, 'focus on the same item’s title after the undo');
  await page.keyboard.press('Control+Shift+z');
  await until(async () => (await titles(page)).indexOf('Medication reminders') !== rankBefore, 3000, 'the redo, from the keyboard');
  // Undo until there is nothing left: focus stays in the tools, not on the page.
  const undo = backlog(page).getByRole('button', { name: /Undo/ });
  await undo.focus();
  await page.keyboard.press('Enter');
  await until(() => undo.isDisabled(), 3000, 'nothing left to undo');
  assert.notEqual(await active(), null, 'focus is still inside the widget');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the widget says what it does: a withdrawn preview, a replaced scenario', async () => {
  const page = await openDemo(env);
  // Import: text typed after a preview is not what "Replace the data" would load.
  await backlog(page).getByRole('button', { name: 'Import / export…' }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Import / export' });
  const paste = dialog.getByLabel('or paste it here');
  await paste.fill('id,title,reach,impact,confidence,effort\nsso,Single sign-on,3000,2,0.5,5\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const replace = dialog.getByRole('button', { name: 'Replace the data' });
  await until(() => replace.isEnabled(), 3000, 'the preview');
  await paste.press('End');
  await paste.type('x');
  assert.equal(await replace.isDisabled(), true, 'the preview is withdrawn');
  await page.keyboard.press('Escape');
  // Scenarios: a name that exists is replaced only when the reader confirms (the first Save
  // asks), and the status says it replaced it.
  const status = backlog(page).locator('.gs-status');
  for (const expected of [/^Saved scenario “Plan”/, /^Replaced scenario “Plan”/]) {
    await backlog(page).getByRole('button', { name: 'Scenarios…' }).click();
    const scenarios = backlog(page).getByRole('dialog');
    await scenarios.getByLabel('Save the current view as').fill('Plan');
    await scenarios.getByRole('button', { name: 'Save' }).click();
    if (/Replaced/.test(String(expected))) {
      const ask = scenarios.getByRole('status');
      await until(async () => /A scenario called “Plan” is saved already/.test(await ask.textContent()), 3000, 'the question');
      assert.match(await status.textContent(), /^Saved scenario “Plan”/, 'nothing replaced yet');
      await scenarios.getByRole('button', { name: 'Replace' }).click();
    }
    await until(async () => expected.test(await status.textContent()), 3000, String(expected));
    await page.keyboard.press('Escape');
  }
  await page.context().close();
});

// The demo's compliance weight is a range (1–4), which a slider cannot leave (ranged-weights.test.mjs):
// the sample's weights are plain numbers.
test('the widget says what it does: all weights at 0', async () => {
  const page = await pageWithDocument(env, '/demo/all-weights-zero.html', demoText('widget-sample.json'));
  const w = page.locator('gap-score');
  const status = w.locator('.gs-status');
  // Weighted scorecard with every weight at 0: no pretend ranking without a word.
  await w.getByLabel('Model').selectOption('weighted');
  for (const slider of await w.getByRole('slider').all()) {
    await slider.focus();
    await page.keyboard.press('Home');
  }
  // The engine's own warning (describe's model warnings), not a rule the widget works out.
  await until(async () => /^every weight is 0: every item scores the same under Weighted scorecard/.test(await status.textContent()), 3000, 'the all-zero notice');
  await w.getByRole('slider').first().focus();
  await page.keyboard.press('ArrowRight');
  await until(async () => !/every weight is 0/.test(await status.textContent()), 3000, 'the notice taken back');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two widgets on one page stay independent', async () => {
  const page = await openDemo(env);
  await widget(page, '#gaps');
  const gapsModel = () => page.evaluate(() => document.querySelector('#gaps').shadowRoot.querySelector('#gs-model').value);
  const gapsTab = () => page.locator('#gaps').getByRole('tab', { selected: true }).textContent();
  const gapsPanel = () => page.locator('#gaps').locator('[role=tabpanel]:not([hidden])').textContent();
  // Its view drawn first: the split build's part for it may still be on its way ("Loading this
  // view…"), and arriving later is not a change the other widget made (it failed so under load).
  await until(async () => !/Loading this view/.test(await gapsPanel()), 20000, 'the second widget’s view drawn');
  const before = [await gapsModel(), await gapsTab(), await gapsPanel()];
  await chooseModel(page, 'weighted');
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted', weights: { user_value: await sliderValue(page, 'User value') } }));
  assert.deepEqual([await gapsModel(), await gapsTab(), await gapsPanel()], before, 'the other widget’s model, view and content are unchanged');
  assert.ok(['Opportunity landscape', 'Value vs effort'].includes(before[1]), 'the second widget opens on its gap (or matrix) view');
  assert.ok(await page.locator('#gaps').getByRole('button', { name: /Undo/ }).isDisabled(), 'the other widget has nothing to undo');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ['gapscore:id:backlog'], 'one storage entry, for the widget that changed (the other is read-only)');
  await page.context().close();
});

test('the explanation dialog: opens on click and Enter, explains, edits, and gives focus back', async () => {
  const page = await openDemo(env);
  await backlog(page).getByRole('button', { name: 'Hand-washing alert', exact: true }).click();
  const dialog = backlog(page).getByRole('dialog', { name: 'Hand-washing alert' });
  await until(() => dialog.isVisible(), 3000, 'the dialog');
  const text = await dialog.textContent();
  assert.match(text, /Rank 1 of 30/);
  assert.match(text, /reach × impact × confidence \/ effort/);
  assert.match(text, /480000 × 1 × 0.8 \/ 1 = 384000/, 'the engine’s computation, term by term');
  await dialog.getByRole('textbox', { name: 'Effort' }).fill('4');
  await dialog.getByRole('textbox', { name: 'Effort' }).press('Enter');
  await until(async () => /Rank [2-9]\d* of 30/.test(await dialog.textContent()), 3000, 'the new rank in the dialog');
  await page.keyboard.press('Escape');
  await until(async () => !(await dialog.isVisible()), 3000, 'the dialog to close');
  const focusedText = await page.evaluate(() => document.querySelector('#backlog').shadowRoot.activeElement?.textContent);
  assert.equal(focusedText, 'Hand-washing alert', 'focus returns to the row that opened it');
  await page.screenshot({ path: shot('explain-after.png') });
  await page.context().close();
});
