// The bare module in a browser (issue 7 §1): dist/gapscore.mjs imported by a page in
// Chromium unpacks its own wasm (stored deflated, wasm/pack-module.mjs), fetches nothing
// but itself, and answers byte for byte what it answers under node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, newPage, demoText, root } from './harness.mjs';

const env = useBrowser();

test('dist/gapscore.mjs loads in Chromium, fetches nothing else, and gives the same bytes as under node', async () => {
  const modulePath = process.env.GAPSCORE_MODULE ?? resolve(root, 'dist/gapscore.mjs');
  const gs = await (await import(pathToFileURL(modulePath).href)).default();
  const document = demoText('health-app.json');
  const options = JSON.stringify({ model: 'rice', top: 5 });
  const expected = gs.run('rank', document, options);
  assert.match(expected, /"ranking"/, 'node gives a ranking');

  const page = await newPage(env.browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${env.base}/demo/minimal.html`);
  await page.waitForLoadState('load');
  requests.length = 0; // only what the module itself asks for counts
  const got = await page.evaluate(async ({ document, options }) => {
    const { default: createGapscore } = await import('/dist/gapscore.mjs');
    const gs = await createGapscore();
    const bad = gs.run('rank', '{"items": [', '');
    return { rank: gs.run('rank', document, options), bad };
  }, { document, options });
  assert.equal(got.rank, expected, 'Chromium and node give the same bytes');
  assert.match(got.bad, /"errors"/, 'bad input answers an errors document');
  assert.deepEqual(requests.map((u) => new URL(u).pathname), ['/dist/gapscore.mjs'], 'the module fetches nothing but itself');
  assert.deepEqual(page.problems, []);
});
