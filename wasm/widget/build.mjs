// Bundles the widget into ONE classic script, dist/gapscore-widget.js, with the
// WebAssembly module (dist/gapscore.mjs, wasm inlined and deflated) inside.
// - A classic script (IIFE), not an ES module: browsers refuse module scripts on pages
//   opened from file://, and wikis often only allow a plain <script src>.
// - The module already stores its wasm deflated and unpacks it itself (wasm/pack-module.mjs),
//   so it is bundled as it is.
// GAPSCORE_MODULE=path uses another module file; WIDGET_DEBUG=1 skips minification;
// GAPSCORE_DOCS_URL=https://.../docs/ is where the widget's messages link to the documentation
// (default: docs/ next to the folder the script is served from, as in the repository).
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = resolve(process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs'));
const debug = !!process.env.WIDGET_DEBUG;
if (!existsSync(modulePath)) {
  console.error(`missing ${modulePath}: run "npm run build:wasm" first`);
  process.exit(1);
}

// GAPSCORE_MODULE may name another build of the module.
const modulePlugin = {
  name: 'gapscore-module',
  setup(b) {
    b.onResolve({ filter: /dist\/gapscore\.mjs$/ }, () => ({ path: modulePath }));
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
  define: { 'import.meta.url': '""', __GAPSCORE_DOCS__: JSON.stringify(process.env.GAPSCORE_DOCS_URL ?? '') },
  plugins: [modulePlugin],
  banner: { js: '/* gapscore widget: the <gap-score> custom element and its WebAssembly engine. Embedding: docs/embedding.md */' },
  logLevel: 'warning',
});
const bytes = readFileSync(outfile);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`wrote ${outfile}: ${kb(statSync(outfile).size)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`);
