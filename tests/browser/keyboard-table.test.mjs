// The ranked table by keyboard alone (issue 19, item 2): one tab stop for the whole table,
// arrow keys between its cells, an estimate typed and applied with Enter, then Ctrl+Z and
// Ctrl+Shift+Z undo and redo it while focus is still in the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, focused, engineTitles, demoText, titles, until } from './harness.mjs';

const env = useBrowser();
const HEALTH = demoText('health-app.json');
const BOOK = 'Book appointments in the app';

const press = async (page, key, times = 1) => {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
};
const order = (page) => titles(page, '#backlog');
const same = (shown, expected) => JSON.stringify(shown) === JSON.stringify(expected.slice(0, shown.length));

test('the table is one tab stop; arrow keys move between cells; Ctrl+Z / Ctrl+Shift+Z work in the field after Enter', async () => {
  const page = await openDemo(env);
  const before = await engineTitles(HEALTH);
  // Tab from the view tabs: one press lands in the table, on the first row's title.
  await page.locator('#backlog').getByRole('tab', { name: 'Ranking' }).focus();
  await press(page, 'Tab');
  let f = await focused(page);
  assert.deepEqual([f.tag, f.text], ['button', before[0]], 'Tab lands on the first title');
  // One more Tab leaves the table (15 rows, 5 controls each): "Show more" is next.
  await press(page, 'Tab');
  assert.match((await focused(page)).text, /^Show \d+ more/, 'one Tab passes the whole table');
  await press(page, 'Shift+Tab');
  assert.equal((await focused(page)).text, before[0], 'Shift+Tab comes back to the same cell');
  // Down to the item, right to its effort.
  const row = before.indexOf(BOOK);
  await press(page, 'ArrowDown', row);
  assert.equal((await focused(page)).text, BOOK, 'ArrowDown moves a row at a time');
  for (let i = 0; i < 6 && !(await focused(page)).text.startsWith('Effort of'); i++) await press(page, 'ArrowRight');
  assert.equal((await focused(page)).text, `Effort of ${BOOK}`, 'ArrowRight moves along the row');
  await press(page, 'ArrowUp');
  assert.equal((await focused(page)).text, `Effort of ${before[row - 1]}`, 'ArrowUp keeps the column');
  await press(page, 'ArrowDown');
  await press(page, 'ArrowLeft');
  assert.match((await focused(page)).text, new RegExp(`of ${BOOK}$`), 'ArrowLeft from a selected field moves left');
  assert.notEqual((await focused(page)).text, `Effort of ${BOOK}`);
  await press(page, 'ArrowRight');
  // Type over the selected value and apply it: the row moves, focus stays in the field.
  await page.keyboard.type('1');
  await press(page, 'Enter');
  const after = await engineTitles(HEALTH, { fields: [['appointment-booking', 'effort', 1]] });
  await until(async () => same(await order(page), after), 5000, 'the new order');
  // Focus is put back once the moved rows are drawn: waited for, as a person would see it land.
  await until(async () => (await focused(page)).text === `Effort of ${BOOK}`, 3000, 'focus followed the row');
  await press(page, 'Control+z');
  await until(async () => same(await order(page), before), 5000, 'Ctrl+Z in the field undoes the edit');
  await until(async () => (await focused(page)).text === `Effort of ${BOOK}`, 3000, 'still in the field');
  assert.equal(await page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a.value;
  }), '4', 'the field shows the value in force again');
  await press(page, 'Control+Shift+z');
  await until(async () => same(await order(page), after), 5000, 'Ctrl+Shift+Z redoes it');
  // While typing, Ctrl+Z is the field's own (nothing applied, nothing undone in the widget).
  await page.keyboard.type('7');
  await press(page, 'Control+z');
  assert.ok(same(await order(page), after), 'typing is undone in the field, not the widget’s step');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// An estimate that sends its row below the rows shown (reach 1: from first to last of 30, with
// 15 shown) keeps the row on screen, after the others with its own rank, and focus in its
// field, as the docs promise ("the row moves, focus stays in the field"); focus fell to the
// page and the arrows did nothing (found by a black-box review). The rows between are not
// drawn (at 178,000 items that would be all of them).
test('an edit that sends its row past the rows shown keeps the row, and focus in the field', async () => {
  const page = await openDemo(env);
  const before = await engineTitles(HEALTH);
  const first = before[0];
  const rowsBefore = await page.locator('#backlog').locator('tbody tr').count();
  const reach = page.locator('#backlog').getByRole('textbox', { name: `Reach of ${first}` });
  await reach.focus();
  await reach.fill('1');
  await press(page, 'Enter');
  const after = await engineTitles(HEALTH, { fields: [[JSON.parse(HEALTH).items.find((i) => i.title === first).id, 'reach', 1]] });
  const to = after.indexOf(first);
  assert.ok(to >= rowsBefore, `the row goes past the ${rowsBefore} rows shown (to #${to + 1})`);
  await until(async () => JSON.stringify(await order(page)) === JSON.stringify(after.slice(0, rowsBefore)), 5000, 'the ranking shown');
  const row = page.locator('#backlog').locator('tbody tr').last();
  await until(async () => (await row.getAttribute('class'))?.includes('gs-kept'), 5000, 'the edited row kept after the rows shown');
  assert.equal(await row.locator('.gs-open').textContent(), first);
  assert.equal((await row.locator('.gs-rank').textContent()).trim(), String(to + 1), 'with its own rank');
  const f = await focused(page);
  assert.deepEqual([f.tag, f.text], ['input', `Reach of ${first}`], 'focus stays in the field');
  // The arrows go on from there: up to the row drawn above it.
  await press(page, 'ArrowUp');
  assert.equal((await focused(page)).text, `Reach of ${after[rowsBefore - 1]}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Found by a black-box review: focus fell to the page (a screen reader starts again at the top)
// when "Show N more" showed the last rows and went away, and when an explanation closed whose
// item had moved past the rows shown while it was open.
test('focus stays in the table: after the last "Show more", and after an explanation whose item moved away', async () => {
  const page = await openDemo(env);
  const before = await engineTitles(HEALTH);
  const w = page.locator('#backlog');
  const more = w.getByRole('button', { name: /^Show \d+ more/ });
  const shownBefore = (await order(page)).length;
  assert.ok(before.length > shownBefore && before.length - shownBefore <= 200, 'one "Show more" shows the rest');
  await more.focus();
  await press(page, 'Enter');
  await until(async () => (await order(page)).length === before.length, 3000, 'every row');
  assert.ok(!(await more.isVisible()));
  await until(async () => (await focused(page)).text === before[shownBefore], 3000, `focus on the first row it showed (${before[shownBefore]})`);

  // Back to 15 rows: a reload; the third item's explanation, its effort made large from inside.
  await page.reload();
  await w.evaluate((el) => el.ready);
  const third = before[2];
  await w.getByRole('button', { name: third, exact: true }).focus();
  await press(page, 'Enter');
  const dialog = w.getByRole('dialog', { name: third });
  const effort = dialog.getByRole('textbox', { name: /^Effort/ });
  await effort.fill('1000');
  await effort.press('Enter');
  await until(async () => !(await order(page)).slice(0, 15).includes(third), 5000, `${third} left the rows shown`);
  await press(page, 'Escape');
  await until(async () => (await focused(page)).text === third, 3000, 'focus back on its title, drawn after the rows shown');
  assert.ok(await w.locator('tr.gs-kept').isVisible(), 'its row is the kept one');
  await page.context().close();
});

// Found by a black-box review of the views: Enter on "Run simulation" (disabled while it runs)
// and on the landscape's "Show all N outcomes" (hidden once pressed) dropped focus to the page.
test('focus stays in the views: Run simulation (Cancel while it runs, Run again after), Show all outcomes', async () => {
  const page = await openDemo(env);
  const w = page.locator('#backlog');
  await w.getByRole('tab', { name: 'Uncertainty' }).click();
  const run = w.getByRole('button', { name: 'Run simulation' });
  // The view's own first run disables the button while it runs: wait for it, as a person would.
  await until(async () => await run.isEnabled(), 30000, 'the first run to end');
  await run.focus();
  await press(page, 'Enter');
  let f = await focused(page);
  assert.ok(f && f.tag === 'button' && /^(Cancel|Run simulation)$/.test(f.text), `focus on Cancel or Run, not the page: ${JSON.stringify(f)}`);
  await until(async () => await run.isEnabled(), 30000, 'the run to end');
  await until(async () => (await focused(page))?.text === 'Run simulation', 3000, 'focus back on Run simulation');

  const gaps = page.locator('#gaps');
  await gaps.evaluate((el) => el.ready);
  const more = gaps.getByRole('button', { name: /^Show all \d+ outcomes$/ });
  await until(() => more.isVisible(), 10000, 'the landscape’s Show all');
  await more.focus();
  await press(page, 'Enter');
  f = await focused(page);
  assert.equal(f?.tag, 'th', `focus on the first outcome shown: ${JSON.stringify(f)}`);
  const shown = await gaps.locator('.gs-outcomes tbody tr').nth(8).locator('th').textContent();
  assert.ok(shown.startsWith(f.text.slice(0, 20)), `${f.text} is the 9th outcome`);
  await page.context().close();
});
