// Loading and returning (issue 19, item 6): the widget keeps its space while it loads, so the
// demo page does not jump (cumulative layout shift, measured with a PerformanceObserver from
// the first byte), and a returning reader whose saved edits are on screen is told so, with
// Reset right there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, backlog, openDemo, typeEstimate, until, focused, titles, engineTitles, demoText } from './harness.mjs';

const env = useBrowser();

for (const width of [1280, 390]) {
  test(`the demo page hardly moves while its widgets load (${width} px)`, async () => {
    const page = await newPage(env.browser, { viewport: { width, height: 900 } });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${env.base}/demo/index.html`);
    await widget(page, '#backlog');
    await widget(page, '#gaps');
    await page.waitForTimeout(1000); // views draw once changes settle
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.02, `cumulative layout shift ${cls.toFixed(3)} (0.1 is "good"; it was 0.19 before the space was kept)`);
    await page.context().close();
  });
}

test('a returning reader is told the saved edits are showing, and Reset (by keyboard) goes back to the page’s data', async () => {
  const page = await openDemo(env);
  const note = backlog(page).locator('[part=saved-note]');
  assert.equal(await note.isVisible(), false, 'a first visit shows the page’s data: nothing to say');
  await typeEstimate(backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' }), '0.25');
  await until(async () => (await page.evaluate(() => localStorage.length)) > 0, 3000, 'the edit saved');
  assert.equal(await note.isVisible(), false, 'an edit made now is not a saved edit from before');
  await page.reload();
  await widget(page, '#backlog');
  await until(() => note.isVisible(), 3000, 'the note');
  assert.equal((await note.textContent()).trim(), 'Showing your saved edits · Reset');
  const edited = await titles(page, '#backlog');
  assert.notDeepEqual(edited, (await engineTitles(demoText('health-app.json'))).slice(0, edited.length), 'the saved edit is on screen');
  await note.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  await until(async () => !(await note.isVisible()), 3000, 'the note to go');
  assert.deepEqual(await titles(page, '#backlog'), (await engineTitles(demoText('health-app.json'))).slice(0, edited.length), 'the page’s data');
  assert.match((await focused(page)).text, /Undo/, 'focus on Undo, which brings the edits back');
  await page.keyboard.press('Enter');
  await until(async () => JSON.stringify(await titles(page, '#backlog')) === JSON.stringify(edited), 3000, 'the undo');
  assert.equal(await note.isVisible(), false, 'edits brought back by Undo are this visit’s');
  await page.context().close();
});
