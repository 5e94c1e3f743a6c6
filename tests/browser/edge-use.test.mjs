// The widget at the edges people reach (found by QA driving it like a stakeholder): a share
// link opened in a read-only widget, undo after a slider whose step rounds the page's weight,
// an estimate that makes a score overflow, the CSV export of a document with a `top`, the
// readonly attribute switched off, src set late, a decimal comma, tiny numbers, properties,
// and wide tables on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, newPage, widget, titles, engineTitles, demoText, until } from './harness.mjs';

const env = useBrowser();

const SAMPLE = demoText('widget-sample.json'); // 10 items, "top": 5

/** demo/minimal.html: Intercom's three RICE projects. */
async function openMinimal() {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}/demo/minimal.html`);
  await widget(page);
  return page;
}

/** Types a value into an estimate and commits it with Enter, as a person does. */
async function typeEstimate(input, value) {
  await input.fill(value);
  await input.press('Enter');
}

/** Serves `html` (a page under demo/, so ../dist and the demo data resolve) and opens it, with `hash` after its address. */
async function openPage(page, name, body, hash = '') {
  await page.route(`${env.base}/demo/${name}`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script src="../dist/gapscore-widget.js"></script>${body}` }),
  );
  await page.goto(`${env.base}/demo/${name}${hash}`);
}

const inShadow = (page, sel, fn) => page.evaluate(([s, f]) => new Function('root', f)(document.querySelector(s).shadowRoot), [sel, fn]);

test('a share link cannot change the data of a read-only widget: only its model and weights apply', async () => {
  const sender = await newPage(env.browser);
  await openPage(sender, 'share-edit.html', '<gap-score id="w" src="widget-sample.json"></gap-score>');
  await widget(sender);
  const doc = JSON.parse(SAMPLE);
  const last = doc.items.at(-1);
  const input = sender.getByRole('textbox', { name: `Reach of ${last.title}` });
  await typeEstimate(input, '99999999');
  await sender.getByLabel('Model').selectOption('rice');
  await until(async () => (await titles(sender))[0] === last.title, 5000, 'the forged item on top for the sender');
  await sender.getByRole('button', { name: 'Share link' }).click();
  await until(async () => sender.url().includes('#gs-'), 3000, 'the link');
  const fragment = new URL(sender.url()).hash;
  await sender.context().close();

  const reader = await newPage(env.browser);
  await openPage(reader, 'share-readonly.html', '<gap-score id="w" src="widget-sample.json" readonly></gap-score>', fragment);
  await widget(reader);
  // The link's model (RICE) applies; its estimate does not.
  await until(async () => JSON.stringify(await titles(reader)) === JSON.stringify(await engineTitles(SAMPLE, { model: 'rice' })), 5000, 'the page’s own data under the link’s model');
  assert.match(await reader.locator('gap-score').locator('.gs-status').textContent(), /read-only/);
  assert.deepEqual(reader.problems, []);
  await reader.context().close();
});

test('undo after keyboard steps on a slider gives back the page’s exact weight', async () => {
  const page = await newPage(env.browser);
  const doc = JSON.parse(SAMPLE);
  doc.model = 'weighted';
  doc.criteria[0].weight = 0.3; // not on the slider's 0.5 grid
  await openPage(page, 'odd-weight.html', `<gap-score id="odd"><script type="application/json">${JSON.stringify(doc)}</script></gap-score>`);
  await widget(page);
  const text = JSON.stringify(doc);
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(await engineTitles(text, { model: 'weighted' })), 5000, 'the page’s ranking');
  const slider = page.getByRole('slider', { name: doc.criteria[0].name });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const undo = page.locator('gap-score').getByRole('button', { name: /Undo/ });
  // Keyboard nudges of one slider merge into one step (history.ts): undo until there is none.
  for (let i = 0; i < 3 && !(await undo.isDisabled()); i++) await undo.click();
  assert.ok(await undo.isDisabled(), 'nothing left to undo');
  const weight = await page.evaluate(() => document.querySelector('gap-score').document.criteria[0].weight);
  assert.equal(weight, 0.3);
  assert.deepEqual(await titles(page), await engineTitles(text, { model: 'weighted' }));
  await page.context().close();
});

test('an estimate that makes a score overflow is refused, and the ranking stays live', async () => {
  const page = await openMinimal();
  const reach = page.getByRole('textbox', { name: 'Reach of Project 1' });
  await typeEstimate(reach, '1e308');
  await until(async () => await page.locator('gap-score').locator('.gs-error').isVisible(), 3000, 'the refusal');
  assert.match(await page.locator('gap-score').locator('.gs-error').textContent(), /not applied[\s\S]*infinity/i);
  assert.equal(await reach.inputValue(), '450');
  // The next edit still re-ranks: Project 2 with reach 20000 goes first.
  const reach2 = page.getByRole('textbox', { name: 'Reach of Project 2' });
  await typeEstimate(reach2, '20000');
  await until(async () => (await titles(page))[0] === 'Project 2', 5000, 'a live ranking after the refusal');
  await page.context().close();
});

test('the CSV export has every item, also when the document sets a top N', async () => {
  const page = await newPage(env.browser, { acceptDownloads: true });
  await openPage(page, 'export-top.html', '<gap-score src="widget-sample.json"></gap-score>');
  await widget(page);
  await page.getByRole('button', { name: /Import \/ export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV (ranking)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv.length, 1 + JSON.parse(SAMPLE).items.length);
  await page.context().close();
});

test('switching readonly off starts from the saved edits, without the read-only visit’s undo steps', async () => {
  const page = await newPage(env.browser);
  await openPage(page, 'ro.html', '<gap-score id="ro" src="widget-sample.json"></gap-score>');
  await widget(page);
  const items = JSON.parse(SAMPLE).items;
  const effort = page.getByRole('textbox', { name: `Effort of ${items[0].title}` });
  await typeEstimate(effort, '40');
  await until(async () => (await page.evaluate(() => localStorage.getItem('gapscore:id:ro')))?.includes('40'), 3000, 'the edit saved');
  // The same widget on a read-only page: it neither reads nor writes storage; a model change
  // there is an undo step of that visit only.
  await openPage(page, 'ro-readonly.html', '<gap-score id="ro" src="widget-sample.json" readonly></gap-score>');
  await widget(page);
  await page.getByLabel('Model').selectOption('weighted');
  const undo = page.locator('gap-score').getByRole('button', { name: /Undo/ });
  await until(async () => !(await undo.isDisabled()), 3000, 'an undo step in the read-only visit');
  await page.evaluate(() => document.querySelector('gap-score').removeAttribute('readonly'));
  await until(async () => (await page.evaluate(() => document.querySelector('gap-score').document?.items[0].effort)) === 40, 5000, 'the saved edit loaded');
  assert.ok(await undo.isDisabled(), 'no undo step from the read-only visit survives (an Undo would save over the edit)');
  const other = page.getByRole('textbox', { name: `Effort of ${items[1].title}` });
  await typeEstimate(other, '30');
  await until(async () => (await page.evaluate(() => localStorage.getItem('gapscore:id:ro')))?.includes('30'), 3000, 'the second edit saved');
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('gapscore:id:ro')));
  assert.equal(saved.state.fields[items[0].id].effort, 40, 'the first edit is still saved');
  await page.context().close();
});

test('src set after a failed load, or right after the element is added, loads the file', async () => {
  const page = await newPage(env.browser);
  await openPage(page, 'late-src.html', '<gap-score id="late" src="no-such-file.json"></gap-score>');
  await widget(page);
  assert.match(await page.locator('#late').locator('.gs-error').textContent(), /no-such-file/);
  await page.evaluate(() => (document.querySelector('#late').src = 'widget-sample.json'));
  await until(async () => (await titles(page, '#late')).length > 0, 5000, 'the new src loaded');
  await page.evaluate(() => {
    const el = document.createElement('gap-score');
    el.id = 'made';
    document.body.append(el);
    el.setAttribute('src', 'widget-sample.json');
  });
  await until(async () => (await titles(page, '#made')).length > 0, 5000, 'the script-made widget loaded its src');
  assert.equal(await page.locator('#made').locator('.gs-error').isVisible(), false);
  page.problems = page.problems.filter((p) => !/404|no-such-file/.test(p)); // the missing file was on purpose
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a decimal comma is read as a decimal, and "1,000" is refused as ambiguous', async () => {
  const page = await openMinimal();
  const effort = page.getByRole('textbox', { name: 'Effort of Project 3' });
  await typeEstimate(effort, '2,5');
  await until(async () => (await page.evaluate(() => document.querySelector('gap-score').document.items[2].effort)) === 2.5, 3000, 'effort 2.5');
  assert.equal(await effort.inputValue(), '2.5', 'the field shows the number as applied');
  const reach = page.getByRole('textbox', { name: 'Reach of Project 3' });
  await typeEstimate(reach, '1,000');
  assert.equal(await reach.evaluate((el) => el.validationMessage), 'Not applied: “1,000” could be 1000 or 1.000: type it without the comma, or with a point');
  assert.equal(await page.evaluate(() => document.querySelector('gap-score').document.items[2].reach), 800);
  await page.context().close();
});

test('tiny values are shown as tiny, not as 0', async () => {
  const page = await openMinimal();
  const effort = page.getByRole('textbox', { name: 'Effort of Project 3' });
  await typeEstimate(effort, '1e-300');
  await until(async () => /Effort 1\.00e-300/.test(await page.locator('gap-score').locator('.gs-status').textContent()), 3000, 'the status names the tiny value');
  await page.context().close();
});

test('on a phone, the stakeholder and sensitivity tables scroll sideways inside the widget', async () => {
  const page = await newPage(env.browser, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#backlog');
  const backlog = page.locator('#backlog');
  await backlog.getByLabel('Model').selectOption('weighted'); // Sensitivity is about criterion weights
  for (const [tab, table] of [
    ['Stakeholders', '.gs-pairs'],
    ['Sensitivity', '.gs-sens'],
  ]) {
    await backlog.getByRole('tab', { name: tab }).click();
    await until(async () => (await backlog.locator(table).count()) > 0, 10000, `the ${tab} table`);
    const fits = await inShadow(page, '#backlog', `const t = root.querySelector('${table}'); const box = t.parentElement; return box.classList.contains('gs-scroll') && box.getBoundingClientRect().right <= document.documentElement.clientWidth;`);
    assert.ok(fits, `${tab}: the table sits in a scroll box inside the page`);
  }
  await page.context().close();
});
