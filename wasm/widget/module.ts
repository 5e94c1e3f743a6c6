// Loads the WebAssembly module once per page; every <gap-score> shares the instance and
// owns its own Engine objects, so widgets stay independent. The instance is guarded
// (engine-guard.ts): when it fails, every widget is told, and the next loadModule() makes a
// fresh one.
// @ts-ignore: the bundler (wasm/widget/build.mjs) puts inline-module.ts (the single file) or
// split-module.ts (dist/split/) here; typed through module-types.ts.
import createGapscore from '../../dist/gapscore.mjs';
import { ENGINE_FAILED, guardModule, isEngineFailure } from './engine-guard';
import { docsLink } from './links';
import type { GapscoreModule, Problem } from './module-types';
import type { ShownProblem } from './messages';

let loading: Promise<GapscoreModule> | null = null;
const failureListeners = new Set<(failed: GapscoreModule) => void>();

/** Calls `listener` with the instance that failed, each time one does; returns the unsubscribe. */
export function onEngineFailure(listener: (failed: GapscoreModule) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

/** The page's Content-Security-Policy refuses to compile WebAssembly (no 'wasm-unsafe-eval'). */
export const WASM_BLOCKED = 'wasm_blocked';
/** The browser has no WebAssembly at all. */
export const NO_WASM = 'no_wasm';

/**
 * Why WebAssembly cannot run here, or null when it can. The smallest valid module (8 bytes)
 * is compiled: a CompileError on it can only be a refusal (a Content-Security-Policy without
 * 'wasm-unsafe-eval'), told apart by the error's type, not by any browser's wording.
 */
export function wasmProblem(): ShownProblem | null {
  if (typeof WebAssembly !== 'object') {
    return { path: '', code: NO_WASM, message: 'this browser does not run WebAssembly, which the widget computes with. Current Chrome, Edge, Firefox and Safari do.' };
  }
  try {
    new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    return null;
  } catch (error) {
    if (!(error instanceof WebAssembly.CompileError)) return null;
  }
  return {
    path: '',
    code: WASM_BLOCKED,
    message:
      "the page's Content-Security-Policy does not allow WebAssembly, which the widget computes with. " +
      "Whoever runs the site can allow it by adding 'wasm-unsafe-eval' to script-src, for example: " +
      "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.",
    link: { href: docsLink('embedding.md#content-security-policy'), text: 'How to embed the widget under a Content-Security-Policy (embedding.md)' },
  };
}

/** The module, loaded once per page; rejects with a list of problems when WebAssembly cannot run. */
export function loadModule(): Promise<GapscoreModule> {
  if (!loading) {
    const factory = createGapscore as (options?: object) => Promise<GapscoreModule>;
    // Asked first: the module's own failure would be Emscripten's "Aborted(CompileError ...)".
    const blocked = wasmProblem();
    if (blocked) return Promise.reject([blocked]);
    // How the wasm arrives is the build's (inside the script, or files fetched beside it).
    const instance: Promise<GapscoreModule> = factory().then(
      (gs) =>
        guardModule(gs, (failed) => {
          if (loading === instance) loading = null; // the next widget to ask gets a fresh instance
          for (const listener of [...failureListeners]) listener(failed);
        }),
      (error: unknown) => {
        loading = null; // let a later widget try again
        const problem = wasmProblem();
        throw problem ? [problem] : error;
      },
    );
    loading = instance;
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
    // A failed instance: the widget says so once (engine-guard.ts); the view only says it has no result.
    if (isEngineFailure(error)) return { ok: false, errors: [{ path: '', code: ENGINE_FAILED, message: error.message }] };
    return { ok: false, errors: [{ path: '', code: 'internal_error', message: `the engine failed: ${String(error)}` }] };
  }
  return parseResult<T>(text);
}

export function parseResult<T>(text: string): RunResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '', code: 'internal_error', message: 'the engine answered something that is not JSON' }] };
  }
  const v = value as { errors?: Problem[]; warnings?: Problem[] };
  if (v && Array.isArray(v.errors) && v.errors.length > 0) return { ok: false, errors: v.errors };
  return { ok: true, value: value as T, warnings: Array.isArray(v?.warnings) ? v.warnings : [] };
}

/** The {"errors": [...]} document an Engine call leaves behind, as a list. */
export function engineErrors(text: string): Problem[] {
  const r = parseResult<unknown>(text || '{}');
  return r.ok ? [{ path: '', code: 'internal_error', message: 'the engine refused the change' }] : r.errors;
}
