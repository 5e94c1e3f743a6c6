// The stakeholders view for people who are not statisticians (issue 19, item 8): it leads with
// a sentence built from the engine's `agreement` answer, keeps W, χ², p and τ-b one click away
// (details/summary, opened by keyboard), and says shared ranks as shared, never "27.5".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, backlog, until, demoText, engineModule, shot } from './harness.mjs';

const env = useBrowser();
const gs = await engineModule();
const HEALTH = demoText('health-app.json');

test('stakeholders: a plain sentence first, the statistics one click away, shared ranks said as shared', async () => {
  const r = JSON.parse(gs.run('agreement', HEALTH, '{}'));
  const page = await openDemo(env);
  await backlog(page).getByRole('tab', { name: 'Stakeholders' }).click();
  const view = backlog(page).locator('.gs-agreement');
  const lead = view.locator('.gs-ag-lead');
  await until(() => lead.isVisible(), 10000, 'the sentence');
  const sentence = await lead.textContent();
  // Built from the engine's answer: its count, its interpretation, its most disputed item.
  assert.ok(sentence.startsWith(`Four stakeholders rated ${r.items_compared} items: ${r.interpretation}.`), sentence);
  assert.ok(sentence.includes(`They split most on ${r.items[0].title} (ranked from`), sentence);
  const who = Object.keys(r.items[0].ranks);
  const inAllTop10 = r.items.filter((it) => who.every((s) => it.ranks[s] <= 10)).map((it) => it.title);
  for (const t of inAllTop10.slice(0, 5)) assert.ok(sentence.includes(t), `${t} is in everyone’s top 10, and said`);
  const best = [...r.alignment].sort((a, b) => b.tau_b - a.tau_b)[0];
  assert.ok(sentence.includes(`Closest to the customers’ ranking: ${best.name}`), sentence);
  assert.doesNotMatch(sentence, /Kendall|τ|χ|\d+\.5\b/, 'no statistics and no half ranks in the sentence');
  // W, χ², p and τ-b: in a closed details, opened with the keyboard.
  const summary = view.getByText('The statistics: Kendall’s W, χ², p and each one’s τ-b');
  const w = view.getByText(/Kendall’s W = /);
  assert.equal(await w.isVisible(), false, 'the statistics wait for a click');
  await summary.focus();
  await page.keyboard.press('Enter');
  await until(() => w.isVisible(), 3000, 'the statistics');
  assert.match(await view.locator('.gs-ag-head').textContent(), new RegExp(`Kendall’s W = ${r.kendall_w.toFixed(3)} .*χ² = .*, df ${r.df}, p = `));
  // Shared ranks: no "27.5" in the table; a tie reads as the places it shares.
  const cells = await view.locator('.gs-disputed tbody td').allTextContents();
  assert.ok(cells.every((c) => !/\d\.5\b/.test(c)), `no half ranks: ${cells.join(' | ')}`);
  const tied = r.items.slice(0, 10).flatMap((it) => who.map((s) => it.ranks[s])).find((x) => !Number.isInteger(x));
  assert.ok(tied, 'the demo has a shared rank in the disputed items (else this proves little)');
  assert.ok(cells.some((c) => /^\d+–\d+, shared by \d+ items$/.test(c)), `a shared rank is said as the places and "shared": ${cells.join(' | ')}`);
  // The places a tie shares: k items tied at the engine's average rank r hold r ± (k − 1) / 2.
  const row = r.items.slice(0, 10).findIndex((it) => who.some((s) => !Number.isInteger(it.ranks[s])));
  const s = who.find((x) => !Number.isInteger(r.items[row].ranks[x]));
  const rank = r.items[row].ranks[s];
  const k = r.items.filter((it) => it.ranks[s] === rank).length;
  const cell = await view.locator('.gs-disputed tbody tr').nth(row).locator('td').nth(who.indexOf(s)).textContent();
  assert.equal(cell, `${rank - (k - 1) / 2}–${rank + (k - 1) / 2}, shared by ${k} items`);
  await backlog(page).screenshot({ path: shot('view-agreement-plain.png') });
  await page.context().close();
});

// Found by a black-box review: a document without customer outcomes is aligned with its own
// model (the engine's reference basis "document_model"), and the view still said "customers":
// "Closest to the customers’ ranking", a "Customers" column, "Aligned with the customers?".
test('stakeholders without customer outcomes: the reference is named as the model’s ranking, not the customers’', async () => {
  const doc = JSON.parse(HEALTH);
  for (const key of ['outcomes', 'segments', 'measurements', 'evidence']) delete doc[key];
  for (const it of doc.items) for (const key of ['lifts', 'outcomes', 'released']) delete it[key];
  doc.model = 'rice';
  const text = JSON.stringify(doc);
  const r = JSON.parse(gs.run('agreement', text, '{}'));
  assert.equal(r.reference.basis, 'document_model');
  const { pageWithDocument } = await import('./harness.mjs');
  const page = await pageWithDocument(env, '/demo/stakeholders-no-outcomes.html', text, 'view="agreement"');
  const view = page.locator('gap-score .gs-agreement');
  const lead = view.locator('.gs-ag-lead');
  await until(() => lead.isVisible(), 10000, 'the sentence');
  const sentence = await lead.textContent();
  assert.ok(sentence.includes(`Closest to the ranking by ${r.reference.variant}: `), sentence);
  assert.doesNotMatch(await view.textContent(), /customers/i);
  await page.context().close();
});
