// The bad-input catalogue (tests/bad-inputs/, README there) against the WebAssembly module:
// every case gives its expected exit code and error; after each one the module still runs a
// good command, and an Engine keeps its last good state. With GAPSCORE_CLI set (as
// scripts/test.sh does), each case the CLI can express must also print exactly what the
// native CLI prints. tests/bad_inputs_test.cpp runs the same files natively.
//
// GAPSCORE_WASM may name another build of the module (default: dist/gapscore.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const catalogueDir = path.join(root, 'tests/bad-inputs');
const modulePath = process.env.GAPSCORE_WASM
  ? path.resolve(process.env.GAPSCORE_WASM)
  : path.join(root, 'dist/gapscore.mjs');
const { default: createGapscore } = await import(pathToFileURL(modulePath).href);
const gs = await createGapscore();
const good = fs.readFileSync(path.join(root, 'tests/fixtures/documents/intercom_rice.json'), 'utf8');

/** document_parts, as bad_inputs_catalogue.hpp expands them. */
function expandParts(parts) {
  const out = [];
  for (const part of parts) {
    if ('text' in part) {
      out.push(part.text);
      continue;
    }
    const unit = part.repeat;
    const sep = part.separator ?? '';
    if (!unit.includes('{i}')) {
      out.push(sep ? Array(part.count).fill(unit).join(sep) : unit.repeat(part.count));
      continue;
    }
    const pieces = new Array(part.count);
    for (let i = 0; i < part.count; i++) pieces[i] = unit.replaceAll('{i}', String(i));
    out.push(pieces.join(sep));
  }
  return out.join('');
}

function readCase(file) {
  const c = JSON.parse(fs.readFileSync(path.join(catalogueDir, file), 'utf8'));
  let document = '';
  if (c.document_file) document = new Uint8Array(fs.readFileSync(path.join(catalogueDir, c.document_file)));
  else if (c.document_parts) document = expandParts(c.document_parts);
  else if (typeof c.document === 'string') document = c.document;
  else if (c.document !== undefined) document = JSON.stringify(c.document, null, 2);
  let options = '';
  if (typeof c.options === 'string') options = c.options;
  else if (c.options !== undefined) options = JSON.stringify(c.options);
  return { name: file.replace(/\.json$/, ''), ...c, documentInput: document, optionsText: options };
}

const cases = fs
  .readdirSync(catalogueDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(readCase);

const asList = (x) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The checks bad_inputs_test.cpp makes, on one interface's exit code and output. */
function checkOutput(c, exitCode, output, how) {
  const where = `${c.name} via ${how}`;
  assert.equal(exitCode, c.expect.exit_code, `${where}: exit code\n${output.slice(0, 2000)}`);
  const out = JSON.parse(output);
  if (c.expect.path !== undefined) {
    const fragments = asList(c.expect.message_contains);
    const found = (out.errors ?? []).some(
      (e) => e.path === c.expect.path && (c.expect.code === undefined || e.code === c.expect.code) && fragments.every((f) => e.message.includes(f)),
    );
    assert.ok(found, `${where}: no error at ${JSON.stringify(c.expect.path)} (code ${c.expect.code}) with ${JSON.stringify(fragments)}\n${output.slice(0, 3000)}`);
  }
  for (const s of asList(c.expect.output_contains)) assert.ok(output.includes(s), `${where}: output lacks ${s}`);
  for (const s of asList(c.expect.output_not_contains)) assert.ok(!output.includes(s), `${where}: output has ${s}`);
}

test('the catalogue has cases for documents, options and CSV', () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  assert.ok(cases.some((c) => c.command === 'import-csv'));
  assert.ok(cases.some((c) => c.expect.exit_code === 1));
  assert.ok(cases.some((c) => c.expect.exit_code === 2));
});

test('every bad input gives its error through the module, which keeps working', () => {
  for (const c of cases) {
    const res = gs.runWithStatus(c.command, c.documentInput, c.optionsText);
    checkOutput(c, res.exitCode, res.output, 'wasm');
    const after = JSON.parse(gs.run('rank', good, ''));
    assert.ok(Array.isArray(after.ranking) && after.ranking.length > 0, `rank after ${c.name}: ${JSON.stringify(after)}`);
  }
});

test('an Engine keeps its last good state after each bad document', () => {
  const engine = new gs.Engine();
  try {
    for (const c of cases) {
      if (c.command === 'import-csv') continue; // the Engine reads JSON documents only
      assert.ok(engine.load(good), c.name);
      assert.ok(engine.rank(), c.name);
      const size = engine.size();
      const saved = engine.documentJson();
      if (!engine.load(c.documentInput)) {
        assert.notEqual(engine.lastErrors(), '', c.name);
        assert.equal(engine.size(), size, c.name);
        assert.equal(engine.documentJson(), saved, c.name);
        assert.ok(engine.rank(), c.name);
      } else if (engine.rank()) {
        for (const s of engine.scores()) assert.ok(Number.isFinite(s), `${c.name}: score ${s}`);
      } else {
        assert.notEqual(engine.lastErrors(), '', c.name);
      }
    }
  } finally {
    engine.delete();
  }
});

/** CLI arguments for a case's options, as bad_inputs_test.cpp builds them; null if none fit. */
function cliArguments(c, dir) {
  const flags = ['--format', 'json'];
  if (c.options === undefined) return flags;
  if (typeof c.options !== 'object' || Array.isArray(c.options)) return null;
  const positional = [];
  for (const [key, value] of Object.entries(c.options)) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (['model', 'top', 'runs', 'seed', 'capacity', 'reference', 'weights'].includes(key)) flags.push(`--${key}`, text);
    else if (['item', 'a', 'b'].includes(key)) positional.push(text);
    else if (key === 'after') {
      fs.writeFileSync(path.join(dir, 'after.json'), text);
      positional.push(path.join(dir, 'after.json'));
    } else return null;
  }
  return [...positional, ...flags];
}

const cli = process.env.GAPSCORE_CLI;
test('the module prints exactly what the native CLI prints', { skip: !cli && 'GAPSCORE_CLI not set' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapscore-bad-inputs-'));
  let compared = 0;
  try {
    for (const c of cases) {
      if (c.cli) continue; // the CLI's own argument parser answers first
      const args = cliArguments(c, dir);
      if (!args) continue;
      const file = path.join(dir, 'document');
      fs.writeFileSync(file, c.documentInput);
      let stdout = '';
      let status = 0;
      try {
        stdout = execFileSync(cli, [c.command, file, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        stdout = e.stdout;
        status = e.status;
      }
      const res = gs.runWithStatus(c.command, c.documentInput, JSON.stringify({ format: 'json', ...(c.options ?? {}) }));
      assert.equal(res.exitCode, status, `${c.name}: exit codes differ`);
      assert.equal(res.output, stdout, `${c.name}: outputs differ`);
      compared++;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(compared >= cases.length / 2, `only ${compared} cases compared`);
});
