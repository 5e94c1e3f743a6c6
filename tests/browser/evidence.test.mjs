// The "Did it work?" view (issue 10 §6): shown only when the module has `evidence` and the
// data has measurements; its numbers are the engine's: the share of the gap closed, one
// chart per measured outcome with a marker per release, and predicted vs realized lift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, shot, until, engineModule, pageWithDocument, fixture } from './harness.mjs';

const env = useBrowser();
const gs = await engineModule();
const hasEvidence = new Set(JSON.parse(gs.commands()).map((c) => c.name)).has('evidence');
const engine = (command, doc, options) => JSON.parse(gs.run(command, doc, JSON.stringify(options)));

const pageWith = (doc, attrs = '') => pageWithDocument(env, '/demo/evidence-test.html', doc, attrs);
const pct = (share) => `${Math.round(share * 100)} %`;

test('no measurements: no "Did it work?" tab', async () => {
  const page = await pageWith(fixture('tests/fixtures/documents/gap_small.json'));
  const tabs = await page.locator('gap-score').getByRole('tab').allTextContents();
  assert.ok(!tabs.includes('Did it work?'));
  await page.context().close();
});

test('did it work? the gap over time, release markers and realized lift from `evidence`', { skip: !hasEvidence && 'module without evidence' }, async () => {
  const doc = fixture('demo/health-app.json');
  const page = await pageWith(doc, 'view="evidence"');
  const view = page.locator('gap-score .gs-evidence');
  await until(async () => /Closed/.test(await view.textContent()), 10000, 'the evidence view');
  const expected = engine('evidence', doc, {});

  const summary = await view.locator('.gs-ev-summary').textContent();
  assert.ok(summary.includes(`Closed ${pct(expected.total.closed_share)} of the customers’ unrealized value from ${expected.total.from} to ${expected.total.to}`), summary);
  assert.ok(summary.includes(`delivered ${pct(expected.calibration.ratio)} of its predicted lift (${expected.calibration.items} items)`), summary);

  // One chart per measured outcome, one dot per measurement, one marker per release.
  const figures = view.locator('figure.gs-ev-outcome');
  assert.equal(await figures.count(), expected.outcomes.length);
  for (let k = 0; k < expected.outcomes.length; ++k) {
    const o = expected.outcomes[k];
    const fig = figures.nth(k);
    assert.equal(await fig.locator('figcaption strong').textContent(), o.name);
    assert.equal(await fig.locator('circle').count(), o.trend.length, `${o.id}: dots`);
    assert.equal(await fig.locator('.gs-ev-marker').count(), o.releases.length, `${o.id}: release markers`);
  }

  // Predicted vs realized lift, row by row as the engine lists them.
  const rows = await view.locator('.gs-ev-items tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, expected.items.length);
  expected.items.forEach((it, k) => {
    assert.equal(rows[k][0], it.title);
    assert.equal(rows[k][2], it.released);
    assert.equal(rows[k][3], pct(it.predicted_lift));
    assert.equal(rows[k][4], it.realized_lift === null ? '–' : pct(it.realized_lift));
    if (it.reason) assert.equal(rows[k][5], it.reason);
    if (it.shared_with) assert.match(rows[k][5], /^shared with /);
  });
  // The story of the demo: the hand-washing alert beat its estimate, the wallet fell short.
  const wash = expected.items.find((it) => it.id === 'hand-washing-alert');
  const wallet = expected.items.find((it) => it.id === 'insurance-card-wallet');
  assert.ok(wash.realized_lift > wash.predicted_lift && wallet.realized_lift < wallet.predicted_lift / 2);
  assert.equal(await view.locator('.gs-ev-items tr.gs-ev-missed').count() > 0, true);
  await page.locator('gap-score').screenshot({ path: shot('view-evidence.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
