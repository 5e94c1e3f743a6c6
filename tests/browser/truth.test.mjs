// Issue 17, the widget half: every view says what the core computed, driven as a person
// drives it (clicks, typing, keys) and checked against the engine's own answers. Each test is
// one numbered item of the issue; each failed on the widget before the changes.
// Problems are matched by their code (data-code on the lines shown, `code` in the
// gapscore-error event), never by the English of a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, newPage, widget, titles, shot, engineTitles, demoText, until, serveHtml, inlineWidget, root } from './harness.mjs';

const env = useBrowser();
const gs = await (await import(pathToFileURL(process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs')).href)).default();
const engine = (command, doc, options = {}) => JSON.parse(gs.run(command, doc, JSON.stringify(options)));

const HEALTH = demoText('health-app.json');
const healthTitle = new Map(JSON.parse(HEALTH).items.map((it) => [it.id, it.title]));

async function openDemo(options) {
  const page = await newPage(env.browser, options);
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#backlog');
  return page;
}
const backlog = (page) => page.locator('#backlog');

async function chooseModel(page, id, w = backlog(page)) {
  await w.getByLabel('Model').selectOption(id);
  await until(async () => (await w.getByLabel('Model').inputValue()) === id, 3000, `model ${id}`);
}

/** Waits until the table shows `expected` (first rows). */
async function expectOrder(page, expected, sel = '#backlog', what = 'the engine order') {
  await until(async () => {
    const shown = await titles(page, sel);
    return shown.length > 0 && JSON.stringify(shown) === JSON.stringify(expected.slice(0, shown.length));
  }, 5000, what);
}

// 1. "Keeps the top 10: 4.75 to 5" promised membership but was the ordered interval.
test('1. sensitivity leads with which items stay in the top N (who comes in, who drops out), and says which interval keeps the order', async () => {
  const page = await openDemo();
  await chooseModel(page, 'weighted');
  await backlog(page).getByRole('tab', { name: 'Sensitivity' }).click();
  const table = backlog(page).locator('.gs-sens');
  await until(() => table.isVisible(), 10000, 'the sensitivity table');
  const expected = engine('sensitivity', HEALTH, { model: 'weighted', top: 10 }).weights;
  const heads = await table.locator('thead th').allTextContents();
  assert.deepEqual(heads.slice(2), ['Same 10 items in the top 10', 'Just past each end', 'Same order too'], 'membership first, the ordered interval named as such');
  for (const w of expected) {
    const row = table.locator(`tbody tr[data-criterion="${w.criterion}"]`);
    const [same, swaps, ordered] = await Promise.all([row.locator('.gs-same-items').textContent(), row.locator('.gs-swaps').textContent(), row.locator('.gs-ordered').textContent()]);
    const m = w.same_items;
    const round = (x) => String(Number(x.toPrecision(3)));
    assert.ok(same.includes(round(m.min)) && (m.max === null || same.includes(round(m.max))), `${w.criterion}: the same-items interval ${m.min}..${m.max} leads (shown: ${same})`);
    for (const end of [m.below, m.above].filter(Boolean)) {
      assert.ok(swaps.includes(`${healthTitle.get(end.enters)} comes in`), `${w.criterion}: ${end.enters} enters`);
      assert.ok(swaps.includes(`${healthTitle.get(end.leaves)} drops out`), `${w.criterion}: ${end.leaves} leaves`);
    }
    assert.ok(ordered.includes(round(w.stable_max ?? w.current)), `${w.criterion}: the ordered interval comes second (shown: ${ordered})`);
  }
  // The demo's user-value weight: the ten stay from just above 3.9 to 5.5; their order only from 4.75 to 5.
  const userValue = table.locator('tbody tr[data-criterion="user_value"]');
  assert.equal(await userValue.locator('.gs-same-items .gs-range-text').textContent(), 'just above 3.9 to 5.5');
  assert.match(await userValue.locator('.gs-ordered').textContent(), /^4\.75 to 5/);
  // The swaps named are real: each item that "comes in" is outside the top 10 now, each that "drops out" inside.
  const top = new Set(engine('rank', HEALTH, { model: 'weighted', top: 10 }).ranking.slice(0, 10).map((r) => r.id));
  for (const w of expected) for (const end of [w.same_items.below, w.same_items.above].filter(Boolean)) assert.ok(!top.has(end.enters) && top.has(end.leaves));
  await backlog(page).screenshot({ path: shot('truth-1-sensitivity.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
