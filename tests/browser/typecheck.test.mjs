// The widget's TypeScript compiles cleanly (strict), and the narrow module interface it
// codes against (wasm/widget/module-types.ts) is satisfied by the module's own
// declarations (dist/gapscore.d.ts): a renamed binding fails here, not in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from './harness.mjs';

const tsc = resolve(root, 'node_modules/typescript/bin/tsc');

function run(args) {
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

test('the widget sources type-check (strict, no unused code)', () => {
  assert.equal(run(['-p', 'wasm/widget/tsconfig.json']), '');
});

test('the module declarations satisfy what the widget expects', { skip: !existsSync(resolve(root, 'dist/gapscore.d.ts')) && 'no dist/gapscore.d.ts' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gapscore-types-'));
  const file = join(dir, 'check.ts');
  writeFileSync(
    file,
    `import type { GapscoreModule as Real } from ${JSON.stringify(resolve(root, 'dist/gapscore'))};
     import type { GapscoreModule as Mine } from ${JSON.stringify(resolve(root, 'wasm/widget/module-types'))};
     declare const real: Real;
     export const mine: Mine = real;\n`,
  );
  assert.equal(run(['--noEmit', '--strict', '--target', 'ES2020', '--moduleResolution', 'bundler', '--module', 'esnext', '--skipLibCheck', file]), '');
});
