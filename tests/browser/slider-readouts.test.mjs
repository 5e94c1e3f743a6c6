// A weight slider sits where its readout says (issue 19, item 5): after "Weigh it like" the AHP
// priorities (3.87 on the 0..10 scale), the slider's value is the weight itself, not 4 beside
// a readout saying 3.87; arrow keys then move it on round steps (3.87 -> 4 -> 4.5), and the
// readout follows. By keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openDemo, backlog, chooseModel, until } from './harness.mjs';

const env = useBrowser();

/**
 * Each slider's value and the number its readout shows ("3.87 · 24 %" -> "3.87"); the number
 * its value text says (a weight given as a range also says "(likely value of the range 1–4)").
 */
function pairs(page) {
  return page.evaluate(() =>
    [...document.querySelector('#backlog').shadowRoot.querySelectorAll('.gs-slider')].map((row) => ({
      name: row.querySelector('label').textContent,
      value: Number(row.querySelector('input[type=range]').value),
      readout: row.querySelector('.gs-wval').textContent.split(' · ')[0],
      valuetext: row.querySelector('input[type=range]').getAttribute('aria-valuetext').split(',')[0].replace(/ \(likely value of the range [^)]*\)$/, ''),
    })),
  );
}

/** Whether a readout is `x` as printed: within half its last digit ("3.87" for 3.8712, never "3.87" for 4). */
function says(readout, x) {
  const decimals = readout.split('.')[1]?.length ?? 0;
  return Math.abs(Number(readout.replace(/,/g, '')) - x) <= 0.5 * 10 ** -decimals + 1e-12;
}

test('after the AHP preset every slider sits at the weight its readout shows', async () => {
  const page = await openDemo(env);
  await chooseModel(page, 'weighted');
  const menu = backlog(page).getByLabel('Weigh it like');
  const options = await menu.locator('option').allTextContents();
  const ahp = options.find((o) => /AHP/i.test(o));
  assert.ok(ahp, `the demo offers its AHP priorities (${options.join(', ')})`);
  await menu.selectOption({ label: ahp });
  await until(async () => (await pairs(page)).some((p) => !Number.isInteger(p.value * 2)), 3000, 'AHP weights off the 0.5 grid');
  const shown = await pairs(page);
  for (const p of shown) {
    assert.ok(says(p.readout, p.value), `${p.name}: the readout ${p.readout} says the slider's value ${p.value}`);
    assert.equal(p.valuetext, p.readout, `${p.name}: a screen reader hears the same number`);
  }
  // The keys move on round steps from where the slider sits.
  const off = shown.find((p) => !Number.isInteger(p.value * 2));
  const slider = backlog(page).getByRole('slider', { name: off.name });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const up = Math.floor(off.value * 2 + 1e-9) / 2 + 0.5;
  await until(async () => Number(await slider.inputValue()) === up, 3000, `one key press up to ${up}`);
  const after = (await pairs(page)).find((p) => p.name === off.name);
  assert.ok(says(after.readout, up), `the readout follows the key press (${after.readout})`);
  await page.context().close();
});
