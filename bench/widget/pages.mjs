// The pages bench/widget measures, written into a folder the repository's static server
// mounts at /bench/ (scripts/serve.mjs), so every visit goes through the network stack and
// the browser's HTTP cache like a real site (Playwright's page.route would turn that cache off,
// and a warm visit would not be one).
//
// - floor-N.html: the wasm floor (issue 18). The same page as the widget's, N RICE items
//   inline in <gap-score>, with a few lines of plain JavaScript (floor.js) that stream-compile
//   a tiny wasm file fetched from beside the script (floor.wasm, one function: RICE), rank the
//   items and draw the top 15 rows in a shadow root. No widget that needs WebAssembly can
//   be faster: it is the yardstick the widget's first ranked row is measured against.
// - single-N.html: the same page with dist/gapscore-widget.js (one self-contained file).
// - split-N.html: the same page with dist/split/gapscore-widget.js (its wasm beside it).
// Each page's first ranked row is the first `gapscore-change` event (the floor sends one
// right after drawing its rows; the widget after the frame that draws them).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from '../../tests/browser/harness.mjs';

/**
 * The floor's wasm, written out byte by byte (no assembler needed): one exported function
 * rice(reach, impact, confidence, effort) = reach * impact * confidence / effort, in f64.
 */
export function floorWasm() {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    0x01, 0x09, 0x01, 0x60, 0x04, 0x7c, 0x7c, 0x7c, 0x7c, 0x01, 0x7c, // types: (f64 f64 f64 f64) -> f64
    0x03, 0x02, 0x01, 0x00, // functions: one of type 0
    0x07, 0x08, 0x01, 0x04, 0x72, 0x69, 0x63, 0x65, 0x00, 0x00, // exports: "rice" = function 0
    0x0a, 0x0f, 0x01, 0x0d, 0x00, // code: one body of 13 bytes, no locals
    0x20, 0x00, 0x20, 0x01, 0xa2, 0x20, 0x02, 0xa2, 0x20, 0x03, 0xa3, 0x0b, // a*b*c/d
  ];
  return Uint8Array.from(bytes);
}

/** The floor's script: classic, deferred, a few lines. */
export const FLOOR_JS = `// The wasm floor (bench/widget/pages.mjs): the least a widget that needs WebAssembly must do.
(() => {
  const wasm = WebAssembly.instantiateStreaming(fetch(new URL('floor.wasm', document.currentScript.src)));
  const draw = async () => {
    const rice = (await wasm).instance.exports.rice;
    const host = document.querySelector('gap-score');
    const doc = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
    const v = (x) => (typeof x === 'number' ? x : x.likely); // a range {low, likely, high}: its likely value
    const ranked = doc.items.map((it) => ({ it, score: rice(v(it.reach), v(it.impact), v(it.confidence), v(it.effort)) }));
    ranked.sort((a, b) => b.score - a.score || (a.it.id < b.it.id ? -1 : 1));
    const table = document.createElement('table');
    ranked.slice(0, 15).forEach((r, k) => {
      const row = table.insertRow();
      for (const v of [k + 1, r.it.title, r.score.toFixed(1)]) row.insertCell().textContent = String(v);
    });
    host.attachShadow({ mode: 'open' }).append(table);
    host.dispatchEvent(new CustomEvent('gapscore-change', { bubbles: true, composed: true, detail: { order: ranked.map((r) => r.it.id) } }));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
`;

/** A generated backlog (scripts/generate-backlog.mjs, deterministic) as inline-safe JSON text. */
export function backlog(n, model) {
  const text = execFileSync(process.execPath, [resolve(root, 'scripts/generate-backlog.mjs'), String(n)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const doc = JSON.parse(text);
  doc.model = model;
  return JSON.stringify(doc).replace(/</g, '\\u003c');
}

/** The page: the same for every build but the script. */
export function page(doc, script, extraHead = '') {
  return `<!doctype html><html><head><meta charset="utf-8">${extraHead}
<script src="${script}" defer></script></head><body>
<gap-score storage-key="bench"><script type="application/json">${doc}</script></gap-score></body></html>`;
}

/** The scripts of each kind of page, relative to /bench/. */
export const SCRIPTS = {
  floor: 'floor.js',
  single: '../dist/gapscore-widget.js',
  split: '../dist/split/gapscore-widget.js',
};

/**
 * Writes the bench pages into a new folder: `${kind}-${name}.html` for each kind and each
 * document in `docs` ({ name: text }), plus the floor's script and wasm. `scripts` may
 * name other scripts for some kinds (a build kept aside: { before: '/bench/old.js' }).
 */
export function writePages(docs, scripts = SCRIPTS) {
  const dir = mkdtempSync(join(tmpdir(), 'gapscore-bench-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'floor.js'), FLOOR_JS);
  writeFileSync(join(dir, 'floor.wasm'), floorWasm());
  // Opened first in a fresh browser context, so a cold visit measures the page, not the
  // browser starting its renderer process.
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title>');
  for (const [name, doc] of Object.entries(docs)) {
    for (const [kind, script] of Object.entries(scripts)) writeFileSync(join(dir, `${kind}-${name}.html`), page(doc, script));
  }
  return dir;
}
