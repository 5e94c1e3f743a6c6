// Bundles the widget into ONE classic script, dist/gapscore-widget.js, with the
// WebAssembly module (dist/gapscore.mjs, wasm inlined) inside.
// - A classic script (IIFE), not an ES module: browsers refuse module scripts on pages
//   opened from file://, and wikis often only allow a plain <script src>.
// - The module's base64 wasm is moved out of its glue code and stored deflated (the widget
//   inflates it with the browser's DecompressionStream and passes it as `wasmBinary`):
//   about half the bytes, and no fetch() of a data: URL (see wasm/widget/module.ts).
// GAPSCORE_MODULE=path uses another module file; WIDGET_DEBUG=1 skips minification.
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = resolve(process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs'));
const debug = !!process.env.WIDGET_DEBUG;
if (!existsSync(modulePath)) {
  console.error(`missing ${modulePath}: run "npm run build:wasm" first`);
  process.exit(1);
}

const DATA_URI = /(["'])data:application\/octet-stream;base64,([A-Za-z0-9+/]+={0,2})\1/;

/** The module's glue with an empty data: URL, and the wasm deflated; or the file unchanged. */
function unpackModule() {
  const text = readFileSync(modulePath, 'utf8');
  const m = DATA_URI.exec(text);
  if (!m) {
    console.warn('note: no inlined wasm found in the module; bundling it as it is');
    return { glue: text, deflated: '' };
  }
  const wasm = Buffer.from(m[2], 'base64');
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error('the inlined data is not a wasm binary');
  const deflated = deflateRawSync(wasm, { level: 9 }).toString('base64');
  const glue = text.slice(0, m.index) + `${m[1]}data:application/octet-stream;base64,${m[1]}` + text.slice(m.index + m[0].length);
  return { glue, deflated };
}

const unpacked = unpackModule();
const modulePlugin = {
  name: 'gapscore-module',
  setup(b) {
    b.onResolve({ filter: /dist\/gapscore\.mjs$/ }, () => ({ path: modulePath, namespace: 'gapscore-module' }));
    b.onLoad({ filter: /.*/, namespace: 'gapscore-module' }, () => ({ contents: unpacked.glue, loader: 'js' }));
    b.onResolve({ filter: /^gapscore:wasm-data$/ }, () => ({ path: 'wasm-data', namespace: 'gapscore-wasm' }));
    b.onLoad({ filter: /.*/, namespace: 'gapscore-wasm' }, () => ({
      contents: `export const WASM_DEFLATED = ${JSON.stringify(unpacked.deflated)};`,
      loader: 'js',
    }));
  },
};

const outfile = resolve(root, 'dist/gapscore-widget.js');
await build({
  entryPoints: [resolve(root, 'wasm/widget/define.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  globalName: 'GapScore',
  target: ['chrome103', 'firefox113', 'safari16.4'],
  minify: !debug,
  sourcemap: debug ? 'inline' : false,
  legalComments: 'none',
  // Emscripten's glue reads import.meta.url only to locate a separate .wasm file; ours is inlined.
  define: { 'import.meta.url': '""' },
  plugins: [modulePlugin],
  banner: { js: '/* gapscore widget: the <gap-score> custom element and its WebAssembly engine. Embedding: docs/embedding.md */' },
  logLevel: 'warning',
});
const bytes = readFileSync(outfile);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`wrote ${outfile}: ${kb(statSync(outfile).size)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`);
