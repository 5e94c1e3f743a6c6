// The widget's pure modules (state, history, share codec, import sniffing, path messages,
// number formats, weight presets, undo shortcuts, slider steps), bundled with esbuild and run under node:
// no browser needed for logic that has no DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widgetModules } from './harness.mjs';

const u = await widgetModules(
  `export * from './state.ts'; export * from './history.ts'; export * from './share-codec.ts';
   export { sniffKind, fileStem, modelsToTry } from './import.ts'; export { describePath } from './messages.ts';
   export { formatNumber, humanize } from './format.ts'; export { presets, presetState } from './weight-presets.ts';
   export { historyShortcut } from './shortcuts.ts'; export { snap, stepKey } from './slider-steps.ts';`,
);

test('a change applied forward then backward gives the state back', () => {
  const s0 = u.emptyState();
  const c1 = { kind: 'weight', id: 'user_value', before: null, after: 0 };
  const c2 = { kind: 'field', item: 'a', field: 'reach', before: null, after: 10 };
  const s1 = u.applyChange(s0, c1, 'after');
  const s2 = u.applyChange(s1, c2, 'after');
  assert.equal(s2.weights.user_value, 0);
  assert.equal(s2.fields.a.reach, 10);
  assert.equal(u.editCount(s2), 2);
  const back = u.applyChange(u.applyChange(s2, c2, 'before'), c1, 'before');
  assert.ok(u.isPristine(back), 'undoing both edits leaves nothing behind');
  assert.ok(u.isPristine(s0), 'applyChange never mutates its input');
});

test('an item called __proto__ is just a key', () => {
  const s = u.applyChange(u.emptyState(), { kind: 'field', item: '__proto__', field: 'reach', before: null, after: 5 }, 'after');
  assert.equal(s.fields['__proto__'].reach, 5);
  assert.equal({}.reach, undefined, 'Object.prototype untouched');
  const parsed = u.sanitizeState(JSON.parse('{"fields": {"__proto__": {"reach": 7}}, "weights": {"w": "x", "v": 2}}'));
  assert.equal(parsed.fields['__proto__'].reach, 7);
  assert.deepEqual(Object.keys(parsed.weights), ['v'], 'non-numbers are dropped');
});

test('sanitizeState rejects what is not a state', () => {
  assert.equal(u.sanitizeState(null), null);
  assert.equal(u.sanitizeState([1, 2]), null);
  assert.equal(u.sanitizeState('x'), null);
  const s = u.sanitizeState({ document: 5, model: 'wsjf', weights: { a: Infinity, b: 1 } });
  assert.equal(s.document, null);
  assert.equal(s.model, 'wsjf');
  assert.deepEqual({ ...s.weights }, { b: 1 });
});

test('history: undo, redo, and a new change clears redo', () => {
  let t = 0;
  const h = new u.History(() => (t += 5000));
  h.push({ kind: 'model', before: null, after: 'wsjf' });
  h.push({ kind: 'weight', id: 'a', before: 1, after: 2 });
  assert.equal(h.undo().kind, 'weight');
  assert.ok(h.canRedo);
  assert.equal(h.redo().kind, 'weight');
  h.undo();
  h.push({ kind: 'weight', id: 'b', before: 1, after: 3 });
  assert.equal(h.canRedo, false);
});

test('history: quick nudges of one slider merge into one step', () => {
  let t = 0;
  const h = new u.History(() => (t += 100));
  h.push({ kind: 'weight', id: 'a', before: 5, after: 4.5 });
  h.push({ kind: 'weight', id: 'a', before: 4.5, after: 4 });
  h.push({ kind: 'weight', id: 'a', before: 4, after: 3.5 });
  const c = h.undo();
  assert.deepEqual([c.before, c.after], [5, 3.5]);
  assert.equal(h.canUndo, false);
});

test('share codec round-trips unicode and survives other widgets in the fragment', async () => {
  const value = { v: 1, state: { model: 'wsjf', weights: { 'ü': 2 } }, data: '{"title":"日本語 🚑 <b>"}' };
  const enc = await u.encodeShare(value);
  assert.match(enc, /^z[A-Za-z0-9_-]+$/, 'compressed, base64url');
  assert.deepEqual(await u.decodeShare(enc), value);
  const hash = u.writeFragment('#gs-other=abc', 'src:health-app.json', enc);
  assert.equal(u.readFragment(hash, 'other'), 'abc');
  assert.equal(u.readFragment(hash, 'src:health-app.json'), enc);
  await assert.rejects(u.decodeShare('z!!!'));
  await assert.rejects(u.decodeShare('qabc'));
});

test('import: CSV or JSON by name, else by the first character', () => {
  assert.equal(u.sniffKind('{"items": []}'), 'json');
  assert.equal(u.sniffKind('\uFEFF  [1]'), 'json');
  assert.equal(u.sniffKind('id,title\n'), 'csv');
  assert.equal(u.sniffKind('{', 'x.csv'), 'csv');
  assert.equal(u.fileStem('Q3 priorities: health app!'), 'q3-priorities-health-app');
  assert.equal(u.fileStem('***'), 'backlog');
});

test('error paths read like places in the backlog', () => {
  const doc = { items: [{ id: 'a', title: 'Dark mode' }], criteria: [{ id: 'c', name: 'Cost' }] };
  assert.equal(u.describePath('/items/0/effort', doc), 'item “Dark mode” › effort');
  assert.equal(u.describePath('/criteria/0/weight', doc), 'criterion “Cost” › weight');
  assert.equal(u.describePath('/items/7/reach', doc), 'item 8 › reach');
  assert.equal(u.describePath('/a~1b', doc), 'a/b');
  assert.equal(u.describePath('', doc), '');
  // A duplicated id: which of the two is meant, by its place in the document.
  const dup = { items: [{ id: 'a' }, { id: 'a' }, { id: 'b' }] };
  assert.equal(u.describePath('/items/1/reach', dup), 'item “a” (the 2nd in the document) › reach');
  assert.equal(u.describePath('/items/2/reach', dup), 'item “b” › reach');
});

test('numbers are shown with sensible precision', () => {
  assert.equal(u.formatNumber(Number.NaN), '–');
  assert.equal(u.formatNumber(384000), '384,000');
  assert.equal(u.formatNumber(1234567.89), '1,234,568');
  assert.equal(u.formatNumber(12.34), '12.3');
  assert.equal(u.formatNumber(0.7604), '0.76');
  assert.equal(u.formatNumber(0.0123), '0.0123');
  assert.equal(u.formatNumber(2.5), '2.5');
  assert.equal(u.formatNumber(0), '0');
  assert.equal(u.formatNumber(-5), '−5');
  assert.equal(u.humanize('time_criticality'), 'Time criticality');
});

test('weight presets: the document’s first, then the weight sets the engine describes, in its order', () => {
  const sets = [
    { id: 'cfo', name: 'CFO', kind: 'stakeholder', weights: { a: 1, b: 3 } },
    { id: 'ux', name: 'ux', kind: 'stakeholder', weights: { a: 2, b: 3 } },
    { id: 'ahp', name: 'AHP (pairwise comparisons)', kind: 'ahp', weights: { a: 0.75, b: 0.25 }, consistency_ratio: 0.05, consistent: true },
  ];
  assert.deepEqual(
    u.presets(sets).map((p) => [p.value, p.label]),
    [['document', 'the document'], ['stakeholder:cfo', 'CFO'], ['stakeholder:ux', 'ux'], ['ahp:ahp', 'AHP (pairwise comparisons)']],
  );
  assert.deepEqual(u.presets([]), [], 'no weight set: no menu');
  // A stakeholder called "ahp" and the AHP set are two presets.
  assert.equal(new Set(u.presets([{ id: 'ahp', name: 'Ann', kind: 'stakeholder', weights: {} }, sets[2]]).map((p) => p.value)).size, 3);
  const s = { state: u.emptyState(), weightSets: sets };
  assert.deepEqual({ ...u.presetState('stakeholder:cfo', s).state.weights }, { a: 1, b: 3 });
  const ahp = u.presetState('ahp:ahp', s);
  assert.deepEqual({ ...ahp.state.weights }, { a: 7.5, b: 2.5 }, 'the priorities ×10, on the sliders’ scale');
  assert.equal(ahp.note, ' (consistency ratio 0.05, under 0.1)');
  assert.equal(u.presetState('stakeholder:nobody', s), null);
});

test('undo shortcuts: Ctrl or Cmd with Z, Shift+Z or Y; not with Alt, not in a text field', () => {
  const key = (k, mods = {}, target = { matches: () => false }) => ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, key: k, composedPath: () => [target], ...mods });
  assert.equal(u.historyShortcut(key('z', { ctrlKey: true })), 'undo');
  assert.equal(u.historyShortcut(key('Z', { metaKey: true, shiftKey: true })), 'redo');
  assert.equal(u.historyShortcut(key('y', { ctrlKey: true })), 'redo');
  assert.equal(u.historyShortcut(key('z')), null);
  assert.equal(u.historyShortcut(key('z', { ctrlKey: true, altKey: true })), null);
  assert.equal(u.historyShortcut(key('x', { ctrlKey: true })), null);
  const textField = { matches: (sel) => sel.includes('input[type="text"]') };
  assert.equal(u.historyShortcut(key('z', { ctrlKey: true }, textField)), null, 'the field undoes its own typing');
});

test('an import is checked against the current model first, then the others', () => {
  const s = { model: 'wsjf', models: [{ id: 'rice' }, { id: 'wsjf' }, { id: 'ice' }] };
  assert.deepEqual(u.modelsToTry(s), ['wsjf', 'rice', 'ice']);
  assert.deepEqual(u.modelsToTry(null), []);
});

// A slider's steps on the 0-10 scale (step 0.5), and within a range's ends (2-6, or 2.2-5.7
// whose ends are not steps): keys and drags never leave min..max, and the ends themselves are
// reachable.
test('slider steps stay within the range and reach its ends', () => {
  assert.equal(u.stepKey('ArrowRight', 3.87, 0.5, 10), 4);
  assert.equal(u.stepKey('ArrowLeft', 3.87, 0.5, 10), 3.5);
  assert.equal(u.stepKey('End', 3, 0.5, 10), 10);
  assert.equal(u.stepKey('Home', 3, 0.5, 10), 0);
  assert.equal(u.stepKey('End', 3, 0.5, 6, 2), 6);
  assert.equal(u.stepKey('Home', 3, 0.5, 6, 2), 2);
  assert.equal(u.stepKey('ArrowRight', 6, 0.5, 6, 2), 6);
  assert.equal(u.stepKey('ArrowLeft', 2, 0.5, 6, 2), 2);
  assert.equal(u.stepKey('ArrowRight', 5.6, 0.5, 5.7, 2.2), 5.7);
  assert.equal(u.stepKey('ArrowLeft', 2.4, 0.5, 5.7, 2.2), 2.2);
  assert.equal(u.stepKey('PageUp', 2, 0.5, 6, 2), 2.5); // a tenth of 4 is 0.4: at least one step
  assert.equal(u.snap(9.3, 0.5, 6, 2), 6);
  assert.equal(u.snap(0.2, 0.5, 6, 2), 2);
  assert.equal(u.snap(0.1 + 0.2, 0.1, 10), 0.3);
});
