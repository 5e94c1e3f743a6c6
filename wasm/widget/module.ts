// Loads the WebAssembly module once per page; every <gap-score> shares the instance and
// owns its own Engine objects, so widgets stay independent.
// @ts-ignore: resolved by the bundler (wasm/widget/build.mjs); typed through module-types.ts.
import createGapscore from '../../dist/gapscore.mjs';
import type { GapscoreModule, Problem } from './module-types';

let loading: Promise<GapscoreModule> | null = null;

export function loadModule(): Promise<GapscoreModule> {
  if (!loading) {
    const factory = createGapscore as (options?: object) => Promise<GapscoreModule>;
    // The module unpacks its own deflated wasm (wasm/pack-module.mjs) and never fetches.
    loading = factory().catch((error: unknown) => {
      loading = null; // let a later widget try again
      throw error;
    });
  }
  return loading;
}

/** Names of the commands this build of the module offers (views appear as they land). */
export function commandNames(gs: GapscoreModule): Set<string> {
  try {
    const list = JSON.parse(gs.commands()) as { name: string }[];
    return new Set(list.map((c) => c.name));
  } catch {
    return new Set();
  }
}

export type RunResult<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; errors: Problem[] };

/** Runs a command that answers JSON and splits the answer into a value or its errors. */
export function runJson<T>(gs: GapscoreModule, command: string, document: string, options: object = {}): RunResult<T> {
  let text: string;
  try {
    text = gs.run(command, document, JSON.stringify(options));
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `the engine failed: ${String(error)}` }] };
  }
  return parseResult<T>(text);
}

export function parseResult<T>(text: string): RunResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '', message: 'the engine answered something that is not JSON' }] };
  }
  const v = value as { errors?: Problem[]; warnings?: Problem[] };
  if (v && Array.isArray(v.errors) && v.errors.length > 0) return { ok: false, errors: v.errors };
  return { ok: true, value: value as T, warnings: Array.isArray(v?.warnings) ? v.warnings : [] };
}

/** The {"errors": [...]} document an Engine call leaves behind, as a list. */
export function engineErrors(text: string): Problem[] {
  const r = parseResult<unknown>(text || '{}');
  return r.ok ? [{ path: '', message: 'the engine refused the change' }] : r.errors;
}
