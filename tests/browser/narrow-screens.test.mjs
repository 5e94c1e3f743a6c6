// The widget on a phone: wide tables scroll sideways inside the widget instead of widening
// the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, until, shot } from './harness.mjs';

const env = useBrowser();

const inShadow = (page, sel, fn) => page.evaluate(([s, f]) => new Function('root', f)(document.querySelector(s).shadowRoot), [sel, fn]);

test('on a phone, the stakeholder and sensitivity tables scroll sideways inside the widget', async () => {
  const page = await newPage(env.browser, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#backlog');
  const backlog = page.locator('#backlog');
  await backlog.getByLabel('Model').selectOption('weighted'); // Sensitivity is about criterion weights
  for (const [tab, table] of [
    ['Stakeholders', '.gs-pairs'],
    ['Sensitivity', '.gs-sens'],
  ]) {
    await backlog.getByRole('tab', { name: tab }).click();
    await until(async () => (await backlog.locator(table).count()) > 0, 10000, `the ${tab} table`);
    const fits = await inShadow(page, '#backlog', `const t = root.querySelector('${table}'); const box = t.parentElement; return box.classList.contains('gs-scroll') && box.getBoundingClientRect().right <= document.documentElement.clientWidth;`);
    assert.ok(fits, `${tab}: the table sits in a scroll box inside the page`);
  }
  await page.context().close();
});

// Issue 19, item 3: at 390 px the value-vs-effort matrix and the opportunity landscape are
// drawn at the width they have, text at full size (no scaling down), and nothing is cut off:
// the quadrant names and every dot are inside the box.
test('on a phone, value vs effort and the opportunity landscape fit the width with legible labels', async () => {
  const page = await newPage(env.browser, { viewport: { width: 390, height: 800 } });
  await page.goto(`${env.base}/demo/index.html`);
  await widget(page, '#gaps');
  const gaps = page.locator('#gaps');
  for (const [tab, chart] of [
    ['Value vs effort', '.gs-matrix svg'],
    ['Opportunity landscape', '.gs-landscape svg'],
  ]) {
    await gaps.getByRole('tab', { name: tab }).click();
    await until(async () => (await gaps.locator(chart).count()) > 0, 10000, `the ${tab} chart`);
    const m = await inShadow(page, '#gaps', `
      const svg = root.querySelector('${chart}');
      const box = svg.parentElement.getBoundingClientRect();
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const out = [...svg.querySelectorAll('text, circle')].filter((t) => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; }).map((t) => t.textContent || 'a dot');
      return { scale, out, overflow: svg.parentElement.scrollWidth - svg.parentElement.clientWidth, labels: [...svg.querySelectorAll('.gs-q-label, .gs-axis-label')].map((t) => t.textContent) };`);
    assert.ok(m.scale > 0.98, `${tab}: drawn at its size, text not scaled down (scale ${m.scale.toFixed(2)})`);
    assert.equal(m.overflow, 0, `${tab}: nothing to scroll to`);
    assert.deepEqual(m.out, [], `${tab}: nothing cut off`);
  }
  await page.locator('#gaps').screenshot({ path: shot('gaps-390.png') });
  await page.context().close();
});
