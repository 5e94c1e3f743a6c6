// The hand-written declarations (wasm/gapscore.d.ts, copied to dist/) must type a real
// consumer: tests/node/typed-usage.ts, compiled with `tsc --noEmit` (also `npm run typecheck`).
// The other tests then exercise the same names at run time, so the declarations and the
// bindings cannot drift apart unnoticed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { root } from './support.mjs';

test('tsc --noEmit accepts the typed usage example against dist/gapscore.d.mts', () => {
  for (const name of ['gapscore.d.ts', 'gapscore.d.mts'])
    assert.ok(fs.existsSync(path.join(root, 'dist', name)), `dist/${name} is missing: run npm run build:wasm`);
  assert.equal(
    fs.readFileSync(path.join(root, 'dist/gapscore.d.mts'), 'utf8'),
    fs.readFileSync(path.join(root, 'wasm/gapscore.d.ts'), 'utf8'),
    'dist/ holds an old copy of wasm/gapscore.d.ts: rebuild');
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  assert.ok(fs.existsSync(tsc), 'typescript is not installed: run npm ci');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tests/node/tsconfig.json'), '--noEmit'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the declarations name every function the module exports', async () => {
  const { loadModule } = await import('./support.mjs');
  const gs = await loadModule();
  const dts = fs.readFileSync(path.join(root, 'wasm/gapscore.d.ts'), 'utf8');
  for (const name of ['run', 'runWithStatus', 'commands', 'Engine']) {
    assert.equal(typeof gs[name], 'function', name);
    assert.match(dts, new RegExp(`\\b${name}\\b`), name);
  }
  const e = new gs.Engine();
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(e)).filter(
    (m) => typeof e[m] === 'function' && m !== 'constructor' && !m.startsWith('__'));
  for (const m of methods) {
    if (['clone', 'deleteLater', 'isAliasOf'].includes(m)) continue; // Embind's own, not part of our API
    assert.match(dts, new RegExp(`\\n  ${m}\\(`), `Engine.${m} is bound but not declared`);
  }
  e.delete();
});
