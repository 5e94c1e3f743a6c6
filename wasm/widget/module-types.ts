// The part of the WebAssembly module (dist/gapscore.mjs) the widget uses. The module's own
// declarations are dist/gapscore.d.ts; this narrow view keeps the widget honest about what
// it depends on, and tests/browser/typecheck.test.mjs checks that the two agree.

/** Interactive engine: load once, change in place, re-rank without JSON. */
export interface Engine {
  load(json: string): boolean;
  lastErrors(): string;
  setModel(id: string): boolean;
  setWeight(criterionId: string, weight: number): boolean;
  setField(itemId: string, field: string, value: number): boolean;
  setScore(itemId: string, criterionId: string, value: number): boolean;
  /** An estimate typed over a range: its likely value, the range kept (refused outside it). */
  setFieldLikely(itemId: string, field: string, value: number): boolean;
  setScoreLikely(itemId: string, criterionId: string, value: number): boolean;
  setWeightLikely(criterionId: string, weight: number): boolean;
  rank(): boolean;
  size(): number;
  /** Item indices, best first. A view over wasm memory: copy before the next call. */
  order(): Uint32Array;
  scores(): Float64Array;
  ranks(): Uint32Array;
  /** Per item index, how many items share its score (1: not tied). */
  tieSizes(): Uint32Array;
  partCount(): number;
  partName(k: number): string;
  parts(k: number): Float64Array;
  itemId(i: number): string;
  itemTitle(i: number): string;
  model(): string;
  documentJson(): string;
  explain(itemId: string): string;
  /** What the loaded document offers, edits included: the `describe` command's JSON (description.ts). */
  describe(): string;
  delete(): void;
}

/** The `simulate` command in steps: a slice of runs per frame, with progress and Cancel. */
export interface Simulation {
  step(runs: number): boolean;
  done(): boolean;
  fractionDone(): number;
  cancel(): void;
  result(): string;
  delete(): void;
}

export interface RunStatus {
  exitCode: number;
  output: string;
  messages: string;
}

export interface GapscoreModule {
  run(command: string, documentJson: string, optionsJson: string): string;
  runWithStatus(command: string, documentJson: string, optionsJson: string): RunStatus;
  commands(): string;
  Engine: new () => Engine;
  Simulation: new (documentJson: string, optionsJson: string) => Simulation;
}

/**
 * A problem the module reports: a JSON Pointer into the document, a reason for people, and a
 * stable code for programs (docs/format.md, "Problem codes"). Match the code, never the message.
 */
export interface Problem {
  path: string;
  message: string;
  code?: string;
  /** An unknown_field warning's known field it is a typo of. */
  suggestion?: string;
}
