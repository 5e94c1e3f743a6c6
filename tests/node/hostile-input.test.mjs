// Hostile and broken input written here, and JavaScript arguments of the wrong type: each
// class gets the same structured {"errors": [...]} document natively and in WebAssembly,
// nothing throws into JavaScript, and the instance keeps working afterwards (an aborted
// Emscripten instance would fail every later call). The catalogue of bad-input files
// (tests/bad-inputs/) runs in bad-input-catalogue.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { cliPath, loadModule, root, runNative, runWasm } from './support.mjs';

const gs = await loadModule();
cliPath();

const goodText = fs.readFileSync(path.join(root, 'tests/fixtures/documents/intercom_rice.json'), 'utf8');
const goodNative = runNative('rank', goodText).output;

/** A valid run right after: the instance survived. */
function stillWorks() {
  const r = runWasm(gs, 'rank', goodText);
  assert.equal(r.exitCode, 0);
  assert.equal(r.output, goodNative);
  const e = new gs.Engine();
  assert.equal(e.load(goodText), true);
  assert.equal(e.rank(), true);
  e.delete();
}

function errorsOf(output) {
  const doc = JSON.parse(output);
  assert.deepEqual(Object.keys(doc), ['errors'], output.slice(0, 300));
  assert.ok(doc.errors.length > 0);
  for (const e of doc.errors) {
    assert.equal(typeof e.path, 'string');
    assert.equal(typeof e.message, 'string');
    assert.ok(e.message.length > 0);
  }
  return doc.errors;
}

/** Same bytes in: the same errors document and exit code out, in both builds. */
function sameAsNative(label, text, bytes = Buffer.from(text, 'utf8'), commands = ['rank', 'validate', 'explain']) {
  for (const command of commands) {
    const opts = command === 'explain' ? { item: 'a' } : {};
    const native = runNative(command, bytes, opts);
    const wasm = runWasm(gs, command, text, opts);
    assert.equal(wasm.output, native.output, `${label}: ${command}`);
    assert.equal(wasm.exitCode, native.exitCode, `${label}: ${command}`);
    assert.equal(wasm.exitCode, 2, `${label}: ${command} is an input error`);
    errorsOf(wasm.output);
  }
  stillWorks();
}

test('invalid JSON', () => {
  sameAsNative('truncated', '{"format": "gapscore/1", "items": [');
  sameAsNative('stray comma', '{"format": "gapscore/1", "items": [{"id": "a",}]}');
  sameAsNative('empty', '');
  sameAsNative('not an object', '[1, 2, 3]');
});

test('lone surrogates are encoded as U+FFFD, exactly as a file written by node or a browser', () => {
  const text = '{"format": "gapscore/1", "title": "\uD800", "items": [{"id": "a\uDC00b", "reach": 1}]}';
  // Buffer.from(..., 'utf8') and TextEncoder both turn a lone surrogate into EF BF BD.
  sameAsNative('lone surrogates', text);
  // A raw lone surrogate right before the closing quote must not swallow the quote.
  const r = runWasm(gs, 'validate', '{"format": "gapscore/1", "title": "x\uD800", "items": [{"id": "a"}]}');
  assert.equal(JSON.stringify(JSON.parse(r.output)).includes('Unterminated'), false);
  assert.equal(r.output, runNative('validate', '{"format": "gapscore/1", "title": "x\uD800", "items": [{"id": "a"}]}').output);
});

test('invalid UTF-8 bytes (passed as a Uint8Array, as read from a file)', () => {
  const bytes = Buffer.concat([
    Buffer.from('{"format": "gapscore/1", "title": "caf'),
    Buffer.from([0xe9, 0xff, 0xc0, 0x80]),
    Buffer.from('", "items": [{"id": "a"}]}'),
  ]);
  sameAsNative('invalid UTF-8', new Uint8Array(bytes), bytes);
  const e = new gs.Engine();
  assert.equal(e.load(new Uint8Array(bytes)), false);
  errorsOf(e.lastErrors());
  e.delete();
});

test('deep nesting', () => {
  sameAsNative('100000 [', '['.repeat(100000));
  sameAsNative('nested objects', '{"format": "gapscore/1", "items": [{"id": "a", "x": ' + '{"y": '.repeat(5000) + '1' + '}'.repeat(5000) + '}]}');
});

test('huge numbers', () => {
  sameAsNative('1e999', '{"format": "gapscore/1", "items": [{"id": "a", "reach": 1e999, "impact": 1, "confidence": 1, "effort": 1}]}');
  sameAsNative('-1e999 weight', '{"format": "gapscore/1", "criteria": [{"id": "c", "weight": -1e999}], "items": [{"id": "a"}]}');
  sameAsNative('huge integer', '{"format": "gapscore/1", "items": [{"id": "a", "reach": 123456789012345678901234567890, "impact": 1, "confidence": 1, "effort": 1e-320}]}');
});

test('a 20 MB string', () => {
  const text = '{"format": "gapscore/1", "title": "' + 'x'.repeat(20 << 20) + '", "items": [{"id": "a"}]}';
  sameAsNative('20 MB title', text, Buffer.from(text), ['validate']);
  const e = new gs.Engine();
  assert.equal(e.load(text), false);
  errorsOf(e.lastErrors());
  e.delete();
  stillWorks();
});

test('unknown command: a usage error naming the command (the CLI refuses it before the core)', () => {
  const r = gs.runWithStatus('no-such-command', goodText, '{}');
  assert.equal(r.exitCode, 1);
  const [error] = errorsOf(r.output);
  assert.equal(error.path, 'command');
  assert.match(error.message, /unknown command "no-such-command" \(choose rank, /);
  assert.equal(gs.run('', goodText, ''), r.output.replace('\\"no-such-command\\"', '\\"\\"'));
  stillWorks();
});

test('options that are not a JSON object: a usage error at "options"', () => {
  for (const options of ['[1]', '"json"', '42', 'null', '{', '{"format": "json"} x']) {
    const r = gs.runWithStatus('rank', goodText, options);
    assert.equal(r.exitCode, 1, options);
    const errors = errorsOf(r.output);
    assert.ok(errors.every((e) => e.path.startsWith('options')), `${options}: ${r.output}`);
  }
  // An unknown option and a bad value are usage errors too, as in the CLI.
  const unknown = gs.runWithStatus('rank', goodText, '{"colour": "red"}');
  assert.equal(unknown.exitCode, 1);
  assert.equal(errorsOf(unknown.output)[0].path, 'options/colour');
  stillWorks();
});

test('options parse the same either way: flags natively, JSON in wasm', () => {
  const native = runNative('rank', goodText, { model: 'no-such-model' });
  const wasm = runWasm(gs, 'rank', goodText, { model: 'no-such-model' });
  assert.equal(wasm.output, native.output);
  assert.equal(wasm.exitCode, 1);
  stillWorks();
});

test('a wrongly typed argument is refused (false or a JavaScript error), never a crash', () => {
  const e = new gs.Engine();
  assert.equal(e.load(goodText), true);
  let result;
  try {
    result = e.setField('project-1', 'effort', 'heavy');
  } catch (err) {
    result = err;
  }
  assert.ok(result === false || result instanceof Error, String(result));
  e.delete();
  stillWorks();
});

// Found by a QA pass: 22 million empty arrays (63 MB, under the 64 MiB limit) filled the
// 2 GB wasm heap, and freeing the DOM then needed memory again, inside a destructor
// (nlohmann reserves a stack the size of the container): std::terminate, thousands of
// "Aborted()" lines and a RangeError. Documents are now freed leaves first (release_json).
test('a document that fills memory is answered and freed without aborting the instance', { timeout: 120_000 }, () => {
  const doc = '{"items":[],"x":[' + '[],'.repeat(22_000_000) + '0]}';
  for (const command of ['validate', 'rank']) {
    const r = runWasm(gs, command, doc); // an abort would throw a RuntimeError here
    assert.ok(r.exitCode === 0 || r.exitCode === 2, `${command}: exit ${r.exitCode}`);
    assert.doesNotThrow(() => JSON.parse(r.output), `${command} answers one JSON document`);
  }
  stillWorks();
});

// Found by a QA pass: a Symbol (or an object whose toString throws) threw inside the
// conversion, through wasm frames, leaking wasm stack: after about 109,000 such calls every
// call failed. And a cleared input field ('') or null quietly became a weight of 0.
test('arguments of the wrong JavaScript type are refused by name, and never wear the instance down', () => {
  const cases = [
    ['document', () => gs.runWithStatus('rank', Symbol('doc'), '')],
    ['document', () => gs.runWithStatus('rank', JSON.parse(goodText), '')],
    ['options', () => gs.runWithStatus('rank', goodText, { top: 3 })],
    ['options', () => gs.runWithStatus('rank', goodText, null)],
    ['command', () => gs.runWithStatus(42, goodText, '')],
  ];
  for (const [name, call] of cases) {
    const r = call();
    assert.equal(r.exitCode, 1, name);
    assert.equal(errorsOf(r.output)[0].path, name);
  }
  const hostile = { toString() { throw new Error('no'); } };
  const fakeBytes = Object.create(Uint8Array.prototype); // passes instanceof, throws on .length
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const odd = [Symbol('x'), hostile, fakeBytes, new Proxy(new Uint8Array(3), {}), revoked];
  for (let k = 0; k < 150_000; k++) gs.run('rank', odd[k % odd.length], '');
  assert.equal(errorsOf(gs.run('rank', revoked, ''))[0].path, 'document');
  const e = new gs.Engine();
  assert.equal(e.load(goodText), true);
  assert.equal(e.rank(), true);
  for (const bad of [null, '', '3', [], undefined]) {
    assert.equal(e.setWeight('x', bad), false, `setWeight(${JSON.stringify(bad)})`);
    assert.equal(JSON.parse(e.lastErrors()).errors[0].path, 'weight');
    assert.equal(e.setField('project-1', 'effort', bad), false, `setField(${JSON.stringify(bad)})`);
    assert.equal(JSON.parse(e.lastErrors()).errors[0].path, 'value');
  }
  assert.equal(e.setWeight(revoked, 1), false);
  assert.equal(e.load(fakeBytes), false);
  assert.equal(e.load({ items: [] }), false);
  assert.equal(JSON.parse(e.lastErrors()).errors[0].path, 'document');
  assert.equal(e.rank(), true, 'the loaded document is still there');
  e.delete();
  stillWorks();
});
