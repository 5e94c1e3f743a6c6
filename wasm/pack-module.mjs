#!/usr/bin/env node
// Packs Emscripten's single-file module into dist/gapscore.mjs with the wasm stored
// deflated instead of as plain base64:
//   node wasm/pack-module.mjs <emscripten output .mjs> <packed .mjs>
//
// Why: Emscripten 3.1.6 inlines the binary as base64 (a third larger than the wasm, and
// base64 gzips poorly). Deflating first makes the file less than half the size (measured
// when it landed: 992 KB -> about 450 KB raw, 380 -> about 305 KB gzipped; BENCHMARKS.md has
// today's sizes). The added loader inflates the bytes with
// the engine's own DecompressionStream ("deflate": Chrome 80, Firefox 113, Safari 16.4,
// node 18; no library shipped) and hands them to the glue as `wasmBinary`, which also
// stops the glue from fetch()ing a data: URL (a page's connect-src CSP blocks that).
// Runs in the CMake build (wasm/CMakeLists.txt) with node only: no npm packages.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node wasm/pack-module.mjs <emscripten output .mjs> <packed .mjs>');
  process.exit(2);
}

const text = readFileSync(input, 'utf8');
const DATA_URI = /(["'])data:application\/octet-stream;base64,([A-Za-z0-9+/]+={0,2})\1/;
const EXPORT = 'export default createGapscore;';
const dataUri = DATA_URI.exec(text);
if (!dataUri) throw new Error(`${input}: no inlined wasm (is -sSINGLE_FILE=1 still set?)`);
if (text.indexOf(EXPORT) !== text.lastIndexOf(EXPORT) || !text.trimEnd().endsWith(EXPORT)) {
  throw new Error(`${input}: expected the glue to end with "${EXPORT}" (-sEXPORT_ES6=1 -sEXPORT_NAME=createGapscore)`);
}
const wasm = Buffer.from(dataUri[2], 'base64');
if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error(`${input}: the inlined data is not a wasm binary`);
const deflated = deflateSync(wasm, { level: 9 }).toString('base64');

// The glue keeps an empty data: URL: with `wasmBinary` given it never reads it.
const glue = text.slice(0, dataUri.index) + `${dataUri[1]}data:application/octet-stream;base64,${dataUri[1]}` +
  text.slice(dataUri.index + dataUri[0].length, text.lastIndexOf(EXPORT));

const loader = `
// Added by wasm/pack-module.mjs: the wasm binary (${wasm.length} bytes), deflated and base64-encoded.
const gapscoreWasmDeflated = "${deflated}";

async function gapscoreWasmBinary() {
  if (typeof DecompressionStream !== "function") {
    throw new Error("gapscore needs DecompressionStream (Chrome 80, Firefox 113, Safari 16.4, node 18) to unpack its WebAssembly");
  }
  const text = atob(gapscoreWasmDeflated);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

/** Instantiates the module; options are Emscripten's (print, printErr, ...). */
async function createGapscoreModule(options) {
  options = options || {};
  const wasmBinary = options.wasmBinary || await gapscoreWasmBinary();
  return createGapscore(Object.assign({}, options, { wasmBinary }));
}
export default createGapscoreModule;
`;
mkdirSync(dirname(output), { recursive: true });
// Written aside and renamed: an interrupted build never leaves a truncated module behind.
writeFileSync(`${output}.tmp`, glue + loader);
renameSync(`${output}.tmp`, output);
console.log(`${output}: wasm ${wasm.length} bytes, stored deflated in ${deflated.length} bytes of base64; file ${glue.length + loader.length} bytes`);
