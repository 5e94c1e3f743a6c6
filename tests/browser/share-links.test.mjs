// Share links on the demo page: a link reproduces the view (model, edits) in a fresh browser
// and leaves the page's other widget alone; opened over the reader's own saved edits it is a
// visit, with the view that was open, which Undo and a reload leave for the reader's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, engineTitles, demoText, until, openDemo, backlog, chooseModel, expectOrder } from './harness.mjs';

const env = useBrowser();
const HEALTH = demoText('health-app.json');

test('a share link reproduces the view in a fresh browser, and leaves the other widget alone', async () => {
  const page = await openDemo(env);
  await chooseModel(page, 'wsjf');
  const input = backlog(page).getByRole('textbox', { name: 'Job size of Birthday wishes' });
  await backlog(page).getByRole('button', { name: /Show \d+ more/ }).click();
  await input.fill('0.5');
  await input.press('Enter');
  const expected = await engineTitles(HEALTH, { model: 'wsjf', fields: [['birthday-wishes', 'job_size', 0.5]] });
  await expectOrder(page, expected);
  await backlog(page).getByRole('button', { name: 'Share link' }).click();
  await until(async () => page.url().includes('gs-id%3Abacklog='), 3000, 'the link in the address');
  const url = page.url();
  assert.ok(!url.includes('?'), 'nothing in the query string: the state lives after #');
  // The page holds the data (src): the link carries the change and the view only (it carried
  // the whole backlog before, 10,613 characters).
  assert.ok(url.length < 1000, `a short link: ${url.length} characters`);
  const fresh = await newPage(env.browser); // a new context: empty localStorage, like a colleague's browser
  await fresh.goto(url);
  await widget(fresh, '#backlog');
  await expectOrder(fresh, expected, '#backlog', 'the shared order');
  assert.equal(await fresh.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value), 'wsjf');
  assert.match(await fresh.locator('#backlog .gs-status').textContent(), /shared view/i);
  await until(async () => !fresh.url().includes('gs-id%3Abacklog'), 3000, 'the link parameter to leave the address');
  const gapsModel = (p) => p.evaluate(() => document.querySelector('#gaps').shadowRoot.querySelector('#gs-model').value);
  assert.equal(await gapsModel(fresh), await gapsModel(page), 'the other widget is untouched');
  await fresh.context().close();
  await page.context().close();
});

test('a share link is a visit: it carries the open view, Undo returns to the reader’s own, and a reload shows their saved edits', async () => {
  // The sender: WSJF on the "Value vs effort" tab.
  const sender = await openDemo(env);
  await chooseModel(sender, 'wsjf');
  await backlog(sender).getByRole('tab', { name: 'Value vs effort' }).click();
  await backlog(sender).getByRole('button', { name: 'Share link' }).click();
  await until(async () => sender.url().includes('gs-id%3Abacklog='), 3000, 'the link in the address');
  const url = sender.url();
  await sender.context().close();

  // The reader has an edit of their own (RICE, the document's model), saved.
  const page = await openDemo(env);
  const effort = backlog(page).getByRole('textbox', { name: 'Effort of Medication reminders' });
  await effort.fill('1');
  await effort.press('Enter');
  const own = await engineTitles(HEALTH, { fields: [['medication-reminders', 'effort', 1]] });
  await expectOrder(page, own, '#backlog', 'the reader’s own edit');
  const modelOf = () => page.evaluate(() => document.querySelector('#backlog').shadowRoot.querySelector('#gs-model').value);
  const selectedTab = () => backlog(page).locator('[role=tab][aria-selected=true]').textContent();

  // The link pasted into the address of the open page applies at once (hashchange).
  await page.goto(url);
  await until(async () => (await modelOf()) === 'wsjf', 3000, 'the shared model');
  assert.equal(await selectedTab(), 'Value vs effort', 'the view that was open when the link was made');
  assert.match(await backlog(page).locator('.gs-status').textContent(), /shared view/i);
  assert.equal(await backlog(page).getByRole('button', { name: /Undo/ }).isEnabled(), true, 'Undo is offered, as the message says');

  // A reload shows the reader's own saved edits, not the visited view.
  await page.reload();
  await widget(page, '#backlog');
  await until(async () => (await modelOf()) === 'rice', 3000, 'the reader’s model after reload');
  await backlog(page).getByRole('tab', { name: 'Ranking' }).click();
  await expectOrder(page, own, '#backlog', 'the reader’s own edit after reload');

  // Opened as a fresh load: Undo returns to the reader's own view.
  await page.goto('about:blank');
  await page.goto(url);
  await widget(page, '#backlog');
  await until(async () => (await modelOf()) === 'wsjf', 3000, 'the shared model on a fresh load');
  await backlog(page).getByRole('button', { name: /Undo/ }).click();
  await until(async () => (await modelOf()) === 'rice', 3000, 'Undo back to the reader’s own model');
  await backlog(page).getByRole('tab', { name: 'Ranking' }).click();
  await expectOrder(page, own, '#backlog', 'the reader’s own edit after Undo');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
