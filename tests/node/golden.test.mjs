// Golden outputs in WebAssembly: every case of tests/golden/**.txt (every command in every
// format on every example document, recorded from run_command natively; format in
// tests/golden_cases.hpp) run through the module's runWithStatus, compared byte for byte:
// exit code, output and messages. The native side of the same files is golden_test.cpp.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { loadModule, root } from './support.mjs';

const gs = await loadModule();

/** The cases of one golden file, read by byte counts (outputs are UTF-8). */
function parseGolden(bytes) {
  const cases = [];
  let at = 0;
  const line = () => {
    let end = bytes.indexOf(0x0a, at);
    if (end < 0) end = bytes.length;
    const text = bytes.subarray(at, end).toString('utf8');
    at = end + 1;
    return text;
  };
  const block = (label) => {
    const l = line();
    assert.ok(l.startsWith(label), `expected "${label}", got "${l}"`);
    const n = Number(l.slice(label.length));
    const text = bytes.subarray(at, at + n).toString('utf8');
    at += n + 1;
    return text;
  };
  while (at < bytes.length) {
    const l = line();
    if (!l) continue;
    assert.ok(l.startsWith('=== '), `expected a case header, got "${l}"`);
    const header = l.slice(4);
    const c = { header, ...JSON.parse(header) };
    if (bytes.subarray(at, at + 5).toString() === 'exit ') {
      const exitCode = Number(line().slice(5));
      c.expected = { exitCode, output: block('--- output '), messages: block('--- messages ') };
    }
    cases.push(c);
  }
  return cases;
}

function goldenFiles(dir = path.join(root, 'tests/golden')) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...goldenFiles(full));
    else if (e.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

const texts = new Map();
const read = (file) => {
  if (!texts.has(file)) texts.set(file, fs.readFileSync(path.join(root, file)));
  return texts.get(file);
};

const files = goldenFiles();
test('there are golden files', () => assert.ok(files.length > 100, `${files.length} files`));

for (const file of files) {
  describe(path.relative(root, file), () => {
    for (const c of parseGolden(fs.readFileSync(file))) {
      test(c.header, () => {
        assert.ok(c.expected, 'no output recorded: run golden_test.cpp with GAPSCORE_UPDATE_GOLDEN=1');
        const options = { ...c.options };
        if (c.after_file) options.after = read(c.after_file).toString('utf8');
        // The document goes in as bytes, as the CLI reads a file.
        const got = gs.runWithStatus(c.command, read(c.document), JSON.stringify(options));
        assert.equal(got.output, c.expected.output);
        assert.equal(got.exitCode, c.expected.exitCode);
        assert.equal(got.messages, c.expected.messages);
      });
    }
  });
}
