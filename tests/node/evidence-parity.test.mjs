// The evidence loop's options (issue 21) give the same bytes in WebAssembly as natively:
// run("evidence") and run("rank", {confidence_from}) with lag, staleness, as_of and prior
// against `gapscore evidence --lag-days ... --format json`, on every example document with
// measurements and on a survey history whose margins are derived (√ in both builds).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { cliPath, exampleDocuments, loadModule, root } from './support.mjs';

const gs = await loadModule();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gapscore-evidence-parity-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

// Counts of answers 1..5 before and after: margins 10 × 1.96 × √(p(1 − p)/n), an interval each.
const surveys = JSON.stringify({
  format: 'gapscore/1',
  segments: [{ id: 'members', size: 200 }],
  outcomes: [{ id: 'calm', segment: 'members', importance: 9, satisfaction: 4 }],
  measurements: [
    { outcome: 'calm', date: '2025-02-01', survey: [2, 5, 8, 6, 4] },
    { outcome: 'calm', date: '2025-03-03', survey: [1, 4, 8, 7, 5] },
    { outcome: 'calm', date: '2025-04-01', survey: [1, 3, 7, 9, 7] },
  ],
  items: [
    { id: 'c1', status: 'done', released: '2025-03-01', effort: 1, outcomes: [{ outcome: 'calm', lift: 0.5 }] },
    { id: 'c2', status: 'planned', effort: 1, outcomes: [{ outcome: 'calm', lift: 0.2 }] },
  ],
});

const documents = [
  ...exampleDocuments()
    .filter((file) => Array.isArray(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')).measurements))
    .map((file) => ({ name: file, text: fs.readFileSync(path.join(root, file), 'utf8') })),
  { name: 'survey history', text: surveys },
];

// flags -> the options JSON cli/main.cpp builds from them (format first, then in its order).
const cases = [
  { command: 'evidence', flags: [], options: {} },
  { command: 'evidence', flags: ['--lag-days', '14', '--prior-items', '3', '--prior-ratio', '0.8'], options: { lag_days: 14, prior_items: 3, prior_ratio: 0.8 } },
  { command: 'evidence', flags: ['--as-of', '2025-12-31', '--stale-days', '30'], options: { as_of: '2025-12-31', stale_days: 30 } },
  { command: 'evidence', flags: ['--lag-days', '1', '--format', 'table'], options: { lag_days: 1 }, format: 'table' },
  { command: 'rank', flags: ['--confidence-from', 'evidence', '--lag-days', '7', '--prior-items', '0'], options: { confidence_from: 'evidence', lag_days: 7, prior_items: 0 } },
];

for (const doc of documents) {
  const file = path.join(tmp, `${doc.name.replace(/\W+/g, '-')}.json`);
  fs.writeFileSync(file, doc.text);
  for (const c of cases) {
    test(`${doc.name}: ${c.command} ${c.flags.join(' ')}`, () => {
      const format = c.format ?? 'json';
      const flags = c.format ? c.flags : [...c.flags, '--format', 'json'];
      const native = spawnSync(cliPath(), [c.command, file, ...flags], { maxBuffer: 1 << 28 });
      const wasm = gs.runWithStatus(c.command, doc.text, JSON.stringify({ format, ...c.options }));
      assert.equal(wasm.exitCode, native.status, native.stderr.toString());
      assert.equal(wasm.output, native.stdout.toString('utf8'));
    });
  }
}

test('the survey history has derived margins and intervals, so √ is compared too', () => {
  const out = JSON.parse(gs.run('evidence', surveys, '{}'));
  assert.ok(out.items.every((it) => it.interval !== null), JSON.stringify(out.items));
});
