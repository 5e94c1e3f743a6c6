// Tied scores in the ranking (docs/models.md, "Ranking and ties"): the table marks a tied rank
// as the command line does ("3="), says what "=" means under the table, and a screen reader
// hears "tied"; an explanation lists the items it is tied with, and how many more the engine
// did not list. Found by a black-box review: tied rows read "3", "4" with nothing to tell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, pageWithDocument, engineModule, until, shot } from './harness.mjs';

const env = useBrowser();
const gs = await engineModule();

// Twelve items with the same RICE inputs (one tie of 12), one above them and one below.
const items = [{ id: 'top', title: 'Top', reach: 1000, impact: 3, confidence: 1, effort: 1 }];
for (let k = 1; k <= 12; k++) items.push({ id: `t${String(k).padStart(2, '0')}`, title: `Tied ${k}`, reach: 100, impact: 1, confidence: 1, effort: 1 });
items.push({ id: 'low', title: 'Low', reach: 1, impact: 0.25, confidence: 0.5, effort: 4 });
const DOC = { format: 'gapscore/1', title: 'Ties', model: 'rice', top: 20, items }; // top: no "top N ends here" line

test('tied ranks are marked with "=", explained under the table, and the explanation counts every tie', async () => {
  const text = JSON.stringify(DOC);
  const ranking = JSON.parse(gs.run('rank', text, '{"top": 14}')).ranking;
  const tiedIds = new Set(ranking.filter((r) => r.tied_with).map((r) => r.id));
  assert.equal(tiedIds.size, 12, 'the engine ties the twelve');
  const page = await pageWithDocument(env, '/demo/ties.html', JSON.stringify(DOC));
  const w = page.locator('gap-score');
  const rows = await w.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ title: tr.querySelector('.gs-open').textContent, rank: tr.querySelector('.gs-rank').textContent, shown: tr.querySelector('.gs-rank [aria-hidden]')?.textContent ?? '' })),
  );
  assert.equal(rows.length, 14);
  for (const [k, r] of ranking.entries()) {
    const row = rows.find((x) => x.title === r.title);
    const tied = tiedIds.has(r.id);
    assert.equal(row.rank, tied ? `${k + 1}=, tied` : String(k + 1), `${r.title}: rank cell`);
    assert.equal(row.shown, tied ? '=' : '', `${r.title}: the mark seen`);
  }
  const note = w.locator('.gs-tie-note');
  assert.ok(await note.isVisible(), 'what "=" means is said under the table');
  await w.locator('.gs-table-wrap').screenshot({ path: shot('ties-table.png') });

  // The explanation of a tied item: the ten the engine lists, and the one more it did not.
  await w.getByRole('button', { name: 'Tied 1', exact: true }).click();
  const dialog = w.getByRole('dialog', { name: 'Tied 1' });
  await until(async () => /Tied with:/.test(await dialog.textContent()), 3000, 'the explanation');
  assert.match(await dialog.textContent(), /Tied with: (Tied \d+, ){9}Tied \d+ and 1 more/);
  await page.keyboard.press('Escape');

  // No tie among the rows shown: no note.
  const plain = { ...DOC, items: DOC.items.map((it, k) => ({ ...it, reach: it.reach + k })) };
  const page2 = await pageWithDocument(env, '/demo/no-ties.html', JSON.stringify(plain));
  assert.ok(!(await page2.locator('gap-score .gs-tie-note').isVisible()), 'no tie, no note');
  assert.equal(await page2.locator('gap-score .gs-rank [aria-hidden]').count(), 0);
  await page.context().close();
  await page2.context().close();
});
