// The interactive engine: every in-place change must rank exactly as the native CLI ranks
// the edited document, refused changes leave the state untouched, and delete() frees it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { cliPath, loadModule, root, runNative, runWasm } from './support.mjs';

const gs = await loadModule();
cliPath();

const samplePath = path.join(root, 'demo/widget-sample.json');
const sampleText = fs.readFileSync(samplePath, 'utf8');
const sample = JSON.parse(sampleText);

/** Ids best first, as the native CLI ranks `doc` with `model` (all items, whatever the document's "top"). */
function nativeOrder(doc, model) {
  const r = runNative('rank', JSON.stringify(doc), { model, top: doc.items.length });
  assert.equal(r.exitCode, 0, r.output);
  return JSON.parse(r.output).ranking.map((row) => row.id);
}
/** Native score per item id. */
function nativeScores(doc, model) {
  const r = runNative('rank', JSON.stringify(doc), { model, top: doc.items.length });
  return new Map(JSON.parse(r.output).ranking.map((row) => [row.id, row.score]));
}
function engineOrder(e) {
  return Array.from(e.order(), (i) => e.itemId(i));
}
function loaded(text = sampleText) {
  const e = new gs.Engine();
  assert.equal(e.load(text), true, e.lastErrors());
  return e;
}

const engines = [];
after(() => {
  for (const e of engines) if (!e.isDeleted()) e.delete();
});

describe('engine on demo/widget-sample.json', () => {
  test('loads and ranks as native rank does, for every model the document supports', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.size(), sample.items.length);
    for (let i = 0; i < e.size(); ++i) {
      assert.equal(e.itemId(i), sample.items[i].id);
      assert.equal(e.itemTitle(i), sample.items[i].title ?? '');
    }
    assert.equal(e.model(), sample.model ?? 'rice');
    for (const model of ['rice', 'ice', 'wsjf', 'value_effort', 'weighted', 'topsis']) {
      assert.equal(e.setModel(model), true, e.lastErrors());
      if (!e.rank()) {
        // The document lacks this model's inputs: native must refuse too.
        assert.notEqual(runNative('rank', sampleText, { model }).exitCode, 0, model);
        continue;
      }
      assert.deepEqual(engineOrder(e), nativeOrder(sample, model), model);
      const scores = nativeScores(sample, model);
      const mine = e.scores();
      for (let i = 0; i < e.size(); ++i) assert.equal(mine[i], scores.get(e.itemId(i)), `${model} ${e.itemId(i)}`);
      const ranks = e.ranks();
      e.order().forEach((item, position) => assert.ok(ranks[item] <= position + 1, 'ties share the better rank'));
    }
  });

  test('a weight change re-ranks exactly as native rank of the edited document', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.setModel('weighted'), true);
    assert.equal(e.rank(), true, e.lastErrors());
    const before = nativeOrder(sample, 'weighted');
    assert.deepEqual(engineOrder(e), before);
    // Find a change that moves the order, so the test would notice a stale ranking.
    let moved = false;
    for (const [c, criterion] of sample.criteria.entries()) {
      for (const weight of [0, 40]) {
        const edited = structuredClone(sample);
        edited.criteria[c].weight = weight;
        const expected = nativeOrder(edited, 'weighted');
        assert.equal(e.setWeight(criterion.id, weight), true, e.lastErrors());
        assert.equal(e.rank(), true);
        assert.deepEqual(engineOrder(e), expected, `${criterion.id} = ${weight}`);
        // The engine's document is the edited one.
        assert.deepEqual(JSON.parse(e.documentJson()).criteria[c].weight, weight);
        moved ||= expected.join() !== before.join();
        assert.equal(e.setWeight(criterion.id, criterion.weight), true);
        assert.equal(e.rank(), true);
        assert.deepEqual(engineOrder(e), before);
      }
    }
    assert.ok(moved, 'some weight change must move the order');
  });

  test('a field change re-ranks as native does, and documentJson() carries the edit', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.setModel('rice'), true);
    assert.equal(e.rank(), true, e.lastErrors());
    const last = e.itemId(e.order()[e.size() - 1]);
    assert.equal(e.setField(last, 'reach', 1e9), true, e.lastErrors());
    assert.equal(e.rank(), true);
    assert.equal(e.itemId(e.order()[0]), last, 'a huge reach moves the last item first');
    const edited = structuredClone(sample);
    edited.items.find((it) => it.id === last).reach = 1e9;
    assert.deepEqual(engineOrder(e), nativeOrder(edited, 'rice'));
    // documentJson() is a document the CLI ranks the same way.
    const saved = e.documentJson();
    const native = runNative('rank', saved, { model: 'rice', top: e.size() });
    assert.deepEqual(JSON.parse(native.output).ranking.map((r) => r.id), engineOrder(e));
  });

  test('setScore changes a criterion score as native does', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.setModel('weighted'), true);
    const item = sample.items.at(-1).id;
    const criterion = sample.criteria[0].id;
    assert.equal(e.setScore(item, criterion, 1000), true, e.lastErrors());
    assert.equal(e.rank(), true);
    const edited = structuredClone(sample);
    const it = edited.items.at(-1);
    it.scores = { ...(it.scores ?? {}), [criterion]: 1000 };
    assert.deepEqual(engineOrder(e), nativeOrder(edited, 'weighted'));
  });

  test('explain(item) equals the explain command on the current state', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.explain(sample.items[0].id), 'null', 'nothing to explain before rank()');
    for (const model of ['rice', 'weighted']) {
      assert.equal(e.setModel(model), true);
      assert.equal(e.rank(), true);
      for (const item of sample.items.slice(0, 3)) {
        const viaRun = runWasm(gs, 'explain', e.documentJson(), { item: item.id, model });
        assert.equal(e.explain(item.id), viaRun.output, `${model} ${item.id}`);
      }
    }
    assert.equal(e.explain('no-such-item'), 'null');
  });

  test('additive parts add up to the score; none for RICE', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.setModel('weighted'), true);
    assert.equal(e.rank(), true);
    assert.equal(e.partCount(), sample.criteria.length);
    const names = Array.from({ length: e.partCount() }, (_, k) => e.partName(k));
    assert.deepEqual(names, sample.criteria.map((c) => c.id));
    const parts = names.map((_, k) => e.parts(k));
    const scores = e.scores();
    for (let i = 0; i < e.size(); ++i) {
      const sum = parts.reduce((s, p) => s + p[i], 0);
      assert.ok(Math.abs(sum - scores[i]) <= 1e-12 * Math.max(1, Math.abs(scores[i])), `${e.itemId(i)}: ${sum} vs ${scores[i]}`);
    }
    assert.equal(e.partName(99), '');
    assert.equal(e.parts(99).length, 0);
    assert.equal(e.parts(-1).length, 0);
    assert.equal(e.setModel('rice'), true);
    assert.equal(e.rank(), true);
    assert.equal(e.partCount(), 0);
  });

  test('refused changes return false, explain why, and leave the state unchanged', () => {
    const e = loaded();
    engines.push(e);
    assert.equal(e.setModel('weighted'), true);
    assert.equal(e.rank(), true);
    const doc = e.documentJson();
    const order = engineOrder(e);
    const scores = Array.from(e.scores());
    const item = sample.items[0].id;
    const criterion = sample.criteria[0].id;
    const refused = [
      () => e.setWeight(criterion, NaN),
      () => e.setWeight(criterion, -1),
      () => e.setWeight(criterion, Infinity),
      () => e.setWeight('no-such-criterion', 1),
      () => e.setField(item, 'effort', -2),
      () => e.setField(item, 'effort', 0),
      () => e.setField(item, 'effort', NaN),
      () => e.setField(item, 'confidence', 7),
      () => e.setField('no-such-item', 'effort', 2),
      () => e.setField(item, 'no_such_field', 2),
      () => e.setScore(item, criterion, NaN),
      () => e.setScore(item, 'no-such-criterion', 1),
      () => e.setModel('no-such-model'),
      () => e.load('{"format": "gapscore/1", "items": ['),
      () => e.load('{"format": "gapscore/1", "items": [{"id": "a", "effort": -1}]}'),
    ];
    for (const call of refused) {
      assert.equal(call(), false, call.toString());
      const errors = JSON.parse(e.lastErrors()).errors;
      assert.ok(Array.isArray(errors) && errors.length > 0 && typeof errors[0].message === 'string', call.toString());
      assert.equal(e.documentJson(), doc, call.toString());
      assert.equal(e.model(), 'weighted');
      assert.equal(e.rank(), true);
      assert.deepEqual(engineOrder(e), order, call.toString());
      assert.deepEqual(Array.from(e.scores()), scores, call.toString());
      assert.equal(e.lastErrors(), '', 'a success clears the errors');
    }
    const bad = JSON.parse((e.setField(item, 'effort', -2), e.lastErrors())).errors[0];
    assert.equal(bad.path, '/items/0/effort');
  });

  test('rank() fails with the missing inputs listed when the model lacks them, as native does', () => {
    const doc = { format: 'gapscore/1', items: [{ id: 'a', reach: 10, impact: 1, confidence: 1, effort: 1 }, { id: 'b' }] };
    const e = new gs.Engine();
    engines.push(e);
    assert.equal(e.load(JSON.stringify(doc)), true, e.lastErrors());
    assert.equal(e.rank(), false);
    assert.equal(e.order().length, 0);
    assert.equal(e.scores().length, 0);
    const native = runNative('rank', JSON.stringify(doc), { model: 'rice' });
    assert.equal(native.exitCode, 2);
    assert.deepEqual(JSON.parse(e.lastErrors()).errors, JSON.parse(native.output).errors);
    assert.equal(e.setField('b', 'reach', 5) && e.setField('b', 'impact', 1) && e.setField('b', 'confidence', 0.5) && e.setField('b', 'effort', 2), true);
    assert.equal(e.rank(), true, e.lastErrors());
    assert.deepEqual(engineOrder(e), ['a', 'b']);
  });
});

test('load() keeps the previous state when the new document is refused', () => {
  const e = loaded();
  const order = (e.rank(), engineOrder(e));
  assert.equal(e.load('not json'), false);
  assert.equal(e.size(), sample.items.length);
  assert.equal(e.rank(), true);
  assert.deepEqual(engineOrder(e), order);
  e.delete();
});

test('delete() frees the engine; using it afterwards throws a JavaScript error, not a crash', () => {
  const e = loaded();
  assert.equal(e.isDeleted(), false);
  e.delete();
  assert.equal(e.isDeleted(), true);
  assert.throws(() => e.rank(), /deleted/);
  // Many engines created and deleted: the module keeps working.
  for (let k = 0; k < 200; ++k) {
    const x = loaded();
    x.rank();
    x.delete();
  }
  assert.equal(runWasm(gs, 'rank', sampleText, {}).exitCode, 0);
});

test('views read wasm memory in place and follow the latest rank()', () => {
  const e = loaded();
  e.setModel('weighted');
  e.rank();
  const view = e.scores();
  assert.ok(view instanceof Float64Array);
  assert.ok(e.order() instanceof Uint32Array && e.ranks() instanceof Uint32Array);
  const copy = view.slice();
  e.setWeight(sample.criteria[0].id, 0);
  e.rank();
  assert.notDeepEqual(Array.from(e.scores()), Array.from(copy));
  e.delete();
});

test('tieSizes(): per item, how many share its score, as the native rank reports ties (tie_count + 1)', () => {
  // Five items with equal RICE inputs, two others: one tie of five.
  const items = [{ id: 'a', reach: 50, impact: 2, confidence: 1, effort: 1 }, { id: 'z', reach: 1, impact: 1, confidence: 1, effort: 1 }];
  for (const id of ['t1', 't2', 't3', 't4', 't5']) items.push({ id, reach: 10, impact: 1, confidence: 1, effort: 1 });
  const doc = { format: 'gapscore/1', model: 'rice', items };
  const e = new gs.Engine();
  engines.push(e);
  assert.equal(e.load(JSON.stringify(doc)), true, e.lastErrors());
  assert.equal(e.rank(), true);
  const native = JSON.parse(runNative('rank', JSON.stringify(doc), { top: items.length }).output).ranking;
  const ties = e.tieSizes();
  assert.ok(ties instanceof Uint32Array);
  for (let i = 0; i < e.size(); ++i) {
    const row = native.find((r) => r.id === e.itemId(i));
    assert.equal(ties[i], (row.tie_count ?? 0) + 1, e.itemId(i));
  }
  assert.deepEqual(Array.from(ties).filter((t) => t > 1).length, 5);
});
