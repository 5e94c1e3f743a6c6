// Parity: for every example document and every command the module knows, run(...) in
// WebAssembly prints the same bytes, with the same exit code, as `gapscore COMMAND
// --format json` natively. Errors included: a model whose inputs a document lacks must fail
// with the same {"errors": [...]} document in both builds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { cliPath, exampleDocuments, loadModule, modelIds, root, runNative, runWasm } from './support.mjs';

const gs = await loadModule();
cliPath(); // fail early, with the message saying how to build it
const commands = JSON.parse(gs.commands()).map((c) => c.name);
const models = modelIds(gs);

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The same document with one input changed: the first criterion's weight, else the first numeric effort or reach. */
function changed(doc, text) {
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.items)) return text.replace(/\s+$/, '') + ' ';
  const copy = structuredClone(doc);
  const c = Array.isArray(copy.criteria) ? copy.criteria.find((x) => x && typeof x.weight === 'number') : undefined;
  if (c) c.weight += 3;
  else {
    const item = copy.items.find((x) => x && (typeof x.effort === 'number' || typeof x.reach === 'number'));
    if (item && typeof item.effort === 'number') item.effort *= 4;
    else if (item) item.reach = item.reach * 10 + 1;
  }
  return JSON.stringify(copy, null, 2) + '\n';
}

/** Options worth comparing for one command on one document. */
function optionSets(command, doc, text) {
  const items = Array.isArray(doc?.items) ? doc.items : [];
  const firstItem = typeof items[0]?.id === 'string' ? items[0].id : 'no-such-item';
  const scenarios = Array.isArray(doc?.scenarios) ? doc.scenarios.map((s) => s?.id).filter((id) => typeof id === 'string') : [];
  const stakeholders = Array.isArray(doc?.stakeholders) ? doc.stakeholders.map((s) => s?.id).filter((id) => typeof id === 'string') : [];
  switch (command) {
    case 'rank':
      return [{}, { top: 3 }, ...models.map((model) => ({ model })), ...stakeholders.slice(0, 2).map((weights) => ({ weights }))];
    case 'explain':
      return [{ item: firstItem }, ...models.map((model) => ({ item: firstItem, model }))];
    case 'validate':
      return [{}, ...models.map((model) => ({ model }))];
    case 'diff':
      return [{ after: changed(doc, text) }, { after: text, top: 2 }];
    case 'compare':
      return [{ a: 'base', b: scenarios[0] ?? 'base' }, ...(scenarios.length > 1 ? [{ a: scenarios[0], b: scenarios[1], top: 3 }] : [])];
    case 'simulate':
      // Same seed, same numbers: a fixed seed and a small run count keep this quick.
      return [{ runs: 300, seed: 7 }, { runs: 50, seed: 12345, model: 'weighted' }];
    case 'plan':
      return [{ capacity: 10 }, { capacity: 1000 }];
    case 'agreement':
      return [{}, { reference: 'rice' }];
    default:
      return [{}];
  }
}

for (const file of exampleDocuments()) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const doc = parse(text);
  describe(`parity on ${file}`, () => {
    for (const command of commands) {
      test(command, () => {
        for (const opts of optionSets(command, doc, text)) {
          const native = runNative(command, text, opts);
          const wasm = runWasm(gs, command, text, opts);
          const label = `gapscore ${native.args.slice(0, 1).concat(native.args.slice(2)).join(' ')}`;
          assert.equal(wasm.output, native.output, `${label}: output differs`);
          assert.equal(wasm.exitCode, native.exitCode, `${label}: exit code differs`);
        }
      });
    }
  });
}

// import-csv reads CSV text: compare it on the CSV examples too.
for (const dir of ['demo', 'tests/fixtures/csv']) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full) || !commands.includes('import-csv')) continue;
  for (const name of fs.readdirSync(full).filter((n) => n.endsWith('.csv') || n.endsWith('.tsv')).sort()) {
    test(`parity of import-csv on ${dir}/${name}`, () => {
      const text = fs.readFileSync(path.join(full, name), 'utf8');
      const native = runNative('import-csv', text);
      const wasm = runWasm(gs, 'import-csv', text);
      assert.equal(wasm.output, native.output);
      assert.equal(wasm.exitCode, native.exitCode);
    });
  }
}

test('the module knows at least the foundation commands', () => {
  for (const name of ['rank', 'explain', 'diff', 'validate']) assert.ok(commands.includes(name), name);
  assert.ok(models.includes('rice') && models.includes('weighted'), models.join(', '));
});
