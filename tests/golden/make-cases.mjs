// Writes the golden case lists: for every example document (demo/, tests/fixtures/documents/
// and the CSV files in tests/fixtures/csv/), every command in every format it offers, with
// the option sets worth pinning. Each case is one header line in
// tests/golden/<folder>/<document>/<command>.txt (folder demo or fixtures: SOURCES below);
// the outputs under each header are written by the native test in update mode
// (GAPSCORE_UPDATE_GOLDEN=1), from what run_command prints, and from then on both the native
// test (golden_test.cpp) and the node test (tests/node/golden.test.mjs, through the
// WebAssembly module) compare against them.
//
//   node tests/golden/make-cases.mjs        rewrite the case headers (keeps nothing else)
//   GAPSCORE_UPDATE_GOLDEN=1 build/native/tests/gapscore_tests --gtest_filter='*Golden*'
//
// Only run this when the set of cases should change; the point of the files is that the
// outputs stay the same while the code under them changes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'tests/golden');

// Fixed here on purpose: a new model or command gets its cases when this list is extended
// and the golden files regenerated, not silently.
const MODELS = ['rice', 'ice', 'wsjf', 'value_effort', 'weighted', 'topsis', 'gap', 'stakeholder'];
const TEXT = ['json', 'table', 'markdown'];
const FORMATS = {
  rank: [...TEXT, 'csv'],
  explain: ['json'],
  diff: ['json'],
  validate: ['json'],
  describe: ['json'],
  'import-csv': ['json'],
  gaps: TEXT,
  plan: TEXT,
  portfolio: TEXT,
  kano: TEXT,
  okr: TEXT,
  sensitivity: TEXT,
  simulate: [...TEXT, 'csv'],
  compare: TEXT,
  agreement: TEXT,
  ahp: TEXT,
  evidence: TEXT,
  report: ['markdown', 'html', 'json'],
};
/** Where the example documents are, and the folder under tests/golden their cases go in. */
const SOURCES = [
  { dir: 'demo', golden: 'demo' },
  { dir: 'tests/fixtures/documents', golden: 'fixtures' },
  { dir: 'tests/fixtures/csv', golden: 'fixtures' },
];
/**
 * Sheets that need more than the plain import (issue 22): the mapping it detects, and the
 * options that make it import. Every other sheet has the one plain case.
 */
const SHEET_OPTIONS = {
  'jira_cloud.csv': [{ detect: true }],
  'jira_datacenter_de.csv': [{ detect: true }, { locale: 'de' }],
  'azure_devops.csv': [{ detect: true }],
  'github_projects.tsv': [{ detect: true }],
  'linear.csv': [{ detect: true }],
  'unknown_header.csv': [{ detect: true }, { map: { id: 'Feature', effort: 'Aufwand', value: 'Nutzen' } }],
};
/** Documents too large to pin every case of: only these commands, with a top. */
const LARGE = new Set(['demo/large-backlog.json']);

/** The document with one input changed, for diff: the first criterion's weight, else an effort or reach. */
function changed(doc) {
  const copy = structuredClone(doc);
  if (!copy || typeof copy !== 'object' || !Array.isArray(copy.items)) return null;
  const c = Array.isArray(copy.criteria) ? copy.criteria.find((x) => x && typeof x.weight === 'number') : undefined;
  if (c) c.weight += 3;
  const item = copy.items.find((x) => x && (typeof x.effort === 'number' || typeof x.reach === 'number'));
  if (item && typeof item.effort === 'number') item.effort *= 4;
  else if (item) item.reach = item.reach * 10 + 1;
  const last = copy.items.findLast?.((x) => x && typeof x.reach === 'number');
  if (last && last !== item) last.reach = last.reach * 3 + 2;
  return copy;
}

function ids(list) {
  return Array.isArray(list) ? list.map((x) => x?.id).filter((id) => typeof id === 'string') : [];
}

/** Option sets per command for one JSON document; `after` files are written beside the cases. */
function optionSets(file, doc, dir) {
  const items = ids(doc?.items);
  const item = items[0] ?? 'no-such-item';
  const scenarios = ids(doc?.scenarios);
  const weightSets = Array.isArray(doc?.stakeholders)
    ? doc.stakeholders.filter((s) => s && typeof s.id === 'string' && s.weights && typeof s.weights === 'object').map((s) => s.id)
    : [];
  const after = changed(doc);
  let afterFile = null;
  if (after) {
    afterFile = path.relative(root, path.join(dir, 'after.json'));
    fs.writeFileSync(path.join(root, afterFile), JSON.stringify(after, null, 2) + '\n');
  }
  const large = LARGE.has(file);
  if (large)
    return {
      rank: [{ top: 10 }, { top: 10, model: 'weighted' }, { top: 10, model: 'topsis' }],
      explain: [{ item }, { item, model: 'weighted' }],
      validate: [{}],
      describe: [{}],
    };
  const sets = {
    rank: [{}, { top: 3 }, ...MODELS.map((model) => ({ model })), ...weightSets.slice(0, 2).map((weights) => ({ weights }))],
    explain: [{ item }, ...MODELS.map((model) => ({ item, model })), ...weightSets.slice(0, 1).map((weights) => ({ item, weights }))],
    diff: [{ after_file: file }, ...(afterFile ? [{ after_file: afterFile }, { after_file: afterFile, top: 2 }, { after_file: afterFile, model: 'weighted' }] : [])],
    validate: [{}, ...MODELS.map((model) => ({ model }))],
    describe: [{}],
    gaps: [{}],
    plan: [{ capacity: 10 }, { capacity: 1000 }, { model: 'weighted', capacity: 10 }],
    portfolio: [{}, { top: 3 }],
    kano: [{}],
    okr: [{}],
    sensitivity: [{}, { top: 3 }, { model: 'topsis' }, ...scenarios.slice(0, 1).map((scenario) => ({ scenario }))],
    simulate: [
      { runs: 300, seed: 7 },
      { runs: 50, seed: 12345, model: 'weighted' },
      ...scenarios.slice(0, 1).map((scenario) => ({ runs: 200, seed: 3, top: 3, scenario })),
    ],
    compare: [{ a: 'base', b: scenarios[0] ?? 'base' }, ...(scenarios.length > 1 ? [{ a: scenarios[0], b: scenarios[1], top: 3 }] : [])],
    agreement: [{}, { reference: 'rice' }],
    ahp: [{}],
    evidence: [{}],
    report: [{}, { top: 3 }, ...scenarios.slice(0, 1).map((scenario) => ({ scenario }))],
  };
  if (Array.isArray(doc?.measurements)) sets.rank.push({ confidence_from: 'evidence' });
  return sets;
}

function writeCases(dir, command, cases) {
  fs.mkdirSync(dir, { recursive: true });
  const lines = [];
  for (const c of cases) lines.push(`=== ${JSON.stringify(c)}`);
  fs.writeFileSync(path.join(dir, `${command}.txt`), lines.join('\n') + '\n');
}

for (const sub of new Set(SOURCES.map((s) => s.golden))) fs.rmSync(path.join(out, sub), { recursive: true, force: true });
let total = 0;
for (const { dir: folder, golden } of SOURCES) {
  for (const name of fs.readdirSync(path.join(root, folder)).sort()) {
    const file = `${folder}/${name}`;
    const dir = path.join(out, golden, name.replace(/\.(json|csv|tsv)$/, ''));
    if (name.endsWith('.csv') || name.endsWith('.tsv')) {
      const sets = [{}, ...(SHEET_OPTIONS[name] ?? [])];
      writeCases(dir, 'import-csv', sets.map((o) => ({ command: 'import-csv', document: file, options: { format: 'json', ...o } })));
      total += sets.length;
      continue;
    }
    if (!name.endsWith('.json')) continue;
    fs.mkdirSync(dir, { recursive: true });
    const doc = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    for (const [command, sets] of Object.entries(optionSets(file, doc, dir))) {
      const cases = [];
      for (const set of sets)
        for (const format of FORMATS[command]) {
          const { after_file, ...options } = set;
          cases.push({ command, document: file, options: { format, ...options }, ...(after_file ? { after_file } : {}) });
        }
      writeCases(dir, command, cases);
      total += cases.length;
    }
  }
}
console.log(`${total} golden cases under ${path.relative(root, out)}`);
