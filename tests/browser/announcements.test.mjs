// What a screen reader hears (issue 19, item 1), read from Chromium's accessibility tree over
// CDP (Accessibility.getFullAXTree): one polite live region per widget that says what moved
// after an edit settles, once, from the engine's ranks; no live weight readouts; names that
// tell the demo's two widgets apart; the top-N cut in the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, widget, backlog, demoText, engineTitles, until, typeEstimate, serveHtml, newPage, inlineWidget } from './harness.mjs';

const env = useBrowser();
const HEALTH = demoText('health-app.json');
const BOOK = 'Book appointments in the app';

/** The page's accessibility tree (every frame and shadow root, as assistive technology gets it). */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '', live: prop(n, 'live'), root: prop(n, 'root') ?? false, id: n.nodeId, parent: n.parentId }));
}

/** The nodes that start a live region (not the text inside one). */
const liveRoots = (tree) => {
  const byId = new Map(tree.map((n) => [n.id, n]));
  return tree.filter((n) => n.live && n.live !== 'off' && !(byId.get(n.parent)?.live && byId.get(n.parent).live !== 'off'));
};

/** Records each text the backlog widget's live region is given (what a screen reader would speak). */
function recordSpoken(page, sel = '#backlog') {
  return page.evaluate((s) => {
    const region = document.querySelector(s).shadowRoot.querySelector('[aria-live]');
    window.__spoken = [];
    new MutationObserver(() => {
      if (region.textContent) window.__spoken.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  }, sel);
}
const spoken = (page) => page.evaluate(() => window.__spoken);

test('an edit is said once with what moved, from the engine’s ranks, through one polite live region per widget', async () => {
  const page = await openDemo(env);
  await widget(page, '#gaps');
  const before = await engineTitles(HEALTH);
  const after = await engineTitles(HEALTH, { fields: [['appointment-booking', 'effort', 1]] });
  const was = before.indexOf(BOOK) + 1;
  const now = after.indexOf(BOOK) + 1;
  assert.ok(was > 10 && now <= 10, `the edit moves the item into the top 10 (#${was} → #${now}), else this test proves little`);
  await recordSpoken(page);
  await typeEstimate(backlog(page).getByRole('textbox', { name: `Effort of ${BOOK}` }), '1');
  await until(async () => (await spoken(page)).length > 0, 5000, 'the announcement');
  await page.waitForTimeout(1000); // nothing more is said
  const left = before.slice(0, 10).filter((t) => !after.slice(0, 10).includes(t));
  assert.equal(left.length, 1);
  assert.deepEqual(await spoken(page), [`${BOOK}: Effort 1. Now #${now}, up ${was - now}; entered the top 10. Left the top 10: ${left[0]} (#${after.indexOf(left[0]) + 1}).`]);

  const tree = await axTree(page);
  const live = liveRoots(tree);
  assert.deepEqual(live.map((n) => n.live), ['polite', 'polite'], 'one polite live region for each of the two widgets, nothing else live');
  assert.ok(live.some((n) => n.name.includes(`Now #${now}`) || tree.some((t) => t.parent === n.id && t.name.includes(`Now #${now}`))), 'the region holds the words');
  await page.context().close();
});

test('a slider moved with arrow keys is said once, after the keys stop; the readouts are not live', async () => {
  const page = await openDemo(env);
  await backlog(page).getByLabel('Model').selectOption('weighted');
  await until(async () => (await backlog(page).getByRole('slider').count()) > 0, 5000, 'the sliders');
  await page.waitForTimeout(800); // the model change is said first
  await recordSpoken(page);
  const slider = backlog(page).getByRole('slider', { name: 'User value' });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await until(async () => (await spoken(page)).length > 0, 5000, 'the announcement');
  await page.waitForTimeout(1000);
  const said = await spoken(page);
  assert.equal(said.length, 1, `said once: ${JSON.stringify(said)}`);
  assert.doesNotMatch(said[0], /%/, 'no percentages');
  assert.match(said[0], /moved|top 10/, 'says what moved');
  const live = liveRoots(await axTree(page));
  assert.equal(live.length, 2, 'still one live region per widget while sliders show');
  await page.context().close();
});

test('two widgets on one page: regions, tools and tab lists have names of their own', async () => {
  // The demo names its widgets (label); two unnamed widgets with the same title are numbered.
  for (const open of [
    async () => {
      const page = await openDemo(env);
      await widget(page, '#gaps');
      return page;
    },
    async () => {
      const page = await newPage(env.browser);
      const doc = JSON.parse(HEALTH);
      await serveHtml(env, page, '/demo/two.html', `${inlineWidget(doc, 'id="a"')}${inlineWidget(doc, 'id="b" view="matrix"')}`);
      await widget(page, '#a');
      await widget(page, '#b');
      return page;
    },
  ]) {
    const page = await open();
    const tree = await axTree(page);
    for (const role of ['region', 'group', 'tablist']) {
      const names = tree.filter((n) => n.role === role && n.name).map((n) => n.name);
      assert.ok(names.length >= 2, `${role}: both widgets have one (${JSON.stringify(names)})`);
      assert.equal(new Set(names).size, names.length, `${role} names are unique: ${JSON.stringify(names)}`);
    }
    await page.context().close();
  }
});

test('the top-N cut is in the accessibility tree', async () => {
  const page = await openDemo(env);
  const tree = await axTree(page);
  const cut = tree.filter((n) => /the top 10 ends here/.test(n.name));
  assert.ok(cut.length >= 1, 'the cut is said');
  // On the 10th row of the engine's order.
  const rank = await page.evaluate(() => {
    const sr = [...document.querySelector('#backlog').shadowRoot.querySelectorAll('tbody .gs-rank .gs-sr')];
    return sr.map((s) => s.closest('tr').querySelector('.gs-open').textContent);
  });
  assert.deepEqual(rank, [(await engineTitles(HEALTH))[9]]);
  await page.context().close();
});
