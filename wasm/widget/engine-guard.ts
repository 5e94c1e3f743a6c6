// A WebAssembly instance that aborted (out of memory, a bug) must never be entered again: its
// memory and stack are whatever the abort left. Every call into the module goes through this
// guard. The module's calls report problems in their results and never throw, so the first
// exception is the instance failing: it is marked down and `down` is told (module.ts tells
// every widget on the page); from then on every call throws EngineFailure at once, without
// touching the instance, and delete() does nothing. The widget keeps the reader's edits in
// plain JavaScript and opens them on a fresh instance when the reader asks (page-loader.ts).

import type { Engine, GapscoreModule, Simulation } from './module-types';
import type { PartedModule } from './parts';

/** The widget's code for an engine that stopped (docs/embedding.md). */
export const ENGINE_FAILED = 'engine_failed';

/** Thrown by every call into a module instance that failed. */
export class EngineFailure extends Error {
  readonly code = ENGINE_FAILED;
  constructor(readonly reason: unknown) {
    super(`the engine stopped: ${String((reason as Error)?.message ?? reason)}`);
  }
}

export function isEngineFailure(error: unknown): error is EngineFailure {
  return error instanceof EngineFailure;
}

/** Runs `f`; null when the engine failed (the widget already says so), other errors thrown. */
export function unlessEngineFailed<T>(f: () => T): T | null {
  try {
    return f();
  } catch (error) {
    if (isEngineFailure(error)) return null;
    throw error;
  }
}

/** The module with every call guarded; `down(error)` is called once, when the instance first fails. */
export function guardModule(gs: GapscoreModule, down: (guarded: GapscoreModule, error: unknown) => void): GapscoreModule {
  let failure: EngineFailure | null = null;
  const call = <T>(f: () => T, release = false): T => {
    if (failure) {
      if (release) return undefined as T; // nothing to free in a dead instance
      throw failure;
    }
    try {
      return f();
    } catch (error) {
      failure = new EngineFailure(error);
      down(guarded, error);
      throw failure;
    }
  };
  // Engine and Simulation objects: each method call guarded (Embind's objects keep their own this).
  const wrap = <T extends object>(real: T): T =>
    new Proxy(real, {
      get(target, prop) {
        const v = Reflect.get(target, prop) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => call(() => (v as (...a: unknown[]) => unknown).apply(target, args), prop === 'delete');
      },
    });
  const guarded: GapscoreModule = {
    run: (command, documentJson, optionsJson) => call(() => gs.run(command, documentJson, optionsJson)),
    runWithStatus: (command, documentJson, optionsJson) => call(() => gs.runWithStatus(command, documentJson, optionsJson)),
    commands: () => call(() => gs.commands()),
    Engine: function GuardedEngine() {
      return wrap(call(() => new gs.Engine()));
    } as unknown as new () => Engine,
    Simulation: function GuardedSimulation(documentJson: string, optionsJson: string) {
      // Asked outside the guard: a module in parts throws here while its commands are on
      // their way, which is not the instance failing.
      const Real = gs.Simulation;
      return wrap(call(() => new Real(documentJson, optionsJson)));
    } as unknown as new (documentJson: string, optionsJson: string) => Simulation,
  };
  // A module in parts (the split build) says when its commands arrive (parts.ts); a failed
  // instance has nothing more on its way.
  const parted = gs as Partial<PartedModule>;
  if (typeof parted.whenComplete === 'function') {
    const whenComplete = parted.whenComplete.bind(gs);
    (guarded as GapscoreModule & PartedModule).whenComplete = () => (failure ? null : whenComplete());
  }
  return guarded;
}
