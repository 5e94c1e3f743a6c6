// Reads a module packed by wasm/pack-module.mjs (dist/gapscore.mjs, or the widget's first
// part in the build tree) back into its parts, for the widget's bundler (wasm/widget/build.mjs):
// - glue: Emscripten's JavaScript with its factory as the default export, and no wasm inside
//   (the packed module's own loader is left out);
// - deflatedBase64: the wasm as the packed module stores it;
// - wasm: the wasm binary itself.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const LOADER = '\n// Added by wasm/pack-module.mjs';
const DEFLATED = /const gapscoreWasmDeflated = "([A-Za-z0-9+/]*={0,2})";/;

export function readPackedModule(path) {
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(LOADER);
  const deflated = DEFLATED.exec(text);
  if (at < 0 || !deflated) throw new Error(`${path}: not a module packed by wasm/pack-module.mjs`);
  const wasm = inflateSync(Buffer.from(deflated[1], 'base64'));
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error(`${path}: its stored data is not a wasm binary`);
  return { glue: `${text.slice(0, at)}\nexport default createGapscore;\n`, deflatedBase64: deflated[1], wasm };
}
