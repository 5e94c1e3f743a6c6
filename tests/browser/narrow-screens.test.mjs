// The widget on a phone: wide tables scroll sideways inside the widget instead of widening
// the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, newPage, widget, until } from './harness.mjs';

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
