// The chart views, each shown only when the module has its command and the data has what
// it needs: value vs effort, the opportunity landscape (gaps), uncertainty (simulate, with
// its progress indicator) and sensitivity. What they show must be what the engine says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, shot, until, engineModule, pageWithDocument, fixture } from './harness.mjs';

const env = useBrowser();
// Loaded first: which views to expect depends on the commands this module build has.
const gs = await engineModule();


const commands = () => new Set(JSON.parse(gs.commands()).map((c) => c.name));
const engine = (command, doc, options) => JSON.parse(gs.run(command, doc, JSON.stringify(options)));

/** A same-origin page with one widget holding `doc` inline. */
const pageWith = (doc, attrs = '') => pageWithDocument(env, '/demo/view-test.html', doc, attrs);
const tabNames = (page) => page.locator('gap-score').getByRole('tab').allTextContents();

test('views appear only when their command and their data exist', async () => {
  const page = await pageWith(fixture('tests/fixtures/documents/intercom_rice.json'));
  const tabs = await tabNames(page);
  assert.ok(tabs.includes('Ranking') && tabs.includes('What-if vs baseline'));
  assert.ok(!tabs.includes('Value vs effort'), 'no value field: no matrix');
  assert.ok(!tabs.includes('Opportunity landscape'), 'no outcomes: no landscape');
  assert.ok(!tabs.includes('Sensitivity'), 'RICE has no weights to be sensitive to');
  assert.equal(tabs.includes('Uncertainty'), commands().has('simulate'));
  await page.context().close();
});

// A document's "top" (rows a ranking lists) once limited the matrix to the first N items, its
// quadrant counts "(0)" where items sat (found by a black-box review): every item is placed.
test('value vs effort: every item in the quadrant the engine names, whatever the document’s top', async () => {
  const plain = fixture('demo/health-app.json');
  const n = JSON.parse(plain).items.length;
  for (const doc of [plain, JSON.stringify({ ...JSON.parse(plain), top: 5 })]) {
    const page = await pageWith(doc, 'view="matrix"');
    const expected = engine('rank', doc, { model: 'value_effort', top: n }).ranking;
    assert.equal(expected.length, n);
    const lists = await page.locator('gap-score .gs-quadrants > div').evaluateAll((divs) =>
      divs.map((d) => [d.querySelector('h3').textContent, [...d.querySelectorAll('li')].map((li) => li.textContent)]),
    );
    const label = { quick_win: 'Quick wins', big_bet: 'Big bets', fill_in: 'Fill-ins', money_pit: 'Money pits' };
    for (const row of expected) {
      const [heading, items] = lists.find(([h]) => h.startsWith(label[row.quadrant]));
      assert.ok(items.includes(row.title), `${row.title} is listed under ${label[row.quadrant]}`);
      assert.ok(heading.includes(`(${expected.filter((r) => r.quadrant === row.quadrant).length})`), `${heading} counts every item`);
    }
    assert.ok((await page.locator('gap-score svg.gs-chart circle').count()) > 0); // items at one spot share a dot
    if (doc === plain) await page.locator('gap-score').screenshot({ path: shot('view-matrix.png') });
    await page.context().close();
  }
});

test('opportunity landscape: outcomes, statuses and unrealized value from `gaps`', { skip: !commands().has('gaps') && 'module without gaps' }, async () => {
  const doc = fixture('tests/fixtures/documents/gap_small.json');
  const page = await pageWith(doc, 'view="gaps"');
  const expected = engine('gaps', doc, {}).outcomes;
  const rows = await page.locator('gap-score .gs-landscape tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.firstChild?.nodeType === 3 ? c.firstChild.textContent : c.textContent))),
  );
  assert.equal(rows.length, expected.length);
  const byOpportunity = [...expected].sort((a, b) => a.rank - b.rank); // the engine's order
  rows.forEach((cells, k) => {
    assert.equal(cells[0], String(k + 1), 'numbered like the dots');
    assert.equal(cells[1], byOpportunity[k].name);
    assert.equal(Number(cells[4]), byOpportunity[k].opportunity);
    assert.equal(cells[5].toLowerCase().replace(/ /g, '_'), byOpportunity[k].status);
  });
  assert.equal(await page.locator('gap-score .gs-landscape svg circle').count(), expected.length);
  await page.locator('gap-score').screenshot({ path: shot('view-gaps.png') });
  await page.context().close();
});

// A view's command can say more than the document's load did (a gap claimed past 100 %, a
// rater who skipped an item): those warnings belong to the view and must reach its reader.
for (const [view, command, file] of [
  ['gaps', 'gaps', 'tests/fixtures/documents/gap_small.json'],
  ['agreement', 'agreement', 'tests/fixtures/documents/stakeholders_team.json'],
]) {
  test(`the ${view} view shows the warnings its command raised`, { skip: !commands().has(command) && `module without ${command}` }, async () => {
    const doc = fixture(file);
    const loadWarnings = new Set((engine('validate', doc, {}).warnings ?? []).map((w) => w.message));
    const own = (engine(command, doc, {}).warnings ?? []).filter((w) => !loadWarnings.has(w.message));
    assert.ok(own.length > 0, `${file}: ${command} raises warnings of its own (else this test proves nothing)`);
    const page = await pageWith(doc, `view="${view}"`);
    const notes = page.locator('gap-score [role="tabpanel"]:not([hidden]) .gs-view-warnings');
    await until(() => notes.isVisible(), 5000, `the ${view} view's warnings`);
    const lines = await notes.locator('li').evaluateAll((lis) => lis.map((li) => ({ code: li.dataset.code, text: li.textContent })));
    for (const w of own)
      assert.ok(lines.some((l) => l.code === w.code && l.text.includes(w.message)), `shown: ${w.code} ${w.message}\n${JSON.stringify(lines)}`);
    await page.context().close();
  });
}

test('uncertainty: the simulation shows the engine’s numbers for the same seed', { skip: !commands().has('simulate') && 'module without simulate' }, async () => {
  const doc = fixture('tests/fixtures/documents/uncertain_rice.json');
  const page = await pageWith(doc, 'view="uncertainty" top="2"');
  const table = page.locator('gap-score .gs-heatmap');
  await until(() => table.isVisible(), 10000, 'the first (automatic) run');
  const expected = engine('simulate', doc, { model: 'rice', runs: 10000, seed: 1, top: 2 }).items;
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const byExpected = [...expected].sort((a, b) => a.expected_rank - b.expected_rank);
  rows.forEach((cells, k) => {
    const it = byExpected[k];
    assert.equal(cells[0], it.title);
    assert.equal(cells[1], it.rank_probabilities[0] >= 0.005 ? String(Math.round(it.rank_probabilities[0] * 100)) : '', `${it.title}: chance of rank 1`);
    assert.ok(cells.includes(`${Math.round(it.p_top * 100)} %`), `${it.title}: P(top 2)`);
  });
  // Another seed through the form; the progress indicator is painted while it runs.
  await page.evaluate(() => {
    const r = document.querySelector('gap-score').shadowRoot;
    window.__sawProgress = false;
    new MutationObserver(() => {
      if (!r.querySelector('.gs-progress').hidden) window.__sawProgress = true;
    }).observe(r.querySelector('.gs-progress'), { attributes: true });
  });
  await page.locator('gap-score').getByLabel('Seed').fill('42');
  await page.locator('gap-score').getByRole('button', { name: 'Run simulation' }).click();
  const seed42 = engine('simulate', doc, { model: 'rice', runs: 10000, seed: 42, top: 2 }).items.sort((a, b) => a.expected_rank - b.expected_rank);
  await until(async () => (await table.locator('tbody tr th').first().textContent()) === seed42[0].title && /seed 42/.test(await page.locator('gap-score .gs-sim').textContent()), 10000, 'the seed-42 run');
  assert.equal(await page.evaluate(() => window.__sawProgress), true, 'a progress indicator was shown');
  await page.locator('gap-score').screenshot({ path: shot('view-uncertainty.png') });
  // Too many runs: the engine's message, naming the field it is about.
  await page.locator('gap-score').getByLabel('Runs').fill('1000000000');
  await page.locator('gap-score').getByRole('button', { name: 'Run simulation' }).click();
  await until(async () => /Runs must be between 1 and 1000000 \(got 1000000000\)/.test(await page.locator('gap-score .gs-sim').textContent()), 5000, 'the message naming Runs');

  await page.context().close();
});

/** n RICE items with ranged reach and effort: 100,000 runs of 300 take seconds in wasm. */
function rangedItems(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `item-${String(i).padStart(3, '0')}`,
    title: `Item ${i}`,
    reach: { low: 100 + i, likely: 400 + i, high: 900 + 2 * i },
    impact: 1,
    confidence: 0.8,
    effort: { low: 1, likely: 2 + (i % 5), high: 9 },
  }));
}

test('uncertainty: a long simulation shows its progress and can be cancelled', { skip: !commands().has('simulate') && 'module without simulate' }, async () => {
  // 300 items, each with ranged reach and effort: 100,000 runs take seconds in wasm, long
  // enough to watch the bar and press Cancel (the engine runs a slice per frame).
  const doc = JSON.stringify({ format: 'gapscore/1', model: 'rice', items: rangedItems(300) });
  const page = await pageWith(doc, 'view="uncertainty"');
  const sim = page.locator('gap-score .gs-sim');
  await until(async () => /Run simulation/.test(await sim.textContent()), 10000, 'the simulation view');
  await page.locator('gap-score').getByLabel('Runs').fill('100000');
  await page.locator('gap-score').getByRole('button', { name: 'Run simulation' }).click();
  const bar = page.locator('gap-score').getByRole('progressbar', { name: 'Simulation progress' });
  const fractions = [];
  await until(async () => {
    const v = await bar.evaluate((b) => b.value);
    if (v > (fractions.at(-1) ?? 0)) fractions.push(v);
    return fractions.length >= 3;
  }, 30000, 'the progress bar to move three times');
  assert.ok(fractions.every((f, k) => f > 0 && f < 1 && (k === 0 || f > fractions[k - 1])), `rising fractions: ${fractions}`);
  assert.match(await page.locator('gap-score .gs-progress').textContent(), /Running 100,000 simulations of 300 items: \d+ %/);
  await sim.screenshot({ path: shot('view-uncertainty-running.png') });
  await page.locator('gap-score .gs-progress').getByRole('button', { name: 'Cancel' }).click();
  await until(async () => /Cancelled after [\d,]+ of 100,000 runs/.test(await sim.textContent()), 10000, 'the cancelled run’s table');
  assert.equal(await page.locator('gap-score .gs-progress').isHidden(), true);
  assert.equal(await page.locator('gap-score').getByRole('button', { name: 'Run simulation' }).isEnabled(), true);
  assert.ok((await page.locator('gap-score .gs-heatmap tbody tr').count()) > 0, 'the completed runs are shown');
  await page.context().close();
});

test('uncertainty: a simulation cancelled after the data changed shows no stale numbers', { skip: !commands().has('simulate') && 'module without simulate' }, async () => {
  const doc = JSON.stringify({ format: 'gapscore/1', model: 'rice', items: rangedItems(300) });
  const page = await pageWith(doc, 'view="uncertainty"');
  const widget = page.locator('gap-score');
  const sim = page.locator('gap-score .gs-sim');
  await until(async () => /Run simulation/.test(await sim.textContent()), 10000, 'the simulation view');
  await widget.getByLabel('Runs').fill('200000');
  await widget.getByRole('button', { name: 'Run simulation' }).click();
  await until(async () => (await widget.getByRole('progressbar', { name: 'Simulation progress' }).evaluate((b) => b.value)) > 0, 20000, 'the run to start');
  // While it runs: edit an estimate on the Ranking tab, come back, cancel.
  await widget.getByRole('tab', { name: 'Ranking' }).click();
  const confidence = widget.getByRole('textbox', { name: /^Confidence of / }).first();
  await confidence.fill('0.5');
  await confidence.press('Enter');
  await widget.getByRole('tab', { name: 'Uncertainty' }).click();
  await widget.locator('.gs-progress').getByRole('button', { name: 'Cancel' }).click();
  await until(async () => /changed during the simulation: run it again/.test(await sim.textContent()), 10000, 'the discarded run');
  assert.equal(await page.locator('gap-score .gs-heatmap').count(), 0, 'no table from the old data');
  await page.context().close();
});

test('sensitivity: stable weight ranges and first swaps from `sensitivity`', { skip: !commands().has('sensitivity') && 'module without sensitivity' }, async () => {
  const doc = fixture('demo/health-app.json');
  const page = await pageWith(doc, 'model="weighted" view="sensitivity" top="5"');
  const table = page.locator('gap-score .gs-sens');
  await until(() => table.isVisible(), 10000, 'the sensitivity table');
  const expected = engine('sensitivity', doc, { model: 'weighted', top: 5 }).weights;
  const names = Object.fromEntries(JSON.parse(doc).criteria.map((c) => [c.id, c.name]));
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, expected.length);
  expected.forEach((w, k) => assert.ok(rows[k].startsWith(names[w.criterion]), `row ${k} is ${names[w.criterion]}`));
  await page.locator('gap-score').screenshot({ path: shot('view-sensitivity.png') });
  await page.context().close();
});

test('stakeholders: Kendall’s W, alignment with the customers, and the most disputed items', { skip: !commands().has('agreement') && 'module without agreement' }, async () => {
  const doc = fixture('tests/fixtures/documents/stakeholders_team.json');
  const page = await pageWith(doc, 'view="agreement"');
  const view = page.locator('gap-score .gs-agreement');
  await until(async () => /Kendall’s W/.test(await view.textContent()), 10000, 'the agreement view');
  const expected = engine('agreement', doc, {});
  const text = await view.textContent();
  assert.match(text, new RegExp(`Kendall’s W = ${expected.kendall_w.toFixed(3).replace(/0+$/, '')}`));
  for (const a of expected.alignment) assert.ok(text.includes(a.name), `${a.name} is in the alignment chart`);
  const firstDisputed = await view.locator('.gs-disputed tbody tr th').first().textContent();
  assert.equal(firstDisputed, expected.items[0].title, 'the most disputed item comes first');
  await page.locator('gap-score').screenshot({ path: shot('view-agreement.png') });
  await page.context().close();
});

test('AHP weights from pairwise comparisons fill the sliders in one undoable step', { skip: !commands().has('ahp') && 'module without ahp' }, async () => {
  const doc = JSON.parse(fixture('demo/widget-sample.json'));
  doc.model = 'weighted';
  doc.ahp = {
    criteria: ['user_value', 'revenue', 'strategic_fit', 'cost'],
    comparisons: [['user_value', 'revenue', 3], ['user_value', 'strategic_fit', 5], ['user_value', 'cost', 4], ['revenue', 'strategic_fit', 2], ['revenue', 'cost', 2], ['strategic_fit', 'cost', 1]],
  };
  const text = JSON.stringify(doc);
  const page = await pageWith(text);
  const before = await page.locator('gap-score .gs-table tbody .gs-open').allTextContents();
  await page.locator('gap-score').getByLabel('Weigh it like').selectOption('AHP (pairwise comparisons)');
  const ahp = engine('ahp', text, {});
  const weights = Object.fromEntries(Object.entries(ahp.weights).map(([c, w]) => [c, w * 10]));
  const e = new gs.Engine();
  e.load(text);
  for (const [c, w] of Object.entries(weights)) e.setWeight(c, w);
  e.rank();
  const expected = [...e.order()].map((i) => e.itemTitle(i));
  e.delete();
  await until(async () => JSON.stringify(await page.locator('gap-score .gs-table tbody .gs-open').allTextContents()) === JSON.stringify(expected), 5000, 'the AHP-weighted order');
  assert.match(await page.locator('gap-score .gs-status').textContent(), /consistency ratio/);
  await page.locator('gap-score').getByRole('button', { name: /Undo/ }).click();
  await until(async () => JSON.stringify(await page.locator('gap-score .gs-table tbody .gs-open').allTextContents()) === JSON.stringify(before), 5000, 'the order before AHP');
  await page.context().close();
});
