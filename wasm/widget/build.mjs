// Bundles the widget two ways, each ONE classic script (an IIFE, not an ES module: browsers
// refuse module scripts on pages opened from file://, and wikis often only allow a plain
// <script src>):
// - dist/gapscore-widget.js: self-contained, the whole WebAssembly module inside (its wasm
//   deflated and base64-encoded, inline-module.ts). Pages opened from disk, hosts that take a
//   single attachment.
// - dist/split/: gapscore-widget.js plus gapscore-engine.wasm (the first part: the Engine)
//   and gapscore.wasm (the whole module) beside it, fetched by the script and compiled while
//   they download (split-module.ts, wasm-files.ts). The fast build for served pages.
// module.ts imports '../../dist/gapscore.mjs'; the plugin below hands it inline-module.ts or
// split-module.ts instead, and makes their inputs (build-inputs.d.ts) from the packed modules
// (wasm/module-parts.mjs): the whole one, dist/gapscore.mjs, and the first part, which the
// wasm build writes into build/wasm/wasm/gapscore-engine.mjs.
// GAPSCORE_MODULE=path and GAPSCORE_ENGINE_MODULE=path use other builds of them; WIDGET_DEBUG=1
// skips minification; GAPSCORE_DOCS_URL=https://.../docs/ is where the widget's messages link
// to the documentation (default: docs/ next to the folder the script is served from, as in
// the repository).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readPackedModule } from '../module-parts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = resolve(process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs'));
const enginePath = resolve(process.env.GAPSCORE_ENGINE_MODULE ?? resolve(root, 'build/wasm/wasm/gapscore-engine.mjs'));
const debug = !!process.env.WIDGET_DEBUG;
for (const path of [modulePath, enginePath]) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: run "npm run build:wasm" first`);
    process.exit(1);
  }
}

const whole = readPackedModule(modulePath);
const first = readPackedModule(enginePath);
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const versions = { 'gapscore-engine.wasm': hash(first.wasm), 'gapscore.wasm': hash(whole.wasm) };
// The views' tabs appear with the first ranking, before the whole module is fetched: the
// split widget answers commands() with what the whole module answers.
const commandsJson = (await import(pathToFileURL(modulePath).href)).default().then((gs) => gs.commands());

/** The plugin: which module file the widget gets, and the inputs it reads. */
function modulePlugin(kind) {
  const virtual = {
    'gapscore:full-glue': () => whole.glue,
    'gapscore:engine-glue': () => first.glue,
    'gapscore:full-wasm': () => `export default ${JSON.stringify(whole.deflatedBase64)};`,
    'gapscore:commands': async () => `export default ${JSON.stringify(await commandsJson)};`,
  };
  return {
    name: 'gapscore-module',
    setup(b) {
      b.onResolve({ filter: /dist\/gapscore\.mjs$/ }, () => ({ path: resolve(root, `wasm/widget/${kind}-module.ts`) }));
      b.onResolve({ filter: /^gapscore:/ }, (a) => ({ path: a.path, namespace: 'gapscore' }));
      b.onLoad({ filter: /.*/, namespace: 'gapscore' }, async (a) => ({ contents: await virtual[a.path](), loader: 'js', resolveDir: root }));
    },
  };
}

async function bundle(kind, outfile, banner) {
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
    // Emscripten's glue reads import.meta.url only to locate a .wasm file itself; the widget
    // hands it the compiled module (instantiateWasm) instead.
    define: {
      'import.meta.url': '""',
      __GAPSCORE_DOCS__: JSON.stringify(process.env.GAPSCORE_DOCS_URL ?? ''),
      // dist/split/ is a folder deeper than dist/: docs/ is two folders up from its script.
      __GAPSCORE_DOCS_FROM_SCRIPT__: JSON.stringify(kind === 'split' ? '../../docs/' : '../docs/'),
      // The split script asks for exactly the wasm built with it (wasm-files.ts).
      __GAPSCORE_WASM_VERSIONS__: JSON.stringify(versions),
    },
    plugins: [modulePlugin(kind)],
    banner: { js: banner },
    logLevel: 'warning',
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (bytes) => `${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped`;

const single = resolve(root, 'dist/gapscore-widget.js');
await bundle('inline', single, '/* gapscore widget: the <gap-score> custom element and its WebAssembly engine, in one file. Embedding: docs/embedding.md */');
console.log(`wrote ${single}: ${sizes(readFileSync(single))}`);

const splitDir = resolve(root, 'dist/split');
mkdirSync(splitDir, { recursive: true });
const split = resolve(splitDir, 'gapscore-widget.js');
await bundle('split', split, '/* gapscore widget: the <gap-score> custom element; its WebAssembly engine is gapscore-engine.wasm and gapscore.wasm beside this file. Embedding: docs/embedding.md */');
writeFileSync(resolve(splitDir, 'gapscore-engine.wasm'), first.wasm);
writeFileSync(resolve(splitDir, 'gapscore.wasm'), whole.wasm);
console.log(`wrote ${split}: ${sizes(readFileSync(split))}`);
console.log(`  beside it gapscore-engine.wasm: ${sizes(first.wasm)} (before the first ranking), gapscore.wasm: ${sizes(whole.wasm)} (after it)`);
