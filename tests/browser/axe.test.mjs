// axe-core on the demo page (issue 19, "Done means"): every view of both widgets, light and
// dark, desktop (1280 px) and phone (390 px), with no serious or critical violation. axe runs
// inside the page and reads into the widgets' shadow roots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, openDemo, widget, root, until, backlog, chooseModel, newPage, serveHtml, inlineWidget } from './harness.mjs';

const env = useBrowser();
const AXE = readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious and critical violations on the page as it is now (or in the element `sel`), one line each. */
async function violations(page, sel = null) {
  const found = await page.evaluate(async (sel) => {
    const r = await window.axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
  }, sel);
  return found;
}

/**
 * Clicks through every tab of the widget `sel`, waiting for each view to draw, and runs axe on
 * each; `found` keeps each violation once, with the first view it was seen on.
 */
async function everyView(page, sel, where, found) {
  const tabs = page.locator(sel).getByRole('tab');
  const names = await tabs.allTextContents();
  for (const name of names.length ? names : ['(single view)']) {
    if (names.length) {
      await page.locator(sel).getByRole('tab', { name, exact: true }).click();
      // A view draws once changes settle (a timer of 0 ms) and the simulation in slices.
      await until(() => page.evaluate((s) => {
        const panel = document.querySelector(s).shadowRoot.querySelector('[role=tabpanel]:not([hidden])');
        return !!panel && panel.textContent.trim().length > 0 && !panel.querySelector('.gs-progress:not([hidden])');
      }, sel), 20000, `the ${name} view`);
      // A view draws once changes settle (a timer), and what follows a draw (scroll boxes made
      // focusable) on the next frame.
      await page.waitForTimeout(250);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    for (const v of await violations(page)) found.set(v, `${where} ${sel} “${name}”: ${v}`);
  }
}

for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 390]) {
    test(`axe: no serious or critical violation on any view, ${scheme}, ${width} px`, async () => {
      const page = await openDemo(env, '/demo/index.html', { viewport: { width, height: 900 }, colorScheme: scheme });
      await widget(page, '#gaps');
      await page.addScriptTag({ content: AXE });
      const where = `${scheme} ${width}px`;
      const found = new Map();
      await everyView(page, '#backlog', where, found);
      // Sensitivity appears under a model that reads weights: look at it there too.
      await backlog(page).getByRole('tab', { name: 'Ranking', exact: true }).click();
      await chooseModel(page, 'weighted');
      await everyView(page, '#backlog', `${where} weighted`, found);
      // After a change that moves items into and out of the top: What-if's tinted rows (their
      // arrows read 4.33:1 on the green before).
      await backlog(page).getByRole('tab', { name: 'Ranking', exact: true }).click();
      const before = await backlog(page).locator('tbody tr').first().textContent();
      await backlog(page).getByRole('slider', { name: /^Effort/ }).press('End');
      await until(async () => (await backlog(page).locator('tbody tr').first().textContent()) !== before, 5000, 'the order to move');
      await everyView(page, '#backlog', `${where} weighted, effort weighed most`, found);
      await everyView(page, '#gaps', where, found);
      assert.deepEqual([...found.values()], []);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}

// A document no model can rank: the whole widget is the error box, its "what stayed" line in
// muted text (it read 4.31:1 on the box's tint).
test('axe: the refusal of a document no model can rank', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1000, height: 700 } });
  const doc = { format: 'gapscore/1', items: [{ id: 'a', title: 'Alpha', reach: 10, impact: 1, confidence: 0.5, efort: 2 }] };
  await serveHtml(env, page, '/demo/axe-refused.html', inlineWidget(doc));
  await until(async () => await page.locator('gap-score').locator('.gs-error').isVisible(), 5000, 'the refusal');
  assert.ok((await page.locator('gap-score').locator('.gs-error .gs-muted').count()) > 0, 'the muted line is there to check');
  await page.addScriptTag({ content: AXE });
  assert.deepEqual(await violations(page, 'gap-score'), []); // the widget (this bare page has no title)
  await page.context().close();
});

// Found by a black-box review: on a phone the weighted scorecard's explanation cut off its
// Weight share and Contribution columns, and the dialog body scrolled sideways with nothing a
// keyboard could reach (axe: scrollable-region-focusable). The terms table scrolls in its own
// box, a named region in the tab order when it overflows; the dialog body itself fits.
test('axe: an explanation on a phone (390 px) under the weighted scorecard and TOPSIS', async () => {
  const page = await openDemo(env, '/demo/index.html', { viewport: { width: 390, height: 844 } });
  await page.addScriptTag({ content: AXE });
  for (const model of ['weighted', 'topsis']) {
    await chooseModel(page, model);
    const first = backlog(page).locator('tbody tr .gs-open').first();
    const title = await first.textContent();
    await first.click();
    const dialog = backlog(page).getByRole('dialog', { name: title });
    await until(async () => (await dialog.locator('table.gs-terms').count()) === 1, 3000, `${model}: the terms table`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const fit = await dialog.locator('.gs-dialog-body').evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
    assert.ok(fit.scroll <= fit.client + 1, `${model}: the dialog body does not scroll sideways (${fit.scroll} > ${fit.client})`);
    const box = dialog.locator('.gs-scroll:has(table.gs-terms)');
    const overflows = await box.evaluate((b) => b.scrollWidth > b.clientWidth + 1);
    if (overflows) {
      assert.equal(await box.getAttribute('tabindex'), '0', `${model}: the wide table's box is reachable by keyboard`);
      assert.match(await box.getAttribute('aria-label'), /scrolls sideways/);
    }
    assert.deepEqual(await violations(page, 'gap-score'), [], model);
    await page.keyboard.press('Escape');
  }
  await page.context().close();
});
