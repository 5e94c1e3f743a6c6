// The weight sliders: they show the weights in use (AHP priorities included) on a scale that
// follows the page's weights, a drag with the mouse or arrow keys re-rank live (Undo and Redo
// restore), and every gesture (a click on the track, arrow keys, also after Ctrl+Z) is one
// undoable step that is saved, which Undo takes back to the page's exact weight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, titles, engineTitles, demoText, until, serveHtml, openAt, inlineWidget, openDemo, backlog, chooseModel, sliderValue, expectOrder, SHOWN, savedEdits } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json'); // weighted criteria user_value 5, revenue 3, strategic_fit 2, cost 2
const HEALTH = demoText('health-app.json');

test('with weights_from "ahp" the sliders show the AHP priorities, and one step re-ranks as the engine does', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  doc.weights_from = 'ahp';
  doc.ahp = {
    criteria: ['user_value', 'revenue', 'strategic_fit', 'cost'],
    comparisons: [['user_value', 'revenue', 3], ['user_value', 'strategic_fit', 5], ['user_value', 'cost', 4], ['revenue', 'strategic_fit', 2], ['revenue', 'cost', 2], ['strategic_fit', 'cost', 1]],
  };
  const text = JSON.stringify(doc);
  const page = await newPage(env.browser);
  await openAt(env, page, '/demo/ahp-weights.html', inlineWidget(doc));
  const w = page.locator('gap-score');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(text)), 3000, 'the AHP-weighted order');
  const slider = w.getByRole('slider', { name: 'Strategic fit' });
  // The priority in use (a fraction), not the document's 2 that AHP replaces.
  const shown = Number(await slider.inputValue());
  assert.ok(shown > 0 && shown < 1, `the slider shows the AHP priority, got ${shown}`);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await until(async () => !(await w.getByRole('button', { name: /Undo/ }).isDisabled()), 3000, 'one undoable step');
  const after = Number(await slider.inputValue());
  assert.ok(Math.abs(after - shown - 0.01) < 0.0051, `one step of 0.01 on the 0..1 scale (from ${shown} to ${after})`);
  // The widget's order is the engine's for the document it now holds (the CLI's too).
  const current = await page.evaluate(() => JSON.stringify(document.querySelector('gap-score').document));
  assert.ok(!JSON.parse(current).weights_from, 'the hand-set weight replaces weights_from in the document');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(current)), 3000, 'the engine’s order for the exported document');
  const userValue = JSON.parse(current).criteria.find((c) => c.id === 'user_value').weight;
  assert.ok(userValue > 0 && userValue < 1, `the other weights stay the AHP priorities, not the document's 5 (got ${userValue})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a click on a slider’s track is one undoable step that is saved', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  const page = await newPage(env.browser);
  await openAt(env, page, '/demo/track-click.html', inlineWidget(doc, 'id="track"'));
  const w = page.locator('gap-score');
  const before = await titles(page);
  const slider = w.getByRole('slider', { name: 'Strategic fit' });
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2); // not focused before
  await until(async () => Number(await slider.inputValue()) >= 8, 3000, 'the weight moved to the click');
  const undo = w.getByRole('button', { name: /Undo/ });
  await until(async () => !(await undo.isDisabled()), 3000, 'Undo enabled');
  await until(async () => (await savedEdits(page, 'id:track'))?.weights.strategic_fit !== undefined, 3000, 'the weight saved');
  await undo.click();
  await until(async () => Number(await slider.inputValue()) === 2, 3000, 'undo gives back the page’s weight 2');
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(before), 3000, 'the page’s order');
  await page.context().close();
});

test('after Ctrl+Z on a focused slider, the next arrow step is undoable and saved', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  const page = await newPage(env.browser);
  await openAt(env, page, '/demo/ctrl-z.html', inlineWidget(doc, 'id="ctrlz"'));
  const w = page.locator('gap-score');
  const slider = w.getByRole('slider', { name: 'Strategic fit' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await until(async () => Number(await slider.inputValue()) === 2.5, 3000, '2.5');
  await page.keyboard.press('Control+z');
  await until(async () => Number(await slider.inputValue()) === 2, 3000, 'undone to 2');
  await page.keyboard.press('ArrowRight');
  await until(async () => !(await w.getByRole('button', { name: /Undo/ }).isDisabled()), 3000, 'the step is undoable');
  await until(async () => (await savedEdits(page, 'id:ctrlz'))?.weights.strategic_fit === 2.5, 3000, 'and saved');
  await page.context().close();
});

test('undo after keyboard steps on a slider gives back the page’s exact weight', async () => {
  const page = await newPage(env.browser);
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  doc.criteria[0].weight = 0.3; // not on the slider's 0.5 grid
  await serveHtml(env, page, '/demo/odd-weight.html', `<gap-score id="odd"><script type="application/json">${JSON.stringify(doc)}</script></gap-score>`);
  await widget(page);
  const text = JSON.stringify(doc);
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(text, { model: 'weighted' })), 5000, 'the page’s ranking');
  const slider = page.getByRole('slider', { name: doc.criteria[0].name });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const undo = page.locator('gap-score').getByRole('button', { name: /Undo/ });
  // Keyboard nudges of one slider merge into one step (history.ts): undo until there is none.
  for (let i = 0; i < 3 && !(await undo.isDisabled()); i++) await undo.click();
  assert.ok(await undo.isDisabled(), 'nothing left to undo');
  const weight = await page.evaluate(() => document.querySelector('gap-score').document.criteria[0].weight);
  assert.equal(weight, 0.3);
  assert.deepEqual(await titles(page), await engineTitles(text, { model: 'weighted' }));
  await page.context().close();
});

test('fractional page weights keep their 0..1 slider scale after one is edited to 1 and the page reloads', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  [0.5, 0.2, 0.2, 0.1].forEach((x, k) => (doc.criteria[k].weight = x));
  const page = await newPage(env.browser);
  await openAt(env, page, '/demo/fractions.html', inlineWidget(doc, 'id="fractions"'));
  const slider = page.locator('gap-score').getByRole('slider', { name: doc.criteria[0].name });
  assert.equal(await slider.getAttribute('max'), '1');
  await slider.focus();
  await page.keyboard.press('End');
  await until(async () => JSON.stringify((await savedEdits(page, 'id:fractions'))?.weights) === '{"user_value":1}', 3000, 'weight 1 saved');
  await page.reload();
  await widget(page);
  assert.equal(await slider.getAttribute('max'), '1');
  assert.equal(await page.locator('gap-score').getByRole('slider', { name: doc.criteria[1].name }).inputValue(), '0.2');
  await page.context().close();
});

test('dragging a weight slider with the mouse re-ranks live', async () => {
  const page = await openDemo(env);
  await chooseModel(page, 'weighted');
  const before = await titles(page);
  await expectOrder(page, await engineTitles(HEALTH, { model: 'weighted' }));
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  const box = await slider.boundingBox();
  const max = Number(await slider.getAttribute('max'));
  const start = await sliderValue(page, 'User value');
  const y = box.y + box.height / 2;
  const x0 = box.x + 8 + ((box.width - 16) * start) / max; // the thumb
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(x0 - (k * (x0 - box.x)) / 10, y); // drag to the left end
  const during = await titles(page); // re-ranked while the button is still down
  await page.mouse.up();
  const w = await sliderValue(page, 'User value');
  assert.ok(w < start, `the slider moved left (from ${start} to ${w})`);
  const expected = await engineTitles(HEALTH, { model: 'weighted', weights: { user_value: w } });
  await expectOrder(page, expected);
  assert.notDeepEqual(await titles(page), before, 'the order changed');
  assert.deepEqual(during, expected.slice(0, SHOWN), 'rows moved during the drag, not only at the end');
  assert.match(await backlog(page).locator('tbody .gs-delta').allTextContents().then((t) => t.join(' ')), /[▲▼]/, 'rank-change arrows against the baseline');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard arrows on a slider re-rank; undo and redo restore', async () => {
  const page = await openDemo(env);
  await chooseModel(page, 'weighted');
  const original = await engineTitles(HEALTH, { model: 'weighted' });
  await expectOrder(page, original);
  const slider = backlog(page).getByRole('slider', { name: 'Effort (person-months)' });
  await slider.focus();
  const start = await sliderValue(page, 'Effort (person-months)');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  const w = await sliderValue(page, 'Effort (person-months)');
  assert.equal(w, start + 6 * Number(await slider.getAttribute('data-step'))); // its round step (the slider's own is "any")
  assert.match(await slider.getAttribute('aria-valuetext'), /% of the total weight/);
  const changed = await engineTitles(HEALTH, { model: 'weighted', weights: { effort: w } });
  assert.notDeepEqual(changed.slice(0, SHOWN), original.slice(0, SHOWN), 'the test needs a weight that changes the order');
  await expectOrder(page, changed);
  await backlog(page).getByRole('button', { name: /Undo/ }).click();
  await expectOrder(page, original, '#backlog', 'the order before the key presses');
  assert.equal(await sliderValue(page, 'Effort (person-months)'), start, 'one undo reverts the whole run of key presses');
  await backlog(page).getByRole('button', { name: /Redo/ }).click();
  await expectOrder(page, changed);
  assert.equal(await sliderValue(page, 'Effort (person-months)'), w);
  await page.context().close();
});
