// The split widget's module (dist/split/gapscore-widget.js; wasm/widget/build.mjs bundles
// this file where module.ts imports the module). Two wasm files beside the script:
// - gapscore-engine.wasm, the first part: loading and validating a document, every model
//   (the gap model included), explanations, describe, the Engine. Fetched and compiled while
//   it downloads from the moment the script runs; the first ranking needs nothing else.
// - gapscore.wasm, the whole module (the same wasm as dist/gapscore.mjs): every command for
//   the other views, the import and the CSV export. Fetched once the first ranked row is on
//   screen and the page is idle, or on first use, whichever comes first.
// The Engine stays the first part's for the page's life; run() and the Simulation are the
// whole module's. A view asking for them before they arrive waits (parts.ts, views.ts).

import createEngineGlue from 'gapscore:engine-glue';
import createFullGlue from 'gapscore:full-glue';
import commandsJson from 'gapscore:commands';
import { markOnce } from './marks';
import type { Engine, GapscoreModule, RunStatus, Simulation } from './module-types';
import type { PartedModule } from './parts';
import { compileWasm, instantiateWith, wasmLocation } from './wasm-files';

const ENGINE_FILE = 'gapscore-engine.wasm';
const FULL_FILE = 'gapscore.wasm';

/** The first part, fetched and compiled (again after a failure, when a widget asks again). */
function compileFirst(): Promise<WebAssembly.Module> {
  const compiled = compileWasm(ENGINE_FILE, wasmLocation(ENGINE_FILE));
  compiled.then(
    () => markOnce('engine-compiled'),
    () => {}, // told when a widget asks for the module (loadModule)
  );
  return compiled;
}

/** On its way from the moment the script runs, before any <gap-score> asks. */
let engineCompiled: Promise<WebAssembly.Module> | null = typeof WebAssembly === 'object' ? compileFirst() : null;

class SplitModule implements GapscoreModule, PartedModule {
  readonly Engine: new () => Engine;
  private rest: GapscoreModule | null = null;
  private coming: Promise<void> | null = null;
  private failure = '';

  constructor(first: { Engine: new () => Engine }) {
    this.Engine = first.Engine;
  }

  run(command: string, documentJson: string, optionsJson: string): string {
    return this.rest ? this.rest.run(command, documentJson, optionsJson) : this.unavailable();
  }

  runWithStatus(command: string, documentJson: string, optionsJson: string): RunStatus {
    return this.rest ? this.rest.runWithStatus(command, documentJson, optionsJson) : { exitCode: 2, output: this.unavailable(), messages: '' };
  }

  /** The whole module's commands (known when the widget was built), so views show their tabs at once. */
  commands(): string {
    return commandsJson;
  }

  get Simulation(): new (documentJson: string, optionsJson: string) => Simulation {
    if (!this.rest) throw new Error(this.failure || 'the simulation is still on its way');
    return this.rest.Simulation;
  }

  whenComplete(): Promise<void> | null {
    return this.rest ? null : this.fetchRest();
  }

  /** Fetches and starts the whole module (once; again after a failure). */
  fetchRest(): Promise<void> {
    this.coming ??= instantiateWith<GapscoreModule>(createFullGlue, compileWasm(FULL_FILE, wasmLocation(FULL_FILE))).then(
      (gs) => {
        this.rest = gs;
        this.failure = '';
        markOnce('commands-ready');
      },
      (error: unknown) => {
        this.coming = null; // the next ask tries again
        this.failure = `the engine's commands could not be loaded: ${String((error as Error)?.message ?? error)}`;
        throw error;
      },
    );
    return this.coming;
  }

  /** What run() answers before the commands are here: an errors document, as for any failure. */
  private unavailable(): string {
    const message = this.failure || 'the engine’s commands are still on their way; try again in a moment';
    return JSON.stringify({ errors: [{ path: '', code: 'engine_loading', message }] });
  }
}

let whole: SplitModule | null = null;

/** Once the first ranked row is on screen, the rest comes while the page is idle. */
if (typeof document !== 'undefined') {
  document.addEventListener(
    'gapscore-change',
    () => {
      const later = typeof requestIdleCallback === 'function' ? (f: () => void) => requestIdleCallback(f, { timeout: 1000 }) : (f: () => void) => setTimeout(f, 50);
      later(() => void whole?.fetchRest().catch(() => {}));
    },
    { once: true },
  );
}

/** The module factory module.ts calls (once per page). */
export default async function createSplitModule(): Promise<GapscoreModule> {
  engineCompiled ??= compileFirst();
  let first: { Engine: new () => Engine };
  try {
    first = await instantiateWith<{ Engine: new () => Engine }>(createEngineGlue, engineCompiled);
  } catch (error) {
    engineCompiled = null; // a later widget fetches it again
    throw error;
  }
  markOnce('module-ready');
  whole = new SplitModule(first);
  return whole;
}
