// The single-file widget's module (dist/gapscore-widget.js; wasm/widget/build.mjs bundles
// this file where module.ts imports the module): the whole module's wasm travels inside the
// script, deflated and base64-encoded (wasm/pack-module.mjs). From the moment the script runs
// it is decoded and inflated, and compiled while it inflates (compileStreaming over the
// inflating stream), so nothing waits for the whole binary before compiling starts. One
// module with every command: the first ranking and every view come from it.

import createFullGlue from 'gapscore:full-glue';
import deflatedBase64 from 'gapscore:full-wasm';
import { markOnce } from './marks';
import type { GapscoreModule } from './module-types';
import { instantiateWith } from './wasm-files';

/** The deflated bytes: Uint8Array.fromBase64 where the browser has it (one native call), else atob. */
function deflatedBytes(): Uint8Array<ArrayBuffer> {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64(deflatedBase64);
  const text = atob(deflatedBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const inflating = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));

async function compileInline(): Promise<WebAssembly.Module> {
  if (typeof DecompressionStream !== 'function') {
    throw new Error('gapscore needs DecompressionStream (Chrome 80, Firefox 113, Safari 16.4) to unpack its WebAssembly');
  }
  const bytes = deflatedBytes();
  markOnce('wasm-decoded');
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(new Response(inflating(bytes), { headers: { 'Content-Type': 'application/wasm' } }));
    } catch {
      // compiled from the whole binary below; a refusal (CSP) fails there the same way
    }
  }
  return WebAssembly.compile(await new Response(inflating(bytes)).arrayBuffer());
}

function compileFirst(): Promise<WebAssembly.Module> {
  const compiled = compileInline();
  compiled.then(
    () => markOnce('engine-compiled'),
    () => {}, // told when a widget asks for the module (loadModule)
  );
  return compiled;
}

/** Started while the script runs, before any <gap-score> asks. */
let compiled: Promise<WebAssembly.Module> | null = typeof WebAssembly === 'object' ? compileFirst() : null;

/** The module factory module.ts calls (once per page). */
export default async function createInlineModule(): Promise<GapscoreModule> {
  compiled ??= compileFirst();
  try {
    const gs = await instantiateWith<GapscoreModule>(createFullGlue, compiled);
    markOnce('module-ready');
    return gs;
  } catch (error) {
    compiled = null; // a later widget tries again
    throw error;
  }
}
