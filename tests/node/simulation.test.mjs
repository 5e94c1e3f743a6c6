// The stepped simulation (gs.Simulation): what the widget's Monte Carlo view runs a slice
// per frame. However it is sliced, its result must be the native CLI's `simulate` output
// byte for byte; cancelled, it reports the runs completed; refused input is an errors
// document and the instance keeps working.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { loadModule, root, runNative } from './support.mjs';

const gs = await loadModule();
const documents = ['tests/fixtures/documents/uncertain_rice.json', 'tests/fixtures/documents/uncertain_weighted.json', 'demo/health-app.json'];

function stepped(text, options, slice) {
  const sim = new gs.Simulation(text, JSON.stringify(options));
  try {
    let last = 0;
    while (!sim.step(slice)) {
      assert.ok(sim.fractionDone() >= last && sim.fractionDone() < 1, `fraction ${sim.fractionDone()} after ${last}`);
      last = sim.fractionDone();
    }
    assert.equal(sim.done(), true);
    return sim.result();
  } finally {
    sim.delete();
  }
}

for (const file of documents) {
  test(`stepped simulation of ${file} prints what the native CLI prints`, () => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const options of [{ runs: 600, seed: 7 }, { runs: 250, seed: 99, top: 2 }]) {
      const native = runNative('simulate', text, options);
      assert.equal(native.exitCode, 0, native.output);
      for (const slice of [1, 37, 10000]) assert.equal(stepped(text, options, slice), native.output, `${file} ${JSON.stringify(options)} in slices of ${slice}`);
    }
  });
}

test('a cancelled simulation reports the runs completed: the shorter run with the same seed', () => {
  const text = fs.readFileSync(path.join(root, 'tests/fixtures/documents/uncertain_rice.json'), 'utf8');
  const sim = new gs.Simulation(text, JSON.stringify({ runs: 1000, seed: 5 }));
  assert.equal(sim.step(400), false);
  assert.equal(sim.fractionDone(), 0.4);
  sim.cancel();
  assert.equal(sim.done(), true);
  const cancelled = JSON.parse(sim.result());
  sim.delete();
  assert.equal(cancelled.cancelled, true);
  assert.equal(cancelled.runs_completed, 400);
  const shorter = JSON.parse(runNative('simulate', text, { runs: 400, seed: 5 }).output);
  assert.deepEqual(cancelled.items, shorter.items);
});

test('refused input is known at once, with run()\'s errors, and the module keeps working', () => {
  const text = fs.readFileSync(path.join(root, 'tests/fixtures/documents/uncertain_rice.json'), 'utf8');
  for (const [doc, options] of [[text, { runs: 0 }], ['{"format": "gapscore/1", "items": [', {}], [text, { runs: 5, nope: 1 }]]) {
    const sim = new gs.Simulation(doc, JSON.stringify(options));
    assert.equal(sim.done(), true);
    assert.equal(sim.step(10), true);
    const expected = gs.run('simulate', doc, JSON.stringify(options));
    assert.match(expected, /"errors"/);
    assert.equal(sim.result(), expected);
    sim.delete();
  }
  const after = new gs.Simulation(text, '{"runs": 20}');
  assert.equal(after.step(100), true, 'still works after refused input');
  assert.equal(JSON.parse(after.result()).runs, 20);
  after.delete();
});
