// Unit tests, under node, of the widget's session as an adapter over the engine's describe()
// (wasm/widget/session.ts): what the document offers is the engine's answer, asked once per
// change and never on a drag's frames; inputs are edited where their values come from; a
// document no model can rank is refused with the typo and what the model lacks, by code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widgetModules } from './harness.mjs';

const u = await widgetModules(
  `export { Session, NO_MODEL } from './session.ts'; export { emptyState, sanitizeState } from './state.ts';
   export { EngineFailure, isEngineFailure } from './engine-guard.ts';`,
);

const model = (id, usable, extra = {}) => ({ id, label: id.toUpperCase(), variant: id, formula: '', usable, inputs: [], reads_weights: false, exact_sensitivity: false, quadrants: false, ...extra });
const criterion = (id, source, weight, field) => ({ id, name: `${id} name`, weight, weight_from: 'document', weight_is_range: false, direction: 'benefit', source, ...(field ? { field } : {}) });

/** A fake module whose engines answer describe() from `describe(engine)` and count the calls. */
function fakeModule(describe) {
  const calls = { describe: 0, rank: 0 };
  class Engine {
    current = 'rice';
    weights = {};
    load() {
      return true;
    }
    lastErrors() {
      return '';
    }
    setModel(id) {
      this.current = id;
      return true;
    }
    setWeight(id, w) {
      this.weights[id] = w;
      return true;
    }
    setField() {
      return true;
    }
    setScore() {
      return true;
    }
    // The widget edits estimates through these (a range keeps its range); without ranges, as setField and setScore.
    setFieldLikely(item, field, v) {
      return this.setField(item, field, v);
    }
    setScoreLikely(item, criterion, v) {
      return this.setScore(item, criterion, v);
    }
    setWeightLikely(id, w) {
      return this.setWeight(id, w);
    }
    rank() {
      calls.rank++;
      return true;
    }
    size() {
      return 2;
    }
    order() {
      return new Uint32Array([0, 1]);
    }
    scores() {
      return new Float64Array([2, 1]);
    }
    ranks() {
      return new Uint32Array([1, 2]);
    }
    tieSizes() {
      return new Uint32Array([1, 1]);
    }
    partCount() {
      return 0;
    }
    itemId(i) {
      return ['a', 'b'][i];
    }
    itemTitle(i) {
      return ['Alpha', 'Beta'][i];
    }
    model() {
      return this.current;
    }
    documentJson() {
      return '{}';
    }
    explain() {
      return '{}';
    }
    describe() {
      calls.describe++;
      return JSON.stringify(describe(this));
    }
    delete() {}
  }
  return { gs: { Engine }, calls };
}

const DOC = JSON.stringify({ format: 'gapscore/1', model: 'weighted', items: [{ id: 'a', effort: 2, scores: { value: 3 } }, { id: 'b', effort: 4, scores: { value: 1 } }] });

/** The engine's description of DOC: RICE lacks reach, the weighted model reads two criteria, one from the effort field. */
function describeDoc(engine) {
  return {
    title: 'T',
    items: 2,
    model: engine.current,
    model_given: true,
    top: 2,
    top_given: false,
    models: [
      model('rice', false, { problems: [{ path: '/items/0/reach', code: 'missing_input', message: 'missing' }], problem_count: 2 }),
      model('weighted', true, {
        reads_weights: true,
        inputs: [
          { kind: 'criterion', id: 'value', name: 'Value', source: 'scores' },
          { kind: 'criterion', id: 'effort', name: 'Effort (days)', source: 'field', field: 'effort' },
          { kind: 'criterion', id: 'okr', name: 'OKR', source: 'okr' },
        ],
      }),
    ],
    criteria: [criterion('value', 'scores', engine.weights.value ?? 5), criterion('effort', 'field', engine.weights.effort ?? 3, 'effort'), criterion('okr', 'okr', 1)],
    weight_sets: [],
    sections: [],
    views: [{ id: 'ranking' }, { id: 'sensitivity', models: ['weighted'] }],
    uncertain_inputs: 0,
    warnings: [{ path: '/items/0/titel', code: 'unknown_field', suggestion: 'title', message: 'unknown field' }],
  };
}

test('what the document offers is the engine’s description: models, inputs where their values come from, weights, top, warnings', () => {
  const { gs } = fakeModule(describeDoc);
  const s = new u.Session(gs);
  assert.deepEqual(s.open(DOC, u.emptyState()), { ok: true, dropped: 0, droppedEdits: [] });
  assert.equal(s.model, 'weighted', 'the document’s model, usable');
  assert.deepEqual(s.models, [{ id: 'rice', label: 'RICE', usable: false }, { id: 'weighted', label: 'WEIGHTED', usable: true }]);
  assert.deepEqual(
    s.inputs().map((c) => [c.kind, c.key, c.label, c.criterion]),
    [['score', 'value', 'Value', 'value'], ['field', 'effort', 'Effort (days)', 'effort']],
    'a criterion from a field is edited as the field; OKR alignment is not typed',
  );
  assert.equal(s.readsWeights, true);
  assert.equal(s.defaultTop, 2);
  assert.deepEqual(s.warnings.map((w) => w.suggestion), ['title']);
  assert.deepEqual(s.criteria().map((c) => [c.id, c.weight, c.documentWeight]), [['value', 5, 5], ['effort', 3, 3], ['okr', 1, 1]]);
  // The engine's description follows the model in use; the document's model stays the document's.
  s.apply({ kind: 'model', before: null, after: 'rice' }, 'after', u.sanitizeState({ model: 'rice' }));
  assert.equal(s.documentModel(), 'weighted');
});

test('describe() is asked once per change, never on the frames of a drag', () => {
  const { gs, calls } = fakeModule(describeDoc);
  const s = new u.Session(gs);
  s.open(DOC, u.emptyState());
  const afterLoad = calls.describe;
  assert.equal(afterLoad, 1, 'one description at load');
  for (let frame = 0; frame < 60; frame++) {
    s.previewWeight('value', 5 - frame / 20);
    assert.ok(s.rank());
  }
  assert.equal(calls.describe, afterLoad, 'no describe() while the slider moves');
  const next = u.sanitizeState({ weights: { value: 2 } });
  assert.equal(s.apply({ kind: 'weight', id: 'value', before: null, after: 2 }, 'after', next).ok, true);
  assert.equal(calls.describe, afterLoad, 'not asked until something needs it');
  assert.deepEqual(s.criteria().map((c) => [c.id, c.weight, c.documentWeight]), [['value', 2, 5], ['effort', 3, 3], ['okr', 1, 1]], 'the weight in use, and the page’s for the scale');
  s.criteria();
  s.models;
  assert.equal(calls.describe, afterLoad + 1, 'then once, and kept until the next change');
});

test('a document no model can rank is refused: the typo first, then what the document’s model lacks, each with its code', () => {
  const { gs } = fakeModule((e) => ({
    ...describeDoc(e),
    model: 'rice',
    views: [],
    models: [
      model('rice', false, {
        problems: [
          { path: '/items/0/effort', code: 'missing_input', message: 'missing: rice needs effort' },
          { path: '/items/1/effort', code: 'missing_input', message: 'missing: rice needs effort' },
        ],
        problem_count: 2,
      }),
      model('ice', false, { problems: [{ path: '/items/0/ease', code: 'missing_input', message: 'missing: ice' }], problem_count: 4 }),
    ],
    warnings: [
      { path: '/items/0/efort', code: 'unknown_field', suggestion: 'effort', message: 'unknown field' },
      { path: '/items/0/colour', code: 'unknown_field', message: 'unknown field' },
    ],
  }));
  const s = new u.Session(gs);
  const r = s.open(DOC, u.emptyState());
  assert.equal(r.ok, false);
  assert.equal(r.heading, u.NO_MODEL);
  assert.deepEqual(
    r.errors.map((e) => [e.code, e.path]),
    [['unknown_field', '/items/0/efort'], ['missing_input', '/items/0/effort']],
    'the typo (not the unknown field without a near name), then what RICE lacks, once',
  );
  assert.equal(r.note, 'RICE is the document’s model: it lacks an input in 2 places. ICE cannot rank these items either.');
  assert.equal(s.loaded, false, 'nothing loaded');
});

test('saved edits the data cannot take are named with the engine’s reason (its path and code) and left out of the state', () => {
  const { gs } = fakeModule(describeDoc);
  const refusal = (path, message) => JSON.stringify({ errors: [{ path, code: 'unknown_reference', message }] });
  class Picky extends gs.Engine {
    setField(item, field, v) {
      this.last = item === 'gone' ? refusal('item', 'no item with id "gone"') : '';
      return item !== 'gone' && super.setField(item, field, v);
    }
    setWeight(id, w) {
      this.last = id === 'cost' ? refusal('criterion', 'no criterion with id "cost"') : '';
      return id !== 'cost' && super.setWeight(id, w);
    }
    lastErrors() {
      return this.last ?? '';
    }
  }
  const s = new u.Session({ Engine: Picky });
  const r = s.open(DOC, u.sanitizeState({ weights: { cost: 2, value: 4 }, fields: { gone: { reach: 5 }, a: { effort: 3 } } }));
  assert.equal(r.dropped, 2);
  assert.deepEqual(
    r.droppedEdits.map((d) => [d.path, d.value, d.problem.path, d.problem.code]),
    [[['weights', 'cost'], 2, 'criterion', 'unknown_reference'], [['fields', 'gone', 'reach'], 5, 'item', 'unknown_reference']],
  );
  assert.deepEqual(JSON.parse(JSON.stringify(s.state)), { document: null, model: null, weights: { value: 4 }, fields: { a: { effort: 3 } }, scores: {} });
});

test('an engine that failed is not reported as a document that cannot be used: the failure goes up to the widget', () => {
  const { gs } = fakeModule(describeDoc);
  class Failing extends gs.Engine {
    load() {
      throw new u.EngineFailure(new Error('Aborted()'));
    }
  }
  const s = new u.Session({ Engine: Failing });
  assert.throws(() => s.open(DOC, u.emptyState()), (e) => u.isEngineFailure(e));
  assert.equal(s.loaded, false);
});
