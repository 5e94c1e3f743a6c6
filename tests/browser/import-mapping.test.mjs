// Issue 22 in the widget, driven as a person does: choose a tracker's export in the Import
// dialog, see its columns beside the fields (the export recognized), change a column,
// preview the ranking, replace the data; a header nobody recognizes gets a clear message and
// the mapping, which is remembered for the next sheet with the same header row; "Copy as
// Markdown" puts the engine's decision record on the clipboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, newPage, titles, demoText, until, openAt, inlineWidget, engineTitles, engineModule, root } from './harness.mjs';

const env = useBrowser();
const SAMPLE = JSON.parse(demoText('widget-sample.json'));

const fixtureBytes = (name) => readFileSync(resolve(root, 'tests/fixtures/csv', name));

/** The document the engine imports from a fixture with these options, without the import's notes. */
async function imported(name, options = {}) {
  const gs = await engineModule();
  const r = gs.runWithStatus('import-csv', fixtureBytes(name).toString('utf8'), JSON.stringify(options));
  assert.equal(r.exitCode, 0, r.output);
  const doc = JSON.parse(r.output);
  delete doc.warnings;
  return JSON.stringify(doc);
}

/** A page with one widget (the sample document) and its Import dialog open. */
async function openImport(path, options = {}) {
  const page = await newPage(env.browser, options);
  await openAt(env, page, path, inlineWidget(SAMPLE));
  const w = page.locator('gap-score');
  await w.getByRole('button', { name: 'Import / export…' }).click();
  return { page, w, dialog: w.getByRole('dialog', { name: 'Import / export' }) };
}

async function chooseFile(dialog, name, mimeType = 'text/csv') {
  await dialog.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType, buffer: fixtureBytes(name) });
}

/** The preview's ranked titles (without the score after each). */
const previewTitles = (dialog) => dialog.locator('.gs-preview-ranking li > span:first-child').allTextContents();

const EXPORTS = [
  { file: 'jira_cloud.csv', source: 'a Jira (Cloud or Data Center) export', first: 'Hand-washing alert' },
  { file: 'azure_devops.csv', source: 'an Azure DevOps query export', first: 'Hand-washing alert' },
  { file: 'github_projects.tsv', source: 'a GitHub Projects view export', first: 'Hand-washing alert', mimeType: 'text/tab-separated-values' },
  { file: 'linear.csv', source: 'a Linear CSV export', first: 'Hand-washing alert' },
];

for (const e of EXPORTS) {
  test(`${e.file}: recognized, mapped, previewed and imported as the engine ranks it`, async () => {
    const { page, w, dialog } = await openImport(`/demo/import-${e.file.replace(/\W/g, '-')}.html`);
    await chooseFile(dialog, e.file, e.mimeType);
    const panel = dialog.getByRole('region', { name: 'Columns' });
    await until(() => panel.isVisible(), 3000, 'the Columns panel');
    assert.match(await panel.textContent(), new RegExp(`read as ${e.source.replace(/[()]/g, '\\$&')}`));
    assert.notEqual(await panel.getByLabel('Title', { exact: true }).inputValue(), '', 'the title column is chosen');
    await until(async () => (await previewTitles(dialog))[0] === e.first, 3000, 'the ranked preview');
    await dialog.getByRole('button', { name: 'Replace the data' }).click();
    const model = await w.getByLabel('Model').inputValue();
    const expected = await engineTitles(await imported(e.file), { model });
    await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(expected.slice(0, (await titles(page)).length)), 3000, 'the imported ranking');
    assert.equal((await titles(page))[0], e.first);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('what the import leaves out and the export\'s own notes are said once, not in the Columns panel and again below', async () => {
  const { page, dialog } = await openImport('/demo/import-notes-once.html');
  await chooseFile(dialog, 'jira_cloud.csv');
  await until(async () => (await previewTitles(dialog)).length === 4, 3000, 'the preview');
  // The engine's own notes for this sheet (a Jira export: Priority is a label, not a score).
  const gs = await engineModule();
  const detected = JSON.parse(gs.runWithStatus('import-csv', fixtureBytes('jira_cloud.csv').toString('utf8'), '{"detect": true}').output);
  assert.ok(detected.notes.length > 0, 'the fixture has an export note to show');
  const text = await dialog.textContent();
  const times = (needle) => text.split(needle).length - 1;
  for (const note of detected.notes) assert.equal(times(note), 1, `said once: ${note}`);
  assert.equal(times('no field reads'), 1, 'the columns left out, said once');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('changing a column re-ranks the preview, and the import uses it', async () => {
  const { page, w, dialog } = await openImport('/demo/import-change.html');
  await chooseFile(dialog, 'azure_devops.csv');
  await until(async () => (await previewTitles(dialog)).length === 4, 3000, 'the preview');
  // Effort from the Time Criticality column instead: value / time criticality.
  await dialog.getByLabel('Effort', { exact: true }).selectOption('Time Criticality');
  const order = ['Birthday wishes', 'Two-factor sign-in', 'Hand-washing alert', 'Notification scheduling service'];
  await until(async () => JSON.stringify(await previewTitles(dialog)) === JSON.stringify(order), 3000, 'the preview ranked by the new column');
  await dialog.getByRole('button', { name: 'Replace the data' }).click();
  assert.equal(await w.getByLabel('Model').inputValue(), 'value_effort');
  const expected = await engineTitles(await imported('azure_devops.csv', { map: { effort: 'Time Criticality' } }), { model: 'value_effort' });
  assert.deepEqual(expected, order);
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(order), 3000, 'the imported rows');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a European export: refused until the reader says how its numbers are written', async () => {
  const { page, dialog } = await openImport('/demo/import-de.html');
  await chooseFile(dialog, 'jira_datacenter_de.csv');
  const error = dialog.locator('.gs-error');
  await until(() => error.isVisible(), 3000, 'the error');
  assert.match(await error.textContent(), /1\.200/);
  assert.ok(await dialog.getByRole('button', { name: 'Replace the data' }).isDisabled());
  await dialog.getByLabel('Numbers written as').selectOption('de');
  await until(async () => (await previewTitles(dialog))[0] === 'Händewaschen-Erinnerung', 3000, 'the preview');
  await dialog.getByRole('button', { name: 'Replace the data' }).click();
  await until(async () => (await titles(page))[0] === 'Händewaschen-Erinnerung', 3000, 'the imported rows');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a header nobody recognizes: a clear message, the mapping, remembered for the next such sheet', async () => {
  const { page, w, dialog } = await openImport('/demo/import-unknown.html');
  await chooseFile(dialog, 'unknown_header.csv');
  const error = dialog.locator('.gs-error');
  await until(() => error.isVisible(), 3000, 'the error');
  assert.match(await error.textContent(), /not one of an export gapscore knows/);
  // The advice is the dialog's own (the Columns table), not the command line's options.
  assert.match(await error.textContent(), /choose them under Columns above/);
  assert.doesNotMatch(await error.textContent(), /--detect|import-csv/);
  const panel = dialog.getByRole('region', { name: 'Columns' });
  assert.match(await panel.textContent(), /This header row is not one gapscore knows/);
  await panel.getByLabel('Id', { exact: true }).selectOption('Feature');
  await panel.getByLabel('Effort', { exact: true }).selectOption('Aufwand');
  await panel.getByLabel('Value (value vs effort)').selectOption('Nutzen');
  await until(async () => JSON.stringify(await previewTitles(dialog)) === JSON.stringify(['Händewaschen', 'Geburtstag']), 3000, 'the preview');
  await dialog.getByRole('button', { name: 'Replace the data' }).click();
  await until(async () => JSON.stringify(await titles(page)) === JSON.stringify(['Händewaschen', 'Geburtstag']), 3000, 'the imported rows');

  // The same header row again: the mapping comes back, and the preview needs no choice.
  await w.getByRole('button', { name: 'Import / export…' }).click();
  await chooseFile(dialog, 'unknown_header.csv');
  await until(async () => /the last time a sheet had these columns/.test(await panel.textContent()), 3000, 'the remembered mapping');
  assert.equal(await panel.getByLabel('Id', { exact: true }).inputValue(), 'Feature');
  await until(async () => (await previewTitles(dialog)).length === 2, 3000, 'the preview');
  assert.ok(await dialog.getByRole('button', { name: 'Replace the data' }).isEnabled());
  // "Use the detected mapping" forgets it: the error again.
  await panel.getByRole('button', { name: 'Use the detected mapping' }).click();
  await until(() => error.isVisible(), 3000, 'the error after forgetting');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Copy as Markdown: the engine\'s decision record on the clipboard', async () => {
  const { page, dialog } = await openImport('/demo/import-copy.html');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  await dialog.getByRole('button', { name: 'Copy as Markdown' }).click();
  await until(async () => /Copied/.test(await dialog.locator('.gs-copied').textContent()), 3000, 'the note that it was copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const gs = await engineModule();
  const model = await page.locator('gap-score').getByLabel('Model').inputValue();
  const r = gs.runWithStatus('report', JSON.stringify(SAMPLE), JSON.stringify({ format: 'markdown', model, top: SAMPLE.top }));
  assert.equal(r.exitCode, 0, r.output);
  assert.equal(copied, r.output);
  assert.match(copied, /^## Decision record/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Copy as Markdown without clipboard permission: the record to copy by hand', async () => {
  const { page, dialog } = await openImport('/demo/import-copy-denied.html');
  await page.evaluate(() => {
    const reject = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: reject, readText: reject } });
  });
  await dialog.getByRole('button', { name: 'Copy as Markdown' }).click();
  const area = dialog.getByLabel(/select the decision record and copy it/);
  await until(() => area.isVisible(), 3000, 'the text to copy');
  assert.match(await area.inputValue(), /^## Decision record/);
  await page.context().close();
});

test('Download HTML: the engine\'s static decision record in a page, without a script', async () => {
  const { page, dialog } = await openImport('/demo/import-html.html', { acceptDownloads: true });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download HTML (decision record)' }).click()]);
  assert.match(download.suggestedFilename(), /-decision-record\.html$/);
  const html = readFileSync(await download.path(), 'utf8');
  const gs = await engineModule();
  const model = await page.locator('gap-score').getByLabel('Model').inputValue();
  const r = gs.runWithStatus('report', JSON.stringify(SAMPLE), JSON.stringify({ format: 'html', model, top: SAMPLE.top }));
  assert.ok(html.includes(r.output), 'the engine\'s HTML, as is');
  assert.doesNotMatch(html, /<script/i);
  await page.context().close();
});
