// The split widget's first part (issue 18): a module with the Engine alone, built from the
// same core (wasm/CMakeLists.txt, gapscore_wasm_engine). Its Engine must answer exactly what
// the whole module's Engine answers (dist/gapscore.mjs, whose commands are byte-identical to
// the CLI): the split widget ranks and explains with it and runs the views' commands on the
// whole module, so any difference would show two truths on one page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { exampleDocuments, loadModule, root } from './support.mjs';

const enginePath = process.env.GAPSCORE_ENGINE_MODULE ?? path.join(root, 'build/wasm/wasm/gapscore-engine.mjs');
if (!fs.existsSync(enginePath)) throw new Error(`${enginePath} is missing: build it with \`npm run build:wasm\``);
const whole = await loadModule();
const part = await (await import(pathToFileURL(enginePath).href)).default();

/** Everything an Engine says about a document after `steps`, as plain data. */
function answers(gs, text, steps = () => {}) {
  const e = new gs.Engine();
  try {
    const out = { load: e.load(text), errors: e.lastErrors() };
    if (!out.load) return out;
    out.size = e.size();
    out.describe = e.describe();
    const description = JSON.parse(out.describe);
    out.models = {};
    for (const m of description.models ?? []) {
      const r = { set: e.setModel(m.id) };
      steps(e, r);
      r.rank = e.rank();
      r.errors = e.lastErrors();
      if (r.rank) {
        r.order = Array.from(e.order());
        r.scores = Array.from(e.scores());
        r.ranks = Array.from(e.ranks());
        r.parts = Array.from({ length: e.partCount() }, (_, k) => [e.partName(k), Array.from(e.parts(k))]);
        // Every item's explanation for small documents; the first few for large ones.
        r.explain = Array.from({ length: Math.min(e.size(), 12) }, (_, i) => e.explain(e.itemId(i)));
      }
      r.describe = e.describe();
      out.models[m.id] = r;
    }
    out.document = e.documentJson();
    return out;
  } finally {
    e.delete();
  }
}

describe('the split widget’s first part (gapscore-engine.mjs)', () => {
  test('binds the Engine and nothing else: the commands and the Simulation come with the whole module', () => {
    assert.equal(typeof part.Engine, 'function');
    // (part.run is Emscripten's own runtime start, not the command entry point)
    assert.equal(part.runWithStatus, undefined);
    assert.equal(part.commands, undefined);
    assert.equal(part.Simulation, undefined);
  });

  for (const file of exampleDocuments()) {
    test(`${file}: the same answers as the whole module's Engine, every model`, () => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      assert.deepEqual(answers(part, text), answers(whole, text));
    });
  }

  test('edits (a weight, a field, a score) answer the same, refusals included', () => {
    const text = fs.readFileSync(path.join(root, 'demo/widget-sample.json'), 'utf8');
    const doc = JSON.parse(text);
    const item = doc.items[0].id;
    const criterion = doc.criteria?.[0]?.id ?? 'user_value';
    const edits = (e, r) => {
      r.edits = [
        e.setWeight(criterion, 0.25), e.lastErrors(),
        e.setField(item, 'effort', 3), e.lastErrors(),
        e.setField(item, 'effort', -1), e.lastErrors(),
        e.setScore(item, criterion, 4), e.lastErrors(),
        e.setWeight('no-such-criterion', 1), e.lastErrors(),
      ];
    };
    assert.deepEqual(answers(part, text, edits), answers(whole, text, edits));
  });

  test('a document that cannot load is refused with the same errors', () => {
    for (const text of ['{"items": [', '{"format": "gapscore/1", "items": [{"id": "a", "title": "A", "reach": -1}]}', fs.readFileSync(path.join(root, 'tests/fixtures/documents/invalid_backlog.json'), 'utf8')]) {
      assert.deepEqual(answers(part, text), answers(whole, text));
    }
  });
});
