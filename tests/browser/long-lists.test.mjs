// A 5,000-item backlog (issue 19, item 4): the value-vs-effort quadrant lists show the first
// few items, best-ranked first, and "Show more" (by keyboard) brings the next ones, as the
// ranking does; the widget stays a sensible height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, pageWithDocument, engineModule, until, focused } from './harness.mjs';

const env = useBrowser();
const gs = await engineModule();

/** 5,000 items with value and effort spread over the four quadrants. */
function bigBacklog(n = 5000) {
  const items = [];
  for (let i = 0; i < n; i++) items.push({ id: `i${i}`, title: `Item ${i}`, value: 1 + ((i * 7919) % 97), effort: 1 + ((i * 104729) % 89) });
  return JSON.stringify({ format: 'gapscore/1', title: 'Big backlog', model: 'value_effort', items });
}

test('value vs effort with 5,000 items: each quadrant lists 10, best first, and "Show more" adds the next', async () => {
  const doc = bigBacklog();
  const ranking = JSON.parse(gs.run('rank', doc, JSON.stringify({ model: 'value_effort' }))).ranking;
  const page = await pageWithDocument(env, '/demo/long-lists.html', doc, 'view="matrix"');
  const w = page.locator('gap-score');
  await until(async () => (await w.locator('.gs-quadrants h3').count()) === 4, 20000, 'the quadrant lists');
  const lists = () => w.locator('.gs-quadrants > div').evaluateAll((divs) => divs.map((d) => ({ head: d.querySelector('h3').textContent, items: [...d.querySelectorAll('li')].map((li) => li.textContent), more: d.querySelector('.gs-more')?.textContent ?? null })));
  const byQuadrant = (q) => ranking.filter((r) => r.quadrant === q).sort((a, b) => a.rank - b.rank).map((r) => r.title);
  const expected = { 'Quick wins': byQuadrant('quick_win'), 'Big bets': byQuadrant('big_bet'), 'Fill-ins': byQuadrant('fill_in'), 'Money pits': byQuadrant('money_pit') };
  for (const l of await lists()) {
    const name = l.head.replace(/ \(.*$/, '');
    const all = expected[name];
    assert.equal(l.head, `${name} (${all.length.toLocaleString('en')})`, 'the heading counts them all');
    assert.deepEqual(l.items, all.slice(0, 10), `${name}: the 10 best-ranked, in the engine's order`);
    assert.equal(l.more, `Show 200 more (10 of ${all.length.toLocaleString('en')} ${name.toLowerCase()} shown)`);
  }
  const height = await w.evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height < 2500, `the widget stays short (${height} px)`);
  // Keyboard: Enter on "Show more" lists the next 200, and focus goes to the first of them.
  const quick = w.locator('.gs-quadrants > div').first();
  await quick.locator('.gs-more').focus();
  await page.keyboard.press('Enter');
  await until(async () => (await quick.locator('li').count()) === Math.min(210, expected['Quick wins'].length), 5000, 'the next items');
  assert.equal((await focused(page)).text, expected['Quick wins'][10], 'focus on the first item it brought');
  await page.context().close();
});
