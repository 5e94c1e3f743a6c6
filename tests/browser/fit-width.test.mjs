// The widget fits the width it has, and follows it when it changes (issue 19, item 3): turn a
// phone or narrow a window and the charts draw again to the new width (a ResizeObserver on
// the widget, once per frame); at 390 px no part of any view is wider than the widget, so
// nothing scrolls sideways and nothing is cut off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, until, shot } from './harness.mjs';

const env = useBrowser();

/** The chart's SVG: its drawn width (viewBox), its box on screen, and what overflows its scroll box. */
function chartFit(page, sel, chart) {
  return page.evaluate(
    ([s, c]) => {
      const svg = document.querySelector(s).shadowRoot.querySelector(c);
      if (!svg) return null;
      const box = svg.parentElement;
      return { units: svg.viewBox.baseVal.width, width: svg.getBoundingClientRect().width, box: box.clientWidth, overflow: box.scrollWidth - box.clientWidth };
    },
    [sel, chart],
  );
}

test('turned from 1280 px to 390 px, value vs effort and the opportunity landscape draw again to fit', async () => {
  const page = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#gaps');
  const gaps = page.locator('#gaps');
  for (const [tab, chart] of [
    ['Value vs effort', '.gs-matrix svg'],
    ['Opportunity landscape', '.gs-landscape svg'],
  ]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await gaps.getByRole('tab', { name: tab }).click();
    await until(async () => (await chartFit(page, '#gaps', chart))?.units === 640, 10000, `the ${tab} chart drawn wide`);
    await page.setViewportSize({ width: 390, height: 800 });
    const fit = await until(async () => {
      const f = await chartFit(page, '#gaps', chart);
      return f && f.units < 640 && f.overflow <= 0 ? f : null;
    }, 5000, `the ${tab} chart redrawn for 390 px`);
    assert.ok(fit.width <= fit.box + 0.5, `${tab}: the SVG (${fit.width} px) fits its box (${fit.box} px)`);
    assert.ok(Math.abs(fit.units - fit.width) <= 1, `${tab}: drawn at its width (${fit.units} units), text not scaled (${fit.width} px)`);
    await page.locator('#gaps').screenshot({ path: shot(`fit-width-${tab.replace(/\W+/g, '-')}-390.png`) });
    // And back: wide again, the full drawing.
    await page.setViewportSize({ width: 1280, height: 900 });
    await until(async () => (await chartFit(page, '#gaps', chart))?.units === 640, 5000, `the ${tab} chart wide again`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
