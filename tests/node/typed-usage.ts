// A typed consumer of dist/gapscore.mjs, compiled with `tsc --noEmit` against
// dist/gapscore.d.ts (tests/node/typecheck.test.mjs runs it). It uses every declared
// export, so a name that drifts between wasm/bindings.cpp and the declarations fails here
// (and, at run time, in the other node tests).
import createGapscore, { type CommandStatus, type Engine, type GapscoreModule, type Simulation } from '../../dist/gapscore.mjs';
// The file exports only its factory at run time: the classes must not type-check as values.
import { Engine as EngineValue } from '../../dist/gapscore.mjs';
// @ts-expect-error Engine is a type here; the class is gs.Engine
void EngineValue;

async function main(): Promise<void> {
  const gs: GapscoreModule = await createGapscore({ printErr: (line: string) => console.error(line) });

  const commands: { name: string; summary: string }[] = JSON.parse(gs.commands());
  const doc = '{"format": "gapscore/1", "items": [{"id": "a", "reach": 10, "impact": 1, "confidence": 1, "effort": 2}]}';
  const text: string = gs.run('rank', doc, JSON.stringify({ model: 'rice', top: 5 }));
  const status: CommandStatus = gs.runWithStatus(commands[0].name, new TextEncoder().encode(doc), '');
  const failed: boolean = status.exitCode !== 0;

  const engine: Engine = new gs.Engine();
  try {
    if (!engine.load(doc)) throw new Error(engine.lastErrors());
    const ok: boolean =
      engine.setModel('rice') && engine.setWeight('c', 2) && engine.setField('a', 'effort', 3) && engine.setScore('a', 'c', 1);
    if (!ok) console.log(engine.lastErrors());
    if (engine.rank()) {
      const order: Uint32Array = engine.order();
      const scores: Float64Array = engine.scores();
      const ranks: Uint32Array = engine.ranks();
      const n: number = engine.size();
      for (let k = 0; k < engine.partCount(); ++k) {
        const part: Float64Array = engine.parts(k);
        console.log(engine.partName(k), part[0]);
      }
      console.log(n, engine.itemId(order[0]), engine.itemTitle(order[0]), scores[order[0]], ranks[0], engine.model());
      const explanation: unknown = JSON.parse(engine.explain(engine.itemId(order[0])));
      console.log(explanation, engine.documentJson().length);
    }
  } finally {
    engine.delete();
  }
  console.log(text.length, failed, engine.isDeleted());

  const simulation: Simulation = new gs.Simulation(doc, JSON.stringify({ runs: 100, seed: 7 }));
  try {
    while (!simulation.step(10)) {
      const fraction: number = simulation.fractionDone();
      if (fraction > 0.5) simulation.cancel();
    }
    const done: boolean = simulation.done();
    console.log(done, JSON.parse(simulation.result()));
  } finally {
    simulation.delete();
  }

  // @ts-expect-error: the weight is a number, not a string.
  engine.setWeight('c', 'heavy');
  // @ts-expect-error: run needs three arguments (use "" for no options).
  gs.run('rank', doc);
  // @ts-expect-error: a simulation needs its options (use "" for none).
  new gs.Simulation(doc);
}

void main();
