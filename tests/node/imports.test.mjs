// Issue 22 through the module and the CLI alike: each vendor's export (tests/fixtures/csv/,
// whose README cites the vendors' documentation) imports and ranks the same through
// dist/gapscore.mjs run("import-csv", ...) as through `gapscore import-csv` with its flags
// (--map, --locale, --detect); a header nobody recognizes is refused with a clear message;
// `gapscore report --format markdown|html` prints the module's bytes, and its HTML has no
// script and escapes every title.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { cliPath, loadModule, root } from './support.mjs';

const gs = await loadModule();
const cli = cliPath();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gapscore-imports-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** The CLI with these arguments; `input` is written to a file named by `{file}` in args. */
function gapscore(args, input = null) {
  let file = null;
  if (input !== null) {
    file = path.join(tmp, `in-${Math.random().toString(36).slice(2)}`);
    fs.writeFileSync(file, input);
  }
  const r = spawnSync(cli, args.map((a) => (a === '{file}' ? file : a)), { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const fixture = (name) => fs.readFileSync(path.join(root, 'tests/fixtures/csv', name), 'utf8');

/** The module's import, then its ranking by `model`: ids best first. */
function moduleRanking(text, options, model) {
  const imported = gs.runWithStatus('import-csv', text, JSON.stringify(options));
  assert.equal(imported.exitCode, 0, imported.output);
  const doc = JSON.parse(imported.output);
  delete doc.warnings; // the import's notes, not data (the widget drops them too)
  const ranked = gs.runWithStatus('rank', JSON.stringify(doc), JSON.stringify({ model }));
  assert.equal(ranked.exitCode, 0, ranked.output);
  return { doc: imported.output, ids: JSON.parse(ranked.output).ranking.map((r) => r.id) };
}

/** Each vendor's export: the module's options, the same as CLI flags, the model it ranks by, and the expected order. */
const EXPORTS = [
  { file: 'jira_cloud.csv', options: {}, flags: [], model: 'rice', first: 'HEALTH-1', items: 4 },
  { file: 'jira_datacenter_de.csv', options: { locale: 'de' }, flags: ['--locale', 'de'], model: 'value_effort', first: 'GES-11', items: 3 },
  { file: 'azure_devops.csv', options: {}, flags: [], model: 'value_effort', first: '272', items: 4 },
  { file: 'github_projects.tsv', options: {}, flags: [], model: 'value_effort', first: 'acme/health-app#14', items: 4 },
  { file: 'linear.csv', options: {}, flags: [], model: 'value_effort', first: 'ENG-14', items: 3 },
  {
    file: 'unknown_header.csv',
    options: { map: { id: 'Feature', effort: 'Aufwand', value: 'Nutzen' } },
    flags: ['--map', 'id=Feature', '--map', 'effort=Aufwand', '--map', 'value=Nutzen'],
    model: 'value_effort',
    first: 'Händewaschen',
    items: 2,
  },
];

for (const e of EXPORTS) {
  test(`${e.file} imports and ranks the same through the module and the CLI`, () => {
    const text = fixture(e.file);
    const m = moduleRanking(text, e.options, e.model);
    assert.equal(m.ids.length, e.items);
    assert.equal(m.ids[0], e.first);

    const imported = gapscore(['import-csv', '{file}', ...e.flags], text);
    assert.equal(imported.code, 0, imported.out + imported.err);
    assert.equal(imported.out, m.doc, 'the CLI prints the module document, byte for byte');
    const ranked = gapscore(['rank', '{file}', '--model', e.model, '--format', 'json'], imported.out);
    assert.equal(ranked.code, 0, ranked.out + ranked.err);
    assert.deepEqual(JSON.parse(ranked.out).ranking.map((r) => r.id), m.ids);
  });
}

test('--detect prints the mapping the module describes, with the export recognized and what is left out', () => {
  const text = fixture('azure_devops.csv');
  const cliOut = gapscore(['import-csv', '--detect', '{file}'], text);
  assert.equal(cliOut.code, 0, cliOut.err);
  const wasm = gs.runWithStatus('import-csv', text, JSON.stringify({ detect: true }));
  assert.equal(cliOut.out, wasm.output);
  const d = JSON.parse(wasm.output);
  assert.equal(d.source.id, 'azure_devops');
  assert.match(d.source.reference, /^https:\/\/learn\.microsoft\.com\//);
  assert.equal(d.map.id, 'ID');
  assert.equal(d.map.title, 'Title');
  assert.equal(d.map.effort, 'Effort');
  assert.equal(d.map.business_value, 'Business Value');
  assert.equal(d.map.tags, 'Tags');
  assert.ok(d.left_out.includes('Assigned To'), d.left_out.join(', '));
});

test('--map title=Summary --map effort="Story Points" is the "map" option', () => {
  const csv = 'Key,Summary,Story Points,Value\nA-1,Alpha,3,9\nA-2,Beta,1,2\n';
  const flags = gapscore(['import-csv', '{file}', '--map', 'id=Key', '--map', 'title=Summary', '--map', 'effort=Story Points'], csv);
  assert.equal(flags.code, 0, flags.err);
  const option = gs.runWithStatus('import-csv', csv, JSON.stringify({ map: { id: 'Key', title: 'Summary', effort: 'Story Points' } }));
  assert.equal(flags.out, option.output);
  const doc = JSON.parse(option.output);
  assert.deepEqual(doc.items[0], { id: 'A-1', title: 'Alpha', effort: 3, value: 9 });
  // A column the sheet lacks is named, with the one meant.
  const wrong = gapscore(['import-csv', '{file}', '--map', 'effort=Story Point'], csv);
  assert.equal(wrong.code, 2);
  assert.match(wrong.out, /no column \\"Story Point\\" \(is it \\"Story Points\\"\?\)/);
});

test('a header row nobody recognizes: a clear message, the same in both builds', () => {
  const text = fixture('unknown_header.csv');
  const native = gapscore(['import-csv', '{file}'], text);
  const wasm = gs.runWithStatus('import-csv', text, '{}');
  assert.equal(native.code, 2);
  assert.equal(wasm.exitCode, 2);
  assert.equal(native.out, wasm.output);
  const error = JSON.parse(wasm.output).errors[0];
  assert.equal(error.code, 'unknown_header');
  assert.match(error.message, /not one of an export gapscore knows/);
  assert.match(error.message, /"Feature", "Aufwand", "Nutzen"/);
});

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "</td></tr></table><iframe src='javascript:alert(3)'>",
  '<svg/onload=alert(4)>',
  '[link](javascript:alert(5)) | **bold** `code`',
  '&lt;already escaped&gt; & <b>bold</b>',
];

function hostileDocument() {
  return JSON.stringify({
    format: 'gapscore/1',
    title: '<script>document.title</script> Q3',
    items: HOSTILE.map((title, k) => ({ id: `x${k}`, title, reach: 100 * (k + 1), impact: 1, confidence: 1, effort: 1 })),
  });
}

test('report --format html: no script, every hostile title escaped, the module\'s bytes', () => {
  const doc = hostileDocument();
  const native = gapscore(['report', '{file}', '--format', 'html'], doc);
  assert.equal(native.code, 0, native.err);
  const wasm = gs.runWithStatus('report', doc, JSON.stringify({ format: 'html' }));
  assert.equal(native.out, wasm.output);
  const html = wasm.output;
  // Every tag is one the renderer writes, with no attribute but class and scope: no script,
  // no event handler, no link (an escaped title's "onerror" is text, not an attribute).
  for (const [tag] of html.matchAll(/<[^>]*>/g))
    assert.match(tag, /^<\/?(section|h2|h3|p|strong|table|thead|tbody|tr|th|td)( class="[a-z-]+"| scope="col")?>$/, tag);
  // Each title is there, escaped.
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  for (const title of HOSTILE) assert.ok(html.includes(escape(title)), title);
});

test('report --format markdown: every title escaped, the module\'s bytes; "table" is refused', () => {
  const doc = hostileDocument();
  const native = gapscore(['report', '{file}', '--format', 'markdown'], doc);
  assert.equal(native.code, 0, native.err);
  assert.equal(native.out, gs.runWithStatus('report', doc, JSON.stringify({ format: 'markdown' })).output);
  // Every < is escaped (\<): a Markdown renderer shows it as text, never as a tag.
  assert.doesNotMatch(native.out, /(^|[^\\])</m);
  for (const title of ['\\<script\\>alert(1)\\</script\\>', '\\[link\\](javascript:alert(5)) \\| \\*\\*bold\\*\\* \\`code\\`'])
    assert.ok(native.out.includes(title), title);
  assert.match(native.out, /^## Decision record: /);
  const dflt = gapscore(['report', '{file}'], doc);
  assert.equal(dflt.out, native.out, 'Markdown is the CLI default');
  const table = gapscore(['report', '{file}', '--format', 'table'], doc);
  assert.notEqual(table.code, 0);
});
