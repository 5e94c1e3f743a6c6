// Unit tests, under node, of what keeps a reader's edits (issue 23): the stamped copy of the
// stored edits and its merge (replica.ts), the storage format and its migration (store.ts),
// saving over one storage shared by two tabs (edit-sync.ts), Undo rebased on another tab's
// values (history.ts), two edit controllers as two tabs, and the engine guard (engine-guard.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widgetModules } from './harness.mjs';

const u = await widgetModules(
  `export { Replica } from './replica.ts'; export { EditSync } from './edit-sync.ts';
   export { parseEntry, serialize, STORE_VERSION, StorageProblem } from './store.ts';
   export { History } from './history.ts'; export { EditController } from './edit-controller.ts';
   export { emptyState, sanitizeState, pathKey, diffStates } from './state.ts';
   export { guardModule, EngineFailure, isEngineFailure } from './engine-guard.ts'; export { runJson } from './module.ts';`,
);

const state = (o) => u.sanitizeState(o);
const plain = (x) => JSON.parse(JSON.stringify(x));
const REACH = (item) => u.pathKey(['fields', item, 'reach']);

/** One localStorage entry that several tabs read and write; `full` makes writes fail. */
function sharedStore() {
  const store = { text: null, writes: 0, full: false, asideCount: 0 };
  store.port = () => ({
    read: () => store.text,
    write: (text) => {
      if (store.full) throw new u.StorageProblem('storage_full', 'this browser’s storage for the site is full');
      store.text = text;
      store.writes++;
    },
    setAside: () => (store.asideCount++, ''),
  });
  return store;
}

/** A clock each tab reads: tests move it forward by hand. */
const clock = { t: 1000, now: () => clock.t };

test('replica: different values from two copies both survive; the same value goes to the later write, and the earlier writer hears it was replaced', () => {
  const a = new u.Replica();
  const b = new u.Replica();
  a.record(new Map([[REACH('p1'), 7], [REACH('p3'), 11]]), { t: 10, by: 'A' });
  b.record(new Map([[REACH('p2'), 9], [REACH('p3'), 12]]), { t: 20, by: 'B' });
  const intoA = a.merge(b, 'A');
  assert.deepEqual(plain(a.state().fields), { p1: { reach: 7 }, p2: { reach: 9 }, p3: { reach: 12 } });
  assert.deepEqual([...intoA.changed], [[REACH('p2'), 9], [REACH('p3'), 12]]);
  assert.deepEqual(intoA.replaced, [{ path: ['fields', 'p3', 'reach'], mine: 11, theirs: 12 }]);
  assert.equal(intoA.behind, true, 'B lacks p1: A must write');
  const intoB = b.merge(a, 'B');
  assert.deepEqual(plain(b.state()), plain(a.state()), 'the same result whichever way they merge');
  assert.deepEqual(intoB.replaced, [], 'B wrote p3 later: nothing of B’s was replaced');
  assert.equal(b.merge(a, 'B').changed.size, 0, 'merging again changes nothing');
});

test('replica: a value set back to the document’s (a tombstone) wins over an older write; ties go to the larger tab id', () => {
  const a = new u.Replica();
  a.record(new Map([[REACH('p1'), 7]]), { t: 10, by: 'A' });
  const b = new u.Replica();
  b.merge(a, 'B');
  b.record(new Map([[REACH('p1'), null]]), { t: 11, by: 'B' });
  const m = a.merge(b, 'A');
  assert.deepEqual([...m.changed], [[REACH('p1'), null]]);
  assert.deepEqual(plain(a.state().fields), {});
  assert.deepEqual(m.replaced, [{ path: ['fields', 'p1', 'reach'], mine: 7, theirs: null }]);
  const x = new u.Replica();
  const y = new u.Replica();
  x.record(new Map([[REACH('p1'), 1]]), { t: 5, by: 'x' });
  y.record(new Map([[REACH('p1'), 2]]), { t: 5, by: 'y' });
  x.merge(y, 'x');
  y.merge(x, 'y');
  assert.equal(x.value(REACH('p1')), 2);
  assert.equal(y.value(REACH('p1')), 2);
  assert.ok(x.stamp('x', 0).t > 5, 'a new stamp is later than every one held, even with a clock behind');
});

test('replica: scenarios merge by name, a deleted one stays deleted against an older copy', () => {
  const a = new u.Replica();
  a.recordScenarios({ Lean: state({ model: 'wsjf' }) }, { t: 1, by: 'A' });
  const b = new u.Replica();
  b.merge(a, 'B');
  b.recordScenarios({ Lean: state({ model: 'wsjf' }), Bold: state({ model: 'ice' }) }, { t: 2, by: 'B' });
  a.recordScenarios({}, { t: 3, by: 'A' }); // A deletes Lean
  const m = a.merge(b, 'A');
  assert.ok(m.scenariosChanged);
  assert.deepEqual(Object.keys(a.scenarioStates()), ['Bold']);
  b.merge(a, 'B');
  assert.deepEqual(Object.keys(b.scenarioStates()), ['Bold']);
});

test('store: format 1 entries migrate to format 2 with their edits and scenarios; newer and damaged ones are refused', () => {
  const v1 = '{"version": 1, "state": {"document": null, "model": "weighted", "weights": {"fit": 9}, "fields": {"__proto__": {"reach": 3}}, "scores": {}}, "scenarios": {"Lean": {"model": "wsjf"}}}';
  const r = u.parseEntry(v1);
  assert.equal(typeof r, 'object');
  assert.deepEqual(plain(r.state()), JSON.parse('{"document": null, "model": "weighted", "weights": {"fit": 9}, "fields": {"__proto__": {"reach": 3}}, "scores": {}}'));
  assert.deepEqual(Object.keys(r.scenarioStates()), ['Lean']);
  assert.equal(r.edits.get(u.pathKey(['weights', 'fit'])).t, 0, 'stamped at time 0: any later write wins');
  const unversioned = u.parseEntry(JSON.stringify({ state: { weights: { fit: 2 } }, scenarios: {} }));
  assert.equal(unversioned.state().weights.fit, 2, 'the first widgets’ entries have no version: format 1');
  const written = JSON.parse(u.serialize(r));
  assert.equal(written.version, 2);
  assert.equal(u.STORE_VERSION, 2);
  assert.deepEqual(written.edits.weights.fit, { v: 9, t: 0, by: '' });
  assert.deepEqual(plain(u.parseEntry(u.serialize(r)).state()), plain(r.state()), 'format 2 reads back what it wrote');
  assert.match(u.parseEntry(JSON.stringify({ version: 3, edits: {} })), /newer version of the widget \(format 3; this one reads format 2\)/);
  assert.match(u.parseEntry('{"version": 2'), /damaged/);
  assert.match(u.parseEntry(JSON.stringify({ version: 2 })), /holds no widget state/);
  const odd = u.parseEntry(JSON.stringify({ version: 2, edits: { weights: { a: { v: 'x', t: 1, by: 'A' }, b: { v: 2, t: 'late', by: 'A' }, c: { v: 4, t: 1, by: 'A' } } } }));
  assert.deepEqual(plain(odd.state().weights), { c: 4 }, 'malformed entries are dropped, the rest read');
});

test('two tabs over one entry: a save merges what the other saved instead of overwriting it, and crossing writes are repaired on the storage event', () => {
  const store = sharedStore();
  const a = new u.EditSync(store.port(), 'A', clock.now);
  const b = new u.EditSync(store.port(), 'B', clock.now);
  a.record(state({ fields: { p1: { reach: 7 } } }), {});
  assert.equal(a.save().ok, true);
  clock.t++;
  b.record(state({ fields: { p2: { reach: 9 } } }), {}); // B never heard of A's edit
  const out = b.save();
  assert.deepEqual([...out.merged.changed], [[REACH('p1'), 7]], 'B learns A’s edit while saving');
  assert.deepEqual(plain(u.parseEntry(store.text).state().fields), { p1: { reach: 7 }, p2: { reach: 9 } });
  // Writes that crossed: A's next write came from a copy that never had B's edit (a tab's
  // storage cache can lag behind another tab's write).
  clock.t++;
  a.record(state({ fields: { p1: { reach: 8 } } }), {});
  a.save();
  const entry = JSON.parse(store.text);
  delete entry.edits.fields.p2;
  store.text = JSON.stringify(entry);
  const { merged, rewrite } = b.receive(store.text);
  assert.deepEqual([...merged.changed], [[REACH('p1'), 8]]);
  assert.ok(merged.behind && rewrite?.ok, 'B still holds p2 and writes it back');
  assert.deepEqual(plain(u.parseEntry(store.text).state().fields), { p1: { reach: 8 }, p2: { reach: 9 } });
});

test('a save stamps only what the reader changed: saved edits the data cannot take are kept; forget() removes them', () => {
  const store = sharedStore();
  const saved = u.Replica.fromState(state({ fields: { gone: { reach: 5 }, here: { reach: 7 } } }), {});
  const sync = new u.EditSync(store.port(), 'A', clock.now);
  sync.adopt(saved, 'page-hash');
  sync.settle(state({ fields: { here: { reach: 7 } } })); // what the data took
  sync.record(state({ fields: { here: { reach: 8 } } }), {});
  sync.save();
  const written = JSON.parse(store.text);
  assert.equal(written.edits.fields.gone.reach.v, 5, 'kept');
  assert.equal(written.edits.fields.here.reach.v, 8);
  assert.equal(written.page, 'page-hash', 'the data’s hash is written with the edits');
  sync.forget([REACH('gone')]);
  sync.save();
  assert.equal(JSON.parse(store.text).edits.fields.gone.reach.v, null);
});

test('a failed write keeps everything in the tab’s copy; the next write that works stores it all', () => {
  const store = sharedStore();
  store.full = true;
  const sync = new u.EditSync(store.port(), 'A', clock.now);
  sync.record(state({ model: 'ice' }), {});
  const out = sync.save();
  assert.equal(out.ok, false);
  assert.equal(out.problem.code, 'storage_full');
  store.full = false;
  sync.record(state({ model: 'ice', weights: { w: 2 } }), {});
  assert.equal(sync.save().ok, true);
  assert.deepEqual(plain(u.parseEntry(store.text).state()), { document: null, model: 'ice', weights: { w: 2 }, fields: {}, scores: {} });
});

test('history rebased on another tab’s values: its steps on them go, whole-state steps keep them on both sides', () => {
  let t = 0;
  const h = new u.History(() => (t += 5000));
  h.push({ kind: 'field', item: 'p1', field: 'reach', before: null, after: 7 });
  h.push({ kind: 'field', item: 'p3', field: 'reach', before: null, after: 11 });
  h.push({ kind: 'state', label: 'reset', before: state({ fields: { p1: { reach: 7 }, p3: { reach: 11 } } }), after: state({}) });
  h.rebase(new Map([[REACH('p3'), 12], [REACH('p2'), 9]]));
  const reset = h.nextUndo();
  assert.equal(reset.kind, 'state');
  assert.deepEqual(plain(reset.before.fields), { p1: { reach: 7 }, p3: { reach: 12 }, p2: { reach: 9 } });
  assert.deepEqual(plain(reset.after.fields), { p3: { reach: 12 }, p2: { reach: 9 } }, 'undoing the reset brings p1 back, leaves the other tab’s values');
  h.undo();
  assert.equal(h.undo().item, 'p1', 'the step that set p3 is gone: p3 is the other tab’s now');
  assert.equal(h.undo(), null);
  h.redo(); // the p1 step again; the reset waits to be redone
  assert.equal(h.nextRedo().label, 'reset');
  h.rebase(new Map([[REACH('p1'), 1]]));
  assert.equal(h.canUndo, false, 'the p1 step went: p1 is the other tab’s now');
  assert.equal(h.canRedo, false, 'and the reset has nothing left to change');
});

/** A fake session as in edit-controller.test.mjs: takes the states it is given. */
function fakeSession() {
  return {
    state: u.emptyState(),
    model: 'rice',
    ids: ['p1', 'p2', 'p3'],
    titles: ['One', 'Two', 'Three'],
    size: 3,
    document: { items: [{ id: 'p1', reach: 100 }, { id: 'p2', reach: 200 }, { id: 'p3', reach: 300 }] },
    weightSets: [],
    apply(change, side, next) {
      if (this.dead) throw new u.EngineFailure(new Error('Aborted()'));
      this.state = next;
      return { ok: true, dropped: 0 };
    },
    documentValue(index) {
      return this.document.items[index].reach;
    },
    documentModel: () => 'rice',
  };
}

/** One tab: an edit controller over a fake session and the shared store. */
function tab(store, id) {
  const session = fakeSession();
  const log = { other: [], storage: [], changed: 0 };
  const edits = new u.EditController(
    {
      session: () => session,
      readOnly: () => false,
      feedback: { say: () => {}, clearErrors: () => {}, fail: () => {} },
      store: store.port(),
      storage: (p) => log.storage.push(p?.code ?? null),
      otherTab: (m) => log.other.push(m),
      dropLink: () => {},
      changed: () => log.changed++,
      refused: () => {},
      scenariosChanged: () => {},
    },
    (() => { let t = 0; return () => (t += 5000); })(),
    { tab: id, now: clock.now },
  );
  edits.adoptSaved(store.text ? u.parseEntry(store.text) : null, 'hash');
  edits.loaded();
  return { edits, session, log };
}

const REACH_COL = { kind: 'field', key: 'reach', label: 'Reach', criterion: null };

test('two tabs as two controllers: each shows the other’s edits, Undo takes back only its own, and the same value is said to be replaced', () => {
  const store = sharedStore();
  const a = tab(store, 'A');
  const b = tab(store, 'B');
  clock.t++;
  a.edits.editValue(0, REACH_COL, 7);
  b.edits.received(store.text); // the storage event
  assert.equal(b.session.state.fields.p1.reach, 7);
  clock.t++;
  b.edits.editValue(1, REACH_COL, 9);
  a.edits.received(store.text);
  assert.deepEqual(plain(a.session.state.fields), { p1: { reach: 7 }, p2: { reach: 9 } });
  assert.equal(a.log.other.length, 1);
  a.edits.undo();
  assert.deepEqual(plain(a.session.state.fields), { p2: { reach: 9 } }, 'A’s own edit undone, B’s kept');
  b.edits.received(store.text);
  assert.deepEqual(plain(b.session.state.fields), { p2: { reach: 9 } });
  assert.equal(a.edits.canUndo, false);
  a.edits.redo();
  // The same value: A sets 11, then B sets 12 later.
  clock.t++;
  a.edits.editValue(2, REACH_COL, 11);
  b.edits.received(store.text);
  clock.t++;
  b.edits.editValue(2, REACH_COL, 12);
  a.edits.received(store.text);
  assert.equal(a.session.state.fields.p3.reach, 12);
  assert.deepEqual(a.log.other.at(-1).replaced, [{ path: ['fields', 'p3', 'reach'], mine: 11, theirs: 12 }]);
  a.edits.undo(); // A's last own step left is the p1 edit (redone above); the p3 step is B's value now
  assert.equal(a.session.state.fields.p3.reach, 12);
  assert.equal(a.session.state.fields.p1, undefined);
  assert.deepEqual(plain(u.parseEntry(store.text).state().fields), { p2: { reach: 9 }, p3: { reach: 12 } });
});

test('an engine that fails under a change: nothing is recorded or saved, and what another tab saves meanwhile is kept for the reload', () => {
  const store = sharedStore();
  const a = tab(store, 'A');
  const b = tab(store, 'B');
  a.edits.editValue(0, REACH_COL, 7);
  const writes = store.writes;
  a.session.dead = true;
  assert.equal(a.edits.editValue(1, REACH_COL, 5), 'the engine stopped');
  assert.equal(a.edits.canUndo, true, 'the earlier step is still there');
  assert.equal(store.writes, writes, 'nothing saved for the refused change');
  a.edits.undo(); // does not throw, does not move the step
  assert.equal(a.edits.canUndo, true);
  clock.t++;
  b.edits.editValue(2, REACH_COL, 3);
  a.edits.received(store.text);
  assert.deepEqual(plain(a.session.state.fields), { p1: { reach: 7 }, p3: { reach: 3 } }, 'the state a reloaded engine will open');
});

test('engine guard: the first exception marks the instance down and says so once; every later call throws at once without entering it', async () => {
  let calls = 0;
  const engine = {
    rank() {
      calls++;
      if (calls === 2) throw new Error('RuntimeError: Aborted()');
      return true;
    },
    delete() {
      calls++;
    },
  };
  const fake = { Engine: function () { return engine; }, run: () => { calls++; return '{}'; }, runWithStatus: () => ({}), commands: () => '[]', Simulation: function () {} };
  const downs = [];
  const gs = u.guardModule(fake, (m, e) => downs.push([m, String(e)]));
  const e = new gs.Engine();
  assert.equal(e.rank(), true);
  assert.throws(() => e.rank(), (err) => u.isEngineFailure(err) && err.code === 'engine_failed');
  assert.equal(downs.length, 1);
  assert.equal(downs[0][0], gs, 'told which instance failed');
  const before = calls;
  assert.throws(() => e.rank(), u.EngineFailure);
  assert.throws(() => new gs.Engine(), u.EngineFailure);
  assert.throws(() => gs.run('rank', '{}', '{}'), u.EngineFailure);
  e.delete(); // nothing to free in a dead instance, and no throw
  assert.equal(calls, before, 'the dead instance was not entered again');
  assert.equal(downs.length, 1, 'said once');
  const r = u.runJson(gs, 'rank', '{}');
  assert.deepEqual([r.ok, r.errors[0].code], [false, 'engine_failed'], 'a view asking for a result gets none, with the code');
});
