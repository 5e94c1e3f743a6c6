// Unit tests, under node, of the edit controller (wasm/widget/edit-controller.ts): every
// change goes through a fake session, Undo and Redo replay it, and what reaches the fake
// store is the reader's own edits (also while a shared link's view is open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widgetModules } from './harness.mjs';

const u = await widgetModules(
  `export { EditController } from './edit-controller.ts'; export { emptyState, isPristine, sanitizeState } from './state.ts';
   export { parseEntry, StorageProblem } from './store.ts';`,
);

const REACH = { kind: 'field', key: 'reach', label: 'Reach', criterion: null };
/** An EditState from a plain object (records without prototype, as the widget makes them). */
const state = (o) => u.sanitizeState(o);
const json = (o) => JSON.stringify(o);

/** A session that takes the states it is given; `refuse(change)` plays an engine saying no. */
function fakeSession({ refuse = () => false } = {}) {
  return {
    state: u.emptyState(),
    model: 'rice',
    preferredModel: null,
    ids: ['a', 'b'],
    titles: ['Alpha', 'Beta'],
    size: 2,
    document: {
      items: [{ id: 'a', title: 'Alpha', reach: 100 }, { id: 'b', title: 'Beta', reach: 200 }],
    },
    weightSets: [
      { id: 'cfo', name: 'CFO', kind: 'stakeholder', weights: { revenue: 9, cost: 1 } },
      { id: 'ahp', name: 'AHP (pairwise comparisons)', kind: 'ahp', weights: { revenue: 0.75, cost: 0.25 }, consistency_ratio: 0.2, consistent: false },
    ],
    apply(change, side, next) {
      if (refuse(change)) return { ok: false, errors: [{ path: '/items/0/reach', message: 'reach must not be negative' }] };
      this.state = next;
      this.model = change.kind === 'model' ? (change[side] ?? this.documentModel()) : (next.model ?? this.documentModel());
      return { ok: true, dropped: 0 };
    },
    documentValue(index, col) {
      return this.document.items[index][col.key] ?? null;
    },
    documentModel() {
      return this.preferredModel?.split(/\s+/)[0] || 'rice';
    },
    previewWeight: () => true,
    currentJson() {
      return JSON.stringify(this.document);
    },
  };
}

/** The controller with a fake session and ports that record what reaches the page and the store. */
function setup({ session = fakeSession(), storageWorks = true } = {}) {
  const flags = { readOnly: false, storageWorks };
  // log.saved: each entry written, read back as the edits and scenarios it holds.
  const log = { saved: [], said: [], failed: [], changed: 0, refused: 0, linkDropped: 0, scenarioNames: null, storage: [] };
  let entry = null;
  const ports = {
    session: () => session,
    readOnly: () => flags.readOnly,
    feedback: {
      say: (text) => log.said.push(text),
      clearErrors: () => {},
      fail: (during, heading, problems, keep, doc) => log.failed.push({ during, heading, problems, keep, doc }),
    },
    store: {
      read: () => entry,
      write: (text) => {
        if (!flags.storageWorks) throw new u.StorageProblem('storage_full', 'this browser’s storage for the site is full');
        entry = text;
        const replica = u.parseEntry(text);
        log.saved.push(JSON.parse(JSON.stringify({ state: replica.state(), scenarios: replica.scenarioStates() })));
      },
      setAside: () => '',
    },
    storage: (problem) => log.storage.push(problem?.code ?? null),
    otherTab: () => {},
    dropLink: () => log.linkDropped++,
    changed: () => log.changed++,
    refused: () => log.refused++,
    scenariosChanged: (names) => (log.scenarioNames = names),
  };
  let t = 0;
  const edits = new u.EditController(ports, () => (t += 5000)); // steps 5 s apart: slider steps never merge
  return { edits, session, log, flags };
}

test('a change is applied, recorded, saved and takes the share link out of the address; Undo and Redo replay and save it', () => {
  const { edits, session, log } = setup();
  assert.equal(edits.commit({ kind: 'weight', id: 'revenue', before: null, after: 4 }), null);
  assert.equal(session.state.weights.revenue, 4);
  assert.equal(log.saved.at(-1).state.weights.revenue, 4);
  assert.equal(log.linkDropped, 1);
  assert.equal(log.changed, 1);
  assert.ok(edits.canUndo && !edits.canRedo);
  edits.undo();
  assert.ok(u.isPristine(session.state));
  assert.deepEqual(log.saved.at(-1).state.weights, {});
  assert.equal(log.said.at(-1), 'Undone.');
  assert.ok(!edits.canUndo && edits.canRedo);
  edits.redo();
  assert.equal(session.state.weights.revenue, 4);
  assert.equal(log.saved.at(-1).state.weights.revenue, 4);
  assert.equal(log.said.at(-1), 'Redone.');
  assert.equal(log.changed, 3);
});

test('a refused change is neither recorded nor saved: it is reported, and the inputs are redrawn', () => {
  const { edits, session, log } = setup({ session: fakeSession({ refuse: (c) => c.kind === 'field' && c.after < 0 }) });
  assert.equal(edits.editValue(0, REACH, -5), 'reach must not be negative');
  assert.ok(u.isPristine(session.state));
  assert.ok(!edits.canUndo);
  assert.equal(log.saved.length, 0);
  assert.equal(log.linkDropped, 0, 'the link stays: the view did not change');
  assert.equal(log.refused, 1);
  assert.equal(log.changed, 0);
  assert.deepEqual(
    log.failed.map((f) => [f.during, f.heading, f.keep]),
    [['edit', 'That change was not applied.', 'Nothing else changed.']],
  );
});

test('an estimate typed in is said; the same value again is no step; the document’s own value removes the edit', () => {
  const { edits, session, log } = setup();
  assert.equal(edits.editValue(0, REACH, 150), null);
  assert.equal(session.state.fields.a.reach, 150);
  assert.equal(log.said.at(-1), 'Alpha: Reach 150.');
  assert.equal(edits.editValue(0, REACH, 150), null);
  edits.editValue(0, REACH, 100); // the document says 100
  assert.equal(session.state.fields.a, undefined, 'no edit left');
  edits.undo();
  assert.equal(session.state.fields.a.reach, 150);
  edits.undo();
  assert.ok(u.isPristine(session.state));
  assert.ok(!edits.canUndo, 'two steps: the repeated value recorded nothing');
});

test('while a shared link’s view is open, storage keeps the reader’s own edits; the first change makes the view theirs', () => {
  const { edits, session, log } = setup();
  const own = state({ weights: { revenue: 2 } });
  session.state = state({ model: 'wsjf', weights: { revenue: 8 } }); // the link's view, opened by the page loader
  assert.equal(edits.linkOpened(own), true);
  assert.ok(edits.canUndo, 'one step back to the reader’s own view');
  assert.equal(json(edits.ownState()), json(own));
  edits.saveScenario('From the link'); // writes storage
  assert.equal(log.saved.at(-1).state.weights.revenue, 2, 'storage holds the reader’s own edits, not the link’s');
  assert.equal(log.saved.at(-1).scenarios['From the link'].weights.revenue, 8, 'the scenario is the view on screen');
  edits.chooseModel('ice');
  assert.equal(log.saved.at(-1).state.model, 'ice');
  assert.equal(log.saved.at(-1).state.weights.revenue, 8, 'changed, the link’s view is now the reader’s own');
  assert.equal(json(edits.ownState()), json(session.state));
});

test('Undo after a link opened goes back to the reader’s own edits and saves them; a link showing them already records nothing', () => {
  const { edits, session, log } = setup();
  const own = state({ fields: { a: { reach: 5 } } });
  session.state = state({ weights: { cost: 0 } });
  edits.linkOpened(own);
  edits.undo();
  assert.equal(json(session.state), json(own));
  assert.equal(log.saved.at(-1).state.fields.a.reach, 5);

  const again = setup();
  again.session.state = state({ fields: { a: { reach: 5 } } });
  assert.equal(again.edits.linkOpened(state({ fields: { a: { reach: 5 } } })), false);
  assert.ok(!again.edits.canUndo);
});

test('read-only: nothing is stored; scenarios last for the visit, and one with data brings only its model and weights', () => {
  const { edits, session, log, flags } = setup();
  edits.editValue(0, REACH, 999);
  edits.chooseModel('wsjf');
  edits.saveScenario('Edited');
  edits.reset();
  const stored = log.saved.length;
  flags.readOnly = true;
  edits.loadScenario('Edited');
  assert.equal(session.state.model, 'wsjf');
  assert.equal(session.state.fields.a, undefined, 'the data stays the page’s');
  assert.equal(log.said.at(-1), 'Loaded scenario “Edited”: its model and weights only, the data is read-only. Undo goes back.');
  edits.saveScenario('Visit');
  assert.match(log.said.at(-1), /for this visit only/);
  edits.chooseModel('ice');
  assert.equal(log.saved.length, stored, 'no write while read-only');
});

test('storage refused: told once with its code, the edit stays; when a save works again, that is told and everything is written', () => {
  const { edits, session, log, flags } = setup({ storageWorks: false });
  edits.chooseModel('ice');
  edits.editValue(0, REACH, 150);
  assert.deepEqual(log.storage, ['storage_full'], 'said once, not at every edit');
  assert.equal(session.state.model, 'ice', 'the in-page state stays');
  assert.equal(log.saved.length, 0);
  flags.storageWorks = true;
  edits.editValue(1, REACH, 5);
  assert.deepEqual(log.storage, ['storage_full', null]);
  assert.deepEqual(log.saved.at(-1).state, { document: null, model: 'ice', weights: {}, fields: { a: { reach: 150 }, b: { reach: 5 } }, scores: {} }, 'the edits made while it failed are written too');
});

test('Reset is one undoable step back to the page’s data; with nothing to reset it says so', () => {
  const { edits, session, log } = setup();
  edits.reset();
  assert.equal(log.said.at(-1), 'Nothing to reset: this is the page’s data.');
  assert.ok(!edits.canUndo);
  edits.chooseModel('ice');
  edits.editValue(1, REACH, 1);
  edits.reset();
  assert.ok(u.isPristine(session.state));
  assert.equal(log.said.at(-1), 'Back to the page’s data. Undo brings your changes back.');
  edits.undo();
  assert.equal(session.state.model, 'ice');
  assert.equal(session.state.fields.b.reach, 1);
});

test('replacing the data is undoable; refused, it is an import failure that names the new document’s items', () => {
  const { edits, session, log } = setup({ session: fakeSession({ refuse: (c) => c.kind === 'state' && !!c.after.document?.includes('"effort":-1') }) });
  const good = '{"items":[{"id":"x","title":"New"}]}';
  assert.equal(edits.replaceDocument(good), true);
  assert.equal(session.state.document, good);
  assert.equal(log.said.at(-1), 'Loaded 2 items. Undo brings the previous data back.');
  const bad = '{"items":[{"id":"y","title":"Broken","effort":-1}]}';
  assert.equal(edits.replaceDocument(bad), false);
  assert.equal(session.state.document, good, 'the data shown before stays');
  const f = log.failed.at(-1);
  assert.deepEqual([f.during, f.heading, f.keep], ['import', 'This data cannot be used.', 'The data shown before is unchanged.']);
  assert.equal(f.doc.items[0].title, 'Broken', 'problems are described with the refused document');
  edits.undo();
  assert.equal(session.state.document, null);
});

test('presets: a stakeholder’s weights, the document’s again; an unknown name does nothing', () => {
  const { edits, session, log } = setup();
  edits.applyPreset('stakeholder:cfo');
  assert.deepEqual({ ...session.state.weights }, { revenue: 9, cost: 1 });
  assert.equal(log.said.at(-1), 'Weights: CFO. Undo goes back.');
  edits.applyPreset('document');
  assert.deepEqual({ ...session.state.weights }, {});
  edits.applyPreset('stakeholder:nobody');
  edits.undo();
  assert.deepEqual({ ...session.state.weights }, { revenue: 9, cost: 1 }, 'two steps, the unknown name made none');
});

test('AHP preset: the priorities the engine describes, ×10 on the sliders’ scale, with a warning when inconsistent', () => {
  const { edits, session, log } = setup();
  edits.applyPreset('ahp:ahp');
  assert.deepEqual({ ...session.state.weights }, { revenue: 7.5, cost: 2.5 });
  assert.equal(
    log.said.at(-1),
    'Weights: AHP (pairwise comparisons). Careful: consistency ratio 0.2 is over 0.1, the judgements contradict each other. Undo goes back.',
  );
});

test('the model attribute applies while the person has chosen no model, and is neither a step nor saved', () => {
  const { edits, session, log } = setup();
  edits.preferModel('wsjf ice');
  assert.equal(session.model, 'wsjf');
  assert.equal(session.state.model, null);
  assert.equal(log.changed, 1);
  assert.ok(!edits.canUndo);
  assert.equal(log.saved.length, 0);
  edits.chooseModel('ice');
  edits.preferModel('rice');
  assert.equal(session.model, 'ice', 'the person’s choice wins');
});

test('scenarios: saved, replaced and removed, each time stored and passed on by name', () => {
  const { edits, session, log } = setup();
  edits.saveScenario('Lean');
  assert.equal(log.said.at(-1), 'Saved scenario “Lean” (no changes from the page’s data).');
  edits.chooseModel('ice');
  edits.saveScenario('Lean');
  assert.equal(log.said.at(-1), 'Replaced scenario “Lean” (1 change from the page’s data).');
  edits.saveScenario('__proto__');
  assert.deepEqual(log.scenarioNames, ['Lean', '__proto__']);
  assert.deepEqual(Object.keys(log.saved.at(-1).scenarios), ['Lean', '__proto__']);
  edits.removeScenario('Lean');
  assert.deepEqual(log.scenarioNames, ['__proto__']);
  assert.deepEqual(Object.keys(log.saved.at(-1).scenarios), ['__proto__']);
  edits.reset();
  edits.loadScenario('__proto__');
  assert.equal(session.state.model, 'ice');
});

test('read-only switched off forgets the visit (steps, scenarios, a link’s hold); switched on, only the steps', () => {
  const { edits, session, log } = setup();
  edits.saveScenario('Kept');
  edits.chooseModel('ice');
  edits.forgetSteps();
  assert.ok(!edits.canUndo);
  assert.deepEqual(Object.keys(edits.scenarios), ['Kept']);
  session.state = state({ model: 'wsjf' });
  edits.linkOpened(state({}));
  edits.forgetVisit();
  assert.ok(!edits.canUndo);
  assert.deepEqual(Object.keys(edits.scenarios), []);
  assert.equal(json(edits.ownState()), json(session.state), 'the view on screen is the reader’s own again');
  assert.ok(log.saved.length > 0);
});

test('a change the engine takes only in part says what it left out, with the engine’s reasons; a weight set is refused whole', () => {
  const session = fakeSession();
  const problem = { path: '/criteria/0/weight/likely', code: 'out_of_range', message: 'the likely value of the range 2–6 must lie within it (got 9)' };
  const take = session.apply.bind(session);
  // The engine keeps every value but the revenue weight (a range it must stay within).
  session.apply = (change, side, next) => {
    const r = take(change, side, next);
    if (side === 'after' && next.weights.revenue === 9) return { ok: true, dropped: 1, droppedEdits: [{ path: ['weights', 'revenue'], value: 9, problem }] };
    return r;
  };
  const { edits: c, log } = setup({ session });
  c.scenarios.plan = state({ weights: { revenue: 9, cost: 1 } });
  c.loadScenario('plan');
  assert.equal(log.failed.length, 1);
  assert.equal(log.failed[0].heading, 'Part of that change was not applied.');
  assert.deepEqual(log.failed[0].problems, [problem]);
  assert.equal(c.canUndo, true, 'the rest was applied and can be undone');

  c.undo();
  log.failed.length = 0;
  c.applyPreset('stakeholder:cfo'); // the CFO's set: revenue 9, cost 1
  assert.equal(log.failed.length, 1);
  assert.equal(log.failed[0].heading, 'That change was not applied.');
  assert.deepEqual(log.failed[0].problems, [problem]);
  assert.deepEqual(json(session.state.weights), json({}), 'back to the weights before the set');
});
