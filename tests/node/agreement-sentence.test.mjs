// The stakeholders view's opening sentence (wasm/widget/charts/agreement-summary.ts), bundled
// with esbuild and run on the native CLI's `agreement` answer: "in their top N" never names
// more places than there are items compared, whatever the widget's top N.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

import { root, runNative } from './support.mjs';

async function summaryModule() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gapscore-agreement-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'agreement-summary.mjs');
  await build({
    entryPoints: [path.join(root, 'wasm/widget/charts/agreement-summary.ts')],
    outfile: out, bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error',
  });
  return import(pathToFileURL(out).href);
}

// Three items every stakeholder rated, and a fourth nobody did (left out of the comparison).
const DOC = JSON.stringify({
  format: 'gapscore/1',
  items: [
    { id: 'a', title: 'Search', effort: 1, value: 5 },
    { id: 'b', title: 'SSO', effort: 1, value: 3 },
    { id: 'c', title: 'Filters', effort: 1, value: 2 },
    { id: 'd', title: 'Branding', effort: 1, value: 1 },
  ],
  stakeholders: [
    { id: 'sales', ratings: { a: 5, b: 4, c: 1 } },
    { id: 'support', ratings: { a: 4, b: 5, c: 2 } },
    { id: 'engineering', ratings: { a: 5, b: 3, c: 2 } },
  ],
});

test('agreement sentence: "top N" is capped at the number of items compared', async () => {
  const { agreementSentence } = await summaryModule();
  const run = runNative('agreement', DOC);
  assert.equal(run.exitCode, 0, run.output + run.stderr);
  const r = JSON.parse(run.output);
  assert.equal(r.items_compared, 3, run.output);
  for (const widgetTop of [4, 10]) {
    const sentence = agreementSentence(r, widgetTop, (s) => s);
    assert.match(sentence, /^Three stakeholders rated 3 items: /, sentence);
    assert.ok(sentence.includes('All three put Search, SSO and Filters in their top 3.'), sentence);
    assert.doesNotMatch(sentence, new RegExp(`top ${widgetTop}\\b`), sentence);
  }
  // A top N smaller than the items compared is kept as it is.
  const two = agreementSentence(r, 2, (s) => s);
  assert.ok(two.includes('in their top 2.') || two.includes('No item is in every one’s top 2.'), two);
});

test('agreement sentence: two stakeholders are "both", not "all two"', async () => {
  const { agreementSentence } = await summaryModule();
  const doc = JSON.parse(DOC);
  doc.stakeholders = doc.stakeholders.slice(0, 2);
  const run = runNative('agreement', JSON.stringify(doc));
  assert.equal(run.exitCode, 0, run.output + run.stderr);
  const sentence = agreementSentence(JSON.parse(run.output), 3, (s) => s);
  assert.match(sentence, /^Two stakeholders rated 3 items: /, sentence);
  assert.ok(sentence.includes('Both put Search, SSO and Filters in their top 3.'), sentence);
  assert.doesNotMatch(sentence, /All two/, sentence);
});
