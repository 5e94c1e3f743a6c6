// Type declarations for dist/gapscore.mjs, the gapscore WebAssembly module.
// Hand-written (Emscripten 3.1.6 has no --emit-tsd) and kept next to wasm/bindings.cpp:
// tests/node/typed-usage.ts is compiled against this file with `tsc --noEmit`, so a name
// that drifts from the bindings fails the tests.

/**
 * Text passed to the module: a string (encoded as UTF-8 the way TextEncoder does it), or the
 * UTF-8 bytes themselves, e.g. a file read without decoding.
 */
export type TextInput = string | Uint8Array;

/** What a command returns: as the CLI's exit code, standard output and standard error. */
export interface CommandStatus {
  /** 0 success, 1 usage error (unknown command, bad option), 2 input error (bad document). */
  exitCode: number;
  /**
   * The result. With `"format": "json"` (the default): one JSON document, pretty-printed
   * with two spaces and a final newline — on failure `{"errors": [{"path", "message"}]}`.
   */
  output: string;
  /** With a text format (`table`, `markdown`, `csv`, `html`): warning and error lines. Else `""`. */
  messages: string;
}

/**
 * The interactive engine: load a document once, change weights, estimates or the model in
 * place, and re-rank without any JSON. Results are read as typed-array views over the
 * module's memory (no copy per item).
 *
 * An Engine lives in WebAssembly memory, which JavaScript's garbage collector does not
 * see: call {@link Engine.delete} when you are done with it, or its memory is never freed.
 *
 * No method throws for bad data: a refused call returns `false` and {@link Engine.lastErrors}
 * says why. (Embind itself throws a `BindingError` for a call on a deleted engine or with the
 * wrong number of arguments.)
 *
 * Reached through the module (`new gs.Engine()`): the module file exports only its factory.
 */
declare class Engine {
  constructor();

  /**
   * Loads a "gapscore/1" document (JSON text). Returns `false` on any error and keeps the
   * previous state; {@link Engine.lastErrors} then holds the `{"errors": [...]}` document.
   * The model is the document's `model` (RICE when it names none).
   */
  load(documentJson: TextInput): boolean;
  /** JSON text `{"errors": [{"path", "message"}]}` of the last refused call; `""` after a success. */
  lastErrors(): string;

  /** Switches the model (`"rice"`, `"ice"`, `"wsjf"`, `"weighted"`, ...). `false` for an unknown id. */
  setModel(id: string): boolean;
  /**
   * Sets a criterion's weight (>= 0). `false`, state unchanged, for an unknown criterion or a
   * value the format does not allow (NaN, negative, infinite). Call {@link Engine.rank} after.
   */
  setWeight(criterionId: string, weight: number): boolean;
  /**
   * Sets a numeric item field (`"reach"`, `"effort"`, `"business_value"`, ...). `false`,
   * state unchanged, for an unknown item or field or a value out of its range (e.g. effort <= 0).
   */
  setField(itemId: string, field: string, value: number): boolean;
  /** Sets an item's score on a criterion (finite). `false`, state unchanged, otherwise. */
  setScore(itemId: string, criterionId: string, value: number): boolean;
  /**
   * {@link Engine.setField} for an estimate the document gives as a range
   * (`{"low", "likely", "high"}`): the range is kept and `value` becomes its likely value;
   * `false` (the range unchanged) outside low..high. Without a range, the same as setField.
   */
  setFieldLikely(itemId: string, field: string, value: number): boolean;
  /** {@link Engine.setScore} for a score given as a range: its likely value, as setFieldLikely. */
  setScoreLikely(itemId: string, criterionId: string, value: number): boolean;
  /** {@link Engine.setWeight} for a weight given as a range: its likely value, as setFieldLikely. */
  setWeightLikely(criterionId: string, weight: number): boolean;

  /**
   * Re-scores what changed and re-ranks (a weight change only recombines cached columns).
   * `false` when the model lacks inputs: {@link Engine.lastErrors} lists them, and the views
   * below are then empty.
   */
  rank(): boolean;

  /** Number of items in the loaded document. */
  size(): number;
  /**
   * Item indices (document order), best first. A view over wasm memory: read it right away.
   * It is valid until the next {@link Engine.rank} or {@link Engine.load}, and only until
   * the module's memory grows, which any call that allocates can do (`run()`, `load()`,
   * `documentJson()`, another engine's calls): a grown memory leaves old views empty.
   * Copy it (`.slice()`) to keep it, or ask again. Empty before the first successful rank().
   */
  order(): Uint32Array;
  /** Score per item index (document order). A view; same lifetime as {@link Engine.order}. */
  scores(): Float64Array;
  /** 1-based rank per item index, ties broken as `rank` breaks them (MoSCoW, then id). A view; same lifetime as {@link Engine.order}. */
  ranks(): Uint32Array;
  /** Per item index, how many items share its score under the tie rule (1: not tied; docs/models.md "Ranking and ties"). A view; same lifetime as {@link Engine.order}. */
  tieSizes(): Uint32Array;

  /**
   * Number of additive score parts (stacked bars): one per criterion for the weighted model,
   * one per cost-of-delay component for WSJF; 0 for models whose score is not a sum.
   */
  partCount(): number;
  /** Name of part `k` (a criterion id or a term name); `""` when out of range. */
  partName(k: number): string;
  /** Part `k` per item index; the parts of an item add up to its score. A view, as {@link Engine.order}. */
  parts(k: number): Float64Array;

  /** Id of item `i` (document order); `""` when out of range. */
  itemId(i: number): string;
  /** Title of item `i`; `""` when out of range or untitled. */
  itemTitle(i: number): string;
  /** The current model id. */
  model(): string;

  /** The current state as a "gapscore/1" document (JSON text), edits included: for saving and sharing. */
  documentJson(): string;
  /**
   * One item's explanation under the current state (JSON text), as the `explain` command
   * gives it. `"null"` for an unknown item or before a successful rank().
   */
  explain(itemId: string): string;
  /**
   * What the document offers, edits included (JSON text): the models (usable or why not,
   * their inputs, whether they read weights), the criteria with the weights in use and where
   * their values come from, the sections present and the views they allow, the default top
   * N, the weight sets and the document's warnings (each with a stable `code`). The same
   * text `run("describe", documentJson, "")` returns for the document loaded; "null" before
   * a successful load. docs/module.md shows its shape.
   */
  describe(): string;

  /** Frees the engine's WebAssembly memory now. The object must not be used afterwards. */
  delete(): void;
  /** True once delete() was called. */
  isDeleted(): boolean;
}

/**
 * The `simulate` command in steps, so a page can stay responsive, show the fraction done
 * and offer Cancel: run a slice per animation frame until {@link Simulation.step} returns
 * `true`, then read {@link Simulation.result}. However it is sliced, the result is the
 * same text `run("simulate", documentJson, optionsJson)` returns; after
 * {@link Simulation.cancel} it holds the runs completed, marked `"cancelled": true`.
 * A refused input is known at once: `done()` is true and `result()` has the errors.
 * Lives in WebAssembly memory: call {@link Simulation.delete} when done. Never throws.
 */
declare class Simulation {
  constructor(documentJson: TextInput, optionsJson: string);
  /** Runs up to `runs` more runs; `true` when nothing is left to run. */
  step(runs: number): boolean;
  /** True when all runs are done, the run was cancelled, or the input was refused. */
  done(): boolean;
  /** 0..1; 1 also when the input was refused. */
  fractionDone(): number;
  /** Stops here; {@link Simulation.result} then reports the runs completed. */
  cancel(): void;
  /**
   * The command's JSON text (result or `{"errors": [...]}`). Called before {@link Simulation.done},
   * it cancels the run first: the result holds the runs completed, and nothing more runs.
   */
  result(): string;
  /** Frees the simulation's WebAssembly memory now. The object must not be used afterwards. */
  delete(): void;
  isDeleted(): boolean;
}

/** A loaded module instance. */
export interface GapscoreModule {
  /**
   * Runs a command (`"rank"`, `"explain"`, `"diff"`, `"validate"`, ... see {@link commands})
   * on a document with options as a JSON object text (e.g. `'{"model": "wsjf", "top": 10}'`,
   * or `""` for none). Returns exactly what `gapscore COMMAND --format json` prints for the
   * same input: a result document, or `{"errors": [...]}`. Never throws.
   */
  run(command: string, documentJson: TextInput, optionsJson: string): string;
  /** As {@link run}, with the CLI's exit code and stderr text too. */
  runWithStatus(command: string, documentJson: TextInput, optionsJson: string): CommandStatus;
  /** JSON text `[{"name": string, "summary": string}]`: the commands {@link run} knows. */
  commands(): string;
  /** The interactive engine class. Remember to delete() each instance. */
  Engine: typeof Engine;
  /** The stepped `simulate` command. Remember to delete() each instance. */
  Simulation: typeof Simulation;
}

/** Emscripten module settings that make sense for this module. */
export interface GapscoreModuleOptions {
  /** Called with each line the module prints to stdout (the core prints nothing). */
  print?: (text: string) => void;
  /** Called with each line the module prints to stderr. */
  printErr?: (text: string) => void;
}

/**
 * Instantiates the module (the wasm is inlined, stored deflated and unpacked with
 * DecompressionStream: no file to fetch). Works in browsers, workers and node 20:
 * `const gs = await createGapscore();`
 */
declare function createGapscore(options?: GapscoreModuleOptions): Promise<GapscoreModule>;
export default createGapscore;
/** Types only: the classes are values of the module instance (`gs.Engine`, `gs.Simulation`). */
export type { Engine, Simulation };
