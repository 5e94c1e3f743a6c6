// Shared by the node tests: the WebAssembly module, the native CLI, and the mapping from an
// options object to the CLI's flags (cli/main.cpp builds the same options JSON from them),
// so one call runs a command both ways on the same bytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The module instance, created once per test file. */
let modulePromise;
export function loadModule() {
  const file = path.join(root, 'dist/gapscore.mjs');
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: build it with \`npm run build:wasm\` (cmake --preset wasm && cmake --build --preset wasm)`);
  modulePromise ??= import(file).then((m) => m.default());
  return modulePromise;
}

/** The native CLI: $GAPSCORE_CLI, else the "native" preset's build. */
export function cliPath() {
  const cli = process.env.GAPSCORE_CLI || path.join(root, 'build/native/cli/gapscore');
  if (!fs.existsSync(cli))
    throw new Error(
      `native CLI not found at ${cli}: build it with \`cmake --preset native && cmake --build --preset native\` ` +
        'or point GAPSCORE_CLI at a gapscore binary');
  return cli;
}

/** Example documents: demo/*.json and tests/fixtures/documents/*.json, found now (others add files). */
export function exampleDocuments() {
  const dirs = ['demo', 'tests/fixtures/documents'];
  const files = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full).sort())
      if (name.endsWith('.json')) files.push(path.join(dir, name));
  }
  return files;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gapscore-node-test-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
let tmpCount = 0;
function tmpFile(bytes) {
  const file = path.join(tmp, `input-${++tmpCount}.json`);
  fs.writeFileSync(file, bytes);
  return file;
}

/**
 * The options object exactly as cli/main.cpp builds it from flags: same keys, same order,
 * "format" first. `opts` may hold model, top, item, reference, weights, capacity, runs,
 * seed, a, b, after (after = the second document's text, as diff reads it from a file).
 */
export function cliOptions(opts) {
  const o = { format: 'json' };
  for (const key of ['model', 'top', 'item', 'reference', 'weights', 'capacity', 'runs', 'seed', 'a', 'b', 'after'])
    if (opts[key] !== undefined) o[key] = opts[key];
  return o;
}

/** Runs the native CLI on `documentBytes` (string or Buffer); returns {exitCode, output}. */
export function runNative(command, documentBytes, opts = {}) {
  const args = [command, tmpFile(documentBytes)];
  if (opts.item !== undefined) args.push(opts.item);
  if (opts.after !== undefined) args.push(tmpFile(opts.after));
  if (opts.a !== undefined) args.push(opts.a);
  if (opts.b !== undefined) args.push(opts.b);
  args.push('--format', 'json');
  for (const key of ['model', 'top', 'reference', 'weights', 'capacity', 'runs', 'seed'])
    if (opts[key] !== undefined) args.push(`--${key}`, String(opts[key]));
  const r = spawnSync(cliPath(), args, { maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { exitCode: r.status, output: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), args };
}

/** Runs the same through the module: the options JSON the CLI would have built. */
export function runWasm(gs, command, documentText, opts = {}) {
  return gs.runWithStatus(command, documentText, JSON.stringify(cliOptions(opts)));
}

/** Model ids, as the core describes them (every registered model, usable or not), so new models are included. */
export function modelIds(gs) {
  const doc = '{"format": "gapscore/1", "items": [{"id": "a"}]}';
  const out = JSON.parse(gs.run('describe', doc, ''));
  if (!Array.isArray(out.models) || out.models.length === 0) throw new Error(`describe lists no models: ${JSON.stringify(out).slice(0, 200)}`);
  return out.models.map((m) => m.id);
}
